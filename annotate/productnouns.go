package annotate

import (
	"strings"

	"tidings/text"
)

// productHeads are ordinary nouns that say what a product is: a drug, an
// app, a craft. Not "model" ("the model Kate Moss"), nor nouns of trades
// ("maker", "company"), which follow such a noun when it is a modifier
// ("the drug company X").
var productHeads = map[string]bool{"drug": true, "medicine": true, "treatment": true, "therapy": true,
	"vaccine": true, "jab": true, "pill": true, "injection": true, "antibody": true, "chatbot": true,
	"app": true, "browser": true, "rocket": true, "spacecraft": true, "telescope": true, "satellite": true,
	"probe": true, "rover": true, "lander": true, "console": true, "smartphone": true, "handset": true}

// appositionEnds may follow the noun that heads an apposition: the
// apposition ends, or goes on in a phrase about the product ("from
// Brantel", "that answers", "approved in May"), not in another noun ("a
// drug dealer").
var appositionEnds = map[string]bool{",": true, ".": true, ";": true, ":": true, ")": true, "from": true,
	"for": true, "that": true, "which": true, "by": true, "against": true, "to": true, "in": true,
	"on": true, "with": true, "made": true, "developed": true, "approved": true, "used": true,
	"sold": true, "designed": true, "launched": true, "built": true, "aimed": true}

// productsByNoun makes a product (MISC, as CoNLL-2003 marks "Windows 95")
// of a name the sentence calls a drug's, an app's or a craft's:
//
//   - the noun comes right before it ("the cancer drug X", "its new
//     rocket X"), where the model read a company or a place; not a
//     person, who may do something to the product ("the drug Brennick
//     was prescribed");
//   - an apposition after it is headed by the noun ("X, a twice-yearly
//     injection from Y", "X, an antiviral pill,"), where the model read a
//     company, a place or a one-word person; the noun must end the
//     apposition's noun phrase ("X, a drug dealer" is a person).
//
// A name the gazetteer knows (a company's, a place's, a person's) is
// left. spans are ordered and disjoint; so is the result.
func (m *NER) productsByNoun(doc *text.Document, spans []text.Span) []text.Span {
	form := func(k int) string { return doc.Tokens[k].Form }
	known := func(sp text.Span) bool { return m.gaz.typesOf(tokenWords(doc, sp.Start, sp.End)) != 0 }
	for i, sp := range spans {
		if sp.Label != "ORG" && sp.Label != "LOC" && sp.Label != "PER" {
			continue
		}
		// Most names have neither cue: the cheap tests first.
		before := sp.Label != "PER" && sp.Start > 0 && productHeads[form(sp.Start-1)]
		after := sp.End+2 < len(doc.Tokens) && form(sp.End) == "," && (sp.Label != "PER" || sp.End-sp.Start == 1)
		if !before && !after || known(sp) {
			continue
		}
		s, _ := doc.SentenceOf(sp.Start)
		if before && sp.Start > s.Start {
			spans[i].Label = "MISC"
			continue
		}
		if !after || sp.End+2 >= s.End {
			continue
		}
		switch strings.ToLower(form(sp.End + 1)) {
		case "a", "an", "the", "its", "their":
		default:
			continue
		}
		// The apposition's noun phrase: lower-case words and hyphens, up to
		// the first noun of products, which must end it.
		for k := sp.End + 2; k < s.End && k <= sp.End+8; k++ {
			w := form(k)
			if productHeads[w] {
				if k+1 == s.End || appositionEnds[form(k+1)] {
					spans[i].Label = "MISC"
				}
				break
			}
			if w != "-" && !lowerWord(w) {
				break
			}
		}
	}
	return spans
}
