// Package syntax navigates the dependency parse of a text.Document: the
// dependents of a word, a dependent by relation, prepositional phrases and
// reported speech. Every stage that reads the parse (events today; a
// quotation or sentiment stage tomorrow) uses it rather than its own copy.
package syntax

import (
	"strings"

	"tidings/text"
)

// Tree is the parse of one Document as child lists. It reads the
// Document's Head and Deprel as they are when it is made; it is read-only
// afterwards, and so safe for concurrent use.
type Tree struct {
	doc *text.Document
	// kids[start[i]:start[i+1]] are the dependents of token i, in text
	// order: two slices for the document, not one per token.
	kids  []int32
	start []int32
}

// New indexes the parse of doc. Heads out of range (a malformed given
// parse) are ignored.
func New(doc *text.Document) *Tree {
	n := len(doc.Tokens)
	t := &Tree{doc: doc, start: make([]int32, n+1)}
	for _, tok := range doc.Tokens {
		if tok.Head >= 0 && tok.Head < n {
			t.start[tok.Head+1]++
		}
	}
	for i := range n {
		t.start[i+1] += t.start[i]
	}
	t.kids = make([]int32, t.start[n])
	next := make([]int32, n)
	copy(next, t.start[:n])
	for i, tok := range doc.Tokens {
		if tok.Head >= 0 && tok.Head < n {
			t.kids[next[tok.Head]] = int32(i)
			next[tok.Head]++
		}
	}
	return t
}

// Parsed reports whether doc carries a dependency parse.
func Parsed(doc *text.Document) bool {
	for _, t := range doc.Tokens {
		if t.Deprel != "" {
			return true
		}
	}
	return false
}

// Kids returns the dependents of token i, in text order.
func (t *Tree) Kids(i int) []int32 { return t.kids[t.start[i]:t.start[i+1]] }

// Child returns the first dependent of i with one of the relations (a
// relation "obl" also matches its subtypes "obl:agent", ...), or -1.
func (t *Tree) Child(i int, rels ...string) int {
	for _, k := range t.Kids(i) {
		if RelIs(t.doc.Tokens[k].Deprel, rels...) {
			return int(k)
		}
	}
	return -1
}

// RelIs reports whether rel is one of rels, or a subtype of one of them
// that has none itself ("obl:agent" is "obl"; it is not "obl:tmod").
func RelIs(rel string, rels ...string) bool {
	for _, r := range rels {
		if rel == r || strings.HasPrefix(rel, r+":") && !strings.Contains(r, ":") {
			return true
		}
	}
	return false
}

// Case returns the preposition of a nominal (its "case" dependent), or -1.
func (t *Tree) Case(i int) int {
	for _, k := range t.Kids(i) {
		if t.doc.Tokens[k].Deprel == "case" {
			return int(k)
		}
	}
	return -1
}

// Prep returns the lower-cased preposition of a nominal, or "".
func (t *Tree) Prep(i int) string {
	if k := t.Case(i); k >= 0 {
		return strings.ToLower(t.doc.Tokens[k].Form)
	}
	return ""
}

// Obliques lists the prepositional dependents of a word: obl and nmod
// with a preposition (case).
func (t *Tree) Obliques(i int) []int {
	var out []int
	for _, k := range t.Kids(i) {
		if c := t.Case(int(k)); c >= 0 && t.doc.Tokens[c].Form != "" && RelIs(t.doc.Tokens[k].Deprel, "obl", "nmod") {
			out = append(out, int(k))
		}
	}
	return out
}

// Lemma returns token i's lemma in lower case, or its lower-cased form
// when it has none.
func (t *Tree) Lemma(i int) string {
	tok := &t.doc.Tokens[i]
	if tok.Lemma != "" {
		return strings.ToLower(tok.Lemma)
	}
	return strings.ToLower(tok.Form)
}

// SpeechVerb reports a verb (by its lower-case lemma) that reports what
// someone said happened.
func SpeechVerb(lemma string) bool {
	switch lemma {
	case "say", "claim", "allege", "report", "state", "tell", "assert", "charge", "insist", "announce", "confirm":
		return true
	}
	return false
}

// Particle reports a word (in lower case) that is the particle of a
// phrasal verb and also begins prepositional phrases ("call off", "set
// up", "pull out"), so that a parser may read it either way.
func Particle(word string) bool {
	switch word {
	case "off", "up", "out", "down", "back", "away":
		return true
	}
	return false
}

// maxConj bounds the climb along conjuncts: a malformed given parse may
// have cycles.
const maxConj = 32

// Reporter returns the verb of speech that reports the clause of word i,
// or -1: i (or the first of the conjuncts it belongs to) is the
// complement (ccomp) or parataxis of a verb of speech ("Israel said a
// bomb was fired", "the bomb was fired, police said").
func (t *Tree) Reporter(i int) int {
	v := i
	for steps := 0; t.doc.Tokens[v].Deprel == "conj" && t.doc.Tokens[v].Head >= 0 && steps < maxConj; steps++ {
		v = t.doc.Tokens[v].Head
	}
	tok := &t.doc.Tokens[v]
	if !RelIs(tok.Deprel, "ccomp", "parataxis") || tok.Head < 0 || !SpeechVerb(t.Lemma(tok.Head)) {
		return -1
	}
	return tok.Head
}
