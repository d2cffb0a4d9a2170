package main

import (
	"fmt"
	"os"
	"sort"

	"github.com/spf13/cobra"

	"tidings/dates"
	"tidings/text"
)

func newEvalDates() *cobra.Command {
	var gold, modelDir string
	var tags bool
	c := &cobra.Command{
		Use:   "dates --gold DIR [--tags=false] [--model DIR]",
		Short: "Score time expressions against TimeML (TempEval-3) gold",
		Long: `Score the recognition and normalisation of time expressions against TimeML gold: every .tml
file under DIR, recursively. Each document's creation time is the TIMEX3 with
functionInDocument="CREATION_TIME"; its raw text is the character data of <TEXT>, which tidings
tokenises, tags (unless --tags=false) and searches for time expressions resolved against that date.

Measures are those of the TempEval-3 scorer: strict (exact span) and relaxed (any overlap) precision,
recall and F1; type and value accuracy over the relaxed matches, and type and value F1 (relaxed F1
times accuracy). Printed overall and per sub-directory (e.g. TimeBank, AQUAINT); the last line is JSON.`,
		Example: "  tidings eval dates --gold ../shared/data/tempeval3/TBAQ-cleaned",
		Args:    argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if gold == "" {
				return usagef("eval dates: --gold DIR is required")
			}
			if _, err := os.Stat(gold); err != nil {
				return inputError{fmt.Errorf("gold: %w", err)}
			}
			var prepare func(*text.Document)
			if tags {
				models, err := loadModels(modelDir)
				if err != nil {
					return err
				}
				prepare = models.Annotate
			}
			ev, err := dates.Evaluate(cmd.Context(), gold, prepare)
			if err != nil {
				return inputError{fmt.Errorf("gold %s: %w", gold, err)}
			}
			out := cmd.OutOrStdout()
			names := make([]string, 0, len(ev.Corpora))
			for name := range ev.Corpora {
				names = append(names, name)
			}
			sort.Strings(names)
			show := func(name string, s dates.Score) {
				fmt.Fprintf(out, "%s: %d documents\n", name, s.Documents)
				fmt.Fprintf(out, "  %-8s P %.4f  R %.4f  F1 %.4f  (gold %d, system %d, correct %d)\n", "strict",
					s.Strict.Precision, s.Strict.Recall, s.Strict.F1, s.Strict.Gold, s.Strict.System, s.Strict.Correct)
				fmt.Fprintf(out, "  %-8s P %.4f  R %.4f  F1 %.4f  (gold %d, system %d, correct %d)\n", "relaxed",
					s.Relaxed.Precision, s.Relaxed.Recall, s.Relaxed.F1, s.Relaxed.Gold, s.Relaxed.System, s.Relaxed.Correct)
				fmt.Fprintf(out, "  %-8s accuracy %.4f  F1 %.4f\n", "type", s.TypeAccuracy, s.TypeF1)
				fmt.Fprintf(out, "  %-8s accuracy %.4f  F1 %.4f\n", "value", s.ValueAccuracy, s.ValueF1)
			}
			for _, name := range names {
				show(name, ev.Corpora[name])
			}
			show("all", ev.Overall)
			return printJSON(out, ev)
		},
	}
	c.Flags().StringVar(&gold, "gold", "", "directory of TimeML .tml files (searched recursively)")
	c.Flags().BoolVar(&tags, "tags", true, "tag parts of speech first, so that verb tense comes from the tagger")
	c.Flags().StringVar(&modelDir, "model", "", "model directory for --tags (default: the shipped models)")
	return c
}
