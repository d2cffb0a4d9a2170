package archive

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"tidings/article"
	"tidings/pipeline"
	"tidings/record"
	"tidings/store"
)

var errBusy = errors.New("busy")

func isBusy(err error) bool { return errors.Is(err, errBusy) }

// fakeStore is a store.Store whose PutBatch and Known are scripted; the
// rest of the interface is not used by this package.
type fakeStore struct {
	store.Store

	mu       sync.Mutex
	known    map[string]int64 // by URL
	failures []error          // errors of the next PutBatch calls, in order
	bad      string           // a record with this title fails alone
	batches  []int            // sizes of the committed batches
	nextID   int64
}

func (f *fakeStore) Known(_ context.Context, url, _ string) (int64, error) {
	return f.known[url], nil
}

func (f *fakeStore) PutBatch(_ context.Context, recs []record.Record) ([]store.PutResult, []error, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.failures) > 0 {
		err := f.failures[0]
		f.failures = f.failures[1:]
		return nil, nil, err
	}
	f.batches = append(f.batches, len(recs))
	res := make([]store.PutResult, len(recs))
	errs := make([]error, len(recs))
	for i, r := range recs {
		if f.bad != "" && r.Title == f.bad {
			errs[i] = fmt.Errorf("%s: refused", r.Title)
			continue
		}
		f.nextID++
		res[i] = store.PutResult{ID: f.nextID, Status: store.StatusNew}
	}
	return res, errs, nil
}

func TestRetry(t *testing.T) {
	tests := []struct {
		name    string
		wait    time.Duration
		errs    []error // of the successive tries; nil after them
		tries   int
		retries int
		wantErr error
	}{
		{"success at once", time.Second, nil, 1, 0, nil},
		{"transient, then success", time.Second, []error{errBusy, errBusy}, 3, 2, nil},
		{"a permanent error is not retried", time.Second, []error{errors.New("bad")}, 1, 0, errors.New("bad")},
		{"no wait: one try", 0, []error{errBusy}, 1, 0, errBusy},
		{"the wait runs out", 300 * time.Millisecond, []error{errBusy, errBusy, errBusy, errBusy}, 2, 1, errBusy},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tries, retries := 0, 0
			r := Retry{Wait: tt.wait, Transient: isBusy, OnRetry: func(time.Duration, error) { retries++ }}
			err := r.Do(context.Background(), func() error {
				tries++
				if tries <= len(tt.errs) {
					return tt.errs[tries-1]
				}
				return nil
			})
			if fmt.Sprint(err) != fmt.Sprint(tt.wantErr) || tries != tt.tries || retries != tt.retries {
				t.Errorf("error %v after %d tries, %d retries; want %v, %d, %d", err, tries, retries, tt.wantErr, tt.tries, tt.retries)
			}
		})
	}
}

func TestRetryStopsWithContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	r := Retry{Wait: time.Hour, Transient: isBusy, OnRetry: func(time.Duration, error) { cancel() }}
	err := r.Do(ctx, func() error { return errBusy })
	if !errors.Is(err, errBusy) || !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want busy and canceled", err)
	}
}

func TestCommitterGroups(t *testing.T) {
	st := &fakeStore{bad: "bad"}
	c := NewCommitter(st)
	const n = 200
	var wg sync.WaitGroup
	results := make([]store.PutResult, n)
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			title := fmt.Sprint(i)
			if i == 7 {
				title = "bad"
			}
			results[i], errs[i] = c.Put(context.Background(), record.Record{Title: title})
		}()
	}
	wg.Wait()
	c.Close()
	ids := map[int64]bool{}
	for i := range n {
		switch {
		case i == 7:
			if errs[i] == nil || !strings.Contains(errs[i].Error(), "refused") {
				t.Errorf("the bad record: %v, want its own error", errs[i])
			}
		case errs[i] != nil || results[i].ID == 0 || ids[results[i].ID]:
			t.Errorf("record %d: %+v, %v", i, results[i], errs[i])
		}
		ids[results[i].ID] = true
	}
	total := 0
	for _, b := range st.batches {
		if b > MaxBatch {
			t.Errorf("a batch of %d, over MaxBatch", b)
		}
		total += b
	}
	if total != n {
		t.Errorf("%d records committed, want %d", total, n)
	}
}

