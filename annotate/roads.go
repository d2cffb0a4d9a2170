package annotate

import (
	"slices"
	"strings"

	"tidings/text"
)

// roadNames makes a place of a British road's number ("the A38", "the
// M6", "the A1(M)"), which the models, trained on few such, miss or read
// as a body. The shape alone names aircraft ("the A380"), armed groups
// ("M23 rebels") and paper sizes too, so the number must follow "the",
// must not be followed by a noun it modifies ("A350 jets"), and the
// sentence must speak of roads ("closed", "junction", "lorry"). In text
// written wholly in lower case the letter is small ("the m62"). spans
// are ordered and disjoint; so is the result.
func roadNames(doc *text.Document, spans []text.Span) []text.Span {
	var forms []string // read when a sentence holds a number
	for _, s := range doc.Sentences {
		// Most sentences name no road: look for a number first.
		if !slices.ContainsFunc(doc.Tokens[s.Start:s.End], func(t text.Token) bool { return roadNumber(t.Form, true) }) {
			continue
		}
		if forms == nil {
			forms = tokenForms(doc)
		}
		words := forms[s.Start:s.End]
		lower := noCapitals(words)
		roadTalk := -1 // unknown until a number could be a road's
		for i := 1; i < len(words); i++ {
			if !roadNumber(words[i], lower) || !strings.EqualFold(words[i-1], "the") {
				continue
			}
			end := i + 1
			// "A1(M)": a road built to a motorway's standard.
			if end+2 < len(words) && words[end] == "(" && words[end+1] == "M" && words[end+2] == ")" &&
				doc.Tokens[s.Start+end-1].End == doc.Tokens[s.Start+end].Start {
				end += 3
			}
			if end < len(words) {
				t := &doc.Tokens[s.Start+end]
				if strings.HasPrefix(t.XPOS, "NN") && !roadNouns[strings.ToLower(t.Form)] || capitalisedWord(t.Form) {
					continue // "the A350 jets", "the M23 Movement"
				}
			}
			if roadTalk < 0 {
				roadTalk = 0
				for _, w := range words {
					if roadWords[strings.ToLower(w)] {
						roadTalk = 1
						break
					}
				}
			}
			if roadTalk == 0 {
				continue
			}
			spans = placeSpan(spans, text.Span{Start: s.Start + i, End: s.Start + end, Label: "LOC"})
		}
	}
	return spans
}

// placeSpan puts sp among spans, replacing the spans it covers whole; a
// span that crosses its edges keeps it out.
func placeSpan(spans []text.Span, sp text.Span) []text.Span {
	first, last := len(spans), -1
	for j, o := range spans {
		if o.End <= sp.Start || o.Start >= sp.End {
			continue
		}
		if o.Start < sp.Start || o.End > sp.End {
			return spans
		}
		first, last = min(first, j), j
	}
	if last < 0 {
		first = 0
		for first < len(spans) && spans[first].Start < sp.Start {
			first++
		}
		last = first - 1
	}
	out := make([]text.Span, 0, len(spans)+1)
	out = append(out, spans[:first]...)
	out = append(out, sp)
	return append(out, spans[last+1:]...)
}

// roadNumber reports a road's number: A, B or M and one to four digits,
// not beginning with 0; in lower case only when lower is set.
func roadNumber(w string, lower bool) bool {
	if len(w) < 2 || len(w) > 5 {
		return false
	}
	switch w[0] {
	case 'A', 'B', 'M':
	case 'a', 'b', 'm':
		if !lower {
			return false
		}
	default:
		return false
	}
	return w[1] != '0' && isDigits(w[1:])
}

// roadNouns may follow a road's number ("the M6 motorway").
var roadNouns = map[string]bool{"motorway": true, "road": true, "bypass": true, "carriageway": true}

// roadWords say that a sentence speaks of roads and traffic.
var roadWords = map[string]bool{"road": true, "roads": true, "motorway": true, "junction": true, "junctions": true,
	"lane": true, "lanes": true, "carriageway": true, "northbound": true, "southbound": true, "eastbound": true,
	"westbound": true, "traffic": true, "drivers": true, "motorists": true, "lorry": true, "lorries": true,
	"crash": true, "collision": true, "roadworks": true, "resurfacing": true, "diversion": true,
	"roundabout": true, "closed": true, "closure": true, "shut": true, "reopened": true, "car": true,
	"cars": true, "delays": true, "queues": true, "section": true, "between": true, "bypass": true}
