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

// BenchmarkParse times the parser alone, on EWT dev tagged beforehand.
func BenchmarkParse(b *testing.B) {
	sents := devOrSkip(b)
	m := loadOrFail(b)
	if m.Parser == nil {
		b.Skip("no parser model")
	}
	words := 0
	tags := make([][]string, len(sents))
	for i, s := range sents {
		words += len(s.Form)
		tags[i] = m.Tagger.JointTags(s.Form)
	}
	heads := make([]int, 256)
	rels := make([]string, 256)
	var ps parseScratch
	b.ResetTimer()
	for b.Loop() {
		for i, s := range sents {
			n := len(s.Form)
			m.Parser.parse(s.Form, tags[i], heads[:n], rels[:n], &ps)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkParseFeatures times feature extraction for one configuration
// with children on the stack and in the buffer.
func BenchmarkParseFeatures(b *testing.B) {
	sents := devOrSkip(b)
	m := loadOrFail(b)
	if m.Parser == nil {
		b.Skip("no parser model")
	}
	p := m.Parser
	s := sents[5]
	var ps parseScratch
	p.prepare(s.Form, m.Tagger.JointTags(s.Form), &ps)
	for range len(s.Form) / 2 {
		ok := p.legal(&ps.st)
		p.score(&ps)
		p.apply(&ps.st, p.bestLegal(ok, ps.scores))
		ps.feats = parseFeatures(ps.feats[:0], &ps.st, ps.toks)
	}
	for b.Loop() {
		ps.feats = parseFeatures(ps.feats[:0], &ps.st, ps.toks)
	}
}

// BenchmarkNERFeatures times the recogniser's word properties and
// features over EWT dev.
func BenchmarkNERFeatures(b *testing.B) {
	sents := devOrSkip(b)
	m := loadOrFail(b)
	if m.NER == nil {
		b.Skip("no NER model")
	}
	tags := make([][]string, len(sents))
	words := 0
	for i, s := range sents {
		tags[i] = m.Tagger.JointTags(s.Form)
		words += len(s.Form)
	}
	var sc nerScratch
	for b.Loop() {
		for i, s := range sents {
			sc.infos = m.NER.infosScratch(sc.infos, s.Form, tags[i], 0, &sc)
			for j := range s.Form {
				sc.feats = nerFeatures(sc.feats[:0], sc.infos, j, 0, 0, false)
			}
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
