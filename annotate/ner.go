package annotate

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"

	"tidings/article"
	"tidings/eval"
	"tidings/text"
)

// NER recognises person, organisation, location and miscellaneous names
// (the CoNLL-2003 types) with a greedy left-to-right averaged perceptron
// over BILOU labels, constrained to valid label sequences. Features follow
// Ratinov & Roth (2009): the word and its shape, affixes and context, word
// clusters, tags, and a second pass that sees how the same word was
// labelled elsewhere in the document. Read-only after loading.
type NER struct {
	weights  *Weights // first pass: local features
	weights2 *Weights // second pass: local and document features; nil if not trained
	labels   []string // "O", then B-, I-, L-, U- of each type
	clusters *Clusters
	gaz      *Gazetteer // known names; nil when trained without
	// wantsGazetteer records that the model was trained with one, which
	// UseGazetteer must then supply.
	wantsGazetteer bool
	// section switches on the wire section features: the slug that opens
	// a wire story ("SOCCER -", "CRICKET -") with each word's gazetteer
	// match and shape, since in a sports story a city is mostly a team.
	section bool
	// designators: a name's last word that says its type ("Party" ORG,
	// "Street" LOC, "Cup" MISC), learnt from the training data.
	designators map[string]string
	// titles are the words that name offices ("minister", "chancellor"),
	// set by UseTitles: a person's name does not hold its title.
	titles map[string]bool
	// nationalTeams are the national football teams' names in lower
	// case, set by UseNationalTeams: a country's team is not a club of
	// its name ("Austria").
	nationalTeams map[string]bool

	// scratch keeps working memory, with its remembered sums, from one
	// document to the next.
	scratch sync.Pool // *nerScratch
}

// UseTitles sets the words that name offices, in lower case (the
// knowledge base's, through the pipeline); a name of a person that the
// model began with one is cut after it ("Chancellor Merz": Merz,
// "Foreign Minister Rustam Umerov": Rustam Umerov), and one of a place
// or body that the model ended with one before a person loses it
// ("Florida Governor | Ron DeSantis": Florida).
func (m *NER) UseTitles(words []string) {
	m.titles = map[string]bool{}
	for _, w := range words {
		// Not the states' abbreviations of "senator OH", nor the titles
		// of royalty and peers, which names keep ("Prince Charles", "Lord
		// Cameron"), as CoNLL-2003's do.
		if len(w) >= 3 && !nobility[w] {
			m.titles[w] = true
		}
	}
}

// UseNationalTeams sets the names of national football teams (the
// knowledge base's, through the pipeline): in a match report a country's
// name stays its team's, LOC as CoNLL-2003 marks it, though a club
// shares the name.
func (m *NER) UseNationalTeams(names []string) {
	m.nationalTeams = make(map[string]bool, len(names))
	for _, n := range names {
		m.nationalTeams[strings.ToLower(n)] = true
	}
}

// WantsGazetteer reports whether the model needs a gazetteer.
func (m *NER) WantsGazetteer() bool { return m.wantsGazetteer }

// UseGazetteer sets the known names; call once, before concurrent use.
func (m *NER) UseGazetteer(g *Gazetteer) { m.gaz = g }

// NERSentence is one sentence for training and evaluation: words, their
// tags ("UPOS XPOS", or "" when none) and gold IOB2 labels.
type NERSentence struct {
	Form, Tag, Label []string
	// LowerTag are the tags of the sentence written wholly in lower
	// case, as the tagger gives them to such text, for training on it.
	LowerTag []string
}

// NERDocument groups sentences, for the document-level features.
type NERDocument []NERSentence

// nerInfo is what the features know of one word.
type nerInfo struct {
	wordInfo
	raw, tag, pre2, pre3 uint64
	gaz                  uint64 // types and position of a known name covering the word, 0 when none
	section              uint64 // the document's wire section slug, 0 when none
	// function: a lower-case word of a closed class (a determiner,
	// preposition, conjunction, pronoun, auxiliary or particle) in a
	// sentence that has capitals. Such a word starts no name, so
	// decoding labels it O without scoring it unless a name is open
	// before it ("Bank of England").
	function bool
}

// wireSection returns the hash of the slug that opens a wire story
// ("SOCCER - ...", "CRICKET - ..."): a first word in capitals followed by a
// dash; 0 when the document has none.
func wireSection(sents [][]string) uint64 {
	if len(sents) == 0 || len(sents[0]) < 3 {
		return 0
	}
	w := sents[0][0]
	if len(w) < 3 || sents[0][1] != "-" {
		return 0
	}
	for _, r := range w {
		if r < 'A' || r > 'Z' {
			return 0
		}
	}
	return hashString(fnvOffset+25, w)
}

// functionTag reports a tag pair ("UPOS XPOS") of a closed word class.
func functionTag(tag string) bool {
	upos, _, _ := strings.Cut(tag, " ")
	switch upos {
	case "DET", "ADP", "CCONJ", "SCONJ", "PRON", "AUX", "PART":
		return true
	}
	return false
}

// lowerLetters reports a word of lower-case ASCII letters only.
func lowerLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return w != ""
}

// hasCapital reports whether any word has a capital ASCII letter.
func hasCapital(words []string) bool {
	for _, w := range words {
		for i := 0; i < len(w); i++ {
			if w[i] >= 'A' && w[i] <= 'Z' {
				return true
			}
		}
	}
	return false
}

func (m *NER) infos(dst []nerInfo, words, tags []string, section uint64) []nerInfo {
	var sc nerScratch
	return m.infosScratch(dst, words, tags, section, &sc)
}

// infosScratch is infos with working memory from sc.
func (m *NER) infosScratch(dst []nerInfo, words, tags []string, section uint64, sc *nerScratch) []nerInfo {
	if cap(dst) < len(words) {
		dst = make([]nerInfo, 0, len(words)) // one allocation, not append's doublings
	}
	dst = dst[:0]
	if sc.words == nil || len(sc.words) > maxCachedWords {
		sc.words = make(map[string]nerInfo, 1024)
	}
	for i, w := range words {
		ni, ok := sc.words[w]
		if !ok {
			var lex lexEntry
			if m.clusters != nil {
				x := m.clusters.classes[w]
				lex = lexEntry{coarse: x[0], fine: x[1]}
			}
			ni = nerInfo{wordInfo: infoOf(w, lex), raw: hashString(fnvOffset+21, w)}
			ni.pre2 = hashLower(fnvOffset+22, prefixRunes(w, 2))
			ni.pre3 = hashLower(fnvOffset+23, prefixRunes(w, 3))
			sc.words[strings.Clone(w)] = ni // a copy: the key must not hold the document's text
		}
		if tags != nil {
			ni.tag = hashString(fnvOffset+24, tags[i])
			ni.function = functionTag(tags[i]) && lowerLetters(w)
		}
		if m.section {
			ni.section = section
		}
		dst = append(dst, ni)
	}
	if !hasCapital(words) {
		// In text without capitals the tags are less sure ("us" for
		// the US): every word is scored.
		for i := range dst {
			dst[i].function = false
		}
	}
	if m.gaz != nil {
		sc.lower = sc.lower[:0]
		for i := range dst {
			sc.lower = append(sc.lower, dst[i].lower) // the hash of the lower-cased word
		}
		if cap(sc.gaz) < len(words) {
			sc.gaz = make([]gazMatch, len(words))
		}
		gm := sc.gaz[:len(words)]
		m.gaz.match(words, sc.lower, gm)
		for i, g := range gm {
			if g.types != 0 {
				dst[i].gaz = uint64(g.types)<<8 | uint64(g.pos)
			}
		}
	}
	return dst
}

