package queue

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"tidings/article"
	"tidings/queue/queuetest"
)

func TestMessageID(t *testing.T) {
	id := func(a article.Article) string {
		t.Helper()
		s, err := MessageID(a)
		if err != nil {
			t.Fatalf("MessageID(%+v): %v", a, err)
		}
		return s
	}
	byURL := article.Article{URL: "https://news.example/a", Title: "One", Body: "First text."}
	if id(byURL) != id(article.Article{URL: " https://news.example/a ", Title: "Other", Body: "Edited text.", Origin: "elsewhere"}) {
		t.Error("one URL, different ids")
	}
	if id(byURL) == id(article.Article{URL: "https://news.example/b", Title: "One", Body: "First text."}) {
		t.Error("two URLs, one id")
	}
	byText := article.Article{Title: "Floods in the North", Body: "Rivers rose on Monday;  roads closed."}
	same := article.Article{Title: "FLOODS in the north", Body: "Rivers rose on Monday, roads\nclosed!"}
	if id(byText) != id(same) {
		t.Error("one normalised text, different ids")
	}
	if id(byText) == id(article.Article{Title: "Floods in the North", Body: "Rivers rose on Tuesday; roads closed."}) {
		t.Error("different texts, one id")
	}
	if id(byText) == id(article.Article{URL: "https://news.example/a", Title: byText.Title, Body: byText.Body}) {
		t.Error("the text's id equals an article's with a URL")
	}
	if _, err := MessageID(article.Article{Title: " ", Body: "…", Origin: "x"}); err == nil {
		t.Error("an article without URL or words has an id")
	}
}

func TestDuplicatePublishIsStoredOnce(t *testing.T) {
	url, _ := queuetest.StartServer(t)
	q := connect(t, url, Options{})
	ctx := context.Background()
	a := testArticle(1)
	noURL := article.Article{Title: "Harbour talks", Body: "Ministers met on Tuesday.", Origin: "a.txt"}
	reflowed := article.Article{Title: "Harbour Talks", Body: "Ministers  met\non Tuesday", Origin: "b.txt"}
	for _, x := range []article.Article{a, a, noURL, reflowed, a} {
		if err := q.Publish(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	// Concurrent re-publishes of one article too.
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if err := q.Publish(ctx, testArticle(2)); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	info, err := q.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if info.Messages != 3 || info.Pending != 3 {
		t.Errorf("stream holds %d messages, %d pending; want 3 distinct articles", info.Messages, info.Pending)
	}
	if st := q.Stats(); st.Published != 13 || st.Duplicates != 10 {
		t.Errorf("Stats = %+v, want 13 published of which 10 duplicates", st)
	}
}

func TestPublishErrorsNameTheArticle(t *testing.T) {
	url, _ := queuetest.StartServer(t)
	// A stream of 64 kB fills up after a few articles of 10 kB.
	q := connect(t, url, Options{MaxBytes: 64 << 10})
	ctx := context.Background()

	if err := q.Publish(ctx, article.Article{Origin: "empty.json:3"}); err == nil || !strings.Contains(err.Error(), "empty.json:3") {
		t.Errorf("publishing an empty article: %v, want an error naming it", err)
	}
	huge := article.Article{URL: "https://news.example/huge", Body: strings.Repeat("word ", 300_000), Origin: "huge.html"}
	if err := q.Publish(ctx, huge); err == nil || !strings.Contains(err.Error(), "huge.html") || !strings.Contains(err.Error(), "max_payload") {
		t.Errorf("publishing a 1.5 MB article: %v, want an error naming it and the limit", err)
	}

	var full error
	for i := range 20 {
		a := article.Article{URL: fmt.Sprintf("https://news.example/%d", i), Body: strings.Repeat("x", 10_000), Origin: fmt.Sprintf("feed.xml:%d", i)}
		if full = q.Publish(ctx, a); full != nil {
			if !strings.Contains(full.Error(), fmt.Sprintf("feed.xml:%d", i)) || !strings.Contains(full.Error(), StreamName) ||
				!strings.Contains(full.Error(), "maximum bytes") {
				t.Errorf("publishing into a full stream: %v", full)
			}
			break
		}
	}
	if full == nil {
		t.Error("publishing 200 kB into a stream of 64 kB succeeded")
	}
}

func TestPublisher(t *testing.T) {
	url, _ := queuetest.StartServer(t)
	q := connect(t, url, Options{})
	const n = 1000
	var mu sync.Mutex
	done := map[string]error{}
	p := q.NewPublisher(32, func(a article.Article, err error) {
		if _, dup := done[a.ID]; dup {
			t.Errorf("done called twice for %s", a.ID)
		}
		done[a.ID] = err // calls never overlap: no lock needed here
	})
	for i := range n {
		if err := p.Publish(context.Background(), testArticle(i)); err != nil {
			t.Fatal(err)
		}
	}
	p.Publish(context.Background(), article.Article{Origin: "empty:1"})
	err := p.Wait()
	if err == nil || !strings.Contains(err.Error(), "empty:1") {
		t.Errorf("Wait = %v, want the failed article named", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(done) != n+1 {
		t.Errorf("done called for %d articles, want %d", len(done), n+1)
	}
	if pending(t, q) != n {
		t.Errorf("Pending = %d, want %d", pending(t, q), n)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	p2 := q.NewPublisher(1, nil)
	if err := p2.Publish(ctx, testArticle(n)); !errors.Is(err, context.Canceled) {
		t.Errorf("Publish with a cancelled context = %v", err)
	}
	if err := p2.Wait(); err != nil {
		t.Errorf("Wait after nothing was started = %v", err)
	}
}
