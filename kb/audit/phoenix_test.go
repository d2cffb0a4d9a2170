package main

import (
	"reflect"
	"strings"
	"testing"
)

// The dictionaries below are invented, in the layout of the Phoenix
// actor files.

const dictA = `# An invented actor dictionary
#
######  Teapots  ######
GLOBAL_TEAPOT_COUNCIL_ [IGOTEA] # a comment after the code
+TEAPOT_COUNCIL_
+GTC_
KETTLE_LEAGUE_
+THE_KETTLES
	[IGOKET 990101-051231]
	[IGOKET]

+SPOUT_UNION_OF_KETTLES_
+SPOUTERS+_KETTLE_SPOUT_UNION_
GTC_	[IGOTEA]
STRAINER_WATCH_ [NGOHRI] [NGOMED >100101]
 #  an indented comment
MUG_FRONT_(NORTH)_ [XXXREB]
BREW_BANK_
+BREW_BANK_GROUP
	[IGOBRW]
PEKOE_FORCES_ [XXXREB]
+PF_
+PKF_
SAUCER_AID_ [NGO]
COSY_ALLIANCE_ [IGO]
`

const dictB = `+ORPHAN_SYNONYM_
GLOBAL_TEAPOT_COUNCIL_ [IGOTEA]
CADDY_CORPS_ [XXXREB]
+CADDIES
`

