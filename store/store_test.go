package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"tidings/record"
)

// The suite below runs against every Store implementation: each opener
// returns an empty store that the test closes.
var openers = map[string]func(t testing.TB) Store{
	"sqlite": func(t testing.TB) Store {
		s, err := Open(context.Background(), filepath.Join(t.TempDir(), "archive.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	},
	"postgres": openPostgresForTest, // a fresh database on $TIDINGS_TEST_POSTGRES
}

func forEachStore(t *testing.T, test func(t *testing.T, s Store)) {
	for name, open := range openers {
		t.Run(name, func(t *testing.T) { test(t, open(t)) })
	}
}

// makeRecord builds an analysis object with the entities named in ents
// ("id|name|type" each, mentioned once at the first occurrence of name).
func makeRecord(id, published, title, body string, tags []string, ents ...string) record.Record {
	text := title + "\n\n" + body
	r := record.Record{ID: id, Title: title, Published: published, Text: text, GoldTags: []string{}}
	for i, t := range tags {
		r.Tags = append(r.Tags, record.Tag{Tag: t, Score: 1 - float64(i)/10})
	}
	for _, e := range ents {
		f := strings.Split(e, "|")
		start := strings.Index(text, f[1])
		r.Entities = append(r.Entities, record.Entity{ID: f[0], Name: f[1], Type: f[2], Salience: 0.5,
			Mentions: []record.Mention{{Start: start, End: start + len(f[1]), Text: f[1]}}})
	}
	r.Dates = []record.Date{{Start: 0, End: 1, Text: "x", Type: "DATE", Value: published}}
	return r
}

// Invented articles, written for these tests.
var (
	harbour = makeRecord("a1", "2024-03-04", "Harbour cranes stand idle in Rotterdam strike",
		"Dock workers in Rotterdam walked out on Monday over pay. The port authority said container ships were diverted to Antwerp while the strike lasts.",
		[]string{"Rotterdam", "Strikes"}, "Q34370|Rotterdam|LOC", "Q12892|Antwerp|LOC")
	wheat = makeRecord("a2", "2024-03-05", "Wheat prices climb as dry spell hits plains",
		"Wheat futures rose for a third day as forecasters said the dry spell over the plains could last into April. Traders in Chicago bought contracts.",
		[]string{"Wheat", "Chicago"}, "Q1297|Chicago|LOC")
	ferry = makeRecord("a3", "2024-03-07", "Ferry service resumes after storm",
		"The ferry between Rotterdam and Hull sailed again on Thursday after the storm passed, the operator said. Dock workers cleared debris.",
		[]string{"Rotterdam", "Ferries"}, "Q34370|Rotterdam|LOC", "Q128147|Hull|LOC")
)

func TestPutIsIdempotent(t *testing.T) {
	forEachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		first, err := s.Put(ctx, harbour)
		if err != nil || first.Status != StatusNew || first.Story != first.ID {
			t.Fatalf("first Put = %+v, %v", first, err)
		}
		sameURL := wheat
		sameURL.URL = "https://news.example/a"
		withURL := harbour
		withURL.URL = "https://news.example/a"
		reflowed := harbour
		reflowed.Text = strings.ToUpper(strings.ReplaceAll(harbour.Text, " ", "  \n"))
		for _, tc := range []struct {
			name string
			rec  record.Record
		}{
			{"same record", harbour},
			{"same text in other case and spacing", reflowed},
		} {
			got, err := s.Put(ctx, tc.rec)
			if err != nil || got.Status != StatusDuplicate || got.ID != first.ID {
				t.Errorf("%s: Put = %+v, %v; want duplicate of %d", tc.name, got, err, first.ID)
			}
		}
		// The URL is stored with the first article that has it.
		other, err := s.Put(ctx, sameURL)
		if err != nil || other.Status != StatusNew {
			t.Fatalf("Put(wheat with URL) = %+v, %v", other, err)
		}
		got, err := s.Put(ctx, withURL)
		if err != nil || got.Status != StatusDuplicate || got.ID != first.ID {
			t.Errorf("Put(harbour with wheat's URL) = %+v, %v; want a duplicate", got, err)
		}
		ferryWithURL := ferry
		ferryWithURL.URL = sameURL.URL
		got, err = s.Put(ctx, ferryWithURL)
		if err != nil || got.Status != StatusDuplicate || got.ID != other.ID {
			t.Errorf("Put(ferry with wheat's URL) = %+v, %v; want duplicate of %d", got, err, other.ID)
		}
		st, err := s.Stats(ctx)
		if err != nil || st.Articles != 2 {
			t.Errorf("Stats = %+v, %v; want 2 articles", st, err)
		}
		if id, err := s.Known(ctx, "", reflowed.Text); err != nil || id != first.ID {
			t.Errorf("Known(reflowed text) = %d, %v; want %d", id, err, first.ID)
		}
		if id, err := s.Known(ctx, "https://other.example/", ferry.Text); err != nil || id != 0 {
			t.Errorf("Known(new article) = %d, %v; want 0", id, err)
		}
	})
}

func TestNearDuplicatesJoinOneStory(t *testing.T) {
	long := strings.Repeat("The council met on Tuesday to discuss the budget for the coming year and agreed to raise spending on schools, roads and the library. ", 1) +
		"Members argued for two hours about the bus routes. The mayor said the plan was fair. Opposition members said taxes would rise. " +
		"A vote on the final budget is expected next month after a public consultation in every district of the town."
	edited := strings.Replace(long, "two hours", "three hours", 1)
	unrelated := "Heavy snow closed the mountain pass for a second day and stranded dozens of lorries near the border crossing, police said on Sunday."
	forEachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		a, err := s.Put(ctx, makeRecord("c1", "2024-01-01", "Council agrees budget", long, nil))
		if err != nil {
			t.Fatal(err)
		}
		b, err := s.Put(ctx, makeRecord("c2", "2024-01-01", "Council agrees budget", edited, nil))
		if err != nil {
			t.Fatal(err)
		}
		if b.Status != StatusNew || b.NearDuplicateOf != a.ID || b.Story != a.ID {
			t.Errorf("edited copy: %+v; want a new article in story %d", b, a.ID)
		}
		c, err := s.Put(ctx, makeRecord("c3", "2024-01-01", "Snow closes pass", unrelated, nil))
		if err != nil {
			t.Fatal(err)
		}
		if c.NearDuplicateOf != 0 || c.Story != c.ID {
			t.Errorf("unrelated article: %+v; want its own story", c)
		}
		got, err := s.Article(ctx, b.ID)
		if err != nil || got.Story != a.ID {
			t.Errorf("Article(%d).Story = %v, %v; want %d", b.ID, got, err, a.ID)
		}
	})
}

