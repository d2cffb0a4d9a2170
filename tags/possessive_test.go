package tags

import "testing"

// TestNamesAfterAPossessive checks the class of event names that begin
// with a capitalised possessive that names no one ("Women's Rugby World
// Cup", "Women's Six Nations"), which the recogniser leaves out of the
// name: the tag is the whole name. A possessive that is a name of its
// own ("England's Red Roses") stays apart. Each article was written for
// the test, with the tags an editor would choose written before the
// tagger was run on it.
func TestNamesAfterAPossessive(t *testing.T) {
	m, k, bg := fixtures(t)
	for _, c := range []struct {
		name, title, body string
		want, not         []string
	}{{
		name:  "rugby",
		title: "Ireland beat Wales to open Women's Six Nations campaign",
		body: "Ireland beat Wales 31-12 in Cork on Saturday in their first match of the Women's Six Nations. " +
			"Wing Aoife Dunne scored two tries, and Ireland coach Niamh Burke said the win was the best start to a " +
			"Women's Six Nations her side had made. Wales play Scotland next week.",
		want: []string{"Women's Six Nations"}, not: []string{"Six Nations"},
	}, {
		name:  "football",
		title: "Spain reach Women's Euro final after extra time",
		body: "Spain reached the final of the Women's Euro on Wednesday, beating Norway 2-1 after extra time in Bern. " +
			"Striker Lucia Vega scored the winner in the 113th minute. Spain will play Germany in the Women's Euro " +
			"final on Sunday, and Vega said her team were ready.",
		want: []string{"Women's Euro"},
	}, {
		name:  "golf",
		title: "Hana Cho wins Women's Coastal Open by two shots",
		body: "Hana Cho won the Women's Coastal Open on Sunday, finishing two shots ahead of Emma Lind after a final " +
			"round of 67. Cho, 23, had never finished in the top ten of the Women's Coastal Open before. Lind said " +
			"Cho's putting had been the difference.",
		want: []string{"Women's Coastal Open", "Hana Cho"}, not: []string{"Coastal Open"},
	}, {
		name:  "a possessive that is a name",
		title: "England's Red Roses beat France in Bordeaux",
		body: "England beat France 38-10 in Bordeaux on Saturday to stay top of the table. The Red Roses scored six " +
			"tries, and England captain Zoe Hale said the Red Roses had defended well. France coach Paul Roux said " +
			"his side had been beaten by a better team.",
		want: []string{"England"}, not: []string{"England's Red Roses"},
	}} {
		checkLine(t, m, k, bg, c.name, c.title, c.body, c.want, c.not)
	}
}
