package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"tidings/archive"
	"tidings/store"
)

// TestMain lets a test run this test binary as the tidings command, for
// tests that need a real process (to kill it).
func TestMain(m *testing.M) {
	if os.Getenv("TIDINGS_TEST_RUN_MAIN") == "1" {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
		stop()
		os.Exit(code)
	}
	os.Exit(m.Run())
}

// newsJSONL writes n invented articles as JSONL and returns the path.
// Each is distinct (its own town, numbers and date).
func newsJSONL(t *testing.T, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "news.jsonl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	topics := []string{"a new bridge", "the school budget", "a bus strike", "flood defences", "the harbour tolls"}
	for i := range n {
		town := fmt.Sprintf("Brenmoor%d", i)
		a := map[string]any{
			"id":        fmt.Sprintf("n%d", i),
			"url":       fmt.Sprintf("https://news.example/%d", i),
			"title":     fmt.Sprintf("%s council votes on %s", town, topics[i%len(topics)]),
			"body":      fmt.Sprintf("The council of %s voted %d to %d on Tuesday to approve %s, the mayor said. Work is due to start in %d weeks and cost %d million euros.", town, 10+i%7, i%5, topics[i%len(topics)], 2+i%9, 3+i%40),
			"published": fmt.Sprintf("2024-%02d-%02d", 1+i%12, 1+i%28),
			"tags":      []string{town, "Local politics"},
		}
		if err := enc.Encode(a); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

func ingestSummaryOf(t *testing.T, out string) ingestSummary {
	t.Helper()
	var s ingestSummary
	lastJSON(t, out, &s)
	return s
}

func TestIngestAndSearch(t *testing.T) {
	db := filepath.Join(t.TempDir(), "archive.db")
	src := newsJSONL(t, 12)
	code, out, errOut := tidings(t, "", "ingest", "--db", db, "--json", src)
	if code != 0 {
		t.Fatalf("ingest: exit %d\n%s", code, errOut)
	}
	if s := ingestSummaryOf(t, out); s.New != 12 || s.Duplicate != 0 || s.Failed != 0 || s.ArchiveArticles != 12 {
		t.Fatalf("first ingest: %+v", s)
	}
	if n := strings.Count(out, `"status":"new"`); n != 12 {
		t.Errorf("%d per-article reports of new articles, want 12", n)
	}
	// Ingest is idempotent: nothing new the second time, and no analysis.
	code, out, _ = tidings(t, "", "ingest", "--db", db, "--json", src)
	if s := ingestSummaryOf(t, out); code != 0 || s.New != 0 || s.Duplicate != 12 || s.ArchiveArticles != 12 {
		t.Fatalf("second ingest: exit %d, %+v", code, s)
	}
	code, out, _ = tidings(t, "", "ingest", "--db", db, src)
	if code != 0 || !strings.Contains(out, "0 new (0 near-duplicates), 12 duplicate, 0 failed") {
		t.Errorf("summary line: %q", out)
	}

	search := func(args ...string) store.Results { return searchArchive(t, db, args...) }
	if res := search("strike"); res.Total != 2 || !strings.Contains(res.Hits[0].Snippet, store.MarkStart) {
		t.Errorf("search strike: %+v", res)
	}
	if res := search("--tag", "brenmoor3"); res.Total != 1 || res.Hits[0].Title != "Brenmoor3 council votes on flood defences" {
		t.Errorf("search --tag: %+v", res)
	}
	if res := search("--from", "2024-03-01", "--to", "2024-03-31", "council"); res.Total != 1 {
		t.Errorf("search with dates: %+v", res)
	}
	if res := search("--limit", "5", "--offset", "10", "council"); res.Total != 12 || len(res.Hits) != 2 {
		t.Errorf("search page: total %d, %d hits", res.Total, len(res.Hits))
	}
	code, out, _ = tidings(t, "", "search", "--db", db, "bridge")
	if code != 0 || !strings.Contains(out, "»bridge«") || !strings.Contains(out, "1-3 of 3") {
		t.Errorf("search for a person: exit %d\n%s", code, out)
	}
	for _, args := range [][]string{
		{"search", "--db", db},
		{"search", "--db", db, "--from", "March", "x"},
		{"search", "--db", db, "--limit", "-1", "x"},
	} {
		if code, _, _ := tidings(t, "", args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
	if code, _, errOut := tidings(t, "", "search", "--db", filepath.Join(t.TempDir(), "none.db"), "x"); code != exitBadInput || !strings.Contains(errOut, "none.db") {
		t.Errorf("search of a missing archive: exit %d, %s", code, errOut)
	}
	code, out, _ = tidings(t, "", "bench", "--search", "--db", db, "--queries", "50")
	var b searchBenchResult
	lastJSON(t, out, &b)
	if code != 0 || b.Queries != 50 || b.P99ms <= 0 {
		t.Errorf("bench --search: exit %d, %+v", code, b)
	}
}

func TestIngestBadSourcesStoreNothingHalf(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a-good.txt", "Ferry crews return to work\n\nFerry crews in Tallinn returned to work on Monday after a two-day strike over rosters, the operator said.\n")
	write("b-binary.bin", "\x00\x01\x02\x03\xff\xfe binary")
	write("c-bad.json", `{"title": "Half", "body": "cut off`)
	write("d-empty.txt", "")
	db := filepath.Join(t.TempDir(), "archive.db")
	code, out, errOut := tidings(t, "", "ingest", "--db", db, "--json", dir)
	if code != exitBadInput {
		t.Errorf("exit %d, want %d", code, exitBadInput)
	}
	s := ingestSummaryOf(t, out)
	if s.New != 1 || s.Failed != 3 || s.ArchiveArticles != 1 {
		t.Errorf("summary %+v; want 1 new and 3 failed", s)
	}
	for _, name := range []string{"b-binary.bin", "c-bad.json", "d-empty.txt"} {
		if !strings.Contains(errOut, name) {
			t.Errorf("stderr does not name %s:\n%s", name, errOut)
		}
	}
}

// TestIngestSurvivesKill kills an ingest process (SIGKILL) while it stores
// articles: every article it reported as stored must be in the archive,
// the database must pass its integrity check, and a second run must store
// the rest, each article once.
func TestIngestSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping: starts a process")
	}
	const n = 3000
	src := newsJSONL(t, n)
	db := filepath.Join(t.TempDir(), "archive.db")
	cmd := exec.Command(os.Args[0], "ingest", "--db", db, "--json", "--workers", "1", src)
	cmd.Env = append(os.Environ(), "TIDINGS_TEST_RUN_MAIN=1")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	reported := map[int64]string{} // id -> title
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		var r archive.Report
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("bad report line %q: %v", sc.Text(), err)
		}
		if r.Status == "new" {
			reported[r.ID] = r.Title
		}
		if len(reported) == 300 {
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	err = cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatalf("ingest was not killed (%v): it finished before 300 reports?", err)
	}
	ctx := context.Background()
	st, err := store.OpenSQLite(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
	for id, title := range reported {
		a, err := st.Article(ctx, id)
		if err != nil {
			t.Fatalf("article %d was reported stored: %v", id, err)
		}
		if a.Analysis.Title != title {
			t.Fatalf("article %d is %q, reported as %q", id, a.Analysis.Title, title)
		}
	}
	before, _ := st.Stats(ctx)
	st.Close()
	t.Logf("killed after %d reports; %d articles were committed", len(reported), before.Articles)

	code, out, errOut := tidings(t, "", "ingest", "--db", db, "--json", src)
	s := ingestSummaryOf(t, out)
	if code != 0 || s.ArchiveArticles != n || s.New != n-before.Articles || s.Duplicate != before.Articles {
		t.Fatalf("resumed ingest: exit %d, %+v (had %d)\n%s", code, s, before.Articles, errOut)
	}
}

// TestIngestWatch polls a feed served by a test server: the first poll
// stores its items, later polls send the validators and get 304, and the
// polling state is kept in the archive.
func TestIngestWatch(t *testing.T) {
	var polls, conditional atomic.Int32
	const etag = `"v1"`
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Gazette</title><ttl>1</ttl>
<item><title>Pilots agree new pay deal</title><link>https://gazette.example/pilots</link><guid>g1</guid>
<pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate><description>Harbour pilots in Gdansk agreed a new pay deal on Monday, ending a week of delays for ships waiting to dock.</description></item>
<item><title>Storm closes ferry route</title><link>https://gazette.example/storm</link><guid>g2</guid>
<pubDate>Wed, 06 Mar 2024 08:00:00 GMT</pubDate><description>The ferry route between Gdansk and Nynashamn was closed on Wednesday as a storm brought waves of six metres.</description></item>
</channel></rss>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		polls.Add(1)
		if r.Header.Get("If-None-Match") == etag {
			conditional.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("Cache-Control", "max-age=0")
		fmt.Fprint(w, feed)
	}))
	defer srv.Close()
	opml := filepath.Join(t.TempDir(), "feeds.opml")
	os.WriteFile(opml, []byte(`<?xml version="1.0"?><opml version="2.0"><head><title>Feeds</title></head><body>
<outline text="Gazette" type="rss" xmlUrl="`+srv.URL+`/rss"/></body></opml>`), 0o644)

	db := filepath.Join(t.TempDir(), "archive.db")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan int, 1)
	var out, errOut syncWriter
	go func() {
		done <- run(ctx, []string{"ingest", "--db", db, "--json", "--watch", opml}, strings.NewReader(""), &out, &errOut)
	}()
	deadline := time.Now().Add(20 * time.Second)
	for polls.Load() < 1 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	// The first poll's items are stored; wait for the archive to show them.
	var stats store.Stats
	for time.Now().Before(deadline) {
		if st, err := store.OpenSQLite(context.Background(), db); err == nil {
			stats, _ = st.Stats(context.Background())
			st.Close()
		}
		if stats.Articles == 2 {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("ingest --watch ended with %d\n%s", code, errOut.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("ingest --watch did not stop when cancelled")
	}
	if stats.Articles != 2 {
		t.Fatalf("archive has %d articles, want the feed's 2\n%s", stats.Articles, errOut.String())
	}
	st, err := store.OpenSQLite(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	fs, ok, err := st.Feed(context.Background(), srv.URL+"/rss")
	if err != nil || !ok || fs.ETag != etag || fs.NextPoll.IsZero() {
		t.Errorf("feed state %+v, %v, %v; want the ETag and a next poll", fs, ok, err)
	}
	res, err := st.Search(context.Background(), store.Query{Text: "pilots"})
	if err != nil || res.Total != 1 || res.Hits[0].URL != "https://gazette.example/pilots" || res.Hits[0].Published != "2024-03-05" {
		t.Errorf("search of the stored feed item: %+v, %v", res, err)
	}
}

// syncWriter serialises writes from the command's goroutines.
type syncWriter struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncWriter) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestIngestEventsAndSearch stores the examples with their events and
// finds them by event code and actor.
func TestIngestEventsAndSearch(t *testing.T) {
	db := filepath.Join(t.TempDir(), "archive.db")
	if code, _, errOut := tidings(t, "", "ingest", "--db", db, "--events", "--published", "2026-03-10", "../../examples"); code != 0 {
		t.Fatalf("ingest --events: exit %d\n%s", code, errOut)
	}
	search := func(args ...string) store.Results { return searchArchive(t, db, args...) }
	// The port strike: police clash with (and arrest) workers in Chile.
	if res := search("--event", "17", "--actor", "CHLCOP"); res.Total != 1 || !strings.HasPrefix(res.Hits[0].Title, "Police clash") {
		t.Errorf("search --event 17 --actor CHLCOP: %+v", res)
	}
	if res := search("--event", "ASSAULT", "--actor", "FIN"); res.Total != 0 {
		t.Errorf("search --event ASSAULT --actor FIN: %+v", res)
	}
	if code, _, errOut := tidings(t, "", "search", "--db", db, "--event", "1x"); code != 2 || !strings.Contains(errOut, "1x") {
		t.Errorf("a bad --event: exit %d, %q", code, errOut)
	}
}

// searchArchive runs search --json over db and returns its results.
func searchArchive(t *testing.T, db string, args ...string) store.Results {
	t.Helper()
	code, out, errOut := tidings(t, "", append([]string{"search", "--db", db, "--json"}, args...)...)
	if code != 0 {
		t.Fatalf("search %v: exit %d\n%s", args, code, errOut)
	}
	var res store.Results
	lastJSON(t, out, &res)
	return res
}

// TestExportEvents: the events that ingest coded come out of the archive
// one line each, as CSV with a header or as JSON lines, with the actors'
// names and the sentence from the stored analysis, filtered by code.
func TestExportEvents(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "news.db")
	src := filepath.Join(dir, "clash.txt")
	os.WriteFile(src, []byte("Police clash with protesters in Almaty\n\nPolice clashed with protesters in Almaty on Wednesday, killing at least 3 people. Russia sent troops to Kazakhstan on Thursday.\n"), 0o644)
	if code, _, errOut := tidings(t, "", "ingest", "--db", db, "--published", "2022-01-06", src); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errOut)
	}
	code, out, errOut := tidings(t, "", "export", "events", "--db", db)
	if code != 0 {
		t.Fatalf("export: exit %d: %s", code, errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) < 2 || rows[0][0] != "date" || len(rows[0]) != len(store.EventExportColumns) {
		t.Fatalf("CSV %v (%v):\n%s", rows, err, out)
	}
	col := map[string]int{}
	for i, c := range rows[0] {
		col[c] = i
	}
	var clash []string
	for _, r := range rows[1:] {
		if strings.HasPrefix(r[col["cameo"]], "19") && strings.Contains(r[col["sentence"]], "killing") {
			clash = r
		}
	}
	if clash == nil || clash[col["source_code"]] != "KAZCOP" || clash[col["source_name"]] != "Police" || clash[col["dead"]] != "3" ||
		clash[col["location_name"]] != "Almaty" || clash[col["confidence"]] == "" {
		t.Errorf("the clash: %q", clash)
	}
	code, out, _ = tidings(t, "", "export", "events", "--db", db, "--code", "ASSAULT", "--format", "jsonl")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	var first store.ExportedEvent
	if code != 0 || len(lines) == 0 || json.Unmarshal([]byte(lines[0]), &first) != nil || first.PLOVER != "ASSAULT" || first.Article == 0 {
		t.Errorf("jsonl, ASSAULT only: exit %d:\n%s", code, out)
	}
	for _, bad := range [][]string{{"--format", "xml"}, {"--code", "19%"}, {"--from", "yesterday"}} {
		if code, _, _ := tidings(t, "", append([]string{"export", "events", "--db", db}, bad...)...); code != 2 {
			t.Errorf("export %v: exit %d, want 2", bad, code)
		}
	}
	if code, _, errOut := tidings(t, "", "export", "events", "--db", filepath.Join(dir, "none.db")); code != 1 || !strings.Contains(errOut, "none.db") {
		t.Errorf("a missing archive: exit %d, %s", code, errOut)
	}
}
