package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// pgArgs numbers the parameters of a statement as it is written.
type pgArgs []any

func (a *pgArgs) add(v any) string {
	*a = append(*a, v)
	return "$" + strconv.Itoa(len(*a))
}

// tsquery returns an SQL expression of type tsquery that matches terms,
// with the text of each term a parameter, so that nothing a user types is
// read as SQL or as tsquery syntax. AND binds tighter than OR, as in FTS5.
// Unlike SQLite's tokenizer, the english configuration drops stop words
// ('the', 'of'): a term made only of them drops out of the query, and a
// query made only of them matches nothing.
func (a *pgArgs) tsquery(terms []searchTerm) string {
	var groups []string
	var group []string
	for i, t := range terms[:min(len(terms), maxSearchWords)] {
		if t.or && i > 0 {
			groups = append(groups, "("+strings.Join(group, " && ")+")")
			group = nil
		}
		group = append(group, a.tsqueryTerm(t))
	}
	groups = append(groups, "("+strings.Join(group, " && ")+")")
	return "(" + strings.Join(groups, " || ") + ")"
}

func (a *pgArgs) tsqueryTerm(t searchTerm) string {
	text := pgText(truncateUTF8(t.text, maxSearchTermBytes))
	if !t.prefix {
		return "phraseto_tsquery('english', " + a.add(text) + ")"
	}
	// Prefix matching needs to_tsquery's :* on the last word. That word is
	// letters and digits only, so to_tsquery cannot read any of it as an
	// operator; the words before it form a phrase with it, as in FTS5.
	start, end := lastWordBounds(text)
	if start == end { // truncation left no word
		return "phraseto_tsquery('english', " + a.add(text) + ")"
	}
	last := "to_tsquery('english', " + a.add(text[start:end]+":*") + ")"
	if !strings.ContainsFunc(text[:start], isWordRune) {
		return last
	}
	return "(phraseto_tsquery('english', " + a.add(text[:start]) + ") <-> " + last + ")"
}

// where returns the conditions of q on articles (alias a), without its
// text, joined by AND.
func (a *pgArgs) where(q Query) string {
	conds := []string{"TRUE"}
	if q.Entity != "" {
		conds = append(conds, `a.id IN (SELECT article FROM article_entities WHERE entity = `+a.add(pgText(q.Entity))+`)`)
	}
	if q.Tag != "" {
		key := pgText(strings.ToLower(strings.TrimSpace(q.Tag)))
		conds = append(conds, `a.id IN (SELECT article FROM tags WHERE tag_key = `+a.add(key)+`)`)
	}
	if !q.From.IsZero() {
		conds = append(conds, `a.published >= `+a.add(q.From.Format(time.DateOnly))+`::date`)
	}
	if !q.To.IsZero() {
		conds = append(conds, `a.published <= `+a.add(q.To.Format(time.DateOnly))+`::date`)
	}
	if cond := q.eventCondition(a.add); cond != "" {
		conds = append(conds, cond)
	}
	return strings.Join(conds, " AND ")
}

// whereWithText adds q's text as a condition (for counts and timelines,
// where no ranking is needed). ok is false when the text has words but
// none searchable: nothing matches.
func (a *pgArgs) whereWithText(q Query) (cond string, ok bool) {
	cond = a.where(q)
	if strings.TrimSpace(q.Text) == "" {
		return cond, true
	}
	terms := searchTerms(q.Text)
	if len(terms) == 0 {
		return cond, false
	}
	return cond + ` AND a.search @@ ` + a.tsquery(terms), true
}