func TestCommitterRetries(t *testing.T) {
	st := &fakeStore{failures: []error{errBusy, errBusy}}
	c := NewCommitter(st)
	defer c.Close()
	retries := 0
	res, err := c.PutRetrying(context.Background(), record.Record{Title: "a"},
		Retry{Wait: time.Minute, Transient: isBusy, OnRetry: func(time.Duration, error) { retries++ }})
	if err != nil || res.Status != store.StatusNew || retries != 2 {
		t.Errorf("%+v, %v after %d retries; want new after 2", res, err, retries)
	}
	if _, err := c.Put(context.Background(), record.Record{}); err != nil {
		t.Errorf("after the retries: %v", err)
	}
}

func testPipeline(t *testing.T) *pipeline.Pipeline {
	t.Helper()
	p, err := pipeline.NewWith(pipeline.Options{Shallow: true})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestIngester(t *testing.T) {
	p := testPipeline(t)
	art := func(n int) article.Article {
		return article.Article{Origin: fmt.Sprintf("in:%d", n), URL: fmt.Sprintf("https://example.org/%d", n),
			Title: fmt.Sprintf("t%d", n), Body: fmt.Sprintf("Rain fell on Millbrook for the %d. day.", n)}
	}
	type input struct {
		a   article.Article
		err error
	}
	tests := []struct {
		name     string
		inputs   []input
		st       *fakeStore
		reports  []string // origin status
		counts   Counts
		wantErr  string
		batchMax int
	}{
		{
			name:    "known articles are not analysed; the others are stored in order",
			inputs:  []input{{a: art(1)}, {a: art(2)}, {a: art(3)}},
			st:      &fakeStore{known: map[string]int64{"https://example.org/2": 42}},
			reports: []string{"in:1 new", "in:2 duplicate", "in:3 new"},
			counts:  Counts{New: 2, Duplicate: 1},
		},
		{
			name:    "an unreadable input and a refused article fail alone",
			inputs:  []input{{a: art(1)}, {err: errors.New("in:2: bad JSON")}, {a: art(3)}},
			st:      &fakeStore{bad: "t3"},
			reports: []string{"in:1 new", " failed in:2: bad JSON", "in:3 failed t3: refused"},
			counts:  Counts{New: 1, Failed: 2},
		},
		{
			name:    "an unavailable store is retried",
			inputs:  []input{{a: art(1)}, {a: art(2)}},
			st:      &fakeStore{failures: []error{errBusy}},
			reports: []string{"in:1 new", "in:2 new"},
			counts:  Counts{New: 2},
		},
		{
			name:    "a store that fails for good stops the run, reporting nothing of the batch",
			inputs:  []input{{a: art(1)}},
			st:      &fakeStore{failures: []error{errors.New("disk full")}},
			wantErr: "disk full",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var reports []string
			in := &Ingester{Store: tt.st, Pipeline: p, Workers: 2,
				Retry: Retry{Wait: time.Minute, Transient: isBusy},
				Report: func(r Report) error {
					reports = append(reports, strings.TrimSpace(r.Origin+" "+r.Status+" "+r.Error))
					return nil
				}}
			seq := func(yield func(article.Article, error) bool) {
				for _, i := range tt.inputs {
					if !yield(i.a, i.err) {
						return
					}
				}
			}
			err := in.Run(context.Background(), seq)
			if fmt.Sprint(err) != tt.wantErr && !(tt.wantErr == "" && err == nil) {
				t.Fatalf("error %v, want %q", err, tt.wantErr)
			}
			want := tt.reports
			for i := range want {
				want[i] = strings.TrimSpace(want[i])
			}
			if !slices.Equal(reports, want) || in.Counts() != tt.counts {
				t.Errorf("reports %q counts %+v\nwant %q %+v", reports, in.Counts(), want, tt.counts)
			}
		})
	}
}

func TestIngesterReportErrorStops(t *testing.T) {
	in := &Ingester{Store: &fakeStore{}, Pipeline: testPipeline(t), Workers: 1,
		Report: func(Report) error { return errors.New("stdout closed") }}
	seq := func(yield func(article.Article, error) bool) {
		for i := range 5 {
			if !yield(article.Article{Origin: fmt.Sprint(i), Body: "Rain fell."}, nil) {
				return
			}
		}
	}
	if err := in.Run(context.Background(), seq); err == nil || !strings.Contains(err.Error(), "stdout closed") {
		t.Errorf("error %v, want the report's", err)
	}
}
