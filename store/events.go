package store

import (
	"context"
	"fmt"
)

// EventRow is one stored event with the article it was coded from, as an
// export lists it.
type EventRow struct {
	Article      int64   `json:"article"`
	Seq          int     `json:"seq"` // the event's index in the article's analysis
	URL          string  `json:"url,omitempty"`
	Published    string  `json:"published,omitempty"` // YYYY-MM-DD
	CAMEO        string  `json:"cameo"`
	PLOVER       string  `json:"plover"`
	Goldstein    float64 `json:"goldstein"`
	SourceCode   string  `json:"source_code"`
	SourceEntity string  `json:"source_entity,omitempty"`
	TargetCode   string  `json:"target_code"`
	TargetEntity string  `json:"target_entity,omitempty"`
	Date         string  `json:"date"`
	Location     string  `json:"location,omitempty"`
	Dead         int     `json:"dead"`
	Injured      int     `json:"injured"`
}

// eventsWhere returns the conditions of an events export on the events
// table (alias e): From and To on the event's own date, Event and Actor as
// Search reads them. arg adds a parameter and returns its placeholder.
func (q Query) eventsWhere(arg func(any) string) (string, error) {
	column, event, actor, err := q.eventFilters()
	if err != nil {
		return "", err
	}
	cond := "1 = 1"
	if !q.From.IsZero() {
		cond += " AND e.date >= " + arg(q.From.Format("2006-01-02"))
	}
	if !q.To.IsZero() {
		cond += " AND e.date <= " + arg(q.To.Format("2006-01-02"))
	}
	if event != "" {
		cond += " AND e." + column + " LIKE " + arg(event)
	}
	if actor != "" {
		cond += " AND (e.source_code LIKE " + arg(actor) + " OR e.target_code LIKE " + arg(actor) + ")"
	}
	return cond, nil
}

const eventColumns = `e.article, e.seq, e.cameo, e.plover, e.goldstein, e.source_code, e.source_entity,
	e.target_code, e.target_entity, e.date, e.location, e.dead, e.injured`

func scanEvent(r scanner) (EventRow, error) {
	var e EventRow
	err := r.Scan(&e.Article, &e.Seq, &e.CAMEO, &e.PLOVER, &e.Goldstein, &e.SourceCode, &e.SourceEntity,
		&e.TargetCode, &e.TargetEntity, &e.Date, &e.Location, &e.Dead, &e.Injured, &e.URL, &e.Published)
	return e, err
}

// Events calls fn for each stored event that q selects, in order of the
// event's date, then article and place in the article; fn's error stops
// it and is returned. Rows are read as fn takes them, not gathered.
func (s *SQLite) Events(ctx context.Context, q Query, fn func(EventRow) error) error {
	var args []any
	cond, err := q.eventsWhere(func(v any) string { args = append(args, v); return "?" })
	if err != nil {
		return err
	}
	rows, err := s.read.QueryContext(ctx, `SELECT `+eventColumns+`, COALESCE(a.url, ''), a.published
		FROM events e JOIN articles a ON a.id = e.article WHERE `+cond+` ORDER BY e.date, e.article, e.seq`, args...)
	if err != nil {
		return fmt.Errorf("events: %w", err)
	}
	defer rows.Close()
	return eachEvent(rows, fn)
}

// Events: see SQLite.Events.
func (p *Postgres) Events(ctx context.Context, q Query, fn func(EventRow) error) error {
	var args pgArgs
	cond, err := q.eventsWhere(args.add)
	if err != nil {
		return err
	}
	rows, err := p.pool.Query(ctx, `SELECT `+eventColumns+`, COALESCE(a.url, ''), COALESCE(to_char(a.published, 'YYYY-MM-DD'), '')
		FROM events e JOIN articles a ON a.id = e.article WHERE `+cond+` ORDER BY e.date, e.article, e.seq`, args...)
	if err != nil {
		return fmt.Errorf("events: %w", err)
	}
	defer rows.Close()
	return eachEvent(rows, fn)
}

// eachEvent reads the rows of an events query into fn.
func eachEvent(rows resultRows, fn func(EventRow) error) error {
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return fmt.Errorf("events: %w", err)
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("events: %w", err)
	}
	return nil
}
