package tags

import "testing"

// TestNamedThingsUsedAttributively checks the class of named events,
// shows and products of several words that the knowledge base lacks and
// that the article only uses before a noun ("the Halden Open
// semi-finals", "the Skylark Nine booster"): they are what the story is
// about and are tagged, unlike a one-word name or an adjective of place
// that only modifies ("the Zolvax vaccine", "West African countries").
// Each article was written for the test, with the tags an editor would
// choose written before the tagger was run on it.
func TestNamedThingsUsedAttributively(t *testing.T) {
	m, k, bg := fixtures(t)
	for _, c := range []struct {
		name, title, body string
		want, not         []string
	}{{
		name:  "sport: a tournament",
		title: "Kerr books Halden Open semi-final place",
		body: "Mia Kerr beat Ana Ruiz 6-3 6-4 on Thursday to reach the Halden Open semi-finals for the first time. " +
			"Kerr, who lost in the first round of the Halden Open qualifying event last year, served eleven aces. " +
			"Ruiz said Kerr had played the best tennis of her career.",
		want: []string{"Halden Open", "Mia Kerr"},
	}, {
		name:  "science: a rocket",
		title: "Skylark Nine rocket reaches orbit on third attempt",
		body: "A Skylark Nine rocket reached orbit on Tuesday on its third attempt, carrying two weather satellites, " +
			"its builder said. The two earlier Skylark Nine flights failed when the second stage shut down early. " +
			"Engineers said the Skylark Nine booster would be recovered from the sea and flown again.",
		want: []string{"Skylark Nine"},
	}, {
		name:  "local: a festival",
		title: "Organisers cancel Brackley Beer Festival weekend after flooding",
		body: "The Brackley Beer Festival weekend was cancelled on Friday after heavy rain flooded the showground, organisers said. " +
			"Brackley Beer Festival tickets will be refunded in full, and the Brackley Beer Festival committee said it hoped to hold " +
			"the event in September.",
		want: []string{"Brackley Beer Festival"},
	}, {
		name:  "politics: a named plan",
		title: "Ministers publish Northern Growth Plan targets",
		body: "Ministers on Wednesday published the first Northern Growth Plan targets for jobs and transport, " +
			"promising 50,000 jobs by 2030. Council leaders said the Northern Growth Plan funding was too small, " +
			"and the Treasury said Northern Growth Plan projects would be chosen by the end of the year.",
		want: []string{"Northern Growth Plan"},
	}} {
		checkLine(t, m, k, bg, c.name, c.title, c.body, c.want, c.not)
	}
}
