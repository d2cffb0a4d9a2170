package annotate

import (
	"strings"

	"tidings/syntax"
	"tidings/text"
)

// Headlines leave out articles and auxiliaries ("Storm Floods Coastal
// Towns", "Chipmaker posts record quarterly profit"), and a tagger trained
// on running text reads such a line as one noun phrase: the verb, and with
// it the parse and the event, is lost. A headline is a clause, so when the
// tagger finds no verb in one, the word that reads best as its verb is
// made one: a common noun in -s after a singular noun, or a bare noun after
// a plural one, that comes before the start of a noun phrase that can be its
// object (not a preposition: "Wage Cuts For Rail Staff" and "Ceasefire Talks
// In Doha" are noun phrases, though "Jobless Rate Falls To 8.8%" is lost),
// whose verb reading the tagger scores closest to its noun reading. The
// words after it are tagged again, as they follow a verb now.

// headlineVerb repairs the tags of a headline that has no verb; out holds
// the tagger's classes for words, sc the scratch of that tagging.
func (t *Tagger) headlineVerb(words []string, out []int32, sc *tagScratch) {
	for i, c := range out {
		switch t.xpos[c] {
		case "VB", "VBP", "VBZ", "MD":
			return
		case "VBD", "VBN":
			// A participle before a noun is its modifier ("Proposed
			// Budget Cuts"); elsewhere it is the headline's verb ("Two
			// Convicted Of Fraud", "Changes Made In Guard").
			if i+1 == len(out) || !t.objectStart(out[i+1]) || t.upos[out[i+1]] == "DET" {
				return
			}
		}
	}
	scores := sc.scores[:len(t.classes)]
	best, bestClass := -1, int32(-1)
	var bestMargin float32
	for i := 1; i+1 < len(words); i++ {
		x := t.xpos[out[i]]
		if x != "NN" && x != "NNS" || strings.ToLower(words[i]) != words[i] {
			continue
		}
		// A particle may come between the verb and its object ("Union
		// Calls Off Strike").
		next := i + 1
		if syntax.Particle(strings.ToLower(words[next])) && next+1 < len(words) {
			next++
		}
		if !t.objectStart(out[next]) {
			continue
		}
		// A verb in -s follows a subject in the singular, a bare one a
		// plural ("Farmers Block Roads", not "Employment Report No ...";
		// "AIDS" is no plural).
		px := t.xpos[out[i-1]]
		switch {
		case x == "NNS" && (px == "NN" || px == "NNP"):
		case x == "NN" && (px == "NNS" || px == "NNPS") && strings.ToUpper(words[i-1]) != words[i-1]:
		default:
			continue
		}
		p1, p2 := int(out[i-1]), -1 // -1 before the first word, as in training
		if i >= 2 {
			p2 = int(out[i-2])
		}
		sc.feats = tagFeatures(sc.feats[:0], sc.infos, i, p1, p2)
		t.score(sc, scores)
		// A noun in -s reads as a verb with a singular subject (VBZ),
		// a bare one with a plural subject (VBP).
		want := "VBP"
		if x == "NNS" {
			want = "VBZ"
		}
		vc := int32(-1)
		for c := range t.classes {
			if t.xpos[c] == want && t.upos[c] == "VERB" && (vc < 0 || scores[c] > scores[vc]) {
				vc = int32(c)
			}
		}
		if vc < 0 {
			continue
		}
		margin := scores[out[i]] - scores[vc]
		if best < 0 || margin < bestMargin {
			best, bestClass, bestMargin = i, vc, margin
		}
	}
	if best < 0 {
		return
	}
	out[best] = bestClass
	t.tagFrom(out, best+1, sc)
}

// objectStart reports a class that can begin a noun phrase.
func (t *Tagger) objectStart(c int32) bool {
	switch t.upos[c] {
	case "NOUN", "PROPN", "PRON", "NUM", "ADJ", "DET":
		return true
	case "VERB":
		return t.xpos[c] == "VBG" || t.xpos[c] == "VBN" // "Signs Fishing Deal"
	}
	return false
}