var (
	nerPadBefore = nerInfo{wordInfo: padBefore, raw: padBefore.lower, tag: padBefore.lower}
	nerPadAfter  = nerInfo{wordInfo: padAfter, raw: padAfter.lower, tag: padAfter.lower}
)

// nerFeatures appends the local features of word i given the two previous
// labels; caps tells whether the sentence is written in capitals.
func nerFeatures(fs []uint64, ws []nerInfo, i, p1, p2 int, caps bool) []uint64 {
	fs = nerLocalFeatures(fs, ws, i, p1, p2, caps)
	if w := &ws[i]; w.section != 0 {
		wn := &nerPadAfter
		if i+1 < len(ws) {
			wn = &ws[i+1]
		}
		fs = append(fs, hashInt(feat(350), w.section),
			hashInt(hashInt(feat(351), w.section), w.gaz),
			hashInt(hashInt(feat(352), w.section), w.shape),
			hashInt(hashInt(feat(353), w.section), wn.shape),
			hashInt(hashInt(feat(354), w.section), uint64(p1+3)),
			hashInt(hashInt(feat(355), w.section), w.fine),
			hashInt(hashInt(feat(356), w.section), w.coarse),
			hashInt(hashInt(feat(357), w.section), w.lower),
			hashInt(hashInt(feat(358), w.section), wn.fine))
	}
	return fs
}

func nerLocalFeatures(fs []uint64, ws []nerInfo, i, p1, p2 int, caps bool) []uint64 {
	w, wp, wpp, wn, wnn := nerAt(ws, i), nerAt(ws, i-1), nerAt(ws, i-2), nerAt(ws, i+1), nerAt(ws, i+2)
	l1, l2 := uint64(p1+3), uint64(p2+3)
	flags := w.flags(i == 0)
	if caps {
		flags |= 32
	}
	return append(fs,
		feat(300),
		nf1(1, w.raw), nf1(2, w.lower), nf1(3, w.shape), nf1(4, flags),
		nf1(5, w.suf2), nf1(6, w.suf3), nf1(7, w.suf4), nf1(8, w.pre2), nf1(9, w.pre3),
		nf1(10, wp.lower), nf1(11, wn.lower), nf1(12, wpp.lower), nf1(13, wnn.lower),
		nf1(14, wp.shape), nf1(15, wn.shape), nf1(16, wp.raw), nf1(17, wn.raw),
		nf1(18, w.fine), nf1(19, w.coarse), nf1(20, wp.fine), nf1(21, wn.fine), nf1(22, wp.coarse), nf1(23, wn.coarse),
		nf1(24, w.tag), nf1(25, wp.tag), nf1(26, wn.tag),
		nf1(27, l1), nf1(28, l2), nf2(29, l1, l2), nf2(30, l1, w.lower), nf2(31, l1, w.shape), nf2(32, l1, w.fine),
		nf2(33, wp.lower, w.lower), nf2(34, w.lower, wn.lower), nf3(35, wp.shape, w.shape, wn.shape),
		nf2(36, flags, w.fine), nf2(37, w.shape, wn.lower), nf2(38, wp.lower, w.shape),
		nf1(39, w.gaz), nf1(40, wp.gaz), nf1(41, wn.gaz), nf2(42, w.gaz, flags), nf2(43, l1, w.gaz),
		nf2(44, wn.shape, wnn.shape), nf2(45, wpp.shape, wp.shape), nf2(46, w.shape, wn.shape), nf2(47, wp.fine, w.fine),
	)
}

// nerAt returns word k's properties, or padding outside the sentence.
func nerAt(ws []nerInfo, k int) *nerInfo {
	switch {
	case k < 0:
		return &nerPadBefore
	case k >= len(ws):
		return &nerPadAfter
	}
	return &ws[k]
}

// Feature hashes of recogniser template t (300+t) over one to three
// values; the template part folds to a constant.
func nf1(t, a uint64) uint64       { return hashInt(feat(300+t), a) }
func nf2(t, a, b uint64) uint64    { return hashInt(hashInt(feat(300+t), a), b) }
func nf3(t, a, b, c uint64) uint64 { return hashInt(hashInt(hashInt(feat(300+t), a), b), c) }

// docFeatures appends the second pass's document features for word i:
// the labels the first pass gave to the same word elsewhere in the
// document (majority type and position), and to the entity it is part of.
func docFeatures(fs []uint64, word string, votes map[string]*labelVotes, labels []string) []uint64 {
	v := votes[word]
	h := func(t uint64, vs ...uint64) uint64 {
		x := feat(400 + t)
		for _, v := range vs {
			x = hashInt(x, v)
		}
		return x
	}
	if v == nil || v.total <= 1 {
		return append(fs, h(1))
	}
	best, bestN := 0, -1
	for c, n := range v.counts {
		// A tie goes to the lower label, so that the result does not
		// depend on the map's iteration order.
		if n > bestN || n == bestN && c < best {
			best, bestN = c, n
		}
	}
	typ := uint64(0)
	if best > 0 {
		typ = uint64(typeIndex(labels[best]) + 1)
	}
	share := uint64(bestN * 4 / v.total) // quarter shares
	return append(fs, h(2, typ), h(3, typ, share), h(4, uint64(best)))
}

// labelVotes counts the first-pass labels of one word type in a document.
type labelVotes struct {
	counts map[int]int
	total  int
}

func typeIndex(label string) int {
	switch label[2:] {
	case "PER":
		return 0
	case "ORG":
		return 1
	case "LOC":
		return 2
	}
	return 3
}

// nerTypes are the CoNLL-2003 entity types.
var nerTypes = []string{"PER", "ORG", "LOC", "MISC"}

func newNERLabels() []string {
	labels := []string{"O"}
	for _, t := range nerTypes {
		for _, p := range []string{"B-", "I-", "L-", "U-"} {
			labels = append(labels, p+t)
		}
	}
	return labels
}

// allowed reports whether label c may follow label prev (-1: start).
func (m *NER) allowed(prev, c int) bool {
	lp, lc := "O", m.labels[c]
	if prev >= 0 {
		lp = m.labels[prev]
	}
	inside := lp[0] == 'B' || lp[0] == 'I'
	switch lc[0] {
	case 'I', 'L':
		return inside && lp[2:] == lc[2:]
	default:
		return !inside
	}
}

