package annotate

import (
	"reflect"
	"testing"
)

// TestAwardFields: a prize's name goes on in "in" or "for" and the field
// it is given in, in capitals ("Nobel Prize in Literature"), which the
// model cuts before "in" and often reads as a name of its own. People and
// prizes are invented but for the Nobel's.
func TestAwardFields(t *testing.T) {
	m := &NER{gaz: NewGazetteer([]GazetteerName{{"Dunmore", "LOC"}})}
	for _, tc := range []struct {
		text        string
		model, want []string
	}{
		{`The novelist Dana Kell won the Nobel Prize in Literature on Thursday.`,
			[]string{"PER:Dana Kell", "MISC:Nobel Prize", "LOC:Literature"}, []string{"PER:Dana Kell", "MISC:Nobel Prize in Literature"}},
		{`Three physicists shared the Nobel Prize in Physics for work on circuits.`,
			[]string{"MISC:Nobel Prize"}, []string{"MISC:Nobel Prize in Physics"}},
		{`She won the Harwick Prize for Fiction in 2024.`,
			[]string{"MISC:Harwick Prize"}, []string{"MISC:Harwick Prize for Fiction"}},
		{`He shared the Nobel Memorial Prize in Economic Sciences with two others.`,
			[]string{"MISC:Nobel Memorial Prize", "ORG:Economic Sciences"}, []string{"MISC:Nobel Memorial Prize in Economic Sciences"}},
		{`The Nobel Prize in Physiology or Medicine went to two immunologists.`,
			[]string{"MISC:Nobel Prize", "ORG:Physiology"}, []string{"MISC:Nobel Prize in Physiology or Medicine"}},
		{`The crew received the Kell Award for Bravery at a ceremony.`,
			[]string{"MISC:Kell Award"}, []string{"MISC:Kell Award for Bravery"}},
		// counter-examples: a year, a lower-case reason, a place, a person
		{`He won the Nobel Prize in 1979 for his work.`,
			[]string{"MISC:Nobel Prize"}, []string{"MISC:Nobel Prize"}},
		{`She won the Nobel Prize for her efforts in Dunmore.`,
			[]string{"MISC:Nobel Prize", "LOC:Dunmore"}, []string{"MISC:Nobel Prize", "LOC:Dunmore"}},
		{`He collected the Harwick Prize in Dunmore last year.`,
			[]string{"MISC:Harwick Prize", "LOC:Dunmore"}, []string{"MISC:Harwick Prize", "LOC:Dunmore"}},
		{`The Nobel Prize for Dana Kell was announced in October.`,
			[]string{"MISC:Nobel Prize", "PER:Dana Kell"}, []string{"MISC:Nobel Prize", "PER:Dana Kell"}},
	} {
		if names := retypeNames(t, tc.text, tc.model, m.awardFields); !reflect.DeepEqual(names, tc.want) {
			t.Errorf("%q: names %q, want %q", tc.text, names, tc.want)
		}
	}
}
