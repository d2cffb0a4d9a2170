package kb

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// partiesOf returns the parties among the entries Lookup gives for name.
func partiesOf(k *KB, name string) []Entry {
	var out []Entry
	for _, e := range k.Lookup(name) {
		if e.Kind == KindParty {
			out = append(out, e)
		}
	}
	return out
}

// TestPartiesLoad loads the generated parties (data/parties.tsv.gz) and
// checks lookups whose answers the source files give:
// india-lok-sabha/wikidata/results/current-members.csv lists 303 members
// of Q10230 "Bharatiya Janata Party" and 53 of Q10225 "Indian National
// Congress"; "Peoples Democratic Party" is Q1551163 in the Nigerian files
// (142 rows of that label) and Q22666200 in the Kenyan ones (3), and
// "Democratic Party" Q816863 in Cyprus (9) and Q3272441 in Kenya (3).
func TestPartiesLoad(t *testing.T) {
	k, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range k.entries {
		if e.Kind == KindParty {
			n++
		}
	}
	if n == 0 {
		t.Skip("no data/parties.tsv.gz (kb/gen writes it from ../shared/data/knowledge: cd kb && go run ./gen -orgs-only)")
	}
	t.Logf("%d parties", n)

	for _, tc := range []struct {
		name, id, country, source string
	}{
		{"Bharatiya Janata Party", "Q10230", "IND", "everypolitician/india-lok-sabha/wikidata/results/current-members.csv"},
		{"Indian National Congress", "Q10225", "IND", "everypolitician/india-lok-sabha/wikidata/results/current-members.csv"},
		{"bharatiya janata party", "Q10230", "IND", "everypolitician/india-lok-sabha/wikidata/results/current-members.csv"},
	} {
		got := partiesOf(k, tc.name)
		if len(got) != 1 {
			t.Errorf("Lookup(%q): parties %+v, want one, %s", tc.name, got, tc.id)
			continue
		}
		e := got[0]
		if e.ID != tc.id || e.Wikidata != tc.id || e.Type != TypeORG || e.Country != tc.country || e.Source != tc.source || e.LinkOnly {
			t.Errorf("Lookup(%q) = %+v, want %s, ORG, %s, in the gazetteer, source %s", tc.name, e, tc.id, tc.country, tc.source)
		}
		if g, ok := k.Get(tc.id); !ok || g.ID != tc.id {
			t.Errorf("Get(%s) = %+v, %v", tc.id, g, ok)
		}
	}
	// More members first among parties of one name.
	for _, tc := range []struct {
		name string
		ids  []string
	}{
		{"Peoples Democratic Party", []string{"Q1551163", "Q22666200"}},
		{"Democratic Party", []string{"Q816863", "Q3272441"}},
	} {
		got := partiesOf(k, tc.name)
		var ids []string
		for _, e := range got {
			ids = append(ids, e.ID)
		}
		if strings.Join(ids, " ") != strings.Join(tc.ids, " ") {
			t.Errorf("Lookup(%q) parties %v, want %v (more members first)", tc.name, ids, tc.ids)
		}
		if len(got) == 2 && got[0].Tier >= got[1].Tier {
			t.Errorf("Lookup(%q): tiers %d, %d, want the first lower", tc.name, got[0].Tier, got[1].Tier)
		}
	}
	// Not parties: "independent politician" (Q327591) is left out.
	if e, ok := k.Get("Q327591"); ok {
		t.Errorf("Get(Q327591) = %+v: independent politician is not a party", e)
	}
	if got := partiesOf(k, "independent politician"); len(got) > 0 {
		t.Errorf("Lookup(independent politician) = %+v", got)
	}
	// In the recogniser's gazetteer, as ORG.
	found := false
	for _, g := range k.Gazetteer() {
		if g.Kind == KindParty {
			found = true
			if g.Type != TypeORG {
				t.Fatalf("a party in the gazetteer as %s: %+v", g.Type, g)
			}
		}
	}
	if !found {
		t.Error("no party in the gazetteer")
	}
}

// TestPartiesCuratedWins gives a curated organisation the QID of a party:
// the generated party is left out, the curated row stands for it.
func TestPartiesCuratedWins(t *testing.T) {
	if _, err := fs.Stat(files, "data/parties.tsv.gz"); err != nil {
		t.Skip("no data/parties.tsv.gz (kb/gen writes it from ../shared/data/knowledge)")
	}
	fsys := fstest.MapFS{}
	if err := fs.WalkDir(files, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(files, path)
		fsys[path] = &fstest.MapFile{Data: data}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	orgs := fsys["curated/organisations.tsv"].Data
	orgs = append(orgs, []byte("org:test-bjp\tQ10230\tBJP\tTest BJP\t\tpolitical party\t\t\ttest\n")...)
	fsys["curated/organisations.tsv"] = &fstest.MapFile{Data: orgs}
	k, err := load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if e, ok := k.Get("Q10230"); ok {
		t.Errorf("Get(Q10230) = %+v: the curated org:test-bjp has the QID", e)
	}
	got := k.Lookup("Bharatiya Janata Party")
	if len(got) != 0 {
		t.Errorf("Lookup(Bharatiya Janata Party) = %+v, want nothing (the curated row is named Test BJP)", got)
	}
	if e, ok := k.Get("org:test-bjp"); !ok || e.Wikidata != "Q10230" {
		t.Errorf("Get(org:test-bjp) = %+v, %v", e, ok)
	}
	if got := partiesOf(k, "Indian National Congress"); len(got) != 1 {
		t.Errorf("Lookup(Indian National Congress) parties %+v, want one", got)
	}
}
