package server

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

// getPage requests a page and checks its status and type.
func (ts *testServer) getPage(t *testing.T, target string, wantStatus int) string {
	t.Helper()
	resp := ts.do(t, http.MethodGet, target, nil)
	page := body(t, resp)
	if resp.StatusCode != wantStatus {
		t.Fatalf("GET %s: status %d, want %d: %.400s", target, resp.StatusCode, wantStatus, page)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Fatalf("GET %s: Content-Type %q", target, ct)
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("GET %s: Content-Security-Policy %q", target, csp)
	}
	if !strings.Contains(page, "<title>") || !strings.HasSuffix(strings.TrimSpace(page), "</html>") {
		t.Errorf("GET %s: not a whole page: %.200s", target, page)
	}
	return page
}

func TestPages(t *testing.T) {
	ts := newTestServer(t, Options{})
	kz := strconv.FormatInt(ts.ids[0], 10)
	tests := []struct {
		target     string
		wantStatus int
		want       []string // substrings of the page
		wantNot    []string
		wantHits   int // -1: do not count
	}{
		{"/", 200, []string{`id="search-form"`, `id="q"`, `id="entity"`, `id="from"`, "Latest articles", `class="chip"`, `href="/tags/Kazakhstan"`, `<svg class="chart"`, "8 articles"}, []string{`class="quick-search"`}, 8},
		{"/?q=Almaty", 200, []string{`value="Almaty"`, "2 matching articles", "<mark>Almaty</mark>", `data-unit="day"`}, nil, 2},
		{"/?q=Almaty&page=2", 200, []string{`class="prev"`, "past the last page", "No results on this page."}, nil, 0},
		{"/?entity=Q232&from=2022-01-05", 200, []string{`value="Q232"`, `value="2022-01-05"`, "1 matching article"}, nil, 1},
		{"/?q=nothingmatches", 200, []string{`id="no-results"`, "No article matches."}, []string{`<svg class="chart"`}, 0},
		{"/?from=2022-99-01", 400, []string{`id="error"`, "from: want a date as YYYY-MM-DD"}, nil, -1},
		{"/?page=0", 400, []string{"page: "}, nil, -1},
		{"/articles/" + kz, 200, []string{
			`<h1 id="title">` + testArticles[0].Title + `</h1>`,
			`class="ent ent-LOC" href="/entities/Q232"`,
			`title="Kazakhstan (country)"`,
			`>Almaty</a>`,
			`class="ent ent-PER" href="/entities/`,
			`href="/tags/Kazakhstan"`,
			`id="tag-why"`, `named ×`, // why each tag is there
			`<time datetime="2022-01-04">`,
			"Steppe Wire",
			`href="https://news.example/kz/fuel-cap"`,
			`id="dates"`, "<code>2022-01-04</code>",
			`id="entities"`,
		}, nil, -1},
		{"/entities/Q232", 200, []string{`<span class="ent-name ent-LOC">Kazakhstan</span>`, `<svg class="chart"`, `class="bar"`, "https://www.wikidata.org/wiki/Q232", `href="/?entity=Q232"`}, nil, 2},
		{"/entities/" + url.PathEscape("local:misc:nothing here"), 404, []string{"not found"}, nil, -1},
		{"/tags/Kazakhstan", 200, []string{"Tag: ", "2 articles", `<svg class="chart"`}, nil, 2},
		{"/tags/kazakhstan", 200, []string{"2 articles"}, nil, 2},
		{"/tags/no%20such%20tag", 404, []string{"not found"}, nil, -1},
		{"/articles/abc", 400, []string{"id: want a positive integer"}, nil, -1},
		{"/articles/987654", 404, []string{"article 987654: not found"}, nil, -1},
		{"/no/such/page", 404, []string{"no such page"}, nil, -1},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			page := ts.getPage(t, tt.target, tt.wantStatus)
			for _, w := range tt.want {
				if !strings.Contains(page, w) {
					t.Errorf("page lacks %q", w)
				}
			}
			for _, w := range tt.wantNot {
				if strings.Contains(page, w) {
					t.Errorf("page has %q", w)
				}
			}
			if tt.wantHits >= 0 {
				if n := strings.Count(page, `<li class="hit"`); n != tt.wantHits {
					t.Errorf("%d hits, want %d", n, tt.wantHits)
				}
			}
		})
	}
}

// TestPageEscaping checks that markup in an article's fields is shown as
// text and that a javascript: URL is not linked.
func TestPageEscaping(t *testing.T) {
	ts := newTestServer(t, Options{})
	page := ts.getPage(t, "/articles/"+strconv.FormatInt(ts.ids[7], 10), http.StatusOK)
	for _, bad := range []string{"<script>", "javascript:", "<Tech>"} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q unescaped", bad)
		}
	}
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "Dublin &lt;Tech&gt; Review", "&#34;&lt;script&gt;&#34; flaw &amp; data leak",
		`id="quantities"`, `<td class="num">2000000</td>`, `<span class="qty qty-MONEY" title="MONEY, EUR">2 million euros</span>`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	search := ts.getPage(t, "/?q="+url.QueryEscape(`"><script>alert(1)</script>`), http.StatusOK)
	if strings.Contains(search, "<script>") {
		t.Error("the search page echoes a script")
	}
}

