package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"tidings/article"
)

// searchTerm is one word or "quoted phrase" of a search.
type searchTerm struct {
	text   string
	prefix bool // a trailing *: the last word is a prefix
	or     bool // joined to the term before by OR rather than AND
}

// Bounds on a search's size. Each word, OR and prefix is one more index
// read for every matching article: on a 2,000-article archive a
// one-letter prefix cost as much as twenty common words, 32 ORed
// one-letter prefixes took seconds, and 32 times one common word 0.2 s on
// PostgreSQL. Queries past a bound are refused (ErrQueryLimit) rather than
// cut, so that nobody gets the results of a query other than theirs; a
// term repeated in its group counts once, as it matches nothing more.
const (
	maxSearchWords        = 32  // words in all, those of phrases included
	maxSearchAlternatives = 8   // terms or groups of terms joined by OR
	maxSearchPrefixes     = 4   // words ending in *
	minSearchPrefixRunes  = 3   // letters or digits before the *
	maxSearchTermBytes    = 256 // one term; longer ones are cut, as no word is that long
)

// ErrQueryLimit is wrapped by the error of a search whose text goes past
// one of the bounds on a query's size; the message names the bound. It is
// the user's query that is at fault (HTTP 400), not the archive.
var ErrQueryLimit = errors.New("query over a limit")

// CheckText reports whether Text is within the bounds on a query's size:
// at most 32 words (those of phrases included), 8 alternatives joined by
// OR, and 4 prefixes of at least 3 letters or digits each. The error
// wraps ErrQueryLimit and names the bound.
func (q Query) CheckText() error {
	var words, alternatives, prefixes int
	var err error
	scanSearch(q.Text, func(t searchTerm) bool {
		words += len(article.NormalWords(t.text))
		if alternatives == 0 || t.or {
			alternatives++
		}
		switch {
		case words > maxSearchWords:
			err = fmt.Errorf("%w: more than %d words (those of phrases included)", ErrQueryLimit, maxSearchWords)
		case alternatives > maxSearchAlternatives:
			err = fmt.Errorf("%w: more than %d alternatives joined by OR", ErrQueryLimit, maxSearchAlternatives)
		case !t.prefix:
		case utf8.RuneCountInString(lastWord(t.text)) < minSearchPrefixRunes:
			err = fmt.Errorf("%w: the prefix %.40q has fewer than %d letters or digits before the *",
				ErrQueryLimit, lastWord(t.text)+"*", minSearchPrefixRunes)
		default:
			if prefixes++; prefixes > maxSearchPrefixes {
				err = fmt.Errorf("%w: more than %d prefixes (words ending in *)", ErrQueryLimit, maxSearchPrefixes)
			}
		}
		return err == nil
	})
	return err
}

// check reports whether q's filters and text are well formed and within
// bounds, before any statement runs.
func (q Query) check() error {
	if _, _, _, err := q.eventFilters(); err != nil {
		return err
	}
	return q.CheckText()
}

// searchTerms reads a user's query, the same way for every store: every
// word and "quoted phrase" is required, OR (in capitals) between two terms
// makes either enough, a trailing * matches a prefix, terms without a
// letter or digit are dropped, NUL bytes are dropped, and a term repeated
// before the next OR is dropped. The stores check the query's bounds
// first (CheckText); no more than maxSearchWords terms are kept here all
// the same, so that no query can build a statement past them.
func searchTerms(text string) []searchTerm {
	var terms []searchTerm
	scanSearch(text, func(t searchTerm) bool {
		terms = append(terms, t)
		return len(terms) < maxSearchWords
	})
	return terms
}

