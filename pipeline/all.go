package pipeline

import (
	"context"
	"iter"
	"sync"

	"tidings/article"
)

type result struct {
	an  *Analysis
	err error
}

// AnalyzeAll analyses the articles of in with workers goroutines and
// calls emit for each, in input order, with its analysis or with the error
// of reading or analysing it, as soon as it and those before it are done.
// It stops at the first error emit returns, or when ctx is done: then it
// returns at once, without waiting for the analyses in flight, which end
// at their next check of ctx and are not emitted.
func (p *Pipeline) AnalyzeAll(ctx context.Context, in iter.Seq2[article.Article, error], workers int, emit func(*Analysis, error) error) error {
	workers = max(workers, 1)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type job struct {
		a   article.Article
		err error
		out chan result
	}
	jobs := make(chan job, workers)
	pending := make(chan chan result, 2*workers) // result slots, in input order
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if j.err != nil {
					j.out <- result{err: j.err}
					continue
				}
				an, err := p.Analyze(ctx, j.a)
				j.out <- result{an, err}
			}
		}()
	}
	go func() {
		defer close(pending)
		defer close(jobs)
		for a, err := range in {
			out := make(chan result, 1)
			select {
			case pending <- out:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- job{a, err, out}:
			case <-ctx.Done():
				out <- result{err: ctx.Err()}
				return
			}
		}
	}()
	for out := range pending {
		var r result
		select {
		case r = <-out:
		case <-ctx.Done():
			return ctx.Err()
		}
		if ctx.Err() != nil {
			// A result may be ready in the same instant as the
			// cancellation; once cancelled nothing more is emitted.
			return ctx.Err()
		}
		if err := emit(r.an, r.err); err != nil {
			return err
		}
	}
	wg.Wait()
	return ctx.Err()
}
