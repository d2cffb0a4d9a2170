package store

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"tidings/record"
)

// Postgres is the scale-out store: a PostgreSQL database shared by any
// number of workers on any number of machines, reached through a pool of
// connections. It answers the same queries as SQLite with the same
// results; full-text search uses a weighted tsvector column and a GIN index.
//
// Writes from several workers may race: the unique indexes on the content
// hash and the URL decide which one stores an article (the others get
// Duplicate), and the entity and tag counters are added up once per
// transaction, in key order, so that concurrent writers never deadlock on
// them.
type Postgres struct {
	pool  *pgxpool.Pool
	name  string // host:port/database, for messages (never the password)
	codec analysisCodec
}

var _ Store = (*Postgres)(nil)

// OpenPostgres connects to the PostgreSQL database that dsn names (a
// postgres:// URL or a key=value connection string) and brings its schema
// up to date. Several processes may open the same database at once: the
// migrations run under an advisory lock.
func OpenPostgres(ctx context.Context, dsn string) (*Postgres, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("opening PostgreSQL store: %w", err) // pgx leaves the password out
	}
	if _, ok := cfg.ConnConfig.RuntimeParams["application_name"]; !ok {
		cfg.ConnConfig.RuntimeParams["application_name"] = "tidings"
	}
	name := fmt.Sprintf("%s:%d/%s", cfg.ConnConfig.Host, cfg.ConnConfig.Port, cfg.ConnConfig.Database)
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("opening store %s: %w", name, err)
	}
	p := &Postgres{pool: pool, name: name}
	if err := p.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("opening store %s: %w", name, err)
	}
	return p, nil
}

// Close closes the pool's connections.
func (p *Postgres) Close() error {
	p.pool.Close()
	return nil
}

// Ping checks that the database answers.
func (p *Postgres) Ping(ctx context.Context) error {
	if err := p.pool.Ping(ctx); err != nil {
		return fmt.Errorf("pinging store %s: %w", p.name, err)
	}
	return nil
}

// Name is the database's host:port/name.
func (p *Postgres) Name() string { return p.name }

// pgMigrationLock is the advisory lock key that serialises migrations
// ("tidi" "ngs" 1 in ASCII): workers starting at once wait for the first
// one to bring the schema up to date, then find nothing to do.
const pgMigrationLock int64 = 0x74696469_6e677301

