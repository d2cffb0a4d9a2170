package ingest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"tidings/internal/shared"
)

// sgmHeader is the first line of every file of the collection.
const sgmHeader = "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"

// sgmDoc writes one invented document in the collection's layout: the
// <REUTERS> tag with attrs, the date, the five category fields (each a
// comma-separated list, written as <D> values) and text, the content of
// <TEXT> with its own tag (so that tests can vary its TYPE).
func sgmDoc(attrs, date string, cats [5]string, text string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<REUTERS %s>\n<DATE>%s</DATE>\n", attrs, date)
	for i, name := range []string{"TOPICS", "PLACES", "PEOPLE", "ORGS", "EXCHANGES"} {
		b.WriteString("<" + name + ">")
		if cats[i] != "" {
			for _, c := range strings.Split(cats[i], ",") {
				b.WriteString("<D>" + c + "</D>")
			}
		}
		b.WriteString("</" + name + ">\n")
	}
	b.WriteString("<COMPANIES></COMPANIES>\n<UNKNOWN> \n&#5;&#5;&#5;Q\n&#22;&#22;&#1;f0001&#31;reute\nu f BC-INVENTED  03-01 0042</UNKNOWN>\n")
	b.WriteString(text)
	b.WriteString("\n</REUTERS>\n")
	return b.String()
}

const (
	attrs7 = `TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="901" NEWID="7"`
	attrs8 = `TOPICS="NO" LEWISSPLIT="TEST" CGISPLIT="PUBLISHED-TESTSET" OLDID="902" NEWID="8"`
	date7  = "3-MAR-1987 09:15:42.10"
	// A story of normal type: title, dateline, body with the trailer.
	normText = "<TEXT>&#2;\n<TITLE>MILLBROOK FERRY LINE ORDERS TWO VESSELS</TITLE>\n" +
		"<DATELINE>    MILLBROOK, March 3 - </DATELINE><BODY>The Millbrook ferry line\n" +
		"said it ordered two vessels &lt;MFL.X> from a yard in Harlow.\n" +
		"    Deliveries &amp; trials start in June.\n Reuter\n&#3;</BODY></TEXT>"
	normBody = "MILLBROOK, March 3 - The Millbrook ferry line\nsaid it ordered two vessels <MFL.X> from a yard in Harlow.\n" +
		"    Deliveries & trials start in June."
)

