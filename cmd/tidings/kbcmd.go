package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"tidings/kb"
)

func newKB() *cobra.Command {
	c := &cobra.Command{
		Use:   "kb lookup NAME",
		Short: "Query the knowledge base",
		Args:  argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			return usagef("kb: name a subcommand (see 'tidings kb --help')")
		},
	}
	c.AddCommand(&cobra.Command{
		Use:   "lookup NAME",
		Short: "Print the knowledge-base candidates for a name, as JSON",
		Long: `Print the entries of the knowledge base that go by NAME (compared without case and
diacritics), most prominent first, with a score in [0, 1]: one JSON array on stdout.`,
		Example: "  tidings kb lookup Kazakh\n  tidings kb lookup \"Collective Security Treaty Organization\"",
		Args:    argsUsage(cobra.MinimumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			k, err := kb.Load()
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
	})
	return c
}
