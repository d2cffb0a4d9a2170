package tags

import (
	"slices"
	"strings"
	"testing"
	"time"

	"tidings/annotate"
	"tidings/kb"
	"tidings/link"
	"tidings/text"
)

// TestAbbreviationInFull checks that a name the article abbreviates
// ("Harlow & Finch ... H&F") is one tag, written in full; each article
// was written for the test.
func TestAbbreviationInFull(t *testing.T) {
	m, k, bg := fixtures(t)
	for _, c := range []struct {
		name, title, body string
		want, not         []string
	}{
		{"initials with an ampersand", "H&F shuts stores after losses",
			"Harlow & Finch said on Monday it would close 40 of its stores after a second year of losses. " +
				"H&F, which sells furniture and kitchenware, said the closures would cost 600 jobs. " +
				"Shares in H&F fell 12% in London.",
			[]string{"Harlow & Finch"}, []string{"H&F"}},
		{"initials of a body", "Teachers say NCTA pay offer is too low",
			"The National College Teachers Association rejected a pay offer on Tuesday. The NCTA said the offer of 3% " +
				"was below inflation, and the NCTA will ballot its members on strikes next month.",
			[]string{"National College Teachers Association"}, []string{"NCTA"}},
	} {
		checkLine(t, m, k, bg, c.name, c.title, c.body, c.want, c.not)
	}
}

// TestEventsWithAdjective checks that a country's adjective that begins
// an event's name ("Italian Open", "Japanese Grand Prix") is the event's,
// not a mention of the country; the sentences were written for the test.
func TestEventsWithAdjective(t *testing.T) {
	for _, c := range []struct {
		name, text string
		country    []string // the country's mentions, by their words
		event      []string // the event's, after the first skip of its words
		skip       int
		want, not  string
	}{
		{"an adjective split from the event", "Verstappen wins Japanese Grand Prix. Verstappen led the Grand Prix from pole, Verstappen said.",
			[]string{"Japanese"}, []string{"Grand Prix", "Grand Prix"}, 0, "Japanese Grand Prix", "Japan"},
		{"an event the title splits", "Sinner Out of Italian Open. Sinner lost in the Italian Open quarter-final, and Sinner left Rome.",
			[]string{"Italian"}, []string{"Italian Open"}, 1, "Italian Open", "Italy"},
	} {
		doc := text.New(c.text)
		find := func(words string, nth int, label string) text.Span { return nthSpan(t, doc, words, nth, label) }
		spansOf := func(ws []string, label string, skip int) []text.Span {
			var out []text.Span
			seen := map[string]int{}
			for _, w := range ws {
				seen[w] = skip
			}
			for _, w := range ws {
				out = append(out, find(w, seen[w], label))
				seen[w]++
			}
			return out
		}
		country := kb.Entry{ID: "C", Kind: kb.KindCountry, Name: c.not}
		ents := []link.Entity{
			{ID: "local:per:x", Name: "Verstappen", Type: "PER", Salience: 0.8, Mentions: spansOf([]string{strings.Fields(c.text)[0], strings.Fields(c.text)[0]}, "PER", 0)},
			{ID: "C", Entry: country, Name: c.not, Type: "MISC", Salience: 0.4, Mentions: spansOf(c.country, "MISC", 0)},
			{ID: "local:misc:e", Name: c.event[0], Type: "MISC", Salience: 0.3, Mentions: spansOf(c.event, "MISC", c.skip)},
		}
		ents[0].Name = strings.Fields(c.text)[0]
		var line []string
		for _, tg := range New(nil, Options{}).Suggest(doc, strings.Index(c.text, ".")+1, ents, time.Time{}) {
			line = append(line, tg.Tag)
		}
		if !slices.Contains(line, c.want) || slices.Contains(line, c.not) {
			t.Errorf("%s: line %q; want %q and not %q", c.name, line, c.want, c.not)
		}
	}
}

// TestNameByItsHead checks that a name the knowledge base lacks, written
// once in full and then by its head ("Wexcombe District Council ... the
// council"), is a tag, and its head no topic, unless two names share the
// head; each article was written for the test.
func TestNameByItsHead(t *testing.T) {
	m, k, bg := fixtures(t)
	for _, c := range []struct {
		name, title, body string
		want, not         []string
	}{
		{"a council", "Village hall to close after repair bill",
			"Wexcombe District Council voted on Monday to close the village hall after engineers found its roof unsafe. " +
				"The council said repairs would cost £400,000, four times its yearly budget. Villagers said the council " +
				"had ignored warnings about the roof for a decade.",
			[]string{"Wexcombe District Council"}, []string{"councils", "council"}},
		{"the head before for", "Ministers cut rural bus grants",
			"The Department for Rural Transport said on Monday it would cut grants for village bus routes by a third. " +
				"The department said the grants had not kept passengers on buses, and councils said the department had not warned them.",
			[]string{"Department for Rural Transport"}, []string{"departments"}},
		{"two names of one head: neither", "Housing associations merge",
			"Marlow Housing Association and Thame Housing Association agreed to merge on Tuesday. Tenants said the " +
				"association had not consulted them, and the association's chief executive said rents would not rise.",
			nil, []string{"Marlow Housing Association", "Thame Housing Association"}},
	} {
		checkLine(t, m, k, bg, c.name, c.title, c.body, c.want, c.not)
	}
}

