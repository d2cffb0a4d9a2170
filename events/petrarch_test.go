package events

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"tidings/link"
)

// The dictionaries below are written for these tests in PETRARCH's
// formats (docs/source/dictionaries.rst of openeventdata/petrarch2); their
// words and codes are made up to exercise the reader.

const testVerbs = `# verbs for the reader's tests
&VEHICLE
+TRUCK
+ARMORED_CAR
+LORRY_

&STAFF_
+CLERK

####### VERB PATTERNS #######

--- DISPATCH  [070]  ---
DISPATCH
SHIP  [071]   # its own code
WIRE_+TRANSFER
+HAND_OVER {+HANDED_OVER +HANDS_OVER +HANDING_OVER}
SEND {SENDS SENT SENDING}
- * &VEHICLE                 [0232]   # an object from a synset
- * {MEDICAL SUPPLIES}       [0233]
- * (TO +)                   [073]
- * GRAIN (FROM $)           [061]
- &STAFF *                   [074]
- * DECOY                    [---]
- * LETTERS                  [:020]
- * (WITH ^)                 [080]
- * ENVOY MESSAGE            [040]
- * OFF (TO)                 [042:043]
- * (AFTER)                  [1213]
- * BROKEN ((PATTERN         [071]
~ a (a b DISPATCH) SAY = a b 070

--- HALT  [---]  ---
HALT
+BREAK_OFF
PONDER [0999]
SAY {SAYS SAID SAYING} [010]
`

// readTest writes body to a file and loads it alone (MergeReplace).
func readTest(t *testing.T, body string, merge Merge) (*Dictionary, DictStats) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "dict.txt")
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := LoadDictionaryWith(LoadOptions{Files: []string{p}, Merge: merge})
	if err != nil {
		t.Fatal(err)
	}
	st := d.Stats()
	if len(st) != 1 {
		t.Fatalf("stats for %d files, want 1", len(st))
	}
	return d, st[0]
}

// describe writes a pattern's conditions compactly for comparison.
func describe(p Pattern) string {
	var b strings.Builder
	code := p.Code
	if p.Null {
		code = "---"
	}
	fmt.Fprintf(&b, "%s", code)
	if p.Subject != nil {
		fmt.Fprintf(&b, " subj=%s", strings.Join(p.Subject, "|"))
	}
	if p.Object != nil || p.ObjectPhrases != nil {
		alts := slices.Clone(p.Object)
		for _, ph := range p.ObjectPhrases {
			alts = append(alts, strings.Join(append(slices.Clone(ph.Mods), ph.Head), "_"))
		}
		fmt.Fprintf(&b, " obj=%s", strings.Join(alts, "|"))
	}
	if p.ObjectActor {
		b.WriteString(" obj=@actor")
	}
	for _, o := range p.Obliques {
		if o.any() {
			fmt.Fprintf(&b, " %s=*", o.Prep)
		} else {
			fmt.Fprintf(&b, " %s=%s", o.Prep, strings.Join(o.Lemmas, "|"))
		}
	}
	for _, x := range p.TargetPreps {
		fmt.Fprintf(&b, " >%s", x)
	}
	for _, x := range p.SourcePreps {
		fmt.Fprintf(&b, " <%s", x)
	}
	return b.String()
}

