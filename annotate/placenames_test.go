package annotate

import (
	"reflect"
	"testing"
)

func TestExtendPlaceNames(t *testing.T) {
	m := &NER{titles: map[string]bool{"governor": true, "mayor": true}}
	for _, c := range []struct {
		text        string
		model, want []string
	}{
		{"Harwick City Council said bins would be collected on Monday.",
			[]string{"ORG:Harwick City"}, []string{"ORG:Harwick City Council"}},
		{"Officers from Greater Dunmore Police arrested two men.",
			[]string{"LOC:Greater Dunmore"}, []string{"ORG:Greater Dunmore Police"}},
		{"The final will be played at the Ostrava Cricket Ground in March.",
			[]string{"LOC:Ostrava"}, []string{"LOC:Ostrava Cricket Ground"}},
		{"Flights from Tamsworth Airport resumed.",
			[]string{"LOC:Tamsworth"}, []string{"LOC:Tamsworth Airport"}},
		// no head noun at the end: left to the model
		{"He set a record at the Ostrava Olympic trials.",
			[]string{"LOC:Ostrava", "MISC:Olympic"}, []string{"LOC:Ostrava", "MISC:Olympic"}},
		{"She arrived in Ostrava Sept. 4.",
			[]string{"LOC:Ostrava"}, []string{"LOC:Ostrava"}},
		// a title and another name stop it; a possessive belongs to the whole name
		{"Ostrava Mayor Jan Novak said the Council would meet.",
			[]string{"LOC:Ostrava", "PER:Jan Novak"}, []string{"LOC:Ostrava", "PER:Jan Novak"}},
		{"Harwick City Council's leader resigned.",
			[]string{"ORG:Harwick City"}, []string{"ORG:Harwick City Council"}},
		// a headline in title case is left alone
		{"Harwick City Council Scraps Weekly Bin Rounds\n\nThe council said so.",
			[]string{"ORG:Harwick City"}, []string{"ORG:Harwick City"}},
	} {
		if names := retypeNames(t, c.text, c.model, m.extendPlaceNames); !reflect.DeepEqual(names, c.want) {
			t.Errorf("%q: names %q, want %q", c.text, names, c.want)
		}
	}
}
