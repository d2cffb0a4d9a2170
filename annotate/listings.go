package annotate

import (
	"slices"

	"tidings/text"
)

// listings reads a company's listing in brackets after its name, "(NYSE:
// HLX)": an exchange's acronym, a colon and a ticker. The exchange and the
// ticker are organisations, as the set of news names marks them (the
// model reads "NASDAQ" as the index, MISC), and so is the name before the
// brackets: the model's name there, or the capitalised words there that
// it missed ("Shell (LSE: SHEL) beat forecasts" at a sentence's start). A
// source's credit ("(Source: AFP)"), a time ("(GMT: 1400)") or brackets
// after no name are left. spans are ordered and disjoint; so is the
// result.
func (m *NER) listings(doc *text.Document, spans []text.Span) []text.Span {
	toks := doc.Tokens
	var found []text.Span
	for k := 1; k+4 < len(toks); k++ {
		if toks[k].Form != "(" || toks[k+2].Form != ":" || toks[k+4].Form != ")" || !acronym(toks[k+1].Form) ||
			len(toks[k+1].Form) > 6 || !ticker(toks[k+3].Form) {
			continue
		}
		s, _ := doc.SentenceOf(k)
		// The company: the model's name before the brackets, or the
		// capitalised words there.
		start := k
		if j := slices.IndexFunc(spans, func(sp text.Span) bool { return sp.End == k }); j >= 0 {
			start = spans[j].Start
		} else {
			for start > s.Start && start > k-4 && capitalisedWord(toks[start-1].Form) && !determiner(toks[start-1].Form) && !covered(spans, start-1) {
				start--
			}
		}
		if start == k {
			continue
		}
		found = append(found, text.Span{Start: start, End: k, Label: "ORG"},
			text.Span{Start: k + 1, End: k + 2, Label: "ORG"}, text.Span{Start: k + 3, End: k + 4, Label: "ORG"})
		k += 4
	}
	if len(found) == 0 {
		return spans
	}
	// The listings' names replace the model's over the same words.
	out := make([]text.Span, 0, len(spans)+len(found))
	for _, sp := range spans {
		if !overlapsAny(sp, found) {
			out = append(out, sp)
		}
	}
	out = append(out, found...)
	slices.SortFunc(out, func(a, b text.Span) int { return a.Start - b.Start })
	return out
}
