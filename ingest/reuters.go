package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"iter"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"tidings/article"
)

// ReutersDoc is one document of the Reuters-21578 collection: the article
// that Read yields for it and the annotations that tag evaluation needs.
type ReutersDoc struct {
	// Article has ID "reuters:NEWID", the TITLE, the BODY (or the text of an
	// unprocessed story, or else the title), the DATE in UTC, Source
	// "Reuters", Origin "file:line" of the <REUTERS> tag, and GoldTags: the
	// categories of Topics, Places, People, Orgs and Exchanges in that
	// order, without duplicates.
	Article article.Article

	// The <D> values of each category field, lower-case, in the file's
	// order, without duplicates.
	Topics, Places, People, Orgs, Exchanges []string

	// LewisSplit and CGISplit are the attributes of the <REUTERS> tag
	// ("TRAIN", "TEST", "NOT-USED"; "TRAINING-SET", "PUBLISHED-TESTSET"),
	// as given.
	LewisSplit, CGISplit string

	// HasTopics is the TOPICS attribute being "YES": the story had TOPICS
	// categories in the original data, which defines the standard splits.
	// Whether it has TOPICS categories here is len(Topics) > 0.
	HasTopics bool
}

// ReadReuters yields the documents of a Reuters-21578 SGML file (a
// reut2-NNN.sgm) with their category fields, streaming, with the default
// Options: warnings (an unparseable DATE) are dropped; Read with the
// Reuters format reports them. Errors are as Read's: a malformed document
// yields an error naming name and its line, and reading goes on.
func ReadReuters(ctx context.Context, name string, r io.Reader) iter.Seq2[ReutersDoc, error] {
	return func(yield func(ReutersDoc, error) bool) {
		rd := &reading{ctx: ctx, in: input{name: name}, opt: Options{}.withDefaults()}
		rd.yield = func(_ article.Article, err error) bool { return yield(ReutersDoc{}, err) }
		rd.reutersDoc = func(d ReutersDoc) bool { return yield(d, nil) }
		rd.read(r, Reuters)
	}
}

// reutersSource is the Source of every Reuters-21578 article.
const reutersSource = "Reuters"

// reutersIDPrefix prefixes the NEWID attribute to make an article ID.
const reutersIDPrefix = "reuters:"

// reutersDocument is the raw text of the <REUTERS> element being collected.
type reutersDocument struct {
	line     int    // of its <REUTERS tag
	raw      []byte // from "<REUTERS" up to, not including, "</REUTERS>"
	tooLarge bool   // over MaxArticleBytes: reported, and the rest skipped
}

