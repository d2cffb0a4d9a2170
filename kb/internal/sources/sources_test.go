package sources

import (
	"strings"
	"testing"
)

func TestIsQID(t *testing.T) {
	for s, want := range map[string]bool{"Q5": true, "Q200881": true, "Q": false, "Q0": false, "Q05": false, "P31": false, "Q12a": false, "": false} {
		if got := IsQID(s); got != want {
			t.Errorf("IsQID(%q) = %v", s, got)
		}
	}
}

// The file below is invented, in leaders-current's shape.
func TestReadLeaders(t *testing.T) {
	in := `{"country": {"iso_code": "TL", "name_en": "Testland"}, "snapshot_date": "2026-08-22",
		"positions": {"head_of_state": {"title_en": "President", "current_holder": {"name_en": "Ana Example",
		"wikidata_id": "Q999999", "since": "2024-05-01", "born": "1970-02-03", "wikipedia_en": "https://en.wikipedia.org/wiki/Ana_Example"}},
		"head_of_government": {"title_en": "Prime Minister", "current_holder": null}}}`
	l, err := ReadLeaders(strings.NewReader(in), "testland/current.json")
	if err != nil {
		t.Fatal(err)
	}
	h := l.Positions["head_of_state"].Holder
	if l.Country.ISO != "TL" || h == nil || h.QID != "Q999999" || h.Since != "2024-05-01" || l.Positions["head_of_government"].Holder != nil {
		t.Errorf("ReadLeaders = %+v", l)
	}
	if _, err := ReadLeaders(strings.NewReader("{"), "bad.json"); err == nil || !strings.Contains(err.Error(), "bad.json") {
		t.Errorf("a broken file: %v", err)
	}
}
