package annotate

import (
	"slices"
	"strings"

	"tidings/text"
)

// carryToHeadline gives a headline the names its body recognised. A
// headline in title case or in capitals is read without the clue capitals
// give, and its words are few ("Djokovic Retires Injured From Australian
// Open Semi-Final"), while the body names the same things in running text
// ("at the Australian Open"). So where the headline writes a name of two
// words or more that the body found, the body's name and type replace what
// the model found there; then a name of one word is carried where the
// model found nothing or that word alone ("RSF", "Chelsea"), as one word
// is weaker evidence than the model's reading of a longer name around it.
// spans are ordered and disjoint; the result is too.
func carryToHeadline(doc *text.Document, spans []text.Span) []text.Span {
	if len(doc.Sentences) < 2 {
		return spans
	}
	head := doc.Sentences[0]
	if !standsAlone(doc, head) {
		return spans
	}
	words := make([]string, 0, head.End-head.Start)
	for _, t := range doc.Tokens[head.Start:head.End] {
		words = append(words, t.Form)
	}
	capitals := allCaps(words)
	if !capitals && !titleCaseSentence(words, true) {
		return spans // a headline in running-text case: its capitals tell
	}
	names := bodyNames(doc, spans, head.End)
	if len(names) == 0 {
		return spans
	}
	lower := make([]string, len(words))
	for i, w := range words {
		lower[i] = strings.ToLower(w)
	}
	long := func(n *bodyName, i int, cover []int) bool { return len(n.words) >= 2 }
	one := func(n *bodyName, i int, cover []int) bool {
		if len(n.words) != 1 || cover[i] > 1 {
			return false
		}
		if capitals {
			return strings.ToUpper(n.form) == words[i]
		}
		return n.form == words[i] // "Target", not "target"
	}
	spans = carry(spans, head, lower, names, long)
	return carry(spans, head, lower, names, one)
}

// bodyName is a name the body recognised: its lower-cased words, the form
// it was first written in, and the types it was given.
type bodyName struct {
	words []string
	form  string
	votes map[string]int
}

// bodyNames collects the names of the spans from token from on.
func bodyNames(doc *text.Document, spans []text.Span, from int) []*bodyName {
	var names []*bodyName
	index := map[string]*bodyName{}
	for _, sp := range spans {
		if sp.Start < from {
			continue
		}
		ws := make([]string, 0, sp.End-sp.Start)
		for _, t := range doc.Tokens[sp.Start:sp.End] {
			ws = append(ws, strings.ToLower(t.Form))
		}
		key := strings.Join(ws, " ")
		n, ok := index[key]
		if !ok {
			n = &bodyName{words: ws, form: doc.Text[doc.Tokens[sp.Start].Start:doc.Tokens[sp.End-1].End], votes: map[string]int{}}
			index[key] = n
			names = append(names, n)
		}
		n.votes[sp.Label]++
	}
	return names
}

// carry replaces the spans over the headline head where the longest name
// that ok admits matches its words, left to right. cover[i] is the length
// of the span over the headline's word i, 0 when none.
func carry(spans []text.Span, head text.Span, lower []string, names []*bodyName, ok func(n *bodyName, i int, cover []int) bool) []text.Span {
	cover := make([]int, len(lower))
	for _, sp := range spans {
		if sp.Start >= head.End {
			break
		}
		for t := max(sp.Start, head.Start); t < sp.End; t++ {
			cover[t-head.Start] = sp.End - sp.Start
		}
	}
	var carried []text.Span
	for i := 0; i < len(lower); {
		var best *bodyName
		for _, n := range names {
			if len(n.words) <= len(lower)-i && slices.Equal(lower[i:i+len(n.words)], n.words) &&
				(best == nil || len(n.words) > len(best.words)) && ok(n, i, cover) {
				best = n
			}
		}
		if best == nil {
			i++
			continue
		}
		n := len(best.words)
		carried = append(carried, text.Span{Start: head.Start + i, End: head.Start + i + n, Label: majority(best.votes)})
		i += n
	}
	if len(carried) == 0 {
		return spans
	}
	out := make([]text.Span, 0, len(spans)+len(carried))
	c := 0
	for _, sp := range spans {
		for c < len(carried) && carried[c].End <= sp.Start {
			out = append(out, carried[c])
			c++
		}
		if overlapsAny(sp, carried) {
			continue // the body's name replaces the model's reading
		}
		out = append(out, sp)
	}
	return append(out, carried[c:]...)
}

func overlapsAny(sp text.Span, in []text.Span) bool {
	for _, o := range in {
		if sp.Start < o.End && o.Start < sp.End {
			return true
		}
	}
	return false
}

// majority is the type with the most votes, ties to the first in the
// order PER, ORG, LOC, MISC.
func majority(votes map[string]int) string {
	best, n := "", 0
	for _, l := range []string{"PER", "ORG", "LOC", "MISC"} {
		if votes[l] > n {
			best, n = l, votes[l]
		}
	}
	return best
}
