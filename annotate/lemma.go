package annotate

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Lemmatizer maps a word and its tags to a lemma: exceptions learned from
// a treebank first, then suffix rules learned from it ("studies"/NNS ->
// strip 3, add "y"), then the word itself (lower-cased unless a proper noun).
type Lemmatizer struct {
	// Exceptions maps "lowercased word\tXPOS" to its lemma, for words
	// whose lemma the rules get wrong.
	Exceptions map[string]string
	// Rules maps "XPOS\tsuffix" to the edit for words ending so.
	Rules map[string]SuffixEdit
}

// SuffixEdit rewrites a word's ending: drop Strip bytes, append Add.
type SuffixEdit struct {
	Strip int
	Add   string
}

const maxRuleSuffix = 5

// Lemma returns the lemma of word tagged upos/xpos.
func (l *Lemmatizer) Lemma(word, upos, xpos string) string {
	lower := strings.ToLower(word)
	if lem, ok := l.Exceptions[lower+"\t"+xpos]; ok {
		return recase(word, lem, xpos)
	}
	return recase(word, l.byRule(lower, xpos), xpos)
}

// recase applies EWT's casing of lemmas: proper nouns (XPOS NNP, NNPS)
// keep the word's capitals, other words are lower case.
func recase(word, lemma, xpos string) string {
	if lemma != strings.ToLower(lemma) {
		return lemma // a lemma learned with its case ("I")
	}
	proper := xpos == "NNP" || xpos == "NNPS"
	if !proper {
		return lemma
	}
	if strings.EqualFold(word, lemma) {
		return word
	}
	if len(word) >= len(lemma) && strings.EqualFold(word[:len(lemma)], lemma) {
		return word[:len(lemma)] // Americans -> American
	}
	r, _ := utf8.DecodeRuneInString(word)
	if unicode.IsUpper(r) {
		lr, n := utf8.DecodeRuneInString(lemma)
		return string(unicode.ToUpper(lr)) + lemma[n:]
	}
	return lemma
}

func (l *Lemmatizer) byRule(lower, xpos string) string {
	for k := min(maxRuleSuffix, len(lower)); k >= 1; k-- {
		if e, ok := l.Rules[xpos+"\t"+lower[len(lower)-k:]]; ok && e.Strip <= len(lower) {
			return lower[:len(lower)-e.Strip] + e.Add
		}
	}
	return lower
}

// editOf returns the suffix edit turning lower into lemma.
func editOf(lower, lemma string) SuffixEdit {
	p := 0
	for p < len(lower) && p < len(lemma) && lower[p] == lemma[p] {
		p++
	}
	return SuffixEdit{Strip: len(lower) - p, Add: lemma[p:]}
}

// TrainLemmatizer learns suffix rules and exceptions from sentences with
// gold lemmas.
func TrainLemmatizer(train []Sentence) *Lemmatizer {
	type key struct{ word, xpos, lemma string }
	pairs := map[key]int{}
	for _, s := range train {
		if s.Lemma == nil {
			continue
		}
		for i := range s.Form {
			if s.Lemma[i] == "" || s.Lemma[i] == "_" {
				continue
			}
			pairs[key{strings.ToLower(s.Form[i]), s.XPOS[i], s.Lemma[i]}]++
		}
	}
	// Count edits per (XPOS, suffix) over word types, weighting by tokens.
	votes := map[string]map[SuffixEdit]int{}
	for k, n := range pairs {
		e := editOf(k.word, strings.ToLower(k.lemma))
		for s := max(e.Strip, 1); s <= min(maxRuleSuffix, len(k.word)); s++ {
			ctx := k.xpos + "\t" + k.word[len(k.word)-s:]
			m := votes[ctx]
			if m == nil {
				m = map[SuffixEdit]int{}
				votes[ctx] = m
			}
			m[e] += n
		}
	}
	l := &Lemmatizer{Exceptions: map[string]string{}, Rules: map[string]SuffixEdit{}}
	ctxs := make([]string, 0, len(votes))
	for c := range votes {
		ctxs = append(ctxs, c)
	}
	sort.Strings(ctxs)
	for _, c := range ctxs {
		var best SuffixEdit
		bestN, total := -1, 0
		for e, n := range votes[c] {
			total += n
			if n > bestN || n == bestN && (e.Strip < best.Strip || e.Strip == best.Strip && e.Add < best.Add) {
				best, bestN = e, n
			}
		}
		// Keep a rule only when it is not the identity and is reliable.
		if best != (SuffixEdit{}) && total >= 2 && float64(bestN)/float64(total) > 0.5 {
			l.Rules[c] = best
		}
	}
	// Exceptions: the most frequent lemma of each (word, XPOS), where the
	// rules would say otherwise.
	bestLemma := map[string]string{}
	bestCount := map[string]int{}
	for k, n := range pairs {
		kk := k.word + "\t" + k.xpos
		if n > bestCount[kk] || n == bestCount[kk] && k.lemma < bestLemma[kk] {
			bestLemma[kk], bestCount[kk] = k.lemma, n
		}
	}
	for kk, lem := range bestLemma {
		word, xpos, _ := strings.Cut(kk, "\t")
		rule := l.byRule(word, xpos)
		proper := xpos == "NNP" || xpos == "NNPS"
		// Proper nouns keep the word's case at run time, so only a change
		// beyond case needs an exception.
		if rule != lem && !(proper && strings.EqualFold(rule, lem)) {
			l.Exceptions[kk] = lem
		}
	}
	return l
}

// knownLemma mends a verb's lemma that the suffix rules cut one letter
// wrong, when the word the rules give is unknown to the clusters' corpus
// and the lemma with a final "e" added or taken away is a known word: the
// rules learnt "-aded" both from "loaded" and from "traded", and give
// "persuad", "trad" and "raide"; a doubled consonant cut to one ("shel")
// is restored too.
func (m *Models) knownLemma(word, lemma, upos string) string {
	if upos != "VERB" || len(lemma) < 2 || m.Clusters == nil || lemma == strings.ToLower(word) || m.CommonWord(lemma) {
		return lemma
	}
	alt := lemma + "e"
	if strings.HasSuffix(lemma, "e") {
		alt = lemma[:len(lemma)-1]
	}
	if len(alt) > 2 && m.CommonWord(alt) {
		return alt
	}
	// a doubled consonant cut to one: "shelled", "shel"
	if alt := lemma + lemma[len(lemma)-1:]; m.CommonWord(alt) {
		return alt
	}
	return lemma
}
