package tags

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"tidings/text"
)

// Keyphrases are often words of the article that no archive has used as a
// tag. With ModelOptions.Phrases, the model also scores candidate phrases
// of the article itself with a logistic regression over how a keyphrase
// looks, as KEA does, learnt from the archive's gold keyphrases. The
// candidates are the content words (nouns, names, verbs, adjectives,
// adverbs, numbers), the noun phrases (two to four adjectives, nouns and
// names ending at a noun or name) and the multiword names; all the forms
// of a phrase that stem alike are one candidate, as the keyphrase
// benchmarks match them (KeyphraseKey). Without parts of speech (an
// article tokenised here, not analysed) every word but a function word
// counts as content.

// phraseModel holds what the phrase scorer learned.
type phraseModel struct {
	Docs    int
	Phrases []string  // sorted: keys (KeyphraseKey) of the phrases seen in the archive
	DF      []int32   // articles each appears in
	AsTag   []int32   // articles each is a gold tag of
	Weights []float64 // bias, then one per phrase feature
}

// phraseFeatures is the number of features of a candidate phrase.
const phraseFeatures = 29

// contentPOS are the parts of speech of a one-word candidate, in the order
// of their features.
var contentPOS = [...]string{"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"}

// nameLabels are the entity labels of names, in the order of their features.
var nameLabels = [...]string{"PER", "ORG", "LOC", "MISC"}