// nerScratch is per-call working memory.
type nerScratch struct {
	feats  []uint64
	scores []float32
	infos  []nerInfo
	lower  []uint64
	gaz    []gazMatch
	// groups remembers the summed weights of groups of features, for
	// each set of weights (see nerScore).
	groups [2][2]groupCache
	// words remembers what a word alone gives its features (its shape,
	// affixes and clusters' hashes): words recur within and across
	// documents, and hashing them again is much of reading them.
	words map[string]nerInfo
}

// maxCachedWords bounds the word cache of one scratch; it starts again
// when full.
const maxCachedWords = 1 << 16

// Two groups of nerLocalFeatures' features take few distinct values
// together: the bias, the labels before and the gazetteer (templates
// 300, 327-329, 339-343), and the shapes and flags around the word (303,
// 304, 314, 315, 335, 344-346). A remembered sum saves a lookup, and its
// cache misses, for each.
const nNERLocalFeatures = 48

// score sets scores to those of sc.feats with weights w (pass 0: the
// first pass's, 1: the second's).
func (m *NER) score(w *Weights, pass int, sc *nerScratch, scores []float32) {
	clear(scores)
	fs := sc.feats
	if len(fs) < nNERLocalFeatures {
		w.Score(fs, scores)
		return
	}
	labels := [...]uint64{fs[0], fs[27], fs[28], fs[29], fs[39], fs[40], fs[41], fs[42], fs[43]}
	sc.groups[pass][0].add(w, labels[:], scores)
	shapes := [...]uint64{fs[3], fs[4], fs[14], fs[15], fs[35], fs[44], fs[45], fs[46]}
	sc.groups[pass][1].add(w, shapes[:], scores)
	const grouped uint64 = 1<<0 | 1<<27 | 1<<28 | 1<<29 | 1<<39 | 1<<40 | 1<<41 | 1<<42 | 1<<43 |
		1<<3 | 1<<4 | 1<<14 | 1<<15 | 1<<35 | 1<<44 | 1<<45 | 1<<46
	rest := fs[:0]
	for i, f := range fs {
		if i >= 64 || grouped>>i&1 == 0 {
			rest = append(rest, f)
		}
	}
	w.Score(rest, scores)
}

// decode labels one sentence greedily with weights w; votes (may be nil)
// adds the document features of the second pass.
func (m *NER) decode(w *Weights, words []string, ws []nerInfo, votes map[string]*labelVotes, out []int, sc *nerScratch) {
	if cap(sc.scores) < len(m.labels) {
		sc.scores = make([]float32, len(m.labels))
	}
	scores := sc.scores[:len(m.labels)]
	caps := allCaps(words)
	p1, p2 := -1, -2
	for i := range words {
		if ws[i].function && (p1 < 0 || m.labels[p1][0] != 'B' && m.labels[p1][0] != 'I') {
			out[i] = 0 // O: see nerInfo.function
			p2, p1 = p1, 0
			continue
		}
		sc.feats = nerFeatures(sc.feats[:0], ws, i, p1, p2, caps)
		if votes != nil {
			sc.feats = docFeatures(sc.feats, words[i], votes, m.labels)
		}
		pass := 0
		if votes != nil {
			pass = 1
		}
		m.score(w, pass, sc, scores)
		best := -1
		for c, s := range scores {
			if m.allowed(p1, c) && (best < 0 || s > scores[best]) {
				best = c
			}
		}
		// The last word cannot leave an entity open.
		if i == len(words)-1 && (m.labels[best][0] == 'B' || m.labels[best][0] == 'I') {
			best = m.closeEntity(best)
		}
		out[i] = best
		p2, p1 = p1, best
	}
}

// oracle returns the best label after the history prev when the gold
// label is gold: gold itself when it may follow, else the label that
// loses no more entities. An open entity that gold does not continue is
// wrong already and is closed; a gold entity whose start was missed is
// lost already, and labelling its rest would add a wrong one.
func (m *NER) oracle(prev, gold int) int {
	if m.allowed(prev, gold) {
		return gold
	}
	if prev < 0 {
		return 0
	}
	if l := m.labels[prev]; l[0] == 'B' || l[0] == 'I' {
		if k := m.labelIndex("L-" + l[2:]); k >= 0 {
			return k
		}
	}
	return 0 // O
}

// labelIndex returns the index of a label, or -1.
func (m *NER) labelIndex(label string) int {
	return slices.Index(m.labels, label)
}

// closeEntity turns an open label (B-, I-) into the closed one (U-, L-).
func (m *NER) closeEntity(c int) int {
	l := m.labels[c]
	want := "U-" + l[2:]
	if l[0] == 'I' {
		want = "L-" + l[2:]
	}
	if k := m.labelIndex(want); k >= 0 {
		return k
	}
	return c
}

func allCaps(words []string) bool {
	letters, upper := 0, 0
	for _, w := range words {
		for _, r := range w {
			if r >= 'a' && r <= 'z' {
				letters++
			} else if r >= 'A' && r <= 'Z' {
				letters++
				upper++
			}
		}
	}
	return letters >= 4 && upper*10 >= letters*9
}

// LabelDocument labels every sentence of a document: the first pass, then
// (when trained) the second pass with the document's first-pass votes.
// tags may be nil. Returns IOB2 labels per sentence.
func (m *NER) LabelDocument(sents [][]string, tags [][]string) [][]string {
	out, _ := m.labelDocument(context.Background(), sents, tags) // never done
	return out
}

// labelDocument is LabelDocument that gives up when ctx is done, checking
// between sentences.
func (m *NER) labelDocument(ctx context.Context, sents [][]string, tags [][]string) ([][]string, error) {
	sc, _ := m.scratch.Get().(*nerScratch)
	if sc == nil {
		sc = &nerScratch{}
	}
	defer m.scratch.Put(sc)
	first := make([][]int, len(sents))
	infos := make([][]nerInfo, len(sents))
	section := wireSection(sents)
	for si, words := range sents {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		var t []string
		if tags != nil {
			t = tags[si]
		}
		// Only the second pass reads a sentence's infos again.
		var ws []nerInfo
		if m.weights2 != nil {
			ws = m.infosScratch(nil, words, t, section, sc)
			infos[si] = ws
		} else {
			sc.infos = m.infosScratch(sc.infos, words, t, section, sc)
			ws = sc.infos
		}
		first[si] = make([]int, len(words))
		m.decode(m.weights, words, ws, nil, first[si], sc)
	}
	final := first
	if m.weights2 != nil {
		votes := collectVotes(sents, first)
		final = make([][]int, len(sents))
		for si, words := range sents {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			final[si] = make([]int, len(words))
			m.decode(m.weights2, words, infos[si], votes, final[si], sc)
		}
	}
	chunks := make([][]eval.Chunk, len(sents))
	for si := range sents {
		chunks[si] = m.splitTitles(sents[si], m.retypeByDesignator(sents[si], joinAmpersands(sents[si], joinFirstNames(sents[si], tagsOf(tags, si), lastTag(tags, si-1), trimLowerTails(sents[si], m.preferKnownNames(sents[si], eval.Chunks(toIOB2(m.labels, final[si]))))))))
	}
	harmonise(sents, chunks)
	out := make([][]string, len(sents))
	for si := range sents {
		out[si] = chunksToIOB2(chunks[si], len(sents[si]))
	}
	return out, nil
}

