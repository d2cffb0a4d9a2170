package tags

import "testing"

// TestHyphenatedWordsAreNoFragments checks the class of words written
// with a hyphen that the tokenizer splits ("plant-eaters", "one-way
// fares", "hat-trick"): the part after the hyphen is no topic of its own
// ("eaters", "way fares", "tricks"), while the story's topic is found.
// Each article was written for the test, with the tags an editor would
// choose written before the tagger was run on it.
func TestHyphenatedWordsAreNoFragments(t *testing.T) {
	m, k, bg := fixtures(t)
	tg := New(k, Options{Background: bg})
	for _, c := range []struct {
		name, title, body string
		want, not         []string
	}{{
		name:  "business: fares",
		title: "Airline cuts one-way fares on domestic routes",
		body: "A budget airline cut one-way fares on its domestic routes by up to a third on Monday to win back passengers. " +
			"The cheapest one-way fare between the two largest cities will be £19, the airline said, and fares on " +
			"other routes will fall from April. Rivals said they would match the fares.",
		want: []string{"fares"}, not: []string{"way fares", "way fare"},
	}, {
		name:  "science: dinosaurs",
		title: "Tracks show plant-eaters crossed ancient floodplain",
		body: "Scientists have found more than 200 tracks left by plant-eaters that crossed a floodplain 150 million years ago, " +
			"a study said on Tuesday. The plant-eaters walked in herds, the tracks show, and the dinosaurs may have been " +
			"moving between feeding grounds. Researchers said the dinosaurs were about 15 metres long.",
		want: []string{"dinosaurs"}, not: []string{"eaters"},
	}, {
		name:  "politics: protests",
		title: "Anti-government protests spread to the capital",
		body: "Anti-government protests spread to the capital on Sunday as tens of thousands marched against a new tax on fuel. " +
			"Police said the protests were mostly peaceful. Opposition leaders said the protests would go on until the " +
			"government dropped the tax.",
		want: []string{"protests"}, not: []string{"government protests"},
	}, {
		name:  "sport: a hat-trick",
		title: "Okafor hat-trick sends Rovers top",
		body: "Daniel Okafor scored a hat-trick as Wexmoor Rovers beat Dunmore 4-1 on Saturday to go top of the league. " +
			"Okafor's hat-trick was his second of the season, and Rovers manager Sam Pike said the striker was in the form " +
			"of his life. Dunmore have lost five league games in a row.",
		not: []string{"tricks", "trick"},
	}} {
		checkTopics(t, m, tg, c.name, c.title, c.body, c.want, c.not)
	}
}