// readReuters yields the documents of a Reuters-21578 SGML input,
// streaming: only the current <REUTERS> element is held, within
// MaxArticleBytes. A document runs from its <REUTERS ...> tag to its
// </REUTERS> tag; the tags are found anywhere in a line, although the
// collection puts each on a line of its own.
func (rd *reading) readReuters(br *bufio.Reader) {
	lines := newLineReader(br, rd.opt.MaxArticleBytes)
	var doc *reutersDocument
	produced := false // a document or an error was yielded
	sawDoctype := false
	fail := func(line int, format string, args ...any) bool {
		produced = true
		return rd.fail(rd.lineErrorf(line, format, args...))
	}
	// add appends text to doc, dropping it when it goes over the limit.
	add := func(text []byte, newline bool) bool {
		if doc.tooLarge {
			return true
		}
		doc.raw = append(doc.raw, text...)
		if newline {
			doc.raw = append(doc.raw, '\n')
		}
		if int64(len(doc.raw)) > rd.opt.MaxArticleBytes {
			doc.tooLarge, doc.raw = true, nil
			return fail(doc.line, "%w: document longer than %s, the limit for one article (MaxArticleBytes); skipping to its </REUTERS>",
				ErrTooLarge, formatBytes(rd.opt.MaxArticleBytes))
		}
		return true
	}
	for {
		line, tooLong, err := lines.next()
		if errors.Is(err, io.EOF) {
			break
		}
		n := lines.n
		if err != nil {
			fail(n+1, "reading: %w", err)
			return
		}
		if tooLong {
			// The line is lost; a document it belongs to is incomplete.
			if doc == nil {
				if !fail(n, "%w: line longer than %s, the limit for one article (MaxArticleBytes); skipped", ErrTooLarge, formatBytes(rd.opt.MaxArticleBytes)) {
					return
				}
			} else if !doc.tooLarge {
				doc.tooLarge, doc.raw = true, nil
				if !fail(doc.line, "%w: line %d is longer than %s, the limit for one article (MaxArticleBytes); skipping to its </REUTERS>",
					ErrTooLarge, n, formatBytes(rd.opt.MaxArticleBytes)) {
					return
				}
			}
			continue
		}
		if n == 1 && hasPrefixFold(bytes.TrimLeft(line, " \t"), "<!DOCTYPE lewis") {
			sawDoctype = true
		}
		// skip is where to look for the next <REUTERS tag in rest: past the
		// tag of a document that starts in this line.
		rest, skip := line, 0
		for {
			if doc == nil {
				open := indexTagFold(rest, "REUTERS", 0)
				searchEnd := rest
				if open >= 0 {
					searchEnd = rest[:open]
				}
				if end := indexEndTagFold(searchEnd, "REUTERS"); end >= 0 {
					if !fail(n, "</REUTERS> without a <REUTERS> before it") {
						return
					}
				}
				if open < 0 {
					break
				}
				doc = &reutersDocument{line: n}
				rest, skip = rest[open:], 1
				continue
			}
			// Look for the end tag only before the next start tag, so that a
			// line of many start tags is read in linear time.
			open := indexTagFold(rest, "REUTERS", skip)
			end := -1
			if open >= 0 {
				end = indexEndTagFold(rest[:open], "REUTERS")
			} else {
				end = indexEndTagFold(rest, "REUTERS")
			}
			switch {
			case open >= 0 && (end < 0 || open < end):
				if !fail(doc.line, "unterminated <REUTERS> element: a new <REUTERS> starts on line %d before its </REUTERS>; skipping it", n) {
					return
				}
				doc = &reutersDocument{line: n}
				rest, skip = rest[open:], 1
				continue
			case end >= 0:
				if !add(rest[:end], false) {
					return
				}
				produced = true
				if !doc.tooLarge && !rd.emitReutersDoc(doc) {
					return
				}
				doc = nil
				rest = rest[end:]
				if gt := bytes.IndexByte(rest, '>'); gt >= 0 {
					rest = rest[gt+1:]
				} else {
					rest = nil
				}
				continue
			}
			if !add(rest, true) {
				return
			}
			break
		}
	}
	if doc != nil {
		fail(doc.line, "unterminated <REUTERS> element: the input ends before its </REUTERS>")
		return
	}
	if !produced {
		if sawDoctype {
			rd.warnf("%s: no <REUTERS> documents", rd.in.name)
			return
		}
		rd.fail(rd.errorf("no <REUTERS> documents (want Reuters-21578 SGML: <REUTERS NEWID=...> ... </REUTERS>)"))
	}
}

// emitReutersDoc parses doc and yields it, unless it has neither title nor
// text. It reports whether reading should go on.
func (rd *reading) emitReutersDoc(doc *reutersDocument) bool {
	d, ok, err := rd.parseReuters(doc)
	if err != nil {
		return rd.fail(err)
	}
	if !ok {
		return true
	}
	if rd.reutersDoc == nil {
		return rd.emit(d.Article)
	}
	if !rd.complete(&d.Article) {
		return false
	}
	if !rd.reutersDoc(d) {
		rd.stopped = true
	}
	return !rd.stopped
}

// parseReuters reads the fields of one <REUTERS> element. ok is false for a
// document with neither title nor text, which is skipped.
func (rd *reading) parseReuters(doc *reutersDocument) (d ReutersDoc, ok bool, err error) {
	s := decodeLatin1(doc.raw)
	gt := strings.IndexByte(s, '>')
	if gt < 0 {
		return d, false, rd.lineErrorf(doc.line, "malformed <REUTERS> tag: no closing \">\"")
	}
	attrs := parseSGMLAttrs(s[len("<REUTERS"):gt])
	content := s[gt+1:]

	d.LewisSplit = attrs["LEWISSPLIT"]
	d.CGISplit = attrs["CGISPLIT"]
	d.HasTopics = strings.EqualFold(attrs["TOPICS"], "YES")
	a := &d.Article
	a.Source = reutersSource
	a.Origin = rd.lineOrigin(doc.line)
	if id := attrs["NEWID"]; id != "" {
		a.ID = reutersIDPrefix + id
	}

	if _, date, _, found := findElement(content, "DATE"); found {
		t, err := parseReutersDate(date)
		if err != nil {
			rd.warnf("%s: %v; Published left unset", a.Origin, err)
		}
		a.Published = t
	} else {
		rd.warnf("%s: no <DATE>; Published left unset", a.Origin)
	}

	for _, field := range []struct {
		name string
		list *[]string
	}{
		{"TOPICS", &d.Topics}, {"PLACES", &d.Places}, {"PEOPLE", &d.People},
		{"ORGS", &d.Orgs}, {"EXCHANGES", &d.Exchanges},
	} {
		if _, inner, _, found := findElement(content, field.name); found {
			*field.list = categories(inner)
		}
	}
	for _, list := range [][]string{d.Topics, d.Places, d.People, d.Orgs, d.Exchanges} {
		for _, c := range list {
			if !slices.Contains(a.GoldTags, c) {
				a.GoldTags = append(a.GoldTags, c)
			}
		}
	}

	if textAttrs, text, _, found := findElement(content, "TEXT"); found {
		if _, title, _, found := findElement(text, "TITLE"); found {
			a.Title = strings.Join(strings.Fields(sgmlText(title)), " ")
		}
		if _, body, _, found := findElement(text, "BODY"); found {
			a.Body = withoutSignOff(trimBody(sgmlText(body)))
			// The wire text opens with its dateline ("HOUSTON, Feb 26 - "),
			// which the collection keeps in an element of its own.
			if _, line, _, found := findElement(text, "DATELINE"); found && a.Body != "" {
				if line := strings.Join(strings.Fields(sgmlText(line)), " "); line != "" {
					a.Body = line + " " + strings.TrimLeft(a.Body, " \t")
				}
			}
		}
		if a.Body == "" && strings.EqualFold(parseSGMLAttrs(textAttrs)["TYPE"], "UNPROC") {
			a.Body = withoutSignOff(trimBody(sgmlText(stripTags(text))))
		}
	}
	if a.Body == "" {
		a.Body = a.Title
	}
	if a.Body == "" {
		return d, false, nil
	}
	return d, true, nil
}

