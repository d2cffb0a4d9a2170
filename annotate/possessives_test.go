package annotate

import (
	"reflect"
	"testing"
)

// TestPossessiveNames: a shop's or a brand's name that ends in "'s"
// ("Sainsbury's", "Kellogg's"), which the model cuts before it and reads
// as a person's, where the sentence shows that the "'s" owns nothing;
// then every mention of the same name in the article. Names are invented.
func TestPossessiveNames(t *testing.T) {
	m := &NER{gaz: NewGazetteer([]GazetteerName{{"Ruritania", "LOC"}, {"Harwick", "LOC"}, {"Dana Kell", "PER"}})}
	for _, tc := range []struct {
		text        string
		model, want []string
	}{
		// a name before "and", "or" or a comma in a list of names
		{`Rivals Farrow's and Pellway cut prices on milk and bread.`,
			[]string{"PER:Farrow", "ORG:Pellway"}, []string{"ORG:Farrow's", "ORG:Pellway"}},
		{`Shoppers switched to Brenley's or Tamsel for their weekly shop.`,
			[]string{"PER:Brenley", "PER:Tamsel"}, []string{"ORG:Brenley's", "PER:Tamsel"}},
		{`Sales rose at Tesk, Marlowe's and Debrook over the summer.`,
			[]string{"ORG:Tesk", "PER:Marlowe", "ORG:Debrook"}, []string{"ORG:Tesk", "ORG:Marlowe's", "ORG:Debrook"}},
		// at the end of a sentence or a clause
		{`The best pies in town are sold at Halloway's.`,
			[]string{"PER:Halloway"}, []string{"ORG:Halloway's"}},
		// a shop as the place, after a preposition of place, as the set of
		// news names marks "outside Boots"
		{`A man was assaulted outside Brenley's on Friday night, police said.`,
			[]string{"PER:Brenley"}, []string{"LOC:Brenley's"}},
		// an article before the name: the 's is the name's, not a person's
		{`Plans for 300 homes on the former Tamsel's site were approved in 2025.`,
			[]string{"PER:Tamsel"}, []string{"ORG:Tamsel's"}},
		{`A Dorrin's spokesman said the shop on the high street would reopen.`,
			[]string{"PER:Dorrin"}, []string{"ORG:Dorrin's"}},
		{`The nearest Corbett's is 20 miles away.`,
			[]string{"PER:Corbett"}, []string{"ORG:Corbett's"}},
		// one cue, every mention of the article
		{`Brenley's and Farrow cut prices this week. Brenley's chief executive Lina Ortiz said inflation was easing.`,
			[]string{"PER:Brenley", "ORG:Farrow", "PER:Brenley", "PER:Lina Ortiz"},
			[]string{"ORG:Brenley's", "ORG:Farrow", "ORG:Brenley's", "PER:Lina Ortiz"}},
		// counter-examples: a person's belongings and people, possessives
		// listed, a person named in full or known, a place's possessive,
		// a name the model already read with its 's
		{`Ortiz's wife said she had not been told.`,
			[]string{"PER:Ortiz"}, []string{"PER:Ortiz"}},
		{`Trump's and Biden's plans for the economy differ.`,
			[]string{"PER:Trump", "PER:Biden"}, []string{"PER:Trump", "PER:Biden"}},
		{`Lina Ortiz said the idea was Ortiz's, not the board's.`,
			[]string{"PER:Lina Ortiz", "PER:Ortiz"}, []string{"PER:Lina Ortiz", "PER:Ortiz"}},
		{`The prize was Dana Kell's.`,
			[]string{"PER:Dana Kell"}, []string{"PER:Dana Kell"}},
		{`Ruritania's economy grew 2% and Harwick's shrank.`,
			[]string{"LOC:Ruritania", "LOC:Harwick"}, []string{"LOC:Ruritania", "LOC:Harwick"}},
		{`The ground is near Harwick's, the oldest pub in the town.`,
			[]string{"LOC:Harwick 's"}, []string{"LOC:Harwick's"}},
		{`The late Kessler's paintings were sold in 2023.`,
			[]string{"PER:Kessler"}, []string{"PER:Kessler"}},
		{`Tamsel cut its prices in May. Its network was faster than Corvane's.`,
			[]string{"ORG:Tamsel", "ORG:Corvane"}, []string{"ORG:Tamsel", "ORG:Corvane"}},
		{`Vantoro's network was slower than Corvane's. Corvane and Vantoro both gained users.`,
			[]string{"ORG:Vantoro", "ORG:Corvane", "ORG:Corvane", "ORG:Vantoro"}, []string{"ORG:Vantoro", "ORG:Corvane", "ORG:Corvane", "ORG:Vantoro"}},
		{`Kessler's, the family said, had been his favourite shop.`,
			[]string{"PER:Kessler"}, []string{"ORG:Kessler's"}},
	} {
		if names := retypeNames(t, tc.text, tc.model, m.possessiveNames); !reflect.DeepEqual(names, tc.want) {
			t.Errorf("%q: names %q, want %q", tc.text, names, tc.want)
		}
	}
}

