package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"tidings/archive"
	"tidings/article"
	"tidings/ingest"
	"tidings/record"
	"tidings/store"
)

// analyzeResult is the answer of /api/analyze?store=true.
type analyzeResult struct {
	Result   store.PutResult `json:"result"`
	Analysis record.Record   `json:"analysis"`
}

// bodyName names the request body in messages about it.
const bodyName = "request body"

// apiAnalyze analyses the article in the body, a JSON object as the
// contract's json input or, as text/plain, the raw text, and answers its
// analysis object; with store=true it also stores it.
func (s *server) apiAnalyze(w http.ResponseWriter, r *http.Request) {
	if s.pipeline == nil {
		s.serveError(w, r, withStatus(http.StatusServiceUnavailable, errors.New("analysis is not available on this server")))
		return
	}
	v := r.URL.Query()
	save, err := boolParam(v, "store")
	if err != nil {
		s.serveError(w, r, err)
		return
	}
	format, err := bodyFormat(r.Header.Get("Content-Type"), v.Get("in"))
	if err != nil {
		s.serveError(w, r, err)
		return
	}
	var published time.Time
	if p := strings.TrimSpace(v.Get("published")); p != "" {
		if published, err = ingest.ParseDate(p); err != nil {
			s.serveError(w, r, badParam("published", "%v", err))
			return
		}
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		s.serveError(w, r, fmt.Errorf("reading the %s: %w", bodyName, err))
		return
	}
	a, err := s.readArticle(r.Context(), body, format)
	if err != nil {
		s.serveError(w, r, err)
		return
	}
	if a.Published.IsZero() {
		a.Published = published
	}
	rec, err := s.analyze(r.Context(), a)
	if err != nil {
		s.serveError(w, r, err)
		return
	}
	if !save {
		s.writeJSON(w, r, http.StatusOK, rec)
		return
	}
	// Stored as ingest and the workers store: in a group commit, retrying
	// an unavailable archive within the request's time.
	res, err := s.commits.PutRetrying(r.Context(), rec, archive.Retry{Wait: archive.DefaultStoreWait})
	if err != nil {
		s.serveError(w, r, fmt.Errorf("storing the analysis: %w", err))
		return
	}
	code := http.StatusOK
	if res.Status == store.StatusNew {
		code = http.StatusCreated
		w.Header().Set("Location", "/api/articles/"+strconv.FormatInt(res.ID, 10))
	}
	s.writeJSON(w, r, code, analyzeResult{Result: res, Analysis: rec})
}

// bodyFormat returns the input format of a body of the given content
// type: JSON for JSON (or no type), the article layout (first line the
// title) for plain text, or the bare text when in is "text".
func bodyFormat(contentType, in string) (ingest.Format, error) {
	media := "application/json"
	if contentType != "" {
		var err error
		if media, _, err = mime.ParseMediaType(contentType); err != nil {
			return "", withStatus(http.StatusUnsupportedMediaType, fmt.Errorf("Content-Type %q: %v", clip(contentType), err))
		}
	}
	switch {
	case media == "application/json" || media == "text/json" || strings.HasSuffix(media, "+json"):
		if in != "" && in != "json" {
			return "", badParam("in", "%q does not apply to a JSON body", clip(in))
		}
		return ingest.JSON, nil
	case media == "text/plain":
		switch in {
		case "", "article":
			return ingest.ArticleLayout, nil
		case "text":
			return ingest.Text, nil
		}
		return "", badParam("in", "want article or text, got %q", clip(in))
	}
	return "", withStatus(http.StatusUnsupportedMediaType,
		fmt.Errorf("Content-Type %s not supported: send application/json (an article object) or text/plain (the article's text)", clip(media)))
}

// readArticle reads the one article of a body with the readers of the
// command line, so that the API accepts what `tidings analyze` does.
func (s *server) readArticle(ctx context.Context, body []byte, format ingest.Format) (article.Article, error) {
	var got []article.Article
	opt := ingest.Options{MaxArticleBytes: s.opt.MaxBodyBytes}
	for a, err := range ingest.Read(ctx, bodyName, bytes.NewReader(body), format, opt) {
		if err != nil {
			if ctx.Err() != nil {
				return article.Article{}, fmt.Errorf("reading the %s: %w", bodyName, ctx.Err())
			}
			return article.Article{}, withStatus(http.StatusBadRequest, err)
		}
		if got = append(got, a); len(got) > 1 {
			return article.Article{}, withStatus(http.StatusBadRequest, fmt.Errorf("%s: one article per request, got several", bodyName))
		}
	}
	if len(got) == 0 {
		return article.Article{}, withStatus(http.StatusBadRequest, fmt.Errorf("%s: no article", bodyName))
	}
	// The reader refuses a "published" it cannot read, as the command
	// line does: the client is told, with a 400.
	return got[0], nil
}

// analyze runs the pipeline over a, at most MaxConcurrentAnalyses at a
// time in a's lane (ordinary or large). The analysis runs under ctx: when
// the request times out or its client leaves, the pipeline stops at its
// next check (between sentences and stages) and the slot is free again.
func (s *server) analyze(ctx context.Context, a article.Article) (record.Record, error) {
	slots := s.analyses
	if len(a.Title)+len(a.Body) >= s.opt.LargeArticleBytes {
		slots = s.large
	}
	select {
	case slots <- struct{}{}:
	case <-ctx.Done():
		return record.Record{}, fmt.Errorf("waiting to analyse the article: %w", ctx.Err())
	}
	type outcome struct {
		rec record.Record
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		defer func() { <-slots }()
		defer func() {
			if v := recover(); v != nil {
				s.log.Error("panic analysing an article", "panic", v, "stack", string(debug.Stack()))
				done <- outcome{err: fmt.Errorf("analysing the article: panic: %v", v)}
			}
		}()
		an, err := s.pipeline.Analyze(ctx, a)
		if err != nil {
			done <- outcome{err: fmt.Errorf("analysing the article: %w", err)}
			return
		}
		done <- outcome{rec: an.Record()}
	}()
	select {
	case o := <-done:
		return o.rec, o.err
	case <-ctx.Done():
		return record.Record{}, fmt.Errorf("analysing the article: %w", ctx.Err())
	}
}
