package main

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/spf13/cobra"

	"tidings/annotate"
	"tidings/article"
	"tidings/eval"
	"tidings/ingest"
	"tidings/pipeline"
)

func newTrain() *cobra.Command {
	c := &cobra.Command{
		Use:   "train MODEL [flags] DATA...",
		Short: "Train a model; progress on stderr",
		Long: `Train a model from data and write it into a model directory.

The shipped models in annotate/models were made with:
  tidings train clusters --out annotate/models <unlabelled text...>
  tidings train pos   --train en_ewt-ud-train.conllu --dev en_ewt-ud-dev.conllu --out annotate/models
  tidings train parse --train en_ewt-ud-train.conllu --dev en_ewt-ud-dev.conllu --out annotate/models
(see NOTICE for the exact data). Training is deterministic: the same data and --seed give the same
model, byte for byte.`,
		Args: argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			return usagef("train: name the model to train (see 'tidings train --help')")
		},
	}
	c.AddCommand(newTrainClusters(), newTrainPOS(), newTrainParse(), newTrainNER(), newTrainTags(), newTrainBackground())
	return c
}

// readTreebank reads the gold sentences of a CoNLL-U file.
func readTreebank(ctx context.Context, path string) ([]annotate.Sentence, error) {
	var out []annotate.Sentence
	err := eachArticle(ctx, path, ingest.CoNLLU, func(a article.Article) {
		out = append(out, annotate.SentencesOf(a)...)
	})
	if err == nil && len(out) == 0 {
		err = inputError{fmt.Errorf("%s: no sentences", path)}
	}
	return out, err
}

// eachArticle reads a file in a given format and calls fn for each
// article; the first bad input stops it with an error naming the file.
func eachArticle(ctx context.Context, path string, format ingest.Format, fn func(article.Article)) error {
	f, err := os.Open(path)
	if err != nil {
		return inputError{err}
	}
	defer f.Close()
	for a, err := range ingest.Read(ctx, path, f, format, ingest.Options{}) {
		if err != nil {
			return inputError{err}
		}
		fn(a)
	}
	return nil
}

type trainFlags struct {
	train, dev, out  string
	seed             int64
	epochs, patience int
}

func (f *trainFlags) register(c *cobra.Command) {
	c.Flags().StringVar(&f.train, "train", "", "training data (CoNLL-U)")
	c.Flags().StringVar(&f.dev, "dev", "", "development data for choosing the epoch (CoNLL-U)")
	c.Flags().StringVar(&f.out, "out", "", "model directory to write into")
	c.Flags().Int64Var(&f.seed, "seed", 1, "random seed (same data and seed, same model)")
	c.Flags().IntVar(&f.epochs, "epochs", 12, "maximum passes over the training data (early stopping on dev)")
	c.Flags().IntVar(&f.patience, "patience", 2, "stop after this many epochs without a better dev score")
}

// treebanks checks the flags and reads the training and dev treebanks.
func (f *trainFlags) treebanks(cmd *cobra.Command) (train, dev []annotate.Sentence, err error) {
	if err := f.check(cmd); err != nil {
		return nil, nil, err
	}
	if train, err = readTreebank(cmd.Context(), f.train); err != nil {
		return nil, nil, err
	}
	dev, err = readTreebank(cmd.Context(), f.dev)
	return train, dev, err
}

func (f *trainFlags) check(cmd *cobra.Command) error {
	if f.train == "" || f.dev == "" || f.out == "" {
		return usagef("%s: --train, --dev and --out are required", cmd.CommandPath())
	}
	return nil
}

// epochReporter prints per-epoch scores on stderr and drives a progress bar.
func epochReporter(cmd *cobra.Command, what string, total int, metric string) (annotate.TrainOptions, func()) {
	stderr := cmd.ErrOrStderr()
	start := time.Now()
	prog := newProgress(int64(total), what)
	opt := annotate.TrainOptions{
		Step: func() { prog.Add(1) },
		Progress: func(epoch int, trainAcc, dev float64) {
			prog.Done()
			fmt.Fprintf(stderr, "%s epoch %d: train accuracy %.4f, dev %s %.4f (%s)\n", what, epoch, trainAcc, metric, dev, time.Since(start).Round(time.Second))
			prog = newProgress(int64(total), what)
		},
	}
	return opt, func() { prog.Done() }
}

