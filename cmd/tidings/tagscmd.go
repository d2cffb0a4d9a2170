package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"tidings/article"
	"tidings/eval"
	"tidings/ingest"
	"tidings/kb"
	"tidings/pipeline"
	"tidings/tags"
)

// kpcrowdFormat is the layout of the KPCrowd keyphrase corpus, read here
// only: a directory of NAME.txt (first line the title) and NAME.key (one
// gold keyphrase a line).
const kpcrowdFormat = "kpcrowd"

// tagInput says where articles with gold tags come from.
type tagInput struct {
	format     string
	categories string
	entities   bool // add the linked entities of each article as features
	match      string
}

func (in *tagInput) register(c *cobra.Command) {
	c.Flags().StringVar(&in.format, "in", "auto", "input format ("+formatNames()+", or "+kpcrowdFormat+": a directory of NAME.txt and NAME.key)")
	c.Flags().StringVar(&in.categories, "categories", "all", "Reuters-21578 only: the category fields that are the gold tags, comma-separated from "+
		strings.Join(ingest.ReutersCategories(), ",")+" (topics; places,people,orgs; all)")
	c.Flags().BoolVar(&in.entities, "entities", true, "analyse each article (without parsing) and use its linked entities as features, as analyze --tag-model does; --entities=false for words alone")
}

// matchFlag registers how eval tags matches tags.
func (in *tagInput) matchFlag(c *cobra.Command) {
	c.Flags().StringVar(&in.match, "match", "auto", "how a tag matches a gold tag: exact, or stem (lower-cased, each word Porter-stemmed, as keyphrase benchmarks score); auto is stem for --in "+kpcrowdFormat+", exact otherwise")
}

// matcher returns the Match of --match, and its name.
func (in *tagInput) matcher() (tags.Match, string, error) {
	switch strings.ToLower(in.match) {
	case "exact":
		return nil, "exact", nil
	case "stem":
		return tags.KeyphraseKey, "stem", nil
	case "", "auto":
		if strings.EqualFold(in.format, kpcrowdFormat) {
			return tags.KeyphraseKey, "stem", nil
		}
		return nil, "exact", nil
	}
	return nil, "", usagef("--match: %q is not exact, stem or auto", in.match)
}

// analyse analyses the examples, two at a time (results come back in
// order), and sets their entity features (unless --entities=false) and,
// for the phrase scorer (withDocs), their analysed Documents. Nothing is
// analysed when neither is wanted.
func (in *tagInput) analyse(ctx context.Context, examples []tags.Example, withDocs bool) error {
	if !in.entities && !withDocs {
		return nil
	}
	p, err := pipeline.NewWith(pipeline.Options{Shallow: true})
	if err != nil {
		return err
	}
	prog := newProgress(int64(len(examples)), "analysing")
	defer prog.Done()
	all := func(yield func(article.Article, error) bool) {
		for _, e := range examples {
			if !yield(e.Article, nil) {
				return
			}
		}
	}
	i := 0
	return p.AnalyzeAll(ctx, all, 2, func(an *pipeline.Analysis, err error) error {
		if err != nil {
			return err
		}
		if in.entities {
			examples[i].Entities = pipeline.EntityFeatures(an.Entities)
		}
		if withDocs {
			examples[i].Doc = an.Doc
		}
		i++
		prog.Add(1)
		return nil
	})
}

