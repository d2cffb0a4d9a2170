package annotate

import (
	"context"
	"fmt"
	"math/rand"
	"sort"
	"strings"
)

// Parser is a greedy transition-based dependency parser (arc-hybrid,
// Kuhlmann et al. 2011) scored by an averaged perceptron with rich
// non-local features (Zhang & Nivre 2011) and trained with a dynamic oracle
// (Goldberg & Nivre 2013). Read-only after loading: safe for concurrent use.
type Parser struct {
	weights  *Weights
	labels   []string  // dependency relations; class 0 is SHIFT, then LEFT-l, then RIGHT-l
	clusters *Clusters // may be nil
}

// Labels returns the dependency relations the parser predicts.
func (p *Parser) Labels() []string { return p.labels }

const shift = 0

func (p *Parser) nClasses() int        { return 1 + 2*len(p.labels) }
func (p *Parser) isLeft(c int) bool    { return c >= 1 && c <= len(p.labels) }
func (p *Parser) labelOf(c int) int    { return (c - 1) % len(p.labels) }
func (p *Parser) leftClass(l int) int  { return 1 + l }
func (p *Parser) rightClass(l int) int { return 1 + len(p.labels) + l }
func (p *Parser) legal(st *parseState) [3]bool {
	n := len(st.stack)
	return [3]bool{
		st.b <= st.n, // SHIFT
		n >= 1 && st.stack[n-1] != 0 && st.b <= st.n,  // LEFT: s0 <- b0
		n >= 2 && (st.stack[n-2] != 0 || st.b > st.n), // RIGHT: s1 -> s0; the root takes one word, last
	}
}

// parseState is a configuration: the stack, the buffer front and the
// arcs so far. Words are 1..n; 0 is the artificial root.
type parseState struct {
	n      int
	stack  []int
	b      int
	heads  []int
	labels []int
	// two leftmost and two rightmost children, -1 when none
	lc1, lc2, rc1, rc2 []int
	nl, nr             []int // counts of left and right children
}

func (st *parseState) reset(n int) {
	st.n = n
	st.stack = append(st.stack[:0], 0)
	st.b = 1
	grow := func(s []int, v int) []int {
		if cap(s) < n+1 {
			s = make([]int, n+1)
		}
		s = s[:n+1]
		for i := range s {
			s[i] = v
		}
		return s
	}
	st.heads, st.labels = grow(st.heads, -1), grow(st.labels, -1)
	st.lc1, st.lc2, st.rc1, st.rc2 = grow(st.lc1, -1), grow(st.lc2, -1), grow(st.rc1, -1), grow(st.rc2, -1)
	st.nl, st.nr = grow(st.nl, 0), grow(st.nr, 0)
}

func (st *parseState) addArc(h, d, label int) {
	st.heads[d], st.labels[d] = h, label
	if d < h {
		st.nl[h]++
		if st.lc1[h] == -1 || d < st.lc1[h] {
			st.lc2[h], st.lc1[h] = st.lc1[h], d
		} else if st.lc2[h] == -1 || d < st.lc2[h] {
			st.lc2[h] = d
		}
	} else {
		st.nr[h]++
		if st.rc1[h] == -1 || d > st.rc1[h] {
			st.rc2[h], st.rc1[h] = st.rc1[h], d
		} else if st.rc2[h] == -1 || d > st.rc2[h] {
			st.rc2[h] = d
		}
	}
}

func (p *Parser) apply(st *parseState, c int) {
	n := len(st.stack)
	switch {
	case c == shift:
		st.stack = append(st.stack, st.b)
		st.b++
	case p.isLeft(c):
		st.addArc(st.b, st.stack[n-1], p.labelOf(c))
		st.stack = st.stack[:n-1]
	default:
		st.addArc(st.stack[n-2], st.stack[n-1], p.labelOf(c))
		st.stack = st.stack[:n-1]
	}
}

func (st *parseState) done() bool { return st.b > st.n && len(st.stack) == 1 }

// parseToken is what the features know of one position: word and tag.
type parseToken struct {
	word, tag, cluster uint64
}

