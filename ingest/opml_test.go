package ingest

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf16"
)

func TestReadOPMLFile(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "subscriptions.opml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	subs, err := ReadOPML("subscriptions.opml", f)
	if err != nil {
		t.Fatal(err)
	}
	want := []Subscription{
		{URL: "https://lantern.example/feed.rss", Title: "Lantern Headlines", HTMLURL: "https://lantern.example/"},
		{URL: "https://harbour.example/atom.xml", Title: "Harbour Watch"},
		// A relative htmlUrl is dropped; entities are decoded.
		{URL: "http://tides.example/rss?area=north&lang=en", Title: "Tide tables & notices"},
		{URL: "https://sport.example/rss", Title: "Valley Sport"},
	}
	if !slices.Equal(subs, want) {
		t.Errorf("got  %+v\nwant %+v", subs, want)
	}
}

func TestReadOPML(t *testing.T) {
	opml := func(body string) string {
		return `<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>` + body + `</body></opml>`
	}
	tests := []struct {
		name  string
		input string
		urls  []string // the feeds returned
		errs  []string // the lines of the error, each a prefix
	}{
		{
			name:  "nested at any depth, order kept",
			input: opml(`<outline xmlUrl="http://a.example/1"/><outline text="f"><outline text="g"><outline text="h"><outline xmlUrl="http://a.example/2"/></outline></outline><outline xmlUrl="http://a.example/3"/></outline>`),
			urls:  []string{"http://a.example/1", "http://a.example/2", "http://a.example/3"},
		},
		{
			name:  "duplicates removed, first kept",
			input: opml(`<outline xmlUrl="http://a.example/x"/><outline xmlUrl="http://b.example/"/><outline xmlUrl=" http://A.Example/x#top "/>`),
			urls:  []string{"http://a.example/x", "http://b.example/"},
		},
		{
			name:  "outlines without xmlUrl are folders or links",
			input: opml(`<outline text="folder"/><outline type="link" url="http://a.example/"/><outline xmlUrl=""/><outline xmlUrl="https://b.example/rss"/>`),
			urls:  []string{"https://b.example/rss"},
		},
		{
			name:  "OPML 1.0, unescaped ampersand, HTML entity, attribute case",
			input: `<opml version="1.0"><body><outline text="Caf&eacute;" xmlURL="http://a.example/rss?x=1&y=2"/></body></opml>`,
			urls:  []string{"http://a.example/rss?x=1&y=2"},
		},
		{
			name:  "bad URLs are reported by line and outline, the others kept",
			input: "<opml><body>\n<outline text=\"Rel\" xmlUrl=\"/rss\"/>\n<outline xmlUrl=\"http://ok.example/\"/>\n<outline title=\"Ftp\" xmlUrl=\"ftp://f.example/rss\"/>\n<outline xmlUrl=\"feed://f.example/rss\"/>\n<outline xmlUrl=\"http://%zz\"/>\n</body></opml>",
			urls:  []string{"http://ok.example/"},
			errs: []string{
				`f.opml:2: outline "Rel": xmlUrl "/rss" is not an absolute http or https URL`,
				`f.opml:4: outline "Ftp": xmlUrl "ftp://f.example/rss" is not an absolute http or https URL`,
				`f.opml:5: outline: xmlUrl "feed://f.example/rss" is not an absolute http or https URL`,
				`f.opml:6: outline: xmlUrl "http://%zz": invalid URL escape`,
			},
		},
		{
			name:  "only bad URLs: no feed",
			input: opml(`<outline text="Rel" xmlUrl="rss.xml"/>`),
			errs:  []string{`f.opml:1: outline "Rel": xmlUrl "rss.xml" is not`, "f.opml: the OPML lists no feed (no outline with an xmlUrl)"},
		},
		{name: "no feed", input: opml(`<outline text="empty folder"></outline>`), errs: []string{"f.opml: the OPML lists no feed (no outline with an xmlUrl)"}},
		{name: "no body", input: `<opml version="2.0"><head/></opml>`, errs: []string{"f.opml: the OPML lists no feed"}},
		{name: "empty", input: "", errs: []string{"f.opml: empty input"}},
		{name: "white space", input: " \n\t", errs: []string{"f.opml: empty input"}},
		{name: "a byte-order mark alone", input: utf8BOM, errs: []string{"f.opml: empty input"}},
		{name: "truncated", input: `<opml><body><outline xmlUrl="http://a.example/"/><outline`, errs: []string{"f.opml: parsing OPML: XML syntax error on line 1: unexpected EOF"}},
		{name: "unclosed", input: `<opml><body><outline xmlUrl="http://a.example/"/>`, errs: []string{"f.opml: parsing OPML: XML syntax error on line 1: unexpected EOF"}},
		{name: "unterminated attribute", input: "<opml><body><outline xmlUrl=\"http://a.example/>\n</body></opml>", errs: []string{"f.opml: parsing OPML: XML syntax error on line 2: unescaped < inside quoted string"}},
		{name: "a feed, not OPML", input: `<rss version="2.0"><channel></channel></rss>`, errs: []string{"f.opml: parsing OPML: the root element is <rss>, not <opml>"}},
		{name: "text", input: "feeds: http://a.example/rss", errs: []string{"f.opml: parsing OPML: no <opml> element"}},
		{name: "binary", input: "\x00\x01\x02<opml>", errs: []string{"f.opml: parsing OPML: XML syntax error on line 1: illegal character code U+0000"}},
		{
			name:  "after the root element",
			input: `<opml><body><outline xmlUrl="http://a.example/"/></body></opml><outline xmlUrl="http://b.example/"/> trailing`,
			urls:  []string{"http://a.example/"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			subs, err := ReadOPML("f.opml", strings.NewReader(tt.input))
			var urls []string
			for _, s := range subs {
				urls = append(urls, s.URL)
			}
			if !slices.Equal(urls, tt.urls) {
				t.Errorf("feeds %q, want %q", urls, tt.urls)
			}
			var lines []string
			if err != nil {
				lines = strings.Split(err.Error(), "\n")
			}
			if len(lines) != len(tt.errs) {
				t.Fatalf("error %v; want %d lines %q", err, len(tt.errs), tt.errs)
			}
			for i, want := range tt.errs {
				if !strings.HasPrefix(lines[i], want) {
					t.Errorf("error line %q, want prefix %q", lines[i], want)
				}
			}
		})
	}
}

