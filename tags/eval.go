package tags

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"tidings/eval"
)

// Case is one scored article: its gold tags, the system's ranking of
// tags (for the scores at k) and the line it predicts at its own cut-off.
type Case struct {
	Gold      []string
	Ranked    []string
	Probs     []float64 // the probability of each ranked tag, when the system gives one
	Predicted []string
}

// Scores are one way of choosing the line, averaged three ways: micro
// (pooled counts), macro (the mean over tags of each tag's P, R and F1,
// over every tag in the gold or the system lines) and per article (the
// mean over articles, as keyphrase scores such as F1@10 are reported).
type Scores struct {
	K       int      `json:"k,omitempty"` // 0 for the model's own cut-off
	Micro   eval.PRF `json:"micro"`
	Macro   eval.PRF `json:"macro"`   // means: no counts
	Article eval.PRF `json:"article"` // means: no counts
}

// MarshalJSON writes the scores as they have always been printed: each
// P/R/F1 with its figures first and its counts left out when zero (as
// they are for the means).
func (s Scores) MarshalJSON() ([]byte, error) {
	type prf struct {
		Precision float64 `json:"precision"`
		Recall    float64 `json:"recall"`
		F1        float64 `json:"f1"`
		Gold      int     `json:"gold,omitempty"`
		System    int     `json:"system,omitempty"`
		Correct   int     `json:"correct,omitempty"`
	}
	view := func(p eval.PRF) prf { return prf{p.Precision, p.Recall, p.F1, p.Gold, p.System, p.Correct} }
	return json.Marshal(struct {
		K       int `json:"k,omitempty"`
		Micro   prf `json:"micro"`
		Macro   prf `json:"macro"`
		Article prf `json:"article"`
	}{s.K, view(s.Micro), view(s.Macro), view(s.Article)})
}

// Result is the evaluation of a set of articles.
type Result struct {
	Articles    int          `json:"articles"`
	Tags        int          `json:"tags"` // distinct gold tags
	AtK         []Scores     `json:"at_k"` // the first k of the ranking; P@k divides by the tags returned (at most k)
	Cutoff      Scores       `json:"cutoff"`
	Calibration *Calibration `json:"calibration,omitempty"` // of the ranked tags' probabilities, when given
}

// Calibration says how well the probabilities of the ranked tags (the
// first max(ks) of each article) tell how often they are right: the
// expected calibration error over calibrationBins equal bins of
// probability (the mean gap between a bin's mean probability and its
// share of right tags, weighted by its tags) and the Brier score.
type Calibration struct {
	Tags  int     `json:"tags"`
	ECE   float64 `json:"ece"`
	Brier float64 `json:"brier"`
}

const calibrationBins = 10

// calibration returns the Calibration of the first n ranked tags of the
// cases that have probabilities, or nil when none has.
func calibration(cases []Case, n int) *Calibration {
	var sumP, sumY [calibrationBins]float64
	c := &Calibration{}
	for _, cs := range cases {
		for i, p := range cs.Probs[:min(n, len(cs.Probs))] {
			y := 0.0
			if slices.Contains(cs.Gold, cs.Ranked[i]) {
				y = 1
			}
			b := min(int(p*calibrationBins), calibrationBins-1)
			sumP[b] += p
			sumY[b] += y
			c.Tags++
			c.Brier += (p - y) * (p - y)
		}
	}
	if c.Tags == 0 {
		return nil
	}
	for b := range sumP {
		c.ECE += math.Abs(sumP[b]-sumY[b]) / float64(c.Tags)
	}
	c.Brier /= float64(c.Tags)
	return c
}

// DefaultKs are the ranks that scores at k are given for.
var DefaultKs = []int{1, 3, 5, 10}

// Evaluate scores cases at each k of ks and at the predicted lines.
func Evaluate(cases []Case, ks []int) Result {
	r := Result{Articles: len(cases)}
	gold := map[string]bool{}
	for _, c := range cases {
		for _, t := range c.Gold {
			gold[t] = true
		}
	}
	r.Tags = len(gold)
	for _, k := range ks {
		s := score(cases, func(c Case) []string { return c.Ranked[:min(k, len(c.Ranked))] })
		s.K = k
		r.AtK = append(r.AtK, s)
	}
	r.Cutoff = score(cases, func(c Case) []string { return c.Predicted })
	r.Calibration = calibration(cases, slices.Max(append([]int{1}, ks...)))
	return r
}

