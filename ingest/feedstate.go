package ingest

import (
	"context"
	"time"
)

// FeedState is what a feed poller remembers of one feed between polls:
// the validators for a conditional GET and when to poll next.
type FeedState struct {
	URL          string    `json:"url"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	LastPolled   time.Time `json:"last_polled"`
	NextPoll     time.Time `json:"next_poll"`
	Failures     int       `json:"failures"` // consecutive failed polls; drives the backoff
	LastError    string    `json:"last_error,omitempty"`
}

// FeedStates keeps FeedState across runs (the archive implements it).
type FeedStates interface {
	Feed(ctx context.Context, url string) (st FeedState, ok bool, err error)
	SaveFeed(ctx context.Context, st FeedState) error
}
