package eval

import "tidings/text"

// Syntax scores tagging, lemmatisation and parsing as the CoNLL 2018
// shared task does: system and gold words are aligned by their character
// spans in the same text, and an attribute is correct when the words align
// and the attribute agrees; for UAS the heads must align too, and LAS also
// compares the universal part of the relation. With gold tokenisation
// precision, recall and F1 all equal accuracy.
type Syntax struct {
	Words PRF `json:"words"`
	UPOS  PRF `json:"upos"`
	XPOS  PRF `json:"xpos"`
	Lemma PRF `json:"lemma"`
	UAS   PRF `json:"uas"`
	LAS   PRF `json:"las"`
}

// AddSyntax compares an annotated system document with an annotated gold
// one over the same text and accumulates the counts.
func (s *Syntax) AddSyntax(gold, sys *text.Document) {
	type span struct{ start, end int }
	at := make(map[span]int, len(sys.Tokens))
	for i, t := range sys.Tokens {
		at[span{t.Start, t.End}] = i
	}
	// align[g] is the system word aligned with gold word g, or -1.
	align := make([]int, len(gold.Tokens))
	for g, t := range gold.Tokens {
		align[g] = -1
		if i, ok := at[span{t.Start, t.End}]; ok {
			align[g] = i
		}
	}
	var c Syntax
	for g, gt := range gold.Tokens {
		i := align[g]
		if i < 0 {
			continue
		}
		st := sys.Tokens[i]
		c.Words.Correct++
		if st.UPOS == gt.UPOS {
			c.UPOS.Correct++
		}
		if st.XPOS == gt.XPOS {
			c.XPOS.Correct++
		}
		if st.Lemma == gt.Lemma {
			c.Lemma.Correct++
		}
		headOK := gt.Head < 0 && st.Head < 0 || gt.Head >= 0 && st.Head >= 0 && align[gt.Head] == st.Head
		if headOK {
			c.UAS.Correct++
			if universal(st.Deprel) == universal(gt.Deprel) {
				c.LAS.Correct++
			}
		}
	}
	for _, p := range []*PRF{&c.Words, &c.UPOS, &c.XPOS, &c.Lemma, &c.UAS, &c.LAS} {
		p.Gold, p.System = len(gold.Tokens), len(sys.Tokens)
	}
	s.Words.Add(c.Words)
	s.UPOS.Add(c.UPOS)
	s.XPOS.Add(c.XPOS)
	s.Lemma.Add(c.Lemma)
	s.UAS.Add(c.UAS)
	s.LAS.Add(c.LAS)
}

// universal drops a relation's subtype (obl:tmod -> obl).
func universal(rel string) string {
	for i := 0; i < len(rel); i++ {
		if rel[i] == ':' {
			return rel[:i]
		}
	}
	return rel
}