func TestReadPetrarchVerbs(t *testing.T) {
	d, st := readTest(t, testVerbs, MergeReplace)
	if st.Format != "petrarch verbs" {
		t.Fatalf("format %q", st.Format)
	}
	tests := []struct {
		trigger string
		want    []string // most specific first
	}{
		// most specific first (an object counts 2, a phrase 1 more, each
		// preposition and a subject 1), then in the file's order
		{"dispatch", []string{
			"0233 obj=medical_supplies",
			"061 obj=grain <from",
			"0232 obj=truck|trucks|lorry|armored_car",
			"--- obj=decoy",
			"042 to=* off=*", // "OFF" is a particle of the file (BREAK_OFF): its oblique reading
			"073 >to",
			"074 subj=clerk",
			"121 after=*",
			"070",
		}},
		{"dispatch off", []string{"042 to=*"}},
		{"ship", []string{
			"0233 obj=medical_supplies", "061 obj=grain <from", "0232 obj=truck|trucks|lorry|armored_car",
			"--- obj=decoy", "042 to=* off=*", "073 >to", "074 subj=clerk", "121 after=*", "071",
		}},
		{"hand over", []string{ // a verb with a particle takes no second one
			"0233 obj=medical_supplies", "061 obj=grain <from", "0232 obj=truck|trucks|lorry|armored_car",
			"--- obj=decoy", "073 >to", "074 subj=clerk", "121 after=*", "070",
		}},
		{"halt", []string{"---"}},
		{"break off", []string{"---"}},
		{"transfer", nil}, // WIRE_+TRANSFER: a word before the verb
		{"ponder", nil},   // 0999 and its parent are no codes of cameo.tsv
		{"say", nil},      // speech: the coder composes it
	}
	for _, tt := range tests {
		var got []string
		for _, p := range d.Patterns(tt.trigger) {
			got = append(got, describe(p))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s:\n got %q\nwant %q", tt.trigger, got, tt.want)
		}
	}
	// "hand over" is also filed as "hand" with an oblique "over"
	if ps := d.Patterns("hand"); len(ps) == 0 || !slices.ContainsFunc(ps[len(ps)-1].Obliques, func(o Oblique) bool { return o.Prep == "over" && o.any() }) {
		t.Errorf("hand: %v", ps)
	}
	for form, lemma := range map[string]string{"sent": "send", "handed": "hand", "saying": "say"} {
		if got := d.forms[form]; got != lemma {
			t.Errorf("form %s -> %q, want %q", form, got, lemma)
		}
	}
	for reason, n := range map[string]int{
		"passive sense only ([:code])":                1,
		"marker ^":                                    1,
		"several nouns after the verb":                1,
		"multi-word verb with a word before the verb": 1,
		"verb: code not in cameo.tsv":                 1,
		"verb: bare code of a speech, intent or threat verb (the coder composes these)": 1,
		"transformation (the coder handles reported speech and modality itself)":        1,
	} {
		if st.Skipped[reason] != n {
			t.Errorf("skipped %q: %d, want %d (all: %v)", reason, st.Skipped[reason], n, st.Skipped)
		}
	}
	if st.Malformed != 1 || len(st.Examples) != 1 || !strings.Contains(st.Examples[0], "dict.txt:29") {
		t.Errorf("malformed %d %q, want the broken pattern on line 29", st.Malformed, st.Examples)
	}
	if st.Notes["passive codes dropped"] != 1 || st.Notes["codes read as their parent (1213)"] != 1 {
		t.Errorf("notes %v", st.Notes)
	}
	if st.Notes["patterns read"] != 12 || st.Notes["patterns converted"] != 8 || st.Notes["verbs read"] != 9 || st.Notes["verbs converted"] != 6 {
		t.Errorf("counts %v", st.Notes)
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name, body string
		want       dictFormat
		err        bool
	}{
		{"tidings", "# mine\n190\tattack\n&X\ta b\n", formatTidings, false},
		{"tidings with an error", "999\tattack\n", formatTidings, false}, // its reader names the line
		{"empty", "# nothing\n\n", formatTidings, false},
		{"verbs", "--- GO [042] ---\nGO\n- * (TO +) [042]\n", formatVerbs, false},
		{"actors", "ZORBANIA_ [ZOR]\n+ZORBANIAN_\nMARA_VELL_\n\t[ZORGOV 20200101-20201231]\n", formatActors, false},
		{"agents", "!WORKER! = HAND, HANDS\nDOCK_!WORKER! [~LAB]\nCLERK [~GOV]\n", formatAgents, false},
		{"discards", "CUP FINAL\n+PENALTY SHOOTOUT # a story\nGRAND SLAM_\n", formatDiscards, false},
		{"issues", "<ISSUE CATEGORY=\"X\">\nn:drought [DROUGHT]\n</ISSUE>\n", formatIssues, false},
		{"prose", "This is a sentence of prose, not a dictionary at all.\nAnd another one here.\n", 0, true},
		{"a code alone", "190\n", 0, true},
		{"prose quoting a code", "Prose that quotes [USAGOV 20090120-20170120] once.\nMore prose.\nAnd more.\nStill prose.\nThe end of it.\nOne more line.\n", 0, true},
		{"binary", "\x00\x01\x02", 0, true},
	}
	for _, tt := range tests {
		got, _, err := sniff([]byte(tt.body))
		if (err != nil) != tt.err || err == nil && got != tt.want {
			t.Errorf("%s: %v %v, want %v (error %v)", tt.name, got, err, tt.want, tt.err)
		}
	}
	// a file that is no dictionary is refused, naming the file and line
	p := filepath.Join(t.TempDir(), "notes.md")
	if err := os.WriteFile(p, []byte("# Notes\n\nSome words about [a link](x) and more.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadDictionary(p); err == nil || !strings.Contains(err.Error(), "notes.md:3") {
		t.Errorf("notes.md: %v", err)
	}
}

func TestReadPetrarchActors(t *testing.T) {
	body := `# actors for the tests
ZORBANIA_ [ZOR]
+ZORBANIAN_
MARA_VELL_  # a person
+PRESIDENT_MARA_VELL
	[ZORELI 19990101-20191231]
	[ZORGOV >20200101]
TOMAS_ORR_	[ZORGOV 100101-151231] [ZORELI]
NOBODY_IN_PARTICULAR_
BAD_DATES_
	[ZORGOV 2020-0101]
	[ZORMIL < 20200101]
`
	d, st := readTest(t, body, MergeReplace)
	day := func(s string) time.Time {
		t, _ := time.Parse("2006-01-02", s)
		return t
	}
	tests := []struct {
		name, on, want string
	}{
		{"Zorbanian", "2021-01-01", "ZOR"},
		{"President Mara Vell", "2010-05-05", "ZORELI"},
		{"mara vell", "2022-02-02", "ZORGOV"},
		{"Mara Vell", "1990-01-01", ""},
		{"Tomas Orr", "2012-06-01", "ZORGOV"}, // YYMMDD: 10 is 2010
		{"Tomas Orr", "2016-01-01", "ZORELI"},
		{"Tomas Orr", "", "ZORELI"}, // no date: the default code
		{"Bad Dates", "2010-01-01", "ZORMIL"},
	}
	for _, tt := range tests {
		codes := d.names[actorName(tt.name)]
		var on time.Time
		if tt.on != "" {
			on = day(tt.on)
		}
		if got := codeOn(codes, on); got != tt.want {
			t.Errorf("%s on %s: %q, want %q", tt.name, tt.on, got, tt.want)
		}
	}
	if st.Read != 7 || st.Converted != 6 || st.Skipped["names without a code"] != 1 || st.Malformed != 1 {
		t.Errorf("stats %+v", st)
	}
}

func TestReadPetrarchAgents(t *testing.T) {
	body := `!WORKER! = HAND, HANDS
DOCK_!WORKER! [~LAB]
CUSTOMS_INSPECTOR [~CUS]
FERRY [~BUS]
BOSS [~BUS]
POLICE {} [~COP]
GOOSE {GEESE} [~AGR]
CHARITY_BODY [NGO~]
NO_CODE_HERE
`
	d, st := readTest(t, body, MergeReplace)
	for w, want := range map[string]string{"police": "COP", "ferries": "BUS", "ferry": "BUS", "bosses": "BUS", "goose": "AGR", "geese": "AGR"} {
		if got := d.agents[w]; got != want {
			t.Errorf("agent %s: %q, want %q", w, got, want)
		}
	}
	for _, w := range []string{"polices", "gooses", "charity body"} {
		if _, ok := d.agents[w]; ok {
			t.Errorf("agent %s should not be there", w)
		}
		if _, ok := d.agentPhrases[w]; ok {
			t.Errorf("agent phrase %s should not be there", w)
		}
	}
	for w, want := range map[string]string{"dock hand": "LAB", "dock hands": "LAB", "customs inspector": "CUS", "customs inspectors": "CUS"} {
		if got := d.agentPhrases[w]; got != want {
			t.Errorf("agent phrase %s: %q, want %q", w, got, want)
		}
	}
	if d.agents["hand"] != "" {
		t.Error("a substitution marker's words are no agents alone")
	}
	if _, ok := d.agents["police"]; !ok || len(d.agents) != 7 {
		t.Errorf("replace: the shipped agents stay: %d agents", len(d.agents))
	}
	if st.Read != 7 || st.Converted != 6 || st.Skipped["a code before the actor's (NGO~)"] != 1 || st.Malformed != 1 {
		t.Errorf("stats %+v", st)
	}
}

func TestDiscards(t *testing.T) {
	d, st := readTest(t, "CUP FINAL\n+PENALTY SHOOTOUT\nGRAND SLAM_\n", MergeOver)
	tests := []struct {
		text  string
		story bool
		want  bool
	}{
		{"THE CUP FINAL WAS PLAYED", false, true},
		{"CUP FINALS ARE NEAR", false, true},    // a stem
		{"A TEACUP FINAL", false, false},        // a word's start only
		{"HE WON THE GRAND SLAM.", false, true}, // ends at punctuation
		{"GRAND SLAMS", false, false},           // '_': the word must end
		{"A PENALTY SHOOTOUT", false, false},    // a story's phrase
		{"A PENALTY SHOOTOUT DECIDED", true, true},
	}
	for _, tt := range tests {
		if got := d.discarded(tt.text, tt.story); got != tt.want {
			t.Errorf("%q (story %v): %v, want %v", tt.text, tt.story, got, tt.want)
		}
	}
	if st.Converted != 3 {
		t.Errorf("stats %+v", st)
	}
}

func TestMerge(t *testing.T) {
	body := "--- STRIKE [190] ---\nATTACK\nWIDGETIZE [0871]\n"
	tests := []struct {
		merge                   Merge
		attackBare, ourPatterns bool
		widgetize               bool
	}{
		{MergeOver, true, true, true},
		{MergeUnder, false, true, true},
		{MergeFill, false, true, true},
		{MergeReplace, true, false, true},
	}
	for _, tt := range tests {
		d, _ := readTest(t, body, tt.merge)
		ps := d.Patterns("attack")
		var firstBare Pattern
		ours := false
		for _, p := range ps {
			if p.specificity() == 0 && firstBare.Line == "" {
				firstBare = p
			}
			if strings.HasPrefix(p.Line, "verbs.txt") {
				ours = true
			}
		}
		theirs := strings.Contains(firstBare.Line, "dict.txt")
		if theirs != tt.attackBare || ours != tt.ourPatterns {
			t.Errorf("%v: first bare pattern %s (theirs %v, want %v), ours kept %v (want %v)", tt.merge, firstBare.Line, theirs, tt.attackBare, ours, tt.ourPatterns)
		}
		if tt.merge == MergeFill && slices.ContainsFunc(ps, func(p Pattern) bool { return strings.Contains(p.Line, "dict.txt") }) {
			t.Errorf("fill: a trigger the shipped dictionary has took the file's patterns")
		}
		if got := len(d.Patterns("widgetize")) > 0; got != tt.widgetize {
			t.Errorf("%v: widgetize %v", tt.merge, got)
		}
	}
	if _, err := ParseMerge("sideways"); err == nil {
		t.Error("ParseMerge accepts nonsense")
	}
	for _, m := range []Merge{MergeOver, MergeUnder, MergeFill, MergeReplace} {
		if got, err := ParseMerge(m.String()); err != nil || got != m {
			t.Errorf("%v: %v %v", m, got, err)
		}
	}
}

// codeWith codes a parsed sentence with a dictionary.
func codeWith(t *testing.T, d *Dictionary, rows, published string) []string {
	t.Helper()
	k, _ := load(t)
	day, err := time.Parse("2006-01-02", published)
	if err != nil {
		t.Fatal(err)
	}
	doc := parse(t, rows)
	var out []string
	for _, e := range New(d, k).Code(doc, link.New(k).Link(doc, day), nil, day) {
		out = append(out, fmt.Sprintf("%s %s->%s", e.Code.Code, e.Source.Code, orDash(e.Target.Code)))
	}
	slices.Sort(out)
	return out
}

// TestCodePetrarch codes parsed sentences with the converted conditions:
// a noun phrase, a null pattern, an irregular form the lemmatiser missed,
// a particle, a subject, and actor names and agent phrases.
func TestCodePetrarch(t *testing.T) {
	verbs, _ := readTest(t, testVerbs, MergeReplace)
	tests := []struct {
		name, rows string
		want       []string
	}{
		{"a noun phrase wins over the target preposition", `
Germany Germany PROPN 2 nsubj B-LOC
shipped ship VERB 0 root
medical medical ADJ 4 amod
supplies supply NOUN 2 obj
to to ADP 6 case
Ukraine Ukraine PROPN 2 obl B-LOC`, []string{"0233 DEU->UKR"}},
		{"the head without its modifier is not the phrase", `
Germany Germany PROPN 2 nsubj B-LOC
shipped ship VERB 0 root
supplies supply NOUN 2 obj
to to ADP 5 case
Ukraine Ukraine PROPN 2 obl B-LOC`, []string{"073 DEU->UKR"}},
		{"a null pattern codes nothing", `
Russia Russia PROPN 2 nsubj B-LOC
dispatched dispatch VERB 0 root
a a DET 4 det
decoy decoy NOUN 2 obj
to to ADP 6 case
Ukraine Ukraine PROPN 2 obl B-LOC`, nil},
		{"an irregular form the lemmatiser left", `
Russia Russia PROPN 2 nsubj B-LOC
sent sent VERB 0 root
Ukraine Ukraine PROPN 2 obj B-LOC`, []string{"070 RUS->UKR"}},
		{"a particle", `
Russia Russia PROPN 2 nsubj B-LOC
handed hand VERB 0 root
over over ADP 2 compound:prt
trucks truck NOUN 2 obj
to to ADP 6 case
Ukraine Ukraine PROPN 2 obl B-LOC`, []string{"0232 RUS->UKR"}},
		{"a source preposition", `
Kenya Kenya PROPN 2 nsubj B-LOC
shipped ship VERB 0 root
grain grain NOUN 2 obj
from from ADP 5 case
Ukraine Ukraine PROPN 2 obl B-LOC`, []string{"061 UKR->KEN"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := codeWith(t, verbs, tt.rows, "2024-03-01"); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}

	// actor names and agent phrases, under the shipped patterns
	dir := t.TempDir()
	actors := filepath.Join(dir, "a.actors.txt")
	agents := filepath.Join(dir, "a.agents.txt")
	if err := os.WriteFile(actors, []byte("ZORBANIAN_LIBERATION_FRONT_\n\t[ZORREB 20200101-20201231]\n\t[ZORGOV]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(agents, []byte("CUSTOMS_INSPECTOR [~CUS]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := LoadDictionaryWith(LoadOptions{Files: []string{actors, agents}, Merge: MergeUnder})
	if err != nil {
		t.Fatal(err)
	}
	front := `
The the DET 4 det
Zorbanian Zorbanian PROPN 4 compound B-ORG
Liberation Liberation PROPN 4 compound I-ORG
Front Front PROPN 5 nsubj I-ORG
attacked attack VERB 0 root
Kenya Kenya PROPN 5 obj B-LOC`
	for day, want := range map[string]string{"2020-06-01": "ZORREB", "2023-06-01": "ZORGOV"} {
		got := codeWith(t, d, front, day)
		if len(got) != 1 || !strings.Contains(got[0], " "+want+"->KEN") {
			t.Errorf("on %s: %q, want %s->KEN", day, got, want)
		}
	}
	inspectors := `
Kenyan Kenyan ADJ 3 amod B-MISC
customs customs NOUN 3 compound
inspectors inspector NOUN 4 nsubj
attacked attack VERB 0 root
protesters protester NOUN 4 obj`
	if got := codeWith(t, d, inspectors, "2024-03-01"); len(got) != 1 || !strings.Contains(got[0], " KENCUS->") {
		t.Errorf("agent phrase: %q, want KENCUS as the source", got)
	}
}

// TestSharedPetrarchDictionaries reads the PETRARCH-2 and UniversalPetrarch
// dictionaries from ../shared: each is recognised, most of it converted,
// and a few of its entries read as the files write them.
func TestSharedPetrarchDictionaries(t *testing.T) {
	root := filepath.Join("..", "..", "shared", "data", "knowledge", "cameo")
	if _, err := os.Stat(root); err != nil {
		t.Skipf("the PETRARCH dictionaries are not there (%v): they live in ../shared/data/knowledge/cameo", err)
	}
	for _, tc := range []struct {
		path, format string
		minConverted int
	}{
		{"petrarch2/dictionaries/CAMEO.2.0.txt", "petrarch verbs", 5000},
		{"universalpetrarch/dictionaries/CAMEO.2.0.txt", "petrarch verbs", 5000},
		{"universalpetrarch/dictionaries/CAMEO.verbpatterns.150430.txt", "petrarch verbs", 1000},
		{"petrarch2/dictionaries/Phoenix.Countries.actors.txt", "petrarch actors", 20000},
		{"universalpetrarch/dictionaries/Phoenix.Countries.actors.txt", "petrarch actors", 20000},
		{"petrarch2/dictionaries/Phoenix.International.actors.txt", "petrarch actors", 5000},
		{"petrarch2/dictionaries/Phoenix.MilNonState.actors.txt", "petrarch actors", 1000},
		{"petrarch2/dictionaries/Phoenix.agents.txt", "petrarch agents", 2000},
		{"petrarch2/dictionaries/Phoenix.discards.txt", "petrarch discards", 400},
		{"petrarch2/dictionaries/Phoenix.IssueCoding.txt", "petrarch issues", 0},
	} {
		d, err := LoadDictionaryWith(LoadOptions{Files: []string{filepath.Join(root, tc.path)}, Merge: MergeReplace})
		if err != nil {
			t.Errorf("%s: %v", tc.path, err)
			continue
		}
		st := d.Stats()[0]
		if st.Format != tc.format || st.Converted < tc.minConverted || st.Malformed*100 > st.Read {
			t.Errorf("%s: %s, %d read, %d converted, %d malformed; want %s, %d converted, under 1%% malformed", tc.path, st.Format, st.Read, st.Converted, st.Malformed, tc.format, tc.minConverted)
		}
		switch tc.format {
		case "petrarch verbs":
			if len(d.Patterns("abandon")) == 0 {
				t.Errorf("%s: no patterns of abandon", tc.path)
			}
		case "petrarch actors":
			if strings.Contains(tc.path, "Countries") {
				if got := codeOn(d.names["AFGHANISTAN"], time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC)); got != "AFG" {
					t.Errorf("%s: Afghanistan %q", tc.path, got)
				}
			}
		}
	}
}

// FuzzReadPetrarch feeds arbitrary text to the format sniffer and the
// readers: they must neither panic nor fail on a malformed line.
func FuzzReadPetrarch(f *testing.F) {
	for _, s := range []string{
		testVerbs,
		"ZORBANIA_ [ZOR]\n+ZORBANIAN_\n\t[ZORGOV 20200101-20201231]\n\t[ZORMIL <991231]\n",
		"!X! = A, B\nDOCK!X! [~LAB]\nCLERK {} [~GOV]\n",
		"CUP FINAL\n+PENALTY_\n",
		"<ISSUE CATEGORY=\"X\">\nn:drought [DROUGHT]\n</ISSUE>\n",
		"- * ((( [0",
		"--- [\n- * {&\n&A\n+",
	} {
		f.Add(s)
	}
	codes := map[string]Code{"070": {Code: "070"}, "190": {Code: "190"}}
	f.Fuzz(func(t *testing.T, s string) {
		for _, format := range []dictFormat{formatVerbs, formatActors, formatAgents, formatDiscards, formatIssues} {
			d := newDictionary()
			d.codes = codes
			st := DictStats{Skipped: map[string]int{}, Notes: map[string]int{}}
			d.readPetrarch([]byte(s), "fuzz", format, &st)
			d.sort()
			if st.Converted > st.Read {
				t.Fatalf("%v: %d converted of %d read", format, st.Converted, st.Read)
			}
			_ = d.discarded(strings.ToUpper(s), false)
		}
		_, _, _ = sniff([]byte(s))
	})
}

// BenchmarkLoadPetrarchVerbs reads CAMEO.2.0.txt over the shipped
// dictionaries, as --events-dict does.
func BenchmarkLoadPetrarchVerbs(b *testing.B) {
	p := filepath.Join("..", "..", "shared", "data", "knowledge", "cameo", "petrarch2", "dictionaries", "CAMEO.2.0.txt")
	if _, err := os.Stat(p); err != nil {
		b.Skipf("CAMEO.2.0.txt is not there: %v", err)
	}
	for b.Loop() {
		if _, err := LoadDictionary(p); err != nil {
			b.Fatal(err)
		}
	}
}
