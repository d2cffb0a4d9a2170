package ingest

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// errZeroDate is why ParseDate refuses 0001-01-01.
var errZeroDate = errors.New("the zero date, not a publication date")

// ParseDate parses a publication date in the forms found in news data,
// page metadata and on the command line, most specific first. A form
// without a zone is read as UTC. It is the one parser of publication
// dates: the readers, the CLI's --published and the API's published use it,
// so all accept the same dates. The zero date 0001-01-01 is refused: the
// zero time stands for "no date" everywhere after reading.
func ParseDate(s string) (time.Time, error) {
	orig := s
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return time.Time{}, fmt.Errorf("empty date")
	}
	layouts := [...]string{
		time.RFC3339Nano, // also matches RFC 3339 without fractional seconds
		"2006-01-02T15:04:05Z0700",
		"2006-01-02T15:04:05",
		"2006-01-02T15:04Z07:00",
		"2006-01-02T15:04",
		"2006-01-02 15:04:05Z07:00",
		"2006-01-02 15:04:05 Z07:00",
		"2006-01-02 15:04:05 -0700",
		"2006-01-02 15:04:05 MST",
		"2006-01-02 15:04:05",
		"2006-01-02 15:04",
		"2006-01-02",
		time.RFC1123Z,
		time.RFC1123,
		"Mon, 2 Jan 2006 15:04:05 -0700",
		"Mon, 2 Jan 2006 15:04:05 MST",
		"Mon, 2 Jan 2006 15:04 -0700",
		"Mon, 2 Jan 2006 15:04 MST",
		"2 Jan 2006 15:04:05 -0700",
		"2 Jan 2006 15:04:05 MST",
		time.RFC850,
		time.ANSIC,
		time.UnixDate,
		"Monday, January 2, 2006 15:04",
		"Monday, January 2, 2006",
		"Mon, Jan 2, 2006",
		"January 2, 2006 15:04",
		"January 2, 2006",
		"Jan 2, 2006",
		"2 January 2006",
		"2 Jan 2006",
		"2006/01/02 15:04:05",
		"2006/01/02",
		"20060102",
	}
	for _, layout := range layouts {
		if t, err := time.Parse(layout, s); err == nil {
			if t.IsZero() {
				return time.Time{}, fmt.Errorf("%q is %w", clip(orig), errZeroDate)
			}
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("unrecognised date %q", clip(s))
}

// clip shortens a date given by a client or a file for an error message.
func clip(s string) string {
	const max = 100
	if len(s) <= max {
		return s
	}
	return strings.ToValidUTF8(s[:max], "") + "…"
}