// calendarWords are capitalised words that are no one's surname in a
// story, though a recogniser may end a name with them.
var calendarWords = map[string]bool{
	"Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true, "Saturday": true, "Sunday": true,
	"January": true, "February": true, "March": true, "April": true, "June": true, "July": true, "August": true,
	"September": true, "October": true, "November": true, "December": true,
}

// titleCase reports a word written as a name: capital first, not all
// capitals, three letters or more.
func titleCase(w string) bool {
	if len(w) < 3 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	return strings.ToUpper(w) != w
}

// harmonise makes a one-word mention that repeats the surname of a person
// named in full in the document that person ("Kassym-Jomart Tokayev ...
// Tokayev"): a mention of another type is retyped, and a title-case word
// the model missed becomes a mention (not in a headline in capitals).
func harmonise(sents [][]string, chunks [][]eval.Chunk) {
	surnames := map[string]bool{}
	for si, cs := range chunks {
		for _, c := range cs {
			if last := sents[si][c.End-1]; c.Type == "PER" && c.End-c.Start >= 2 && !calendarWords[last] {
				surnames[last] = true
			}
		}
	}
	if len(surnames) == 0 {
		return
	}
	for si, cs := range chunks {
		for j, c := range cs {
			if c.End-c.Start == 1 && surnames[sents[si][c.Start]] {
				cs[j].Type = "PER"
			}
		}
		covered := make([]bool, len(sents[si]))
		for _, c := range cs {
			for k := c.Start; k < c.End; k++ {
				covered[k] = true
			}
		}
		if allCaps(sents[si]) {
			continue
		}
		added := false
		for k, w := range sents[si] {
			if !covered[k] && surnames[w] && titleCase(w) {
				cs = append(cs, eval.Chunk{Type: "PER", Start: k, End: k + 1})
				added = true
			}
		}
		if added {
			sort.Slice(cs, func(a, b int) bool { return cs[a].Start < cs[b].Start })
			chunks[si] = cs
		}
	}
}

func chunksToIOB2(chunks []eval.Chunk, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "O"
	}
	for _, c := range chunks {
		for i := c.Start; i < c.End; i++ {
			out[i] = "I-" + c.Type
		}
		out[c.Start] = "B-" + c.Type
	}
	return out
}

// collectVotes counts, per capitalised word type, the labels given to it.
func collectVotes(sents [][]string, labels [][]int) map[string]*labelVotes {
	votes := map[string]*labelVotes{}
	for si, words := range sents {
		for i, w := range words {
			if w == "" || !(w[0] >= 'A' && w[0] <= 'Z') {
				continue
			}
			v := votes[w]
			if v == nil {
				v = &labelVotes{counts: map[int]int{}}
				votes[w] = v
			}
			v.counts[labels[si][i]]++
			v.total++
		}
	}
	return votes
}

// toIOB2 converts BILOU label ids to IOB2 strings.
func toIOB2(labels []string, ids []int) []string {
	out := make([]string, len(ids))
	for i, c := range ids {
		l := labels[c]
		switch l[0] {
		case 'B', 'U':
			out[i] = "B-" + l[2:]
		case 'I', 'L':
			out[i] = "I-" + l[2:]
		default:
			out[i] = "O"
		}
	}
	return out
}

// toBILOU converts IOB2 (or IOB1) labels to BILOU label ids.
func toBILOU(index map[string]int, iob []string) []int {
	out := make([]int, len(iob))
	for i, l := range iob {
		if l == "O" || len(l) < 3 {
			out[i] = index["O"]
			continue
		}
		typ := l[2:]
		begins := l[0] == 'B' || i == 0 || iob[i-1] == "O" || len(iob[i-1]) < 3 || iob[i-1][2:] != typ
		ends := i == len(iob)-1 || len(iob[i+1]) < 3 || iob[i+1][0] == 'B' || iob[i+1] == "O" || iob[i+1][2:] != typ
		p := "I-"
		switch {
		case begins && ends:
			p = "U-"
		case begins:
			p = "B-"
		case ends:
			p = "L-"
		}
		out[i] = index[p+typ]
	}
	return out
}

// TrainNER learns the recogniser from documents, choosing each pass's
// epoch by F1 on dev. The second pass trains on first-pass votes made by
// jackknifing over folds, so that it learns how far to trust them.
func TrainNER(ctx context.Context, train, dev []NERDocument, clusters *Clusters, gaz *Gazetteer, folds int, opt TrainOptions) (*NER, float64, error) {
	opt = opt.withDefaults()
	m := &NER{labels: newNERLabels(), clusters: clusters, gaz: gaz, section: true, designators: designatorsOf(train)}
	index := map[string]int{}
	for i, l := range m.labels {
		index[l] = i
	}
	w1, f1, err := m.trainPass(ctx, train, dev, nil, index, opt)
	if err != nil {
		return nil, 0, err
	}
	m.weights = w1
	if folds < 2 {
		return m, f1, nil
	}
	// First-pass labels of the training documents, each from a model that
	// did not see it.
	votes := make([]map[string]*labelVotes, len(train))
	for f := 0; f < folds; f++ {
		var in []NERDocument
		var held []int
		for i, d := range train {
			if i%folds == f {
				held = append(held, i)
			} else {
				in = append(in, d)
			}
		}
		o := opt
		o.Progress, o.Step = nil, nil
		o.Patience = o.MaxEpochs + 1
		o.MaxEpochs = min(o.MaxEpochs, 8)
		fm := &NER{labels: m.labels, clusters: clusters, gaz: gaz, section: m.section}
		w, _, err := fm.trainPass(ctx, in, nil, nil, index, o)
		if err != nil {
			return nil, 0, fmt.Errorf("jackknife fold %d: %w", f+1, err)
		}
		fm.weights = w
		for _, i := range held {
			votes[i] = fm.firstPassVotes(train[i])
		}
	}
	w2, f2, err := m.trainPass(ctx, train, dev, votes, index, opt)
	if err != nil {
		return nil, 0, err
	}
	if f2 > f1 || dev == nil {
		// without dev data (cross-validation) the recipe's two passes stand
		m.weights2 = w2
		return m, f2, nil
	}
	return m, f1, nil
}

func (m *NER) firstPassVotes(d NERDocument) map[string]*labelVotes {
	var sc nerScratch
	sents := make([][]string, len(d))
	labels := make([][]int, len(d))
	for si, s := range d {
		sents[si] = s.Form
	}
	section := wireSection(sents)
	for si, s := range d {
		labels[si] = make([]int, len(s.Form))
		m.decode(m.weights, s.Form, m.infos(nil, s.Form, tagsOrNil(s.Tag), section), nil, labels[si], &sc)
	}
	return collectVotes(sents, labels)
}

