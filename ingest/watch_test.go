package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"tidings/article"
)

// memStates is a FeedStates in memory, safe for concurrent use.
type memStates struct {
	mu      sync.Mutex
	states  map[string]FeedState
	saves   int
	loadErr error // when set, Feed fails with it
	saveErr error // when set, SaveFeed fails with it
}

func newMemStates(states ...FeedState) *memStates {
	m := &memStates{states: make(map[string]FeedState)}
	for _, st := range states {
		m.states[st.URL] = st
	}
	return m
}

func (m *memStates) Feed(ctx context.Context, url string) (FeedState, bool, error) {
	if err := ctx.Err(); err != nil {
		return FeedState{}, false, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.loadErr != nil {
		return FeedState{}, false, m.loadErr
	}
	st, ok := m.states[url]
	return st, ok, nil
}

func (m *memStates) SaveFeed(ctx context.Context, st FeedState) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.saveErr != nil {
		return m.saveErr
	}
	m.states[st.URL] = st
	m.saves++
	return nil
}

func (m *memStates) get(url string) FeedState {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.states[url]
}

func (m *memStates) saveCount() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.saves
}

// fakeClock is a clock that moves only when told.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2024, 3, 5, 12, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

// testPoller returns a Poller on a fake clock with the usual bounds.
func testPoller(states *memStates, clock *fakeClock) *Poller {
	return &Poller{
		States:      states,
		Now:         clock.Now,
		Interval:    15 * time.Minute,
		MinInterval: time.Minute,
		MaxInterval: 24 * time.Hour,
		MaxBackoff:  6 * time.Hour,
		Options:     Options{FetchTimeout: 2 * time.Second},
	}
}

// testRSS returns an RSS feed with the given elements in its channel,
// before the items.
func testRSS(channel string, items ...string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"><channel><title>Test feed</title>` +
		channel + strings.Join(items, "") + `</channel></rss>`
}

// testItem returns an RSS item.
func testItem(guid, description string) string {
	return fmt.Sprintf("<item><guid>%s</guid><title>Item %s</title><description>%s</description></item>", guid, guid, description)
}

// polled is what one Poll yielded and returned.
type polled struct {
	articles []article.Article
	errs     []error // yielded
	err      error   // returned
}

func poll(t *testing.T, p *Poller, url string) polled {
	t.Helper()
	var r polled
	r.err = p.Poll(context.Background(), url, func(a article.Article, err error) bool {
		if err != nil {
			r.errs = append(r.errs, err)
			return true
		}
		checkArticle(t, a)
		r.articles = append(r.articles, a)
		return true
	})
	return r
}

func TestPollConditionalGET(t *testing.T) {
	const lastModified = "Tue, 05 Mar 2024 09:00:00 GMT"
	tests := []struct {
		name string
		etag string // sent by the server; "" for Last-Modified alone
	}{
		{"ETag and Last-Modified", `"v1"`},
		{"Last-Modified alone", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var mu sync.Mutex
			var requests []http.Header
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				mu.Lock()
				requests = append(requests, r.Header.Clone())
				mu.Unlock()
				if (tt.etag != "" && r.Header.Get("If-None-Match") == tt.etag) ||
					(tt.etag == "" && r.Header.Get("If-Modified-Since") == lastModified) {
					w.WriteHeader(http.StatusNotModified)
					return
				}
				if tt.etag != "" {
					w.Header().Set("ETag", tt.etag)
				}
				w.Header().Set("Last-Modified", lastModified)
				w.Header().Set("Content-Type", "application/rss+xml")
				io.WriteString(w, testRSS("<ttl>60</ttl>", testItem("a", "First."), testItem("b", "Second.")))
			}))
			defer srv.Close()
			url := srv.URL + "/feed"
			states, clock := newMemStates(), newFakeClock()
			p := testPoller(states, clock)
			start := clock.Now()

			first := poll(t, p, url)
			if first.err != nil || len(first.errs) != 0 || len(first.articles) != 2 {
				t.Fatalf("first poll: %d articles, errors %v %v; want 2 and none", len(first.articles), first.errs, first.err)
			}
			want := FeedState{URL: url, ETag: tt.etag, LastModified: lastModified, LastPolled: start, NextPoll: start.Add(time.Hour)}
			if st := states.get(url); st != want {
				t.Errorf("state after the first poll\n%+v, want\n%+v", st, want)
			}

			clock.Set(start.Add(time.Hour))
			second := poll(t, p, url)
			if second.err != nil || len(second.errs) != 0 || len(second.articles) != 0 {
				t.Fatalf("second poll: %d articles, errors %v %v; want none (304)", len(second.articles), second.errs, second.err)
			}
			if len(requests) != 2 {
				t.Fatalf("%d requests, want 2", len(requests))
			}
			if h := requests[0]; h.Get("If-None-Match") != "" || h.Get("If-Modified-Since") != "" {
				t.Errorf("first request is conditional: %v", h)
			}
			if h := requests[1]; h.Get("If-None-Match") != tt.etag || h.Get("If-Modified-Since") != lastModified {
				t.Errorf("second request sent If-None-Match %q, If-Modified-Since %q; want %q, %q",
					h.Get("If-None-Match"), h.Get("If-Modified-Since"), tt.etag, lastModified)
			}
			// The 304 keeps the validators and the hour the feed asked for.
			want.LastPolled, want.NextPoll = start.Add(time.Hour), start.Add(2*time.Hour)
			if st := states.get(url); st != want {
				t.Errorf("state after the 304\n%+v, want\n%+v", st, want)
			}
		})
	}
}

