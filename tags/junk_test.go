package tags

import "testing"

// TestHyphenatedCompoundsKeepWhole checks the class of nouns joined by a
// hyphen to a noun that follows ("health-care", "child-care",
// "price-fixing"): the first part is a piece of one word, not a topic of
// its own, while a word joined to an adjective or participle after it
// names the thing and stays ("drought-hit farmers": "drought"), and the
// part after a hyphen is no topic ("hit farmers"). Written for the test.
func TestHyphenatedCompoundsKeepWhole(t *testing.T) {
	m, k, bg := fixtures(t)
	tg := New(k, Options{Background: bg})
	for _, c := range []struct {
		name, title, body string
		want, not         []string
	}{{
		name:  "politics: health-care law",
		title: "State lawmakers vote to delay health-care law",
		body: "Lawmakers in the state senate voted on Tuesday to delay parts of the health-care law until 2027, saying " +
			"the state could not afford the health-care exchanges it requires. Supporters of the health-care law said " +
			"the delay would leave 40,000 people without insurance.",
		not: []string{"health"},
	}, {
		name:  "business: child-care costs",
		title: "Parents face higher child-care bills",
		body: "Parents will pay about 8 percent more for child-care places from April, a survey of nurseries said on Monday. " +
			"Nurseries blamed higher wages and energy bills, and said some child-care places would close. " +
			"The government said its child-care subsidies would rise in September.",
		not: []string{"child"},
	}, {
		name:  "business: price-fixing fines",
		title: "Cement makers fined for price-fixing",
		body: "The competition regulator fined three cement makers a total of €210 million on Wednesday for price-fixing " +
			"between 2018 and 2022. The firms shared out customers and agreed price rises, the regulator said. The " +
			"price-fixing cost builders about €90 million, and the firms said they would appeal against the fines.",
		want: []string{"fines"}, not: []string{"price"},
	}, {
		name:  "farming: drought-hit farmers",
		title: "Aid for drought-hit farmers",
		body: "The government on Friday promised aid to drought-hit farmers after the driest summer in 40 years. " +
			"The drought has cut wheat yields by a fifth, and farmers said the drought had forced them to sell cattle. " +
			"Drought-hit farmers will receive up to €20,000 each.",
		not: []string{"hit farmers"},
	}} {
		checkTopics(t, m, tg, c.name, c.title, c.body, c.want, c.not)
	}
}

// TestCommonWordBeforeName checks the class of names that the recogniser
// takes together with a capitalised common word before them ("Singer
// Tomas Reval" at the start of a title or a sentence): the tag is the
// person's name, while a name whose first word is a given name stays
// whole. Written for the test.
func TestCommonWordBeforeName(t *testing.T) {
	m, k, bg := fixtures(t)
	for _, c := range []struct {
		name, title, body string
		want, not         []string
	}{{
		name:  "culture: a singer in the title",
		title: "Singer Tomas Reval cancels Oslo concerts",
		body: "Singer Tomas Reval cancelled two concerts in Oslo on Friday after losing his voice, his promoter said. " +
			"The singer, 41, was due to play on Saturday and Sunday. Reval said he was sorry and that the concerts " +
			"would be moved to June. Fans will get their money back, the promoter said.",
		want: []string{"Tomas Reval"}, not: []string{"Singer Tomas Reval"},
	}, {
		name:  "sport: a striker at the start of a sentence",
		title: "Lindqvist double sends Halvik into the final",
		body: "Halvik reached the cup final on Wednesday with a 2-0 win over Bremsby. Striker Bo Lindqvist scored " +
			"both goals, the first after ten minutes. The striker has now scored 19 goals this season, and " +
			"Lindqvist said Halvik could win the cup.",
		want: []string{"Bo Lindqvist"}, not: []string{"Striker Bo Lindqvist"},
	}, {
		name:  "sport: a veteran",
		title: "Veteran Jana Kessler retires at 38",
		body: "Veteran Jana Kessler retired from professional cycling on Monday after 17 seasons. The veteran won " +
			"four national titles, and Kessler said she would now coach young riders. Her team said Kessler was one " +
			"of the best climbers of her time.",
		want: []string{"Jana Kessler"}, not: []string{"Veteran Jana Kessler"},
	}, {
		name:  "politics: a given name that is also a noun",
		title: "Grant Hollis wins council seat",
		body: "Grant Hollis won the Eastmoor seat on the county council on Thursday by 312 votes. Hollis said he " +
			"would fight for a grant to repair the town's bridge, and Hollis thanked voters.",
		want: []string{"Grant Hollis"},
	}} {
		checkLine(t, m, k, bg, c.name, c.title, c.body, c.want, c.not)
	}
}