// TestNearDuplicateCandidatesBounded stores more articles than the bound
// with one simhash, as a feed of templated items has, and checks that the
// band index offers a new article only the latest nearDuplicateCandidates
// of them, so that the look-up's work does not grow with the archive.
func TestNearDuplicateCandidatesBounded(t *testing.T) {
	const n = 2*nearDuplicateCandidates + 30
	const sim = uint64(0x0123456789abcdef)
	bands := simhashBands(sim)
	forEachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		var ids []int64
		for i := range n {
			res, err := s.Put(ctx, makeRecord(fmt.Sprintf("t%d", i), "2024-01-01", fmt.Sprintf("Item %d", i), fmt.Sprintf("Templated item number %d.", i), nil))
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, res.ID)
		}
		// Every article gets the same simhash, and so all seven bands.
		var candidates []int64
		collect := func(id, story, csim int64) { candidates = append(candidates, id) }
		switch s := s.(type) {
		case *SQLite:
			if _, err := s.write.ExecContext(ctx, `DELETE FROM simhash_bands`); err != nil {
				t.Fatal(err)
			}
			if _, err := s.write.ExecContext(ctx, `UPDATE articles SET simhash = ?`, int64(sim)); err != nil {
				t.Fatal(err)
			}
			for _, b := range bands {
				if _, err := s.write.ExecContext(ctx, `INSERT INTO simhash_bands SELECT ?, id FROM articles`, b); err != nil {
					t.Fatal(err)
				}
			}
			args := make([]any, len(bands))
			for i, b := range bands {
				args[i] = b
			}
			rows, err := s.write.QueryContext(ctx, sqlNearDuplicates, args...)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var id, story, csim int64
				if err := rows.Scan(&id, &story, &csim); err != nil {
					t.Fatal(err)
				}
				collect(id, story, csim)
			}
			if err := rows.Err(); err != nil {
				t.Fatal(err)
			}
			rows.Close()
			// The earliest candidate within the bound is the near-duplicate.
			tx, err := s.write.BeginTx(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			near, _, err := nearDuplicate(ctx, writeTx{s, tx}, sim^0b101)
			tx.Rollback()
			if err != nil || near != ids[n-nearDuplicateCandidates] {
				t.Errorf("nearDuplicate = %d, %v; want %d, the earliest of the latest %d", near, err, ids[n-nearDuplicateCandidates], nearDuplicateCandidates)
			}
		case *Postgres:
			if _, err := s.pool.Exec(ctx, `DELETE FROM simhash_bands`); err != nil {
				t.Fatal(err)
			}
			if _, err := s.pool.Exec(ctx, `UPDATE articles SET simhash = $1`, int64(sim)); err != nil {
				t.Fatal(err)
			}
			if _, err := s.pool.Exec(ctx, `INSERT INTO simhash_bands SELECT b, id FROM articles, unnest($1::bigint[]) b`, bands[:]); err != nil {
				t.Fatal(err)
			}
			rows, err := s.pool.Query(ctx, pgNearDuplicates, bands[:], nearDuplicateCandidates)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var id, story, csim int64
				if err := rows.Scan(&id, &story, &csim); err != nil {
					t.Fatal(err)
				}
				collect(id, story, csim)
			}
			if err := rows.Err(); err != nil {
				t.Fatal(err)
			}
		default:
			t.Fatalf("no candidate query for %T", s)
		}
		if want := ids[n-nearDuplicateCandidates:]; !slices.Equal(candidates, want) {
			t.Errorf("%d candidates %v…; want the latest %d of %d, oldest first", len(candidates), candidates[:min(len(candidates), 3)], len(want), n)
		}
	})
}

