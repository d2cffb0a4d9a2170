package link

import (
	"testing"
	"time"

	"tidings/internal/newstext"
	"tidings/text"
)

// benchSizes are the document sizes of the growth benchmarks: each ten
// times the last, so that linear cost shows as ten times the time.
var benchSizes = []struct {
	name  string
	bytes int
}{{"10KB", 10 << 10}, {"100KB", 100 << 10}, {"1MB", 1 << 20}}

// shallowDoc is size bytes of synthetic news, tagged and with its
// entities found (no parse, which linking does not read).
func shallowDoc(b *testing.B, size int) (*text.Document, *Linker) {
	b.Helper()
	m, l := models(b)
	d := text.New(newstext.Text(size))
	m.AnnotateShallow(d)
	return d, l
}

// BenchmarkLinkBySize links 10 KB, 100 KB and 1 MB of news whose people,
// organisations and places grow in number with the text.
func BenchmarkLinkBySize(b *testing.B) {
	published := time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			d, l := shallowDoc(b, size.bytes)
			b.SetBytes(int64(len(d.Text)))
			b.ReportAllocs()
			var ents []Entity
			for b.Loop() {
				ents = l.Link(d, published)
			}
			b.ReportMetric(float64(len(d.Entities)), "mentions")
			b.ReportMetric(float64(len(ents)), "entities")
		})
	}
}
