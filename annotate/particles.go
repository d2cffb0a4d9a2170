package annotate

import (
	"sort"
	"strings"
	"unicode"

	"tidings/text"
)

// nameParticles are the lower-case words that open a family name in the
// naming conventions of Arabic (al, el, bin, ibn, abu), Dutch (van, der,
// den, ter), German (von, zu) and the Romance languages (de, da, di, del,
// della, dos, das, du, le, la): a closed set of the languages' words, not
// a list of people. CoNLL-2003 keeps them inside the name ("Nikolaus van
// der Pas", "Loyola de Palacio", "al-Kabariti").
var nameParticles = map[string]bool{
	"al": true, "el": true, "bin": true, "ibn": true, "abu": true,
	"van": true, "der": true, "den": true, "ter": true, "von": true, "zu": true,
	"de": true, "da": true, "di": true, "del": true, "della": true, "dos": true, "das": true, "du": true,
	"le": true, "la": true,
}

// nameParticle reports a particle word; the byte checks spare most words
// the map lookup.
func nameParticle(w string) bool {
	return len(w) >= 2 && len(w) <= 5 && w[0] >= 'a' && w[0] <= 'z' && nameParticles[w]
}

// hyphenParticle reports the Arabic article written against the name
// with a hyphen ("al-Sadr", and in a headline's casing "Al-Sadr").
func hyphenParticle(w string) bool {
	return w == "al" || w == "el" || w == "Al" || w == "El"
}

// honorifics are the English forms of address that stand before a family
// name alone ("Mr de Villiers").
var honorifics = map[string]bool{"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Mr.": true, "Mrs.": true,
	"Ms.": true, "Dr.": true}

// sayingVerbs are the English verbs of saying that show the name before
// them to be a person's ("van Gaal said").
var sayingVerbs = map[string]bool{"said": true, "says": true, "told": true, "added": true, "wrote": true,
	"argued": true, "insisted": true, "stated": true}

// joinParticles keeps a family name's particle in the person's name, which
// the model, not knowing the person, leaves out or splits at:
//   - a person's name, the particles and a capitalised word after it are
//     one name ("Hassan | al-Sadr", "Leonardo | da Vinci");
//   - particles before a surname the model read as a person's belong to
//     it ("al-Sadr's", "de Villiers");
//   - particles and a capitalised word no name holds are a person's name
//     when a title or form of address stands before them or a verb of
//     saying after them ("Mr van Gaal", "van Gaal said");
//   - a name that so begins with a particle takes the given names no name
//     holds before it ("Friedrich | von Aldenhoven").
//
// A particle inside a name already (a place's, "Rio de Janeiro", a body's,
// "Banco de Chile") or before a place or body is left alone, and so is a
// capitalised one but for the hyphenated Arabic article before a
// person's name: "Van" is a city, "Al Jazeera" a broadcaster.
//
// spans are ordered and disjoint; so is the result.
func (m *NER) joinParticles(doc *text.Document, spans []text.Span) []text.Span {
	toks := doc.Tokens
	for _, s := range doc.Sentences {
		for i := s.Start; i < s.End; i++ {
			w := toks[i].Form
			if !nameParticle(w) && !(hyphenParticle(w) && i+1 < s.End && toks[i+1].Form == "-") {
				continue
			}
			j, ok := particleRun(toks, i, s.End)
			if !ok || j >= s.End || !capitalisedWord(toks[j].Form) || calendarWords[toks[j].Form] {
				i = max(i, j-1)
				continue
			}
			spans = m.joinParticleAt(doc, spans, i, j, s)
			i = max(i, j-1)
		}
	}
	return spans
}

// particleRun returns the end of the particles from toks[i] ("van der",
// "de la", "al -"), and whether they are written as a name's: a
// hyphenated article against both its neighbours, and capitalised only
// so.
func particleRun(toks []text.Token, i, end int) (int, bool) {
	j := i
	for j < end {
		w := toks[j].Form
		if j+1 < end && hyphenParticle(w) && toks[j+1].Form == "-" {
			if toks[j].End != toks[j+1].Start || j+2 >= end || toks[j+1].End != toks[j+2].Start {
				return j + 2, false
			}
			j += 2
			break // the name follows the hyphen
		}
		if !nameParticle(w) {
			break
		}
		j++
	}
	return j, j > i
}