func TestSimhashDistance(t *testing.T) {
	base := "Officials said the new bridge across the river would open in the spring after two years of work and delays caused by floods and a shortage of steel."
	tests := []struct {
		name string
		b    string
		near bool
	}{
		{"same words, other punctuation and case", strings.ToUpper(strings.ReplaceAll(base, ",", " ; ")), true},
		{"other text", "Shares in the airline fell sharply after it cut its profit forecast for the year.", false},
		{"same topic, other words", "The bridge over the river opens in spring, officials said, after floods and a lack of steel delayed the work.", false},
	}
	for _, tc := range tests {
		d := hamming(Simhash(base), Simhash(tc.b))
		if near := d <= NearDuplicateBits; near != tc.near {
			t.Errorf("%s: distance %d, near = %v; want %v", tc.name, d, near, tc.near)
		}
	}
}

func TestArticleRoundTrip(t *testing.T) {
	forEachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		rec := ferry
		rec.Events = []record.Event{{CAMEO: "190", PLOVER: "ASSAULT", Source: record.Actor{Text: "x", Code: "NLD"}}}
		res, err := s.Put(ctx, rec)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Article(ctx, res.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Analysis, rec) {
			t.Errorf("stored analysis differs:\n got %+v\nwant %+v", got.Analysis, rec)
		}
		if time.Since(got.Ingested) > time.Hour {
			t.Errorf("Ingested = %v", got.Ingested)
		}
		if _, err := s.Article(ctx, res.ID+100); !errors.Is(err, ErrNotFound) {
			t.Errorf("Article(missing) error = %v; want ErrNotFound", err)
		}
		st, err := s.Stats(ctx)
		if err != nil || st.Events != 1 || st.Entities != 2 || st.Dates != 1 {
			t.Errorf("Stats = %+v, %v", st, err)
		}
	})
}

