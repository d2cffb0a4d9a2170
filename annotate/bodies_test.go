package annotate

import (
	"reflect"
	"testing"

	"tidings/text"
)

// TestBodiesOfPlaces: a police force, a council or another body named
// for its place and its head, which the model reads as a person or a
// place, or cuts before the place's first word. Places and bodies are
// invented.
func TestBodiesOfPlaces(t *testing.T) {
	m := &NER{gaz: NewGazetteer([]GazetteerName{{"Harwick", "LOC"}, {"Dunmore", "LOC"}, {"Veloria", "LOC"}, {"Ruritania", "LOC"},
		{"Harwick West and Dunmore", "LOC"}, {"Grant", "PER"}, {"Veloria", "MISC"}})}
	m.UseTitles([]string{"chief", "constable", "minister"})
	for _, tc := range []struct {
		text        string
		model, want []string
		tags        map[int]string // XPOS of words the case needs tagged
	}{
		// the head says a body: a force, a council, a constabulary
		{text: "Harwick Police said a man had been arrested on Friday.",
			model: []string{"PER:Harwick Police"}, want: []string{"ORG:Harwick Police"}},
		{text: "Officers from Dunmore Constabulary are appealing for witnesses.",
			model: []string{"PER:Dunmore Constabulary"}, want: []string{"ORG:Dunmore Constabulary"}},
		{text: "A spokesman for Greater Harwick Police said the road had reopened.",
			model: []string{"LOC:Greater Harwick Police"}, want: []string{"ORG:Greater Harwick Police"}},
		{text: "The crash was reported to Veloria County Council on Monday.",
			model: []string{"LOC:Veloria County Council"}, want: []string{"ORG:Veloria County Council"}},
		{text: "Kelvale District Council has approved 300 homes.",
			model: []string{"MISC:Kelvale District Council"}, want: []string{"ORG:Kelvale District Council"}},
		{text: "The plans went to the Dunmore Fire Authority in 2024.",
			model: []string{"PER:Dunmore Fire Authority"}, want: []string{"ORG:Dunmore Fire Authority"}},
		// a school's name read as a miscellaneous one: the body; a place
		// stays one
		{text: "Kelvale High School has been rated good by inspectors.",
			model: []string{"MISC:Kelvale High School"}, want: []string{"ORG:Kelvale High School"}},
		{text: "Parents gathered outside Kelvale Primary School on Friday.",
			model: []string{"LOC:Kelvale Primary School"}, want: []string{"LOC:Kelvale Primary School"}},
		// the place's first word, cut off by the model
		{text: "A cyclist was hurt on Tuesday, Greater Harwick Police said.",
			model: []string{"PER:Harwick Police"}, want: []string{"ORG:Greater Harwick Police"}},
		{text: "Detectives from North Dunmore Police were called.",
			model: []string{"ORG:Dunmore Police"}, want: []string{"ORG:North Dunmore Police"}},
		// the head the model left after the name: the name's last word
		{text: "Dana Kell stayed on as commissioner of the Harwick Heights Police Department when the mayor took over.",
			model: []string{"PER:Dana Kell", "ORG:Harwick Heights Police"}, want: []string{"PER:Dana Kell", "ORG:Harwick Heights Police Department"}},
		{text: "Tamsel completed the spin-off of the Corvane Ice Cream Company, which owns two brands.",
			model: []string{"ORG:Tamsel", "ORG:Corvane Ice Cream"}, want: []string{"ORG:Tamsel", "ORG:Corvane Ice Cream Company"}},
		{text: "Residents wrote to Harwick Council on Monday.",
			model: []string{"LOC:Harwick"}, want: []string{"ORG:Harwick Council"}},
		// a place's possessive that the model read into the body's name
		{text: "Ruritania's Ministry of Foreign Affairs summoned the ambassador.",
			model: []string{"ORG:Ruritania 's Ministry of Foreign Affairs"}, want: []string{"LOC:Ruritania", "ORG:Ministry of Foreign Affairs"}},
		{text: "Officials at Veloria's Financial Services Agency declined to comment.",
			model: []string{"ORG:Veloria 's Financial Services Agency"}, want: []string{"LOC:Veloria", "ORG:Financial Services Agency"}},
		// a place named with "and" before the head: one body
		{text: "Plans were rejected by Harwick West and Dunmore Council in May.",
			model: []string{"LOC:Harwick West", "ORG:Dunmore Council"}, want: []string{"ORG:Harwick West and Dunmore Council"}},
		// counter-examples: a head in a headline's capitals, a name with
		// "'s" that is no place's, a head that begins another name
		{text: "Shares Slide As Corvane Ice Cream Company Warns On Profits",
			model: []string{"ORG:Corvane Ice Cream"}, want: []string{"ORG:Corvane Ice Cream"}},
		{text: "Analysts at Tamsel's Investors Service cut the rating.",
			model: []string{"ORG:Tamsel 's Investors Service"}, want: []string{"ORG:Tamsel's Investors Service"}},
		{text: "The Duke of Harwick's XI won by ten runs.",
			model: []string{"ORG:Duke of Harwick 's XI"}, want: []string{"ORG:Duke of Harwick's XI"}},
		{text: "Fans of Harwick cheered as Council Tax Reform campaigners marched.",
			model: []string{"LOC:Harwick", "MISC:Council Tax Reform"}, want: []string{"LOC:Harwick", "MISC:Council Tax Reform"}},
		// counter-examples: a person whose surname is a head, a lower-case
		// head, a word before the name that is no place's, two bodies
		// joined by "and", a name of another head
		{text: "Robert Service wrote the biography in 2004.",
			model: []string{"PER:Robert Service"}, want: []string{"PER:Robert Service"}},
		{text: "Grant Council, a solicitor, said the fees were fair.",
			model: []string{"PER:Grant Council"}, want: []string{"PER:Grant Council"}},
		{text: "Harwick police said the road was closed.",
			model: []string{"LOC:Harwick"}, want: []string{"LOC:Harwick"}},
		{text: "On Tuesday Harwick Police said a man had died.",
			model: []string{"PER:Harwick Police"}, want: []string{"ORG:Harwick Police"}},
		{text: "New Harwick Council chief to be installed on Tuesday.",
			model: []string{"ORG:Harwick Council"}, want: []string{"ORG:Harwick Council"}, tags: map[int]string{0: "JJ"}},
		{text: "THU Harwick Group results due.",
			model: []string{"ORG:Harwick Group"}, want: []string{"ORG:Harwick Group"}},
		{text: "Dana Kell, head of the Veloria National Olympic Committee, resigned.",
			model: []string{"PER:Dana Kell", "MISC:Veloria National Olympic Committee"}, want: []string{"PER:Dana Kell", "MISC:Veloria National Olympic Committee"}},
		{text: "Yesterday Harwick Police said a man had died.",
			model: []string{"PER:Harwick Police"}, want: []string{"ORG:Harwick Police"}, tags: map[int]string{0: "NN"}},
		{text: "Chief Constable Dana Kell of Harwick Police said the force was stretched.",
			model: []string{"PER:Dana Kell", "ORG:Harwick Police"}, want: []string{"PER:Dana Kell", "ORG:Harwick Police"}},
		{text: "Harwick Council and Dunmore Council agreed the budget.",
			model: []string{"ORG:Harwick Council", "ORG:Dunmore Council"}, want: []string{"ORG:Harwick Council", "ORG:Dunmore Council"}},
		{text: "Fans of Harwick Rovers met at the Dunmore Arms.",
			model: []string{"ORG:Harwick Rovers", "LOC:Dunmore Arms"}, want: []string{"ORG:Harwick Rovers", "LOC:Dunmore Arms"}},
	} {
		rule := m.bodiesOfPlaces
		if tc.tags != nil {
			rule = func(d *text.Document, spans []text.Span) []text.Span {
				for i, tag := range tc.tags {
					d.Tokens[i].XPOS = tag
				}
				return m.bodiesOfPlaces(d, spans)
			}
		}
		if names := retypeNames(t, tc.text, tc.model, rule); !reflect.DeepEqual(names, tc.want) {
			t.Errorf("%q: names %q, want %q", tc.text, names, tc.want)
		}
	}
}
