package ingest

import (
	"bytes"
	"container/heap"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html/charset"

	"tidings/article"
)

// Defaults of a Poller, used where it leaves a field zero.
const (
	DefaultPollInterval    = 15 * time.Minute
	DefaultMinPollInterval = time.Minute
	DefaultMaxPollInterval = 24 * time.Hour
	DefaultMaxBackoff      = 6 * time.Hour
)

// Poller fetches feeds again and again, each on its own schedule, with
// conditional GETs, and reads their items as Read reads a feed. It keeps
// what it learns of each feed (validators, next poll, failures) in States,
// so that a restarted poller goes on where the last one stopped.
//
// A Poller is configured once and not changed after; Poll and Watch may
// then be called concurrently. The zero value of each field but States
// is ready to use.
type Poller struct {
	// States keeps each feed's polling state. It is required, and must
	// be safe for concurrent use: Watch polls several feeds at once.
	States FeedStates

	// Options configure fetching and reading: HTTPClient, FetchTimeout
	// and MaxFetchBytes apply to each download, MaxArticleBytes to the
	// feed document, and Warn gets the reader's warnings.
	Options Options

	// Interval is the time between polls of a feed that says nothing of
	// its own schedule; default DefaultPollInterval.
	Interval time.Duration
	// MinInterval and MaxInterval bound whatever schedule a feed or
	// server asks for (RSS ttl, sy:updatePeriod, Cache-Control,
	// Retry-After), so that none is polled too often or given up on;
	// defaults DefaultMinPollInterval and DefaultMaxPollInterval.
	MinInterval, MaxInterval time.Duration
	// MaxBackoff caps the wait after consecutive failures; default
	// DefaultMaxBackoff (and never less than Interval).
	MaxBackoff time.Duration

	// Now tells the time for the polling states; default time.Now. Watch
	// waits in real time for the durations it computes from Now.
	Now func() time.Time
}

// withDefaults returns a copy of p with its zero fields set.
func (p *Poller) withDefaults() *Poller {
	c := *p
	c.Options = c.Options.withDefaults()
	if c.Interval <= 0 {
		c.Interval = DefaultPollInterval
	}
	if c.MinInterval <= 0 {
		c.MinInterval = DefaultMinPollInterval
	}
	if c.MaxInterval <= 0 {
		c.MaxInterval = DefaultMaxPollInterval
	}
	c.MaxInterval = max(c.MaxInterval, c.MinInterval)
	if c.MaxBackoff <= 0 {
		c.MaxBackoff = DefaultMaxBackoff
	}
	c.MaxBackoff = max(c.MaxBackoff, c.Interval)
	if c.Now == nil {
		c.Now = time.Now
	}
	return &c
}

// Poll fetches the feed at feedURL once and yields its articles, exactly as
// Read yields those of a feed. It sends the validators of the last poll
// (If-None-Match, If-Modified-Since), so that an unchanged feed costs a 304
// Not Modified and yields nothing. Every poll yields every item the feed
// holds; the consumer (the archive) drops the ones it already has.
//
// Poll then saves the feed's new state: the response's validators, and the
// next poll after the interval the feed asks for (RSS <ttl>,
// sy:updatePeriod and sy:updateFrequency, HTTP Cache-Control max-age; the
// longest of them), else Interval, within MinInterval and MaxInterval. A
// 304 keeps the interval of the last full response, since it has no feed
// to read one from.
//
// A poll fails when the feed cannot be fetched (network error, timeout,
// an HTTP status other than 2xx or 304, a download over the size cap) or
// gives no article (malformed XML, an HTML page, no usable item). Poll
// then returns an error naming feedURL, keeps the previous validators and
// puts the next poll off by Interval, doubled with each consecutive
// failure, capped at MaxBackoff and shortened by up to a quarter at random
// so that feeds failing together do not retry together; or later, if a 429
// or 503 response asked for it with Retry-After. An item that cannot be
// read in a feed that has others is yielded as an error, as Read does, and
// is no failure.
//
// If yield returns false, or ctx is done, Poll stops and leaves the state
// as it was, so that the next poll fetches the whole feed again.
func (p *Poller) Poll(ctx context.Context, feedURL string, yield func(article.Article, error) bool) error {
	_, err := p.withDefaults().poll(ctx, feedURL, yield)
	return err
}

