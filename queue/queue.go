// Package queue moves articles from ingesting processes to analysing
// workers through NATS JetStream, so that analysis scales out over machines.
//
// Ingest publishes each article as JSON on the subject SubjectArticles of
// the stream StreamName; workers share the durable pull consumer
// ConsumerName. Delivery is at least once: an article is acknowledged only
// after its handler returned nil, and one whose worker died comes back
// after the ack wait, so a handler may see an article again and must be
// idempotent (storing an article twice stores it once). Articles have no
// order. An article that cannot be handled after MaxDeliver tries, or whose
// handler says the failure is permanent, or whose message is not an
// article, is moved to the subject SubjectDead with the reason, for an
// operator to inspect (DeadLetters) and requeue (Redrive).
//
// The stream keeps messages on disk with work-queue retention: an
// acknowledged article is deleted at once. Limits (Options.MaxAge and
// Options.MaxBytes) bound what waits: an article older than MaxAge is
// dropped unhandled, and a publish that would pass MaxBytes is refused, so
// that a full queue stops ingest instead of silently losing articles.
package queue

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Names of the JetStream objects that the queue uses.
const (
	StreamName      = "TIDINGS"
	SubjectArticles = "tidings.articles"
	SubjectDead     = "tidings.dead"
	ConsumerName    = "tidings-workers"
)

// Defaults of Options.
const (
	DefaultMaxDeliver      = 5
	DefaultAckWait         = 2 * time.Minute
	DefaultDuplicateWindow = 2 * time.Minute
	DefaultMaxAge          = 7 * 24 * time.Hour
	DefaultMaxBytes        = 1 << 30 // 1 GiB: some 200,000 articles of 5 kB
)

// Options configure the stream, the workers' consumer and the connection.
// A zero field keeps what the server has, or takes the default when Connect
// creates the stream and consumer; a field that is set is applied to the
// shared stream or consumer, for every process. So an ingest process with
// zero Options changes nothing that a worker started with its own settings.
type Options struct {
	// MaxDeliver is how many times a handler is tried on one article before
	// it is dead-lettered; default 5. A delivery that a stopping or crashed
	// worker did not finish counts as a try. The consumer's own MaxDeliver
	// is one more, so that an article whose last try died with its worker
	// comes back once more, to be dead-lettered rather than stuck.
	MaxDeliver int
	// AckWait is how long a worker may hold an article without a sign of
	// life before JetStream gives it to another worker; default 2m. Workers
	// signal progress every third of it while a handler runs, so it bounds
	// the time to notice a crashed worker, not the time an analysis takes.
	AckWait time.Duration
	// DuplicateWindow is how long JetStream remembers a published article's
	// id to drop a re-publish of it; default 2m.
	DuplicateWindow time.Duration
	// MaxAge is how long an article or a dead letter is kept; default 7 days.
	MaxAge time.Duration
	// MaxBytes bounds the stream's size on disk; default 1 GiB. Publishing
	// into a full stream fails.
	MaxBytes int64
	// Replicas is the number of copies a NATS cluster keeps; default 1.
	Replicas int
	// Name identifies the connection in the server's monitoring.
	Name string
	// Logger receives connection events and workers' retries and dead
	// letters; nil means slog.Default().
	Logger *slog.Logger
	// NATS holds further connection options (TLS, credentials files,
	// reconnection timing), applied after the queue's own. Credentials may
	// also be given in the URL: nats://user:password@host:4222.
	NATS []nats.Option
}

// validate checks the fields that are set.
func (o Options) validate() error {
	switch {
	case o.MaxDeliver < 0:
		return fmt.Errorf("MaxDeliver %d: must be at least 1", o.MaxDeliver)
	case o.AckWait != 0 && o.AckWait < 100*time.Millisecond:
		return fmt.Errorf("AckWait %v: must be at least 100ms", o.AckWait)
	case o.DuplicateWindow < 0 || o.MaxAge < 0 || o.MaxBytes < 0 || o.Replicas < 0:
		return errors.New("DuplicateWindow, MaxAge, MaxBytes and Replicas must not be negative")
	case o.DuplicateWindow != 0 && o.MaxAge != 0 && o.DuplicateWindow > o.MaxAge:
		return fmt.Errorf("DuplicateWindow %v is longer than MaxAge %v", o.DuplicateWindow, o.MaxAge)
	}
	return nil
}

// Queue is a connection to the queue. It is safe for concurrent use.
type Queue struct {
	nc       *nats.Conn
	js       jetstream.JetStream
	stream   jetstream.Stream
	opt      Options
	where    string // the server URL without credentials, for messages
	log      *slog.Logger
	counters counters
	closed   chan struct{} // closed when the connection is closed for good
}

