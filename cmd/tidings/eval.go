package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"tidings/annotate"
	"tidings/article"
	"tidings/eval"
	"tidings/ingest"
	"tidings/pipeline"
	"tidings/text"
)

func newEval() *cobra.Command {
	c := &cobra.Command{
		Use:   "eval MODEL [flags]",
		Short: "Score a model against gold data; a JSON object on the last line",
		Args:  argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			return usagef("eval: name what to evaluate (see 'tidings eval --help')")
		},
	}
	c.AddCommand(newEvalTokens(), newEvalSyntax("pos"), newEvalSyntax("parse"), newEvalNER(), newEvalLink(), newEvalDates(), newEvalTags(), newEvalEvents())
	return c
}

func newEvalTokens() *cobra.Command {
	var gold string
	c := &cobra.Command{
		Use:   "tokens --gold FILE.conllu",
		Short: "Score tokenisation and sentence splitting from raw text against CoNLL-U gold",
		Long: `Score tokenisation and sentence splitting against CoNLL-U gold.

The raw text is rebuilt from the gold file (each sentence's "# text", sentences
joined by a space, paragraphs and documents by a blank line), tokenised by
tidings, and aligned with the gold tokens on the characters of that text, as
the CoNLL 2018 shared task scorer does. A token, word or sentence is correct
when its span matches exactly. Prints precision, recall and F1 for tokens,
words and sentences, then the same as a JSON object on the last line.`,
		Example: "  tidings eval tokens --gold ../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu",
		Args:    argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if gold == "" {
				return usagef("eval tokens: --gold FILE.conllu is required")
			}
			score, docs, err := scoreTokens(cmd, gold)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "gold %s: %d documents\n", gold, docs)
			for _, row := range []struct {
				name string
				prf  eval.PRF
			}{{"tokens", score.Tokens}, {"words", score.Words}, {"sentences", score.Sentences}} {
				printPRF(out, row.name, row.prf)
			}
			return printJSON(out, score)
		},
	}
	c.Flags().StringVar(&gold, "gold", "", "gold CoNLL-U file")
	return c
}

func scoreTokens(cmd *cobra.Command, gold string) (eval.Segmentation, int, error) {
	var score eval.Segmentation
	docs := 0
	err := eachArticle(cmd.Context(), gold, ingest.CoNLLU, func(a article.Article) {
		g := pipeline.Document(a)
		a.Given = nil
		score.AddSegmentation(g, text.New(a.Text()))
		docs++
	})
	return score, docs, err
}

func printPRF(w io.Writer, name string, p eval.PRF) {
	fmt.Fprintf(w, "%-10s P %.4f  R %.4f  F1 %.4f  (gold %d, system %d, correct %d)\n",
		name, p.Precision, p.Recall, p.F1, p.Gold, p.System, p.Correct)
}

// printJSON writes v as one line of JSON: the machine-readable last line.
func printJSON(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}

func newEvalSyntax(name string) *cobra.Command {
	var gold, modelDir string
	var raw bool
	what := map[string]string{"pos": "tagging and lemmatisation", "parse": "dependency parsing"}[name]
	c := &cobra.Command{
		Use:   name + " --gold FILE.conllu [--raw] [--model DIR]",
		Short: "Score " + what + " against CoNLL-U gold",
		Long: `Score ` + what + ` against CoNLL-U gold: UPOS, XPOS, lemma accuracy, UAS and LAS (LAS compares
universal relations, subtypes ignored, as the CoNLL 2018 shared task does).

By default the gold tokens and sentences are given to the models. With --raw, tidings starts from
the raw text (each sentence's "# text"), tokenises, splits, tags and parses it itself, and words are
aligned with the gold ones on characters, as the CoNLL 2018 scorer does; figures are then F1.
The last line is JSON.`,
		Example: "  tidings eval " + name + " --raw --gold ../shared/data/ud-english-ewt/en_ewt-ud-test.conllu",
		Args:    argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if gold == "" {
				return usagef("eval %s: --gold FILE.conllu is required", name)
			}
			models, err := loadModels(modelDir)
			if err != nil {
				return err
			}
			var score eval.Syntax
			var seg eval.Segmentation
			docs := 0
			err = eachArticle(cmd.Context(), gold, ingest.CoNLLU, func(a article.Article) {
				g := pipeline.GoldDocument(a)
				sys := pipeline.Document(a)
				if raw {
					sys = text.New(a.Text())
				}
				models.Annotate(sys)
				score.AddSyntax(g, sys)
				seg.AddSegmentation(g, sys)
				docs++
			})
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			mode := "gold tokenisation"
			if raw {
				mode = "raw text"
			}
			fmt.Fprintf(out, "gold %s: %d documents, %s\n", gold, docs, mode)
			if raw {
				printPRF(out, "tokens", seg.Tokens)
				printPRF(out, "sentences", seg.Sentences)
			}
			rows := []struct {
				name string
				prf  eval.PRF
			}{{"words", score.Words}, {"UPOS", score.UPOS}, {"XPOS", score.XPOS}, {"lemma", score.Lemma}}
			result := map[string]any{
				"mode": mode, "upos": score.UPOS.F1, "xpos": score.XPOS.F1, "lemma": score.Lemma.F1,
				"words": score.Words.F1, "tokens": seg.Tokens.F1, "sentences": seg.Sentences.F1,
			}
			if models.Parser != nil {
				rows = append(rows, struct {
					name string
					prf  eval.PRF
				}{"UAS", score.UAS}, struct {
					name string
					prf  eval.PRF
				}{"LAS", score.LAS})
				result["uas"], result["las"] = score.UAS.F1, score.LAS.F1
			}
			for _, row := range rows {
				printPRF(out, row.name, row.prf)
			}
			return printJSON(out, result)
		},
	}
	c.Flags().StringVar(&gold, "gold", "", "gold CoNLL-U file")
	c.Flags().BoolVar(&raw, "raw", false, "start from the raw text instead of the gold tokens")
	c.Flags().StringVar(&modelDir, "model", "", "model directory (default: the shipped models)")
	return c
}