// poll is Poll on a Poller with its defaults set. It returns the feed's
// state as saved, or as it would have been saved when saving failed, so
// that Watch can schedule the next poll either way.
func (p *Poller) poll(ctx context.Context, feedURL string, yield func(article.Article, error) bool) (FeedState, error) {
	now := p.Now()
	if p.States == nil {
		return FeedState{URL: feedURL, NextPoll: now.Add(p.MaxBackoff)}, fmt.Errorf("%s: polling: the Poller has no States", feedURL)
	}
	if err := checkFeedURL(feedURL); err != nil {
		return FeedState{URL: feedURL, NextPoll: now.Add(p.MaxBackoff)}, err
	}
	st, _, err := p.States.Feed(ctx, feedURL)
	if err != nil {
		return FeedState{URL: feedURL, NextPoll: now.Add(p.Interval)}, fmt.Errorf("%s: loading the feed's polling state: %w", feedURL, err)
	}
	prev := st
	st.URL = feedURL
	st.LastPolled = now

	resp, err := p.fetchFeed(ctx, feedURL, prev)
	if ctx.Err() != nil {
		return prev, fmt.Errorf("%s: polling: %w", feedURL, ctx.Err())
	}
	var retryAfter time.Duration
	switch {
	case err != nil:
		// The download failed: recorded below.
	case resp.status == http.StatusNotModified:
		st.ETag = firstNonEmpty(resp.header.Get("ETag"), prev.ETag)
		st.LastModified = firstNonEmpty(resp.header.Get("Last-Modified"), prev.LastModified)
		hint, ok := maxAge(resp.header)
		if last := prev.NextPoll.Sub(prev.LastPolled); prev.Failures == 0 && !prev.LastPolled.IsZero() && last > 0 {
			hint, ok = max(hint, last), true
		}
		p.succeed(&st, now, hint, ok)
		return st, p.save(ctx, st, nil)
	case resp.status < 200 || resp.status > 299:
		err = fmt.Errorf("%s: fetching: HTTP %s", feedURL, resp.statusText)
		if resp.status == http.StatusTooManyRequests || resp.status == http.StatusServiceUnavailable {
			retryAfter = parseRetryAfter(resp.header.Get("Retry-After"), now)
		}
	default:
		var stopped bool
		stopped, err = p.readFeedItems(ctx, resp, yield)
		if stopped || ctx.Err() != nil {
			if err == nil {
				err = ctx.Err()
			}
			if err != nil {
				err = fmt.Errorf("%s: polling: %w", feedURL, err)
			}
			return prev, err
		}
		if err == nil {
			st.ETag = resp.header.Get("ETag")
			st.LastModified = resp.header.Get("Last-Modified")
			hint, ok := maxAge(resp.header)
			if feedHint, feedOK := feedSchedule(resp.body); feedOK {
				hint, ok = max(hint, feedHint), true
			}
			p.succeed(&st, now, hint, ok)
			return st, p.save(ctx, st, nil)
		}
	}
	// The validators stay those of the last good response: a broken body
	// that came with a new ETag must not turn the next poll into a 304.
	st.Failures++
	st.LastError = err.Error()
	delay := p.backoff(st.Failures)
	if retryAfter > 0 {
		delay = max(delay, p.clamp(retryAfter))
	}
	st.NextPoll = now.Add(delay)
	return st, p.save(ctx, st, err)
}

// succeed records a successful poll in st: the next one comes after hint
// when the feed or server gave one (ok), else after Interval.
func (p *Poller) succeed(st *FeedState, now time.Time, hint time.Duration, ok bool) {
	delay := p.Interval
	if ok {
		delay = p.clamp(hint)
	}
	st.NextPoll = now.Add(delay)
	st.Failures = 0
	st.LastError = ""
}

// save stores st and returns pollErr joined with any error of saving.
func (p *Poller) save(ctx context.Context, st FeedState, pollErr error) error {
	if err := p.States.SaveFeed(ctx, st); err != nil {
		return errors.Join(pollErr, fmt.Errorf("%s: saving the feed's polling state: %w", st.URL, err))
	}
	return pollErr
}

