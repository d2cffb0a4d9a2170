package store

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"tidings/record"
)

// ExportedEvent is one line of an events export: who did what to whom,
// when and where, as GDELT's event tables give it, with the article and
// the sentence it was coded from.
type ExportedEvent struct {
	Date         string  `json:"date"`
	SourceCode   string  `json:"source_code"`
	SourceName   string  `json:"source_name"`
	SourceEntity string  `json:"source_entity"`
	TargetCode   string  `json:"target_code"`
	TargetName   string  `json:"target_name"`
	TargetEntity string  `json:"target_entity"`
	CAMEO        string  `json:"cameo"`
	PLOVER       string  `json:"plover"`
	Goldstein    float64 `json:"goldstein"`
	Location     string  `json:"location"`
	LocationName string  `json:"location_name"`
	Dead         int     `json:"dead"`
	Injured      int     `json:"injured"`
	Confidence   float64 `json:"confidence"`
	Article      int64   `json:"article"`
	URL          string  `json:"url"`
	Published    string  `json:"published"`
	Sentence     string  `json:"sentence"`
}

var EventExportColumns = []string{"date", "source_code", "source_name", "source_entity", "target_code", "target_name",
	"target_entity", "cameo", "plover", "goldstein", "location", "location_name", "dead", "injured", "confidence", "article",
	"url", "published", "sentence"}

func (e ExportedEvent) row() []string {
	return []string{e.Date, e.SourceCode, e.SourceName, e.SourceEntity, e.TargetCode, e.TargetName, e.TargetEntity,
		e.CAMEO, e.PLOVER, strconv.FormatFloat(e.Goldstein, 'f', -1, 64), e.Location, e.LocationName,
		strconv.Itoa(e.Dead), strconv.Itoa(e.Injured), strconv.FormatFloat(e.Confidence, 'f', 2, 64), strconv.FormatInt(e.Article, 10),
		e.URL, e.Published, e.Sentence}
}

// maxExportCache bounds the analyses an export keeps at once.
const maxExportCache = 256

// ExportEvents writes the events q selects, as CSV with a header line
// (format "csv") or JSON lines ("jsonl"), and returns how many. The
// names and sentence of an event come from its article's stored
// analysis, read once per article while its events follow one another.
func ExportEvents(ctx context.Context, st Store, q Query, format string, w io.Writer) (int, error) {
	var cw *csv.Writer
	var enc *json.Encoder
	if format == "csv" {
		cw = csv.NewWriter(w)
		if err := cw.Write(EventExportColumns); err != nil {
			return 0, err
		}
	} else {
		enc = json.NewEncoder(w)
		enc.SetEscapeHTML(false)
	}
	// Events come in order of date, so an article's events may be apart:
	// the analyses read last are kept, with their entities' names.
	type analysis struct {
		rec   *record.Record
		names map[string]string
	}
	read := map[int64]analysis{}
	n := 0
	err := st.Events(ctx, q, func(e EventRow) error {
		an, ok := read[e.Article]
		if !ok {
			a, err := st.Article(ctx, e.Article)
			if err != nil {
				return fmt.Errorf("article %d: %w", e.Article, err)
			}
			an = analysis{rec: &a.Analysis, names: map[string]string{}}
			for _, en := range a.Analysis.Entities {
				an.names[en.ID] = en.Name
			}
			if len(read) == maxExportCache {
				clear(read)
			}
			read[e.Article] = an
		}
		cur := an.rec
		x := ExportedEvent{Date: e.Date, SourceCode: e.SourceCode, SourceEntity: e.SourceEntity, TargetCode: e.TargetCode,
			TargetEntity: e.TargetEntity, CAMEO: e.CAMEO, PLOVER: e.PLOVER, Goldstein: e.Goldstein, Location: e.Location,
			Dead: e.Dead, Injured: e.Injured, Article: e.Article, URL: e.URL, Published: e.Published}
		if e.Seq >= 0 && e.Seq < len(cur.Events) {
			ev := cur.Events[e.Seq]
			x.SourceName, x.TargetName, x.Confidence = ev.Source.Text, ev.Target.Text, ev.Confidence
			if s := ev.Sentence; s[0] >= 0 && s[0] <= s[1] && s[1] <= len(cur.Text) {
				x.Sentence = strings.Join(strings.Fields(cur.Text[s[0]:s[1]]), " ")
			}
		}
		x.LocationName = an.names[e.Location]
		n++
		if cw != nil {
			row := x.row()
			if x.Dead == 0 && x.Injured == 0 {
				row[12], row[13] = "", "" // no count was coded: unknown, not none
			}
			return cw.Write(row)
		}
		return enc.Encode(x)
	})
	if cw != nil {
		cw.Flush()
		if err == nil {
			err = cw.Error()
		}
	}
	return n, err
}
