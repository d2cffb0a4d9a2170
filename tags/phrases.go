package tags

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"tidings/article"
	"tidings/text"
)

// Keyphrases are often words of the article that no archive has used as a
// tag. With ModelOptions.Phrases, the model also scores candidate phrases
// of the article itself (runs of one to three words that neither start nor
// end with a function word) with a logistic regression over how a
// keyphrase looks, as KEA does: frequency, first position, title, length,
// rarity in the archive and how often the archive made it a tag.

// phraseModel holds what the phrase scorer learned.
type phraseModel struct {
	Docs    int
	Phrases []string  // sorted: phrases seen in the archive
	DF      []int32   // articles each appears in
	AsTag   []int32   // articles each is a gold tag of
	Weights []float64 // bias, then one per phrase feature
}

// phraseFeatures is the number of features of a candidate phrase.
const phraseFeatures = 8

// candidate is one candidate phrase of an article.
type candidate struct {
	key     string
	tf      int
	first   float64 // position of its first occurrence, 0 to 1
	title   bool
	words   int
	capital bool     // first written with a capital inside a sentence
	spans   [][2]int // where it occurs
}

// stopwords are function words: a phrase neither starts nor ends with one.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and or but nor so yet of in on at to for from by with without about
	into onto over under after before between through during against among as than then that this these those
	it its it's he she they them their his her him we us our you your i me my is are was were be been being
	has have had do does did not no will would shall should can could may might must there here what which who
	whom whose when where why how all any both each few more most other some such only own same too very just
	also said says say 's n't up out if because while again further once off above below new one two like`) {
		m[w] = true
	}
	return m
}()

// phraseCandidates returns the candidate phrases of an article, in order
// of first occurrence, over its text tokenised here (see docTerms).
func phraseCandidates(a article.Article) []candidate {
	return docPhrases(text.New(a.Text()), len(a.Title))
}

// docPhrases returns the candidate phrases of a Document whose title ends
// at byte titleEnd, in order of first occurrence.
func docPhrases(doc *text.Document, titleEnd int) []candidate {
	byKey := map[string]int{}
	var out []candidate
	for _, s := range doc.Sentences {
		toks := doc.Tokens[s.Start:s.End]
		for i := range toks {
			for n := 1; n <= 3 && i+n <= len(toks); n++ {
				run := toks[i : i+n]
				if !phraseRun(run) {
					break
				}
				first, last := strings.ToLower(run[0].Form), strings.ToLower(run[n-1].Form)
				if stopwords[first] || stopwords[last] || !hasLetter(last) || !hasLetter(first) {
					continue
				}
				words := make([]string, n)
				for j, t := range run {
					words[j] = strings.ToLower(t.Form)
				}
				key := strings.Join(words, " ")
				span := [2]int{run[0].Start, run[n-1].End}
				j, ok := byKey[key]
				if !ok {
					j = len(out)
					byKey[key] = j
					r, _ := utf8.DecodeRuneInString(run[0].Form)
					out = append(out, candidate{
						key: key, first: float64(span[0]) / float64(max(1, len(doc.Text))),
						words: n, capital: i > 0 && unicode.IsUpper(r),
					})
				}
				out[j].tf++
				out[j].title = out[j].title || span[0] < titleEnd
				out[j].spans = append(out[j].spans, span)
			}
		}
	}
	return out
}

// phraseRun reports whether tokens can make a phrase: words written with
// a space or nothing between them, none of them punctuation.
func phraseRun(run []text.Token) bool {
	for i, t := range run {
		if !hasLetter(t.Form) && strings.IndexFunc(t.Form, unicode.IsDigit) < 0 {
			return false
		}
		if i > 0 && run[i].Start-run[i-1].End > 1 {
			return false
		}
	}
	return true
}

// lookup returns a phrase's archive counts.
func (p *phraseModel) lookup(key string) (df, asTag int) {
	if i, ok := slices.BinarySearch(p.Phrases, key); ok {
		return int(p.DF[i]), int(p.AsTag[i])
	}
	return 0, 0
}

// features of a candidate, given its archive counts and the archive size.
func phraseVector(c candidate, df, asTag, docs int) []float64 {
	idf := math.Log(float64(docs+1) / float64(df+1))
	b := func(v bool) float64 {
		if v {
			return 1
		}
		return 0
	}
	return []float64{
		1, math.Log(1 + float64(c.tf)), c.first, b(c.title), b(c.words == 2), b(c.words == 3),
		idf, math.Log(1 + float64(asTag)), b(c.capital),
	}
}

// trainPhrases counts the archive's phrases and fits the scorer; the
// counts of an article are left out of its own features, so that the
// scorer does not learn to trust counts that include the answer.
func trainPhrases(examples []Example) *phraseModel {
	type counted struct {
		cands []candidate
		gold  []string
	}
	docs := make([]counted, 0, len(examples))
	df, asTag := map[string]int{}, map[string]int{}
	for _, e := range examples {
		gold := lowerAll(e.Article.GoldTags)
		if len(gold) == 0 {
			continue
		}
		cs := phraseCandidates(e.Article)
		for _, c := range cs {
			df[c.key]++
		}
		for _, g := range gold {
			asTag[g]++
		}
		docs = append(docs, counted{cs, gold})
	}
	p := &phraseModel{Docs: len(docs)}
	for k := range df {
		p.Phrases = append(p.Phrases, k)
	}
	for k := range asTag {
		if df[k] == 0 {
			p.Phrases = append(p.Phrases, k)
		}
	}
	slices.Sort(p.Phrases)
	for _, k := range p.Phrases {
		p.DF = append(p.DF, int32(df[k]))
		p.AsTag = append(p.AsTag, int32(asTag[k]))
	}
	var xs [][]float64
	var ys []bool
	for _, d := range docs {
		for _, c := range d.cands {
			gold := slices.Contains(d.gold, c.key)
			t := asTag[c.key]
			if gold {
				t--
			}
			xs = append(xs, phraseVector(c, df[c.key]-1, t, len(docs)-1))
			ys = append(ys, gold)
		}
	}
	p.Weights = fitLogistic(xs, ys)
	return p
}

// score returns the probability that each candidate is a keyphrase.
func (p *phraseModel) score(cs []candidate) []float64 {
	out := make([]float64, len(cs))
	for i, c := range cs {
		df, t := p.lookup(c.key)
		x := phraseVector(c, df, t, p.Docs)
		var z float64
		for j, w := range p.Weights {
			z += w * x[j]
		}
		out[i] = sigmoid(z)
	}
	return out
}

func lowerAll(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.ToLower(strings.Join(strings.Fields(s), " ")); s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// fitLogistic fits a logistic regression (xs include the constant) by
// Newton's method with a small ridge.
func fitLogistic(xs [][]float64, ys []bool) []float64 {
	if len(xs) == 0 {
		return make([]float64, phraseFeatures+1)
	}
	d := len(xs[0])
	w := make([]float64, d)
	const ridge = 1e-3
	for iter := 0; iter < 30; iter++ {
		h := make([][]float64, d)
		for a := range h {
			h[a] = make([]float64, d)
		}
		g := make([]float64, d)
		for i, x := range xs {
			var z float64
			for a := range x {
				z += w[a] * x[a]
			}
			p := sigmoid(z)
			y := 0.0
			if ys[i] {
				y = 1
			}
			wt := max(p*(1-p), 1e-9)
			for a := range x {
				g[a] += (y - p) * x[a]
				for b := range x {
					h[a][b] += wt * x[a] * x[b]
				}
			}
		}
		for a := range d {
			g[a] -= ridge * w[a]
			h[a][a] += ridge
		}
		step, ok := solve(h, g)
		if !ok {
			break
		}
		var most float64
		for a := range d {
			w[a] += step[a]
			most = max(most, math.Abs(step[a]))
		}
		if most < 1e-7 {
			break
		}
	}
	return w
}

// solve solves h x = g by Gaussian elimination with partial pivoting; h
// and g are overwritten.
func solve(h [][]float64, g []float64) ([]float64, bool) {
	n := len(g)
	for col := range n {
		piv := col
		for r := col + 1; r < n; r++ {
			if math.Abs(h[r][col]) > math.Abs(h[piv][col]) {
				piv = r
			}
		}
		if math.Abs(h[piv][col]) < 1e-12 {
			return nil, false
		}
		h[col], h[piv] = h[piv], h[col]
		g[col], g[piv] = g[piv], g[col]
		for r := col + 1; r < n; r++ {
			m := h[r][col] / h[col][col]
			for k := col; k < n; k++ {
				h[r][k] -= m * h[col][k]
			}
			g[r] -= m * g[col]
		}
	}
	x := make([]float64, n)
	for r := n - 1; r >= 0; r-- {
		s := g[r]
		for k := r + 1; k < n; k++ {
			s -= h[r][k] * x[k]
		}
		x[r] = s / h[r][r]
	}
	return x, true
}