// Connect connects to the NATS server at rawURL (nats://host:port, or
// several separated by commas) and makes sure that the stream and the
// workers' consumer exist with the configuration opt gives. Many processes
// may connect at once. The connection reconnects by itself for as long as
// the Queue is open.
func Connect(ctx context.Context, rawURL string, opt Options) (*Queue, error) {
	where := redactURL(rawURL)
	if err := opt.validate(); err != nil {
		return nil, fmt.Errorf("queue at %s: %w", where, err)
	}
	if opt.Name == "" {
		opt.Name = "tidings"
	}
	if opt.Logger == nil {
		opt.Logger = slog.Default()
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("connecting to NATS at %s: %w", where, err)
	}
	q := &Queue{opt: opt, where: where, log: opt.Logger.With("queue", where), closed: make(chan struct{})}
	nopts := []nats.Option{
		nats.Name(opt.Name),
		// A worker outlives server restarts and network blips: it never
		// gives up reconnecting while it is open.
		nats.MaxReconnects(-1),
		nats.DisconnectErrHandler(func(_ *nats.Conn, err error) {
			if err != nil {
				q.log.Warn("disconnected from NATS", "err", err)
			}
		}),
		nats.ReconnectHandler(func(nc *nats.Conn) {
			q.log.Info("reconnected to NATS", "server", nc.ConnectedUrlRedacted())
		}),
		nats.ErrorHandler(func(_ *nats.Conn, sub *nats.Subscription, err error) {
			q.log.Warn("NATS error", "err", err)
		}),
	}
	// Appended after opt.NATS, so that a caller's ClosedHandler does not
	// replace it: Work must learn that the connection is gone.
	closedHandler := nats.ClosedHandler(func(*nats.Conn) { close(q.closed) })
	nopts = append(append(nopts, opt.NATS...), closedHandler)
	nc, err := nats.Connect(rawURL, nopts...)
	if err != nil {
		return nil, fmt.Errorf("connecting to NATS at %s: %w", where, err)
	}
	q.nc = nc
	if q.js, err = jetstream.New(nc); err != nil {
		nc.Close()
		return nil, fmt.Errorf("JetStream at %s: %w", where, err)
	}
	if err := q.ensure(ctx); err != nil {
		nc.Close()
		return nil, err
	}
	return q, nil
}

// IsUnreachable reports whether err from Connect means that no NATS
// server answered (down, or not up yet), so that trying again later may
// work, as opposed to a refusal such as bad credentials.
func IsUnreachable(err error) bool {
	return errors.Is(err, nats.ErrNoServers) || errors.Is(err, nats.ErrTimeout)
}

// streamConfig is the stream's configuration: have (that of the existing
// stream, or nil) with the fields that opt sets, or the defaults.
func streamConfig(have *jetstream.StreamConfig, opt Options) jetstream.StreamConfig {
	cfg := jetstream.StreamConfig{
		MaxAge:     DefaultMaxAge,
		MaxBytes:   DefaultMaxBytes,
		Duplicates: DefaultDuplicateWindow,
		Replicas:   1,
	}
	if have != nil {
		cfg = *have
	}
	cfg.Name = StreamName
	cfg.Description = "tidings: articles waiting for analysis, and dead letters"
	cfg.Subjects = []string{SubjectArticles, SubjectDead}
	cfg.Retention = jetstream.WorkQueuePolicy
	cfg.Storage = jetstream.FileStorage
	// Refusing new messages when full keeps the promise made to ingest that
	// a published article is kept.
	cfg.Discard = jetstream.DiscardNew
	cfg.MaxMsgs = -1
	setIf(&cfg.MaxAge, opt.MaxAge)
	setIf(&cfg.MaxBytes, opt.MaxBytes)
	setIf(&cfg.Duplicates, opt.DuplicateWindow)
	setIf(&cfg.Replicas, opt.Replicas)
	return cfg
}

// consumerConfig is the workers' consumer's configuration: have (that of
// the existing consumer, or nil) with the fields that opt sets, or the
// defaults.
//
// JetStream's MaxDeliver is one more than Options.MaxDeliver: a message
// whose last try was lost with its worker then comes back once more, and
// the worker dead-letters it instead of leaving it undeliverable for ever.
// The consumer sets no BackOff: JetStream's BackOff would replace AckWait
// by its first step and lengthen every NakWithDelay by the later steps;
// workers delay retries themselves (WorkOptions.RetryDelays).
func consumerConfig(have *jetstream.ConsumerConfig, opt Options) jetstream.ConsumerConfig {
	cfg := jetstream.ConsumerConfig{
		AckWait:    DefaultAckWait,
		MaxDeliver: DefaultMaxDeliver + 1,
	}
	if have != nil {
		cfg = *have
	}
	cfg.Durable = ConsumerName
	cfg.Description = "tidings workers: analyse and store articles"
	cfg.DeliverPolicy = jetstream.DeliverAllPolicy
	cfg.AckPolicy = jetstream.AckExplicitPolicy
	cfg.FilterSubject = SubjectArticles
	cfg.BackOff = nil
	setIf(&cfg.AckWait, opt.AckWait)
	if opt.MaxDeliver != 0 {
		cfg.MaxDeliver = opt.MaxDeliver + 1
	}
	return cfg
}