func newTrainPOS() *cobra.Command {
	var f trainFlags
	c := &cobra.Command{
		Use:   "pos --train F.conllu --dev F.conllu --out DIR",
		Short: "Train the part-of-speech tagger and lemmatiser",
		Long: `Train the UPOS+XPOS tagger and the lemmatiser on a CoNLL-U treebank; the epoch with the best
dev UPOS accuracy is kept. Uses DIR/` + annotate.ClustersFile + ` when present. Writes DIR/` + annotate.TaggerFile + `.
The last line of stdout is JSON with the dev scores.`,
		Args: argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			train, dev, err := f.treebanks(cmd)
			if err != nil {
				return err
			}
			clusters, err := loadClusters(f.out)
			if err != nil {
				return err
			}
			opt, done := epochReporter(cmd, "pos", len(train), "UPOS")
			opt.Seed, opt.MaxEpochs, opt.Patience = f.seed, f.epochs, f.patience
			start := time.Now()
			t, _, err := annotate.TrainTagger(ctx, train, dev, clusters, opt)
			done()
			if err != nil {
				return err
			}
			if err := annotate.WriteGzip(f.out, annotate.TaggerFile, t); err != nil {
				return err
			}
			acc := t.Evaluate(dev)
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s in %s\n", filepath.Join(f.out, annotate.TaggerFile), time.Since(start).Round(time.Second))
			return printJSON(cmd.OutOrStdout(), map[string]any{"model": "pos", "dev_words": acc.Words, "upos": acc.UPOS, "xpos": acc.XPOS, "lemma": acc.Lemma, "seconds": time.Since(start).Seconds()})
		},
	}
	f.register(c)
	return c
}

func newTrainParse() *cobra.Command {
	var f trainFlags
	var folds int
	var minWeight float64
	c := &cobra.Command{
		Use:   "parse --train F.conllu --dev F.conllu --out DIR",
		Short: "Train the dependency parser",
		Long: `Train the dependency parser on a CoNLL-U treebank. It trains on tags predicted by
jackknifing (--folds taggers, each trained on the other folds) so that it learns to cope with
tagging errors, and is tuned on dev with tags from DIR/` + annotate.TaggerFile + `, which must exist
(train pos first). Writes DIR/` + annotate.ParserFile + `. The last line of stdout is JSON with the dev scores.`,
		Args: argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			train, dev, err := f.treebanks(cmd)
			if err != nil {
				return err
			}
			models, err := loadTagger(f.out)
			if err != nil {
				return err
			}
			start := time.Now()
			fmt.Fprintf(cmd.ErrOrStderr(), "jackknifing tags over %d folds\n", folds)
			tags, err := annotate.JackknifeTags(ctx, train, models.Clusters, folds, annotate.TrainOptions{Seed: f.seed, MaxEpochs: 8})
			if err != nil {
				return err
			}
			opt, done := epochReporter(cmd, "parse", len(train), "LAS")
			opt.Seed, opt.MaxEpochs, opt.MinWeight, opt.Patience = f.seed, f.epochs, minWeight, f.patience
			p, _, err := annotate.TrainParser(ctx, train, dev, tags, models.Tagger, models.Clusters, opt)
			done()
			if err != nil {
				return err
			}
			if err := annotate.WriteGzip(f.out, annotate.ParserFile, p); err != nil {
				return err
			}
			acc := p.Evaluate(dev, models.Tagger)
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s in %s\n", filepath.Join(f.out, annotate.ParserFile), time.Since(start).Round(time.Second))
			return printJSON(cmd.OutOrStdout(), map[string]any{"model": "parse", "dev_words": acc.Words, "uas": acc.UAS, "las": acc.LAS, "seconds": time.Since(start).Seconds()})
		},
	}
	f.register(c)
	c.Flags().IntVar(&folds, "folds", 5, "jackknifing folds for the training tags")
	c.Flags().Float64Var(&minWeight, "min-weight", 1, "drop averaged weights of smaller magnitude (a smaller model, slightly less accurate)")
	return c
}

// loadTagger loads the models of a directory in which a tagger was
// trained, as the parser and the recogniser need.
func loadTagger(dir string) (*annotate.Models, error) {
	m, err := annotate.LoadDir(dir)
	if err != nil {
		return nil, inputError{fmt.Errorf("%s: a tagger is needed first (tidings train pos): %w", dir, err)}
	}
	return m, nil
}

// loadClusters reads DIR's clusters, or returns nil when it has none.
func loadClusters(dir string) (*annotate.Clusters, error) {
	f, err := os.Open(filepath.Join(dir, annotate.ClustersFile))
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, inputError{err}
	}
	defer f.Close()
	c, err := annotate.ReadClustersGzip(f)
	if err != nil {
		return nil, inputError{fmt.Errorf("%s: %w", f.Name(), err)}
	}
	return c, nil
}

