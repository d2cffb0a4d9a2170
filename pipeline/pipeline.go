// Package pipeline wires the analysis stages into one call:
// Analyze(ctx, article) -> Analysis.
package pipeline

import (
	"context"
	"fmt"
	"time"

	"tidings/article"
	"tidings/text"
)

// Analysis is everything tidings knows about one article.
type Analysis struct {
	Article article.Article
	Doc     *text.Document
}

// Pipeline runs the analysis stages. It holds only read-only models, so one
// Pipeline is safe for concurrent use.
type Pipeline struct {
	// DefaultPublished is used for articles whose source gives no date.
	DefaultPublished time.Time
}

// New returns a pipeline with the built-in models.
func New() *Pipeline { return &Pipeline{} }

// Analyze runs every stage over one article.
func (p *Pipeline) Analyze(ctx context.Context, a article.Article) (*Analysis, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("analyze %s: %w", a.Origin, err)
	}
	if a.Published.IsZero() {
		a.Published = p.DefaultPublished
	}
	return &Analysis{Article: a, Doc: Document(a)}, nil
}

// Document returns the tokenised text of an article: the engine's own
// tokens and sentences, or those the input gave (CoNLL, CoNLL-U).
func Document(a article.Article) *text.Document {
	if a.Given == nil {
		return text.New(a.Text())
	}
	sents := make([][]text.GivenToken, len(a.Given.Sentences))
	for i, s := range a.Given.Sentences {
		toks := make([]text.GivenToken, len(s.Tokens))
		for j, t := range s.Tokens {
			gt := text.GivenToken{Form: t.Form, SpaceAfter: t.SpaceAfter}
			if len(t.Words) > 1 {
				gt.Words = make([]string, len(t.Words))
				for k, w := range t.Words {
					gt.Words[k] = w.Form
				}
			}
			toks[j] = gt
		}
		sents[i] = toks
	}
	return text.FromGiven(a.Text(), sents)
}