func tagsOrNil(t []string) []string {
	if len(t) == 0 || t[0] == "" {
		return nil
	}
	return t
}

// trainPass trains one pass; votes (per training document) switches on
// the document features.
func (m *NER) trainPass(ctx context.Context, train, dev []NERDocument, votes []map[string]*labelVotes, index map[string]int, opt TrainOptions) (*Weights, float64, error) {
	type sent struct {
		doc   int
		words []string
		infos []nerInfo
		gold  []int
	}
	var sents []sent
	n := 0
	for di, d := range train {
		forms := make([][]string, len(d))
		for si, s := range d {
			forms[si] = s.Form
		}
		section := wireSection(forms)
		for _, s := range d {
			gold := toBILOU(index, s.Label)
			sents = append(sents, sent{di, s.Form, m.infos(nil, s.Form, tagsOrNil(s.Tag), section), gold})
			// Every fifth sentence also with its names in lower case
			// ("President obama"), so that the context carries a name
			// that lost its capitals.
			if n%5 == 2 && hasUpperEntity(s.Form, s.Label) {
				low := lowered(s.Form, s.Label)
				sents = append(sents, sent{di, low, m.infos(nil, low, tagsOrNil(s.Tag), section), gold})
			}
			// And every fifth wholly in lower case, so that text that
			// lost its capitals still yields names; tagged as the tagger
			// tags such text, not with the tags of the capitalised words,
			// which the recogniser never sees on lower-case input.
			if n++; n%5 == 0 {
				lower := lowered(s.Form, nil)
				tags := s.Tag
				if s.LowerTag != nil {
					tags = s.LowerTag
				}
				sents = append(sents, sent{di, lower, m.infos(nil, lower, tagsOrNil(tags), 0), gold})
			}
		}
	}
	if len(sents) == 0 {
		return nil, 0, fmt.Errorf("train ner: no sentences")
	}
	tr := NewTrainer(len(m.labels))
	scores := make([]float32, len(m.labels))
	var feats []uint64
	learn := func(epoch, k int) (correct, total int) {
		s := sents[k]
		caps := allCaps(s.words)
		var v map[string]*labelVotes
		if votes != nil {
			v = votes[s.doc]
		}
		p1, p2 := -1, -2
		for i := range s.words {
			feats = nerFeatures(feats[:0], s.infos, i, p1, p2, caps)
			if votes != nil {
				feats = docFeatures(feats, s.words[i], v, m.labels)
			}
			clear(scores)
			tr.Score(feats, scores)
			guess := -1
			for c, sc := range scores {
				if m.allowed(p1, c) && (guess < 0 || sc > scores[guess]) {
					guess = c
				}
			}
			tr.Tick()
			g := s.gold[i]
			if epoch > 1 {
				g = m.oracle(p1, g)
			}
			if guess != g {
				tr.Update(feats, g, 1)
				tr.Update(feats, guess, -1)
			} else {
				correct++
			}
			total++
			// The first epoch follows the gold history, which teaches the
			// transitions; later ones follow the model's own, as decoding
			// does, so that it learns to recover from its mistakes, with the
			// oracle's label as the target.
			if epoch == 1 {
				p2, p1 = p1, g
			} else {
				p2, p1 = p1, guess
			}
		}
		return correct, total
	}
	var devScore func(*Weights) float64
	if len(dev) > 0 {
		devScore = func(w *Weights) float64 {
			saved1, saved2 := m.weights, m.weights2
			if votes == nil {
				m.weights, m.weights2 = w, nil
			} else {
				m.weights2 = w
			}
			f := m.Evaluate(dev).Overall.F1
			m.weights, m.weights2 = saved1, saved2
			return f
		}
	}
	return trainEpochs(ctx, len(sents), tr, rand.New(rand.NewSource(opt.Seed)), opt, learn, devScore)
}

// Labels returns the BILOU labels.
func (m *NER) Labels() []string { return m.labels }

// Evaluate labels the documents and scores them as conlleval does.
func (m *NER) Evaluate(docs []NERDocument) eval.ChunkScore {
	var gold, sys [][]string
	for _, d := range docs {
		sents := make([][]string, len(d))
		tags := make([][]string, len(d))
		hasTags := true
		for i, s := range d {
			sents[i] = s.Form
			tags[i] = s.Tag
			gold = append(gold, s.Label)
			if tagsOrNil(s.Tag) == nil {
				hasTags = false
			}
		}
		if !hasTags {
			tags = nil
		}
		sys = append(sys, m.LabelDocument(sents, tags)...)
	}
	return eval.ScoreChunks(gold, sys)
}

type nerHeader struct {
	Labels     []string
	SecondPass bool
	Gazetteer  bool // trained with gazetteer features
	Section    bool `json:",omitempty"` // trained with the wire section features
	// Designators are the last words of names that say their type, from
	// the training data (designatorsOf).
	Designators map[string]string `json:",omitempty"`
}

// WriteTo writes the recogniser (its clusters are written separately).
func (m *NER) WriteTo(w io.Writer) (int64, error) {
	if err := writeModel(w, "TDNER1\n", nerHeader{m.labels, m.weights2 != nil, m.gaz != nil || m.wantsGazetteer, m.section, m.designators}, m.weights); err != nil {
		return 0, err
	}
	if m.weights2 != nil {
		if _, err := m.weights2.WriteTo(w); err != nil {
			return 0, err
		}
	}
	return 0, nil
}

// ReadNER reads a recogniser written by WriteTo.
func ReadNER(r io.Reader, clusters *Clusters) (*NER, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	var h nerHeader
	w, err := readModel(br, "TDNER1\n", &h)
	if err != nil {
		return nil, err
	}
	m := &NER{weights: w, labels: h.Labels, clusters: clusters, wantsGazetteer: h.Gazetteer, section: h.Section, designators: h.Designators}
	if w.NClasses != len(m.labels) {
		return nil, errors.New("ner: header and weights disagree")
	}
	if h.SecondPass {
		if m.weights2, err = ReadWeights(br); err != nil {
			return nil, fmt.Errorf("ner second pass: %w", err)
		}
	}
	return m, nil
}

// NERDocumentOf returns the sentences of a CoNLL-2003 article (gold labels
// in the last column), tagged by tagger when it is not nil.
func NERDocumentOf(a article.Article, tagger *Tagger) NERDocument {
	if a.Given == nil {
		return nil
	}
	var d NERDocument
	for _, s := range a.Given.Sentences {
		var ns NERSentence
		for _, t := range s.Tokens {
			ns.Form = append(ns.Form, t.Form)
			label := "O"
			if n := len(t.Columns); n > 1 {
				label = t.Columns[n-1]
			}
			ns.Label = append(ns.Label, label)
		}
		if len(ns.Form) == 0 {
			continue
		}
		if tagger != nil {
			ns.Tag = tagger.JointTags(ns.Form)
			ns.LowerTag = tagger.JointTags(lowered(ns.Form, nil))
		}
		d = append(d, ns)
	}
	return d
}

