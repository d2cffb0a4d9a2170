package tags

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode"

	"tidings/article"
	"tidings/text"
)

// ModelFile is the file a Model is saved as in its directory.
const ModelFile = "tagmodel.gob.gz"

// modelVersion changes when the file layout does.
const modelVersion = 3

// ModelOptions control learning a Model. The zero value gives the defaults.
type ModelOptions struct {
	MinDF      int     // features seen in fewer training articles are dropped (default 2)
	NoBigrams  bool    // words only, no pairs of adjacent words
	Neighbours int     // k of the kNN vote (default 10)
	Epochs     int     // passes of the linear learner over the articles (default 8)
	Rate       float64 // learning rate of the linear learner (default 1)
	// CalibFolds splits the training articles into this many folds: the
	// base models learnt on all folds but one score that one, in turn, and
	// these out-of-fold scores calibrate the combination and choose the
	// thresholds (default 3). Then the base models learn from every article.
	CalibFolds int
	// Balance weighs the positive articles of a tag by
	// (negatives/positives)^Balance in the linear learner, at most
	// maxPositiveWeight, so that a rare tag is not learnt as "never"
	// (default 0.25; -1 for none).
	Balance float64
	// TagShrink is how many out-of-fold positives' worth of weight the
	// global threshold has in each tag's own threshold: a rare tag keeps
	// nearly the global one (default 10; -1 for the global threshold only).
	TagShrink float64
	// Prune drops linear weights of smaller magnitude (default 0.01; -1
	// for none); the rest are stored in a byte each (see codebook).
	Prune   float64
	TopK    int    // most tags predicted (default 10)
	MinTags int    // fewest tags predicted, whatever their probability (default 1; -1 for none)
	Seed    uint64 // seed of the shuffles (default 1): same data and seed, same model, byte for byte
	// KNNOnly learns the floor: tags by the kNN vote alone, calibrated and
	// cut the same way, without the linear model.
	KNNOnly bool
	// Phrases also scores the article's own phrases as tags (see
	// phraseModel): for keyphrases, which are mostly new to the archive.
	Phrases bool
	Step    func()           // called once per article per pass of the learner
	Log     func(msg string) // stages of training
}

// maxPositiveWeight caps the weight of a rare tag's positive articles:
// beyond it, a tag of a handful of articles learns their words by heart.
const maxPositiveWeight = 10

// DefaultModelOptions returns the options that the zero value stands for.
func DefaultModelOptions() ModelOptions { return ModelOptions{}.withDefaults() }

func (o ModelOptions) withDefaults() ModelOptions {
	if o.MinDF == 0 {
		o.MinDF = 2
	}
	if o.Neighbours == 0 {
		o.Neighbours = 10
	}
	if o.Epochs == 0 {
		o.Epochs = 8
	}
	if o.Rate == 0 {
		o.Rate = 1
	}
	if o.CalibFolds == 0 {
		o.CalibFolds = 3
	}
	if o.Balance == 0 {
		o.Balance = 0.25
	}
	if o.TagShrink == 0 {
		o.TagShrink = 10
	}
	if o.Prune == 0 {
		o.Prune = 0.01
	}
	if o.TopK == 0 {
		o.TopK = 10
	}
	if o.MinTags == 0 {
		o.MinTags = 1
	}
	if o.MinTags < 0 {
		o.MinTags = 0
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	return o
}

// Model is a multi-label tagger learned from an archive of tagged
// articles: a logistic-regression scorer per tag over the TF-IDF of the
// words (and linked entities) and a TF-IDF kNN vote of the most similar
// archived articles, combined and calibrated by a logistic regression
// fitted on out-of-fold scores of the training articles, so that each
// tag's score is a probability. The line keeps the tags at or above their
// thresholds, tuned for micro-F1 on the same out-of-fold scores, at most
// TopK of them. Read-only once made: safe for concurrent use.
type Model struct {
	f     modelFile
	lin   *linear // nil for KNNOnly
	ix    *index
	vocab vocabulary
	// tagWord is the feature id of each tag's name as a word or word pair
	// ("west-germany": "west germany"), or -1.
	tagWord []int32
	// tagKey is each tag's KeyphraseKey, with a phrase scorer.
	tagKey []string
}

// derive sets what is computed from the saved fields.
func (m *Model) derive() {
	m.vocab.init(m.f.Words, m.f.IDF)
	m.tagWord = make([]int32, len(m.f.Tags))
	for t, name := range m.f.Tags {
		key := strings.Join(strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return r == '-' || r == '_' || unicode.IsSpace(r) }), " ")
		id, ok := m.vocab.ids[key]
		if !ok {
			id = -1
		}
		m.tagWord[t] = id
	}
	if m.f.Phrase != nil {
		m.tagKey = make([]string, len(m.f.Tags))
		for t, name := range m.f.Tags {
			m.tagKey[t] = KeyphraseKey(name)
		}
	}
}

