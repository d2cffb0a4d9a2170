package main

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
	"unicode"

	"tidings/store"
)

// searchBenchResult is bench --search's JSON line.
type searchBenchResult struct {
	Queries       int     `json:"queries"`
	Articles      int     `json:"archive_articles"`
	Seconds       float64 `json:"seconds"`
	QueriesPerSec float64 `json:"queries_per_sec"`
	P50ms         float64 `json:"p50_ms"`
	P90ms         float64 `json:"p90_ms"`
	P99ms         float64 `json:"p99_ms"`
	Maxms         float64 `json:"max_ms"`
	MeanHits      float64 `json:"mean_total_hits"`
}

// searchWorkload builds n queries from the archive itself (fixed seed):
// one or two words of stored titles, some with a tag, entity or date
// filter, as a reader of the archive would type them.
func searchWorkload(ctx context.Context, st store.Store, n int) ([]store.Query, error) {
	page, err := st.Search(ctx, store.Query{Limit: store.MaxLimit})
	if err != nil {
		return nil, err
	}
	tags, err := st.Tags(ctx, "", 50)
	if err != nil {
		return nil, err
	}
	ents, err := st.Entities(ctx, "", 50)
	if err != nil {
		return nil, err
	}
	var words []string
	for _, h := range page.Hits {
		for _, w := range strings.FieldsFunc(strings.ToLower(h.Title), func(r rune) bool { return !unicode.IsLetter(r) }) {
			if len(w) >= 4 {
				words = append(words, w)
			}
		}
	}
	if len(words) == 0 {
		return nil, fmt.Errorf("the archive has no titles to build queries from")
	}
	rng := rand.New(rand.NewPCG(1, 2))
	qs := make([]store.Query, n)
	for i := range qs {
		q := store.Query{Text: words[rng.IntN(len(words))]}
		switch i % 10 {
		case 1, 2, 3:
			q.Text += " " + words[rng.IntN(len(words))]
		case 4:
			if len(tags) > 0 {
				q.Tag = tags[rng.IntN(len(tags))].Tag
			}
		case 5:
			if len(ents) > 0 {
				q.Entity = ents[rng.IntN(len(ents))].ID
			}
		case 6:
			q.Text = `"` + q.Text + `"`
		case 7:
			q.From = time.Date(1987, 3, 1, 0, 0, 0, 0, time.UTC)
			q.To = time.Date(1987, 3, 31, 0, 0, 0, 0, time.UTC)
		case 8:
			q.Offset = 20
		}
		qs[i] = q
	}
	return qs, nil
}

// benchSearch runs n queries one after another and reports latencies.
func benchSearch(ctx context.Context, out io.Writer, db string, n int) error {
	st, err := store.Open(ctx, db)
	if err != nil {
		return inputError{err}
	}
	defer st.Close()
	stats, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	if stats.Articles == 0 {
		return inputError{fmt.Errorf("archive %s is empty (fill it with 'tidings ingest --db %s SOURCE')", db, db)}
	}
	qs, err := searchWorkload(ctx, st, n)
	if err != nil {
		return inputError{fmt.Errorf("archive %s: %w", db, err)}
	}
	for _, q := range qs[:min(len(qs), 50)] { // warm the page cache
		if _, err := st.Search(ctx, q); err != nil {
			return err
		}
	}
	prog := newProgress(int64(n), "searching")
	lat := make([]time.Duration, len(qs))
	hits := 0
	start := time.Now()
	for i, q := range qs {
		t := time.Now()
		res, err := st.Search(ctx, q)
		if err != nil {
			return err
		}
		lat[i] = time.Since(t)
		hits += res.Total
		prog.Add(1)
	}
	elapsed := time.Since(start)
	prog.Done()
	slices.Sort(lat)
	ms := func(p float64) float64 {
		return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
	}
	r := searchBenchResult{
		Queries: n, Articles: stats.Articles, Seconds: elapsed.Seconds(),
		QueriesPerSec: float64(n) / elapsed.Seconds(),
		P50ms:         ms(0.50), P90ms: ms(0.90), P99ms: ms(0.99),
		Maxms:    float64(lat[len(lat)-1].Microseconds()) / 1000,
		MeanHits: float64(hits) / float64(n),
	}
	fmt.Fprintf(out, "%d queries over %d articles in %.2fs: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
		n, r.Articles, r.Seconds, r.P50ms, r.P90ms, r.P99ms, r.Maxms)
	return printJSON(out, r)
}
