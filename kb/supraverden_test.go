package kb

import (
	"slices"
	"strings"
	"testing"
)

// TestSupraVerdenQIDs checks the organisations whose QIDs come from the
// SupraVerden lists (kb/data/SOURCES.md), by class: a body of the table
// found by its name or an alias carries the list's QID and cites the list's
// file; a spelling variant the table gives finds the same body; an acronym
// that other bodies or common words share was left out, so it finds none of
// them; and a row whose QID a source under ../shared confirms keeps that
// source.
func TestSupraVerdenQIDs(t *testing.T) {
	k := testKB(t)
	for _, c := range []struct {
		class, name, id, qid string
		fromList             bool // the source column cites supraverden
	}{
		{"name", "Collective Security Treaty Organization", "org:csto", "Q318693", true},
		{"name", "Eurasian Economic Union", "org:eaeu", "Q4173083", true},
		{"name", "United Nations", "org:un", "Q1065", true},
		{"name", "World Health Organization", "org:who", "Q7817", true},
		{"name", "European Central Bank", "org:ecb", "Q8901", true},
		{"name", "Inter-American Development Bank", "org:idb", "Q1153087", true},
		{"alias", "United Nations World Food Programme", "org:wfp", "Q204344", true},
		{"alias", "Cooperation Council for the Arab States of the Gulf", "org:gcc", "Q217172", true},
		{"acronym of a row that has one", "OPEC", "org:opec", "Q7795", true},
		{"added body", "International Coffee Organisation", "org:ico", "Q48192", true},
		{"added body", "European Centre for Disease Prevention and Control", "org:ecdc", "Q918501", true},
		{"added body", "Black Sea Trade and Development Bank", "org:bstdb", "Q2061083", true},
		{"added body", "Pan American Health Organization", "org:paho", "Q1856835", true},
		{"spelling variant", "International Coffee Organization", "org:ico", "Q48192", true},
		{"spelling variant", "International Lead & Zinc Study Group", "org:ilzsg", "Q12131043", true},
		{"spelling variant", "Organization of Eastern Caribbean States", "org:oecs", "Q392770", true},
		{"confirmed under ../shared", "North Atlantic Treaty Organization", "org:nato", "Q7184", false},
		{"confirmed under ../shared", "European Union", "org:eu", "Q458", false},
	} {
		var e *Entry
		for _, x := range k.Lookup(c.name) {
			if x.ID == c.id {
				e = &x
				break
			}
		}
		if e == nil {
			t.Errorf("%s: %q does not find %s (%v)", c.class, c.name, c.id, ids(k.Lookup(c.name)))
			continue
		}
		if e.Wikidata != c.qid {
			t.Errorf("%s: %s wikidata %q, want %q", c.class, c.id, e.Wikidata, c.qid)
		}
		if got := strings.HasPrefix(e.Source, "supraverden:"); got != c.fromList {
			t.Errorf("%s: %s source %q, from SupraVerden %v, want %v", c.class, c.id, e.Source, got, c.fromList)
		}
	}
	// Acronyms left out of the added rows: "AMF" is also a market
	// regulator's, "NDF" a kind of currency forward, "ITC" and "EEA" name
	// other bodies; none may find the added body.
	for _, c := range []struct{ acronym, id string }{
		{"AMF", "org:amf"},
		{"NDF", "org:ndf"},
		{"ITC", "org:itc"},
		{"EEA", "org:eea-agency"},
		{"ECA", "org:uneca"},
		{"NIB", "org:nib"},
	} {
		if slices.Contains(ids(k.Lookup(c.acronym)), c.id) {
			t.Errorf("%q finds %s", c.acronym, c.id)
		}
	}
}
