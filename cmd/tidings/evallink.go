package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"tidings/article"
	"tidings/eval"
	"tidings/kb"
	"tidings/pipeline"
)

// linkResult is eval link's JSON line.
type linkResult struct {
	Documents int      `json:"documents"`
	Named     int      `json:"named_mentions"`      // gold name mentions with a DBpedia link
	InKB      int      `json:"gold_in_kb"`          // of those, links the knowledge base holds
	Linked    int      `json:"system_linked"`       // of those, mentions the system linked to the KB
	Correct   int      `json:"correct"`             // linked to the gold entry
	Precision float64  `json:"precision"`           // correct / system_linked
	Recall    float64  `json:"recall"`              // correct / gold_in_kb
	F1        float64  `json:"f1"`                  //
	Missing   []string `json:"not_in_kb,omitempty"` // gold titles the KB lacks, most frequent first
}

func newEvalLink() *cobra.Command {
	var gold string
	c := &cobra.Command{
		Use:   "link --gold DIR",
		Short: "Score entity linking against MEANTIME's DBpedia links",
		Long: `Score entity linking against NewsReader MEANTIME files (a directory of .xml files): each
gold name mention (syntactic type NAM) whose entity has a DBpedia link is mapped to the knowledge
base by its Wikipedia title; the articles are analysed with their gold tokens, and a gold mention
counts as linked when a system entity has a mention with the same tokens (or overlapping them).
Precision is over the mentions the system linked, recall over the gold mentions whose link is in
the knowledge base. The last line is JSON.`,
		Example: "  tidings eval link --gold ../shared/data/meantime/intra_cross-doc_annotation",
		Args:    argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if gold == "" {
				return usagef("eval link: --gold DIR is required")
			}
			p, err := pipeline.New()
			if err != nil {
				return err
			}
			k, err := kb.Load()
			if err != nil {
				return err
			}
			var files []string
			err = filepath.WalkDir(gold, func(path string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() && strings.HasSuffix(path, ".xml") {
					files = append(files, path)
				}
				return err
			})
			if err != nil {
				return inputError{fmt.Errorf("gold: %w", err)}
			}
			sort.Strings(files)
			var r linkResult
			missing := map[string]int{}
			prog := newProgress(int64(len(files)), "linking")
			for _, path := range files {
				f, err := os.Open(path)
				if err != nil {
					return inputError{err}
				}
				doc, err := eval.ReadMeantime(f, path)
				f.Close()
				if err != nil {
					return inputError{err}
				}
				a := meantimeArticle(doc)
				an, err := p.Analyze(cmd.Context(), a)
				if err != nil {
					return err
				}
				// system link of each token range
				type span struct{ start, end int }
				exact := map[span]string{}
				var all []struct {
					s  span
					id string
				}
				for _, e := range an.Entities {
					if !e.Linked() {
						continue
					}
					for _, m := range e.Mentions {
						exact[span{m.Start, m.End}] = e.Entry.ID
						all = append(all, struct {
							s  span
							id string
						}{span{m.Start, m.End}, e.Entry.ID})
					}
				}
				r.Documents++
				for _, m := range doc.Mentions {
					if m.Syntactic != "NAM" || m.Title == "" {
						continue
					}
					r.Named++
					goldID := kbIDForTitle(k, m.Title)
					if goldID == "" {
						missing[m.Title]++
						continue
					}
					r.InKB++
					sys, ok := exact[span{m.Start, m.End}]
					if !ok { // the system mention that starts there, else any overlapping one
						for _, x := range all {
							if x.s.start == m.Start {
								sys, ok = x.id, true
								break
							}
						}
					}
					if !ok {
						for _, x := range all {
							if x.s.start < m.End && m.Start < x.s.end {
								sys, ok = x.id, true
								break
							}
						}
					}
					if !ok {
						continue
					}
					r.Linked++
					if sys == goldID {
						r.Correct++
					} else if os.Getenv("TIDINGS_LINK_ERRORS") != "" {
						fmt.Fprintf(cmd.ErrOrStderr(), "link error: %q gold %s system %s\n", m.Title, goldID, sys)
					}
				}
				prog.Add(1)
			}
			prog.Done()
			r.Precision, r.Recall = ratio(r.Correct, r.Linked), ratio(r.Correct, r.InKB)
			if r.Precision+r.Recall > 0 {
				r.F1 = 2 * r.Precision * r.Recall / (r.Precision + r.Recall)
			}
			for t := range missing {
				r.Missing = append(r.Missing, t)
			}
			sort.Slice(r.Missing, func(i, j int) bool {
				if missing[r.Missing[i]] != missing[r.Missing[j]] {
					return missing[r.Missing[i]] > missing[r.Missing[j]]
				}
				return r.Missing[i] < r.Missing[j]
			})
			if len(r.Missing) > 20 {
				r.Missing = r.Missing[:20]
			}
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "%d documents, %d gold name mentions with a link, %d of them in the knowledge base\n", r.Documents, r.Named, r.InKB)
			fmt.Fprintf(out, "linking  P %.4f  R %.4f  F1 %.4f  (linked %d, correct %d)\n", r.Precision, r.Recall, r.F1, r.Linked, r.Correct)
			return printJSON(out, r)
		},
	}
	c.Flags().StringVar(&gold, "gold", "", "directory of MEANTIME .xml files")
	return c
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// meantimeArticle makes an article of a MEANTIME document's gold tokens:
// one sentence a line.
func meantimeArticle(d eval.MeantimeDoc) article.Article {
	a := article.Article{ID: d.Name, Origin: d.Name, Given: &article.Tokenization{}}
	var lines []string
	for _, s := range d.Sentences {
		var gs article.Sentence
		for _, w := range s {
			gs.Tokens = append(gs.Tokens, article.Token{Form: w, SpaceAfter: true, Words: []article.Word{{Form: w, Head: -1}}})
		}
		a.Given.Sentences = append(a.Given.Sentences, gs)
		lines = append(lines, strings.Join(s, " "))
	}
	a.Body = strings.Join(lines, "\n")
	return a
}

// kbIDForTitle maps a Wikipedia title to the knowledge-base entry that
// the article is about: a country or organisation of that name; else a
// city, the largest one, in the place a ", Qualifier" names ("San Jose,
// California"); else the most prominent entry of the name without a
// parenthetical qualifier ("Apple (company)"). Unqualified titles of big
// cities are the city (London, Dubai), as on Wikipedia.
func kbIDForTitle(k *kb.KB, title string) string {
	name, qualifier := title, ""
	if i := strings.Index(name, " ("); i > 0 {
		name = name[:i]
	}
	if i := strings.Index(name, ", "); i > 0 {
		name, qualifier = name[:i], name[i+2:]
	}
	cands := k.Lookup(name)
	var cities []kb.Entry
	for _, e := range cands {
		switch e.Kind {
		case kb.KindCountry, kb.KindOrganisation, kb.KindMedia, kb.KindPerson:
			if qualifier == "" {
				return e.ID
			}
		case kb.KindCity:
			cities = append(cities, e)
		}
	}
	if qualifier != "" {
		in := map[string]bool{}
		for _, q := range k.Lookup(qualifier) {
			in[q.Country] = true
		}
		for _, c := range cities { // largest first, as Lookup orders them
			if in[c.Country] {
				return c.ID
			}
		}
	}
	if len(cities) > 0 && cities[0].Population >= 1_000_000 {
		return cities[0].ID
	}
	for _, e := range cands {
		if e.Kind != kb.KindDemonym {
			return e.ID
		}
	}
	return ""
}
