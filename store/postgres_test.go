package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"tidings/record"
	"tidings/store/storetest"
)

// The PostgreSQL tests run against the server that TIDINGS_TEST_POSTGRES
// names, each in a fresh database that is dropped afterwards (storetest).
func postgresTestDSN(t testing.TB) string {
	t.Helper()
	return storetest.PostgresAdmin(t, "TIDINGS_TEST_POSTGRES")
}

func createTestDatabase(t testing.TB) string {
	t.Helper()
	return storetest.NewDatabase(t, postgresTestDSN(t))
}

// openPostgresForTest is the suite's opener: a store on a fresh database,
// through Open as a user would.
func openPostgresForTest(t testing.TB) Store {
	t.Helper()
	dsn := createTestDatabase(t)
	s, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s.(*Postgres); !ok {
		t.Fatalf("Open(%q) gave a %T", dsn, s)
	}
	t.Cleanup(func() { s.Close() }) // before the database is dropped
	return s
}

func openPostgres(t testing.TB) *Postgres {
	t.Helper()
	return openPostgresForTest(t).(*Postgres)
}

func TestConcurrentDuplicatePuts(t *testing.T) {
	forEachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		const workers = 16
		// The same record from every worker at once: one stores it.
		putAll := func(rec func(i int) record.Record) []PutResult {
			t.Helper()
			res := make([]PutResult, workers)
			errs := make([]error, workers)
			start := make(chan struct{})
			var wg sync.WaitGroup
			for i := range workers {
				wg.Go(func() {
					<-start
					res[i], errs[i] = s.Put(ctx, rec(i))
				})
			}
			close(start)
			wg.Wait()
			news := 0
			for i := range workers {
				if errs[i] != nil {
					t.Fatalf("Put %d: %v", i, errs[i])
				}
				if res[i].Status == StatusNew {
					news++
				}
				if res[i].ID != res[0].ID {
					t.Errorf("Put %d stored or found article %d; Put 0 %d", i, res[i].ID, res[0].ID)
				}
			}
			if news != 1 {
				t.Errorf("%d Puts say new; want exactly 1 (results %+v)", news, res)
			}
			return res
		}
		putAll(func(int) record.Record { return harbour })
		// Other texts under one URL: the first stored keeps the URL.
		putAll(func(i int) record.Record {
			r := makeRecord(fmt.Sprint("u", i), "2024-04-01", fmt.Sprintf("Edition %d of the evening bulletin", i),
				fmt.Sprintf("Bulletin %d: markets closed higher and the weather stays dry.", i), []string{"Bulletin"})
			r.URL = "https://news.example/bulletin"
			return r
		})
		st, err := s.Stats(ctx)
		if err != nil || st.Articles != 2 {
			t.Errorf("Stats = %+v, %v; want 2 articles", st, err)
		}
		e, err := s.Entity(ctx, "Q34370", Query{})
		if err != nil || e.Articles != 1 || e.Mentions != 1 {
			t.Errorf("Entity(Rotterdam) = %+v, %v; want 1 article, 1 mention", e, err)
		}
		tags, err := s.Tags(ctx, "", 10)
		if err != nil || !slices.Contains(tags, TagCount{"Bulletin", 1}) || !slices.Contains(tags, TagCount{"Rotterdam", 1}) {
			t.Errorf("Tags = %+v, %v; want each counted once", tags, err)
		}
	})
}

// desk is a small archive whose articles share entities and tags.
func desk(n int) []record.Record {
	places := []string{"Q34370|Rotterdam|LOC", "Q12892|Antwerp|LOC", "Q1297|Chicago|LOC", "Q128147|Hull|LOC"}
	var recs []record.Record
	for i := range n {
		a, b := places[i%len(places)], places[(i+1)%len(places)]
		na, nb := strings.Split(a, "|")[1], strings.Split(b, "|")[1]
		recs = append(recs, makeRecord(fmt.Sprint("d", i), fmt.Sprintf("2024-05-%02d", 1+i%28),
			fmt.Sprintf("Shipping note %d from %s", i, na),
			fmt.Sprintf("Note %d: cargo left %s for %s on schedule, with %d containers aboard.", i, na, nb, 10+i),
			[]string{"Shipping", na}, a, b))
	}
	return recs
}

