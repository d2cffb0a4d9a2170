// Package ingest reads news articles from files, directories, URLs and
// standard input, in the input formats of the tidings contract (plain
// article layout, text, JSON, JSON Lines, HTML, RSS/Atom feeds, CoNLL-2003,
// CoNLL-U and the SGML of the Reuters-21578 collection), and turns them into
// article.Article values.
//
// Every article names where it was read in Origin (the path or URL, with
// ":line" for items of line-oriented inputs) and has an ID: the input's own
// id when it has one, else the first 16 hex digits of the SHA-256 of the
// analysed text, article.Text().
//
// Readers are lenient with content and strict with resources: invalid UTF-8
// is repaired, a bad item in a multi-item input is reported and skipped, and
// every input is read with a size cap so that a hostile or mistaken input
// cannot exhaust memory. Multi-item formats (JSONL, CoNLL, CoNLL-U,
// Reuters-21578) are streamed; the others are read whole, within
// MaxArticleBytes.
package ingest

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"iter"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"tidings/article"
)

// Format names an input format.
type Format string

// The input formats. Auto resolves to one of the others with Sniff.
const (
	Auto          Format = "auto"
	ArticleLayout Format = "article"
	Text          Format = "text"
	JSON          Format = "json"
	JSONL         Format = "jsonl"
	HTML          Format = "html"
	Feed          Format = "feed"
	CoNLL         Format = "conll"
	CoNLLU        Format = "conllu"
	Reuters       Format = "reuters" // Reuters-21578 SGML (reut2-NNN.sgm)
)

// Formats returns every format name that ParseFormat accepts, Auto first.
func Formats() []Format {
	return []Format{Auto, ArticleLayout, Text, JSON, JSONL, HTML, Feed, CoNLL, CoNLLU, Reuters}
}

// ParseFormat returns the format named s (case-insensitive; "" is Auto).
func ParseFormat(s string) (Format, error) {
	name := strings.ToLower(strings.TrimSpace(s))
	if name == "" {
		return Auto, nil
	}
	names := make([]string, 0, len(Formats()))
	for _, f := range Formats() {
		if name == string(f) {
			return f, nil
		}
		names = append(names, string(f))
	}
	return "", fmt.Errorf("unknown input format %q (valid formats: %s)", s, strings.Join(names, ", "))
}

// Default limits, used where Options leaves a field zero.
const (
	DefaultMaxArticleBytes = 16 << 20
	DefaultMaxFetchBytes   = 32 << 20
	DefaultFetchTimeout    = 30 * time.Second
)

// Options configures Read and Sources. The zero value is ready to use.
type Options struct {
	MaxArticleBytes int64            // cap for one article / one single-document input; default 16 MiB when 0
	MaxFetchBytes   int64            // cap for one URL download; default 32 MiB
	FetchTimeout    time.Duration    // default 30s
	HTTPClient      *http.Client     // default: one with FetchTimeout
	Stdin           io.Reader        // for "-"; default os.Stdin
	Warn            func(msg string) // non-fatal problems (e.g. repaired UTF-8); nil = ignore
}

func (o Options) withDefaults() Options {
	if o.MaxArticleBytes <= 0 {
		o.MaxArticleBytes = DefaultMaxArticleBytes
	}
	if o.MaxFetchBytes <= 0 {
		o.MaxFetchBytes = DefaultMaxFetchBytes
	}
	if o.FetchTimeout <= 0 {
		o.FetchTimeout = DefaultFetchTimeout
	}
	if o.HTTPClient == nil {
		o.HTTPClient = &http.Client{Timeout: o.FetchTimeout}
	}
	if o.Stdin == nil {
		o.Stdin = os.Stdin
	}
	if o.Warn == nil {
		o.Warn = func(string) {}
	}
	return o
}

// Errors that callers may want to tell apart; they are always wrapped with
// the name of the input (and line or item) they concern.
var (
	ErrEmptyInput = errors.New("empty input")
	ErrBinary     = errors.New("binary data, not text")
	ErrTooLarge   = errors.New("input too large")
)

