package ingest

import (
	"bufio"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"tidings/article"
)

// outcome is everything one Read produced.
type outcome struct {
	articles []article.Article
	errs     []error
	warnings []string
}

// errText joins the error messages, for matching and for failure output.
func (o outcome) errText() string {
	msgs := make([]string, len(o.errs))
	for i, err := range o.errs {
		msgs[i] = err.Error()
	}
	return strings.Join(msgs, "\n")
}

// read runs Read on input and collects what it yields.
func read(t testing.TB, name, input string, f Format, opt Options) outcome {
	t.Helper()
	return readFrom(t, name, strings.NewReader(input), f, opt)
}

func readFrom(t testing.TB, name string, r io.Reader, f Format, opt Options) outcome {
	t.Helper()
	var o outcome
	opt.Warn = func(msg string) { o.warnings = append(o.warnings, msg) }
	for a, err := range Read(context.Background(), name, r, f, opt) {
		if err != nil {
			o.errs = append(o.errs, err)
			continue
		}
		checkArticle(t, a)
		o.articles = append(o.articles, a)
	}
	return o
}

// readFile reads a file of testdata.
func readTestdata(t testing.TB, file string, f Format) outcome {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	return read(t, file, string(data), f, Options{})
}

// checkArticle checks what every yielded article must satisfy.
func checkArticle(t testing.TB, a article.Article) {
	t.Helper()
	for field, s := range map[string]string{"ID": a.ID, "Title": a.Title, "Body": a.Body, "URL": a.URL, "Source": a.Source} {
		if !utf8.ValidString(s) {
			t.Errorf("%s: %s is not valid UTF-8: %q", a.Origin, field, s)
		}
	}
	if a.ID == "" {
		t.Errorf("%s: no ID", a.Origin)
	}
	if a.Origin == "" {
		t.Errorf("article without Origin: %+v", a)
	}
}

// only returns the single article of o, failing the test otherwise.
func only(t testing.TB, o outcome) article.Article {
	t.Helper()
	if len(o.errs) > 0 || len(o.articles) != 1 {
		t.Fatalf("got %d articles and errors:\n%s\nwant one article and no error", len(o.articles), o.errText())
	}
	return o.articles[0]
}