func TestReadReuters(t *testing.T) {
	utc := func(y int, m time.Month, d, h, mi, s, cs int) time.Time {
		return time.Date(y, m, d, h, mi, s, cs*10_000_000, time.UTC)
	}
	type want struct {
		id, title, body, origin string
		published               time.Time
		tags                    []string
	}
	tests := []struct {
		name  string
		input string
		want  []want
		errs  []string // substrings of the errors, in order
		warns []string // substrings of the warnings, in order
	}{
		{
			name:  "fields of a normal story",
			input: sgmHeader + sgmDoc(attrs7, date7, [5]string{"ship", "uk,france", "", "", ""}, normText),
			want: []want{{id: "reuters:7", title: "MILLBROOK FERRY LINE ORDERS TWO VESSELS", body: normBody,
				origin: "in.sgm:2", published: utc(1987, 3, 3, 9, 15, 42, 10), tags: []string{"ship", "uk", "france"}}},
		},
		{
			name: "tags in field order without duplicates, lower-case and decoded",
			input: sgmHeader + sgmDoc(attrs7, date7, [5]string{"grain,Wheat,grain", "usa", "okafor,okafor", "gatt,usa", "&lt;cbt>"},
				"<TEXT><TITLE>T</TITLE><BODY>b</BODY></TEXT>"),
			want: []want{{id: "reuters:7", title: "T", body: "b", origin: "in.sgm:2", published: utc(1987, 3, 3, 9, 15, 42, 10),
				tags: []string{"grain", "wheat", "usa", "okafor", "gatt", "<cbt>"}}},
		},
		{
			name: "two documents; origins are their <REUTERS lines",
			input: sgmHeader + sgmDoc(attrs7, date7, [5]string{}, normText) +
				sgmDoc(attrs8, " 4-MAR-1987 23:59:01.00", [5]string{}, "<TEXT><TITLE>SECOND</TITLE><BODY>Second body.</BODY></TEXT>"),
			want: []want{
				{id: "reuters:7", title: "MILLBROOK FERRY LINE ORDERS TWO VESSELS", body: normBody, origin: "in.sgm:2", published: utc(1987, 3, 3, 9, 15, 42, 10)},
				{id: "reuters:8", title: "SECOND", body: "Second body.", origin: "in.sgm:22", published: utc(1987, 3, 4, 23, 59, 1, 0)},
			},
		},
		{
			name:  "date noise after the time is ignored",
			input: sgmDoc(attrs7, "3-MAR-1987 09:15:42.10&#9;&#9;&#9;RM F", [5]string{}, "<TEXT><BODY>b</BODY></TEXT>"),
			want:  []want{{id: "reuters:7", body: "b", origin: "in.sgm:1", published: utc(1987, 3, 3, 9, 15, 42, 10)}},
		},
		{
			name:  "date noise after control characters is ignored",
			input: sgmDoc(attrs7, "3-MAR-1987 09:15:42.10&#5;&#5;&#5;G", [5]string{}, "<TEXT><BODY>b</BODY></TEXT>"),
			want:  []want{{id: "reuters:7", body: "b", origin: "in.sgm:1", published: utc(1987, 3, 3, 9, 15, 42, 10)}},
		},
		{
			name:  "character references decoded, control characters dropped",
			input: sgmDoc(attrs7, date7, [5]string{}, "<TEXT><TITLE>A &amp; B&#127;\n  MERGE</TITLE><BODY>&#2;x &#60;y&#62; \x01z\r\n\ttab&#5;&#22;\n Reuter\n&#3;</BODY></TEXT>"),
			want:  []want{{id: "reuters:7", title: "A & B MERGE", body: "x <y> z\n\ttab", origin: "in.sgm:1", published: utc(1987, 3, 3, 9, 15, 42, 10)}},
		},
		{
			name:  "Latin-1 bytes become UTF-8",
			input: sgmDoc(attrs7, date7, [5]string{"", "cura\xe7ao"}, "<TEXT><TITLE>CAF\xc9 PRICES</TITLE><BODY>Se\xf1or Mu\xf1oz paid \xa320.</BODY></TEXT>"),
			want: []want{{id: "reuters:7", title: "CAFÉ PRICES", body: "Señor Muñoz paid £20.", origin: "in.sgm:1",
				published: utc(1987, 3, 3, 9, 15, 42, 10), tags: []string{"curaçao"}}},
		},
		{
			name:  "UTF-8 is kept as it is",
			input: sgmDoc(attrs7, date7, [5]string{}, "<TEXT><BODY>Señor</BODY></TEXT>"),
			want:  []want{{id: "reuters:7", body: "Señor", origin: "in.sgm:1", published: utc(1987, 3, 3, 9, 15, 42, 10)}},
		},
		{
			name:  "title only: the body is the title",
			input: sgmDoc(attrs7, date7, [5]string{}, "<TEXT>&#2;\n<TITLE>HARLOW BANK RAISES RATE</TITLE>\n&#3;</TEXT>"),
			want:  []want{{id: "reuters:7", title: "HARLOW BANK RAISES RATE", body: "HARLOW BANK RAISES RATE", origin: "in.sgm:1", published: utc(1987, 3, 3, 9, 15, 42, 10)}},
		},
		{
			name: "brief: the body is the title, not the filler",
			input: sgmDoc(attrs7, date7, [5]string{}, "<TEXT TYPE=\"BRIEF\">&#2;\n******<TITLE>MILLBROOK SAVINGS UP 12 MLN DLRS IN WEEK\n"+
				"</TITLE>Blah blah blah.\n&#3;\n\n</TEXT>"),
			want: []want{{id: "reuters:7", title: "MILLBROOK SAVINGS UP 12 MLN DLRS IN WEEK", body: "MILLBROOK SAVINGS UP 12 MLN DLRS IN WEEK",
				origin: "in.sgm:1", published: utc(1987, 3, 3, 9, 15, 42, 10)}},
		},
		{
			name: "unprocessed: the body is the text",
			input: sgmDoc(attrs7, date7, [5]string{}, "<TEXT TYPE=\"UNPROC\">&#2;\nHARLOW PORT WEEKLY TONNAGE\n"+
				"    Week ended Mar 1     tonnes\n Grain.........1,204 vs.....998\n Reuter\n&#3;</TEXT>"),
			want: []want{{id: "reuters:7", body: "HARLOW PORT WEEKLY TONNAGE\n    Week ended Mar 1     tonnes\n Grain.........1,204 vs.....998",
				origin: "in.sgm:1", published: utc(1987, 3, 3, 9, 15, 42, 10)}},
		},
		{
			name:  "neither title nor text: skipped silently",
			input: sgmDoc(attrs7, date7, [5]string{"ship"}, "<TEXT TYPE=\"BRIEF\">&#2;\n&#3;</TEXT>") + sgmDoc(attrs8, date7, [5]string{}, "<TEXT><BODY>kept</BODY></TEXT>"),
			want:  []want{{id: "reuters:8", body: "kept", origin: "in.sgm:16", published: utc(1987, 3, 3, 9, 15, 42, 10)}},
		},
		{
			name:  "a bad date is a warning and leaves Published zero",
			input: sgmDoc(attrs7, "31-MAR-1987 605:12:19.12", [5]string{}, "<TEXT><BODY>b</BODY></TEXT>"),
			want:  []want{{id: "reuters:7", body: "b", origin: "in.sgm:1"}},
			warns: []string{`in.sgm:1: unrecognised date "31-MAR-1987 605:12:19.12"`},
		},
		{
			name:  "no NEWID: the id is derived from the text",
			input: "<REUTERS TOPICS=\"NO\">\n<DATE>" + date7 + "</DATE>\n<TEXT><BODY>b</BODY></TEXT>\n</REUTERS>\n",
			want:  []want{{id: "", body: "b", origin: "in.sgm:1", published: utc(1987, 3, 3, 9, 15, 42, 10)}},
		},
		{
			name:  "tags anywhere on a line, lower-case markup",
			input: `<reuters newid=12><date>1-APR-1987 00:00:00.00</date><places><d>uk</d></places><text><title>x</title><body>y</body></text></reuters><REUTERS NEWID='13'><TEXT><BODY>z</BODY></TEXT></REUTERS>`,
			want: []want{
				{id: "reuters:12", title: "x", body: "y", origin: "in.sgm:1", published: utc(1987, 4, 1, 0, 0, 0, 0), tags: []string{"uk"}},
				{id: "reuters:13", body: "z", origin: "in.sgm:1"},
			},
			warns: []string{"in.sgm:1: no <DATE>"},
		},
		{
			name:  "unterminated before the next document",
			input: "<REUTERS NEWID=\"1\">\n<TEXT><BODY>lost\n<REUTERS NEWID=\"2\">\n<TEXT><BODY>found</BODY></TEXT>\n</REUTERS>\n",
			want:  []want{{id: "reuters:2", body: "found", origin: "in.sgm:3"}},
			errs:  []string{"in.sgm:1: unterminated <REUTERS> element: a new <REUTERS> starts on line 3"},
			warns: []string{"no <DATE>"},
		},
		{
			name:  "unterminated at the end",
			input: sgmDoc(attrs7, date7, [5]string{}, "<TEXT><BODY>b</BODY></TEXT>") + "<REUTERS NEWID=\"9\">\n<TEXT><BODY>cut",
			want:  []want{{id: "reuters:7", body: "b", origin: "in.sgm:1", published: utc(1987, 3, 3, 9, 15, 42, 10)}},
			errs:  []string{"in.sgm:15: unterminated <REUTERS> element: the input ends before its </REUTERS>"},
		},
		{
			name:  "stray end tag",
			input: "</REUTERS>\n" + sgmDoc(attrs7, date7, [5]string{}, "<TEXT><BODY>b</BODY></TEXT>"),
			want:  []want{{id: "reuters:7", body: "b", origin: "in.sgm:2", published: utc(1987, 3, 3, 9, 15, 42, 10)}},
			errs:  []string{"in.sgm:1: </REUTERS> without a <REUTERS> before it"},
		},
		{
			name:  "start tag without its >",
			input: "<REUTERS NEWID=\"1\"</REUTERS>\n",
			errs:  []string{"in.sgm:1: malformed <REUTERS> tag"},
		},
		{
			name:  "a stub file of the collection has no documents and no error",
			input: sgmHeader,
			warns: []string{"in.sgm: no <REUTERS> documents"},
		},
		{
			name:  "other input has no documents",
			input: "<html><body>not Reuters</body></html>\n",
			errs:  []string{"in.sgm: no <REUTERS> documents (want Reuters-21578 SGML"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := read(t, "in.sgm", tt.input, Reuters, Options{})
			if len(o.errs) != len(tt.errs) {
				t.Fatalf("errors:\n%s\nwant %d: %q", o.errText(), len(tt.errs), tt.errs)
			}
			for i, e := range tt.errs {
				if !strings.Contains(o.errs[i].Error(), e) {
					t.Errorf("error %d %q does not contain %q", i, o.errs[i], e)
				}
			}
			if len(o.warnings) != len(tt.warns) {
				t.Errorf("warnings %q, want %d: %q", o.warnings, len(tt.warns), tt.warns)
			} else {
				for i, w := range tt.warns {
					if !strings.Contains(o.warnings[i], w) {
						t.Errorf("warning %q does not contain %q", o.warnings[i], w)
					}
				}
			}
			if len(o.articles) != len(tt.want) {
				t.Fatalf("%d articles %+v, want %d", len(o.articles), o.articles, len(tt.want))
			}
			for i, w := range tt.want {
				a := o.articles[i]
				if w.id != "" && a.ID != w.id {
					t.Errorf("article %d: ID %q, want %q", i, a.ID, w.id)
				}
				if w.id == "" && (a.ID == "" || strings.HasPrefix(a.ID, "reuters:")) {
					t.Errorf("article %d: ID %q, want one derived from the text", i, a.ID)
				}
				if a.Title != w.title || a.Body != w.body {
					t.Errorf("article %d: title %q body %q, want %q and %q", i, a.Title, a.Body, w.title, w.body)
				}
				if a.Origin != w.origin || a.Source != "Reuters" || a.URL != "" {
					t.Errorf("article %d: origin %q source %q URL %q, want %q, Reuters, none", i, a.Origin, a.Source, a.URL, w.origin)
				}
				if !a.Published.Equal(w.published) || a.Published.Location() != time.UTC {
					t.Errorf("article %d: published %v, want %v", i, a.Published, w.published)
				}
				if !slices.Equal(a.GoldTags, w.tags) {
					t.Errorf("article %d: tags %q, want %q", i, a.GoldTags, w.tags)
				}
			}
		})
	}
}

