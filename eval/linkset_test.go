package eval

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

func TestLinkSetScore(t *testing.T) {
	const set = "# a tiny set\n" +
		"id\tdate\tclass\ttext\texpected\tsources\n" +
		"a1\t2024-03-01\tpolitics\tLeicester beat Hamilton as Tokayev watched.\tLeicester=>club:Leicester City FC | Hamilton=>- | Tokayev=>Q200881\tclub:Leicester City FC=sports/eng.clubs.txt | Q200881=everypolitician/kazakhstan-cabinet/html/holders21.csv\n" +
		"b1\t2024-03-02\tbusiness\tNvidia shares rose; Orion did not.\tNvidia=>sec:1045810 | Orion=>-\tsec:1045810=companies/sec/company_tickers.json\n"
	cases, err := ReadLinkSet(strings.NewReader(set), "tiny.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) != 2 || cases[0].Date.Format("2006-01-02") != "2024-03-01" || len(cases[0].Expect) != 3 {
		t.Fatalf("read %+v", cases)
	}
	var s LinkSetScore
	tests := []struct {
		sys  []SystemMention
		errs []LinkSetError
	}{
		{
			sys: []SystemMention{
				{Start: 0, End: 9, ID: "GBR-city-leicester", Wikidata: "Q83065"}, // the city, not the club: wrong
				{Start: 15, End: 23, ID: "local:PER:Hamilton"},                   // local: not linked, right
				{Start: 27, End: 34, ID: "per:tokayev", Wikidata: "Q200881"},     // right
			},
			errs: []LinkSetError{{Case: "a1", Surface: "Leicester", Expected: "club:Leicester City FC", System: "Q83065", Found: true}},
		},
		{
			sys: []SystemMention{
				{Start: 0, End: 13, ID: "sec:1045810"},              // overlapping span, key by id: right
				{Start: 20, End: 25, ID: "org:orion", Wikidata: ""}, // linked to a KB entry: wrong
			},
			errs: []LinkSetError{{Case: "b1", Surface: "Orion", Expected: "-", System: "org:orion", Found: true}},
		},
	}
	for i, tt := range tests {
		if errs := s.Add(cases[i], tt.sys); !reflect.DeepEqual(errs, tt.errs) {
			t.Errorf("case %d errors = %+v, want %+v", i, errs, tt.errs)
		}
	}
	if want := (Accuracy{Mentions: 3, Linked: 3, Correct: 2, Accuracy: 2.0 / 3}); s.All.Identity != want {
		t.Errorf("identity %+v, want %+v", s.All.Identity, want)
	}
	if want := (Accuracy{Mentions: 2, Linked: 1, Correct: 1, Accuracy: 0.5}); s.All.MustNotLink != want {
		t.Errorf("must-not-link %+v, want %+v", s.All.MustNotLink, want)
	}
	if got := s.ByClass["business"]; got.Sentences != 1 || got.Identity.Correct != 1 || got.MustNotLink.Correct != 0 {
		t.Errorf("business %+v", got)
	}
	if s.All.IdentityPRF != NewPRF(3, 3, 2) {
		t.Errorf("identity PRF %+v", s.All.IdentityPRF)
	}
	// Nothing found at all: identity wrong, must-not-link right.
	var n LinkSetScore
	errs := n.Add(cases[1], nil)
	if len(errs) != 1 || errs[0].Found || n.All.MustNotLink.Correct != 1 || n.All.Identity.Correct != 0 {
		t.Errorf("no system mentions: %+v %+v", errs, n.All)
	}
}

// TestLinkSetOccurrence checks that "Surface#N" scores the Nth occurrence.
func TestLinkSetOccurrence(t *testing.T) {
	const set = "id\tdate\tclass\ttext\texpected\tsources\n" +
		"a\t2024-03-01\tsport\tLeicester won. Fans cheered in Leicester.\tLeicester=>club:Leicester City FC | Leicester#2=>Q83065\tclub:Leicester City FC=eng.clubs.txt | Q83065=GB.json\n"
	cases, err := ReadLinkSet(strings.NewReader(set), "occ.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if e := cases[0].Expect[1]; e.Surface != "Leicester" || e.Occurrence != 2 {
		t.Fatalf("second expectation %+v", e)
	}
	var s LinkSetScore
	errs := s.Add(cases[0], []SystemMention{
		{Start: 0, End: 9, ID: "club:Leicester City FC"},
		{Start: 30, End: 39, ID: "club:Leicester City FC"}, // the city: wrong
	})
	want := []LinkSetError{{Case: "a", Surface: "Leicester#2", Expected: "Q83065", System: "club:Leicester City FC", Found: true}}
	if !reflect.DeepEqual(errs, want) {
		t.Errorf("errors = %+v, want %+v", errs, want)
	}
}