func TestPollSchedule(t *testing.T) {
	item := testItem("1", "Text.")
	tests := []struct {
		name   string
		header map[string]string
		feed   string
		want   time.Duration
	}{
		{name: "nothing said: Interval", feed: testRSS("", item), want: 15 * time.Minute},
		{name: "ttl", feed: testRSS("<ttl>60</ttl>", item), want: time.Hour},
		{name: "ttl below MinInterval", feed: testRSS("<ttl>2</ttl>", item), want: 5 * time.Minute},
		{name: "ttl above MaxInterval", feed: testRSS("<ttl>20160</ttl>", item), want: 24 * time.Hour},
		{name: "ttl not a number", feed: testRSS("<ttl>soon</ttl>", item), want: 15 * time.Minute},
		{name: "ttl of an item is not the channel's", feed: testRSS("", "<item><ttl>600</ttl><description>x</description></item>"), want: 15 * time.Minute},
		{name: "sy hourly", feed: testRSS("<sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>1</sy:updateFrequency>", item), want: time.Hour},
		{name: "sy daily, 4 times", feed: testRSS("<sy:updatePeriod> daily </sy:updatePeriod><sy:updateFrequency>4</sy:updateFrequency>", item), want: 6 * time.Hour},
		{name: "sy period alone", feed: testRSS("<sy:updatePeriod>daily</sy:updatePeriod>", item), want: 24 * time.Hour},
		{name: "sy undeclared prefix", feed: `<rss version="2.0"><channel><sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency>` + item + `</channel></rss>`, want: 30 * time.Minute},
		{name: "sy in RSS 1.0", feed: `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:syn="http://purl.org/rss/1.0/modules/syndication/"><channel rdf:about="http://x.example/"><title>T</title><syn:updatePeriod>hourly</syn:updatePeriod><syn:updateFrequency>3</syn:updateFrequency></channel><item rdf:about="http://x.example/1"><title>t</title><description>d</description></item></rdf:RDF>`, want: 20 * time.Minute},
		{name: "max-age", header: map[string]string{"Cache-Control": "public, max-age=7200"}, feed: testRSS("", item), want: 2 * time.Hour},
		{name: "max-age less Age", header: map[string]string{"Cache-Control": "max-age=7200", "Age": "3600"}, feed: testRSS("", item), want: time.Hour},
		{name: "max-age 0", header: map[string]string{"Cache-Control": "max-age=0"}, feed: testRSS("", item), want: 15 * time.Minute},
		{name: "no-cache", header: map[string]string{"Cache-Control": "no-cache, max-age=7200"}, feed: testRSS("", item), want: 15 * time.Minute},
		{name: "the longest hint", header: map[string]string{"Cache-Control": "max-age=7200"}, feed: testRSS("<ttl>30</ttl>", item), want: 2 * time.Hour},
		{name: "Atom with max-age", header: map[string]string{"Cache-Control": "max-age=1800"}, feed: `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><id>1</id><title>t</title><content>c</content></entry></feed>`, want: 30 * time.Minute},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				for k, v := range tt.header {
					w.Header().Set(k, v)
				}
				io.WriteString(w, tt.feed)
			}))
			defer srv.Close()
			states, clock := newMemStates(), newFakeClock()
			p := testPoller(states, clock)
			p.MinInterval = 5 * time.Minute
			r := poll(t, p, srv.URL)
			if r.err != nil || len(r.errs) != 0 || len(r.articles) != 1 {
				t.Fatalf("%d articles, errors %v %v; want one article", len(r.articles), r.errs, r.err)
			}
			if got := states.get(srv.URL).NextPoll.Sub(clock.Now()); got != tt.want {
				t.Errorf("next poll in %v, want %v", got, tt.want)
			}
		})
	}
}