func TestReadReutersCategories(t *testing.T) {
	input := sgmHeader +
		sgmDoc(attrs7, date7, [5]string{"grain,wheat", "usa,canada", "okafor", "gatt", "cbt"}, "<TEXT><TITLE>T</TITLE><BODY>b</BODY></TEXT>") +
		sgmDoc(attrs8, date7, [5]string{"", "uk,uk"}, "<TEXT><TITLE>U</TITLE></TEXT>")
	var docs []ReutersDoc
	for d, err := range ReadReuters(context.Background(), "in.sgm", strings.NewReader(input)) {
		if err != nil {
			t.Fatal(err)
		}
		checkArticle(t, d.Article)
		docs = append(docs, d)
	}
	if len(docs) != 2 {
		t.Fatalf("%d documents, want 2", len(docs))
	}
	d := docs[0]
	got := [][]string{d.Topics, d.Places, d.People, d.Orgs, d.Exchanges}
	want := [][]string{{"grain", "wheat"}, {"usa", "canada"}, {"okafor"}, {"gatt"}, {"cbt"}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("categories %q, want %q", got, want)
	}
	if d.LewisSplit != "TRAIN" || d.CGISplit != "TRAINING-SET" || !d.HasTopics {
		t.Errorf("splits %q %q, has topics %v", d.LewisSplit, d.CGISplit, d.HasTopics)
	}
	if d.Article.ID != "reuters:7" || !slices.Equal(d.Article.GoldTags, []string{"grain", "wheat", "usa", "canada", "okafor", "gatt", "cbt"}) {
		t.Errorf("article %+v", d.Article)
	}
	d = docs[1]
	if d.Topics != nil || !slices.Equal(d.Places, []string{"uk"}) || d.HasTopics || d.LewisSplit != "TEST" || d.CGISplit != "PUBLISHED-TESTSET" {
		t.Errorf("second document %+v", d)
	}
	if d.Article.Body != "U" || d.Article.Origin != "in.sgm:16" {
		t.Errorf("second article %+v", d.Article)
	}

	// Stopping early stops reading.
	n := 0
	for range ReadReuters(context.Background(), "in.sgm", strings.NewReader(input)) {
		n++
		break
	}
	if n != 1 {
		t.Errorf("%d documents after break", n)
	}

	// A cancelled context is an error.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for d, err := range ReadReuters(ctx, "in.sgm", strings.NewReader(input)) {
		if err == nil || !strings.HasPrefix(err.Error(), "in.sgm: ") {
			t.Errorf("cancelled: %+v, %v", d, err)
		}
	}
}

