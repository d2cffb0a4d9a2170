package pipeline

import (
	"context"
	"os"
	"strings"
	"testing"

	"tidings/ingest"
	"tidings/internal/shared"
)

// TestSeedEntities checks the named entities of the seed article that the
// NER issue lists: each found with the right type, and no dash or
// punctuation inside a span.
func TestSeedEntities(t *testing.T) {
	path := shared.Path(t, "seed", "000_9bd460b4f00f53ae.txt")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	var rec Record
	for a, err := range ingest.Read(context.Background(), path, f, ingest.ArticleLayout, ingest.Options{}) {
		if err != nil {
			t.Fatal(err)
		}
		an, err := p.Analyze(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		rec = an.Record()
	}
	found := map[string]string{} // mention text -> type
	for _, e := range rec.Entities {
		for _, m := range e.Mentions {
			found[m.Text] = e.Type
			if e.Kind != "quantity" && strings.ContainsAny(m.Text, `–—,.;:()"`) {
				t.Errorf("entity %q (%s) holds a dash or punctuation", m.Text, e.Type)
			}
		}
	}
	want := map[string]string{
		"Russia": "LOC", "Kazakhstan": "LOC", "Belarus": "LOC", "Armenia": "LOC", "Tajikistan": "LOC",
		"Kyrgyzstan": "LOC", "Almaty": "LOC", "Mangystau": "LOC",
		"CSTO": "ORG", "Collective Security Treaty Organization": "ORG", "Interfax": "ORG", "Security Council": "ORG",
		"Kassym-Jomart Tokayev": "PER", "Tokayev": "PER", "Kazakh": "MISC",
	}
	for text, typ := range want {
		if got, ok := found[text]; !ok || got != typ {
			t.Errorf("%q: found as %q, want %s", text, got, typ)
		}
	}
	// The ministry, with or without the adjective.
	if found["Ministry of Internal Affairs"] != "ORG" && found["Kazakh Ministry of Internal Affairs"] != "ORG" {
		t.Errorf("the Ministry of Internal Affairs is not an ORG: %v", found)
	}
	// Counts of people for the event coder.
	if found["at least 8 servicemen"] != "COUNT" || found["more than 300"] != "COUNT" {
		t.Errorf("casualty counts not found: %v", found)
	}
}
