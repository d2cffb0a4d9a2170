package server

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"tidings/record"
	"tidings/store"
)

// Entity ids of the knowledge base that the test articles mention.
const (
	kazakhstanID = "Q232"
	russiaID     = "Q159"
)

func TestAPIArticles(t *testing.T) {
	ts := newTestServer(t, Options{})
	tests := []struct {
		target    string
		wantTotal int
		wantHits  int
		wantFirst string // title of the first hit, if set
		wantMark  bool   // the snippets mark the matches
	}{
		{target: "/api/articles", wantTotal: 8, wantHits: 8, wantFirst: testArticles[7].Title},
		{target: "/api/articles?limit=3", wantTotal: 8, wantHits: 3},
		{target: "/api/articles?limit=3&offset=6", wantTotal: 8, wantHits: 2},
		{target: "/api/articles?offset=100", wantTotal: 8, wantHits: 0},
		{target: "/api/articles?q=Almaty", wantTotal: 2, wantHits: 2, wantMark: true},
		{target: "/api/articles?q=Almaty&from=2022-01-05", wantTotal: 1, wantHits: 1, wantFirst: testArticles[1].Title, wantMark: true},
		{target: "/api/articles?q=%22interest+rate%22", wantTotal: 1, wantHits: 1, wantFirst: testArticles[4].Title, wantMark: true},
		{target: "/api/articles?q=yen+OR+monsoon", wantTotal: 2, wantHits: 2, wantMark: true},
		{target: "/api/articles?entity=" + kazakhstanID, wantTotal: 2, wantHits: 2, wantFirst: testArticles[1].Title},
		{target: "/api/articles?entity=" + russiaID + "&from=2023-01-01", wantTotal: 1, wantHits: 1, wantFirst: testArticles[5].Title},
		{target: "/api/articles?tag=kazakhstan", wantTotal: 2, wantHits: 2},
		{target: "/api/articles?from=2022-08-01&to=2022-12-31", wantTotal: 2, wantHits: 2, wantFirst: testArticles[3].Title},
		{target: "/api/articles?to=2022-01-04", wantTotal: 1, wantHits: 1, wantFirst: testArticles[0].Title},
		{target: "/api/articles?q=nothingmatchesthisword", wantTotal: 0, wantHits: 0},
		{target: "/api/articles?entity=local:misc:no-such-thing", wantTotal: 0, wantHits: 0},
		// FTS syntax in user input is taken literally, never an error.
		{target: "/api/articles?q=" + url.QueryEscape(`"unclosed NEAR( * OR - ^ :`), wantTotal: 0, wantHits: 0},
		{target: "/api/search?q=Tokayev", wantTotal: 2, wantHits: 2, wantMark: true},
		{target: "/api/search?q=Tokayev&tag=smailov", wantTotal: 1, wantHits: 1, wantFirst: testArticles[1].Title, wantMark: true},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			var res store.Results
			ts.getJSON(t, tt.target, http.StatusOK, &res)
			if res.Total != tt.wantTotal || len(res.Hits) != tt.wantHits {
				t.Fatalf("total %d with %d hits, want %d with %d: %+v", res.Total, len(res.Hits), tt.wantTotal, tt.wantHits, res.Hits)
			}
			if tt.wantFirst != "" && res.Hits[0].Title != tt.wantFirst {
				t.Errorf("first hit %q, want %q", res.Hits[0].Title, tt.wantFirst)
			}
			for _, h := range res.Hits {
				if h.ID <= 0 || h.Title == "" || h.Published == "" {
					t.Errorf("incomplete hit %+v", h)
				}
				if tt.wantMark && !strings.Contains(h.Snippet, store.MarkStart) {
					t.Errorf("hit %q: no match marked in snippet %q", h.Title, h.Snippet)
				}
			}
		})
	}
}

func TestAPIArticle(t *testing.T) {
	ts := newTestServer(t, Options{})
	for i, id := range ts.ids {
		var a store.Article
		ts.getJSON(t, "/api/articles/"+strconv.FormatInt(id, 10), http.StatusOK, &a)
		want := ts.records[i]
		if a.ID != id || a.Analysis.Title != want.Title || a.Analysis.Text != want.Text || len(a.Analysis.Entities) != len(want.Entities) {
			t.Errorf("article %d: got %q with %d entities, want %q with %d", id, a.Analysis.Title, len(a.Analysis.Entities), want.Title, len(want.Entities))
		}
	}
}

