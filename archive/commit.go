package archive

import (
	"context"
	"sync"
	"time"

	"tidings/record"
	"tidings/store"
)

// MaxBatch bounds the articles of one transaction, for all writers.
// PostgreSQL gives each article a savepoint, and a long batch holds the
// rows that every article updates (the counters of the commonest entities
// and tags) longer, which serialises the workers of all machines; past a
// few dozen articles a batch saves no more commits worth having (see the
// README's "Running on several machines").
const MaxBatch = 32

// CommitTimeout bounds one transaction, whatever the callers' contexts: a
// group commit is shared, so no one caller's cancellation ends it.
const CommitTimeout = time.Minute

// commitBatch stores recs in one transaction, within ctx and CommitTimeout, retrying
// an unavailable store by retry. res and errs are per record, as
// store.PutBatch gives them; err means nothing was stored.
func commitBatch(ctx context.Context, st store.Store, retry Retry, recs []record.Record) (res []store.PutResult, errs []error, err error) {
	err = retry.Do(ctx, func() error {
		tctx, cancel := context.WithTimeout(ctx, CommitTimeout)
		defer cancel()
		var err error
		res, errs, err = st.PutBatch(tctx, recs)
		return err
	})
	return res, errs, err
}

// Committer stores the analyses of concurrent callers together: one
// transaction for what has arrived while the previous one committed, up to
// MaxBatch. Fewer commits mean fewer disk flushes and fewer turns at the
// shared counter rows. A goroutine commits while requests are waiting and
// ends when none is, so an idle Committer holds nothing.
type Committer struct {
	st store.Store

	mu         sync.Mutex
	waiting    []commitReq
	committing bool // the committing goroutine is running
	running    sync.WaitGroup
}

type commitReq struct {
	rec   record.Record
	reply chan commitResult // buffered: the committer never waits on it
}

type commitResult struct {
	res store.PutResult
	err error
}

// NewCommitter returns a Committer that stores in st.
func NewCommitter(st store.Store) *Committer { return &Committer{st: st} }

// Put stores rec in the next group and returns its result; it tries once
// (PutRetrying retries). When ctx ends first, rec may still be stored: the
// archive then reports it as a duplicate when it comes again.
func (c *Committer) Put(ctx context.Context, rec record.Record) (store.PutResult, error) {
	req := commitReq{rec: rec, reply: make(chan commitResult, 1)}
	c.mu.Lock()
	c.waiting = append(c.waiting, req)
	if !c.committing {
		c.committing = true
		c.running.Add(1)
		go c.commitWaiting()
	}
	c.mu.Unlock()
	select {
	case r := <-req.reply:
		return r.res, r.err
	case <-ctx.Done():
		return store.PutResult{}, ctx.Err()
	}
}

// PutRetrying is Put, retried by retry while the store is unavailable.
func (c *Committer) PutRetrying(ctx context.Context, rec record.Record, retry Retry) (store.PutResult, error) {
	var res store.PutResult
	err := retry.Do(ctx, func() error {
		var err error
		res, err = c.Put(ctx, rec)
		return err
	})
	return res, err
}

// Close waits for the commit in progress, if any: call it once no Put is
// running, before closing the store.
func (c *Committer) Close() { c.running.Wait() }

// commitWaiting commits the waiting requests, MaxBatch at a time, until
// none is left.
func (c *Committer) commitWaiting() {
	defer c.running.Done()
	for {
		c.mu.Lock()
		n := min(len(c.waiting), MaxBatch)
		if n == 0 {
			c.committing = false
			c.mu.Unlock()
			return
		}
		group := c.waiting[:n:n]
		c.waiting = c.waiting[n:]
		c.mu.Unlock()
		recs := make([]record.Record, len(group))
		for i, r := range group {
			recs[i] = r.rec
		}
		// One try: each caller retries its own article by its own policy.
		res, errs, err := commitBatch(context.Background(), c.st, Retry{}, recs)
		for i, r := range group {
			if err != nil {
				r.reply <- commitResult{err: err}
			} else {
				r.reply <- commitResult{res: res[i], err: errs[i]}
			}
		}
	}
}
