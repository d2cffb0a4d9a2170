package ingest

import (
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestReadHTMLPage(t *testing.T) {
	a := only(t, readTestdata(t, "page.html", HTML))
	if a.Title != "Valley rail line reopens after flood repairs" {
		t.Errorf("title %q, want og:title", a.Title)
	}
	if a.Source != "The Daily Lantern" {
		t.Errorf("source %q, want og:site_name", a.Source)
	}
	if a.URL != "/news/valley-rail-line-reopens" {
		t.Errorf("URL %q, want the canonical link as given (no page URL to resolve it)", a.URL)
	}
	if want := time.Date(2024, 3, 5, 7, 30, 0, 0, time.UTC); !a.Published.Equal(want) {
		t.Errorf("published %v, want %v", a.Published, want)
	}
	// The headline repeats the title and is dropped from the body.
	paras := strings.Split(a.Body, "\n\n")
	if len(paras) != 4 || !strings.HasPrefix(paras[0], "Trains returned to the Valley line") || !strings.HasPrefix(paras[3], "The regional council") {
		t.Errorf("body paragraphs %q, want the article's four", paras)
	}
	for _, unwanted := range []string{"do not read me", "All rights reserved", "Home"} {
		if strings.Contains(a.Body, unwanted) {
			t.Errorf("body contains %q", unwanted)
		}
	}
}

func TestReadHTMLFetchedPage(t *testing.T) {
	// A name that is a URL stands for the fetched page: links resolve
	// against it, and it is the URL when the page names none.
	page := `<html><head><link rel="canonical" href="/a/b"></head><body><p>Words.</p></body></html>`
	a := only(t, read(t, "https://lantern.example/x/y?z=1", page, HTML, Options{}))
	if a.URL != "https://lantern.example/a/b" {
		t.Errorf("URL %q", a.URL)
	}
	a = only(t, read(t, "https://lantern.example/x/y", `<p>Words.</p>`, HTML, Options{}))
	if a.URL != "https://lantern.example/x/y" {
		t.Errorf("URL %q, want the fetched URL", a.URL)
	}
}

func TestReadHTMLMetadata(t *testing.T) {
	const p = "<p>The ferry will run twice a day from Monday, the harbour office said.</p>"
	tests := []struct {
		name, page       string
		title, url       string
		published        string // RFC 3339 or "" for zero
		source           string
		warns            int
		wantErr, noError bool
		body             string // text the body holds besides the ferry's
	}{
		{
			name:  "JSON-LD headline and date in a graph",
			page:  `<html><head><title>Site title</title><script type="application/ld+json">{"@graph": [{"@type": "WebSite", "name": "Lantern"}, {"@type": ["NewsArticle"], "headline": "Ferry runs twice a day", "datePublished": "2024-03-06T10:00:00Z"}]}</script></head><body>` + p + `</body></html>`,
			title: "Ferry runs twice a day", published: "2024-03-06T10:00:00Z",
		},
		{
			name:  "title element and itemprop date",
			page:  `<html><head><title> Ferry  news </title></head><body><span itemprop="datePublished" content="2024-03-06">6 March</span>` + p + `</body></html>`,
			title: "Ferry news", published: "2024-03-06T00:00:00Z",
		},
		{
			name: "time element and og:url",
			page: `<html><head><meta property="og:url" content="https://h.example/ferry"></head><body><time datetime="2024-03-06 09:00">today</time>` + p + `</body></html>`,
			url:  "https://h.example/ferry", published: "2024-03-06T09:00:00Z",
		},
		{
			name:  "unparseable date is a warning",
			page:  `<html><head><meta property="article:published_time" content="last week"></head><body>` + p + `</body></html>`,
			warns: 1,
		},
		{
			name:  "malformed markup",
			page:  `<html><head><title>Broken</title><body><div><p>Unclosed <b>bold <i>italic</div></span></p></table>` + p,
			title: "Broken",
		},
		{name: "no text", page: `<html><head><title>Empty</title></head><body><img src="x.png"></body></html>`, wantErr: true},
		{name: "deep nesting", page: strings.Repeat("<div>", 600) + p, warns: 1},
		{
			name: "deep nesting, with metadata, scripts and text inside and after",
			page: `<html><head><title>Ferry news</title><meta property="article:published_time" content="2024-03-06">` +
				`<script>var hidden = 1;</script><style>p { color: red }</style></head><body>` +
				strings.Repeat("<div><font>", 400) + `<p>The harbour master said so.</p>` + strings.Repeat("</font></div>", 400) + p,
			title: "Ferry news", published: "2024-03-06T00:00:00Z", warns: 1,
			body: "The harbour master said so.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := read(t, "p.html", tt.page, HTML, Options{})
			if tt.wantErr {
				if len(o.errs) != 1 || !strings.HasPrefix(o.errs[0].Error(), "p.html: ") || len(o.articles) != 0 {
					t.Fatalf("errors %q and %d articles, want one error naming p.html", o.errText(), len(o.articles))
				}
				return
			}
			a := only(t, o)
			var published string
			if !a.Published.IsZero() {
				published = a.Published.UTC().Format(time.RFC3339)
			}
			if a.Title != tt.title || a.URL != tt.url || published != tt.published || len(o.warnings) != tt.warns {
				t.Errorf("title %q, URL %q, published %q, warnings %q\nwant %q, %q, %q, %d warnings",
					a.Title, a.URL, published, o.warnings, tt.title, tt.url, tt.published, tt.warns)
			}
			if !strings.Contains(a.Body, "The ferry will run twice a day") || !strings.Contains(a.Body, tt.body) ||
				strings.Contains(a.Body, "hidden") || strings.Contains(a.Body, "color") {
				t.Errorf("body %q", a.Body)
			}
		})
	}
}

func TestReadHTMLCharset(t *testing.T) {
	page := "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xe9 reopens on the square.</p></body></html>"
	o := read(t, "latin1.html", page, HTML, Options{})
	if a := only(t, o); !strings.Contains(a.Body, "Café reopens") || len(o.warnings) != 0 {
		t.Errorf("body %q, warnings %q; want the declared charset decoded", a.Body, o.warnings)
	}
	o = read(t, "bad.html", "<p>Caf\xe9 reopens on the square.</p>", HTML, Options{})
	if a := only(t, o); !strings.Contains(a.Body, "Caf\uFFFD reopens") || len(o.warnings) != 1 {
		t.Errorf("body %q, warnings %q; want a repair and a warning", a.Body, o.warnings)
	}
}

func TestPageLink(t *testing.T) {
	base, _ := url.Parse("https://lantern.example/news/story")
	rd := &reading{in: input{pageURL: base}}
	for link, want := range map[string]string{
		"":                       "https://lantern.example/news/story",
		"other":                  "https://lantern.example/news/other",
		"//cdn.example/x":        "https://cdn.example/x",
		"https://a.example/b":    "https://a.example/b",
		"/top?x=1#frag":          "https://lantern.example/top?x=1#frag",
		"http://[::1]:namedport": "http://[::1]:namedport",
	} {
		if got := rd.pageLink(link); got != want {
			t.Errorf("pageLink(%q) = %q, want %q", link, got, want)
		}
	}
}