func TestPhoenixKey(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Global Teapot Council", "GLOBAL_TEAPOT_COUNCIL"},
		{"GLOBAL_TEAPOT_COUNCIL_", "GLOBAL_TEAPOT_COUNCIL"},
		{"Kettlers' League", "KETTLERS_LEAGUE"},
		{"U.N.", "U_N"},
		{"Théière Sans Frontières", "THEIERE_SANS_FRONTIERES"},
		{"  Spout -- Union__ ", "SPOUT_UNION"},
		{"OPEC+", "OPEC"},
		{"G-7", "G_7"},
		{"", ""},
		{"--", ""},
	} {
		if got := phoenixKey(c.in); got != c.want {
			t.Errorf("phoenixKey(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestParseActors(t *testing.T) {
	got, err := parseActors(strings.NewReader(dictA), "a.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := []actor{
		{name: "GLOBAL_TEAPOT_COUNCIL", synonyms: []string{"TEAPOT_COUNCIL", "GTC"}, codes: []string{"IGOTEA"}, line: 4},
		{name: "KETTLE_LEAGUE", synonyms: []string{"THE_KETTLES", "SPOUT_UNION_OF_KETTLES", "SPOUTERS", "KETTLE_SPOUT_UNION"}, codes: []string{"IGOKET", "IGOKET"}, line: 7},
		{name: "GTC", codes: []string{"IGOTEA"}, line: 14},
		{name: "STRAINER_WATCH", codes: []string{"NGOHRI", "NGOMED"}, line: 15},
		{name: "MUG_FRONT_NORTH", codes: []string{"XXXREB"}, line: 17},
		{name: "BREW_BANK", synonyms: []string{"BREW_BANK_GROUP"}, codes: []string{"IGOBRW"}, line: 18},
		{name: "PEKOE_FORCES", synonyms: []string{"PF", "PKF"}, codes: []string{"XXXREB"}, line: 21},
		{name: "SAUCER_AID", codes: []string{"NGO"}, line: 24},
		{name: "COSY_ALLIANCE", codes: []string{"IGO"}, line: 25},
	}
	if len(got) != len(want) {
		t.Fatalf("%d records, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := *got[i]
		w.file = "a.txt"
		if !reflect.DeepEqual(g, w) {
			t.Errorf("record %d:\n got %+v\nwant %+v", i, g, w)
		}
	}
	// A synonym before any primary phrase belongs to nothing.
	got, _ = parseActors(strings.NewReader(dictB), "b.txt")
	if len(got) != 2 || got[0].name != "GLOBAL_TEAPOT_COUNCIL" || len(got[0].synonyms) != 0 {
		t.Errorf("dictB: %+v", got)
	}
}

func TestIsAcronym(t *testing.T) {
	for s, want := range map[string]bool{
		"GTC": true, "U.N.": true, "G-7": true, "UNO": true,
		"Teapot Council": false, "Kettles": false, "": false, "GTC Council": false,
	} {
		if got := isAcronym(s); got != want {
			t.Errorf("isAcronym(%q) = %v", s, got)
		}
	}
}

func testPhoenix(t *testing.T) *phoenix {
	t.Helper()
	a, err := parseActors(strings.NewReader(dictA), "a.txt")
	if err != nil {
		t.Fatal(err)
	}
	b, err := parseActors(strings.NewReader(dictB), "b.txt")
	if err != nil {
		t.Fatal(err)
	}
	return newPhoenix(append(a, b...))
}

func org(id, acronym, name, aliases string) map[string]string {
	return map[string]string{"id": id, "acronym": acronym, "name": name, "aliases": aliases}
}

func TestPhoenixConfirm(t *testing.T) {
	phoenixFiles = append(phoenixFiles, "a.txt", "b.txt")
	phoenixExcluded["org:cosy"] = "an invented exclusion"
	defer func() {
		phoenixFiles = phoenixFiles[:len(phoenixFiles)-2]
		delete(phoenixExcluded, "org:cosy")
	}()
	rows := []map[string]string{
		org("org:gtc", "GTC", "Global Teapot Council", ""),
		org("org:spout", "", "Kettle Spout Union", ""),
		org("org:strainer", "SW", "Strainers United", "Strainer Watch"),
		org("org:caddy", "CC", "Caddy Corps", ""),
		org("org:pf", "PKF", "Pekoe Forces", ""),
		org("org:pkf", "PKF", "Pekoe Kettle Foundation", ""),
		org("org:gtc-acronym", "GTC", "Grand Tea Club", ""),
		org("org:mug", "", "Mug Front", ""),
		org("org:brew", "", "Brew Bank", ""),
		org("org:brew-group", "", "Brew Bank Group", ""),
		org("org:saucer", "SAID", "Saucer Aid", ""),
		org("org:saucer-plus", "", "Saucer Aid+", ""),
		org("org:cosy", "", "Cosy Alliance", ""),
		org("org:tea-acronym", "TC", "Teapot Club", "GTC"),
		org("org:nothing", "NOPE", "Nothing Here", "Nowhere"),
	}
	m := newPhoenixMatcher(testPhoenix(t), rows)
	for _, c := range []struct {
		id, want, why string
	}{
		// Its name is a primary phrase, in both files: the first file wins.
		{"org:gtc", "a.txt", ""},
		// A synonym (from a line that joins two) names it; no row is
		// named KETTLE_LEAGUE.
		{"org:spout", "a.txt", ""},
		// An alias is a primary phrase.
		{"org:strainer", "a.txt", ""},
		// Only the second file names it.
		{"org:caddy", "b.txt", ""},
		// Confirmed by its name; the shared acronym does not matter.
		{"org:pf", "a.txt", ""},
		// The acronym PKF is a synonym under PEKOE_FORCES, not this row's
		// name, and another row's acronym too.
		{"org:pkf", "", "the name of org:pf and org:pkf"},
		// The acronym is a record of its own (GTC_ [IGOTEA]) and a
		// synonym under a name that is not this row's.
		{"org:gtc-acronym", "", "the name of org:gtc and org:gtc-acronym and org:tea-acronym"},
		// A phrase with a parenthesis is kept whole.
		{"org:mug", "", ""},
		// BREW_BANK_GROUP is filed under BREW_BANK, another row's name.
		{"org:brew", "a.txt", ""},
		{"org:brew-group", "", "a synonym filed under BREW_BANK, whose phrases name another row"},
		// "Saucer Aid+" folds to SAUCER_AID, which is another row's name.
		{"org:saucer", "", "the name of org:saucer and org:saucer-plus"},
		{"org:saucer-plus", "", "the name of org:saucer and org:saucer-plus"},
		// Named, but excluded by judgement.
		{"org:cosy", "", "excluded: an invented exclusion"},
		{"org:tea-acronym", "", "the name of org:gtc and org:gtc-acronym and org:tea-acronym"},
		{"org:nothing", "", ""},
	} {
		got, why := m.confirm(c.id)
		if got != c.want {
			t.Errorf("%s: confirmed by %q, want %q (why %q)", c.id, got, c.want, why)
		}
		if c.why != "" && !strings.Contains(strings.Join(why, "\n"), c.why) {
			t.Errorf("%s: reasons %q lack %q", c.id, why, c.why)
		}
		if c.why == "" && len(why) > 0 && got == "" {
			t.Errorf("%s: unexpected reasons %q", c.id, why)
		}
	}
}

// TestPhoenixAcronym checks the acronym rule on rows that share no name.
func TestPhoenixAcronym(t *testing.T) {
	p := newPhoenix(mustParse(t, `TEA_COSY_UNION_ [IGO]
+TCU_
+TC_
LEAF_FORCES_ [XXXREB]
+LFX_
LFX_ [IGO]
`))
	for _, c := range []struct {
		row  map[string]string
		want bool
		why  string
	}{
		// The acronym is a synonym under the row's own name (which
		// confirms it anyway).
		{org("org:a", "TCU", "Tea Cosy Union", ""), true, ""},
		// The acronym is a synonym under another name.
		{org("org:b", "TCU", "Tea Cup Union", ""), false, "an acronym under TEA_COSY_UNION, not one of the row's names"},
		// Fewer than three letters.
		{org("org:c", "TC", "Tea Club", ""), false, "an acronym of fewer than three letters"},
		// An alias written as an acronym is an acronym.
		{org("org:d", "", "Tea Cup Union", "TCU"), false, "an acronym under TEA_COSY_UNION"},
		// An acronym that is a record of its own.
		{org("org:e", "LFX", "Leaf Fixers", ""), false, "an acronym that is a record of its own"},
	} {
		m := newPhoenixMatcher(p, []map[string]string{c.row})
		got, why := m.confirm(c.row["id"])
		if (got != "") != c.want {
			t.Errorf("%s: confirmed by %q, want %v (why %q)", c.row["id"], got, c.want, why)
		}
		if c.why != "" && !strings.Contains(strings.Join(why, "\n"), c.why) {
			t.Errorf("%s: reasons %q lack %q", c.row["id"], why, c.why)
		}
	}
}

func mustParse(t *testing.T, dict string) []*actor {
	t.Helper()
	a, err := parseActors(strings.NewReader(dict), "x.txt")
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestAuditOrganisationsPhoenix checks the precedence: a Wikidata source
// that confirms a row keeps it; Phoenix confirms only rows left without a
// QID, and gives none.
func TestAuditOrganisationsPhoenix(t *testing.T) {
	s := &sources{
		people: map[string]*person{}, byName: map[string][]string{},
		labels: map[string]string{}, labelFile: map[string]string{}, byLabel: map[string][]string{},
		countryQ: map[string]string{}, countryOf: map[string]string{}, iso2: map[string]string{},
		phoenix: testPhoenix(t),
	}
	s.label("Q1", "Global Teapot Council", "everypolitician/x/labels.csv")
	tb := &tsv{rows: []map[string]string{
		{"id": "org:gtc", "wikidata": "Q1", "name": "Global Teapot Council", "source": unsourced},
		{"id": "org:kettle", "wikidata": "Q999", "name": "Kettle League", "source": unsourced},
		{"id": "org:nothing", "wikidata": "", "name": "Nothing Here", "source": unsourced},
	}}
	c := auditOrganisations(s, tb)
	want := []struct{ q, source string }{
		{"Q1", "everypolitician/x/labels.csv"},
		{"", "a.txt"},
		{"", unsourced},
	}
	for i, w := range want {
		r := tb.rows[i]
		if r["wikidata"] != w.q || r["source"] != w.source {
			t.Errorf("%s: wikidata %q source %q, want %q %q", r["id"], r["wikidata"], r["source"], w.q, w.source)
		}
	}
	if c.Confirmed != 2 || c.Unsourced != 1 || c.Phoenix != 1 || c.QIDsRemoved != 1 {
		t.Errorf("counts %+v", c)
	}
}

// TestAuditMedia: only a media actor (a code with the MED sector)
// confirms a media row; an organisation of the same name does not.
func TestAuditMedia(t *testing.T) {
	const dict = `######  Media  ######
DAILY_TEAPOT
+THE_DAILY_TEAPOT
	[MED]
KETTLE_NEWS_AGENCY_ [XXXMED]
SPOUT_TIMES_ [NGO]
`
	actors, err := parseActors(strings.NewReader(dict), "m.txt")
	if err != nil {
		t.Fatal(err)
	}
	s := &sources{phoenix: newPhoenix(actors)}
	tb := &tsv{rows: []map[string]string{
		{"id": "media:teapot", "name": "Daily Teapot", "aliases": "The Daily Teapot", "source": unsourced},
		{"id": "media:kettle", "name": "Kettle News Agency", "source": unsourced},
		{"id": "media:spout", "name": "Spout Times", "source": unsourced},
		{"id": "media:mug", "name": "Mug Gazette", "source": unsourced},
	}}
	c := auditMedia(s, tb)
	want := []string{"m.txt", "m.txt", unsourced, unsourced}
	for i, w := range want {
		if got := tb.rows[i]["source"]; got != w {
			t.Errorf("%s: source %q, want %q", tb.rows[i]["id"], got, w)
		}
	}
	if c.Phoenix != 2 || c.Unsourced != 2 {
		t.Errorf("counts %+v", c)
	}
}
