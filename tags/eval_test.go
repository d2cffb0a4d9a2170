package tags

import (
	"context"
	"encoding/json"
	"math"
	"slices"
	"testing"

	"tidings/eval"
)

func TestEvaluate(t *testing.T) {
	cases := []Case{
		{Gold: []string{"a", "b"}, Ranked: []string{"a", "c", "b"}, Predicted: []string{"a", "c"}},
		{Gold: []string{"c"}, Ranked: []string{"a", "c"}, Predicted: []string{"c"}},
	}
	r := Evaluate(cases, []int{1, 3})
	if r.Articles != 2 || r.Tags != 3 {
		t.Errorf("articles %d, tags %d; want 2, 3", r.Articles, r.Tags)
	}
	for _, tc := range []struct {
		name string
		got  eval.PRF
		want eval.PRF
	}{
		{"@1 micro", r.AtK[0].Micro, eval.PRF{Precision: 0.5, Recall: 1.0 / 3, F1: 0.4, Gold: 3, System: 2, Correct: 1}},
		// Tags a (P 1/2, R 1), b and c (nothing right at 1).
		{"@1 macro", r.AtK[0].Macro, eval.PRF{Precision: 1.0 / 6, Recall: 1.0 / 3, F1: 2.0 / 9}},
		// Articles: (P 1, R 1/2, F1 2/3) and (0, 0, 0).
		{"@1 article", r.AtK[0].Article, eval.PRF{Precision: 0.5, Recall: 0.25, F1: 1.0 / 3}},
		{"@3 micro", r.AtK[1].Micro, eval.PRF{Precision: 0.6, Recall: 1, F1: 0.75, Gold: 3, System: 5, Correct: 3}},
		{"cut-off micro", r.Cutoff.Micro, eval.PRF{Precision: 2.0 / 3, Recall: 2.0 / 3, F1: 2.0 / 3, Gold: 3, System: 3, Correct: 2}},
		// a: P 1, R 1; b: 0; c: P 1/2, R 1.
		{"cut-off macro", r.Cutoff.Macro, eval.PRF{Precision: 0.5, Recall: 2.0 / 3, F1: (1 + 2.0/3) / 3}},
	} {
		if !near(tc.got.Precision, tc.want.Precision) || !near(tc.got.Recall, tc.want.Recall) || !near(tc.got.F1, tc.want.F1) ||
			tc.got.Gold != tc.want.Gold || tc.got.System != tc.want.System || tc.got.Correct != tc.want.Correct {
			t.Errorf("%s = %+v, want %+v", tc.name, tc.got, tc.want)
		}
	}
	if r.AtK[0].K != 1 || r.AtK[1].K != 3 {
		t.Errorf("ks %d, %d", r.AtK[0].K, r.AtK[1].K)
	}
}

