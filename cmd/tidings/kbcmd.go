package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"tidings/kb"
)

func newKB() *cobra.Command {
	c := &cobra.Command{
		Use:   "kb lookup|import",
		Short: "Query the knowledge base, or import Wikidata into a knowledge-base file",
		Args:  argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			return usagef("kb: name a subcommand (see 'tidings kb --help')")
		},
	}
	c.AddCommand(newKBLookup(), newKBImport())
	return c
}

func newKBLookup() *cobra.Command {
	var kbFiles []string
	c := &cobra.Command{
		Use:   "lookup [--kb FILE]... NAME",
		Short: "Print the knowledge-base candidates for a name, as JSON",
		Long: `Print the entries of the knowledge base that go by NAME (compared without case and
diacritics), most prominent first, with a score in [0, 1]: one JSON array on stdout.
--kb FILE (repeatable) and $TIDINGS_KB add knowledge-base files, as for analyze.`,
		Example: "  tidings kb lookup Kazakh\n  tidings kb lookup \"Collective Security Treaty Organization\"\n  tidings kb lookup --kb wikidata.kb \"Larry Sanger\"",
		Args:    argsUsage(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			k, err := kb.LoadWith(kbFiles...)
			if err != nil {
				return err
			}
			name := strings.Join(args, " ")
			entries := k.Lookup(name)
			type candidate struct {
				Score float64 `json:"score"`
				kb.Entry
			}
			out := make([]candidate, len(entries))
			for i, e := range entries {
				// Lookup orders by prominence; the score says how far
				// down that order a candidate is.
				out[i] = candidate{Score: 1 / float64(i+1), Entry: e}
			}
			b, err := json.MarshalIndent(out, "", "  ")
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s\n", b)
			return err
		},
	}
	c.Flags().StringArrayVar(&kbFiles, "kb", nil, "a knowledge-base file (from 'kb import') or a tab-separated extension (repeatable)")
	return c
}

func newKBImport() *cobra.Command {
	var (
		inputs []string
		out    string
		f      = kb.DefaultWikidataFilter
		maxBad int
	)
	c := &cobra.Command{
		Use:   "import --wikidata FILE|DIR... [--out FILE]",
		Short: "Import the entities news needs from a Wikidata JSON dump into a knowledge-base file",
		Long: `Read a Wikidata JSON dump (latest-all.json.gz or .bz2, or uncompressed: one entity per
line inside [ ]), or entity documents as Wikidata's API returns them, and write the
entities that news needs to a knowledge-base file that 'analyze --kb FILE' (and every
command that takes --kb) and $TIDINGS_KB load on top of the embedded knowledge base.

Kept: people (Q5) who held a position (P39), athletes (a P54 team) and other people with
enough sitelinks; political parties, international organisations, government agencies,
sports teams, companies and other organisations with enough sitelinks; cities, towns
and, when large or well covered, villages and settlements. Membership is by direct
instance of (P31); the README's "kb import" section lists the classes and where each id
was confirmed. Entities need an English label (or English Wikipedia title).

Reading streams in constant memory (the largest line decides the buffer; a line over
64 MB is a bad line); gzip is decompressed with klauspost/compress, bzip2 with Go's
compress/bzip2 (several times slower: prefer .gz). A DIR is read recursively: its
.json, .ndjson and .jsonl files, optionally .gz or .bz2, in name order. Bad lines are
counted and the first --max-bad are named; they never stop the import.

A progress bar on bytes read goes to stderr on a terminal. The summary is one JSON
object on stdout: entities read, kept (by kind), skipped, bad lines with their
line numbers, bytes, seconds.`,
		Example: "  tidings kb import --wikidata latest-all.json.gz --out wikidata.kb\n" +
			"  tidings analyze --kb wikidata.kb article.txt\n" +
			"  TIDINGS_KB=wikidata.kb tidings kb lookup \"Larry Sanger\"",
		Args: argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(inputs) == 0 {
				return usagef("kb import: name the dump with --wikidata FILE (see 'tidings kb import --help')")
			}
			if out == "" {
				return usagef("kb import: --out must name a file")
			}
			if st, err := os.Stat(out); err == nil && st.IsDir() {
				return usagef("kb import: --out %s is a directory", out)
			}
			var total int64
			for _, in := range inputs {
				n, err := inputSize(in)
				if err != nil {
					return inputError{fmt.Errorf("kb import: %w", err)}
				}
				total += n
			}
			bar := newProgress(total, "reading")
			var last int64
			sum, err := kb.ImportWikidata(cmd.Context(), inputs, out, kb.ImportOptions{
				Filter:      &f,
				MaxBadNamed: maxBad,
				Progress: func(n int64) {
					bar.Add(int(n - last))
					last = n
				},
			})
			bar.Done()
			if err != nil {
				return fmt.Errorf("kb import: %w", err)
			}
			if sum.BadLines > 0 {
				fmt.Fprintf(cmd.ErrOrStderr(), "tidings: kb import: %d bad lines skipped (the first are named in \"bad\")\n", sum.BadLines)
			}
			return printJSON(cmd.OutOrStdout(), sum)
		},
	}
	fl := c.Flags()
	fl.StringArrayVar(&inputs, "wikidata", nil, "a Wikidata JSON dump (.json, .json.gz, .json.bz2) or a directory of them (repeatable)")
	fl.StringVarP(&out, "out", "o", "wikidata.kb", "the knowledge-base file to write (replaced when the import succeeds)")
	fl.IntVar(&maxBad, "max-bad", 20, "how many bad lines the summary names (all are counted)")
	fl.IntVar(&f.PersonSitelinks, "person-sitelinks", f.PersonSitelinks, "sitelinks a person needs who held no position (P39) and played for no team (P54)")
	fl.IntVar(&f.AthleteSitelinks, "athlete-sitelinks", f.AthleteSitelinks, "sitelinks a person with a sports team (P54) needs")
	fl.IntVar(&f.OrganisationSitelinks, "organisation-sitelinks", f.OrganisationSitelinks, "sitelinks an organisation, company, party, team or agency needs")
	fl.IntVar(&f.PlaceSitelinks, "place-sitelinks", f.PlaceSitelinks, "sitelinks a city or town needs (or --place-population)")
	fl.IntVar(&f.PlacePopulation, "place-population", f.PlacePopulation, "population that keeps a city or town with fewer sitelinks")
	fl.IntVar(&f.HamletSitelinks, "village-sitelinks", f.HamletSitelinks, "sitelinks a village or other settlement needs (or --village-population)")
	fl.IntVar(&f.HamletPopulation, "village-population", f.HamletPopulation, "population that keeps a village or settlement with fewer sitelinks")
	return c
}

// inputSize is the size of a file, or of the files a directory holds,
// for the progress bar.
func inputSize(path string) (int64, error) {
	var n int64
	err := filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n, err
}
