package annotate

import (
	"reflect"
	"strings"
	"testing"

	"tidings/text"
)

func TestCarryToHeadline(t *testing.T) {
	// Each case: the text, the model's names as "type:words" (each the
	// first occurrence of its words at or after the previous name's end,
	// or in the body with a leading "^"),
	// and the names wanted in the headline.
	for _, c := range []struct {
		text        string
		model, want []string
	}{
		{ // a name of two words the headline's reading cut
			"Lindqvist Retires Hurt From Baltic Open Final\n\nKarl Lindqvist stopped after two sets at the Baltic Open on Friday.",
			[]string{"PER:Lindqvist", "MISC:Baltic", "PER:Karl Lindqvist", "MISC:Baltic Open"},
			[]string{"PER:Lindqvist", "MISC:Baltic Open"},
		},
		{ // a long misreading gives way to the body's names, long and short
			"Militia VRF Seizes Port Dalen After Siege\n\nThe VRF said its fighters held Port Dalen on Sunday.",
			[]string{"ORG:VRF Seizes Port Dalen", "ORG:VRF", "LOC:Port Dalen"},
			[]string{"ORG:VRF", "LOC:Port Dalen"},
		},
		{ // one word where the model found nothing, in the body's case only
			"Harlow Cuts 300 Jobs As Orders Fall\n\nHarlow said orders for its pumps fell by a fifth.",
			[]string{"^ORG:Harlow"},
			[]string{"ORG:Harlow"},
		},
		{ // one word the model typed otherwise, alone
			"Brennan Sign Winger From Dutch Champions\n\nBrennan agreed a fee with the Dutch club on Monday.",
			[]string{"PER:Brennan", "MISC:Dutch", "ORG:Brennan", "MISC:Dutch"},
			[]string{"ORG:Brennan", "MISC:Dutch"},
		},
		{ // a headline in running-text case keeps the model's reading
			"Lindqvist retires hurt from the Baltic final\n\nKarl Lindqvist stopped after two sets at the Baltic Open.",
			[]string{"PER:Lindqvist", "MISC:Baltic", "PER:Karl Lindqvist", "MISC:Baltic Open"},
			[]string{"PER:Lindqvist", "MISC:Baltic"},
		},
		{ // no headline: a first sentence that ends with a full stop
			"Lindqvist Retires Hurt From Baltic Open Final.\n\nKarl Lindqvist stopped at the Baltic Open.",
			[]string{"PER:Lindqvist", "MISC:Baltic", "PER:Karl Lindqvist", "MISC:Baltic Open"},
			[]string{"PER:Lindqvist", "MISC:Baltic"},
		},
	} {
		d := text.New(c.text)
		spans := findSpans(t, d, c.model)
		got := carryToHeadline(d, spans)
		var head []string
		for i, sp := range got {
			if i > 0 && sp.Start < got[i-1].End {
				t.Errorf("%q: spans out of order or overlapping: %v", c.text, got)
			}
			if sp.Start < d.Sentences[0].End {
				head = append(head, sp.Label+":"+d.Text[d.Tokens[sp.Start].Start:d.Tokens[sp.End-1].End])
			}
		}
		if !reflect.DeepEqual(head, c.want) {
			t.Errorf("%q: headline names %q, want %q", c.text, head, c.want)
		}
	}
}

// findSpans turns "type:words" into spans, each found at or after the
// previous one's end ("^type:words": in the body).
func findSpans(t *testing.T, d *text.Document, names []string) []text.Span {
	var out []text.Span
	from := 0
	for _, n := range names {
		if body, ok := strings.CutPrefix(n, "^"); ok {
			n, from = body, max(from, d.Sentences[0].End)
		}
		typ, words, _ := strings.Cut(n, ":")
		ws := strings.Fields(words)
		found := false
		for i := from; i+len(ws) <= len(d.Tokens) && !found; i++ {
			ok := true
			for j, w := range ws {
				if d.Tokens[i+j].Form != w {
					ok = false
					break
				}
			}
			if ok {
				out = append(out, text.Span{Start: i, End: i + len(ws), Label: typ})
				from, found = i+len(ws), true
			}
		}
		if !found {
			t.Fatalf("%q not found after token %d", n, from)
		}
	}
	return out
}
