package annotate

import (
	"context"
	"os"
	"sync"
	"testing"

	"tidings/ingest"
	"tidings/internal/shared"
)

// devSentences loads EWT dev, once per test binary.
var devOnce = sync.OnceValues(func() ([]Sentence, error) {
	dir, ok := shared.Dir()
	if !ok {
		return nil, os.ErrNotExist
	}
	return readCoNLLU(dir + "/data/ud-english-ewt/en_ewt-ud-dev.conllu")
})

func readCoNLLU(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Sentence
	for a, err := range ingest.Read(context.Background(), path, f, ingest.CoNLLU, ingest.Options{}) {
		if err != nil {
			return nil, err
		}
		out = append(out, SentencesOf(a)...)
	}
	return out, nil
}

func devOrSkip(tb testing.TB) []Sentence {
	tb.Helper()
	shared.Path(tb, "data", "ud-english-ewt", "en_ewt-ud-dev.conllu")
	s, err := devOnce()
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

func loadOrFail(tb testing.TB) *Models {
	tb.Helper()
	m, err := Load()
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

func BenchmarkTag(b *testing.B) {
	sents := devOrSkip(b)
	m := loadOrFail(b)
	words := 0
	for _, s := range sents {
		words += len(s.Form)
	}
	out := make([]int32, 256)
	var sc tagScratch
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sents {
			m.Tagger.tag(s.Form, out[:len(s.Form)], &sc)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

func BenchmarkTagParse(b *testing.B) {
	sents := devOrSkip(b)
	m := loadOrFail(b)
	if m.Parser == nil {
		b.Skip("no parser model")
	}
	words := 0
	for _, s := range sents {
		words += len(s.Form)
	}
	out := make([]int32, 256)
	tags := make([]string, 256)
	heads := make([]int, 256)
	rels := make([]string, 256)
	var sc tagScratch
	var ps parseScratch
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sents {
			n := len(s.Form)
			m.Tagger.tag(s.Form, out[:n], &sc)
			for i, c := range out[:n] {
				tags[i] = m.Tagger.classes[c]
			}
			m.Parser.parse(s.Form, tags[:n], heads[:n], rels[:n], &ps)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}
