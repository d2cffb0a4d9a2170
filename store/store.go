// Package store keeps analysed articles and answers the archive's queries:
// full-text search with filters, entities over time, tags and timelines.
//
// The default implementation is an embedded SQLite database (Open with a file
// path or a sqlite:// URL). Every write is one transaction, so a crash loses
// at most the article being written, never one already reported as stored.
package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"tidings/record"
)

// Store is an archive of analysed articles. Implementations are safe for
// concurrent use.
type Store interface {
	// Put stores one analysis, all of it or nothing. An article whose URL or
	// normalised text is already stored is not stored again: the result
	// says Duplicate and gives the stored article's id. A near-duplicate
	// (same story, small edits) is stored and joins the story of the article
	// it nearly duplicates.
	Put(ctx context.Context, rec record.Record) (PutResult, error)
	// PutBatch stores several analyses at once, each all or nothing:
	// errs[i] says why recs[i] was not stored while the others were. A
	// non-nil err means that nothing was stored.
	PutBatch(ctx context.Context, recs []record.Record) (res []PutResult, errs []error, err error)
	// Known returns the id of the stored article with this URL or the same
	// normalised text, 0 if none: a cheap check before analysing.
	Known(ctx context.Context, url, text string) (int64, error)
	// Article returns one stored article; ErrNotFound when there is none.
	Article(ctx context.Context, id int64) (*Article, error)
	// Search returns the articles matching q, best first (BM25) when q.Text
	// is set, newest first otherwise.
	Search(ctx context.Context, q Query) (*Results, error)
	// Entity describes one entity and its mentions over time, per day of
	// publication, for the articles matching q (q.Entity is ignored).
	// ErrNotFound when no stored article mentions it.
	Entity(ctx context.Context, id string, q Query) (*EntityInfo, error)
	// Entities lists the most mentioned entities, optionally only those
	// whose name starts with prefix (case-insensitive).
	Entities(ctx context.Context, prefix string, limit int) ([]EntitySummary, error)
	// Tags lists the tags with the number of articles that carry each, most
	// used first, optionally only those starting with prefix.
	Tags(ctx context.Context, prefix string, limit int) ([]TagCount, error)
	// Timeline counts the articles matching q per day of publication.
	Timeline(ctx context.Context, q Query) ([]Bucket, error)
	// Stats counts what is stored.
	Stats(ctx context.Context) (Stats, error)
	// Events calls fn for each stored event that q selects (From and To
	// on the event's date, Event and Actor; the other fields are not
	// used), in order of date, article and place in the article.
	Events(ctx context.Context, q Query, fn func(EventRow) error) error

	// Feed returns the polling state of a feed; ok is false for a feed
	// never polled.
	Feed(ctx context.Context, url string) (st FeedState, ok bool, err error)
	// SaveFeed records the polling state of a feed.
	SaveFeed(ctx context.Context, st FeedState) error

	Close() error
}

// ErrNotFound is returned for an article or entity that is not stored.
var ErrNotFound = errors.New("not found")

// Status says what Put did with an article.
type Status string

const (
	StatusNew       Status = "new"       // stored
	StatusDuplicate Status = "duplicate" // already stored (same URL or same text); nothing written
)

// PutResult is the outcome of Put.
type PutResult struct {
	ID     int64  `json:"id"` // the stored article (the earlier one for a duplicate)
	Status Status `json:"status"`
	// Story groups near-duplicates: the id of the story's first article.
	Story int64 `json:"story"`
	// NearDuplicateOf is the stored article that this new one nearly
	// duplicates, 0 if none.
	NearDuplicateOf int64 `json:"near_duplicate_of,omitempty"`
}

// Query selects articles. Zero fields do not filter.
type Query struct {
	Text   string    // words and "quoted phrases", all required; OR between terms is allowed
	Entity string    // entity id (e.g. Q232, local:…)
	Tag    string    // tag, case-insensitive
	From   time.Time // published on or after this day
	To     time.Time // published on or before this day
	// Event selects articles with an event of this CAMEO code or code
	// prefix ("19", "074") or this PLOVER category ("ASSAULT").
	Event string
	// Actor selects articles with an event whose source or target has
	// this CAMEO actor code or code prefix ("KAZ", "KAZGOV", "IGOUNO").
	Actor  string
	Limit  int // default 20, at most 1000
	Offset int
}

// CheckEvents reports whether Event and Actor are well formed: a CAMEO
// code or prefix or a PLOVER category, and a CAMEO actor code or prefix.
func (q Query) CheckEvents() error {
	_, _, _, err := q.eventFilters()
	return err
}

