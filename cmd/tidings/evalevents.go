package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"tidings/article"
	"tidings/eval"
	"tidings/events"
	"tidings/ingest"
	"tidings/pipeline"
)

// eventsResult is eval events' JSON line.
type eventsResult struct {
	Sentences int      `json:"sentences"`
	Full      eval.PRF `json:"full_code"`    // source, target and the whole code
	Root      eval.PRF `json:"root_code"`    // source, target and the two-digit root
	Country   eval.PRF `json:"country_root"` // actors' first three letters and the root
}

// MarshalJSON keeps the line as it has always been: each level's counts
// and figures under their Go names ("Gold", ..., "F1").
func (r eventsResult) MarshalJSON() ([]byte, error) {
	type level struct {
		Gold, System, Correct int
		Precision, Recall, F1 float64
	}
	return json.Marshal(struct {
		Sentences int   `json:"sentences"`
		Full      level `json:"full_code"`
		Root      level `json:"root_code"`
		Country   level `json:"country_root"`
	}{r.Sentences, level(r.Full), level(r.Root), level(r.Country)})
}

func newEvalEvents() *cobra.Command {
	var gold, set string
	var show, givenParse bool
	var dicts []string
	var modelDir, merge string
	c := &cobra.Command{
		Use:   "events (--gold F.xml | --set F.jsonl) [--show]",
		Short: "Score event coding against a PETRARCH validation file",
		Long: `Score CAMEO event coding against a PETRARCH validation file (<Sentence date id>, <Text>,
<EventCoding sourcecode targetcode eventcode>, noevents): each sentence's text is analysed from raw
text as one article published on the sentence's date, and its coded (source, target, code) tuples are
matched one to one with the gold ones. Precision is over the system's tuples, recall over the
gold's, at three levels: the full code, the two-digit root, and the root with the actors cut to
their first three letters (country or organisation). An absent actor is "---". The gold's own
parse is not used unless --given-parse, which keeps the record's tokens, tags and dependency parse
(its <Parse> block) and runs the later stages over them: the coder apart from tidings' own parser.
--show prints each sentence with its gold and system events. The last line is
JSON.

--events-dict takes tidings' own dictionary files and PETRARCH's (a CAMEO verb dictionary such as
CAMEO.2.0.txt, Phoenix actor, agent, discard and issue dictionaries), told apart by content; what
each file gave is written to stderr. --events-dict-merge says how they combine with the shipped
dictionaries: over (default: a file's pattern wins a tie), under (the shipped one wins), fill (a
file's patterns only for triggers the shipped dictionary lacks) or replace (the files' patterns,
agents and actor codes instead of the shipped ones: a dictionary measured alone).

With --set FILE, an event test set written for this repository is scored instead
(events/testdata/news-events.jsonl: JSON lines with id, class, published, text and the expected
events, each with source, target, cameo, plover, dead and injured): the same three levels, and per
class the sentences that pass (the system's events are the gold ones at the root level, one for one,
with the gold's casualty counts; a sentence that must code nothing passes when nothing is coded).`,
		Example: "  tidings eval events --gold ../shared/data/events/PETR2_GSR_validation.xml\n  tidings eval events --set events/testdata/news-events.jsonl --show",
		Args:    argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			m, err := events.ParseMerge(merge)
			if err != nil {
				return usagef("eval events: --events-dict-merge: %v", err)
			}
			opt := pipeline.Options{EventsDicts: dicts, EventsMerge: m, ModelDir: modelDir}
			if set != "" {
				if gold != "" || givenParse {
					return usagef("eval events: --set takes neither --gold nor --given-parse")
				}
				return evalEventSet(cmd, set, opt, show)
			}
			if gold == "" {
				return usagef("eval events: --gold F.xml or --set F.jsonl is required")
			}
			f, err := os.Open(gold)
			if err != nil {
				return inputError{fmt.Errorf("gold: %w", err)}
			}
			sents, err := eval.ReadPetrarch(f, gold)
			f.Close()
			if err != nil {
				return inputError{err}
			}
			p, err := newEventsPipeline(cmd, opt)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			var r eventsResult
			for _, s := range sents {
				a := article.Article{ID: s.ID, Origin: gold + "#" + s.ID, Body: s.Text, Published: s.Date}
				analyze := p.Analyze
				if givenParse && s.Parse != "" {
					if a, err = givenArticle(cmd.Context(), a, s.Parse); err != nil {
						return inputError{err}
					}
					analyze = p.AnalyzeGiven
				}
				an, err := analyze(cmd.Context(), a)
				if err != nil {
					return err
				}
				var sys []eval.EventTuple
				for _, e := range an.Events {
					sys = append(sys, eval.EventTuple{Source: e.Source.Code, Target: e.Target.Code, Code: e.Code.Code})
				}
				r.Sentences++
				before := r.Root.Correct
				eval.ScoreEvents(&r.Full, eval.FullCode, s.Events, sys)
				eval.ScoreEvents(&r.Root, eval.RootCode, s.Events, sys)
				eval.ScoreEvents(&r.Country, eval.CountryRoot, s.Events, sys)
				if show {
					mark := "ok"
					if r.Root.Correct-before != max(len(sys), len(s.Events)) {
						mark = "--"
					}
					fmt.Fprintf(out, "%s %s: %s\n", mark, s.ID, s.Text)
					fmt.Fprintf(out, "     gold:   %s\n", tuples(s.Events))
					fmt.Fprintf(out, "     system: %s\n", tuples(sys))
				}
			}
			printLevels(out, r.Full, r.Root, r.Country)
			return printJSON(out, r)
		},
	}
	c.Flags().StringVar(&gold, "gold", "", "PETRARCH validation XML file")
	c.Flags().StringVar(&set, "set", "", "an event test set (JSON lines; see events/testdata/NEWS-EVENTS.md)")
	c.Flags().BoolVar(&show, "show", false, "print each sentence with its gold and system events")
	c.Flags().BoolVar(&givenParse, "given-parse", false, "use each record's own tokens, tags and dependency parse instead of tidings' tokeniser, tagger and parser")
	c.Flags().StringVar(&modelDir, "model", "", "model directory for the tagger, parser and recogniser (default: the shipped models)")
	c.Flags().StringSliceVar(&dicts, "events-dict", nil, "extra event dictionary `FILE`s: the format of events/data, or PETRARCH's verb, actor, agent, discard or issue dictionaries (repeatable)")
	c.Flags().StringVar(&merge, "events-dict-merge", "over", "how --events-dict files combine with the shipped dictionaries: over, under, fill or replace")
	return c
}

