package queue

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"tidings/article"
	"tidings/queue/queuetest"
)

// fastRetries keeps redelivery delays of tests short.
var fastRetries = []time.Duration{20 * time.Millisecond}

func TestWorkHandlesEachArticleOnce(t *testing.T) {
	url, _ := queuetest.StartServer(t)
	q := connect(t, url, Options{})
	const n = 300
	publishN(t, q, 0, n)
	if got := pending(t, q); got != n {
		t.Fatalf("Pending after publishing %d = %d", n, got)
	}

	rec := newRecorder()
	var busy, maxBusy atomic.Int32
	w := startWork(q, WorkOptions{Concurrency: 4}, func(ctx context.Context, a article.Article) error {
		b := busy.Add(1)
		defer busy.Add(-1)
		for {
			m := maxBusy.Load()
			if b <= m || maxBusy.CompareAndSwap(m, b) {
				break
			}
		}
		rec.add(a.ID)
		time.Sleep(time.Millisecond)
		return nil
	})
	// Back-pressure: the worker holds no more articles than it has
	// handlers.
	maxInFlight := 0
	waitFor(t, 10*time.Second, "the queue to drain", func() bool {
		info, err := q.Info(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		maxInFlight = max(maxInFlight, info.InFlight)
		return info.Pending == 0
	})
	if err := w.stop(t); err != nil {
		t.Fatalf("Work: %v", err)
	}
	if maxInFlight > 4 {
		t.Errorf("%d articles delivered and not acknowledged at once, want at most Concurrency 4", maxInFlight)
	}
	for i := range n {
		if c := rec.count(testArticle(i).ID); c != 1 {
			t.Errorf("article %d handled %d times, want once", i, c)
		}
	}
	if m := maxBusy.Load(); m > 4 || m < 2 {
		t.Errorf("at most %d handlers ran at once, want between 2 and Concurrency 4", m)
	}
	st := q.Stats()
	if st.Published != n || st.Delivered != n || st.Acked != n || st.Redelivered != 0 || st.DeadLettered != 0 {
		t.Errorf("Stats = %+v, want %d published, delivered and acked", st, n)
	}
	info, err := q.Info(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if info.Messages != 0 {
		t.Errorf("stream holds %d messages after all were acknowledged, want 0 (work-queue retention)", info.Messages)
	}
}

func TestRetryThenSuccess(t *testing.T) {
	url, _ := queuetest.StartServer(t)
	q := connect(t, url, Options{})
	publishN(t, q, 0, 1)
	rec := newRecorder()
	w := startWork(q, WorkOptions{Concurrency: 2, RetryDelays: fastRetries}, func(ctx context.Context, a article.Article) error {
		if rec.add(a.ID) <= 2 {
			return errors.New("database unavailable")
		}
		return nil
	})
	waitFor(t, 5*time.Second, "the article to be acknowledged", func() bool { return q.Stats().Acked == 1 })
	if err := w.stop(t); err != nil {
		t.Fatal(err)
	}
	if c := rec.count("a0"); c != 3 {
		t.Errorf("handled %d times, want 3", c)
	}
	st := q.Stats()
	if st.Retried != 2 || st.Redelivered != 2 || st.DeadLettered != 0 {
		t.Errorf("Stats = %+v, want 2 retried, 2 redelivered, none dead", st)
	}
	if p := pending(t, q); p != 0 {
		t.Errorf("Pending = %d, want 0", p)
	}
}

func TestFailingArticleIsDeadLettered(t *testing.T) {
	tests := []struct {
		name       string
		err        error
		wantCalls  int
		wantReason string
	}{
		{"always fails", errors.New("database unavailable"), 3, "failed 3 times, last: database unavailable"},
		{"permanent", Permanent(fmt.Errorf("analysing: %w", errors.New("text is not in a supported language"))), 1,
			"permanent failure: analysing: text is not in a supported language"},
		{"wrapped permanent", fmt.Errorf("storing: %w", Permanent(errors.New("rejected"))), 1, "permanent failure: storing: rejected"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			url, _ := queuetest.StartServer(t)
			q := connect(t, url, Options{MaxDeliver: 3})
			publishN(t, q, 0, 1)
			rec := newRecorder()
			w := startWork(q, WorkOptions{RetryDelays: fastRetries}, func(ctx context.Context, a article.Article) error {
				rec.add(a.ID)
				return tt.err
			})
			waitFor(t, 5*time.Second, "a dead letter", func() bool { return q.Stats().DeadLettered == 1 })
			waitFor(t, 5*time.Second, "the queue to drain", func() bool { return pending(t, q) == 0 })
			if err := w.stop(t); err != nil {
				t.Fatal(err)
			}
			if c := rec.count("a0"); c != tt.wantCalls {
				t.Errorf("handled %d times, want %d", c, tt.wantCalls)
			}
			dead, err := q.DeadLetters(context.Background(), 0)
			if err != nil {
				t.Fatal(err)
			}
			if len(dead) != 1 {
				t.Fatalf("%d dead letters, want 1", len(dead))
			}
			d := dead[0]
			if d.Reason != tt.wantReason || d.Deliveries != tt.wantCalls || d.Origin != "test:0" || d.Subject != SubjectArticles || d.Original == 0 {
				t.Errorf("dead letter = %+v", d)
			}
			if d.Article == nil || d.Article.URL != testArticle(0).URL {
				t.Errorf("dead letter's article = %+v, want article 0", d.Article)
			}
		})
	}
}

func TestPoisonMessageIsDeadLetteredAtOnce(t *testing.T) {
	url, _ := queuetest.StartServer(t)
	q := connect(t, url, Options{})
	msg := nats.NewMsg(SubjectArticles)
	msg.Data = []byte(`{"Title": "cut off`)
	msg.Header.Set(HeaderOrigin, "feed.xml:12")
	if _, err := q.js.PublishMsg(context.Background(), msg); err != nil {
		t.Fatal(err)
	}
	var calls atomic.Int32
	w := startWork(q, WorkOptions{}, func(ctx context.Context, a article.Article) error {
		calls.Add(1)
		return nil
	})
	waitFor(t, 5*time.Second, "a dead letter", func() bool { return q.Stats().DeadLettered == 1 })
	if err := w.stop(t); err != nil {
		t.Fatal(err)
	}
	if calls.Load() != 0 {
		t.Errorf("handler called %d times on a message that is not an article", calls.Load())
	}
	dead, err := q.DeadLetters(context.Background(), 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(dead) != 1 || !strings.HasPrefix(dead[0].Reason, "not an article: ") || dead[0].Deliveries != 1 ||
		dead[0].Origin != "feed.xml:12" || dead[0].Article != nil || string(dead[0].Data) != string(msg.Data) {
		t.Errorf("dead letters = %+v", dead)
	}
	if p := pending(t, q); p != 0 {
		t.Errorf("Pending = %d, want 0", p)
	}
}

func TestPanickingHandlerIsRetried(t *testing.T) {
	url, _ := queuetest.StartServer(t)
	q := connect(t, url, Options{})
	publishN(t, q, 0, 1)
	rec := newRecorder()
	w := startWork(q, WorkOptions{RetryDelays: fastRetries}, func(ctx context.Context, a article.Article) error {
		if rec.add(a.ID) == 1 {
			var m map[string]int
			m["boom"]++ // panics: nil map
		}
		return nil
	})
	waitFor(t, 5*time.Second, "the article to be acknowledged", func() bool { return q.Stats().Acked == 1 })
	if err := w.stop(t); err != nil {
		t.Fatal(err)
	}
	if c := rec.count("a0"); c != 2 {
		t.Errorf("handled %d times, want 2", c)
	}
}

func TestRedrive(t *testing.T) {
	url, _ := queuetest.StartServer(t)
	q := connect(t, url, Options{})
	publishN(t, q, 0, 2)
	var fixed atomic.Bool
	rec := newRecorder()
	w := startWork(q, WorkOptions{}, func(ctx context.Context, a article.Article) error {
		if a.ID == "a1" && !fixed.Load() {
			return Permanent(errors.New("unsupported"))
		}
		rec.add(a.ID)
		return nil
	})
	defer w.stop(t)
	waitFor(t, 5*time.Second, "a dead letter", func() bool { return q.Stats().DeadLettered == 1 })
	dead, err := q.DeadLetters(context.Background(), 0)
	if err != nil || len(dead) != 1 {
		t.Fatalf("DeadLetters = %v, %v", dead, err)
	}
	fixed.Store(true)
	if err := q.Redrive(context.Background(), dead[0].Sequence); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 5*time.Second, "the redriven article", func() bool { return rec.count("a1") == 1 })
	if dead, err := q.DeadLetters(context.Background(), 0); err != nil || len(dead) != 0 {
		t.Errorf("after Redrive, DeadLetters = %v, %v; want none", dead, err)
	}
	if err := q.Redrive(context.Background(), dead[0].Sequence); err == nil {
		t.Error("Redrive of a dead letter already redriven succeeded")
	}
}

func TestLongHandlerIsNotRedelivered(t *testing.T) {
	url, _ := queuetest.StartServer(t)
	q1 := connect(t, url, Options{AckWait: 500 * time.Millisecond})
	q2 := connect(t, url, Options{AckWait: 500 * time.Millisecond})
	publishN(t, q1, 0, 1)
	rec := newRecorder()
	slow := func(ctx context.Context, a article.Article) error {
		rec.add(a.ID)
		time.Sleep(1500 * time.Millisecond) // three times AckWait
		return nil
	}
	w1 := startWork(q1, WorkOptions{}, slow)
	w2 := startWork(q2, WorkOptions{}, slow)
	waitFor(t, 5*time.Second, "the article to be acknowledged", func() bool { return q1.Stats().Acked+q2.Stats().Acked == 1 })
	w1.stop(t)
	w2.stop(t)
	if c := rec.count("a0"); c != 1 {
		t.Errorf("handled %d times, want once: progress reports should hold the article", c)
	}
}

func TestGracefulShutdown(t *testing.T) {
	url, _ := queuetest.StartServer(t)
	// A long AckWait: anything given back must come back at once, not
	// after the ack wait.
	q1 := connect(t, url, Options{AckWait: time.Minute})
	const n = 10
	publishN(t, q1, 0, n)

	started := make(chan string, n)
	release := make(chan struct{})
	rec := newRecorder()
	w1 := startWork(q1, WorkOptions{Concurrency: 2}, func(ctx context.Context, a article.Article) error {
		started <- a.ID
		<-release
		rec.add(a.ID)
		return nil
	})
	first := []string{<-started, <-started}
	w1.cancel()
	time.Sleep(50 * time.Millisecond) // the stop is under way; handlers still run
	close(release)
	if err := <-w1.done; err != nil {
		t.Fatalf("Work returned %v after a stop, want nil", err)
	}
	for _, id := range first {
		if rec.count(id) != 1 {
			t.Errorf("in-flight article %s handled %d times, want once", id, rec.count(id))
		}
	}
	if st := q1.Stats(); st.Acked != 2 {
		t.Errorf("first worker's Stats = %+v, want its 2 in-flight articles acknowledged", st)
	}

	q2 := connect(t, url, Options{AckWait: time.Minute})
	w2 := startWork(q2, WorkOptions{Concurrency: 4}, func(ctx context.Context, a article.Article) error {
		rec.add(a.ID)
		return nil
	})
	waitFor(t, 5*time.Second, "the second worker to drain the queue", func() bool { return pending(t, q2) == 0 })
	w2.stop(t)
	for i := range n {
		if c := rec.count(testArticle(i).ID); c != 1 {
			t.Errorf("article %d handled %d times, want once", i, c)
		}
	}
}

func TestShutdownGiveBackUnfinished(t *testing.T) {
	url, _ := queuetest.StartServer(t)
	q1 := connect(t, url, Options{AckWait: time.Minute})
	publishN(t, q1, 0, 1)
	started := make(chan struct{}, 1)
	var sawCancel atomic.Bool
	w1 := startWork(q1, WorkOptions{ShutdownGrace: 200 * time.Millisecond}, func(ctx context.Context, a article.Article) error {
		started <- struct{}{}
		<-ctx.Done() // an analysis that takes too long
		sawCancel.Store(true)
		return ctx.Err()
	})
	<-started
	begin := time.Now()
	if err := w1.stop(t); err != nil {
		t.Fatal(err)
	}
	if took := time.Since(begin); took > 3*time.Second {
		t.Errorf("stop took %v with a grace of 200ms", took)
	}
	if !sawCancel.Load() {
		t.Error("the handler's context was not cancelled when the grace ran out")
	}
	if st := q1.Stats(); st.Interrupted != 1 || st.Retried != 0 || st.DeadLettered != 0 {
		t.Errorf("Stats = %+v, want 1 interrupted", st)
	}

	q2 := connect(t, url, Options{AckWait: time.Minute})
	rec := newRecorder()
	w2 := startWork(q2, WorkOptions{}, func(ctx context.Context, a article.Article) error {
		rec.add(a.ID)
		return nil
	})
	defer w2.stop(t)
	// Well before the minute of AckWait.
	waitFor(t, 3*time.Second, "the given-back article at another worker", func() bool { return rec.count("a0") == 1 })
}

func TestCrashedWorkersArticlesComeBack(t *testing.T) {
	url, _ := queuetest.StartServer(t)
	opt := Options{AckWait: 500 * time.Millisecond}
	crashing := connect(t, url, opt)
	const n = 3
	publishN(t, crashing, 0, n)

	started := make(chan struct{}, n)
	release := make(chan struct{})
	defer close(release)
	w1 := startWork(crashing, WorkOptions{Concurrency: n}, func(ctx context.Context, a article.Article) error {
		started <- struct{}{}
		<-release // blocked when the process dies
		return nil
	})
	for range n {
		<-started
	}
	crashing.nc.Close() // the connection drops as when the process is killed

	survivor := connect(t, url, opt)
	rec := newRecorder()
	w2 := startWork(survivor, WorkOptions{}, func(ctx context.Context, a article.Article) error {
		rec.add(a.ID)
		return nil
	})
	defer w2.stop(t)
	waitFor(t, 5*time.Second, "the crashed worker's articles at the survivor", func() bool { return rec.distinct() == n })
	waitFor(t, 5*time.Second, "the queue to drain", func() bool { return pending(t, survivor) == 0 })
	if st := survivor.Stats(); st.Redelivered != n {
		t.Errorf("survivor's Stats = %+v, want %d redelivered", st, n)
	}
	release <- struct{}{}
	go func() {
		for range n - 1 {
			release <- struct{}{}
		}
	}()
	if err := w1.stop(t); err == nil || !errors.Is(err, nats.ErrConnectionClosed) {
		t.Errorf("crashed worker's Work returned %v, want the closed connection", err)
	}
}

func TestWorkerSurvivesServerRestart(t *testing.T) {
	srv := queuetest.Start(t)
	q := connect(t, srv.URL(), Options{})
	rec := newRecorder()
	w := startWork(q, WorkOptions{Concurrency: 2, FetchWait: 200 * time.Millisecond}, func(ctx context.Context, a article.Article) error {
		rec.add(a.ID)
		return nil
	})
	publishN(t, q, 0, 20)
	waitFor(t, 5*time.Second, "the first articles", func() bool { return rec.distinct() == 20 })

	// Articles published while the server is down are sent once it is
	// back, to the stream it kept on disk.
	srv.Shutdown()
	published := make(chan struct{})
	go func() {
		defer close(published)
		publishN(t, q, 20, 40)
	}()
	time.Sleep(300 * time.Millisecond)
	srv.Restart()
	<-published
	waitFor(t, 10*time.Second, "the articles published after the restart", func() bool { return rec.distinct() == 40 })
	waitFor(t, 5*time.Second, "the queue to drain", func() bool { return pending(t, q) == 0 })
	if err := w.stop(t); err != nil {
		t.Fatalf("Work: %v", err)
	}
	for i := range 40 {
		if c := rec.count(testArticle(i).ID); c != 1 {
			t.Errorf("article %d handled %d times, want once", i, c)
		}
	}
}

func TestWorkWithoutArticlesStopsPromptly(t *testing.T) {
	url, _ := queuetest.StartServer(t)
	q := connect(t, url, Options{})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- q.Work(ctx, WorkOptions{}, func(ctx context.Context, a article.Article) error { return nil })
	}()
	time.Sleep(50 * time.Millisecond)
	begin := time.Now()
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	// The default fetch wait (1s) and a margin at most.
	if took := time.Since(begin); took > 1500*time.Millisecond {
		t.Errorf("an idle worker took %v to stop", took)
	}
}

