package eval

import (
	"math"
	"testing"

	"tidings/text"
)

func TestSegmentation(t *testing.T) {
	raw := "I don't know. Really."
	gold := text.FromGiven(raw, [][]text.GivenToken{
		{{Form: "I", SpaceAfter: true}, {Form: "don't", Words: []string{"do", "n't"}, SpaceAfter: true}, {Form: "know"}, {Form: ".", SpaceAfter: true}},
		{{Form: "Really"}, {Form: "."}},
	})
	tests := []struct {
		name                    string
		sys                     *text.Document
		tokens, words, sentence PRF
	}{
		{"identical", text.New(raw),
			PRF{Gold: 6, System: 6, Correct: 6}, PRF{Gold: 7, System: 7, Correct: 7}, PRF{Gold: 2, System: 2, Correct: 2}},
		{"one sentence, don't unsplit", text.FromGiven(raw, [][]text.GivenToken{{
			{Form: "I", SpaceAfter: true}, {Form: "don't", SpaceAfter: true}, {Form: "know"}, {Form: ".", SpaceAfter: true}, {Form: "Really"}, {Form: "."}}}),
			PRF{Gold: 6, System: 6, Correct: 6}, PRF{Gold: 7, System: 6, Correct: 5}, PRF{Gold: 2, System: 1, Correct: 0}},
	}
	for _, tt := range tests {
		var s Segmentation
		s.AddSegmentation(gold, tt.sys)
		for _, c := range []struct {
			name      string
			got, want PRF
		}{{"tokens", s.Tokens, tt.tokens}, {"words", s.Words, tt.words}, {"sentences", s.Sentences, tt.sentence}} {
			if c.got.Gold != c.want.Gold || c.got.System != c.want.System || c.got.Correct != c.want.Correct {
				t.Errorf("%s %s: got %+v, want counts %+v", tt.name, c.name, c.got, c.want)
			}
			p, r := ratio(c.want.Correct, c.want.System), ratio(c.want.Correct, c.want.Gold)
			if f := 2 * p * r / (p + r); p+r > 0 && math.Abs(c.got.F1-f) > 1e-9 {
				t.Errorf("%s %s: F1 %v, want %v", tt.name, c.name, c.got.F1, f)
			}
		}
	}
}
