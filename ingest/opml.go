package ingest

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Subscription is one feed of an OPML subscription list.
type Subscription struct {
	URL     string // the feed's address (xmlUrl), absolute http or https
	Title   string // the outline's text, else its title; may be empty
	HTMLURL string // the site's address (htmlUrl), when it is an absolute http(s) URL
}

// ErrOPML says that an input is an OPML subscription list: a list of feeds
// to fetch, not articles. Read reports it (wrapped with the input's name)
// for an OPML input in the Auto format; ReadOPML reads such a list.
var ErrOPML = errors.New("an OPML list of feed subscriptions, not articles")

// MaxOPMLBytes caps what ReadOPML reads. A list of a hundred thousand feeds
// fits well within it.
const MaxOPMLBytes = DefaultMaxArticleBytes

// IsOPML reports whether head, the first bytes of an input, starts an OPML
// document, so that a caller can tell a subscription list from a feed or
// an article before reading it.
func IsOPML(head []byte) bool {
	return rootElement(bytes.TrimPrefix(head, []byte(utf8BOM))) == "opml"
}

// ReadOPML reads an OPML 1.0 or 2.0 subscription list and returns its
// feeds: every outline, at any depth, with an xmlUrl attribute, in document
// order, without duplicates (the same URL up to the case of its host). name
// is used in every message.
//
// The XML is read as leniently as feed readers read it (an unescaped "&" or
// an HTML entity is accepted, as exporters write them), but a document that
// is not OPML, is truncated, is larger than MaxOPMLBytes or lists no feed is
// an error. An outline whose xmlUrl is not an absolute http or https URL is
// an error naming the line and the outline; ReadOPML then returns the other
// feeds together with a non-nil error joining those problems, so that a
// caller can report them and go on with the rest.
func ReadOPML(name string, r io.Reader) ([]Subscription, error) {
	subs, bad, err := readOPML(name, r)
	if err != nil {
		return nil, err
	}
	if len(subs) == 0 {
		return nil, errors.Join(append(bad, fmt.Errorf("%s: the OPML lists no feed (no outline with an xmlUrl)", name))...)
	}
	return subs, errors.Join(bad...)
}

// readOPML parses the list. bad holds the errors of single outlines; err is
// set when the document as a whole cannot be read.
func readOPML(name string, r io.Reader) (subs []Subscription, bad []error, err error) {
	limited := &capReader{r: r, left: MaxOPMLBytes}
	br := bufio.NewReader(limited)
	head, _ := br.Peek(2) // a read error shows again at the decoder's first read
	var src io.Reader = br
	utf16 := bytes.Equal(head, []byte{0xFF, 0xFE}) || bytes.Equal(head, []byte{0xFE, 0xFF})
	if utf16 {
		src = transform.NewReader(br, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder())
	}

	dec := xml.NewDecoder(src)
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	dec.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		if utf16 {
			// Already decoded by its byte-order mark, which wins over
			// the declaration (that says "UTF-16" anyway).
			return in, nil
		}
		return charset.NewReaderLabel(label, in)
	}

	seen := make(map[string]bool)
	depth := 0
	sawRoot := false
	blank := true // only white space so far
	for {
		line, _ := dec.InputPos() // where the next token starts
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if errors.Is(err, ErrTooLarge) {
				return nil, nil, fmt.Errorf("%s: %w: more than %s, the limit for an OPML file (MaxOPMLBytes)", name, ErrTooLarge, formatBytes(MaxOPMLBytes))
			}
			return nil, nil, fmt.Errorf("%s: parsing OPML: %w", name, err)
		}
		if cd, ok := tok.(xml.CharData); !ok || len(bytes.TrimSpace(bytes.TrimPrefix(cd, []byte(utf8BOM)))) > 0 {
			blank = false
		}
		switch el := tok.(type) {
		case xml.StartElement:
			depth++
			if depth == 1 {
				if !strings.EqualFold(el.Name.Local, "opml") {
					return nil, nil, fmt.Errorf("%s: parsing OPML: the root element is <%s>, not <opml>", name, el.Name.Local)
				}
				sawRoot = true
				continue
			}
			if !strings.EqualFold(el.Name.Local, "outline") {
				continue
			}
			sub, ok, err := outlineSubscription(el)
			if err != nil {
				bad = append(bad, fmt.Errorf("%s:%d: %w", name, line, err))
				continue
			}
			if !ok {
				continue
			}
			if key := urlKey(sub.URL); !seen[key] {
				seen[key] = true
				subs = append(subs, sub)
			}
		case xml.EndElement:
			if depth--; depth == 0 {
				// What follows </opml> is not part of the list.
				return subs, bad, nil
			}
		}
	}
	switch {
	case blank:
		return nil, nil, fmt.Errorf("%s: %w", name, ErrEmptyInput)
	case !sawRoot:
		return nil, nil, fmt.Errorf("%s: parsing OPML: no <opml> element", name)
	}
	// The decoder reports an unclosed element as a syntax error; this is
	// the safety net should it ever not.
	return nil, nil, fmt.Errorf("%s: parsing OPML: the document ends inside <opml>", name)
}