// checkBackoff checks that st records the given number of failures and a
// next poll within the jitter of want after now.
func checkBackoff(t *testing.T, st FeedState, now time.Time, failures int, want time.Duration) {
	t.Helper()
	got := st.NextPoll.Sub(now)
	if st.Failures != failures || got > want || got < want*3/4 {
		t.Errorf("%d failures, next poll in %v; want %d, in [%v, %v]", st.Failures, got, failures, want*3/4, want)
	}
}

func TestPollBackoff(t *testing.T) {
	var failing atomic.Bool
	failing.Store(true)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if failing.Load() {
			http.Error(w, "broken", http.StatusInternalServerError)
			return
		}
		io.WriteString(w, testRSS("", testItem("1", "Back.")))
	}))
	defer srv.Close()
	states, clock := newMemStates(), newFakeClock()
	p := testPoller(states, clock)

	// 15m, 30m, 1h, 2h, 4h, then the 6h cap.
	waits := []time.Duration{15 * time.Minute, 30 * time.Minute, time.Hour, 2 * time.Hour, 4 * time.Hour, 6 * time.Hour, 6 * time.Hour, 6 * time.Hour}
	for i, want := range waits {
		r := poll(t, p, srv.URL)
		if r.err == nil || r.err.Error() != srv.URL+": fetching: HTTP 500 Internal Server Error" || len(r.articles)+len(r.errs) != 0 {
			t.Fatalf("poll %d: error %v, yielded %d articles, %v; want only the HTTP error", i+1, r.err, len(r.articles), r.errs)
		}
		st := states.get(srv.URL)
		checkBackoff(t, st, clock.Now(), i+1, want)
		if st.LastError != r.err.Error() {
			t.Errorf("last error %q, want %q", st.LastError, r.err)
		}
		clock.Set(st.NextPoll)
	}

	// A success resets the count and the schedule.
	failing.Store(false)
	if r := poll(t, p, srv.URL); r.err != nil || len(r.articles) != 1 {
		t.Fatalf("poll after recovery: %d articles, error %v", len(r.articles), r.err)
	}
	st := states.get(srv.URL)
	if st.Failures != 0 || st.LastError != "" || st.NextPoll != clock.Now().Add(15*time.Minute) {
		t.Errorf("state after recovery %+v; want no failure, next poll in 15m", st)
	}
	failing.Store(true)
	clock.Set(st.NextPoll)
	poll(t, p, srv.URL)
	checkBackoff(t, states.get(srv.URL), clock.Now(), 1, 15*time.Minute)
}

func TestBackoffJitter(t *testing.T) {
	p := (&Poller{Interval: 15 * time.Minute, MaxBackoff: 6 * time.Hour}).withDefaults()
	seen := make(map[time.Duration]bool)
	for range 200 {
		d := p.backoff(1000) // far past the cap, and no overflow
		if d > 6*time.Hour || d < 4*time.Hour+30*time.Minute {
			t.Fatalf("backoff %v, want within [4h30m, 6h]", d)
		}
		seen[d] = true
	}
	if len(seen) < 100 {
		t.Errorf("%d distinct waits in 200; want them spread", len(seen))
	}
}

