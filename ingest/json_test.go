package ingest

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestReadJSONL(t *testing.T) {
	const input = `{"id": "a1", "url": "https://x.example/1", "title": " Bus fares\n frozen ", "body": "Fares stay the same.", "published": "2024-03-05T08:30:00Z", "source": "Lantern", "tags": ["buses", " fares "], "extra": {"ignored": true}}

{"text": "Only text here.", "tags": "roads, , bridges", "id": 42}
not json
{"title": "no body"}
{"body": "Undated.", "published": "next Tuesday-ish"}
[1, 2]
{"body": "Typed wrong.", "title": 7}
{"body": "Last one.", "published": "2024-03-05"}
`
	o := read(t, "news.jsonl", input, JSONL, Options{})
	wantErrs := []string{
		"news.jsonl:4: invalid JSON",
		`news.jsonl:5: no "body" or "text"`,
		`news.jsonl:6: "published": unrecognised date "next Tuesday-ish"`,
		"news.jsonl:7: invalid article: a JSON array, want an object",
		`news.jsonl:8: invalid article: "title" is a JSON number, want a string`,
	}
	if len(o.errs) != len(wantErrs) {
		t.Fatalf("errors:\n%s\nwant %d", o.errText(), len(wantErrs))
	}
	for i, want := range wantErrs {
		if !strings.HasPrefix(o.errs[i].Error(), want) {
			t.Errorf("error %q, want prefix %q", o.errs[i], want)
		}
	}
	if len(o.articles) != 3 {
		t.Fatalf("%d articles, want 3", len(o.articles))
	}
	a := o.articles[0]
	if a.ID != "a1" || a.URL != "https://x.example/1" || a.Title != "Bus fares frozen" || a.Body != "Fares stay the same." ||
		a.Source != "Lantern" || !slices.Equal(a.GoldTags, []string{"buses", "fares"}) || a.Origin != "news.jsonl:1" ||
		!a.Published.Equal(time.Date(2024, 3, 5, 8, 30, 0, 0, time.UTC)) {
		t.Errorf("first article %+v", a)
	}
	b := o.articles[1]
	if b.ID != "42" || b.Body != "Only text here." || !slices.Equal(b.GoldTags, []string{"roads", "bridges"}) || b.Origin != "news.jsonl:3" {
		t.Errorf("second article %+v", b)
	}
	if len(o.warnings) != 0 {
		t.Errorf("warnings %q; want none", o.warnings)
	}
	if d := o.articles[2]; len(d.ID) != 16 || d.Origin != "news.jsonl:9" {
		t.Errorf("last article ID %q origin %q", d.ID, d.Origin)
	}
}

func TestReadJSONLLongLine(t *testing.T) {
	input := `{"body": "short"}` + "\n" + `{"body": "` + strings.Repeat("x", 5000) + `"}` + "\n" + `{"body": "after"}`
	o := read(t, "l.jsonl", input, JSONL, Options{MaxArticleBytes: 1000})
	if len(o.articles) != 2 || o.articles[1].Body != "after" {
		t.Errorf("articles %d, want the two short ones", len(o.articles))
	}
	if len(o.errs) != 1 || !strings.HasPrefix(o.errs[0].Error(), "l.jsonl:2: input too large") {
		t.Errorf("errors %q, want one for line 2", o.errText())
	}
}

func TestReadJSONLInvalidUTF8(t *testing.T) {
	o := read(t, "u.jsonl", "{\"body\": \"ok\"}\n{\"body\": \"caf\xe9\"}\n{\"body\": \"\xff\"}\n", JSONL, Options{})
	if len(o.articles) != 3 || o.articles[1].Body != "caf\uFFFD" {
		t.Fatalf("articles %+v, errors %q", o.articles, o.errText())
	}
	if len(o.warnings) != 1 || !strings.HasPrefix(o.warnings[0], "u.jsonl:2: invalid UTF-8") {
		t.Errorf("warnings %q, want one naming line 2", o.warnings)
	}
}

