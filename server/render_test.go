package server

import (
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"

	"tidings/record"
	"tidings/store"
)

func TestHighlightSnippet(t *testing.T) {
	const s, e = store.MarkStart, store.MarkEnd
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain text", "plain text"},
		{"the " + s + "Almaty" + e + " office", "the <mark>Almaty</mark> office"},
		{s + "a" + e + " and " + s + "b" + e, "<mark>a</mark> and <mark>b</mark>"},
		{"<b>" + s + "x&y" + e + "</b>", "&lt;b&gt;<mark>x&amp;y</mark>&lt;/b&gt;"},
		{"unclosed " + s + "mark", "unclosed <mark>mark</mark>"},
		{"stray " + e + "end", "stray end"},
		{s + s + "double" + e + e, "<mark>double</mark>"},
		{"quote \" and '", "quote &#34; and &#39;"},
	}
	for _, tt := range tests {
		if got := string(highlightSnippet(tt.in)); got != tt.want {
			t.Errorf("highlightSnippet(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHighlightMentions(t *testing.T) {
	const text = "Title\n\nTokayev met Putin in Almaty. Café <b>Zürich</b> & co."
	at := func(sub string) (int, int) {
		i := strings.Index(text, sub)
		if i < 0 {
			t.Fatalf("%q not in the text", sub)
		}
		return i, i + len(sub)
	}
	ent := func(id, name, typ string, spans ...[2]int) record.Entity {
		e := record.Entity{ID: id, Name: name, Type: typ, Kind: "person"}
		for _, sp := range spans {
			e.Mentions = append(e.Mentions, record.Mention{Start: sp[0], End: sp[1]})
		}
		return e
	}
	span := func(sub string) [2]int { s, e := at(sub); return [2]int{s, e} }
	money := record.Entity{ID: "local:money:1", Name: "co", Type: "MONEY", Kind: "quantity", Unit: "EUR",
		Mentions: []record.Mention{{Start: span("co.")[0], End: span("co.")[0] + 2}}}
	tests := []struct {
		name string
		ents []record.Entity
		from int
		want string
	}{
		{"none", nil, 7, "Tokayev met Putin in Almaty. Café &lt;b&gt;Zürich&lt;/b&gt; &amp; co."},
		{"two", []record.Entity{ent("Q1", "Tokayev", "PER", span("Tokayev")), ent("local:loc:almaty x", "Almaty", "LOC", span("Almaty"))}, 7,
			`<a class="ent ent-PER" href="/entities/Q1" title="Tokayev (person)" data-entity="Q1">Tokayev</a> met Putin in ` +
				`<a class="ent ent-LOC" href="/entities/local:loc:almaty%20x" title="Almaty (person)" data-entity="local:loc:almaty x">Almaty</a>. Café &lt;b&gt;Zürich&lt;/b&gt; &amp; co.`},
		{"overlap keeps the earlier and longer", []record.Entity{ent("A", "a", "ORG", span("Putin in")), ent("B", "b", "LOC", span("in Almaty")), ent("C", "c", "PER", span("Putin"))}, 7,
			`Tokayev met <a class="ent ent-ORG" href="/entities/A" title="a (person)" data-entity="A">Putin in</a> Almaty. Café &lt;b&gt;Zürich&lt;/b&gt; &amp; co.`},
		{"out of range and empty spans are skipped", []record.Entity{ent("A", "a", "PER", [2]int{-5, 3}, [2]int{50, 500}, [2]int{9, 9}, [2]int{12, 8})}, 7,
			"Tokayev met Putin in Almaty. Café &lt;b&gt;Zürich&lt;/b&gt; &amp; co."},
		{"a span inside a character is skipped", []record.Entity{ent("A", "a", "PER", [2]int{span("Café")[0], span("Café")[1] - 1})}, 7,
			"Tokayev met Putin in Almaty. Café &lt;b&gt;Zürich&lt;/b&gt; &amp; co."},
		{"mentions in the title are left out", []record.Entity{ent("T", "t", "MISC", span("Title"))}, 7,
			"Tokayev met Putin in Almaty. Café &lt;b&gt;Zürich&lt;/b&gt; &amp; co."},
		{"markup in the mention and the name", []record.Entity{ent(`x"><script>`, `<i>Z</i>`, "LOC", span("<b>Zürich</b>"))}, span("Café")[0],
			`Café <a class="ent ent-LOC" href="/entities/x%22%3E%3Cscript%3E" title="&lt;i&gt;Z&lt;/i&gt; (person)" data-entity="x&#34;&gt;&lt;script&gt;">&lt;b&gt;Zürich&lt;/b&gt;</a> &amp; co.`},
		{"quantity", []record.Entity{money}, 7,
			`Tokayev met Putin in Almaty. Café &lt;b&gt;Zürich&lt;/b&gt; &amp; <span class="qty qty-MONEY" title="MONEY, EUR">co</span>.`},
		{"from out of range", nil, 999, ""},
		{"from inside a character", nil, span("Café")[1] - 1, " &lt;b&gt;Zürich&lt;/b&gt; &amp; co."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(highlightMentions(text, tt.ents, tt.from)); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

var tagPattern = regexp.MustCompile(`<[^>]*>`)

// FuzzHighlightMentions checks that any spans render without a panic and
// that the rendered page shows exactly the text, with only whole tags
// added.
func FuzzHighlightMentions(f *testing.F) {
	f.Add("Tokayev met Putin in Almaty.", 0, 7, 12, 17, 21, 27, 0)
	f.Add("Café Zürich <b>", 3, 5, 0, 4, 2, 9, 1)
	f.Add("", 0, 0, 0, 0, 0, 0, 0)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2, s3, e3, from int) {
		ents := []record.Entity{
			{ID: "A", Name: "a", Type: "PER", Mentions: []record.Mention{{Start: s1, End: e1}, {Start: s3, End: e3}}},
			{ID: "B<", Name: "b\"", Type: "L<OC", Mentions: []record.Mention{{Start: s2, End: e2}}},
			{ID: "local:money:1", Type: "MONEY", Kind: "quantity", Mentions: []record.Mention{{Start: e1, End: e2}}},
		}
		out := string(highlightMentions(text, ents, from))
		start := min(max(from, 0), len(text))
		for start < len(text) && !isRuneStart(text[start]) {
			start++
		}
		if got, want := html.UnescapeString(tagPattern.ReplaceAllString(out, "")), html.UnescapeString(html.EscapeString(text[start:])); got != want {
			t.Fatalf("text changed:\n got %q\nwant %q", got, want)
		}
		if strings.Count(out, "<a ") != strings.Count(out, "</a>") || strings.Count(out, "<span ") != strings.Count(out, "</span>") {
			t.Fatalf("unbalanced tags: %s", out)
		}
	})
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

func FuzzHighlightSnippet(f *testing.F) {
	f.Add("a " + store.MarkStart + "b" + store.MarkEnd + " <c>")
	f.Fuzz(func(t *testing.T, s string) {
		out := string(highlightSnippet(s))
		if strings.Count(out, "<mark>") != strings.Count(out, "</mark>") {
			t.Fatalf("unbalanced: %s", out)
		}
		plain := strings.NewReplacer(store.MarkStart, "", store.MarkEnd, "").Replace(s)
		if got := html.UnescapeString(tagPattern.ReplaceAllString(out, "")); got != html.UnescapeString(html.EscapeString(plain)) {
			t.Fatalf("text changed: %q -> %q", s, got)
		}
	})
}

func TestBinTimeline(t *testing.T) {
	days := func(first string, n, step int) []store.Bucket {
		t0 := day(first)
		out := make([]store.Bucket, n)
		for i := range out {
			out[i] = store.Bucket{Date: t0.AddDate(0, 0, i*step).Format(dayLayout), Articles: 1, Mentions: 2}
		}
		return out
	}
	tests := []struct {
		name      string
		buckets   []store.Bucket
		wantUnit  string
		wantBins  int
		wantTotal int
	}{
		{"empty", nil, unitDay, 0, 0},
		{"bad dates only", []store.Bucket{{Date: "soon", Articles: 3}, {Date: "", Articles: 1}}, unitDay, 0, 0},
		{"one day", days("2022-01-04", 1, 1), unitDay, 1, 1},
		{"one day and a bad one", append(days("2022-01-04", 1, 1), store.Bucket{Date: "2022-02-30", Articles: 5}), unitDay, 1, 1},
		{"a week with gaps", days("2022-01-04", 3, 3), unitDay, 7, 3},
		{"three months", days("2022-01-01", 90, 1), unitDay, 90, 90},
		{"a year", days("2022-01-03", 365, 1), unitWeek, 53, 365},
		{"ten years", days("2010-01-01", 3650, 1), unitMonth, 120, 3650},
		{"a century", days("1920-06-01", 1000, 37), unitYear, 102, 1000},
		{"millennia", []store.Bucket{{Date: "0001-01-01", Articles: 1}, {Date: "9999-12-31", Articles: 2}}, unitYear, maxBars, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bins, unit := binTimeline(tt.buckets, articleCount)
			total := 0
			for i, b := range bins {
				total += b.value
				if i > 0 && !b.start.After(bins[i-1].last) {
					t.Fatalf("bins out of order at %d: %v after %v", i, b.start, bins[i-1].last)
				}
			}
			if unit != tt.wantUnit || len(bins) > tt.wantBins || (tt.wantBins-len(bins)) > tt.wantBins/100 || total != tt.wantTotal {
				t.Errorf("unit %s, %d bins, total %d; want %s, %d, %d", unit, len(bins), total, tt.wantUnit, tt.wantBins, tt.wantTotal)
			}
		})
	}
}

func TestUnitStart(t *testing.T) {
	tests := []struct{ day, unit, want string }{
		{"2022-01-05", unitDay, "2022-01-05"},
		{"2022-01-05", unitWeek, "2022-01-03"}, // a Wednesday: its Monday
		{"2022-01-03", unitWeek, "2022-01-03"},
		{"2022-01-09", unitWeek, "2022-01-03"}, // a Sunday
		{"2022-01-01", unitWeek, "2021-12-27"},
		{"2022-03-31", unitMonth, "2022-03-01"},
		{"2022-03-31", unitYear, "2022-01-01"},
	}
	for _, tt := range tests {
		if got := unitStart(day(tt.day), tt.unit).Format(dayLayout); got != tt.want {
			t.Errorf("unitStart(%s, %s) = %s, want %s", tt.day, tt.unit, got, tt.want)
		}
	}
}

func TestTimelineChart(t *testing.T) {
	if got := timelineChart(nil, "articles", articleCount); got != "" {
		t.Errorf("empty timeline: %q", got)
	}
	one := string(timelineChart([]store.Bucket{{Date: "2022-01-04", Articles: 3, Mentions: 7}}, "mentions", mentionCount))
	for _, want := range []string{`<svg class="chart"`, `data-bars="1"`, `<rect class="bar"`, "2022-01-04: 7 mentions", ">7</text>"} {
		if !strings.Contains(one, want) {
			t.Errorf("one-day chart lacks %q: %s", want, one)
		}
	}
	// Thousands of days make a chart of months with at most maxBars bars.
	var many []store.Bucket
	t0 := day("2015-01-01")
	for i := range 3000 {
		many = append(many, store.Bucket{Date: t0.AddDate(0, 0, i).Format(dayLayout), Articles: 1 + i%5})
	}
	chart := string(timelineChart(many, "articles", articleCount))
	if n := strings.Count(chart, "<rect "); n == 0 || n > maxBars || !strings.Contains(chart, `data-unit="month"`) {
		t.Errorf("3000 days: %d bars, unit %v", n, regexp.MustCompile(`data-unit="\w+"`).FindString(chart))
	}
	if len(chart) > 40_000 {
		t.Errorf("3000 days: chart of %d bytes", len(chart))
	}
	// Bars never reach outside the view box.
	for _, m := range regexp.MustCompile(`x="([0-9.]+)" y="([0-9.]+)" width="([0-9.]+)" height="([0-9.]+)"`).FindAllStringSubmatch(chart, -1) {
		var x, y, w, h float64
		fmt.Sscan(m[1], &x)
		fmt.Sscan(m[2], &y)
		fmt.Sscan(m[3], &w)
		fmt.Sscan(m[4], &h)
		if x < chartLeft || x+w > chartWidth+0.01 || y < chartTop-0.01 || y+h > chartHeight-chartBottom+0.01 {
			t.Fatalf("bar outside the plot: %s", m[0])
		}
	}
}

func TestNewHTTPServer(t *testing.T) {
	srv := NewHTTPServer("127.0.0.1:0", nil)
	if srv.ReadHeaderTimeout <= 0 || srv.ReadTimeout <= 0 || srv.WriteTimeout <= DefaultRequestTimeout || srv.IdleTimeout <= 0 {
		t.Errorf("timeouts %v %v %v %v", srv.ReadHeaderTimeout, srv.ReadTimeout, srv.WriteTimeout, srv.IdleTimeout)
	}
}