func TestReadLinkSetErrors(t *testing.T) {
	head := "id\tdate\tclass\ttext\texpected\tsources\n"
	for name, in := range map[string]string{
		"no header":      "a\t2024-01-01\tx\tParis\tParis=>-\t-\n",
		"bad date":       head + "a\t2024-13-01\tx\tParis\tParis=>-\t-\n",
		"no surface":     head + "a\t2024-01-01\tx\tParis\tLyon=>-\t-\n",
		"bad identity":   head + "a\t2024-01-01\tx\tParis\tParis=>Paris\t-\n",
		"no source":      head + "a\t2024-01-01\tx\tParis\tParis=>Q90\t-\n",
		"repeated id":    head + "a\t2024-01-01\tx\tParis\tParis=>-\t-\na\t2024-01-01\tx\tParis\tParis=>-\t-\n",
		"missing column": head + "a\t2024-01-01\tx\tParis\tParis=>-\n",
		"occurrence":     head + "a\t2024-01-01\tx\tParis, Paris\tParis#3=>-\t-\n",
		"bad occurrence": head + "a\t2024-01-01\tx\tParis\tParis#0=>-\t-\n",
	} {
		if _, err := ReadLinkSet(strings.NewReader(in), "bad.tsv"); err == nil || !strings.Contains(err.Error(), "bad.tsv") {
			t.Errorf("%s: error %v", name, err)
		}
	}
}

const shippedLinkSet = "../link/testdata/news-linking.tsv"

// TestShippedLinkSet checks the set in the repository: it parses, is as
// large as issue 16 asks, and covers every class.
func TestShippedLinkSet(t *testing.T) {
	f, err := os.Open(shippedLinkSet)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cases, err := ReadLinkSet(f, shippedLinkSet)
	if err != nil {
		t.Fatal(err)
	}
	mustNot := 0
	classes := map[string]int{}
	for _, c := range cases {
		classes[c.Class]++
		for _, e := range c.Expect {
			if e.Identity == NoLink {
				mustNot++
				break
			}
		}
	}
	if len(cases) < 150 || mustNot < 30 {
		t.Errorf("%d sentences, %d with a must-not-link mention; want at least 150 and 30", len(cases), mustNot)
	}
	for _, c := range []string{"politics", "business", "sport", "science", "international"} {
		if classes[c] == 0 {
			t.Errorf("no %s sentence", c)
		}
	}
}

// TestShippedLinkSetSources checks that each identity of the shipped sets
// occurs in the source file the set names for it (the QID, the CIK, the
// club's name, the league code), so that no identity was written from
// memory.
func TestShippedLinkSetSources(t *testing.T) {
	const knowledge = "../../shared/data/knowledge"
	if _, err := os.Stat(knowledge); err != nil {
		t.Skipf("%s is absent (it holds the linking set's sources): %v", knowledge, err)
	}
	var cases []LinkCase
	for _, path := range []string{shippedLinkSet, "../link/testdata/news-linking-companies.tsv", "../link/testdata/news-linking-discourse.tsv", "../link/testdata/news-linking-3.tsv"} {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		cs, err := ReadLinkSet(f, path)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, cs...)
	}
	files := map[string]string{}
	for _, c := range cases {
		for id, file := range c.Sources {
			text, ok := files[file]
			if !ok {
				b, err := os.ReadFile(filepath.Join(knowledge, file))
				if err != nil {
					t.Errorf("%s: %v", c.ID, err)
					continue
				}
				text = string(b)
				files[file] = text
			}
			var found bool
			switch kind, v, _ := strings.Cut(id, ":"); kind {
			case "sec":
				found = strings.Contains(text, `"cik_str": `+v+",")
			case "club":
				found = strings.Contains(text, "\n"+v+",")
			case "league":
				found = strings.Contains(text, v[strings.LastIndex(v, ".")+1:])
			default:
				found = regexp.MustCompile(`\b` + id + `\b`).MatchString(text)
			}
			if !found {
				t.Errorf("%s: %s is not in %s", c.ID, id, file)
			}
		}
	}
}
