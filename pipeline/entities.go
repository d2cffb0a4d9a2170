package pipeline

import (
	"strconv"
	"strings"

	"tidings/annotate"
	"tidings/link"
	"tidings/record"
	"tidings/text"
)

// entities returns the analysis's entities: the linked named entities,
// then each quantity as its own entity with its value.
func entities(d *text.Document, linked []link.Entity) []record.Entity {
	var out []record.Entity
	for _, le := range linked {
		e := record.Entity{ID: le.ID, Name: le.Name, Type: le.Type, Salience: le.Salience}
		if le.Linked() {
			en := le.Entry
			e.Name, e.Kind, e.Country, e.Wikidata = en.Name, en.Kind, en.Country, en.Wikidata
			if en.Wikidata != "" {
				e.ID = en.Wikidata
			}
			// Only a title that a source gives (kb/audit); none is guessed
			// from the name.
			e.Wikipedia = en.Wikipedia
		}
		for _, sp := range le.Mentions {
			start, end := d.Bytes(sp)
			e.Mentions = append(e.Mentions, record.Mention{Start: start, End: end, Text: d.Text[start:end]})
		}
		out = append(out, e)
	}
	for _, sp := range d.Entities {
		switch sp.Label {
		case "PER", "ORG", "LOC", "MISC":
			continue
		}
		start, end := d.Bytes(sp)
		q := annotate.Quantity(d, sp)
		e := record.Entity{
			ID: "local:" + strings.ToLower(sp.Label) + ":" + strconv.Itoa(start), Name: d.Text[start:end], Type: sp.Label,
			Kind: "quantity", Unit: q.Unit, Modifier: q.Modifier, Mentions: []record.Mention{{Start: start, End: end, Text: d.Text[start:end]}},
		}
		if q.Value != 0 {
			v := q.Value
			e.Value = &v
		}
		out = append(out, e)
	}
	return out
}