// eventSetResult is eval events --set's JSON line.
type eventSetResult struct {
	Set        string                 `json:"set"`
	Sentences  int                    `json:"sentences"`
	Passed     int                    `json:"passed"`
	Nothing    eval.Ratio             `json:"nothing"`    // sentences that must code nothing and code nothing
	Casualties eval.Ratio             `json:"casualties"` // matched events with the gold's counts
	Full       eval.PRF               `json:"full_code"`
	Root       eval.PRF               `json:"root_code"`
	Country    eval.PRF               `json:"country_root"`
	Classes    map[string]*eval.Ratio `json:"classes"` // sentences passed of each class
}

// newEventsPipeline builds the pipeline eval events scores and writes to
// stderr what each extra dictionary file gave.
func newEventsPipeline(cmd *cobra.Command, opt pipeline.Options) (*pipeline.Pipeline, error) {
	p, err := pipeline.NewWith(opt)
	if err != nil {
		return nil, err
	}
	if d := p.EventsDictionary(); d != nil {
		for _, st := range d.Stats() {
			line, _ := json.Marshal(st)
			fmt.Fprintf(cmd.ErrOrStderr(), "events dictionary (merge %s): %s\n", opt.EventsMerge, line)
		}
	}
	return p, nil
}

func evalEventSet(cmd *cobra.Command, path string, opt pipeline.Options, show bool) error {
	cases, err := readSet(path, eval.ReadEventSet)
	if err != nil {
		return err
	}
	p, err := newEventsPipeline(cmd, opt)
	if err != nil {
		return err
	}
	out := cmd.OutOrStdout()
	r := eventSetResult{Set: path, Classes: map[string]*eval.Ratio{}}
	for _, c := range cases {
		a := article.Article{ID: c.ID, Origin: fmt.Sprintf("%s:%d", path, c.Line), Body: c.Text, Published: c.Date}
		an, err := p.Analyze(cmd.Context(), a)
		if err != nil {
			return err
		}
		var sys []eval.SystemEvent
		var tuples []eval.EventTuple
		for _, e := range an.Events {
			t := eval.EventTuple{Source: e.Source.Code, Target: e.Target.Code, Code: e.Code.Code}
			sys = append(sys, eval.SystemEvent{EventTuple: t, Dead: e.Dead, Injured: e.Injured})
			tuples = append(tuples, t)
		}
		var gold []eval.EventTuple
		for _, g := range c.Events {
			gold = append(gold, g.Tuple())
		}
		eval.ScoreEvents(&r.Full, eval.FullCode, gold, tuples)
		eval.ScoreEvents(&r.Root, eval.RootCode, gold, tuples)
		eval.ScoreEvents(&r.Country, eval.CountryRoot, gold, tuples)
		res := eval.ScoreEventCase(c.Events, sys)
		r.Sentences++
		cl := r.Classes[c.Class]
		if cl == nil {
			cl = &eval.Ratio{}
			r.Classes[c.Class] = cl
		}
		cl.Of++
		r.Casualties.Of += res.Matched
		r.Casualties.N += res.Casualties
		if len(c.Events) == 0 {
			r.Nothing.Of++
		}
		if res.Pass {
			r.Passed++
			cl.N++
			if len(c.Events) == 0 {
				r.Nothing.N++
			}
		}
		if show {
			mark := "ok"
			if !res.Pass {
				mark = "--"
			}
			fmt.Fprintf(out, "%s %s %s: %s\n", mark, c.ID, c.Class, c.Text)
			fmt.Fprintf(out, "     gold:   %s\n", casualtyTuples(c.Events))
			fmt.Fprintf(out, "     system: %s\n", systemTuples(sys))
		}
	}
	fmt.Fprintf(out, "set %s: %d sentences, %d pass (the system's events are the gold's at the root level, with their casualties)\n", path, r.Sentences, r.Passed)
	for _, name := range slices.Sorted(maps.Keys(r.Classes)) {
		cl := r.Classes[name]
		fmt.Fprintf(out, "class %-20s %2d of %2d pass\n", name, cl.N, cl.Of)
	}
	fmt.Fprintf(out, "must code nothing: %d of %d code nothing; casualties right on %d of %d matched events\n", r.Nothing.N, r.Nothing.Of, r.Casualties.N, r.Casualties.Of)
	printLevels(out, r.Full, r.Root, r.Country)
	return printJSON(out, r)
}

