// Package eval scores tidings' analyses against gold data: the one
// precision/recall/F1 type that every scorer and every trainer's model
// selection uses, and the scorers of tokenisation and syntax (CoNLL 2018),
// entity chunks (conlleval), entity linking (MEANTIME) and events
// (PETRARCH). It imports only the bottom packages (text), so that the
// annotation packages can score their models with it.
package eval

// PRF holds the counts of a comparison with gold and the precision,
// recall and F1 computed from them.
type PRF struct {
	Gold      int     `json:"gold"`
	System    int     `json:"system"`
	Correct   int     `json:"correct"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// NewPRF computes the figures of counts: precision is correct over
// system, recall correct over gold, 0 where there is nothing to divide by.
func NewPRF(gold, system, correct int) PRF {
	p := PRF{Gold: gold, System: system, Correct: correct}
	p.finish()
	return p
}

// Add accumulates another count.
func (p *PRF) Add(q PRF) {
	*p = NewPRF(p.Gold+q.Gold, p.System+q.System, p.Correct+q.Correct)
}

func (p *PRF) finish() {
	p.Precision, p.Recall, p.F1 = ratio(p.Correct, p.System), ratio(p.Correct, p.Gold), 0
	if p.Precision+p.Recall > 0 {
		p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Ratio is a count of successes out of trials.
type Ratio struct {
	N  int `json:"n"`
	Of int `json:"of"`
}
