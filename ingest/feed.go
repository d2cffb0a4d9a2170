package ingest

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"codeberg.org/readeck/go-readability/v2/render"
	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"

	"tidings/article"
)

// readFeed yields one article per item of an RSS or Atom feed.
func (rd *reading) readFeed(data []byte) {
	// gofeed decodes the charset that the XML declaration names; only
	// undeclared invalid UTF-8 needs repair.
	if !utf8.Valid(data) && !declaresXMLEncoding(data) {
		data = []byte(rd.decodeText(data, false))
	}
	feed, err := safely(func() (*gofeed.Feed, error) {
		return gofeed.NewParser().Parse(bytes.NewReader(data))
	})
	if err != nil {
		rd.fail(rd.errorf("parsing feed: %w", err))
		return
	}
	if len(feed.Items) == 0 {
		rd.fail(rd.errorf("the feed has no items"))
		return
	}
	source := collapseSpace(feed.Title)
	for i, item := range feed.Items {
		if item == nil {
			continue
		}
		a, err := rd.feedItem(item, i+1)
		if err != nil {
			if !rd.fail(err) {
				return
			}
			continue
		}
		a.Source = source
		if !rd.emit(a) {
			return
		}
	}
}

// feedItem turns the n-th item of a feed into an article.
func (rd *reading) feedItem(item *gofeed.Item, n int) (article.Article, error) {
	a := article.Article{
		ID:    strings.TrimSpace(item.GUID),
		Title: collapseSpace(htmlToText(item.Title)),
		URL:   strings.TrimSpace(item.Link),
	}
	where := fmt.Sprintf("%s: item %d", rd.in.name, n)
	if a.Title != "" {
		where += fmt.Sprintf(" (%q)", a.Title)
	}
	if a.URL == "" && len(item.Links) > 0 {
		a.URL = strings.TrimSpace(item.Links[0])
	}
	a.Body = htmlToText(item.Content)
	if a.Body == "" {
		a.Body = htmlToText(item.Description)
	}
	if a.Body == "" {
		return a, fmt.Errorf("%s: no content or description", where)
	}
	for _, c := range item.Categories {
		if c = collapseSpace(c); c != "" {
			a.GoldTags = append(a.GoldTags, c)
		}
	}
	switch {
	case item.PublishedParsed != nil:
		a.Published = *item.PublishedParsed
	case item.UpdatedParsed != nil:
		a.Published = *item.UpdatedParsed
	default:
		if given := firstNonEmpty(item.Published, item.Updated); given != "" {
			t, err := ParseDate(given)
			if err != nil {
				rd.warnf("%s: unrecognised publication date %q; published left empty", where, given)
			}
			a.Published = t
		}
	}
	return a, nil
}

// htmlToText converts the HTML (or plain text) of a feed field to plain
// text with paragraphs separated by "\n\n".
func htmlToText(s string) string {
	if !looksLikeMarkup(s) {
		// Plain text keeps its own paragraphs; its line breaks within a
		// paragraph are wrapping.
		var paras []string
		for _, p := range strings.Split(strings.ReplaceAll(html.UnescapeString(s), "\r\n", "\n"), "\n\n") {
			if p = collapseSpace(p); p != "" {
				paras = append(paras, p)
			}
		}
		return strings.Join(paras, "\n\n")
	}
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return collapseSpace(s)
	}
	return paragraphs(render.InnerText(doc))
}

// looksLikeMarkup reports whether s has an HTML tag or comment.
func looksLikeMarkup(s string) bool {
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 || i+1 >= len(s) {
			return false
		}
		if c := s[i+1]; c == '/' || c == '!' || isASCIILetter(c) {
			return true
		}
		s = s[i+1:]
	}
}

// declaresXMLEncoding reports whether data starts with an XML declaration
// naming an encoding other than UTF-8.
func declaresXMLEncoding(data []byte) bool {
	data = bytes.TrimLeft(data, " \t\r\n")
	if !bytes.HasPrefix(data, []byte("<?xml")) {
		return false
	}
	end := bytes.Index(data, []byte("?>"))
	if end < 0 {
		return false
	}
	decl := strings.ToLower(string(data[:end]))
	_, enc, found := strings.Cut(decl, "encoding")
	if !found {
		return false
	}
	enc = strings.TrimLeft(enc, " \t\r\n=")
	if enc == "" || (enc[0] != '"' && enc[0] != '\'') {
		return false
	}
	name, _, _ := strings.Cut(enc[1:], enc[:1])
	return name != "" && name != "utf-8" && name != "utf8"
}
