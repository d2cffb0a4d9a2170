package ingest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"tidings/article"
)

// maxReadableElements bounds the work of finding the main text; a larger
// page falls back to all its visible text.
const maxReadableElements = 100_000

// readHTML yields the main text of a web page, with its title, date, URL
// and site name from the page's metadata.
func (rd *reading) readHTML(data []byte) {
	page := rd.decodeText(data, true)
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		// The parser refuses pages nested deeper than 512 elements, as
		// broken pages that never close a <div> or <font> are: their text
		// is still there, and the flat page keeps it, with the metadata.
		flat, ferr := html.Parse(strings.NewReader(flattenHTML(page)))
		if ferr != nil {
			rd.fail(rd.errorf("parsing HTML: %w", err))
			return
		}
		rd.warnf("%s: %v; read as flat text", rd.in.name, err)
		doc = flat
	}
	meta := collectHTMLMeta(doc)

	readable, err := safely(func() (readability.Article, error) {
		p := readability.NewParser()
		p.MaxElemsToParse = maxReadableElements
		return p.ParseDocument(doc, rd.in.pageURL)
	})
	var body string
	if err == nil && readable.Node != nil {
		body = paragraphs(render.InnerText(readable.Node))
	}
	if body == "" {
		// Readability finds no main text in short or unusual pages; all
		// visible text is better than nothing.
		body = paragraphs(render.InnerText(doc))
	}
	if body == "" {
		rd.fail(rd.errorf("no text in the HTML page"))
		return
	}

	a := article.Article{
		Body:   body,
		Title:  firstNonEmpty(meta.get("og:title"), meta.ldHeadline, meta.title, readable.Title()),
		Source: firstNonEmpty(meta.get("og:site_name"), readable.SiteName()),
	}
	a.Body = dropLeadingTitle(a.Body, a.Title)
	a.URL = rd.pageLink(firstNonEmpty(meta.canonical, meta.get("og:url")))
	a.Published = rd.htmlPublished(meta)
	rd.emit(a)
}

// flattenHTML rewrites a page as one level of paragraphs, for a page too
// deep for the parser: text is kept, each block-level tag becomes a
// paragraph break, the elements that carry metadata (title, meta, link,
// time, JSON-LD, itemprop) are kept empty or with their text, and every
// other tag is dropped, as are scripts, styles and the like.
func flattenHTML(page string) string {
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(page))
	skipText := false // the raw text of a dropped script, style…
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return b.String()
		}
		tok := z.Token()
		switch tt {
		case html.TextToken:
			if !skipText {
				b.WriteString(html.EscapeString(tok.Data))
			}
			skipText = false
			continue
		case html.StartTagToken, html.SelfClosingTagToken:
		case html.EndTagToken:
			if flatBlock(tok.DataAtom) {
				b.WriteString("\n<p>")
			}
			continue
		default: // comments, doctypes
			continue
		}
		skipText = false
		leaf := tt == html.StartTagToken // the tokenizer reads a raw-text element's content as one text token
		switch {
		case tok.DataAtom == atom.Title,
			tok.DataAtom == atom.Script && strings.EqualFold(strings.TrimSpace(tokenAttr(tok, "type")), "application/ld+json"):
			if leaf {
				b.WriteString(tok.String())
				if z.Next() == html.TextToken {
					b.WriteString(html.EscapeString(z.Token().Data))
				}
				b.WriteString("</" + tok.Data + ">")
			}
		case tok.DataAtom == atom.Meta, tok.DataAtom == atom.Link:
			b.WriteString(tok.String())
		case flatSkipped(tok.DataAtom):
			skipText = leaf
		default:
			if flatBlock(tok.DataAtom) {
				b.WriteString("\n<p>")
			}
			if tok.DataAtom == atom.Time || tokenAttr(tok, "itemprop") != "" {
				tok.Type = html.StartTagToken // its text, if any, follows it
				b.WriteString(tok.String() + "</" + tok.Data + ">")
			}
		}
	}
}

