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
	"math/rand/v2"
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
const modelVersion = 2

// ModelOptions control learning a Model. The zero value gives the defaults.
type ModelOptions struct {
	MinDF      int     // features seen in fewer training articles are dropped (default 2)
	NoBigrams  bool    // words only, no pairs of adjacent words
	Neighbours int     // k of the kNN vote (default 10)
	Epochs     int     // passes of the linear learner over the articles (default 8)
	Rate       float64 // learning rate of the linear learner (default 1)
	HeldOut    float64 // share of the articles held out to calibrate and pick the threshold (default 0.15)
	TopK       int     // most tags predicted (default 10)
	MinTags    int     // fewest tags predicted, whatever their probability (default 1; -1 for none)
	Seed       uint64  // seed of the shuffles (default 1): same data and seed, same model, byte for byte
	// KNNOnly learns the floor: tags by the kNN vote alone, calibrated and
	// cut the same way, without the linear model.
	KNNOnly bool
	// NoRefit keeps the base models trained without the held-out slice
	// instead of training them again on every article once calibrated.
	NoRefit bool
	// Phrases also scores the article's own phrases as tags (see
	// phraseModel): for keyphrases, which are mostly new to the archive.
	Phrases bool
	Step    func()           // called once per article per pass of the learner
	Log     func(msg string) // stages of training
}

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
	if o.HeldOut == 0 {
		o.HeldOut = 0.15
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
// fitted on held-out articles, so that each tag's score is a probability.
// The line keeps the tags at or above a threshold tuned for F1 on the
// held-out articles, at most TopK of them. Read-only once made: safe for
// concurrent use.
type Model struct {
	f     modelFile
	vocab vocabulary
	// tagWord is the feature id of each tag's name as a word or word pair
	// ("west-germany": "west germany"), or -1.
	tagWord []int32
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
	Prior      []float32 // share of training articles with each tag
	Linear     *linear   // nil for KNNOnly
	Index      *index
	Calib      platt
	Threshold  float64
	Phrase     *phraseModel // nil unless trained with Phrases
}

// prepared is an article's counted features and its gold tags.
type prepared struct {
	keys []string
	n    []int
	gold []string
}

func prepare(e Example, bigrams bool) prepared {
	ts, _ := terms(e.Article, e.Entities, bigrams)
	keys, n := counts(ts)
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

	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	rand.New(rand.NewPCG(opt.Seed, 0x5e1d)).Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	nHeld := int(float64(len(docs)) * opt.HeldOut)
	var fitDocs, heldDocs []prepared
	if nHeld < 10 {
		// Too few to hold out: calibrate on the training articles themselves
		// (overconfident, but a small archive has no better choice).
		fitDocs, heldDocs = docs, docs
	} else {
		for i, j := range order {
			if i < nHeld {
				heldDocs = append(heldDocs, docs[j])
			} else {
				fitDocs = append(fitDocs, docs[j])
			}
		}
	}

	logf("fitting on %d articles, calibrating on %d, %d tags", len(fitDocs), len(heldDocs), len(tagNames))
	m, err := fitBase(ctx, fitDocs, tagNames, tagID, opt)
	if err != nil {
		return nil, err
	}
	// Calibrate on the held-out articles' candidates.
	var fs [][4]float64
	var ys []bool
	type heldCase struct {
		gold  []string
		probs []scored
	}
	held := make([]heldCase, len(heldDocs))
	for i, d := range heldDocs {
		cands := m.candidates(m.vocab.vector(d.keys, d.n))
		for _, c := range cands {
			fs = append(fs, c.feat)
			ys = append(ys, slices.Contains(d.gold, tagNames[c.tag]))
		}
		held[i] = heldCase{gold: d.gold, probs: cands}
	}
	m.f.Calib = fitPlatt(fs, ys)
	logf("calibration %.3f %+.3f·logit %+.3f·vote %+.3f·prior %+.3f·named", m.f.Calib[0], m.f.Calib[1], m.f.Calib[2], m.f.Calib[3], m.f.Calib[4])
	for i := range held {
		m.rankCandidates(held[i].probs)
	}
	// The threshold with the best micro-F1 on the held-out articles.
	best, bestF1 := 0.5, -1.0
	for th := 0.02; th < 0.99; th += 0.01 {
		var correct, system, gold int
		for _, h := range held {
			n := m.cut(h.probs, th)
			for _, c := range h.probs[:n] {
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
	logf("threshold %.2f: held-out micro-F1 %.4f", m.f.Threshold, bestF1)

	if !opt.NoRefit && len(fitDocs) < len(docs) {
		logf("refitting on all %d articles", len(docs))
		full, err := fitBase(ctx, docs, tagNames, tagID, opt)
		if err != nil {
			return nil, err
		}
		full.f.Calib, full.f.Threshold = m.f.Calib, m.f.Threshold
		m = full
	}
	return m, nil
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
	m.f.Prior = make([]float32, len(prior))
	for t := range prior {
		prior[t] /= float64(len(docs))
		m.f.Prior[t] = float32(prior[t])
	}
	m.f.Index = newIndex(len(words), xs, ys)
	if !opt.KNNOnly {
		m.f.Linear = newLinear(len(words), len(tagNames), xs, ys)
		if err := m.f.Linear.train(ctx, xs, ys, prior, opt.Epochs, opt.Rate, opt.Seed, opt.Step); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// scored is a candidate tag of an article: its features and probability.
type scored struct {
	tag  int32
	feat [4]float64
	prob float64
}

// candidates returns the tags worth scoring for x: those the neighbours
// carry and those the linear scorers rank highest.
func (m *Model) candidates(x sparse) []scored {
	nTags := len(m.f.Tags)
	votes := make([]float64, nTags)
	m.f.Index.vote(x, m.f.Neighbours, votes)
	logits := make([]float64, nTags)
	take := make([]bool, nTags)
	named := make([]bool, nTags)
	for t, v := range votes {
		if id := m.tagWord[t]; id >= 0 && !m.f.KNNOnly { // the floor is the vote alone
			_, named[t] = slices.BinarySearch(x.idx, id)
		}
		take[t] = v > 0 || named[t]
	}
	if m.f.Linear != nil {
		m.f.Linear.scores(x, logits)
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
	for t := range take {
		if !take[t] {
			continue
		}
		p := min(max(float64(m.f.Prior[t]), 1e-5), 1-1e-5)
		nm := 0.0
		if named[t] {
			nm = 1
		}
		out = append(out, scored{tag: int32(t), feat: [4]float64{
			min(max(logits[t], -20), 20), votes[t], math.Log(p / (1 - p)), nm,
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

// cut returns how many of the ranked candidates make the line at threshold th.
func (m *Model) cut(cs []scored, th float64) int {
	return m.lineLength(len(cs), func(i int) float64 { return cs[i].prob }, th)
}

// lineLength returns how many of n candidates, ranked by prob, make the
// line at threshold th.
func (m *Model) lineLength(n int, prob func(int) float64, th float64) int {
	k := 0
	for k < n && k < m.f.TopK && (prob(k) >= th || k < m.f.MinTags) {
		k++
	}
	return k
}

// Tags returns the model's tag vocabulary, sorted.
func (m *Model) Tags() []string { return slices.Clone(m.f.Tags) }

// Threshold returns the probability a tag needs to make the line.
func (m *Model) Threshold() float64 { return m.f.Threshold }

// Rank returns up to n of the model's tags for an article, most probable
// first, whatever the threshold, with calibrated probabilities as scores
// and no evidence. entities are the ids or names of the entities linked
// in the article, or nil.
func (m *Model) Rank(a article.Article, entities []string, n int) []Tag {
	ts, _ := terms(a, entities, m.f.Bigrams)
	rs := m.ranked(a, ts)
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
// the article's phrases; a phrase that is also a tag keeps the higher
// probability.
func (m *Model) ranked(a article.Article, ts []term) []rankedTag {
	var doc *text.Document
	if m.f.Phrase != nil {
		doc = text.New(a.Text())
	}
	return m.rankedIn(doc, len(a.Title), ts)
}

// rankedIn is ranked over a Document whose title ends at byte titleEnd
// (doc may be nil without a phrase scorer).
func (m *Model) rankedIn(doc *text.Document, titleEnd int, ts []term) []rankedTag {
	var out []rankedTag
	at := map[string]int{}
	for _, c := range m.rank(ts) {
		at[m.f.Tags[c.tag]] = len(out)
		out = append(out, rankedTag{name: m.f.Tags[c.tag], prob: c.prob, tag: c.tag})
	}
	if m.f.Phrase == nil {
		return out
	}
	cands := docPhrases(doc, titleEnd)
	for i, p := range m.f.Phrase.score(cands) {
		c := cands[i]
		if j, ok := at[c.key]; ok {
			if p > out[j].prob {
				out[j] = rankedTag{name: c.key, prob: p, tag: -1, spans: c.spans}
			}
			continue
		}
		at[c.key] = len(out)
		out = append(out, rankedTag{name: c.key, prob: p, tag: -1, spans: c.spans})
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
// tags whose probability reaches the threshold, most probable first, at
// most TopK of them. Each tag's evidence is the spans of the words that
// weigh most for it (empty for a tag that the neighbours alone bring), or
// for a phrase of the article, where it occurs.
//
// doc is the article's Document (its tokens are read, not made again),
// titleEnd the byte length of the title it starts with (0 for none), and
// entities the ids or names of the entities linked in it, or nil.
func (m *Model) Predict(doc *text.Document, titleEnd int, entities []string) []Tag {
	ts := docTerms(doc, titleEnd, entities, m.f.Bigrams)
	rs := m.rankedIn(doc, titleEnd, ts)
	rs = rs[:m.lineLength(len(rs), func(i int) float64 { return rs[i].prob }, m.f.Threshold)]
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
	l := m.f.Linear
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
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err := gob.NewEncoder(zw).Encode(&m.f); err != nil {
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
		return nil, fmt.Errorf("reading tag model: version %d, want %d", m.f.Version, modelVersion)
	}
	if err := m.check(); err != nil {
		return nil, fmt.Errorf("reading tag model: %w", err)
	}
	m.derive()
	return m, nil
}

// check verifies that a decoded model's parts fit together, so that a
// corrupt file fails here and not with a panic in Predict.
func (m *Model) check() error {
	v, nTags := len(m.f.Words), len(m.f.Tags)
	ix := m.f.Index
	switch {
	case len(m.f.IDF) != v || len(m.f.Prior) != nTags || ix == nil:
		return errors.New("inconsistent sizes")
	case len(ix.Start) != v+1 || len(ix.Doc) != len(ix.Val) || int(ix.Start[v]) != len(ix.Doc) || len(ix.TagStart) < 1 || int(ix.TagStart[len(ix.TagStart)-1]) != len(ix.TagIDs):
		return errors.New("inconsistent index")
	}
	for _, d := range ix.Doc {
		if d < 0 || int(d) >= ix.docs() {
			return errors.New("index points past its articles")
		}
	}
	for _, t := range ix.TagIDs {
		if t < 0 || int(t) >= nTags {
			return errors.New("index names an unknown tag")
		}
	}
	if l := m.f.Linear; l != nil {
		if len(l.Start) != v+1 || len(l.Tag) != len(l.W) || int(l.Start[v]) != len(l.Tag) || len(l.Bias) != nTags {
			return errors.New("inconsistent linear model")
		}
		for _, t := range l.Tag {
			if t < 0 || int(t) >= nTags {
				return errors.New("linear model names an unknown tag")
			}
		}
	} else if !m.f.KNNOnly {
		return errors.New("no linear model")
	}
	if p := m.f.Phrase; p != nil && (len(p.DF) != len(p.Phrases) || len(p.AsTag) != len(p.Phrases) || len(p.Weights) != phraseFeatures+1) {
		return errors.New("inconsistent phrase scorer")
	}
	for _, s := range [][]int32{ix.Start, ix.TagStart} {
		for i := 1; i < len(s); i++ {
			if s[i] < s[i-1] || s[0] != 0 {
				return errors.New("index out of order")
			}
		}
	}
	if l := m.f.Linear; l != nil {
		for i := 1; i < len(l.Start); i++ {
			if l.Start[i] < l.Start[i-1] || l.Start[0] != 0 {
				return errors.New("linear model out of order")
			}
		}
	}
	return nil
}

func f1(correct, system, gold int) float64 {
	if correct == 0 {
		return 0
	}
	p, r := float64(correct)/float64(system), float64(correct)/float64(gold)
	return 2 * p * r / (p + r)
}
