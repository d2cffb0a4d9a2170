package annotate

import (
	"strings"

	"tidings/text"
)

// trimArticles drops "the" from the start of a name in a sentence written
// wholly in lower case ("the fed", "the white house"): without capitals
// the model cannot see where such a name begins, and names begin after
// their article. The gazetteer is no guide here: it knows some names
// with the article news writes before them ("the Fed"), and matches
// them without regard to case. spans are ordered and disjoint; so is the
// result.
func trimArticles(doc *text.Document, spans []text.Span) []text.Span {
	for i := range spans {
		sp := &spans[i]
		if sp.End-sp.Start < 2 || doc.Tokens[sp.Start].Form != "the" {
			continue
		}
		if _, _, ok := lowerSentence(doc, sp.Start); !ok {
			continue
		}
		sp.Start++
	}
	return spans
}

// lowerSentence returns the words of the sentence that holds token k and
// the index of its first token; ok reports a sentence written wholly in
// lower case.
func lowerSentence(doc *text.Document, k int) (words []string, start int, ok bool) {
	s, found := doc.SentenceOf(k)
	if !found {
		return nil, 0, false
	}
	words = make([]string, s.End-s.Start)
	for i := range words {
		words[i] = doc.Tokens[s.Start+i].Form
	}
	return words, s.Start, noCapitals(words)
}

// trimCommonTails cuts a name in a sentence written wholly in lower case
// back to the known name that begins it, when the words after that are
// common words the model ran on into ("bbc | weather app"): a name the
// gazetteer knows whole ("aston villa", "bank of england", "glasgow
// city", a council area), or one whose rest holds the head of a body, a
// site or an event ("un security council"), is left whole. The name keeps the
// gazetteer's type when it has only one. spans are ordered and
// disjoint; so is the result.
func (m *NER) trimCommonTails(doc *text.Document, spans []text.Span) []text.Span {
	if m.gaz == nil {
		return spans
	}
	for i := range spans {
		sp := &spans[i]
		if sp.End-sp.Start < 2 || !lowerWord(doc.Tokens[sp.Start].Form) {
			continue
		}
		words, start, ok := lowerSentence(doc, sp.Start)
		if !ok {
			continue
		}
		name := words[sp.Start-start : sp.End-start]
		if m.gaz.typesOf(name) != 0 {
			continue
		}
		// The longest known name that begins the span, the rest common
		// words that head nothing.
		for end := len(name) - 1; end >= 1; end-- {
			t := m.gaz.typesOf(name[:end])
			if t == 0 {
				continue
			}
			if !commonTail(name[end:], m.commonWord) {
				break
			}
			sp.End = sp.Start + end
			if t&(t-1) == 0 {
				sp.Label = nerTypes[bitIndex(t)]
			}
			break
		}
	}
	return spans
}

// commonTail reports words that running text writes in lower case, or
// the plurals of such, and that head no name of a body, a site or an
// event.
func commonTail(words []string, common func(string) bool) bool {
	for _, w := range words {
		if !lowerWord(w) || !common(w) && !common(strings.TrimSuffix(w, "s")) || headKind(w) != "" || bodyOnlyHeads[w] || groupHeads[w] || siteHeads[w] || eventHeads[w] {
			return false
		}
	}
	return true
}
