package eval

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// EventCase is one sentence of an event test set
// (events/testdata/news-events.jsonl): the events a coder codes from it,
// none for a sentence that must code nothing.
type EventCase struct {
	Line      int         `json:"-"`
	ID        string      `json:"id"`
	Class     string      `json:"class"`
	Published string      `json:"published"`
	Text      string      `json:"text"`
	Events    []GoldEvent `json:"events"`
	Note      string      `json:"note"`
	Date      time.Time   `json:"-"` // Published, parsed
}

// GoldEvent is one expected event with its casualty counts.
type GoldEvent struct {
	Source  string `json:"source"`
	Target  string `json:"target"`
	CAMEO   string `json:"cameo"`
	PLOVER  string `json:"plover"`
	Dead    int    `json:"dead"`
	Injured int    `json:"injured"`
}

// Tuple is the event as the scorers compare it.
func (g GoldEvent) Tuple() EventTuple {
	return EventTuple{Source: g.Source, Target: g.Target, Code: g.CAMEO}
}

// ReadEventSet reads an event test set: JSON Lines, one sentence a line
// with its id, class, publication date, text and expected events. name
// is used in errors.
func ReadEventSet(r io.Reader, name string) ([]EventCase, error) {
	return readCases(r, name, "sentences", func(c *EventCase, line int) error {
		c.Line = line
		switch {
		case c.ID == "":
			return fmt.Errorf("no id")
		case strings.TrimSpace(c.Text) == "":
			return fmt.Errorf("%s: no text", c.ID)
		}
		if c.Published != "" {
			d, err := time.Parse(time.DateOnly, c.Published)
			if err != nil {
				return fmt.Errorf("%s: published: %w", c.ID, err)
			}
			c.Date = d
		}
		for i, e := range c.Events {
			if len(e.CAMEO) < 2 || strings.Trim(e.CAMEO, "0123456789") != "" {
				return fmt.Errorf("%s: event %d: bad CAMEO code %q", c.ID, i+1, e.CAMEO)
			}
		}
		return nil
	}, func(c *EventCase) string { return c.ID })
}

// EventCaseResult is how one sentence of a set fared.
type EventCaseResult struct {
	// Pass: the system's events are the gold ones at the root level
	// (source, target, two-digit root), one for one, and each matched
	// event carries the gold's casualty counts.
	Pass bool
	// Casualties: matched events whose dead and injured counts agree,
	// of Matched.
	Casualties, Matched int
}

// SystemEvent is a coded event with its casualty counts, as the set
// scorer compares it.
type SystemEvent struct {
	EventTuple
	Dead, Injured int
}

// ScoreEventCase compares one sentence's system events with the gold at
// the root level and checks the casualties of the matched ones. An
// appeal (root 02) and a demand (root 10) are one root here, as PLOVER
// 2021 merges them into REQUEST (its CAMEO table has no 02 codes).
func ScoreEventCase(gold []GoldEvent, system []SystemEvent) EventCaseResult {
	used := make([]bool, len(system))
	var r EventCaseResult
	for _, g := range gold {
		gk := requestRoot(RootCode.key(g.Tuple()))
		for i, s := range system {
			if used[i] || requestRoot(RootCode.key(s.EventTuple)) != gk {
				continue
			}
			used[i] = true
			r.Matched++
			if s.Dead == g.Dead && s.Injured == g.Injured {
				r.Casualties++
			}
			break
		}
	}
	r.Pass = r.Matched == len(gold) && r.Matched == len(system) && r.Casualties == r.Matched
	return r
}

// requestRoot files an appeal's root under the demand's.
func requestRoot(k EventTuple) EventTuple {
	if k.Code == "02" {
		k.Code = "10"
	}
	return k
}
