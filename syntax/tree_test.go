package syntax

import (
	"slices"
	"testing"

	"tidings/text"
)

// parsed builds a Document from words with given heads (1-based, 0 for
// the root, as in CoNLL-U), relations and lemmas.
func parsed(t *testing.T, words []string, heads []int, rels, lemmas []string) *text.Document {
	t.Helper()
	given := make([]text.GivenToken, len(words))
	for i, w := range words {
		given[i] = text.GivenToken{Form: w, SpaceAfter: true}
	}
	var s string
	for i, w := range words {
		if i > 0 {
			s += " "
		}
		s += w
	}
	d := text.FromGiven(s, [][]text.GivenToken{given})
	for i := range d.Tokens {
		d.Tokens[i].Head = heads[i] - 1
		d.Tokens[i].Deprel = rels[i]
		d.Tokens[i].Lemma = lemmas[i]
	}
	return d
}

// police said troops were sent to Almaty and fired at protesters by night
func example(t *testing.T) *text.Document {
	return parsed(t,
		[]string{"Police", "said", "troops", "were", "sent", "to", "Almaty", "and", "fired", "at", "protesters", "by", "night"},
		[]int{2, 0, 5, 5, 2, 7, 5, 9, 5, 11, 9, 13, 9},
		[]string{"nsubj", "root", "nsubj:pass", "aux:pass", "ccomp", "case", "obl", "cc", "conj", "case", "obl", "case", "obl:tmod"},
		[]string{"police", "Say", "troop", "be", "send", "to", "Almaty", "and", "fire", "at", "protester", "by", "night"})
}

func TestTree(t *testing.T) {
	d := example(t)
	tr := New(d)
	if got, want := tr.Kids(4), []int32{2, 3, 6, 8}; !slices.Equal(got, want) {
		t.Errorf("Kids(sent) = %v, want %v", got, want)
	}
	if got := tr.Kids(5); len(got) != 0 {
		t.Errorf("Kids(to) = %v, want none", got)
	}
	for _, tc := range []struct {
		i    int
		rels []string
		want int
	}{
		{4, []string{"nsubj"}, 2}, // "nsubj" matches "nsubj:pass"
		{4, []string{"nsubj:pass"}, 2},
		{4, []string{"obj"}, -1},
		{4, []string{"obj", "obl"}, 6},
		{8, []string{"obl:tmod"}, 12},
		{1, []string{"ccomp"}, 4},
	} {
		if got := tr.Child(tc.i, tc.rels...); got != tc.want {
			t.Errorf("Child(%d, %v) = %d, want %d", tc.i, tc.rels, got, tc.want)
		}
	}
	if got := tr.Prep(6); got != "to" {
		t.Errorf("Prep(Almaty) = %q, want to", got)
	}
	if got := tr.Case(2); got != -1 {
		t.Errorf("Case(troops) = %d, want -1", got)
	}
	// obl:tmod "by night" has a case and is an oblique subtype.
	if got, want := tr.Obliques(8), []int{10, 12}; !slices.Equal(got, want) {
		t.Errorf("Obliques(fired) = %v, want %v", got, want)
	}
	// A clause that is a complement of "say", or a conjunct of one, is
	// reported by it; the verb of speech itself is not.
	for _, tc := range []struct{ i, want int }{{4, 1}, {8, 1}, {1, -1}, {6, -1}} {
		if got := tr.Reporter(tc.i); got != tc.want {
			t.Errorf("Reporter(%d) = %d, want %d", tc.i, got, tc.want)
		}
	}
	if !Parsed(d) || Parsed(text.New("No parse here.")) {
		t.Error("Parsed is wrong")
	}
}

func TestRelIs(t *testing.T) {
	for _, tc := range []struct {
		rel  string
		rels []string
		want bool
	}{
		{"obl", []string{"obl"}, true},
		{"obl:agent", []string{"obl"}, true},
		{"obl:agent", []string{"obl:tmod"}, false},
		{"obl:agent", []string{"obl:agent"}, true},
		{"oblique", []string{"obl"}, false},
		{"nmod", []string{"obl", "nmod"}, true},
		{"", []string{"obl"}, false},
	} {
		if got := RelIs(tc.rel, tc.rels...); got != tc.want {
			t.Errorf("RelIs(%q, %v) = %v, want %v", tc.rel, tc.rels, got, tc.want)
		}
	}
}

// TestMalformed: heads out of range are ignored and a cycle of conjuncts
// ends.
func TestMalformed(t *testing.T) {
	d := parsed(t, []string{"a", "b", "c"}, []int{2, 1, 9}, []string{"conj", "conj", "dep"}, []string{"", "", ""})
	tr := New(d)
	if got := tr.Kids(2); len(got) != 0 {
		t.Errorf("Kids = %v", got)
	}
	if got := tr.Reporter(0); got != -1 {
		t.Errorf("Reporter on a cycle = %d, want -1", got)
	}
}
