package store

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"tidings/ingest"
	"tidings/pipeline"
	"tidings/record"
)

var (
	exampleOnce    sync.Once
	exampleRecords []record.Record
	exampleErr     error
)

// reutersSlice is real news for the benchmarks: the first 1,000 articles of
// Reuters-21578 in ../shared (benchmarks skip without it).
const reutersSlice = "../../shared/data/reuters21578/reut2-000.sgm"

// examples analyses the articles of reutersSlice once.
func examples(b *testing.B) []record.Record {
	if _, err := os.Stat(reutersSlice); err != nil {
		b.Skipf("skipping: needs the shared data (%v)", err)
	}
	exampleOnce.Do(func() {
		p, err := pipeline.New()
		if err != nil {
			exampleErr = err
			return
		}
		ctx := context.Background()
		for a, err := range ingest.Sources(ctx, []string{reutersSlice}, ingest.Auto, ingest.Options{}) {
			if err != nil {
				exampleErr = err
				return
			}
			an, err := p.Analyze(ctx, a)
			if err != nil {
				exampleErr = err
				return
			}
			exampleRecords = append(exampleRecords, an.Record())
		}
	})
	if exampleErr != nil {
		b.Fatal(exampleErr)
	}
	return exampleRecords
}

// BenchmarkPut stores analysed articles into a fresh archive; after the
// first pass over the slice, every Put is a duplicate.
func BenchmarkPut(b *testing.B) {
	recs := examples(b)
	s, err := OpenSQLite(context.Background(), filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := s.Put(ctx, recs[i%len(recs)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkSearch runs a ranked query with a filter over a small archive.
func BenchmarkSearch(b *testing.B) {
	recs := examples(b)
	s, err := OpenSQLite(context.Background(), filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	for _, r := range recs {
		if _, err := s.Put(ctx, r); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Search(ctx, Query{Text: "oil prices", From: day0("1987-02-26")}); err != nil {
			b.Fatal(err)
		}
	}
}