func TestPollRetryAfter(t *testing.T) {
	clock := newFakeClock()
	backoff := 15 * time.Minute
	tests := []struct {
		name       string
		status     int
		retryAfter string
		want       time.Duration // exact; 0 for the jittered backoff
	}{
		{"503 in seconds", http.StatusServiceUnavailable, "7200", 2 * time.Hour},
		{"429 as a date", http.StatusTooManyRequests, clock.Now().Add(3 * time.Hour).Format(http.TimeFormat), 3 * time.Hour},
		{"shorter than the backoff", http.StatusServiceUnavailable, "30", 0},
		{"longer than MaxInterval", http.StatusTooManyRequests, "864000", 24 * time.Hour},
		{"a date past", http.StatusServiceUnavailable, clock.Now().Add(-time.Hour).Format(http.TimeFormat), 0},
		{"unreadable", http.StatusServiceUnavailable, "later", 0},
		{"not on a 500", http.StatusInternalServerError, "7200", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Retry-After", tt.retryAfter)
				w.WriteHeader(tt.status)
			}))
			defer srv.Close()
			states := newMemStates()
			r := poll(t, testPoller(states, clock), srv.URL)
			if r.err == nil || !strings.HasPrefix(r.err.Error(), srv.URL+": fetching: HTTP "+fmt.Sprint(tt.status)) {
				t.Errorf("error %v, want the HTTP status naming the feed", r.err)
			}
			st := states.get(srv.URL)
			if tt.want == 0 {
				checkBackoff(t, st, clock.Now(), 1, backoff)
			} else if got := st.NextPoll.Sub(clock.Now()); st.Failures != 1 || got != tt.want {
				t.Errorf("%d failures, next poll in %v; want 1, %v", st.Failures, got, tt.want)
			}
		})
	}
}