// parseFeatures appends the feature hashes of a configuration.
//
// It runs for every transition, so it is written out in full: the
// template ids are constants, which the compiler folds into the hashes'
// seeds, and nothing is called through a closure.
func parseFeatures(fs []uint64, st *parseState, toks []parseToken) []uint64 {
	n := len(st.stack)
	s0i, s1i, s2i := -1, -1, -1
	if n >= 1 {
		s0i = st.stack[n-1]
	}
	if n >= 2 {
		s1i = st.stack[n-2]
	}
	if n >= 3 {
		s2i = st.stack[n-3]
	}
	b0i, b1i, b2i := -1, -1, -1
	if st.b <= st.n {
		b0i = st.b
	}
	if st.b+1 <= st.n {
		b1i = st.b + 1
	}
	if st.b+2 <= st.n {
		b2i = st.b + 2
	}
	s0, s1, s2, b0, b1, b2 := st.tok(toks, s0i), st.tok(toks, s1i), st.tok(toks, s2i), st.tok(toks, b0i), st.tok(toks, b1i), st.tok(toks, b2i)
	s0l, s0r, s0l2, s0r2 := child(st.lc1, s0i), child(st.rc1, s0i), child(st.lc2, s0i), child(st.rc2, s0i)
	s1l, s1r := child(st.lc1, s1i), child(st.rc1, s1i)
	b0l, b0l2 := child(st.lc1, b0i), child(st.lc2, b0i)
	s0lt, s0rt, s0l2t, s0r2t := st.tok(toks, s0l), st.tok(toks, s0r), st.tok(toks, s0l2), st.tok(toks, s0r2)
	s1lt, s1rt := st.tok(toks, s1l), st.tok(toks, s1r)
	b0lt, b0l2t := st.tok(toks, b0l), st.tok(toks, b0l2)
	ls0l, ls0r, ls0l2, ls0r2 := st.lab(s0l), st.lab(s0r), st.lab(s0l2), st.lab(s0r2)
	ls1l, ls1r, lb0l, lb0l2 := st.lab(s1l), st.lab(s1r), st.lab(b0l), st.lab(b0l2)

	dist := distance(s0i, b0i) // between s0 and b0
	d1 := distance(s1i, s0i)   // between s1 and s0
	s0nr, s0nl, b0nl, s1nr := valency(st.nr, s0i), valency(st.nl, s0i), valency(st.nl, b0i), valency(st.nr, s1i)
	return append(fs,
		feat(100),
		// single words
		pf1(1, s0.word), pf1(2, s0.tag), pf2(3, s0.word, s0.tag),
		pf1(4, s1.word), pf1(5, s1.tag), pf2(6, s1.word, s1.tag),
		pf1(7, b0.word), pf1(8, b0.tag), pf2(9, b0.word, b0.tag),
		pf1(10, b1.word), pf1(11, b1.tag), pf2(12, b1.word, b1.tag),
		pf1(13, b2.tag), pf1(14, s2.tag),
		pf1(15, s0.cluster), pf1(16, b0.cluster), pf1(17, s1.cluster), pf1(18, b1.cluster),
		// pairs
		pf4(20, s0.word, s0.tag, b0.word, b0.tag), pf3(21, s0.word, s0.tag, b0.word), pf3(22, s0.word, b0.word, b0.tag),
		pf3(23, s0.word, s0.tag, b0.tag), pf3(24, s0.tag, b0.word, b0.tag), pf2(25, s0.word, b0.word), pf2(26, s0.tag, b0.tag),
		pf2(27, b0.tag, b1.tag),
		pf4(28, s1.word, s1.tag, s0.word, s0.tag), pf2(29, s1.tag, s0.tag), pf2(30, s1.word, s0.word),
		pf3(31, s1.word, s1.tag, s0.tag), pf3(32, s1.tag, s0.word, s0.tag),
		pf2(33, s0.cluster, b0.cluster), pf2(34, s1.cluster, s0.cluster), pf2(35, s0.tag, b0.cluster), pf2(36, s0.cluster, b0.tag),
		// triples
		pf3(40, b0.tag, b1.tag, b2.tag), pf3(41, s0.tag, b0.tag, b1.tag), pf3(42, s1.tag, s0.tag, b0.tag),
		pf3(43, s0.tag, s0lt.tag, b0.tag), pf3(44, s0.tag, s0rt.tag, b0.tag), pf3(45, s0.tag, b0.tag, b0lt.tag),
		pf3(46, s1.tag, s0.tag, s0lt.tag), pf3(47, s1.tag, s0.tag, s0rt.tag), pf3(48, s1.tag, s1rt.tag, s0.tag),
		pf3(49, s2.tag, s1.tag, s0.tag), pf3(50, s1.tag, s0.tag, b1.tag),
		// distance
		pf2(51, s0.word, dist), pf2(52, s0.tag, dist), pf2(53, b0.word, dist), pf2(54, b0.tag, dist),
		pf3(55, s0.word, b0.word, dist), pf3(56, s0.tag, b0.tag, dist),
		pf3(57, s1.tag, s0.tag, d1), pf3(58, s1.word, s0.word, d1), pf2(59, s0.word, d1),
		// valency
		pf2(60, s0.word, s0nr), pf2(61, s0.tag, s0nr), pf2(62, s0.word, s0nl),
		pf2(63, s0.tag, s0nl), pf2(64, b0.word, b0nl), pf2(65, b0.tag, b0nl),
		pf2(66, s1.tag, s1nr), pf2(67, s1.word, s1nr),
		// children
		pf1(70, s0lt.word), pf1(71, s0lt.tag), pf1(72, ls0l), pf1(73, s0rt.word), pf1(74, s0rt.tag), pf1(75, ls0r),
		pf1(76, b0lt.word), pf1(77, b0lt.tag), pf1(78, lb0l),
		pf1(79, s1lt.tag), pf1(80, ls1l), pf1(81, s1rt.tag), pf1(82, ls1r),
		// second children and label pairs
		pf1(83, s0l2t.word), pf1(84, s0l2t.tag), pf1(85, ls0l2), pf1(86, s0r2t.word), pf1(87, s0r2t.tag), pf1(88, ls0r2),
		pf1(89, b0l2t.word), pf1(90, b0l2t.tag), pf1(91, lb0l2),
		pf3(92, s0.tag, s0lt.tag, s0l2t.tag), pf3(93, s0.tag, s0rt.tag, s0r2t.tag), pf3(94, b0.tag, b0lt.tag, b0l2t.tag),
		pf3(95, s0.word, ls0l, ls0l2), pf3(96, s0.tag, ls0l, ls0l2),
		pf3(97, s0.word, ls0r, ls0r2), pf3(98, s0.tag, ls0r, ls0r2),
		pf3(99, b0.word, lb0l, lb0l2), pf3(100, b0.tag, lb0l, lb0l2),
		pf4(101, s1.tag, s0.tag, ls0l, ls0r),
	)
}