func newTrainClusters() *cobra.Command {
	var out string
	var opt annotate.ClusterOptions
	var inFormat string
	c := &cobra.Command{
		Use:   "clusters --out DIR DATA...",
		Short: "Learn word clusters from unlabelled text",
		Long: `Learn word classes from unlabelled text with the exchange algorithm, at two granularities, and
write DIR/` + annotate.ClustersFile + `. DATA are files or directories in any input format; pre-tokenised
input (CoNLL, CoNLL-U) keeps its tokens, other text is tokenised by tidings.`,
		Args: argsUsage(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return usagef("train clusters: --out is required")
			}
			format, err := ingest.ParseFormat(inFormat)
			if err != nil {
				return usageError{fmt.Errorf("--in: %w", err)}
			}
			ctx := cmd.Context()
			stderr := cmd.ErrOrStderr()
			var sents [][]string
			tokens := 0
			prog := newProgress(-1, "reading")
			for a, err := range ingest.Sources(ctx, args, format, ingest.Options{}) {
				if err != nil {
					fmt.Fprintf(stderr, "tidings: %v\n", err)
					continue
				}
				doc := pipeline.Document(a)
				for _, s := range doc.Sentences {
					ws := make([]string, 0, s.End-s.Start)
					for _, t := range doc.Tokens[s.Start:s.End] {
						ws = append(ws, t.Form)
					}
					sents = append(sents, ws)
					tokens += len(ws)
				}
				prog.Add(1)
			}
			prog.Done()
			fmt.Fprintf(stderr, "%d sentences, %d tokens\n", len(sents), tokens)
			start := time.Now()
			opt.Progress = func(stage string, it int, obj float64) {
				fmt.Fprintf(stderr, "%s classes, pass %d: objective %.0f (%s)\n", stage, it, obj, time.Since(start).Round(time.Second))
			}
			cl, err := annotate.LearnClusters(ctx, sents, opt)
			if err != nil {
				return err
			}
			if err := annotate.WriteGzip(out, annotate.ClustersFile, cl); err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s\n", filepath.Join(out, annotate.ClustersFile))
			return printJSON(cmd.OutOrStdout(), map[string]any{"model": "clusters", "sentences": len(sents), "tokens": tokens, "words": cl.Len(), "seconds": time.Since(start).Seconds()})
		},
	}
	c.Flags().StringVar(&out, "out", "", "model directory to write into")
	c.Flags().StringVar(&inFormat, "in", "auto", "input format of DATA")
	c.Flags().IntVar(&opt.Coarse, "coarse", 64, "number of coarse classes")
	c.Flags().IntVar(&opt.Fine, "fine", 512, "number of fine classes")
	c.Flags().IntVar(&opt.MinCount, "min-count", 3, "words seen fewer times are not clustered")
	c.Flags().IntVar(&opt.Iterations, "iterations", 10, "exchange passes per granularity")
	return c
}

// readNERDocuments reads CoNLL-2003 documents, tagged by tagger.
func readNERDocuments(ctx context.Context, path string, tagger *annotate.Tagger) ([]annotate.NERDocument, error) {
	var out []annotate.NERDocument
	err := eachArticle(ctx, path, ingest.CoNLL, func(a article.Article) {
		if d := annotate.NERDocumentOf(a, tagger); len(d) > 0 {
			out = append(out, d)
		}
	})
	if err == nil && len(out) == 0 {
		err = inputError{fmt.Errorf("%s: no sentences", path)}
	}
	return out, err
}