// lineOrigin is the Origin of an item that starts on line n.
func (rd *reading) lineOrigin(n int) string {
	return fmt.Sprintf("%s:%d", rd.in.name, n)
}

// decodeLatin1 returns raw as UTF-8. The collection is Latin-1; a document
// that is valid UTF-8 (all of it is ASCII, or it was converted) is kept as
// it is, since Latin-1 text is almost never valid UTF-8 by chance.
func decodeLatin1(raw []byte) string {
	if utf8.Valid(raw) {
		return string(raw)
	}
	out, err := charmap.ISO8859_1.NewDecoder().Bytes(raw)
	if err != nil { // not expected: every byte is a Latin-1 character
		return string(bytes.ToValidUTF8(raw, []byte("\uFFFD")))
	}
	return string(out)
}

// reutersDateLayout is the form of a <DATE>, as in "26-FEB-1987
// 15:01:01.79"; the month is matched without regard to case, and the
// fraction of a second is accepted though the layout does not show it.
const reutersDateLayout = "2-Jan-2006 15:04:05"

// parseReutersDate parses the content of a <DATE> element, in UTC. The
// date and time may be followed by noise ("&#9;&#9;&#9;RM",
// "&#5;&#5;&#5;F"), which is ignored.
func parseReutersDate(s string) (time.Time, error) {
	fields := strings.Fields(decodeSGML(s, ' '))
	if len(fields) > 2 {
		fields = fields[:2]
	}
	date := strings.Join(fields, " ")
	t, err := time.Parse(reutersDateLayout, date)
	if err != nil {
		if len(date) > 64 {
			date = strings.ToValidUTF8(date[:64], "") + "..."
		}
		return time.Time{}, fmt.Errorf("unrecognised date %q (want the form 26-FEB-1987 15:01:01.79)", date)
	}
	return t, nil
}

// categories returns the <D> values of a category field, lower-case,
// without empty values and duplicates.
func categories(field string) []string {
	var list []string
	for {
		_, value, rest, found := findElement(field, "D")
		if !found {
			return list
		}
		field = rest
		c := strings.ToLower(strings.Join(strings.Fields(sgmlText(value)), " "))
		if c != "" && !slices.Contains(list, c) {
			list = append(list, c)
		}
	}
}

// withoutSignOff drops the wire's sign-off, a last line "Reuter" (or "REUTER") under
// nearly every story: it is not part of the text (and would otherwise be
// the archive's most mentioned "person").
func withoutSignOff(body string) string {
	i := strings.LastIndexByte(body, '\n')
	if i < 0 || !strings.EqualFold(strings.TrimSpace(body[i+1:]), "Reuter") {
		return body
	}
	return strings.TrimRightFunc(body[:i], unicode.IsSpace)
}

// trimBody removes leading blank lines and trailing white space, keeping
// the indentation of the first line.
func trimBody(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	for {
		line, rest, found := strings.Cut(s, "\n")
		if !found || strings.TrimSpace(line) != "" {
			return s
		}
		s = rest
	}
}

// sgmlText decodes the character references and entities of SGML text
// (&lt; &amp; &#3;) and drops control characters other than newline and
// tab, which the collection has plenty of (&#2; and &#3; frame each
// story).
func sgmlText(s string) string {
	return decodeSGML(s, -1)
}