func TestEvaluateEmpty(t *testing.T) {
	r := Evaluate([]Case{{Gold: []string{"a"}}}, []int{1})
	if r.Cutoff.Micro.F1 != 0 || r.AtK[0].Micro.Precision != 0 || r.Cutoff.Micro.Gold != 1 {
		t.Errorf("nothing predicted: %+v", r)
	}
	if r := Evaluate(nil, DefaultKs); r.Articles != 0 || len(r.AtK) != 4 {
		t.Errorf("no cases: %+v", r)
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestFoldOf(t *testing.T) {
	for _, tc := range []struct{ n, k int }{{10, 3}, {5, 5}, {101, 5}, {2, 2}} {
		f := FoldOf(tc.n, tc.k, 1)
		size := make([]int, tc.k)
		for _, x := range f {
			size[x]++
		}
		if slices.Max(size)-slices.Min(size) > 1 || slices.Min(size) == 0 {
			t.Errorf("n %d, k %d: fold sizes %v", tc.n, tc.k, size)
		}
		if !slices.Equal(f, FoldOf(tc.n, tc.k, 1)) {
			t.Errorf("n %d, k %d: not deterministic", tc.n, tc.k)
		}
	}
	if slices.Equal(FoldOf(100, 5, 1), FoldOf(100, 5, 2)) {
		t.Error("seeds 1 and 2 give the same folds")
	}
}

func TestFolds(t *testing.T) {
	ex := toyArticles(150, 5)
	ex = append(ex, Example{}) // no gold tags: left out
	var done []int
	cv, err := Folds(context.Background(), ex, 3, ModelOptions{}, DefaultKs, nil, func(f int) { done = append(done, f) })
	if err != nil {
		t.Fatal(err)
	}
	if cv.Articles != 150 || cv.Model.Articles != 150 || cv.Floor.Articles != 150 || !slices.Equal(done, []int{0, 1, 2}) {
		t.Errorf("articles %d (model %d, floor %d), folds done %v", cv.Articles, cv.Model.Articles, cv.Floor.Articles, done)
	}
	if len(cv.ModelFoldF1) != 3 || len(cv.FloorFoldF1) != 3 {
		t.Errorf("fold scores %v %v", cv.ModelFoldF1, cv.FloorFoldF1)
	}
	if f := cv.Model.Cutoff.Micro.F1; f < 0.9 {
		t.Errorf("model micro-F1 %.4f on separable tags, want at least 0.9", f)
	}
	if _, err := Folds(context.Background(), ex[:2], 3, ModelOptions{}, DefaultKs, nil, nil); err == nil {
		t.Error("2 articles in 3 folds: no error")
	}
	if _, err := Folds(context.Background(), ex, 1, ModelOptions{}, DefaultKs, nil, nil); err == nil {
		t.Error("1 fold: no error")
	}
}

// The JSON of eval tags keeps its shape: figures first, counts only where
// there are any.
func TestScoresJSON(t *testing.T) {
	s := Scores{K: 3, Micro: eval.NewPRF(4, 2, 1), Macro: eval.PRF{Precision: 0.25, Recall: 0.5, F1: 1.0 / 3}}
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"k":3,"micro":{"precision":0.5,"recall":0.25,"f1":0.3333333333333333,"gold":4,"system":2,"correct":1},` +
		`"macro":{"precision":0.25,"recall":0.5,"f1":0.3333333333333333},"article":{"precision":0,"recall":0,"f1":0}}`
	if string(b) != want {
		t.Errorf("JSON = %s\nwant %s", b, want)
	}
}

// TestMatched: stemmed matching makes "Interest Rates" the gold "interest
// rate", and the second tag of one stem leaves the list.
func TestMatched(t *testing.T) {
	cases := []Case{{Gold: []string{"interest rate", "Banks"}, Ranked: []string{"Interest Rates", "interest rate", "bank", "loans"}, Predicted: []string{"Interest Rates"}}}
	r := Evaluate(Matched(cases, KeyphraseKey), []int{3})
	if got := r.AtK[0].Micro; got.Correct != 2 || got.System != 3 {
		t.Errorf("@3 stemmed: %+v, want 2 of 3 right", got)
	}
	if got := r.Cutoff.Micro; got.Correct != 1 {
		t.Errorf("cut-off stemmed: %+v, want 1 right", got)
	}
	if got := Evaluate(Matched(cases, nil), []int{3}).AtK[0].Micro; got.Correct != 1 {
		t.Errorf("@3 exact: %+v, want 1 right", got)
	}
}

func TestCalibration(t *testing.T) {
	cases := []Case{
		{Gold: []string{"a"}, Ranked: []string{"a", "b"}, Probs: []float64{0.9, 0.1}},
		{Gold: []string{"c"}, Ranked: []string{"d"}, Probs: []float64{0.15}},
	}
	c := Evaluate(cases, []int{2}).Calibration
	// Bin 0.9: one right at 0.9; bin 0.1: two wrong at 0.1 and 0.15.
	if c == nil || c.Tags != 3 || !near(c.ECE, (0.1+0.25)/3) || !near(c.Brier, (0.01+0.01+0.0225)/3) {
		t.Errorf("calibration %+v", c)
	}
	if Evaluate([]Case{{Gold: []string{"a"}, Ranked: []string{"a"}}}, []int{1}).Calibration != nil {
		t.Error("calibration without probabilities")
	}
}
