package events

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"tidings/annotate"
	"tidings/dates"
	"tidings/internal/newstext"
	"tidings/link"
	"tidings/text"
)

// BenchmarkCodeBySize codes the events of 10 KB, 100 KB and 1 MB of news,
// parsed, linked and dated as the pipeline does it: the time should grow
// as the text does.
func BenchmarkCodeBySize(b *testing.B) {
	k, d := load(b)
	m, err := annotate.Load()
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
	c := New(d, k)
	published := time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)
	for _, size := range []struct {
		name  string
		bytes int
	}{{"10KB", 10 << 10}, {"100KB", 100 << 10}, {"1MB", 1 << 20}} {
		b.Run(size.name, func(b *testing.B) {
			doc := text.New(eventText(size.bytes))
			m.Annotate(doc)
			ents := link.New(k).Link(doc, published)
			exprs := dates.New().Find(doc, published)
			b.SetBytes(int64(len(doc.Text)))
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				n = len(c.Code(doc, ents, exprs, published))
			}
			b.ReportMetric(float64(n), "events")
		})
	}
}

// eventText is size bytes of synthetic news with acts the coder knows
// (arrests, attacks, appeals, troops sent, casualties) between countries,
// police, protesters and named people, after each paragraph of
// newstext's.
func eventText(size int) string {
	countries := []string{"Russia", "Kazakhstan", "France", "Kenya", "Brazil", "Japan"}
	cities := []string{"Almaty", "Lyon", "Nairobi", "Recife", "Osaka", "Kazan"}
	days := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		a, c := countries[i%len(countries)], countries[(i/len(countries)+1+i)%len(countries)]
		if a == c {
			c = countries[(i+1)%len(countries)]
		}
		city, day := cities[(i/2)%len(cities)], days[i%len(days)]
		fmt.Fprintf(&b, "%s\n\n", newstext.Paragraph(i))
		fmt.Fprintf(&b, "Police in %s arrested %d protesters on %s after clashes near the parliament. ", city, 3+i%40, day)
		fmt.Fprintf(&b, "%s accused %s of sending troops across the border, and urged it to withdraw them. ", a, c)
		fmt.Fprintf(&b, "At least %d soldiers were killed and %d were injured when rebels attacked a base in %s on March %d. ", 2+i%9, 10+i%90, city, 1+i%28)
		fmt.Fprintf(&b, "President Adela Quinter%d met %s's foreign minister in %s to discuss aid.\n\n", i, c, city)
	}
	return b.String()
}

// BenchmarkLoadDictionary reads the shipped dictionaries, as every
// pipeline with events does once at start.
func BenchmarkLoadDictionary(b *testing.B) {
	for b.Loop() {
		if _, err := LoadDictionary(); err != nil {
			b.Fatal(err)
		}
	}
}
