package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"tidings/article"
)

// stdinName names standard input in messages and Origin.
const stdinName = "stdin"

// Sources expands args: "-" is stdin; http:// or https:// URLs are fetched
// (timeout, size cap, the response Content-Type helps sniffing with Auto); a
// directory yields every regular file in it, recursively, in sorted order
// (skipping hidden files and directories); else a file path. Errors name the
// arg. A source that fails yields its error and the next source is read.
func Sources(ctx context.Context, args []string, f Format, opt Options) iter.Seq2[article.Article, error] {
	return func(yield func(article.Article, error) bool) {
		opt := opt.withDefaults()
		// A cancellation is reported once: by the source it interrupted, or
		// else as the reason the remaining sources are not read.
		cancelReported := false
		watch := func(a article.Article, err error) bool {
			if err != nil && ctx.Err() != nil && errors.Is(err, ctx.Err()) {
				cancelReported = true
			}
			return yield(a, err)
		}
		for _, arg := range args {
			if err := ctx.Err(); err != nil {
				if !cancelReported {
					yield(article.Article{}, fmt.Errorf("%s: %w", arg, err))
				}
				return
			}
			if !readSource(ctx, arg, f, opt, watch) {
				return
			}
		}
	}
}

// readSource reads one argument of Sources and reports whether to go on.
func readSource(ctx context.Context, arg string, f Format, opt Options, yield func(article.Article, error) bool) bool {
	if arg == "-" {
		return readInput(ctx, input{name: stdinName}, opt.Stdin, f, opt, yield)
	}
	if u, err := url.Parse(arg); err == nil && isHTTP(u) {
		return readURL(ctx, arg, f, opt, yield)
	}
	info, err := os.Stat(arg)
	if err != nil {
		return yield(article.Article{}, fmt.Errorf("%s: %w", arg, withoutPath(err)))
	}
	if info.IsDir() {
		return readDir(ctx, arg, f, opt, yield)
	}
	return readFile(ctx, arg, f, opt, yield)
}

func readFile(ctx context.Context, path string, f Format, opt Options, yield func(article.Article, error) bool) bool {
	file, err := os.Open(path)
	if err != nil {
		return yield(article.Article{}, fmt.Errorf("%s: %w", path, withoutPath(err)))
	}
	defer file.Close()
	return readInput(ctx, input{name: path}, file, f, opt, yield)
}

// readDir reads every regular file under root in lexical order, skipping
// hidden files and directories, whose content is not news (.git, editor
// files).
func readDir(ctx context.Context, root string, f Format, opt Options, yield func(article.Article, error) bool) bool {
	type entry struct {
		path string
		err  error
	}
	var entries []entry
	// WalkDir visits entries in lexical order, which is the order wanted.
	walkErr := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			entries = append(entries, entry{path, err})
			return nil
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		switch {
		case d.Type().IsRegular():
			entries = append(entries, entry{path: path})
		case d.Type()&fs.ModeSymlink != 0:
			// Links to files are followed; links to directories are not,
			// which could loop.
			if info, err := os.Stat(path); err == nil && info.Mode().IsRegular() {
				entries = append(entries, entry{path: path})
			}
		}
		return nil
	})
	if walkErr != nil {
		entries = append(entries, entry{root, walkErr})
	}
	if len(entries) == 0 {
		return yield(article.Article{}, fmt.Errorf("%s: no files in the directory", root))
	}
	for _, e := range entries {
		if ctx.Err() != nil {
			return yield(article.Article{}, fmt.Errorf("%s: %w", root, ctx.Err()))
		}
		var ok bool
		if e.err != nil {
			ok = yield(article.Article{}, fmt.Errorf("%s: %w", e.path, withoutPath(e.err)))
		} else {
			ok = readFile(ctx, e.path, f, opt, yield)
		}
		if !ok {
			return false
		}
	}
	return true
}

// readURL downloads rawURL whole (within MaxFetchBytes and FetchTimeout) and
// reads it. Downloading first keeps the timeout about the network, not
// about how long the consumer takes over the articles.
func readURL(ctx context.Context, rawURL string, f Format, opt Options, yield func(article.Article, error) bool) bool {
	in, data, err := fetch(ctx, rawURL, opt)
	if err != nil {
		return yield(article.Article{}, err)
	}
	return readInput(ctx, in, bytes.NewReader(data), f, opt, yield)
}

// fetch downloads rawURL and describes it for readInput.
func fetch(ctx context.Context, rawURL string, opt Options) (input, []byte, error) {
	in := input{name: rawURL}
	fetchCtx, cancel := context.WithTimeout(ctx, opt.FetchTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(fetchCtx, http.MethodGet, rawURL, nil)
	if err != nil {
		return in, nil, fmt.Errorf("%s: %w", rawURL, err)
	}
	req.Header.Set("User-Agent", "tidings (news analysis)")
	req.Header.Set("Accept", "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "+
		"application/json, application/x-ndjson, text/plain;q=0.9, */*;q=0.5")
	resp, err := opt.HTTPClient.Do(req)
	if err != nil {
		return in, nil, fetchError(ctx, rawURL, opt, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return in, nil, fmt.Errorf("%s: fetching: HTTP %s", rawURL, resp.Status)
	}
	tooLarge := fmt.Errorf("%s: %w: the download exceeds %s (MaxFetchBytes)", rawURL, ErrTooLarge, formatBytes(opt.MaxFetchBytes))
	if resp.ContentLength > opt.MaxFetchBytes {
		return in, nil, tooLarge
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, opt.MaxFetchBytes+1))
	if err != nil {
		return in, nil, fetchError(ctx, rawURL, opt, err)
	}
	if int64(len(data)) > opt.MaxFetchBytes {
		return in, nil, tooLarge
	}
	in.contentType = resp.Header.Get("Content-Type")
	in.pageURL = resp.Request.URL // after redirects
	return in, data, nil
}

// fetchError says why a download failed, naming a timeout as one.
func fetchError(ctx context.Context, rawURL string, opt Options, err error) error {
	var urlErr *url.Error
	isURLErr := errors.As(err, &urlErr)
	timeout := errors.Is(err, context.DeadlineExceeded) || (isURLErr && urlErr.Timeout())
	if isURLErr {
		err = urlErr.Err // it repeats the URL
	}
	if timeout && ctx.Err() == nil {
		return fmt.Errorf("%s: fetching: no complete response within %v (FetchTimeout): %w", rawURL, opt.FetchTimeout, err)
	}
	return fmt.Errorf("%s: fetching: %w", rawURL, err)
}

// withoutPath drops the path from an *fs.PathError, whose message would
// repeat what the caller already names.
func withoutPath(err error) error {
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		return fmt.Errorf("%s: %w", pathErr.Op, pathErr.Err)
	}
	return err
}
