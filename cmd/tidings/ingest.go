package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"tidings/archive"
	"tidings/article"
	"tidings/ingest"
	"tidings/queue"
	"tidings/store"
)

// defaultDB is the archive used when --db is not given: $TIDINGS_DB, else
// tidings.db in the user's data directory (XDG_DATA_HOME).
func defaultDB() string {
	if p := os.Getenv("TIDINGS_DB"); p != "" {
		return p
	}
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "tidings.db"
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "tidings", "tidings.db")
}

// ingestSummary is ingest's last line.
type ingestSummary struct {
	archive.Counts
	Seconds         float64 `json:"seconds"`
	ArticlesPerSec  float64 `json:"articles_per_sec"`
	DB              string  `json:"db"`
	ArchiveArticles int     `json:"archive_articles"`
	// With --queue: articles handed to the queue, and re-sends that the
	// queue dropped as already queued.
	Queued          int `json:"queued,omitempty"`
	QueueDuplicates int `json:"queue_duplicates,omitempty"`
}

type ingestFlags struct {
	db, inFormat string
	pipelineFlags
	workers       int
	asJSON, watch bool
	concurrency   int
	interval      time.Duration
	queue         string
}

func newIngest() *cobra.Command {
	var f ingestFlags
	c := &cobra.Command{
		Use:   "ingest [--db FILE] [--in FORMAT] [--watch] [--json] SOURCE...",
		Short: "Analyse articles and store them in the archive",
		Long: `Analyse articles and store them, with their analyses, in the archive.

A SOURCE is a file, a directory (every file in it, recursively), - for stdin,
the URL of a web page or of an RSS/Atom feed, or an OPML file of feeds.
Ingest is idempotent: an article whose URL or normalised text is stored
already is reported as a duplicate and not analysed again; a near-duplicate
(the same story, edited) is stored and joins that story.

With --watch, the feeds (feed URLs and the feeds of OPML files) are polled on
their own schedule (the feed's ttl or HTTP caching headers, else --interval)
with conditional GETs and backoff on errors, until interrupted.

With --queue nats://HOST:PORT, articles are not analysed here: they are
published to a NATS JetStream stream, and 'tidings worker' processes on any
machine analyse and store them. An article is reported as queued once
JetStream has stored it; one queued again within two minutes is dropped as a
duplicate (and the archive drops later ones). With --watch, the feeds'
polling state is still kept in --db.

A bad source or article is reported on stderr and skipped, never stored in
part. Every article reported as stored is committed. The last line on stdout
is a summary (with --json, a JSON object; --json also prints one JSON line
per article as it is stored).`,
		Example: `  tidings ingest --db news.db ../shared/data/reuters21578/
  tidings ingest --db news.db --watch feeds.opml
  tidings ingest --json https://example.org/world/rss.xml`,
		Args: argsUsage(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error { return runIngest(cmd, f, args) },
	}
	fl := c.Flags()
	fl.StringVar(&f.db, "db", defaultDB(), "the archive: a SQLite file (created if missing); env TIDINGS_DB")
	fl.StringVar(&f.inFormat, "in", "auto", "input format: "+formatNames())
	fl.IntVar(&f.workers, "workers", runtime.NumCPU(), "articles analysed at once")
	fl.BoolVar(&f.asJSON, "json", false, "print one JSON line per article and a JSON summary")
	fl.BoolVar(&f.watch, "watch", false, "keep polling the feeds until interrupted")
	fl.IntVar(&f.concurrency, "fetches", 4, "feeds fetched at once with --watch")
	fl.StringVar(&f.queue, "queue", "", "a NATS JetStream server (nats://HOST:PORT): queue the articles for 'tidings worker' instead of analysing them here")
	fl.DurationVar(&f.interval, "interval", ingest.DefaultPollInterval, "with --watch, how often to poll a feed that gives no schedule of its own")
	f.registerPublished(c)
	f.register(c)
	return c
}

func runIngest(cmd *cobra.Command, f ingestFlags, args []string) error {
	format, err := ingest.ParseFormat(f.inFormat)
	if err != nil {
		return usageError{fmt.Errorf("--in: %w", err)}
	}
	pub, err := f.publishedDate()
	if err != nil {
		return err
	}
	if f.workers < 1 || f.concurrency < 1 {
		return usagef("--workers and --fetches must be at least 1")
	}
	ctx := cmd.Context()
	stderr := cmd.ErrOrStderr()
	files, feeds, err := expandOPML(args, func(err error) { fmt.Fprintf(stderr, "tidings: warning: %v\n", err) })
	if err != nil {
		return inputError{err}
	}
	in := &ingester{out: cmd.OutOrStdout(), stderr: stderr, asJSON: f.asJSON, interval: f.interval}
	if f.queue != "" {
		// Workers analyse and store; here articles are only read and
		// queued, stamped with the default date that analysis would use.
		q, err := queue.Connect(ctx, f.queue, queue.Options{Name: "tidings ingest", Logger: quietLogger(stderr)})
		if err != nil {
			return inputError{err}
		}
		defer q.Close()
		in.queue, in.defaultPublished = q, pub
	}
	if f.queue == "" || f.watch { // the archive, or with --queue only the feeds' polling state
		st, err := store.Open(ctx, f.db)
		if err != nil {
			return inputError{err}
		}
		defer st.Close()
		in.st = st
	}
	if f.queue == "" {
		// The archive stores the analysis object, which has no dependency
		// parse and does not depend on it: the parse is skipped.
		p, err := f.pipeline(false)
		if err != nil {
			return err
		}
		in.archive = &archive.Ingester{Store: in.st, Pipeline: p, Workers: f.workers,
			Retry: archive.Retry{Wait: archive.DefaultStoreWait, OnRetry: func(wait time.Duration, err error) {
				fmt.Fprintf(stderr, "tidings: warning: the archive is unavailable, retrying in %v: %v\n", wait, err)
			}},
			Report: in.account}
	}
	st := in.st
	opt := ingest.Options{Stdin: cmd.InOrStdin(), Warn: func(msg string) { fmt.Fprintf(stderr, "tidings: warning: %s\n", msg) }}
	prog := newProgress(-1, "ingesting")
	in.progress = prog
	start := time.Now()
	sources := files
	if !f.watch {
		sources = append(sources, feeds...)
	}
	runErr := in.run(ctx, ingest.Sources(ctx, sources, format, opt))
	if runErr == nil && f.watch {
		runErr = in.watch(ctx, feeds, args, f.concurrency, opt)
	}
	prog.Done()
	sum := in.sum
	if in.archive != nil {
		sum.Counts = in.archive.Counts()
	}
	if in.queue != nil {
		qs := in.queue.Stats()
		sum.Queued, sum.QueueDuplicates = int(qs.Published-qs.Duplicates), int(qs.Duplicates)
	}
	if o, ok := st.(interface{ Optimize(context.Context) error }); ok && sum.New > 0 {
		// After a bulk load, a merged text index answers searches faster.
		if err := o.Optimize(context.WithoutCancel(ctx)); err != nil {
			fmt.Fprintf(stderr, "tidings: warning: %v\n", err)
		}
	}
	sum.Seconds = time.Now().Sub(start).Seconds()
	if sum.Seconds > 0 {
		sum.ArticlesPerSec = float64(sum.New+sum.Duplicate+sum.Queued+sum.QueueDuplicates) / sum.Seconds
	}
	if in.queue == nil {
		sum.DB = f.db
		if stats, err := st.Stats(context.WithoutCancel(ctx)); err == nil {
			sum.ArchiveArticles = stats.Articles
		}
	}
	switch {
	case f.asJSON:
		if err := printJSON(in.out, sum); err != nil {
			return err
		}
	case in.queue != nil:
		fmt.Fprintf(in.out, "%d queued, %d already queued, %d failed in %.1fs (%.0f articles/s) on %s\n",
			sum.Queued, sum.QueueDuplicates, sum.Failed, sum.Seconds, sum.ArticlesPerSec, f.queue)
	default:
		fmt.Fprintf(in.out, "%d new (%d near-duplicates), %d duplicate, %d failed in %.1fs (%.0f articles/s); the archive %s holds %d articles\n",
			sum.New, sum.NearDuplicate, sum.Duplicate, sum.Failed, sum.Seconds, sum.ArticlesPerSec, sum.DB, sum.ArchiveArticles)
	}
	if runErr != nil && !(f.watch && errors.Is(runErr, context.Canceled)) {
		return runErr
	}
	if sum.Failed > 0 {
		return inputError{fmt.Errorf("%d article(s) or source(s) failed", sum.Failed)}
	}
	return nil
}

// expandOPML replaces each OPML file among args by its feeds' URLs.
// Feed URLs given directly go to feeds too when they look like feeds; the
// caller decides (with --watch) whether to poll them.
func expandOPML(args []string, warn func(error)) (files, feeds []string, err error) {
	for _, arg := range args {
		if isURL(arg) {
			feeds = append(feeds, arg)
			continue
		}
		if arg == "-" || !strings.EqualFold(filepath.Ext(arg), ".opml") && !sniffOPML(arg) {
			files = append(files, arg)
			continue
		}
		r, err := os.Open(arg)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", arg, err)
		}
		list, err := ingest.ReadOPML(arg, r)
		r.Close()
		if err != nil && len(list) == 0 {
			return nil, nil, err
		}
		if err != nil { // some outlines are bad: say which, poll the others
			warn(err)
		}
		for _, fd := range list {
			feeds = append(feeds, fd.URL)
		}
	}
	return files, feeds, nil
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// sniffOPML reports whether the regular file at path is an OPML document.
func sniffOPML(path string) bool {
	info, err := os.Stat(path)
	if err != nil || !info.Mode().IsRegular() {
		return false
	}
	r, err := os.Open(path)
	if err != nil {
		return false
	}
	defer r.Close()
	head := make([]byte, 4096)
	n, _ := io.ReadFull(r, head)
	return ingest.IsOPML(head[:n])
}

// ingester reads articles and stores them through the archive's
// Ingester, or queues them, reporting each.
type ingester struct {
	st       store.Store
	archive  *archive.Ingester // set: analyse and store here
	out      io.Writer
	stderr   io.Writer
	asJSON   bool
	interval time.Duration // default poll interval of feeds
	progress *progress

	queue            *queue.Queue // set: publish instead of analysing
	defaultPublished time.Time    // with queue: the date for articles without one

	mu  sync.Mutex // guards sum and the output when publishing
	sum ingestSummary
}

// run stores (or queues) the articles of seq.
func (in *ingester) run(ctx context.Context, seq iter.Seq2[article.Article, error]) error {
	if in.queue != nil {
		return in.publish(ctx, seq)
	}
	return in.archive.Run(ctx, seq)
}

// account tells of a stored (or failed) article: on stderr when it
// failed, on stdout with --json.
func (in *ingester) account(rep archive.Report) error {
	if rep.Status == archive.StatusFailed {
		if rep.Origin != "" {
			fmt.Fprintf(in.stderr, "tidings: %s: %s\n", rep.Origin, rep.Error)
		} else {
			fmt.Fprintf(in.stderr, "tidings: %s\n", rep.Error)
		}
	}
	in.progress.Add(1)
	return in.report(rep)
}

func (in *ingester) report(r archive.Report) error {
	if !in.asJSON {
		return nil
	}
	return printJSON(in.out, r)
}

// watch polls feeds until ctx is done, storing their new articles.
func (in *ingester) watch(ctx context.Context, feeds, args []string, concurrency int, opt ingest.Options) error {
	if len(feeds) == 0 {
		return usagef("--watch: no feeds among %v (give feed URLs or OPML files)", args)
	}
	fmt.Fprintf(in.stderr, "tidings: watching %d feed(s); interrupt to stop\n", len(feeds))
	poller := &ingest.Poller{States: feedStates{in.st}, Options: opt, Interval: in.interval}
	type item struct {
		a   article.Article
		err error
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	arrived := make(chan item)
	watched := make(chan error, 1)
	go func() {
		defer close(arrived)
		watched <- poller.Watch(ctx, feeds, concurrency, func(a article.Article, err error) {
			select {
			case arrived <- item{a, err}:
			case <-ctx.Done():
			}
		})
	}()
	seq := func(yield func(article.Article, error) bool) {
		for it := range arrived {
			if !yield(it.a, it.err) {
				cancel()
				for range arrived {
				}
				return
			}
		}
	}
	err := in.run(ctx, seq)
	return errors.Join(err, <-watched)
}

// publish queues the articles of seq for the workers, reporting each once
// JetStream has stored it.
func (in *ingester) publish(ctx context.Context, seq iter.Seq2[article.Article, error]) error {
	account := func(rep archive.Report) error {
		in.mu.Lock()
		defer in.mu.Unlock()
		if rep.Status == archive.StatusFailed {
			in.sum.Failed++
			fmt.Fprintf(in.stderr, "tidings: %s\n", rep.Error)
		}
		in.progress.Add(1)
		return in.report(rep)
	}
	pub := in.queue.NewPublisher(0, func(a article.Article, err error) {
		rep := archive.Report{Origin: a.Origin, Title: a.Title, Status: "queued"}
		if err != nil {
			rep.Status, rep.Error = archive.StatusFailed, err.Error()
		}
		account(rep)
	})
	var loopErr error
	for a, err := range seq {
		if err == nil {
			if a.Published.IsZero() {
				a.Published = in.defaultPublished
			}
			err = pub.Publish(ctx, a)
		}
		if err != nil {
			if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
				loopErr = err
				break
			}
			if err := account(archive.Report{Origin: a.Origin, Status: archive.StatusFailed, Error: err.Error()}); err != nil {
				loopErr = err
				break
			}
		}
	}
	pub.Wait() // each failure was reported as it happened
	return loopErr
}

// quietLogger logs warnings and errors of the queue connection on w.
func quietLogger(w io.Writer) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: slog.LevelWarn}))
}

// feedStates keeps a poller's feed states in the archive: the readers and
// the archive each have their own FeedState, field for field the same.
type feedStates struct{ st store.Store }

func (f feedStates) Feed(ctx context.Context, url string) (ingest.FeedState, bool, error) {
	st, ok, err := f.st.Feed(ctx, url)
	return ingest.FeedState(st), ok, err
}

func (f feedStates) SaveFeed(ctx context.Context, st ingest.FeedState) error {
	return f.st.SaveFeed(ctx, store.FeedState(st))
}