// checkCounters compares the entity and tag counters with the articles
// that the filters find.
func checkCounters(t *testing.T, s Store) {
	t.Helper()
	ctx := context.Background()
	ents, err := s.Entities(ctx, "", MaxLimit)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		res, err := s.Search(ctx, Query{Entity: e.ID, Limit: 1})
		if err != nil || res.Total != e.Articles {
			t.Errorf("entity %s counts %d articles; a search finds %d (%v)", e.ID, e.Articles, res.Total, err)
		}
	}
	tags, err := s.Tags(ctx, "", MaxLimit)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tags {
		res, err := s.Search(ctx, Query{Tag: tc.Tag, Limit: 1})
		if err != nil || res.Total != tc.Articles {
			t.Errorf("tag %s counts %d articles; a search finds %d (%v)", tc.Tag, tc.Articles, res.Total, err)
		}
	}
}

// Batches that hold the same articles in other orders wait for each other;
// the store must sort that out (PostgreSQL by retrying the deadlocked
// transaction) and count every article once.
func TestConcurrentOverlappingBatches(t *testing.T) {
	forEachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		recs := desk(24)
		var wg sync.WaitGroup
		var stored atomic.Int64
		for w := range 4 {
			wg.Go(func() {
				batch := slices.Clone(recs)
				rand.New(rand.NewPCG(uint64(w), 7)).Shuffle(len(batch), func(i, j int) { batch[i], batch[j] = batch[j], batch[i] })
				for lo := 0; lo < len(batch); lo += 8 {
					res, errs, err := s.PutBatch(ctx, batch[lo:lo+8])
					if err != nil {
						t.Errorf("worker %d: PutBatch: %v", w, err)
						return
					}
					for i := range res {
						if errs[i] != nil {
							t.Errorf("worker %d: %v", w, errs[i])
						} else if res[i].Status == StatusNew {
							stored.Add(1)
						}
					}
				}
			})
		}
		wg.Wait()
		if stored.Load() != int64(len(recs)) {
			t.Errorf("%d articles reported new; want %d", stored.Load(), len(recs))
		}
		if st, err := s.Stats(ctx); err != nil || st.Articles != len(recs) || st.Entities != 4 || st.Tags != 5 {
			t.Errorf("Stats = %+v, %v; want %d articles, 4 entities, 5 tags", st, err, len(recs))
		}
		checkCounters(t, s)
	})
}

func TestPutBatchEachAllOrNothing(t *testing.T) {
	forEachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		res, errs, err := s.PutBatch(ctx, []record.Record{harbour, {ID: "blank", Title: "Blank", Text: " \n"}, harbour, wheat})
		if err != nil {
			t.Fatal(err)
		}
		if errs[0] != nil || res[0].Status != StatusNew {
			t.Errorf("first: %+v, %v", res[0], errs[0])
		}
		if errs[1] == nil || !strings.Contains(errs[1].Error(), "blank") {
			t.Errorf("blank article: %v; want an error naming it", errs[1])
		}
		if errs[2] != nil || res[2].Status != StatusDuplicate || res[2].ID != res[0].ID {
			t.Errorf("same article again in the batch: %+v, %v; want a duplicate of %d", res[2], errs[2], res[0].ID)
		}
		if errs[3] != nil || res[3].Status != StatusNew {
			t.Errorf("last: %+v, %v", res[3], errs[3])
		}
		if st, err := s.Stats(ctx); err != nil || st.Articles != 2 || st.Entities != 3 {
			t.Errorf("Stats = %+v, %v", st, err)
		}
		checkCounters(t, s)
	})
}