func day0(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// mustPut stores records, failing the test on the first error.
func mustPut(t *testing.T, s Store, rs ...record.Record) {
	t.Helper()
	for _, r := range rs {
		if _, err := s.Put(context.Background(), r); err != nil {
			t.Fatal(err)
		}
	}
}

func TestSearch(t *testing.T) {
	forEachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		mustPut(t, s, harbour, wheat, ferry)
		tests := []struct {
			name  string
			q     Query
			want  []string // titles' first words, in order
			total int
		}{
			{"one word", Query{Text: "rotterdam"}, []string{"Harbour", "Ferry"}, 2},
			{"title weighs more", Query{Text: "ferry"}, []string{"Ferry"}, 1},
			{"stemmed", Query{Text: "striking"}, []string{"Harbour"}, 1},
			{"all words required", Query{Text: "dock storm"}, []string{"Ferry"}, 1},
			{"or", Query{Text: "wheat OR storm"}, nil, 2},
			{"phrase", Query{Text: `"dock workers cleared"`}, []string{"Ferry"}, 1},
			{"prefix", Query{Text: "contr*"}, []string{"Wheat"}, 1},
			{"fts syntax is literal", Query{Text: `NEAR(dock AND) "unclosed *:- ^`}, nil, 0},
			{"punctuation only", Query{Text: `"" * -`}, nil, 0},
			{"no text: newest first", Query{}, []string{"Ferry", "Wheat", "Harbour"}, 3},
			{"entity", Query{Entity: "Q34370"}, []string{"Ferry", "Harbour"}, 2},
			{"tag any case", Query{Tag: "ROTTERDAM", Text: "strike"}, []string{"Harbour"}, 1},
			{"from", Query{From: day0("2024-03-05")}, []string{"Ferry", "Wheat"}, 2},
			{"to", Query{To: day0("2024-03-05")}, []string{"Wheat", "Harbour"}, 2},
			{"limit and offset", Query{Limit: 1, Offset: 1}, []string{"Wheat"}, 3},
			{"offset past the end", Query{Offset: 10}, nil, 3},
		}
		for _, tc := range tests {
			res, err := s.Search(ctx, tc.q)
			if err != nil {
				t.Errorf("%s: %v", tc.name, err)
				continue
			}
			got := firstWords(res)
			if res.Total != tc.total || (tc.want != nil && !reflect.DeepEqual(got, tc.want)) {
				t.Errorf("%s: total %d hits %v; want %d %v", tc.name, res.Total, got, tc.total, tc.want)
			}
		}
		res, err := s.Search(ctx, Query{Text: "diverted"})
		if err != nil || len(res.Hits) != 1 {
			t.Fatalf("Search(diverted) = %+v, %v", res, err)
		}
		h := res.Hits[0]
		if !strings.Contains(h.Snippet, MarkStart+"diverted"+MarkEnd) || h.Score <= 0 {
			t.Errorf("hit = %+v; want the match marked and a positive score", h)
		}
		if !reflect.DeepEqual(h.Tags, []string{"Rotterdam", "Strikes"}) || h.Published != "2024-03-04" {
			t.Errorf("hit = %+v", h)
		}
	})
}