// Feature hashes of parser template t (100+t) over one to four values.
func pf1(t, a uint64) uint64       { return hashInt(feat(100+t), a) }
func pf2(t, a, b uint64) uint64    { return hashInt(hashInt(feat(100+t), a), b) }
func pf3(t, a, b, c uint64) uint64 { return hashInt(hashInt(hashInt(feat(100+t), a), b), c) }
func pf4(t, a, b, c, d uint64) uint64 {
	return hashInt(hashInt(hashInt(hashInt(feat(100+t), a), b), c), d)
}

// tok returns what the features know of position i: its word, the root
// (0) or none (-1).
func (st *parseState) tok(toks []parseToken, i int) parseToken {
	switch {
	case i < 0 || i > st.n:
		return parseToken{word: 1, tag: 1, cluster: 1}
	case i == 0:
		return parseToken{word: 2, tag: 2, cluster: 2}
	}
	return toks[i]
}

// lab returns the label value of word i (1 when none).
func (st *parseState) lab(i int) uint64 {
	if i < 0 || i > st.n || st.labels[i] < 0 {
		return 1
	}
	return uint64(st.labels[i]) + 2
}

// child returns arr[i], or -1 when i is none.
func child(arr []int, i int) int {
	if i < 0 {
		return -1
	}
	return arr[i]
}

// valency returns the capped count arr[i] plus one, 0 when i is none.
func valency(arr []int, i int) uint64 {
	if i < 0 {
		return 0
	}
	return uint64(min(arr[i], 4)) + 1
}

// distance buckets the distance between two words (0 when either is
// missing or the root): 1-4 exactly, then 5-9 and 10 or more.
func distance(from, to int) uint64 {
	if from <= 0 || to <= 0 {
		return 0
	}
	switch d := to - from; {
	case d >= 10:
		return 10
	case d >= 5:
		return 5
	default:
		return uint64(d)
	}
}

// parseScratch is per-call working memory.
type parseScratch struct {
	st     parseState
	toks   []parseToken
	feats  []uint64
	scores []float32
	// children remembers the summed weights of the children features,
	// across sentences; off for a one-off parse.
	children [3]groupCache
	noCache  bool
}