// A failure inside an article's rows (here a trigger that refuses one
// mention) undoes that article alone, counters included.
func TestPostgresArticleRolledBackAlone(t *testing.T) {
	p := openPostgres(t)
	ctx := context.Background()
	if _, err := p.pool.Exec(ctx, `
		CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN
			IF NEW.text = 'Poison' THEN RAISE EXCEPTION 'poisoned mention'; END IF;
			RETURN NEW;
		END $$;
		CREATE TRIGGER refuse_poison BEFORE INSERT ON mentions FOR EACH ROW EXECUTE FUNCTION refuse_poison();`); err != nil {
		t.Fatal(err)
	}
	poisoned := makeRecord("p1", "2024-03-06", "Poison found in Rotterdam canal",
		"Poison traces were found in a Rotterdam canal, officials said.", []string{"Rotterdam", "Pollution"},
		"Q34370|Rotterdam|LOC", "local:poison|Poison|MISC")
	res, errs, err := p.PutBatch(ctx, []record.Record{harbour, poisoned, ferry})
	if err != nil {
		t.Fatal(err)
	}
	if errs[0] != nil || errs[2] != nil || res[0].Status != StatusNew || res[2].Status != StatusNew {
		t.Fatalf("the sound articles: %+v, %v", res, errs)
	}
	if errs[1] == nil || !strings.Contains(errs[1].Error(), "poisoned mention") || !strings.Contains(errs[1].Error(), "p1") {
		t.Errorf("poisoned article: %v; want the trigger's error, naming the article", errs[1])
	}
	if id, err := p.Known(ctx, "", poisoned.Text); err != nil || id != 0 {
		t.Errorf("Known(poisoned) = %d, %v; want 0", id, err)
	}
	if st, err := p.Stats(ctx); err != nil || st != (Stats{Articles: 2, Stories: 2, Entities: 3, Mentions: 4, Tags: 3, Dates: 2}) {
		t.Errorf("Stats = %+v, %v", st, err)
	}
	if e, err := p.Entity(ctx, "Q34370", Query{}); err != nil || e.Articles != 2 {
		t.Errorf("Entity(Rotterdam) = %+v, %v; want 2 articles", e, err)
	}
	if _, err := p.Entity(ctx, "local:poison", Query{}); !errors.Is(err, ErrNotFound) {
		t.Errorf("Entity(local:poison) error = %v; want ErrNotFound", err)
	}
}

// An article may list one id twice (two local entities whose names fold
// alike): it counts as one article with both sets of mentions, and a
// quantity is not an entity of the archive.
func TestEntityListedTwice(t *testing.T) {
	forEachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		rec := makeRecord("t1", "2024-07-01", "Lisbon and Lisboa",
			"Lisbon, or Lisboa, hosted the summit. Ten thousand delegates came.", nil,
			"Q597|Lisbon|LOC", "Q597|Lisboa|LOC", "q1|Ten thousand|QUANTITY")
		if _, err := s.Put(ctx, rec); err != nil {
			t.Fatal(err)
		}
		e, err := s.Entity(ctx, "Q597", Query{})
		if err != nil {
			t.Fatal(err)
		}
		if e.Name != "Lisbon" || e.Mentions != 2 || len(e.Timeline) != 1 || e.Timeline[0].Mentions != 2 {
			t.Errorf("Entity = %+v; want Lisbon with 2 mentions in one article", e)
		}
		if e.Articles != 1 {
			t.Errorf("Entity.Articles = %d; want 1", e.Articles)
		}
		if st, err := s.Stats(ctx); err != nil || st.Entities != 1 || st.Mentions != 2 {
			t.Errorf("Stats = %+v, %v; want 1 entity, 2 mentions", st, err)
		}
	})
}

// A tsvector holds at most 1 MiB: an "article" of some 100,000 distinct
// words cannot be indexed, and fails alone with an error that names it.
// (16 MiB of ordinary prose, with its few thousand distinct words, fits.)
func TestPostgresVocabularyTooLarge(t *testing.T) {
	p := openPostgres(t)
	ctx := context.Background()
	var b strings.Builder
	for i := range 100_000 {
		fmt.Fprintf(&b, "w%x ", i*7919)
	}
	huge := makeRecord("dump1", "2024-01-01", "Table dump", b.String(), nil)
	res, errs, err := p.PutBatch(ctx, []record.Record{huge, wheat})
	if err != nil {
		t.Fatal(err)
	}
	if errs[0] == nil || !strings.Contains(errs[0].Error(), "dump1") || !strings.Contains(errs[0].Error(), "tsvector") {
		t.Errorf("huge vocabulary: %+v, %v; want an error naming the article and the limit", res[0], errs[0])
	}
	if errs[1] != nil || res[1].Status != StatusNew {
		t.Errorf("the next article: %+v, %v", res[1], errs[1])
	}
}

