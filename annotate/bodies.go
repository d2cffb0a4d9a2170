package annotate

import (
	"strings"

	"tidings/text"
)

// policeHeads end the names of police forces ("Harwick Police", "Dunmore
// Constabulary"). CoNLL-2003 train marks both its names that end in
// "Police" ORG; no one there is surnamed so, so a person's name of two
// words that ends in one is a force's.
var policeHeads = map[string]bool{"police": true, "constabulary": true}

// schoolHeads end the names of schools, which CoNLL-2003 marks ORG and
// never MISC (School 4, College 2); a school is a place only where
// something happens at it (institutionPlaces).
var schoolHeads = map[string]bool{"school": true, "college": true, "academy": true}

// bodiesOfPlaces corrects the names of bodies named for their place and
// their head, a force's or a body's that CoNLL-2003 never marks PER or LOC
// (bodyOnlyHeads: "Harwick Police", "Veloria County Council", "Dunmore
// Fire Authority"), which the model reads from the place's word:
//
//   - a place's name that ends in such a head is the body's, and so is a
//     miscellaneous one that does not begin with a people's name (CoNLL-2003
//     marks "Russian National Olympic Committee" MISC), and a person's
//     that ends in a force's head or begins with a place the gazetteer
//     knows ("Robert Service" stays a person);
//   - a word in title case the model left just before the name goes into
//     it ("Greater | Harwick Police", "North | Dunmore Police"), unless it
//     is a determiner, a day or month, a title or another name's, or
//     begins the sentence ("New | Harwick Council chief named", a
//     headline's adjective); not an acronym ("THU | JD Group" in a table);
//   - a head the model left after an organisation's or a place's name
//     ends it ("the New York Police | Department", "the Magnum Ice Cream
//     | Company", "Harwick | Council");
//   - a place's possessive the model read into the body's name is the
//     place's ("Ruritania's | Ministry of Foreign Affairs");
//   - a place the gazetteer knows by a name with "and", then the head,
//     is one body, which the model reads as two names ("Harwick West |
//     and | Dunmore Council").
//
// A school's name the model read as a miscellaneous name is the school's
// ("Kelvale High School has been rated good").
//
// Not in a headline in capitals or title case, whose capitals do not mark
// names. spans are ordered and disjoint; so is the result.
func (m *NER) bodiesOfPlaces(doc *text.Document, spans []text.Span) []text.Span {
	form := func(k int) string { return doc.Tokens[k].Form }
	out := make([]text.Span, 0, len(spans)) // a split place adds a span
	for i := 0; i < len(spans); i++ {
		sp := spans[i]
		if p := m.placePossessive(doc, sp); p > 0 {
			out = append(out, text.Span{Start: sp.Start, End: p, Label: "LOC"})
			sp.Start = p + 1
		}
		// A head the model left after the name.
		if next := sp.End; (sp.Label == "ORG" || sp.Label == "LOC") && next < len(doc.Tokens) && capitalisedWord(form(next)) &&
			(bodyOnlyHeads[strings.ToLower(form(next))] || policeHeads[strings.ToLower(form(next))]) &&
			(i+1 == len(spans) || spans[i+1].Start > next) {
			if s, _ := doc.SentenceOf(sp.Start); next < s.End && !headlineSentence(doc, s) {
				sp.End++
				sp.Label = "ORG"
			}
		}
		head := strings.ToLower(form(sp.End - 1))
		if sp.Label == "MISC" && sp.End-sp.Start >= 2 && schoolHeads[head] && capitalisedWord(form(sp.End-1)) {
			sp.Label = "ORG"
		}
		if sp.End-sp.Start < 2 || !capitalisedWord(form(sp.End-1)) || !bodyOnlyHeads[head] && !policeHeads[head] {
			out = append(out, sp)
			continue
		}
		s, _ := doc.SentenceOf(sp.Start)
		if headlineSentence(doc, s) {
			out = append(out, sp)
			continue
		}
		// The place's words the model left before the name.
		prevEnd := s.Start
		if n := len(out); n > 0 && out[n-1].End > prevEnd {
			prevEnd = out[n-1].End
		}
		for k := sp.Start - 1; k >= prevEnd && sp.Start-k <= 2 && m.placeWord(doc, k, s.Start); k-- {
			sp.Start = k
		}
		switch sp.Label {
		case "LOC":
			sp.Label = "ORG"
		case "MISC":
			if !m.knownAs(tokenWords(doc, sp.Start, sp.Start+1), "MISC") {
				sp.Label = "ORG"
			}
		case "PER":
			if policeHeads[head] || sp.End-sp.Start >= 3 || m.knownPlacePrefix(doc, sp) {
				sp.Label = "ORG"
			}
		}
		// "Harwick West | and | Dunmore Council": the place is known whole.
		if n := len(out); sp.Label == "ORG" && n > 0 && sp.Start >= 2 && form(sp.Start-1) == "and" && out[n-1].End == sp.Start-1 &&
			out[n-1].Start >= s.Start && (out[n-1].Label == "LOC" || out[n-1].Label == "ORG") {
			for e := sp.Start + 1; e < sp.End; e++ {
				if m.knownAs(tokenWords(doc, out[n-1].Start, e), "LOC") {
					sp.Start = out[n-1].Start
					out = out[:n-1]
					break
				}
			}
		}
		out = append(out, sp)
	}
	return out
}

// placePossessive returns the index of the "'s" after a place's name
// that begins sp, an organisation's or a miscellaneous name that goes on
// in capitalised words ("Ruritania | 's | Ministry of Foreign Affairs"),
// and 0 when there is none: the gazetteer knows the words before it as a
// place's and not as an organisation's ("Duke of Harwick's XI" is one
// name).
func (m *NER) placePossessive(doc *text.Document, sp text.Span) int {
	if sp.Label != "ORG" && sp.Label != "MISC" || sp.End-sp.Start < 3 {
		return 0
	}
	for p := sp.Start + 1; p < sp.End-1; p++ {
		if f := doc.Tokens[p].Form; f != "'s" && f != "’s" {
			continue
		}
		if t := m.gaz.typesOf(tokenWords(doc, sp.Start, p)); t&(1<<typeIndex("X-LOC")) == 0 || t&(1<<typeIndex("X-ORG")) != 0 || !capitalisedWord(doc.Tokens[p+1].Form) {
			return 0
		}
		return p
	}
	return 0
}

// placeWord reports whether token k, just before a body's name, is a
// word of the body's place the model left out (see bodiesOfPlaces).
func (m *NER) placeWord(doc *text.Document, k, sentStart int) bool {
	t := &doc.Tokens[k]
	w := t.Form
	return k > sentStart && titleCase(w) && !determiner(w) && !calendarWords[w] && !m.titles[strings.ToLower(w)] && t.SpaceAfter
}

// knownPlacePrefix reports whether the gazetteer knows the first words of
// sp, before its last, as a place's name.
func (m *NER) knownPlacePrefix(doc *text.Document, sp text.Span) bool {
	for e := sp.Start + 1; e < sp.End; e++ {
		if m.knownAs(tokenWords(doc, sp.Start, e), "LOC") {
			return true
		}
	}
	return false
}

// tokenWords returns the forms of the tokens from start to end.
func tokenWords(doc *text.Document, start, end int) []string {
	ws := make([]string, end-start)
	for i := range ws {
		ws[i] = doc.Tokens[start+i].Form
	}
	return ws
}
