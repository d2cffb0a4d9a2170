package dates

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"tidings/internal/shared"
)

// TestTempEval guards the accuracy measured on the TempEval-3 training data
// (TimeBank and AQUAINT, TBAQ-cleaned). With DATES_ERRORS=FILE it writes
// every miss, spurious expression and wrong value there.
func TestTempEval(t *testing.T) {
	dir := shared.Path(t, "data", "tempeval3", "TBAQ-cleaned")
	r := New()
	var dump *os.File
	if p := os.Getenv("DATES_ERRORS"); p != "" {
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		dump = f
	}
	var errs func(GoldDocument, *Errors)
	if dump != nil {
		errs = func(g GoldDocument, e *Errors) {
			name := filepath.Base(g.Path)
			for _, m := range e.Missed {
				lo, hi := max(0, m.Start-40), min(len(g.Text), m.End+30)
				fmt.Fprintf(dump, "MISS\t%s\t%q\t%s\t%s\t%q\n", name, g.Text[m.Start:m.End], m.Type, m.Value, g.Text[lo:hi])
			}
			for _, s := range e.Spurious {
				lo, hi := max(0, s.Start-40), min(len(g.Text), s.End+30)
				fmt.Fprintf(dump, "SPUR\t%s\t%q\t%s\t%s\t%q\n", name, s.Text, s.Type, s.Value, g.Text[lo:hi])
			}
			for _, v := range e.Value {
				fmt.Fprintf(dump, "VAL\t%s\t%s\t%s\tdct=%s\n", name, v[0], v[1], g.DCT.Format("2006-01-02"))
			}
		}
	}
	ev, err := r.Evaluate(context.Background(), dir, nil, errs)
	if err != nil {
		t.Fatal(err)
	}
	report := func(name string, s Score) {
		t.Logf("%-9s docs %3d  strict P %.3f R %.3f F1 %.3f | relaxed P %.3f R %.3f F1 %.3f | type acc %.3f | value acc %.3f F1 %.3f (gold %d, system %d)",
			name, s.Documents, s.Strict.Precision, s.Strict.Recall, s.Strict.F1,
			s.Relaxed.Precision, s.Relaxed.Recall, s.Relaxed.F1, s.TypeAccuracy, s.ValueAccuracy, s.ValueF1,
			s.Relaxed.Gold, s.Relaxed.System)
	}
	for name, s := range ev.Corpora {
		report(name, s)
	}
	report("all", ev.Overall)
	if ev.Overall.Relaxed.F1 < 0.85 {
		t.Errorf("relaxed span F1 %.3f < 0.85", ev.Overall.Relaxed.F1)
	}
	if ev.Overall.ValueF1 < 0.75 {
		t.Errorf("value F1 %.3f < 0.75", ev.Overall.ValueF1)
	}
}
