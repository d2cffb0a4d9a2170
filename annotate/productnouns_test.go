package annotate

import (
	"reflect"
	"testing"
)

// TestProductsByNoun: a drug's, an app's or a craft's name that the
// sentence calls one, with the noun before it ("the cancer drug X") or in
// an apposition after it ("X, a twice-yearly injection"), which the model
// reads as a company's, a place's or a person's. Names are invented.
func TestProductsByNoun(t *testing.T) {
	m := &NER{gaz: NewGazetteer([]GazetteerName{{"Corvane", "ORG"}, {"Harwick", "LOC"}, {"Dana Kell", "PER"}})}
	for _, tc := range []struct {
		text        string
		model, want []string
	}{
		// the noun before the name
		{`Tamsel raised its outlook on demand for the cancer drug Velorex, its chief executive said.`,
			[]string{"ORG:Tamsel", "ORG:Velorex"}, []string{"ORG:Tamsel", "MISC:Velorex"}},
		{`Sales of the weight-loss jab Trivantra doubled in 2025.`,
			[]string{"LOC:Trivantra"}, []string{"MISC:Trivantra"}},
		{`Regulators cleared the chatbot Quillo for use in schools.`,
			[]string{"ORG:Quillo"}, []string{"MISC:Quillo"}},
		{`The agency will launch its new rocket Skylance from Harwick next year.`,
			[]string{"ORG:Skylance", "LOC:Harwick"}, []string{"MISC:Skylance", "LOC:Harwick"}},
		// an apposition after the name
		{`The regulator approved Yelzora, a twice-yearly injection from Brantel Sciences, on Monday.`,
			[]string{"PER:Yelzora", "ORG:Brantel Sciences"}, []string{"MISC:Yelzora", "ORG:Brantel Sciences"}},
		{`Doctors will prescribe Nuvaxa, an antiviral pill, to patients over 65.`,
			[]string{"LOC:Nuvaxa"}, []string{"MISC:Nuvaxa"}},
		{`Corvane unveiled Orbi, a chatbot that answers in 40 languages.`,
			[]string{"ORG:Corvane", "ORG:Orbi"}, []string{"ORG:Corvane", "MISC:Orbi"}},
		// counter-examples: the noun modifies another noun, a company or
		// a person the gazetteer knows, a person's full name, a person
		// doing something to the product, a person in apposition
		{`Investigators said the drug company Brennick paid no fines.`,
			[]string{"ORG:Brennick"}, []string{"ORG:Brennick"}},
		{`Shares in vaccine maker Halvex fell 4% on Friday.`,
			[]string{"ORG:Halvex"}, []string{"ORG:Halvex"}},
		{`The vaccine Corvane developed was approved in May.`,
			[]string{"ORG:Corvane"}, []string{"ORG:Corvane"}},
		{`The app Dana Kell built has a million users.`,
			[]string{"PER:Dana Kell"}, []string{"PER:Dana Kell"}},
		{`The drug Brennick was prescribed did not help.`,
			[]string{"PER:Brennick"}, []string{"PER:Brennick"}},
		{`Marlow, a drug dealer from Harwick, was jailed for six years.`,
			[]string{"PER:Marlow", "LOC:Harwick"}, []string{"PER:Marlow", "LOC:Harwick"}},
		{`Tessaly, a vaccine researcher at Harwick, led the trial.`,
			[]string{"PER:Tessaly", "LOC:Harwick"}, []string{"PER:Tessaly", "LOC:Harwick"}},
		{`Harwick, an app developer's paradise, attracts start-ups.`,
			[]string{"LOC:Harwick"}, []string{"LOC:Harwick"}},
	} {
		if names := retypeNames(t, tc.text, tc.model, m.productsByNoun); !reflect.DeepEqual(names, tc.want) {
			t.Errorf("%q: names %q, want %q", tc.text, names, tc.want)
		}
	}
}
