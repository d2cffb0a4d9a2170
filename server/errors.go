package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"tidings/store"
)

// paramError is a bad request parameter; its message names the parameter.
type paramError struct {
	param, problem string
}

func (e *paramError) Error() string { return e.param + ": " + e.problem }

func badParam(param, format string, args ...any) error {
	return &paramError{param: param, problem: fmt.Sprintf(format, args...)}
}

// statusError is an error that answers with a given status.
type statusError struct {
	code int
	err  error
}

func (e *statusError) Error() string { return e.err.Error() }
func (e *statusError) Unwrap() error { return e.err }

func withStatus(code int, err error) error { return &statusError{code: code, err: err} }

// statusOf returns the HTTP status that answers err.
func statusOf(err error) int {
	var (
		param    *paramError
		tooBig   *http.MaxBytesError
		explicit *statusError
	)
	switch {
	case errors.As(err, &tooBig):
		return http.StatusRequestEntityTooLarge
	case errors.As(err, &explicit):
		return explicit.code
	case errors.As(err, &param):
		return http.StatusBadRequest
	case errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, store.ErrQueryLimit):
		return http.StatusBadRequest
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// serveError answers a failed request with the status err calls for. The
// details of a server-side failure go to the log, not to the client.
func (s *server) serveError(w http.ResponseWriter, r *http.Request, err error) {
	s.fail(w, r, err, statusOf(err))
}

// fail answers with code and err's message: JSON for the API, a page
// otherwise.
func (s *server) fail(w http.ResponseWriter, r *http.Request, err error, code int) {
	msg := err.Error()
	var tooBig *http.MaxBytesError
	switch {
	case code >= 500 && (errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled)):
		msg = fmt.Sprintf("request timed out (limit %s)", s.opt.RequestTimeout)
		if errors.Is(err, context.Canceled) {
			msg = "request canceled"
		}
		s.log.Warn("request not completed", "method", r.Method, "path", r.URL.Path, "error", err)
	case code == http.StatusServiceUnavailable:
		// A deliberate 503 (say, analysis not available): its message is
		// meant for the client.
	case code >= 500:
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "error", err)
		msg = "internal error"
	case errors.As(err, &tooBig):
		msg = fmt.Sprintf("request body larger than %d bytes", tooBig.Limit)
	}
	if isAPI(r) {
		s.writeJSON(w, r, code, errorBody{Error: msg})
		return
	}
	s.renderError(w, r, code, msg)
}

// errorBody is the JSON answer of every failed API request.
type errorBody struct {
	Error string `json:"error"`
}

// writeJSON answers with v as JSON. It encodes before writing, so that an
// encoding failure can still answer 500.
func (s *server) writeJSON(w http.ResponseWriter, r *http.Request, code int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		s.log.Error("encoding a response", "path", r.URL.Path, "error", err)
		code = http.StatusInternalServerError
		buf.Reset()
		buf.WriteString(`{"error":"internal error"}` + "\n")
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	if r.Method != http.MethodHead {
		w.Write(buf.Bytes())
	}
}