type counter struct{ gold, system, correct int }

func (c counter) score() eval.PRF { return eval.NewPRF(c.gold, c.system, c.correct) }

func score(cases []Case, line func(Case) []string) Scores {
	var micro counter
	perTag := map[string]*counter{}
	tag := func(t string) *counter {
		if perTag[t] == nil {
			perTag[t] = &counter{}
		}
		return perTag[t]
	}
	var art eval.PRF
	for _, c := range cases {
		sys := dedupe(line(c))
		gold := dedupe(c.Gold)
		var doc counter
		doc.gold, doc.system = len(gold), len(sys)
		for _, t := range gold {
			tag(t).gold++
		}
		for _, t := range sys {
			tag(t).system++
			if slices.Contains(gold, t) {
				tag(t).correct++
				doc.correct++
			}
		}
		micro.gold += doc.gold
		micro.system += doc.system
		micro.correct += doc.correct
		d := doc.score()
		art.Precision += d.Precision
		art.Recall += d.Recall
		art.F1 += d.F1
	}
	var macro eval.PRF
	for _, c := range perTag {
		s := c.score()
		macro.Precision += s.Precision
		macro.Recall += s.Recall
		macro.F1 += s.F1
	}
	if n := float64(len(perTag)); n > 0 {
		macro.Precision, macro.Recall, macro.F1 = macro.Precision/n, macro.Recall/n, macro.F1/n
	}
	if n := float64(len(cases)); n > 0 {
		art.Precision, art.Recall, art.F1 = art.Precision/n, art.Recall/n, art.F1/n
	}
	return Scores{Micro: micro.score(), Macro: macro, Article: art}
}

// A Match maps a tag to the form under which it matches: KeyphraseKey
// for keyphrases, which the benchmarks match after stemming; nil for the
// tag itself.
type Match func(tag string) string

// Matched returns the cases with every tag in the form match gives it, the
// second of two tags of one form left out of a list (the first keeps its
// rank); with a nil match, the cases themselves.
func Matched(cases []Case, match Match) []Case {
	if match == nil {
		return cases
	}
	list := func(tags []string, probs []float64) ([]string, []float64) {
		var out []string
		var ps []float64
		for i, t := range tags {
			if k := match(t); k != "" && !slices.Contains(out, k) {
				out = append(out, k)
				if probs != nil {
					ps = append(ps, probs[i])
				}
			}
		}
		return out, ps
	}
	out := make([]Case, len(cases))
	for i, c := range cases {
		out[i].Gold, _ = list(c.Gold, nil)
		out[i].Ranked, out[i].Probs = list(c.Ranked, c.Probs)
		out[i].Predicted, _ = list(c.Predicted, nil)
	}
	return out
}

// EvaluateModel scores a model on articles with gold tags, matched by
// match (nil: exactly).
func EvaluateModel(m *Model, examples []Example, ks []int, match Match) Result {
	return Evaluate(Matched(ModelCases(m, examples, slices.Max(append([]int{1}, ks...))), match), ks)
}

// ModelCases runs a model over the articles: each case's ranking has up
// to n tags.
func ModelCases(m *Model, examples []Example, n int) []Case {
	cases := make([]Case, len(examples))
	for i, e := range examples {
		cases[i] = m.cases(e, terms(e, m.f.Bigrams), e.Article.GoldTags, n)
	}
	return cases
}

func (m *Model) cases(e Example, ts []term, gold []string, n int) Case {
	rs := m.ranked(e, ts)
	c := Case{Gold: dedupe(gold)}
	for _, r := range rs[:min(n, len(rs))] {
		c.Ranked = append(c.Ranked, r.name)
		c.Probs = append(c.Probs, r.prob)
	}
	for _, r := range m.line(rs) {
		c.Predicted = append(c.Predicted, r.name)
	}
	return c
}

