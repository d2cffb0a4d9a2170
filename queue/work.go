package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"tidings/article"
)

// Headers of a dead letter.
const (
	HeaderDeadReason     = "Tidings-Dead-Reason"     // why: the handler's error, or what was wrong with the message
	HeaderDeadSubject    = "Tidings-Dead-Subject"    // the subject the message was published on
	HeaderDeadSequence   = "Tidings-Dead-Sequence"   // its sequence in the stream
	HeaderDeadDeliveries = "Tidings-Dead-Deliveries" // how many times it was delivered
)

// defaultRetryDelays are long enough for a database or a network to come
// back.
func defaultRetryDelays() []time.Duration {
	return []time.Duration{10 * time.Second, 30 * time.Second, 2 * time.Minute, 5 * time.Minute}
}

// DefaultShutdownGrace is the default WorkOptions.ShutdownGrace.
const DefaultShutdownGrace = 20 * time.Second

// WorkOptions configure Work.
type WorkOptions struct {
	// Concurrency is how many articles are handled at once; default
	// GOMAXPROCS, as analysis is bound by the processor. No more messages
	// are fetched than there are free handlers.
	Concurrency int
	// ShutdownGrace is how long handlers running when ctx ends may take to
	// finish; default 20s.
	ShutdownGrace time.Duration
	// RetryDelays are the delays before a failed article is redelivered:
	// the nth failure waits RetryDelays[n-1], the last one repeating, give
	// or take a tenth so that articles failed together are not retried
	// together. Default 10s, 30s, 2m, 5m.
	RetryDelays []time.Duration
	// FetchWait is how long one fetch waits for articles to arrive;
	// default 1s. A stop waits for the current fetch to end, so it also
	// bounds how long a stop takes beyond the handlers.
	FetchWait time.Duration
}

func (o WorkOptions) withDefaults() WorkOptions {
	if o.Concurrency <= 0 {
		o.Concurrency = runtime.GOMAXPROCS(0)
	}
	if o.ShutdownGrace <= 0 {
		o.ShutdownGrace = DefaultShutdownGrace
	}
	if len(o.RetryDelays) == 0 {
		o.RetryDelays = defaultRetryDelays()
	} else {
		o.RetryDelays = slices.Clone(o.RetryDelays)
	}
	for i, d := range o.RetryDelays {
		o.RetryDelays[i] = max(d, 0)
	}
	if o.FetchWait <= 0 {
		o.FetchWait = time.Second
	}
	return o
}

// PermanentError marks a handler's error as one that retrying cannot cure
// (an article that the analysis rejects, say): the article is dead-lettered
// at once instead of being retried.
type PermanentError struct{ Err error }

func (e *PermanentError) Error() string { return e.Err.Error() }
func (e *PermanentError) Unwrap() error { return e.Err }

// Permanent marks err as permanent for Work; nil stays nil.
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return &PermanentError{Err: err}
}

// IsPermanent reports whether err, or an error it wraps, was marked by
// Permanent.
func IsPermanent(err error) bool {
	var p *PermanentError
	return errors.As(err, &p)
}

