package record

import (
	"strings"
	"testing"
)

func TestWhy(t *testing.T) {
	r := &Record{Title: "Dock strike spreads", Text: "Dock strike spreads\n\nWorkers at Ruritania's ports were striking on Monday. Ruritania said the strike would end. The minister took over the post."}
	at := func(s string, nth int) [2]int {
		from := 0
		for {
			i := from + strings.Index(r.Text[from:], s)
			if nth == 0 {
				return [2]int{i, i + len(s)}
			}
			nth--
			from = i + len(s)
		}
	}
	for _, c := range []struct {
		name string
		tag  Tag
		want string
	}{
		{"a name", Tag{Tag: "Ruritania", Entity: "Q1", Evidence: [][2]int{at("Ruritania", 0), at("Ruritania", 1)}}, "named ×2: “Ruritania”"},
		{"a topic in the title", Tag{Tag: "strikes", Evidence: [][2]int{at("strike", 0), at("striking", 0), at("strike", 1)}}, "topic ×3: “strike”, “striking” (in the title)"},
		{"implied", Tag{Tag: "Someone", Inferred: true, Evidence: [][2]int{at("The minister took over the post.", 0)}}, "implied by the knowledge base: “The minister took over the post.”"},
		{"a bad span is skipped", Tag{Tag: "x", Evidence: [][2]int{{-1, 3}, {5, 2}, {0, 9999}}}, "topic"},
	} {
		if got := r.Why(c.tag); got != c.want {
			t.Errorf("%s: Why = %q, want %q", c.name, got, c.want)
		}
	}
}
