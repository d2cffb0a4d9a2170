package server

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// fuzzPaths are the endpoints FuzzRequest sends its query strings to.
var fuzzPaths = []string{
	"/api/articles", "/api/search", "/api/entities", "/api/entities/Q232", "/api/tags", "/api/timeline",
	"/", "/entities/Q232", "/tags/Kazakhstan", "/api/analyze",
}

// FuzzRequest sends arbitrary query strings (and, to /api/analyze,
// arbitrary bodies) to every kind of endpoint of a server over a real
// store: no request may panic or get a 5xx, and every API error is JSON.
func FuzzRequest(f *testing.F) {
	ts := newTestServer(f, Options{})
	f.Add(uint8(0), "q=Almaty&limit=5", []byte(nil))
	f.Add(uint8(1), "q=%22unclosed&from=2022-01-01&to=2021-01-01", []byte(nil))
	f.Add(uint8(2), "prefix=%FF&limit=-1", []byte(nil))
	f.Add(uint8(6), "page=99999999999&entity=local:x", []byte(nil))
	f.Add(uint8(9), "store=false", []byte(`{"title":"T","body":"Tokayev met Putin in Almaty."}`))
	f.Add(uint8(9), "in=text", []byte("\x00\x01binary"))
	f.Fuzz(func(t *testing.T, which uint8, rawQuery string, body []byte) {
		path := fuzzPaths[int(which)%len(fuzzPaths)]
		if strings.ContainsAny(rawQuery, " #\r\n") {
			return // not a query string a client can send
		}
		method, contentType := http.MethodGet, ""
		if path == "/api/analyze" {
			method, contentType = http.MethodPost, "application/json"
			if which&0x80 != 0 {
				contentType = "text/plain"
			}
			rawQuery = strings.ReplaceAll(rawQuery, "store", "s") // keep the archive as it is
		}
		req := httptest.NewRequest(method, "http://tidings.test"+path, bytes.NewReader(body))
		req.URL.RawQuery = rawQuery
		if contentType != "" {
			req.Header.Set("Content-Type", contentType)
		}
		rec := httptest.NewRecorder()
		ts.handler.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%s %s?%q: status %d: %s", method, path, rawQuery, rec.Code, rec.Body.String())
		}
		if strings.HasPrefix(path, "/api/") && rec.Code >= 400 {
			var e errorBody
			if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Error == "" {
				t.Fatalf("%s %s?%q: status %d with a body that is not a JSON error: %s", method, path, rawQuery, rec.Code, rec.Body.String())
			}
		}
	})
}
