package annotate

import (
	"strings"

	"tidings/text"
)

// awardHeads end the names of prizes.
var awardHeads = map[string]bool{"prize": true, "award": true, "medal": true}

// awardFields joins to a prize's name (MISC, ending in "Prize", "Award"
// or "Medal") the field it is given in, written in capitals after "in" or
// "for" ("Nobel Prize in Literature", "Harwick Prize for Fiction",
// "Nobel Prize in Physiology or Medicine"), with the names the model read
// there; not a year or a reason in lower case ("in 1979", "for her
// efforts", as CoNLL-2003 marks them), nor a place the gazetteer knows or
// a person ("in Dunmore", "for Dana Kell"). spans are ordered and
// disjoint; so is the result.
func (m *NER) awardFields(doc *text.Document, spans []text.Span) []text.Span {
	toks := doc.Tokens
	out := spans[:0]
	for i := 0; i < len(spans); i++ {
		sp := spans[i]
		k := sp.End
		if sp.Label != "MISC" || !awardHeads[strings.ToLower(toks[k-1].Form)] || !capitalisedWord(toks[k-1].Form) ||
			k+1 >= len(toks) || toks[k].Form != "in" && toks[k].Form != "for" {
			out = append(out, sp)
			continue
		}
		s, _ := doc.SentenceOf(sp.Start)
		// The field: title-case words, "or" or "and" between them.
		end := k + 1
		for end < s.End && end-k <= 5 && (titleCase(toks[end].Form) || end > k+1 && (toks[end].Form == "or" || toks[end].Form == "and") &&
			end+1 < s.End && titleCase(toks[end+1].Form)) {
			end++
		}
		// The model's names there must lie inside it, and be no person's
		// nor a place the gazetteer knows.
		j := i + 1
		ok := end > k+1
		for ; j < len(spans) && spans[j].Start < end; j++ {
			o := spans[j]
			if o.End > end || o.Label == "PER" || m.knownAs(tokenWords(doc, o.Start, o.End), "LOC") {
				ok = false
			}
		}
		if !ok {
			out = append(out, sp)
			continue
		}
		sp.End = end
		out = append(out, sp)
		i = j - 1
	}
	return out
}
