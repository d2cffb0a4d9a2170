package annotate

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// A remembered sum must add exactly what looking its features up adds,
// whether it is found or replaced, and with rows whose keys collide.
func TestGroupCacheMatchesScore(t *testing.T) {
	const classes = 5
	tr := NewTrainer(classes)
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range 200 {
		f := feat(uint64(i))
		for range 1 + rng.IntN(classes) {
			tr.Tick()
			tr.Update([]uint64{f}, rng.IntN(classes), float64(rng.IntN(9)-4))
		}
	}
	w := tr.Average(0)
	var c groupCache
	for range 5000 {
		feats := make([]uint64, 1+rng.IntN(maxGroup))
		for i := range feats {
			feats[i] = feat(uint64(rng.IntN(20))) // few values: rows are found again
		}
		want := make([]float32, classes)
		w.Score(feats, want)
		got := make([]float32, classes)
		c.add(w, feats, got)
		if !slices.Equal(got, want) {
			t.Fatalf("%v: %v, want %v", feats, got, want)
		}
	}
}

// Over EWT dev, the scores that the tagger, the parser and the
// recogniser decide by are those of plain lookups of all their features.
func TestRememberedScoresMatchPlain(t *testing.T) {
	sents := devOrSkip(t)
	m := loadOrFail(t)
	var ts tagScratch
	var ps parseScratch
	var ns nerScratch
	out := make([]int32, 0, 256)
	var want []float32
	check := func(what string, w *Weights, feats []uint64, got []float32) {
		t.Helper()
		want = append(want[:0], make([]float32, len(got))...)
		w.Score(feats, want)
		if !slices.Equal(got, want) {
			t.Fatalf("%s: %v, want %v", what, got, want)
		}
	}
	for si, s := range sents {
		if si%4 != 0 { // a quarter is enough, and quick
			continue
		}
		// Tagger: every word, as if unknown, after the predicted tags.
		out = out[:len(s.Form)]
		m.Tagger.tag(s.Form, out, &ts)
		scores := make([]float32, len(m.Tagger.classes))
		for i := range s.Form {
			p1, p2 := -1, -2
			if i > 0 {
				p1 = int(out[i-1])
			}
			if i > 1 {
				p2 = int(out[i-2])
			}
			ts.feats = tagFeatures(ts.feats[:0], ts.infos, i, p1, p2)
			plain := slices.Clone(ts.feats)
			m.Tagger.score(&ts, scores)
			check("tagger", m.Tagger.weights, plain, scores)
		}
		// Parser: every transition taken.
		tags := m.Tagger.JointTags(s.Form)
		p := m.Parser
		p.prepare(s.Form, tags, &ps)
		for st := &ps.st; !st.done(); {
			ps.feats = parseFeatures(ps.feats[:0], st, ps.toks)
			plain := slices.Clone(ps.feats)
			p.score(&ps)
			check("parser", p.weights, plain, ps.scores)
			p.apply(st, p.bestLegal(p.legal(st), ps.scores))
		}
		// Recogniser: every word, after no entity.
		ws := m.NER.infos(nil, s.Form, tags, 0)
		nscores := make([]float32, len(m.NER.labels))
		for i := range s.Form {
			ns.feats = nerFeatures(ns.feats[:0], ws, i, 0, 0, false)
			plain := slices.Clone(ns.feats)
			m.NER.score(m.NER.weights, 0, &ns, nscores)
			check("recogniser", m.NER.weights, plain, nscores)
		}
	}
}
