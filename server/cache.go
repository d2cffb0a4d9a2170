package server

import (
	"context"
	"sync"
	"time"
)

// summaryTTL is how long the search page reuses the archive-wide counts
// (stats, top tags, the whole timeline). Each is a scan of a large table,
// and the page is the most visited; a few seconds of staleness is
// invisible to a reader. The API always answers fresh counts.
const summaryTTL = 5 * time.Second

// cached holds one value computed at most once per summaryTTL. Concurrent
// callers of an expired value wait for one computation instead of each
// running it.
type cached[T any] struct {
	mu    sync.Mutex
	value T
	at    time.Time
}

// get returns the cached value, or computes it with load when absent or
// older than summaryTTL. A failed load is not cached.
func (c *cached[T]) get(ctx context.Context, load func(context.Context) (T, error)) (T, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.at.IsZero() && time.Since(c.at) < summaryTTL {
		return c.value, nil
	}
	v, err := load(ctx)
	if err != nil {
		var zero T
		return zero, err
	}
	c.value, c.at = v, time.Now()
	return v, nil
}
