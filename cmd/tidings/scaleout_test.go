package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"tidings/queue"
	"tidings/queue/queuetest"
	"tidings/store"
	"tidings/store/storetest"
)

// scaleOutArchive is the archive the scale-out tests share between
// processes: a fresh PostgreSQL database when TIDINGS_TEST_POSTGRES is set
// (as in CI), else a SQLite file.
func scaleOutArchive(t *testing.T) string {
	t.Helper()
	if os.Getenv("TIDINGS_TEST_POSTGRES") != "" || os.Getenv("TIDINGS_REQUIRE_POSTGRES") != "" {
		return storetest.NewDatabase(t, storetest.PostgresAdmin(t, "TIDINGS_TEST_POSTGRES"))
	}
	t.Log("TIDINGS_TEST_POSTGRES is not set: the workers share a SQLite archive")
	return filepath.Join(t.TempDir(), "archive.db")
}

// startWorker runs 'tidings worker' as a process of its own (this test
// binary, see TestMain), so that it can be killed.
func startWorker(t *testing.T, args ...string) (*exec.Cmd, *strings.Builder) {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"worker"}, args...)...)
	cmd.Env = append(os.Environ(), "TIDINGS_TEST_RUN_MAIN=1")
	var out strings.Builder
	cmd.Stdout = &out
	stderr, err := os.Create(filepath.Join(t.TempDir(), "worker.log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		stderr.Close()
		if t.Failed() {
			log, _ := os.ReadFile(stderr.Name())
			t.Logf("worker log:\n%s", log)
		}
	})
	// Ready once it says so: a signal sent earlier, while the process is
	// still starting, would find no handler yet and kill it outright.
	waitFor(t, "the worker to start", 60*time.Second, func() bool {
		log, _ := os.ReadFile(stderr.Name())
		return strings.Contains(string(log), "worker started")
	})
	return cmd, &out
}

// storedArticles counts the archive's articles, and how many distinct
// source ids they have.
func storedArticles(t *testing.T, db string) (n, distinct int) {
	t.Helper()
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	seen := map[string]bool{}
	for offset := 0; ; offset += store.MaxLimit {
		res, err := st.Search(context.Background(), store.Query{Tag: "local politics", Limit: store.MaxLimit, Offset: offset})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			seen[h.Title] = true
		}
		n = res.Total
		if offset+store.MaxLimit >= res.Total {
			break
		}
	}
	return n, len(seen)
}