// fields returns the selected Reuters category fields.
func (in *tagInput) fields() ([]string, error) {
	reutersCategories := ingest.ReutersCategories()
	if in.categories == "" || in.categories == "all" {
		return reutersCategories, nil
	}
	var out []string
	for _, c := range strings.Split(in.categories, ",") {
		c = strings.ToLower(strings.TrimSpace(c))
		if !slices.Contains(reutersCategories, c) {
			return nil, fmt.Errorf("unknown category %q (want some of %s, or all)", c, strings.Join(reutersCategories, ","))
		}
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out, nil
}

// read returns the articles of paths that carry gold tags, and how many
// were left out for having none.
func (in *tagInput) read(ctx context.Context, stderr io.Writer, paths []string) (examples []tags.Example, leftOut int, err error) {
	prog := newProgress(-1, "reading")
	defer prog.Done()
	keep := func(a article.Article) {
		prog.Add(1)
		if len(a.GoldTags) == 0 {
			leftOut++
			return
		}
		examples = append(examples, tags.Example{Article: a})
	}
	switch strings.ToLower(in.format) {
	case kpcrowdFormat:
		if in.categories != "all" {
			return nil, 0, usagef("--categories is for Reuters-21578 (--in reuters)")
		}
		for _, p := range paths {
			if err := ingest.ReadKPCrowd(ctx, p, keep); err != nil {
				return nil, 0, inputError{err}
			}
		}
	case string(ingest.Reuters):
		fields, err := in.fields()
		if err != nil {
			return nil, 0, usageError{fmt.Errorf("--categories: %w", err)}
		}
		for _, p := range paths {
			warn := func(err error) { fmt.Fprintf(stderr, "tidings: %v\n", err) }
			if err := ingest.ReadReutersTagged(ctx, p, fields, warn, keep); err != nil {
				if ctx.Err() != nil {
					return nil, 0, err
				}
				return nil, 0, inputError{err}
			}
		}
	default:
		if in.categories != "all" {
			return nil, 0, usagef("--categories is for Reuters-21578 (--in reuters)")
		}
		format, err := ingest.ParseFormat(in.format)
		if err != nil {
			return nil, 0, usageError{fmt.Errorf("--in: %w", err)}
		}
		for a, err := range ingest.Sources(ctx, paths, format, ingest.Options{}) {
			if err != nil {
				if ctx.Err() != nil {
					return nil, 0, ctx.Err()
				}
				fmt.Fprintf(stderr, "tidings: %v\n", err)
				continue
			}
			keep(a)
		}
	}
	if len(examples) == 0 {
		return nil, leftOut, inputError{fmt.Errorf("%s: no articles with gold tags", strings.Join(paths, ", "))}
	}
	return examples, leftOut, nil
}

// modelFlags are the learning options of train tags and eval tags; their
// defaults are tags.ModelOptions's.
func registerModelFlags(c *cobra.Command, opt *tags.ModelOptions) {
	def := tags.DefaultModelOptions()
	c.Flags().Uint64Var(&opt.Seed, "seed", def.Seed, "random seed (same data and seed, same model)")
	c.Flags().IntVar(&opt.Neighbours, "neighbours", def.Neighbours, "k of the kNN vote of similar archived articles")
	c.Flags().IntVar(&opt.Epochs, "epochs", def.Epochs, "passes of the linear learner over the articles")
	c.Flags().IntVar(&opt.TopK, "top-k", def.TopK, "most tags in a line")
	c.Flags().IntVar(&opt.MinDF, "min-df", def.MinDF, "words in fewer articles are not features")
	c.Flags().IntVar(&opt.CalibFolds, "calib-folds", def.CalibFolds, "inner folds whose out-of-fold scores calibrate the model and choose its thresholds")
	c.Flags().Float64Var(&opt.Balance, "balance", def.Balance, "weigh a tag's positive articles by (negatives/positives)^balance (at most 10) against class imbalance; -1 for none")
	c.Flags().Float64Var(&opt.TagShrink, "tag-shrink", def.TagShrink, "each tag's own threshold leans to the global one as this many out-of-fold positives would; -1 for one global threshold")
	c.Flags().Float64Var(&opt.Prune, "prune", def.Prune, "drop linear weights of smaller magnitude (the rest take a byte each); -1 for none")
	c.Flags().BoolVar(&opt.Phrases, "phrases", false, "also score the article's own phrases as tags (keyphrases, mostly new to the archive); analyses each article for parts of speech and names")
}

func newTrainTags() *cobra.Command {
	var in tagInput
	var out string
	var opt tags.ModelOptions
	c := &cobra.Command{
		Use:   "tags [--in FORMAT] --out DIR ARCHIVE...",
		Short: "Learn a newsroom's tag vocabulary from articles with gold tags",
		Long: `Learn a tagger from an archive of articles that carry gold tags (the "tags" field of JSON/JSONL,
the tag line of the article layout, the categories of Reuters-21578 with --in reuters, the keyphrases
of KPCrowd with --in kpcrowd). Articles without gold tags are left out.

The model scores each tag of the vocabulary with a logistic regression over the TF-IDF of the words,
word pairs and linked entities (a rare tag's positive articles weigh more: --balance), combines it
with the tags of the most similar archived articles (a TF-IDF kNN vote), and calibrates the two into
a probability on out-of-fold scores of the training articles (--calib-folds), where the global
threshold and each tag's own threshold (--tag-shrink) are tuned for micro-F1. Small weights are
pruned and the rest stored in a byte each (--prune). With --phrases it also scores the article's own
words, noun phrases and names as keyphrases. Writes DIR/` + tags.ModelFile + `, used by
'tidings analyze --tag-model DIR'. Training is deterministic. The last line of stdout is JSON.`,
		Example: "  tidings train tags --in reuters --categories topics --out models/reuters-topics ../shared/data/reuters21578",
		Args:    argsUsage(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return usagef("train tags: --out DIR is required")
			}
			ctx := cmd.Context()
			stderr := cmd.ErrOrStderr()
			examples, leftOut, err := in.read(ctx, stderr, args)
			if err != nil {
				return err
			}
			fmt.Fprintf(stderr, "%d articles with gold tags, %d left out without any\n", len(examples), leftOut)
			start := time.Now()
			if err := in.analyse(ctx, examples, opt.Phrases); err != nil {
				return err
			}
			prog := newProgress(-1, "training")
			opt.Step = func() { prog.Add(1) }
			opt.Log = func(msg string) { fmt.Fprintf(stderr, "%s (%s)\n", msg, time.Since(start).Round(time.Millisecond)) }
			m, err := tags.Train(ctx, examples, opt)
			prog.Done()
			if err != nil {
				return err
			}
			secs := time.Since(start).Seconds()
			if err := m.Save(out); err != nil {
				return err
			}
			path := filepath.Join(out, tags.ModelFile)
			st, err := os.Stat(path)
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "wrote %s (%.1f MB) in %.1fs: %d articles, %d tags, global threshold %.2f\n", path, float64(st.Size())/1e6, secs, len(examples), len(m.Tags()), m.Threshold())
			return printJSON(w, map[string]any{"model": "tags", "articles": len(examples), "left_out": leftOut, "tags": len(m.Tags()),
				"threshold": m.Threshold(), "bytes": st.Size(), "seconds": secs})
		},
	}
	in.register(c)
	registerModelFlags(c, &opt)
	c.Flags().StringVar(&out, "out", "", "model directory to write into")
	return c
}

