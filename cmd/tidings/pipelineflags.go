package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"tidings/ingest"
	"tidings/kb"
	"tidings/pipeline"
)

// pipelineFlags are the flags that configure the analysis, shared by
// analyze, ingest, worker and serve so that each has one meaning and one
// help text everywhere.
type pipelineFlags struct {
	kbFiles     []string
	tagModel    string
	events      bool
	eventsDicts []string
	published   string
}

// register adds --kb, --tag-model, --events and --events-dict to c.
// Events are on by default everywhere: they are much of what tidings is
// for, and only the sentences an event may come from are parsed for them.
func (f *pipelineFlags) register(c *cobra.Command) {
	fl := c.Flags()
	fl.StringArrayVar(&f.kbFiles, "kb", nil, "extra knowledge-base entities: a tab-separated file with the header "+strings.Join(kb.ExtensionColumns, " ")+" (repeatable)")
	fl.StringVar(&f.tagModel, "tag-model", "", "a tag model directory from 'tidings train tags': the tag line then uses its archive's vocabulary")
	fl.BoolVar(&f.events, "events", true, "code events; --events=false skips them and the dependency parse they need (analysis about a fifth faster)")
	fl.StringArrayVar(&f.eventsDicts, "events-dict", nil, "extra event dictionaries: patterns, classes, agents or actor codes in the format of events/data, or PETRARCH's verb, actor, agent or discard dictionaries, told apart by content (see README; repeatable)")
}

// registerPublished adds --published to c.
func (f *pipelineFlags) registerPublished(c *cobra.Command) {
	c.Flags().StringVar(&f.published, "published", "", "publication date (YYYY-MM-DD or RFC 3339) for articles whose input gives none")
}

// pipeline builds the pipeline the flags describe. needParse parses every
// sentence, with or without --events (CoNLL-U output shows the parse);
// otherwise only event coding reads the parse, so only the sentences an
// event may come from are parsed, and none without --events.
func (f *pipelineFlags) pipeline(needParse bool) (*pipeline.Pipeline, error) {
	pub, err := f.publishedDate()
	if err != nil {
		return nil, err
	}
	p, err := pipeline.NewWith(pipeline.Options{KBFiles: f.kbFiles, TagModel: f.tagModel, Shallow: !f.events && !needParse, ParseAll: needParse, EventsDicts: f.eventsDicts})
	if err != nil {
		return nil, err
	}
	p.DefaultPublished = pub
	return p, nil
}

// publishedDate is --published; "" is the zero time.
func (f *pipelineFlags) publishedDate() (time.Time, error) {
	if f.published == "" {
		return time.Time{}, nil
	}
	t, err := ingest.ParseDate(f.published)
	if err != nil {
		return time.Time{}, usageError{fmt.Errorf("--published: %w (want YYYY-MM-DD or RFC 3339)", err)}
	}
	return t, nil
}