// Recognize returns the named entities of an annotated document (tags
// filled) as token spans labelled with their type.
func (m *NER) Recognize(doc *text.Document) []text.Span {
	out, _ := m.RecognizeContext(context.Background(), doc) // never done
	return out
}

// RecognizeContext is Recognize that gives up when ctx is done, checking
// between sentences, so that a long document's analysis can be cancelled.
func (m *NER) RecognizeContext(ctx context.Context, doc *text.Document) ([]text.Span, error) {
	sents := make([][]string, len(doc.Sentences))
	tags := make([][]string, len(doc.Sentences))
	// A document has few distinct tag pairs: join each once, not once
	// per token.
	joined := map[[2]string]string{}
	for si, s := range doc.Sentences {
		words := make([]string, 0, s.End-s.Start)
		ts := make([]string, 0, s.End-s.Start)
		for i := range doc.Tokens[s.Start:s.End] {
			t := &doc.Tokens[s.Start+i]
			words = append(words, normOf(t))
			key := [2]string{t.UPOS, t.XPOS}
			tag, ok := joined[key]
			if !ok {
				tag = t.UPOS + " " + t.XPOS
				joined[key] = tag
			}
			ts = append(ts, tag)
		}
		sents[si], tags[si] = words, ts
	}
	labelled, err := m.labelDocument(ctx, sents, tags)
	if err != nil {
		return nil, err
	}
	var out []text.Span
	for si, labels := range labelled {
		base := doc.Sentences[si].Start
		for _, c := range eval.Chunks(labels) {
			sp := text.Span{Start: base + c.Start, End: base + c.End, Label: c.Type}
			if n := len(out); n > 0 && hyphenated(doc, out[n-1], sp) {
				out[n-1].End = sp.End // "Yoon Suk" "-" "yeol": one name
				continue
			}
			out = append(out, sp)
		}
	}
	// The rules after the model, in order; each takes and returns ordered,
	// disjoint spans.
	for _, rule := range [...]func(*text.Document, []text.Span) []text.Span{
		m.extendPlaceNames, m.joinParticles, m.retypeInContext, m.bodiesOfPlaces, m.teamsByPlace, trimArticles,
		m.trimCommonTails, roadNames, dropNonNames, namedStorms, titlesOfWorks, m.companiesInContext,
		m.possessiveNames, m.possessiveInstitutions, m.productModels, m.productsByNoun, m.listings, m.awardFields,
		carryToHeadline, currencyPrefixes,
	} {
		out = rule(doc, out)
	}
	return out, nil
}

// tokenForms returns the words of doc as written, one per token: the
// rules after the model read a sentence as its subslice, read only.
func tokenForms(doc *text.Document) []string {
	forms := make([]string, len(doc.Tokens))
	for i := range doc.Tokens {
		forms[i] = doc.Tokens[i].Form
	}
	return forms
}

// hyphenated reports two names of a person written as one word with a
// hyphen ("Suk-yeol", "Jae-myung"), which the tokeniser splits and the
// model reads as two.
func hyphenated(doc *text.Document, a, b text.Span) bool {
	if a.Label != "PER" || b.Label != "PER" || b.Start != a.End+1 || doc.Tokens[a.End].Form != "-" {
		return false
	}
	return doc.Tokens[a.End-1].End == doc.Tokens[a.End].Start && doc.Tokens[a.End].End == doc.Tokens[b.Start].Start
}

// preferKnownNames replaces the model's entities inside a long known name
// (three words or more, of one type: "Kazakh Ministry of Internal
// Affairs") by that name, when the model found an entity there but split
// it: such exact matches are more reliable than the model's boundaries.
//
// chunks are ordered and disjoint, and so are the known names: one pass
// over both finds the chunks each name covers, so that a sentence of any
// length costs time in proportion to it.
func (m *NER) preferKnownNames(words []string, chunks []eval.Chunk) []eval.Chunk {
	if m.gaz == nil || len(chunks) == 0 {
		return chunks
	}
	lower := make([]uint64, len(words))
	for i, w := range words {
		lower[i] = hashLower(fnvOffset, w)
	}
	gm := make([]gazMatch, len(words))
	m.gaz.match(words, lower, gm)
	var out []eval.Chunk // nil until a name replaces chunks
	copied := 0          // chunks[:copied] are in out, or replaced
	next := 0            // chunks[:next] end before the name at hand
	for i := 0; i < len(words); i++ {
		if gm[i].pos != 1 {
			continue
		}
		end := i + 1
		for end < len(words) && gm[end].pos == 2 || end < len(words) && gm[end].pos == 3 {
			end++
			if gm[end-1].pos == 3 {
				break
			}
		}
		t := gm[i].types
		// Short names are left to the model, but for a possessive one
		// ("McDonald's", "Moody's"), which the model cuts before "'s".
		possessive := end-i == 2 && words[i+1] == "'s"
		if end-i < 3 && !possessive || t&(t-1) != 0 { // short, or more than one type
			continue
		}
		typ := nerTypes[bitIndex(t)]
		for next < len(chunks) && chunks[next].End <= i {
			next++
		}
		// chunks[next:over] overlap the name
		over := next
		inside, crosses, same := 0, false, false
		for ; over < len(chunks) && chunks[over].Start < end; over++ {
			c := chunks[over]
			if c.Start >= i && c.End <= end {
				inside++
				same = same || c.Start == i && c.End == end && c.Type == typ
			} else {
				crosses = true
			}
		}
		if crosses || inside == 0 || inside == 1 && same {
			continue
		}
		if out == nil {
			out = make([]eval.Chunk, 0, len(chunks))
		}
		out = append(out, chunks[copied:next]...)
		out = append(out, eval.Chunk{Type: typ, Start: i, End: end})
		copied, next = over, over
		i = end - 1
	}
	if out == nil {
		return chunks
	}
	return append(out, chunks[copied:]...)
}

func bitIndex(t uint8) int {
	for i := 0; i < 8; i++ {
		if t == 1<<i {
			return i
		}
	}
	return 0
}

// MergeSpans merges two ordered span lists; a span of b that overlaps one
// of a is dropped (a wins).
func MergeSpans(a, b []text.Span) []text.Span {
	out := make([]text.Span, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j >= len(b) || i < len(a) && a[i].Start <= b[j].Start:
			out = append(out, a[i])
			i++
		default:
			overlaps := len(out) > 0 && out[len(out)-1].End > b[j].Start || i < len(a) && a[i].Start < b[j].End
			if !overlaps {
				out = append(out, b[j])
			}
			j++
		}
	}
	return out
}

// lowered returns words in lower case: all of them when labels is nil,
// else those inside names (labelled other than O).
func lowered(words, labels []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = w
		if labels == nil || labels[i] != "O" {
			out[i] = strings.ToLower(w)
		}
	}
	return out
}

