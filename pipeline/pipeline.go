// Package pipeline wires the analysis stages into one call:
// Analyze(ctx, article) -> Analysis.
package pipeline

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"tidings/annotate"
	"tidings/article"
	"tidings/dates"
	"tidings/events"
	"tidings/kb"
	"tidings/link"
	"tidings/tags"
	"tidings/text"
)

// Analysis is everything tidings knows about one article.
type Analysis struct {
	Article  article.Article
	Doc      *text.Document
	Entities []link.Entity      // named entities, grouped and linked
	Dates    []dates.Expression // time expressions, normalised
	Tags     []tags.Tag         // the ranked tag line
	Events   []events.Event     // coded events (empty when the parse is skipped)
}

// Pipeline runs the analysis stages. It holds only read-only models, so one
// Pipeline is safe for concurrent use.
type Pipeline struct {
	// DefaultPublished is used for articles whose source gives no date.
	DefaultPublished time.Time

	syntax  *annotate.Models
	linker  *link.Linker
	dates   *dates.Resolver
	tagger  *tags.Tagger
	model   *tags.Model // nil: the tag line comes from the linked entities
	events  *events.Coder
	shallow bool
}

// New returns a pipeline with the shipped models and knowledge base.
func New() (*Pipeline, error) { return NewWith(Options{}) }

// Options configure a pipeline.
type Options struct {
	// KBFiles extend the knowledge base (kb.ExtensionColumns format).
	KBFiles []string
	// TagModel, when set, is a directory written by `tidings train tags`:
	// the tag line then comes from that archive's vocabulary.
	TagModel string
	// Shallow skips the dependency parse (HEAD and DEPREL stay empty),
	// and with it event coding, which reads the parse.
	Shallow bool
	// EventsDicts extend the event coder's dictionaries (events.LoadDictionary).
	EventsDicts []string
}

// NewWith returns a pipeline with the shipped models and the knowledge
// base extended as opt says.
func NewWith(opt Options) (*Pipeline, error) {
	k, err := kb.LoadWith(opt.KBFiles...)
	if err != nil {
		return nil, fmt.Errorf("loading the knowledge base: %w", err)
	}
	m, err := loadModels("", k)
	if err != nil {
		return nil, err
	}
	p := &Pipeline{syntax: m, linker: link.New(k), dates: dates.New(), tagger: tags.New(k, tags.Options{}), shallow: opt.Shallow}
	if !opt.Shallow {
		d, err := events.LoadDictionary(opt.EventsDicts...)
		if err != nil {
			return nil, err
		}
		p.events = events.New(d, k)
	}
	if opt.TagModel != "" {
		if p.model, err = tags.Load(opt.TagModel); err != nil {
			return nil, fmt.Errorf("--tag-model %s: %w", opt.TagModel, err)
		}
	}
	return p, nil
}

// LoadModels loads the annotation models from dir (the shipped ones when
// dir is ""), with the knowledge base's names as the recogniser's
// gazetteer.
func LoadModels(dir string) (*annotate.Models, error) {
	k, err := kb.Load()
	if err != nil {
		return nil, fmt.Errorf("loading the knowledge base: %w", err)
	}
	return loadModels(dir, k)
}

func loadModels(dir string, k *kb.KB) (*annotate.Models, error) {
	var m *annotate.Models
	var err error
	if dir == "" {
		m, err = annotate.Load()
	} else {
		m, err = annotate.LoadDir(dir)
	}
	if err != nil {
		return nil, fmt.Errorf("loading the models: %w", err)
	}
	if m.NER != nil && m.NER.WantsGazetteer() {
		m.NER.UseGazetteer(Gazetteer(k))
	}
	return m, nil
}

// KBGazetteer returns the knowledge base's names as a gazetteer for the
// named-entity recogniser.
func KBGazetteer() (*annotate.Gazetteer, error) {
	k, err := kb.Load()
	if err != nil {
		return nil, fmt.Errorf("loading the knowledge base: %w", err)
	}
	return Gazetteer(k), nil
}

// Gazetteer returns the names of k as a gazetteer.
func Gazetteer(k *kb.KB) *annotate.Gazetteer {
	names := k.Gazetteer()
	out := make([]annotate.GazetteerName, len(names))
	out = out[:0]
	for _, n := range names {
		if n.Type == "PER" && ambiguousShortName(n.Name) {
			continue
		}
		out = append(out, annotate.GazetteerName{Name: n.Name, Type: n.Type})
	}
	return annotate.NewGazetteer(out)
}