// Read yields the articles of one input. name is used in every message. A
// bad item (one bad JSONL line, one bad feed item) yields a non-nil error
// naming name and line/item, and iteration continues with the next item; a
// fatal problem (binary data, empty input, unparseable document) yields one
// error and stops. A name that is an http or https URL is taken for the
// page's address: HTML links resolve against it and it is the fallback URL.
func Read(ctx context.Context, name string, r io.Reader, f Format, opt Options) iter.Seq2[article.Article, error] {
	in := input{name: name}
	if u, err := url.Parse(name); err == nil && isHTTP(u) {
		in.pageURL = u
	}
	return func(yield func(article.Article, error) bool) {
		readInput(ctx, in, r, f, opt.withDefaults(), yield)
	}
}

// input describes one source being read.
type input struct {
	name        string   // the argument as given; prefixes every message
	contentType string   // the HTTP Content-Type, when fetched
	pageURL     *url.URL // the fetched URL, when fetched: base and fallback URL for HTML
}

// sniffBytes is how much of the input Sniff and the binary check look at.
const sniffBytes = 8 << 10

const utf8BOM = "\uFEFF"

// readInput runs the checks common to every format, resolves Auto and hands
// the input to the format's reader. opt must have its defaults applied. It
// reports whether the consumer wants more.
func readInput(ctx context.Context, in input, r io.Reader, f Format, opt Options, yield func(article.Article, error) bool) bool {
	rd := &reading{ctx: ctx, in: in, opt: opt, yield: yield}
	rd.read(r, f)
	return !rd.stopped
}

// read reads the input r in format f.
func (rd *reading) read(r io.Reader, f Format) {
	if err := rd.ctx.Err(); err != nil {
		rd.fail(rd.errorf("%w", err))
		return
	}
	if _, err := ParseFormat(string(f)); err != nil {
		rd.fail(rd.errorf("%w", err))
		return
	}
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := peek(br)
	if err != nil {
		rd.fail(rd.errorf("reading: %w", err))
		return
	}
	switch {
	case bytes.HasPrefix(head, []byte(utf8BOM)):
		br.Discard(len(utf8BOM))
		head = head[len(utf8BOM):]
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		// UTF-16 text (as Windows tools write it) would otherwise be
		// rejected as binary for its NUL bytes.
		dec := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
		br = bufio.NewReaderSize(transform.NewReader(br, dec), 64<<10)
		if head, err = peek(br); err != nil {
			rd.fail(rd.errorf("reading: %w", err))
			return
		}
	}
	if len(head) == 0 || (len(head) < sniffBytes && len(bytes.TrimSpace(head)) == 0) {
		rd.fail(rd.errorf("%w", ErrEmptyInput))
		return
	}
	if isBinary(head) {
		rd.fail(rd.errorf("%w", ErrBinary))
		return
	}
	if f == Auto {
		if IsOPML(head) {
			// Read as HTML it would give one bogus article of its titles.
			rd.fail(rd.errorf("%w", ErrOPML))
			return
		}
		f = sniffInput(rd.in, head)
	}
	switch f {
	case JSONL:
		rd.readJSONL(br)
		return
	case CoNLL:
		rd.readCoNLL(br)
		return
	case CoNLLU:
		rd.readCoNLLU(br)
		return
	case Reuters:
		rd.readReuters(br)
		return
	}
	data, err := rd.readDocument(br)
	if err != nil {
		rd.fail(err)
		return
	}
	switch f {
	case ArticleLayout:
		rd.readArticleLayout(rd.decodeText(data, false))
	case Text:
		rd.readText(rd.decodeText(data, false))
	case JSON:
		rd.readJSON(rd.decodeText(data, false))
	case HTML:
		rd.readHTML(data)
	case Feed:
		rd.readFeed(data)
	}
}

// peek returns up to sniffBytes of br without consuming them.
func peek(br *bufio.Reader) ([]byte, error) {
	head, err := br.Peek(sniffBytes)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, err
	}
	return head, nil
}

// isBinary reports whether head looks like binary data: any NUL byte, or
// more than 10% control bytes other than the usual whitespace.
func isBinary(head []byte) bool {
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	control := 0
	for _, b := range head {
		if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v' && b != 0x1b) || b == 0x7f {
			control++
		}
	}
	return control*10 > len(head)
}

// reading is the state of one Read: where the input came from, the options
// and the consumer.
type reading struct {
	ctx        context.Context
	in         input
	opt        Options
	yield      func(article.Article, error) bool
	stopped    bool // the consumer stopped the iteration
	warnedUTF8 bool // invalid UTF-8 is reported once per input

	// reutersDoc, when set, takes the documents of a Reuters input
	// (ReadReuters) instead of yield; they are completed as by emit.
	reutersDoc func(ReutersDoc) bool
}

