package annotate

import (
	"math/rand/v2"
	"slices"
	"strings"
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

// Decoding labels a lower-case function word O without scoring it when no
// name is open before it: the model must never have labelled it otherwise.
// Over EWT dev and sentences whose names hold such words, the labels are
// those of scoring every word.
func TestFunctionWordsSkipSameLabels(t *testing.T) {
	sents := devOrSkip(t)
	m := loadOrFail(t)
	forms := [][]string{}
	for _, s := range sents {
		forms = append(forms, s.Form)
	}
	for _, s := range []string{
		"The Bank of England left rates unchanged on Thursday .",
		"Shares in Marks and Spencer rose after the Duke of York visited the store .",
		"She studied at the University of the West of England before joining Ernst & Young .",
		"Flights from Charles de Gaulle airport to The Hague were cancelled .",
		"Lord of the Rings star met the Prince of Wales at the Tower of London .",
		"The Council of the European Union and the Court of Justice disagreed .",
		"Officials said that it was the first time they had met in the Gulf of Mexico .",
		"Leaders of Bosnia and Herzegovina and of Trinidad and Tobago will attend .",
	} {
		forms = append(forms, strings.Fields(s))
	}
	var sc nerScratch
	skipped := 0
	for _, words := range forms {
		tags := m.Tagger.JointTags(words)
		ws := m.NER.infos(nil, words, tags, 0)
		got := make([]int, len(words))
		m.NER.decode(m.NER.weights, words, ws, nil, got, &sc)
		for i := range ws {
			if ws[i].function {
				skipped++
			}
			ws[i].function = false
		}
		want := make([]int, len(words))
		m.NER.decode(m.NER.weights, words, ws, nil, want, &sc)
		if !slices.Equal(got, want) {
			t.Errorf("%q: labels %v, scoring every word %v", words, got, want)
		}
	}
	if skipped == 0 {
		t.Fatal("no word was skipped: the test checks nothing")
	}
}