func TestPollFailures(t *testing.T) {
	bigFeed := testRSS("", testItem("1", strings.Repeat("Long text. ", 200)))
	tests := []struct {
		name    string
		handler http.HandlerFunc
		opt     Options
		want    string // the error, after the feed's URL
	}{
		{
			name:    "404",
			handler: func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) },
			want:    ": fetching: HTTP 404 Not Found",
		},
		{
			name:    "500",
			handler: func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusInternalServerError) },
			want:    ": fetching: HTTP 500 Internal Server Error",
		},
		{
			name: "malformed XML",
			handler: func(w http.ResponseWriter, r *http.Request) {
				io.WriteString(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><description>cut here`)
			},
			want: ": parsing feed: ",
		},
		{
			name: "HTML instead of a feed",
			handler: func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				io.WriteString(w, "<!DOCTYPE html><html><head><title>Moved</title></head><body><p>Our feed has moved.</p></body></html>")
			},
			want: ": parsing feed: ",
		},
		{
			name:    "empty body",
			handler: func(w http.ResponseWriter, r *http.Request) {},
			want:    ": empty input",
		},
		{
			name: "no usable item",
			handler: func(w http.ResponseWriter, r *http.Request) {
				io.WriteString(w, testRSS("", "<item><title>Headline only</title></item>"))
			},
			want: `: item 1 ("Headline only"): no content or description`,
		},
		{
			name:    "no item",
			handler: func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, testRSS("")) },
			want:    ": the feed has no items",
		},
		{
			name: "timeout",
			handler: func(w http.ResponseWriter, r *http.Request) {
				select {
				case <-r.Context().Done():
				case <-time.After(2 * time.Second):
				}
			},
			opt:  Options{FetchTimeout: 50 * time.Millisecond},
			want: ": fetching: no complete response within 50ms (FetchTimeout)",
		},
		{
			name:    "over MaxFetchBytes",
			handler: func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, bigFeed) },
			opt:     Options{MaxFetchBytes: 1 << 10},
			want:    ": input too large: the download exceeds 1 KiB (MaxFetchBytes)",
		},
		{
			name:    "over MaxArticleBytes",
			handler: func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, bigFeed) },
			opt:     Options{MaxArticleBytes: 1 << 10},
			want:    ": input too large: more than 1 KiB, the limit for one document (MaxArticleBytes)",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("ETag", `"new"`)
				tt.handler(w, r)
			}))
			defer srv.Close()
			url := srv.URL + "/feed.xml"
			clock := newFakeClock()
			before := FeedState{URL: url, ETag: `"old"`, LastModified: "Mon, 04 Mar 2024 10:00:00 GMT", Failures: 2}
			states := newMemStates(before)
			p := testPoller(states, clock)
			if tt.opt.FetchTimeout != 0 || tt.opt.MaxFetchBytes != 0 || tt.opt.MaxArticleBytes != 0 {
				p.Options = tt.opt
			}
			r := poll(t, p, url)
			if r.err == nil || !strings.HasPrefix(r.err.Error(), url+tt.want) {
				t.Errorf("error %v, want prefix %q", r.err, url+tt.want)
			}
			if len(r.articles) != 0 || len(r.errs) != 0 {
				t.Errorf("yielded %d articles and errors %v; want nothing", len(r.articles), r.errs)
			}
			st := states.get(url)
			if st.ETag != before.ETag || st.LastModified != before.LastModified {
				t.Errorf("validators %q, %q; want the previous ones kept", st.ETag, st.LastModified)
			}
			checkBackoff(t, st, clock.Now(), 3, time.Hour)
			if r.err != nil && st.LastError != r.err.Error() {
				t.Errorf("last error %q, want %q", st.LastError, r.err)
			}
		})
	}
}

func TestPollItemErrors(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, testRSS("", "<item><title>No text</title></item>", testItem("2", "Some text.")))
	}))
	defer srv.Close()
	states := newMemStates()
	var order []string
	err := testPoller(states, newFakeClock()).Poll(context.Background(), srv.URL, func(a article.Article, err error) bool {
		if err != nil {
			order = append(order, "error: "+err.Error())
		} else {
			order = append(order, "article: "+a.Body)
		}
		return true
	})
	want := []string{"error: " + srv.URL + `: item 1 ("No text"): no content or description`, "article: Some text."}
	if err != nil || !slices.Equal(order, want) {
		t.Errorf("yielded %q, returned %v; want %q and no error", order, err, want)
	}
	if st := states.get(srv.URL); st.Failures != 0 {
		t.Errorf("a bad item counted as a failed poll: %+v", st)
	}
}

// TestPollArticlesAsRead checks that a poll gives the articles (and item
// errors) that reading the same feed gives.
func TestPollArticlesAsRead(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "feed.rss"))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(data)
	}))
	defer srv.Close()
	url := srv.URL + "/feed.rss"

	var want []any
	for a, err := range Read(context.Background(), url, strings.NewReader(string(data)), Feed, Options{}) {
		want = append(want, a, fmt.Sprint(err))
	}
	var got []any
	err = testPoller(newMemStates(), newFakeClock()).Poll(context.Background(), url, func(a article.Article, err error) bool {
		got = append(got, a, fmt.Sprint(err))
		return true
	})
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("poll gave\n%v\nerror %v; Read gives\n%v", got, err, want)
	}
}

func TestPollStopsWithoutSaving(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v1"`)
		io.WriteString(w, testRSS("", testItem("1", "One."), testItem("2", "Two.")))
	}))
	defer srv.Close()

	t.Run("consumer stops", func(t *testing.T) {
		states := newMemStates()
		n := 0
		err := testPoller(states, newFakeClock()).Poll(context.Background(), srv.URL, func(article.Article, error) bool {
			n++
			return false
		})
		// Saving the ETag would make the next poll a 304 and lose the
		// items not taken.
		if err != nil || n != 1 || states.saveCount() != 0 {
			t.Errorf("error %v, %d yields, %d saves; want no error, 1 yield, no save", err, n, states.saveCount())
		}
	})
	t.Run("context canceled while reading", func(t *testing.T) {
		states := newMemStates()
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		var yielded []error
		err := testPoller(states, newFakeClock()).Poll(ctx, srv.URL, func(a article.Article, err error) bool {
			yielded = append(yielded, err)
			cancel()
			return true
		})
		// The cancellation is returned once, not also yielded.
		if !errors.Is(err, context.Canceled) || len(yielded) != 1 || yielded[0] != nil || states.saveCount() != 0 {
			t.Errorf("returned %v, yielded %v, %d saves; want the cancellation, one article, no save", err, yielded, states.saveCount())
		}
	})
	t.Run("context canceled", func(t *testing.T) {
		states := newMemStates()
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		err := testPoller(states, newFakeClock()).Poll(ctx, srv.URL, func(article.Article, error) bool {
			t.Error("yielded after cancellation")
			return true
		})
		if !errors.Is(err, context.Canceled) || !strings.HasPrefix(err.Error(), srv.URL+": ") || states.saveCount() != 0 {
			t.Errorf("error %v, %d saves; want the cancellation naming the feed, no save", err, states.saveCount())
		}
	})
}

