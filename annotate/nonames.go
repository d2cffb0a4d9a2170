package annotate

import (
	"unicode"
	"unicode/utf8"

	"tidings/text"
)

// dropNonNames removes a word in lower case that the model took for a
// name where the text writes names with capitals ("the
// measles-mumps-rubella vaccine", "export-quality avocados"). Diseases
// named after people stay names, as CoNLL-2003 marks them ("Crohn's
// disease"). spans are ordered and disjoint; so is the result.
func dropNonNames(doc *text.Document, spans []text.Span) []text.Span {
	if len(spans) == 0 || !capitalisedText(doc) {
		return spans
	}
	out := spans[:0]
	for _, sp := range spans {
		if sp.End-sp.Start == 1 && !hasUpper(doc.Tokens[sp.Start].Form) {
			continue
		}
		out = append(out, sp)
	}
	return out
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

func hasUpper(w string) bool {
	for _, r := range w {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}