func TestAPIEntities(t *testing.T) {
	ts := newTestServer(t, Options{})
	var all []store.EntitySummary
	ts.getJSON(t, "/api/entities", http.StatusOK, &all)
	if len(all) < 10 {
		t.Fatalf("%d entities, want at least 10", len(all))
	}
	byID := map[string]store.EntitySummary{}
	for _, e := range all {
		byID[e.ID] = e
	}
	if kz := byID[kazakhstanID]; kz.Name != "Kazakhstan" || kz.Articles != 2 {
		t.Errorf("Kazakhstan: %+v, want 2 articles", kz)
	}
	if ru := byID[russiaID]; ru.Articles != 3 {
		t.Errorf("Russia: %+v, want 3 articles", ru)
	}

	var few []store.EntitySummary
	ts.getJSON(t, "/api/entities?limit=3", http.StatusOK, &few)
	if len(few) != 3 {
		t.Errorf("limit=3: %d entities", len(few))
	}
	var kaz []store.EntitySummary
	ts.getJSON(t, "/api/entities?prefix=kaz", http.StatusOK, &kaz)
	if len(kaz) == 0 {
		t.Fatal("prefix=kaz: no entity")
	}
	for _, e := range kaz {
		if !strings.HasPrefix(strings.ToLower(e.Name), "kaz") {
			t.Errorf("prefix=kaz: got %q", e.Name)
		}
	}
	var none []store.EntitySummary
	ts.getJSON(t, "/api/entities?prefix=zzzz", http.StatusOK, &none)
	if none == nil || len(none) != 0 {
		t.Errorf("prefix=zzzz: %v, want an empty list", none)
	}
}

func TestAPIEntity(t *testing.T) {
	ts := newTestServer(t, Options{})
	var kz store.EntityInfo
	ts.getJSON(t, "/api/entities/"+kazakhstanID, http.StatusOK, &kz)
	if kz.Name != "Kazakhstan" || kz.Kind != "country" || kz.Articles != 2 || len(kz.Timeline) != 2 {
		t.Fatalf("Kazakhstan: %+v", kz)
	}
	if kz.Timeline[0].Date != "2022-01-04" || kz.Timeline[1].Date != "2022-01-11" {
		t.Errorf("Kazakhstan timeline %+v", kz.Timeline)
	}
	var since store.EntityInfo
	ts.getJSON(t, "/api/entities/"+kazakhstanID+"?from=2022-01-05", http.StatusOK, &since)
	if len(since.Timeline) != 1 {
		t.Errorf("Kazakhstan from 2022-01-05: timeline %+v, want one day", since.Timeline)
	}

	// Every entity of the archive, knowledge-base and local ids alike
	// (local ids have colons and spaces), is found under its escaped id.
	var all []store.EntitySummary
	ts.getJSON(t, "/api/entities?limit=1000", http.StatusOK, &all)
	local := 0
	for _, e := range all {
		if strings.HasPrefix(e.ID, "local:") {
			local++
		}
		var got store.EntityInfo
		ts.getJSON(t, "/api/entities/"+url.PathEscape(e.ID), http.StatusOK, &got)
		if got.ID != e.ID || len(got.Timeline) == 0 {
			t.Errorf("entity %q: got %+v", e.ID, got)
		}
	}
	if local == 0 {
		t.Error("no local entity in the archive to test")
	}

	var e errorBody
	ts.getJSON(t, "/api/entities/local:misc:"+url.PathEscape("no such thing"), http.StatusNotFound, &e)
	if !strings.Contains(e.Error, "no such thing") {
		t.Errorf("404 message %q does not name the entity", e.Error)
	}
}

