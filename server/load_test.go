package server

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"tidings/article"
	"tidings/store"
)

// Load test settings: 200 clients for TIDINGS_LOAD_DURATION (2s unless
// set, so that CI stays fast), against a server on loopback only.
const (
	loadClients        = 200
	defaultLoadTime    = 2 * time.Second
	maxLoadRequestsPer = 1_000_000 // a bound on each client's loop besides time
)

// loadArchive adds short dispatches about a few cities to the test
// archive, so that searches and timelines have more than a handful of
// rows to go through.
func loadArchive(t *testing.T, ts *testServer) {
	t.Helper()
	p, _ := analysed(t)
	cities := []string{"Almaty", "Berlin", "Karachi", "Brussels", "Tokyo", "Paris"}
	events := []string{
		"the city council approved a budget for new tram lines",
		"firefighters put out a blaze at a warehouse near the river",
		"thousands of runners took part in the annual marathon",
		"the port authority reported record cargo volumes",
		"teachers held a one-day strike over pay",
	}
	n := 0
	for i, city := range cities {
		for j, event := range events {
			n++
			a := article.Article{
				Title:     fmt.Sprintf("%s: %s", city, event),
				Body:      fmt.Sprintf("Officials in %s said on Monday that %s. The mayor of %s told reporters that dispatch number %d would be followed by more details.", city, event, city, n),
				Published: day("2022-01-03").AddDate(0, 0, 9*i+40*j),
				Source:    "Load Wire",
			}
			an, err := p.Analyze(t.Context(), a)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := ts.store.Put(t.Context(), an.Record()); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// loadTargets is the mix of requests of the load test: API searches and
// lookups, and the pages a reader opens.
func loadTargets(t *testing.T, getJSON func(path string, v any), ids []int64) []string {
	t.Helper()
	var ents []store.EntitySummary
	getJSON("/api/entities?limit=20", &ents)
	var tags []store.TagCount
	getJSON("/api/tags?limit=5", &tags)
	var targets []string
	words := []string{"Almaty", "gas", "marathon", "%22interest+rate%22", "Tokyo+OR+Berlin", "strike", "floods", "port+cargo"}
	for _, w := range words {
		targets = append(targets,
			"/api/search?q="+w,
			"/api/search?q="+w+"&from=2022-02-01&limit=10",
			"/?q="+w,
		)
	}
	for _, id := range ids {
		s := strconv.FormatInt(id, 10)
		targets = append(targets, "/api/articles/"+s, "/articles/"+s)
	}
	for _, e := range ents {
		id := url.PathEscape(e.ID)
		targets = append(targets, "/api/entities/"+id, "/entities/"+id, "/api/timeline?entity="+url.QueryEscape(e.ID))
	}
	for _, tag := range tags {
		targets = append(targets, "/api/articles?tag="+url.QueryEscape(tag.Tag), "/tags/"+url.PathEscape(tag.Tag))
	}
	targets = append(targets,
		"/", "/api/articles", "/api/tags", "/api/tags?prefix=b",
		"/api/entities", "/api/entities?prefix=al", "/api/timeline", "/api/stats", "/static/style.css",
	)
	return targets
}

// loadReport is the JSON line the load test prints.
type loadReport struct {
	Test       string  `json:"test"`
	Clients    int     `json:"clients"`
	Seconds    float64 `json:"seconds"`
	Requests   int     `json:"requests"`
	Errors     int     `json:"errors"`
	PerSecond  float64 `json:"requests_per_second"`
	P50Millis  float64 `json:"p50_ms"`
	P90Millis  float64 `json:"p90_ms"`
	P99Millis  float64 `json:"p99_ms"`
	MaxMillis  float64 `json:"max_ms"`
	Targets    int     `json:"targets"`
	GOMAXPROCS int     `json:"gomaxprocs"`
}

// TestLoad runs loadClients concurrent clients against the server for
// TIDINGS_LOAD_DURATION and fails on any error or non-2xx answer. The
// server is an in-process one on a small archive, or, when
// TIDINGS_LOAD_URL is set (http://127.0.0.1:8080), a running
// 'tidings serve' and its archive.
func TestLoad(t *testing.T) {
	duration := defaultLoadTime
	if s := os.Getenv("TIDINGS_LOAD_DURATION"); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil || d <= 0 {
			t.Fatalf("TIDINGS_LOAD_DURATION=%q: want a duration such as 30s", s)
		}
		duration = d
	}
	base := os.Getenv("TIDINGS_LOAD_URL")
	var targets []string
	if base == "" {
		ts := newTestServer(t, Options{})
		loadArchive(t, ts)
		targets = loadTargets(t, func(path string, v any) { ts.getJSON(t, path, http.StatusOK, v) }, ts.ids)
		web := httptest.NewServer(ts.handler) // listens on 127.0.0.1 only
		defer web.Close()
		base = web.URL
	} else {
		getJSON := func(path string, v any) {
			resp, err := http.Get(base + path)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
				t.Fatalf("GET %s: %v", path, err)
			}
		}
		var page store.Results
		getJSON("/api/articles?limit=100", &page)
		var ids []int64
		for _, h := range page.Hits {
			ids = append(ids, h.ID)
		}
		targets = loadTargets(t, getJSON, ids)
		words := []string{"coffee", "oil+prices", "%22trade+deficit%22", "bank+OR+banks", "wheat", "shares", "dollar", "strike"}
		for _, w := range words {
			targets = append(targets, "/api/search?q="+w, "/?q="+w)
		}
	}
	client := &http.Client{
		Timeout: 30 * time.Second,
		Transport: &http.Transport{
			MaxIdleConns:        loadClients,
			MaxIdleConnsPerHost: loadClients,
			IdleConnTimeout:     time.Minute,
		},
	}
	defer client.CloseIdleConnections()

	type failure struct {
		target string
		status int
		err    error
	}
	var (
		mu        sync.Mutex
		latencies []time.Duration
		failures  []failure
		errCount  int
		wg        sync.WaitGroup
	)
	start := time.Now()
	deadline := start.Add(duration)
	for c := range loadClients {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(c), 42))
			var mine []time.Duration
			var bad []failure
			for range maxLoadRequestsPer {
				if time.Now().After(deadline) {
					break
				}
				target := targets[rng.IntN(len(targets))]
				t0 := time.Now()
				resp, err := client.Get(base + target)
				if err == nil {
					_, err = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
				mine = append(mine, time.Since(t0))
				switch {
				case err != nil:
					bad = append(bad, failure{target: target, err: err})
				case resp.StatusCode < 200 || resp.StatusCode > 299:
					bad = append(bad, failure{target: target, status: resp.StatusCode})
				}
			}
			mu.Lock()
			latencies = append(latencies, mine...)
			errCount += len(bad)
			if len(failures) < 10 {
				failures = append(failures, bad[:min(len(bad), 10-len(failures))]...)
			}
			mu.Unlock()
		})
	}
	wg.Wait()
	elapsed := time.Since(start)

	slices.Sort(latencies)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	pct := func(p float64) float64 {
		if len(latencies) == 0 {
			return 0
		}
		return ms(latencies[min(int(p*float64(len(latencies))), len(latencies)-1)])
	}
	report := loadReport{
		Test: "load", Clients: loadClients, Seconds: elapsed.Seconds(), Requests: len(latencies), Errors: errCount,
		PerSecond: float64(len(latencies)) / elapsed.Seconds(),
		P50Millis: pct(0.50), P90Millis: pct(0.90), P99Millis: pct(0.99),
		Targets: len(targets), GOMAXPROCS: runtime.GOMAXPROCS(0),
	}
	if len(latencies) > 0 {
		report.MaxMillis = ms(latencies[len(latencies)-1])
	}
	t.Logf("%d clients for %.1fs: %d requests (%.0f/s), %d errors; latency p50 %.1fms p90 %.1fms p99 %.1fms max %.1fms over %d targets",
		report.Clients, report.Seconds, report.Requests, report.PerSecond, report.Errors,
		report.P50Millis, report.P90Millis, report.P99Millis, report.MaxMillis, report.Targets)
	line, _ := json.Marshal(report)
	fmt.Println(string(line))

	for _, f := range failures {
		if f.err != nil {
			t.Errorf("GET %s: %v", f.target, f.err)
		} else {
			t.Errorf("GET %s: status %d", f.target, f.status)
		}
	}
	if errCount > 0 {
		t.Errorf("%d of %d requests failed", errCount, len(latencies))
	}
	if len(latencies) < loadClients {
		t.Errorf("only %d requests in %s", len(latencies), duration)
	}
}
