package annotate

import (
	"strings"

	"tidings/text"
)

// coordinatedPlaces makes places of the names listed with a place after
// a preposition of place ("in Bethnal Green and Poplar", "between
// Handforth and Hazel Grove"), which the model read as bodies or, alone
// in a word, as people: a list after such a preposition is of one kind.
// The list must end in "and" or "or": a comma alone may end a clause
// that a place begins ("In Grozny, Shkirko told"). Not a name the
// gazetteer knows with the type the model gave it ("between Tamsworth
// and Velmar", a company), one before a possessive, a person's name of
// two words or more or after "between" ("talks between Maskhadov and
// Russia"), a name that ends in a body's head ("Cornell University"),
// nor a list after a holding ("shares in") or a hyphen ("built-in").
func (m *NER) coordinatedPlaces(words []string, spans []text.Span) []text.Span {
	for i := 0; i < len(spans); {
		// spans[i:j] are listed: one word, "," or "and"/"or" apart
		// A list has one "and" or "or", before its last name: another
		// begins a clause ("in Nevada and Arizona, and Cornell
		// University researchers").
		j, joined := i+1, false
		for j < len(spans) && !joined && listed(words, spans[j-1].End, spans[j].Start) {
			joined = words[spans[j].Start-1] != ","
			j++
		}
		start := spans[i].Start
		if j-i < 2 || start == 0 || words[spans[j-1].Start-1] == "," {
			i = j
			continue
		}
		prep := strings.ToLower(words[start-1])
		if !inPlace[prep] && prep != "between" || start > 1 && (holdings[strings.ToLower(words[start-2])] || words[start-2] == "-") {
			i = j
			continue
		}
		place := false
		for _, sp := range spans[i:j] {
			place = place || sp.Label == "LOC"
		}
		for k := i; k < j && place; k++ {
			sp := &spans[k]
			if sp.Label == "LOC" || sp.Label == "MISC" || sp.Label == "PER" && (sp.End-sp.Start > 1 || prep == "between") ||
				sp.End < len(words) && (words[sp.End] == "'s" || words[sp.End] == "’s") || m.knownAs(words[sp.Start:sp.End], sp.Label) ||
				namesBody(words[sp.Start:sp.End]) {
				continue
			}
			sp.Label = "LOC"
		}
		i = j
	}
	return spans
}

// listed reports the words between two names, from a to b, as those of a
// list: ",", "and", "or" or ", and".
func listed(words []string, a, b int) bool {
	switch b - a {
	case 1:
		w := words[a]
		return w == "," || w == "and" || w == "or"
	case 2:
		return words[a] == "," && (words[a+1] == "and" || words[a+1] == "or")
	}
	return false
}

// namesBody reports a name of two words or more that ends in the head of
// a body's name ("Cornell University", "Pelling Trust").
func namesBody(name []string) bool {
	if len(name) < 2 {
		return false
	}
	w := name[len(name)-1]
	return capitalisedWord(w) && (headKind(w) == "ORG" || bodyOnlyHeads[strings.ToLower(w)] || groupHead(w))
}
