package pipeline

import (
	"context"
	"os"
	"strings"
	"testing"

	"tidings/article"
	"tidings/text"
)

// benchDoc is about 100 kB of news text (the bundled example, repeated)
// annotated by the shipped models with the knowledge base's gazetteer.
func benchDoc(b *testing.B) (*Pipeline, *text.Document, string) {
	ex, err := os.ReadFile("../examples/nordic-grid.txt")
	if err != nil {
		b.Fatal(err)
	}
	s := strings.Repeat(string(ex)+"\n\n", 100)
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