// TestAPIEntityIDWithSlash stores an entity whose id has a slash and a
// space, and finds it by its escaped id.
func TestAPIEntityIDWithSlash(t *testing.T) {
	ts := newTestServer(t, Options{})
	rec := ts.records[6] // Toyota
	rec.URL, rec.ID = "", ""
	rec.Text += "\n\nThe company also sponsors the AC/DC tour."
	start := strings.Index(rec.Text, "AC/DC tour")
	id := "local:misc:AC/DC tour"
	rec.Entities = append(append([]record.Entity(nil), rec.Entities...), record.Entity{
		ID: id, Name: "AC/DC tour", Type: "MISC",
		Mentions: []record.Mention{{Start: start, End: start + len("AC/DC tour"), Text: "AC/DC tour"}},
	})
	if _, err := ts.store.Put(context.Background(), rec); err != nil {
		t.Fatal(err)
	}
	var got store.EntityInfo
	ts.getJSON(t, "/api/entities/"+url.PathEscape(id), http.StatusOK, &got)
	if got.ID != id {
		t.Errorf("got %+v", got)
	}
	resp := ts.do(t, http.MethodGet, entityPath(id), nil)
	if page := body(t, resp); resp.StatusCode != http.StatusOK || !strings.Contains(page, "AC/DC tour") {
		t.Errorf("entity page: status %d", resp.StatusCode)
	}
}

func TestAPITags(t *testing.T) {
	ts := newTestServer(t, Options{})
	var tags []store.TagCount
	ts.getJSON(t, "/api/tags", http.StatusOK, &tags)
	counts := map[string]int{}
	for i, tc := range tags {
		counts[tc.Tag] = tc.Articles
		if i > 0 && tc.Articles > tags[i-1].Articles {
			t.Errorf("tags not most used first: %v", tags)
		}
	}
	if counts["Kazakhstan"] != 2 || counts["Russia"] < 2 {
		t.Errorf("tag counts %v", counts)
	}
	var kaz []store.TagCount
	ts.getJSON(t, "/api/tags?prefix=KAZ&limit=5", http.StatusOK, &kaz)
	if len(kaz) != 1 || kaz[0].Tag != "Kazakhstan" {
		t.Errorf("prefix=KAZ: %v", kaz)
	}
}

func TestAPITimeline(t *testing.T) {
	ts := newTestServer(t, Options{})
	tests := []struct {
		target string
		want   []string // days
	}{
		{"/api/timeline", []string{"2022-01-04", "2022-01-11", "2022-03-15", "2022-08-03", "2022-08-28", "2023-02-14", "2023-05-10", "2023-06-01"}},
		{"/api/timeline?entity=" + kazakhstanID, []string{"2022-01-04", "2022-01-11"}},
		{"/api/timeline?q=Almaty&to=2022-01-10", []string{"2022-01-04"}},
		{"/api/timeline?tag=nosuchtag", []string{}},
	}
	for _, tt := range tests {
		var buckets []store.Bucket
		ts.getJSON(t, tt.target, http.StatusOK, &buckets)
		var days []string
		for _, b := range buckets {
			days = append(days, b.Date)
			if b.Articles != 1 {
				t.Errorf("%s: %+v, want 1 article", tt.target, b)
			}
		}
		if strings.Join(days, " ") != strings.Join(tt.want, " ") || buckets == nil {
			t.Errorf("%s: days %v, want %v", tt.target, days, tt.want)
		}
	}
}

func TestAPIStats(t *testing.T) {
	ts := newTestServer(t, Options{})
	var st store.Stats
	ts.getJSON(t, "/api/stats", http.StatusOK, &st)
	if st.Articles != 8 || st.Entities < 10 || st.Mentions < st.Entities || st.Tags < 5 || st.Dates < 8 {
		t.Errorf("stats %+v", st)
	}
}

func TestAPIOpenAPIServed(t *testing.T) {
	ts := newTestServer(t, Options{})
	var doc struct {
		OpenAPI string         `json:"openapi"`
		Info    map[string]any `json:"info"`
		Paths   map[string]any `json:"paths"`
		Tags    []any          `json:"tags"`
		Comps   map[string]any `json:"components"`
	}
	ts.getJSON(t, "/api/openapi.json", http.StatusOK, &doc)
	if doc.OpenAPI != "3.1.0" || len(doc.Paths) == 0 {
		t.Fatalf("openapi.json: version %q, %d paths", doc.OpenAPI, len(doc.Paths))
	}
}

const kazakhText = `Kazakhstan's president dissolves the government

President Kassym-Jomart Tokayev accepted the resignation of the government on Wednesday after protests over fuel prices spread from the west of Kazakhstan to Almaty.

Kazakhstan, Tokayev`

