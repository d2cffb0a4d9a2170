package annotate

import (
	"reflect"
	"testing"
)

// TestCoordinatedPlaces: names listed with a place after a preposition
// of place are places too ("in Harwick and Pelling"), though the model
// read the one it did not know as a person or a body. Each case gives
// the model's reading and the one wanted.
func TestCoordinatedPlaces(t *testing.T) {
	m := &NER{gaz: contextGazetteer()}
	for _, c := range []struct {
		class, text string
		model, want []string
	}{
		{"list", "Bus routes in Tamsworth and Pelling will change from May 2025.",
			[]string{"LOC:Tamsworth", "PER:Pelling"}, []string{"LOC:Tamsworth", "LOC:Pelling"}},
		{"list", "The road between Corley and Tamsworth was closed for resurfacing.",
			[]string{"ORG:Corley", "LOC:Tamsworth"}, []string{"LOC:Corley", "LOC:Tamsworth"}},
		{"list", "Flooding hit homes in Carrow, Pelling and Tamsworth on Sunday night.",
			[]string{"LOC:Carrow", "ORG:Pelling", "LOC:Tamsworth"}, []string{"LOC:Carrow", "LOC:Pelling", "LOC:Tamsworth"}},
		{"list", "Rents rose fastest in Ashby Vale and Tamsworth last year, the survey found.",
			[]string{"ORG:Ashby Vale", "LOC:Tamsworth"}, []string{"LOC:Ashby Vale", "LOC:Tamsworth"}},
		{"list", "Power cuts across Tamsworth and Kellby lasted until dawn.",
			[]string{"LOC:Tamsworth", "ORG:Kellby"}, []string{"LOC:Tamsworth", "LOC:Kellby"}},
		// a known company, a person's name of two words, a holding, no
		// preposition
		{"counter", "Talks between Tamsworth and Velmar broke down in March.",
			[]string{"LOC:Tamsworth", "ORG:Velmar"}, []string{"LOC:Tamsworth", "ORG:Velmar"}},
		{"counter", "Volunteers in Tamsworth and Ana Lopez, a nurse, raised £5,000.",
			[]string{"LOC:Tamsworth", "PER:Ana Lopez"}, []string{"LOC:Tamsworth", "PER:Ana Lopez"}},
		{"counter", "The fund bought shares in Corley and Tamsworth last week.",
			[]string{"ORG:Corley", "LOC:Tamsworth"}, []string{"ORG:Corley", "LOC:Tamsworth"}},
		{"counter", "Tamsworth and Pelling signed the agreement on Friday.",
			[]string{"LOC:Tamsworth", "PER:Pelling"}, []string{"LOC:Tamsworth", "PER:Pelling"}},
		// a clause that a place begins, a possessive, a person in talks
		// "between", a hyphenated "built-in"
		{"counter", "In Tamsworth, Pelling said the plan would fail.",
			[]string{"LOC:Tamsworth", "PER:Pelling"}, []string{"LOC:Tamsworth", "PER:Pelling"}},
		{"counter", "Rents in Tamsworth and Pelling's own estate rose by a fifth.",
			[]string{"LOC:Tamsworth", "PER:Pelling"}, []string{"LOC:Tamsworth", "PER:Pelling"}},
		{"counter", "Talks between Pelling and Tamsworth's mayor resumed on Monday.",
			[]string{"PER:Pelling", "LOC:Tamsworth"}, []string{"PER:Pelling", "LOC:Tamsworth"}},
		{"counter", "The car comes with built-in Velmora and Tamsworth maps.",
			[]string{"ORG:Velmora", "LOC:Tamsworth"}, []string{"ORG:Velmora", "LOC:Tamsworth"}},
		// a name that says it is a body
		{"counter", "Cases were found in Tamsworth and Pelling, and Carrow University scientists warned of more.",
			[]string{"LOC:Tamsworth", "LOC:Pelling", "ORG:Carrow University"}, []string{"LOC:Tamsworth", "LOC:Pelling", "ORG:Carrow University"}},
		{"counter", "Grants went to groups in Tamsworth and the Pelling Trust.",
			[]string{"LOC:Tamsworth", "ORG:Pelling Trust"}, []string{"LOC:Tamsworth", "ORG:Pelling Trust"}},
		// "from" and "for" come before clubs in sports stories
		{"counter", "Players from Tamsworth and Kellby met at the ground.",
			[]string{"LOC:Tamsworth", "ORG:Kellby"}, []string{"LOC:Tamsworth", "ORG:Kellby"}},
		{"counter", "He scored for Harwick and Pelling won the cup.",
			[]string{"ORG:Harwick", "PER:Pelling"}, []string{"ORG:Harwick", "PER:Pelling"}},
	} {
		if names := retypeNames(t, c.text, c.model, m.retypeInContext); !reflect.DeepEqual(names, c.want) {
			t.Errorf("%s %q: names %q, want %q", c.class, c.text, names, c.want)
		}
	}
}