// setIf sets *field to v unless v is zero.
func setIf[T comparable](field *T, v T) {
	var zero T
	if v != zero {
		*field = v
	}
}

// ensure creates the stream and the consumer, or updates them where their
// configuration differs from what opt asks. An unchanged one is left alone:
// every worker connects, and an update rewrites the configuration on the
// server.
func (q *Queue) ensure(ctx context.Context) error {
	var err error
	for range 3 {
		if q.stream, err = q.js.Stream(ctx, StreamName); err == nil {
			have := q.stream.CachedInfo().Config
			if want := streamConfig(&have, q.opt); !streamMatches(have, want) {
				q.stream, err = q.js.UpdateStream(ctx, want)
			}
		} else if errors.Is(err, jetstream.ErrStreamNotFound) {
			q.stream, err = q.js.CreateStream(ctx, streamConfig(nil, q.opt))
		}
		if err == nil {
			break
		}
		// Processes connecting at once all find no stream and create it;
		// the server refuses all creates but one (the name is in use, or
		// the size would be reserved twice), and the others look again.
		if _, lookup := q.js.Stream(ctx, StreamName); lookup != nil {
			break
		}
	}
	if err != nil {
		if errors.Is(err, jetstream.ErrJetStreamNotEnabled) || errors.Is(err, jetstream.ErrJetStreamNotEnabledForAccount) {
			return fmt.Errorf("stream %s at %s: JetStream is not enabled on the server (start nats-server with -js): %w", StreamName, q.where, err)
		}
		return fmt.Errorf("creating or updating stream %s at %s: %w", StreamName, q.where, err)
	}

	var want jetstream.ConsumerConfig
	c, err := q.js.Consumer(ctx, StreamName, ConsumerName)
	switch {
	case err == nil:
		have := c.CachedInfo().Config
		if want = consumerConfig(&have, q.opt); consumerMatches(have, want) {
			return nil
		}
	case errors.Is(err, jetstream.ErrConsumerNotFound):
		want = consumerConfig(nil, q.opt)
	default:
		return fmt.Errorf("consumer %s of stream %s at %s: %w", ConsumerName, StreamName, q.where, err)
	}
	// Create or update in one request: processes connecting at once may
	// both find no consumer.
	if _, err := q.js.CreateOrUpdateConsumer(ctx, StreamName, want); err != nil {
		return fmt.Errorf("creating or updating consumer %s of stream %s at %s: %w", ConsumerName, StreamName, q.where, err)
	}
	return nil
}

// streamMatches reports whether the stream's configuration has what want
// sets.
func streamMatches(have, want jetstream.StreamConfig) bool {
	return slices.Equal(have.Subjects, want.Subjects) &&
		have.Description == want.Description &&
		have.Retention == want.Retention &&
		have.Storage == want.Storage &&
		have.Discard == want.Discard &&
		have.MaxAge == want.MaxAge &&
		have.MaxBytes == want.MaxBytes &&
		have.MaxMsgs == want.MaxMsgs &&
		have.Duplicates == want.Duplicates &&
		have.Replicas == want.Replicas
}

// consumerMatches reports whether the consumer's configuration has what
// want sets.
func consumerMatches(have, want jetstream.ConsumerConfig) bool {
	return have.Durable == want.Durable &&
		have.Description == want.Description &&
		have.DeliverPolicy == want.DeliverPolicy &&
		have.AckPolicy == want.AckPolicy &&
		have.AckWait == want.AckWait &&
		have.MaxDeliver == want.MaxDeliver &&
		have.FilterSubject == want.FilterSubject &&
		len(have.BackOff) == 0
}

// Close flushes what the connection still holds (acknowledgements, for
// one) and closes it. Work and Publish calls still running fail.
func (q *Queue) Close() error {
	if q.nc.IsClosed() {
		return nil
	}
	err := q.nc.FlushTimeout(5 * time.Second)
	q.nc.Close()
	if err != nil && !errors.Is(err, nats.ErrConnectionClosed) {
		return fmt.Errorf("closing the queue at %s: flushing: %w", q.where, err)
	}
	return nil
}

