package eval

import (
	"reflect"
	"testing"
)

func TestLinkScore(t *testing.T) {
	kb := map[string]string{"Airbus": "org:airbus", "Paris": "city:paris", "Toulouse": "city:toulouse"}
	kbID := func(title string) string { return kb[title] }
	gold := []MeantimeMention{
		{Start: 0, End: 1, Syntactic: "NAM", Title: "Airbus"},   // exact span, right
		{Start: 3, End: 5, Syntactic: "NAM", Title: "Paris"},    // same start, right
		{Start: 7, End: 9, Syntactic: "NAM", Title: "Toulouse"}, // overlap, wrong entity
		{Start: 10, End: 11, Syntactic: "NAM", Title: "Boeing"}, // not in the KB, linked: wrong
		{Start: 12, End: 13, Syntactic: "NAM", Title: "Lagardère"},
		{Start: 14, End: 15, Syntactic: "NAM", Title: "Airbus"}, // not linked
		{Start: 16, End: 17, Syntactic: "NOM", Title: "Airbus"}, // not a name
		{Start: 18, End: 19, Syntactic: "NAM", Title: ""},       // no DBpedia link
		{Start: 20, End: 21, Syntactic: "NAM", Title: "Boeing"}, // not in the KB, not linked
	}
	sys := []SystemLink{
		{Start: 0, End: 1, ID: "org:airbus"},
		{Start: 3, End: 4, ID: "city:paris"},
		{Start: 8, End: 10, ID: "city:paris"},
		{Start: 10, End: 11, ID: "org:airbus"},
		{Start: 16, End: 17, ID: "org:airbus"},
		{Start: 18, End: 19, ID: "org:airbus"},
	}
	var s LinkScore
	errs := s.Add(gold, sys, kbID)
	want := []LinkError{
		{Title: "Toulouse", Gold: "city:toulouse", System: "city:paris"},
		{Title: "Boeing", System: "org:airbus"}, // its gold entity is not in the KB
	}
	if !reflect.DeepEqual(errs, want) {
		t.Errorf("errors = %+v, want %+v", errs, want)
	}
	if got := s.Missing(5); !reflect.DeepEqual(got, []string{"Boeing", "Lagardère"}) || s.MissingCount("Boeing") != 2 {
		t.Errorf("missing %v (Boeing %d), want [Boeing Lagardère] (2)", got, s.MissingCount("Boeing"))
	}
	if s.Documents != 1 || s.Named != 7 {
		t.Errorf("documents %d, named %d; want 1, 7", s.Documents, s.Named)
	}
	// In the KB: Airbus twice, Paris, Toulouse; three linked, two right.
	if want := NewPRF(4, 3, 2); s.InKB != want {
		t.Errorf("InKB = %+v, want %+v", s.InKB, want)
	}
	// All seven named mentions: four linked (one Boeing wrongly), two right.
	if want := NewPRF(7, 4, 2); s.All != want {
		t.Errorf("All = %+v, want %+v", s.All, want)
	}
	if got, want := s.Missing(1), []string{"Boeing"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Missing(1) = %v, want %v", got, want)
	}
	if got, want := s.Missing(5), []string{"Boeing", "Lagardère"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Missing(5) = %v, want %v", got, want)
	}
	// A second document adds up.
	s.Add(gold[:1], sys[:1], kbID)
	if s.Documents != 2 || s.InKB != NewPRF(5, 4, 3) || s.All != NewPRF(8, 5, 3) {
		t.Errorf("after two documents: %d, %+v, %+v", s.Documents, s.InKB, s.All)
	}
}

func TestPRF(t *testing.T) {
	tests := []struct {
		gold, system, correct int
		want                  PRF
	}{
		{4, 2, 1, PRF{Gold: 4, System: 2, Correct: 1, Precision: 0.5, Recall: 0.25, F1: 1.0 / 3}},
		{0, 0, 0, PRF{}},
		{3, 0, 0, PRF{Gold: 3}},
		{2, 2, 2, PRF{Gold: 2, System: 2, Correct: 2, Precision: 1, Recall: 1, F1: 1}},
	}
	for _, tt := range tests {
		if got := NewPRF(tt.gold, tt.system, tt.correct); got != tt.want {
			t.Errorf("NewPRF(%d, %d, %d) = %+v, want %+v", tt.gold, tt.system, tt.correct, got, tt.want)
		}
	}
	var p PRF
	p.Add(NewPRF(1, 2, 1))
	p.Add(NewPRF(3, 2, 1))
	if want := NewPRF(4, 4, 2); p != want {
		t.Errorf("Add = %+v, want %+v", p, want)
	}
}