// scanSearch reads the terms of a user's query in order (see searchTerms)
// and gives each to yield until it returns false.
func scanSearch(text string, yield func(searchTerm) bool) {
	or, n := false, 0
	group := map[string]bool{} // the terms since the last OR, normalised
	emit := func(term string, prefix bool) bool {
		term = strings.ReplaceAll(truncateUTF8(term, maxSearchTermBytes), "\x00", "")
		if !strings.ContainsFunc(term, isWordRune) {
			return true
		}
		if or {
			clear(group)
		}
		key := strings.Join(article.NormalWords(term), " ")
		if prefix {
			key += "*"
		}
		if group[key] {
			return true
		}
		group[key] = true
		t := searchTerm{text: term, prefix: prefix, or: or}
		or = false
		n++
		return yield(t)
	}
	for rest := strings.TrimSpace(text); rest != ""; rest = strings.TrimSpace(rest) {
		if rest[0] == '"' {
			end := strings.IndexByte(rest[1:], '"')
			if end < 0 {
				emit(rest[1:], false)
				return
			}
			if !emit(rest[1:1+end], false) {
				return
			}
			rest = rest[2+end:]
			continue
		}
		end := strings.IndexFunc(rest, unicode.IsSpace)
		if end < 0 {
			end = len(rest)
		}
		word := rest[:end]
		rest = rest[end:]
		if word == "OR" {
			if n > 0 {
				or = true
			}
			continue
		}
		if !emit(strings.TrimRight(word, "*"), strings.HasSuffix(word, "*")) {
			return
		}
	}
}

// lastWord returns the last run of letters and digits of text: the word
// that a trailing * makes a prefix of, in FTS5 and in to_tsquery alike.
func lastWord(text string) string {
	start, end := lastWordBounds(text)
	return text[start:end]
}

func lastWordBounds(text string) (start, end int) {
	end = len(text)
	for end > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:end])
		if isWordRune(r) {
			break
		}
		end -= n
	}
	start = end
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:start])
		if !isWordRune(r) {
			break
		}
		start -= n
	}
	return start, end
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }

// truncateUTF8 cuts s to at most n bytes at a rune boundary.
func truncateUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// ftsQuery writes a user's query (read by searchTerms) as an FTS5
// expression. Each term is quoted, so FTS5's own syntax in user input is
// taken literally and can never make the query fail. It returns "" when
// the text has no searchable term.
func ftsQuery(text string) string {
	var b strings.Builder
	for i, t := range searchTerms(text) {
		if i > 0 {
			if t.or {
				b.WriteString(" OR ")
			} else {
				b.WriteString(" AND ")
			}
		}
		b.WriteString(`"` + strings.ReplaceAll(t.text, `"`, `""`) + `"`)
		if t.prefix {
			b.WriteString("*")
		}
	}
	return b.String()
}

// filter is a WHERE clause over the articles table (alias a).
type filter struct {
	where []string
	args  []any
}

func (f *filter) add(cond string, args ...any) {
	f.where = append(f.where, cond)
	f.args = append(f.args, args...)
}

func (f *filter) sql() string {
	if len(f.where) == 0 {
		return "1"
	}
	return strings.Join(f.where, " AND ")
}

// filters returns the conditions of q but its text.
func filters(q Query) *filter {
	f := &filter{}
	if q.Entity != "" {
		f.add(`a.id IN (SELECT article FROM article_entities WHERE entity = ?)`, q.Entity)
	}
	if q.Tag != "" {
		f.add(`a.id IN (SELECT article FROM tags WHERE tag_key = ?)`, strings.ToLower(strings.TrimSpace(q.Tag)))
	}
	if !q.From.IsZero() {
		f.add(`a.published <> '' AND a.published >= ?`, q.From.Format("2006-01-02"))
	}
	if !q.To.IsZero() {
		f.add(`a.published <> '' AND a.published <= ?`, q.To.Format("2006-01-02"))
	}
	var args []any
	if cond := q.eventCondition(func(v any) string { args = append(args, v); return "?" }); cond != "" {
		f.add(cond, args...)
	}
	return f
}

// filtersWithText adds q's text as a condition (for counts and timelines,
// where no ranking is needed). ok is false when the text has words but
// none searchable: nothing matches.
func filtersWithText(q Query) (f *filter, ok bool) {
	f = filters(q)
	if strings.TrimSpace(q.Text) == "" {
		return f, true
	}
	m := ftsQuery(q.Text)
	if m == "" {
		return f, false
	}
	f.add(`a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)`, m)
	return f, true
}

// Search returns a page of the articles matching q.
func (s *SQLite) Search(ctx context.Context, q Query) (*Results, error) {
	if err := q.check(); err != nil {
		return nil, err
	}
	res, err := s.search(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("searching %q: %w", q.Text, err)
	}
	return res, nil
}