// eventCondition returns the SQL condition on articles (alias a) that
// Event and Actor make, "" when neither is set; arg adds a parameter and
// returns its placeholder (one per use: SQLite's are positional), so that
// both stores' dialects share it. A malformed filter matches nothing
// (Search reports it first).
func (q Query) eventCondition(arg func(any) string) string {
	column, event, actor, err := q.eventFilters()
	switch {
	case err != nil:
		return `1 = 0`
	case event != "" && actor != "":
		return `a.id IN (SELECT article FROM events WHERE ` + column + ` LIKE ` + arg(event) +
			` AND (source_code LIKE ` + arg(actor) + ` OR target_code LIKE ` + arg(actor) + `))`
	case event != "":
		return `a.id IN (SELECT article FROM events WHERE ` + column + ` LIKE ` + arg(event) + `)`
	case actor != "":
		return `a.id IN (SELECT article FROM events WHERE source_code LIKE ` + arg(actor) + ` OR target_code LIKE ` + arg(actor) + `)`
	}
	return ""
}

// eventFilters returns the conditions of Event and Actor on the events
// table as LIKE patterns: the column Event filters ("cameo" or "plover")
// with its pattern, and the actor pattern ("" when not set).
func (q Query) eventFilters() (column, event, actor string, err error) {
	if e := strings.TrimSpace(q.Event); e != "" {
		switch {
		case len(e) >= 2 && len(e) <= 4 && strings.Trim(e, "0123456789") == "":
			column, event = "cameo", e+"%"
		case len(e) <= 20 && strings.Trim(strings.ToUpper(e), "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == "":
			column, event = "plover", strings.ToUpper(e)
		default:
			return "", "", "", fmt.Errorf("event %q: want a CAMEO code or its first digits (19, 074) or a PLOVER category (ASSAULT)", q.Event)
		}
	}
	if a := strings.ToUpper(strings.TrimSpace(q.Actor)); a != "" {
		if len(a) > 20 || strings.Trim(a, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") != "" {
			return "", "", "", fmt.Errorf("actor %q: want a CAMEO actor code or its first letters (KAZ, KAZGOV, IGOUNO)", q.Actor)
		}
		actor = a + "%"
	}
	return column, event, actor, nil
}

// Limits of Query.Limit.
const (
	DefaultLimit = 20
	MaxLimit     = 1000
)

func (q Query) limit() int {
	switch {
	case q.Limit <= 0:
		return DefaultLimit
	case q.Limit > MaxLimit:
		return MaxLimit
	}
	return q.Limit
}

// Snippet highlight markers: the matched words of a Hit's Snippet are
// enclosed in MarkStart and MarkEnd (Unicode private-use characters, which
// never occur in stored text), so each front end renders them its own way.
const (
	MarkStart = "\uE000"
	MarkEnd   = "\uE001"
)

// Results is one page of search results.
type Results struct {
	Total int   `json:"total"` // matching articles in all
	Hits  []Hit `json:"hits"`
}

// Hit is one matching article.
type Hit struct {
	ID        int64    `json:"id"`
	Title     string   `json:"title"`
	URL       string   `json:"url,omitempty"`
	Source    string   `json:"source,omitempty"`
	Published string   `json:"published,omitempty"` // YYYY-MM-DD
	Snippet   string   `json:"snippet"`             // with MarkStart/MarkEnd around matches
	Score     float64  `json:"score"`               // BM25, higher is better; 0 without text
	Tags      []string `json:"tags"`
	Story     int64    `json:"story"`
}

// Article is a stored article with its whole analysis.
type Article struct {
	ID       int64         `json:"id"`
	Story    int64         `json:"story"`
	Ingested time.Time     `json:"ingested"`
	Analysis record.Record `json:"analysis"`
}

// EntitySummary is an entity with how often the archive mentions it.
type EntitySummary struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Type      string `json:"type"`
	Kind      string `json:"kind,omitempty"`
	Country   string `json:"country,omitempty"`
	Wikidata  string `json:"wikidata,omitempty"`
	Wikipedia string `json:"wikipedia,omitempty"`
	Articles  int    `json:"articles"`
	Mentions  int    `json:"mentions"`
}

// EntityInfo is an entity with its mentions per day.
type EntityInfo struct {
	EntitySummary
	Timeline []Bucket `json:"timeline"`
}

// Bucket counts per day of publication.
type Bucket struct {
	Date     string `json:"date"` // YYYY-MM-DD
	Articles int    `json:"articles"`
	Mentions int    `json:"mentions,omitempty"`
}

// TagCount is a tag and how many articles carry it.
type TagCount struct {
	Tag      string `json:"tag"`
	Articles int    `json:"articles"`
}