func TestAPIAnalyze(t *testing.T) {
	ts := newTestServer(t, Options{})
	articleJSON := func(fields map[string]any) string {
		b, _ := json.Marshal(fields)
		return string(b)
	}
	const sentence = "Chancellor Olaf Scholz met President Emmanuel Macron in Paris on Friday to discuss gas supplies."
	tests := []struct {
		name          string
		target        string
		contentType   string
		body          string
		wantTitle     string
		wantPublished string
		wantGold      []string
		wantEntity    string
	}{
		{
			name: "json", target: "/api/analyze", contentType: "application/json",
			body:      articleJSON(map[string]any{"title": "Leaders meet in Paris", "body": sentence, "published": "2022-05-20", "source": "Test", "url": "https://news.example/paris", "tags": []string{"France", "Germany"}}),
			wantTitle: "Leaders meet in Paris", wantPublished: "2022-05-20", wantGold: []string{"France", "Germany"}, wantEntity: "Paris",
		},
		{
			name: "json with text, no content type", target: "/api/analyze",
			body:      articleJSON(map[string]any{"text": sentence, "published": "2022-05-20T09:30:00Z", "tags": "France, Germany"}),
			wantTitle: "", wantPublished: "2022-05-20T09:30:00Z", wantGold: []string{"France", "Germany"}, wantEntity: "Emmanuel Macron",
		},
		{
			name: "json published as seconds", target: "/api/analyze", contentType: "application/json; charset=utf-8",
			body:      articleJSON(map[string]any{"body": sentence, "published": 1653004800}),
			wantTitle: "", wantPublished: "2022-05-20", wantEntity: "Olaf Scholz",
		},
		{
			name: "json with a default date", target: "/api/analyze?published=2021-12-01", contentType: "application/json",
			body:      articleJSON(map[string]any{"body": sentence}),
			wantTitle: "", wantPublished: "2021-12-01", wantEntity: "Olaf Scholz",
		},
		{
			name: "plain text in the article layout", target: "/api/analyze?published=2022-01-05", contentType: "text/plain; charset=utf-8",
			body:      kazakhText,
			wantTitle: "Kazakhstan's president dissolves the government", wantPublished: "2022-01-05", wantGold: []string{"Kazakhstan", "Tokayev"}, wantEntity: "Kazakhstan",
		},
		{
			name: "plain text verbatim", target: "/api/analyze?in=text", contentType: "text/plain",
			body:      kazakhText,
			wantTitle: "", wantEntity: "Almaty",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var header []string
			if tt.contentType != "" {
				header = []string{"Content-Type", tt.contentType}
			}
			resp := ts.do(t, http.MethodPost, tt.target, strings.NewReader(tt.body), header...)
			var rec record.Record
			decodeJSON(t, resp, http.StatusOK, &rec)
			if rec.Title != tt.wantTitle || rec.Published != tt.wantPublished {
				t.Errorf("title %q published %q, want %q %q", rec.Title, rec.Published, tt.wantTitle, tt.wantPublished)
			}
			if strings.Join(rec.GoldTags, "|") != strings.Join(tt.wantGold, "|") {
				t.Errorf("gold tags %q, want %q", rec.GoldTags, tt.wantGold)
			}
			if !hasEntity(rec, tt.wantEntity) {
				t.Errorf("no entity %q in %+v", tt.wantEntity, rec.Entities)
			}
			if rec.ID == "" || len(rec.Sentences) == 0 || len(rec.Tokens) == 0 || len(rec.Tags) == 0 {
				t.Errorf("incomplete record: id %q, %d sentences, %d tokens, %d tags", rec.ID, len(rec.Sentences), len(rec.Tokens), len(rec.Tags))
			}
		})
	}
	// Nothing was stored.
	var st store.Stats
	ts.getJSON(t, "/api/stats", http.StatusOK, &st)
	if st.Articles != len(testArticles) {
		t.Errorf("%d articles stored after analyses without store=true, want %d", st.Articles, len(testArticles))
	}
}

func hasEntity(rec record.Record, name string) bool {
	for _, e := range rec.Entities {
		if e.Name == name {
			return true
		}
	}
	return false
}