// Text that PostgreSQL's TEXT refuses (NUL bytes, invalid UTF-8) is stored
// all the same; the analysis object keeps what JSON can carry.
func TestPutAwkwardText(t *testing.T) {
	forEachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		nul := makeRecord("n1", "2024-03-08", "Null\x00byte report", "A stray \x00 byte sits in this lighthouse report.", []string{"Odd\x00tag"},
			"local:x|Null\x00byte|MISC")
		res, err := s.Put(ctx, nul)
		if err != nil || res.Status != StatusNew {
			t.Fatalf("Put(NUL bytes) = %+v, %v", res, err)
		}
		got, err := s.Article(ctx, res.ID)
		if err != nil || got.Analysis.Text != nul.Text {
			t.Errorf("Article = %+v, %v; want the text as given", got, err)
		}
		bad := makeRecord("b1", "2024-03-09", "Broken \xff\xfe encoding", "Bytes \xc3\x28 that are not UTF-8 in a windmill story.", []string{"Broken\xff"},
			"local:\xff|Broken \xff|MISC")
		if res, err := s.Put(ctx, bad); err != nil || res.Status != StatusNew {
			t.Fatalf("Put(invalid UTF-8) = %+v, %v", res, err)
		}
		for _, word := range []string{"lighthouse", "windmill"} {
			if r, err := s.Search(ctx, Query{Text: word}); err != nil || r.Total != 1 {
				t.Errorf("Search(%s) = %+v, %v", word, r, err)
			}
		}
	})
}

// searchOddities are queries that must never make a search fail.
var searchOddities = []string{
	`'); DROP TABLE articles; --`, `a & b | !c <-> d:* (e`, `'quoted' ''`, `\`, `\\'`, `:*`, `*`, `**`, `"*"`,
	`x-ra*`, `3.5*`, `dock-*`, `'dock*`, `"dock work*"`, `the`, `the*`, `of OR the`, `OR`, `OR OR`, `AND`, `NOT dock`,
	`dock OR`, `"`, `""`, `" "`, "\x00", "dock\x00s", "\xff\xfe", "caf\xc3", `ǅa*`, `١٢٣*`, `漢字*`, "²*", "⅝ OR ⅞*",
	strings.Repeat("dock ", 3000), `"` + strings.Repeat("dock ", 20000) + `"`, strings.Repeat(`"dock workers" OR `, 500), strings.Repeat("a", 5000) + "*",
	strings.Repeat("x", 3000), strings.Repeat("é-", 300) + "z*", strings.Repeat("-", 300) + "dock*",
}

func TestSearchNeverFails(t *testing.T) {
	forEachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		mustPut(t, s, harbour, wheat, ferry)
		queries := slices.Clone(searchOddities)
		rng := rand.New(rand.NewPCG(1, 2))
		alphabet := []rune(`ab "*'&|!():<->\OR` + "\x00é漢 ")
		for range 200 {
			q := make([]rune, rng.IntN(40))
			for i := range q {
				q[i] = alphabet[rng.IntN(len(alphabet))]
			}
			queries = append(queries, string(q))
		}
		for _, q := range queries {
			// A query over the bounds is refused, before any statement runs.
			over := errors.Is(Query{Text: q}.CheckText(), ErrQueryLimit)
			if _, err := s.Search(ctx, Query{Text: q}); err != nil && !(over && errors.Is(err, ErrQueryLimit)) {
				t.Errorf("Search(%.60q): %v", q, err)
			}
			if _, err := s.Timeline(ctx, Query{Text: q}); err != nil && !(over && errors.Is(err, ErrQueryLimit)) {
				t.Errorf("Timeline(%.60q): %v", q, err)
			}
		}
	})
}

// More of the query language than the shared suite covers, on both stores.
func TestSearchLanguage(t *testing.T) {
	forEachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		mustPut(t, s, harbour, wheat, ferry)
		tests := []struct {
			q     string
			total int
		}{
			{"wheat OR storm dock", 2}, // AND binds tighter: wheat OR (storm AND dock)
			{"wheat dock OR storm", 1}, // (wheat AND dock) OR storm
			{"rotterdam OR chicago", 3},
			{"rott* ferr*", 1},           // prefixes, all required
			{`"rotterdam walked"`, 1},    // a phrase
			{`"walked rotterdam"`, 0},    // in its order
			{"dock-work*", 2},            // the words before a prefix form a phrase with it
			{"RoTTerDAM", 2},             // case
			{"walks", 1},                 // stemmed
			{"diver*", 1},                // prefix of a stemmed word
			{"cranes OR OR ferry", 2},    // OR twice is OR
			{"OR ferry OR", 1},           // OR with nothing on one side is nothing
			{`"dock workers" storm`, 1},  //
			{"unknownword OR walked", 1}, //
		}
		for _, tc := range tests {
			res, err := s.Search(ctx, Query{Text: tc.q})
			if err != nil || res.Total != tc.total {
				t.Errorf("Search(%q): total %v, %v; want %d", tc.q, res, err, tc.total)
			}
		}
	})
}

