package annotate

import (
	"bufio"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Clusters map words to distributional classes learned from unlabelled
// text, at two granularities. Taggers and recognisers use them as
// features, so that a word never seen in training still looks like the
// words it behaves like (Brown et al. 1992; Koo et al. 2008).
type Clusters struct {
	classes map[string][2]uint32 // coarse and fine class, plus one
}

// Lookup returns a word's coarse and fine class plus one (0: unknown).
func (c *Clusters) Lookup(w string) (coarse, fine uint32) {
	if c == nil {
		return 0, 0
	}
	x := c.classes[w]
	return x[0], x[1]
}

// Len returns the number of clustered words.
func (c *Clusters) Len() int {
	if c == nil {
		return 0
	}
	return len(c.classes)
}

// WriteTo writes "word\tcoarse\tfine" lines sorted by word.
func (c *Clusters) WriteTo(w io.Writer) (int64, error) {
	words := make([]string, 0, len(c.classes))
	for word := range c.classes {
		words = append(words, word)
	}
	sort.Strings(words)
	bw := bufio.NewWriter(w)
	for _, word := range words {
		x := c.classes[word]
		fmt.Fprintf(bw, "%s\t%d\t%d\n", word, x[0]-1, x[1]-1)
	}
	return 0, bw.Flush()
}

// ReadClusters reads the format written by WriteTo.
func ReadClusters(r io.Reader) (*Clusters, error) {
	c := &Clusters{classes: map[string][2]uint32{}}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("clusters line %d: want 3 tab-separated fields", line)
		}
		a, err1 := strconv.ParseUint(f[1], 10, 32)
		b, err2 := strconv.ParseUint(f[2], 10, 32)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("clusters line %d: bad class number", line)
		}
		c.classes[f[0]] = [2]uint32{uint32(a) + 1, uint32(b) + 1}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("clusters: %w", err)
	}
	return c, nil
}

// ClusterOptions control cluster learning.
type ClusterOptions struct {
	MinCount      int // words seen fewer times are not clustered
	Coarse, Fine  int // class counts
	Iterations    int // exchange passes
	Seed          int64
	Progress      func(stage string, iteration int, objective float64)
	MaxVocabulary int // most frequent words kept (0: all)
}