// flatBlock reports whether a tag breaks the text into paragraphs.
func flatBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Br, atom.Li, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Section, atom.Article, atom.Blockquote, atom.Pre, atom.Table, atom.Tr, atom.Td, atom.Th,
		atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd, atom.Header, atom.Footer, atom.Main, atom.Nav,
		atom.Aside, atom.Figure, atom.Figcaption, atom.Hr, atom.Body:
		return true
	}
	return false
}

// flatSkipped reports whether an element's content is no visible text:
// the elements whose content the tokenizer reads as raw text.
func flatSkipped(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Iframe, atom.Noembed, atom.Noframes, atom.Textarea,
		atom.Xmp, atom.Plaintext:
		return true
	}
	return false
}

func tokenAttr(tok html.Token, key string) string {
	for _, a := range tok.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// dropLeadingTitle removes a first paragraph that repeats the title, as a
// page's headline does, since the analysed text already starts with the
// title. A body that is only the title is kept.
func dropLeadingTitle(body, title string) string {
	first, rest, found := strings.Cut(body, "\n\n")
	if found && title != "" && strings.EqualFold(collapseSpace(first), collapseSpace(title)) {
		return rest
	}
	return body
}

// pageLink resolves a link of the page against the fetched URL; with no
// link it returns the fetched URL, if any.
func (rd *reading) pageLink(link string) string {
	base := rd.in.pageURL
	if link == "" {
		if base == nil {
			return ""
		}
		return base.String()
	}
	u, err := url.Parse(link)
	if err != nil {
		return link
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	return u.String()
}

// htmlPublished returns the first publication date of the page's metadata
// that parses, warning when dates are given but none parses.
func (rd *reading) htmlPublished(meta *htmlMeta) time.Time {
	candidates := []string{
		meta.get("article:published_time"),
		meta.get("og:published_time"),
		meta.get("og:article:published_time"),
		meta.itempropDate,
		meta.ldDatePublished,
		meta.get("pubdate"),
		meta.get("publishdate"),
		meta.get("publish-date"),
		meta.get("date"),
		meta.get("dc.date.issued"),
		meta.get("dcterms.created"),
		meta.timeDatetime,
	}
	unparsed := ""
	for _, c := range candidates {
		if c == "" {
			continue
		}
		if t, err := ParseDate(c); err == nil {
			return t
		}
		if unparsed == "" {
			unparsed = c
		}
	}
	if unparsed != "" {
		rd.warnf("%s: unrecognised publication date %q; published left empty", rd.in.name, unparsed)
	}
	return time.Time{}
}

// htmlMeta is what the page says about itself.
type htmlMeta struct {
	title           string            // <title>
	meta            map[string]string // <meta> content by lower-case property, name or itemprop; the first wins
	canonical       string            // <link rel="canonical">
	itempropDate    string            // an element with itemprop="datePublished"
	timeDatetime    string            // the first <time datetime>
	ldHeadline      string            // JSON-LD headline
	ldDatePublished string            // JSON-LD datePublished
}

func (m *htmlMeta) get(key string) string { return m.meta[key] }

// collectHTMLMeta walks the document for its metadata.
func collectHTMLMeta(doc *html.Node) *htmlMeta {
	m := &htmlMeta{meta: make(map[string]string)}
	var ld []any
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.DataAtom {
		case atom.Title:
			if m.title == "" {
				m.title = collapseSpace(textOf(n))
			}
		case atom.Meta:
			content := strings.TrimSpace(attr(n, "content"))
			for _, key := range []string{"property", "name", "itemprop"} {
				k := strings.ToLower(strings.TrimSpace(attr(n, key)))
				if k != "" && content != "" && m.meta[k] == "" {
					m.meta[k] = content
				}
			}
		case atom.Link:
			if m.canonical == "" && hasToken(attr(n, "rel"), "canonical") {
				m.canonical = strings.TrimSpace(attr(n, "href"))
			}
		case atom.Time:
			if m.timeDatetime == "" {
				m.timeDatetime = strings.TrimSpace(attr(n, "datetime"))
			}
		case atom.Script:
			if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
				var v any
				if json.Unmarshal([]byte(textOf(n)), &v) == nil {
					ld = append(ld, v)
				}
			}
		}
		if m.itempropDate == "" && strings.EqualFold(attr(n, "itemprop"), "datePublished") {
			m.itempropDate = strings.TrimSpace(firstNonEmpty(attr(n, "content"), attr(n, "datetime"), textOf(n)))
		}
	}
	if obj := findLDArticle(ld); obj != nil {
		m.ldHeadline = collapseSpace(stringField(obj, "headline"))
		m.ldDatePublished = strings.TrimSpace(stringField(obj, "datePublished"))
	}
	return m
}