// Parse returns, for words with their "UPOS XPOS" tags, the head of each
// word (1-based, 0 for the root) and its relation.
func (p *Parser) Parse(words, tags []string, heads []int, rels []string) {
	sc := parseScratch{noCache: true}
	p.parse(words, tags, heads, rels, &sc)
}

// The features of the children of s0, b0 and s1 (templates 70-91) take
// few distinct values, together: most words have no children yet, or
// common ones. They carry 40% of the weights that scoring a transition
// adds, so their sums are remembered, a group for each word, keyed by the
// features themselves: a hit adds one row instead of looking up a dozen
// features. These are the groups' places in parseFeatures' list.
const (
	nParseFeatures = 96
	childFirst     = 64 // templates 70-82: s0 (6), b0 (3), s1 (4)
	childSecond    = 77 // templates 83-91: s0 (6), b0 (3)
	childEnd       = 86
	maxGroup       = 12
)

// childGroup copies the features of group g (0: s0's children, 1: b0's,
// 2: s1's) to dst and returns how many there are.
func childGroup(feats []uint64, g int, dst *[maxGroup]uint64) int {
	switch g {
	case 0:
		copy(dst[:6], feats[childFirst:childFirst+6])
		copy(dst[6:12], feats[childSecond:childSecond+6])
		return 12
	case 1:
		copy(dst[:3], feats[childFirst+6:childFirst+9])
		copy(dst[3:6], feats[childSecond+6:childSecond+9])
		return 6
	}
	copy(dst[:4], feats[childFirst+9:childFirst+13])
	return 4
}

// groupCache is a direct-mapped cache from the keys of a group of
// features to their summed weights. Sums of quantised weights are whole
// numbers well below 2^24, so adding a remembered sum gives exactly what
// adding its weights one by one gives.
type groupCache struct {
	w    *Weights
	n    int                // classes
	keys [][maxGroup]uint32 // 0 (never a key) marks an empty row
	sums []float32
}

const groupCacheSize = 128

// add adds the weights of feats (at most maxGroup) to scores.
func (c *groupCache) add(w *Weights, feats []uint64, scores []float32) {
	if c.w != w || c.n != len(scores) {
		*c = groupCache{w: w, n: len(scores), keys: make([][maxGroup]uint32, groupCacheSize), sums: make([]float32, groupCacheSize*len(scores))}
	}
	var k [maxGroup]uint32
	h := uint64(fnvOffset)
	for i, f := range feats {
		k[i] = uint32(key32(f))
		h = hashInt(h, uint64(k[i]))
	}
	i := h & (groupCacheSize - 1)
	sums := c.sums[int(i)*c.n : int(i+1)*c.n]
	if c.keys[i] != k {
		clear(sums)
		w.Score(feats, sums)
		c.keys[i] = k
	}
	for j, s := range sums {
		scores[j] += s
	}
}

// score sets scores to those of the features of a transition.
func (p *Parser) score(sc *parseScratch) {
	clear(sc.scores)
	fs := sc.feats
	if sc.noCache || len(fs) != nParseFeatures {
		p.weights.Score(fs, sc.scores)
		return
	}
	var group [maxGroup]uint64
	for g := range sc.children {
		n := childGroup(fs, g, &group)
		sc.children[g].add(p.weights, group[:n], sc.scores)
	}
	// The other features, looked up in one batch.
	rest := append(fs[:childFirst], fs[childEnd:]...)
	p.weights.Score(rest, sc.scores)
}

func (p *Parser) prepare(words, tags []string, sc *parseScratch) {
	n := len(words)
	if cap(sc.toks) < n+1 {
		sc.toks = make([]parseToken, n+1)
	}
	sc.toks = sc.toks[:n+1]
	for i, w := range words {
		_, fine := p.clusters.Lookup(w)
		t := parseToken{word: hashLower(fnvOffset, w), tag: hashString(fnvOffset+9, tags[i]), cluster: uint64(fine) + 3}
		sc.toks[i+1] = t
	}
	if cap(sc.scores) < p.nClasses() {
		sc.scores = make([]float32, p.nClasses())
	}
	sc.scores = sc.scores[:p.nClasses()]
	sc.st.reset(n)
}