// CrossValidation is the result of k-fold cross-validation of the model
// and of the TF-IDF kNN floor over the same folds; scores pool the cases
// of every held-out fold.
type CrossValidation struct {
	Folds        int       `json:"folds"`
	Articles     int       `json:"articles"`
	Model        Result    `json:"model"`
	Floor        Result    `json:"knn_floor"`
	ModelFoldF1  []float64 `json:"model_fold_micro_f1"` // micro-F1 at the cut-off, fold by fold
	FloorFoldF1  []float64 `json:"knn_floor_fold_micro_f1"`
	TrainSeconds float64   `json:"train_seconds"` // mean time to train the model on k-1 folds
}

// FoldOf assigns each of n articles to one of k folds: a shuffle drawn
// from seed, dealt round, so that folds differ in size by one at most.
func FoldOf(n, k int, seed uint64) []int {
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	rand.New(rand.NewPCG(seed, 0xf01d)).Shuffle(n, func(i, j int) { order[i], order[j] = order[j], order[i] })
	fold := make([]int, n)
	for pos, i := range order {
		fold[i] = pos % k
	}
	return fold
}

// Folds cross-validates: for each of k folds, the model (opt) and the kNN
// floor (opt with KNNOnly) are trained on the other folds and scored on it,
// tags matched by match (nil: exactly). Articles without gold tags are
// left out. done, if not nil, is called after each fold.
func Folds(ctx context.Context, examples []Example, k int, opt ModelOptions, ks []int, match Match, done func(fold int)) (CrossValidation, error) {
	opt = opt.withDefaults()
	cv := CrossValidation{Folds: k}
	if k < 2 {
		return cv, fmt.Errorf("cross-validation: %d folds, want at least 2", k)
	}
	var docs []prepared
	var toks [][]term
	var kept []Example
	for _, e := range examples {
		if err := ctx.Err(); err != nil {
			return cv, err
		}
		ts := terms(e, !opt.NoBigrams)
		keys, n := counts(ts)
		p := prepared{keys: keys, n: n, gold: dedupe(e.Article.GoldTags)}
		if len(p.gold) > 0 {
			docs = append(docs, p)
			toks = append(toks, ts)
			kept = append(kept, e)
		}
	}
	cv.Articles = len(docs)
	if len(docs) < k {
		return cv, fmt.Errorf("cross-validation: %d articles with gold tags for %d folds", len(docs), k)
	}
	fold := FoldOf(len(docs), k, opt.Seed)
	n := slices.Max(append([]int{1}, ks...))
	var modelCases, floorCases []Case
	var trainTime time.Duration
	for f := range k {
		var trainDocs []prepared
		var trainExamples []Example
		var testIdx []int
		for i, d := range docs {
			if fold[i] == f {
				testIdx = append(testIdx, i)
			} else {
				trainDocs = append(trainDocs, d)
				trainExamples = append(trainExamples, kept[i])
			}
		}
		start := time.Now()
		m, err := train(ctx, trainDocs, opt)
		if err != nil {
			return cv, fmt.Errorf("fold %d: %w", f+1, err)
		}
		if opt.Phrases {
			m.f.Phrase = trainPhrases(trainExamples)
			m.derive()
		}
		trainTime += time.Since(start)
		fopt := opt
		fopt.KNNOnly, fopt.Step = true, nil
		floor, err := train(ctx, trainDocs, fopt)
		if err != nil {
			return cv, fmt.Errorf("fold %d: %w", f+1, err)
		}
		var mc, fc []Case
		for _, i := range testIdx {
			mc = append(mc, m.cases(kept[i], toks[i], docs[i].gold, n))
			fc = append(fc, floor.cases(kept[i], toks[i], docs[i].gold, n))
		}
		mc, fc = Matched(mc, match), Matched(fc, match)
		cv.ModelFoldF1 = append(cv.ModelFoldF1, Evaluate(mc, nil).Cutoff.Micro.F1)
		cv.FloorFoldF1 = append(cv.FloorFoldF1, Evaluate(fc, nil).Cutoff.Micro.F1)
		modelCases = append(modelCases, mc...)
		floorCases = append(floorCases, fc...)
		if done != nil {
			done(f)
		}
	}
	cv.Model = Evaluate(modelCases, ks)
	cv.Floor = Evaluate(floorCases, ks)
	cv.TrainSeconds = trainTime.Seconds() / float64(k)
	return cv, nil
}