// hasUpperEntity reports whether a sentence has an entity word with a
// capital letter.
func hasUpperEntity(words, labels []string) bool {
	for i, w := range words {
		if labels[i] != "O" && strings.ToLower(w) != w {
			return true
		}
	}
	return false
}

// trimLowerTails drops the lower-case words that end a name written with
// capitals ("the Bank yesterday gave", "the Ministry recently called"):
// names end in a capitalised word or a number, and a greedy labeller
// sometimes runs on by one word.
func trimLowerTails(words []string, chunks []eval.Chunk) []eval.Chunk {
	for k := range chunks {
		c := &chunks[k]
		if strings.ToLower(words[c.Start]) == words[c.Start] {
			continue // a name in lower case: its words say nothing
		}
		for c.End-c.Start > 1 && lowerWord(words[c.End-1]) {
			c.End--
		}
	}
	return chunks
}

// joinFirstNames makes one person of a place's name that a person's name
// follows with nothing between ("Chad | Morris", "Jordan | Pike", "Israel
// | Katz"): a given name that is also a place's is read as the place, as
// the gazetteer says, and the surname alone as the person. Two such names
// side by side are seldom a place and a person (once in CoNLL-2003 train
// and dev), and then mostly after a preposition ("an expert in Tokyo |
// Tomas de Hora"), which is kept; so is an abbreviation in capitals ("UK
// | Johnson" in a headline), no one's given name. tags are the words'
// "UPOS XPOS" tags, nil when unknown; before is the tag of the word before
// the sentence, as a line break in wire copy can split a sentence after a
// preposition ("an expert in | Tokyo Tomas de Hora").
func joinFirstNames(words, tags []string, before string, chunks []eval.Chunk) []eval.Chunk {
	out := chunks[:0]
	for k := 0; k < len(chunks); k++ {
		c := chunks[k]
		if c.Type != "LOC" || c.End != c.Start+1 || !titleCase(words[c.Start]) {
			out = append(out, c)
			continue
		}
		prev := before
		if c.Start > 0 {
			prev = ""
			if tags != nil {
				prev = tags[c.Start-1]
			}
		}
		// A preposition, or "to" tagged as the infinitive's, which a
		// split sentence's last word often is.
		afterPrep := strings.HasPrefix(prev, "ADP") || strings.HasSuffix(prev, " IN") || strings.HasSuffix(prev, " TO")
		if afterPrep {
			out = append(out, c)
			continue
		}
		if k+1 < len(chunks) {
			n := chunks[k+1]
			surname := n.Type == "PER" || n.Type == "MISC" && n.End == n.Start+1 && doubleBarrelled(words[n.Start])
			if surname && n.Start == c.End {
				out = append(out, eval.Chunk{Type: "PER", Start: c.Start, End: n.End})
				k++
				continue
			}
		}
		// A double-barrelled surname the model left out ("Alexandria
		// Ocasio-Cortez").
		if e := c.End; e < len(words) && doubleBarrelled(words[e]) && (k+1 == len(chunks) || chunks[k+1].Start > e) {
			out = append(out, eval.Chunk{Type: "PER", Start: c.Start, End: e + 1})
			continue
		}
		out = append(out, c)
	}
	return out
}

// doubleBarrelled reports a surname of two capitalised parts joined by a
// hyphen ("Okonjo-Iweala", "Ocasio-Cortez"), which a place's name seldom
// follows directly.
func doubleBarrelled(w string) bool {
	a, b, ok := strings.Cut(w, "-")
	return ok && titleCase(a) && titleCase(b) && !strings.Contains(b, "-")
}

// joinAmpersands makes one name of two joined by "&" ("Marks & Spencer",
// "Ben & Jerry's", "Goldman Sachs & Co"), which the model often reads as
// two people: between capitalised words, "&" joins the parts of a firm's
// or brand's name (22 of the 23 in CoNLL-2003 train are inside an ORG).
// The name is an ORG unless both parts are places (LOC & LOC stays LOC);
// a part the model left out is taken in when it is one capitalised word.
func joinAmpersands(words []string, chunks []eval.Chunk) []eval.Chunk {
	for k := 1; k+1 < len(words); k++ {
		if words[k] != "&" || !capitalisedWord(words[k-1]) || !capitalisedWord(words[k+1]) {
			continue
		}
		left, right := -1, -1 // the chunks that end before "&" and begin after it
		for j, c := range chunks {
			if c.End == k {
				left = j
			}
			if c.Start == k+1 {
				right = j
			}
		}
		if left < 0 && right < 0 {
			continue // no name on either side: "R&D", "Q&A" are one token anyway
		}
		start, end, typ := k-1, k+2, "ORG"
		if left >= 0 {
			start = chunks[left].Start
		}
		if right >= 0 {
			end = chunks[right].End
		}
		if left >= 0 && right >= 0 && chunks[left].Type == "LOC" && chunks[right].Type == "LOC" {
			typ = "LOC"
		}
		if end < len(words) && words[end] == "'s" {
			end++ // "Ben & Jerry's"
		}
		kept := chunks[:0:0]
		for _, c := range chunks {
			if c.End <= start || c.Start >= end {
				kept = append(kept, c)
			}
		}
		merged := eval.Chunk{Type: typ, Start: start, End: end}
		i := 0
		for i < len(kept) && kept[i].Start < start {
			i++
		}
		chunks = append(kept[:i:i], append([]eval.Chunk{merged}, kept[i:]...)...)
	}
	return chunks
}

// Designators: a word ends names of one type in at least
// minDesignatorNames names of two words or more of the training data, and
// at least designatorPurity of them; it is written with a capital first
// (not in capitals: section headings) and also met in lower case, as a
// common noun is (not a surname such as "Clinton", nor "York").
const (
	minDesignatorNames = 8
	designatorPurity   = 0.9
)

// designatorsOf learns the designators of the gold names of docs.
func designatorsOf(docs []NERDocument) map[string]string {
	lower := map[string]bool{}
	counts := map[string]*[4]int{} // by nerTypes
	for _, d := range docs {
		for _, s := range d {
			for _, w := range s.Form {
				if strings.ToLower(w) == w {
					lower[w] = true
				}
			}
			for _, c := range eval.Chunks(s.Label) {
				if c.End-c.Start < 2 {
					continue
				}
				w := s.Form[c.End-1]
				k := counts[w]
				if k == nil {
					k = new([4]int)
					counts[w] = k
				}
				if t := slices.Index(nerTypes[:], c.Type); t >= 0 {
					k[t]++
				}
			}
		}
	}
	out := map[string]string{}
	for w, k := range counts {
		total, best := 0, 0
		for t, n := range k {
			total += n
			if n > k[best] {
				best = t
			}
		}
		if total >= minDesignatorNames && float64(k[best]) >= designatorPurity*float64(total) &&
			titleCase(w) && lower[strings.ToLower(w)] {
			out[w] = nerTypes[best]
		}
	}
	return out
}

