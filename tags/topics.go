package tags

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"

	"tidings/text"
)

// topic is a candidate topic of one article: a noun or noun phrase with
// its occurrences.
type topic struct {
	key, form    string // form: as first written
	words        int
	tf           float64
	title        bool
	lead         bool // in the first sentence after the title
	sing, plur   int  // occurrences by number
	singF, plurF string
	spans        [][2]int
	score        float64
	// inBody: a use after the title, written in lower case (a word
	// written with a capital everywhere is part of a name).
	inBody bool
}

// Topic weights: a word of the title counts as titleWeight occurrences;
// a verb of the noun's lemma ("they walked out on strike", "striking")
// as verbWeight of one.
const (
	titleWeight = 2.0
	leadWeight  = 1.0 // a use in the first sentence after the title counts once more
	verbWeight  = 1.0
	// topicHalf is the score of a topic shown as 0.5: about two uses of
	// a word that one news article in forty uses.
	topicHalf = 10.0
	// issueWeight multiplies the score of a phrase of the issue
	// vocabulary.
	issueWeight = 2.0
)

// topics returns the article's candidate topics, best first, each with a
// score in [0, 1): its occurrences weighted by its rarity in the
// background, squashed. titleEnd is the byte where the title ends.
func (t *Tagger) topics(doc *text.Document, titleEnd int) []topic {
	if t.opt.Background == nil || len(doc.Tokens) == 0 {
		return nil
	}
	named := namedTokens(doc)
	leadEnd := 0 // the token where the first sentence after the title ends
	for _, s := range doc.Sentences {
		if start, _ := doc.Bytes(s); start >= titleEnd {
			leadEnd = s.End
			break
		}
	}
	byKey := map[string]*topic{}
	var order []*topic
	note := func(key, form string, words, first, last int, plural bool, weight float64) {
		c := byKey[key]
		if c == nil {
			c = &topic{key: key, form: form, words: words}
			byKey[key] = c
			order = append(order, c)
		}
		start, end := doc.Tokens[first].Start, doc.Tokens[last].End
		if start < titleEnd {
			c.title = true
		} else if !hasUpper(doc.Text[start:end]) {
			c.inBody = true
		}
		if start >= titleEnd && first < leadEnd {
			c.lead = true
		}
		c.tf += weight
		if plural {
			c.plur++
			c.plurF = cmp.Or(c.plurF, form)
		} else {
			c.sing++
			c.singF = cmp.Or(c.singF, form)
		}
		c.spans = append(c.spans, [2]int{start, end})
	}
	nounPhrases(doc, named, func(np nounPhrase) {
		if t.opt.Background.roles[np.runHead] || measureNouns[np.runHead] {
			return // "prime minister", and "prime" in it: a post, not a topic
		}
		note(np.key, np.form, np.words, np.first, np.last, np.plural, 1)
	})
	// A verb of a topic's lemma is evidence of it ("the strike", "they
	// were striking"); a verb whose noun is a word of news ("resigned":
	// resignation) is evidence of that noun, and in the title, where it
	// is the story's event, makes it a candidate.
	for i, tok := range doc.Tokens {
		if tok.UPOS != "VERB" || named[i] || !lettersOnly(tok.Form) {
			continue
		}
		lemma := strings.ToLower(tok.Lemma)
		if c := byKey[lemma]; c != nil {
			note(c.key, c.form, 1, i, i, false, verbWeight)
		}
		noun, ok := t.opt.Background.nominal(lemma)
		if !ok || noun == lemma {
			continue
		}
		if c := byKey[noun]; c != nil {
			note(noun, c.form, 1, i, i, false, 1)
		} else if tok.Start < titleEnd {
			note(noun, t.opt.Background.rows[noun].singularForm, 1, i, i, false, 1)
		}
	}
	n := float64(t.opt.Background.Docs)
	order = slices.DeleteFunc(order, func(c *topic) bool {
		// A phrase that news does not use as one must recur here.
		_, known := t.opt.Background.rows[c.key]
		return !c.inBody || c.tf < 2 || !known && len(c.spans) < 2
	})
	for _, c := range order {
		df := float64(t.opt.Background.rows[c.key].df)
		idf := math.Log((n + 1) / (df + 1))
		w := c.tf
		if c.title {
			w += titleWeight
		}
		if c.lead {
			w += leadWeight
		}
		c.score = w * idf
		if t.opt.Background.issues[c.key] {
			c.score *= issueWeight
		}
	}
	order = t.subsume(order)
	slices.SortStableFunc(order, func(a, b *topic) int { return cmp.Compare(b.score, a.score) })
	out := make([]topic, 0, len(order))
	for _, c := range order {
		out = append(out, *c)
	}
	return out
}

