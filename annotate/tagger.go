package annotate

import (
	"context"
	"fmt"
	"math/rand"
	"sort"
	"strings"
)

// Sentence is one annotated sentence for training and evaluation: parallel
// slices over its syntactic words. Head is 1-based (0 = root) as in
// CoNLL-U; -1 where unknown.
type Sentence struct {
	Form, Lemma, UPOS, XPOS, Deprel []string
	Head                            []int
}

// Len returns the number of words.
func (s *Sentence) Len() int { return len(s.Form) }

// Tagger assigns UPOS and XPOS tags jointly (one class per tag pair) with
// a greedy left-to-right averaged perceptron, and lemmas with a
// Lemmatizer. Read-only after loading: safe for concurrent use.
type Tagger struct {
	weights *Weights
	classes []string // "UPOS XPOS"
	upos    []string
	xpos    []string
	// dict maps frequent words that carry one tag almost always to it;
	// those words skip scoring.
	dict     map[string]int32
	lemma    *Lemmatizer
	clusters *Clusters // may be nil
	lex      map[string]lexEntry
}

// Classes returns the tag pairs the tagger predicts.
func (t *Tagger) Classes() []string { return t.classes }

// tagFeatures appends the feature hashes for word i given the two
// previous predicted classes (-1 and -2 before the sentence start).
func tagFeatures(fs []uint64, ws []wordInfo, i int, p1, p2 int) []uint64 {
	at := func(k int) *wordInfo {
		switch {
		case k < 0:
			return &padBefore
		case k >= len(ws):
			return &padAfter
		}
		return &ws[k]
	}
	w, wp, wpp, wn, wnn := at(i), at(i-1), at(i-2), at(i+1), at(i+2)
	t1, t2 := uint64(p1+3), uint64(p2+3)
	flags := w.flags(i == 0)
	return append(fs,
		feat(1),
		hashInt(feat(2), w.lower),
		hashInt(feat(3), w.suf3),
		hashInt(feat(4), w.suf2),
		hashInt(feat(5), w.suf1),
		hashInt(feat(6), w.suf4),
		hashInt(feat(7), w.pre1),
		hashInt(feat(8), w.shape),
		hashInt(feat(9), t1),
		hashInt(feat(10), t2),
		hashInt(hashInt(feat(11), t1), t2),
		hashInt(hashInt(feat(12), t1), w.lower),
		hashInt(feat(13), wp.lower),
		hashInt(feat(14), wp.suf3),
		hashInt(feat(15), wpp.lower),
		hashInt(feat(16), wn.lower),
		hashInt(feat(17), wn.suf3),
		hashInt(feat(18), wnn.lower),
		hashInt(hashInt(feat(19), wp.lower), w.lower),
		hashInt(hashInt(feat(20), w.lower), wn.lower),
		hashInt(feat(21), wn.shape),
		hashInt(feat(22), flags),
		hashInt(hashInt(feat(23), t1), w.suf3),
		hashInt(hashInt(feat(24), wp.shape), w.shape),
		hashInt(feat(25), w.fine),
		hashInt(feat(26), w.coarse),
		hashInt(feat(27), wp.fine),
		hashInt(feat(28), wn.fine),
		hashInt(feat(29), wn.coarse),
		hashInt(hashInt(feat(30), t1), w.fine),
		hashInt(hashInt(feat(31), w.fine), wn.fine),
	)
}

// tagScratch is per-call working memory.
type tagScratch struct {
	known  []int32 // dictionary class per word, -1 when not in the dictionary
	infos  []wordInfo
	feats  []uint64
	scores []float32
	// shapes remembers the summed weights of the shape features, across
	// sentences; off for a one-off call.
	shapes  groupCache
	noCache bool
}

// Tag predicts a class for each word; out must have len(words).
func (t *Tagger) Tag(words []string, out []int32) {
	sc := tagScratch{noCache: true}
	t.tag(words, out, &sc)
}

// The bias and the features of shape and spelling (templates 1, 8, 21,
// 22 and 24 in tagFeatures) take few distinct values together and carry
// nearly a third of the weights that tagging a word adds, so their sums
// are remembered (see groupCache).
const nTagFeatures = 31

