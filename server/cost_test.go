package server

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"tidings/internal/newstext"
)

// postText posts body as plain text to /api/analyze under ctx and returns
// the status.
func postText(ctx context.Context, h http.Handler, body string) int {
	req := httptest.NewRequest(http.MethodPost, "/api/analyze?in=text", strings.NewReader(body)).WithContext(ctx)
	req.Header.Set("Content-Type", "text/plain")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Code
}

// waitSlots waits up to limit for the lane to hold want analyses and
// reports whether it did.
func waitSlots(lane chan struct{}, want int, limit time.Duration) bool {
	for deadline := time.Now().Add(limit); ; time.Sleep(5 * time.Millisecond) {
		if len(lane) == want {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
	}
}

// TestSmallAnalysisBesideLargeOnes runs two analyses of 4 MB (just under
// the largest body the server takes, 4 MiB) and checks that a short article is still
// answered within a second, and that both large analyses give their slots
// back within a second of their clients leaving.
func TestSmallAnalysisBesideLargeOnes(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping: analyses megabytes")
	}
	p, _ := analysed(t)
	ts := newTestServer(t, Options{})
	s, h := newServer(ts.store, p, Options{MaxConcurrentAnalyses: 2})
	big := newstext.Text(4_000_000)
	ctx, leave := context.WithCancel(context.Background())
	done := make(chan int, 2)
	for range 2 {
		go func() { done <- postText(ctx, h, big) }()
	}
	if !waitSlots(s.large, 2, 20*time.Second) {
		leave()
		t.Fatalf("the two large analyses did not start: %d running", len(s.large))
	}
	start := time.Now()
	code := postText(context.Background(), h, "A storm closed the airport of Almaty on Monday, officials said.")
	if d := time.Since(start); code != http.StatusOK || d > time.Second {
		t.Errorf("a short article beside two large ones: status %d after %s; want 200 within 1s", code, d)
	}
	if len(s.large) != 2 {
		t.Fatalf("a large analysis ended before its client left: %d running", len(s.large))
	}
	leave()
	for range 2 {
		if code := <-done; code == http.StatusOK {
			t.Errorf("a large analysis answered 200 after its client left")
		}
	}
	if !waitSlots(s.large, 0, time.Second) {
		t.Errorf("%d large analyses still hold their slots 1s after their clients left", len(s.large))
	}
}

// TestTimedOutAnalysisFreesSlot checks that an analysis whose request
// timed out stops and gives its slot back within a second.
func TestTimedOutAnalysisFreesSlot(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping: analyses megabytes")
	}
	p, _ := analysed(t)
	ts := newTestServer(t, Options{})
	s, h := newServer(ts.store, p, Options{MaxConcurrentAnalyses: 1, RequestTimeout: 500 * time.Millisecond})
	code := postText(context.Background(), h, newstext.Text(2<<20))
	if code != http.StatusServiceUnavailable {
		t.Fatalf("status %d for an analysis past the request timeout; want 503", code)
	}
	if !waitSlots(s.large, 0, time.Second) {
		t.Errorf("the timed-out analysis still holds its slot 1s after the answer")
	}
}
