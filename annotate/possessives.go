package annotate

import (
	"slices"
	"strings"

	"tidings/text"
)

// objectPrepositions put a name in an object's place, where its "'s"
// cannot stand for "is" or "has" ("outside Brenley's on Friday"), or
// follow it where no possessed noun does.
var objectPrepositions = map[string]bool{"on": true, "in": true, "at": true, "for": true, "from": true,
	"near": true, "to": true, "by": true, "with": true, "outside": true, "inside": true,
	"opposite": true, "behind": true, "into": true}

// shopAdjectives come between an article and a shop's name ("the former
// Kellogg's site", "the nearest Corbett's"); not "late", which comes
// before a person's ("the late Kessler's paintings").
var shopAdjectives = map[string]bool{"former": true, "new": true, "old": true, "nearest": true,
	"local": true, "nearby": true, "flagship": true, "original": true}

// comparisons come before a possessive whose noun is left out.
var comparisons = map[string]bool{"than": true, "like": true, "unlike": true, "as": true}

// possessiveNames gives back its "'s" to a shop's or a brand's name that
// ends in one ("Sainsbury's", "Kellogg's", as CoNLL-2003 marks "Moody's"),
// which the model cuts before it and often reads as a person's, where the
// sentence shows that the "'s" owns nothing:
//
//   - nothing that could be owned comes after it: the sentence's end, a
//     comma or another stop, or "and", "or" or "&" and a capitalised word
//     ("Farrow's and Pellway"), but not another name with "'s" ("Trump's
//     and Biden's plans"); after a preposition or an article, a
//     preposition too ("outside Brenley's on Friday"), where "'s" cannot
//     be "is" or "has";
//     not after a comparison ("faster than Corvane's", "compared to
//     Verizon's"), which leaves the possessed noun out;
//   - an article comes before a name the model read as a person's, with
//     or without an adjective of shops ("the former Tamsel's site", "a
//     Dorrin's spokesman"): people's names take none.
//
// A name of one or two words that the model read as a person's (one it
// read as an organisation's may be cut rightly: "dinner at Tramp's", the
// club "Tramp"), that is neither a place's, a title, a person's the gazetteer
// knows nor the surname of a person named in full in the article, and
// that the article never writes without "'s": a possessive with its noun
// left out reads the same ("Sprint's, on the other hand, ..."). One
// cue gives every mention of the name with "'s" in the article, a
// person's or an organisation's to the model, its "'s" ("Brenley's chief
// executive"), as an organisation's, or as a place's
// after a preposition of place ("outside Brenley's", as the set of news
// names marks "outside Boots"). spans are ordered and disjoint; so is
// the result.
func (m *NER) possessiveNames(doc *text.Document, spans []text.Span) []text.Span {
	toks := doc.Tokens
	form := func(k int) string { return toks[k].Form }
	possessive := func(k int) bool { return k < len(toks) && (toks[k].Form == "'s" || toks[k].Form == "’s") }
	// Most articles have no person's name with "'s" written against it.
	if !slices.ContainsFunc(spans, func(sp text.Span) bool { return sp.Label == "PER" && possessive(sp.End) }) {
		return spans
	}
	surnames := map[string]bool{}
	for _, sp := range spans {
		if sp.Label == "PER" && sp.End-sp.Start > 1 {
			surnames[form(sp.End-1)] = true
		}
	}
	nameOf := func(sp text.Span) string { return strings.Join(tokenWords(doc, sp.Start, sp.End), " ") }
	candidate := func(sp text.Span) bool {
		if sp.Label != "PER" && sp.Label != "ORG" || sp.End-sp.Start > 2 || !possessive(sp.End) || toks[sp.End-1].SpaceAfter {
			return false
		}
		ws := tokenWords(doc, sp.Start, sp.End)
		for _, w := range ws {
			if !capitalisedWord(w) || m.titles[strings.ToLower(w)] || nobility[strings.ToLower(w)] {
				return false
			}
		}
		return !m.knownAs(ws, "LOC") && !m.knownAs(ws, "PER") && !(len(ws) == 1 && surnames[ws[0]])
	}
	// A name the article also writes without "'s" is not one that ends
	// in it ("Verizon and AT&T" ... "compared to Verizon's").
	bare := map[string]bool{}
	for _, sp := range spans {
		if !possessive(sp.End) {
			bare[nameOf(sp)] = true
		}
	}
	var cued map[string]bool
	for _, sp := range spans {
		if sp.Label == "PER" && candidate(sp) && !bare[nameOf(sp)] && m.ownsNothing(doc, sp) {
			if cued == nil {
				cued = map[string]bool{}
			}
			cued[nameOf(sp)] = true
		}
	}
	if cued == nil {
		return spans
	}
	for i, sp := range spans {
		if !candidate(sp) || !cued[nameOf(sp)] {
			continue
		}
		spans[i].End++
		spans[i].Label = "ORG"
		k := sp.Start - 1
		if k >= 0 && strings.EqualFold(form(k), "the") {
			k--
		}
		if k >= 0 && nearPlace[strings.ToLower(form(k))] {
			spans[i].Label = "LOC"
		}
	}
	return spans
}

