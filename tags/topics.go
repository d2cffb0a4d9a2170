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
	inBody    bool
	nouns     int  // uses as a noun, not as a verb of its lemma
	titleNoun bool // a use as a noun in the title
	titleVerb bool // a use as the title's verb
	// The article's own marks of number, after its title: uses after
	// "a" or "each" (only a count noun takes them) and uses as a bare
	// singular (only a mass noun has them), of bodySing singular uses.
	indef, bare, bodySing int
	compound              bool // a phrase of nouns only
}

// Topic weights: a word of the title counts as titleWeight occurrences;
// a verb of the noun's lemma ("they walked out on strike", "striking")
// as verbWeight of one.
const (
	titleWeight = 2.0
	leadWeight  = 1.0 // a use in the first sentence after the title counts once more
	verbWeight  = 1.0
	// titleVerbWeight replaces titleWeight for a topic the title names
	// only by its verb.
	titleVerbWeight = 1.0
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
	verbs := headlineVerbs(doc, titleEnd, named)
	notNoun := slices.Clone(named)
	for i, v := range verbs {
		notNoun[i] = notNoun[i] || v
	}
	leadEnd := 0 // the token where the first sentence after the title ends
	for _, s := range doc.Sentences {
		if start, _ := doc.Bytes(s); start >= titleEnd {
			leadEnd = s.End
			break
		}
	}
	byKey := map[string]*topic{}
	var order []*topic
	note := func(key, form string, words, first, last int, plural bool, weight float64, noun bool, np nounPhrase) {
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
		if noun {
			c.nouns++
			c.titleNoun = c.titleNoun || start < titleEnd
			if start >= titleEnd && !plural {
				c.bodySing++
				c.indef += b2i(np.indefinite)
				c.bare += b2i(np.bare)
			}
		}
		if plural {
			c.plur++
			c.plurF = cmp.Or(c.plurF, form)
		} else {
			c.sing++
			c.singF = cmp.Or(c.singF, form)
		}
		c.spans = append(c.spans, [2]int{start, end})
	}
	var coord []func() // uses of compounds by coordinated modifiers
	nounPhrases(doc, notNoun, func(np nounPhrase) {
		if t.opt.Background.roles[np.runHead] || measureNouns[np.runHead] || relationalNouns[np.key] {
			return // "prime minister", and "prime" in it: a post, not a topic; "customers", not "developing countries"
		}
		if hyphenAt(doc, np.first-1) {
			// "eaters" of "plant-eaters", "way fare" of "one-way fare":
			// the end of a word that the tokenizer split at its hyphen.
			// Its start ("smoking" of "smoking-related") often names
			// the thing and is kept.
			return
		}
		if hyphenAt(doc, np.last+1) && doc.Tokens[np.last+2].UPOS == "NOUN" {
			// "health" of "health-care", "price" of "price-fixing":
			// with a noun after the hyphen, the start is a piece of
			// one compound noun, not a topic of its own.
			return
		}
		note(np.key, np.form, np.words, np.first, np.last, np.plural, 1, true, np)
		byKey[np.key].compound = np.compound
		if key, form, first, ok := t.coordinated(doc, notNoun, np); ok {
			coord = append(coord, func() {
				if byKey[key] != nil { // a compound the article writes
					note(key, form, 2, first, np.last, np.plural, 1, true, np)
				}
			})
		}
	})
	titleCompounds(doc, titleEnd, named, order, func(c *topic, first, last int) {
		note(c.key, c.form, c.words, first, last, doc.Tokens[last].XPOS == "NNS" || doc.Tokens[last].XPOS == "NNPS", 1, true, nounPhrase{})
	})
	for _, use := range coord {
		use()
	}
	// A verb of a topic's lemma is evidence of it ("the strike", "they
	// were striking").
	for i, tok := range doc.Tokens {
		if tok.UPOS != "VERB" && !verbs[i] || named[i] || !lettersOnly(tok.Form) {
			continue
		}
		lemma := strings.ToLower(tok.Lemma)
		if c := byKey[lemma]; c != nil {
			note(c.key, c.form, 1, i, i, false, verbWeight, false, nounPhrase{})
			// The title's verb is the story's event ("Apple Fined"),
			// unless it reports speech.
			c.titleVerb = c.titleVerb || tok.Start < titleEnd && !reportingVerbs[lemma]
		}
	}
	order = t.terms(order)
	n := float64(t.opt.Background.Docs)
	order = slices.DeleteFunc(order, func(c *topic) bool {
		// A phrase that news does not use as one must recur here.
		_, known := t.opt.Background.rows[c.key]
		// Verbs only add to a noun the article uses as one: twice, in
		// its title, or once with the title's verb ("said" does not
		// make "a say" a topic).
		fewNouns := c.nouns < 2 && !c.titleNoun && !(c.titleVerb && c.nouns > 0)
		return !c.inBody || c.tf < 2 || !known && len(c.spans) < 2 || fewNouns
	})
	for _, c := range order {
		df := float64(t.opt.Background.rows[c.key].df)
		idf := math.Log((n + 1) / (df + 1))
		w := c.tf
		switch {
		case c.titleNoun:
			w += titleWeight
		case c.title:
			// Only as the title's verb: the story's action, which
			// editors name less often than what its title is about.
			w += titleVerbWeight
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

// coordinated returns the compound that a noun joined by "and" or "or"
// to a phrase's modifier makes with the phrase's head: "defence and
// security spending" uses "defence spending" too, when the article
// writes that compound elsewhere (the title's "Defence Spending"); alone
// it would be the article's one use of it. Only singular nouns
// that begin their run, and only compounds news uses as phrases: in "the
// government and opposition parties" the government is a party to
// something, not a kind of party.
func (t *Tagger) coordinated(doc *text.Document, notNoun []bool, np nounPhrase) (key, form string, first int, ok bool) {
	k := np.first - 2 // the noun before "and"
	if np.words != 2 || !np.compound || k < 0 || notNoun[k] {
		return "", "", 0, false
	}
	toks := doc.Tokens
	if c := strings.ToLower(toks[k+1].Form); c != "and" && c != "or" || toks[k].XPOS != "NN" || !isTopicNoun(toks[k]) {
		return "", "", 0, false
	}
	if k > 0 && (isTopicNoun(toks[k-1]) || toks[k-1].UPOS == "PROPN") && joined(toks[k-1], toks[k]) {
		return "", "", 0, false
	}
	head := np.key[strings.LastIndexByte(np.key, ' ')+1:]
	key = lowerForm(toks[k]) + " " + head
	if _, known := t.opt.Background.rows[key]; !known || t.opt.Background.roles[head] {
		return "", "", 0, false
	}
	return key, lowerForm(toks[k]) + " " + np.form[strings.LastIndexByte(np.form, ' ')+1:], k, true
}

// titleCompounds finds the title's uses of the article's compounds that
// the body writes in lower case: a headline in title case ("Cyber Attack
// Hits Stores") has words the tagger reads as a name's (PROPN), so the
// title's "Cyber Attack" was no phrase and its head alone took the
// title's weight. A run of the title's words outside names that spells a
// phrase of several nouns used after the title (its modifiers as
// written, its head by lemma or form) is a use of that phrase. The
// recogniser often reads such words as a name ("Cyber" MISC, "Doping Ban"
// PER): a name inside the run, whose words the body writes in lower case,
// is no name; one that runs past it is ("Harbour Energy Output").
func titleCompounds(doc *text.Document, titleEnd int, named []bool, cs []*topic, use func(c *topic, first, last int)) {
	var title []int // the title's tokens
	for i, tok := range doc.Tokens {
		if tok.Start >= titleEnd {
			break
		}
		title = append(title, i)
	}
	// The span of the name each title token is in.
	ent := make([][2]int, len(title))
	for _, e := range doc.Entities {
		for i := e.Start; i < e.End && i < len(title); i++ {
			ent[i] = [2]int{e.Start, e.End}
		}
	}
	for _, c := range cs {
		if c.words < 2 || c.titleNoun || !c.inBody || !c.compound {
			continue // an adjective only describes ("grave concern")
		}
		words := strings.Fields(c.key)
		if slices.ContainsFunc(words[:len(words)-1], func(w string) bool { return measureNouns[w] }) {
			continue // "quarter earnings" are earnings
		}
		for k := 0; k+len(words) <= len(title); k++ {
			match := true
			for w, word := range words {
				i := title[k+w]
				tok := doc.Tokens[i]
				inside := ent[i][0] >= title[k] && ent[i][1] <= title[k+len(words)-1]+1
				// A headline verb guessed in a run of nouns ("Cyber
				// Attack on Depots" as "cyber attacks on depots") is
				// the noun the body writes; a word the tagger read as
				// a verb is not.
				if named[i] && !inside || tok.UPOS != "NOUN" && tok.UPOS != "PROPN" {
					match = false
					break
				}
				lower := strings.ToLower(tok.Form)
				if w < len(words)-1 {
					match = lower == word
				} else { // a PROPN's lemma is its form: "Attacks"
					match = strings.ToLower(tok.Lemma) == word || strings.HasSuffix(" "+c.singF, " "+lower) ||
						strings.HasSuffix(" "+c.plurF, " "+lower)
				}
				if !match {
					break
				}
			}
			if match {
				use(c, title[k], title[k+len(words)-1])
				break
			}
		}
	}
}

// termShare is the least share of a noun's documents in the background
// that a phrase ending at it must have to be a term of news ("interest
// rates" of "rates").
const termShare = 0.1

// terms gives a noun's uses to the one phrase of the article that ends at
// it, when news uses that phrase as a term: a story names "interest
// rates" once and then says "rates", and its topic is the term. Only
// compounds of nouns, which name a kind of the thing; an adjective often
// only describes it ("a general election" is an election).
func (t *Tagger) terms(cs []*topic) []*topic {
	phrases := map[string][]*topic{} // by the noun they end at
	for _, c := range cs {
		if c.words > 1 && c.nouns > 0 && c.compound {
			head := c.key[strings.LastIndexByte(c.key, ' ')+1:]
			phrases[head] = append(phrases[head], c)
		}
	}
	gone := map[*topic]bool{}
	for _, u := range cs {
		ps := phrases[u.key]
		if u.words > 1 || len(ps) == 0 {
			continue
		}
		// One phrase, or one whose shorter phrases are its own parts
		// ("rate" in "key interest rates": "interest rate" is one).
		term := ps[0]
		for _, p := range ps[1:] {
			if strings.HasSuffix(p.key, " "+term.key) || strings.HasSuffix(term.key, " "+p.key) {
				if p.words < term.words {
					term = p
				}
				continue
			}
			term = nil
			break
		}
		if term == nil {
			continue
		}
		row, known := t.opt.Background.rows[term.key]
		if !known || float64(row.df) < termShare*float64(t.opt.Background.rows[u.key].df) {
			continue
		}
		key, form, words, singF, plurF := term.key, term.form, term.words, term.singF, term.plurF
		*term = *u
		term.key, term.form, term.words = key, form, words
		term.singF, term.plurF = cmp.Or(singF, term.singF), cmp.Or(plurF, term.plurF)
		gone[u] = true
	}
	return slices.DeleteFunc(cs, func(c *topic) bool { return gone[c] })
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
	row, ok := t.opt.Background.rows[c.key]
	switch {
	case c.plur == 0 && c.indef == 0 && c.bare > 0 && c.bare == c.bodySing:
		// Only bare singulars: the article uses it as a mass ("he
		// underpaid stamp duty", "Euro-Atlantic security"), whatever
		// its number in news at large.
		return cmp.Or(c.singF, c.form)
	case (c.indef > 0 || c.plur > 0) && c.bare == 0 && row.singular+row.plural < thinBackground:
		// News has too little of it to say: the article counts it ("a
		// landslip", "reservoirs").
		return cmp.Or(c.plurF, pluralOf(c.key))
	}
	if ok && row.singular+row.plural >= 2 {
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

// hyphenAt reports whether token k is a hyphen joined to the tokens on
// both sides of it.
func hyphenAt(doc *text.Document, k int) bool {
	return k > 0 && k+1 < len(doc.Tokens) && doc.Tokens[k].Form == "-" &&
		doc.Tokens[k-1].End == doc.Tokens[k].Start && doc.Tokens[k].End == doc.Tokens[k+1].Start
}

// thinBackground is how many uses of a phrase as a head the background
// needs to say its number over the article's own marks.
const thinBackground = 10

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
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
// headlineVerbs marks the title's verbs that the tagger read as nouns:
// headlines drop articles and write verbs in the present, so "port strike
// spreads in Chile" looks like one noun phrase. A clause of the title
// (clauses end at a subordinator such as "as" or "after", or at
// punctuation) with no verb has one, at the end of its first run of two
// or more nouns: the run's last word when something other than a noun
// follows it ("Police Clash with", "Strike Spreads in", "Rubbish Piles
// Up"); when the run fills the clause, the first word in -s after a
// singular noun ("Attack Hits Stores") or a last singular after a plural
// ("Machinists Strike"). Words of names are no verbs, and a verb the
// tagger read inside a name ("Boeing") does not count as one.
func headlineVerbs(doc *text.Document, titleEnd int, named []bool) []bool {
	out := make([]bool, len(doc.Tokens))
	var clause []int
	flush := func() {
		defer func() { clause = clause[:0] }()
		for _, i := range clause {
			if t := doc.Tokens[i]; (t.UPOS == "VERB" || t.UPOS == "AUX") && !named[i] {
				return
			}
		}
		isNoun := func(k int) bool {
			t := doc.Tokens[clause[k]]
			return t.UPOS == "NOUN" || t.UPOS == "PROPN" || named[clause[k]]
		}
		verbal := func(k int) bool { // a common noun that a verb's form can be
			t := doc.Tokens[clause[k]]
			return !named[clause[k]] && t.UPOS == "NOUN" && (t.XPOS == "NN" || t.XPOS == "NNS")
		}
		start := 0
		for start < len(clause) && !isNoun(start) {
			start++
		}
		end := start
		for end < len(clause) && isNoun(end) {
			end++
		}
		if end-start < 2 {
			return
		}
		if end < len(clause) {
			if verbal(end - 1) {
				out[clause[end-1]] = true
			}
			return
		}
		xpos := func(k int) string { return doc.Tokens[clause[k]].XPOS }
		for k := start + 1; k < end; k++ {
			form := strings.ToLower(doc.Tokens[clause[k]].Form)
			if verbal(k) && xpos(k) == "NNS" && (xpos(k-1) == "NN" || xpos(k-1) == "NNP") &&
				strings.HasSuffix(form, "s") && !strings.HasSuffix(form, "ss") {
				out[clause[k]] = true
				return
			}
		}
		if k := end - 1; verbal(k) && xpos(k) == "NN" && (xpos(k-1) == "NNS" || xpos(k-1) == "NNPS") {
			out[clause[k]] = true
		}
	}
	for i, t := range doc.Tokens {
		if t.Start >= titleEnd {
			break
		}
		if t.UPOS == "PUNCT" || t.UPOS == "SCONJ" || clauseWords[strings.ToLower(t.Form)] {
			flush()
			continue
		}
		clause = append(clause, i)
	}
	flush()
	return out
}

// reportingVerbs report what was said: a headline's "says" is not its
// story's event.
var reportingVerbs = map[string]bool{"say": true, "tell": true, "add": true, "state": true, "report": true, "note": true}

// clauseWords begin a headline's second clause ("... as strike spreads").
var clauseWords = map[string]bool{"as": true, "after": true, "while": true, "when": true, "before": true,
	"amid": true, "despite": true, "because": true, "until": true, "since": true}

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

// relationalNouns are nouns that name something only by its relation
// to another thing, never what a story is about: a place on or in a
// thing ("the edge of town", "in front", "the north") and people by their
// tie to a business, a place or a body ("its customers", "residents",
// "local councillors") and states by theirs to the world ("countries"),
// the story's who rather than its what. A phrase may say what
// ("developing countries").
var relationalNouns = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`front back side edge top bottom middle centre center heart outskirts
	north south east west inside outside
	customer client user shopper consumer subscriber passenger resident visitor member employee employer
	household official spokesman spokeswoman spokesperson lawmaker legislator councillor councilor
	country nation`) {
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
