package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"tidings/ingest"
	"tidings/store"
)

// queryFlags are the archive filters that search, bench --search and the
// API share.
type queryFlags struct {
	entity, tag, from, to, event, actor string
	limit, offset                       int
}

func (qf *queryFlags) register(c *cobra.Command) {
	fl := c.Flags()
	fl.StringVar(&qf.entity, "entity", "", "only articles that mention this entity id (e.g. Q232, local:per:jane-doe)")
	fl.StringVar(&qf.tag, "tag", "", "only articles with this tag (any case)")
	fl.StringVar(&qf.from, "from", "", "only articles published on or after this day (YYYY-MM-DD)")
	fl.StringVar(&qf.to, "to", "", "only articles published on or before this day (YYYY-MM-DD)")
	fl.StringVar(&qf.event, "event", "", "only articles with an event of this CAMEO code or prefix (19, 074) or PLOVER category (ASSAULT); stored by ingest unless --events=false")
	fl.StringVar(&qf.actor, "actor", "", "only articles with an event whose source or target has this CAMEO actor code or prefix (KAZ, KAZGOV)")
	fl.IntVar(&qf.limit, "limit", store.DefaultLimit, fmt.Sprintf("results per page (at most %d)", store.MaxLimit))
	fl.IntVar(&qf.offset, "offset", 0, "results to skip (for the next pages)")
}

func (qf *queryFlags) query(text string) (store.Query, error) {
	q := store.Query{Text: text, Entity: qf.entity, Tag: qf.tag, Event: qf.event, Actor: qf.actor, Limit: qf.limit, Offset: qf.offset}
	var err error
	if q.From, err = parseDay(qf.from); err != nil {
		return q, usageError{fmt.Errorf("--from: %w", err)}
	}
	if q.To, err = parseDay(qf.to); err != nil {
		return q, usageError{fmt.Errorf("--to: %w", err)}
	}
	if err := q.CheckEvents(); err != nil {
		return q, usageError{fmt.Errorf("--event/--actor: %w", err)}
	}
	if err := q.CheckText(); err != nil {
		return q, usageError{err}
	}
	if qf.limit < 0 || qf.limit > store.MaxLimit || qf.offset < 0 {
		return q, usagef("--limit must be in [0, %d] and --offset not negative", store.MaxLimit)
	}
	return q, nil
}

// openArchive opens an existing archive for reading: a SQLite file that
// must exist, or a database URL.
func openArchive(ctx context.Context, db string) (store.Store, error) {
	if _, err := os.Stat(db); err != nil && !strings.Contains(db, "://") {
		return nil, inputError{fmt.Errorf("archive %s: %w (create it with 'tidings ingest --db %s SOURCE')", db, err, db)}
	}
	st, err := store.Open(ctx, db)
	if err != nil {
		return nil, inputError{err}
	}
	return st, nil
}

// parseDay reads a --from or --to day; "" is no bound.
func parseDay(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := ingest.ParseDate(s)
	if err != nil {
		return t, fmt.Errorf("%w (want YYYY-MM-DD)", err)
	}
	return t, nil
}

func newSearch() *cobra.Command {
	var qf queryFlags
	var db string
	var asJSON bool
	c := &cobra.Command{
		Use:   "search [--db FILE] [--entity ID] [--tag T] [--event CODE] [--actor CODE] [--from D] [--to D] [--json] [QUERY...]",
		Short: "Search the archive: ranked full text (BM25) with filters",
		Long: `Search the archive's articles, best first (BM25, title words weigh more).

Every word of QUERY is required; "quoted words" are a phrase; OR between two
terms makes either enough; a trailing * matches a prefix (econom*). Words are
stemmed (strike finds striking). Without a QUERY, the filters alone select
articles, newest first. --json prints the results as one JSON object.`,
		Example: `  tidings search --db news.db oil prices
  tidings search --db news.db --entity Q232 --from 2022-01-01 "security council"
  tidings search --db news.db --tag earn --json
  tidings search --db news.db --event 19 --actor KAZ`,
		Args: argsUsage(cobra.ArbitraryArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			text := strings.Join(args, " ")
			q, err := qf.query(text)
			if err != nil {
				return err
			}
			if text == "" && q.Entity == "" && q.Tag == "" && q.Event == "" && q.Actor == "" && q.From.IsZero() && q.To.IsZero() {
				return usagef("search: give a QUERY or a filter (see 'tidings search --help')")
			}
			st, err := openArchive(cmd.Context(), db)
			if err != nil {
				return err
			}
			defer st.Close()
			res, err := st.Search(cmd.Context(), q)
			if err != nil {
				return inputError{err}
			}
			out := cmd.OutOrStdout()
			if asJSON {
				return printJSON(out, res)
			}
			printHits(out, q, res, isTerminal(out))
			return nil
		},
	}
	qf.register(c)
	c.Flags().StringVar(&db, "db", defaultDB(), "the archive (a SQLite file); env TIDINGS_DB")
	c.Flags().BoolVar(&asJSON, "json", false, "print the results as one JSON object")
	return c
}

// printHits writes results for a person: matches in bold on a terminal,
// between » « otherwise.
func printHits(w io.Writer, q store.Query, res *store.Results, color bool) {
	open, close := "»", "«"
	if color {
		open, close = "\x1b[1m", "\x1b[0m"
	}
	for i, h := range res.Hits {
		date := h.Published
		if date == "" {
			date = "----------"
		}
		fmt.Fprintf(w, "%d. %s  %s  [id %d", q.Offset+i+1, date, h.Title, h.ID)
		if h.Score > 0 {
			fmt.Fprintf(w, ", score %.2f", h.Score)
		}
		fmt.Fprintln(w, "]")
		snippet := strings.NewReplacer(store.MarkStart, open, store.MarkEnd, close, "\n", " ").Replace(h.Snippet)
		fmt.Fprintf(w, "   %s\n", strings.Join(strings.Fields(snippet), " "))
		if len(h.Tags) > 0 {
			fmt.Fprintf(w, "   tags: %s\n", strings.Join(h.Tags, ", "))
		}
	}
	shown := len(res.Hits)
	if shown == 0 {
		fmt.Fprintf(w, "no matches (%d in all)\n", res.Total)
		return
	}
	fmt.Fprintf(w, "%d-%d of %d\n", q.Offset+1, q.Offset+shown, res.Total)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