func (p *Postgres) migrate(ctx context.Context) error {
	conn, err := p.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("connecting: %w", err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, pgMigrationLock); err != nil {
		return fmt.Errorf("waiting for the migration lock: %w", err)
	}
	defer func() {
		// The lock belongs to the session: release it even when ctx is
		// done, or close the connection, which releases it too.
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		if _, err := conn.Exec(ctx, `SELECT pg_advisory_unlock($1)`, pgMigrationLock); err != nil {
			conn.Conn().Close(ctx)
		}
	}()
	// Created only when missing, so that a role without the right to
	// create tables can open a database that is up to date.
	var exists bool
	if err := conn.QueryRow(ctx, `SELECT to_regclass('schema_migrations') IS NOT NULL`).Scan(&exists); err != nil {
		return fmt.Errorf("reading schema version: %w", err)
	}
	if !exists {
		if _, err := conn.Exec(ctx, `CREATE TABLE schema_migrations (
			version INTEGER PRIMARY KEY, applied TIMESTAMPTZ NOT NULL DEFAULT now())`); err != nil {
			return fmt.Errorf("creating schema_migrations: %w", err)
		}
	}
	var have int
	if err := conn.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&have); err != nil {
		return fmt.Errorf("reading schema version: %w", err)
	}
	if have > len(migrations) {
		return fmt.Errorf("database schema version %d is newer than this tidings knows (%d): upgrade tidings", have, len(migrations))
	}
	for v := have + 1; v <= len(migrations); v++ {
		err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, migrations[v-1].postgres); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version) VALUES ($1)`, v)
			return err
		})
		if err != nil {
			return fmt.Errorf("migration %d: %w", v, err)
		}
	}
	return nil
}

// The statements that Put runs.
const (
	// An article with the same text wins over one with the same URL, as in
	// SQLite.
	pgFindDuplicate = `SELECT id, story FROM articles WHERE content_hash = $1 OR url = $2
		ORDER BY content_hash = $1 DESC LIMIT 1`
	// The latest nearDuplicateCandidates articles of each band, oldest
	// first, as in SQLite.
	pgNearDuplicates = `SELECT a.id, a.story, a.simhash FROM articles a WHERE a.id IN (
		SELECT s.article FROM unnest($1::bigint[]) AS b(band), LATERAL (
			SELECT article FROM simhash_bands WHERE band = b.band ORDER BY article DESC LIMIT $2) s)
		ORDER BY a.id`
	// The id is drawn first so that an article that starts its own story
	// names it in the same statement. A row that another transaction
	// stored first (same hash or URL) makes the insert do nothing and
	// return no row: the article is a duplicate.
	pgInsertArticle = `INSERT INTO articles
		(id, ext_id, url, title, source, published, content_hash, simhash, story, text, analysis)
		SELECT n.id, $1, $2, $3, $4, $5::date, $6, $7, COALESCE($8::bigint, n.id), $9, $10
		FROM (SELECT nextval(pg_get_serial_sequence('articles', 'id')) AS id) n
		ON CONFLICT DO NOTHING
		RETURNING id, story`
	pgInsertBands = `INSERT INTO simhash_bands (band, article) SELECT unnest($2::bigint[]), $1`
	// One article may list an id twice (two local entities whose names fold
	// alike): putArticle merges them first, as ON CONFLICT may not touch a
	// row twice in one statement.
	pgInsertArticleEntities = `INSERT INTO article_entities (article, entity, salience, mentions)
		SELECT $1, * FROM unnest($2::text[], $3::float8[], $4::int[])`
	pgInsertMentions = `INSERT INTO mentions (article, entity, start_offset, end_offset, text)
		SELECT $1, * FROM unnest($2::text[], $3::bigint[], $4::bigint[], $5::text[])`
	pgInsertTags = `INSERT INTO tags (article, gold, rank, tag, tag_key, score, entity)
		SELECT $1, * FROM unnest($2::smallint[], $3::int[], $4::text[], $5::text[], $6::float8[], $7::text[])`
	pgInsertDates = `INSERT INTO dates (article, start_offset, end_offset, text, type, value)
		SELECT $1, * FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::text[])`
	pgInsertEvents = `INSERT INTO events (article, seq, cameo, plover, goldstein,
		source_code, source_entity, target_code, target_entity, date, location, dead, injured)
		SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::float8[], $6::text[], $7::text[],
			$8::text[], $9::text[], $10::text[], $11::text[], $12::bigint[], $13::bigint[])`
	// The counters of a whole batch, in key order: two transactions
	// updating the same rows lock them in the same order, so neither waits
	// for the other in a cycle.
	pgCountEntities = `INSERT INTO entities (id, name, name_key, type, kind, country, wikidata, wikipedia, articles, mentions)
		SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
			$8::text[], $9::bigint[], $10::bigint[]) AS d(id) ORDER BY d.id COLLATE "C"
		ON CONFLICT (id) DO UPDATE SET articles = entities.articles + excluded.articles,
			mentions = entities.mentions + excluded.mentions`
	pgCountTags = `INSERT INTO tag_counts (tag_key, tag, articles)
		SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[]) AS d(tag_key) ORDER BY d.tag_key COLLATE "C"
		ON CONFLICT (tag_key) DO UPDATE SET articles = tag_counts.articles + excluded.articles`
)

// putAttempts bounds how often PutBatch runs a transaction that the server
// aborted as a deadlock or a serialization failure: two batches that hold
// the same new articles in other orders may each wait for the other, and
// with several writers the same one may lose several times.
const putAttempts = 8

// Known returns the id of the stored article with this URL or the same
// normalised text, 0 if none.
func (p *Postgres) Known(ctx context.Context, articleURL, text string) (int64, error) {
	var id, story int64
	err := p.pool.QueryRow(ctx, pgFindDuplicate, ContentHash(text), nullableURL(articleURL)).Scan(&id, &story)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("looking up duplicates: %w", err)
	}
	return id, nil
}

// nullableURL is NULL for an article without a URL, which keeps it out of
// the unique index.
func nullableURL(u string) any {
	if u == "" {
		return nil
	}
	return pgText(u)
}

// pgText makes s storable in a TEXT column, which takes neither NUL bytes
// nor invalid UTF-8 (SQLite takes both). NUL becomes a space, so byte
// offsets into the text still hold; the analysis object keeps the original.
func pgText(s string) string {
	if utf8.ValidString(s) && strings.IndexByte(s, 0) < 0 {
		return s
	}
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", " ")
}

func pgTexts(ss []string) []string {
	for i, s := range ss {
		ss[i] = pgText(s)
	}
	return ss
}

// Put stores one analysis in one transaction.
func (p *Postgres) Put(ctx context.Context, rec record.Record) (PutResult, error) {
	return putOne(ctx, rec, p.PutBatch)
}

// PutBatch stores several analyses in one transaction, each all or nothing
// (a savepoint each): errs[i] says why recs[i] was not stored while the
// others were. A non-nil err means that nothing was stored.
func (p *Postgres) PutBatch(ctx context.Context, recs []record.Record) (res []PutResult, errs []error, err error) {
	for attempt := 1; ; attempt++ {
		res, errs, err = p.putBatch(ctx, recs)
		if err == nil || attempt == putAttempts || !retryableTx(err) {
			return res, errs, err
		}
		// Jitter, growing with each attempt, so that the transactions
		// that met do not meet again.
		wait := time.Duration(attempt*attempt) * time.Duration(5+rand.IntN(20)) * time.Millisecond
		select {
		case <-ctx.Done():
			return nil, nil, fmt.Errorf("storing: %w", context.Cause(ctx))
		case <-time.After(wait):
		}
	}
}

// retryableTx says whether the server aborted a transaction that can run
// again as it is.
func retryableTx(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && (pgErr.Code == "40P01" || pgErr.Code == "40001")
}

func (p *Postgres) putBatch(ctx context.Context, recs []record.Record) (res []PutResult, errs []error, err error) {
	// READ COMMITTED whatever the server's default: after an insert that
	// met a row committed meanwhile, the next statement must see that row.
	tx, err := p.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.ReadCommitted})
	if err != nil {
		return nil, nil, fmt.Errorf("storing: %w", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx)) // no-op after Commit
	res, errs = make([]PutResult, len(recs)), make([]error, len(recs))
	counts := newCounters()
	savepoints := len(recs) > 1 // one article alone is all or nothing with its transaction
	for i, rec := range recs {
		var delta *counters
		res[i], delta, errs[i] = p.putArticle(ctx, tx, rec, savepoints)
		if errs[i] == nil {
			counts.add(delta)
			continue
		}
		var broken *brokenTx
		if errors.As(errs[i], &broken) || retryableTx(errs[i]) || ctx.Err() != nil {
			return nil, nil, fmt.Errorf("storing article %s: %w", recordName(rec), errs[i])
		}
		errs[i] = fmt.Errorf("storing article %s: %w", recordName(rec), errs[i])
		if !savepoints {
			return res, errs, nil // the only article failed, and without a savepoint its transaction is over
		}
	}
	if err := counts.write(ctx, tx); err != nil {
		return nil, nil, fmt.Errorf("storing: %w", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, nil, fmt.Errorf("storing: committing: %w", err)
	}
	return res, errs, nil
}

// putArticle stores one article in tx, inside a savepoint if asked, and
// returns what it adds to the entity and tag counters.
func (p *Postgres) putArticle(ctx context.Context, tx pgx.Tx, rec record.Record, savepoint bool) (PutResult, *counters, error) {
	if strings.TrimSpace(rec.Text) == "" {
		return PutResult{}, nil, errors.New("empty text")
	}
	hash := ContentHash(rec.Text)
	urlArg := nullableURL(rec.URL)
	sim := Simhash(rec.Text)
	bands := simhashBands(sim)

	// The duplicate and near-duplicate look-ups share one round trip.
	var (
		dupID, dupStory int64
		near, story     int64
		lookups         pgBatch
	)
	lookups.query("looking up duplicates", pgFindDuplicate, []any{hash, urlArg}, func(rows pgx.Rows) error {
		if rows.Next() {
			return rows.Scan(&dupID, &dupStory)
		}
		return nil
	})
	lookups.query("looking up near-duplicates", pgNearDuplicates, []any{bands[:], nearDuplicateCandidates}, func(rows pgx.Rows) error {
		for near == 0 && rows.Next() {
			var cid, cstory, csim int64
			if err := rows.Scan(&cid, &cstory, &csim); err != nil {
				return err
			}
			if hamming(uint64(csim), sim) <= NearDuplicateBits {
				near, story = cid, cstory
			}
		}
		return nil
	})
	if err := lookups.run(ctx, tx); err != nil {
		return PutResult{}, nil, &brokenTx{err} // outside the savepoint: the transaction cannot go on
	}
	if dupID != 0 {
		return PutResult{ID: dupID, Status: StatusDuplicate, Story: dupStory}, nil, nil
	}
	blob, err := p.codec.compress(rec)
	if err != nil {
		return PutResult{}, nil, err
	}

	var published any
	if d := day(rec.Published); d != "" {
		published = d
	}
	var storyArg any
	if story != 0 {
		storyArg = story
	}
	var id int64
	var insert pgBatch
	if savepoint {
		insert.exec("", `SAVEPOINT article`)
	}
	insert.query("inserting article", pgInsertArticle, []any{
		pgText(rec.ID), urlArg, pgText(rec.Title), pgText(rec.Source), published, hash, int64(sim), storyArg,
		pgText(rec.Text), blob,
	}, func(rows pgx.Rows) error {
		if rows.Next() {
			return rows.Scan(&id, &story)
		}
		return nil
	})
	if err := insert.run(ctx, tx); err != nil {
		// Nothing of the article is stored, but the savepoint may be.
		return PutResult{}, nil, rollbackArticle(ctx, tx, savepoint, err)
	}
	if id == 0 {
		// Another transaction stored the same text or URL between the
		// look-up and the insert, and committed: report its article.
		err := tx.QueryRow(ctx, pgFindDuplicate, hash, urlArg).Scan(&dupID, &dupStory)
		if err == nil {
			err = releaseArticle(ctx, tx, savepoint)
		}
		if err != nil {
			return PutResult{}, nil, rollbackArticle(ctx, tx, savepoint, fmt.Errorf("looking up the article stored meanwhile: %w", err))
		}
		return PutResult{ID: dupID, Status: StatusDuplicate, Story: dupStory}, nil, nil
	}

	layers, delta := articleLayers(id, bands, rec)
	if savepoint {
		layers.exec("", `RELEASE SAVEPOINT article`)
	}
	if err := layers.run(ctx, tx); err != nil {
		return PutResult{}, nil, rollbackArticle(ctx, tx, savepoint, err)
	}
	return PutResult{ID: id, Status: StatusNew, Story: story, NearDuplicateOf: near}, delta, nil
}

// rollbackArticle undoes what the article wrote since its savepoint, and
// returns cause (or why the transaction cannot go on).
func rollbackArticle(ctx context.Context, tx pgx.Tx, savepoint bool, cause error) error {
	if !savepoint || ctx.Err() != nil {
		return cause
	}
	if _, err := tx.Exec(ctx, `ROLLBACK TO SAVEPOINT article; RELEASE SAVEPOINT article`); err != nil {
		return &brokenTx{errors.Join(cause, fmt.Errorf("rolling back the article: %w", err))}
	}
	return cause
}

// brokenTx is an article's failure that left its transaction unusable, so
// that the whole batch fails.
type brokenTx struct{ err error }

func (e *brokenTx) Error() string { return e.err.Error() }
func (e *brokenTx) Unwrap() error { return e.err }

func releaseArticle(ctx context.Context, tx pgx.Tx, savepoint bool) error {
	if !savepoint {
		return nil
	}
	_, err := tx.Exec(ctx, `RELEASE SAVEPOINT article`)
	return err
}

// articleLayers queues the index rows of a new article (simhash bands and
// the rows that rowsOf makes), one statement per table, and returns what
// the article adds to the counters.
func articleLayers(id int64, bands [len(simhashBandBits)]int64, rec record.Record) (*pgBatch, *counters) {
	b := &pgBatch{}
	b.exec("indexing simhash", pgInsertBands, id, bands[:])
	rows := rowsOf(rec, pgText)

	if n := len(rows.entities); n > 0 {
		ids, salience, mentions := make([]string, n), make([]float64, n), make([]int32, n)
		for i, e := range rows.entities {
			ids[i], salience[i], mentions[i] = e.id, e.salience, int32(min(e.mentions, 1<<31-1))
		}
		b.exec("storing entities", pgInsertArticleEntities, id, ids, salience, mentions)
		mEntity, mText := make([]string, len(rows.mentions)), make([]string, len(rows.mentions))
		mStart, mEnd := make([]int64, len(rows.mentions)), make([]int64, len(rows.mentions))
		for i, m := range rows.mentions {
			mEntity[i], mStart[i], mEnd[i], mText[i] = m.entity, int64(m.start), int64(m.end), pgText(m.text)
		}
		b.exec("storing mentions", pgInsertMentions, id, mEntity, mStart, mEnd, mText)
	}

	if n := len(rows.tags); n > 0 {
		gold, rank := make([]int16, n), make([]int32, n)
		tag, key, entity := make([]string, n), make([]string, n), make([]string, n)
		score := make([]float64, n)
		for i, t := range rows.tags {
			gold[i], rank[i], tag[i], key[i], score[i], entity[i] = int16(t.gold), int32(t.rank), pgText(t.tag), t.key, t.score, pgText(t.entity)
		}
		b.exec("storing tags", pgInsertTags, id, gold, rank, tag, key, score, entity)
	}

	if n := len(rows.dates); n > 0 {
		start, end := make([]int64, n), make([]int64, n)
		text, typ, value := make([]string, n), make([]string, n), make([]string, n)
		for i, d := range rows.dates {
			start[i], end[i], text[i], typ[i], value[i] = int64(d.Start), int64(d.End), pgText(d.Text), pgText(d.Type), pgText(d.Value)
		}
		b.exec("storing dates", pgInsertDates, id, start, end, text, typ, value)
	}

	if n := len(rows.events); n > 0 {
		seq := make([]int32, n)
		goldstein := make([]float64, n)
		dead, injured := make([]int64, n), make([]int64, n)
		cols := make([][]string, 8) // cameo, plover, source code and entity, target code and entity, date, location
		for i := range cols {
			cols[i] = make([]string, n)
		}
		for i, e := range rows.events {
			seq[i], goldstein[i], dead[i], injured[i] = int32(i), e.Goldstein, int64(e.Dead), int64(e.Injured)
			for j, s := range []string{e.CAMEO, e.PLOVER, e.Source.Code, e.Source.Entity, e.Target.Code, e.Target.Entity, e.Date, e.Location} {
				cols[j][i] = pgText(s)
			}
		}
		b.exec("storing events", pgInsertEvents, id, seq, cols[0], cols[1], goldstein,
			cols[2], cols[3], cols[4], cols[5], cols[6], cols[7], dead, injured)
	}
	return b, rows.counts
}

// write adds the counters to the tables, in key order.
func (c *counters) write(ctx context.Context, tx pgx.Tx) error {
	var b pgBatch
	ids, keys := c.sortedKeys()
	if n := len(ids); n > 0 {
		cols := make([][]string, 8) // id, name, name key, type, kind, country, wikidata, wikipedia
		for i := range cols {
			cols[i] = make([]string, n)
		}
		articles, mentions := make([]int64, n), make([]int64, n)
		for i, id := range ids {
			x := c.entities[id]
			e := x.e
			for j, s := range []string{id, e.Name, strings.ToLower(e.Name), e.Type, e.Kind, e.Country, e.Wikidata, e.Wikipedia} {
				cols[j][i] = pgText(s)
			}
			articles[i], mentions[i] = x.articles, x.mentions
		}
		b.exec("counting entities", pgCountEntities, cols[0], cols[1], cols[2], cols[3], cols[4], cols[5], cols[6], cols[7],
			articles, mentions)
	}
	if n := len(keys); n > 0 {
		tags, articles := make([]string, n), make([]int64, n)
		for i, k := range keys {
			tags[i], articles[i] = pgText(c.tags[k].tag), c.tags[k].articles
		}
		b.exec("counting tags", pgCountTags, keys, tags, articles)
	}
	return b.run(ctx, tx)
}

// pgBatch is statements sent in one round trip, each named for errors.
type pgBatch struct {
	b     pgx.Batch
	items []batchItem
}

type batchItem struct {
	what string
	scan func(pgx.Rows) error // nil for a statement without rows
}

func (b *pgBatch) exec(what, sql string, args ...any) {
	b.b.Queue(sql, args...)
	b.items = append(b.items, batchItem{what: what})
}

func (b *pgBatch) query(what, sql string, args []any, scan func(pgx.Rows) error) {
	b.b.Queue(sql, args...)
	b.items = append(b.items, batchItem{what: what, scan: scan})
}

// batchSender is what pgxpool.Pool, pgx.Conn and pgx.Tx share.
type batchSender interface {
	SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults
}

// run sends the statements and returns the first error, named.
func (b *pgBatch) run(ctx context.Context, db batchSender) error {
	if len(b.items) == 0 {
		return nil
	}
	br := db.SendBatch(ctx, &b.b)
	var first error
	for _, it := range b.items {
		var err error
		if it.scan == nil {
			_, err = br.Exec()
		} else {
			var rows pgx.Rows
			if rows, err = br.Query(); err == nil {
				err = it.scan(rows)
				rows.Close()
				err = cmp.Or(err, rows.Err())
			}
		}
		if err != nil {
			if it.what != "" {
				err = fmt.Errorf("%s: %w", it.what, err)
			}
			first = err
			break
		}
	}
	if err := br.Close(); first == nil {
		first = err
	}
	return first
}

// Article returns one stored article.
func (p *Postgres) Article(ctx context.Context, id int64) (*Article, error) {
	var (
		a    Article
		blob []byte
	)
	err := p.pool.QueryRow(ctx, `SELECT id, story, ingested, analysis FROM articles WHERE id = $1`, id).
		Scan(&a.ID, &a.Story, &a.Ingested, &blob)
	a.Ingested = a.Ingested.UTC()
	return storedArticle(id, a, blob, err, pgx.ErrNoRows)
}

// Stats counts what is stored.
func (p *Postgres) Stats(ctx context.Context) (Stats, error) {
	return scanStats(p.pool.QueryRow(ctx, sqlStats))
}

// Feed returns the polling state of a feed.
func (p *Postgres) Feed(ctx context.Context, feedURL string) (FeedState, bool, error) {
	st := FeedState{URL: feedURL}
	var polled, next *time.Time
	err := p.pool.QueryRow(ctx, `SELECT etag, last_modified, last_polled, next_poll, failures, last_error
		FROM feeds WHERE url = $1`, pgText(feedURL)).Scan(&st.ETag, &st.LastModified, &polled, &next, &st.Failures, &st.LastError)
	if found, err := storedFeed(feedURL, err, pgx.ErrNoRows); !found {
		return st, false, err
	}
	if polled != nil {
		st.LastPolled = polled.UTC()
	}
	if next != nil {
		st.NextPoll = next.UTC()
	}
	return st, true, nil
}

// SaveFeed records the polling state of a feed. Times keep microseconds,
// PostgreSQL's precision.
func (p *Postgres) SaveFeed(ctx context.Context, st FeedState) error {
	timeArg := func(t time.Time) any {
		if t.IsZero() {
			return nil
		}
		return t
	}
	_, err := p.pool.Exec(ctx, `INSERT INTO feeds (url, etag, last_modified, last_polled, next_poll, failures, last_error)
		VALUES ($1, $2, $3, $4, $5, $6, $7)
		ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
			last_polled = excluded.last_polled, next_poll = excluded.next_poll,
			failures = excluded.failures, last_error = excluded.last_error`,
		pgText(st.URL), pgText(st.ETag), pgText(st.LastModified), timeArg(st.LastPolled), timeArg(st.NextPoll),
		st.Failures, pgText(st.LastError))
	if err != nil {
		return fmt.Errorf("saving feed state of %s: %w", st.URL, err)
	}
	return nil
}