// score sets scores to those of sc.feats.
func (t *Tagger) score(sc *tagScratch, scores []float32) {
	clear(scores)
	fs := sc.feats
	if sc.noCache || len(fs) != nTagFeatures {
		t.weights.Score(fs, scores)
		return
	}
	group := [...]uint64{fs[0], fs[7], fs[20], fs[21], fs[23]}
	sc.shapes.add(t.weights, group[:], scores)
	const grouped uint64 = 1<<0 | 1<<7 | 1<<20 | 1<<21 | 1<<23
	rest := fs[:0]
	for i, f := range fs {
		if grouped>>i&1 == 0 {
			rest = append(rest, f)
		}
	}
	t.weights.Score(rest, scores)
}

func (t *Tagger) tag(words []string, out []int32, sc *tagScratch) {
	sc.infos = sc.infos[:0]
	sc.known = sc.known[:0]
	for _, w := range words {
		e, ok := t.lex[w]
		if !ok {
			e = unknownWord
		}
		sc.known = append(sc.known, e.class)
		sc.infos = append(sc.infos, infoOf(w, e))
	}
	if cap(sc.scores) < len(t.classes) {
		sc.scores = make([]float32, len(t.classes))
	}
	t.tagFrom(out[:len(words)], 0, sc)
}

// UPOS and XPOS return the tags of a class.
func (t *Tagger) UPOS(c int32) string { return t.upos[c] }
func (t *Tagger) XPOS(c int32) string { return t.xpos[c] }

// Lemma returns the lemma of a word with the given class.
func (t *Tagger) Lemma(word string, c int32) string {
	return t.lemma.Lemma(word, t.upos[c], t.xpos[c])
}

func argmax(s []float32) int {
	best := 0
	for i, v := range s {
		if v > s[best] {
			best = i
		}
	}
	return best
}

// TrainOptions control training.
type TrainOptions struct {
	MaxEpochs int   // upper bound on passes over the training data
	Patience  int   // stop after this many epochs without a better dev score
	Seed      int64 // shuffling seed: same data and seed, same model
	// Progress is called after each epoch with its dev score (may be nil).
	Progress func(epoch int, trainAcc, devScore float64)
	// Step is called after each training sentence (may be nil), for a
	// progress bar.
	Step func()
	// MinWeight prunes averaged weights of smaller magnitude, which keeps
	// models small (default 1e-3).
	MinWeight float64
}

func (o TrainOptions) withDefaults() TrainOptions {
	if o.MaxEpochs == 0 {
		o.MaxEpochs = 12
	}
	if o.Patience == 0 {
		o.Patience = 2
	}
	if o.MinWeight == 0 {
		o.MinWeight = 1e-3
	}
	return o
}

// TrainTagger learns a tagger and lemmatiser from train, choosing the
// epoch by accuracy on dev.
func TrainTagger(ctx context.Context, train, dev []Sentence, clusters *Clusters, opt TrainOptions) (*Tagger, float64, error) {
	opt = opt.withDefaults()
	t := &Tagger{lemma: TrainLemmatizer(train), clusters: clusters}
	index := map[string]int32{}
	counts := map[string]map[string]int{} // word -> class -> count
	for _, s := range train {
		for i := range s.Form {
			key := s.UPOS[i] + " " + s.XPOS[i]
			if _, ok := index[key]; !ok {
				index[key] = 0
				t.classes = append(t.classes, key)
			}
			m := counts[s.Form[i]]
			if m == nil {
				m = map[string]int{}
				counts[s.Form[i]] = m
			}
			m[key]++
		}
	}
	if len(t.classes) == 0 {
		return nil, 0, fmt.Errorf("train tagger: no tagged words in the training data")
	}
	// Sorted classes, so that the model does not depend on data order.
	sort.Strings(t.classes)
	for i, k := range t.classes {
		index[k] = int32(i)
		u, x, _ := strings.Cut(k, " ")
		t.upos, t.xpos = append(t.upos, u), append(t.xpos, x)
	}
	t.dict = map[string]int32{}
	for w, m := range counts {
		total, best, bestN := 0, "", 0
		for k, n := range m {
			total += n
			if n > bestN || n == bestN && k < best {
				best, bestN = k, n
			}
		}
		if total >= 20 && float64(bestN)/float64(total) >= 0.995 {
			t.dict[w] = index[best]
		}
	}
	t.lex = buildLexicon(nil, clusters) // training scores every word
	gold := make([][]int32, len(train))
	for si, s := range train {
		g := make([]int32, len(s.Form))
		for i := range s.Form {
			g[i] = index[s.UPOS[i]+" "+s.XPOS[i]]
		}
		gold[si] = g
	}

	tr := NewTrainer(len(t.classes))
	var sc tagScratch
	scores := make([]float32, len(t.classes))
	learn := func(_, si int) (correct, total int) {
		s := train[si]
		sc.infos = sc.infos[:0]
		for _, w := range s.Form {
			sc.infos = append(sc.infos, infoOf(w, t.lex[w]))
		}
		p1, p2 := -1, -2
		for i := range s.Form {
			sc.feats = tagFeatures(sc.feats[:0], sc.infos, i, p1, p2)
			clear(scores)
			tr.Score(sc.feats, scores)
			guess := int32(argmax(scores))
			tr.Tick()
			if g := gold[si][i]; guess != g {
				tr.Update(sc.feats, int(g), 1)
				tr.Update(sc.feats, int(guess), -1)
			} else {
				correct++
			}
			total++
			p2, p1 = p1, int(guess)
		}
		return correct, total
	}
	var devScore func(*Weights) float64
	if len(dev) > 0 {
		devScore = func(w *Weights) float64 {
			t.weights = w
			return t.Evaluate(dev).UPOS
		}
	}
	best, bestScore, err := trainEpochs(ctx, len(train), tr, rand.New(rand.NewSource(opt.Seed)), opt, learn, devScore)
	if err != nil {
		return nil, 0, err
	}
	t.weights = best
	t.lex = buildLexicon(t.dict, clusters)
	return t, bestScore, nil
}

