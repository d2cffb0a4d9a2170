// Package text holds the Document that carries an article's text through
// every stage of analysis, and the first stage itself: tokenisation and
// sentence splitting with exact byte offsets into the verbatim text.
//
// Tokens follow the conventions of Universal Dependencies English-EWT, since
// the tagger and parser are trained on it: a Token is a syntactic word, and a
// surface token made of several words ("don't" = do + n't, "Google's" =
// Google + 's) is recorded as a Multiword span over them.
package text

import (
	"context"
	"sort"
	"strings"
)

// Token is one syntactic word.
type Token struct {
	Start, End int    // byte offsets [Start, End) of the word in Document.Text
	Form       string // the word; Text[Start:End] unless the input gave another form
	// SpaceAfter reports whether whitespace follows the surface token that
	// ends with this word (always false inside a multiword token).
	SpaceAfter bool

	// Layers added by the annotate stage ("" and -1 until then).
	// Norm is the form the statistical models read when it is not Form:
	// in a title-case headline, a common word in lower case ("Faces" ->
	// "faces").
	Norm              string
	Lemma, UPOS, XPOS string
	Head              int    // index in Document.Tokens of the syntactic head; -1 for the root
	Deprel            string // UD relation to the head
}

// Span is a half-open range [Start, End) of token indices with a label.
type Span struct {
	Start, End int
	Label      string
}

// Document is the text of one article and every layer of analysis over it.
// Each stage adds its layer; none re-tokenises.
type Document struct {
	Text      string
	Tokens    []Token
	Multiword []Span // surface tokens of two or more words, in order
	Sentences []Span // sentences as token ranges, in order, covering every token
	// Entities are named entities (PER, ORG, LOC, MISC) and quantities
	// (MONEY, PERCENT, QUANTITY, COUNT) as token ranges, in order.
	Entities []Span
}

// Bytes returns the byte range of a token span in Text.
func (d *Document) Bytes(s Span) (start, end int) {
	if s.End <= s.Start {
		return 0, 0
	}
	return d.Tokens[s.Start].Start, d.Tokens[s.End-1].End
}

// SpanText returns the verbatim text of a token span.
func (d *Document) SpanText(s Span) string {
	start, end := d.Bytes(s)
	return d.Text[start:end]
}

// SurfaceToken is a token as written in the text: a single word, or a
// multiword token together with its words.
type SurfaceToken struct {
	Start, End int // byte offsets
	Words      Span
}

// SurfaceTokens lists the surface tokens of a sentence (or any span) in
// order, grouping the words of multiword tokens.
func (d *Document) SurfaceTokens(s Span) []SurfaceToken {
	out := make([]SurfaceToken, 0, s.End-s.Start)
	m := d.firstMultiwordFrom(s.Start)
	for i := s.Start; i < s.End; {
		if m < len(d.Multiword) && d.Multiword[m].Start == i && d.Multiword[m].End <= s.End {
			mw := d.Multiword[m]
			out = append(out, SurfaceToken{d.Tokens[mw.Start].Start, d.Tokens[mw.End-1].End, Span{Start: mw.Start, End: mw.End}})
			i = mw.End
			m++
			continue
		}
		out = append(out, SurfaceToken{d.Tokens[i].Start, d.Tokens[i].End, Span{Start: i, End: i + 1}})
		i++
	}
	return out
}

// firstMultiwordFrom returns the index of the first multiword span starting
// at or after token i.
func (d *Document) firstMultiwordFrom(i int) int {
	lo, hi := 0, len(d.Multiword)
	for lo < hi {
		mid := (lo + hi) / 2
		if d.Multiword[mid].Start < i {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// New tokenises text and splits it into sentences.
func New(text string) *Document {
	d, _ := NewContext(context.Background(), text) // never done
	return d
}

// NewContext is New that gives up when ctx is done, so that the analysis
// of a long text can be cancelled while it is tokenised.
func NewContext(ctx context.Context, text string) (*Document, error) {
	toks, mws, err := tokenize(ctx, text)
	if err != nil {
		return nil, err
	}
	d := &Document{Text: text, Tokens: toks, Multiword: mws}
	d.Sentences = SplitSentences(text, d.Tokens, d.Multiword)
	return d, nil
}

// SentenceOf returns the sentence that holds token tok (the sentences are
// in order and do not overlap), found by binary search; ok is false when no
// sentence holds it.
func (d *Document) SentenceOf(tok int) (s Span, ok bool) {
	k := sort.Search(len(d.Sentences), func(k int) bool { return d.Sentences[k].End > tok })
	if k < len(d.Sentences) && d.Sentences[k].Start <= tok {
		return d.Sentences[k], true
	}
	return Span{}, false
}

// GivenToken is a surface token supplied by pre-tokenised input.
type GivenToken struct {
	Form       string
	Words      []string // the token's words; empty or one for an ordinary token
	SpaceAfter bool
}

// FromGiven builds a Document over text from a tokenisation supplied by the
// input (CoNLL, CoNLL-U), keeping its tokens and sentences as given. Each
// surface token is located in text by searching forward from the previous
// one; a token that cannot be found gets an empty span at the current
// position, so that no token is lost.
func FromGiven(text string, sentences [][]GivenToken) *Document {
	d := &Document{Text: text}
	pos := 0
	for _, sent := range sentences {
		first := len(d.Tokens)
		for _, gt := range sent {
			start, end := locate(text, pos, gt.Form)
			if end > start {
				pos = end
			}
			words := gt.Words
			if len(words) <= 1 {
				d.Tokens = append(d.Tokens, Token{Start: start, End: end, Form: gt.Form, SpaceAfter: gt.SpaceAfter, Head: -1})
				continue
			}
			mw := Span{Start: len(d.Tokens), End: len(d.Tokens) + len(words)}
			// Words that spell the surface token exactly get their own
			// offsets; otherwise each word spans the whole token.
			exact := strings.Join(words, "") == text[start:end]
			at := start
			for i, w := range words {
				t := Token{Start: start, End: end, Form: w, Head: -1}
				if exact {
					t.Start, t.End = at, at+len(w)
					at += len(w)
				}
				if i == len(words)-1 {
					t.SpaceAfter = gt.SpaceAfter
				}
				d.Tokens = append(d.Tokens, t)
			}
			d.Multiword = append(d.Multiword, mw)
		}
		if len(d.Tokens) > first {
			d.Sentences = append(d.Sentences, Span{Start: first, End: len(d.Tokens)})
		}
	}
	return d
}

// locate finds form in text at or after pos, skipping only whitespace; it
// falls back to a search further ahead, then to an empty span at pos.
func locate(text string, pos int, form string) (int, int) {
	i := pos
	for i < len(text) && isSpaceByte(text[i]) {
		i++
	}
	if strings.HasPrefix(text[i:], form) {
		return i, i + len(form)
	}
	if j := strings.Index(text[pos:], form); j >= 0 && form != "" {
		return pos + j, pos + j + len(form)
	}
	return i, i
}

func isSpaceByte(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v'
}
