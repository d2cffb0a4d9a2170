package store

// migrations are the schema's versions, applied in order, each in its own
// transaction; the schema version is the number applied. Each holds its
// SQLite and PostgreSQL statements side by side, so that a version means
// the same in both stores. Never edit one that has shipped: append a new
// one.
var migrations = []struct {
	sqlite, postgres string
}{
	{ // 1: articles, their analyses and the indexes the archive queries use.
		sqlite: `
CREATE TABLE articles (
	id           INTEGER PRIMARY KEY,
	ext_id       TEXT NOT NULL DEFAULT '',
	url          TEXT UNIQUE,            -- NULL when the article has none
	title        TEXT NOT NULL,
	source       TEXT NOT NULL DEFAULT '',
	published    TEXT NOT NULL DEFAULT '', -- YYYY-MM-DD, '' when unknown
	ingested     TEXT NOT NULL,
	content_hash BLOB NOT NULL UNIQUE,   -- SHA-256 of the normalised text
	simhash      INTEGER NOT NULL,
	story        INTEGER NOT NULL        -- id of the story's first article
);
-- The large columns live apart, so that the articles rows stay small and
-- filtering, sorting and joining them reads few pages.
CREATE TABLE article_texts (
	id    INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	title TEXT NOT NULL,
	text  TEXT NOT NULL                  -- the analysed text: title, blank line, body
);
CREATE TABLE analyses (
	article INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	data    BLOB NOT NULL                -- gzip of the analysis object (JSON)
);
CREATE INDEX articles_published ON articles(published, id);
CREATE INDEX articles_story ON articles(story);
CREATE TABLE simhash_bands (
	band    INTEGER NOT NULL,            -- band number << 16 | the band's bits
	article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	PRIMARY KEY (band, article)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE articles_fts USING fts5(
	title, text, content='article_texts', content_rowid='id',
	tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TABLE entities (
	id        TEXT PRIMARY KEY,
	name      TEXT NOT NULL,
	name_key  TEXT NOT NULL,
	type      TEXT NOT NULL,
	kind      TEXT NOT NULL DEFAULT '',
	country   TEXT NOT NULL DEFAULT '',
	wikidata  TEXT NOT NULL DEFAULT '',
	wikipedia TEXT NOT NULL DEFAULT '',
	articles  INTEGER NOT NULL DEFAULT 0,
	mentions  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX entities_articles ON entities(articles DESC);
CREATE INDEX entities_name ON entities(name_key);
CREATE TABLE article_entities (
	article  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	entity   TEXT NOT NULL REFERENCES entities(id),
	salience REAL NOT NULL,
	mentions INTEGER NOT NULL,
	PRIMARY KEY (article, entity)
) WITHOUT ROWID;
CREATE INDEX article_entities_entity ON article_entities(entity, article);
CREATE TABLE mentions (
	article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	entity  TEXT NOT NULL,
	start   INTEGER NOT NULL,
	end     INTEGER NOT NULL,
	text    TEXT NOT NULL
);
CREATE INDEX mentions_article ON mentions(article);
CREATE INDEX mentions_entity ON mentions(entity);
CREATE TABLE tags (
	article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	gold    INTEGER NOT NULL,            -- 1: the source's own tag line
	rank    INTEGER NOT NULL,
	tag     TEXT NOT NULL,
	tag_key TEXT NOT NULL,               -- lower case
	score   REAL NOT NULL,
	entity  TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (article, gold, rank)
) WITHOUT ROWID;
CREATE INDEX tags_key ON tags(tag_key, article);
CREATE TABLE tag_counts (
	tag_key  TEXT PRIMARY KEY,
	tag      TEXT NOT NULL,
	articles INTEGER NOT NULL
);
CREATE INDEX tag_counts_articles ON tag_counts(articles DESC);
CREATE TABLE dates (
	article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	start   INTEGER NOT NULL,
	end     INTEGER NOT NULL,
	text    TEXT NOT NULL,
	type    TEXT NOT NULL,
	value   TEXT NOT NULL
);
CREATE INDEX dates_article ON dates(article);
CREATE INDEX dates_value ON dates(value);
CREATE TABLE events (
	article       INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	seq           INTEGER NOT NULL,
	cameo         TEXT NOT NULL,
	plover        TEXT NOT NULL,
	goldstein     REAL NOT NULL,
	source_code   TEXT NOT NULL,
	source_entity TEXT NOT NULL,
	target_code   TEXT NOT NULL,
	target_entity TEXT NOT NULL,
	date          TEXT NOT NULL,
	location      TEXT NOT NULL,
	dead          INTEGER NOT NULL,
	injured       INTEGER NOT NULL,
	PRIMARY KEY (article, seq)
) WITHOUT ROWID;
CREATE INDEX events_cameo ON events(cameo);
CREATE TABLE feeds (
	url           TEXT PRIMARY KEY,
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	last_polled   TEXT NOT NULL DEFAULT '',
	next_poll     TEXT NOT NULL DEFAULT '',
	failures      INTEGER NOT NULL DEFAULT 0,
	last_error    TEXT NOT NULL DEFAULT ''
);
`,
		// Keys that the archive lists in order or by prefix (entity ids and
		// names, tag keys) use the "C" collation, so that they compare by
		// code point as in SQLite, whatever the database's locale.
		postgres: `
CREATE TABLE articles (
	id           BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	ext_id       TEXT NOT NULL DEFAULT '',
	url          TEXT UNIQUE,             -- NULL when the article has none
	title        TEXT NOT NULL,
	source       TEXT NOT NULL DEFAULT '',
	published    DATE,                    -- NULL when unknown
	ingested     TIMESTAMPTZ NOT NULL DEFAULT now(),
	content_hash BYTEA NOT NULL UNIQUE,   -- SHA-256 of the normalised text
	simhash      BIGINT NOT NULL,
	story        BIGINT NOT NULL,         -- id of the story's first article
	text         TEXT NOT NULL,
	analysis     BYTEA NOT NULL,          -- gzip of the analysis object (JSON)
	search       TSVECTOR GENERATED ALWAYS AS (
		setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', text), 'B')) STORED
);
-- The analysis is gzipped already: store it out of line without trying again.
ALTER TABLE articles ALTER COLUMN analysis SET STORAGE EXTERNAL;
CREATE INDEX articles_published ON articles (published DESC NULLS LAST, id DESC);
CREATE INDEX articles_story ON articles (story);
CREATE INDEX articles_search ON articles USING GIN (search);
CREATE TABLE simhash_bands (
	band    BIGINT NOT NULL,              -- band number << 16 | the band's bits
	article BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	PRIMARY KEY (band, article)
);
CREATE TABLE entities (
	id        TEXT COLLATE "C" PRIMARY KEY,
	name      TEXT NOT NULL,
	name_key  TEXT COLLATE "C" NOT NULL,  -- lower case
	type      TEXT NOT NULL,
	kind      TEXT NOT NULL DEFAULT '',
	country   TEXT NOT NULL DEFAULT '',
	wikidata  TEXT NOT NULL DEFAULT '',
	wikipedia TEXT NOT NULL DEFAULT '',
	articles  BIGINT NOT NULL DEFAULT 0,
	mentions  BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX entities_articles ON entities (articles DESC, mentions DESC, id);
CREATE INDEX entities_name ON entities (name_key);
-- The entity is written at the end of the storing transaction, with its
-- counters: the reference is checked at commit.
CREATE TABLE article_entities (
	article  BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	entity   TEXT COLLATE "C" NOT NULL REFERENCES entities (id) DEFERRABLE INITIALLY DEFERRED,
	salience DOUBLE PRECISION NOT NULL,
	mentions INTEGER NOT NULL,
	PRIMARY KEY (article, entity)
);
CREATE INDEX article_entities_entity ON article_entities (entity, article);
-- Byte offsets into the article's text (SQLite's start and end: END is a
-- reserved word here).
CREATE TABLE mentions (
	article      BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	entity       TEXT NOT NULL,
	start_offset BIGINT NOT NULL,
	end_offset   BIGINT NOT NULL,
	text         TEXT NOT NULL
);
CREATE INDEX mentions_article ON mentions (article);
CREATE INDEX mentions_entity ON mentions (entity);
CREATE TABLE tags (
	article BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	gold    SMALLINT NOT NULL,            -- 1: the source's own tag line
	rank    INTEGER NOT NULL,
	tag     TEXT NOT NULL,
	tag_key TEXT COLLATE "C" NOT NULL,    -- lower case
	score   DOUBLE PRECISION NOT NULL,
	entity  TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (article, gold, rank)
);
CREATE INDEX tags_key ON tags (tag_key, article);
CREATE TABLE tag_counts (
	tag_key  TEXT COLLATE "C" PRIMARY KEY,
	tag      TEXT NOT NULL,
	articles BIGINT NOT NULL
);
CREATE INDEX tag_counts_articles ON tag_counts (articles DESC, tag_key);
CREATE TABLE dates (
	article      BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	start_offset BIGINT NOT NULL,
	end_offset   BIGINT NOT NULL,
	text         TEXT NOT NULL,
	type         TEXT NOT NULL,
	value        TEXT NOT NULL
);
CREATE INDEX dates_article ON dates (article);
CREATE INDEX dates_value ON dates (value);
CREATE TABLE events (
	article       BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	seq           INTEGER NOT NULL,
	cameo         TEXT NOT NULL,
	plover        TEXT NOT NULL,
	goldstein     DOUBLE PRECISION NOT NULL,
	source_code   TEXT NOT NULL,
	source_entity TEXT NOT NULL,
	target_code   TEXT NOT NULL,
	target_entity TEXT NOT NULL,
	date          TEXT NOT NULL,
	location      TEXT NOT NULL,
	dead          BIGINT NOT NULL,
	injured       BIGINT NOT NULL,
	PRIMARY KEY (article, seq)
);
CREATE INDEX events_cameo ON events (cameo);
CREATE TABLE feeds (
	url           TEXT PRIMARY KEY,
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	last_polled   TIMESTAMPTZ,            -- NULL: never
	next_poll     TIMESTAMPTZ,
	failures      INTEGER NOT NULL DEFAULT 0,
	last_error    TEXT NOT NULL DEFAULT ''
);
`,
	},
}

// SchemaVersion is the schema version this build writes.
func SchemaVersion() int { return len(migrations) }