func TestEntitiesTagsTimeline(t *testing.T) {
	forEachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		mustPut(t, s, harbour, wheat, ferry)
		e, err := s.Entity(ctx, "Q34370", Query{})
		if err != nil {
			t.Fatal(err)
		}
		wantTimeline := []Bucket{{Date: "2024-03-04", Articles: 1, Mentions: 1}, {Date: "2024-03-07", Articles: 1, Mentions: 1}}
		if e.Name != "Rotterdam" || e.Articles != 2 || e.Mentions != 2 || !reflect.DeepEqual(e.Timeline, wantTimeline) {
			t.Errorf("Entity = %+v", e)
		}
		if e, err := s.Entity(ctx, "Q34370", Query{Text: "ferry"}); err != nil || len(e.Timeline) != 1 {
			t.Errorf("Entity(text filter) = %+v, %v", e, err)
		}
		if _, err := s.Entity(ctx, "Q1", Query{}); !errors.Is(err, ErrNotFound) {
			t.Errorf("Entity(unknown) error = %v", err)
		}
		ents, err := s.Entities(ctx, "", 2)
		if err != nil || len(ents) != 2 || ents[0].ID != "Q34370" {
			t.Errorf("Entities = %+v, %v", ents, err)
		}
		ents, err = s.Entities(ctx, "ch", 10)
		if err != nil || len(ents) != 1 || ents[0].Name != "Chicago" {
			t.Errorf("Entities(ch) = %+v, %v", ents, err)
		}
		tags, err := s.Tags(ctx, "", 10)
		if err != nil || len(tags) != 5 || tags[0] != (TagCount{"Rotterdam", 2}) {
			t.Errorf("Tags = %+v, %v", tags, err)
		}
		tags, err = s.Tags(ctx, "f", 10)
		if err != nil || len(tags) != 1 || tags[0].Tag != "Ferries" {
			t.Errorf("Tags(f) = %+v, %v", tags, err)
		}
		tl, err := s.Timeline(ctx, Query{Text: "dock"})
		want := []Bucket{{Date: "2024-03-04", Articles: 1}, {Date: "2024-03-07", Articles: 1}}
		if err != nil || !reflect.DeepEqual(tl, want) {
			t.Errorf("Timeline(dock) = %+v, %v", tl, err)
		}
	})
}

func TestFeedState(t *testing.T) {
	forEachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		if _, ok, err := s.Feed(ctx, "https://feeds.example/rss"); ok || err != nil {
			t.Fatalf("Feed(new) = %v, %v", ok, err)
		}
		now := time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC)
		st := FeedState{URL: "https://feeds.example/rss", ETag: `"v1"`, LastModified: "Wed, 01 May 2024 09:00:00 GMT",
			LastPolled: now, NextPoll: now.Add(15 * time.Minute), Failures: 2, LastError: "timeout"}
		for range 2 { // the second save overwrites
			if err := s.SaveFeed(ctx, st); err != nil {
				t.Fatal(err)
			}
		}
		got, ok, err := s.Feed(ctx, st.URL)
		if err != nil || !ok || !reflect.DeepEqual(got, st) {
			t.Errorf("Feed = %+v, %v, %v; want %+v", got, ok, err, st)
		}
	})
}

func TestPutFailsWhole(t *testing.T) {
	forEachStore(t, func(t *testing.T, s Store) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := s.Put(ctx, harbour); err == nil {
			t.Fatal("Put with a cancelled context succeeded")
		}
		if _, err := s.Put(context.Background(), record.Record{Title: "Empty"}); err == nil {
			t.Fatal("Put of an empty text succeeded")
		}
		st, err := s.Stats(context.Background())
		if err != nil || st != (Stats{}) {
			t.Errorf("Stats after failed Puts = %+v, %v; want nothing stored", st, err)
		}
	})
}