// sqlStats counts what a store holds, in the SQL that both stores speak.
const sqlStats = `SELECT
		(SELECT COUNT(*) FROM articles),
		(SELECT COUNT(DISTINCT story) FROM articles),
		(SELECT COUNT(*) FROM entities),
		(SELECT COUNT(*) FROM mentions),
		(SELECT COUNT(*) FROM tag_counts),
		(SELECT COUNT(*) FROM dates),
		(SELECT COUNT(*) FROM events)`

// Stats counts what a store holds.
type Stats struct {
	Articles int `json:"articles"`
	Stories  int `json:"stories"`
	Entities int `json:"entities"`
	Mentions int `json:"mentions"`
	Tags     int `json:"tags"`
	Dates    int `json:"dates"`
	Events   int `json:"events"`
}

// Open opens (creating if needed) the store that dsn names: a file path or
// sqlite://PATH for SQLite, a postgres:// or postgresql:// URL for
// PostgreSQL.
func Open(ctx context.Context, dsn string) (Store, error) {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		p, err := OpenPostgres(ctx, dsn)
		if err != nil {
			return nil, err // not a typed nil in the interface
		}
		return p, nil
	}
	path := strings.TrimPrefix(dsn, "sqlite://")
	return OpenSQLite(ctx, path)
}

// scanner reads one row: a result set's current row, or a single-row
// result.
type scanner interface{ Scan(dest ...any) error }

// resultRows is what database/sql's and pgx's result sets share.
type resultRows interface {
	scanner
	Next() bool
	Err() error
}

// scanAll reads every row of r with scan, into a slice that is empty
// rather than nil when there are none (JSON [] rather than null). The
// caller closes r.
func scanAll[T any](r resultRows, scan func(scanner) (T, error)) ([]T, error) {
	out := []T{}
	for r.Next() {
		v, err := scan(r)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	if err := r.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// listRows finishes a listing query of either store: given the query's
// rows and error, it closes the rows after reading them all with scan, and
// names the listing in an error.
func listRows[T any, R resultRows](rows R, err error, what string, scan func(scanner) (T, error)) ([]T, error) {
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	// database/sql's rows return an error from Close, pgx's do not.
	switch c := any(rows).(type) {
	case interface{ Close() error }:
		defer c.Close()
	case interface{ Close() }:
		defer c.Close()
	}
	out, err := scanAll(rows, scan)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return out, nil
}

func scanTagCount(r scanner) (TagCount, error) {
	var t TagCount
	err := r.Scan(&t.Tag, &t.Articles)
	return t, err
}

// scanDayCount reads a day and its count of articles.
func scanDayCount(r scanner) (Bucket, error) {
	var b Bucket
	err := r.Scan(&b.Date, &b.Articles)
	return b, err
}

// scanDayMentions reads a day, its articles and their mentions.
func scanDayMentions(r scanner) (Bucket, error) {
	var b Bucket
	err := r.Scan(&b.Date, &b.Articles, &b.Mentions)
	return b, err
}

// FeedState is what a feed poller remembers of one feed between polls:
// the validators for a conditional GET and when to poll next. It mirrors
// ingest.FeedState field for field, so that the archive needs nothing of
// the readers.
type FeedState struct {
	URL          string    `json:"url"`
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	LastPolled   time.Time `json:"last_polled"`
	NextPoll     time.Time `json:"next_poll"`
	Failures     int       `json:"failures"` // consecutive failed polls; drives the backoff
	LastError    string    `json:"last_error,omitempty"`
}

// scanStats reads the row of sqlStats.
func scanStats(row scanner) (Stats, error) {
	var st Stats
	err := row.Scan(&st.Articles, &st.Stories, &st.Entities, &st.Mentions, &st.Tags, &st.Dates, &st.Events)
	if err != nil {
		return st, fmt.Errorf("counting: %w", err)
	}
	return st, nil
}

// storedArticle finishes reading article id from a row: err is the scan's
// error, noRows the driver's error for no row (ErrNotFound then).
func storedArticle(id int64, a Article, blob []byte, err, noRows error) (*Article, error) {
	if errors.Is(err, noRows) {
		return nil, fmt.Errorf("article %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("reading article %d: %w", id, err)
	}
	if a.Analysis, err = decompress(blob); err != nil {
		return nil, fmt.Errorf("article %d: %w", id, err)
	}
	return &a, nil
}

// storedFeed says whether reading a feed's state found it: err is the
// scan's error, noRows the driver's error for no row (not found, no error).
func storedFeed(feedURL string, err, noRows error) (bool, error) {
	if errors.Is(err, noRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("reading feed state of %s: %w", feedURL, err)
	}
	return true, nil
}