// ownsNothing reports whether the sentence shows that the "'s" after the
// name sp is the name's own (see possessiveNames).
func (m *NER) ownsNothing(doc *text.Document, sp text.Span) bool {
	s, _ := doc.SentenceOf(sp.Start)
	form := func(k int) string { return doc.Tokens[k].Form }
	// another name with "'s" from k on: possessives listed
	possessiveFrom := func(k int) bool {
		for k < s.End && capitalisedWord(form(k)) {
			k++
		}
		return k < s.End && (form(k) == "'s" || form(k) == "’s")
	}
	before := ""
	if sp.Start > s.Start {
		before = strings.ToLower(form(sp.Start - 1))
	}
	// A comparison leaves out the possessed noun ("faster than Corvane's",
	// "compared with Corvane's").
	if comparisons[before] || sp.Start-2 >= s.Start && (before == "to" || before == "with") &&
		strings.HasPrefix(strings.ToLower(form(sp.Start-2)), "compar") {
		return false
	}
	article := func(w string) bool { return w == "the" || w == "a" || w == "an" }
	if sp.Label == "PER" && (article(before) || shopAdjectives[before] && sp.Start-2 >= s.Start && article(strings.ToLower(form(sp.Start-2)))) {
		return true
	}
	k := sp.End + 1 // after the "'s"
	if k >= s.End {
		return true
	}
	switch next := form(k); next {
	case ".", "!", "?", ";", ":", ")":
		return true
	case ",":
		return k+1 >= s.End || !possessiveFrom(k+1)
	case "and", "or", "&":
		return k+1 < s.End && capitalisedWord(form(k+1)) && !possessiveFrom(k+1)
	default:
		return objectPrepositions[next] && (objectPrepositions[before] || article(before))
	}
}

// saint reports the word before a saint's name ("St Mary's").
func saint(w string) bool { return w == "St" || w == "St." || w == "Saint" }

// institutionHeads end the names of hospitals, schools and universities,
// which often hold a possessive ("St Mary's Hospital", "Queen's
// University").
var institutionHeads = map[string]bool{"hospital": true, "infirmary": true, "school": true,
	"academy": true, "college": true, "university": true}

// possessiveInstitutions joins a name, its possessive ("'s", or "'" after
// a final s) and the capitalised words after it that end in the head of a
// hospital, a school or a university into one name ("St James's
// University Hospital", "Addenbrooke's Hospital"), which the model cuts
// before the possessive, as CoNLL-2003 marks "St. Christopher Children 's
// Hospital". The name before is a saint's or a founder's: not a place the
// gazetteer knows ("Harwick's General Hospital"), nor a person's of two
// words or more but a saint's ("St Ninian"). The name's type is its head's designator (a hospital is
// a place in CoNLL-2003, a university a body); a school or a college is
// a body, or the place after a preposition of place ("outside St Mary's
// Primary School"). spans are ordered and disjoint; so is the result.
func (m *NER) possessiveInstitutions(doc *text.Document, spans []text.Span) []text.Span {
	toks := doc.Tokens
	out := make([]text.Span, 0, len(spans))
	for i := 0; i < len(spans); i++ {
		sp := spans[i]
		p := sp.End // the possessive
		if p+2 > len(toks) || sp.Label == "MISC" || toks[p-1].SpaceAfter {
			out = append(out, sp)
			continue
		}
		f := toks[p].Form
		if f != "'s" && f != "’s" && !((f == "'" || f == "’") && strings.HasSuffix(toks[p-1].Form, "s")) {
			out = append(out, sp)
			continue
		}
		s, _ := doc.SentenceOf(sp.Start)
		end := p + 1
		for end < s.End && end-p <= 4 && titleCase(toks[end].Form) {
			end++
		}
		head := strings.ToLower(toks[end-1].Form)
		if end == p+1 || !institutionHeads[head] || sp.Label == "PER" && sp.End-sp.Start > 1 && !saint(toks[sp.Start].Form) ||
			m.knownAs(tokenWords(doc, sp.Start, sp.End), "LOC") {
			out = append(out, sp)
			continue
		}
		// The model's names after the possessive must lie inside the name.
		j := i + 1
		for j < len(spans) && spans[j].End <= end {
			j++
		}
		if j < len(spans) && spans[j].Start < end {
			out = append(out, sp)
			continue
		}
		label := "ORG"
		if t, ok := m.designators[toks[end-1].Form]; ok {
			label = t
		} else if head == "hospital" || head == "infirmary" {
			label = "LOC"
		}
		if label == "ORG" && head != "university" {
			k := sp.Start - 1
			if k >= s.Start && strings.EqualFold(toks[k].Form, "the") {
				k--
			}
			if k >= s.Start && nearPlace[strings.ToLower(toks[k].Form)] {
				label = "LOC"
			}
		}
		out = append(out, text.Span{Start: sp.Start, End: end, Label: label})
		i = j - 1
	}
	return out
}
