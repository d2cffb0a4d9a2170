package main

import (
	"fmt"
	"os"
	"runtime"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"tidings/ingest"
	"tidings/pipeline"
)

func newAnalyze() *cobra.Command {
	var inFormat, outFormat string
	var pf pipelineFlags
	var workers int
	c := &cobra.Command{
		Use:   "analyze [--in FORMAT] [--out FORMAT] [--published DATE] [--kb FILE]... [--events-dict FILE]... [--tag-model DIR] [PATH|URL|-]...",
		Short: "Analyse articles and print one analysis per article",
		Long: `Analyse articles and print one analysis per article on stdout.

A PATH may be a file or a directory (every file in it, recursively, sorted);
an http(s) URL is fetched; - (or no argument, with piped input) is stdin.
A bad input is reported on stderr and skipped; the others are still analysed,
and the exit status is then 1.

Input formats (--in): ` + formatNames() + `
Output formats (--out): ` + strings.Join(pipeline.OutputFormats, ", "),
		Example: `  tidings analyze examples/lake-ferry.txt
  tidings analyze --out pretty --published 2022-01-06 article.txt
  curl -s https://example.org/feed.xml | tidings analyze --in feed -`,
		Args: argsUsage(cobra.ArbitraryArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			format, err := ingest.ParseFormat(inFormat)
			if err != nil {
				return usageError{fmt.Errorf("--in: %w", err)}
			}
			if _, err := pf.publishedDate(); err != nil {
				return err
			}
			w, err := pipeline.NewWriter(cmd.OutOrStdout(), outFormat)
			if err != nil {
				return usageError{fmt.Errorf("--out: %w", err)}
			}
			stderr := cmd.ErrOrStderr()
			if len(args) == 0 {
				if f, ok := cmd.InOrStdin().(*os.File); ok && term.IsTerminal(int(f.Fd())) {
					return usagef("analyze: no input (give a PATH, a URL or - for stdin; see 'tidings analyze --help')")
				}
				args = []string{"-"}
			}
			p, err := pf.pipeline(outFormat == "conllu")
			if err != nil {
				return inputError{err}
			}
			ctx := cmd.Context()
			prog := newProgress(-1, "analysing")
			var done, failed int
			opt := ingest.Options{Stdin: cmd.InOrStdin(), Warn: func(msg string) { fmt.Fprintf(stderr, "tidings: warning: %s\n", msg) }}
			err = p.AnalyzeAll(ctx, ingest.Sources(ctx, args, format, opt), workers, func(an *pipeline.Analysis, err error) error {
				if err != nil {
					fmt.Fprintf(stderr, "tidings: %v\n", err)
					failed++
					return nil
				}
				// Each result goes out whole as soon as it and those
				// before it are done: a reader of the stream waits for
				// nothing, and a kill loses only the articles in flight.
				if err := w.Write(an); err != nil {
					return fmt.Errorf("writing the analysis of %s: %w", an.Article.Origin, err)
				}
				if err := w.Flush(); err != nil {
					return fmt.Errorf("writing the analysis of %s: %w", an.Article.Origin, err)
				}
				done++
				prog.Add(1)
				return nil
			})
			runErr := err
			prog.Done()
			if err := w.Flush(); err != nil {
				return fmt.Errorf("writing output: %w", err)
			}
			if runErr != nil {
				if ctx.Err() != nil {
					// A signal: what was finished is out, whole.
					return fmt.Errorf("interrupted: %d article(s) analysed and written, the rest not", done)
				}
				return runErr // the output could not be written
			}
			if failed > 0 {
				return inputError{fmt.Errorf("%d input(s) failed, %d article(s) analysed", failed, done)}
			}
			return nil
		},
	}
	c.Flags().StringVar(&inFormat, "in", "auto", "input format: "+formatNames())
	c.Flags().StringVar(&outFormat, "out", "jsonl", "output format: "+strings.Join(pipeline.OutputFormats, ", "))
	pf.registerPublished(c)
	c.Flags().IntVar(&workers, "workers", runtime.NumCPU(), "articles analysed at once (output keeps the input order)")
	pf.register(c)
	return c
}

func formatNames() string {
	var names []string
	for _, f := range ingest.Formats() {
		names = append(names, string(f))
	}
	return strings.Join(names, ", ")
}
