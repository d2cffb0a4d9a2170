package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

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
	c.AddCommand(newEvalTokens())
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
	f, err := os.Open(gold)
	if err != nil {
		return score, 0, inputError{fmt.Errorf("gold: %w", err)}
	}
	defer f.Close()
	for a, err := range ingest.Read(cmd.Context(), gold, f, ingest.CoNLLU, ingest.Options{}) {
		if err != nil {
			return score, docs, inputError{fmt.Errorf("gold: %w", err)}
		}
		g := pipeline.Document(a)
		a.Given = nil
		score.AddSegmentation(g, text.New(a.Text()))
		docs++
	}
	return score, docs, nil
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
