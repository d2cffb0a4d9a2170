// Package server serves the archive over HTTP: a JSON API (described by the
// OpenAPI document at /api/openapi.json) and a server-rendered web page to
// search articles and browse entities, tags and timelines.
//
// Every request runs under a recover guard, a body size cap and a deadline,
// so a bad or hostile request gets an error response and never takes the
// server down.
package server

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"tidings/archive"
	"tidings/pipeline"
	"tidings/store"
)

// Options configure a server. The zero value is ready to use.
type Options struct {
	// RequestTimeout bounds the work of one request; default 30s.
	RequestTimeout time.Duration
	// MaxBodyBytes caps a request body; default 4 MiB. A larger body gets
	// 413 Request Entity Too Large.
	MaxBodyBytes int64
	// MaxConcurrentAnalyses bounds the analyses that run at once, since each
	// takes a core; default GOMAXPROCS. Further requests wait their turn
	// within their deadline. Large articles (see LargeArticleBytes) have a
	// lane of as many slots of their own, so that a few long analyses never
	// make short ones wait.
	MaxConcurrentAnalyses int
	// LargeArticleBytes is the size of text from which an article is
	// analysed in the lane for large articles; default 256 KiB (a long
	// news article is under 50 KB).
	LargeArticleBytes int
	// Logger receives server errors (with details that clients do not see)
	// and, at debug level, one line per request; default: discard.
	Logger *slog.Logger
}

// Defaults of Options.
const (
	DefaultRequestTimeout = 30 * time.Second
	DefaultMaxBodyBytes   = 4 << 20
	DefaultLargeArticle   = 256 << 10
)

func (o Options) withDefaults() Options {
	if o.RequestTimeout <= 0 {
		o.RequestTimeout = DefaultRequestTimeout
	}
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if o.MaxConcurrentAnalyses <= 0 {
		o.MaxConcurrentAnalyses = runtime.GOMAXPROCS(0)
	}
	if o.LargeArticleBytes <= 0 {
		o.LargeArticleBytes = DefaultLargeArticle
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return o
}

//go:embed openapi.json templates static
var assets embed.FS

// server holds what the handlers share; it is read-only after New.
type server struct {
	store    store.Store
	commits  *archive.Committer // stores POST /api/analyze?store=true
	pipeline *pipeline.Pipeline // nil: analysis is not available
	opt      Options
	log      *slog.Logger
	pages    pageTemplates
	static   fs.FS
	analyses chan struct{} // a token per running analysis of an ordinary article
	large    chan struct{} // a token per running analysis of a large one

	// Archive-wide counts of the search page, reused for summaryTTL.
	stats    cached[store.Stats]
	topTags  cached[[]store.TagCount]
	timeline cached[[]store.Bucket]
}

// route is one registered pattern of the mux.
type route struct {
	pattern string // as ServeMux takes it: "METHOD /path/{wildcard}"
	handler http.HandlerFunc
}

// New returns the HTTP handler of the API and the web page over st. p
// analyses the articles posted to /api/analyze; with a nil p that endpoint
// answers 503.
func New(st store.Store, p *pipeline.Pipeline, opt Options) http.Handler {
	_, h := newServer(st, p, opt)
	return h
}

// newServer is New that also returns the server, for tests that watch its
// slots.
func newServer(st store.Store, p *pipeline.Pipeline, opt Options) (*server, http.Handler) {
	opt = opt.withDefaults()
	static, err := fs.Sub(assets, "static")
	if err != nil {
		panic(fmt.Sprintf("server: embedded static files: %v", err)) // cannot happen: the directory is embedded
	}
	s := &server{
		store:    st,
		commits:  archive.NewCommitter(st),
		pipeline: p,
		opt:      opt,
		log:      opt.Logger,
		pages:    parsePages(),
		static:   static,
		analyses: make(chan struct{}, opt.MaxConcurrentAnalyses),
		large:    make(chan struct{}, opt.MaxConcurrentAnalyses),
	}
	mux := http.NewServeMux()
	for _, rt := range s.routes() {
		mux.Handle(rt.pattern, rt.handler)
	}
	return s, s.guard(s.routeErrors(mux))
}

// routes lists every endpoint; the OpenAPI test checks the document
// against this list.
func (s *server) routes() []route {
	return []route{
		{"POST /api/analyze", s.apiAnalyze},
		{"GET /api/articles", s.apiArticles},
		{"GET /api/articles/{id}", s.apiArticle},
		{"GET /api/search", s.apiSearch},
		{"GET /api/entities", s.apiEntities},
		{"GET /api/entities/{id...}", s.apiEntity},
		{"GET /api/tags", s.apiTags},
		{"GET /api/timeline", s.apiTimeline},
		{"GET /api/stats", s.apiStats},
		{"GET /api/events", s.apiEvents},
		{"GET /api/openapi.json", s.apiOpenAPI},

		{"GET /{$}", s.pageIndex},
		{"GET /articles/{id}", s.pageArticle},
		{"GET /entities/{id...}", s.pageEntity},
		{"GET /tags/{tag...}", s.pageTag},
		{"GET /static/{file...}", s.serveStatic},
	}
}

// NewHTTPServer returns an http.Server for h with timeouts that keep slow
// or idle clients from holding connections: headers within 10s, a whole
// request within a minute, a response within two (longer than the default
// request timeout, so that the handler's own timeout answers first).
func NewHTTPServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
}