// toTSQueryParam finds the parameter numbers that to_tsquery reads.
var toTSQueryParam = regexp.MustCompile(`(?:^|[^a-z_])to_tsquery\('english', \$(\d+)\)`)

func FuzzSearchTerms(f *testing.F) {
	for _, q := range searchOddities[:30] {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		terms := searchTerms(q)
		if len(terms) == 0 {
			return
		}
		if len(terms) > maxSearchWords {
			t.Fatalf("query %q: %d terms", q, len(terms))
		}
		if (Query{Text: q}).CheckText() == nil {
			for _, term := range terms {
				if term.prefix && utf8.RuneCountInString(lastWord(term.text)) < minSearchPrefixRunes {
					t.Fatalf("query %q: the prefix %q passed CheckText", q, term.text)
				}
			}
		}
		var args pgArgs
		sql := args.tsquery(terms)
		// Only to_tsquery reads its text as tsquery syntax; phraseto_tsquery
		// reads any text as words, so only to_tsquery's parameters are checked.
		for _, m := range toTSQueryParam.FindAllStringSubmatch(sql, -1) {
			n, _ := strconv.Atoi(m[1])
			s := args[n-1].(string)
			word := strings.TrimSuffix(s, ":*")
			if word == s || word == "" || strings.ContainsFunc(word, func(r rune) bool { return !isWordRune(r) }) {
				t.Fatalf("query %q: to_tsquery would read %q", q, s)
			}
		}
	})
}