// tagEvalJSON is the start of the last line of eval tags: the input. The
// cross-validation (cvEvalJSON) or the scores of the given model
// (modelEvalJSON) follow; each is its own type because both have a
// "model", and encoding/json drops a name that two embedded types share.
type tagEvalJSON struct {
	Mode       string `json:"mode"` // "model" or "cross-validation"
	Gold       string `json:"gold"`
	Categories string `json:"categories,omitempty"`
	Match      string `json:"match"`    // "exact" or "stem"
	LeftOut    int    `json:"left_out"` // articles without gold tags, not scored
}

type cvEvalJSON struct {
	tagEvalJSON
	*tags.CrossValidation
}

type modelEvalJSON struct {
	tagEvalJSON
	TagModel  string      `json:"tag_model"`
	Threshold float64     `json:"threshold"`
	Model     tags.Result `json:"model"`
}

func newEvalTags() *cobra.Command {
	var in tagInput
	var gold, modelDir, set string
	var showErrors bool
	var folds int
	var opt tags.ModelOptions
	c := &cobra.Command{
		Use:   "tags (--gold F [--in FORMAT] [--tag-model DIR | --folds 5] | --set FILE [--errors])",
		Short: "Score the tag line against an editor's tags, or the archive tagger against gold tags",
		Long: `Score tags against gold: precision, recall and F1 at k (1, 3, 5, 10: the first k of the
ranking) and at the model's own cut-off, each micro-averaged (pooled counts), macro-averaged (mean
over tags) and averaged over articles (F1@10 of keyphrase benchmarks is the article average at 10).
Articles without gold tags are left out and counted. Tags match exactly, or with --match stem (the
default for --in kpcrowd) after lower-casing and Porter-stemming each word, as keyphrase benchmarks
match them.

With --tag-model DIR the model of DIR is scored on F. Without it, F is split into --folds folds and
the model is trained on all folds but one and scored on that one, in turn; the TF-IDF kNN floor is
trained and scored on the same folds. F is a file or directory in any input format; with
--in reuters, a Reuters-21578 .sgm file or directory and --categories choose the gold tags.

With --set FILE, the built-in tag line (no archive model) is scored on a tag test set written for
this repository (tags/testdata/news-tags.jsonl: JSON lines with id, class, published, title, body
and the five tags an editor chose): each article is analysed as analyze does, and the first five
tags of its line are compared with the editor's, by their text (case and punctuation aside) or by
the knowledge-base identity the editor's tag names. It reports the mean overlap of five, per class;
--errors lists, per article, the editor's tags missed and the system's tags the editor did not
choose. The last line of stdout is JSON.`,
		Example: `  tidings eval tags --in reuters --categories topics --gold ../shared/data/reuters21578
  tidings eval tags --in kpcrowd --tag-model DIR --gold ../shared/data/kpcrowd/validation
  tidings eval tags --set tags/testdata/news-tags.jsonl --errors`,
		Args: argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if set != "" {
				if gold != "" || modelDir != "" {
					return usagef("eval tags: --set scores the built-in tag line; --gold and --tag-model score an archive tagger: give one")
				}
				return evalTagSet(cmd, set, showErrors)
			}
			if gold == "" {
				return usagef("eval tags: --gold F or --set FILE is required")
			}
			if modelDir != "" && cmd.Flags().Changed("folds") {
				return usagef("eval tags: --tag-model scores a trained model; --folds trains its own: give one")
			}
			match, matchName, err := in.matcher()
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			stderr := cmd.ErrOrStderr()
			var m *tags.Model
			if modelDir != "" {
				var err error
				if m, err = tags.Load(modelDir); err != nil {
					return inputError{fmt.Errorf("--tag-model: %w", err)}
				}
			}
			examples, leftOut, err := in.read(ctx, stderr, []string{gold})
			if err != nil {
				return err
			}
			if err := in.analyse(ctx, examples, m != nil && m.Phrases() || m == nil && opt.Phrases); err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			result := tagEvalJSON{Gold: gold, LeftOut: leftOut, Match: matchName}
			if strings.EqualFold(in.format, string(ingest.Reuters)) {
				result.Categories = in.categories
			}
			fmt.Fprintf(w, "gold %s: %d articles with gold tags, %d left out without any; tags match %s\n", gold, len(examples), leftOut, matchDesc(matchName))
			if m != nil {
				r := tags.EvaluateModel(m, examples, tags.DefaultKs, match)
				result.Mode = "model"
				fmt.Fprintf(w, "model %s: %d tags, threshold %.2f\n", modelDir, len(m.Tags()), m.Threshold())
				printTagResult(w, "model", r)
				return printJSON(w, modelEvalJSON{tagEvalJSON: result, TagModel: modelDir, Threshold: m.Threshold(), Model: r})
			}
			if folds < 2 {
				return usagef("eval tags: --folds must be at least 2 (or give --tag-model)")
			}
			prog := newProgress(int64(folds), "folds")
			start := time.Now()
			cv, err := tags.Folds(ctx, examples, folds, opt, tags.DefaultKs, match, func(f int) {
				prog.Add(1)
			})
			prog.Done()
			if err != nil {
				if errors.Is(err, context.Canceled) {
					return err
				}
				return inputError{err}
			}
			result.Mode = "cross-validation"
			fmt.Fprintf(w, "%d-fold cross-validation in %s (model training %.1fs a fold)\n", folds, time.Since(start).Round(time.Second), cv.TrainSeconds)
			printTagResult(w, "model", cv.Model)
			printTagResult(w, "knn floor", cv.Floor)
			return printJSON(w, cvEvalJSON{tagEvalJSON: result, CrossValidation: &cv})
		},
	}
	in.register(c)
	in.matchFlag(c)
	registerModelFlags(c, &opt)
	c.Flags().StringVar(&gold, "gold", "", "articles with gold tags (file or directory)")
	c.Flags().StringVar(&modelDir, "tag-model", "", "score the model of this directory (made by 'tidings train tags')")
	c.Flags().IntVar(&folds, "folds", 5, "cross-validation folds when no --tag-model is given")
	c.Flags().StringVar(&set, "set", "", "score the built-in tag line on a tag test set (JSON lines with the editor's tags)")
	c.Flags().BoolVar(&showErrors, "errors", false, "with --set, list each article's missed and unchosen tags on stderr")
	return c
}

