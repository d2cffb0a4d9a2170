package ingest

import (
	"bytes"
	"net/url"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzReadOPML checks what must hold for any input: no panic, errors that
// name the input, at least one feed when there is no error, and feeds that
// are absolute http(s) URLs, valid UTF-8 and without duplicates.
func FuzzReadOPML(f *testing.F) {
	addSeeds(f, []string{".opml"},
		`<opml version="2.0"><body><outline text="a" xmlUrl="http://a.example/rss"/></body></opml>`,
		`<?xml version="1.0" encoding="ISO-8859-1"?><opml><body><outline text="`+"caf\xe9"+`" xmlUrl="https://a.example/?x=1&y=2"/></body></opml>`,
		`<opml><body><outline xmlUrl="/rel"/><outline xmlUrl="http://A.example/"/><outline xmlUrl="http://a.example/#x"/></body></opml>`,
		`<opml><body><outline><outline><outline xmlUrl="http://a.example/"`,
		"\xff\xfe<\x00o\x00p\x00m\x00l\x00>\x00",
		`<rss/>`, "", " ")
	f.Fuzz(func(t *testing.T, data []byte) {
		const name = "fuzz.opml"
		IsOPML(data)
		subs, err := ReadOPML(name, bytes.NewReader(data))
		if err != nil {
			for line := range strings.Lines(err.Error()) {
				if !strings.HasPrefix(line, name) {
					t.Errorf("error line %q does not start with the input's name", line)
				}
			}
		} else if len(subs) == 0 {
			t.Error("no feed and no error")
		}
		seen := make(map[string]bool)
		for _, s := range subs {
			u, perr := url.Parse(s.URL)
			if perr != nil || !isHTTP(u) {
				t.Errorf("feed URL %q is not an absolute http(s) URL", s.URL)
			}
			if s.HTMLURL != "" {
				if h, perr := url.Parse(s.HTMLURL); perr != nil || !isHTTP(h) {
					t.Errorf("site URL %q is not an absolute http(s) URL", s.HTMLURL)
				}
			}
			for _, v := range []string{s.URL, s.Title, s.HTMLURL} {
				if !utf8.ValidString(v) {
					t.Errorf("%q is not valid UTF-8", v)
				}
			}
			if s.Title != collapseSpace(s.Title) {
				t.Errorf("title %q has untidy space", s.Title)
			}
			if key := urlKey(s.URL); seen[key] {
				t.Errorf("duplicate feed %q", s.URL)
			} else {
				seen[key] = true
			}
		}
	})
}

// FuzzFeedSchedule checks that reading a feed's schedule never panics and
// gives no negative or absurd interval, whatever the feed.
func FuzzFeedSchedule(f *testing.F) {
	addSeeds(f, []string{".rss", ".atom"},
		testRSS("<ttl>60</ttl>", testItem("1", "x")),
		testRSS("<sy:updatePeriod>weekly</sy:updatePeriod><sy:updateFrequency>9999999999999</sy:updateFrequency>"),
		`<rss><channel><ttl>-5</ttl><sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>0</sy:updateFrequency></channel></rss>`,
		`<?xml version="1.0" encoding="x-unknown"?><rss><channel><ttl>1</ttl></channel></rss>`)
	f.Fuzz(func(t *testing.T, data []byte) {
		d, ok := feedSchedule(data)
		if d < 0 || d > 366*24*time.Hour || (!ok && d != 0) {
			t.Errorf("feedSchedule = %v, %v", d, ok)
		}
	})
}