// Work runs a worker until ctx ends: it fetches articles from the workers'
// shared consumer, no more than it has free handlers, and runs handle on
// each, opt.Concurrency at once.
//
// An article is acknowledged only after handle returned nil, so handle
// must have stored it durably by then. When handle fails, the article is
// redelivered after a delay (opt.RetryDelays), to this worker or another;
// when it fails for the MaxDeliver-th time, or with an error marked by
// Permanent, or when the message is not an article, the message is moved to
// SubjectDead with the reason. A handle that runs long keeps its article
// from being redelivered by telling JetStream it is in progress. A panic in
// handle counts as a failure.
//
// When ctx ends, Work fetches nothing more and gives handlers
// opt.ShutdownGrace to finish; then it cancels the context of those still
// running and gives their articles back at once, so that another worker
// takes them, and waits for them to return. When Work returns, no handle
// call is running. It returns nil after such a stop, and an error when it
// cannot go on: the connection was closed or the consumer deleted.
// Disconnections are waited out.
func (q *Queue) Work(ctx context.Context, opt WorkOptions, handle func(ctx context.Context, a article.Article) error) error {
	if handle == nil {
		return errors.New("queue: Work needs a handler")
	}
	opt = opt.withDefaults()
	cons, err := q.js.Consumer(ctx, StreamName, ConsumerName)
	if err != nil {
		if ctx.Err() != nil {
			return nil
		}
		return fmt.Errorf("consumer %s of stream %s at %s: %w", ConsumerName, StreamName, q.where, err)
	}
	// The consumer's configuration, not this process's Options: the last
	// process to connect set it, and all workers must follow one policy.
	cfg := cons.CachedInfo().Config
	tries := cfg.MaxDeliver - 1
	if cfg.MaxDeliver <= 0 { // unlimited: set by hand on the server
		tries = DefaultMaxDeliver
	}
	w := &worker{
		q:       q,
		opt:     opt,
		handle:  handle,
		ackWait: max(cfg.AckWait, 300*time.Millisecond),
		tries:   max(tries, 1),
		running: make(map[*job]struct{}),
	}
	// Handlers outlive ctx by the grace period: their context ends only
	// when that runs out.
	var cancelHandlers context.CancelFunc
	w.handlerCtx, cancelHandlers = context.WithCancel(context.WithoutCancel(ctx))
	defer cancelHandlers()

	slots := make(chan struct{}, opt.Concurrency) // one token per busy handler
	fetchErr := w.fetchLoop(ctx, cons, slots)

	// Stop: wait for the running handlers, at most the grace period.
	finished := make(chan struct{})
	go func() { w.handlers.Wait(); close(finished) }()
	grace := time.NewTimer(opt.ShutdownGrace)
	defer grace.Stop()
	select {
	case <-finished:
	case <-grace.C:
		// Give the articles back before cancelling, so that a handler
		// failing on the cancellation does not delay or dead-letter them.
		w.interruptRunning()
		cancelHandlers()
		<-finished
	}
	return fetchErr
}

// worker is the state of one Work call.
type worker struct {
	q          *Queue
	opt        WorkOptions
	handle     func(ctx context.Context, a article.Article) error
	handlerCtx context.Context
	ackWait    time.Duration
	tries      int

	handlers sync.WaitGroup
	mu       sync.Mutex
	running  map[*job]struct{}
}

// job is one delivered message, settled (acked, nak'ed, dead-lettered) once.
type job struct {
	msg  jetstream.Msg
	meta *jetstream.MsgMetadata

	mu      sync.Mutex
	settled bool
}

// settle runs f unless the job was already settled, and reports whether it
// did.
func (j *job) settle(f func()) bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.settled {
		return false
	}
	j.settled = true
	f()
	return true
}

// fetchLoop fetches messages while ctx lasts and starts a handler for each.
// It returns nil when ctx ended, an error when fetching cannot go on.
func (w *worker) fetchLoop(ctx context.Context, cons jetstream.Consumer, slots chan struct{}) error {
	failures := 0
	for ctx.Err() == nil {
		// Wait for one free handler, then take all that are free: the
		// fetch asks for no more messages than can be handled now.
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
			return nil
		case <-w.q.closed:
			return fmt.Errorf("fetching from consumer %s of stream %s at %s: %w", ConsumerName, StreamName, w.q.where, nats.ErrConnectionClosed)
		}
		n := 1
	take:
		for n < cap(slots) {
			select {
			case slots <- struct{}{}:
				n++
			default:
				break take
			}
		}
		// Not FetchContext: a fetch cut short by ctx drops messages that the
		// server already sent, and they would wait out AckWait.
		batch, err := cons.Fetch(n, jetstream.FetchMaxWait(w.opt.FetchWait))
		got := 0
		var late []jetstream.Msg
		if err == nil {
			for msg := range batch.Messages() {
				got++
				if ctx.Err() != nil {
					// Arrived after the stop: given back once this fetch is
					// over, so that it cannot come straight back to us.
					late = append(late, msg)
					<-slots
					continue
				}
				w.start(msg, slots)
			}
			err = batch.Error()
		}
		for range n - got {
			<-slots
		}
		for _, msg := range late {
			w.q.counters.delivered.Add(1)
			w.q.counters.interrupted.Add(1)
			if err := msg.Nak(); err != nil {
				w.q.log.Warn("giving back an article at shutdown", "err", err)
			}
		}
		if err == nil {
			failures = 0
			continue
		}
		if fatalFetchError(err) {
			return fmt.Errorf("fetching from consumer %s of stream %s at %s: %w", ConsumerName, StreamName, w.q.where, err)
		}
		// Anything else (a timeout, a missed heartbeat, a server that went
		// away) is waited out: the connection reconnects by itself.
		failures++
		w.q.log.Warn("fetching articles", "consumer", ConsumerName, "err", err)
		pause := min(time.Duration(failures)*100*time.Millisecond, 2*time.Second)
		select {
		case <-ctx.Done():
		case <-time.After(pause):
		}
	}
	return nil
}