// clamp bounds an interval that a feed or server asked for.
func (p *Poller) clamp(d time.Duration) time.Duration {
	return min(max(d, p.MinInterval), p.MaxInterval)
}

// backoff returns the wait after the given number of consecutive failures
// (at least 1): Interval after the first, which is when the feed was due
// anyway, doubling with each further one up to MaxBackoff, less a random
// part of up to a quarter.
func (p *Poller) backoff(failures int) time.Duration {
	d := p.Interval
	for i := 1; i < failures && d < p.MaxBackoff; i++ {
		d *= 2
	}
	d = min(d, p.MaxBackoff)
	d -= rand.N(d/4 + 1)
	return max(d, p.MinInterval)
}

// readFeedItems reads the items of a fetched feed. Errors of single items
// are held back until the first article: a response that gives no article
// at all is a failed poll, whose error (returned) joins them. stopped
// reports that yield asked to stop.
func (p *Poller) readFeedItems(ctx context.Context, resp feedResponse, yield func(article.Article, error) bool) (stopped bool, err error) {
	var held []error
	articles := 0
	readInput(ctx, resp.in, bytes.NewReader(resp.body), Feed, p.Options, func(a article.Article, err error) bool {
		if err != nil {
			if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
				return false // Poll reports the cancellation itself
			}
			if articles == 0 {
				held = append(held, err)
				return true
			}
			stopped = !yield(article.Article{}, err)
			return !stopped
		}
		if articles == 0 {
			for _, e := range held {
				if !yield(article.Article{}, e) {
					stopped = true
					return false
				}
			}
			held = nil
		}
		articles++
		stopped = !yield(a, nil)
		return !stopped
	})
	if articles == 0 && !stopped && ctx.Err() == nil {
		if len(held) == 0 {
			held = append(held, fmt.Errorf("%s: the feed gave no article", resp.in.name))
		}
		return false, errors.Join(held...)
	}
	return stopped, nil
}

// feedResponse is what the server answered to a poll.
type feedResponse struct {
	status     int
	statusText string // as "404 Not Found"
	header     http.Header
	body       []byte // of a 2xx response
	in         input  // the input to read the body as
}

// feedAccept asks for feeds, and still takes what the server has.
const feedAccept = "application/rss+xml, application/atom+xml, application/rdf+xml, application/feed+json, " +
	"application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"

// fetchFeed sends a conditional GET for feedURL with the validators of st.
// The body of a 2xx response is read whole within MaxFetchBytes and
// FetchTimeout; a response of any other status is returned without error
// for the caller to judge.
func (p *Poller) fetchFeed(ctx context.Context, feedURL string, st FeedState) (feedResponse, error) {
	opt := p.Options
	fetchCtx, cancel := context.WithTimeout(ctx, opt.FetchTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(fetchCtx, http.MethodGet, feedURL, nil)
	if err != nil {
		return feedResponse{}, fmt.Errorf("%s: %w", feedURL, err)
	}
	req.Header.Set("User-Agent", "tidings (news analysis)")
	req.Header.Set("Accept", feedAccept)
	if st.ETag != "" {
		req.Header.Set("If-None-Match", st.ETag)
	}
	if st.LastModified != "" {
		req.Header.Set("If-Modified-Since", st.LastModified)
	}
	resp, err := opt.HTTPClient.Do(req)
	if err != nil {
		return feedResponse{}, fetchError(ctx, feedURL, opt, err)
	}
	defer resp.Body.Close()
	fr := feedResponse{status: resp.StatusCode, statusText: resp.Status, header: resp.Header}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		// Reading a little of the body lets the connection serve the
		// next poll.
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return fr, nil
	}
	tooLarge := fmt.Errorf("%s: %w: the download exceeds %s (MaxFetchBytes)", feedURL, ErrTooLarge, formatBytes(opt.MaxFetchBytes))
	if resp.ContentLength > opt.MaxFetchBytes {
		return fr, tooLarge
	}
	fr.body, err = io.ReadAll(io.LimitReader(resp.Body, opt.MaxFetchBytes+1))
	if err != nil {
		return fr, fetchError(ctx, feedURL, opt, err)
	}
	if int64(len(fr.body)) > opt.MaxFetchBytes {
		return fr, tooLarge
	}
	fr.in = input{name: feedURL, contentType: resp.Header.Get("Content-Type"), pageURL: resp.Request.URL}
	return fr, nil
}

