package tags

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
)

// linear holds one logistic-regression scorer per tag. A tag's weights are
// kept only for the features seen in at least one of its training
// articles (its support), stored feature by feature: scoring an article
// touches only the tags that share its features, so a vocabulary of
// hundreds of tags costs little more than one of ten.
type linear struct {
	Start []int32   // pairs of feature f are Start[f]:Start[f+1]
	Tag   []int32   // the tag of each pair, ascending within a feature
	W     []float32 // the weight of each pair
	Bias  []float32 // per tag
}

// newLinear lays out the support of every tag over vocabulary size v.
func newLinear(v, nTags int, xs []sparse, ys [][]int32) *linear {
	per := make([][]int32, v)
	for i, x := range xs {
		for _, f := range x.idx {
			per[f] = append(per[f], ys[i]...)
		}
	}
	l := &linear{Start: make([]int32, v+1), Bias: make([]float32, nTags)}
	for f, ts := range per {
		slices.Sort(ts)
		ts = slices.Compact(ts)
		l.Tag = append(l.Tag, ts...)
		l.Start[f+1] = int32(len(l.Tag))
	}
	l.W = make([]float32, len(l.Tag))
	return l
}

// scores adds each tag's logit for x into s (len = number of tags).
func (l *linear) scores(x sparse, s []float64) {
	for t := range s {
		s[t] = float64(l.Bias[t])
	}
	for i, f := range x.idx {
		xv := float64(x.val[i])
		for p := l.Start[f]; p < l.Start[f+1]; p++ {
			s[l.Tag[p]] += float64(l.W[p]) * xv
		}
	}
}

// train fits the weights by stochastic gradient descent on the logistic
// loss, in a shuffled order drawn from seed, and keeps the average of the
// weights over all steps (averaged SGD), which generalises better than the
// last ones and needs no tuning of a decay.
func (l *linear) train(ctx context.Context, xs []sparse, ys [][]int32, prior []float64, epochs int, rate float64, seed uint64, step func()) error {
	nTags := len(l.Bias)
	for t := range l.Bias {
		p := min(max(prior[t], 1e-4), 1-1e-4)
		l.Bias[t] = float32(math.Log(p / (1 - p)))
	}
	// Averaging: avg = w - u/c, where u accumulates c times each change.
	u := make([]float64, len(l.W))
	ub := make([]float64, nTags)
	w := make([]float64, len(l.W))
	b := make([]float64, nTags)
	for t := range b {
		b[t] = float64(l.Bias[t])
	}
	s := make([]float64, nTags)
	g := make([]float64, nTags)
	gold := make([]bool, nTags)
	rng := rand.New(rand.NewPCG(seed, 0x7a95))
	order := make([]int, len(xs))
	for i := range order {
		order[i] = i
	}
	c := 1.0
	for epoch := 0; epoch < epochs; epoch++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			x := xs[i]
			copy(s, b)
			for k, f := range x.idx {
				xv := float64(x.val[k])
				for p := l.Start[f]; p < l.Start[f+1]; p++ {
					s[l.Tag[p]] += w[p] * xv
				}
			}
			for _, t := range ys[i] {
				gold[t] = true
			}
			for t := range g {
				y := 0.0
				if gold[t] {
					y = 1
				}
				d := y - sigmoid(s[t])
				if math.Abs(d) < 1e-3 {
					d = 0 // a negligible step: skipping it saves most of the work
				}
				g[t] = rate * d
				if d != 0 {
					b[t] += g[t]
					ub[t] += c * g[t]
				}
			}
			for _, t := range ys[i] {
				gold[t] = false
			}
			for k, f := range x.idx {
				xv := float64(x.val[k])
				for p := l.Start[f]; p < l.Start[f+1]; p++ {
					if d := g[l.Tag[p]]; d != 0 {
						w[p] += d * xv
						u[p] += c * d * xv
					}
				}
			}
			c++
			if step != nil {
				step()
			}
		}
	}
	for p := range w {
		l.W[p] = float32(w[p] - u[p]/c)
	}
	for t := range b {
		l.Bias[t] = float32(b[t] - ub[t]/c)
	}
	return nil
}