func TestAPIAnalyzeStore(t *testing.T) {
	ts := newTestServer(t, Options{})
	post := func() *http.Response {
		return ts.do(t, http.MethodPost, "/api/analyze?store=true&published=2022-01-05", strings.NewReader(kazakhText), "Content-Type", "text/plain")
	}
	var first analyzeResult
	resp := post()
	decodeJSON(t, resp, http.StatusCreated, &first)
	if first.Result.Status != store.StatusNew || first.Result.ID <= 0 || first.Analysis.Title == "" {
		t.Fatalf("first post: %+v", first.Result)
	}
	loc := resp.Header.Get("Location")
	if loc != "/api/articles/"+strconv.FormatInt(first.Result.ID, 10) {
		t.Errorf("Location %q", loc)
	}
	var a store.Article
	ts.getJSON(t, loc, http.StatusOK, &a)
	if a.Analysis.Title != first.Analysis.Title || a.Analysis.Published != "2022-01-05" {
		t.Errorf("stored %q %q", a.Analysis.Title, a.Analysis.Published)
	}
	var res store.Results
	ts.getJSON(t, "/api/search?q=resignation", http.StatusOK, &res)
	if res.Total != 1 || res.Hits[0].ID != first.Result.ID {
		t.Errorf("search for the stored article: %+v", res)
	}

	var again analyzeResult
	decodeJSON(t, post(), http.StatusOK, &again)
	if again.Result.Status != store.StatusDuplicate || again.Result.ID != first.Result.ID {
		t.Errorf("second post: %+v, want a duplicate of %d", again.Result, first.Result.ID)
	}
}