func fatalFetchError(err error) bool {
	return errors.Is(err, nats.ErrConnectionClosed) ||
		errors.Is(err, jetstream.ErrConsumerDeleted) ||
		errors.Is(err, jetstream.ErrConsumerNotFound) ||
		errors.Is(err, jetstream.ErrStreamNotFound) ||
		errors.Is(err, nats.ErrBadSubscription)
}

// start runs a handler for msg in a goroutine that frees its slot when done.
func (w *worker) start(msg jetstream.Msg, slots chan struct{}) {
	w.q.counters.delivered.Add(1)
	j := &job{msg: msg}
	w.mu.Lock()
	w.running[j] = struct{}{}
	w.mu.Unlock()
	w.handlers.Add(1)
	go func() {
		defer w.handlers.Done()
		defer func() { <-slots }()
		w.run(j)
		w.mu.Lock()
		delete(w.running, j)
		w.mu.Unlock()
	}()
}

// run handles one message and settles it.
func (w *worker) run(j *job) {
	meta, err := j.msg.Metadata()
	if err != nil {
		// Not a JetStream delivery: nothing to acknowledge.
		w.q.log.Error("message without JetStream metadata", "subject", j.msg.Subject(), "err", err)
		return
	}
	j.meta = meta
	if meta.NumDelivered > 1 {
		w.q.counters.redelivered.Add(1)
	}
	if int(meta.NumDelivered) > w.tries {
		// The last try's worker stopped or crashed without settling it.
		w.deadLetter(j, fmt.Sprintf("not handled in %d tries: the workers stopped or their ack wait ran out", w.tries))
		return
	}
	var a article.Article
	if err := json.Unmarshal(j.msg.Data(), &a); err != nil {
		w.deadLetter(j, fmt.Sprintf("not an article: %v", err))
		return
	}
	if a.Origin == "" {
		a.Origin = j.msg.Headers().Get(HeaderOrigin)
	}
	err = w.call(j, a)
	switch {
	case err == nil:
		w.ack(j, a)
	case IsPermanent(err):
		w.deadLetter(j, fmt.Sprintf("permanent failure: %v", err))
	case int(meta.NumDelivered) >= w.tries:
		w.deadLetter(j, fmt.Sprintf("failed %d times, last: %v", meta.NumDelivered, err))
	default:
		delay := w.retryDelay(int(meta.NumDelivered))
		j.settle(func() {
			w.q.counters.retried.Add(1)
			w.q.log.Warn("article failed; retrying later", "article", a.Origin, "try", meta.NumDelivered, "of", w.tries, "in", delay.Round(time.Millisecond), "err", err)
			if err := j.msg.NakWithDelay(delay); err != nil {
				// It comes back after AckWait instead.
				w.q.log.Warn("asking for redelivery", "article", a.Origin, "err", err)
			}
		})
	}
}

