package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"runtime"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"tidings/archive"
	"tidings/article"
	"tidings/pipeline"
	"tidings/queue"
	"tidings/store"
)

// workerSummary is the JSON line a worker prints when it stops.
type workerSummary struct {
	New          int         `json:"new"`
	Duplicate    int         `json:"duplicate"`
	StoreRetries int         `json:"store_retries"` // waits for an unavailable store
	Seconds      float64     `json:"seconds"`
	ArticlesPerS float64     `json:"articles_per_sec"`
	Queue        queue.Stats `json:"queue"`
	QueuePending int         `json:"queue_pending"`
}

type workerFlags struct {
	queueURL, db string
	pipelineFlags
	workers, maxDeliver int
	ackWait, storeWait  time.Duration
	verbose             bool
	deadLetters         int
}

func newWorker() *cobra.Command {
	var f workerFlags
	c := &cobra.Command{
		Use:   "worker --queue nats://HOST:PORT [--db DSN] [--workers N]",
		Short: "Analyse and store the articles that 'tidings ingest --queue' queued",
		Long: `Take articles from a NATS JetStream queue, analyse them and store them in the
archive --db (a postgres:// URL when several machines share it; a SQLite file
serves one machine). Run as many workers as there are machines and cores.

An article is acknowledged only once the archive has committed it, so an
article whose worker dies is delivered again to another; the archive drops
what it already has, so each article is stored once. When the archive is
unreachable, a worker waits and retries (backoff up to --store-wait per
article, after which the article goes back to the queue). An article that
cannot be analysed or stored, or that failed --max-deliver times, moves to
the dead-letter subject tidings.dead with the reason.

SIGINT or SIGTERM stops a worker gracefully: it takes no more articles,
finishes those in hand (or gives them back), and prints a JSON summary.`,
		Example: `  tidings worker --queue nats://127.0.0.1:4222 --db postgres://tidings@db:5432/news
  TIDINGS_DB=postgres://tidings@db/news tidings worker --queue nats://nats:4222 --workers 2`,
		Args: argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error { return runWorker(cmd, f) },
	}
	fl := c.Flags()
	fl.StringVar(&f.queueURL, "queue", os.Getenv("TIDINGS_QUEUE"), "the NATS JetStream server (nats://HOST:PORT; required); env TIDINGS_QUEUE")
	fl.StringVar(&f.db, "db", defaultDB(), "the archive: postgres://… or a SQLite file; env TIDINGS_DB")
	fl.IntVar(&f.workers, "workers", runtime.NumCPU(), "articles analysed at once")
	fl.IntVar(&f.maxDeliver, "max-deliver", 0, "tries of an article before it is dead-lettered (0: keep the queue's setting, 5 for a new queue)")
	fl.DurationVar(&f.ackWait, "ack-wait", 0, "how long a silent worker keeps its articles before they go to another (0: keep the queue's setting, 2m for a new queue)")
	fl.DurationVar(&f.storeWait, "store-wait", 2*time.Minute, "how long to retry an unavailable archive before giving an article back to the queue, and to wait at start for the archive and the queue")
	f.register(c)
	fl.BoolVarP(&f.verbose, "verbose", "v", false, "log every article")
	fl.IntVar(&f.deadLetters, "dead-letters", 0, "print the oldest N dead letters (reason, origin, deliveries) as JSON and exit")
	return c
}

func runWorker(cmd *cobra.Command, f workerFlags) error {
	if f.queueURL == "" {
		return usagef("worker: --queue is required (nats://HOST:PORT)")
	}
	if f.workers < 1 || f.maxDeliver < 0 || f.ackWait < 0 || f.storeWait <= 0 {
		return usagef("worker: --workers must be at least 1, --max-deliver and --ack-wait not negative, --store-wait positive")
	}
	ctx := cmd.Context()
	if f.deadLetters > 0 {
		q, err := queue.Connect(ctx, f.queueURL, queue.Options{Name: "tidings worker --dead-letters", Logger: quietLogger(cmd.ErrOrStderr())})
		if err != nil {
			return inputError{err}
		}
		defer q.Close()
		dead, err := q.DeadLetters(ctx, f.deadLetters)
		if err != nil {
			return inputError{err}
		}
		return printJSON(cmd.OutOrStdout(), dead)
	}
	level := slog.LevelInfo
	if f.verbose {
		level = slog.LevelDebug
	}
	log := slog.New(slog.NewTextHandler(cmd.ErrOrStderr(), &slog.HandlerOptions{Level: level}))
	st, err := openStoreRetrying(ctx, f.db, f.storeWait, log)
	if err != nil {
		return inputError{err}
	}
	defer st.Close()
	p, err := f.pipeline(false)
	if err != nil {
		return err
	}
	q, err := connectQueueRetrying(ctx, f.queueURL, queue.Options{Name: "tidings worker", Logger: log, MaxDeliver: f.maxDeliver, AckWait: f.ackWait}, f.storeWait, log)
	if err != nil {
		return inputError{err}
	}
	defer q.Close()
	commits := archive.NewCommitter(st)
	defer commits.Close()
	h := &articleHandler{p: p, st: st, log: log, storeWait: f.storeWait, analysing: make(chan struct{}, f.workers), commits: commits}
	log.Info("worker started", "queue", f.queueURL, "workers", f.workers)
	start := time.Now()
	// More articles in hand than analyses at once: while some wait on the
	// archive's commit or the queue's acknowledgement, others are analysed.
	stopProgress := h.logProgress(ctx, 30*time.Second)
	workErr := q.Work(ctx, queue.WorkOptions{Concurrency: inHandPerWorker * f.workers}, h.handle)
	stopProgress()
	sum := h.summary()
	sum.Seconds = time.Since(start).Seconds()
	sum.ArticlesPerS = float64(sum.New+sum.Duplicate) / sum.Seconds
	sum.Queue = q.Stats()
	if n, err := q.Pending(context.WithoutCancel(ctx)); err == nil {
		sum.QueuePending = n
	}
	if err := printJSON(cmd.OutOrStdout(), sum); err != nil {
		return err
	}
	return workErr
}