func TestPostgresMigrationsUnderConcurrentOpens(t *testing.T) {
	dsn := createTestDatabase(t)
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, 6)
	for range 6 {
		wg.Go(func() {
			p, err := OpenPostgres(ctx, dsn)
			if err != nil {
				errs <- err
				return
			}
			p.Close()
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent open: %v", err)
	}
	p, err := OpenPostgres(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	var versions, have int
	if err := p.pool.QueryRow(ctx, `SELECT COUNT(*), MAX(version) FROM schema_migrations`).Scan(&versions, &have); err != nil {
		t.Fatal(err)
	}
	if versions != SchemaVersion() || have != SchemaVersion() {
		t.Errorf("schema_migrations has %d rows up to %d; want %d", versions, have, SchemaVersion())
	}
	if err := p.Ping(ctx); err != nil {
		t.Error(err)
	}
	if _, err := p.pool.Exec(ctx, `INSERT INTO schema_migrations (version) VALUES ($1)`, SchemaVersion()+1); err != nil {
		t.Fatal(err)
	}
	p.Close()
	if _, err := OpenPostgres(ctx, dsn); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Fatalf("opening a newer schema: %v; want an error saying so", err)
	}
}

// A worker's role may read and write but not create tables: it opens a
// database that is up to date and stores articles.
func TestPostgresOpensWithoutDDLRights(t *testing.T) {
	dsn := createTestDatabase(t)
	ctx := context.Background()
	owner, err := OpenPostgres(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer owner.Close()
	role := fmt.Sprintf("tidings_worker_%016x", rand.Uint64())
	if _, err := owner.pool.Exec(ctx, `CREATE ROLE `+role+` LOGIN`); err != nil {
		t.Skipf("cannot create a role on TIDINGS_TEST_POSTGRES: %v", err)
	}
	t.Cleanup(func() {
		owner, err := OpenPostgres(ctx, dsn)
		if err == nil {
			_, err = owner.pool.Exec(ctx, `DROP OWNED BY `+role+`; DROP ROLE `+role)
			owner.Close()
		}
		if err != nil {
			t.Errorf("dropping role %s: %v", role, err)
		}
	})
	if _, err := owner.pool.Exec(ctx, `REVOKE CREATE ON SCHEMA public FROM PUBLIC;
		GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO `+role+`;
		GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO `+role); err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(dsn)
	u.User = url.User(role)
	w, err := OpenPostgres(ctx, u.String())
	if err != nil {
		t.Fatalf("opening as a role without DDL rights: %v", err)
	}
	defer w.Close()
	if res, err := w.Put(ctx, harbour); err != nil || res.Status != StatusNew {
		t.Errorf("Put as the worker role = %+v, %v", res, err)
	}
}

func TestMigrationsHaveBothDialects(t *testing.T) {
	for i, m := range migrations {
		if strings.TrimSpace(m.sqlite) == "" || strings.TrimSpace(m.postgres) == "" {
			t.Errorf("migration %d lacks a dialect: a schema version must mean the same in both stores", i+1)
		}
	}
}

func TestOpenChoosesByDSN(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	t.Chdir(dir)
	for _, dsn := range []string{"postgres://127.0.0.1:1/x?connect_timeout=5", "postgresql://127.0.0.1:1/x?connect_timeout=5"} {
		_, err := Open(ctx, dsn)
		if err == nil || !IsTransient(err) || !strings.Contains(err.Error(), "127.0.0.1:1/x") {
			t.Errorf("Open(%s) with no server: %v; want a transient error naming the database", dsn, err)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a postgres:// URL was taken for a SQLite path: %v", entries)
	}
	s, err := Open(ctx, "sqlite://"+filepath.Join(dir, "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, ok := s.(*SQLite); !ok {
		t.Errorf("Open(sqlite://) gave a %T", s)
	}
}

func TestIsTransient(t *testing.T) {
	pgErr := func(code string) error { return fmt.Errorf("storing: %w", &pgconn.PgError{Code: code}) }
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"nil", nil, false},
		{"serialization failure", pgErr("40001"), true},
		{"deadlock", pgErr("40P01"), true},
		{"admin shutdown", pgErr("57P01"), true},
		{"starting up", pgErr("57P03"), true},
		{"connection failure", pgErr("08006"), true},
		{"too many connections", pgErr("53300"), true},
		{"unique violation", pgErr("23505"), false},
		{"syntax error", pgErr("42601"), false},
		{"unknown database", pgErr("3D000"), false},
		{"bad password", pgErr("28P01"), false},
		{"connection refused", fmt.Errorf("dial: %w", syscall.ECONNREFUSED), true},
		{"connection reset", fmt.Errorf("read: %w", syscall.ECONNRESET), true},
		{"cut short", fmt.Errorf("receiving: %w", io.ErrUnexpectedEOF), true},
		{"cancelled", fmt.Errorf("storing: %w", context.Canceled), false},
		{"deadline", context.DeadlineExceeded, false},
		{"not found", ErrNotFound, false},
		{"other", errors.New("empty text"), false},
	}
	for _, tc := range tests {
		if got := IsTransient(tc.err); got != tc.want {
			t.Errorf("%s: IsTransient(%v) = %v; want %v", tc.name, tc.err, got, tc.want)
		}
	}
}

// SQLite says SQLITE_BUSY when another connection holds the write lock
// longer than the busy timeout.
func TestIsTransientSQLiteBusy(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "busy.db")
	open := func() *sql.DB {
		db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(0)&_pragma=journal_mode(WAL)")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	a, b := open(), open()
	if _, err := a.ExecContext(ctx, `CREATE TABLE t (x INTEGER)`); err != nil {
		t.Fatal(err)
	}
	conn, err := a.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(ctx, `ROLLBACK`)
	_, err = b.ExecContext(ctx, `INSERT INTO t VALUES (1)`)
	if err == nil || !IsTransient(fmt.Errorf("storing: %w", err)) {
		t.Errorf("write while another holds the lock: %v; want a transient error", err)
	}
}

func TestPostgresTransientErrors(t *testing.T) {
	p := openPostgres(t)
	ctx := context.Background()
	if _, err := p.Put(ctx, harbour); err != nil {
		t.Fatal(err)
	}
	// A database that does not exist is no reason to retry.
	u, _ := url.Parse(postgresTestDSN(t))
	u.Path = "/tidings_no_such_database"
	if _, err := OpenPostgres(ctx, u.String()); err == nil || IsTransient(err) {
		t.Errorf("opening a missing database: %v; want a permanent error", err)
	}
	// An administrator ends the store's connections: what fails says to
	// retry, and the pool reconnects.
	conn, err := pgx.Connect(ctx, postgresTestDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var db string
	if err := p.pool.QueryRow(ctx, `SELECT current_database()`).Scan(&db); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, db); err != nil {
		t.Fatal(err)
	}
	failures := 0
	for attempt := 0; ; attempt++ {
		res, err := p.Search(ctx, Query{Text: "rotterdam"})
		if err == nil {
			if res.Total != 1 {
				t.Errorf("Search after reconnecting: %+v", res)
			}
			break
		}
		failures++
		if !IsTransient(err) || attempt == 5 {
			t.Fatalf("Search after the connections were ended (attempt %d): %v; IsTransient = %v", attempt, err, IsTransient(err))
		}
	}
	t.Logf("%d searches failed (transient) before the pool reconnected", failures)
	if err := p.Ping(ctx); err != nil {
		t.Error(err)
	}
}

// The search statements can use the GIN index (the planner may still read
// a small table whole, so the test forbids that).
func TestPostgresSearchUsesIndex(t *testing.T) {
	p := openPostgres(t)
	ctx := context.Background()
	if _, _, err := p.PutBatch(ctx, desk(50)); err != nil {
		t.Fatal(err)
	}
	tx, err := p.pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SET LOCAL enable_seqscan = off`); err != nil {
		t.Fatal(err)
	}
	var timeline pgArgs
	cond, _ := timeline.whereWithText(Query{Text: "cargo antwerp"})
	ss, _ := pgSearchStatements(Query{Text: "cargo antwerp"})
	for _, st := range []struct {
		sql  string
		args pgArgs
	}{{`SELECT COUNT(*) FROM articles a WHERE ` + cond, timeline}, {ss.count, ss.countArgs}, {ss.list, ss.listArgs}} {
		rows, err := tx.Query(ctx, `EXPLAIN `+st.sql, st.args...)
		if err != nil {
			t.Fatal(err)
		}
		plan, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(strings.Join(plan, "\n"), "articles_search") {
			t.Errorf("plan does not use articles_search:\n%s", strings.Join(plan, "\n"))
		}
	}
}

func TestPostgresSnippetAndScore(t *testing.T) {
	p := openPostgres(t)
	ctx := context.Background()
	long := makeRecord("l1", "2024-06-01", "Canal report",
		strings.Repeat("Barges queued at the lock for most of the morning while engineers checked the gates. ", 20)+
			"Late in the day a pilot said the reservoir level had fallen below the mark.", nil)
	if _, err := p.Put(ctx, long); err != nil {
		t.Fatal(err)
	}
	res, err := p.Search(ctx, Query{Text: "reservoir"})
	if err != nil || len(res.Hits) != 1 {
		t.Fatalf("Search = %+v, %v", res, err)
	}
	h := res.Hits[0]
	words := len(strings.Fields(h.Snippet))
	if !strings.Contains(h.Snippet, MarkStart+"reservoir"+MarkEnd) || words > 40 || words < 8 || h.Score <= 0 {
		t.Errorf("hit %+v (%d words); want a short snippet around the match and a positive score", h, words)
	}
}

func BenchmarkPutPostgres(b *testing.B) {
	recs := examples(b)
	p := openPostgres(b)
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := p.Put(ctx, recs[i%len(recs)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkPutParallelPostgres is several workers storing at once, as on
// several machines.
func BenchmarkPutParallelPostgres(b *testing.B) {
	recs := examples(b)
	p := openPostgres(b)
	ctx := context.Background()
	var next atomic.Int64
	b.SetParallelism(4)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := next.Add(1) - 1
			if _, err := p.Put(ctx, recs[int(i)%len(recs)]); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// BenchmarkPutBatch stores batches of 50 articles in each store.
func BenchmarkPutBatch(b *testing.B) {
	recs := examples(b)
	for _, name := range []string{"sqlite", "postgres"} {
		b.Run(name, func(b *testing.B) {
			s := openers[name](b)
			ctx := context.Background()
			i := 0
			for b.Loop() {
				lo := (i * 50) % len(recs)
				if _, _, err := s.PutBatch(ctx, recs[lo:min(lo+50, len(recs))]); err != nil {
					b.Fatal(err)
				}
				i++
			}
			b.ReportMetric(float64(i*50)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

func BenchmarkSearchPostgres(b *testing.B) {
	recs := examples(b)
	p := openPostgres(b)
	ctx := context.Background()
	if _, _, err := p.PutBatch(ctx, recs); err != nil {
		b.Fatal(err)
	}
	if _, err := p.pool.Exec(ctx, `ANALYZE`); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Search(ctx, Query{Text: "oil prices", From: day0("1987-02-26")}); err != nil {
			b.Fatal(err)
		}
	}
}