// call runs the handler, telling JetStream the article is in progress
// while it runs, and turns a panic into an error.
func (w *worker) call(j *job, a article.Article) (err error) {
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		tick := time.NewTicker(w.ackWait / 3)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				j.mu.Lock()
				if !j.settled {
					_ = j.msg.InProgress() // a lost one is followed by the next
				}
				j.mu.Unlock()
			}
		}
	}()
	defer func() {
		if p := recover(); p != nil {
			w.q.log.Error("handler panicked", "article", a.Origin, "panic", p, "stack", string(debug.Stack()))
			err = fmt.Errorf("handler panicked: %v", p)
		}
	}()
	return w.handle(w.handlerCtx, a)
}

// ack acknowledges a handled article and waits for the server to confirm,
// retrying across a reconnection. An ack that is lost makes the article
// come back after AckWait: the handler sees it twice.
func (w *worker) ack(j *job, a article.Article) {
	j.settle(func() {
		var err error
		for attempt := 0; attempt < 3; attempt++ {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			err = j.msg.DoubleAck(ctx)
			cancel()
			if err == nil || !transient(err) {
				break
			}
		}
		if err != nil {
			w.q.log.Warn("acknowledging a handled article", "article", a.Origin, "err", err)
			return
		}
		w.q.counters.acked.Add(1)
	})
}

// deadLetter copies the message to SubjectDead with the reason, then
// terminates it. If the copy fails, the message is left to be redelivered.
func (w *worker) deadLetter(j *job, reason string) {
	j.settle(func() {
		origin := j.msg.Headers().Get(HeaderOrigin)
		dead := nats.NewMsg(SubjectDead)
		dead.Data = j.msg.Data()
		for k, vs := range j.msg.Headers() {
			if k != jetstream.MsgIDHeader {
				dead.Header[k] = vs
			}
		}
		dead.Header.Set(HeaderDeadReason, headerValue(reason))
		dead.Header.Set(HeaderDeadSubject, j.msg.Subject())
		dead.Header.Set(HeaderDeadSequence, strconv.FormatUint(j.meta.Sequence.Stream, 10))
		dead.Header.Set(HeaderDeadDeliveries, strconv.FormatUint(j.meta.NumDelivered, 10))
		// One dead letter per message, even if it is dead-lettered again
		// because the Term below was lost.
		dead.Header.Set(jetstream.MsgIDHeader, "dead:"+strconv.FormatUint(j.meta.Sequence.Stream, 10))
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := w.q.publish(ctx, dead); err != nil {
			w.q.log.Error("dead-lettering an article; it will be redelivered", "article", origin, "reason", reason, "err", err)
			if err := j.msg.NakWithDelay(w.retryDelay(int(j.meta.NumDelivered))); err != nil {
				w.q.log.Warn("asking for redelivery", "article", origin, "err", err)
			}
			return
		}
		w.q.counters.deadLettered.Add(1)
		w.q.log.Error("article dead-lettered", "article", origin, "reason", reason, "deliveries", j.meta.NumDelivered)
		if err := j.msg.TermWithReason(truncate(reason, 256)); err != nil {
			w.q.log.Warn("terminating a dead-lettered article", "article", origin, "err", err)
		}
	})
}

// interruptRunning gives the articles of handlers still running back to
// JetStream for immediate redelivery.
func (w *worker) interruptRunning() {
	w.mu.Lock()
	jobs := make([]*job, 0, len(w.running))
	for j := range w.running {
		jobs = append(jobs, j)
	}
	w.mu.Unlock()
	for _, j := range jobs {
		j.settle(func() {
			w.q.counters.interrupted.Add(1)
			if err := j.msg.Nak(); err != nil {
				w.q.log.Warn("giving back an unfinished article at shutdown", "err", err)
			}
		})
	}
}

// retryDelay is the delay before redelivering after the nth failure.
func (w *worker) retryDelay(n int) time.Duration {
	d := w.opt.RetryDelays[min(max(n, 1), len(w.opt.RetryDelays))-1]
	jitter := time.Duration(rand.Int64N(int64(d)/5+1)) - d/10
	return d + jitter
}
