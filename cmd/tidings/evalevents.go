package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"tidings/article"
	"tidings/eval"
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
	var gold string
	var show, givenParse bool
	var dicts []string
	var modelDir string
	c := &cobra.Command{
		Use:   "events --gold F.xml [--show]",
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
JSON.`,
		Example: "  tidings eval events --gold ../shared/data/events/PETR2_GSR_validation.xml",
		Args:    argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if gold == "" {
				return usagef("eval events: --gold F.xml is required")
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
			p, err := pipeline.NewWith(pipeline.Options{EventsDicts: dicts, ModelDir: modelDir})
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
			for _, l := range []struct {
				name string
				s    eval.PRF
			}{{"full code", r.Full}, {"root", r.Root}, {"country+root", r.Country}} {
				fmt.Fprintf(out, "%-13s P %.4f  R %.4f  F1 %.4f  (gold %d, system %d, correct %d)\n", l.name, l.s.Precision, l.s.Recall, l.s.F1, l.s.Gold, l.s.System, l.s.Correct)
			}
			return printJSON(out, r)
		},
	}
	c.Flags().StringVar(&gold, "gold", "", "PETRARCH validation XML file")
	c.Flags().BoolVar(&show, "show", false, "print each sentence with its gold and system events")
	c.Flags().BoolVar(&givenParse, "given-parse", false, "use each record's own tokens, tags and dependency parse instead of tidings' tokeniser, tagger and parser")
	c.Flags().StringVar(&modelDir, "model", "", "model directory for the tagger, parser and recogniser (default: the shipped models)")
	c.Flags().StringSliceVar(&dicts, "events-dict", nil, "extra event dictionary `FILE`s (the format of events/data; repeatable)")
	return c
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
