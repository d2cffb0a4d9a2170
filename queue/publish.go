package queue

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"tidings/article"
)

// HeaderOrigin carries the article's Origin on every message, so that a
// message whose body cannot be read can still be named.
const HeaderOrigin = "Tidings-Origin"

// Publishing retries: a server restart or a leader election takes seconds,
// and a retry is safe because the message id makes JetStream drop a copy
// it already stored.
const (
	publishAttempts       = 6
	publishAttemptTimeout = 5 * time.Second
	publishFirstRetry     = 100 * time.Millisecond
)

// MessageID is the JetStream message id of an article: a hash of its URL,
// or of its normalised text (lower-cased words, without punctuation or
// spacing) when it has no URL. Two articles with one id are one article
// for the duplicate window. It fails for an article with neither.
func MessageID(a article.Article) (string, error) {
	h := sha256.New()
	if u := strings.TrimSpace(a.URL); u != "" {
		h.Write([]byte("url\x00"))
		h.Write([]byte(u))
		return hex.EncodeToString(h.Sum(nil)), nil
	}
	words := article.NormalWords(a.Text())
	if len(words) == 0 {
		return "", errors.New("the article has neither a URL nor any text")
	}
	h.Write([]byte("text\x00"))
	for i, w := range words {
		if i > 0 {
			h.Write([]byte{' '})
		}
		h.Write([]byte(w))
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Publish queues one article and returns once JetStream has stored it, or
// has dropped it as a re-publish within the duplicate window. Transient
// failures (a server restarting, a timeout) are retried for some seconds;
// the error names the article by its Origin.
func (q *Queue) Publish(ctx context.Context, a article.Article) error {
	msg, err := q.articleMsg(a)
	if err != nil {
		return fmt.Errorf("queueing article %s: %w", articleName(a), err)
	}
	ack, err := q.publish(ctx, msg)
	if err != nil {
		return fmt.Errorf("queueing article %s on %s of stream %s at %s: %w", articleName(a), SubjectArticles, StreamName, q.where, err)
	}
	q.counters.published.Add(1)
	if ack.Duplicate {
		q.counters.duplicates.Add(1)
	}
	return nil
}

// articleMsg encodes a as a message for SubjectArticles.
func (q *Queue) articleMsg(a article.Article) (*nats.Msg, error) {
	id, err := MessageID(a)
	if err != nil {
		return nil, err
	}
	data, err := json.Marshal(a)
	if err != nil {
		return nil, fmt.Errorf("encoding as JSON: %w", err)
	}
	msg := nats.NewMsg(SubjectArticles)
	msg.Data = data
	msg.Header.Set(jetstream.MsgIDHeader, id)
	if a.Origin != "" {
		msg.Header.Set(HeaderOrigin, headerValue(a.Origin))
	}
	if size, limit := int64(msg.Size()), q.nc.MaxPayload(); size > limit {
		return nil, fmt.Errorf("the article's message is %d bytes, more than the %d that the NATS server at %s accepts (max_payload)", size, limit, q.where)
	}
	return msg, nil
}

// publish sends msg to the stream and waits for its ack, retrying
// transient failures.
func (q *Queue) publish(ctx context.Context, msg *nats.Msg) (*jetstream.PubAck, error) {
	wait := publishFirstRetry
	for attempt := 1; ; attempt++ {
		actx, cancel := context.WithTimeout(ctx, publishAttemptTimeout)
		ack, err := q.js.PublishMsg(actx, msg, jetstream.WithExpectStream(StreamName))
		cancel()
		if err == nil {
			return ack, nil
		}
		if ctx.Err() != nil {
			return nil, err
		}
		if !transient(err) || attempt == publishAttempts {
			if attempt > 1 {
				err = fmt.Errorf("after %d attempts: %w", attempt, err)
			}
			return nil, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(wait):
		}
		wait *= 2
	}
}

// transient reports whether a failed request may succeed if repeated.
func transient(err error) bool {
	return errors.Is(err, context.DeadlineExceeded) ||
		errors.Is(err, nats.ErrTimeout) ||
		errors.Is(err, nats.ErrNoResponders) ||
		errors.Is(err, jetstream.ErrNoStreamResponse) ||
		errors.Is(err, nats.ErrConnectionReconnecting) ||
		errors.Is(err, nats.ErrReconnectBufExceeded) ||
		errors.Is(err, nats.ErrDisconnected)
}

// articleName names an article in messages: its Origin, else what best
// identifies it.
func articleName(a article.Article) string {
	switch {
	case a.Origin != "":
		return a.Origin
	case a.URL != "":
		return a.URL
	case a.ID != "":
		return a.ID
	case a.Title != "":
		return fmt.Sprintf("%q", truncate(a.Title, 60))
	}
	return "(unnamed)"
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// headerValue makes s fit a NATS header value: one line, bounded.
func headerValue(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\r' || r == '\n' {
			return ' '
		}
		return r
	}, s)
	return truncate(s, 4096)
}

// DefaultWindow is the Publisher's default number of publishes in flight.
const DefaultWindow = 256

// Publisher publishes many articles with a bounded window of publishes
// awaiting their acks, so that the round trip to the server is paid once
// per window rather than once per article. Articles are stored in no
// particular order. Its methods are safe for concurrent use.
type Publisher struct {
	q     *Queue
	slots chan struct{}
	wg    sync.WaitGroup
	done  func(a article.Article, err error)

	mu     sync.Mutex // serialises done and guards errs
	errs   []error
	failed int
}

// NewPublisher returns a Publisher with at most window publishes in flight
// (DefaultWindow when window <= 0). done, if not nil, is called once per
// article when JetStream has stored it (err nil) or publishing failed; the
// calls never overlap.
func (q *Queue) NewPublisher(window int, done func(a article.Article, err error)) *Publisher {
	if window <= 0 {
		window = DefaultWindow
	}
	return &Publisher{q: q, slots: make(chan struct{}, window), done: done}
}

// Publish starts publishing a, waiting while the window is full. It fails
// only when ctx ends before a could be started; how a's publish ends is told
// to done and by Wait. ctx bounds the publish too.
func (p *Publisher) Publish(ctx context.Context, a article.Article) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("queueing article %s: %w", articleName(a), err)
	}
	select {
	case p.slots <- struct{}{}:
	case <-ctx.Done():
		return fmt.Errorf("queueing article %s: %w", articleName(a), ctx.Err())
	}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		err := p.q.Publish(ctx, a)
		<-p.slots
		p.mu.Lock()
		defer p.mu.Unlock()
		if err != nil {
			p.failed++
			// Keep a bounded number of errors: a dead server fails them all
			// for one reason.
			if len(p.errs) < maxPublisherErrors {
				p.errs = append(p.errs, err)
			}
		}
		if p.done != nil {
			p.done(a, err)
		}
	}()
	return nil
}

const maxPublisherErrors = 20

// Wait waits until every started publish has ended and returns the failed
// ones' errors joined (the first 20, and how many there were in all).
func (p *Publisher) Wait() error {
	p.wg.Wait()
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.failed == 0 {
		return nil
	}
	errs := slices.Clone(p.errs)
	if p.failed > len(errs) {
		errs = append(errs, fmt.Errorf("%d articles failed in all", p.failed))
	}
	return errors.Join(errs...)
}