func TestPollStateErrors(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, testRSS("", testItem("1", "One.")))
	}))
	defer srv.Close()
	disk := errors.New("disk full")
	tests := []struct {
		name     string
		states   *memStates
		articles int
		want     string
	}{
		{"loading", &memStates{states: map[string]FeedState{}, loadErr: disk}, 0, srv.URL + ": loading the feed's polling state: disk full"},
		{"saving", &memStates{states: map[string]FeedState{}, saveErr: disk}, 1, srv.URL + ": saving the feed's polling state: disk full"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := poll(t, testPoller(tt.states, newFakeClock()), srv.URL)
			if r.err == nil || r.err.Error() != tt.want || !errors.Is(r.err, disk) || len(r.articles) != tt.articles {
				t.Errorf("error %v, %d articles; want %q, %d articles", r.err, len(r.articles), tt.want, tt.articles)
			}
		})
	}
	if err := (&Poller{}).Poll(context.Background(), srv.URL, nil); err == nil {
		t.Error("a Poller without States polled")
	}
	if err := testPoller(newMemStates(), newFakeClock()).Poll(context.Background(), "/relative/feed", nil); err == nil ||
		err.Error() != "/relative/feed: not a feed URL: an absolute http or https URL is needed" {
		t.Errorf("error %v for a relative URL", err)
	}
}

// feedServer serves a one-item feed at every path, naming the path in the
// item, and counts the requests per path.
type feedServer struct {
	*httptest.Server
	mu       sync.Mutex
	requests map[string]int
}

func newFeedServer(t *testing.T, handle func(w http.ResponseWriter, r *http.Request) bool) *feedServer {
	fs := &feedServer{requests: make(map[string]int)}
	fs.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fs.mu.Lock()
		fs.requests[r.URL.Path]++
		fs.mu.Unlock()
		if handle != nil && handle(w, r) {
			return
		}
		io.WriteString(w, testRSS("", testItem(r.URL.Path, "News from "+r.URL.Path+".")))
	}))
	t.Cleanup(fs.Close)
	return fs
}

func (fs *feedServer) count(path string) int {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return fs.requests[path]
}

// watch runs Watch in the background and returns a channel for its result.
func watch(ctx context.Context, p *Poller, urls []string, concurrency int, yield func(article.Article, error)) <-chan error {
	result := make(chan error, 1)
	go func() { result <- p.Watch(ctx, urls, concurrency, yield) }()
	return result
}

// waitWatch waits for Watch to return, for at most a second.
func waitWatch(t *testing.T, result <-chan error) error {
	t.Helper()
	select {
	case err := <-result:
		return err
	case <-time.After(time.Second):
		t.Fatal("Watch did not return within a second of its context's end")
		return nil
	}
}

func TestWatchConcurrency(t *testing.T) {
	var inFlight, maxInFlight atomic.Int32
	srv := newFeedServer(t, func(w http.ResponseWriter, r *http.Request) bool {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			m := maxInFlight.Load()
			if n <= m || maxInFlight.CompareAndSwap(m, n) {
				break
			}
		}
		time.Sleep(20 * time.Millisecond) // long enough for the polls to overlap
		return false
	})
	var urls []string
	for i := range 9 {
		urls = append(urls, fmt.Sprintf("%s/feed%d", srv.URL, i))
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var inYield atomic.Bool
	seen := make(map[string]bool) // touched by yield only, which Watch serialises
	result := watch(ctx, &Poller{States: newMemStates()}, urls, 3, func(a article.Article, err error) {
		if !inYield.CompareAndSwap(false, true) {
			t.Error("yield called concurrently")
		}
		defer inYield.Store(false)
		if err != nil {
			t.Errorf("error %v", err)
			return
		}
		seen[a.Origin] = true
		if len(seen) == len(urls) {
			cancel()
		}
	})
	if err := waitWatch(t, result); !errors.Is(err, context.Canceled) {
		t.Errorf("Watch returned %v, want context.Canceled", err)
	}
	if len(seen) != len(urls) {
		t.Errorf("articles from %d feeds, want %d", len(seen), len(urls))
	}
	if m := maxInFlight.Load(); m != 3 {
		t.Errorf("at most %d polls at a time, want 3", m)
	}
}