func TestPagePagination(t *testing.T) {
	ts := newTestServer(t, Options{})
	// 25 more articles about one city: two pages of results.
	p, _ := analysed(t)
	for i := range 25 {
		a := testArticles[0]
		a.URL = ""
		a.Title = "Almaty update " + strconv.Itoa(i+1)
		a.Body = "Officials in Almaty reported on the situation in district number " + strconv.Itoa(i+1) + ", where " + strconv.Itoa(10*i+3) + " shops reopened."
		a.Published = day("2022-01-05").AddDate(0, 0, i)
		an, err := p.Analyze(t.Context(), a)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ts.store.Put(t.Context(), an.Record()); err != nil {
			t.Fatal(err)
		}
	}
	first := ts.getPage(t, "/?q=Almaty", http.StatusOK)
	if n := strings.Count(first, `<li class="hit"`); n != pageSize {
		t.Errorf("first page: %d hits", n)
	}
	if !strings.Contains(first, `href="/?page=2&amp;q=Almaty"`) || !strings.Contains(first, "page 1 of 2") {
		t.Errorf("first page: no link to page 2")
	}
	second := ts.getPage(t, "/?page=2&q=Almaty", http.StatusOK)
	if n := strings.Count(second, `<li class="hit"`); n != 27-pageSize {
		t.Errorf("second page: %d hits", n)
	}
	if !strings.Contains(second, `href="/?page=1&amp;q=Almaty"`) || !strings.Contains(second, "(21–27 of 27)") {
		t.Errorf("second page: no link back to page 1 or wrong range")
	}
}

func TestStaticFiles(t *testing.T) {
	ts := newTestServer(t, Options{})
	resp := ts.do(t, http.MethodGet, "/static/style.css", nil)
	css := body(t, resp)
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/css") || !strings.Contains(css, ".ent-PER") {
		t.Errorf("style.css: status %d, type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	for _, target := range []string{"/static/nope.css", "/static/", "/static/../openapi.json", "/static/%2e%2e/openapi.json"} {
		resp := ts.do(t, http.MethodGet, target, nil)
		if resp.StatusCode != http.StatusNotFound && resp.StatusCode != http.StatusMovedPermanently {
			t.Errorf("%s: status %d, want 404", target, resp.StatusCode)
		}
		if strings.Contains(body(t, resp), `"openapi"`) {
			t.Errorf("%s: served a file outside static/", target)
		}
	}
}

func TestPageMethodNotAllowed(t *testing.T) {
	ts := newTestServer(t, Options{})
	resp := ts.do(t, http.MethodPost, "/", strings.NewReader("q=x"))
	page := body(t, resp)
	if resp.StatusCode != http.StatusMethodNotAllowed || !strings.Contains(page, "not allowed") || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Errorf("POST /: status %d: %.200s", resp.StatusCode, page)
	}
	if allow := resp.Header.Get("Allow"); !strings.Contains(allow, "GET") {
		t.Errorf("Allow %q", allow)
	}
}

// TestIndexEventsDownload: a search by event or actor offers its events
// as a CSV download; a search without them does not.
func TestIndexEventsDownload(t *testing.T) {
	ts := newTestServer(t, Options{})
	page := ts.getPage(t, "/?event=19&from=2022-01-01", http.StatusOK)
	if !strings.Contains(page, `id="events-csv" href="/api/events?event=19&amp;from=2022-01-01"`) {
		t.Errorf("no download link for the events:\n%s", page)
	}
	if page := ts.getPage(t, "/?q=Almaty", http.StatusOK); strings.Contains(page, "events-csv") {
		t.Error("a download link without an event filter")
	}
}

// TestArticleEventsTable: an article's events name their place, not its
// id, and leave casualties blank when none was coded.
func TestArticleEventsTable(t *testing.T) {
	ts := newTestServer(t, Options{})
	for i, rec := range ts.records {
		for _, e := range rec.Events {
			if e.Location == "" || e.Dead > 0 || e.Injured > 0 {
				continue
			}
			page := ts.getPage(t, fmt.Sprintf("/articles/%d", ts.ids[i]), http.StatusOK)
			_, table, _ := strings.Cut(page, `<section id="events">`)
			table, _, _ = strings.Cut(table, "</section>")
			if strings.Contains(table, "<td>"+e.Location+"</td>") {
				t.Errorf("article %d: the events name the place by its id %s:\n%s", ts.ids[i], e.Location, table)
			}
			if strings.Contains(table, `<td class="num">0</td>`) {
				t.Errorf("article %d: an uncoded casualty count shows as 0:\n%s", ts.ids[i], table)
			}
			return
		}
	}
	t.Skip("no test article has an event with a place and no casualties")
}