// retypeByDesignator gives a name of two words or more the type its head
// (its last word, or the last before "of") says ("Green Party" ORG, "Downing Street" LOC, "Financial Conduct
// Authority" ORG), over the model's, which often follows its first word.
func (m *NER) retypeByDesignator(words []string, chunks []eval.Chunk) []eval.Chunk {
	if len(m.designators) == 0 {
		return chunks
	}
	for i, c := range chunks {
		if c.End-c.Start < 2 {
			continue
		}
		// The head comes before "of" or "for" ("Ministry of Defence",
		// "Economic Community of West African States": not "States").
		head := c.End - 1
		for k := c.Start + 1; k < c.End; k++ {
			if words[k] == "of" || words[k] == "for" {
				head = k - 1
				break
			}
		}
		if t, ok := m.designators[words[head]]; ok {
			chunks[i].Type = t
		}
	}
	return chunks
}

var nobility = map[string]bool{"king": true, "queen": true, "prince": true, "princess": true, "lord": true, "lady": true,
	"duke": true, "duchess": true, "emperor": true, "sheikh": true, "sultan": true, "emir": true}

// splitTitles takes titles out of names (see UseTitles). A title is a
// capitalised word of m.titles, with the capitalised words before it in
// the name ("Prime Minister", "Deputy Foreign Minister"). A name other
// than a person's that ends in a title before a person, directly or
// through more titles, loses it.
func (m *NER) splitTitles(words []string, chunks []eval.Chunk) []eval.Chunk {
	if len(m.titles) == 0 {
		return chunks
	}
	title := func(w string) bool { return titleCase(w) && m.titles[strings.ToLower(w)] }
	out := chunks[:0]
	for k, c := range chunks {
		switch {
		case c.Type == "PER" && c.End-c.Start >= 2:
			last := -1 // the last title among the name's words but its last
			for i := c.Start; i < c.End-1; i++ {
				if title(words[i]) {
					last = i
				} else if !titleCase(words[i]) {
					break
				}
			}
			if last >= 0 {
				c.Start = last + 1
			}
		case c.Type != "PER" && c.End-c.Start >= 2 && title(words[c.End-1]) &&
			k+1 < len(chunks) && chunks[k+1].Type == "PER" && allTitles(words[c.End:chunks[k+1].Start], title):
			c.End--
			for c.End > c.Start+1 && title(words[c.End-1]) {
				c.End--
			}
			// What is left takes the type the gazetteer gives its name
			// ("Florida" was read as part of "Florida Governor", ORG).
			if t := m.gaz.typesOf(words[c.Start:c.End]); t != 0 && t&(t-1) == 0 {
				c.Type = nerTypes[bitIndex(t)]
			}
		case c.Type != "PER" && c.Start >= 2 && words[c.Start-1] == "of" && title(words[c.Start-2]):
			// "Minister of Defence Rustam Umarov": the office's field in
			// common words, then capitalised words that are none, which
			// no place or body of the gazetteer has: the holder
			j := c.Start
			for j < c.End && m.commonWord(words[j]) {
				j++
			}
			if j > c.Start && j < c.End && m.gaz.typesOf(words[j:c.End]) == 0 && !slices.ContainsFunc(words[j:c.End], func(w string) bool {
				return !titleCase(w) || m.commonWord(w)
			}) {
				c.Start, c.Type = j, "PER"
			}
		case c.Type != "PER" && c.End-c.Start >= 2 && title(words[c.End-1]) && c.End < len(words) && title(words[c.End]):
			// "the Apple Chief Executive | Officer": the model stopped
			// inside a run of titles after a name the gazetteer knows as
			// one type
			start := c.End - 1
			for start > c.Start && title(words[start-1]) {
				start--
			}
			end := c.End
			for end < len(words) && title(words[end]) {
				end++
			}
			// and no capitalised word after the titles, which could be
			// a name they belong to ("Chief Minister Council")
			if start > c.Start && (end == len(words) || !capitalisedWord(words[end])) {
				if t := m.gaz.typesOf(words[c.Start:start]); t != 0 && t&(t-1) == 0 {
					c.End, c.Type = start, nerTypes[bitIndex(t)]
				}
			}
		}
		out = append(out, c)
	}
	return out
}

// commonWord reports a word that the clusters' corpus met in lower case
// ("defence", not "umarov"): running text writes it so.
func (m *NER) commonWord(w string) bool {
	c, _ := m.clusters.Lookup(strings.ToLower(w))
	return c != 0
}

// allTitles reports whether every word of words is a title: the rest of a
// title the model ran a place's name into ("Tamil Nadu Chief | Minister |
// M.K. Stalin").
func allTitles(words []string, title func(string) bool) bool {
	for _, w := range words {
		if !title(w) {
			return false
		}
	}
	return true
}

// capitalisedWord reports a word that begins with a capital letter.
func capitalisedWord(w string) bool {
	r := []rune(w)
	return len(r) > 0 && unicode.IsUpper(r[0])
}

// lastTag returns the tag of sentence si's last word, "" when there is
// none.
func lastTag(tags [][]string, si int) string {
	if si < 0 || si >= len(tags) || len(tags[si]) == 0 {
		return ""
	}
	return tags[si][len(tags[si])-1]
}

// tagsOf returns sentence si's tags, nil when there are none.
func tagsOf(tags [][]string, si int) []string {
	if si < len(tags) {
		return tags[si]
	}
	return nil
}

// lowerWord reports a word of lower-case letters only.
func lowerWord(w string) bool {
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return w != ""
}

// CrossValidateNER scores the recogniser's recipe by k-fold cross-
// validation over docs: document i is held out in fold i mod k, and each
// fold's model is trained on the others for opt.MaxEpochs passes (no
// early stopping: no held-out data chooses the epoch) with folds second-
// pass jackknifing as TrainNER does. It returns each fold's score on its
// held-out documents, so that a change is judged by the mean and spread
// over all the data rather than by one dev set.
func CrossValidateNER(ctx context.Context, docs []NERDocument, k int, clusters *Clusters, gaz *Gazetteer, folds int, opt TrainOptions) ([]eval.ChunkScore, error) {
	if k < 2 || k > len(docs) {
		return nil, fmt.Errorf("cross-validation: %d folds of %d documents", k, len(docs))
	}
	opt = opt.withDefaults()
	opt.Patience = opt.MaxEpochs + 1
	scores := make([]eval.ChunkScore, k)
	for f := range k {
		var train, test []NERDocument
		for i, d := range docs {
			if i%k == f {
				test = append(test, d)
			} else {
				train = append(train, d)
			}
		}
		m, _, err := TrainNER(ctx, train, nil, clusters, gaz, folds, opt)
		if err != nil {
			return nil, fmt.Errorf("cross-validation fold %d: %w", f+1, err)
		}
		scores[f] = m.Evaluate(test)
	}
	return scores, nil
}
