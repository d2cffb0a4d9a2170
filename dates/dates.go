// Package dates recognises time expressions in English news and normalises
// them to TimeML TIMEX3 values against the publication date (the document
// creation time, DCT): "on Wednesday morning" in a past-tense sentence of an
// article published on Thursday 2022-01-06 is "Wednesday morning", a TIME
// with value 2022-01-05TMO.
//
// Recognition is a hand-written grammar over the tokens of a text.Document;
// spans follow the TimeML annotation guidelines as applied in the
// TempEval-3 data: prepositions stay outside, determiners and modifiers
// ("the", "last", "early", "nearly") inside.
package dates

import (
	"sort"
	"strings"
	"time"

	"tidings/text"
)

// Expression is one time expression found in a document.
type Expression struct {
	Start int    `json:"start"` // byte offsets [Start, End) into Document.Text
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"`  // DATE, TIME, DURATION or SET
	Value string `json:"value"` // TIMEX3 value: 2022-01-05TMO, 2022-W01, P3D, PRESENT_REF, XXXX-01-04
	// Mod is the TIMEX3 mod: START, MID, END, APPROX, LESS_THAN,
	// MORE_THAN, EQUAL_OR_MORE, EQUAL_OR_LESS.
	Mod string `json:"mod,omitempty"`
	// Anchor is the value the expression was resolved against: the DCT
	// for deictic expressions ("yesterday"), the last date mentioned for
	// anaphoric ones ("two days later"); empty for absolute ones.
	Anchor string `json:"anchor,omitempty"`
}

// Resolver finds and normalises time expressions. It is built once by New,
// never changes afterwards, and is safe for concurrent use.
type Resolver struct {
	// lex points at each word's entry: a scan keeps a pointer per token,
	// not a copy, so that a long document costs little memory.
	lex     map[string]*word
	unknown *word // the entry of every word not in lex
}

// New builds a Resolver.
func New() *Resolver {
	lex := buildLexicon()
	r := &Resolver{lex: make(map[string]*word, len(lex)), unknown: &word{}}
	for k, w := range lex {
		r.lex[k] = &w
	}
	return r
}

// lookup returns the entry of a lower-case word.
func (r *Resolver) lookup(w string) *word {
	if e, ok := r.lex[w]; ok {
		return e
	}
	return r.unknown
}

// Find returns the time expressions of doc in text order, their values
// resolved against dct, the document creation time. A zero dct means the
// date is unknown: expressions that need it get values with X in the
// unknown places ("XXXX-01-04", "XXXX-WXX-3") as TimeML prescribes.
func (r *Resolver) Find(doc *text.Document, dct time.Time) []Expression {
	if doc == nil || len(doc.Tokens) == 0 {
		return nil
	}
	s := newScan(r, doc, dct)
	var out []Expression
	n := len(doc.Tokens)
	for i := 0; i < n; {
		w := s.lx[i]
		if w.kind&kTrigger == 0 && !s.digitStart(i) && !strings.HasPrefix(s.w[i], "mid-") {
			i++
			continue
		}
		m := s.match(i)
		if m == nil {
			i++
			continue
		}
		if s.title(m.start, m.end) {
			i = m.end
			continue
		}
		start, end := doc.Tokens[m.start].Start, doc.Tokens[m.end-1].End
		if start < 0 || end > len(doc.Text) || end <= start {
			i = m.end
			continue
		}
		out = append(out, Expression{
			Start: start, End: end, Text: doc.Text[start:end],
			Type: m.typ, Value: m.value, Mod: m.mod, Anchor: m.anchor,
		})
		if m.yearFocus {
			s.yearFocus = true
		} else if m.focus {
			s.yearFocus = false
		}
		if m.ref.ok {
			s.ref, s.refExplicit = m.ref, true
			// An earlier quarter mentioned in passing ("after a flat
			// second quarter") does not displace the one reported on.
			if m.focus && !(s.focus.ok && m.ref.t.Before(s.focus.t) && m.ref.t.Year() == s.focus.t.Year()) {
				s.focus = m.ref
			}
		}
		i = m.end
	}
	return out
}

