// Package pipeline wires the analysis stages into one call:
// Analyze(ctx, article) -> Analysis.
package pipeline

import (
	"cmp"
	"context"
	"errors"
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

// Pipeline runs the analysis stages. It holds only read-only models, so one
// Pipeline is safe for concurrent use.
type Pipeline struct {
	// DefaultPublished is used for articles whose source gives no date.
	DefaultPublished time.Time

	syntax *annotate.Models
	events *events.Coder // nil when events are disabled
	stages []Stage       // in order
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
	// and with it event coding, which reads the parse: a shorthand for
	// Disable: parse, events.
	Shallow bool
	// Disable names layers not to make (see Layers), as spaCy's disable=:
	// their stages do not run. A stage that needs a disabled layer must be
	// disabled too, or NewWith fails saying so.
	Disable []string
	// EventsDicts extend the event coder's dictionaries (events.LoadDictionary).
	EventsDicts []string
	// EventsMerge says how EventsDicts combine with the shipped
	// dictionaries (events.MergeOver, the zero value, adds them on top).
	EventsMerge events.Merge
	// ModelDir, when set, is a model directory (as annotate/models) to use
	// instead of the shipped models: a trained candidate under test.
	ModelDir string
	// ParseAll parses every sentence. Otherwise, as only event coding
	// reads the parse, a sentence that no event can come from
	// (events.Coder.MayCode) is not parsed: its tokens keep no head.
	// CoNLL-U output, which shows the parse, sets it.
	ParseAll bool
}

// NewWith returns a pipeline with the shipped models and the knowledge
// base extended as opt says.
func NewWith(opt Options) (*Pipeline, error) {
	k, err := kb.LoadWith(opt.KBFiles...)
	if err != nil {
		return nil, fmt.Errorf("loading the knowledge base: %w", err)
	}
	m, err := LoadModelsWith(opt.ModelDir, k)
	if err != nil {
		return nil, err
	}
	bg, err := tags.ShippedBackground()
	if err != nil {
		return nil, err
	}
	if m.NER != nil {
		m.NER.UseTitles(bg.Roles()) // "Chancellor Merz" is Merz
	}
	disable := slices.Clone(opt.Disable)
	if opt.Shallow {
		disable = append(disable, ParseLayer, EventsLayer)
	}
	c := stageConfig{models: m, linker: link.NewWith(k, link.Options{CommonWord: m.CommonWord}), dates: dates.New(), tagger: tags.New(k, tags.Options{Background: bg}), disable: disable, parseAll: opt.ParseAll}
	if !slices.Contains(disable, EventsLayer) {
		d, err := events.LoadDictionaryWith(events.LoadOptions{Files: opt.EventsDicts, Merge: opt.EventsMerge})
		if err != nil {
			return nil, err
		}
		c.coder = events.New(d, k)
	}
	if opt.TagModel != "" && !slices.Contains(disable, TagsLayer) {
		if c.model, err = tags.Load(opt.TagModel); err != nil {
			return nil, fmt.Errorf("--tag-model %s: %w", opt.TagModel, err)
		}
	}
	st, err := stages(c)
	if err != nil {
		return nil, err
	}
	return &Pipeline{syntax: m, events: c.coder, stages: st}, nil
}

// EventsDictionary returns the event coder's dictionary, nil when events
// are disabled.
func (p *Pipeline) EventsDictionary() *events.Dictionary {
	if p.events == nil {
		return nil
	}
	return p.events.Dictionary()
}

// Stages returns the names of the stages the pipeline runs, in order.
func (p *Pipeline) Stages() []string {
	out := make([]string, len(p.stages))
	for i, st := range p.stages {
		out[i] = st.Name()
	}
	return out
}

// LoadModels loads the annotation models from dir (the shipped ones when
// dir is ""), with the knowledge base's names as the recogniser's
// gazetteer.
func LoadModels(dir string) (*annotate.Models, error) {
	k, err := kb.Load()
	if err != nil {
		return nil, fmt.Errorf("loading the knowledge base: %w", err)
	}
	return LoadModelsWith(dir, k)
}

// LoadModelsWith is LoadModels with a knowledge base already loaded.
func LoadModelsWith(dir string, k *kb.KB) (*annotate.Models, error) {
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
	if m.NER != nil {
		m.NER.UseNationalTeams(NationalTeams(k))
	}
	return m, nil
}

// NationalTeams returns the names and aliases of the knowledge base's
// national football teams (which the gazetteer leaves out: link only).
func NationalTeams(k *kb.KB) []string {
	var out []string
	for _, e := range k.OfKind(kb.KindNationalTeam) {
		out = append(out, e.Name)
		out = append(out, e.Aliases...)
	}
	return out
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
	return p.run(ctx, &Analysis{Article: a, Published: a.Published, Doc: doc})
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
	return p.run(ctx, &Analysis{Article: a, Published: a.Published, Doc: GoldDocument(a), given: true})
}

// run runs the stages in order over an, checking ctx before each, so that
// a cancelled analysis ends within one stage's time (or sooner, for the
// stages that check it themselves).
func (p *Pipeline) run(ctx context.Context, an *Analysis) (*Analysis, error) {
	for _, st := range p.stages {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("analyze %s: %w", an.Article.Origin, err)
		}
		if err := st.Run(ctx, an); err != nil {
			if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
				return nil, fmt.Errorf("analyze %s: %w", an.Article.Origin, err)
			}
			return nil, fmt.Errorf("analyze %s: %s: %w", an.Article.Origin, st.Name(), err)
		}
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