// TestPossessiveInstitutions: a hospital's, a school's or a university's
// name that holds a possessive ("St Kelda's University Hospital"), which
// the model cuts before the "'s". Names are invented.
func TestPossessiveInstitutions(t *testing.T) {
	m := &NER{gaz: NewGazetteer([]GazetteerName{{"Harwick", "LOC"}, {"Dunmore", "LOC"}}),
		designators: map[string]string{"Hospital": "LOC", "University": "ORG"}}
	for _, tc := range []struct {
		text        string
		model, want []string
	}{
		{`A cyclist was taken to St Kelda's University Hospital in Harwick.`,
			[]string{"LOC:St Kelda", "LOC:Harwick"}, []string{"LOC:St Kelda's University Hospital", "LOC:Harwick"}},
		{`The patient was moved to Corbett's Hospital on Tuesday.`,
			[]string{"PER:Corbett"}, []string{"LOC:Corbett's Hospital"}},
		{`The patient was taken to St Kessas' Hospital in Dunmore.`,
			[]string{"LOC:St Kessas", "LOC:Dunmore"}, []string{"LOC:St Kessas' Hospital", "LOC:Dunmore"}},
		{`Pupils at St Ninian's High School raised £500 for the appeal.`,
			[]string{"PER:St Ninian"}, []string{"ORG:St Ninian's High School"}},
		{`She studied at Queen's University before joining the firm.`,
			[]string{"ORG:Queen"}, []string{"ORG:Queen's University"}},
		{`Parents gathered outside St Kelda's Primary School on Friday.`,
			[]string{"LOC:St Kelda", "ORG:Primary School"}, []string{"LOC:St Kelda's Primary School"}},
		// counter-examples: a place's possessive, a person named in full,
		// no head after the possessive, a head in lower case
		{`Harwick's General Hospital was closed in 2024.`,
			[]string{"LOC:Harwick", "LOC:General Hospital"}, []string{"LOC:Harwick", "LOC:General Hospital"}},
		{`Dana Kell's High School reunion was held in May.`,
			[]string{"PER:Dana Kell"}, []string{"PER:Dana Kell"}},
		{`Corbett's Harwick Street shop was closed.`,
			[]string{"PER:Corbett", "LOC:Harwick Street"}, []string{"PER:Corbett", "LOC:Harwick Street"}},
		{`Corbett's hospital stay was short.`,
			[]string{"PER:Corbett"}, []string{"PER:Corbett"}},
	} {
		if names := retypeNames(t, tc.text, tc.model, m.possessiveInstitutions); !reflect.DeepEqual(names, tc.want) {
			t.Errorf("%q: names %q, want %q", tc.text, names, tc.want)
		}
	}
}
