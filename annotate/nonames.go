package annotate

import (
	"unicode"
	"unicode/utf8"

	"tidings/text"
)

// dropNonNames removes words in lower case that the model took for a
// name where the text writes names with capitals ("the
// measles-mumps-rubella vaccine", "export-quality avocados", "clam
// chowder"). Diseases
// named after people stay names, as CoNLL-2003 marks them ("Crohn's
// disease"). spans are ordered and disjoint; so is the result.
func dropNonNames(doc *text.Document, spans []text.Span) []text.Span {
	if len(spans) == 0 || !capitalisedText(doc) {
		return spans
	}
	out := spans[:0]
	for _, sp := range spans {
		if lowerCaseSpan(doc, sp) {
			continue
		}
		out = append(out, sp)
	}
	return out
}

// lowerCaseSpan reports a span whose words are all in lower case, one
// word or several ("clam chowder", "nilly tweaks" of "willy-nilly
// tweaks"): punctuation between them aside, none has a capital.
func lowerCaseSpan(doc *text.Document, sp text.Span) bool {
	words := 0
	for _, t := range doc.Tokens[sp.Start:sp.End] {
		if lowerCase(t.Form) {
			words++
			continue
		}
		for _, r := range t.Form {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return false
			}
		}
	}
	return words > 0
}

// capitalisedText reports a text whose sentences mostly begin with a
// capital, as edited text does; text written all in lower case does not.
func capitalisedText(doc *text.Document) bool {
	n, capital := 0, 0
	for _, s := range doc.Sentences {
		if s.End <= s.Start {
			continue
		}
		r, _ := utf8.DecodeRuneInString(doc.Tokens[s.Start].Form)
		if !unicode.IsLetter(r) {
			continue
		}
		n++
		if unicode.IsUpper(r) {
			capital++
		}
	}
	return n > 0 && capital*2 >= n
}

// lowerCase reports a word with letters, none of them capitals: not a
// number ("1,000" of "1,000 Lakes Rally").
func lowerCase(w string) bool {
	letters := false
	for _, r := range w {
		if unicode.IsUpper(r) {
			return false
		}
		letters = letters || unicode.IsLetter(r)
	}
	return letters
}
