package link

import (
	"strings"
	"testing"
	"time"

	"tidings/kb"
)

// TestOfficeHolders checks the strict terms of the generated office
// holders on invented entries: a full name typed PER (or ORG, MISC)
// links, a one-word or LOC mention does not, another entry of the name wins, and of
// several holders of one name only a clear winner stays.
func TestOfficeHolders(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	holder := func(id, name string, positions int, from, until string) kb.Entry {
		o := &kb.Office{Positions: positions, Latest: "Minister", From: day(from)}
		if until != "" {
			o.Until = day(until)
		}
		return kb.Entry{ID: id, Name: name, Kind: kb.KindPerson, Type: "PER", LinkOnly: true, Office: o}
	}
	titled := func(e kb.Entry, wikipedia string) kb.Entry { e.Wikipedia = wikipedia; return e }
	curated := kb.Entry{ID: "person:ann-lee", Name: "Ann Lee", Kind: kb.KindPerson, Type: "PER"}
	pub := day("2022-06-01")
	tests := []struct {
		name, text, typ string
		cands           []kb.Entry
		want            string // the id kept among the office holders ("" none)
	}{
		{"a full name typed PER", "Ann Lee", "PER", []kb.Entry{holder("Q1", "Ann Lee", 1, "2020-01-01", "")}, "Q1"},
		{"one word", "Lee", "PER", []kb.Entry{holder("Q1", "Lee", 1, "2020-01-01", "")}, ""},
		{"typed ORG", "Ann Lee", "ORG", []kb.Entry{holder("Q1", "Ann Lee", 1, "2020-01-01", "")}, "Q1"},
		{"typed LOC", "Ann Lee", "LOC", []kb.Entry{holder("Q1", "Ann Lee", 1, "2020-01-01", "")}, ""},
		{"another entry of the name", "Ann Lee", "PER", []kb.Entry{curated, holder("Q1", "Ann Lee", 1, "2020-01-01", "")}, ""},
		{"shared, no clear winner", "Ann Lee", "PER",
			[]kb.Entry{holder("Q1", "Ann Lee", 2, "2010-01-01", "2012-01-01"), holder("Q2", "Ann Lee", 3, "2008-01-01", "2009-01-01")}, ""},
		{"shared, one in office on the day", "Ann Lee", "PER",
			[]kb.Entry{holder("Q1", "Ann Lee", 1, "2021-01-01", ""), holder("Q2", "Ann Lee", 5, "2008-01-01", "2009-01-01")}, "Q1"},
		{"shared, many more positions", "Ann Lee", "PER",
			[]kb.Entry{holder("Q1", "Ann Lee", 1, "2010-01-01", "2011-01-01"), holder("Q2", "Ann Lee", 6, "2008-01-01", "2009-01-01")}, "Q2"},
		// Wikipedia's title needs a qualifier: others share the name, so
		// only a story from about the time of the position names this one
		{"a namesake's title, in office", "Ann Lee", "PER", []kb.Entry{titled(holder("Q1", "Ann Lee", 1, "2021-01-01", ""), "Ann Lee (Ohio politician)")}, "Q1"},
		{"a namesake's title, years before", "Ann Lee", "PER", []kb.Entry{titled(holder("Q1", "Ann Lee", 1, "2025-01-01", ""), "Ann Lee (Ohio politician)")}, ""},
		{"a namesake's title, years after", "Ann Lee", "PER", []kb.Entry{titled(holder("Q1", "Ann Lee", 1, "2010-01-01", "2014-01-01"), "Ann Lee (Ohio politician)")}, ""},
		{"a title of the name alone, years after", "Ann Lee", "PER", []kb.Entry{titled(holder("Q1", "Ann Lee", 1, "2010-01-01", "2014-01-01"), "Ann Lee")}, "Q1"},
	}
	for _, tc := range tests {
		m := &mention{text: tc.text, typ: tc.typ, words: strings.Fields(tc.text)}
		got := ""
		for _, c := range officeHolders(m, tc.cands, pub) {
			if c.Office != nil {
				got += c.ID
			}
		}
		if got != tc.want {
			t.Errorf("%s: kept %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestOfficeHolderLinks links a generated office holder of the embedded
// table from a full name, and a surname through coreference only.
func TestOfficeHolderLinks(t *testing.T) {
	k := holdersFixture(t)
	l := New(k)
	pub := time.Date(2022, 3, 1, 0, 0, 0, 0, time.UTC)
	ids := func(d []Entity) map[string]string {
		out := map[string]string{}
		for _, e := range d {
			out[e.Name] = e.ID
		}
		return out
	}
	full := docWith(t, "Janet Yellen spoke on Monday. Yellen said prices rose.", "Janet Yellen|PER", "Yellen|PER")
	ents := l.Link(full, pub)
	if len(ents) != 1 || ents[0].ID != "Q263725" || len(ents[0].Mentions) != 2 {
		t.Errorf("full name then surname: got %+v, want one entity Q263725 with two mentions", ids(ents))
	}
	alone := docWith(t, "Yellen said prices rose.", "Yellen|PER")
	if got := ids(l.Link(alone, pub)); got["Yellen"] == "Q263725" {
		t.Errorf("a surname alone linked to %s", got["Yellen"])
	}
	// A member of a legislature (everypolitician's us-cabinet
	// legislators.csv: Q766866, United States representative from
	// 2021-01-03, Wikipedia "Kevin McCarthy (California politician)"):
	// linked in a story of his time, not in one of 1987.
	for _, tc := range []struct{ date, want string }{{"2023-10-03", "Q766866"}, {"1987-03-01", ""}} {
		day, _ := time.Parse(time.DateOnly, tc.date)
		d := docWith(t, "Kevin McCarthy spoke on Monday.", "Kevin McCarthy|PER")
		if got := ids(l.Link(d, day))["Kevin McCarthy"]; !strings.HasPrefix(got, "Q") && tc.want != "" || strings.HasPrefix(got, "Q") && got != tc.want {
			t.Errorf("%s: Kevin McCarthy linked to %q, want %q", tc.date, got, tc.want)
		}
	}
}

// TestSurnameAlone checks that a person named by surname alone is not
// linked when, on the day, they held no office and a namesake did
// (sources: everypolitician's UK cabinet for Boris Johnson's premiership,
// congress-legislators for a Johnson in Congress in 2024).
func TestSurnameAlone(t *testing.T) {
	k := holdersFixture(t)
	l := New(k)
	for _, tc := range []struct {
		date, want string
	}{
		{"2020-06-01", "Q180589"}, // in office as prime minister
		{"2024-06-10", ""},        // out of office while a namesake sat in Congress
	} {
		pub, _ := time.Parse(time.DateOnly, tc.date)
		d := docWith(t, "Johnson told reporters he had not read the report.", "Johnson|PER")
		got := ""
		for _, e := range l.Link(d, pub) {
			got = e.Entry.Wikidata
		}
		if got != tc.want {
			t.Errorf("%s: Johnson linked to %q, want %q", tc.date, got, tc.want)
		}
	}
}

// TestGivenNames checks that a country's or a city's name before a
// surname that the knowledge base's people bear is one person's name,
// and that the rule leaves places alone; the sentences were written for
// the test.
func TestGivenNames(t *testing.T) {
	k := holdersFixture(t)
	l := New(k)
	for _, tc := range []struct {
		text, place string
		want        string // the mention's text and type after linking
	}{
		{"Jordan Ellis, a local councillor, led the list.", "Jordan", "Jordan Ellis|PER"},
		{"Chad Morris scored twice on Saturday.", "Chad", "Chad Morris|PER"},
		{"Farmers in the Jordan Valley protested.", "Jordan", "Jordan|LOC"},           // no surname
		{"Shares of U.S. Sales rose.", "U.S.", "U.S.|LOC"},                            // no given name
		{"Jordan Ellis Group said profits rose.", "Jordan", "Jordan|LOC"},             // a longer name
		{"Officials in Jordan said the border would reopen.", "Jordan", "Jordan|LOC"}, // nothing follows
	} {
		d := docWith(t, tc.text, tc.place+"|LOC")
		l.Link(d, time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC))
		got := ""
		if len(d.Entities) > 0 {
			got = d.SpanText(d.Entities[0]) + "|" + d.Entities[0].Label
		}
		if got != tc.want {
			t.Errorf("%q: %q, want %q", tc.text, got, tc.want)
		}
	}
}

// holdersFixture is the test knowledge base, the test skipped when it has
// no generated office holders (Janet Yellen, Q263725, is one).
func holdersFixture(t *testing.T) *kb.KB {
	t.Helper()
	k, err := kbFixture()
	if err != nil {
		t.Fatal(err)
	}
	if e, ok := k.Get("Q263725"); !ok || e.Office == nil {
		t.Skip("no generated office holders (kb/data/people.tsv.gz) in this knowledge base")
	}
	return k
}