// loadModels loads the annotation models from dir, or the shipped ones.
func loadModels(dir string) (*annotate.Models, error) {
	m, err := pipeline.LoadModels(dir)
	if err != nil && dir != "" {
		return nil, inputError{fmt.Errorf("--model %s: %w", dir, err)}
	}
	return m, err
}

func newEvalNER() *cobra.Command {
	var gold, set, modelDir string
	var showErrors bool
	c := &cobra.Command{
		Use:   "ner (--gold FILE | --set FILE) [--model DIR]",
		Short: "Score named-entity recognition against CoNLL-2003 gold or a news test set",
		Long: `Score named-entity recognition against a CoNLL-2003 file (gold IOB labels in the last column):
precision, recall and F1 of exact entity chunks, overall and per type, as conlleval computes them.
The given tokens are kept; words are tagged by the shipped tagger. The last line is JSON.

--set scores a news test set instead (annotate/testdata/news-ner.txt: articles with entities marked
"[TYPE text]", see annotate/testdata/NEWS-NER.md): each article is analysed from raw text by the
whole pipeline without events, as analyze does, and an entity is right when the analysis has a
PER, ORG, LOC or MISC name over the same bytes with the same type. Figures are given overall, per
type and per class; --errors prints every missed and every spurious name.`,
		Example: "  tidings eval ner --gold ../shared/data/conll2003/eng.testa.dev.txt\n  tidings eval ner --set annotate/testdata/news-ner.txt --errors",
		Args:    argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if set != "" {
				return evalNERSet(cmd, set, modelDir, showErrors)
			}
			if gold == "" {
				return usagef("eval ner: --gold FILE or --set FILE is required")
			}
			models, err := loadModels(modelDir)
			if err != nil {
				return err
			}
			if models.NER == nil {
				return inputError{fmt.Errorf("no named-entity model in %q", modelDir)}
			}
			docs, err := readNERDocuments(cmd.Context(), gold, models.Tagger)
			if err != nil {
				return err
			}
			score := models.NER.Evaluate(docs)
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "gold %s: %d documents\n%s", gold, len(docs), score)
			return printJSON(out, nerJSON(score))
		},
	}
	c.Flags().StringVar(&gold, "gold", "", "gold CoNLL-2003 file")
	c.Flags().StringVar(&set, "set", "", "a news NER test set (as annotate/testdata/news-ner.txt)")
	c.Flags().BoolVar(&showErrors, "errors", false, "with --set: print each missed and each spurious name on stderr")
	c.Flags().StringVar(&modelDir, "model", "", "model directory (default: the shipped models)")
	return c
}

// readSet reads a test set file with read; an error is the input's.
func readSet[T any](path string, read func(io.Reader, string) ([]T, error)) ([]T, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, inputError{fmt.Errorf("set: %w", err)}
	}
	defer f.Close()
	cases, err := read(f, path)
	if err != nil {
		return nil, inputError{err}
	}
	return cases, nil
}

// evalNERSet scores a news NER test set: each article analysed from raw
// text by the shallow pipeline.
func evalNERSet(cmd *cobra.Command, path, modelDir string, showErrors bool) error {
	cases, err := readSet(path, eval.ReadNERSet)
	if err != nil {
		return err
	}
	p, err := pipeline.NewWith(pipeline.Options{Shallow: true, ModelDir: modelDir})
	if err != nil {
		return err
	}
	var score eval.NERSetScore
	for i, c := range cases {
		a := article.Article{ID: fmt.Sprint(i), Origin: fmt.Sprintf("%s:%d", path, c.Line), Title: c.Title, Body: c.Body}
		an, err := p.Analyze(cmd.Context(), a)
		if err != nil {
			return fmt.Errorf("%s:%d: %w", path, c.Line, err)
		}
		var sys []eval.NERSpan
		for _, sp := range an.Doc.Entities {
			switch sp.Label {
			case "PER", "ORG", "LOC", "MISC":
				start, end := an.Doc.Bytes(sp)
				sys = append(sys, eval.NERSpan{Start: start, End: end, Type: sp.Label})
			}
		}
		for _, e := range score.Add(c, sys) {
			if showErrors {
				what := "spurious"
				if e.Missed {
					what = "missed"
				}
				fmt.Fprintf(cmd.ErrOrStderr(), "%s:%d: %s %s %q\n", path, e.Line, what, e.Type, e.Text)
			}
		}
	}
	out := cmd.OutOrStdout()
	line := func(name string, x eval.PRF) {
		fmt.Fprintf(out, "%-14s P %.4f  R %.4f  F1 %.4f  (gold %d, system %d, correct %d)\n", name, x.Precision, x.Recall, x.F1, x.Gold, x.System, x.Correct)
	}
	fmt.Fprintf(out, "set %s: %d articles\n", path, len(cases))
	line("overall", score.Overall)
	for _, t := range score.Types() {
		line(t, score.ByType[t])
	}
	for _, c := range score.Classes() {
		line("class "+c, score.ByClass[c])
	}
	return printJSON(out, score)
}
