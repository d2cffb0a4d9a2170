package eval

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"
)

// EventSentence is one record of a PETRARCH validation file: a sentence,
// its date and the events coded from it.
type EventSentence struct {
	ID       string
	Date     time.Time // zero when the record has none
	Text     string
	Events   []EventTuple
	NoEvents bool   // the record says no event is to be coded
	Parse    string // the record's own dependency parse (CoNLL-U), "" when none
}

// EventTuple is one coded event: who did what to whom.
type EventTuple struct {
	Source, Target, Code string
}

// ReadPetrarch reads a PETRARCH validation file (<Sentence>, <Text>,
// <EventCoding sourcecode targetcode eventcode>, noevents). The files put
// free text and '#' banners outside the elements and close <Sentence/>
// before its children, so the reader walks the token stream rather than
// unmarshalling: an <EventCoding> or <Text> belongs to the last
// <Sentence> opened.
func ReadPetrarch(r io.Reader, name string) ([]EventSentence, error) {
	raw, err := io.ReadAll(io.LimitReader(r, 256<<20))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	// <Sentence .../> is closed where it opens, and again by a stray
	// </Sentence> that a decoder would reject.
	raw = bytes.ReplaceAll(raw, []byte("</Sentence>"), nil)
	dec := xml.NewDecoder(bytes.NewReader(raw))
	dec.Strict = false
	var out []EventSentence
	var cur *EventSentence
	inText, inParse := false, false
	var text strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "Sentence":
				if attr(t, "evaluate") == "false" {
					cur = nil
					continue
				}
				out = append(out, EventSentence{ID: attr(t, "id")})
				cur = &out[len(out)-1]
				if d := attr(t, "date"); d != "" {
					cur.Date = petrarchDate(d)
				}
			case "EventCoding":
				if cur == nil {
					continue
				}
				if strings.EqualFold(attr(t, "noevents"), "true") {
					cur.NoEvents = true
					continue
				}
				ev := EventTuple{Source: attr(t, "sourcecode"), Target: attr(t, "targetcode"), Code: attr(t, "eventcode")}
				if ev.Code == "" {
					return nil, fmt.Errorf("%s: sentence %s: EventCoding without eventcode", name, cur.ID)
				}
				cur.Events = append(cur.Events, ev)
			case "Text":
				inText = cur != nil
				text.Reset()
			case "Parse":
				inParse = cur != nil
				text.Reset()
			}
		case xml.CharData:
			if inText || inParse {
				text.Write(t)
			}
		case xml.EndElement:
			switch {
			case t.Name.Local == "Text" && inText:
				cur.Text = strings.Join(strings.Fields(text.String()), " ")
				inText = false
			case t.Name.Local == "Parse" && inParse:
				cur.Parse = strings.TrimSpace(text.String()) + "\n"
				inParse = false
			}
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no <Sentence> records", name)
	}
	return out, nil
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// petrarchDate reads YYYYMMDD (and the YYMMDD some records use).
func petrarchDate(s string) time.Time {
	for _, layout := range []string{"20060102", "060102"} {
		if len(s) == len(layout) {
			if t, err := time.Parse(layout, s); err == nil {
				return t
			}
		}
	}
	return time.Time{}
}

// EventLevel says how much of a tuple must agree.
type EventLevel int

const (
	// FullCode: source, target and the whole event code.
	FullCode EventLevel = iota
	// RootCode: source, target and the code's two-digit root.
	RootCode
	// CountryRoot: the actors' first three letters (country or IGO) and
	// the root.
	CountryRoot
)

func (l EventLevel) key(e EventTuple) EventTuple {
	src, tgt := actorCode(e.Source), actorCode(e.Target)
	switch l {
	case RootCode:
		return EventTuple{src, tgt, codeRoot(e.Code)}
	case CountryRoot:
		return EventTuple{prefix3(src), prefix3(tgt), codeRoot(e.Code)}
	}
	return EventTuple{src, tgt, e.Code}
}

// actorCode writes an absent actor as PETRARCH does.
func actorCode(c string) string {
	if c == "" {
		return "---"
	}
	return strings.ToUpper(c)
}

func prefix3(c string) string {
	if len(c) > 3 {
		return c[:3]
	}
	return c
}

func codeRoot(c string) string {
	if len(c) > 2 {
		return c[:2]
	}
	return c
}

// ScoreEvents adds one sentence's events to a score: each system tuple
// matches at most one gold tuple with the same key.
func ScoreEvents(s *PRF, level EventLevel, gold, system []EventTuple) {
	left := map[EventTuple]int{}
	for _, g := range gold {
		left[level.key(g)]++
	}
	correct := 0
	for _, e := range system {
		k := level.key(e)
		if left[k] > 0 {
			left[k]--
			correct++
		}
	}
	s.Add(NewPRF(len(gold), len(system), correct))
}
