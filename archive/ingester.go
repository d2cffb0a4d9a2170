package archive

import (
	"context"
	"errors"
	"iter"

	"tidings/article"
	"tidings/pipeline"
	"tidings/record"
	"tidings/store"
)

// Outcomes of an article, as reported.
const (
	StatusNew       = string(store.StatusNew)
	StatusDuplicate = string(store.StatusDuplicate)
	StatusFailed    = "failed"
)

// Report is what became of one article: the line that 'ingest --json'
// prints for it.
type Report struct {
	Origin          string `json:"origin"`
	ID              int64  `json:"id,omitempty"` // the archive's id
	Status          string `json:"status"`       // new, duplicate, failed (queued with ingest --queue)
	Story           int64  `json:"story,omitempty"`
	NearDuplicateOf int64  `json:"near_duplicate_of,omitempty"`
	Title           string `json:"title,omitempty"`
	Error           string `json:"error,omitempty"`
}

// Counts are the outcomes of the articles reported so far.
type Counts struct {
	New           int `json:"new"`
	Duplicate     int `json:"duplicate"`
	NearDuplicate int `json:"near_duplicate"`
	Failed        int `json:"failed"`
}

// Add counts r.
func (c *Counts) Add(r Report) {
	switch r.Status {
	case StatusFailed:
		c.Failed++
	case StatusDuplicate:
		c.Duplicate++
	case StatusNew:
		c.New++
		if r.NearDuplicateOf != 0 {
			c.NearDuplicate++
		}
	}
}

// Ingester analyses articles and stores them: articles the archive has
// already are reported as duplicates without analysis; the others are
// analysed, Workers at a time, and committed in input order by one writer,
// in batches of what has arrived (at most MaxBatch) while the next
// articles are analysed. Each article is reported after its batch has
// committed.
type Ingester struct {
	Store    store.Store
	Pipeline *pipeline.Pipeline
	Workers  int
	// Retry is the policy for an unavailable store, per batch.
	Retry Retry
	// Report is called for each article, in input order, once it is
	// committed (or failed); an error stops Run.
	Report func(Report) error

	counts Counts // written by the writer only; read after Run
}

// Counts returns the outcomes of the articles reported by all runs so far;
// call it when no Run is going on.
func (in *Ingester) Counts() Counts { return in.counts }

// knownArticle is how the reading side tells the storing side that an
// article is in the archive already, so it is not analysed again.
type knownArticle struct {
	origin string
	id     int64
}

func (k knownArticle) Error() string { return k.origin + ": already stored" }

// item is one article on its way to the archive: its analysis, or the
// report of why it has none.
type item struct {
	an  *pipeline.Analysis
	rep Report
}

// Run ingests the articles of seq. It returns an error when storing fails
// for the whole of a batch (nothing of it is reported), when Report fails,
// or when ctx ends; an article that cannot be read, analysed or stored is
// reported as failed and the others go on.
func (in *Ingester) Run(ctx context.Context, seq iter.Seq2[article.Article, error]) error {
	items := make(chan item, 2*MaxBatch)
	written := make(chan error, 1)
	go func() { written <- in.write(ctx, items) }()
	err := in.Pipeline.AnalyzeAll(ctx, in.skipKnown(ctx, seq), max(in.Workers, 1), func(an *pipeline.Analysis, err error) error {
		var known knownArticle
		it := item{an: an}
		switch {
		case errors.As(err, &known):
			it = item{rep: Report{Origin: known.origin, ID: known.id, Status: StatusDuplicate}}
		case err != nil:
			if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
				return err
			}
			it = item{rep: Report{Status: StatusFailed, Error: err.Error()}}
		}
		select {
		case items <- it:
			return nil
		case err := <-written: // the writer stopped early
			written <- err
			return err
		}
	})
	close(items)
	return errors.Join(err, <-written)
}

// write stores the analyses that arrive on items, in batches of what has
// arrived: nothing waits for a batch to fill, and batches grow only when
// analysis outpaces storing.
func (in *Ingester) write(ctx context.Context, items <-chan item) error {
	var batch []item
	for it := range items {
		batch = append(batch[:0], it)
	fill:
		for len(batch) < MaxBatch {
			select {
			case it, ok := <-items:
				if !ok {
					break fill
				}
				batch = append(batch, it)
			default:
				break fill
			}
		}
		if err := in.store(ctx, batch); err != nil {
			for range items { // let the analysis side finish
			}
			return err
		}
	}
	return nil
}

// store commits one batch and reports its items.
func (in *Ingester) store(ctx context.Context, batch []item) error {
	var recs []record.Record
	for _, it := range batch {
		if it.an != nil {
			recs = append(recs, it.an.Record())
		}
	}
	var res []store.PutResult
	var errs []error
	if len(recs) > 0 {
		var err error
		if res, errs, err = commitBatch(ctx, in.Store, in.Retry, recs); err != nil {
			return err // nothing of the batch was stored, nothing reported
		}
	}
	k := 0
	for _, it := range batch {
		rep := it.rep
		if it.an != nil {
			a := it.an.Article
			rep = Report{Origin: a.Origin, Title: a.Title}
			if err := errs[k]; err != nil {
				rep.Status, rep.Error = StatusFailed, err.Error()
			} else {
				r := res[k]
				rep.ID, rep.Status, rep.Story, rep.NearDuplicateOf = r.ID, string(r.Status), r.Story, r.NearDuplicateOf
			}
			k++
		}
		in.counts.Add(rep)
		if in.Report != nil {
			if err := in.Report(rep); err != nil {
				return err
			}
		}
	}
	return nil
}

// skipKnown turns the articles of seq that the archive has into
// knownArticle errors, so that they skip analysis.
func (in *Ingester) skipKnown(ctx context.Context, seq iter.Seq2[article.Article, error]) iter.Seq2[article.Article, error] {
	return func(yield func(article.Article, error) bool) {
		for a, err := range seq {
			if err == nil {
				id, kerr := in.Store.Known(ctx, a.URL, a.Text())
				switch {
				case kerr != nil:
					err = kerr
				case id != 0:
					err = knownArticle{origin: a.Origin, id: id}
				}
			}
			if !yield(a, err) {
				return
			}
		}
	}
}