func TestReadOPMLEncodings(t *testing.T) {
	const doc = `<opml version="2.0"><body><outline text="Café" xmlUrl="http://a.example/rss"/></body></opml>`
	utf16LE := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(`<?xml version="1.0" encoding="UTF-16"?>` + doc)) {
		utf16LE = append(utf16LE, byte(u), byte(u>>8))
	}
	tests := []struct {
		name  string
		input []byte
	}{
		{"UTF-8", []byte(doc)},
		{"UTF-8 with BOM", []byte(utf8BOM + doc)},
		{"ISO-8859-1 declared", []byte(`<?xml version="1.0" encoding="ISO-8859-1"?>` + strings.Replace(doc, "é", "\xe9", 1))},
		{"UTF-16 with BOM", utf16LE},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			subs, err := ReadOPML("f.opml", bytes.NewReader(tt.input))
			if err != nil {
				t.Fatal(err)
			}
			if len(subs) != 1 || subs[0].Title != "Café" || subs[0].URL != "http://a.example/rss" {
				t.Errorf("got %+v", subs)
			}
		})
	}
}

func TestReadOPMLReadError(t *testing.T) {
	boom := errors.New("disk on fire")
	_, err := ReadOPML("f.opml", iotest.ErrReader(boom))
	if !errors.Is(err, boom) || !strings.HasPrefix(err.Error(), "f.opml: ") {
		t.Errorf("error %v; want one naming the input and wrapping the read error", err)
	}
}

func TestCapReader(t *testing.T) {
	tests := []struct {
		size, limit int
		tooLarge    bool
	}{
		{10, 10, false},
		{11, 10, true},
		{0, 0, false},
		{1, 0, true},
		{100000, 99999, true},
	}
	for _, tt := range tests {
		r := &capReader{r: iotest.HalfReader(strings.NewReader(strings.Repeat("x", tt.size))), left: int64(tt.limit)}
		var got int
		var err error
		buf := make([]byte, 7)
		for {
			var n int
			n, err = r.Read(buf)
			got += n
			if err != nil {
				break
			}
		}
		if tt.tooLarge != errors.Is(err, ErrTooLarge) || got > tt.limit {
			t.Errorf("size %d, limit %d: read %d bytes, error %v", tt.size, tt.limit, got, err)
		}
	}
}

func TestIsOPML(t *testing.T) {
	tests := []struct {
		head string
		want bool
	}{
		{`<?xml version="1.0"?><opml version="2.0">`, true},
		{utf8BOM + "\n<!-- list -->\n<OPML>", true},
		{`<opml`, true},
		{`<rss version="2.0">`, false},
		{`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">`, false},
		{`<html><body><opml>`, false},
		{"Title\n\nopml", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := IsOPML([]byte(tt.head)); got != tt.want {
			t.Errorf("IsOPML(%q) = %v, want %v", tt.head, got, tt.want)
		}
	}
}

// TestReadRefusesOPML checks that an OPML list read as articles is an
// error that says what it is, rather than an article of its titles.
func TestReadRefusesOPML(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "subscriptions.opml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, input := range []string{string(data), `<opml version="2.0"><head><title>My feeds</title></head><body/></opml>`} {
		o := read(t, "feeds.opml", input, Auto, Options{})
		if len(o.articles) != 0 || len(o.errs) != 1 || !errors.Is(o.errs[0], ErrOPML) ||
			o.errs[0].Error() != "feeds.opml: an OPML list of feed subscriptions, not articles" {
			t.Errorf("%d articles, errors %q; want only ErrOPML naming the input", len(o.articles), o.errText())
		}
	}
}
