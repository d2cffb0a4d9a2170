package tags

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"tidings/text"
)

// TestSentenceNaming checks that the search over mentions in text order
// finds the sentence that the plain scan of unordered mentions finds.
func TestSentenceNaming(t *testing.T) {
	doc := text.New("The Security Council met. Anna Varga spoke. She chairs the Security Council now. " +
		"Varga left. The council of Varga met on Monday. Varga, head of the Security Council, agreed.")
	lowered := make([]string, len(doc.Sentences))
	for i, s := range doc.Sentences {
		start, end := doc.Bytes(s)
		lowered[i] = strings.ToLower(doc.Text[start:end])
	}
	rng := rand.New(rand.NewPCG(5, 6))
	found := 0
	for trial := range 500 {
		var mentions []text.Span
		for i := range doc.Tokens {
			if rng.IntN(6) == 0 {
				mentions = append(mentions, text.Span{Start: i, End: min(len(doc.Tokens), i+1+rng.IntN(3))})
			}
		}
		shuffled := slices.Clone(mentions)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		for _, post := range []string{"Security Council", "council", "minister"} {
			got, gotOK := sentenceNaming(doc, lowered, mentions, post)
			want, wantOK := sentenceNaming(doc, lowered, shuffled, post)
			if got != want || gotOK != wantOK {
				t.Fatalf("trial %d, %q: ordered mentions give %v %v, unordered %v %v", trial, post, got, gotOK, want, wantOK)
			}
			if gotOK {
				found++
			}
		}
	}
	if found == 0 {
		t.Error("no sentence found: the test tests nothing")
	}
}