func TestReadReutersLimits(t *testing.T) {
	big := sgmDoc(attrs7, date7, [5]string{}, "<TEXT><BODY>"+strings.Repeat("word word\n", 150)+"</BODY></TEXT>")
	small := sgmDoc(attrs8, date7, [5]string{}, "<TEXT><BODY>small</BODY></TEXT>")
	oneLine := strings.ReplaceAll(big, "\n", " ")
	longLine := sgmDoc(attrs7, date7, [5]string{}, "<TEXT><BODY>"+strings.Repeat("word ", 400)+"</BODY></TEXT>")
	tests := []struct {
		name, input string
		err         string
	}{
		{"document over the limit", big + small, "in.sgm:1: input too large: document longer than 1 KiB"},
		{"line over the limit", oneLine + "\n" + small, "in.sgm:1: input too large: line longer than 1 KiB"},
		{"line over the limit in a document", longLine + small, "in.sgm:1: input too large: line 13 is longer than 1 KiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := read(t, "in.sgm", tt.input, Reuters, Options{MaxArticleBytes: 1 << 10})
			if len(o.errs) != 1 || !strings.Contains(o.errs[0].Error(), tt.err) {
				t.Errorf("errors %q, want one containing %q", o.errText(), tt.err)
			}
			if len(o.articles) != 1 || o.articles[0].Body != "small" {
				t.Errorf("articles %+v, want the small one", o.articles)
			}
		})
	}
}

