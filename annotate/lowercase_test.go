package annotate

import (
	"slices"
	"strings"
	"testing"

	"tidings/kb"
	"tidings/text"
)

// shippedWithGazetteer loads the shipped models with the knowledge base's
// names as the recogniser's gazetteer, as the pipeline does.
func shippedWithGazetteer(t *testing.T) *Models {
	t.Helper()
	m := loadOrFail(t)
	if m.NER == nil {
		t.Skip("no NER model")
	}
	if m.NER.WantsGazetteer() {
		k, err := kb.Load()
		if err != nil {
			t.Fatal(err)
		}
		var names []GazetteerName
		for _, n := range k.Gazetteer() {
			names = append(names, GazetteerName{Name: n.Name, Type: n.Type})
		}
		m.NER.UseGazetteer(NewGazetteer(names))
	}
	return m
}

// namesOf returns a document's names as "TYPE:words".
func namesOf(doc *text.Document) []string {
	var out []string
	for _, sp := range doc.Entities {
		if sp.Label != "PER" && sp.Label != "ORG" && sp.Label != "LOC" && sp.Label != "MISC" {
			continue
		}
		out = append(out, sp.Label+":"+doc.Text[doc.Tokens[sp.Start].Start:doc.Tokens[sp.End-1].End])
	}
	return out
}

// TestLowerCaseText: posts written wholly in lower case, by class, each
// with the names wanted. The types of the names are the knowledge base's
// (kb lookup: Manchester, Lisbon city; Ryanair, Pfizer, Netflix, Boeing,
// Walmart, Nvidia company; Bank of England government body ...).
// Counter-examples hold common words that are also the names of
// companies or places, which must stay words.
func TestLowerCaseText(t *testing.T) {
	m := shippedWithGazetteer(t)
	for _, c := range []struct {
		class, text string
		want        []string
	}{
		// places and companies that running text never writes in lower case
		{"known", "flights from manchester to lisbon cancelled again, ryanair blaming the weather as usual",
			[]string{"LOC:manchester", "LOC:lisbon", "ORG:ryanair"}},
		{"known", "pfizer shares down 4% after the trial results came out, my pension is crying",
			[]string{"ORG:pfizer"}},
		{"known", "my sister in brooklyn says the subway flooded again last night",
			[]string{"LOC:brooklyn"}},
		{"known", "netflix put its prices up again and there is still nothing to watch here in glasgow",
			[]string{"ORG:netflix", "LOC:glasgow"}},
		{"known", "boeing delays the new jet again, seattle must be sick of hearing about it",
			[]string{"ORG:boeing", "LOC:seattle"}},
		{"known", "walmart opening a store in nairobi next year? did not see that coming",
			[]string{"ORG:walmart", "LOC:nairobi"}},
		{"known", "nvidia passed another trillion today, wish i had bought some in 2020",
			[]string{"ORG:nvidia"}},
		{"known", "moving from warsaw to birmingham next month for work, any tips?",
			[]string{"LOC:warsaw", "LOC:birmingham"}},
		// "the" before a name is no part of it
		{"the", "the bank of england held rates again and my mortgage still costs a fortune",
			[]string{"ORG:bank of england"}},
		{"the", "the fed held rates again and the markets hated it",
			[]string{"ORG:fed"}},
		{"the", "the white house says the talks went well, i doubt it",
			[]string{"ORG:white house"}},
		{"the", "the un security council meets again tomorrow about gaza",
			[]string{"ORG:un security council", "LOC:gaza"}},
		{"the/counter", "Talks in The Hague ended without a deal on Friday.",
			[]string{"LOC:The Hague"}},
		// a known name that the model ran on into the common words after it
		{"tail", "the bbc weather app said sunshine all day and i got soaked",
			[]string{"ORG:bbc"}},
		{"tail", "boston traffic this morning was the worst i have ever seen",
			[]string{"LOC:boston"}},
		{"tail/counter", "aston villa fans were still singing on the train home",
			[]string{"ORG:aston villa"}},
		// common words, though companies or places share them
		{"common", "made an apple crumble and watched the rain all afternoon", nil},
		{"common", "my target this year is to read 30 books and run a marathon", nil},
		{"common", "found a shell on the beach that looks exactly like a heart", nil},
		{"common", "we need real reform of the whole housing system, not more promises", nil},
		{"common", "the river delta flooded the fields again this winter", nil},
	} {
		doc := text.New(c.text)
		m.Annotate(doc)
		if got := namesOf(doc); !slices.Equal(got, c.want) {
			t.Errorf("%s: %q\n got  %q\n want %q", c.class, c.text, got, c.want)
		}
	}
}

// TestRoadNumbers: British roads are named by a letter and a number ("the
// A38", "the M6"), in running text and in lower-case posts; the same
// shape names aircraft, armed groups, paper sizes and summits, which are
// no roads.
func TestRoadNumbers(t *testing.T) {
	m := shippedWithGazetteer(t)
	for _, c := range []struct {
		class, text string
		road        string // the road wanted as LOC, "" when none
		notLOC      string // a word that must not be a place
	}{
		{"road", "A lorry shed its load on the A38 near Plymouth on Tuesday morning.", "A38", ""},
		{"road", "The M6 was closed northbound between junctions 16 and 17 after a crash, police said.", "M6", ""},
		{"road", "Police are appealing for witnesses after a collision on the B4632 outside Evesham.", "B4632", ""},
		{"road", "Drivers were warned of long delays on the M25 over the bank holiday weekend.", "M25", ""},
		{"road", "Resurfacing work on the A470 in Powys will last until March 2025.", "A470", ""},
		{"road", "Two lanes of the A1(M) reopened on Sunday after the crash was cleared.", "A1(M)", ""},
		{"road", "the m62 is a car park again, left leeds at 7 and still not home", "m62", ""},
		{"road", "avoid the a34 this morning, lorry on its side near the services", "a34", ""},
		// the same shape, no road
		{"counter", "Airbus delivered ten A350 jets to a Gulf airline in 2024.", "", "A350"},
		{"counter", "M23 rebels seized the city of Goma in January 2025.", "", "M23"},
		{"counter", "Print the form on A4 paper and post it before Friday.", "", "A4"},
		{"counter", "The A380 was grounded at Dubai after an engine fault on Monday.", "", "A380"},
	} {
		doc := text.New(c.text)
		m.Annotate(doc)
		got := namesOf(doc)
		if c.road != "" && !slices.Contains(got, "LOC:"+c.road) {
			t.Errorf("%s: %q: got %q, want LOC %q", c.class, c.text, got, c.road)
		}
		if c.notLOC != "" && slices.ContainsFunc(got, func(n string) bool { return strings.HasPrefix(n, "LOC:") && strings.Contains(n, c.notLOC) }) {
			t.Errorf("%s: %q: got %q, %q is no place", c.class, c.text, got, c.notLOC)
		}
	}
}