func newTrainNER() *cobra.Command {
	var f trainFlags
	var folds, cv, cvEpochs int
	var noGazetteer bool
	var minWeight float64
	c := &cobra.Command{
		Use:   "ner --train eng.train.txt --dev eng.testa.dev.txt --out DIR",
		Short: "Train the named-entity recogniser",
		Long: `Train the named-entity recogniser (PER, ORG, LOC, MISC) on CoNLL-2003 files, choosing the epoch by
dev F1. Words are tagged with DIR/` + annotate.TaggerFile + ` and use DIR/` + annotate.ClustersFile + `, which must
exist. With --folds N (N >= 2) a second, document-level pass is trained on first-pass labels made by
N-fold jackknifing, and kept when it improves dev F1. Writes DIR/` + annotate.NERFile + `; the last line of
stdout is JSON with the dev scores.`,
		Args: argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := f.check(cmd); err != nil {
				return err
			}
			ctx := cmd.Context()
			models, err := loadTagger(f.out)
			if err != nil {
				return err
			}
			train, err := readNERDocuments(ctx, f.train, models.Tagger)
			if err != nil {
				return err
			}
			dev, err := readNERDocuments(ctx, f.dev, models.Tagger)
			if err != nil {
				return err
			}
			sents := 0
			for _, d := range train {
				sents += len(d)
			}
			var gazetteer *annotate.Gazetteer
			if !noGazetteer {
				if gazetteer, err = pipeline.KBGazetteer(); err != nil {
					return err
				}
				fmt.Fprintf(cmd.ErrOrStderr(), "gazetteer: %d names from the knowledge base\n", gazetteer.Len())
			}
			if cv > 0 {
				if n := len(train) + len(dev); cv < 2 || cv > n {
					return usagef("train ner --cv %d: want 2 to %d folds, the documents of %s and %s", cv, n, f.train, f.dev)
				}
				return crossValidateNER(cmd, append(train, dev...), cv, models.Clusters, gazetteer, folds,
					annotate.TrainOptions{Seed: f.seed, MaxEpochs: cvEpochs, MinWeight: minWeight})
			}
			opt, done := epochReporter(cmd, "ner", sents, "F1")
			opt.Seed, opt.MaxEpochs, opt.MinWeight, opt.Patience = f.seed, f.epochs, minWeight, f.patience
			start := time.Now()
			ner, _, err := annotate.TrainNER(ctx, train, dev, models.Clusters, gazetteer, folds, opt)
			done()
			if err != nil {
				return err
			}
			if err := annotate.WriteGzip(f.out, annotate.NERFile, ner); err != nil {
				return err
			}
			score := ner.Evaluate(dev)
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "wrote %s in %s\n%s", filepath.Join(f.out, annotate.NERFile), time.Since(start).Round(time.Second), score)
			return printJSON(out, map[string]any{"model": "ner", "dev": nerJSON(score), "seconds": time.Since(start).Seconds()})
		},
	}
	f.register(c)
	c.Flags().IntVar(&folds, "folds", 0, "jackknifing folds for a second, document-level pass (0: one pass, the faster shipped model)")
	c.Flags().IntVar(&cv, "cv", 0, "instead of training a model, score the recipe by this many folds of cross-validation over train and dev together (writes nothing)")
	c.Flags().IntVar(&cvEpochs, "cv-epochs", 9, "with --cv: passes over each fold's training data")
	c.Flags().BoolVar(&noGazetteer, "no-gazetteer", false, "train without the knowledge base's names as features")
	c.Flags().Float64Var(&minWeight, "min-weight", 0.001, "drop averaged weights of smaller magnitude (a smaller model)")
	return c
}

// crossValidateNER prints each fold's F1 and the mean, spread and range
// of k-fold cross-validation over docs; the last line is JSON.
func crossValidateNER(cmd *cobra.Command, docs []annotate.NERDocument, k int, clusters *annotate.Clusters, gaz *annotate.Gazetteer, folds int, opt annotate.TrainOptions) error {
	start := time.Now()
	fmt.Fprintf(cmd.ErrOrStderr(), "ner: %d-fold cross-validation over %d documents, %d epochs a fold\n", k, len(docs), opt.MaxEpochs)
	scores, err := annotate.CrossValidateNER(cmd.Context(), docs, k, clusters, gaz, folds, opt)
	if err != nil {
		return err
	}
	out := cmd.OutOrStdout()
	f1 := make([]float64, len(scores))
	byType := map[string][]float64{}
	for i, s := range scores {
		f1[i] = s.Overall.F1
		fmt.Fprintf(out, "fold %d  P %.4f  R %.4f  F1 %.4f\n", i+1, s.Overall.Precision, s.Overall.Recall, s.Overall.F1)
		for t, x := range s.ByType {
			byType[t] = append(byType[t], x.F1)
		}
	}
	mean, sd := meanSD(f1)
	fmt.Fprintf(out, "mean F1 %.4f  sd %.4f  range %.4f-%.4f  (%s)\n", mean, sd, slices.Min(f1), slices.Max(f1), time.Since(start).Round(time.Second))
	types := map[string]any{}
	for t, v := range byType {
		m, d := meanSD(v)
		types[t] = map[string]float64{"mean_f1": m, "sd": d}
		fmt.Fprintf(out, "%-5s mean F1 %.4f  sd %.4f\n", t, m, d)
	}
	return printJSON(out, map[string]any{"model": "ner", "folds": k, "f1": f1, "mean_f1": mean, "sd": sd, "types": types})
}

// meanSD returns the mean and the sample standard deviation of xs.
func meanSD(xs []float64) (mean, sd float64) {
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	if len(xs) < 2 {
		return mean, 0
	}
	for _, x := range xs {
		sd += (x - mean) * (x - mean)
	}
	return mean, math.Sqrt(sd / float64(len(xs)-1))
}

// nerJSON is the JSON form of a NER score.
func nerJSON(s eval.ChunkScore) map[string]any {
	by := map[string]any{}
	for t, x := range s.ByType {
		by[t] = map[string]any{"precision": x.Precision, "recall": x.Recall, "f1": x.F1, "gold": x.Gold, "system": x.System, "correct": x.Correct}
	}
	return map[string]any{"precision": s.Overall.Precision, "recall": s.Overall.Recall, "f1": s.Overall.F1,
		"gold": s.Overall.Gold, "system": s.Overall.System, "correct": s.Overall.Correct, "types": by}
}