// evalTagSet scores the built-in tag line on a tag test set.
func evalTagSet(cmd *cobra.Command, path string, showErrors bool) error {
	cases, err := readSet(path, eval.ReadTagSet)
	if err != nil {
		return err
	}
	p, err := pipeline.New()
	if err != nil {
		return err
	}
	k, err := kb.Load()
	if err != nil {
		return fmt.Errorf("loading the knowledge base: %w", err)
	}
	score := eval.TagSetScore{K: 5}
	stderr := cmd.ErrOrStderr()
	for _, c := range cases {
		a := article.Article{ID: c.ID, Origin: fmt.Sprintf("%s:%d", path, c.Line), Title: c.Title, Body: c.Body}
		if c.Published != "" {
			if a.Published, err = ingest.ParseDate(c.Published); err != nil {
				return inputError{fmt.Errorf("%s:%d: published: %w", path, c.Line, err)}
			}
		}
		an, err := p.Analyze(cmd.Context(), a)
		if err != nil {
			return fmt.Errorf("%s:%d: %w", path, c.Line, err)
		}
		system := make([]string, len(an.Tags))
		for i, t := range an.Tags {
			system[i] = t.Tag
		}
		// The editor's tag names an identity when the knowledge base
		// knows it by that name ("UK" for the United Kingdom).
		named := make([][]kb.Entry, len(c.Tags))
		for g, tag := range c.Tags {
			named[g] = k.Lookup(tag)
		}
		same := func(g, t int) bool {
			id := an.Tags[t].Entity
			return id != "" && slices.ContainsFunc(named[g], func(e kb.Entry) bool { return e.ID == id })
		}
		r := score.Add(c, system, same)
		if showErrors && (len(r.Missed) > 0 || len(r.Extra) > 0) {
			fmt.Fprintf(stderr, "%s:%d: %s %s: %d of %d; missed %s; not chosen %s\n", path, c.Line, c.ID, c.Class, r.Found, len(c.Tags),
				quoteAll(r.Missed), quoteAll(r.Extra))
		}
	}
	w := cmd.OutOrStdout()
	line := func(name string, o eval.TagOverlap) {
		fmt.Fprintf(w, "%-22s %3d articles  mean overlap %.2f of 5  (%d/%d editor's tags, %d articles all found, %d with fewer than 5 tags)\n",
			name, o.Articles, o.Mean, o.Found, o.Gold, o.Full, o.Short)
	}
	fmt.Fprintf(w, "set %s: %d articles, the first %d tags of each line\n", path, len(cases), score.K)
	line("overall", score.Overall)
	for _, cl := range score.Classes() {
		line("class "+cl, *score.ByClass[cl])
	}
	return printJSON(w, map[string]any{"set": path, "score": score})
}

