package tags

import (
	"bytes"
	"compress/gzip"
	"slices"
	"strings"
	"testing"
	"time"

	"tidings/annotate"
	"tidings/kb"
	"tidings/link"
	"tidings/text"
)

func TestPluralOf(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"ceasefire", "ceasefires"}, {"tax", "taxes"}, {"policy", "policies"}, {"day", "days"},
		{"match", "matches"}, {"bus", "buses"}, {"hosepipe ban", "hosepipe bans"},
	} {
		if got := pluralOf(c.in); got != c.want {
			t.Errorf("pluralOf(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestCountable(t *testing.T) {
	for _, c := range []struct {
		name string
		row  backgroundRow
		want bool
	}{
		{"after a, never plural", backgroundRow{singular: 38, indefinite: 12}, true},
		{"often plural", backgroundRow{singular: 59, plural: 178, indefinite: 11, pluralForm: "tariffs"}, true},
		{"mass noun", backgroundRow{singular: 430, indefinite: 3}, false},
		{"mass noun with a stray plural", backgroundRow{singular: 126, plural: 15, pluralForm: "cocoas"}, false},
		{"one stray a", backgroundRow{singular: 6, indefinite: 1}, false},
	} {
		if got := countable(c.row); got != c.want {
			t.Errorf("%s: countable = %v, want %v", c.name, got, c.want)
		}
	}
}

// testBackground is a small table made by hand.
func testBackground() *Background {
	return &Background{Docs: 1000, rows: map[string]backgroundRow{
		"strike":        {df: 20, singular: 30, plural: 10, indefinite: 8, singularForm: "strike", pluralForm: "strikes"},
		"inflation":     {df: 30, singular: 40, singularForm: "inflation"},
		"interest rate": {df: 40, singular: 10, plural: 50, singularForm: "interest rate", pluralForm: "interest rates"},
		"ban":           {df: 10, singular: 10, plural: 3, indefinite: 4, singularForm: "ban", pluralForm: "bans"},
		"law":           {df: 50, singular: 60, plural: 30, indefinite: 9, singularForm: "law", pluralForm: "laws"},
		"martial law":   {df: 3, singular: 4, singularForm: "martial law"},
		"resignation":   {df: 10, singular: 12, plural: 1, indefinite: 3, singularForm: "resignation", pluralForm: "resignations"},
	}, roles: map[string]bool{"minister": true}, issues: map[string]bool{}}
}

func TestEditorForm(t *testing.T) {
	tg := New(nil, Options{Background: testBackground()})
	for _, c := range []struct {
		name string
		c    topic
		want string
	}{
		{"countable: the plural", topic{key: "strike", form: "strike", sing: 2, singF: "strike"}, "strikes"},
		{"mass: the singular", topic{key: "inflation", form: "inflation", sing: 3, singF: "inflation"}, "inflation"},
		{"phrase the corpus knows", topic{key: "interest rate", form: "interest rate", sing: 1, singF: "interest rate"}, "interest rates"},
		{"phrase the corpus knows as a mass", topic{key: "martial law", form: "martial law", sing: 2, singF: "martial law"}, "martial law"},
		{"new phrase: its head's number", topic{key: "hosepipe ban", form: "hosepipe ban", sing: 2, singF: "hosepipe ban"}, "hosepipe bans"},
		{"unknown word: as the article writes it", topic{key: "trackway", form: "trackways", plur: 3, plurF: "trackways"}, "trackways"},
		// The article's own marks of number.
		{"bare singulars only: a mass here", topic{key: "ground ban", form: "ground ban", sing: 2, singF: "ground ban", bodySing: 2, bare: 2}, "ground ban"},
		{"a bare singular beside a determined one: news decides", topic{key: "strike", form: "strike", sing: 2, singF: "strike", bodySing: 2, bare: 1}, "strikes"},
		{"unknown word after a: counted", topic{key: "sinkhole", form: "sinkhole", sing: 2, singF: "sinkhole", bodySing: 2, indef: 1}, "sinkholes"},
		{"unknown word once in the plural: counted", topic{key: "culvert", form: "culvert", sing: 1, plur: 1, singF: "culvert", plurF: "culverts", bodySing: 1}, "culverts"},
		{"after a, but news knows it as a mass", topic{key: "inflation", form: "inflation", sing: 2, singF: "inflation", bodySing: 2, indef: 1}, "inflation"},
	} {
		if got := tg.editorForm(c.c); got != c.want {
			t.Errorf("%s: editorForm = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestReadBackgroundErrors(t *testing.T) {
	gz := func(s string) *bytes.Reader {
		var b bytes.Buffer
		z := gzip.NewWriter(&b)
		z.Write([]byte(s))
		z.Close()
		return bytes.NewReader(b.Bytes())
	}
	for _, c := range []struct {
		name string
		in   *bytes.Reader
		want string
	}{
		{"not gzip", bytes.NewReader([]byte("#docs\t3\n")), "gzip"},
		{"empty", gz(""), "empty"},
		{"no header", gz("strike\t1\t1\t0\t0\tstrike\t\n"), "line 1"},
		{"bad count", gz("#docs\tmany\n"), "line 1"},
		{"short row", gz("#docs\t3\nstrike\t1\t1\n"), "line 2: want 7 fields"},
		{"bad number", gz("#docs\t3\nstrike\tx\t1\t0\t0\tstrike\t\n"), "line 2"},
	} {
		_, err := ReadBackground(c.in)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one saying %q", c.name, err, c.want)
		}
	}
}

// taggedDoc tags and finds the names of an article with the shipped
// models; it returns the document and the byte where its title ends.
func taggedDoc(t testing.TB, m *annotate.Models, title, body string) (*text.Document, int) {
	t.Helper()
	doc := text.New(title + "\n\n" + body)
	m.AnnotateShallow(doc)
	return doc, len(title)
}

func TestBackgroundRoundTrip(t *testing.T) {
	m, err := annotate.Load()
	if err != nil {
		t.Fatal(err)
	}
	c := NewBackgroundCounter()
	for _, body := range []string{
		"The union called a strike over pay. Each strike costs the port money.",
		"Two strikes closed the ports last year, and interest rates rose.",
		"Interest rates fell as inflation eased.",
	} {
		doc, _ := taggedDoc(t, m, "", body)
		c.Add(doc)
	}
	for range minRoleHolders {
		c.AddRole("Deputy Prime Minister of Ruritania")
	}
	c.AddRole("Lady of the Bedchamber") // one post: not a word of offices
	if n, err := c.ReadIssues(strings.NewReader("<ISSUE CATEGORY=\"X\">\nn:strike [LABOR_STRIKE] # a comment\n~air strike\nv:stage strike [LABOR_STRIKE]\ninterest rates [INTEREST_RATES]\n</ISSUE>\nsee [the README](README.md) for more\n")); err != nil || n != 2 {
		t.Fatalf("ReadIssues = %d, %v; want 2 phrases", n, err)
	}
	var buf bytes.Buffer
	if _, err := c.Write(&buf, 2); err != nil {
		t.Fatal(err)
	}
	bg, err := ReadBackground(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if bg.Docs != 3 {
		t.Errorf("Docs = %d, want 3", bg.Docs)
	}
	strike := bg.rows["strike"]
	if strike.df != 2 || strike.plural != 1 || strike.indefinite < 1 || strike.pluralForm != "strikes" {
		t.Errorf("strike: %+v, want df 2, one plural (strikes), an indefinite use", strike)
	}
	if r := bg.rows["interest rate"]; r.df != 2 || r.pluralForm != "interest rates" {
		t.Errorf("interest rate: %+v, want df 2 and the plural interest rates", r)
	}
	if !bg.roles["minister"] || bg.roles["lady"] || bg.roles["deputy"] {
		t.Errorf("roles %v: want minister (the head of a post), not deputy nor a word of one post", bg.roles)
	}
	if !bg.issues["strike"] || !bg.issues["interest rate"] || bg.issues["air strike"] || bg.issues["stage strike"] {
		t.Errorf("issues %v: want strike and interest rate keyed as topics, not ignored or verbal phrases", bg.issues)
	}
}

// fixtures loads the shipped models, knowledge base and background.
func fixtures(t *testing.T) (*annotate.Models, *kb.KB, *Background) {
	t.Helper()
	m, err := annotate.Load()
	if err != nil {
		t.Fatal(err)
	}
	k, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	bg, err := ShippedBackground()
	if err != nil {
		t.Fatal(err)
	}
	return m, k, bg
}

// TestTopicClasses checks classes of topic, each in an article written
// for the test: a topic named by a noun and by verbs, in the plural; a
// mass noun in the singular; a phrase taking its head's place; posts,
// measures of time and names left out.
func TestTopicClasses(t *testing.T) {
	m, k, bg := fixtures(t)
	tg := New(k, Options{Background: bg})
	for _, c := range []struct {
		name, title, body string
		want, not         []string
	}{{
		name:  "strike",
		title: "Bus drivers strike over pay in Leeds",
		body: "Bus drivers in Leeds walked out on Monday in a strike over pay, the transport minister said. " +
			"The drivers, who have been striking for two weeks, rejected a pay offer last month. " +
			"The strike has closed most routes, and the union said the strike would go on for weeks.",
		want: []string{"strikes"}, not: []string{"minister", "weeks", "Leeds", "leeds"},
	}, {
		name:  "mass noun and phrase",
		title: "Central bank holds interest rates as inflation slows",
		body: "The central bank kept interest rates unchanged on Thursday as inflation slowed for a third month. " +
			"Inflation fell to 3.1% in May, and the governor said interest rates would stay high until inflation " +
			"was back at its target.",
		want: []string{"inflation", "interest rates"}, not: []string{"rates", "governor", "month"},
	}} {
		checkTopics(t, m, tg, c.name, c.title, c.body, c.want, c.not)
	}
}

// TestEditorFormFromArticle checks the number of topics that news at
// large has too little of, or uses otherwise, as the article's own
// determiners give it; each article was written for the test.
func TestEditorFormFromArticle(t *testing.T) {
	m, k, bg := fixtures(t)
	tg := New(k, Options{Background: bg})
	for _, c := range []struct {
		name, title, body string
		want, not         []string
	}{{
		name:  "a mass noun written bare",
		title: "Landlord fined over unpaid council tax on holiday flats",
		body: "A landlord who owed unpaid council tax on six holiday flats was fined £9,000 on Monday. " +
			"Magistrates heard that he had avoided council tax for four years by listing the flats as empty. " +
			"The council said it would chase council tax owed by other landlords.",
		want: []string{"council tax"}, not: []string{"council taxes"},
	}, {
		name:  "an unknown count noun after a",
		title: "Village street closed after sinkhole opens",
		body: "A sinkhole opened in the main street of the village on Thursday, swallowing part of a parked van. " +
			"Engineers said the sinkhole was about four metres deep and had been caused by a collapsed drain. " +
			"Residents said the sinkhole had grown overnight.",
		want: []string{"sinkholes"}, not: []string{"sinkhole"},
	}, {
		name:  "on strike is no mass use",
		title: "Cleaners strike at city hospital",
		body: "Cleaners at the city hospital went on strike on Monday over pay. " +
			"The strike is the first at the hospital in a decade, and the union said the strike would last a week. " +
			"Managers said wards would stay open during the strike.",
		want: []string{"strikes"}, not: []string{"strike"},
	}} {
		checkTopics(t, m, tg, c.name, c.title, c.body, c.want, c.not)
	}
}

// TestGenericNounsAreNoTopics checks that nouns of place relative to a
// thing ("the edge of town", "in front") and people named by their tie to
// a business, place or body ("customers", "residents", "councillors")
// are no topics, while what the story is about is; each article was
// written for the test.
func TestGenericNounsAreNoTopics(t *testing.T) {
	m, k, bg := fixtures(t)
	tg := New(k, Options{Background: bg})
	for _, c := range []struct {
		name, title, body string
		want, not         []string
	}{{
		name:  "position nouns",
		title: "Fire destroys warehouse on the edge of town",
		body: "A fire at a warehouse on the edge of the town burned for two days before crews put it out on Sunday. " +
			"Smoke could be seen from the far side of the valley, and the front of the building collapsed. " +
			"Firefighters said the fire began at the back of the warehouse, near the edge of a car park.",
		want: []string{"fires"}, not: []string{"edges", "edge", "front", "sides", "backs", "back"},
	}, {
		name:  "people by their tie",
		title: "Broadband outage leaves customers offline for a day",
		body: "An outage at a broadband provider left thousands of customers offline on Tuesday. " +
			"Residents in three towns said the outage had cut them off from work, and users complained that " +
			"the provider had given no warning. The provider said the outage was caused by a cable cut and " +
			"apologised to customers and users. Local councillors said residents deserved compensation.",
		want: []string{"outages"}, not: []string{"customers", "users", "residents", "councillors"},
	}, {
		name:  "states by their tie to the world",
		title: "Forty countries sign treaty on deep-sea mining",
		body: "Forty countries signed a treaty on Tuesday that bans deep-sea mining in international waters for ten years. " +
			"Countries that mine the seabed must stop within two years, and the treaty sets up a fund for poorer nations. " +
			"Several countries with mining fleets did not sign the treaty.",
		want: []string{"treaties"}, not: []string{"countries", "nations"},
	}} {
		checkTopics(t, m, tg, c.name, c.title, c.body, c.want, c.not)
	}
}

// TestTermsTakeTheirNoun checks that a noun whose one phrase in the
// article is a term of news ("budget deficit") is tagged as the term,
// and that a phrase with an adjective ("general election") or one news
// rarely uses is not; each article was written for the test.
func TestTermsTakeTheirNoun(t *testing.T) {
	m, k, bg := fixtures(t)
	tg := New(k, Options{Background: bg})
	for _, c := range []struct {
		name, title, body string
		want, not         []string
	}{{
		name:  "a term named once",
		title: "Treasury says deficit will narrow next year",
		body: "The Treasury said on Tuesday that the budget deficit would narrow to 3.9% of national income next year. " +
			"The deficit widened last year as spending on pensions rose, and ministers said cutting the deficit " +
			"would take until the end of the decade. Economists said the deficit forecast relied on growth picking up.",
		want: []string{"budget deficit"}, not: []string{"deficits", "deficit"},
	}, {
		name:  "an adjective only describes",
		title: "Ruling party loses its majority in election",
		body: "The ruling party lost its majority in a general election on Sunday, official results showed. " +
			"Turnout in the election was the lowest since 1990, and the party's leader said the election had been " +
			"a protest against rising prices.",
		want: []string{"elections"}, not: []string{"general elections"},
	}} {
		checkTopics(t, m, tg, c.name, c.title, c.body, c.want, c.not)
	}
}

// TestLineLeadsWithNames checks the line's order: names first, then a
// topic; a name met once in passing is not in it.
func TestLineLeadsWithNames(t *testing.T) {
	m, k, bg := fixtures(t)
	doc, titleEnd := taggedDoc(t, m, "Floods close roads across Portugal",
		"Floods closed hundreds of roads across Portugal on Tuesday after two days of heavy rain. "+
			"Portugal's civil protection agency said the floods had forced 300 people from their homes. "+
			"The floods are the worst in Portugal since 2010, officials said. "+
			"Spain sent pumps to help.")
	ents := link.New(k).Link(doc, time.Date(2026, 2, 10, 0, 0, 0, 0, time.UTC))
	line := New(k, Options{Background: bg}).Suggest(doc, titleEnd, ents, time.Time{})
	var tagsOf []string
	for _, tg := range line {
		tagsOf = append(tagsOf, tg.Tag)
	}
	if len(line) < 2 || line[0].Tag != "Portugal" || !slices.Contains(tagsOf, "floods") {
		t.Errorf("line %q: want Portugal first and the topic floods", tagsOf)
	}
	if slices.Contains(tagsOf, "Spain") {
		t.Errorf("line %q: Spain, named once in passing, is in it", tagsOf)
	}
	for _, tg := range line {
		if tg.Entity == "" && len(tg.Evidence) == 0 {
			t.Errorf("topic %q has no evidence", tg.Tag)
		}
	}
}

func TestShortName(t *testing.T) {
	for _, c := range []struct {
		e    kb.Entry
		want string
	}{
		{kb.Entry{Kind: kb.KindClub, Name: "Newcastle United FC", ShortName: "Newcastle United FC", Aliases: []string{"Newcastle", "Newcastle United"}}, "Newcastle United"},
		{kb.Entry{Kind: kb.KindClub, Name: "Gillingham FC", ShortName: "Gillingham FC"}, "Gillingham FC"}, // no alias says so
		{kb.Entry{Kind: kb.KindOrganisation, Name: "Collective Security Treaty Organization", Acronym: "CSTO"}, "CSTO"},
	} {
		if got := shortName(c.e); got != c.want {
			t.Errorf("shortName(%q) = %q, want %q", c.e.Name, got, c.want)
		}
	}
}

// TestCountryByItsAdjective checks that a country named only by its
// adjective ("a British record") weighs less than one named as such.
func TestCountryByItsAdjective(t *testing.T) {
	doc := text.New("Clubs agree British record fee. The British record fee was paid by Ruritania, Ruritania said.")
	span := func(word string, nth int, label string) text.Span { return nthSpan(t, doc, word, nth, label) }
	ents := []link.Entity{
		{ID: "GBR", Name: "United Kingdom", Type: "MISC", Salience: 0.6, Entry: kb.Entry{ID: "GBR", Kind: kb.KindCountry, Name: "United Kingdom"},
			Mentions: []text.Span{span("British", 0, "MISC"), span("British", 1, "MISC")}},
		{ID: "RUR", Name: "Ruritania", Type: "LOC", Salience: 0.5, Entry: kb.Entry{ID: "RUR", Kind: kb.KindCountry, Name: "Ruritania"},
			Mentions: []text.Span{span("Ruritania", 0, "LOC"), span("Ruritania", 1, "LOC")}},
	}
	line := New(nil, Options{}).Suggest(doc, 31, ents, time.Time{})
	if len(line) != 2 || line[0].Tag != "Ruritania" {
		t.Errorf("line %+v: want Ruritania first, then the country named by its adjective", line)
	}
}

// checkTopics checks that the first three topics of an article hold want
// and that none of its topics is one of not.
func checkTopics(t *testing.T, m *annotate.Models, tg *Tagger, name, title, body string, want, not []string) {
	t.Helper()
	doc, titleEnd := taggedDoc(t, m, title, body)
	var got []string
	for _, tp := range tg.topicTags(doc, titleEnd, map[string]int{}, nil) {
		got = append(got, tp.Tag)
	}
	top := got[:min(3, len(got))]
	for _, w := range want {
		// "a|b": either form is the editor's
		if !slices.ContainsFunc(strings.Split(w, "|"), func(f string) bool { return slices.Contains(top, f) }) {
			t.Errorf("%s: %q not among the first topics %q", name, w, top)
		}
	}
	for _, n := range not {
		if slices.Contains(got, n) {
			t.Errorf("%s: %q is a topic (%q)", name, n, got)
		}
	}
}

// TestHeadlineVerbs checks that a headline's verb that the tagger reads as
// a plural noun ("Strike Spreads", "Rubbish Piles Up"), a reporting verb
// with one noun use ("said", "a say") and a verb whose look-alike noun is
// unrelated ("sign": signal) make no topic; each article was written for
// the test.
func TestHeadlineVerbs(t *testing.T) {
	m, k, bg := fixtures(t)
	tg := New(k, Options{Background: bg})
	for _, c := range []struct {
		name, title, body string
		want, not         []string
	}{{
		name:  "a verb after a noun",
		title: "Rail strike spreads to Scotland as talks fail",
		body: "A walkout by train drivers spread to Scotland on Friday after talks with the operators broke down. " +
			"Drivers in Glasgow and Edinburgh joined colleagues who have been striking since Monday, the union said. " +
			"The operators said the dispute had spread because the union refused to put an offer to its members.",
		want: []string{"strikes"}, not: []string{"spreads", "spread"},
	}, {
		name:  "a verb and its particle",
		title: "Council Depot Shut as Rubbish Piles Up in Streets",
		body: "Rubbish piled up across the town on Tuesday after the council shut its only depot for repairs. " +
			"Residents said bags had been left on pavements for a week, and the council said collections would " +
			"resume on Monday. The depot's roof was damaged in a storm, and engineers said repairs would take days.",
		not: []string{"piles", "pile"},
	}, {
		name:  "a reporting verb",
		title: "Ferry operator says fares will rise in spring",
		body: "The ferry operator said on Monday that fares on its island routes would rise by 8% in April. " +
			"Passenger groups said they had been given no say in the decision, and the operator said fuel costs " +
			"had doubled. Fares on the routes rose by 5% last year, the operator said.",
		want: []string{"fares"}, not: []string{"says", "say"},
	}, {
		name:  "a look-alike noun",
		title: "Rovers sign striker from Porto",
		body: "Rovers have signed the striker on a three-year contract, the club said on Friday. " +
			"The striker, who scored eleven goals last season, signed after passing a medical. " +
			"The manager said the signing showed the club's ambition.",
		not: []string{"signals", "signal"},
	}} {
		checkTopics(t, m, tg, c.name, c.title, c.body, c.want, c.not)
	}
}

// TestAddressesAreNoTags checks that a street named in the body of a story
// is no tag, while one that its title names is.
func TestAddressesAreNoTags(t *testing.T) {
	m, k, bg := fixtures(t)
	for _, c := range []struct {
		name, title, body, street string
		tagged                    bool
	}{
		{"a street in the body", "Storm brings down trees across the county",
			"Winds of 70mph brought down trees across the county on Sunday. A tree fell on a car in Elmwick Road, and " +
				"firefighters closed Elmwick Road for six hours. Residents of Elmwick Road said the storm was the worst in years.",
			"Elmwick Road", false},
		{"a road in the title", "Elmwick Road closed after landslip",
			"Elmwick Road was closed on Sunday after a landslip cracked its surface. Engineers said Elmwick Road would stay " +
				"shut for a week while the slope was made safe.",
			"Elmwick Road", true},
	} {
		doc, titleEnd := taggedDoc(t, m, c.title, c.body)
		ents := link.New(k).Link(doc, time.Date(2026, 2, 10, 0, 0, 0, 0, time.UTC))
		var line []string
		for _, tg := range New(k, Options{Background: bg}).Suggest(doc, titleEnd, ents, time.Time{}) {
			line = append(line, tg.Tag)
		}
		if slices.Contains(line, c.street) != c.tagged {
			t.Errorf("%s: line %q; want %q tagged: %v", c.name, line, c.street, c.tagged)
		}
	}
}

// nthSpan is the span of the nth occurrence (from 0) in doc of words
// (one or more, space-separated), labelled label.
func nthSpan(t *testing.T, doc *text.Document, words string, nth int, label string) text.Span {
	t.Helper()
	f := strings.Fields(words)
	for i := 0; i+len(f) <= len(doc.Tokens); i++ {
		ok := true
		for k, w := range f {
			ok = ok && doc.Tokens[i+k].Form == w
		}
		if ok {
			if nth == 0 {
				return text.Span{Start: i, End: i + len(f), Label: label}
			}
			nth--
		}
	}
	t.Fatalf("%q not found", words)
	return text.Span{}
}