func TestReadReutersAuto(t *testing.T) {
	doc := sgmDoc(attrs7, date7, [5]string{}, "<TEXT><BODY>b</BODY></TEXT>")
	for _, tt := range []struct{ name, input string }{
		{"reut2-000.sgm", doc},
		{"in", sgmHeader + doc},
		{"in", "\n" + doc},
	} {
		o := read(t, tt.name, tt.input, Auto, Options{})
		if len(o.errs) != 0 || len(o.articles) != 1 || o.articles[0].ID != "reuters:7" {
			t.Errorf("%s %.20q: %+v, errors %q", tt.name, tt.input, o.articles, o.errText())
		}
	}
}

// TestReadReutersCollection reads the files of the collection in ../shared.
// The copy there may hold fewer than the 21,578 documents (some files are
// stubs), so the expected count is computed from the files: every <REUTERS
// element except those with neither title nor text.
func TestReadReutersCollection(t *testing.T) {
	dir := shared.Path(t, "data", "reuters21578")
	paths, err := filepath.Glob(filepath.Join(dir, "reut2-*.sgm"))
	if err != nil || len(paths) != 22 {
		t.Fatalf("%d reut2-*.sgm files (%v), want 22", len(paths), err)
	}
	elements, empty := 0, 0
	articles, withTopics, withTopicsAttr := 0, 0, 0
	var first *ReutersDoc
	ids := map[string]bool{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		e, x := countReutersElements(data)
		elements += e
		empty += x
		var warns []string
		opt := Options{Warn: func(msg string) { warns = append(warns, msg) }}
		for a, err := range Read(context.Background(), p, bytes.NewReader(data), Auto, opt) {
			if err != nil {
				t.Errorf("%v", err)
				continue
			}
			checkArticle(t, a)
			if ids[a.ID] {
				t.Errorf("%s: duplicate ID %s", a.Origin, a.ID)
			}
			ids[a.ID] = true
			articles++
		}
		for _, w := range warns {
			t.Logf("warning: %s", w)
		}
		for d, err := range ReadReuters(context.Background(), p, bytes.NewReader(data)) {
			if err != nil {
				continue // reported above
			}
			if len(d.Topics) > 0 {
				withTopics++
			}
			if d.HasTopics {
				withTopicsAttr++
			}
			if d.Article.ID == "reuters:1" {
				first = &d
			}
		}
	}
	t.Logf("%d <REUTERS elements, %d with neither title nor text; %d articles, %d with TOPICS categories, %d with TOPICS=\"YES\"",
		elements, empty, articles, withTopics, withTopicsAttr)
	if articles != elements-empty {
		t.Errorf("%d articles, want %d (%d elements less %d empty)", articles, elements-empty, elements, empty)
	}
	if first == nil {
		t.Fatal("no document with NEWID 1")
	}
	a := first.Article
	if a.Title != "BAHIA COCOA REVIEW" || !strings.HasPrefix(a.Body, "SALVADOR, Feb 26 - Showers continued throughout the week in\nthe Bahia cocoa zone") {
		t.Errorf("NEWID 1: title %q, body %.60q", a.Title, a.Body)
	}
	if want := time.Date(1987, 2, 26, 15, 1, 1, 790_000_000, time.UTC); !a.Published.Equal(want) {
		t.Errorf("NEWID 1: published %v, want %v", a.Published, want)
	}
	if !slices.Equal(a.GoldTags, []string{"cocoa", "el-salvador", "usa", "uruguay"}) || !slices.Equal(first.Topics, []string{"cocoa"}) {
		t.Errorf("NEWID 1: tags %q, topics %q", a.GoldTags, first.Topics)
	}
	if !strings.HasSuffix(a.Origin, "reut2-000.sgm:2") {
		t.Errorf("NEWID 1: origin %q", a.Origin)
	}
}