// Info is the state of the queue as the server sees it.
type Info struct {
	// Pending counts the articles not yet acknowledged or dead-lettered:
	// those waiting and those in flight. 0 means the queue has drained.
	Pending     int    `json:"pending"`
	InFlight    int    `json:"in_flight"`    // delivered to a worker and not yet settled, retries waiting included
	Redelivered int    `json:"redelivered"`  // of InFlight, those delivered more than once
	DeadLetters int    `json:"dead_letters"` // messages on SubjectDead
	Messages    uint64 `json:"messages"`     // messages in the stream, dead letters included
	Bytes       uint64 `json:"bytes"`        // the stream's size
}

// Info reports the state of the stream and the workers' consumer.
func (q *Queue) Info(ctx context.Context) (Info, error) {
	c, err := q.js.Consumer(ctx, StreamName, ConsumerName)
	if err != nil {
		return Info{}, fmt.Errorf("consumer %s of stream %s at %s: %w", ConsumerName, StreamName, q.where, err)
	}
	ci := c.CachedInfo()
	si, err := q.streamInfo(ctx)
	if err != nil {
		return Info{}, err
	}
	return Info{
		Pending:     int(si.State.Subjects[SubjectArticles]),
		InFlight:    ci.NumAckPending,
		Redelivered: ci.NumRedelivered,
		DeadLetters: int(si.State.Subjects[SubjectDead]),
		Messages:    si.State.Msgs,
		Bytes:       si.State.Bytes,
	}, nil
}

// Pending returns the number of articles not yet acknowledged or
// dead-lettered; 0 means the queue has drained.
//
// It counts the articles in the stream, not the consumer's figures: with
// work-queue retention an article leaves the stream when it is settled,
// and the stream counts an article as soon as its publish is acknowledged,
// while the consumer learns of new articles a moment later (and so could
// report a drained queue just after a publish).
func (q *Queue) Pending(ctx context.Context) (int, error) {
	si, err := q.streamInfo(ctx)
	if err != nil {
		return 0, err
	}
	return int(si.State.Subjects[SubjectArticles]), nil
}

func (q *Queue) streamInfo(ctx context.Context) (*jetstream.StreamInfo, error) {
	si, err := q.stream.Info(ctx, jetstream.WithSubjectFilter(">"))
	if err != nil {
		return nil, fmt.Errorf("stream %s at %s: %w", StreamName, q.where, err)
	}
	return si, nil
}

// Stats counts what this Queue did since Connect.
type Stats struct {
	Published    int64 `json:"published"`     // articles stored by JetStream
	Duplicates   int64 `json:"duplicates"`    // of Published, re-publishes dropped within the duplicate window
	Delivered    int64 `json:"delivered"`     // messages received by Work
	Redelivered  int64 `json:"redelivered"`   // of Delivered, those delivered before
	Acked        int64 `json:"acked"`         // handled and acknowledged
	Retried      int64 `json:"retried"`       // handler failed; redelivery asked for after a delay
	DeadLettered int64 `json:"dead_lettered"` // moved to SubjectDead
	Interrupted  int64 `json:"interrupted"`   // given back unfinished at shutdown
}

type counters struct {
	published, duplicates, delivered, redelivered atomic.Int64
	acked, retried, deadLettered, interrupted     atomic.Int64
}

// Stats returns the counts of this Queue.
func (q *Queue) Stats() Stats {
	c := &q.counters
	return Stats{
		Published:    c.published.Load(),
		Duplicates:   c.duplicates.Load(),
		Delivered:    c.delivered.Load(),
		Redelivered:  c.redelivered.Load(),
		Acked:        c.acked.Load(),
		Retried:      c.retried.Load(),
		DeadLettered: c.deadLettered.Load(),
		Interrupted:  c.interrupted.Load(),
	}
}

// redactURL returns the server URLs of raw without credentials, for
// messages and logs.
func redactURL(raw string) string {
	parts := strings.Split(raw, ",")
	for i, p := range parts {
		p = strings.TrimSpace(p)
		u, err := url.Parse(p)
		if err != nil {
			// Unparsable: drop whatever precedes an '@' after the scheme.
			if at := strings.LastIndex(p, "@"); at >= 0 {
				scheme, _, found := strings.Cut(p, "://")
				if found {
					scheme += "://"
				} else {
					scheme = ""
				}
				p = scheme + "redacted@" + p[at+1:]
			}
			parts[i] = p
			continue
		}
		if u.User == nil {
			parts[i] = p
			continue
		}
		// A user without a password may be a token: hide it too.
		u.User = url.User("redacted")
		parts[i] = u.String()
	}
	return strings.Join(parts, ",")
}