func TestParseFormat(t *testing.T) {
	tests := []struct {
		in      string
		want    Format
		wantErr bool
	}{
		{"", Auto, false},
		{"auto", Auto, false},
		{"article", ArticleLayout, false},
		{"JSONL", JSONL, false},
		{" conllu ", CoNLLU, false},
		{"feed", Feed, false},
		{"Reuters", Reuters, false},
		{"rss", "", true},
		{"xml", "", true},
	}
	for _, tt := range tests {
		got, err := ParseFormat(tt.in)
		if got != tt.want || (err != nil) != tt.wantErr {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
	_, err := ParseFormat("pdf")
	for _, f := range Formats() {
		if !strings.Contains(err.Error(), string(f)) {
			t.Errorf("ParseFormat error %q does not list %q", err, f)
		}
	}
}

// TestRobustness checks the failures that every format shares.
func TestRobustness(t *testing.T) {
	const body = "Council votes to keep the night bus.\n"
	tests := []struct {
		name      string
		input     string
		format    Format
		opt       Options
		wantErr   string // substring of the only error; "" for none
		wantBody  string // body of the only article, when no error
		wantWarns int
	}{
		{name: "empty", input: "", format: Auto, wantErr: "in.txt: empty input"},
		{name: "empty json", input: "", format: JSON, wantErr: "in.txt: empty input"},
		{name: "whitespace only", input: " \n\t\n", format: Text, wantErr: "in.txt: empty input"},
		{name: "BOM only", input: "\uFEFF", format: Auto, wantErr: "in.txt: empty input"},
		{name: "NUL bytes", input: "PK\x03\x04\x00\x00binary", format: Auto, wantErr: "in.txt: binary data, not text"},
		{name: "NUL in text format", input: "text\x00more", format: Text, wantErr: "in.txt: binary data, not text"},
		{name: "control bytes", input: strings.Repeat("\x01\x02\x03ab", 50), format: Auto, wantErr: "in.txt: binary data, not text"},
		{name: "invalid UTF-8", input: "Caf\xe9 reopens\xff\xfe.", format: Text, wantBody: "Caf\uFFFD reopens\uFFFD.", wantWarns: 1},
		{name: "BOM stripped", input: "\uFEFF" + body, format: Text, wantBody: body},
		{name: "UTF-16 with BOM", input: "\xff\xfeH\x00i\x00!\x00", format: Text, wantBody: "Hi!"},
		{name: "too large", input: strings.Repeat("word ", 100), format: Text, opt: Options{MaxArticleBytes: 64},
			wantErr: "in.txt: input too large: more than 64 bytes"},
		{name: "too large json", input: `{"body": "` + strings.Repeat("x", 2000) + `"}`, format: JSON, opt: Options{MaxArticleBytes: 1 << 10},
			wantErr: "in.txt: input too large: more than 1 KiB"},
		{name: "unknown format", input: body, format: "pdf", wantErr: `in.txt: unknown input format "pdf"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := read(t, "in.txt", tt.input, tt.format, tt.opt)
			if len(o.warnings) != tt.wantWarns {
				t.Errorf("warnings %q, want %d", o.warnings, tt.wantWarns)
			}
			for _, w := range o.warnings {
				if !strings.Contains(w, "in.txt") {
					t.Errorf("warning %q does not name the input", w)
				}
			}
			if tt.wantErr == "" {
				if a := only(t, o); a.Body != tt.wantBody {
					t.Errorf("body %q, want %q", a.Body, tt.wantBody)
				}
				return
			}
			if len(o.errs) != 1 || len(o.articles) != 0 || !strings.Contains(o.errs[0].Error(), tt.wantErr) {
				t.Fatalf("got %d articles and errors %q; want one error containing %q", len(o.articles), o.errText(), tt.wantErr)
			}
		})
	}
}

func TestSentinelErrors(t *testing.T) {
	tests := []struct {
		input string
		opt   Options
		want  error
	}{
		{"", Options{}, ErrEmptyInput},
		{"\x00\x01", Options{}, ErrBinary},
		{strings.Repeat("a", 100), Options{MaxArticleBytes: 10}, ErrTooLarge},
	}
	for _, tt := range tests {
		o := read(t, "x", tt.input, Text, tt.opt)
		if len(o.errs) != 1 || !errors.Is(o.errs[0], tt.want) {
			t.Errorf("Read(%.20q): errors %q, want %v", tt.input, o.errText(), tt.want)
		}
	}
}

// TestTooLargeStopsReading checks that an oversized single document is
// refused after reading just past the limit.
func TestTooLargeStopsReading(t *testing.T) {
	src := &countingReader{r: io.LimitReader(neverEnding('a'), 1<<30)}
	o := readFrom(t, "huge.txt", src, Text, Options{MaxArticleBytes: 1 << 20})
	if len(o.errs) != 1 || !errors.Is(o.errs[0], ErrTooLarge) {
		t.Fatalf("errors %q, want one ErrTooLarge", o.errText())
	}
	if src.n > 2<<20 {
		t.Errorf("read %d bytes of a 1 GiB input with a 1 MiB limit", src.n)
	}
}

type neverEnding byte

func (b neverEnding) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(b)
	}
	return len(p), nil
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func TestContentID(t *testing.T) {
	a := only(t, read(t, "a.txt", "Same words.", Text, Options{}))
	b := only(t, read(t, "b.txt", "Same words.", Text, Options{}))
	c := only(t, read(t, "c.txt", "Other words.", Text, Options{}))
	if a.ID != b.ID || a.ID == c.ID || len(a.ID) != 16 {
		t.Errorf("IDs %q %q %q: want 16 hex digits, equal for equal text only", a.ID, b.ID, c.ID)
	}
	// The hash covers the analysed text, so the title counts.
	d := only(t, read(t, "d.txt", "Title\n\nSame words.", ArticleLayout, Options{}))
	if d.ID == a.ID {
		t.Errorf("article with a title has the ID of its body alone")
	}
}

func TestReadStopsWhenConsumerStops(t *testing.T) {
	input := strings.Repeat(`{"body": "x"}`+"\n", 10)
	n := 0
	for range Read(context.Background(), "x.jsonl", strings.NewReader(input), JSONL, Options{}) {
		n++
		if n == 3 {
			break
		}
	}
	if n != 3 {
		t.Errorf("got %d items after breaking at 3", n)
	}
}

func TestReadCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var errs []error
	for _, err := range Read(ctx, "x.txt", strings.NewReader("text"), Text, Options{}) {
		errs = append(errs, err)
	}
	if len(errs) != 1 || !errors.Is(errs[0], context.Canceled) {
		t.Errorf("got %v, want one context.Canceled", errs)
	}
}

func TestLineReader(t *testing.T) {
	long := strings.Repeat("x", 100)
	input := "a\r\n\n" + long + "\nb" + long[:10] + "\n" + long + long + "\nlast"
	lr := newLineReader(bufio.NewReaderSize(strings.NewReader(input), 16), 100)
	type line struct {
		text    string
		tooLong bool
	}
	var got []line
	for {
		l, tooLong, err := lr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, line{string(l), tooLong})
	}
	want := []line{{"a", false}, {"", false}, {long, false}, {"b" + long[:10], false}, {"", true}, {"last", false}}
	if !slices.Equal(got, want) {
		t.Errorf("lines %+v, want %+v", got, want)
	}
	if lr.n != 6 {
		t.Errorf("line count %d, want 6", lr.n)
	}
}
