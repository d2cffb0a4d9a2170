package kb

import "testing"

// TestPlacesWikidata checks that the QIDs matched from places/ reach the
// generated regions and cities with their source file, and leave names alone.
func TestPlacesWikidata(t *testing.T) {
	k := testKB(t)
	for _, tc := range []struct{ id, name, qid, source string }{
		{"geonames:1526384", "Almaty", "Q35493", "places/contributions/cities/KZ.json"},
		{"AD-02", "Canillo", "Q24260", "places/csv/states.csv"},
	} {
		e, ok := k.Get(tc.id)
		if !ok || e.Name != tc.name || e.Wikidata != tc.qid || e.Source != tc.source {
			t.Errorf("Get(%s) = %q %q %q, want %q %q %q", tc.id, e.Name, e.Wikidata, e.Source, tc.name, tc.qid, tc.source)
		}
	}
}