// Ranking and snippets. ts_rank_cd's weights are for labels D, C, B, A:
// title words (A) weigh four times body words (B), as in SQLite's bm25
// call; normalisation 1 divides by the log of the length, as BM25 does in
// its way. The headline options mark matches as SQLite's snippet does.
const (
	pgRank     = `ts_rank_cd('{0.1, 0.2, 0.25, 1.0}', a.search, q.query, 1)`
	pgHeadline = `StartSel=` + MarkStart + `, StopSel=` + MarkEnd +
		`, MaxWords=24, MinWords=12, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`
	// pgHeadlineChars bounds the text that ts_headline reads, which parses
	// all it gets: 1.4 s for a 16 MiB article, 10 ms for this much. A
	// match past it gets a snippet without highlights.
	pgHeadlineChars = 100_000
	// pgHitTags is a hit's tag line: the predicted tags, else the source's
	// (the rows of the smallest gold value), in rank order.
	pgHitTags = `ARRAY(SELECT t.tag FROM tags t WHERE t.article = a.id
		AND t.gold = (SELECT MIN(gold) FROM tags WHERE article = a.id) ORDER BY t.rank)`
	pgHitColumns = `a.id, a.title, COALESCE(a.url, ''), a.source, COALESCE(to_char(a.published, 'YYYY-MM-DD'), ''), a.story`
)

// Search returns a page of the articles matching q.
func (p *Postgres) Search(ctx context.Context, q Query) (*Results, error) {
	if err := q.check(); err != nil {
		return nil, err
	}
	res, err := p.search(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("searching %q: %w", q.Text, err)
	}
	return res, nil
}

// searchStatements are the two statements of a search: the count of the
// matches, and one page of hits.
type searchStatements struct {
	count, list         string
	countArgs, listArgs pgArgs
	withText            bool
}

// pgSearchStatements writes the statements of q; ok is false when q's text
// has no searchable word, so that nothing matches.
func pgSearchStatements(q Query) (ss searchStatements, ok bool) {
	limit, offset := q.limit(), max(q.Offset, 0)
	ss.withText = strings.TrimSpace(q.Text) != ""
	if !ss.withText {
		ss.count = `SELECT COUNT(*) FROM articles a WHERE ` + ss.countArgs.where(q)
		ss.list = `SELECT ` + pgHitColumns + `, left(a.text, 600), 0.0::float8, ` + pgHitTags + `
			FROM articles a WHERE ` + ss.listArgs.where(q) + `
			ORDER BY a.published DESC NULLS LAST, a.id DESC
			LIMIT ` + ss.listArgs.add(limit) + ` OFFSET ` + ss.listArgs.add(offset)
		return ss, true
	}
	terms := searchTerms(q.Text)
	if len(terms) == 0 {
		return ss, false
	}
	ss.count = `WITH q AS (SELECT ` + ss.countArgs.tsquery(terms) + ` AS query)
		SELECT COUNT(*) FROM articles a, q WHERE a.search @@ q.query AND ` + ss.countArgs.where(q)
	// The page is ranked first, then only its hits get headlines, which
	// read the whole text.
	ss.list = `WITH q AS (SELECT ` + ss.listArgs.tsquery(terms) + ` AS query),
		page AS (
			SELECT a.id, ` + pgRank + ` AS score FROM articles a, q
			WHERE a.search @@ q.query AND ` + ss.listArgs.where(q) + `
			ORDER BY score DESC, a.id DESC
			LIMIT ` + ss.listArgs.add(limit) + ` OFFSET ` + ss.listArgs.add(offset) + `)
		SELECT ` + pgHitColumns + `, ts_headline('english', left(a.text, ` + strconv.Itoa(pgHeadlineChars) + `), q.query, ` +
		ss.listArgs.add(pgHeadline) + `),
			page.score::float8, ` + pgHitTags + `
		FROM page JOIN articles a ON a.id = page.id, q
		ORDER BY page.score DESC, page.id DESC`
	return ss, true
}