// title reports whether tokens [start, end) are a name rather than a time:
// a capitalised unit just after an opening quote (ABC's "This Week", CBS's
// "60 Minutes", in any quote style), or the "noon" of "High Noon".
func (s *scan) title(start, end int) bool {
	last := end - 1
	if s.w[last] == "noon" && s.word(start-1) == "high" {
		return true
	}
	if !s.is(last, kUnit|kUnitPlural) || !s.capitalised(last) || last == start && start == 0 {
		return false
	}
	switch s.word(start - 1) {
	case "\"", "``", "''", "'", "`", "“":
		return true
	}
	return false
}

// tense of the verb governing an expression.
type tense int8

const (
	tenseNone tense = iota
	tensePast
	tensePresent
	tenseFuture
)

// scan is the state of one Find call.
type scan struct {
	r      *Resolver
	doc    *text.Document
	w      []string // lower-case forms
	lx     []*word
	dct    time.Time
	hasDCT bool
	ref    point // the last date mentioned, for anaphoric expressions
	// refExplicit is true once ref comes from the text rather than the DCT.
	refExplicit bool
	// focus is the last quarter or half named by its number: the period a
	// financial report is about, which "the quarter" and "a year ago"
	// refer to.
	focus point
	// yearFocus is true after a year-to-date period ("the first nine
	// months") until the next quarter named by number.
	yearFocus bool
	sent      int // index of the sentence last looked up
	// tenseBefore[k-tenseLo] is the last token at or before k with a
	// tense in the sentence [tenseLo, tenseHi), -1 when none;
	// tenseAfter the first at or after k.
	tenseLo, tenseHi        int
	tenseBefore, tenseAfter []int32
	nTok                    int // number of tokens; w and lx have lookahead empty entries after them
}

func newScan(r *Resolver, doc *text.Document, dct time.Time) *scan {
	n := len(doc.Tokens)
	// Padding after the last token lets the grammar look a few words ahead
	// without bounds checks at every step.
	s := &scan{r: r, doc: doc, w: make([]string, n, n+lookahead), lx: make([]*word, n, n+lookahead)}
	for i, t := range doc.Tokens {
		f := t.Form
		if f == "" && t.Start >= 0 && t.End <= len(doc.Text) && t.Start <= t.End {
			f = doc.Text[t.Start:t.End]
		}
		lf := lower(f)
		s.w[i] = lf
		s.lx[i] = r.lookup(lf)
	}
	s.w = s.w[:n+lookahead]
	s.lx = s.lx[:n+lookahead]
	for i := n; i < len(s.lx); i++ {
		s.lx[i] = r.unknown
	}
	s.nTok = n
	if !dct.IsZero() {
		s.dct = dayOf(dct.UTC())
		if dct.Location() != time.UTC {
			s.dct = dayOf(dct)
		}
		s.hasDCT = true
		s.ref = truncate(s.dct, gDay)
	}
	return s
}

// lower lower-cases ASCII words without allocating when they are already
// lower case, which most words are.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(s)
		}
	}
	return s
}

// lookahead is how many empty words follow the last token in scan.w.
const lookahead = 8

func (s *scan) n() int { return s.nTok }

func (s *scan) word(j int) string {
	if j < 0 || j >= s.nTok {
		return ""
	}
	return s.w[j]
}

func (s *scan) is(j int, k wordKind) bool {
	return j >= 0 && j < s.nTok && s.lx[j].kind&k != 0
}

func (s *scan) digitStart(j int) bool {
	w := s.word(j)
	return len(w) > 0 && (w[0] >= '0' && w[0] <= '9' || w[0] == '\'' && len(w) > 1)
}

