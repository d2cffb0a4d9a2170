package archive

import (
	"context"
	"errors"
	"time"

	"tidings/store"
)

// The backoff between tries of an unavailable store or queue: doubling
// from FirstBackoff up to MaxBackoff. A few seconds at most, so that work
// resumes soon after a database or NATS restart.
const (
	FirstBackoff = 250 * time.Millisecond
	MaxBackoff   = 5 * time.Second
)

// DefaultStoreWait is how long a writer retries an unavailable store
// before giving up on what it holds.
const DefaultStoreWait = 2 * time.Minute

// Retry is the policy for a store (or queue) that is unavailable for a
// while, as during a PostgreSQL restart: try again with backoff, for Wait
// in all.
type Retry struct {
	// Wait bounds the time spent retrying; 0 tries once.
	Wait time.Duration
	// Transient tells the errors worth retrying; nil is store.IsTransient.
	Transient func(error) bool
	// OnRetry, if set, is told of each retry before its wait.
	OnRetry func(wait time.Duration, err error)
}

// Do calls try until it succeeds, fails for good, or Wait is over; it
// returns try's last error (or, when ctx ends during a wait, that error
// joined with ctx's).
func (r Retry) Do(ctx context.Context, try func() error) error {
	transient := r.Transient
	if transient == nil {
		transient = store.IsTransient
	}
	deadline := time.Now().Add(r.Wait)
	for wait := FirstBackoff; ; wait = min(2*wait, MaxBackoff) {
		err := try()
		if err == nil || !transient(err) || time.Now().Add(wait).After(deadline) {
			return err
		}
		if r.OnRetry != nil {
			r.OnRetry(wait, err)
		}
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return errors.Join(err, ctx.Err())
		}
	}
}