// TestAPIBadRequests checks that bad input of every kind gets the right
// status and a JSON error that says what is wrong.
func TestAPIBadRequests(t *testing.T) {
	ts := newTestServer(t, Options{MaxBodyBytes: 1 << 20})
	binary := string([]byte{0x89, 'P', 'N', 'G', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0, 0, 1, 0, 0xff, 0xfe, 0})
	tests := []struct {
		method, target, contentType, body string
		wantStatus                        int
		wantInError                       string
	}{
		{"GET", "/api/articles?from=2022-13-01", "", "", 400, "from: "},
		{"GET", "/api/articles?from=yesterday", "", "", 400, "from: "},
		{"GET", "/api/articles?to=2022-02-30", "", "", 400, "to: "},
		{"GET", "/api/articles?from=2022-02-01&to=2022-01-01", "", "", 400, "to: 2022-01-01 is before from"},
		{"GET", "/api/articles?limit=abc", "", "", 400, "limit: "},
		{"GET", "/api/articles?limit=0", "", "", 400, "limit: "},
		{"GET", "/api/articles?limit=-3", "", "", 400, "limit: "},
		{"GET", "/api/articles?limit=1001", "", "", 400, "limit: "},
		{"GET", "/api/articles?limit=99999999999999999999999", "", "", 400, "limit: "},
		{"GET", "/api/articles?offset=-1", "", "", 400, "offset: "},
		{"GET", "/api/articles?offset=1.5", "", "", 400, "offset: "},
		{"GET", "/api/articles?q=" + strings.Repeat("word+", 300), "", "", 400, "q: longer than"},
		{"GET", "/api/articles?q=%FF%FE", "", "", 400, "q: not valid UTF-8"},
		{"GET", "/api/articles?tag=a%00b", "", "", 400, "tag: contains a NUL"},
		{"GET", "/api/search", "", "", 400, "q: required"},
		{"GET", "/api/search?q=++", "", "", 400, "q: required"},
		{"GET", "/api/search?q=Almaty&limit=x", "", "", 400, "limit: "},
		{"GET", "/api/articles/abc", "", "", 400, "id: "},
		{"GET", "/api/articles/0", "", "", 400, "id: "},
		{"GET", "/api/articles/-4", "", "", 400, "id: "},
		{"GET", "/api/articles/99999999999999999999", "", "", 400, "id: "},
		{"GET", "/api/articles/987654", "", "", 404, "article 987654: not found"},
		{"GET", "/api/entities?limit=many", "", "", 400, "limit: "},
		{"GET", "/api/entities/Q232?to=soon", "", "", 400, "to: "},
		{"GET", "/api/entities/Q99999999", "", "", 404, "not found"},
		{"GET", "/api/tags?limit=5000", "", "", 400, "limit: "},
		{"GET", "/api/timeline?from=01/02/2022", "", "", 400, "from: "},
		{"GET", "/api/nothing-here", "", "", 404, "no such page"},
		{"GET", "/api", "", "", 404, "no such page"},
		{"DELETE", "/api/articles", "", "", 405, "method DELETE not allowed"},
		{"POST", "/api/search", "application/json", "{}", 405, "not allowed"},
		{"PUT", "/api/articles/1", "", "", 405, "not allowed"},
		{"GET", "/api/analyze", "", "", 405, "not allowed"},
		{"POST", "/api/analyze", "application/json", `{"title": "x", "body": "unclosed`, 400, "invalid JSON"},
		{"POST", "/api/analyze", "application/json", `{"title": "x"}`, 400, `no "body" or "text"`},
		{"POST", "/api/analyze", "application/json", `{"body": 42}`, 400, `"body" is a JSON number`},
		{"POST", "/api/analyze", "application/json", `"just a string"`, 400, "want an object"},
		{"POST", "/api/analyze", "application/json", `[{"body": "One."}, {"body": "Two."}]`, 400, "one article per request"},
		{"POST", "/api/analyze", "application/json", `{"body": "Text.", "published": "the day after tomorrow"}`, 400, `"published": unrecognised date`},
		{"POST", "/api/analyze", "application/json", `{"body": "Text.", "published": {"day": 1}}`, 400, `"published": unrecognised date`},
		{"POST", "/api/analyze", "application/json", "", 400, "empty input"},
		{"POST", "/api/analyze", "text/plain", "   \n\t ", 400, "empty input"},
		{"POST", "/api/analyze", "text/plain", binary, 400, "binary data"},
		{"POST", "/api/analyze", "application/json", binary, 400, "binary data"},
		{"POST", "/api/analyze", "application/octet-stream", binary, 415, "not supported"},
		{"POST", "/api/analyze", "image/png", binary, 415, "not supported"},
		{"POST", "/api/analyze", "text/plain; charset", "Text.", 415, "Content-Type"},
		{"POST", "/api/analyze", "text/plain", strings.Repeat("All work and no play. ", 60000), 413, "larger than 1048576 bytes"},
		{"POST", "/api/analyze", "application/json", `{"body": "` + strings.Repeat("x", 2<<20) + `"}`, 413, "larger than"},
		{"POST", "/api/analyze?store=maybe", "text/plain", "Text.", 400, "store: "},
		{"POST", "/api/analyze?in=html", "text/plain", "Text.", 400, "in: "},
		{"POST", "/api/analyze?in=text", "application/json", `{"body": "Text."}`, 400, "in: "},
		{"POST", "/api/analyze?published=someday", "text/plain", "Text.", 400, "published: "},
		{"GET", "/api/search?q=%zz", "", "", 400, "query string: invalid URL escape"},
		{"GET", "/api/search?q=" + url.QueryEscape(manyPrefixes(160)), "", "", 400, "q: query over a limit"},
		{"GET", "/api/articles?q=" + url.QueryEscape(manyPrefixes(160)), "", "", 400, "q: query over a limit"},
		{"POST", "/api/analyze?published=0001-01-01", "text/plain", "Text.", 400, "published: \"0001-01-01\" is the zero date"},
	}
	for _, tt := range tests {
		name := tt.method + " " + clip(tt.target)
		t.Run(name, func(t *testing.T) {
			var header []string
			if tt.contentType != "" {
				header = []string{"Content-Type", tt.contentType}
			}
			var reqBody *strings.Reader
			if tt.body != "" {
				reqBody = strings.NewReader(tt.body)
			} else {
				reqBody = strings.NewReader("")
			}
			resp := ts.do(t, tt.method, tt.target, reqBody, header...)
			var e errorBody
			decodeJSON(t, resp, tt.wantStatus, &e)
			if !strings.Contains(e.Error, tt.wantInError) {
				t.Errorf("error %q, want it to contain %q", e.Error, tt.wantInError)
			}
			if tt.wantStatus == http.StatusMethodNotAllowed && resp.Header.Get("Allow") == "" {
				t.Error("405 without an Allow header")
			}
		})
	}
	// Bad requests stored nothing.
	var st store.Stats
	ts.getJSON(t, "/api/stats", http.StatusOK, &st)
	if st.Articles != len(testArticles) {
		t.Errorf("%d articles after bad requests, want %d", st.Articles, len(testArticles))
	}
}