// checkFeedURL returns an error naming feedURL unless it is an absolute
// http or https URL.
func checkFeedURL(feedURL string) error {
	u, err := url.Parse(feedURL)
	if err != nil {
		return fmt.Errorf("%s: not a feed URL: %w", feedURL, unwrapURLError(err))
	}
	if !isHTTP(u) {
		return fmt.Errorf("%s: not a feed URL: an absolute http or https URL is needed", feedURL)
	}
	return nil
}

// maxAge returns how long a response stays fresh by its Cache-Control
// max-age, less its Age in caches on the way; ok is false when it says
// nothing (no max-age, no-cache, no-store, already stale).
func maxAge(h http.Header) (d time.Duration, ok bool) {
	seconds := -1
	for _, value := range h.Values("Cache-Control") {
		for directive := range strings.SplitSeq(value, ",") {
			name, arg, _ := strings.Cut(strings.TrimSpace(directive), "=")
			switch strings.ToLower(name) {
			case "no-cache", "no-store":
				return 0, false
			case "max-age":
				if n, err := strconv.Atoi(strings.Trim(arg, `"`)); err == nil {
					seconds = n
				}
			}
		}
	}
	if age, err := strconv.Atoi(strings.TrimSpace(h.Get("Age"))); err == nil && age > 0 {
		seconds -= age
	}
	if seconds <= 0 {
		return 0, false
	}
	return time.Duration(seconds) * time.Second, true
}