func TestConcurrentUse(t *testing.T) {
	forEachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		var wg sync.WaitGroup
		errs := make(chan error, 100)
		for w := range 4 {
			wg.Add(2)
			go func() {
				defer wg.Done()
				for i := range 10 {
					r := makeRecord(fmt.Sprint(w, i), "2024-02-01", fmt.Sprintf("Report %d from desk %d", i, w),
						fmt.Sprintf("Desk %d filed report number %d about the harbour and the weather.", w, i), []string{"Desk"})
					if _, err := s.Put(ctx, r); err != nil {
						errs <- err
					}
				}
			}()
			go func() {
				defer wg.Done()
				for range 10 {
					if _, err := s.Search(ctx, Query{Text: "harbour"}); err != nil {
						errs <- err
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		if st, _ := s.Stats(ctx); st.Articles != 40 {
			t.Errorf("stored %d articles, want 40", st.Articles)
		}
	})
}

func TestSQLiteReopenAndVersion(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sub", "a.db")
	s, err := OpenSQLite(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(ctx, harbour); err != nil {
		t.Fatal(err)
	}
	if _, err := s.write.ExecContext(ctx, `INSERT INTO schema_migrations VALUES (?, 'later')`, SchemaVersion()+1); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := OpenSQLite(ctx, path); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Fatalf("opening a newer schema: %v; want an error saying so", err)
	}
	s, err = OpenSQLite(ctx, path+"2")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
}

func TestFTSQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"oil", `"oil"`},
		{"oil prices", `"oil" AND "prices"`},
		{`"crude oil" OR gas`, `"crude oil" OR "gas"`},
		{"OR oil", `"oil"`},
		{`say "hi`, `"say" AND "hi"`},
		{`a"b`, `"a""b"`},
		{"petro*", `"petro"*`},
		{"- * ()", ""},
		{"oil\x00 gas", `"oil" AND "gas"`},
		{strings.Repeat("w ", 40), `"w"`}, // a repeated term matches nothing more
		{"w W, w OR w", `"w" OR "w"`},
		{"w w* OR x", `"w" AND "w"* OR "x"`},
		{strings.Repeat("w ", 40) + "x OR y z", `"w" AND "x" OR "y" AND "z"`},
		{strings.Repeat("x", 300), `"` + strings.Repeat("x", 256) + `"`},
	}
	for _, tc := range tests {
		if got := ftsQuery(tc.in); got != tc.want {
			t.Errorf("ftsQuery(%q) = %s; want %s", tc.in, got, tc.want)
		}
	}
}

func TestCheckText(t *testing.T) {
	words := func(n int, sep string) string {
		ws := make([]string, n)
		for i := range ws {
			ws[i] = fmt.Sprintf("w%d", i)
		}
		return strings.Join(ws, sep)
	}
	prefixes := func(n int, sep string) string {
		ws := make([]string, n)
		for i := range ws {
			ws[i] = fmt.Sprintf("pre%d*", i)
		}
		return strings.Join(ws, sep)
	}
	letters := make([]string, 160)
	for i := range letters {
		letters[i] = string(rune('a'+i%26)) + "*"
	}
	tests := []struct {
		q     string
		limit string // a part of the error's message; "" for none
	}{
		{"", ""},
		{"oil prices", ""},
		{words(32, " "), ""},
		{words(33, " "), "more than 32 words"},
		{`"` + words(20, " ") + `" ` + words(12, " "), ""},
		{`"` + words(20, " ") + `" ` + words(13, " "), "more than 32 words"},
		{`"` + words(33, " ") + `"`, "more than 32 words"},
		{strings.Repeat("dock ", 3000), ""}, // one term, repeated
		{strings.Repeat(`"dock workers" `, 100), ""},
		{words(8, " OR "), ""},
		{words(9, " OR "), "more than 8 alternatives"},
		{"a b OR c d OR e f OR g h OR i j OR k l OR m n OR o p", ""},
		{"a b OR c d OR e f OR g h OR i j OR k l OR m n OR o p OR q", "more than 8 alternatives"},
		{"OR OR a OR OR b OR", ""},
		{"econ*", ""},
		{"eco*", ""},
		{"ec*", `the prefix "ec*" has fewer than 3`},
		{"a*", `the prefix "a*" has fewer than 3`},
		{"dock-wo*", `the prefix "wo*" has fewer than 3`}, // the last word is the prefix
		{"漢字語*", ""},
		{"é*", `fewer than 3`},
		{prefixes(4, " OR "), ""},
		{prefixes(5, " OR "), "more than 4 prefixes"},
		{prefixes(5, " "), "more than 4 prefixes"},
		{"econ* econ* econ* econ* econ*", ""}, // one prefix, repeated
		{strings.Join(letters, " OR "), `the prefix "a*" has fewer than 3`},
		{strings.Repeat("x", 5000) + "*", ""}, // cut to 256 bytes
	}
	for _, tc := range tests {
		err := Query{Text: tc.q}.CheckText()
		switch {
		case tc.limit == "" && err != nil:
			t.Errorf("CheckText(%.60q) = %v; want nil", tc.q, err)
		case tc.limit != "" && (!errors.Is(err, ErrQueryLimit) || !strings.Contains(err.Error(), tc.limit)):
			t.Errorf("CheckText(%.60q) = %v; want ErrQueryLimit naming %q", tc.q, err, tc.limit)
		}
	}
}