// TestNoServerErrors sends odd but well-formed requests to every endpoint
// and checks that none gets a 5xx.
func TestNoServerErrors(t *testing.T) {
	ts := newTestServer(t, Options{})
	odd := []string{"", "%22", "%22%22", "*", "OR", "OR+OR", "-", "NEAR(a+b)", "a%3Ab", "%E2%80%8B", "%F0%9F%98%80", "%C3%A9t%C3%A9", "%5C", "'%3B+DROP+TABLE+articles%3B--", strings.Repeat("a", 999), "%E0%A4%95%E0%A4%BE"}
	paths := []string{"/api/articles?q=", "/api/search?q=x+", "/api/entities?prefix=", "/api/tags?prefix=", "/api/timeline?q=", "/?q=", "/?entity=", "/?tag=", "/api/articles?entity=", "/api/articles?tag="}
	for _, p := range paths {
		for _, v := range odd {
			resp := ts.do(t, http.MethodGet, p+v, nil)
			if resp.StatusCode >= 500 {
				t.Errorf("GET %s%s: status %d: %s", p, clip(v), resp.StatusCode, body(t, resp))
			}
		}
	}
	for _, v := range odd {
		for _, p := range []string{"/api/entities/", "/entities/", "/tags/", "/articles/", "/api/articles/", "/static/"} {
			resp := ts.do(t, http.MethodGet, p+v, nil)
			if resp.StatusCode >= 500 {
				t.Errorf("GET %s%s: status %d: %s", p, clip(v), resp.StatusCode, body(t, resp))
			}
		}
	}
}

// panickyStore is the real store with one method that panics, to check
// that a panic in a handler answers 500 and the server goes on.
type panickyStore struct{ store.Store }

func (panickyStore) Stats(context.Context) (store.Stats, error) { panic("stats exploded") }

func TestRecoverFromPanic(t *testing.T) {
	ts := newTestServer(t, Options{})
	var logs bytes.Buffer
	h := New(panickyStore{ts.store}, nil, Options{Logger: newTestLogger(&logs)})
	for _, target := range []string{"/api/stats", "/"} {
		rec := httptestRecord(h, http.MethodGet, target)
		if rec.Code != http.StatusInternalServerError {
			t.Errorf("%s: status %d, want 500", target, rec.Code)
		}
		if strings.Contains(rec.Body.String(), "exploded") {
			t.Errorf("%s: the panic's value reached the client: %s", target, rec.Body.String())
		}
	}
	if !strings.Contains(logs.String(), "stats exploded") {
		t.Errorf("the panic was not logged: %s", logs.String())
	}
	// The server still answers.
	if rec := httptestRecord(h, http.MethodGet, "/api/tags"); rec.Code != http.StatusOK {
		t.Errorf("after a panic: status %d", rec.Code)
	}
	// Analysis is off without a pipeline.
	if rec := httptestRecord(h, http.MethodPost, "/api/analyze"); rec.Code != http.StatusServiceUnavailable {
		t.Errorf("analyze without a pipeline: status %d, want 503", rec.Code)
	}
}

// slowStore is the real store whose searches wait for their context to
// end, to check the request timeout.
type slowStore struct{ store.Store }

func (slowStore) Search(ctx context.Context, q store.Query) (*store.Results, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}

func TestRequestTimeout(t *testing.T) {
	ts := newTestServer(t, Options{})
	h := New(slowStore{ts.store}, nil, Options{RequestTimeout: 50 * time.Millisecond})
	start := time.Now()
	rec := httptestRecord(h, http.MethodGet, "/api/search?q=Almaty")
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "timed out") {
		t.Errorf("status %d, body %s; want 503 timed out", rec.Code, rec.Body.String())
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("the timeout took %s", d)
	}
}