// parseRetryAfter reads a Retry-After header, in seconds or as an HTTP
// date; it is 0 when absent, unreadable or past.
func parseRetryAfter(value string, now time.Time) time.Duration {
	value = strings.TrimSpace(value)
	if value == "" {
		return 0
	}
	if n, err := strconv.ParseInt(value, 10, 64); err == nil {
		if n <= 0 || n > int64(365*24*time.Hour/time.Second) {
			return 0
		}
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(value); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// syndicationNS is the namespace of the RSS 1.0 syndication module
// (sy:updatePeriod, sy:updateFrequency).
const syndicationNS = "http://purl.org/rss/1.0/modules/syndication/"

// syPeriods are the periods that sy:updatePeriod names.
var syPeriods = map[string]time.Duration{
	"hourly":  time.Hour,
	"daily":   24 * time.Hour,
	"weekly":  7 * 24 * time.Hour,
	"monthly": 30 * 24 * time.Hour,
	"yearly":  365 * 24 * time.Hour,
}

// feedSchedule returns the interval a feed asks to be polled at: the
// longer of the RSS <ttl> (minutes) and of sy:updatePeriod divided by
// sy:updateFrequency, read from the channel before the first item. ok is
// false when the feed says nothing readable.
func feedSchedule(data []byte) (d time.Duration, ok bool) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	dec.CharsetReader = charset.NewReaderLabel
	var ttl, period, frequency string
	for {
		tok, err := dec.Token()
		if err != nil {
			break // the feed reader has reported what is wrong
		}
		el, isStart := tok.(xml.StartElement)
		if !isStart {
			continue
		}
		name := el.Name.Local
		if name == "item" || name == "entry" {
			break // a channel's schedule comes before its items
		}
		var target *string
		switch {
		case name == "ttl" && el.Name.Space == "":
			target = &ttl
		case el.Name.Space == syndicationNS || el.Name.Space == "sy":
			switch name {
			case "updatePeriod":
				target = &period
			case "updateFrequency":
				target = &frequency
			}
		}
		if target != nil {
			if dec.DecodeElement(target, &el) != nil {
				break
			}
		}
	}
	if minutes, err := strconv.Atoi(strings.TrimSpace(ttl)); err == nil && minutes > 0 && minutes <= 366*24*60 {
		d, ok = time.Duration(minutes)*time.Minute, true
	}
	if per, found := syPeriods[strings.ToLower(strings.TrimSpace(period))]; found {
		n, err := strconv.Atoi(strings.TrimSpace(frequency))
		if err != nil || n < 1 {
			n = 1 // the module's default
		}
		d, ok = max(d, per/time.Duration(n)), true
	}
	return d, ok
}

// Watch polls every feed of urls when it is due, each on its own schedule
// (see Poll), with at most concurrency polls at a time (1 when less),
// until ctx is done; it then waits for the polls in flight to stop and
// returns ctx.Err(). A feed first polls at the NextPoll of its saved
// state, at once when it has none.
//
// yield gets the articles and errors of every poll; an error names its
// feed, and no error stops the other feeds. yield and Options.Warn are
// only ever called from the goroutine that called Watch, one call at a
// time, so they need no locking; while yield runs, polls wait to hand over
// their next article. Duplicate URLs are polled once; a URL that is not
// an absolute http or https URL is reported through yield and left out.
func (p *Poller) Watch(ctx context.Context, urls []string, concurrency int, yield func(article.Article, error)) error {
	cfg := p.withDefaults()
	if cfg.States == nil {
		return errors.New("watching feeds: the Poller has no States")
	}
	concurrency = max(concurrency, 1)

	// Everything for the consumer goes through events, so that it is
	// called from this goroutine only.
	type event struct {
		article   article.Article
		err       error
		warning   string
		isWarning bool
	}
	events := make(chan event)
	send := func(ev event) bool {
		select {
		case events <- ev:
			return true
		case <-ctx.Done():
			return false
		}
	}
	warn := p.Options.Warn
	if warn != nil {
		cfg.Options.Warn = func(msg string) { send(event{warning: msg, isWarning: true}) }
	}

	var queue feedQueue
	seen := make(map[string]bool)
	for _, u := range urls {
		if seen[u] {
			continue
		}
		seen[u] = true
		if err := checkFeedURL(u); err != nil {
			yield(article.Article{}, err)
			continue
		}
		at := time.Now()
		st, ok, err := cfg.States.Feed(ctx, u)
		switch {
		case err != nil:
			// Poll loads the state again and reports what is still wrong.
		case ok:
			at = at.Add(st.NextPoll.Sub(cfg.Now()))
		}
		heap.Push(&queue, scheduledFeed{url: u, at: at})
	}
	if queue.Len() == 0 {
		return errors.New("watching feeds: no feed URL to poll")
	}

	type finished struct {
		url  string
		next time.Time
	}
	done := make(chan finished, concurrency)
	running := 0
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	for {
		now := time.Now()
		for running < concurrency && queue.Len() > 0 && !queue[0].at.After(now) {
			feed := heap.Pop(&queue).(scheduledFeed)
			running++
			go func() {
				st, err := cfg.poll(ctx, feed.url, func(a article.Article, err error) bool {
					return send(event{article: a, err: err})
				})
				if err != nil && ctx.Err() == nil {
					send(event{err: err})
				}
				done <- finished{feed.url, st.NextPoll}
			}()
		}
		var wake <-chan time.Time
		if running < concurrency && queue.Len() > 0 {
			timer.Reset(queue[0].at.Sub(now))
			wake = timer.C
		} else {
			timer.Stop()
		}
		select {
		case <-ctx.Done():
			for running > 0 {
				select {
				case <-events: // the consumer is gone
				case <-done:
					running--
				}
			}
			return ctx.Err()
		case ev := <-events:
			if ev.isWarning {
				warn(ev.warning)
			} else {
				yield(ev.article, ev.err)
			}
		case f := <-done:
			running--
			// The wait is measured on Now's clock and taken in real time.
			heap.Push(&queue, scheduledFeed{url: f.url, at: time.Now().Add(f.next.Sub(cfg.Now()))})
		case <-wake:
		}
	}
}

// scheduledFeed is a feed waiting for its next poll.
type scheduledFeed struct {
	url string
	at  time.Time // real time
}

// feedQueue is a heap of feeds, the next due first.
type feedQueue []scheduledFeed

func (q feedQueue) Len() int           { return len(q) }
func (q feedQueue) Less(i, j int) bool { return q[i].at.Before(q[j].at) }
func (q feedQueue) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *feedQueue) Push(x any)        { *q = append(*q, x.(scheduledFeed)) }
func (q *feedQueue) Pop() any {
	old := *q
	last := old[len(old)-1]
	*q = old[:len(old)-1]
	return last
}