// TestSearchRefusesOverLimits checks that every entry point with a text
// refuses a query over the bounds before running it.
func TestSearchRefusesOverLimits(t *testing.T) {
	letters := make([]string, 160)
	for i := range letters {
		letters[i] = string(rune('a'+i%26)) + "*"
	}
	q := Query{Text: strings.Join(letters, " OR ")}
	forEachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		mustPut(t, s, harbour, wheat, ferry)
		if _, err := s.Search(ctx, q); !errors.Is(err, ErrQueryLimit) {
			t.Errorf("Search: %v; want ErrQueryLimit", err)
		}
		if _, err := s.Timeline(ctx, q); !errors.Is(err, ErrQueryLimit) {
			t.Errorf("Timeline: %v; want ErrQueryLimit", err)
		}
		if _, err := s.Entity(ctx, "Q34370", q); !errors.Is(err, ErrQueryLimit) {
			t.Errorf("Entity: %v; want ErrQueryLimit", err)
		}
		if res, err := s.Search(ctx, Query{Text: "rott* OR chic*"}); err != nil || res.Total != 3 {
			t.Errorf("Search(two prefixes) = %+v, %v; want 3 hits", res, err)
		}
	})
}

// TestSQLiteConcurrentFirstOpen opens one new archive file from several
// stores at once, as workers started together do: every open succeeds and
// the schema is created once.
func TestSQLiteConcurrentFirstOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	ctx := context.Background()
	const n = 6
	errs := make(chan error, n)
	for range n {
		go func() {
			s, err := OpenSQLite(ctx, path)
			if err == nil {
				err = s.Close()
			}
			errs <- err
		}()
	}
	for range n {
		if err := <-errs; err != nil {
			t.Errorf("open: %v", err)
		}
	}
}

func TestSearchByEvent(t *testing.T) {
	forEachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		strike, grain, boat := harbour, wheat, ferry
		strike.Events = []record.Event{{CAMEO: "143", PLOVER: "PROTEST", Source: record.Actor{Code: "NLDLAB"}, Target: record.Actor{Code: "NLDBUS"}}}
		grain.Events = []record.Event{{CAMEO: "0331", PLOVER: "AGREE", Source: record.Actor{Code: "USAGOV"}, Target: record.Actor{Code: "---"}}}
		boat.Events = []record.Event{{CAMEO: "190", PLOVER: "ASSAULT", Source: record.Actor{Code: "---"}, Target: record.Actor{Code: "GBRCVL"}}}
		mustPut(t, s, strike, grain, boat)
		tests := []struct {
			name string
			q    Query
			want []string
		}{
			{"code prefix", Query{Event: "14"}, []string{"Harbour"}},
			{"four-digit code by its root", Query{Event: "03"}, []string{"Wheat"}},
			{"PLOVER, any case", Query{Event: "assault"}, []string{"Ferry"}},
			{"actor as target", Query{Actor: "gbr"}, []string{"Ferry"}},
			{"actor and event together", Query{Event: "14", Actor: "NLDLAB"}, []string{"Harbour"}},
			{"actor of another event", Query{Event: "19", Actor: "NLD"}, nil},
			{"with text", Query{Text: "rotterdam", Event: "19"}, []string{"Ferry"}},
		}
		for _, tc := range tests {
			res, err := s.Search(ctx, tc.q)
			if err != nil {
				t.Errorf("%s: %v", tc.name, err)
				continue
			}
			got := firstWords(res)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
			}
		}
		for _, bad := range []Query{{Event: "1"}, {Event: "19%"}, {Event: "AS_SAULT"}, {Actor: "KAZ%"}, {Actor: "a b"}} {
			if _, err := s.Search(ctx, bad); err == nil {
				t.Errorf("Search(%+v): no error", bad)
			}
			if _, err := s.Timeline(ctx, bad); err == nil {
				t.Errorf("Timeline(%+v): no error", bad)
			}
		}
	})
}

