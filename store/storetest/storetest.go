// Package storetest gives tests a fresh PostgreSQL database of their own
// on the server that the environment names.
package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
)

// PostgresAdmin returns the postgres:// URL in the environment variable
// env (a role that may create databases). Without it the test skips,
// unless TIDINGS_REQUIRE_POSTGRES is set (as CI does), when it fails.
// `eval "$(.ci/postgres.sh)"` starts a server and sets TIDINGS_TEST_POSTGRES.
func PostgresAdmin(tb testing.TB, env string) string {
	tb.Helper()
	dsn := os.Getenv(env)
	if dsn == "" {
		if os.Getenv("TIDINGS_REQUIRE_POSTGRES") != "" {
			tb.Fatalf("TIDINGS_REQUIRE_POSTGRES is set but %s is not", env)
		}
		tb.Skipf(`skipping PostgreSQL: %s is not set (eval "$(.ci/postgres.sh)" starts a server and sets TIDINGS_TEST_POSTGRES)`, env)
	}
	return dsn
}

// NewDatabase creates an empty database with a unique name on the server
// of the admin URL, dropped when the test ends, and returns its URL.
func NewDatabase(tb testing.TB, admin string) string {
	tb.Helper()
	u, err := url.Parse(admin)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		tb.Fatalf("want a postgres:// URL, not %q", admin)
	}
	ctx := context.Background()
	name := fmt.Sprintf("tidings_test_%d_%016x", os.Getpid(), rand.Uint64())
	exec := func(sql string) error {
		conn, err := pgx.Connect(ctx, admin)
		if err != nil {
			return err
		}
		defer conn.Close(ctx)
		_, err = conn.Exec(ctx, sql)
		return err
	}
	// template0: template1 may be in use by someone else, which CREATE
	// DATABASE refuses.
	if err := exec(`CREATE DATABASE ` + name + ` TEMPLATE template0 ENCODING 'UTF8'`); err != nil {
		tb.Fatalf("creating test database on %s: %v", u.Redacted(), err)
	}
	tb.Cleanup(func() {
		if err := exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`); err != nil {
			tb.Errorf("dropping test database %s: %v", name, err)
		}
	})
	u.Path = "/" + name
	return u.String()
}
