// Package shared locates the project's read-only training and evaluation
// data, which lives beside the repository in ../shared and is never copied
// into it.
package shared

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the shared data directory: $TIDINGS_SHARED if set, else the
// "shared" directory beside the module root found by walking up from the
// working directory. ok is false when it does not exist.
func Dir() (dir string, ok bool) {
	if d := os.Getenv("TIDINGS_SHARED"); d != "" {
		_, err := os.Stat(d)
		return d, err == nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			s := filepath.Join(filepath.Dir(d), "shared")
			_, err := os.Stat(s)
			return s, err == nil
		}
		if filepath.Dir(d) == d {
			return "", false
		}
	}
}

// Path joins elem to the shared directory, skipping the test with a clear
// message when the shared data (or that file) is absent, as on a bare clone.
func Path(tb testing.TB, elem ...string) string {
	tb.Helper()
	dir, ok := Dir()
	if !ok {
		tb.Skip("skipping: ../shared (training and evaluation data) is not present beside the repository")
	}
	p := filepath.Join(append([]string{dir}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("skipping: %s is not present", p)
	}
	return p
}