// inHandPerWorker is how many articles a worker holds per analysis slot.
const inHandPerWorker = 8

// articleHandler analyses and stores one queued article.
type articleHandler struct {
	p         *pipeline.Pipeline
	st        store.Store
	log       *slog.Logger
	storeWait time.Duration
	analysing chan struct{} // one token per analysis running: bounds the cores used
	commits   *archive.Committer

	mu  sync.Mutex
	sum workerSummary
}

// handle returns nil once the article is committed (or was stored
// already); an error marked permanent for an article that no retry can
// store; another error to have it delivered again later.
func (h *articleHandler) handle(ctx context.Context, a article.Article) error {
	select {
	case h.analysing <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	an, err := h.p.Analyze(ctx, a)
	<-h.analysing
	if err != nil {
		if ctx.Err() != nil {
			return err
		}
		return queue.Permanent(fmt.Errorf("analysing %s: %w", a.Origin, err))
	}
	res, err := h.commits.PutRetrying(ctx, an.Record(), archive.Retry{Wait: h.storeWait, OnRetry: func(wait time.Duration, err error) {
		h.mu.Lock()
		h.sum.StoreRetries++
		h.mu.Unlock()
		h.log.Warn("archive unavailable, retrying", "origin", a.Origin, "in", wait, "error", err)
	}})
	switch {
	case err == nil:
	case ctx.Err() != nil:
		return err
	case store.IsTransient(err):
		return fmt.Errorf("the archive is unavailable: %w", err) // back to the queue
	default:
		return queue.Permanent(err)
	}
	h.mu.Lock()
	if res.Status == store.StatusNew {
		h.sum.New++
	} else {
		h.sum.Duplicate++
	}
	h.mu.Unlock()
	h.log.Debug("stored", "origin", a.Origin, "id", res.ID, "status", res.Status)
	return nil
}

// logProgress logs what the worker has stored every interval until the
// returned function is called: a worker runs for days, and its log is
// where an operator looks.
func (h *articleHandler) logProgress(ctx context.Context, interval time.Duration) (stop func()) {
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		tick := time.NewTicker(interval)
		defer tick.Stop()
		last := 0
		for {
			select {
			case <-tick.C:
				s := h.summary()
				n := s.New + s.Duplicate
				h.log.Info("progress", "new", s.New, "duplicate", s.Duplicate, "store_retries", s.StoreRetries,
					"per_sec", float64(n-last)/interval.Seconds())
				last = n
			case <-done:
				return
			case <-ctx.Done():
				return
			}
		}
	}()
	return func() { close(done); <-stopped }
}

func (h *articleHandler) summary() workerSummary {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.sum
}

// openStoreRetrying opens the archive, waiting up to wait for a database
// that is not up yet (workers often start before it).
func openStoreRetrying(ctx context.Context, dsn string, wait time.Duration, log *slog.Logger) (store.Store, error) {
	var st store.Store
	err := archive.Retry{Wait: wait, OnRetry: func(backoff time.Duration, err error) {
		log.Warn("archive unavailable, retrying", "in", backoff, "error", err)
	}}.Do(ctx, func() error {
		var err error
		st, err = store.Open(ctx, dsn)
		return err
	})
	return st, err
}

// connectQueueRetrying connects to the queue, waiting up to wait for a
// NATS server that is not up yet, as openStoreRetrying waits for the
// archive: a worker may start before either.
func connectQueueRetrying(ctx context.Context, url string, opt queue.Options, wait time.Duration, log *slog.Logger) (*queue.Queue, error) {
	var q *queue.Queue
	err := archive.Retry{Wait: wait, Transient: queue.IsUnreachable, OnRetry: func(backoff time.Duration, err error) {
		log.Warn("queue unavailable, retrying", "in", backoff, "error", err)
	}}.Do(ctx, func() error {
		var err error
		q, err = queue.Connect(ctx, url, opt)
		return err
	})
	return q, err
}
