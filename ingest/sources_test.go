package ingest

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// sources runs Sources and collects what it yields.
func sources(t *testing.T, args []string, f Format, opt Options) outcome {
	t.Helper()
	var o outcome
	opt.Warn = func(msg string) { o.warnings = append(o.warnings, msg) }
	for a, err := range Sources(context.Background(), args, f, opt) {
		if err != nil {
			o.errs = append(o.errs, err)
			continue
		}
		checkArticle(t, a)
		o.articles = append(o.articles, a)
	}
	return o
}

func writeFiles(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestSourcesDirectory(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"b.txt":             "Second file.",
		"a.txt":             "First file.",
		"c/z.jsonl":         `{"body": "Nested JSONL."}` + "\n",
		"c/d/deep.txt":      "Deep file.",
		"c/empty.txt":       "",
		".hidden.txt":       "Hidden file.",
		".git/config":       "Hidden directory.",
		"c/.cache/x.txt":    "Hidden nested directory.",
		"Upper.txt":         "Capital sorts first.",
		"c/d/../../e/f.txt": "Last file.",
	})
	if err := os.Symlink(filepath.Join(root, "a.txt"), filepath.Join(root, "link.txt")); err != nil {
		t.Fatal(err)
	}
	o := sources(t, []string{root}, Auto, Options{})
	var origins, bodies []string
	for _, a := range o.articles {
		origins = append(origins, strings.TrimPrefix(filepath.ToSlash(a.Origin), filepath.ToSlash(root)+"/"))
		bodies = append(bodies, a.Body)
	}
	wantOrigins := []string{"Upper.txt", "a.txt", "b.txt", "c/d/deep.txt", "c/z.jsonl:1", "e/f.txt", "link.txt"}
	if !slices.Equal(origins, wantOrigins) {
		t.Errorf("origins %q, want %q", origins, wantOrigins)
	}
	for _, b := range bodies {
		if strings.Contains(b, "Hidden") {
			t.Errorf("read a hidden file: %q", b)
		}
	}
	emptyFile := filepath.Join(root, "c", "empty.txt")
	if len(o.errs) != 1 || o.errs[0].Error() != emptyFile+": empty input" {
		t.Errorf("errors %q, want one for %s", o.errText(), emptyFile)
	}
}

func TestSourcesArgs(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{"one.txt": "One.", "sub/.keep": "x"})
	missing := filepath.Join(root, "missing.txt")
	o := sources(t, []string{filepath.Join(root, "one.txt"), missing, filepath.Join(root, "sub"), "-"}, Text,
		Options{Stdin: strings.NewReader("From stdin.")})
	var bodies []string
	for _, a := range o.articles {
		bodies = append(bodies, a.Body)
	}
	if !slices.Equal(bodies, []string{"One.", "From stdin."}) {
		t.Errorf("bodies %q", bodies)
	}
	if o.articles[1].Origin != "stdin" {
		t.Errorf("stdin origin %q", o.articles[1].Origin)
	}
	if len(o.errs) != 2 || !strings.HasPrefix(o.errs[0].Error(), missing+": ") || !errors.Is(o.errs[0], os.ErrNotExist) ||
		strings.Count(o.errs[0].Error(), missing) != 1 || !strings.HasSuffix(o.errs[1].Error(), "sub: no files in the directory") {
		t.Errorf("errors:\n%s\nwant the missing file (named once) and the empty directory", o.errText())
	}
}

func TestSourcesURL(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(`<rss version="2.0"><channel><title>T</title><item><guid>g1</guid><description>Feed item.</description></item></channel></rss>`))
	})
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
		w.Write([]byte("<html><body><p>Caf\xe9 opens.</p></body></html>"))
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/page", http.StatusFound)
	})
	mux.HandleFunc("/plain", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("Title line\n\nBody text."))
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte(strings.Repeat("x", 5000)))
	})
	mux.HandleFunc("/big-chunked", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		for range 10 {
			w.Write([]byte(strings.Repeat("x", 1000)))
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	tests := []struct {
		path    string
		body    string
		title   string
		url     string
		wantErr string
	}{
		{path: "/feed", body: "Feed item."},
		{path: "/page", body: "Café opens.", url: srv.URL + "/page"},
		{path: "/moved", body: "Café opens.", url: srv.URL + "/page"},
		{path: "/plain", body: "Body text.", title: "Title line"},
		{path: "/missing", wantErr: ": fetching: HTTP 404 Not Found"},
		{path: "/big", wantErr: ": input too large: the download exceeds 4 KiB (MaxFetchBytes)"},
		{path: "/big-chunked", wantErr: ": input too large: the download exceeds 4 KiB (MaxFetchBytes)"},
		{path: "/slow", wantErr: ": fetching: no complete response within 200ms (FetchTimeout)"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			u := srv.URL + tt.path
			start := time.Now()
			o := sources(t, []string{u}, Auto, Options{MaxFetchBytes: 4 << 10, FetchTimeout: 200 * time.Millisecond})
			if elapsed := time.Since(start); elapsed > 3*time.Second {
				t.Errorf("took %v", elapsed)
			}
			if tt.wantErr != "" {
				if len(o.errs) != 1 || len(o.articles) != 0 || o.errs[0].Error() != u+tt.wantErr && !strings.HasPrefix(o.errs[0].Error(), u+tt.wantErr) {
					t.Fatalf("errors %q, want one %q", o.errText(), u+tt.wantErr)
				}
				return
			}
			a := only(t, o)
			if a.Body != tt.body || a.Title != tt.title || a.Origin != u || (tt.url != "" && a.URL != tt.url) {
				t.Errorf("got body %q title %q origin %q URL %q", a.Body, a.Title, a.Origin, a.URL)
			}
		})
	}
}

func TestSourcesCancelled(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{"a.txt": "A.", "b.txt": "B."})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var got []error
	n := 0
	for _, err := range Sources(ctx, []string{filepath.Join(root, "a.txt"), root}, Text, Options{}) {
		n++
		if err != nil {
			got = append(got, err)
		}
		cancel()
	}
	if n != 2 || len(got) != 1 || !errors.Is(got[0], context.Canceled) {
		t.Errorf("got %d items, errors %v; want the first article and one cancellation", n, got)
	}
}
