package queue

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"tidings/queue/queuetest"
)

func TestConnectConcurrently(t *testing.T) {
	url, _ := queuetest.StartServer(t)
	const n = 8
	var wg sync.WaitGroup
	qs := make([]*Queue, n)
	for i := range n {
		wg.Go(func() {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			q, err := Connect(ctx, url, Options{Logger: discardLogger()})
			if err != nil {
				t.Errorf("Connect %d: %v", i, err)
				return
			}
			qs[i] = q
		})
	}
	wg.Wait()
	for _, q := range qs {
		if q != nil {
			q.Close()
		}
	}
	q := connect(t, url, Options{})
	c, err := q.js.Consumer(context.Background(), StreamName, ConsumerName)
	if err != nil {
		t.Fatal(err)
	}
	cfg := c.CachedInfo().Config
	if cfg.AckPolicy != jetstream.AckExplicitPolicy || cfg.MaxDeliver != DefaultMaxDeliver+1 ||
		cfg.AckWait != DefaultAckWait || cfg.FilterSubject != SubjectArticles {
		t.Errorf("consumer config = %+v", cfg)
	}
	s, err := q.js.Stream(context.Background(), StreamName)
	if err != nil {
		t.Fatal(err)
	}
	scfg := s.CachedInfo().Config
	if scfg.Storage != jetstream.FileStorage || scfg.Duplicates != DefaultDuplicateWindow || scfg.MaxAge != DefaultMaxAge ||
		scfg.MaxBytes != DefaultMaxBytes || len(scfg.Subjects) != 2 {
		t.Errorf("stream config = %+v", scfg)
	}
}

func TestConnectAppliesNewOptions(t *testing.T) {
	url, _ := queuetest.StartServer(t)
	connect(t, url, Options{})
	q := connect(t, url, Options{AckWait: 30 * time.Second, MaxDeliver: 2})
	c, err := q.js.Consumer(context.Background(), StreamName, ConsumerName)
	if err != nil {
		t.Fatal(err)
	}
	if cfg := c.CachedInfo().Config; cfg.AckWait != 30*time.Second || cfg.MaxDeliver != 3 {
		t.Errorf("consumer after reconfiguring: AckWait %v, MaxDeliver %d", cfg.AckWait, cfg.MaxDeliver)
	}
	q = connect(t, url, Options{MaxBytes: 1 << 20})
	c, err = q.js.Consumer(context.Background(), StreamName, ConsumerName)
	if err != nil {
		t.Fatal(err)
	}
	if cfg := c.CachedInfo().Config; cfg.AckWait != 30*time.Second || cfg.MaxDeliver != 3 {
		t.Errorf("a Connect that sets neither changed the consumer: AckWait %v, MaxDeliver %d", cfg.AckWait, cfg.MaxDeliver)
	}
	s, err := q.js.Stream(context.Background(), StreamName)
	if err != nil {
		t.Fatal(err)
	}
	if cfg := s.CachedInfo().Config; cfg.MaxBytes != 1<<20 || cfg.MaxAge != DefaultMaxAge {
		t.Errorf("stream after reconfiguring: MaxBytes %d, MaxAge %v", cfg.MaxBytes, cfg.MaxAge)
	}
}

func TestConnectErrors(t *testing.T) {
	srv := queuetest.Start(t)
	url := "nats://ingest:s3cret@127.0.0.1:" + strings.TrimPrefix(srv.URL(), "nats://127.0.0.1:")
	srv.Shutdown()
	_, err := Connect(context.Background(), url, Options{Logger: discardLogger()})
	if err == nil {
		t.Fatal("Connect to a stopped server succeeded")
	}
	if msg := err.Error(); !strings.Contains(msg, "127.0.0.1") || strings.Contains(msg, "s3cret") {
		t.Errorf("Connect error %q: want the server named without the password", msg)
	}
	if !IsUnreachable(err) {
		t.Errorf("IsUnreachable(%v) = false for a stopped server", err)
	}
	if err := (Options{MaxDeliver: -1}).validate(); err == nil || IsUnreachable(err) {
		t.Errorf("a bad option reads as an unreachable server: %v", err)
	}
	if _, err := Connect(context.Background(), srv.URL(), Options{MaxDeliver: -1}); err == nil {
		t.Error("Connect with MaxDeliver -1 succeeded")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Connect(ctx, srv.URL(), Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Connect with a cancelled context = %v", err)
	}
}

func TestRedactURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"nats://127.0.0.1:4222", "nats://127.0.0.1:4222"},
		{"nats://user:pw@host:4222", "nats://redacted@host:4222"},
		{"nats://tok3n@host:4222", "nats://redacted@host:4222"},
		{"nats://a:1@h1:4222, nats://h2:4222", "nats://redacted@h1:4222,nats://h2:4222"},
		{"nats://us%zz:pw@host", "nats://redacted@host"},
		{"localhost:4222", "localhost:4222"},
	}
	for _, tt := range tests {
		if got := redactURL(tt.in); got != tt.want {
			t.Errorf("redactURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPendingAndInfo(t *testing.T) {
	url, _ := queuetest.StartServer(t)
	q := connect(t, url, Options{})
	publishN(t, q, 0, 5)
	info, err := q.Info(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if info.Pending != 5 || info.InFlight != 0 || info.Messages != 5 || info.Bytes == 0 || info.DeadLetters != 0 {
		t.Errorf("Info = %+v", info)
	}
}