func (s *SQLite) search(ctx context.Context, q Query) (*Results, error) {
	res := &Results{Hits: []Hit{}}
	f := filters(q)
	limit, offset := q.limit(), max(q.Offset, 0)
	var count, list string
	var listArgs []any
	// The page's ids are chosen first, from the indexes alone; only then
	// are the rows read and the snippets made, for that page: reading
	// every match's text (or making every match's snippet) before sorting
	// made common words and big tags ten times slower.
	if strings.TrimSpace(q.Text) == "" {
		count = `SELECT COUNT(*) FROM articles a WHERE ` + f.sql()
		list = `SELECT a.id, a.title, COALESCE(a.url, ''), a.source, a.published, a.story,
			substr(t.text, 1, 600), 0.0
			FROM articles a JOIN article_texts t ON t.id = a.id WHERE a.id IN (
				SELECT a.id FROM articles a WHERE ` + f.sql() + ` ORDER BY a.published DESC, a.id DESC LIMIT ? OFFSET ?)
			ORDER BY a.published DESC, a.id DESC`
		listArgs = append(f.args, limit, offset)
	} else {
		m := ftsQuery(q.Text)
		if m == "" {
			return res, nil
		}
		from := ` FROM articles_fts WHERE articles_fts MATCH ?`
		if len(f.where) > 0 {
			from = ` FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ? AND ` + f.sql()
		}
		count = `SELECT COUNT(*)` + from
		// Title words weigh four times body words. The outer MATCH runs
		// once over the matches and keeps the page's rows (the + and the
		// CROSS JOIN keep the planner from it): given each row id of the
		// page as a constraint, FTS5 set up the whole query once per row,
		// twenty times the cost of a prefix or an OR of phrases.
		list = `SELECT a.id, a.title, COALESCE(a.url, ''), a.source, a.published, a.story,
			snippet(articles_fts, 1, ?, ?, '…', 24), -bm25(articles_fts, 4.0, 1.0) AS score
			FROM articles_fts CROSS JOIN articles a ON a.id = articles_fts.rowid
			WHERE articles_fts MATCH ? AND +articles_fts.rowid IN (
				SELECT articles_fts.rowid` + from + ` ORDER BY bm25(articles_fts, 4.0, 1.0) LIMIT ? OFFSET ?)
			ORDER BY bm25(articles_fts, 4.0, 1.0)`
		f.args = append([]any{m}, f.args...)
		listArgs = append([]any{MarkStart, MarkEnd, m}, f.args...)
		listArgs = append(listArgs, limit, offset)
	}
	if err := s.read.QueryRowContext(ctx, count, f.args...).Scan(&res.Total); err != nil {
		return nil, err
	}
	if res.Total == 0 || offset >= res.Total {
		return res, nil
	}
	rows, err := s.read.QueryContext(ctx, list, listArgs...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byID := map[int64]int{}
	for rows.Next() {
		var h Hit
		if err := rows.Scan(&h.ID, &h.Title, &h.URL, &h.Source, &h.Published, &h.Story, &h.Snippet, &h.Score); err != nil {
			return nil, err
		}
		if q.Text == "" || strings.TrimSpace(q.Text) == "" {
			h.Snippet = lead(h.Snippet, h.Title)
		}
		h.Tags = []string{}
		byID[h.ID] = len(res.Hits)
		res.Hits = append(res.Hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return res, s.hitTags(ctx, res.Hits, byID)
}

// hitTags fills each hit's tag line: the predicted tags, else the source's.
func (s *SQLite) hitTags(ctx context.Context, hits []Hit, byID map[int64]int) error {
	if len(hits) == 0 {
		return nil
	}
	ids := make([]any, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	rows, err := s.read.QueryContext(ctx, `SELECT article, gold, tag FROM tags WHERE article IN (`+
		strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",")+`) ORDER BY article, gold, rank`, ids...)
	if err != nil {
		return err
	}
	defer rows.Close()
	firstGold := map[int64]int{} // the gold value of each article's first row
	for rows.Next() {
		var id int64
		var gold int
		var tag string
		if err := rows.Scan(&id, &gold, &tag); err != nil {
			return err
		}
		g, seen := firstGold[id]
		if !seen {
			firstGold[id], g = gold, gold
		}
		if gold == g {
			h := &hits[byID[id]]
			h.Tags = append(h.Tags, tag)
		}
	}
	return rows.Err()
}

// lead is the start of an article's body for a result without matches:
// the text after the title, cut at a word boundary.
func lead(text, title string) string {
	text = strings.TrimSpace(strings.TrimPrefix(text, title))
	const n = 240
	if len(text) <= n {
		return strings.Join(strings.Fields(text), " ")
	}
	cut := strings.LastIndexFunc(text[:n], unicode.IsSpace)
	if cut < n/2 {
		cut = n
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
	}
	return strings.Join(strings.Fields(text[:cut]), " ") + " …"
}

const entityColumns = `id, name, type, kind, country, wikidata, wikipedia, articles, mentions`

func scanEntity(sc scanner) (EntitySummary, error) {
	var e EntitySummary
	err := sc.Scan(&e.ID, &e.Name, &e.Type, &e.Kind, &e.Country, &e.Wikidata, &e.Wikipedia, &e.Articles, &e.Mentions)
	return e, err
}

// Entity describes one entity and its mentions per day.
func (s *SQLite) Entity(ctx context.Context, id string, q Query) (*EntityInfo, error) {
	if err := q.CheckText(); err != nil {
		return nil, err
	}
	e, err := scanEntity(s.read.QueryRowContext(ctx, `SELECT `+entityColumns+` FROM entities WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("entity %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("reading entity %s: %w", id, err)
	}
	info := &EntityInfo{EntitySummary: e, Timeline: []Bucket{}}
	q.Entity = ""
	f, ok := filtersWithText(q)
	if !ok {
		return info, nil
	}
	rows, err := s.read.QueryContext(ctx, `SELECT a.published, COUNT(*), SUM(ae.mentions)
		FROM article_entities ae JOIN articles a ON a.id = ae.article
		WHERE ae.entity = ? AND a.published <> '' AND `+f.sql()+`
		GROUP BY a.published ORDER BY a.published`, append([]any{id}, f.args...)...)
	if err != nil {
		return nil, fmt.Errorf("reading timeline of entity %s: %w", id, err)
	}
	defer rows.Close()
	if info.Timeline, err = scanAll(rows, scanDayMentions); err != nil {
		return nil, fmt.Errorf("reading timeline of entity %s: %w", id, err)
	}
	return info, nil
}

// prefixRange returns bounds [lo, hi) for the keys starting with prefix.
func prefixRange(prefix string) (lo, hi string) {
	lo = strings.ToLower(prefix)
	return lo, lo + string(utf8.MaxRune)
}

func clampLimit(n int) int {
	switch {
	case n <= 0:
		return DefaultLimit
	case n > MaxLimit:
		return MaxLimit
	}
	return n
}

// Entities lists the most mentioned entities.
func (s *SQLite) Entities(ctx context.Context, prefix string, limit int) ([]EntitySummary, error) {
	lo, hi := prefixRange(prefix)
	// Without a prefix, no range: the articles index then gives the order.
	rows, err := s.read.QueryContext(ctx, `SELECT `+entityColumns+` FROM entities
		WHERE ? = '' OR (name_key >= ? AND name_key < ?) ORDER BY articles DESC, mentions DESC, id LIMIT ?`, lo, lo, hi, clampLimit(limit))
	return listRows(rows, err, "listing entities", scanEntity)
}

// Tags lists the tags, most used first.
func (s *SQLite) Tags(ctx context.Context, prefix string, limit int) ([]TagCount, error) {
	lo, hi := prefixRange(prefix)
	rows, err := s.read.QueryContext(ctx, `SELECT tag, articles FROM tag_counts
		WHERE ? = '' OR (tag_key >= ? AND tag_key < ?) ORDER BY articles DESC, tag_key LIMIT ?`, lo, lo, hi, clampLimit(limit))
	return listRows(rows, err, "listing tags", scanTagCount)
}

// Timeline counts the articles matching q per day.
func (s *SQLite) Timeline(ctx context.Context, q Query) ([]Bucket, error) {
	if err := q.check(); err != nil {
		return nil, err
	}
	out := []Bucket{}
	f, ok := filtersWithText(q)
	if !ok {
		return out, nil
	}
	rows, err := s.read.QueryContext(ctx, `SELECT a.published, COUNT(*) FROM articles a
		WHERE a.published <> '' AND `+f.sql()+` GROUP BY a.published ORDER BY a.published`, f.args...)
	return listRows(rows, err, "timeline", scanDayCount)
}
