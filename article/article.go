// Package article defines the unit that readers produce and the pipeline
// analyses: one news item with its metadata, before any analysis.
package article

import "time"

// Article is one news item as read from a source.
type Article struct {
	ID        string
	URL       string
	Title     string
	Body      string
	Published time.Time // zero when the source does not say
	Source    string    // publisher, feed or file the article came from
	GoldTags  []string  // editorial tags carried by the input; never analysed

	// Origin names where the article was read ("path", "path:line", a URL),
	// so that messages about it can point at it.
	Origin string

	// Given holds the tokens and sentences of pre-tokenised input (CoNLL,
	// CoNLL-U); nil for raw text, which the engine tokenises itself.
	Given *Tokenization
}

// Tokenization is a tokenisation given by the input, kept as given.
type Tokenization struct {
	// Preamble holds input lines that precede the first sentence and must be
	// written back unchanged (CoNLL's "-DOCSTART-" line and its blank line).
	Preamble  []string
	Sentences []Sentence
}

// Sentence is one given sentence.
type Sentence struct {
	ID       string   // CoNLL-U "# sent_id", if any
	Text     string   // CoNLL-U "# text", if any
	Comments []string // every comment line, verbatim, without the leading "# "
	NewPar   bool     // the sentence starts a paragraph ("# newpar")
	Tokens   []Token
}

// Token is one surface token; a multiword token ("don't") has several Words.
type Token struct {
	Form       string
	SpaceAfter bool
	Words      []Word // exactly one for an ordinary token
	// Columns holds the input line's columns for formats whose lines are
	// written back with a prediction appended (CoNLL-2003).
	Columns []string
}

// Word is a syntactic word with its CoNLL-U annotation, empty where the
// input has none ("_").
type Word struct {
	Form, Lemma, UPOS, XPOS, Feats string
	Head                           int // 0 for the root, -1 when not given
	Deprel, Deps, Misc             string
}

// HasTitle reports whether the analysed text starts with a title.
func (a *Article) HasTitle() bool { return a.Title != "" }

// Text is the exact string that is analysed: the title, a blank line and the
// body; or the body alone when there is no title.
func (a *Article) Text() string {
	if a.Title == "" {
		return a.Body
	}
	return a.Title + "\n\n" + a.Body
}