// modelFile is what is saved: slices and scalars only, so that gob writes
// the same bytes for the same model.
type modelFile struct {
	Version    int
	Bigrams    bool
	Neighbours int
	TopK       int
	MinTags    int
	KNNOnly    bool
	Words      []string
	IDF        []float32
	Tags       []string
	Prior      []float32   // share of training articles with each tag
	Linear     *linearFile // nil for KNNOnly
	Index      *indexFile
	Calib      platt
	Threshold  float64      // the global threshold, and that of the article's own phrases
	TagCut     []float32    // each tag's threshold; nil: Threshold for all
	Phrase     *phraseModel // nil unless trained with Phrases
}

// prepared is an article's counted features and its gold tags.
type prepared struct {
	keys []string
	n    []int
	gold []string
}

func prepare(e Example, bigrams bool) prepared {
	keys, n := counts(terms(e, bigrams))
	return prepared{keys: keys, n: n, gold: dedupe(e.Article.GoldTags)}
}

func dedupe(tags []string) []string {
	var out []string
	for _, t := range tags {
		if t != "" && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// Train learns a Model from articles with gold tags; articles without any
// are skipped. It is deterministic for given data and options.
func Train(ctx context.Context, examples []Example, opt ModelOptions) (*Model, error) {
	opt = opt.withDefaults()
	docs := make([]prepared, 0, len(examples))
	for _, e := range examples {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if p := prepare(e, !opt.NoBigrams); len(p.gold) > 0 {
			docs = append(docs, p)
		}
	}
	m, err := train(ctx, docs, opt)
	if err != nil || !opt.Phrases {
		return m, err
	}
	m.f.Phrase = trainPhrases(examples)
	m.derive()
	return m, nil
}

func train(ctx context.Context, docs []prepared, opt ModelOptions) (*Model, error) {
	if len(docs) == 0 {
		return nil, errors.New("training tags: no articles with gold tags")
	}
	logf := func(format string, args ...any) {
		if opt.Log != nil {
			opt.Log(fmt.Sprintf(format, args...))
		}
	}
	// Tags in sorted order: the same data gives the same ids.
	var tagNames []string
	seen := map[string]bool{}
	for _, d := range docs {
		for _, t := range d.gold {
			if !seen[t] {
				seen[t] = true
				tagNames = append(tagNames, t)
			}
		}
	}
	slices.Sort(tagNames)
	tagID := make(map[string]int32, len(tagNames))
	for i, t := range tagNames {
		tagID[t] = int32(i)
	}

	// Out-of-fold candidates of every training article.
	held := make([]heldCase, 0, len(docs))
	k := opt.CalibFolds
	if k < 2 || len(docs) < 10*k {
		// Too few to hold out: calibrate on the training articles themselves
		// (overconfident, but a small archive has no better choice).
		logf("calibrating on the %d training articles themselves, %d tags", len(docs), len(tagNames))
		m, err := fitBase(ctx, docs, tagNames, tagID, opt)
		if err != nil {
			return nil, err
		}
		for _, d := range docs {
			held = append(held, heldCase{gold: d.gold, cands: m.candidates(m.vocab.vector(d.keys, d.n))})
		}
	} else {
		// Not the outer folds of Folds: a stream of its own.
		fold := FoldOf(len(docs), k, opt.Seed^0xca11b)
		for j := range k {
			var fit []prepared
			for i, d := range docs {
				if fold[i] != j {
					fit = append(fit, d)
				}
			}
			logf("calibration fold %d of %d: fitting on %d articles, %d tags", j+1, k, len(fit), len(tagNames))
			m, err := fitBase(ctx, fit, tagNames, tagID, opt)
			if err != nil {
				return nil, err
			}
			for i, d := range docs {
				if fold[i] == j {
					held = append(held, heldCase{gold: d.gold, cands: m.candidates(m.vocab.vector(d.keys, d.n))})
				}
			}
		}
	}

	var fs []calibVector
	var ys []bool
	for _, h := range held {
		for _, c := range h.cands {
			fs = append(fs, c.feat)
			ys = append(ys, slices.Contains(h.gold, tagNames[c.tag]))
		}
	}
	calib := fitPlatt(fs, ys)
	logf("calibration %.3f %+.3f·logit %+.3f·vote %+.3f·prior %+.3f·named %+.3f·(logit-best) %+.3f·(vote-best)", calib[0], calib[1], calib[2], calib[3], calib[4], calib[5], calib[6])

	logf("fitting on all %d articles", len(docs))
	m, err := fitBase(ctx, docs, tagNames, tagID, opt)
	if err != nil {
		return nil, err
	}
	m.f.Calib = calib
	for i := range held {
		m.rankCandidates(held[i].cands)
	}
	// The global threshold with the best micro-F1 out of fold.
	best, bestF1 := 0.5, -1.0
	for th := 0.02; th < 0.99; th += 0.01 {
		var correct, system, gold int
		for _, h := range held {
			n := m.lineLength(len(h.cands), func(i int) float64 { return h.cands[i].prob }, th)
			for _, c := range h.cands[:n] {
				if slices.Contains(h.gold, tagNames[c.tag]) {
					correct++
				}
			}
			system += n
			gold += len(h.gold)
		}
		if f := f1(correct, system, gold); f > bestF1 {
			best, bestF1 = th, f
		}
	}
	m.f.Threshold = math.Round(best*100) / 100
	logf("threshold %.2f: out-of-fold micro-F1 %.4f", m.f.Threshold, bestF1)
	if opt.TagShrink >= 0 {
		var f float64
		m.f.TagCut, f = m.tagCuts(held, opt.TagShrink)
		logf("thresholds per tag: out-of-fold micro-F1 %.4f", f)
	}
	return m, nil
}

// heldCase is a training article scored out of fold: its gold tags and
// candidates.
type heldCase struct {
	gold  []string
	cands []scored
}

// tagCuts chooses each tag's threshold for the micro-F1 of the ranked
// out-of-fold cases, by coordinate ascent from the global threshold (each
// tag's best given the others', twice over the tags), each pulled back
// toward the global threshold as if shrink more positives had chosen it.
// It returns the thresholds and the micro-F1 they give.
func (m *Model) tagCuts(held []heldCase, shrink float64) ([]float32, float64) {
	type item struct {
		prob         float64
		gold, forced bool
	}
	global := m.f.Threshold
	nTags := len(m.f.Tags)
	items := make([][]item, nTags)
	positives := make([]int, nTags)
	goldTotal := 0
	for _, h := range held {
		goldTotal += len(h.gold)
		// Beyond TopK a candidate never makes the line.
		for r, c := range h.cands[:min(len(h.cands), m.f.TopK)] {
			g := slices.Contains(h.gold, m.f.Tags[c.tag])
			items[c.tag] = append(items[c.tag], item{c.prob, g, r < m.f.MinTags})
			if g {
				positives[c.tag]++
			}
		}
	}
	for t := range items {
		slices.SortFunc(items[t], func(a, b item) int { return cmp.Compare(b.prob, a.prob) })
	}
	count := func(t int, th float64) (tp, fp int) {
		for _, it := range items[t] {
			if it.forced || it.prob >= th {
				if it.gold {
					tp++
				} else {
					fp++
				}
			}
		}
		return tp, fp
	}
	cuts := make([]float64, nTags)
	var tp, fp int
	for t := range cuts {
		cuts[t] = global
		a, b := count(t, global)
		tp, fp = tp+a, fp+b
	}
	const lo, hi = 0.02, 0.98
	for range 2 {
		for t, its := range items {
			if len(its) == 0 {
				continue
			}
			a, b := count(t, cuts[t])
			tp, fp = tp-a, fp-b
			// Sweep the tag's probabilities from the top: at each, the line
			// takes every item at or above it.
			best, bestF := global, -1.0
			consider := func(th float64, tpT, fpT int) {
				f := 2 * float64(tp+tpT) / float64(tp+tpT+fp+fpT+goldTotal)
				if f > bestF || f == bestF && math.Abs(th-global) < math.Abs(best-global) {
					best, bestF = th, f
				}
			}
			ftp, ffp := 0, 0 // forced items, always in
			for _, it := range its {
				if it.forced {
					if it.gold {
						ftp++
					} else {
						ffp++
					}
				}
			}
			consider(hi, ftp, ffp)
			ctp, cfp := ftp, ffp
			for i, it := range its {
				if !it.forced {
					if it.gold {
						ctp++
					} else {
						cfp++
					}
				}
				if i+1 < len(its) && its[i+1].prob == it.prob {
					continue
				}
				if it.prob >= lo && it.prob <= hi {
					consider(it.prob, ctp, cfp)
				}
			}
			n := float64(positives[t])
			cuts[t] = min(max((n*best+shrink*global)/(n+shrink), lo), hi)
			a, b = count(t, cuts[t])
			tp, fp = tp+a, fp+b
		}
	}
	out := make([]float32, nTags)
	for t, c := range cuts {
		out[t] = float32(c)
	}
	return out, 2 * float64(tp) / float64(tp+fp+goldTotal)
}

// fitBase learns the vocabulary, the kNN index and the linear scorers.
func fitBase(ctx context.Context, docs []prepared, tagNames []string, tagID map[string]int32, opt ModelOptions) (*Model, error) {
	keys := make([][]string, len(docs))
	for i, d := range docs {
		keys[i] = d.keys
	}
	words, idf := newVocabulary(keys, opt.MinDF)
	m := &Model{f: modelFile{
		Version: modelVersion, Bigrams: !opt.NoBigrams, Neighbours: opt.Neighbours, TopK: opt.TopK,
		MinTags: opt.MinTags, KNNOnly: opt.KNNOnly, Words: words, IDF: idf, Tags: tagNames,
	}}
	m.derive()
	xs := make([]sparse, len(docs))
	ys := make([][]int32, len(docs))
	prior := make([]float64, len(tagNames))
	for i, d := range docs {
		xs[i] = m.vocab.vector(d.keys, d.n)
		for _, t := range d.gold {
			ys[i] = append(ys[i], tagID[t])
			prior[tagID[t]]++
		}
		slices.Sort(ys[i])
	}
	var posWeight []float64
	if opt.Balance > 0 {
		posWeight = make([]float64, len(tagNames))
		for t, n := range prior {
			posWeight[t] = 1
			if n > 0 {
				posWeight[t] = min(math.Pow((float64(len(docs))-n)/n, opt.Balance), maxPositiveWeight)
			}
		}
	}
	m.f.Prior = make([]float32, len(prior))
	for t := range prior {
		prior[t] /= float64(len(docs))
		m.f.Prior[t] = float32(prior[t])
	}
	m.ix = newIndex(len(words), xs, ys)
	m.ix.Book = quantise(m.ix.Val, indexFloor, false)
	if !opt.KNNOnly {
		m.lin = newLinear(len(words), len(tagNames), xs, ys)
		if err := m.lin.train(ctx, xs, ys, prior, posWeight, opt.Epochs, opt.Rate, opt.Seed, opt.Step); err != nil {
			return nil, err
		}
		m.lin.Book = quantise(m.lin.W, max(opt.Prune, minWeight), true)
		m.lin.compact()
	}
	return m, nil
}

// The smallest magnitudes kept: an index weight (of an L2-normalised
// vector) below indexFloor adds nothing a neighbour could be told by, and
// minWeight bounds the codebook's range when nothing is pruned.
const (
	indexFloor = 1e-3
	minWeight  = 1e-4
)

// scored is a candidate tag of an article: its features and probability.
type scored struct {
	tag  int32
	feat calibVector
	prob float64
}

// candidates returns the tags worth scoring for x: those the neighbours
// carry and those the linear scorers rank highest.
func (m *Model) candidates(x sparse) []scored {
	nTags := len(m.f.Tags)
	votes := make([]float64, nTags)
	m.ix.vote(x, m.f.Neighbours, votes)
	logits := make([]float64, nTags)
	take := make([]bool, nTags)
	named := make([]bool, nTags)
	for t, v := range votes {
		if id := m.tagWord[t]; id >= 0 && !m.f.KNNOnly { // the floor is the vote alone
			_, named[t] = slices.BinarySearch(x.idx, id)
		}
		take[t] = v > 0 || named[t]
	}
	if m.lin != nil {
		m.lin.scores(x, logits)
		top := make([]int, nTags)
		for t := range top {
			top[t] = t
		}
		sort.Slice(top, func(i, j int) bool {
			return logits[top[i]] > logits[top[j]] || logits[top[i]] == logits[top[j]] && top[i] < top[j]
		})
		for _, t := range top[:min(len(top), 2*max(m.f.TopK, 10))] {
			take[t] = true
		}
	}
	var out []scored
	bestLogit, bestVote := -20.0, 0.0
	for t := range take {
		if take[t] {
			bestLogit, bestVote = max(bestLogit, min(max(logits[t], -20), 20)), max(bestVote, votes[t])
		}
	}
	for t := range take {
		if !take[t] {
			continue
		}
		p := min(max(float64(m.f.Prior[t]), 1e-5), 1-1e-5)
		nm := 0.0
		if named[t] {
			nm = 1
		}
		logit := min(max(logits[t], -20), 20)
		out = append(out, scored{tag: int32(t), feat: calibVector{
			logit, votes[t], math.Log(p / (1 - p)), nm, logit - bestLogit, votes[t] - bestVote,
		}})
	}
	return out
}

// rankCandidates sets the calibrated probabilities and sorts by them.
func (m *Model) rankCandidates(cs []scored) {
	for i := range cs {
		cs[i].prob = m.f.Calib.prob(cs[i].feat)
	}
	slices.SortFunc(cs, func(a, b scored) int {
		if c := cmp.Compare(b.prob, a.prob); c != 0 {
			return c
		}
		return cmp.Compare(a.tag, b.tag)
	})
}

// lineLength returns how many of n candidates, ranked by prob, make the
// line at one threshold th for all.
func (m *Model) lineLength(n int, prob func(int) float64, th float64) int {
	k := 0
	for k < n && k < m.f.TopK && (k < m.f.MinTags || prob(k) >= th) {
		k++
	}
	return k
}

// line returns the ranked tags that make the line: those at or above
// their thresholds (after the first MinTags), in order, at most TopK.
func (m *Model) line(rs []rankedTag) []rankedTag {
	var out []rankedTag
	for i, r := range rs {
		if len(out) == m.f.TopK {
			break
		}
		if i < m.f.MinTags || r.prob >= m.threshold(r.tag) {
			out = append(out, r)
		}
	}
	return out
}

// threshold returns the probability that tag needs to make the line; a
// phrase of the article (-1) needs the global threshold.
func (m *Model) threshold(tag int32) float64 {
	if tag >= 0 && m.f.TagCut != nil {
		return float64(m.f.TagCut[tag])
	}
	return m.f.Threshold
}

// Phrases reports whether the model also scores the article's own phrases,
// and so reads the parts of speech and names of the Documents it is given.
func (m *Model) Phrases() bool { return m.f.Phrase != nil }

// Tags returns the model's tag vocabulary, sorted.
func (m *Model) Tags() []string { return slices.Clone(m.f.Tags) }

// Threshold returns the probability a tag needs to make the line, before
// the tags' own thresholds (see TagThreshold).
func (m *Model) Threshold() float64 { return m.f.Threshold }

// TagThreshold returns the probability that a tag of the vocabulary needs
// to make the line, and false for a tag not in it.
func (m *Model) TagThreshold(tag string) (float64, bool) {
	i, ok := slices.BinarySearch(m.f.Tags, tag)
	if !ok {
		return 0, false
	}
	return m.threshold(int32(i)), true
}

// Rank returns up to n of the model's tags for an article, most probable
// first, whatever the threshold, with calibrated probabilities as scores
// and no evidence. entities are the ids or names of the entities linked
// in the article, or nil.
func (m *Model) Rank(a article.Article, entities []string, n int) []Tag {
	e := Example{Article: a, Entities: entities}
	rs := m.ranked(e, terms(e, m.f.Bigrams))
	out := make([]Tag, 0, min(n, len(rs)))
	for _, r := range rs[:min(n, len(rs))] {
		out = append(out, Tag{Tag: r.name, Score: r.prob})
	}
	return out
}

func (m *Model) rank(ts []term) []scored {
	keys, n := counts(ts)
	cs := m.candidates(m.vocab.vector(keys, n))
	m.rankCandidates(cs)
	return cs
}

// rankedTag is a tag of the vocabulary (tag >= 0) or a phrase of the
// article (tag -1, with its spans), with its probability.
type rankedTag struct {
	name  string
	prob  float64
	tag   int32
	spans [][2]int
}

// ranked ranks the vocabulary's candidate tags and, with a phrase scorer,
// the example's phrases; a phrase that is also a tag keeps the higher
// probability.
func (m *Model) ranked(e Example, ts []term) []rankedTag {
	doc := e.Doc
	if doc == nil && m.f.Phrase != nil {
		doc = text.New(e.Article.Text())
	}
	return m.rankedIn(doc, len(e.Article.Title), ts)
}

// rankedIn is ranked over a Document whose title ends at byte titleEnd
// (doc may be nil without a phrase scorer).
func (m *Model) rankedIn(doc *text.Document, titleEnd int, ts []term) []rankedTag {
	var out []rankedTag
	for _, c := range m.rank(ts) {
		out = append(out, rankedTag{name: m.f.Tags[c.tag], prob: c.prob, tag: c.tag})
	}
	if m.f.Phrase == nil {
		return out
	}
	// Tags and phrases that stem alike are one: the more probable stays.
	at := map[string]int{}
	merged := out[:0]
	for _, r := range out {
		key := m.tagKey[r.tag]
		if j, ok := at[key]; ok {
			if r.prob > merged[j].prob {
				merged[j] = r
			}
			continue
		}
		at[key] = len(merged)
		merged = append(merged, r)
	}
	out = merged
	cands := docPhrases(doc, titleEnd)
	for i, p := range m.f.Phrase.score(cands) {
		c := cands[i]
		r := rankedTag{name: c.form, prob: p, tag: -1, spans: c.spans}
		if j, ok := at[c.key]; ok {
			if p > out[j].prob {
				out[j] = r
			}
			continue
		}
		at[c.key] = len(out)
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b rankedTag) int {
		if c := cmp.Compare(b.prob, a.prob); c != 0 {
			return c
		}
		return cmp.Compare(a.name, b.name)
	})
	return out
}

// Predict returns the article's tag line from the model's vocabulary: the
// tags whose probability reaches their thresholds, most probable first, at
// most TopK of them. Each tag's evidence is the spans of the words that
// weigh most for it (empty for a tag that the neighbours alone bring), or
// for a phrase of the article, where it occurs.
//
// doc is the article's Document (its tokens are read, not made again),
// titleEnd the byte length of the title it starts with (0 for none), and
// entities the ids or names of the entities linked in it, or nil.
func (m *Model) Predict(doc *text.Document, titleEnd int, entities []string) []Tag {
	ts := docTerms(doc, titleEnd, entities, m.f.Bigrams)
	rs := m.line(m.rankedIn(doc, titleEnd, ts))
	out := make([]Tag, len(rs))
	for i, r := range rs {
		out[i] = Tag{Tag: r.name, Score: r.prob, Evidence: r.spans[:min(6, len(r.spans))]}
		if r.tag >= 0 {
			out[i].Evidence = m.evidence(ts, r.tag)
		}
	}
	return out
}

// evidence returns the spans of the (up to three) words or word pairs of
// ts that add most to tag's linear score, at most six spans, in order.
func (m *Model) evidence(ts []term, tag int32) [][2]int {
	l := m.lin
	if l == nil {
		return nil
	}
	keys, n := counts(ts)
	x := m.vocab.vector(keys, n)
	type contrib struct {
		key string
		w   float64
	}
	var cs []contrib
	for i, f := range x.idx {
		pairs := l.Tag[l.Start[f]:l.Start[f+1]]
		j, ok := slices.BinarySearch(pairs, tag)
		if !ok {
			continue
		}
		if w := float64(l.W[int(l.Start[f])+j]) * float64(x.val[i]); w > 0 && m.f.Words[f][:min(2, len(m.f.Words[f]))] != entityPrefix {
			cs = append(cs, contrib{m.f.Words[f], w})
		}
	}
	slices.SortFunc(cs, func(a, b contrib) int {
		if c := cmp.Compare(b.w, a.w); c != 0 {
			return c
		}
		return cmp.Compare(a.key, b.key)
	})
	cs = cs[:min(3, len(cs))]
	var spans [][2]int
	seen := map[[2]int]bool{} // a word of the title is in ts twice
	for _, t := range ts {
		if t.span[0] < 0 || seen[t.span] {
			continue
		}
		for _, c := range cs {
			if t.key == c.key {
				spans = append(spans, t.span)
				seen[t.span] = true
				break
			}
		}
	}
	slices.SortFunc(spans, func(a, b [2]int) int { return cmp.Compare(a[0], b[0]) })
	return spans[:min(6, len(spans))]
}

// Save writes the model into dir as ModelFile, gzip-compressed; the same
// model gives the same bytes.
func (m *Model) Save(dir string) error {
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("saving tag model: %w", err)
	}
	path := filepath.Join(dir, ModelFile)
	if err := os.WriteFile(path+".tmp", buf.Bytes(), 0o644); err != nil {
		os.Remove(path + ".tmp")
		return fmt.Errorf("saving tag model: %w", err)
	}
	if err := os.Rename(path+".tmp", path); err != nil {
		return fmt.Errorf("saving tag model: %w", err)
	}
	return nil
}