// Analyze runs every stage over one article.
func (p *Pipeline) Analyze(ctx context.Context, a article.Article) (*Analysis, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("analyze %s: %w", a.Origin, err)
	}
	if a.Published.IsZero() {
		a.Published = p.DefaultPublished
	}
	var doc *text.Document
	if a.Given == nil {
		var err error
		if doc, err = text.NewContext(ctx, a.Text()); err != nil {
			return nil, fmt.Errorf("analyze %s: %w", a.Origin, err)
		}
	} else {
		doc = Document(a)
	}
	if err := p.syntax.AnnotateContext(ctx, doc, !p.shallow); err != nil {
		return nil, fmt.Errorf("analyze %s: %w", a.Origin, err)
	}
	an, err := p.analyzeDocument(ctx, a, doc)
	if err != nil {
		return nil, fmt.Errorf("analyze %s: %w", a.Origin, err)
	}
	return an, nil
}

// AnalyzeGiven is Analyze for pre-tokenised input that carries its own
// lemmas, tags and dependency parse (CoNLL-U): they are kept, and the
// later stages (entities, linking, dates, events, tags) run over them.
func (p *Pipeline) AnalyzeGiven(ctx context.Context, a article.Article) (*Analysis, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("analyze %s: %w", a.Origin, err)
	}
	if a.Given == nil {
		return p.Analyze(ctx, a)
	}
	if a.Published.IsZero() {
		a.Published = p.DefaultPublished
	}
	doc := GoldDocument(a)
	p.syntax.AnnotateEntities(doc)
	an, err := p.analyzeDocument(ctx, a, doc)
	if err != nil {
		return nil, fmt.Errorf("analyze %s: %w", a.Origin, err)
	}
	return an, nil
}

// analyzeDocument runs the stages after annotation, checking ctx between
// them so that a cancelled analysis ends within one stage's time.
func (p *Pipeline) analyzeDocument(ctx context.Context, a article.Article, doc *text.Document) (*Analysis, error) {
	an := &Analysis{Article: a, Doc: doc}
	if p.linker != nil {
		an.Entities = p.linker.Link(doc, a.Published)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if p.dates != nil {
		an.Dates = p.dates.Find(doc, a.Published)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if p.events != nil {
		an.Events = p.events.Code(doc, an.Entities, an.Dates, a.Published)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	switch {
	case p.model != nil:
		an.Tags = p.model.Predict(a, EntityFeatures(an.Entities))
	case p.tagger != nil:
		an.Tags = p.tagger.Suggest(doc, an.Entities, a.Published)
	}
	return an, nil
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

// GoldDocument returns the given tokenisation of a pre-tokenised article
// with the annotation the input carries (lemma, tags, heads, relations),
// for scoring against it.
func GoldDocument(a article.Article) *text.Document {
	d := Document(a)
	if a.Given == nil {
		return d
	}
	k, si := 0, 0
	for _, s := range a.Given.Sentences {
		if len(s.Tokens) == 0 {
			continue
		}
		start := d.Sentences[si].Start
		si++
		for _, t := range s.Tokens {
			for _, w := range t.Words {
				tok := &d.Tokens[k]
				tok.Lemma, tok.UPOS, tok.XPOS, tok.Deprel = w.Lemma, w.UPOS, w.XPOS, w.Deprel
				tok.Head = -1
				if w.Head > 0 {
					tok.Head = start + w.Head - 1
				}
				k++
			}
		}
	}
	return d
}

// ambiguousShortName reports whether a one-word person name is too short
// or too common to mark a person by itself ("May", "Li", "Moon").
func ambiguousShortName(name string) bool {
	if strings.ContainsAny(name, " -") {
		return false
	}
	switch strings.ToLower(name) {
	case "may", "june", "april", "august", "march", "rice", "bush", "brown", "rich", "young", "king", "little", "major", "blair", "hunt", "fox", "cook", "park", "moon", "rose", "hope", "frank", "grant", "lee":
		return true
	}
	return len(name) <= 4
}

// EntityFeatures are the linked entities of an analysis as a tag model's
// features: each KB id, and the country of each place, person and body
// (a story about Almaty is filed under Kazakhstan too).
//
// The most salient linked entities count again under a "main:" prefix: a
// newsroom tags what a story is about, not every place it names.
func EntityFeatures(ents []link.Entity) []string {
	var out []string
	var linked []link.Entity
	for _, e := range ents {
		if !e.Linked() {
			continue
		}
		linked = append(linked, e)
		out = append(out, e.Entry.ID)
		if c := e.Entry.Country; c != "" && c != e.Entry.ID {
			out = append(out, c)
		}
	}
	slices.SortStableFunc(linked, func(a, b link.Entity) int { return cmp.Compare(b.Salience, a.Salience) })
	for _, e := range linked[:min(len(linked), mainEntities)] {
		out = append(out, "main:"+e.Entry.ID)
		if c := e.Entry.Country; c != "" && c != e.Entry.ID {
			out = append(out, "main:"+c)
		}
	}
	return out
}

// mainEntities is how many of an article's linked entities count as what
// it is about.
const mainEntities = 3