// firstWords returns the first word of each hit's title.
func firstWords(res *Results) []string {
	var out []string
	for _, h := range res.Hits {
		out = append(out, strings.Fields(h.Title)[0])
	}
	return out
}

func TestEvents(t *testing.T) {
	forEachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		strike, grain, boat := harbour, wheat, ferry
		strike.Events = []record.Event{
			{CAMEO: "143", PLOVER: "PROTEST", Goldstein: -6.5, Source: record.Actor{Code: "NLDLAB"}, Target: record.Actor{Code: "NLDBUS"}, Date: "2026-03-02"},
			{CAMEO: "175", PLOVER: "COERCE", Source: record.Actor{Code: "NLDCOP"}, Target: record.Actor{Code: "NLDLAB"}, Date: "2026-03-01", Injured: 4},
		}
		grain.Events = []record.Event{{CAMEO: "0331", PLOVER: "AGREE", Source: record.Actor{Code: "USAGOV", Entity: "Q30"}, Target: record.Actor{Code: "---"}, Date: "2026-02-20"}}
		boat.Events = []record.Event{{CAMEO: "190", PLOVER: "ASSAULT", Source: record.Actor{Code: "---"}, Target: record.Actor{Code: "GBRCVL"}, Date: "2026-03-05", Dead: 2, Location: "Q90"}}
		mustPut(t, s, strike, grain, boat)
		day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
		for _, tc := range []struct {
			name string
			q    Query
			want []string // cameo codes in the order given
		}{
			{"all, by date", Query{}, []string{"0331", "175", "143", "190"}},
			{"from", Query{From: day("2026-03-02")}, []string{"143", "190"}},
			{"to", Query{To: day("2026-03-01")}, []string{"0331", "175"}},
			{"code prefix", Query{Event: "14"}, []string{"143"}},
			{"PLOVER", Query{Event: "coerce"}, []string{"175"}},
			{"actor as source or target", Query{Actor: "NLDLAB"}, []string{"175", "143"}},
			{"nothing", Query{Actor: "KAZ"}, nil},
		} {
			var got []string
			err := s.Events(ctx, tc.q, func(e EventRow) error {
				got = append(got, e.CAMEO)
				return nil
			})
			if err != nil {
				t.Errorf("%s: %v", tc.name, err)
				continue
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
			}
		}
		// A row carries the event and its article.
		var rows []EventRow
		if err := s.Events(ctx, Query{Event: "19"}, func(e EventRow) error { rows = append(rows, e); return nil }); err != nil || len(rows) != 1 {
			t.Fatalf("Events: %v, %d rows", err, len(rows))
		}
		if e := rows[0]; e.Article == 0 || e.Seq != 0 || e.Dead != 2 || e.TargetCode != "GBRCVL" || e.Location != "Q90" || e.Date != "2026-03-05" || e.PLOVER != "ASSAULT" {
			t.Errorf("row %+v", e)
		}
		// fn's error stops the export and is returned.
		stop := errors.New("stop")
		n := 0
		if err := s.Events(ctx, Query{}, func(EventRow) error { n++; return stop }); !errors.Is(err, stop) || n != 1 {
			t.Errorf("stopping: %v after %d rows", err, n)
		}
		if err := s.Events(ctx, Query{Event: "19%"}, func(EventRow) error { return nil }); err == nil {
			t.Error("a malformed filter: no error")
		}
	})
}