func TestManyWorkersShareTheQueue(t *testing.T) {
	url, _ := queuetest.StartServer(t)
	const n, workers = 200, 3
	rec := newRecorder()
	var wg sync.WaitGroup
	qs := make([]*Queue, workers)
	for i := range qs {
		qs[i] = connect(t, url, Options{})
	}
	publishN(t, qs[0], 0, n)
	var running []*runningWorker
	for _, q := range qs {
		running = append(running, startWork(q, WorkOptions{Concurrency: 2}, func(ctx context.Context, a article.Article) error {
			rec.add(a.ID)
			return nil
		}))
	}
	waitFor(t, 10*time.Second, "the queue to drain", func() bool { return pending(t, qs[0]) == 0 })
	for _, w := range running {
		wg.Add(1)
		go func() { defer wg.Done(); w.stop(t) }()
	}
	wg.Wait()
	var acked int64
	for _, q := range qs {
		acked += q.Stats().Acked
	}
	if acked != n {
		t.Errorf("workers acknowledged %d articles, want %d", acked, n)
	}
	for i := range n {
		if c := rec.count(testArticle(i).ID); c != 1 {
			t.Errorf("article %d handled %d times, want once", i, c)
		}
	}
}

func TestArticleArrivingDuringStopIsGivenBack(t *testing.T) {
	url, _ := queuetest.StartServer(t)
	q1 := connect(t, url, Options{AckWait: time.Minute})
	var calls1 atomic.Int32
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- q1.Work(ctx, WorkOptions{FetchWait: time.Second}, func(ctx context.Context, a article.Article) error {
			calls1.Add(1)
			return nil
		})
	}()
	time.Sleep(100 * time.Millisecond) // an idle fetch is open
	cancel()
	publishN(t, q1, 0, 1) // reaches the open fetch after the stop
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if calls1.Load() != 0 {
		t.Error("a stopped worker handled an article")
	}
	t.Logf("first worker: %+v", q1.Stats())

	q2 := connect(t, url, Options{AckWait: time.Minute})
	rec := newRecorder()
	w2 := startWork(q2, WorkOptions{}, func(ctx context.Context, a article.Article) error {
		rec.add(a.ID)
		return nil
	})
	defer w2.stop(t)
	waitFor(t, 3*time.Second, "the article at another worker", func() bool { return rec.count("a0") == 1 })
}

func TestWorkFailsWhenTheConsumerIsDeleted(t *testing.T) {
	url, _ := queuetest.StartServer(t)
	q := connect(t, url, Options{})
	w := startWork(q, WorkOptions{}, func(ctx context.Context, a article.Article) error { return nil })
	time.Sleep(50 * time.Millisecond)
	if err := q.js.DeleteConsumer(context.Background(), StreamName, ConsumerName); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-w.done:
		if err == nil || !strings.Contains(err.Error(), ConsumerName) {
			t.Errorf("Work = %v, want an error naming the consumer", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Work went on after its consumer was deleted")
	}
}