// TestTitleOnlyNames checks that a name met only in the title (a title
// in title case capitalises common words: "Farm Deal") is no tag, while
// one the body names is; the sentences were written for the test.
func TestTitleOnlyNames(t *testing.T) {
	doc := text.New("Ministers Agree Farm Deal. Ruritania's farmers won subsidies until 2030, Ruritania said.")
	at := func(word string, nth int, label string) text.Span { return nthSpan(t, doc, word, nth, label) }
	ents := []link.Entity{
		{ID: "D", Name: "Deal", Type: "LOC", Salience: 0.5, Entry: kb.Entry{ID: "D", Kind: kb.KindCity, Name: "Deal"},
			Mentions: []text.Span{at("Deal", 0, "LOC")}},
		{ID: "R", Name: "Ruritania", Type: "LOC", Salience: 0.4, Entry: kb.Entry{ID: "R", Kind: kb.KindCountry, Name: "Ruritania"},
			Mentions: []text.Span{at("Ruritania", 0, "LOC"), at("Ruritania", 1, "LOC")}},
	}
	var line []string
	for _, tg := range New(nil, Options{}).Suggest(doc, strings.Index(doc.Text, ".")+1, ents, time.Time{}) {
		line = append(line, tg.Tag)
	}
	if slices.Contains(line, "Deal") || !slices.Contains(line, "Ruritania") {
		t.Errorf("line %q: want Ruritania, and not Deal", line)
	}
}

// TestVersionedNames checks that a name written with a version
// ("Nimbus-3", which the recogniser cuts at the hyphen) is tagged as the
// version the article names most; the sentences were written for the
// test.
func TestVersionedNames(t *testing.T) {
	doc := text.New("Orbital launches Nimbus-3 phone. Orbital said Nimbus-3 was faster than Nimbus-2, and Orbital would sell it in May.")
	var nimbus, orbital []text.Span
	for i, tok := range doc.Tokens {
		switch tok.Form {
		case "Nimbus":
			nimbus = append(nimbus, text.Span{Start: i, End: i + 1, Label: "MISC"})
		case "Orbital":
			orbital = append(orbital, text.Span{Start: i, End: i + 1, Label: "ORG"})
		}
	}
	if len(nimbus) != 3 {
		t.Fatalf("tokens %v: want Nimbus cut at the hyphen three times", doc.Tokens)
	}
	ents := []link.Entity{
		{ID: "local:org:orbital", Name: "Orbital", Type: "ORG", Salience: 0.6, Mentions: orbital},
		{ID: "local:misc:nimbus", Name: "Nimbus", Type: "MISC", Salience: 0.5, Mentions: nimbus},
	}
	var line []string
	for _, tg := range New(nil, Options{}).Suggest(doc, strings.Index(doc.Text, ".")+1, ents, time.Time{}) {
		line = append(line, tg.Tag)
	}
	if !slices.Contains(line, "Nimbus-3") {
		t.Errorf("line %q: want Nimbus-3", line)
	}
}

// TestAdjectiveOfAName checks that a name's adjective ("Olympic gold")
// is a mention of the name it begins ("the Olympic Games"); the
// sentences were written for the test.
func TestAdjectiveOfAName(t *testing.T) {
	doc := text.New("Okafor wins Commonwealth gold. Okafor took Commonwealth gold in the 400m at the Commonwealth Games in Glasgow, Okafor said.")
	var adj, games, okafor []text.Span
	for i, tok := range doc.Tokens {
		switch {
		case tok.Form == "Commonwealth" && doc.Tokens[i+1].Form == "Games":
			games = append(games, text.Span{Start: i, End: i + 2, Label: "MISC"})
		case tok.Form == "Commonwealth":
			adj = append(adj, text.Span{Start: i, End: i + 1, Label: "MISC"})
		case tok.Form == "Okafor":
			okafor = append(okafor, text.Span{Start: i, End: i + 1, Label: "PER"})
		}
	}
	for _, m := range adj {
		doc.Tokens[m.Start].UPOS = "ADJ"
		doc.Tokens[m.End].UPOS = "NOUN" // gold
	}
	ents := []link.Entity{
		{ID: "local:per:okafor", Name: "Okafor", Type: "PER", Salience: 0.8, Mentions: okafor},
		{ID: "local:misc:commonwealth", Name: "Commonwealth", Type: "MISC", Salience: 0.5, Mentions: adj},
		{ID: "local:misc:commonwealth-games", Name: "Commonwealth Games", Type: "MISC", Salience: 0.2, Mentions: games},
	}
	var line []string
	for _, tg := range New(nil, Options{}).Suggest(doc, strings.Index(doc.Text, ".")+1, ents, time.Time{}) {
		line = append(line, tg.Tag)
	}
	if !slices.Contains(line, "Commonwealth Games") || slices.Contains(line, "Commonwealth") {
		t.Errorf("line %q: want Commonwealth Games, and not Commonwealth", line)
	}
}

