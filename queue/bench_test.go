package queue

import (
	"context"
	"fmt"
	"io"
	"net"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"tidings/article"
	"tidings/queue/queuetest"
)

func benchArticle(i int) article.Article {
	return article.Article{
		URL:    fmt.Sprintf("https://news.example/%d", i),
		Title:  "Harbour talks resume",
		Body:   "Ministers met on Tuesday to discuss the harbour project, officials said.",
		Origin: fmt.Sprintf("bench:%d", i),
	}
}

// BenchmarkPublish publishes small articles one at a time (window=1), each
// waiting for its ack, and through a Publisher's window; with the server on
// loopback and behind a link with a round trip of 2ms.
func BenchmarkPublish(b *testing.B) {
	for _, rtt := range []time.Duration{0, 2 * time.Millisecond} {
		for _, window := range []int{1, DefaultWindow} {
			b.Run(fmt.Sprintf("rtt=%v/window=%d", rtt, window), func(b *testing.B) {
				// A server per run: no article is a duplicate of the last run's.
				url, _ := queuetest.StartServer(b)
				if rtt > 0 {
					url = latencyProxy(b, strings.TrimPrefix(url, "nats://"), rtt/2)
				}
				q, err := Connect(context.Background(), url, Options{Logger: discardLogger()})
				if err != nil {
					b.Fatal(err)
				}
				defer q.Close()
				ctx := context.Background()
				b.ResetTimer()
				if window == 1 {
					for i := range b.N {
						if err := q.Publish(ctx, benchArticle(i)); err != nil {
							b.Fatal(err)
						}
					}
				} else {
					p := q.NewPublisher(window, nil)
					for i := range b.N {
						if err := p.Publish(ctx, benchArticle(i)); err != nil {
							b.Fatal(err)
						}
					}
					if err := p.Wait(); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
			})
		}
	}
}

// latencyProxy forwards TCP connections to target, delaying every chunk by
// delay in each direction without limiting bandwidth, like a network link
// with that latency. It returns the nats:// URL to connect to.
func latencyProxy(tb testing.TB, target string, delay time.Duration) string {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ln.Close() })
	go func() {
		for {
			client, err := ln.Accept()
			if err != nil {
				return
			}
			server, err := net.Dial("tcp", target)
			if err != nil {
				client.Close()
				continue
			}
			go delayCopy(server, client, delay)
			go delayCopy(client, server, delay)
		}
	}()
	return "nats://" + ln.Addr().String()
}

func delayCopy(dst, src net.Conn, delay time.Duration) {
	type chunk struct {
		data []byte
		due  time.Time
	}
	chunks := make(chan chunk, 1<<14)
	go func() {
		defer close(chunks)
		for {
			buf := make([]byte, 64<<10)
			n, err := src.Read(buf)
			if n > 0 {
				chunks <- chunk{buf[:n], time.Now().Add(delay)}
			}
			if err != nil {
				return
			}
		}
	}()
	defer dst.Close()
	for c := range chunks {
		time.Sleep(time.Until(c.due))
		if _, err := dst.Write(c.data); err != nil {
			io.Copy(io.Discard, src)
			return
		}
	}
}

// BenchmarkWork measures the queue's own cost per article at a worker: the
// fetch, the decoding and the confirmed ack around a handler that does
// nothing.
func BenchmarkWork(b *testing.B) {
	for _, concurrency := range []int{1, 4, 16} {
		b.Run(fmt.Sprintf("concurrency=%d", concurrency), func(b *testing.B) {
			url, _ := queuetest.StartServer(b)
			q, err := Connect(context.Background(), url, Options{Logger: discardLogger()})
			if err != nil {
				b.Fatal(err)
			}
			defer q.Close()
			p := q.NewPublisher(0, nil)
			for i := range b.N {
				if err := p.Publish(context.Background(), benchArticle(i)); err != nil {
					b.Fatal(err)
				}
			}
			if err := p.Wait(); err != nil {
				b.Fatal(err)
			}
			var handled atomic.Int64
			all := make(chan struct{})
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			b.ResetTimer()
			done := make(chan error, 1)
			go func() {
				done <- q.Work(ctx, WorkOptions{Concurrency: concurrency, FetchWait: 100 * time.Millisecond}, func(context.Context, article.Article) error {
					if handled.Add(1) == int64(b.N) {
						close(all)
					}
					return nil
				})
			}()
			<-all
			b.StopTimer()
			cancel()
			if err := <-done; err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}