// errorf returns an error prefixed with the input's name.
func (rd *reading) errorf(format string, args ...any) error {
	return fmt.Errorf("%s: "+format, append([]any{rd.in.name}, args...)...)
}

// lineErrorf returns an error prefixed with the input's name and a line number.
func (rd *reading) lineErrorf(line int, format string, args ...any) error {
	return fmt.Errorf("%s:%d: "+format, append([]any{rd.in.name, line}, args...)...)
}

// warnf reports a non-fatal problem.
func (rd *reading) warnf(format string, args ...any) {
	rd.opt.Warn(fmt.Sprintf(format, args...))
}

// emit completes a and hands it to the consumer. It reports whether reading
// should go on: false when the consumer stopped or the context is done.
func (rd *reading) emit(a article.Article) bool {
	if !rd.complete(&a) {
		return false
	}
	if !rd.yield(a, nil) {
		rd.stopped = true
	}
	return !rd.stopped
}

// complete fills in what every article has (Origin, ID, valid UTF-8)
// before it is handed to the consumer. It reports false, without
// completing a, when reading should stop: the consumer stopped or the
// context is done.
func (rd *reading) complete(a *article.Article) bool {
	if rd.stopped {
		return false
	}
	if err := rd.ctx.Err(); err != nil {
		rd.fail(rd.errorf("%w", err))
		return false
	}
	if a.Origin == "" {
		a.Origin = rd.in.name
	}
	// Parsers of markup may pass through what the input had; the contract
	// is that every string of an article is valid UTF-8.
	for _, s := range []*string{&a.ID, &a.URL, &a.Title, &a.Body, &a.Source} {
		*s = strings.ToValidUTF8(*s, "\uFFFD")
	}
	for i := range a.GoldTags {
		a.GoldTags[i] = strings.ToValidUTF8(a.GoldTags[i], "\uFFFD")
	}
	if a.ID == "" {
		a.ID = contentID(a)
	}
	return true
}

// fail hands err to the consumer and reports whether reading should go on
// with the next item.
func (rd *reading) fail(err error) bool {
	if rd.stopped {
		return false
	}
	if !rd.yield(article.Article{}, err) {
		rd.stopped = true
	}
	return !rd.stopped
}

// contentID identifies an article that carries no id of its own by its
// analysed text, so that the same text always gets the same id.
func contentID(a *article.Article) string {
	sum := sha256.Sum256([]byte(a.Text()))
	return hex.EncodeToString(sum[:8])
}

// readDocument reads a single-document input whole, refusing one larger
// than MaxArticleBytes without reading past the limit.
func (rd *reading) readDocument(r io.Reader) ([]byte, error) {
	limit := rd.opt.MaxArticleBytes
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, rd.errorf("reading: %w", err)
	}
	if int64(len(data)) > limit {
		return nil, rd.errorf("%w: more than %s, the limit for one document (MaxArticleBytes)", ErrTooLarge, formatBytes(limit))
	}
	return data, nil
}

// repairUTF8 returns data as a string with invalid UTF-8 replaced by
// U+FFFD, warning once per input.
func (rd *reading) repairUTF8(data []byte) string {
	if utf8.Valid(data) {
		return string(data)
	}
	rd.warnInvalidUTF8("")
	return string(bytes.ToValidUTF8(data, []byte("\uFFFD")))
}

// repairLine is repairUTF8 for one line of a line-oriented input; the
// result may alias line.
func (rd *reading) repairLine(line []byte, lineNo int) []byte {
	if utf8.Valid(line) {
		return line
	}
	rd.warnInvalidUTF8(fmt.Sprintf(":%d", lineNo))
	return bytes.ToValidUTF8(line, []byte("\uFFFD"))
}

func (rd *reading) warnInvalidUTF8(where string) {
	if rd.warnedUTF8 {
		return
	}
	rd.warnedUTF8 = true
	rd.warnf("%s%s: invalid UTF-8 replaced with U+FFFD (reported once per input)", rd.in.name, where)
}

// formatBytes writes n as a whole number of MiB or KiB when it is one.
func formatBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

func isHTTP(u *url.URL) bool {
	return (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
