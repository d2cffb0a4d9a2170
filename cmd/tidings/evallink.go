package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
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
	All       eval.PRF `json:"all_named"`           // over every gold name mention with a DBpedia link
	Missing   []string `json:"not_in_kb,omitempty"` // gold titles the KB lacks, most frequent first
}

func newEvalLink() *cobra.Command {
	var gold, set string
	var showErrors bool
	var modelDir string
	c := &cobra.Command{
		Use:   "link (--gold DIR | --set FILE.tsv) [--errors]",
		Short: "Score entity linking against MEANTIME's DBpedia links or a linking test set",
		Long: `Score entity linking against NewsReader MEANTIME files (a directory of .xml files): each
gold name mention (syntactic type NAM) whose entity has a DBpedia link is mapped to the knowledge
base by its Wikipedia title; the articles are analysed with their gold tokens, and a gold mention
counts as linked when a system entity has a mention with the same tokens (or overlapping them).
Precision is over the mentions the system linked, recall over the gold mentions whose link is in
the knowledge base. "all named" scores every gold name mention with a DBpedia link: precision over
those the system linked, recall over all of them (a mention whose entity the knowledge base lacks
cannot be correct). The last line is JSON.

--set scores a linking test set instead (link/testdata/news-linking.tsv: one sentence a row, its
date, and expected "surface=>identity" mentions, "Name#2" for a second occurrence; see
link/testdata/README.md). Each sentence is analysed as an article published on its date; an
expected surface takes the system entity whose
mention has its bytes, else overlaps them. An expected QID is right when the entity's wikidata is
that QID, a source key (sec:CIK, club:NAME, league:CODE) when the entity's id is that key; a "-"
mention is right when it is linked to nothing. Accuracy is given over the identity mentions and
over the must-not-link mentions, in all and per class.`,
		Example: "  tidings eval link --gold ../shared/data/meantime/intra_cross-doc_annotation\n  tidings eval link --set link/testdata/news-linking.tsv --errors",
		Args:    argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if set != "" {
				if gold != "" {
					return usagef("eval link: give --gold DIR or --set FILE, not both")
				}
				return evalLinkSet(cmd, set, modelDir, showErrors)
			}
			if gold == "" {
				return usagef("eval link: --gold DIR or --set FILE.tsv is required")
			}
			p, err := pipeline.NewWith(pipeline.Options{ModelDir: modelDir})
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
			var score eval.LinkScore
			kbID := func(title string) string { return kbIDForTitle(k, title) }
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
				an, err := p.Analyze(cmd.Context(), meantimeArticle(doc))
				if err != nil {
					return err
				}
				var sys []eval.SystemLink
				for _, e := range an.Entities {
					if !e.Linked() {
						continue
					}
					for _, m := range e.Mentions {
						sys = append(sys, eval.SystemLink{Start: m.Start, End: m.End, ID: e.Entry.ID})
					}
				}
				for _, e := range score.Add(doc.Mentions, sys, kbID) {
					if !showErrors {
						continue
					}
					gold := e.Gold
					if gold == "" {
						gold = "(not in the knowledge base)"
					}
					fmt.Fprintf(cmd.ErrOrStderr(), "link error: %s: %q gold %s system %s\n", doc.Name, e.Title, gold, e.System)
				}
				prog.Add(1)
			}
			prog.Done()
			if showErrors {
				for _, t := range score.AllMissing() {
					fmt.Fprintf(cmd.ErrOrStderr(), "not in the knowledge base: %q (%d mentions)\n", t, score.MissingCount(t))
				}
				titles, n := score.Unlinked()
				for _, t := range titles {
					fmt.Fprintf(cmd.ErrOrStderr(), "not linked: %q %s (%d mentions)\n", t, kbID(t), n[t])
				}
			}
			r := linkResult{
				Documents: score.Documents, Named: score.Named, InKB: score.InKB.Gold, Linked: score.InKB.System,
				Correct: score.InKB.Correct, Precision: score.InKB.Precision, Recall: score.InKB.Recall, F1: score.InKB.F1,
				All: score.All, Missing: score.Missing(20),
			}
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "%d documents, %d gold name mentions with a link, %d of them in the knowledge base\n", r.Documents, r.Named, r.InKB)
			fmt.Fprintf(out, "linking  P %.4f  R %.4f  F1 %.4f  (linked %d, correct %d)\n", r.Precision, r.Recall, r.F1, r.Linked, r.Correct)
			fmt.Fprintf(out, "all named  P %.4f  R %.4f  F1 %.4f  (gold %d, system %d, correct %d)\n",
				r.All.Precision, r.All.Recall, r.All.F1, r.All.Gold, r.All.System, r.All.Correct)
			return printJSON(out, r)
		},
	}
	c.Flags().StringVar(&gold, "gold", "", "directory of MEANTIME .xml files")
	c.Flags().StringVar(&set, "set", "", "a linking test set (tab-separated, as link/testdata/news-linking.tsv)")
	c.Flags().StringVar(&modelDir, "model", "", "model directory (default: the shipped models)")
	c.Flags().BoolVar(&showErrors, "errors", false, "print each wrongly linked mention (gold and system ids) and each gold title the knowledge base lacks on stderr")
	return c
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
// California"); else the most prominent entry of the name (namedAs). A
// parenthetical qualifier must fit (kbIDForQualified). Unqualified titles
// of big cities are the city (London, Dubai), as on Wikipedia.
func kbIDForTitle(k *kb.KB, title string) string {
	name, qualifier := title, ""
	if i := strings.Index(name, " ("); i > 0 && strings.HasSuffix(name, ")") {
		return kbIDForQualified(k, title, name[:i], name[i+2:len(name)-1])
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
		if e.Kind != kb.KindDemonym && namedAs(e, title, name) {
			return e.ID
		}
	}
	return ""
}

