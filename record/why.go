package record

import (
	"fmt"
	"strings"
)

// Why says in a line why a tag is in the line, from its evidence: the
// words of the text that name it (the first three, with how often they
// do so and whether the title does), or, for a tag the knowledge base
// implies, the sentence that implies it. The text is r.Text, which begins
// with the title.
func (r *Record) Why(t Tag) string {
	quote := func(s string) string {
		s = strings.Join(strings.Fields(s), " ")
		if len(s) > 90 {
			cut := strings.LastIndexByte(s[:90], ' ')
			if cut < 40 {
				cut = 90
			}
			s = s[:cut] + " …"
		}
		return "“" + s + "”"
	}
	var texts []string
	seen := map[string]bool{}
	inTitle := false
	n := 0
	for _, ev := range t.Evidence {
		if ev[0] < 0 || ev[1] > len(r.Text) || ev[0] >= ev[1] {
			continue
		}
		n++
		inTitle = inTitle || r.Title != "" && ev[0] < len(r.Title) && strings.HasPrefix(r.Text, r.Title)
		s := r.Text[ev[0]:ev[1]]
		if !seen[s] {
			seen[s] = true
			texts = append(texts, s)
		}
	}
	if t.Inferred {
		if len(texts) == 0 {
			return "implied by the knowledge base"
		}
		return "implied by the knowledge base: " + quote(texts[0])
	}
	what := "named"
	if t.Entity == "" {
		what = "topic"
	}
	if n == 0 {
		return what
	}
	var qs []string
	for _, s := range texts[:min(3, len(texts))] {
		qs = append(qs, quote(s))
	}
	out := fmt.Sprintf("%s ×%d: %s", what, n, strings.Join(qs, ", "))
	if len(texts) > 3 {
		out += ", …"
	}
	if inTitle {
		out += " (in the title)"
	}
	return out
}
