package main

import (
	"strings"
	"testing"
)

func TestExternalSource(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"supraverden:data/general_list.yaml@01f0927192e7", true},
		{"supraverden:data/eu_bodies.yaml@09701b49ffa1ea20f9b0c4dbf0aea167fc46dde3", true},
		{"supraverden:data/general_list.yaml", false},     // no commit
		{"supraverden:data/general_list.yaml@", false},    // empty commit
		{"supraverden:data/general_list.yaml@xyz", false}, // not a commit
		{"supraverden:@01f0927192e7", false},              // no file
		{"supraverden:data/x.yaml@01f09", false},          // commit too short to name one
		{"otherrepo:data/list.yaml@01f0927192e7", false},  // a repository SOURCES.md does not list
		{"cameo/petrarch2/dictionaries/Phoenix.International.actors.txt", false},
		{"everypolitician/world/wikidata/results/position-info.csv", false},
		{unsourced, false},
		{"", false},
	} {
		if got := externalSource(c.in); got != c.want {
			t.Errorf("externalSource(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

// TestAuditOrganisationsExternal checks how a QID cited from an external
// repository fares against the sources under ../shared: kept where they
// say nothing of it, replaced by their file where they confirm it, and
// dropped where they give the row's name another QID. The organisations
// and QIDs are invented.
func TestAuditOrganisationsExternal(t *testing.T) {
	const ext = "supraverden:data/general_list.yaml@01f0927192e7"
	s := &sources{
		people: map[string]*person{}, byName: map[string][]string{},
		labels: map[string]string{}, labelFile: map[string]string{}, byLabel: map[string][]string{},
		countryQ: map[string]string{}, countryOf: map[string]string{}, iso2: map[string]string{},
		phoenix: testPhoenix(t),
	}
	s.label("Q10", "Northern Fisheries Board", "everypolitician/x/labels.csv")
	s.label("Q20", "Saucer Development Bank", "everypolitician/x/labels.csv")
	s.label("Q30", "Harbour Compact", "everypolitician/x/labels.csv")
	for _, c := range []struct {
		name string
		row  map[string]string
		q    string
		src  string
		note string // a word the report's changes must contain, or ""
	}{
		{
			name: "external QID that ../shared does not know is kept with its citation",
			row:  map[string]string{"id": "org:kept", "wikidata": "Q501", "name": "Alpine Rivers Commission", "source": ext},
			q:    "Q501", src: ext,
		},
		{
			name: "../shared confirming the same QID wins the source column",
			row:  map[string]string{"id": "org:confirmed", "wikidata": "Q10", "name": "Northern Fisheries Board", "source": ext},
			q:    "Q10", src: "everypolitician/x/labels.csv",
		},
		{
			name: "../shared giving the row's name another QID: the sources disagree, no QID",
			row:  map[string]string{"id": "org:disputed", "wikidata": "Q502", "name": "Saucer Development Bank", "source": ext},
			q:    "", src: unsourced, note: "disagree",
		},
		{
			name: "a QID ../shared labels with another name is kept and reported",
			row:  map[string]string{"id": "org:other-label", "wikidata": "Q30", "name": "Lagoon Shipping Union", "source": ext},
			q:    "Q30", src: ext, note: "Harbour Compact",
		},
		{
			name: "a malformed QID is not kept, whatever the citation",
			row:  map[string]string{"id": "org:malformed", "wikidata": "[No code found.]", "name": "Desert Seed Bureau", "source": ext},
			q:    "", src: unsourced,
		},
		{
			name: "a citation without a commit is no citation: the QID goes",
			row:  map[string]string{"id": "org:nocommit", "wikidata": "Q503", "name": "Coastal Lighthouse Union", "source": "supraverden:data/general_list.yaml"},
			q:    "", src: unsourced,
		},
		{
			name: "a ../shared file as source does not keep a QID it does not give",
			row:  map[string]string{"id": "org:shared", "wikidata": "Q504", "name": "Delta Grain Council", "source": "everypolitician/x/labels.csv"},
			q:    "", src: unsourced,
		},
		{
			name: "an external citation without a QID leaves the row to Phoenix",
			row:  map[string]string{"id": "org:phoenix", "wikidata": "", "name": "Kettle League", "source": ext},
			q:    "", src: "a.txt",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			tb := &tsv{rows: []map[string]string{c.row}}
			n := auditOrganisations(s, tb)
			r := tb.rows[0]
			if r["wikidata"] != c.q || r["source"] != c.src {
				t.Errorf("%s: wikidata %q source %q, want %q %q", r["id"], r["wikidata"], r["source"], c.q, c.src)
			}
			if c.note != "" && !strings.Contains(strings.Join(n.Changes, "\n"), c.note) {
				t.Errorf("%s: changes %q do not mention %q", r["id"], n.Changes, c.note)
			}
		})
	}
}