// LearnClusters learns word classes from sentences (each a slice of
// tokens) with the exchange algorithm (Kneser & Ney 1993; Martin et al.
// 1998): words move between classes to maximise the likelihood of a
// class-bigram model, sum N(c,d) log N(c,d) - 2 sum N(c) log N(c).
func LearnClusters(ctx context.Context, sents [][]string, opt ClusterOptions) (*Clusters, error) {
	if opt.MinCount == 0 {
		opt.MinCount = 3
	}
	if opt.Iterations == 0 {
		opt.Iterations = 8
	}
	counts := map[string]int{}
	for _, s := range sents {
		for _, w := range s {
			counts[w]++
		}
	}
	vocab := make([]string, 0, len(counts))
	for w, n := range counts {
		if n >= opt.MinCount {
			vocab = append(vocab, w)
		}
	}
	// Most frequent first; ties by spelling, so the result is reproducible.
	sort.Slice(vocab, func(i, j int) bool {
		ci, cj := counts[vocab[i]], counts[vocab[j]]
		if ci != cj {
			return ci > cj
		}
		return vocab[i] < vocab[j]
	})
	if opt.MaxVocabulary > 0 && len(vocab) > opt.MaxVocabulary {
		vocab = vocab[:opt.MaxVocabulary]
	}
	if len(vocab) == 0 {
		return nil, fmt.Errorf("learn clusters: no word occurs %d times", opt.MinCount)
	}
	id := make(map[string]int32, len(vocab)+1)
	for i, w := range vocab {
		id[w] = int32(i)
	}
	// Word 0..V-1; V stands for every rare word and the sentence boundary.
	other := int32(len(vocab))
	type pair struct{ a, b int32 }
	bigrams := map[pair]int{}
	for _, s := range sents {
		prev := other
		for _, w := range s {
			x, ok := id[w]
			if !ok {
				x = other
			}
			bigrams[pair{prev, x}]++
			prev = x
		}
		bigrams[pair{prev, other}]++
	}
	V := len(vocab) + 1
	// Sparse neighbour lists per word.
	type nb struct {
		w int32
		n int
	}
	right := make([][]nb, V)
	left := make([][]nb, V)
	keys := make([]pair, 0, len(bigrams))
	for k := range bigrams {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].a != keys[j].a {
			return keys[i].a < keys[j].a
		}
		return keys[i].b < keys[j].b
	})
	for _, k := range keys {
		n := bigrams[k]
		right[k.a] = append(right[k.a], nb{k.b, n})
		left[k.b] = append(left[k.b], nb{k.a, n})
	}
	unigram := make([]int, V)
	for _, k := range keys {
		unigram[k.a] += bigrams[k]
	}

	run := func(stage string, C int) ([]int32, error) {
		// Initial classes: the most frequent words get classes of their
		// own, the rest round-robin (Martin et al.).
		C = min(C, len(vocab))
		cls := make([]int32, V)
		for i := range vocab {
			cls[i] = int32(i % C)
		}
		K := C + 1 // class C holds the "other" token alone
		cls[other] = int32(C)
		nc := make([]float64, K)
		ncc := make([]float64, K*K)
		for w := 0; w < V; w++ {
			nc[cls[w]] += float64(unigram[w])
			for _, r := range right[w] {
				ncc[int(cls[w])*K+int(cls[r.w])] += float64(r.n)
			}
		}
		xlogx := func(x float64) float64 {
			if x <= 0 {
				return 0
			}
			return x * math.Log(x)
		}
		rc := make([]float64, K) // w's right-neighbour counts by class
		lc := make([]float64, K) // w's left-neighbour counts by class
		var touchedR, touchedL []int32
		for it := 1; it <= opt.Iterations; it++ {
			moved := 0
			for w := 0; w < len(vocab); w++ {
				if w%4096 == 0 {
					if err := ctx.Err(); err != nil {
						return nil, err
					}
				}
				from := int(cls[w])
				nw := float64(unigram[w])
				self := 0.0 // count of the bigram (w, w)
				touchedR, touchedL = touchedR[:0], touchedL[:0]
				for _, r := range right[w] {
					if int(r.w) == w {
						self += float64(r.n)
						continue
					}
					c := cls[r.w]
					if rc[c] == 0 {
						touchedR = append(touchedR, c)
					}
					rc[c] += float64(r.n)
				}
				for _, l := range left[w] {
					if int(l.w) == w {
						continue
					}
					c := cls[l.w]
					if lc[c] == 0 {
						touchedL = append(touchedL, c)
					}
					lc[c] += float64(l.n)
				}
				// Remove w from its class.
				for _, c := range touchedR {
					ncc[from*K+int(c)] -= rc[c]
				}
				for _, c := range touchedL {
					ncc[int(c)*K+from] -= lc[c]
				}
				ncc[from*K+from] -= self
				nc[from] -= nw
				// gain of placing w in class k, relative to placing it nowhere
				gain := func(k int) float64 {
					g := 0.0
					for _, c := range touchedR {
						if int(c) == k {
							continue
						}
						x := ncc[k*K+int(c)]
						g += xlogx(x+rc[c]) - xlogx(x)
					}
					for _, c := range touchedL {
						if int(c) == k {
							continue
						}
						x := ncc[int(c)*K+k]
						g += xlogx(x+lc[c]) - xlogx(x)
					}
					// the (k, k) cell gains w's bigrams with members of k in
					// both directions and with itself
					x := ncc[k*K+k]
					g += xlogx(x+rc[k]+lc[k]+self) - xlogx(x)
					g -= 2 * (xlogx(nc[k]+nw) - xlogx(nc[k]))
					return g
				}
				best, bestGain := from, gain(from)
				for k := 0; k < C; k++ {
					if k == from {
						continue
					}
					if g := gain(k); g > bestGain+1e-9 {
						best, bestGain = k, g
					}
				}
				// Add w to the best class.
				// Neighbours keep their classes; only w moves.
				for _, c := range touchedR {
					ncc[best*K+int(c)] += rc[c]
				}
				for _, c := range touchedL {
					ncc[int(c)*K+best] += lc[c]
				}
				ncc[best*K+best] += self
				nc[best] += nw
				if best != from {
					moved++
					cls[w] = int32(best)
				}
				for _, c := range touchedR {
					rc[c] = 0
				}
				for _, c := range touchedL {
					lc[c] = 0
				}
			}
			if opt.Progress != nil {
				obj := 0.0
				for _, x := range ncc {
					obj += xlogx(x)
				}
				for _, x := range nc {
					obj -= 2 * xlogx(x)
				}
				opt.Progress(stage, it, obj)
			}
			if moved == 0 {
				break
			}
		}
		return cls, nil
	}
	coarse, err := run("coarse", opt.Coarse)
	if err != nil {
		return nil, err
	}
	fine, err := run("fine", opt.Fine)
	if err != nil {
		return nil, err
	}
	c := &Clusters{classes: make(map[string][2]uint32, len(vocab))}
	for i, w := range vocab {
		c.classes[w] = [2]uint32{uint32(coarse[i]) + 1, uint32(fine[i]) + 1}
	}
	return c, nil
}

// ReadClustersGzip reads a gzip-compressed clusters file.
func ReadClustersGzip(r io.Reader) (*Clusters, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("clusters: %w", err)
	}
	return ReadClusters(zr)
}
