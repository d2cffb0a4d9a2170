package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"tidings/article"
)

// jsonArticle is the JSON and JSONL record. Fields that may take several
// JSON types are kept raw and interpreted by toArticle.
type jsonArticle struct {
	ID        json.RawMessage `json:"id"`
	URL       string          `json:"url"`
	Title     string          `json:"title"`
	Body      *string         `json:"body"`
	Text      *string         `json:"text"`
	Published json.RawMessage `json:"published"`
	Source    string          `json:"source"`
	Tags      json.RawMessage `json:"tags"`
}

// readJSONL yields one article per non-blank line, streaming: only one line
// is held in memory at a time.
func (rd *reading) readJSONL(br *bufio.Reader) {
	lines := newLineReader(br, rd.opt.MaxArticleBytes)
	for {
		line, tooLong, err := lines.next()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			rd.fail(rd.lineErrorf(lines.n+1, "reading: %w", err))
			return
		}
		n := lines.n
		if tooLong {
			if !rd.fail(rd.lineErrorf(n, "%w: line longer than %s, the limit for one article (MaxArticleBytes)", ErrTooLarge, formatBytes(rd.opt.MaxArticleBytes))) {
				return
			}
			continue
		}
		line = bytes.TrimSpace(rd.repairLine(line, n))
		if len(line) == 0 {
			continue
		}
		origin := fmt.Sprintf("%s:%d", rd.in.name, n)
		var rec jsonArticle
		if err := unmarshalArticle(line, &rec); err != nil {
			if !rd.fail(rd.lineErrorf(n, "%w", err)) {
				return
			}
			continue
		}
		a, err := rd.toArticle(&rec, origin)
		if err != nil {
			if !rd.fail(rd.lineErrorf(n, "%w", err)) {
				return
			}
			continue
		}
		if !rd.emit(a) {
			return
		}
	}
}

// readJSON yields the articles of a JSON document: an object, an array of
// objects, or several of these one after the other. Array elements are
// decoded one at a time, so the elements before a syntax error come out.
func (rd *reading) readJSON(data string) {
	dec := json.NewDecoder(strings.NewReader(data))
	lines := lineCounter{text: data}
	for values := 0; ; values++ {
		next := strings.TrimLeft(data[dec.InputOffset():], " \t\r\n")
		switch {
		case next == "":
			if values == 0 {
				rd.fail(rd.errorf("%w", ErrEmptyInput))
			}
			return
		case next[0] == '[':
			dec.Token()
			for dec.More() {
				if !rd.readJSONValue(dec, &lines, true) {
					return
				}
			}
			if _, err := dec.Token(); err != nil {
				rd.fail(rd.jsonSyntaxError(err, &lines))
				return
			}
		case next[0] == '{':
			if !rd.readJSONValue(dec, &lines, values > 0) {
				return
			}
		default:
			var v any
			if err := dec.Decode(&v); err != nil {
				rd.fail(rd.jsonSyntaxError(err, &lines))
			} else {
				rd.fail(rd.errorf("invalid JSON: want an object or an array of objects, not %s", describeJSON(v)))
			}
			return
		}
	}
}

// readJSONValue decodes and yields one object. Its Origin names its line
// when the document holds several objects (withLine, or more text follows).
// It reports whether reading should go on: a syntax error stops it, an
// object that is not an article does not.
func (rd *reading) readJSONValue(dec *json.Decoder, lines *lineCounter, withLine bool) bool {
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		rd.fail(rd.jsonSyntaxError(err, lines))
		return false
	}
	end := int(dec.InputOffset())
	line := lines.lineAt(end - len(raw))
	origin := rd.in.name
	if withLine || strings.TrimLeft(lines.text[end:], " \t\r\n") != "" {
		origin = fmt.Sprintf("%s:%d", rd.in.name, line)
	}
	var rec jsonArticle
	if err := unmarshalArticle(raw, &rec); err != nil {
		return rd.fail(rd.lineErrorf(line, "%w", err))
	}
	a, err := rd.toArticle(&rec, origin)
	if err != nil {
		return rd.fail(rd.lineErrorf(line, "%w", err))
	}
	return rd.emit(a)
}

// unmarshalArticle decodes one record, saying which field has the wrong
// type in the terms of the input rather than of the Go struct.
func unmarshalArticle(data []byte, rec *jsonArticle) error {
	err := json.Unmarshal(data, rec)
	var typeErr *json.UnmarshalTypeError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &typeErr) && typeErr.Field != "":
		return fmt.Errorf("invalid article: %q is a JSON %s, want a %s", typeErr.Field, typeErr.Value, typeErr.Type)
	case errors.As(err, &typeErr):
		return fmt.Errorf("invalid article: a JSON %s, want an object", typeErr.Value)
	}
	return fmt.Errorf("invalid JSON: %w", err)
}

