package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/spf13/cobra"

	"tidings/server"
	"tidings/store"
)

func newServe() *cobra.Command {
	var db, addr string
	var pf pipelineFlags
	var verbose bool
	c := &cobra.Command{
		Use:   "serve [--db FILE] [--addr HOST:PORT]",
		Short: "Serve the archive: a JSON API and a web page to search and browse it",
		Long: `Serve the archive over HTTP until interrupted (SIGINT or SIGTERM end it
gracefully: requests in flight finish).

The web page (/) searches the articles and shows each with its entities
highlighted, its tag line, and pages for entities and tags with timelines.
The JSON API is under /api/ and described by /api/openapi.json:
POST /api/analyze, GET /api/articles, /api/articles/{id}, /api/search,
/api/entities, /api/entities/{id}, /api/tags, /api/timeline, /api/stats.`,
		Example: "  tidings serve --db news.db --addr 127.0.0.1:8080",
		Args:    argsUsage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := store.Open(ctx, db)
			if err != nil {
				return inputError{err}
			}
			defer st.Close()
			// The API returns analysis objects, which carry no dependency
			// parse: it is skipped, as in ingest.
			p, err := pf.pipeline(false)
			if err != nil {
				return err
			}
			level := slog.LevelInfo
			if verbose {
				level = slog.LevelDebug
			}
			logger := slog.New(slog.NewTextHandler(cmd.ErrOrStderr(), &slog.HandlerOptions{Level: level}))
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return usageError{fmt.Errorf("--addr: %w", err)}
			}
			srv := server.NewHTTPServer(addr, server.New(st, p, server.Options{Logger: logger}))
			fmt.Fprintf(cmd.ErrOrStderr(), "tidings: serving %s on http://%s/\n", db, ln.Addr())
			done := make(chan error, 1)
			go func() { done <- srv.Serve(ln) }()
			select {
			case err := <-done:
				return err
			case <-ctx.Done():
			}
			shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			if err := srv.Shutdown(shutdown); err != nil {
				return fmt.Errorf("shutting down: %w", err)
			}
			if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
				return err
			}
			return nil
		},
	}
	c.Flags().StringVar(&db, "db", defaultDB(), "the archive (a SQLite file, created if missing); env TIDINGS_DB")
	c.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on")
	pf.register(c) // for POST /api/analyze
	c.Flags().BoolVarP(&verbose, "verbose", "v", false, "log every request")
	return c
}