// joinParticleAt applies joinParticles to the particles toks[i:j] before
// the capitalised word toks[j] in sentence s.
func (m *NER) joinParticleAt(doc *text.Document, spans []text.Span, i, j int, s text.Span) []text.Span {
	toks := doc.Tokens
	// k: the first span that ends after the particle's start.
	k := sort.Search(len(spans), func(n int) bool { return spans[n].End > i })
	if k < len(spans) && spans[k].Start < j {
		return spans // a particle inside a name already
	}
	after := -1
	if k < len(spans) && spans[k].Start == j {
		if spans[k].Label != "PER" {
			return spans // before a place or a body
		}
		after = k
	}
	before := -1
	if k > 0 && spans[k-1].End == i && i > s.Start {
		if spans[k-1].Label != "PER" {
			return spans
		}
		before = k - 1
	}
	lower := !capitalisedWord(toks[i].Form)
	switch {
	case before >= 0 && after >= 0:
		spans[before].End = spans[after].End
		return append(spans[:after], spans[after+1:]...)
	case before >= 0:
		if !lower || !nameWord(toks[j].Form) {
			return spans
		}
		spans[before].End = j + 1
		return spans
	case after >= 0:
		// A particle before a full name is a preposition ("L'Air de Nina
		// Ricci"); after an article the word is a noun ("the van Ahmed
		// drove"). The model's person stands though the word may name a
		// place too ("del Socorro said").
		if spans[after].End != j+1 || i > s.Start && ownerWords[strings.ToLower(toks[i-1].Form)] {
			return spans
		}
		spans[after].Start = m.givenNames(toks, spans, k, i, s)
		return spans
	}
	// No name on either side: a person's only where the sentence says so.
	if !lower || !nameWord(toks[j].Form) || m.placeOrBody(toks[j].Form) ||
		i > s.Start && ownerWords[strings.ToLower(toks[i-1].Form)] {
		return spans
	}
	// Inside a body's name the model missed, which runs through lower-case
	// words ("Union de Garantie et de Placement").
	if i-2 > s.Start && !capitalisedWord(toks[i-1].Form) && isLetters(toks[i-1].Form) && m.givenName(toks[i-2].Form) {
		return spans
	}
	end := j + 1
	if end < s.End && toks[end].Form == "'s" {
		end++
	}
	titled := i > s.Start && (honorifics[toks[i-1].Form] || m.titles[strings.ToLower(toks[i-1].Form)])
	saying := end < s.End && sayingVerbs[toks[end].Form]
	if !titled && !saying {
		return spans
	}
	sp := text.Span{Start: m.givenNames(toks, spans, k, i, s), End: j + 1, Label: "PER"}
	spans = append(spans, text.Span{})
	copy(spans[k+1:], spans[k:])
	spans[k] = sp
	return spans
}

// ownerWords before a particle make it a common noun ("the van", "his
// van"), not a name's.
var ownerWords = map[string]bool{"a": true, "an": true, "the": true, "his": true, "her": true, "its": true,
	"their": true, "our": true, "my": true, "your": true}

// givenNames returns where a person's name that starts with the particle
// at i begins: at the capitalised words no name holds before it, a given
// name and the particles and names before that ("Friedrich | von
// Aldenhoven", "Khalid bin Nasser | al-Thani"), but not a sentence's first
// word ("Afterwards de Ravel"), a title or a form of address. spans[:k]
// end before i.
func (m *NER) givenNames(toks []text.Token, spans []text.Span, k, i int, s text.Span) int {
	floor := s.Start + 1
	if k > 0 {
		floor = max(floor, spans[k-1].End)
	}
	start := i
	for {
		p := start - 1
		if p < floor || !m.givenName(toks[p].Form) {
			return start
		}
		start = p
		// the particles before that given name, and the name before them
		q := start
		for q-1 > floor && nameParticle(toks[q-1].Form) {
			q--
		}
		if q == start || !m.givenName(toks[q-1].Form) {
			return start
		}
		start = q
	}
}

func (m *NER) givenName(w string) bool {
	return nameWord(w) && !honorifics[w] && !m.titles[strings.ToLower(w)] && !nobility[strings.ToLower(w)]
}

// placeOrBody reports a word the gazetteer knows as a place's or body's
// name and not as a person's.
func (m *NER) placeOrBody(w string) bool {
	ws := []string{w}
	return (m.knownAs(ws, "LOC") || m.knownAs(ws, "ORG")) && !m.knownAs(ws, "PER")
}

// isLetters reports a word of letters only.
func isLetters(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return w != ""
}
