package eval

import (
	"fmt"
	"sort"
	"strings"
)

// ChunkScore holds conlleval's precision, recall and F1 of exact chunks,
// overall and per chunk type.
type ChunkScore struct {
	Overall PRF
	ByType  map[string]PRF
}

// ScoreChunks compares IOB label sequences chunk by chunk, with the chunk
// boundaries of conlleval (a chunk starts at B-, or at I- after another
// type or O; it ends before B-, O or another type).
func ScoreChunks(gold, sys [][]string) ChunkScore {
	sc := ChunkScore{ByType: map[string]PRF{}}
	for i := range gold {
		g, s := Chunks(gold[i]), Chunks(sys[i])
		gs := map[Chunk]bool{}
		for _, c := range g {
			gs[c] = true
			x := sc.ByType[c.Type]
			x.Gold++
			sc.ByType[c.Type] = x
			sc.Overall.Gold++
		}
		for _, c := range s {
			x := sc.ByType[c.Type]
			x.System++
			if gs[c] {
				x.Correct++
				sc.Overall.Correct++
			}
			sc.ByType[c.Type] = x
			sc.Overall.System++
		}
	}
	sc.Overall.finish()
	for t, x := range sc.ByType {
		x.finish()
		sc.ByType[t] = x
	}
	return sc
}

// Chunk is one entity: a type over words [Start, End).
type Chunk struct {
	Type       string
	Start, End int
}

// Chunks extracts the chunks of an IOB label sequence as conlleval does.
func Chunks(labels []string) []Chunk {
	var out []Chunk
	start, typ := -1, ""
	for i := 0; i <= len(labels); i++ {
		l := "O"
		if i < len(labels) {
			l = labels[i]
		}
		tag, t := "O", ""
		if l != "O" && len(l) > 2 {
			tag, t = l[:1], l[2:]
		}
		// end of the open chunk?
		if start >= 0 && (tag == "O" || tag == "B" || tag == "U" || t != typ) {
			out = append(out, Chunk{typ, start, i})
			start = -1
		}
		if tag != "O" && start < 0 {
			start, typ = i, t
		}
	}
	return out
}

// sortedTypes returns the entity types of a score in order.
func (s ChunkScore) sortedTypes() []string {
	var ts []string
	for t := range s.ByType {
		ts = append(ts, t)
	}
	sort.Strings(ts)
	return ts
}

// String renders the score like conlleval's summary.
func (s ChunkScore) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "overall  P %.4f  R %.4f  F1 %.4f  (gold %d, system %d, correct %d)\n",
		s.Overall.Precision, s.Overall.Recall, s.Overall.F1, s.Overall.Gold, s.Overall.System, s.Overall.Correct)
	for _, t := range s.sortedTypes() {
		x := s.ByType[t]
		fmt.Fprintf(&b, "%-7s  P %.4f  R %.4f  F1 %.4f  (gold %d, system %d, correct %d)\n", t, x.Precision, x.Recall, x.F1, x.Gold, x.System, x.Correct)
	}
	return b.String()
}