// capitalised reports whether token j is written with an upper-case first
// letter, which months and weekdays are.
func (s *scan) capitalised(j int) bool {
	if j < 0 || j >= s.nTok {
		return false
	}
	f := s.doc.Tokens[j].Form
	return f != "" && f[0] >= 'A' && f[0] <= 'Z'
}

// joined reports whether tokens j and j+1 touch (no space between them).
func (s *scan) joined(j int) bool {
	return j >= 0 && j+1 < s.nTok && s.doc.Tokens[j].End == s.doc.Tokens[j+1].Start
}

// hyphen skips a hyphen joining the words around it ("third-quarter"),
// returning the index after it, or j when there is none.
func (s *scan) hyphen(j int) int {
	if j > 0 && j+1 < s.nTok && s.w[j] == "-" && s.joined(j-1) && s.joined(j) {
		return j + 1
	}
	return j
}

// isHyphen reports whether token j is a joining hyphen.
func (s *scan) isHyphen(j int) bool { return s.hyphen(j) != j }

// comma skips an optional comma.
func (s *scan) comma(j int) int {
	if s.word(j) == "," {
		return j + 1
	}
	return j
}

// sentenceOf returns the token span of the sentence holding token i.
func (s *scan) sentenceOf(i int) (int, int) {
	sents := s.doc.Sentences
	if len(sents) == 0 {
		return 0, s.nTok
	}
	// Lookups mostly stay in one sentence; a jump elsewhere is a binary
	// search, not a walk, so that it costs no more in a long document.
	if s.sent >= len(sents) || sents[s.sent].Start > i || sents[s.sent].End <= i {
		s.sent = min(len(sents)-1, sort.Search(len(sents), func(k int) bool { return sents[k].End > i }))
	}
	sp := sents[s.sent]
	if i < sp.Start || i >= sp.End {
		return 0, s.nTok
	}
	return sp.Start, sp.End
}

// tenseAt returns the tense of the verb nearest to the expression
// [start, end): the part of speech tags when the annotate stage ran, else
// word lists.
func (s *scan) tenseAt(start, end int) tense {
	switch s.word(start - 1) {
	case "until", "till", "next", "coming",
		// a date something takes effect or falls due: "effective Feb. 1",
		// "payable Dec. 7", "loans through January"
		"effective", "payable", "through":
		return tenseFuture
	}
	// A bare participle just before the expression is a reduced relative
	// about a past event: "the decision, announced Wednesday".
	k := start - 1
	if s.word(k) == "on" {
		k--
	}
	if k >= 0 && s.doc.Tokens[k].XPOS == "VBN" && !s.perfect(k) && !s.passive(k) {
		return tensePast
	}
	// The nearest word with a tense in the sentence, the earlier one when
	// two are as near: looked for near the expression first, where it
	// usually is, then in the whole sentence's index.
	lo, hi := s.sentenceOf(start)
	d := 1
	for ; d <= nearTense && (start-d >= lo || end-1+d < hi); d++ {
		if k := start - d; k >= lo {
			if t := s.tenseOf(k); t != tenseNone {
				return t
			}
		}
		if k := end - 1 + d; k < hi {
			if t := s.tenseOf(k); t != tenseNone {
				return t
			}
		}
	}
	if d <= nearTense {
		return tenseNone
	}
	s.tensesOf(lo, hi)
	before, after := -1, -1
	if k := start - 1; k >= lo && k < hi {
		before = int(s.tenseBefore[k-lo])
	}
	if end >= lo && end < hi {
		after = int(s.tenseAfter[end-lo])
	}
	switch {
	case before >= 0 && (after < 0 || start-before <= after-(end-1)):
		return s.tenseOf(before)
	case after >= 0:
		return s.tenseOf(after)
	}
	return tenseNone
}

// nearTense is how far from an expression tenseAt looks word by word
// before it indexes the sentence.
const nearTense = 16

