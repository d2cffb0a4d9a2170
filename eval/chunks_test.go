package eval

import (
	"reflect"
	"testing"
)

func TestChunks(t *testing.T) {
	tests := []struct {
		labels []string
		want   []Chunk
	}{
		{[]string{"B-PER", "I-PER", "O", "B-LOC"}, []Chunk{{"PER", 0, 2}, {"LOC", 3, 4}}},
		{[]string{"I-ORG", "I-ORG", "I-LOC"}, []Chunk{{"ORG", 0, 2}, {"LOC", 2, 3}}}, // IOB1-style starts
		{[]string{"B-MISC", "B-MISC"}, []Chunk{{"MISC", 0, 1}, {"MISC", 1, 2}}},
		{[]string{"O", "O"}, nil},
	}
	for _, tt := range tests {
		if got := Chunks(tt.labels); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Chunks(%v) = %v, want %v", tt.labels, got, tt.want)
		}
	}
	s := ScoreChunks([][]string{{"B-PER", "I-PER", "O", "B-LOC"}}, [][]string{{"B-PER", "O", "O", "B-LOC"}})
	if s.Overall.Correct != 1 || s.Overall.Gold != 2 || s.Overall.System != 2 || s.Overall.F1 != 0.5 {
		t.Errorf("ScoreChunks = %+v", s.Overall)
	}
	if x := s.ByType["PER"]; x.Gold != 1 || x.System != 1 || x.Correct != 0 || x.F1 != 0 {
		t.Errorf("ScoreChunks PER = %+v", x)
	}
	if got, want := s.String(), "overall  P 0.5000  R 0.5000  F1 0.5000  (gold 2, system 2, correct 1)\nLOC      P 1.0000  R 1.0000  F1 1.0000  (gold 1, system 1, correct 1)\nPER      P 0.0000  R 0.0000  F1 0.0000  (gold 1, system 1, correct 0)\n"; got != want {
		t.Errorf("String() =\n%s want\n%s", got, want)
	}
}