// tagFrom tags the words from position start on again, greedily, after the
// classes out holds before it (sc holds the words' information from tag).
func (t *Tagger) tagFrom(out []int32, start int, sc *tagScratch) {
	scores := sc.scores[:len(t.classes)]
	for i := start; i < len(out); i++ {
		// as in training: -1 before the first word, -2 before that
		p1, p2 := -1, -2
		switch {
		case i >= 2:
			p1, p2 = int(out[i-1]), int(out[i-2])
		case i == 1:
			p1, p2 = int(out[0]), -1
		}
		c := sc.known[i]
		if c < 0 {
			sc.feats = tagFeatures(sc.feats[:0], sc.infos, i, p1, p2)
			t.score(sc, scores)
			c = int32(argmax(scores))
		}
		out[i] = c
	}
}

// finiteVerb repairs the tags of a sentence of running text that has no
// finite verb but a past participle right after a noun: "The German
// chancellor called on China to ...", "Brazilian mediators persuaded
// rebels to ...", which the tagger read as "a man called John". A
// sentence that ends in a full stop is mostly a clause, so the first
// such participle is its verb, in the past.
func (t *Tagger) finiteVerb(words []string, out []int32, sc *tagScratch) {
	if len(words) < 4 || words[len(words)-1] != "." {
		return
	}
	at := -1
	for i, c := range out {
		switch t.xpos[c] {
		case "VBZ", "VBP", "VBD", "MD":
			return
		case "VBN":
			if at < 0 && i > 0 && (t.upos[out[i-1]] == "NOUN" || t.upos[out[i-1]] == "PROPN") {
				at = i
			}
		}
	}
	if at < 0 {
		return
	}
	vbd := t.classOf("VERB", "VBD")
	if vbd < 0 {
		return
	}
	out[at] = vbd
	t.tagFrom(out, at+1, sc)
}

// hyphenParticiples appends to at the positions of past participles
// joined by a hyphen to the word before them and followed by a noun
// phrase, which the parser is to read as adjectives: "Iranian-backed
// Iraqi militants fired", "aid to war-torn Sudan", split as the treebank
// splits them, were parsed with the participle as the clause's verb. The
// treebank tags such words VBN, so their tags are kept.
func (t *Tagger) hyphenParticiples(toks []text.Token, out []int32, at []int) []int {
	for i := 2; i+1 < len(out); i++ {
		x := t.xpos[out[i]]
		if x != "VBN" && x != "VBD" || toks[i-1].Form != "-" || toks[i-2].SpaceAfter || toks[i-1].SpaceAfter {
			continue
		}
		switch t.upos[out[i+1]] {
		case "ADJ", "NOUN", "PROPN", "NUM":
			at = append(at, i)
		}
	}
	return at
}

// classOf returns the class of a pair of tags, -1 if the tagger has none.
func (t *Tagger) classOf(upos, xpos string) int32 {
	for c := range t.classes {
		if t.upos[c] == upos && t.xpos[c] == xpos {
			return int32(c)
		}
	}
	return -1
}

// modalVerb makes the word after a modal a verb in its base form when
// the tagger read it as a noun or an adjective: "would free 150
// prisoners", "will strike back", "could tear-gas": a modal governs a
// verb, and the adverbs between ("would also free", "will not") are
// skipped.
func (t *Tagger) modalVerb(words []string, out []int32, sc *tagScratch) {
	vb := int32(-1)
	for i := 0; i+1 < len(out); i++ {
		if t.xpos[out[i]] != "MD" {
			continue
		}
		j := i + 1
		for j < len(out) && (t.upos[out[j]] == "ADV" || t.upos[out[j]] == "PART") {
			j++
		}
		if j >= len(out) || t.upos[out[j]] != "NOUN" && t.upos[out[j]] != "ADJ" || strings.ToLower(words[j]) != words[j] {
			continue
		}
		if vb < 0 {
			if vb = t.classOf("VERB", "VB"); vb < 0 {
				return
			}
		}
		out[j] = vb
		t.tagFrom(out, j+1, sc)
	}
}