// Write writes the gzip-compressed model to w.
func (m *Model) Write(w io.Writer) error {
	f := m.f
	f.Index = m.ix.file()
	if m.lin != nil {
		f.Linear = m.lin.file()
	}
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err := gob.NewEncoder(zw).Encode(&f); err != nil {
		return fmt.Errorf("writing tag model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("writing tag model: %w", err)
	}
	return nil
}

// Load reads a model saved in dir.
func Load(dir string) (*Model, error) {
	path := filepath.Join(dir, ModelFile)
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("loading tag model: %w", err)
	}
	defer f.Close()
	m, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// Read reads a gzip-compressed model written by Write.
func Read(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("reading tag model: %w", err)
	}
	m := &Model{}
	if err := gob.NewDecoder(zr).Decode(&m.f); err != nil {
		return nil, fmt.Errorf("reading tag model: %w", err)
	}
	if m.f.Version != modelVersion {
		return nil, fmt.Errorf("reading tag model: version %d, want %d (train it again)", m.f.Version, modelVersion)
	}
	if err := m.unpack(); err != nil {
		return nil, fmt.Errorf("reading tag model: %w", err)
	}
	m.derive()
	return m, nil
}

// unpack makes the index and the linear model from their file forms,
// checking that a decoded model's parts fit together, so that a corrupt
// file fails here and not with a panic in Predict.
func (m *Model) unpack() error {
	v, nTags := len(m.f.Words), len(m.f.Tags)
	switch {
	case len(m.f.IDF) != v || len(m.f.Prior) != nTags || m.f.Index == nil:
		return errors.New("inconsistent sizes")
	case m.f.TagCut != nil && len(m.f.TagCut) != nTags:
		return errors.New("inconsistent thresholds")
	case len(m.f.Index.Count) != v:
		return errors.New("inconsistent index")
	}
	var err error
	if m.ix, err = m.f.Index.index(nTags); err != nil {
		return err
	}
	if l := m.f.Linear; l != nil {
		if len(l.Count) != v {
			return errors.New("inconsistent linear model")
		}
		if m.lin, err = l.linear(nTags); err != nil {
			return err
		}
	} else if !m.f.KNNOnly {
		return errors.New("no linear model")
	}
	if p := m.f.Phrase; p != nil && (len(p.DF) != len(p.Phrases) || len(p.AsTag) != len(p.Phrases) || len(p.Weights) != phraseFeatures+1) {
		return errors.New("inconsistent phrase scorer")
	}
	// The file forms are not kept: the model holds its parts once.
	m.f.Index, m.f.Linear = nil, nil
	return nil
}

func f1(correct, system, gold int) float64 {
	if correct == 0 {
		return 0
	}
	p, r := float64(correct)/float64(system), float64(correct)/float64(gold)
	return 2 * p * r / (p + r)
}