// TestAnalyzeConcurrently posts more articles at once than analyses may
// run, and checks that each waits its turn and gets its own analysis.
func TestAnalyzeConcurrently(t *testing.T) {
	p, _ := analysed(t)
	ts := newTestServer(t, Options{})
	h := New(ts.store, p, Options{MaxConcurrentAnalyses: 2})
	cities := []string{"Almaty", "Berlin", "Karachi", "Brussels", "Tokyo", "Paris", "Madrid", "Cairo"}
	errs := make(chan string, len(cities))
	var wg sync.WaitGroup
	for _, city := range cities {
		wg.Go(func() {
			body := `{"title": "Storm hits ` + city + `", "body": "A storm closed the airport of ` + city + ` on Monday, officials said."}`
			rec := httptest.NewRecorder()
			req := httptest.NewRequest(http.MethodPost, "/api/analyze", strings.NewReader(body))
			h.ServeHTTP(rec, req)
			var got record.Record
			if err := json.Unmarshal(rec.Body.Bytes(), &got); rec.Code != http.StatusOK || err != nil || got.Title != "Storm hits "+city {
				errs <- fmt.Sprintf("%s: status %d, title %q, %v", city, rec.Code, got.Title, err)
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestAnalyzeTimeout(t *testing.T) {
	p, _ := analysed(t)
	ts := newTestServer(t, Options{})
	h := New(ts.store, p, Options{RequestTimeout: time.Nanosecond})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/api/analyze?store=true", strings.NewReader(`{"body": "A storm closed the airport."}`)))
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "timed out") {
		t.Errorf("status %d: %s; want 503 timed out", rec.Code, rec.Body.String())
	}
	var st store.Stats
	ts.getJSON(t, "/api/stats", http.StatusOK, &st)
	if st.Articles != len(testArticles) {
		t.Errorf("a timed-out request stored an article: %d articles", st.Articles)
	}
}

// TestAPIArticlesByEvent checks the event and actor filters against the
// events that the analysis of the test articles holds.
func TestAPIArticlesByEvent(t *testing.T) {
	ts := newTestServer(t, Options{})
	_, recs := analysed(t)
	roots, actors := map[string]int{}, map[string]int{}
	for _, r := range recs {
		seenRoot, seenActor := map[string]bool{}, map[string]bool{}
		for _, e := range r.Events {
			seenRoot[e.CAMEO[:2]] = true
			for _, c := range []string{e.Source.Code, e.Target.Code} {
				if len(c) >= 3 && c[:3] != "---" {
					seenActor[c[:3]] = true
				}
			}
		}
		for k := range seenRoot {
			roots[k]++
		}
		for k := range seenActor {
			actors[k]++
		}
	}
	if len(roots) == 0 {
		t.Fatal("the test articles have no events")
	}
	for root, n := range roots {
		var res store.Results
		ts.getJSON(t, "/api/articles?event="+root, http.StatusOK, &res)
		if res.Total != n {
			t.Errorf("event=%s: %d articles, want %d", root, res.Total, n)
		}
	}
	for actor, n := range actors {
		var res store.Results
		ts.getJSON(t, "/api/articles?actor="+strings.ToLower(actor), http.StatusOK, &res)
		if res.Total != n {
			t.Errorf("actor=%s: %d articles, want %d", actor, res.Total, n)
		}
	}
	for _, bad := range []string{"event=1", "event=19%25", "actor=K%20Z"} {
		ts.getJSON(t, "/api/articles?"+bad, http.StatusBadRequest, nil)
	}
}

// manyPrefixes is a query of n one-letter prefixes ORed together ("a* OR
// b* OR ..."): cheap to send, costly to answer without a limit.
func manyPrefixes(n int) string {
	terms := make([]string, n)
	for i := range terms {
		terms[i] = string(rune('a'+i%26)) + "*"
	}
	return strings.Join(terms, " OR ")
}

// TestAPIEvents: the events download streams the stored events that the
// filters select, as CSV with a header or as JSON lines, and refuses a
// bad filter or format.
func TestAPIEvents(t *testing.T) {
	ts := newTestServer(t, Options{})
	stored := 0
	for _, rec := range ts.records {
		stored += len(rec.Events)
	}
	if stored == 0 {
		t.Skip("the test articles code no events")
	}
	resp := ts.do(t, "GET", "/api/events", nil)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") || !strings.Contains(resp.Header.Get("Content-Disposition"), "events.csv") {
		t.Fatalf("status %d, headers %v", resp.StatusCode, resp.Header)
	}
	rows, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil || len(rows) != stored+1 || rows[0][0] != "date" {
		t.Fatalf("%d CSV rows (%v), want a header and %d events:\n%s", len(rows), err, stored, body)
	}
	resp = ts.do(t, "GET", "/api/events?format=jsonl&event="+url.QueryEscape(rows[1][7]), nil)
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	var first store.ExportedEvent
	if line, _, _ := strings.Cut(string(body), "\n"); resp.StatusCode != http.StatusOK || json.Unmarshal([]byte(line), &first) != nil || first.CAMEO != rows[1][7] {
		t.Errorf("jsonl for code %s: status %d:\n%s", rows[1][7], resp.StatusCode, body)
	}
	for _, bad := range []string{"?format=xml", "?event=19%25", "?actor=a%20b", "?from=yesterday"} {
		resp := ts.do(t, "GET", "/api/events"+bad, nil)
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", bad, resp.StatusCode)
		}
	}
}