// TestOneWordNameByItsDesignator checks that a one-word name written
// with its designator in lower case ("the Greenway party") is named
// again by it ("the party"), and that a fragment ("S" of "RTS,S
// vaccine") is not; the sentences were written for the test.
func TestOneWordNameByItsDesignator(t *testing.T) {
	doc := text.New("Leader quits. Ana Petrova quit as leader of the Greenway party on Monday, Ana Petrova said. " +
		"She said the party had lost its way, and the party would choose a leader in May. The S vaccine and the vaccine trial go on.")
	var petrova, greenway, s []text.Span
	for i, tok := range doc.Tokens {
		switch tok.Form {
		case "Ana":
			petrova = append(petrova, text.Span{Start: i, End: i + 2, Label: "PER"})
		case "Greenway":
			greenway = append(greenway, text.Span{Start: i, End: i + 1, Label: "ORG"})
		case "S":
			s = append(s, text.Span{Start: i, End: i + 1, Label: "ORG"})
		case "party", "vaccine":
			doc.Tokens[i].UPOS, doc.Tokens[i].XPOS = "NOUN", "NN"
		}
	}
	ents := []link.Entity{
		{ID: "local:per:ana-petrova", Name: "Ana Petrova", Type: "PER", Salience: 0.8, Mentions: petrova},
		{ID: "local:org:greenway", Name: "Greenway", Type: "ORG", Salience: 0.3, Mentions: greenway},
		{ID: "local:org:s", Name: "S", Type: "ORG", Salience: 0.3, Mentions: s},
	}
	var line []string
	for _, tg := range New(nil, Options{}).Suggest(doc, strings.Index(doc.Text, ".")+1, ents, time.Time{}) {
		line = append(line, tg.Tag)
	}
	if !slices.Contains(line, "Greenway") || slices.Contains(line, "S") {
		t.Errorf("line %q: want Greenway, and not S", line)
	}
}

// TestNamesOnlyModifying checks that a name the knowledge base lacks
// that only modifies a common noun ("the Zolvax vaccine") names a kind of
// thing, not a tag, whatever its type; the sentences were written for
// the test.
func TestNamesOnlyModifying(t *testing.T) {
	for _, c := range []struct {
		name, text string
		tagged     bool
	}{
		{"only a modifier", "Clinics offer Zolvax vaccine. Clinics gave the Zolvax vaccine to 900 children, and Zolvax doses ran out on Friday, Ada Obi said.", false},
		{"named as such", "Clinics offer Zolvax vaccine. Zolvax said on Monday it would send more doses, and Zolvax expects demand to rise, Ada Obi said.", true},
	} {
		doc := text.New(c.text)
		var zolvax, obi []text.Span
		for i, tok := range doc.Tokens {
			switch tok.Form {
			case "Zolvax":
				zolvax = append(zolvax, text.Span{Start: i, End: i + 1, Label: "ORG"})
			case "Ada":
				obi = append(obi, text.Span{Start: i, End: i + 2, Label: "PER"})
			case "vaccine", "doses":
				doc.Tokens[i].UPOS = "NOUN"
			}
		}
		ents := []link.Entity{
			{ID: "local:per:ada-obi", Name: "Ada Obi", Type: "PER", Salience: 0.5, Mentions: append(obi, obi...)},
			{ID: "local:org:zolvax", Name: "Zolvax", Type: "ORG", Salience: 0.6, Mentions: zolvax},
		}
		var line []string
		for _, tg := range New(nil, Options{}).Suggest(doc, strings.Index(doc.Text, ".")+1, ents, time.Time{}) {
			line = append(line, tg.Tag)
		}
		if slices.Contains(line, "Zolvax") != c.tagged {
			t.Errorf("%s: line %q; want Zolvax tagged: %v", c.name, line, c.tagged)
		}
	}
}

// checkLine checks that the tag line of an article, published 2026-02-10,
// holds every tag of want and none of not.
func checkLine(t *testing.T, m *annotate.Models, k *kb.KB, bg *Background, name, title, body string, want, not []string) {
	t.Helper()
	doc, titleEnd := taggedDoc(t, m, title, body)
	ents := link.New(k).Link(doc, time.Date(2026, 2, 10, 0, 0, 0, 0, time.UTC))
	var line []string
	for _, tg := range New(k, Options{Background: bg}).Suggest(doc, titleEnd, ents, time.Time{}) {
		line = append(line, tg.Tag)
	}
	for _, w := range want {
		if !slices.Contains(line, w) {
			t.Errorf("%s: line %q; want %q", name, line, w)
		}
	}
	for _, n := range not {
		if slices.Contains(line, n) {
			t.Errorf("%s: line %q has %q", name, line, n)
		}
	}
}
