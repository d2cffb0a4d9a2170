package ingest

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestReadFeedRSS(t *testing.T) {
	o := readTestdata(t, "feed.rss", Feed)
	if len(o.articles) != 2 || len(o.errs) != 1 {
		t.Fatalf("%d articles and errors %q; want 2 and the item without text", len(o.articles), o.errText())
	}
	if want := `feed.rss: item 2 ("An item without text"): no content or description`; o.errs[0].Error() != want {
		t.Errorf("error %q, want %q", o.errs[0], want)
	}
	a := o.articles[0]
	if a.ID != "lantern-1001" || a.Title != "Bridge repairs finish early" || a.URL != "https://lantern.example/news/bridge" ||
		a.Source != "Lantern Headlines" || !slices.Equal(a.GoldTags, []string{"Millbrook", "Transport"}) ||
		!a.Published.Equal(time.Date(2024, 3, 5, 9, 0, 0, 0, time.UTC)) {
		t.Errorf("first item %+v", a)
	}
	if want := "The Old Mill bridge reopened on Monday, a week ahead of plan.\n\nDrivers had faced a long detour since January."; a.Body != want {
		t.Errorf("body %q, want %q", a.Body, want)
	}
	if b := o.articles[1]; len(b.ID) != 16 || b.Body != "The town library will open until 9 pm on weekdays from April." {
		t.Errorf("second item ID %q body %q; want a content ID and the description", b.ID, b.Body)
	}
}

func TestReadFeedAtom(t *testing.T) {
	a := only(t, readTestdata(t, "feed.atom", Feed))
	if a.ID != "urn:example:harbour-watch:17" || a.URL != "https://harbour.example/ferry" || a.Source != "Harbour Watch" ||
		a.Body != "The island ferry will leave at 7:40 instead of 7:15 from next week." ||
		!slices.Equal(a.GoldTags, []string{"Ferries"}) || !a.Published.Equal(time.Date(2024, 3, 7, 11, 0, 0, 0, time.UTC)) {
		t.Errorf("entry %+v", a)
	}
}

func TestReadFeed(t *testing.T) {
	item := func(inner string) string {
		return `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>` + inner + `</channel></rss>`
	}
	tests := []struct {
		name, input string
		bodies      []string
		errs        []string
		warns       int
	}{
		{
			name:   "content preferred to description",
			input:  item(`<item><description>short</description><content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/"><![CDATA[<p>long one</p>]]></content:encoded></item>`),
			bodies: []string{"long one"},
		},
		{
			name:   "plain description keeps its paragraphs and entities",
			input:  item("<item><description>Fish &amp;amp; chips\n  are back.\n\nQueues formed.</description></item>"),
			bodies: []string{"Fish & chips are back.\n\nQueues formed."},
		},
		{
			name:   "unparseable date is a warning",
			input:  item(`<item><pubDate>someday</pubDate><description>x</description></item>`),
			bodies: []string{"x"}, warns: 1,
		},
		{name: "no items", input: item(""), errs: []string{"f.xml: the feed has no items"}},
		{name: "not a feed", input: `<?xml version="1.0"?><svg></svg>`, errs: []string{"f.xml: parsing feed: "}},
		{name: "truncated", input: `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><description>x`, errs: []string{"f.xml: parsing feed: "}},
		{
			name:   "latin-1 declared",
			input:  "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><item><description>Caf\xe9</description></item></channel></rss>",
			bodies: []string{"Café"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := read(t, "f.xml", tt.input, Feed, Options{})
			var bodies []string
			for _, a := range o.articles {
				bodies = append(bodies, a.Body)
			}
			if !slices.Equal(bodies, tt.bodies) || len(o.warnings) != tt.warns {
				t.Errorf("bodies %q, warnings %q; want %q, %d warnings", bodies, o.warnings, tt.bodies, tt.warns)
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

func TestHTMLToText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain", "plain"},
		{"a < b and c > d", "a < b and c > d"},
		{"<p>One</p><p>Two <b>bold</b></p>", "One\n\nTwo bold"},
		{"Line<br>break", "Line\n\nbreak"},
		{"<script>x()</script><p>Text</p>", "Text"},
		{"Tom &amp; Jerry", "Tom & Jerry"},
	}
	for _, tt := range tests {
		if got := htmlToText(tt.in); got != tt.want {
			t.Errorf("htmlToText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