// tensesOf fills tenseBefore and tenseAfter for the sentence [lo, hi),
// unless they hold it already: a sentence is scanned once, however many
// expressions it holds and however long it is.
func (s *scan) tensesOf(lo, hi int) {
	if s.tenseLo == lo && s.tenseHi == hi && s.tenseBefore != nil {
		return
	}
	s.tenseLo, s.tenseHi = lo, hi
	n := hi - lo
	if cap(s.tenseBefore) < n {
		s.tenseBefore, s.tenseAfter = make([]int32, n), make([]int32, n)
	}
	s.tenseBefore, s.tenseAfter = s.tenseBefore[:n], s.tenseAfter[:n]
	last := int32(-1)
	for k := lo; k < hi; k++ {
		if s.tenseOf(k) != tenseNone {
			last = int32(k)
		}
		s.tenseBefore[k-lo] = last
	}
	last = -1
	for k := hi - 1; k >= lo; k-- {
		if s.tenseOf(k) != tenseNone {
			last = int32(k)
		}
		s.tenseAfter[k-lo] = last
	}
}

func (s *scan) tenseOf(k int) tense {
	w := s.w[k]
	switch w {
	case "will", "'ll", "shall", "wo", "would", "'d":
		return tenseFuture
	case "going":
		if s.word(k+1) == "to" {
			return tenseFuture
		}
	}
	tok := s.doc.Tokens[k]
	if tok.XPOS != "" {
		switch tok.XPOS {
		case "VBD":
			return tensePast
		case "VBN":
			if s.perfect(k) {
				return tensePast
			}
		case "VBZ", "VBP":
			if w == "has" || w == "have" || w == "'s" || w == "'ve" {
				return tenseNone // the participle decides
			}
			return tensePresent
		}
		return tenseNone
	}
	switch w {
	case "was", "were", "had", "did", "said", "told", "met", "went", "came", "took", "made", "gave",
		"left", "began", "fell", "rose", "won", "lost", "sold", "held", "led", "struck", "fought",
		"ran", "saw", "found", "became", "got", "spoke", "wrote", "chose", "drove", "flew", "hit",
		"quit", "set", "put", "cut", "paid", "kept", "brought", "thought", "sent", "spent", "built",
		"stood", "knew", "grew", "shot", "killed", "announced", "reported":
		return tensePast
	case "is", "are", "am":
		return tensePresent
	case "could", "should", "might", "may", "must", "can":
		return tenseNone
	}
	if len(w) > 4 && strings.HasSuffix(w, "ed") && !pastStop[w] {
		if k > 0 {
			switch s.w[k-1] {
			case "be", "been", "being", "is", "are", "will", "to", "the", "a", "an":
				return tenseNone
			}
		}
		return tensePast
	}
	return tenseNone
}

func (s *scan) perfect(k int) bool {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		switch s.w[j] {
		case "has", "have", "had", "'ve", "'d":
			return true
		}
	}
	return false
}

// passive reports whether the participle at k follows a form of "be"
// (adverbs and "not" may come between).
func (s *scan) passive(k int) bool {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		switch s.w[j] {
		case "be", "been", "being", "is", "are", "was", "were", "am", "'s", "'re", "get", "got", "gets":
			return true
		}
		if s.doc.Tokens[j].XPOS != "RB" {
			return false
		}
	}
	return false
}

// pastStop are words ending in -ed that are not past-tense verbs.
var pastStop = map[string]bool{
	"need": true, "speed": true, "based": true, "united": true, "limited": true, "indeed": true,
	"proceed": true, "exceed": true, "succeed": true, "seed": true, "breed": true, "hundred": true,
	"embed": true, "related": true, "proposed": true, "expected": true, "scheduled": true, "planned": true,
}

// direction is where a weekday or month without "last" or "next" lies
// from the DCT: back in the past tense, forward in the future tense.
func direction(t tense) int {
	switch t {
	case tensePast:
		return -1
	case tenseFuture:
		return 1
	}
	return 0
}
