// Package textfold folds names for matching: it removes diacritics and,
// for Fold, case, so that "Mangghystaū", "MANGGHYSTAU" and "mangghystau"
// meet. It does not transliterate between scripts.
package textfold

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Letters that carry a diacritic or ligature but do not decompose under
// Unicode NFD, with their usual Latin spelling.
var special = map[rune]string{
	'ß': "ss", 'ẞ': "SS",
	'ł': "l", 'Ł': "L",
	'ø': "o", 'Ø': "O",
	'đ': "d", 'Đ': "D",
	'ð': "d", 'Ð': "D",
	'ħ': "h", 'Ħ': "H",
	'ı': "i",
	'ŧ': "t", 'Ŧ': "T",
	'æ': "ae", 'Æ': "AE",
	'œ': "oe", 'Œ': "OE",
	'þ': "th", 'Þ': "TH",
	'ŀ': "l", 'Ŀ': "L",
	// Apostrophe-like letters and quotes, written as a plain apostrophe.
	'’': "'", '‘': "'", 'ʼ': "'", 'ʻ': "'", 'ʹ': "'", '′': "'", '`': "'", '´': "'",
	// Dashes, written as a hyphen.
	'‐': "-", '‑': "-", '‒': "-", '–': "-", '—': "-",
}

// Fold returns s lower-cased, without diacritics, with apostrophes and
// dashes unified and runs of white space collapsed to one space.
func Fold(s string) string { return fold(s, true) }

// StripMarks returns s without diacritics, keeping case; like Fold it
// unifies apostrophes and dashes and collapses white space.
func StripMarks(s string) string { return fold(s, false) }

func fold(s string, lower bool) string {
	if isPlainASCII(s) {
		if lower {
			return strings.ToLower(s) // one allocation, none if already lower
		}
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is pending
	started := false
	var it norm.Iter
	it.InitString(norm.NFD, s)
	for !it.Done() {
		seg := it.Next()
		for len(seg) > 0 {
			r, n := utf8.DecodeRune(seg)
			seg = seg[n:]
			if unicode.Is(unicode.Mn, r) {
				continue
			}
			if unicode.IsSpace(r) {
				space = started
				continue
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			started = true
			if rep, ok := special[r]; ok {
				if lower {
					rep = strings.ToLower(rep)
				}
				b.WriteString(rep)
				continue
			}
			if lower {
				r = unicode.ToLower(r)
			}
			b.WriteRune(r)
		}
	}
	// NFD output is what we built from; recompose what is left (for
	// scripts whose letters keep their marks nowhere, this is a no-op).
	return norm.NFC.String(b.String())
}

// isPlainASCII reports whether s is ASCII with single inner spaces and no
// other white space, the common case that needs no rewriting but case.
func isPlainASCII(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	prevSpace := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return false
		case c == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		case c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c == '`':
			return false
		default:
			prevSpace = false
		}
	}
	return true
}