// TagAccuracy holds tagging accuracies over gold-tokenised sentences.
type TagAccuracy struct {
	Words                    int
	UPOS, XPOS, Lemma, Joint float64
}

// Evaluate tags gold-tokenised sentences and scores them.
func (t *Tagger) Evaluate(sents []Sentence) TagAccuracy {
	var n, u, x, l, j int
	var out []int32
	var sc tagScratch
	for _, s := range sents {
		out = append(out[:0], make([]int32, len(s.Form))...)
		t.tag(s.Form, out, &sc)
		for i, c := range out {
			n++
			okU, okX := t.upos[c] == s.UPOS[i], t.xpos[c] == s.XPOS[i]
			if okU {
				u++
			}
			if okX {
				x++
			}
			if okU && okX {
				j++
			}
			if s.Lemma != nil && t.Lemma(s.Form[i], c) == s.Lemma[i] {
				l++
			}
		}
	}
	d := float64(max(n, 1))
	return TagAccuracy{Words: n, UPOS: float64(u) / d, XPOS: float64(x) / d, Lemma: float64(l) / d, Joint: float64(j) / d}
}

// JointTags tags words and returns each tag pair as "UPOS XPOS", the form
// the parser takes.
func (t *Tagger) JointTags(words []string) []string {
	cls := make([]int32, len(words))
	t.Tag(words, cls)
	out := make([]string, len(words))
	for i, c := range cls {
		out[i] = t.classes[c]
	}
	return out
}

// JackknifeTags tags each training sentence with a tagger trained on the
// other folds, so that a parser trained on the result sees realistic
// tagging errors. Returns "UPOS XPOS" tags per sentence.
func JackknifeTags(ctx context.Context, train []Sentence, clusters *Clusters, folds int, opt TrainOptions) ([][]string, error) {
	out := make([][]string, len(train))
	for f := 0; f < folds; f++ {
		var in, held []Sentence
		var heldIdx []int
		for i, s := range train {
			if i%folds == f {
				held, heldIdx = append(held, s), append(heldIdx, i)
			} else {
				in = append(in, s)
			}
		}
		// Train for a fixed number of epochs: the held-out fold is the
		// only honest dev set here, and it must stay unseen.
		o := opt
		o.Progress = nil
		o.Patience = o.MaxEpochs + 1
		t, _, err := TrainTagger(ctx, in, nil, clusters, o)
		if err != nil {
			return nil, fmt.Errorf("jackknife fold %d: %w", f+1, err)
		}
		for k, s := range held {
			out[heldIdx[k]] = t.JointTags(s.Form)
		}
	}
	return out, nil
}
