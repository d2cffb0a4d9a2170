package annotate

import (
	"strings"

	"tidings/text"
)

// placeHeads end the names of institutions that are also buildings:
// hospitals, schools, colleges and courts. Not "University", which
// CoNLL-2003 marks ORG wherever it stands (8 of 8 in train).
var placeHeads = map[string]bool{"hospital": true, "infirmary": true, "school": true, "academy": true,
	"college": true, "court": true}

// nearPlace are the prepositions after which such an institution is the
// place where something happens ("outside", "near"). After "at" only a
// hospital is ("treated at", as CoNLL-2003 marks even "Doctors at Johns
// Hopkins Hospital"): people work or study at schools, colleges and
// courts, which are then the bodies ("a geologist at York College",
// "appeals at the Supreme Court"). Not "to" ("appealed to the Supreme
// Court") nor "in" ("in U.S. District Court"), after which CoNLL-2003
// marks the body.
var nearPlace = map[string]bool{"outside": true, "near": true, "inside": true}

// hospitalHeads end the names of hospitals.
var hospitalHeads = map[string]bool{"hospital": true, "infirmary": true}

// institutionPlaces makes a place of an organisation's name that ends in
// the head of a building's institution after a preposition of place,
// with or without "the" ("outside Hollins Park Academy", "treated at
// Elmbridge General Hospital"), as the news set's guidelines have it;
// acting or employing, it stays the body.
func institutionPlaces(words []string, spans []text.Span) []text.Span {
	for i, sp := range spans {
		if sp.Label != "ORG" || sp.End-sp.Start < 2 || !placeHeads[strings.ToLower(words[sp.End-1])] || !capitalisedWord(words[sp.End-1]) {
			continue
		}
		k := sp.Start - 1
		if k >= 0 && strings.EqualFold(words[k], "the") {
			k--
		}
		if k < 0 {
			continue
		}
		if p := strings.ToLower(words[k]); nearPlace[p] || p == "at" && hospitalHeads[strings.ToLower(words[sp.End-1])] {
			spans[i].Label = "LOC"
		}
	}
	return spans
}