// waitFor polls cond until it holds or the time is up.
func waitFor(t *testing.T, what string, limit time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", limit, what)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// waitStoredAndDrained waits until the archive holds n articles and the
// queue has none pending, and returns the queue for further checks.
func waitStoredAndDrained(t *testing.T, db, natsURL string, n int, limit time.Duration) *queue.Queue {
	t.Helper()
	waitFor(t, "all articles stored", limit, func() bool {
		stored, _ := storedArticles(t, db)
		return stored >= n
	})
	q, err := queue.Connect(context.Background(), natsURL, queue.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	waitFor(t, "the queue to drain", 30*time.Second, func() bool {
		p, err := q.Pending(context.Background())
		return err == nil && p == 0
	})
	return q
}

// TestWorkerKilledMidBatch queues articles, kills a worker with SIGKILL
// while it holds some, and lets a second worker finish: every article is
// stored exactly once and none is dead-lettered.
func TestWorkerKilledMidBatch(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping: starts processes")
	}
	const n = 300
	nats := queuetest.Start(t)
	db := scaleOutArchive(t)
	src := newsJSONL(t, n)
	code, out, errOut := tidings(t, "", "ingest", "--queue", nats.URL(), "--json", src)
	var sum ingestSummary
	lastJSON(t, out, &sum)
	if code != 0 || sum.Queued != n || strings.Count(out, `"status":"queued"`) != n {
		t.Fatalf("ingest --queue: exit %d, %+v\n%s", code, sum, errOut)
	}

	// Short redelivery, so that the killed worker's articles come back soon.
	args := []string{"--queue", nats.URL(), "--db", db, "--workers", "2", "--ack-wait", "2s"}
	first, _ := startWorker(t, args...)
	waitFor(t, "the first worker to store 60 articles", 60*time.Second, func() bool {
		stored, _ := storedArticles(t, db)
		return stored >= 60
	})
	if err := first.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	first.Wait()
	killedAt, _ := storedArticles(t, db)
	second, out2 := startWorker(t, args...)
	q := waitStoredAndDrained(t, db, nats.URL(), n, 90*time.Second)
	// A graceful stop prints the worker's summary.
	second.Process.Signal(syscall.SIGTERM)
	if err := second.Wait(); err != nil {
		t.Errorf("second worker after SIGTERM: %v", err)
	}
	var ws workerSummary
	if err := json.Unmarshal([]byte(strings.TrimSpace(out2.String())), &ws); err != nil {
		t.Fatalf("second worker's summary %q: %v", out2.String(), err)
	}
	stored, distinct := storedArticles(t, db)
	if stored != n || distinct != n {
		t.Errorf("archive holds %d articles (%d distinct); want each of the %d once", stored, distinct, n)
	}
	dead, err := q.DeadLetters(context.Background(), 10)
	if err != nil || len(dead) != 0 {
		t.Errorf("dead letters: %+v, %v; want none", dead, err)
	}
	t.Logf("killed with %d stored; the second worker stored %d new and found %d stored already (redelivered %d)",
		killedAt, ws.New, ws.Duplicate, ws.Queue.Redelivered)
	// A commit that the killed worker had sent may land after killedAt
	// was read: the second worker then finds those articles stored.
	if ws.New+ws.Duplicate+killedAt < n {
		t.Errorf("second worker handled %d new and %d stored after %d; want at least the remaining %d", ws.New, ws.Duplicate, killedAt, n-killedAt)
	}
}

// TestWorkerDeadLettersPoison publishes a message that is not an article:
// the worker moves it to the dead-letter subject with the reason, and goes
// on with the good articles.
func TestWorkerDeadLettersPoison(t *testing.T) {
	srv := queuetest.Start(t)
	db := filepath.Join(t.TempDir(), "archive.db")
	q, err := queue.Connect(context.Background(), srv.URL(), queue.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	nc, err := nats.Connect(srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, err := nc.JetStream()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := js.Publish(queue.SubjectArticles, []byte(`{"title": "half an arti`)); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := tidings(t, "", "ingest", "--queue", srv.URL(), newsJSONL(t, 5))
	if code != 0 {
		t.Fatalf("ingest --queue: %d\n%s", code, errOut)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	var out, errw syncWriter
	go func() {
		done <- run(ctx, []string{"worker", "--queue", srv.URL(), "--db", db, "--workers", "1"}, strings.NewReader(""), &out, &errw)
	}()
	waitFor(t, "the dead letter", 30*time.Second, func() bool {
		dead, err := q.DeadLetters(context.Background(), 10)
		return err == nil && len(dead) == 1
	})
	waitFor(t, "the good articles", 30*time.Second, func() bool {
		stored, _ := storedArticles(t, db)
		return stored == 5
	})
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("worker exit %d\n%s", code, errw.String())
	}
	code, out2, _ := tidings(t, "", "worker", "--queue", srv.URL(), "--dead-letters", "10")
	var listed []queue.DeadLetter
	if err := json.Unmarshal([]byte(out2), &listed); code != 0 || err != nil || len(listed) != 1 {
		t.Errorf("worker --dead-letters: exit %d, %v\n%s", code, err, out2)
	}
	dead, _ := q.DeadLetters(context.Background(), 10)
	if d := dead[0]; d.Article != nil || !strings.Contains(d.Reason, "JSON") && !strings.Contains(d.Reason, "json") && !strings.Contains(d.Reason, "article") {
		t.Errorf("dead letter %+v; want the bad message with a reason", d)
	}
}

// TestWorkerSurvivesPostgresRestart stops the PostgreSQL server that
// TIDINGS_RESTART_POSTGRES names for a few seconds while a worker stores:
// the worker waits and retries, and no article is lost or stored twice.
// The server must be one that no other test uses (CI starts a second
// cluster for this), and TIDINGS_RESTART_PGCTL, TIDINGS_RESTART_PGDATA and
// (as root) TIDINGS_RESTART_PGUSER_OS say how to stop and start it.
func TestWorkerSurvivesPostgresRestart(t *testing.T) {
	admin := os.Getenv("TIDINGS_RESTART_POSTGRES")
	pgctl, pgdata := os.Getenv("TIDINGS_RESTART_PGCTL"), os.Getenv("TIDINGS_RESTART_PGDATA")
	if admin == "" || pgctl == "" || pgdata == "" {
		if os.Getenv("TIDINGS_REQUIRE_POSTGRES") != "" {
			t.Fatal("TIDINGS_REQUIRE_POSTGRES is set but TIDINGS_RESTART_POSTGRES, _PGCTL or _PGDATA is not")
		}
		t.Skip("skipping: TIDINGS_RESTART_POSTGRES, TIDINGS_RESTART_PGCTL and TIDINGS_RESTART_PGDATA name a PostgreSQL server that this test may stop (see .ci/run)")
	}
	pgCtl := func(args ...string) {
		t.Helper()
		all := append([]string{pgctl, "-D", pgdata, "-w"}, args...)
		if user := os.Getenv("TIDINGS_RESTART_PGUSER_OS"); user != "" && os.Geteuid() == 0 {
			all = append([]string{"runuser", "-u", user, "--"}, all...)
		}
		if out, err := exec.Command(all[0], all[1:]...).CombinedOutput(); err != nil {
			t.Fatalf("%v: %v\n%s", all, err, out)
		}
	}
	const n = 200
	srv := queuetest.Start(t)
	db := storetest.NewDatabase(t, admin)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan int, 1)
	var out, errw syncWriter
	go func() {
		done <- run(ctx, []string{"worker", "--queue", srv.URL(), "--db", db, "--workers", "2", "--store-wait", "90s"}, strings.NewReader(""), &out, &errw)
	}()
	waitFor(t, "the worker to start", 30*time.Second, func() bool { return strings.Contains(errw.String(), "worker started") })
	// The articles arrive while the archive is down: every one of them
	// meets the outage, however fast the worker.
	pgCtl("stop", "-m", "fast")
	stoppedAt := time.Now()
	code, _, errOut := tidings(t, "", "ingest", "--queue", srv.URL(), newsJSONL(t, n))
	if code != 0 {
		t.Fatalf("ingest --queue: %d\n%s", code, errOut)
	}
	time.Sleep(3*time.Second - time.Since(stoppedAt))
	pgCtl("start", "-l", filepath.Join(filepath.Dir(pgdata), "server.log"))
	t.Logf("PostgreSQL was down for %.1fs", time.Since(stoppedAt).Seconds())
	q := waitStoredAndDrained(t, db, srv.URL(), n, 120*time.Second)
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("worker exit %d\n%s", code, errw.String())
	}
	var ws workerSummary
	sc := bufio.NewScanner(strings.NewReader(out.String()))
	for sc.Scan() {
		json.Unmarshal(sc.Bytes(), &ws)
	}
	stored, distinct := storedArticles(t, db)
	if stored != n || distinct != n {
		t.Errorf("archive holds %d articles (%d distinct); want each of the %d once", stored, distinct, n)
	}
	if dead, err := q.DeadLetters(context.Background(), 10); err != nil || len(dead) != 0 {
		t.Errorf("dead letters: %+v, %v; want none", dead, err)
	}
	if ws.StoreRetries == 0 {
		t.Errorf("worker summary %+v: no store retries, so the outage was not seen", ws)
	}
	t.Logf("worker: %s", fmt.Sprint(ws))
}

// TestWorkerWaitsForQueue starts a worker while NATS is down: it must wait
// and retry, as it does for the archive, and start work once NATS is up.
func TestWorkerWaitsForQueue(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping: starts processes")
	}
	srv := queuetest.Start(t)
	srv.Shutdown()
	db := filepath.Join(t.TempDir(), "archive.db")
	cmd := exec.Command(os.Args[0], "worker", "--queue", srv.URL(), "--db", db, "--workers", "1", "--store-wait", "1m")
	cmd.Env = append(os.Environ(), "TIDINGS_TEST_RUN_MAIN=1")
	logPath := filepath.Join(t.TempDir(), "worker.log")
	stderr, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	defer stderr.Close()
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-exited
		if t.Failed() {
			log, _ := os.ReadFile(logPath)
			t.Logf("worker log:\n%s", log)
		}
	})
	logSays := func(s string) func() bool {
		return func() bool {
			select {
			case err := <-exited:
				exited <- err
				t.Fatalf("the worker exited while waiting for NATS: %v", err)
			default:
			}
			log, _ := os.ReadFile(logPath)
			return strings.Contains(string(log), s)
		}
	}
	waitFor(t, "the worker to retry the queue", 60*time.Second, logSays("queue unavailable, retrying"))
	srv.Restart()
	waitFor(t, "the worker to start once NATS is up", 30*time.Second, logSays("worker started"))
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := <-exited; err != nil {
		t.Errorf("worker stopped with %v after SIGTERM", err)
	}
	exited <- nil
}