func (p *Parser) parse(words, tags []string, heads []int, rels []string, sc *parseScratch) {
	p.prepare(words, tags, sc)
	st := &sc.st
	for !st.done() {
		ok := p.legal(st)
		if ok[0] && !ok[1] && !ok[2] {
			// Only SHIFT is legal (the stack holds just the root): no
			// need to score.
			p.apply(st, shift)
			continue
		}
		sc.feats = parseFeatures(sc.feats[:0], st, sc.toks)
		p.score(sc)
		p.apply(st, p.bestLegal(ok, sc.scores))
	}
	for i := 1; i <= st.n; i++ {
		heads[i-1] = st.heads[i]
		rels[i-1] = p.labels[st.labels[i]]
		if heads[i-1] == 0 {
			rels[i-1] = "root"
		}
	}
}

// bestLegal returns the highest-scoring transition of those legal (as
// legal reports them).
func (p *Parser) bestLegal(ok [3]bool, scores []float32) int {
	best, bestScore := -1, float32(0)
	for c, s := range scores {
		var allowed bool
		switch {
		case c == shift:
			allowed = ok[0]
		case p.isLeft(c):
			allowed = ok[1]
		default:
			allowed = ok[2]
		}
		if allowed && (best < 0 || s > bestScore) {
			best, bestScore = c, s
		}
	}
	return best
}

// costs fills the dynamic-oracle cost of every transition for gold heads
// and labels (1-based heads, index 0 unused); illegal transitions get -1.
func (p *Parser) costs(st *parseState, gh, gl []int, out []int) {
	ok := p.legal(st)
	n := len(st.stack)
	// inBuffer reports whether word i is in the buffer (b .. n).
	inBuffer := func(i int) bool { return i >= st.b && i <= st.n }
	// children of w still in the buffer
	bufferChildren := func(w int) int {
		c := 0
		for d := st.b; d <= st.n; d++ {
			if gh[d] == w {
				c++
			}
		}
		return c
	}
	for c := range out {
		out[c] = -1
	}
	if ok[0] { // SHIFT: b loses heads in the stack below s0 and dependents in the stack
		b := st.b
		c := 0
		for k, s := range st.stack {
			if gh[b] == s && k != n-1 {
				c++
			}
			if gh[s] == b {
				c++
			}
		}
		out[shift] = c
	}
	if n == 0 {
		return
	}
	s0 := st.stack[n-1]
	lostChildren := bufferChildren(s0)
	if ok[1] { // LEFT: s0 <- b0
		c := lostChildren
		if (n >= 2 && gh[s0] == st.stack[n-2]) || (gh[s0] != st.b && inBuffer(gh[s0])) {
			c++
		}
		for l := range p.labels {
			x := c
			if gh[s0] == st.b && gl[s0] != l {
				x++
			}
			out[p.leftClass(l)] = x
		}
	}
	if ok[2] { // RIGHT: s1 -> s0
		s1 := st.stack[n-2]
		c := lostChildren
		if inBuffer(gh[s0]) {
			c++
		}
		for l := range p.labels {
			x := c
			if gh[s0] == s1 && gl[s0] != l {
				x++
			}
			out[p.rightClass(l)] = x
		}
	}
}

// ParseAccuracy holds attachment scores over gold-tokenised sentences.
type ParseAccuracy struct {
	Words    int
	UAS, LAS float64 // LAS compares universal relations (subtypes ignored), as CoNLL 2018 does
}

// Evaluate parses gold-tokenised sentences with their gold tags, or with
// tags from tagger when it is not nil.
func (p *Parser) Evaluate(sents []Sentence, tagger *Tagger) ParseAccuracy {
	var n, u, l int
	var sc parseScratch
	for _, s := range sents {
		tags := goldTags(s)
		if tagger != nil {
			tags = tagger.JointTags(s.Form)
		}
		heads := make([]int, len(s.Form))
		rels := make([]string, len(s.Form))
		p.parse(s.Form, tags, heads, rels, &sc)
		for i := range s.Form {
			if s.Head[i] < 0 {
				continue
			}
			n++
			if heads[i] == s.Head[i] {
				u++
				if universal(rels[i]) == universal(s.Deprel[i]) {
					l++
				}
			}
		}
	}
	d := float64(max(n, 1))
	return ParseAccuracy{Words: n, UAS: float64(u) / d, LAS: float64(l) / d}
}

// goldTags returns a sentence's gold tags in the parser's form.
func goldTags(s Sentence) []string {
	tags := make([]string, len(s.Form))
	for i := range s.Form {
		tags[i] = s.UPOS[i] + " " + s.XPOS[i]
	}
	return tags
}

func universal(rel string) string {
	if i := strings.IndexByte(rel, ':'); i >= 0 {
		return rel[:i]
	}
	return rel
}