func TestWatchCancel(t *testing.T) {
	started := make(chan struct{}, 10)
	srv := newFeedServer(t, func(w http.ResponseWriter, r *http.Request) bool {
		started <- struct{}{}
		<-r.Context().Done() // a feed that never answers
		return true
	})
	states := newMemStates()
	ctx, cancel := context.WithCancel(context.Background())
	var yielded atomic.Int32
	result := watch(ctx, &Poller{States: states}, []string{srv.URL + "/a", srv.URL + "/b"}, 2, func(a article.Article, err error) {
		yielded.Add(1)
	})
	<-started
	<-started
	begin := time.Now()
	cancel()
	if err := waitWatch(t, result); !errors.Is(err, context.Canceled) {
		t.Errorf("Watch returned %v, want context.Canceled", err)
	}
	if d := time.Since(begin); d > 500*time.Millisecond {
		t.Errorf("Watch took %v to stop", d)
	}
	// An interrupted poll is neither reported nor counted as a failure.
	if n := yielded.Load(); n != 0 || states.saveCount() != 0 {
		t.Errorf("%d yields, %d saves after cancellation; want none", n, states.saveCount())
	}
}

// TestWatchSchedules checks that each feed keeps its own schedule: one due
// often, one not due for an hour, one failing, whose errors reach the
// consumer without stopping the others.
func TestWatchSchedules(t *testing.T) {
	srv := newFeedServer(t, func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path == "/broken" {
			http.NotFound(w, r)
			return true
		}
		return false
	})
	often, later, broken := srv.URL+"/often", srv.URL+"/later", srv.URL+"/broken"
	states := newMemStates(FeedState{URL: later, NextPoll: time.Now().Add(time.Hour)})
	p := &Poller{States: states, Interval: 40 * time.Millisecond, MinInterval: time.Millisecond, MaxBackoff: 40 * time.Millisecond}
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	var articles int
	var errs []string
	result := watch(ctx, p, []string{often, later, broken, often, "ftp://files.example/feed"}, 2, func(a article.Article, err error) {
		if err != nil {
			errs = append(errs, err.Error())
			return
		}
		articles++
	})
	if err := waitWatch(t, result); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Watch returned %v, want context.DeadlineExceeded", err)
	}
	if n := srv.count("/often"); n < 3 || n != articles {
		t.Errorf("the frequent feed was polled %d times and gave %d articles; want at least 3 of each", n, articles)
	}
	if n := srv.count("/later"); n != 0 {
		t.Errorf("the feed due in an hour was polled %d times", n)
	}
	wantErrs := []string{"ftp://files.example/feed: not a feed URL: an absolute http or https URL is needed"}
	for range srv.count("/broken") {
		wantErrs = append(wantErrs, broken+": fetching: HTTP 404 Not Found")
	}
	if len(wantErrs) < 3 || !slices.Equal(errs, wantErrs) {
		t.Errorf("errors %q, want %q and at least two polls of the broken feed", errs, wantErrs)
	}
	if st := states.get(broken); st.Failures < 2 {
		t.Errorf("broken feed state %+v, want its failures counted", st)
	}
}

func TestWatchArguments(t *testing.T) {
	ctx := context.Background()
	yield := func(article.Article, error) {}
	if err := (&Poller{}).Watch(ctx, []string{"http://a.example/"}, 1, yield); err == nil {
		t.Error("Watch without States: no error")
	}
	if err := (&Poller{States: newMemStates()}).Watch(ctx, nil, 1, yield); err == nil {
		t.Error("Watch without feeds: no error")
	}
}
