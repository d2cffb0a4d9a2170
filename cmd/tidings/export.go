package main

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"tidings/store"
)

func newExport() *cobra.Command {
	c := &cobra.Command{
		Use:   "export events [flags]",
		Short: "Export what the archive holds for analysts: its coded events as CSV or JSON lines",
		Args:  argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			return usagef("export: name what to export (see 'tidings export --help')")
		},
	}
	c.AddCommand(newExportEvents())
	return c
}

func newExportEvents() *cobra.Command {
	var db, from, to, code, actor, format string
	c := &cobra.Command{
		Use:   "events [--db FILE] [--from D] [--to D] [--code CODE] [--actor CODE] [--format csv|jsonl]",
		Short: "Export the archive's coded events, one line each, as CSV or JSON lines",
		Long: `Export the events stored in the archive (ingest codes them unless --events=false), one line each,
in order of the event's date, with GDELT-like columns: ` + strings.Join(store.EventExportColumns, ", ") + `.
Names are the actors' words in the article, location_name the place's; dead and injured are the
casualty counts coded with the event, blank when none was coded; sentence is the sentence the event
was coded from. --from and --to bound the event's date, --code selects a CAMEO code or its first
digits (19, 074) or a PLOVER category (ASSAULT), --actor a source or target CAMEO actor code or its
first letters (KAZ, KAZGOV). Lines are written as they are read: an archive of any size streams.
--db takes a SQLite file or a postgres:// URL.`,
		Example: `  tidings export events --db news.db --from 2026-01-01 --code 19 > violence.csv
  tidings export events --db news.db --actor KAZ --format jsonl`,
		Args: argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "csv" && format != "jsonl" {
				return usagef("--format %q: want csv or jsonl", format)
			}
			qf := queryFlags{from: from, to: to, event: code, actor: actor}
			q, err := qf.query("")
			if err != nil {
				return err
			}
			st, err := openArchive(cmd.Context(), db)
			if err != nil {
				return err
			}
			defer st.Close()
			bw := bufio.NewWriterSize(cmd.OutOrStdout(), 64<<10)
			n, err := store.ExportEvents(cmd.Context(), st, q, format, bw)
			if ferr := bw.Flush(); err == nil {
				err = ferr
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "%d events\n", n)
			return nil
		},
	}
	c.Flags().StringVar(&db, "db", defaultDB(), "the archive (a SQLite file or a postgres:// URL); env TIDINGS_DB")
	c.Flags().StringVar(&from, "from", "", "only events on or after this day (YYYY-MM-DD)")
	c.Flags().StringVar(&to, "to", "", "only events on or before this day (YYYY-MM-DD)")
	c.Flags().StringVar(&code, "code", "", "only events of this CAMEO code or prefix (19, 074) or PLOVER category (ASSAULT)")
	c.Flags().StringVar(&actor, "actor", "", "only events whose source or target has this CAMEO actor code or prefix (KAZ, KAZGOV)")
	c.Flags().StringVar(&format, "format", "csv", "csv (with a header line) or jsonl")
	return c
}