// countReutersElements counts the <REUTERS elements of a file of the
// collection, and those with neither a title nor text (a BODY, or the
// content of an UNPROC TEXT), by plain string search, independently of the
// reader.
func countReutersElements(data []byte) (elements, empty int) {
	s := string(data)
	for {
		i := strings.Index(s, "<REUTERS ")
		if i < 0 {
			return elements, empty
		}
		elements++
		s = s[i+1:]
		doc := s
		if j := strings.Index(doc, "</REUTERS>"); j >= 0 {
			doc = doc[:j]
		}
		hasText := func(open, close string) bool {
			_, after, ok := strings.Cut(doc, open)
			if !ok {
				return false
			}
			inner, _, _ := strings.Cut(after, close)
			for _, junk := range []string{"&#2;", "&#3;"} {
				inner = strings.ReplaceAll(inner, junk, "")
			}
			return strings.TrimSpace(inner) != ""
		}
		if !hasText("<TITLE>", "</TITLE>") && !hasText("<BODY>", "</BODY>") && !hasText(`<TEXT TYPE="UNPROC">`, "</TEXT>") {
			empty++
		}
	}
}

func TestReadReutersSample(t *testing.T) {
	o := readTestdata(t, "sample.sgm", Reuters)
	if len(o.errs) != 0 || len(o.warnings) != 0 || len(o.articles) != 3 {
		t.Fatalf("%d articles, errors %q, warnings %q; want 3 articles", len(o.articles), o.errText(), o.warnings)
	}
	a := o.articles[0]
	wantBody := "MILLBROOK, March 2 - <Millbrook Ferry Line Ltd> said\nit will open a weekly route to Lisbon in May, run by João\n" +
		"Araújo, its new Portuguese manager.\n    Fares start at 120 stg & include a cabin, it said."
	if a.ID != "reuters:1" || a.Title != "MILLBROOK FERRY LINE ADDS LISBON ROUTE" || a.Body != wantBody || a.Origin != "sample.sgm:2" ||
		!slices.Equal(a.GoldTags, []string{"ship", "uk", "portugal"}) || !a.Published.Equal(time.Date(1987, 3, 2, 10, 4, 11, 250_000_000, time.UTC)) {
		t.Errorf("first article %+v", a)
	}
	a = o.articles[1]
	if a.ID != "reuters:2" || a.Title != "HARLOW SAVINGS BANK SETS QUARTERLY PAYOUT" || a.Body != a.Title || a.Origin != "sample.sgm:23" {
		t.Errorf("brief article %+v", a)
	}
	a = o.articles[2]
	if a.ID != "reuters:3" || a.Title != "" || !strings.HasPrefix(a.Body, "HARLOW GRAIN STOCKS - MARCH 2\n    Tonnes") ||
		!slices.Equal(a.GoldTags, []string{"grain", "uk", "liffe"}) || a.Published.IsZero() {
		t.Errorf("unprocessed article %+v", a)
	}
}
