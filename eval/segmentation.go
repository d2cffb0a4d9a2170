// Package eval scores tidings' analyses against gold data.
package eval

import (
	"strings"

	"tidings/text"
)

// PRF holds counts and the precision, recall and F1 computed from them.
type PRF struct {
	Gold      int     `json:"gold"`
	System    int     `json:"system"`
	Correct   int     `json:"correct"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// Add accumulates another count.
func (p *PRF) Add(q PRF) {
	p.Gold += q.Gold
	p.System += q.System
	p.Correct += q.Correct
	p.finish()
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

// Segmentation scores tokenisation and sentence splitting the way the
// CoNLL 2018 shared task scorer does: system and gold are aligned on the
// characters of the same raw text, and a unit counts as correct when its
// character span matches exactly.
type Segmentation struct {
	Tokens    PRF `json:"tokens"`    // surface tokens (a multiword token counts once)
	Words     PRF `json:"words"`     // syntactic words: span and form agree
	Sentences PRF `json:"sentences"` // sentence spans
}

// AddSegmentation compares a system document with a gold one over the same
// text and accumulates the counts.
func (s *Segmentation) AddSegmentation(gold, sys *text.Document) {
	s.Tokens.Add(matchSpans(surfaceSpans(gold), surfaceSpans(sys)))
	s.Sentences.Add(matchSpans(sentenceSpans(gold), sentenceSpans(sys)))
	s.Words.Add(matchSpans(wordKeys(gold), wordKeys(sys)))
}

type spanKey struct {
	start, end int
	form       string
}

func surfaceSpans(d *text.Document) []spanKey {
	out := make([]spanKey, 0, len(d.Tokens))
	for _, t := range d.SurfaceTokens(text.Span{Start: 0, End: len(d.Tokens)}) {
		out = append(out, spanKey{start: t.Start, end: t.End})
	}
	return out
}

func sentenceSpans(d *text.Document) []spanKey {
	out := make([]spanKey, 0, len(d.Sentences))
	for _, s := range d.Sentences {
		start, end := d.Bytes(s)
		out = append(out, spanKey{start: start, end: end})
	}
	return out
}

func wordKeys(d *text.Document) []spanKey {
	out := make([]spanKey, 0, len(d.Tokens))
	for _, t := range d.Tokens {
		out = append(out, spanKey{start: t.Start, end: t.End, form: strings.ToLower(t.Form)})
	}
	return out
}

// matchSpans counts the keys common to gold and sys (as multisets).
func matchSpans(gold, sys []spanKey) PRF {
	seen := make(map[spanKey]int, len(gold))
	for _, k := range gold {
		seen[k]++
	}
	p := PRF{Gold: len(gold), System: len(sys)}
	for _, k := range sys {
		if seen[k] > 0 {
			seen[k]--
			p.Correct++
		}
	}
	p.finish()
	return p
}
