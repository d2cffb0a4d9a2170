package server

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromiumPath is where Debian's chromium package puts the browser.
const chromiumPath = "/usr/bin/chromium"

// newBrowser starts a headless Chromium for one test, or skips the test
// when Chromium is not installed.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		// CI sets TIDINGS_REQUIRE_BROWSER, so that a missing browser fails
		// there instead of passing unnoticed.
		if os.Getenv("TIDINGS_REQUIRE_BROWSER") != "" {
			t.Fatalf("browser test: %s not found and TIDINGS_REQUIRE_BROWSER is set (install it with `apt-get install -y chromium`)", chromiumPath)
		}
		t.Skipf("browser test skipped: %s not found (install it with `apt-get install -y chromium`)", chromiumPath)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true), // CI runs as root, where the sandbox cannot start
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 1000),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(t.Context(), opts...)
	ctx, cancelBrowser := chromedp.NewContext(allocCtx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() {
		cancelTimeout()
		cancelBrowser()
		cancelAlloc()
	})
	return ctx
}

// TestBrowser drives the web page as a reader would: search, open the
// first result, see its entities highlighted, open an entity's page.
func TestBrowser(t *testing.T) {
	ctx := newBrowser(t)
	ts := newTestServer(t, Options{})
	web := httptest.NewServer(ts.handler)
	defer web.Close()

	// The search: type the query, press the button, wait for the results
	// (marked matches appear only on a results page).
	do(t, ctx, "search",
		chromedp.Navigate(web.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS("#search-form #q")),
		chromedp.SendKeys(chromedp.CSS("#q"), "Almaty protests"),
		chromedp.Click(chromedp.CSS("#search-button")),
		chromedp.WaitVisible(chromedp.CSS(".hit mark")),
	)
	hits := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll(".hit").length`))
	marked := run(t, ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(".hit mark"), e => e.textContent)`))
	if hits != 1 || !slices.Contains(marked, "Almaty") {
		t.Errorf("%d results with marked words %q, want 1 with Almaty", hits, marked)
	}
	shoot(t, ctx, "search.png")

	// The first result's article view.
	do(t, ctx, "open the first result",
		chromedp.Click(chromedp.CSS(".hit h3 a")),
		chromedp.WaitVisible(chromedp.CSS("#text .ent")),
	)
	location := run(t, ctx, chromedp.Location())
	title := run(t, ctx, chromedp.Text(chromedp.CSS("#title")))
	if title != testArticles[0].Title || !strings.Contains(location, "/articles/") {
		t.Errorf("article view %s titled %q, want %q", location, title, testArticles[0].Title)
	}
	texts := run(t, ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#text .ent"), e => e.textContent)`))
	hrefs := run(t, ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#text .ent"), e => e.getAttribute("href"))`))
	for _, want := range []string{"Kassym-Jomart Tokayev", "Almaty", "Russia", "United States", "European Union", "Kazakhstan"} {
		if !slices.Contains(texts, want) {
			t.Errorf("no highlighted entity %q among %q", want, texts)
		}
	}
	if !slices.Contains(hrefs, "/entities/Q232") {
		t.Errorf("no link to Kazakhstan's page among %q", hrefs)
	}
	shoot(t, ctx, "article.png")

	// A highlighted mention of Kazakhstan leads to its entity page.
	do(t, ctx, "open the entity page",
		chromedp.Click(chromedp.CSS(`#text a.ent[href="/entities/Q232"]`)),
		chromedp.WaitVisible(chromedp.CSS("svg.chart")),
	)
	name := run(t, ctx, chromedp.Text(chromedp.CSS("#title")))
	bars := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("svg.chart rect.bar").length`))
	hits = run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll(".hit").length`))
	if name != "Kazakhstan" || bars != 2 || hits != 2 {
		t.Errorf("entity page: name %q, %d bars, %d articles; want Kazakhstan, 2, 2", name, bars, hits)
	}
	shoot(t, ctx, "entity.png")
}

// do runs browser steps, failing the test with what was being done.
func do(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// run runs one browser action that gives a value.
func run[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	return v
}

// shoot saves a screenshot of the whole page into $TIDINGS_SCREENSHOTS,
// when it is set.
func shoot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("TIDINGS_SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}