// isAPI reports whether a request is for the JSON API, which answers
// errors as JSON; the pages answer them as HTML.
func isAPI(r *http.Request) bool {
	return r.URL.Path == "/api" || strings.HasPrefix(r.URL.Path, "/api/")
}

// guard wraps every request: a deadline, a body cap, security headers, a
// log line, and a recover that turns a panic into a 500.
func (s *server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		ctx, cancel := context.WithTimeout(r.Context(), s.opt.RequestTimeout)
		defer cancel()
		r = r.WithContext(ctx)
		r.Body = http.MaxBytesReader(w, r.Body, s.opt.MaxBodyBytes)
		rec := &statusRecorder{ResponseWriter: w}
		h := rec.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		if !isAPI(r) {
			// Everything a page uses is served from here; inline scripts
			// and styles are refused.
			h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
			h.Set("X-Frame-Options", "DENY")
		}
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panic serving request", "method", r.Method, "path", r.URL.Path, "panic", v, "stack", string(debug.Stack()))
				if !rec.wrote {
					s.fail(rec, r, errors.New("internal error"), http.StatusInternalServerError)
				}
			}
			s.log.Debug("request", "method", r.Method, "path", r.URL.RequestURI(), "status", rec.status(), "bytes", rec.n, "duration", time.Since(start))
		}()
		next.ServeHTTP(rec, r)
	})
}

// routeErrors answers the requests that no route takes (404) or that name
// a route with another method (405) in the form of the rest of the site:
// JSON for the API, a page otherwise.
func (s *server) routeErrors(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h, pattern := mux.Handler(r)
		if pattern != "" {
			// Handlers read parameters with URL.Query, which drops a
			// pair it cannot decode: "q=%zz" would read as no q at all.
			if _, err := url.ParseQuery(r.URL.RawQuery); err != nil {
				s.serveError(w, r, withStatus(http.StatusBadRequest, fmt.Errorf("query string: %v", err)))
				return
			}
			mux.ServeHTTP(w, r)
			return
		}
		// The mux's own handler sets the status and the Allow header; keep
		// those and replace its plain-text body.
		probe := &headerProbe{header: http.Header{}}
		h.ServeHTTP(probe, r)
		if allow := probe.header.Get("Allow"); allow != "" {
			w.Header().Set("Allow", allow)
		}
		switch probe.code {
		case http.StatusMethodNotAllowed:
			s.fail(w, r, fmt.Errorf("method %s not allowed for %s (allowed: %s)", r.Method, r.URL.Path, probe.header.Get("Allow")), http.StatusMethodNotAllowed)
		default:
			s.fail(w, r, fmt.Errorf("no such page: %s", r.URL.Path), http.StatusNotFound)
		}
	})
}

// statusRecorder remembers whether and what a handler wrote.
type statusRecorder struct {
	http.ResponseWriter
	code  int
	wrote bool
	n     int64
}

func (w *statusRecorder) WriteHeader(code int) {
	if !w.wrote {
		w.code, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusRecorder) Write(b []byte) (int, error) {
	if !w.wrote {
		w.code, w.wrote = http.StatusOK, true
	}
	n, err := w.ResponseWriter.Write(b)
	w.n += int64(n)
	return n, err
}

func (w *statusRecorder) status() int {
	if !w.wrote {
		return http.StatusOK
	}
	return w.code
}

// Unwrap lets http.ResponseController reach the connection.
func (w *statusRecorder) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// headerProbe is a ResponseWriter that keeps the header and status and
// drops the body.
type headerProbe struct {
	header http.Header
	code   int
}

func (p *headerProbe) Header() http.Header { return p.header }
func (p *headerProbe) WriteHeader(code int) {
	if p.code == 0 {
		p.code = code
	}
}
func (p *headerProbe) Write(b []byte) (int, error) {
	if p.code == 0 {
		p.code = http.StatusOK
	}
	return len(b), nil
}
