package annotate

import (
	"strings"

	"tidings/text"
)

// extendPlaceNames joins a place, or an organisation, to the capitalised
// words that go on its name when the last of them is the head noun of an
// institution or a site. Many such names begin with a place ("Birmingham
// City Council", "Greater Manchester Police", "Melbourne Cricket Ground"),
// and the gazetteer, which knows the place, makes the model stop there. A
// site is a place, an institution an organisation. Other capitalised words
// after a place are left to the model ("U.S. Olympic trials", "Brazil
// Sept"), as are headlines, where every word is capitalised, and titles
// ("Texas Governor"); a possessive after the head belongs to the whole
// name ("Birmingham City Council's plans"). spans are ordered and disjoint; so is the result.
func (m *NER) extendPlaceNames(doc *text.Document, spans []text.Span) []text.Span {
	var out []text.Span
	for si, s := range doc.Sentences {
		lo := len(out)
		for len(spans) > 0 && spans[0].Start < s.End {
			out = append(out, spans[0])
			spans = spans[1:]
		}
		if si == 0 && standsAlone(doc, s) || lo == len(out) {
			continue
		}
		headline := -1 // unknown until a name could grow: most never do
		in := out[lo:]
		for i := range in {
			sp := &in[i]
			if sp.Label != "LOC" && sp.Label != "ORG" {
				continue
			}
			limit := s.End
			if i+1 < len(in) {
				limit = in[i+1].Start
			}
			end := sp.End
			for end < limit && end-sp.End < 3 && nameWord(doc.Tokens[end].Form) && !m.titles[strings.ToLower(doc.Tokens[end].Form)] {
				end++
			}
			// The longest run that ends in a head noun.
			for end > sp.End && headKind(doc.Tokens[end-1].Form) == "" {
				end--
			}
			if end == sp.End {
				continue
			}
			if headline < 0 {
				headline = 0
				if headlineSentence(doc, s) {
					headline = 1
				}
			}
			if headline == 0 {
				sp.End, sp.Label = end, headKind(doc.Tokens[end-1].Form)
			}
		}
	}
	return append(out, spans...)
}

// nameWord reports a word written as a name in running text: a capital,
// then lower-case letters, and not a day or a month.
func nameWord(w string) bool {
	return titleWord(w) && !calendarWords[w] && !minorWords[strings.ToLower(w)]
}

// siteWords and institutionWords end the names of sites, which are
// places, and of institutions, which are organisations.
var (
	siteWords = map[string]bool{"airport": true, "station": true, "stadium": true, "ground": true, "arena": true,
		"park": true, "bridge": true, "square": true, "harbour": true, "harbor": true, "road": true, "street": true,
		"avenue": true, "lane": true, "circus": true, "cathedral": true, "palace": true, "castle": true,
		"terminal": true, "beach": true}
	institutionWords = map[string]bool{"council": true, "police": true, "authority": true, "committee": true,
		"commission": true, "agency": true, "university": true, "college": true, "school": true, "academy": true,
		"hospital": true, "trust": true, "board": true, "service": true, "court": true, "institute": true,
		"society": true, "association": true, "federation": true, "club": true, "chamber": true, "museum": true,
		"library": true, "zoo": true}
)

// headKind is the type of a name that ends in word, "" when word heads no
// site or institution.
func headKind(word string) string {
	switch w := strings.ToLower(word); {
	case siteWords[w]:
		return "LOC"
	case institutionWords[w]:
		return "ORG"
	}
	return ""
}

// headlineSentence reports a sentence in title case or capitals, where
// capitals do not mark names.
func headlineSentence(doc *text.Document, s text.Span) bool {
	words := make([]string, 0, s.End-s.Start)
	for _, t := range doc.Tokens[s.Start:s.End] {
		words = append(words, t.Form)
	}
	return allCaps(words) || titleCaseSentence(words, false)
}
