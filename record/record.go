// Package record holds the wire types of CONTRACT.md: the analysis object
// that analyze prints, the archive stores and the server answers. It
// depends on nothing of the engine, so that what only reads the archive
// does not carry the analysis with it.
package record

import "time"

// Record is the analysis object of CONTRACT.md, one per article.
type Record struct {
	ID        string   `json:"id"`
	URL       string   `json:"url,omitempty"`
	Title     string   `json:"title"`
	Published string   `json:"published,omitempty"`
	Source    string   `json:"source,omitempty"`
	Text      string   `json:"text"`
	GoldTags  []string `json:"gold_tags"`
	Tags      []Tag    `json:"tags"`
	Entities  []Entity `json:"entities"`
	Dates     []Date   `json:"dates"`
	Events    []Event  `json:"events"`
	Sentences [][2]int `json:"sentences"`
	Tokens    [][2]int `json:"tokens"` // byte spans of the syntactic words
	Multiword [][2]int `json:"multiword_tokens,omitempty"`
}

// Tag is one tag of the article's ranked tag line.
type Tag struct {
	Tag      string   `json:"tag"`
	Score    float64  `json:"score"`
	Entity   string   `json:"entity,omitempty"`
	Evidence [][2]int `json:"evidence"`
	Inferred bool     `json:"inferred,omitempty"` // implied by the knowledge base, not named
}

// Entity is a linked entity with all its mentions.
type Entity struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	Type      string    `json:"type"`
	Kind      string    `json:"kind,omitempty"`
	Wikidata  string    `json:"wikidata,omitempty"`
	Wikipedia string    `json:"wikipedia,omitempty"`
	Country   string    `json:"country,omitempty"`
	Salience  float64   `json:"salience"`
	Mentions  []Mention `json:"mentions"`
	// Quantities (MONEY, PERCENT, QUANTITY, COUNT) carry their value.
	Value    *float64 `json:"value,omitempty"`
	Unit     string   `json:"unit,omitempty"`
	Modifier string   `json:"modifier,omitempty"`
}

// Mention is one occurrence of an entity in the text.
type Mention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Date is a normalised time expression (TimeML TIMEX3).
type Date struct {
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Text   string `json:"text"`
	Type   string `json:"type"`
	Value  string `json:"value"`
	Mod    string `json:"mod,omitempty"`
	Anchor string `json:"anchor,omitempty"`
}

// Event is one coded event (CAMEO / PLOVER).
type Event struct {
	CAMEO     string  `json:"cameo"`
	PLOVER    string  `json:"plover"`
	Goldstein float64 `json:"goldstein"`
	Source    Actor   `json:"source"`
	Target    Actor   `json:"target"`
	Date      string  `json:"date,omitempty"`
	Location  string  `json:"location,omitempty"`
	Dead      int     `json:"dead"`
	Injured   int     `json:"injured"`
	// Confidence, in [0, 1], says how far an analyst may trust the event
	// (events.Event.Confidence).
	Confidence float64 `json:"confidence"`
	Trigger    [2]int  `json:"trigger"`
	Sentence   [2]int  `json:"sentence"`
}

// Actor is an event's source or target.
type Actor struct {
	Text   string `json:"text"`
	Code   string `json:"code,omitempty"`
	Entity string `json:"entity,omitempty"`
}

// FormatDate writes a publication time as a date when it has no time of
// day, else as RFC 3339; the zero time is "".
func FormatDate(t time.Time) string {
	switch {
	case t.IsZero():
		return ""
	case t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0:
		return t.Format("2006-01-02")
	}
	return t.Format(time.RFC3339)
}
