package tags

import (
	"testing"
	"time"

	"tidings/annotate"
	"tidings/internal/newstext"
	"tidings/kb"
	"tidings/link"
	"tidings/text"
)

// BenchmarkSuggestBySize writes the tag line of 10 KB, 100 KB and 1 MB of
// news whose people, organisations and places grow in number with the
// text: the time should grow as the text does.
func BenchmarkSuggestBySize(b *testing.B) {
	m, err := annotate.Load()
	if err != nil {
		b.Fatal(err)
	}
	k, err := kb.Load()
	if err != nil {
		b.Fatal(err)
	}
	if m.NER.WantsGazetteer() {
		var names []annotate.GazetteerName
		for _, n := range k.Gazetteer() {
			names = append(names, annotate.GazetteerName{Name: n.Name, Type: n.Type})
		}
		m.NER.UseGazetteer(annotate.NewGazetteer(names))
	}
	bg, err := ShippedBackground()
	if err != nil {
		b.Fatal(err)
	}
	t := New(k, Options{Background: bg})
	published := time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)
	for _, size := range []struct {
		name  string
		bytes int
	}{{"10KB", 10 << 10}, {"100KB", 100 << 10}, {"1MB", 1 << 20}} {
		b.Run(size.name, func(b *testing.B) {
			doc := text.New(newstext.Text(size.bytes))
			m.AnnotateShallow(doc)
			ents := link.New(k).Link(doc, published)
			b.SetBytes(int64(len(doc.Text)))
			b.ReportAllocs()
			for b.Loop() {
				t.Suggest(doc, 64, ents, published)
			}
			b.ReportMetric(float64(len(ents)), "entities")
		})
	}
}

// BenchmarkShippedBackground reads the shipped background table, as each
// pipeline does once at start.
func BenchmarkShippedBackground(b *testing.B) {
	for b.Loop() {
		if _, err := ShippedBackground(); err != nil {
			b.Fatal(err)
		}
	}
}