func sigmoid(x float64) float64 {
	if x >= 0 {
		return 1 / (1 + math.Exp(-x))
	}
	e := math.Exp(x)
	return e / (1 + e)
}

// index finds the archived articles most similar to a new one: an
// inverted index of TF-IDF vectors, similarity by cosine.
type index struct {
	Start []int32   // postings of feature f are Start[f]:Start[f+1]
	Doc   []int32   // article of each posting
	Val   []float32 // weight of the feature in that article
	// Tags of article d are TagIDs[TagStart[d]:TagStart[d+1]].
	TagStart []int32
	TagIDs   []int32
}

func newIndex(v int, xs []sparse, ys [][]int32) *index {
	ix := &index{Start: make([]int32, v+1), TagStart: make([]int32, len(xs)+1)}
	for _, x := range xs {
		for _, f := range x.idx {
			ix.Start[f+1]++
		}
	}
	for f := 0; f < v; f++ {
		ix.Start[f+1] += ix.Start[f]
	}
	n := ix.Start[v]
	ix.Doc, ix.Val = make([]int32, n), make([]float32, n)
	next := slices.Clone(ix.Start[:v])
	for d, x := range xs {
		for k, f := range x.idx {
			ix.Doc[next[f]], ix.Val[next[f]] = int32(d), x.val[k]
			next[f]++
		}
		ix.TagIDs = append(ix.TagIDs, ys[d]...)
		ix.TagStart[d+1] = int32(len(ix.TagIDs))
	}
	return ix
}

func (ix *index) docs() int { return len(ix.TagStart) - 1 }

// vote returns, for each tag, the cosine-weighted share of the k nearest
// articles that carry it (0 to 1), into votes (len = number of tags).
func (ix *index) vote(x sparse, k int, votes []float64) {
	clear(votes)
	sim := make(map[int32]float32, 256)
	for i, f := range x.idx {
		xv := x.val[i]
		for p := ix.Start[f]; p < ix.Start[f+1]; p++ {
			sim[ix.Doc[p]] += xv * ix.Val[p]
		}
	}
	type hit struct {
		doc int32
		sim float32
	}
	hits := make([]hit, 0, len(sim))
	for d, s := range sim {
		hits = append(hits, hit{d, s})
	}
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].sim != hits[j].sim {
			return hits[i].sim > hits[j].sim
		}
		return hits[i].doc < hits[j].doc
	})
	if len(hits) > k {
		hits = hits[:k]
	}
	var total float64
	for _, h := range hits {
		total += float64(h.sim)
		for _, t := range ix.TagIDs[ix.TagStart[h.doc]:ix.TagStart[h.doc+1]] {
			votes[t] += float64(h.sim)
		}
	}
	if total > 0 {
		for t := range votes {
			votes[t] /= total
		}
	}
}

// platt is a logistic regression over a candidate tag's features (linear
// logit, kNN vote, prior log-odds, the tag's name being a word of the article), fitted by Newton's method on held-out
// articles: it combines the two scorers and calibrates the result.
type platt [5]float64 // bias, then one weight per feature

func (c platt) prob(f [4]float64) float64 {
	return sigmoid(c[0] + c[1]*f[0] + c[2]*f[1] + c[3]*f[2] + c[4]*f[3])
}

// fitPlatt fits c to the candidates' features and outcomes, with a small
// ridge so that a constant feature (no linear model) stays at zero.
func fitPlatt(fs [][4]float64, ys []bool) platt {
	xs := make([][]float64, len(fs))
	for i, f := range fs {
		xs[i] = []float64{1, f[0], f[1], f[2], f[3]}
	}
	var c platt
	if len(xs) > 0 {
		copy(c[:], fitLogistic(xs, ys))
	}
	return c
}
