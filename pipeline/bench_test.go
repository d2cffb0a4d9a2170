package pipeline

import (
	"context"
	"os"
	"strings"
	"testing"

	"tidings/article"
	"tidings/text"
)

// benchDoc is about 200 kB of news text (the bundled examples, repeated)
// annotated by the shipped models with the knowledge base's gazetteer.
func benchDoc(b *testing.B) (*Pipeline, *text.Document, string) {
	var ex []byte
	for _, name := range []string{"../examples/nordic-grid.txt", "../examples/port-strike.txt"} {
		f, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		ex = append(append(ex, f...), "\n\n"...)
	}
	s := strings.Repeat(string(ex), 100)
	p, err := New()
	if err != nil {
		b.Fatal(err)
	}
	d := text.New(s)
	p.syntax.Annotate(d)
	return p, d, s
}

// BenchmarkNER times the recogniser alone, with the full gazetteer.
func BenchmarkNER(b *testing.B) {
	p, d, _ := benchDoc(b)
	b.ResetTimer()
	for b.Loop() {
		p.syntax.NER.Recognize(d)
	}
	b.ReportMetric(float64(len(d.Tokens))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkAnalyze times the whole pipeline on one article.
func BenchmarkAnalyze(b *testing.B) {
	p, d, s := benchDoc(b)
	a := article.Article{Body: s}
	b.SetBytes(int64(len(s)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := p.Analyze(context.Background(), a); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(d.Tokens))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkEvents times event coding alone, over the analysed document:
// its time against BenchmarkAnalyze's is the coder's share of the
// pipeline.
func BenchmarkEvents(b *testing.B) {
	p, d, s := benchDoc(b)
	an, err := p.Analyze(context.Background(), article.Article{Body: s})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(s)))
	b.ResetTimer()
	n := 0
	for b.Loop() {
		n = len(p.events.Code(an.Doc, an.Entities, an.Dates, an.Article.Published))
	}
	b.ReportMetric(float64(len(d.Tokens))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(n), "events")
}