// kbIDForQualified maps a title with a parenthetical qualifier
// ("Washington (state)", "Ministry of Defence (United Kingdom)",
// "Darwin (operating system)") to the entry of the name that the
// qualifier fits: the entry whose Wikipedia title it is, else one of the
// kind the qualifier names or of the country it names; "" when the
// qualifier names something else (software, a band).
func kbIDForQualified(k *kb.KB, title, name, qualifier string) string {
	kinds := map[string][]string{
		"state": {kb.KindRegion}, "province": {kb.KindRegion}, "city": {kb.KindCity},
		"company": {kb.KindCompany}, "politician": {kb.KindPerson}, "judge": {kb.KindPerson},
		"businessman": {kb.KindPerson}, "businesswoman": {kb.KindPerson},
	}[qualifier]
	var country string
	for _, q := range k.Lookup(qualifier) {
		if q.Kind == kb.KindCountry {
			country = q.ID
			break
		}
	}
	cands := k.Lookup(name)
	for _, e := range cands {
		if e.Wikipedia == title {
			return e.ID
		}
	}
	for _, e := range cands {
		if slices.Contains(kinds, e.Kind) || country != "" && e.Country == country && e.Kind != kb.KindCity {
			return e.ID
		}
	}
	return ""
}

// namedAs reports whether a Wikipedia title, whose name without
// qualifiers is name, is e's: its Wikipedia title where a source gives
// one, else its name or an alias as written, case and all ("IMac" is not
// the firm IMAC); a club is not named by the city it is called after
// ("Frankfurt").
func namedAs(e kb.Entry, title, name string) bool {
	if e.Wikipedia != "" {
		return e.Wikipedia == title
	}
	switch e.Kind {
	case kb.KindClub, kb.KindNationalTeam, kb.KindLeague:
		return e.Name == name
	}
	return slices.Contains(e.Names(), name)
}

// linkSetResult is eval link --set's JSON line.
type linkSetResult struct {
	Set string `json:"set"`
	eval.LinkSetScore
}

// evalLinkSet scores the linking test set in path: each sentence is
// analysed as an article published on its date.
func evalLinkSet(cmd *cobra.Command, path, modelDir string, showErrors bool) error {
	cases, err := readSet(path, eval.ReadLinkSet)
	if err != nil {
		return err
	}
	p, err := pipeline.NewWith(pipeline.Options{Shallow: true, ModelDir: modelDir})
	if err != nil {
		return err
	}
	r := linkSetResult{Set: path}
	prog := newProgress(int64(len(cases)), "linking")
	for _, c := range cases {
		a := article.Article{ID: c.ID, Origin: path + "#" + c.ID, Body: c.Text, Published: c.Date}
		an, err := p.Analyze(cmd.Context(), a)
		if err != nil {
			return fmt.Errorf("%s#%s: %w", path, c.ID, err)
		}
		// Mentions as byte ranges of the sentence, which is the whole
		// text of an article without a title.
		var sys []eval.SystemMention
		for _, e := range an.Entities {
			for _, m := range e.Mentions {
				start, end := an.Doc.Bytes(m)
				sys = append(sys, eval.SystemMention{Start: start, End: end, Wikidata: e.Entry.Wikidata, ID: e.ID})
			}
		}
		for _, e := range r.Add(c, sys) {
			if showErrors {
				got := e.System
				switch {
				case !e.Found:
					got = "no entity"
				case got == "":
					got = "not linked"
				}
				fmt.Fprintf(cmd.ErrOrStderr(), "link error: %s %q want %s, system %s\n", e.Case, e.Surface, e.Expected, got)
			}
		}
		prog.Add(1)
	}
	prog.Done()
	out := cmd.OutOrStdout()
	line := func(name string, k *eval.LinkSetClass) {
		fmt.Fprintf(out, "%-14s %3d sentences  identity %.4f (%d/%d, linked %d)  must-not-link %.4f (%d/%d)\n", name, k.Sentences,
			k.Identity.Accuracy, k.Identity.Correct, k.Identity.Mentions, k.Identity.Linked,
			k.MustNotLink.Accuracy, k.MustNotLink.Correct, k.MustNotLink.Mentions)
	}
	line("all", &r.All)
	for _, c := range r.Classes() {
		line(c, r.ByClass[c])
	}
	return printJSON(out, r)
}
