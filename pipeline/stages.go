package pipeline

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"tidings/annotate"
	"tidings/article"
	"tidings/dates"
	"tidings/events"
	"tidings/link"
	"tidings/tags"
	"tidings/text"
)

// Analysis is everything tidings knows about one article. The stages
// fill it in order, each reading what the stages before it wrote.
type Analysis struct {
	Article   article.Article
	Published time.Time // the article's publication date, or the pipeline's default
	Doc       *text.Document
	Entities  []link.Entity      // named entities, grouped and linked
	Dates     []dates.Expression // time expressions, normalised
	Tags      []tags.Tag         // the ranked tag line
	Events    []events.Event     // coded events (empty when the parse is skipped)

	// given says that Doc carries the input's own annotation (CoNLL-U
	// lemmas, tags and parse), which annotate keeps.
	given bool
}

// Stage is one step of analysis: it reads the layers its Needs name from
// the Analysis and adds its own, Name. Stages hold read-only models only,
// so one Stage is safe for concurrent use.
type Stage interface {
	Name() string
	Needs() []string
	Run(ctx context.Context, an *Analysis) error
}

// Layer names: each stage's Name, and ParseLayer, which the annotate
// stage adds unless it is disabled. Options.Disable takes these names.
const (
	AnnotateLayer = "annotate" // POS tags, lemmas, named entities and quantities
	ParseLayer    = "parse"    // the dependency parse (Head, Deprel)
	EntitiesLayer = "entities" // entities grouped, coreferred and linked to the KB
	DatesLayer    = "dates"    // time expressions, normalised
	EventsLayer   = "events"   // CAMEO events, from the parse
	TagsLayer     = "tags"     // the tag line
)

// Layers lists the layer names, in the order analysis adds them.
func Layers() []string {
	return []string{AnnotateLayer, ParseLayer, EntitiesLayer, DatesLayer, EventsLayer, TagsLayer}
}

// stageConfig is what the stages are made from.
type stageConfig struct {
	models  *annotate.Models
	linker  *link.Linker
	dates   *dates.Resolver
	coder   *events.Coder // nil when events are disabled
	tagger  *tags.Tagger
	model   *tags.Model // nil: the tag line comes from the linked entities
	disable []string
	// parseAll parses every sentence, not only those events may come from.
	parseAll bool
}

// stages returns the enabled stages in order, or an error when a name to
// disable is unknown or an enabled stage needs a disabled layer.
func stages(c stageConfig) ([]Stage, error) {
	for _, d := range c.disable {
		if !slices.Contains(Layers(), d) {
			return nil, fmt.Errorf("disable %q: no such layer (layers: %s)", d, strings.Join(Layers(), ", "))
		}
	}
	off := func(name string) bool { return slices.Contains(c.disable, name) }
	all := []Stage{
		annotateStage{models: c.models, parse: parseFilter(c, off)},
		linkStage{c.linker},
		datesStage{c.dates},
		eventsStage{c.coder},
		tagsStage{tagger: c.tagger, model: c.model},
	}
	var out []Stage
	var have []string
	for _, st := range all {
		if off(st.Name()) {
			continue
		}
		for _, need := range st.Needs() {
			if !slices.Contains(have, need) {
				return nil, fmt.Errorf("stage %s needs %s, which is disabled", st.Name(), need)
			}
		}
		out = append(out, st)
		have = append(have, st.Name())
		if a, ok := st.(annotateStage); ok && a.parse != nil {
			have = append(have, ParseLayer)
		}
	}
	return out, nil
}

// parseFilter says which sentences the annotate stage parses: none when
// the parse layer is off; those an event may come from when the parse
// serves only event coding; else all.
func parseFilter(c stageConfig, off func(string) bool) annotate.ParseFilter {
	switch {
	case off(ParseLayer):
		return nil
	case c.coder != nil && !off(EventsLayer) && !c.parseAll:
		return c.coder.MayCode
	}
	return annotate.ParseAll
}

// annotateStage tags, lemmatises, parses the sentences that parse admits
// (none when it is nil) and recognises entities and quantities; over a
// Document with given annotation it recognises entities only.
type annotateStage struct {
	models *annotate.Models
	parse  annotate.ParseFilter
}

func (annotateStage) Name() string    { return AnnotateLayer }
func (annotateStage) Needs() []string { return nil }
func (s annotateStage) Run(ctx context.Context, an *Analysis) error {
	if an.given {
		s.models.AnnotateEntities(an.Doc)
		return nil
	}
	return s.models.AnnotateParsing(ctx, an.Doc, s.parse)
}

// linkStage groups the entity mentions and links them to the KB.
type linkStage struct{ linker *link.Linker }

func (linkStage) Name() string    { return EntitiesLayer }
func (linkStage) Needs() []string { return []string{AnnotateLayer} }
func (s linkStage) Run(_ context.Context, an *Analysis) error {
	an.Entities = s.linker.Link(an.Doc, an.Published)
	return nil
}

// datesStage finds and normalises the time expressions.
type datesStage struct{ dates *dates.Resolver }

func (datesStage) Name() string    { return DatesLayer }
func (datesStage) Needs() []string { return []string{AnnotateLayer} }
func (s datesStage) Run(_ context.Context, an *Analysis) error {
	an.Dates = s.dates.Find(an.Doc, an.Published)
	return nil
}

// eventsStage codes the events of the parse.
type eventsStage struct{ coder *events.Coder }

func (eventsStage) Name() string    { return EventsLayer }
func (eventsStage) Needs() []string { return []string{ParseLayer, EntitiesLayer, DatesLayer} }
func (s eventsStage) Run(ctx context.Context, an *Analysis) error {
	evs, err := s.coder.CodeContext(ctx, an.Doc, an.Entities, an.Dates, an.Published)
	an.Events = evs
	return err
}

// tagsStage writes the tag line: from a learned model when there is one,
// else from the linked entities.
type tagsStage struct {
	tagger *tags.Tagger
	model  *tags.Model
}

func (tagsStage) Name() string    { return TagsLayer }
func (tagsStage) Needs() []string { return []string{EntitiesLayer} }
func (s tagsStage) Run(_ context.Context, an *Analysis) error {
	if s.model != nil {
		an.Tags = s.model.Predict(an.Doc, len(an.Article.Title), EntityFeatures(an.Entities))
		return nil
	}
	an.Tags = s.tagger.Suggest(an.Doc, len(an.Article.Title), an.Entities, an.Published)
	return nil
}