// candidate is one candidate phrase of an article.
type candidate struct {
	key      string         // KeyphraseKey of its forms
	form     string         // its most frequent form, lower-cased
	forms    map[string]int // lower-cased forms and their counts
	tf       int
	first    float64 // position of its first occurrence, 0 to 1 (in tokens)
	last     float64
	title    bool
	words    int
	capital  int                  // occurrences written with a capital outside the title
	pos      [len(contentPOS)]int // occurrences by the part of speech of their last word
	label    string               // the entity label when it is a whole name
	nounPhr  bool                 // met as a noun phrase of several words
	name     bool                 // met as a name of several words
	inName   int                  // one-word: occurrences inside a name of several words
	inPhrase int                  // one-word: occurrences next to a noun, name or adjective
	sents    int                  // sentences it occurs in
	lastSent int
	lead     bool // in the first two sentences
	tokens   int  // of the article
	spans    [][2]int
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

// KeyphraseKey is the form under which keyphrases match: lower-cased,
// split at spaces, each word stemmed (porterStem), joined by one space. This is
// the normalisation of the keyphrase benchmarks' scorers (exact match of
// stemmed phrases).
func KeyphraseKey(phrase string) string {
	ws := strings.Fields(strings.ToLower(phrase))
	for i, w := range ws {
		ws[i] = porterStem(w)
	}
	return strings.Join(ws, " ")
}

// phraseCandidates returns the candidate phrases of an example, over its
// Document when it has one (analysed: with parts of speech and names) or
// else over its text tokenised here.
func phraseCandidates(e Example) []candidate {
	doc := e.Doc
	if doc == nil {
		doc = text.New(e.Article.Text())
	}
	return docPhrases(doc, len(e.Article.Title))
}

// content reports whether token t can be a one-word candidate.
func content(t text.Token) bool {
	w := strings.ToLower(t.Form)
	if stopwords[w] || !hasLetter(w) {
		return false
	}
	return t.UPOS == "" || slices.Contains(contentPOS[:], t.UPOS)
}

// nominal reports whether token t can be inside a noun phrase, and head
// whether it can end one.
func nominal(t text.Token) bool {
	switch t.UPOS {
	case "ADJ", "NOUN", "PROPN":
		return true
	case "":
		return !stopwords[strings.ToLower(t.Form)] && hasLetter(t.Form)
	}
	return false
}

func head(t text.Token) bool {
	return t.UPOS == "NOUN" || t.UPOS == "PROPN" || t.UPOS == "" && nominal(t)
}

// docPhrases returns the candidate phrases of a Document whose title ends
// at byte titleEnd, in order of first occurrence.
func docPhrases(doc *text.Document, titleEnd int) []candidate {
	toks := doc.Tokens
	n := len(toks)
	inName := make([]bool, n)
	nameAt := map[[2]int]string{}
	for _, e := range doc.Entities {
		if slices.Contains(nameLabels[:], e.Label) && e.End <= n {
			nameAt[[2]int{e.Start, e.End}] = e.Label
			if e.End-e.Start > 1 {
				for i := e.Start; i < e.End; i++ {
					inName[i] = true
				}
			}
		}
	}
	byKey := map[string]int{}
	seen := map[[2]int]bool{} // a span met both as a noun phrase and as a name counts once
	var out []candidate
	add := func(i, j, sent int, kind byte) {
		if seen[[2]int{i, j}] {
			if k, ok := byKey[spanKey(toks[i:j])]; ok {
				out[k].nounPhr = out[k].nounPhr || kind == 'p'
				out[k].name = out[k].name || kind == 'n'
			}
			return
		}
		seen[[2]int{i, j}] = true
		form := spanForm(toks[i:j])
		key := KeyphraseKey(form)
		if key == "" {
			return
		}
		k, ok := byKey[key]
		if !ok {
			k = len(out)
			byKey[key] = k
			out = append(out, candidate{key: key, forms: map[string]int{}, first: float64(i) / float64(n), words: j - i, tokens: n, lastSent: -1})
		}
		c := &out[k]
		c.forms[form]++
		c.tf++
		c.last = float64(i) / float64(n)
		c.title = c.title || toks[i].Start < titleEnd
		if r, _ := utf8.DecodeRuneInString(toks[i].Form); unicode.IsUpper(r) && toks[i].Start >= titleEnd {
			c.capital++
		}
		if p := slices.Index(contentPOS[:], toks[j-1].UPOS); p >= 0 {
			c.pos[p]++
		}
		if l, ok := nameAt[[2]int{i, j}]; ok {
			c.label = l
		}
		switch kind {
		case 'p':
			c.nounPhr = true
		case 'n':
			c.name = true
		case 'w':
			if inName[i] {
				c.inName++
			}
			if i > 0 && nominal(toks[i-1]) && toks[i-1].UPOS != "" || i+1 < n && head(toks[i+1]) && toks[i+1].UPOS != "" {
				c.inPhrase++
			}
		}
		if sent != c.lastSent {
			c.sents++
			c.lastSent = sent
		}
		c.lead = c.lead || sent < 2
		c.spans = append(c.spans, [2]int{toks[i].Start, toks[j-1].End})
	}
	for si, s := range doc.Sentences {
		for i := s.Start; i < s.End; i++ {
			if content(toks[i]) {
				add(i, i+1, si, 'w')
			}
		}
		// Noun phrases: within each run of nominal words, the spans of two
		// to four words that end at a head and start with a word that is
		// not a function word.
		for i := s.Start; i < s.End; {
			if !nominal(toks[i]) {
				i++
				continue
			}
			j := i + 1
			for j < s.End && nominal(toks[j]) && phraseRun(toks[j-1:j+1]) {
				j++
			}
			for x := i; x < j; x++ {
				for y := x + 2; y <= min(j, x+4); y++ {
					if head(toks[y-1]) {
						add(x, y, si, 'p')
					}
				}
			}
			i = j
		}
		for _, e := range doc.Entities {
			if e.Start >= s.Start && e.End <= s.End && e.End-e.Start > 1 && slices.Contains(nameLabels[:], e.Label) && phraseRun(toks[e.Start:e.End]) {
				add(e.Start, e.End, si, 'n')
			}
		}
	}
	for k := range out {
		c := &out[k]
		best := -1
		for f, m := range c.forms {
			if m > best || m == best && f < c.form {
				c.form, best = f, m
			}
		}
	}
	return out
}

// spanForm is the lower-cased words of a span, one space apart.
func spanForm(toks []text.Token) string {
	ws := make([]string, len(toks))
	for i, t := range toks {
		ws[i] = strings.ToLower(t.Form)
	}
	return strings.Join(ws, " ")
}

func spanKey(toks []text.Token) string { return KeyphraseKey(spanForm(toks)) }

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

// phraseVector returns the features of a candidate (the constant first),
// given its archive counts and the archive size.
func phraseVector(c candidate, df, asTag, docs int) []float64 {
	b := func(v bool) float64 {
		if v {
			return 1
		}
		return 0
	}
	tf := float64(c.tf)
	x := make([]float64, 0, phraseFeatures+1)
	x = append(x, 1, math.Log(1+tf), c.first, c.last-c.first, b(c.title),
		b(c.words == 1), b(c.words == 2), b(c.words >= 3),
		math.Log(float64(docs+1)/float64(df+1)), math.Log(1+float64(asTag)), (float64(asTag)+0.5)/float64(df+1),
		float64(c.capital)/tf)
	var tagged int
	for _, n := range c.pos {
		tagged += n
	}
	for _, n := range c.pos {
		x = append(x, float64(n)/math.Max(1, float64(tagged)))
	}
	for _, l := range nameLabels {
		x = append(x, b(c.label == l))
	}
	one := 0.0 // the shares inside names and phrases are of one-word candidates
	if c.words == 1 {
		one = 1 / tf
	}
	x = append(x, b(c.nounPhr), b(c.name), float64(c.inName)*one, float64(c.inPhrase)*one,
		math.Log(1+float64(c.sents)), b(c.lead), math.Log(float64(utf8.RuneCountInString(c.key))), 100*tf/float64(max(1, c.tokens)))
	return x
}

// trainPhrases counts the archive's phrases and fits the scorer; the
// counts of an article are left out of its own features, so that the
// scorer does not learn to trust counts that include the answer.
func trainPhrases(examples []Example) *phraseModel {
	type counted struct {
		cands []candidate
		gold  map[string]bool
	}
	docs := make([]counted, 0, len(examples))
	df, asTag := map[string]int{}, map[string]int{}
	for _, e := range examples {
		gold := map[string]bool{}
		for _, g := range e.Article.GoldTags {
			if k := KeyphraseKey(g); k != "" {
				gold[k] = true
			}
		}
		if len(gold) == 0 {
			continue
		}
		cs := phraseCandidates(e)
		for _, c := range cs {
			df[c.key]++
		}
		for g := range gold {
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
			gold := d.gold[c.key]
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

// porterStem returns the Porter stem of a lower-case word: the algorithm of
// Porter (1980) with the revisions that NLTK's PorterStemmer makes by
// default (its NLTK_EXTENSIONS mode, which is also what NLTK's
// SnowballStemmer("porter") runs): keyphrase benchmarks match phrases
// after this stemmer (TestStemMatchesNLTK checks it on a word list).
func porterStem(word string) string {
	if s, ok := irregularStems[word]; ok {
		return s
	}
	w := []rune(word)
	if len(w) <= 2 {
		return word
	}
	w = step1a(w)
	w = step1b(w)
	w = step1c(w)
	w = step2(w)
	w = step3(w)
	w = step4(w)
	w = step5(w)
	return string(w)
}

// irregularStems are NLTK's table of forms the rules get wrong.
var irregularStems = map[string]string{
	"sky": "sky", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie", "news": "news",
	"innings": "inning", "inning": "inning", "outings": "outing", "outing": "outing",
	"cannings": "canning", "canning": "canning", "howe": "howe", "proceed": "proceed",
	"exceed": "exceed", "succeed": "succeed",
}

// consonant reports whether w[i] is a consonant: not a, e, i, o, u, and
// not a y after a consonant.
func consonant(w []rune, i int) bool {
	switch w[i] {
	case 'a', 'e', 'i', 'o', 'u':
		return false
	case 'y':
		return i == 0 || !consonant(w, i-1)
	}
	return true
}

// measure is m in [C](VC)^m[V]: the number of vowel-consonant changes.
func measure(w []rune) int {
	m := 0
	for i := 1; i < len(w); i++ {
		if !consonant(w, i-1) && consonant(w, i) {
			m++
		}
	}
	return m
}

func hasVowel(w []rune) bool {
	for i := range w {
		if !consonant(w, i) {
			return true
		}
	}
	return false
}

func doubleConsonant(w []rune) bool {
	n := len(w)
	return n >= 2 && w[n-1] == w[n-2] && consonant(w, n-1)
}

// cvc is *o: the word ends consonant-vowel-consonant, the last not w, x
// or y; or it is a vowel and a consonant.
func cvc(w []rune) bool {
	n := len(w)
	if n == 2 {
		return !consonant(w, 0) && consonant(w, 1)
	}
	return n >= 3 && consonant(w, n-3) && !consonant(w, n-2) && consonant(w, n-1) && w[n-1] != 'w' && w[n-1] != 'x' && w[n-1] != 'y'
}

func hasSuffix(w []rune, s string) bool {
	n := len(s) // the suffixes are ASCII
	if len(w) < n {
		return false
	}
	for i := 0; i < n; i++ {
		if w[len(w)-n+i] != rune(s[i]) {
			return false
		}
	}
	return true
}

// replace returns w with its suffix s (which it has) replaced by r.
func replace(w []rune, s, r string) []rune {
	return append(slices.Clone(w[:len(w)-len(s)]), []rune(r)...)
}

// stemRule replaces suffix by replacement when cond holds of the stem
// (the word without the suffix); nil cond always holds.
type stemRule struct {
	suffix, replacement string
	cond                func(stem []rune) bool
}

// applyRules applies the first rule whose suffix w has, if its condition
// holds; the later rules are not tried either way.
func applyRules(w []rune, rules []stemRule) []rune {
	for _, r := range rules {
		if hasSuffix(w, r.suffix) {
			stem := w[:len(w)-len(r.suffix)]
			if r.cond == nil || r.cond(stem) {
				return replace(w, r.suffix, r.replacement)
			}
			return w
		}
	}
	return w
}

func positiveMeasure(stem []rune) bool { return measure(stem) > 0 }

func measureAbove1(stem []rune) bool { return measure(stem) > 1 }

func step1a(w []rune) []rune {
	if len(w) == 4 && hasSuffix(w, "ies") {
		return replace(w, "ies", "ie")
	}
	return applyRules(w, []stemRule{{"sses", "ss", nil}, {"ies", "i", nil}, {"ss", "ss", nil}, {"s", "", nil}})
}

func step1b(w []rune) []rune {
	if hasSuffix(w, "ied") {
		if len(w) == 4 {
			return replace(w, "ied", "ie")
		}
		return replace(w, "ied", "i")
	}
	if hasSuffix(w, "eed") {
		if positiveMeasure(w[:len(w)-3]) {
			return replace(w, "eed", "ee")
		}
		return w
	}
	var stem []rune
	switch {
	case hasSuffix(w, "ed") && hasVowel(w[:len(w)-2]):
		stem = w[:len(w)-2]
	case hasSuffix(w, "ing") && hasVowel(w[:len(w)-3]):
		stem = w[:len(w)-3]
	default:
		return w
	}
	switch {
	case hasSuffix(stem, "at"), hasSuffix(stem, "bl"), hasSuffix(stem, "iz"):
		return append(slices.Clone(stem), 'e')
	case doubleConsonant(stem):
		if last := stem[len(stem)-1]; last != 'l' && last != 's' && last != 'z' {
			return slices.Clone(stem[:len(stem)-1])
		}
		return stem
	case measure(stem) == 1 && cvc(stem):
		return append(slices.Clone(stem), 'e')
	}
	return stem
}

func step1c(w []rune) []rune {
	if hasSuffix(w, "y") && len(w) > 2 && consonant(w, len(w)-2) {
		return replace(w, "y", "i")
	}
	return w
}

var step2Rules = []stemRule{
	{"ational", "ate", positiveMeasure}, {"tional", "tion", positiveMeasure}, {"enci", "ence", positiveMeasure},
	{"anci", "ance", positiveMeasure}, {"izer", "ize", positiveMeasure}, {"bli", "ble", positiveMeasure},
	{"alli", "al", positiveMeasure}, {"entli", "ent", positiveMeasure}, {"eli", "e", positiveMeasure},
	{"ousli", "ous", positiveMeasure}, {"ization", "ize", positiveMeasure}, {"ation", "ate", positiveMeasure},
	{"ator", "ate", positiveMeasure}, {"alism", "al", positiveMeasure}, {"iveness", "ive", positiveMeasure},
	{"fulness", "ful", positiveMeasure}, {"ousness", "ous", positiveMeasure}, {"aliti", "al", positiveMeasure},
	{"iviti", "ive", positiveMeasure}, {"biliti", "ble", positiveMeasure}, {"fulli", "ful", positiveMeasure},
	// "logi" needs a positive measure with its "l": the stem plus one letter.
	{"logi", "log", func(stem []rune) bool { return positiveMeasure(append(slices.Clone(stem), 'l')) }},
}

func step2(w []rune) []rune {
	if hasSuffix(w, "alli") && positiveMeasure(w[:len(w)-4]) {
		return step2(replace(w, "alli", "al"))
	}
	return applyRules(w, step2Rules)
}

var step3Rules = []stemRule{
	{"icate", "ic", positiveMeasure}, {"ative", "", positiveMeasure}, {"alize", "al", positiveMeasure},
	{"iciti", "ic", positiveMeasure}, {"ical", "ic", positiveMeasure}, {"ful", "", positiveMeasure},
	{"ness", "", positiveMeasure},
}

func step3(w []rune) []rune { return applyRules(w, step3Rules) }

var step4Rules = []stemRule{
	{"al", "", measureAbove1}, {"ance", "", measureAbove1}, {"ence", "", measureAbove1}, {"er", "", measureAbove1},
	{"ic", "", measureAbove1}, {"able", "", measureAbove1}, {"ible", "", measureAbove1}, {"ant", "", measureAbove1},
	{"ement", "", measureAbove1}, {"ment", "", measureAbove1}, {"ent", "", measureAbove1},
	{"ion", "", func(stem []rune) bool {
		return measureAbove1(stem) && (stem[len(stem)-1] == 's' || stem[len(stem)-1] == 't')
	}},
	{"ou", "", measureAbove1}, {"ism", "", measureAbove1}, {"ate", "", measureAbove1}, {"iti", "", measureAbove1},
	{"ous", "", measureAbove1}, {"ive", "", measureAbove1}, {"ize", "", measureAbove1},
}

func step4(w []rune) []rune { return applyRules(w, step4Rules) }

// step5 is steps 5a and 5b: a final e goes after a long stem, and ll
// becomes l.
func step5(w []rune) []rune {
	if hasSuffix(w, "e") {
		stem := w[:len(w)-1]
		if m := measure(stem); m > 1 || m == 1 && !cvc(stem) {
			w = stem
		}
	}
	if hasSuffix(w, "ll") && measureAbove1(w[:len(w)-1]) {
		w = w[:len(w)-1]
	}
	return w
}