// decodeSGML decodes the references of s and replaces its control
// characters other than newline and tab with replace, or drops them when
// replace is -1.
func decodeSGML(s string, replace rune) string {
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && r != '\n' && r != '\t' {
			return replace
		}
		return r
	}, s)
}

// stripTags removes the markup of s, keeping its text: every "<" that
// starts a tag, up to the next ">". A "<" of the text itself is written
// &lt; in SGML, but a stray one that cannot start a tag is kept.
func stripTags(s string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 || i+1 >= len(s) || !(isASCIILetter(s[i+1]) || s[i+1] == '/' || s[i+1] == '!') {
			if i < 0 {
				b.WriteString(s)
				return b.String()
			}
			b.WriteString(s[:i+1])
			s = s[i+1:]
			continue
		}
		b.WriteString(s[:i])
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			return b.String()
		}
		s = s[i+j+1:]
	}
}

// findElement finds the first element called name (ASCII case-insensitive)
// in s and returns the attributes of its start tag, its content and what
// follows its end tag. The content runs to the end tag, or to the end of s
// when there is none. found is false when s has no such start tag.
func findElement(s, name string) (attrs, content, rest string, found bool) {
	i := indexTagFold(s, name, 0)
	if i < 0 {
		return "", "", "", false
	}
	gt := strings.IndexByte(s[i:], '>')
	if gt < 0 {
		return s[i+1+len(name):], "", "", true
	}
	attrs = s[i+1+len(name) : i+gt]
	s = s[i+gt+1:]
	end := indexEndTagFold(s, name)
	if end < 0 {
		return attrs, s, "", true
	}
	content, rest = s[:end], s[end:]
	if gt := strings.IndexByte(rest, '>'); gt >= 0 {
		rest = rest[gt+1:]
	} else {
		rest = ""
	}
	return attrs, content, rest, true
}

// indexTagFold returns the index of the first start tag "<name" (followed
// by white space or ">", or the end of s) at or after from, matching name
// without regard to ASCII case; -1 if none.
func indexTagFold[T ~string | ~[]byte](s T, name string, from int) int {
	for i := from; i < len(s); i++ {
		if s[i] == '<' && tagNameAt(s, i+1, name) {
			return i
		}
	}
	return -1
}

// indexEndTagFold returns the index of the first end tag "</name" in s; -1
// if none.
func indexEndTagFold[T ~string | ~[]byte](s T, name string) int {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '<' && s[i+1] == '/' && tagNameAt(s, i+2, name) {
			return i
		}
	}
	return -1
}

// tagNameAt reports whether s has the tag name name at i, ended by white
// space, ">" or the end of s.
func tagNameAt[T ~string | ~[]byte](s T, i int, name string) bool {
	end := i + len(name)
	if end > len(s) {
		return false
	}
	for j := range len(name) {
		if upperASCII(s[i+j]) != upperASCII(name[j]) {
			return false
		}
	}
	if end == len(s) {
		return true
	}
	switch s[end] {
	case '>', ' ', '\t', '\r', '\n':
		return true
	}
	return false
}

func upperASCII(b byte) byte {
	if 'a' <= b && b <= 'z' {
		return b - ('a' - 'A')
	}
	return b
}

// parseSGMLAttrs parses the attributes of a start tag (the text between its
// name and its ">"): NAME="value", NAME='value' or NAME=value. Names are
// returned upper-case; values with their references decoded and trimmed.
func parseSGMLAttrs(s string) map[string]string {
	attrs := map[string]string{}
	for {
		s = strings.TrimLeft(s, " \t\r\n")
		if s == "" {
			return attrs
		}
		n := strings.IndexAny(s, " \t\r\n=")
		if n < 0 {
			n = len(s)
		}
		if n == 0 { // a stray "="
			s = s[1:]
			continue
		}
		name := strings.ToUpper(s[:n])
		s = strings.TrimLeft(s[n:], " \t\r\n")
		if !strings.HasPrefix(s, "=") {
			attrs[name] = ""
			continue
		}
		s = strings.TrimLeft(s[1:], " \t\r\n")
		var value string
		if s != "" && (s[0] == '"' || s[0] == '\'') {
			end := strings.IndexByte(s[1:], s[0])
			if end < 0 {
				value, s = s[1:], ""
			} else {
				value, s = s[1:1+end], s[2+end:]
			}
		} else {
			end := strings.IndexAny(s, " \t\r\n")
			if end < 0 {
				end = len(s)
			}
			value, s = s[:end], s[end:]
		}
		if _, dup := attrs[name]; !dup {
			attrs[name] = strings.TrimSpace(sgmlText(value))
		}
	}
}

// hasPrefixFold reports whether s starts with prefix, ignoring ASCII case.
func hasPrefixFold(s []byte, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(string(s[:len(prefix)]), prefix)
}
