package tags

import (
	"context"
	"errors"
	"fmt"
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
	W     []float32 // the weight of each pair, a level of Book
	Bias  []float32 // per tag
	Book  codebook
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
// last ones and needs no tuning of a decay. posWeight[t] scales the loss of
// tag t's positive articles (nil: 1 for all).
func (l *linear) train(ctx context.Context, xs []sparse, ys [][]int32, prior, posWeight []float64, epochs int, rate float64, seed uint64, step func()) error {
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
				d := -sigmoid(s[t])
				if gold[t] {
					d++
					if posWeight != nil {
						d *= posWeight[t]
					}
				}
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
	Val   []float32 // weight of the feature in that article, a level of Book
	Book  codebook
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

// calibFeatures is the number of features of a candidate tag that the
// calibration combines: the linear logit, the kNN vote, the tag's prior
// log-odds, its name being a word of the article, and the logit's and the
// vote's distance below the article's best (a tag far behind the first
// is less likely, however high its own score: how multi-label lines are
// cut well).
const calibFeatures = 6

type calibVector [calibFeatures]float64

// platt is a logistic regression over a candidate tag's calibVector,
// fitted by Newton's method on out-of-fold articles: it combines the two
// scorers and calibrates the result.
type platt [calibFeatures + 1]float64 // bias, then one weight per feature

func (c platt) prob(f calibVector) float64 {
	z := c[0]
	for i, x := range f {
		z += c[1+i] * x
	}
	return sigmoid(z)
}

// fitPlatt fits c to the candidates' features and outcomes, with a small
// ridge so that a constant feature (no linear model) stays at zero.
func fitPlatt(fs []calibVector, ys []bool) platt {
	xs := make([][]float64, len(fs))
	for i, f := range fs {
		xs[i] = append([]float64{1}, f[:]...)
	}
	var c platt
	if len(xs) > 0 {
		copy(c[:], fitLogistic(xs, ys))
	}
	return c
}

// A codebook stores a weight in one byte: code 0 is zero and the other
// codes are magnitudes in geometric steps from Lo to Hi, so that every
// weight keeps the same relative precision (a few per cent over the
// linear model's range), which is what a sum of many weights needs; a uniform
// grid would flatten the many small weights. With Signed, codes 1-127
// are positive and 129-255 their negatives. It is what keeps a model of
// Reuters-21578 under 10 MB (the README has the sizes and the F1 cost).
type codebook struct {
	Lo, Hi float32
	Signed bool
}

// levels is the number of magnitudes a codebook has.
func (c codebook) levels() int {
	if c.Signed {
		return 127
	}
	return 255
}

// table returns the value of each code.
func (c codebook) table() *[256]float32 {
	var t [256]float32
	n := c.levels()
	ratio := 1.0
	if n > 1 && c.Hi > c.Lo {
		ratio = math.Pow(float64(c.Hi)/float64(c.Lo), 1/float64(n-1))
	}
	for i := range n {
		v := float32(float64(c.Lo) * math.Pow(ratio, float64(i)))
		t[1+i] = v
		if c.Signed {
			t[129+i] = -v
		}
	}
	return &t
}

// encode returns the code of the level nearest to v (in ratio), or 0 for a
// magnitude below the smallest level; a value of the table gets its own
// code back.
func encode(t *[256]float32, c codebook, v float32) uint8 {
	a := v
	if a < 0 {
		if !c.Signed {
			return 0
		}
		a = -a
	}
	n := c.levels()
	mags := t[1 : 1+n]
	i, found := slices.BinarySearch(mags, a)
	var code int
	switch {
	case found:
		code = i + 1
	case i == 0:
		return 0
	case i == n:
		code = n
	case float64(a)*float64(a) < float64(mags[i-1])*float64(mags[i]): // below the geometric mean
		code = i
	default:
		code = i + 1
	}
	if v < 0 {
		code += 128
	}
	return uint8(code)
}

// quantise rounds ws in place to the levels of a codebook from lo to their
// largest magnitude, and returns the codebook; magnitudes below lo become 0.
func quantise(ws []float32, lo float64, signed bool) codebook {
	var hi float64
	for _, w := range ws {
		hi = max(hi, math.Abs(float64(w)))
	}
	c := codebook{Lo: float32(lo), Hi: float32(max(hi, lo)), Signed: signed}
	t := c.table()
	for i, w := range ws {
		ws[i] = t[encode(t, c, w)]
	}
	return c
}

// compact drops the pairs whose weight is zero.
func (l *linear) compact() {
	var tag []int32
	var w []float32
	start := make([]int32, len(l.Start))
	for f := 0; f+1 < len(l.Start); f++ {
		for p := l.Start[f]; p < l.Start[f+1]; p++ {
			if l.W[p] != 0 {
				tag = append(tag, l.Tag[p])
				w = append(w, l.W[p])
			}
		}
		start[f+1] = int32(len(tag))
	}
	l.Start, l.Tag, l.W = start, tag, w
}

// The file forms of the linear model and the index: offsets become counts
// and ascending ids become gaps (small numbers, which gob writes in a
// byte or two), weights become codes of a codebook.
type linearFile struct {
	Count  []int32 // pairs of each feature
	TagGap []int32 // each pair's tag minus the previous pair's of the feature (the first: minus -1)
	Code   []uint8
	Book   codebook
	Bias   []float32
}

type indexFile struct {
	Count    []int32 // postings of each feature
	DocGap   []int32 // each posting's article minus the previous posting's of the feature (the first: minus -1)
	Code     []uint8
	Book     codebook
	TagCount []int32 // tags of each article
	TagIDs   []int32
}

// gaps returns the gaps of ids within each run of starts, and the counts.
func gaps(start, ids []int32) (count, gap []int32) {
	count = make([]int32, len(start)-1)
	gap = make([]int32, len(ids))
	for f := range count {
		count[f] = start[f+1] - start[f]
		prev := int32(-1)
		for p := start[f]; p < start[f+1]; p++ {
			gap[p] = ids[p] - prev
			prev = ids[p]
		}
	}
	return count, gap
}

// ungaps inverts gaps: the offsets and ids, or an error when they do not
// fit together or ids leave [0, limit) or are not ascending.
func ungaps(count, gap []int32, limit int) (start, ids []int32, err error) {
	start = make([]int32, len(count)+1)
	var total int64
	for f, c := range count {
		if c < 0 {
			return nil, nil, errors.New("negative count")
		}
		total += int64(c)
		if total > int64(len(gap)) {
			return nil, nil, errors.New("counts exceed their entries")
		}
		start[f+1] = int32(total)
	}
	if total != int64(len(gap)) {
		return nil, nil, errors.New("counts and entries differ")
	}
	ids = make([]int32, len(gap))
	for f := range count {
		prev := int32(-1)
		for p := start[f]; p < start[f+1]; p++ {
			if gap[p] <= 0 || int64(prev)+int64(gap[p]) >= int64(limit) {
				return nil, nil, errors.New("id out of range or order")
			}
			prev += gap[p]
			ids[p] = prev
		}
	}
	return start, ids, nil
}

// codes returns the code of each (quantised) weight.
func codes(c codebook, ws []float32) []uint8 {
	t := c.table()
	out := make([]uint8, len(ws))
	for i, w := range ws {
		out[i] = encode(t, c, w)
	}
	return out
}

func values(c codebook, cs []uint8) []float32 {
	t := c.table()
	out := make([]float32, len(cs))
	for i, q := range cs {
		out[i] = t[q]
	}
	return out
}

func (l *linear) file() *linearFile {
	count, gap := gaps(l.Start, l.Tag)
	return &linearFile{Count: count, TagGap: gap, Code: codes(l.Book, l.W), Book: l.Book, Bias: l.Bias}
}

func (f *linearFile) linear(nTags int) (*linear, error) {
	start, tag, err := ungaps(f.Count, f.TagGap, nTags)
	if err != nil {
		return nil, fmt.Errorf("linear model: %w", err)
	}
	if len(f.Code) != len(tag) || len(f.Bias) != nTags {
		return nil, errors.New("linear model: inconsistent sizes")
	}
	return &linear{Start: start, Tag: tag, W: values(f.Book, f.Code), Bias: f.Bias, Book: f.Book}, nil
}

func (ix *index) file() *indexFile {
	count, gap := gaps(ix.Start, ix.Doc)
	tagCount := make([]int32, len(ix.TagStart)-1)
	for d := range tagCount {
		tagCount[d] = ix.TagStart[d+1] - ix.TagStart[d]
	}
	return &indexFile{Count: count, DocGap: gap, Code: codes(ix.Book, ix.Val), Book: ix.Book, TagCount: tagCount, TagIDs: ix.TagIDs}
}

func (f *indexFile) index(nTags int) (*index, error) {
	start, doc, err := ungaps(f.Count, f.DocGap, len(f.TagCount))
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	if len(f.Code) != len(doc) {
		return nil, errors.New("index: inconsistent sizes")
	}
	ix := &index{Start: start, Doc: doc, Val: values(f.Book, f.Code), Book: f.Book, TagStart: make([]int32, len(f.TagCount)+1), TagIDs: f.TagIDs}
	for d, c := range f.TagCount {
		if c < 0 || int(ix.TagStart[d])+int(c) > len(f.TagIDs) {
			return nil, errors.New("index: inconsistent tags")
		}
		ix.TagStart[d+1] = ix.TagStart[d] + c
	}
	if int(ix.TagStart[len(f.TagCount)]) != len(f.TagIDs) {
		return nil, errors.New("index: inconsistent tags")
	}
	for _, t := range f.TagIDs {
		if t < 0 || int(t) >= nTags {
			return nil, errors.New("index names an unknown tag")
		}
	}
	return ix, nil
}
