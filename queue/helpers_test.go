package queue

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"tidings/article"
)

// connect opens a queue for a test with fast reconnection and a logger
// writing to the test's log; it is closed when the test ends.
func connect(t *testing.T, url string, opt Options) *Queue {
	t.Helper()
	if opt.Logger == nil {
		opt.Logger = slog.New(slog.NewTextHandler(t.Output(), &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	opt.NATS = append(opt.NATS, nats.ReconnectWait(50*time.Millisecond), nats.ReconnectJitter(0, 0))
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	q, err := Connect(ctx, url, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	return q
}

// testArticle is the ith article of a test, with its own URL.
func testArticle(i int) article.Article {
	return article.Article{
		ID:     fmt.Sprintf("a%d", i),
		URL:    fmt.Sprintf("https://news.example/%d", i),
		Title:  fmt.Sprintf("Story number %d", i),
		Body:   "Ministers met on Tuesday to discuss the harbour project.",
		Origin: fmt.Sprintf("test:%d", i),
	}
}

func publishN(t *testing.T, q *Queue, from, to int) {
	t.Helper()
	p := q.NewPublisher(64, nil)
	for i := from; i < to; i++ {
		if err := p.Publish(context.Background(), testArticle(i)); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.Wait(); err != nil {
		t.Fatal(err)
	}
}

// runningWorker is a Work call running in the background.
type runningWorker struct {
	cancel context.CancelFunc
	done   chan error
}

// startWork runs q.Work in the background. Fetches wait 200ms unless opt
// says otherwise, so that stops are quick.
func startWork(q *Queue, opt WorkOptions, handle func(context.Context, article.Article) error) *runningWorker {
	if opt.FetchWait == 0 {
		opt.FetchWait = 200 * time.Millisecond
	}
	ctx, cancel := context.WithCancel(context.Background())
	w := &runningWorker{cancel: cancel, done: make(chan error, 1)}
	go func() { w.done <- q.Work(ctx, opt, handle) }()
	return w
}

// stop cancels the worker and returns what Work returned.
func (w *runningWorker) stop(t *testing.T) error {
	t.Helper()
	w.cancel()
	select {
	case err := <-w.done:
		return err
	case <-time.After(30 * time.Second):
		t.Fatal("Work did not return after its context was cancelled")
		return nil
	}
}

// waitFor polls cond until it holds, failing the test after timeout.
func waitFor(t *testing.T, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", timeout, what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func pending(t *testing.T, q *Queue) int {
	t.Helper()
	n, err := q.Pending(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// recorder counts the handler's calls per article ID.
type recorder struct {
	mu    sync.Mutex
	calls map[string]int
}

func newRecorder() *recorder { return &recorder{calls: make(map[string]int)} }

func (r *recorder) add(id string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls[id]++
	return r.calls[id]
}

func (r *recorder) count(id string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.calls[id]
}

func (r *recorder) distinct() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.calls)
}

func discardLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }
