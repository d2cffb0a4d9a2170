package pipeline

import (
	"sort"
	"strconv"
	"strings"
	"unicode"

	"tidings/annotate"
	"tidings/text"
)

// entities groups the document's entity spans into entities. Names are
// grouped by type and spelling (linking to the knowledge base and
// coreference come with the kb/link stage); each quantity is its own
// entity with its value.
func entities(d *text.Document, titleEnd int) []Entity {
	var out []Entity
	byKey := map[string]int{}
	for _, sp := range d.Entities {
		start, end := d.Bytes(sp)
		mention := Mention{Start: start, End: end, Text: d.Text[start:end]}
		switch sp.Label {
		case "PER", "ORG", "LOC", "MISC":
			key := sp.Label + "\x00" + strings.Join(strings.Fields(mention.Text), " ")
			i, ok := byKey[key]
			if !ok {
				i = len(out)
				byKey[key] = i
				out = append(out, Entity{ID: localID(sp.Label, mention.Text), Name: mention.Text, Type: sp.Label})
			}
			out[i].Mentions = append(out[i].Mentions, mention)
		default:
			q := annotate.Quantity(d, sp)
			e := Entity{
				ID: "local:" + strings.ToLower(sp.Label) + ":" + strconv.Itoa(start), Name: mention.Text, Type: sp.Label,
				Kind: "quantity", Unit: q.Unit, Modifier: q.Modifier, Mentions: []Mention{mention},
			}
			if q.Value != 0 {
				v := q.Value
				e.Value = &v
			}
			out = append(out, e)
		}
	}
	for i := range out {
		out[i].Salience = salience(out[i], len(d.Text), titleEnd)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Salience > out[j].Salience })
	return out
}

// salience scores how central an entity is, in [0, 1]: how often it is
// mentioned, whether the title names it, and how early it first appears.
func salience(e Entity, textLen, titleEnd int) float64 {
	if e.Kind == "quantity" {
		return 0
	}
	s := 0.5 * min(1, float64(len(e.Mentions))/5)
	if e.Mentions[0].Start < titleEnd {
		s += 0.3
	}
	if textLen > 0 {
		s += 0.2 * (1 - float64(e.Mentions[0].Start)/float64(textLen))
	}
	return float64(int(s*1000+0.5)) / 1000
}

// localID makes the id of an entity not in the knowledge base.
func localID(typ, name string) string {
	var b strings.Builder
	b.WriteString("local:")
	b.WriteString(strings.ToLower(typ))
	b.WriteByte(':')
	dash := false
	for _, r := range strings.ToLower(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			dash = false
		} else if !dash {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimRight(b.String(), "-")
}
