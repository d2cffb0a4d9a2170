package eval

import (
	"strings"

	"tidings/text"
)

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
	correct := 0
	for _, k := range sys {
		if seen[k] > 0 {
			seen[k]--
			correct++
		}
	}
	return NewPRF(len(gold), len(sys), correct)
}