// projectivize lifts non-projective arcs (the head of a word becomes its
// grandparent) until the tree is projective, so that the oracle is exact.
func projectivize(heads []int) []int {
	h := append([]int(nil), heads...) // index 0 = root, unused
	n := len(h) - 1
	for iter := 0; iter < 4*n; iter++ {
		found := -1
		for d := 1; d <= n && found < 0; d++ {
			lo, hi := min(d, h[d]), max(d, h[d])
			for k := lo + 1; k < hi; k++ {
				if !dominates(h, h[d], k) {
					found = d
					break
				}
			}
		}
		if found < 0 {
			return h
		}
		h[found] = h[h[found]]
	}
	return h
}

// dominates reports whether a is an ancestor of k.
func dominates(h []int, a, k int) bool {
	for steps := 0; k != 0 && steps < len(h); steps++ {
		k = h[k]
		if k == a {
			return true
		}
	}
	return a == 0
}

// TrainParser learns a parser from train, choosing the epoch by LAS on
// dev. trainTags gives the tags to train with, one slice per sentence
// (predicted by jackknifing, so that training sees tagging errors as use
// does); nil means gold tags. tagger tags dev; nil means gold tags.
func TrainParser(ctx context.Context, train, dev []Sentence, trainTags [][]string, tagger *Tagger, clusters *Clusters, opt TrainOptions) (*Parser, float64, error) {
	opt = opt.withDefaults()
	labelSet := map[string]bool{}
	for _, s := range train {
		for _, r := range s.Deprel {
			if r != "" {
				labelSet[r] = true
			}
		}
	}
	if len(labelSet) == 0 {
		return nil, 0, fmt.Errorf("train parser: no dependency relations in the training data")
	}
	p := &Parser{clusters: clusters}
	for r := range labelSet {
		p.labels = append(p.labels, r)
	}
	sort.Strings(p.labels)
	labelIndex := map[string]int{}
	for i, r := range p.labels {
		labelIndex[r] = i
	}
	type example struct {
		words, tags []string
		gh, gl      []int
	}
	var exs []example
	for si, s := range train {
		ok := true
		gh := make([]int, len(s.Form)+1)
		gl := make([]int, len(s.Form)+1)
		for i := range s.Form {
			if s.Head[i] < 0 || s.Head[i] > len(s.Form) {
				ok = false
				break
			}
			gh[i+1], gl[i+1] = s.Head[i], labelIndex[s.Deprel[i]]
		}
		if !ok {
			continue
		}
		tags := goldTags(s)
		if trainTags != nil {
			tags = trainTags[si]
		}
		exs = append(exs, example{s.Form, tags, projectivize(gh), gl})
	}
	tr := NewTrainer(p.nClasses())
	rng := rand.New(rand.NewSource(opt.Seed))
	var sc parseScratch
	costs := make([]int, p.nClasses())
	learn := func(epoch, ei int) (correct, total int) {
		ex := exs[ei]
		p.prepare(ex.words, ex.tags, &sc)
		st := &sc.st
		for !st.done() {
			sc.feats = parseFeatures(sc.feats[:0], st, sc.toks)
			clear(sc.scores)
			tr.Score(sc.feats, sc.scores)
			p.costs(st, ex.gh, ex.gl, costs)
			guess := p.bestLegal(p.legal(st), sc.scores)
			// best zero-cost transition by score
			gold, goldScore := -1, float32(0)
			for c, cost := range costs {
				if cost == 0 && (gold < 0 || sc.scores[c] > goldScore) {
					gold, goldScore = c, sc.scores[c]
				}
			}
			tr.Tick()
			total++
			if gold < 0 { // no zero-cost transition (should not happen on projective trees)
				p.apply(st, guess)
				continue
			}
			next := gold
			if costs[guess] == 0 {
				correct++
				next = guess
			} else {
				tr.Update(sc.feats, gold, 1)
				tr.Update(sc.feats, guess, -1)
				// Explore: follow the model's mistake from the second
				// epoch on, so that it learns to recover from errors.
				if epoch > 1 && rng.Float64() < 0.9 {
					next = guess
				}
			}
			p.apply(st, next)
		}
		return correct, total
	}
	devScore := func(w *Weights) float64 {
		p.weights = w
		return p.Evaluate(dev, tagger).LAS
	}
	best, bestScore, err := trainEpochs(ctx, len(exs), tr, rng, opt, learn, devScore)
	if err != nil {
		return nil, 0, err
	}
	p.weights = best
	return p, bestScore, nil
}