// matchDesc says how tags match, for a person.
func matchDesc(name string) string {
	if name == "stem" {
		return "after stemming (lower-cased, each word Porter-stemmed)"
	}
	return "exactly"
}

func quoteAll(xs []string) string {
	if len(xs) == 0 {
		return "-"
	}
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = fmt.Sprintf("%q", x)
	}
	return strings.Join(q, ", ")
}

func printTagResult(w io.Writer, name string, r tags.Result) {
	fmt.Fprintf(w, "%s: %d articles, %d gold tags\n", name, r.Articles, r.Tags)
	row := func(label string, s tags.Scores) {
		fmt.Fprintf(w, "  %-7s micro P %.4f R %.4f F1 %.4f | macro F1 %.4f | article F1 %.4f\n",
			label, s.Micro.Precision, s.Micro.Recall, s.Micro.F1, s.Macro.F1, s.Article.F1)
	}
	for _, s := range r.AtK {
		row(fmt.Sprintf("@%d", s.K), s)
	}
	row("cut-off", r.Cutoff)
	if c := r.Calibration; c != nil {
		fmt.Fprintf(w, "  calibration of the ranked tags' probabilities: ECE %.4f, Brier %.4f (%d tags)\n", c.ECE, c.Brier, c.Tags)
	}
}