func (p *Postgres) search(ctx context.Context, q Query) (*Results, error) {
	res := &Results{Hits: []Hit{}}
	ss, ok := pgSearchStatements(q)
	if !ok {
		return res, nil
	}
	// The count and the page share one round trip.
	var b pgBatch
	b.query("counting", ss.count, ss.countArgs, func(rows pgx.Rows) error {
		if rows.Next() {
			return rows.Scan(&res.Total)
		}
		return nil
	})
	b.query("listing", ss.list, ss.listArgs, func(rows pgx.Rows) error {
		for rows.Next() {
			var h Hit
			if err := rows.Scan(&h.ID, &h.Title, &h.URL, &h.Source, &h.Published, &h.Story, &h.Snippet, &h.Score, &h.Tags); err != nil {
				return err
			}
			if ss.withText {
				h.Snippet = strings.Join(strings.Fields(h.Snippet), " ") // headlines keep the text's line breaks
			} else {
				h.Snippet = lead(h.Snippet, h.Title)
			}
			if h.Tags == nil {
				h.Tags = []string{}
			}
			res.Hits = append(res.Hits, h)
		}
		return nil
	})
	if err := b.run(ctx, p.pool); err != nil {
		return nil, err
	}
	return res, nil
}

// Entity describes one entity and its mentions per day.
func (p *Postgres) Entity(ctx context.Context, id string, q Query) (*EntityInfo, error) {
	if err := q.CheckText(); err != nil {
		return nil, err
	}
	e, err := scanEntity(p.pool.QueryRow(ctx, `SELECT `+entityColumns+` FROM entities WHERE id = $1`, pgText(id)))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("entity %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("reading entity %s: %w", id, err)
	}
	info := &EntityInfo{EntitySummary: e, Timeline: []Bucket{}}
	q.Entity = ""
	args := pgArgs{pgText(id)}
	cond, ok := args.whereWithText(q)
	if !ok {
		return info, nil
	}
	rows, err := p.pool.Query(ctx, `SELECT to_char(a.published, 'YYYY-MM-DD'), COUNT(*), SUM(ae.mentions)
		FROM article_entities ae JOIN articles a ON a.id = ae.article
		WHERE ae.entity = $1 AND a.published IS NOT NULL AND `+cond+`
		GROUP BY a.published ORDER BY a.published`, args...)
	if err != nil {
		return nil, fmt.Errorf("reading timeline of entity %s: %w", id, err)
	}
	defer rows.Close()
	if info.Timeline, err = scanAll(rows, scanDayMentions); err != nil {
		return nil, fmt.Errorf("reading timeline of entity %s: %w", id, err)
	}
	return info, nil
}

// Entities lists the most mentioned entities.
func (p *Postgres) Entities(ctx context.Context, prefix string, limit int) ([]EntitySummary, error) {
	lo, hi := prefixRange(pgText(prefix))
	rows, err := p.pool.Query(ctx, `SELECT `+entityColumns+` FROM entities
		WHERE name_key >= $1 AND name_key < $2 ORDER BY articles DESC, mentions DESC, id LIMIT $3`, lo, hi, clampLimit(limit))
	return listRows(rows, err, "listing entities", scanEntity)
}

// Tags lists the tags, most used first.
func (p *Postgres) Tags(ctx context.Context, prefix string, limit int) ([]TagCount, error) {
	lo, hi := prefixRange(pgText(prefix))
	rows, err := p.pool.Query(ctx, `SELECT tag, articles FROM tag_counts
		WHERE tag_key >= $1 AND tag_key < $2 ORDER BY articles DESC, tag_key LIMIT $3`, lo, hi, clampLimit(limit))
	return listRows(rows, err, "listing tags", scanTagCount)
}

// Timeline counts the articles matching q per day.
func (p *Postgres) Timeline(ctx context.Context, q Query) ([]Bucket, error) {
	if err := q.check(); err != nil {
		return nil, err
	}
	out := []Bucket{}
	var args pgArgs
	cond, ok := args.whereWithText(q)
	if !ok {
		return out, nil
	}
	rows, err := p.pool.Query(ctx, `SELECT to_char(a.published, 'YYYY-MM-DD'), COUNT(*) FROM articles a
		WHERE a.published IS NOT NULL AND `+cond+` GROUP BY a.published ORDER BY a.published`, args...)
	return listRows(rows, err, "timeline", scanDayCount)
}