// outlineSubscription returns the feed that an outline element names. ok
// is false for an outline without a feed (a folder, a link); err says why
// a feed's address is unusable.
func outlineSubscription(el xml.StartElement) (sub Subscription, ok bool, err error) {
	var text, title, xmlURL, htmlURL string
	for _, a := range el.Attr {
		switch strings.ToLower(a.Name.Local) {
		case "text":
			text = a.Value
		case "title":
			title = a.Value
		case "xmlurl":
			xmlURL = a.Value
		case "htmlurl":
			htmlURL = a.Value
		}
	}
	sub.Title = strings.ToValidUTF8(collapseSpace(firstNonEmpty(text, title)), "\uFFFD")
	xmlURL = strings.TrimSpace(xmlURL)
	if xmlURL == "" {
		// Folders and links have no xmlUrl; some exporters write an empty one.
		return sub, false, nil
	}
	what := "outline"
	if sub.Title != "" {
		what = fmt.Sprintf("outline %q", sub.Title)
	}
	u, err := url.Parse(xmlURL)
	if err != nil {
		return sub, false, fmt.Errorf("%s: xmlUrl %q: %w", what, xmlURL, unwrapURLError(err))
	}
	if !isHTTP(u) {
		return sub, false, fmt.Errorf("%s: xmlUrl %q is not an absolute http or https URL", what, xmlURL)
	}
	sub.URL = strings.ToValidUTF8(xmlURL, "\uFFFD")
	if h := strings.TrimSpace(htmlURL); h != "" {
		if hu, err := url.Parse(h); err == nil && isHTTP(hu) {
			// The site's address is informative only; an unusable one is
			// dropped rather than failing the feed.
			sub.HTMLURL = strings.ToValidUTF8(h, "\uFFFD")
		}
	}
	return sub, true, nil
}

// urlKey identifies a feed URL for removing duplicates: host names are
// case-insensitive and a fragment is never sent to the server.
func urlKey(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	u.Host = strings.ToLower(u.Host)
	u.Fragment, u.RawFragment = "", ""
	return u.String()
}

// unwrapURLError drops the *url.Error wrapper, whose message repeats the
// URL that the caller already quotes.
func unwrapURLError(err error) error {
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		return urlErr.Err
	}
	return err
}

// capReader reads from r until more than left bytes have been read, then
// fails with ErrTooLarge, so that a stream decoder stops at the limit
// instead of reading a hostile input to its end.
type capReader struct {
	r    io.Reader
	left int64
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.left < 0 {
		return 0, ErrTooLarge
	}
	if int64(len(p)) > c.left+1 {
		p = p[:c.left+1] // one byte more than allowed tells "exactly at the limit" from "over"
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	if c.left < 0 {
		return 0, ErrTooLarge
	}
	return n, err
}