// findLDArticle returns the JSON-LD object that describes the article: the
// first whose @type names an article, posting or report, else the first
// with a headline.
func findLDArticle(values []any) map[string]any {
	var withHeadline map[string]any
	var visit func(v any, depth int) map[string]any
	visit = func(v any, depth int) map[string]any {
		if depth > 8 {
			return nil
		}
		switch v := v.(type) {
		case []any:
			for _, e := range v {
				if found := visit(e, depth+1); found != nil {
					return found
				}
			}
		case map[string]any:
			if isLDArticleType(v["@type"]) {
				return v
			}
			if withHeadline == nil && stringField(v, "headline") != "" {
				withHeadline = v
			}
			if found := visit(v["@graph"], depth+1); found != nil {
				return found
			}
			if found := visit(v["mainEntity"], depth+1); found != nil {
				return found
			}
		}
		return nil
	}
	if found := visit(values, 0); found != nil {
		return found
	}
	return withHeadline
}

func isLDArticleType(t any) bool {
	switch t := t.(type) {
	case string:
		return strings.HasSuffix(t, "Article") || strings.HasSuffix(t, "Posting") || t == "Report"
	case []any:
		for _, e := range t {
			if isLDArticleType(e) {
				return true
			}
		}
	}
	return false
}

func stringField(obj map[string]any, key string) string {
	s, _ := obj[key].(string)
	return s
}

// decodeText returns data as UTF-8: decoded from the charset that the HTTP
// Content-Type (or, with meta, an HTML <meta> charset) declares, else with
// invalid bytes replaced and a warning.
func (rd *reading) decodeText(data []byte, meta bool) string {
	if utf8.Valid(data) {
		return string(data)
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		// A UTF-16 byte-order mark at the start of the input was decoded
		// already; here it follows a UTF-8 one, so these are bad UTF-8
		// bytes, not a second encoding.
		return rd.repairUTF8(data)
	}
	enc, name, certain := charset.DetermineEncoding(data, rd.in.contentType)
	if name != "utf-8" && (certain || (meta && declaresCharset(data))) {
		if decoded, err := enc.NewDecoder().Bytes(data); err == nil {
			return string(decoded)
		}
	}
	return rd.repairUTF8(data)
}

// declaresCharset reports whether an HTML page names its charset where
// browsers look for it, in its first 1024 bytes.
func declaresCharset(data []byte) bool {
	return bytes.Contains(bytes.ToLower(data[:min(len(data), 1024)]), []byte("charset"))
}

// safely runs parse, turning a panic of a third-party parser on malformed
// input into an error, so that one bad page cannot end a whole run.
func safely[T any](parse func() (T, error)) (v T, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("parser failed: %v", p)
		}
	}()
	return parse()
}

// paragraphs normalises rendered text to paragraphs separated by "\n\n":
// every non-blank line, trimmed, is a paragraph.
func paragraphs(text string) string {
	var b strings.Builder
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(line)
	}
	return b.String()
}

// textOf returns the text content of n.
func textOf(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// hasToken reports whether the space-separated list s holds token.
func hasToken(s, token string) bool {
	for _, f := range strings.Fields(s) {
		if strings.EqualFold(f, token) {
			return true
		}
	}
	return false
}

func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}
