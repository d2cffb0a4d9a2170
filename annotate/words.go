package annotate

import (
	"unicode"
	"unicode/utf8"
)

// wordInfo holds the hashed properties of one word that the feature
// templates combine; computed once per word per sentence.
type wordInfo struct {
	lower, shape           uint64
	pre1, suf1, suf2, suf3 uint64
	suf4                   uint64
	coarse, fine           uint64 // distributional classes, 0 when unknown
	title, upper, digit    bool
	hyphen                 bool
}

// Sentinel words outside the sentence.
var (
	padBefore = wordInfo{lower: hashString(fnvOffset, "<s>"), shape: hashString(fnvOffset, "<s>")}
	padAfter  = wordInfo{lower: hashString(fnvOffset, "</s>"), shape: hashString(fnvOffset, "</s>")}
)

// infoOf computes a word's properties without allocating; lex holds what
// is known of the word from training (its clusters).
func infoOf(w string, lex lexEntry) wordInfo {
	var wi wordInfo
	wi.coarse, wi.fine = uint64(lex.coarse), uint64(lex.fine)
	wi.lower = hashLower(fnvOffset, w)
	wi.shape = hashShape(w)
	n := utf8.RuneCountInString(w)
	wi.pre1 = hashLower(fnvOffset+1, prefixRunes(w, 1))
	wi.suf1 = hashLower(fnvOffset+2, suffixRunes(w, 1, n))
	wi.suf2 = hashLower(fnvOffset+3, suffixRunes(w, 2, n))
	wi.suf3 = hashLower(fnvOffset+4, suffixRunes(w, 3, n))
	wi.suf4 = hashLower(fnvOffset+5, suffixRunes(w, 4, n))
	r, _ := utf8.DecodeRuneInString(w)
	wi.title = unicode.IsUpper(r)
	wi.upper = wi.title
	for _, r := range w {
		if unicode.IsLower(r) {
			wi.upper = false
		}
		if r >= '0' && r <= '9' {
			wi.digit = true
		}
		if r == '-' {
			wi.hyphen = true
		}
	}
	return wi
}

// hashLower folds the lower-cased s into h.
func hashLower(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		} else if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			r = unicode.ToLower(r)
			var buf [utf8.UTFMax]byte
			m := utf8.EncodeRune(buf[:], r)
			for _, b := range buf[:m] {
				h ^= uint64(b)
				h *= fnvPrime
			}
			i += n - 1
			continue
		}
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// hashShape hashes the word's shape: X for upper, x for lower, d for digit,
// the character itself otherwise, runs of more than two collapsed
// ("Kassym-Jomart" -> Xxx-Xxx, "1,000" -> d,ddd -> d,dd).
func hashShape(w string) uint64 {
	h := uint64(fnvOffset + 7)
	var prev rune
	run := 0
	for _, r := range w {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = r
		}
		if c == prev {
			run++
			if run > 2 {
				continue
			}
		} else {
			run = 1
		}
		prev = c
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

func prefixRunes(w string, k int) string {
	i := 0
	for n := 0; n < k && i < len(w); n++ {
		_, size := utf8.DecodeRuneInString(w[i:])
		i += size
	}
	return w[:i]
}

// suffixRunes returns the last k runes of w, which has n runes; the whole
// word when it is shorter.
func suffixRunes(w string, k, n int) string {
	if k >= n {
		return w
	}
	i := len(w)
	for m := 0; m < k; m++ {
		_, size := utf8.DecodeLastRuneInString(w[:i])
		i -= size
	}
	return w[i:]
}

// lexEntry is what the tagger knows of a word type: its tag when the word
// is unambiguous (-1 otherwise) and its clusters; one map lookup per word.
type lexEntry struct {
	class        int32
	coarse, fine uint32
}

// buildLexicon merges the tag dictionary and the clusters.
func buildLexicon(dict map[string]int32, cl *Clusters) map[string]lexEntry {
	lex := make(map[string]lexEntry, len(dict)+cl.Len())
	if cl != nil {
		for w, x := range cl.classes {
			lex[w] = lexEntry{class: -1, coarse: x[0], fine: x[1]}
		}
	}
	for w, c := range dict {
		e, ok := lex[w]
		if !ok {
			e = lexEntry{class: -1}
		}
		e.class = c
		lex[w] = e
	}
	return lex
}

var unknownWord = lexEntry{class: -1}

// flags packs a word's orthographic facts into one feature value.
func (w *wordInfo) flags(first bool) uint64 {
	var f uint64
	if first {
		f |= 1
	}
	if w.title {
		f |= 2
	}
	if w.upper {
		f |= 4
	}
	if w.digit {
		f |= 8
	}
	if w.hyphen {
		f |= 16
	}
	return f
}