func TestReadJSON(t *testing.T) {
	tests := []struct {
		name, input string
		bodies      []string
		origins     []string
		errs        []string
	}{
		{name: "one object", input: `{"id": "x", "body": "One."}`, bodies: []string{"One."}, origins: []string{"j.json"}},
		{name: "pretty object", input: "{\n  \"body\": \"One.\"\n}\n", bodies: []string{"One."}, origins: []string{"j.json"}},
		{
			name:   "array",
			input:  "[\n {\"body\": \"One.\"},\n {\"title\": \"no body\"},\n {\"body\": \"Three.\"}\n]",
			bodies: []string{"One.", "Three."}, origins: []string{"j.json:2", "j.json:4"},
			errs: []string{`j.json:3: no "body" or "text"`},
		},
		{
			name:   "objects one after the other",
			input:  "{\"body\": \"One.\"}\n{\"body\": \"Two.\"}\n",
			bodies: []string{"One.", "Two."}, origins: []string{"j.json:1", "j.json:2"},
		},
		{
			name:   "syntax error after good elements",
			input:  "[{\"body\": \"One.\"},\n{\"body\": \"Two.\"},\n{\"body\": oops}]",
			bodies: []string{"One.", "Two."}, origins: []string{"j.json:1", "j.json:2"},
			errs: []string{"j.json:3: invalid JSON"},
		},
		{name: "truncated", input: `[{"body": "One."}, {"bo`, bodies: []string{"One."}, origins: []string{"j.json:1"}, errs: []string{"j.json: invalid JSON: unexpected end"}},
		{name: "not an object", input: `"just a string"`, errs: []string{"j.json: invalid JSON: want an object or an array of objects, not a string"}},
		{name: "garbage", input: `}{`, errs: []string{"j.json:1: invalid JSON"}},
		{name: "empty array", input: `[]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := read(t, "j.json", tt.input, JSON, Options{})
			var bodies, origins []string
			for _, a := range o.articles {
				bodies = append(bodies, a.Body)
				origins = append(origins, a.Origin)
			}
			if !slices.Equal(bodies, tt.bodies) || !slices.Equal(origins, tt.origins) {
				t.Errorf("bodies %q origins %q, want %q %q", bodies, origins, tt.bodies, tt.origins)
			}
			if len(o.errs) != len(tt.errs) {
				t.Fatalf("errors:\n%s\nwant %q", o.errText(), tt.errs)
			}
			for i, want := range tt.errs {
				if !strings.HasPrefix(o.errs[i].Error(), want) {
					t.Errorf("error %q, want prefix %q", o.errs[i], want)
				}
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	utc := func(y int, m time.Month, d, h, min, s int) time.Time {
		return time.Date(y, m, d, h, min, s, 0, time.UTC)
	}
	tests := []struct {
		in   string
		want time.Time
	}{
		{"2024-03-05T08:30:00Z", utc(2024, 3, 5, 8, 30, 0)},
		{"2024-03-05T09:30:00.123+01:00", utc(2024, 3, 5, 8, 30, 0).Add(123 * time.Millisecond)},
		{"2024-03-05T09:30:00+0100", utc(2024, 3, 5, 8, 30, 0)},
		{"2024-03-05T08:30:00", utc(2024, 3, 5, 8, 30, 0)},
		{"2024-03-05 08:30:00", utc(2024, 3, 5, 8, 30, 0)},
		{"2024-03-05", utc(2024, 3, 5, 0, 0, 0)},
		{"Tue, 05 Mar 2024 08:30:00 GMT", utc(2024, 3, 5, 8, 30, 0)},
		{"Tue, 5 Mar 2024 09:30:00 +0100", utc(2024, 3, 5, 8, 30, 0)},
		{"March 5, 2024", utc(2024, 3, 5, 0, 0, 0)},
		{"5 March 2024", utc(2024, 3, 5, 0, 0, 0)},
		{" 2024-03-05 ", utc(2024, 3, 5, 0, 0, 0)},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if err != nil || !got.Equal(tt.want) {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "yesterday", "2024-13-45", "05/03/2024"} {
		if got, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) = %v, want an error", bad, got)
		}
	}
}

func TestJSONDateNumbers(t *testing.T) {
	o := read(t, "n.jsonl", "{\"body\": \"a\", \"published\": 1709627400}\n{\"body\": \"b\", \"published\": 1709627400000}\n", JSONL, Options{})
	want := time.Date(2024, 3, 5, 8, 30, 0, 0, time.UTC)
	if len(o.articles) != 2 || !o.articles[0].Published.Equal(want) || !o.articles[1].Published.Equal(want) {
		t.Errorf("articles %+v, errors %q; want both published %v", o.articles, o.errText(), want)
	}
}

// A date that is given but unreadable makes its record bad input, named
// with its line and value; the other records are read.
func TestJSONBadPublished(t *testing.T) {
	tests := []struct{ published, want string }{
		{`"next Tuesday-ish"`, `"published": unrecognised date "next Tuesday-ish"`},
		{`"0001-01-01"`, `"published": "0001-01-01" is the zero date`},
		{`{"day": 1}`, `"published": unrecognised date {"day": 1}`},
		{`1e300`, `"published": unrecognised date 1e300`},
		{`true`, `"published": unrecognised date true`},
	}
	for _, tc := range tests {
		input := `{"body": "Before."}` + "\n" + `{"body": "Dated badly.", "published": ` + tc.published + "}\n" + `{"body": "After."}` + "\n"
		o := read(t, "d.jsonl", input, JSONL, Options{})
		if len(o.articles) != 2 || len(o.errs) != 1 || !strings.HasPrefix(o.errs[0].Error(), "d.jsonl:2: "+tc.want) {
			t.Errorf("published %s: %d articles, errors %q; want 2 and one error %q", tc.published, len(o.articles), o.errText(), "d.jsonl:2: "+tc.want)
		}
		o = read(t, "d.json", `{"body": "Dated badly.", "published": `+tc.published+`}`, JSON, Options{})
		if len(o.articles) != 0 || len(o.errs) != 1 || !strings.HasPrefix(o.errs[0].Error(), "d.json:1: "+tc.want) {
			t.Errorf("JSON published %s: %d articles, errors %q; want one error %q", tc.published, len(o.articles), o.errText(), "d.json:1: "+tc.want)
		}
	}
	for _, empty := range []string{`""`, `"  "`, `null`} {
		o := read(t, "e.json", `{"body": "Undated.", "published": `+empty+`}`, JSON, Options{})
		if len(o.articles) != 1 || len(o.errs) != 0 || !o.articles[0].Published.IsZero() {
			t.Errorf("published %s: %d articles, errors %q; want one undated article", empty, len(o.articles), o.errText())
		}
	}
}

// jsonlGenerator produces n JSONL lines without holding them.
type jsonlGenerator struct {
	n, next int
	pending []byte
	body    string
	size    int64 // bytes produced
}

func (g *jsonlGenerator) Read(p []byte) (int, error) {
	written := 0
	for written < len(p) {
		if len(g.pending) == 0 {
			if g.next == g.n {
				if written == 0 {
					return 0, io.EOF
				}
				break
			}
			g.next++
			g.pending = fmt.Appendf(g.pending[:0], "{\"id\": \"n%d\", \"title\": \"Item %d\", \"body\": %q}\n", g.next, g.next, g.body)
		}
		c := copy(p[written:], g.pending)
		g.pending = g.pending[c:]
		written += c
	}
	g.size += int64(written)
	return written, nil
}

// TestReadJSONLBoundedMemory streams more than 100 MB of JSONL and checks
// that the heap stays far below the input size.
func TestReadJSONLBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the 100 MB stream in short mode")
	}
	body := strings.Repeat("The council met again on Tuesday to discuss the budget. ", 16) // ~900 bytes
	const lines = 120_000
	gen := &jsonlGenerator{n: lines, body: body}
	var stats runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&stats)
	base := stats.HeapAlloc
	var peak uint64
	n := 0
	for a, err := range Read(context.Background(), "gen.jsonl", gen, JSONL, Options{}) {
		if err != nil {
			t.Fatal(err)
		}
		if n++; n%10_000 == 0 {
			runtime.ReadMemStats(&stats)
			peak = max(peak, stats.HeapAlloc)
		}
		_ = a
	}
	if n != lines || gen.size < 100<<20 {
		t.Fatalf("read %d articles of %d bytes, want %d and over 100 MiB", n, gen.size, lines)
	}
	if grown := int64(peak) - int64(base); grown > 32<<20 {
		t.Errorf("heap grew by %d MiB while streaming %d MiB", grown>>20, gen.size>>20)
	}
	t.Logf("streamed %d MiB; heap grew by at most %d KiB", gen.size>>20, (int64(peak)-int64(base))>>10)
}
