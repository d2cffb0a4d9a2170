package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"tidings/internal/newstext"
	"tidings/record"
)

// TestAnalyzeStreamsAndStopsOnSignal analyses a short article and then a
// long one in a real process: the short one's result must be on stdout,
// whole, while the long one is still being analysed, and SIGTERM must end
// the process within a second, with nothing half-written.
func TestAnalyzeStreamsAndStopsOnSignal(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping: starts a process")
	}
	dir := t.TempDir()
	good := filepath.Join(dir, "a-good.txt")
	big := filepath.Join(dir, "b-big.txt")
	if err := os.WriteFile(good, []byte("Port strike ends\n\nDock workers in Valparaiso ended their strike on Monday, the union said.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(big, []byte("A long digest\n\n"+newstext.Text(4<<20)), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "analyze", "--workers", "1", "--published", "2026-03-10", good, big)
	cmd.Env = append(os.Environ(), "TIDINGS_TEST_RUN_MAIN=1")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(stdout)
		sc.Buffer(nil, 64<<20)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
		exited <- cmd.Wait()
	}()
	var first string
	select {
	case first = <-lines:
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("no result on stdout after 60s; stderr:\n%s", stderr.String())
	}
	var rec record.Record
	if err := json.Unmarshal([]byte(first), &rec); err != nil || rec.Title != "Port strike ends" {
		t.Fatalf("first line is not the short article's whole result (%v): %.200s", err, first)
	}
	// The short article is out; the long one (seconds of work) is not.
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatalf("the process ended before the long article was analysed: %v", err)
	}
	start := time.Now()
	var rest []string
	var waitErr error
	select {
	case waitErr = <-exited:
	case l, ok := <-lines:
		if ok {
			rest = append(rest, l)
		}
		waitErr = <-exited
	case <-time.After(5 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("still running 5s after SIGTERM")
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("the process took %s to end after SIGTERM; want within 1s", d)
	}
	for l := range lines {
		rest = append(rest, l)
	}
	if len(rest) > 0 {
		t.Errorf("after SIGTERM the process wrote %d more line(s): %.200s", len(rest), rest[0])
	}
	var ee *exec.ExitError
	if !errors.As(waitErr, &ee) || ee.ExitCode() != exitBadInput {
		t.Errorf("exit %v; want status %d", waitErr, exitBadInput)
	}
	if !strings.Contains(stderr.String(), "interrupted") {
		t.Errorf("stderr does not say it was interrupted:\n%s", stderr.String())
	}
}
