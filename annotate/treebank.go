package annotate

import "tidings/article"

// SentencesOf returns the given (gold) sentences of a pre-tokenised
// article as training sentences over its syntactic words.
func SentencesOf(a article.Article) []Sentence {
	if a.Given == nil {
		return nil
	}
	out := make([]Sentence, 0, len(a.Given.Sentences))
	for _, gs := range a.Given.Sentences {
		var s Sentence
		for _, tok := range gs.Tokens {
			for _, w := range tok.Words {
				s.Form = append(s.Form, w.Form)
				s.Lemma = append(s.Lemma, w.Lemma)
				s.UPOS = append(s.UPOS, w.UPOS)
				s.XPOS = append(s.XPOS, w.XPOS)
				s.Head = append(s.Head, w.Head)
				s.Deprel = append(s.Deprel, w.Deprel)
			}
		}
		if len(s.Form) > 0 {
			out = append(out, s)
		}
	}
	return out
}