// jsonSyntaxError names the line of a JSON syntax error.
func (rd *reading) jsonSyntaxError(err error, lines *lineCounter) error {
	var syntax *json.SyntaxError
	if errors.As(err, &syntax) {
		return rd.lineErrorf(lines.lineAt(int(syntax.Offset)), "invalid JSON: %w", err)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return rd.errorf("invalid JSON: unexpected end of input")
	}
	return rd.errorf("invalid JSON: %w", err)
}

// describeJSON names the JSON type of a decoded value.
func describeJSON(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case float64:
		return "a number"
	case bool:
		return "a boolean"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%T", v)
}

// toArticle checks a record and turns it into an article.
func (rd *reading) toArticle(rec *jsonArticle, origin string) (article.Article, error) {
	a := article.Article{
		URL:    strings.TrimSpace(rec.URL),
		Title:  collapseSpace(rec.Title), // a line break would split the analysed text
		Source: strings.TrimSpace(rec.Source),
		Origin: origin,
	}
	switch {
	case rec.Body != nil && strings.TrimSpace(*rec.Body) != "":
		a.Body = *rec.Body
	case rec.Text != nil && strings.TrimSpace(*rec.Text) != "":
		a.Body = *rec.Text
	default:
		return a, errors.New(`no "body" or "text"`)
	}
	id, err := jsonID(rec.ID)
	if err != nil {
		return a, err
	}
	a.ID = id
	if a.GoldTags, err = jsonTags(rec.Tags); err != nil {
		return a, err
	}
	// A date that is given but cannot be read makes the record bad input,
	// as on the API: analysed without its date, it would resolve "on
	// Wednesday" against nothing and land outside every date filter.
	if a.Published, err = jsonDate(rec.Published); err != nil {
		return a, err
	}
	return a, nil
}

// jsonID accepts an id given as a string or a number.
func jsonID(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return strings.TrimSpace(s), nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil {
		return n.String(), nil
	}
	return "", errors.New(`"id" is neither a string nor a number`)
}

// jsonTags accepts tags given as an array of strings or as one
// comma-separated string.
func jsonTags(raw json.RawMessage) ([]string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var list []string
	if err := json.Unmarshal(raw, &list); err != nil {
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return nil, errors.New(`"tags" is neither an array of strings nor a string`)
		}
		list = strings.Split(s, ",")
	}
	tags := list[:0]
	for _, t := range list {
		if t = strings.TrimSpace(t); t != "" {
			tags = append(tags, t)
		}
	}
	if len(tags) == 0 {
		return nil, nil
	}
	return tags, nil
}

// jsonDate accepts a date string in the forms of ParseDate, or a number of
// seconds (or, when too large for seconds, milliseconds) since 1970.
func jsonDate(raw json.RawMessage) (time.Time, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return time.Time{}, nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		if strings.TrimSpace(s) == "" {
			return time.Time{}, nil
		}
		t, err := ParseDate(s)
		switch {
		case errors.Is(err, errZeroDate):
			return time.Time{}, fmt.Errorf(`"published": %w`, err)
		case err != nil:
			return time.Time{}, fmt.Errorf(`"published": %w (want a date such as 2024-03-05 or 2024-03-05T08:30:00Z)`, err)
		}
		return t, nil
	}
	n, err := strconv.ParseFloat(string(raw), 64)
	if err != nil || math.IsInf(n, 0) || math.Abs(n) > 1e15 {
		return time.Time{}, fmt.Errorf(`"published": unrecognised date %.100s (want a date string or seconds since 1970)`, raw)
	}
	if math.Abs(n) >= 1e11 { // later than year 5138 in seconds: milliseconds
		return time.UnixMilli(int64(n)).UTC(), nil
	}
	return time.Unix(int64(n), 0).UTC(), nil
}

// lineCounter maps byte offsets of text to line numbers, for offsets that
// mostly grow, without rescanning from the start each time.
type lineCounter struct {
	text   string
	offset int // offsets before this one are counted
	line   int // lines counted, minus one
}

func (lc *lineCounter) lineAt(offset int) int {
	offset = min(max(offset, 0), len(lc.text))
	if offset < lc.offset {
		lc.offset, lc.line = 0, 0
	}
	lc.line += strings.Count(lc.text[lc.offset:offset], "\n")
	lc.offset = offset
	return lc.line + 1
}