// printLevels writes the three levels of an event score.
func printLevels(out io.Writer, full, root, country eval.PRF) {
	for _, l := range []struct {
		name string
		s    eval.PRF
	}{{"full code", full}, {"root", root}, {"country+root", country}} {
		fmt.Fprintf(out, "%-13s P %.4f  R %.4f  F1 %.4f  (gold %d, system %d, correct %d)\n", l.name, l.s.Precision, l.s.Recall, l.s.F1, l.s.Gold, l.s.System, l.s.Correct)
	}
}

func casualtyTuples(es []eval.GoldEvent) string {
	var s []eval.SystemEvent
	for _, e := range es {
		s = append(s, eval.SystemEvent{EventTuple: e.Tuple(), Dead: e.Dead, Injured: e.Injured})
	}
	return systemTuples(s)
}

func systemTuples(es []eval.SystemEvent) string {
	if len(es) == 0 {
		return "(none)"
	}
	var parts []string
	for _, e := range es {
		p := fmt.Sprintf("%s %s->%s", e.Code, orDash(e.Source), orDash(e.Target))
		if e.Dead > 0 || e.Injured > 0 {
			p += fmt.Sprintf(" (dead %d, injured %d)", e.Dead, e.Injured)
		}
		parts = append(parts, p)
	}
	slices.Sort(parts)
	return strings.Join(parts, "; ")
}

// givenArticle reads a record's CoNLL-U parse into the article, keeping
// its date and id.
func givenArticle(ctx context.Context, a article.Article, conllu string) (article.Article, error) {
	for g, err := range ingest.Read(ctx, a.Origin, strings.NewReader(conllu), ingest.CoNLLU, ingest.Options{}) {
		if err != nil {
			return a, err
		}
		g.ID, g.Origin, g.Published = a.ID, a.Origin, a.Published
		if g.Given != nil {
			for si := range g.Given.Sentences {
				udv2(g.Given.Sentences[si].Tokens)
			}
		}
		return g, nil
	}
	return a, fmt.Errorf("%s: empty parse", a.Origin)
}

// udv2 renames the Universal Dependencies v1 labels that the PETRARCH
// files' parses use to the v2 ones that tidings' parser writes (and the
// event coder reads): nsubjpass -> nsubj:pass, dobj -> obj, a verb's nmod
// -> obl, CONJ -> CCONJ, ...
func udv2(toks []article.Token) {
	var words []*article.Word
	for ti := range toks {
		for wi := range toks[ti].Words {
			words = append(words, &toks[ti].Words[wi])
		}
	}
	rename := map[string]string{"nsubjpass": "nsubj:pass", "auxpass": "aux:pass", "csubjpass": "csubj:pass",
		"dobj": "obj", "neg": "advmod", "name": "flat", "mwe": "fixed", "nmod:tmod": "obl:tmod", "nmod:npmod": "obl:npmod"}
	for _, w := range words {
		if r, ok := rename[w.Deprel]; ok {
			w.Deprel = r
		}
		if w.UPOS == "CONJ" {
			w.UPOS = "CCONJ"
		}
	}
	for _, w := range words {
		if w.Deprel == "nmod" && w.Head > 0 && w.Head <= len(words) {
			switch words[w.Head-1].UPOS {
			case "VERB", "AUX", "ADJ", "ADV":
				w.Deprel = "obl"
			}
		}
	}
}

func tuples(ts []eval.EventTuple) string {
	if len(ts) == 0 {
		return "(none)"
	}
	var parts []string
	for _, t := range ts {
		parts = append(parts, fmt.Sprintf("%s %s->%s", t.Code, orDash(t.Source), orDash(t.Target)))
	}
	slices.Sort(parts)
	return strings.Join(parts, "; ")
}

func orDash(s string) string {
	if s == "" {
		return "---"
	}
	return s
}