func newTrainBackground() *cobra.Command {
	var out, inFormat, issues string
	var minDF int
	c := &cobra.Command{
		Use:   "background --out DIR [--issues FILE] DATA...",
		Short: "Count the noun phrases of a news corpus: the background that ranks an article's topics",
		Long: `Count, over a corpus of news, in how many articles each common noun and noun phrase occurs and in
which number (singular, plural), and write DIR/` + tags.BackgroundFile + `. The built-in tag line
ranks an article's topics by how rare they are in this background and writes each in the number
editors use. DATA are files or directories in any input format; each article is tagged and its
names found with the shipped models, so that names are not counted as topics. The words that name
offices ("minister", "governor") come from the knowledge base's posts: a post is not a topic. With
--issues, the noun phrases of the field's issue vocabulary are kept too: they rank first among topics.

The shipped table (tags/data) was made from the shared news corpora (see tags/data/NOTICE):
  tidings train background --out tags/data \
    --issues ../shared/data/knowledge/cameo/petrarch2/dictionaries/Phoenix.IssueCoding.txt \
    ../shared/data/reuters21578 \
    ../shared/data/conll2003/eng.train.txt ../shared/data/conll2003/eng.testa.dev.txt \
    ../shared/data/kpcrowd
The last line of stdout is JSON.`,
		Args: argsUsage(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return usagef("train background: --out DIR is required")
			}
			format, err := ingest.ParseFormat(inFormat)
			if err != nil {
				return usageError{fmt.Errorf("--in: %w", err)}
			}
			k, err := kb.Load()
			if err != nil {
				return fmt.Errorf("loading the knowledge base: %w", err)
			}
			models, err := pipeline.LoadModelsWith("", k)
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			stderr := cmd.ErrOrStderr()
			start := time.Now()
			counter := tags.NewBackgroundCounter()
			for e := range k.Entries {
				if e.Office != nil {
					counter.AddRole(e.Office.Latest)
				}
			}
			if issues != "" {
				f, err := os.Open(issues)
				if err != nil {
					return inputError{err}
				}
				n, err := counter.ReadIssues(f)
				f.Close()
				if err != nil {
					return inputError{fmt.Errorf("%s: %w", issues, err)}
				}
				if n == 0 {
					return inputError{fmt.Errorf("%s: no issue phrases (want \"phrase [CODE]\" lines inside <ISSUE> sections, as Phoenix.IssueCoding.txt)", issues)}
				}
				fmt.Fprintf(stderr, "%s: %d issue phrases\n", issues, n)
			}
			prog := newProgress(-1, "counting")
			words := 0
			for a, err := range ingest.Sources(ctx, args, format, ingest.Options{}) {
				if err != nil {
					fmt.Fprintf(stderr, "tidings: %v\n", err)
					continue
				}
				doc := pipeline.Document(a)
				if err := models.AnnotateContext(ctx, doc, false); err != nil {
					return err
				}
				counter.Add(doc)
				words += len(doc.Tokens)
				prog.Add(1)
			}
			prog.Done()
			if counter.Docs() == 0 {
				return inputError{fmt.Errorf("%s: no articles", strings.Join(args, ", "))}
			}
			if err := os.MkdirAll(out, 0o755); err != nil {
				return err
			}
			path := filepath.Join(out, tags.BackgroundFile)
			f, err := os.Create(path)
			if err != nil {
				return err
			}
			n, err := counter.Write(f, minDF)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return fmt.Errorf("writing %s: %w", path, err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s: %d phrases from %d articles\n", path, n, counter.Docs())
			return printJSON(cmd.OutOrStdout(), map[string]any{"model": "background", "articles": counter.Docs(), "words": words, "phrases": n, "seconds": time.Since(start).Seconds()})
		},
	}
	c.Flags().StringVar(&out, "out", "", "directory to write "+tags.BackgroundFile+" into")
	c.Flags().StringVar(&inFormat, "in", "auto", "input format of DATA")
	c.Flags().StringVar(&issues, "issues", "", "a PETRARCH issue dictionary (Phoenix.IssueCoding.txt): its noun phrases rank first among topics")
	c.Flags().IntVar(&minDF, "min-df", 3, "noun phrases of two or three words met in fewer articles are left out (single nouns need two)")
	return c
}
