package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
	"time"

	"github.com/spf13/cobra"

	"tidings/article"
	"tidings/ingest"
	"tidings/pipeline"
)

// benchResult is bench's JSON line.
type benchResult struct {
	Articles       int     `json:"articles"`
	Passes         int     `json:"passes"`
	Workers        int     `json:"workers"`
	Bytes          int64   `json:"bytes"`
	Tokens         int64   `json:"tokens"`
	Seconds        float64 `json:"seconds"`
	ArticlesPerSec float64 `json:"articles_per_sec"`
	TokensPerSec   float64 `json:"tokens_per_sec"`
	MBPerSec       float64 `json:"mb_per_sec"`
}

func newBench() *cobra.Command {
	var inFormat string
	var workers int
	var minTime time.Duration
	var search bool
	var db string
	var queries int
	c := &cobra.Command{
		Use:   "bench [--in FORMAT] [--workers N] [--min-time D] PATH... | bench --search [--db FILE]",
		Short: "Measure the whole pipeline's throughput; a JSON object on the last line",
		Long: `Measure the throughput of the whole analysis pipeline.

The articles are read into memory first, so only analysis is timed; they are
analysed in passes until --min-time has elapsed (at least one pass). Output is
not written. --workers 1 measures one core.

With --search, measure instead the latency of searching the archive --db:
--queries queries built from the archive's own titles, tags and entities
(a fixed seed), one after another; percentiles on the last line.`,
		Example: "  tidings bench --workers 1 examples/\n  tidings bench --search --db news.db",
		Args: argsUsage(func(c *cobra.Command, args []string) error {
			if search {
				return cobra.NoArgs(c, args)
			}
			return cobra.MinimumNArgs(1)(c, args)
		}),
		RunE: func(cmd *cobra.Command, args []string) error {
			if search {
				if queries < 1 {
					return usagef("--queries must be at least 1")
				}
				return benchSearch(cmd.Context(), cmd.OutOrStdout(), db, queries)
			}
			format, err := ingest.ParseFormat(inFormat)
			if err != nil {
				return usageError{fmt.Errorf("--in: %w", err)}
			}
			if workers < 1 {
				return usagef("--workers must be at least 1")
			}
			ctx := cmd.Context()
			var arts []article.Article
			var bytes int64
			for a, err := range ingest.Sources(ctx, args, format, ingest.Options{}) {
				if err != nil {
					return inputError{err}
				}
				arts = append(arts, a)
				bytes += int64(len(a.Text()))
			}
			if len(arts) == 0 {
				return inputError{fmt.Errorf("bench: no articles in %v", args)}
			}
			p, err := pipeline.New()
			if err != nil {
				return err
			}
			prog := newProgress(-1, "benchmarking")
			var tokens atomic.Int64
			passes := 0
			start := time.Now()
			for passes == 0 || time.Since(start) < minTime {
				if err := ctx.Err(); err != nil {
					return err
				}
				if err := analyzeAll(cmd, p, arts, workers, &tokens); err != nil {
					return err
				}
				passes++
				prog.Add(len(arts))
			}
			elapsed := time.Since(start).Seconds()
			prog.Done()
			r := benchResult{
				Articles: len(arts), Passes: passes, Workers: workers,
				Bytes: bytes, Tokens: tokens.Load() / int64(passes), Seconds: elapsed,
				ArticlesPerSec: float64(len(arts)*passes) / elapsed,
				TokensPerSec:   float64(tokens.Load()) / elapsed,
				MBPerSec:       float64(bytes*int64(passes)) / elapsed / 1e6,
			}
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "%d articles (%d bytes, %d tokens) x %d passes on %d worker(s) in %.2fs\n",
				r.Articles, r.Bytes, r.Tokens, r.Passes, r.Workers, r.Seconds)
			fmt.Fprintf(out, "%.0f articles/s, %.0f tokens/s, %.2f MB/s\n", r.ArticlesPerSec, r.TokensPerSec, r.MBPerSec)
			return printJSON(out, r)
		},
	}
	c.Flags().StringVar(&inFormat, "in", "auto", "input format: "+formatNames())
	c.Flags().IntVar(&workers, "workers", 1, fmt.Sprintf("analyses run at once (this machine has %d cores)", runtime.NumCPU()))
	c.Flags().DurationVar(&minTime, "min-time", 3*time.Second, "keep analysing in passes for at least this long")
	c.Flags().BoolVar(&search, "search", false, "measure search latency over the archive --db instead")
	c.Flags().StringVar(&db, "db", defaultDB(), "the archive, with --search; env TIDINGS_DB")
	c.Flags().IntVar(&queries, "queries", 2000, "queries to run, with --search")
	return c
}

// analyzeAll analyses every article once with the given number of workers.
func analyzeAll(cmd *cobra.Command, p *pipeline.Pipeline, arts []article.Article, workers int, tokens *atomic.Int64) error {
	all := func(yield func(article.Article, error) bool) {
		for _, a := range arts {
			if !yield(a, nil) {
				return
			}
		}
	}
	return p.AnalyzeAll(cmd.Context(), all, workers, func(an *pipeline.Analysis, err error) error {
		if err != nil {
			return err
		}
		tokens.Add(int64(len(an.Doc.Tokens)))
		return nil
	})
}
