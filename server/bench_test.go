package server

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"tidings/store"
)

// benchGet measures one handler path, served in-process.
func benchGet(b *testing.B, target string) {
	ts := newTestServer(b, Options{})
	if target == "article" {
		target = "/articles/" + strconv.FormatInt(ts.ids[0], 10)
	}
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		ts.handler.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		if rec.Code != http.StatusOK {
			b.Fatalf("%s: status %d", target, rec.Code)
		}
	}
}

func BenchmarkSearchAPI(b *testing.B)   { benchGet(b, "/api/search?q=Almaty") }
func BenchmarkArticlesAPI(b *testing.B) { benchGet(b, "/api/articles?entity=Q232") }
func BenchmarkArticlePage(b *testing.B) { benchGet(b, "article") }
func BenchmarkEntityPage(b *testing.B)  { benchGet(b, "/entities/Q232") }
func BenchmarkSearchPage(b *testing.B)  { benchGet(b, "/?q=Almaty") }

func BenchmarkHighlightMentions(b *testing.B) {
	_, recs := analysed(b)
	rec := recs[0]
	b.SetBytes(int64(len(rec.Text)))
	b.ReportAllocs()
	for b.Loop() {
		highlightMentions(rec.Text, rec.Entities, 0)
	}
}

func BenchmarkTimelineChart(b *testing.B) {
	var buckets []store.Bucket
	t0 := day("2015-01-01")
	for i := range 3000 {
		buckets = append(buckets, store.Bucket{Date: t0.AddDate(0, 0, i).Format(dayLayout), Articles: 1 + i%7})
	}
	b.ReportAllocs()
	for b.Loop() {
		timelineChart(buckets, "articles", articleCount)
	}
}