// subsume gives a noun's place to a phrase it is part of ("rates" ->
// "interest rates", "stamp" -> "stamp duty") when the phrase makes half
// of the noun's uses, or is one that news uses and the title chose;
// longest phrases first.
func (t *Tagger) subsume(cs []*topic) []*topic {
	byKey := map[string]*topic{}
	for _, c := range cs {
		byKey[c.key] = c
	}
	gone := map[string]bool{}
	for words := 3; words >= 2; words-- {
		for _, c := range cs {
			if c.words != words || gone[c.key] || c.tf < 2 && !c.title {
				continue
			}
			_, known := t.opt.Background.rows[c.key]
			for _, w := range strings.Fields(c.key) {
				u := byKey[w]
				if u == nil || u == c || gone[w] || !(c.tf >= 0.5*u.tf || known && c.title) {
					continue
				}
				c.score = max(c.score, u.score)
				gone[w] = true
			}
		}
	}
	return slices.DeleteFunc(cs, func(c *topic) bool { return gone[c.key] })
}

// editorForm writes a topic as editors do: in the plural for a kind of
// thing that news counts ("strikes"), else in the singular ("inflation"),
// as the background's use of the phrase (or of its head) says, else as
// the article writes it.
func (t *Tagger) editorForm(c topic) string {
	if row, ok := t.opt.Background.rows[c.key]; ok && row.singular+row.plural >= 2 {
		if countable(row) {
			return cmp.Or(row.pluralForm, c.plurF, pluralOf(c.key))
		}
		return cmp.Or(row.singularForm, c.singF, c.form)
	}
	mods, head := "", c.key
	if i := strings.LastIndexByte(c.key, ' '); i > 0 {
		mods, head = c.key[:i+1], c.key[i+1:]
	}
	if row, ok := t.opt.Background.rows[head]; ok && row.singular+row.plural >= 2 {
		if countable(row) {
			return cmp.Or(c.plurF, mods+cmp.Or(row.pluralForm, pluralOf(head)))
		}
		return cmp.Or(c.singF, mods+cmp.Or(row.singularForm, head))
	}
	if c.plur > c.sing {
		return c.plurF
	}
	return cmp.Or(c.singF, c.form)
}

// pluralOf writes the regular plural of a noun ("ceasefire" ->
// "ceasefires", "tax" -> "taxes", "policy" -> "policies").
func pluralOf(w string) string {
	switch {
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "x"), strings.HasSuffix(w, "z"),
		strings.HasSuffix(w, "ch"), strings.HasSuffix(w, "sh"):
		return w + "es"
	case len(w) > 1 && strings.HasSuffix(w, "y") && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		return w[:len(w)-1] + "ies"
	}
	return w + "s"
}

func hasUpper(s string) bool {
	return strings.IndexFunc(s, unicode.IsUpper) >= 0
}

// measureNouns name amounts and spans of time ("tens of thousands",
// "two decades"): the closed class of nouns that measure, never what a
// story is about.
// nominal returns the noun that names the act of a verb, when news uses
// it: the verb with a suffix of nominalisation ("resign" -> "resignation",
// "approve" -> "approval", "close" -> "closure").
func (b *Background) nominal(verb string) (string, bool) {
	if len(verb) < 3 {
		return "", false
	}
	stem := strings.TrimSuffix(verb, "e")
	for _, n := range []string{verb + "ation", verb + "ment", verb + "ion", stem + "ation", stem + "ion",
		stem + "al", stem + "ure", stem + "ment", stem + "ance", stem + "ence"} {
		if r, ok := b.rows[n]; ok && r.singular+r.plural >= 5 && r.singularForm != "" {
			return n, true
		}
	}
	return "", false
}

// plainAdjectives do not classify: "the first mobile network" is about
// mobile networks.
var plainAdjectives = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`first second third fourth fifth last next previous other same own such many several
	various certain former latter new old recent current further whole entire main major key big small large
	little great good bad high low long short early late full top real only possible likely`) {
		m[w] = true
	}
	return m
}()

var measureNouns = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`second minute hour day week weekend fortnight month quarter year decade century
	time period one ten dozen score hundred thousand million billion trillion half third lot number couple
	percent per cent point total majority rest part kind sort type`) {
		m[w] = true
	}
	return m
}()

// countable reports whether news uses a noun as a countable one: after
// "a" or "each" in the singular, or often in the plural. A mass noun
// ("inflation", "cocoa", "housing") is neither.
func countable(r backgroundRow) bool {
	indefinite := float64(r.indefinite) / float64(max(1, r.singular))
	return r.pluralForm != "" && r.indefinite >= 2 && indefinite >= 0.05 || r.indefinite >= 3 && indefinite >= 0.2 ||
		r.plural >= 2 && float64(r.plural) >= 0.3*float64(r.singular+r.plural)
}
