package server

import (
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"tidings/store"
)

// Caps on the length of text parameters: longer ones are mistakes or
// abuse, and each costs the store work.
const (
	maxQueryBytes = 1000
	maxNameBytes  = 300
)

// dayLayout is the form of the from and to parameters.
const dayLayout = "2006-01-02"

// textParam returns the trimmed parameter name, checked to be valid UTF-8
// and at most max bytes long.
func textParam(v url.Values, name string, max int) (string, error) {
	s := strings.TrimSpace(v.Get(name))
	switch {
	case !utf8.ValidString(s):
		return "", badParam(name, "not valid UTF-8")
	case strings.ContainsRune(s, 0):
		return "", badParam(name, "contains a NUL character")
	case len(s) > max:
		return "", badParam(name, "longer than %d bytes", max)
	}
	return s, nil
}

// dayParam returns the day the parameter name gives as YYYY-MM-DD; the
// zero time when it is absent.
func dayParam(v url.Values, name string) (time.Time, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(dayLayout, s)
	if err != nil {
		return time.Time{}, badParam(name, "want a date as YYYY-MM-DD, got %q", clip(s))
	}
	return t, nil
}

// intParam returns the integer parameter name within [lo, hi]; def when
// it is absent.
func intParam(v url.Values, name string, def, lo, hi int) (int, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, badParam(name, "want an integer from %d to %d, got %q", lo, hi, clip(s))
	}
	return n, nil
}

// boolParam returns the boolean parameter name: true, false, 1, 0 and
// the like; false when it is absent.
func boolParam(v url.Values, name string) (bool, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return false, nil
	}
	b, err := strconv.ParseBool(s)
	if err != nil {
		return false, badParam(name, "want true or false, got %q", clip(s))
	}
	return b, nil
}

// filterParams reads the filters that select articles: q, entity, tag,
// from and to. Limit and offset are the caller's.
func filterParams(v url.Values) (store.Query, error) {
	var q store.Query
	var err error
	if q.Text, err = textParam(v, "q", maxQueryBytes); err != nil {
		return q, err
	}
	if err := (store.Query{Text: q.Text}).CheckText(); err != nil {
		return q, badParam("q", "%s", err)
	}
	if q.Entity, err = textParam(v, "entity", maxNameBytes); err != nil {
		return q, err
	}
	if q.Tag, err = textParam(v, "tag", maxNameBytes); err != nil {
		return q, err
	}
	ev, err := eventParams(v)
	if err != nil {
		return q, err
	}
	q.Event, q.Actor, q.From, q.To = ev.Event, ev.Actor, ev.From, ev.To
	return q, nil
}

// eventParams reads the filters on events and dates: event, actor, from
// and to (the events export takes only these).
func eventParams(v url.Values) (store.Query, error) {
	var q store.Query
	var err error
	if q.Event, err = textParam(v, "event", maxNameBytes); err != nil {
		return q, err
	}
	if q.Actor, err = textParam(v, "actor", maxNameBytes); err != nil {
		return q, err
	}
	if err := (store.Query{Event: q.Event}).CheckEvents(); err != nil {
		return q, badParam("event", "%s", err)
	}
	if err := (store.Query{Actor: q.Actor}).CheckEvents(); err != nil {
		return q, badParam("actor", "%s", err)
	}
	if q.From, err = dayParam(v, "from"); err != nil {
		return q, err
	}
	if q.To, err = dayParam(v, "to"); err != nil {
		return q, err
	}
	if !q.From.IsZero() && !q.To.IsZero() && q.To.Before(q.From) {
		return q, badParam("to", "%s is before from (%s)", q.To.Format(dayLayout), q.From.Format(dayLayout))
	}
	return q, nil
}

// maxOffset keeps offsets in a range the store counts through quickly
// enough; nobody pages that deep by hand.
const maxOffset = 1_000_000

// queryParams reads the filters and the limit and offset of a page of
// results.
func queryParams(v url.Values) (store.Query, error) {
	q, err := filterParams(v)
	if err != nil {
		return q, err
	}
	if q.Limit, err = intParam(v, "limit", store.DefaultLimit, 1, store.MaxLimit); err != nil {
		return q, err
	}
	if q.Offset, err = intParam(v, "offset", 0, 0, maxOffset); err != nil {
		return q, err
	}
	return q, nil
}

// articleID parses an article id: a positive integer.
func articleID(s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, badParam("id", "want a positive integer, got %q", clip(s))
	}
	return id, nil
}

// clip shortens a bad value quoted back in a message.
func clip(s string) string {
	const max = 64
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
