package tags

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"

	"tidings/article"
)

func TestPhraseCandidates(t *testing.T) {
	a := article.Article{Title: "Flood hits the Kelso valley", Body: "The flood in Kelso valley rose, and the flood fell."}
	got := map[string]candidate{}
	for _, c := range phraseCandidates(a) {
		got[c.key] = c
	}
	for _, tc := range []struct {
		key   string
		tf    int
		title bool
	}{
		{"flood", 3, true}, {"kelso valley", 2, true}, {"flood hits", 1, true}, {"valley rose", 1, false},
	} {
		c, ok := got[tc.key]
		if !ok || c.tf != tc.tf || c.title != tc.title || len(c.spans) != tc.tf {
			t.Errorf("%q: %+v, want tf %d, title %v", tc.key, c, tc.tf, tc.title)
		}
	}
	for _, bad := range []string{"the", "the flood", "valley rose,", "rose, and", "hits the"} {
		if _, ok := got[bad]; ok {
			t.Errorf("%q is a candidate", bad)
		}
	}
}

// TestPhrasesFindNewKeyphrases: gold keyphrases are the invented place of
// each article, named in its title; the scorer must find one never seen.
func TestPhrasesFindNewKeyphrases(t *testing.T) {
	var ex []Example
	for i := range 80 {
		place := fmt.Sprintf("Vorlak%c Basin", 'a'+rune(i%26))
		ex = append(ex, Example{Article: article.Article{
			Title:    "Rain floods " + place,
			Body:     fmt.Sprintf("Officials said on day %d that the rain in %s was heavy and people left.", i, place),
			GoldTags: []string{"rain", place},
		}})
	}
	m, err := Train(context.Background(), ex, ModelOptions{Phrases: true})
	if err != nil {
		t.Fatal(err)
	}
	got := m.Rank(article.Article{Title: "Rain floods Mirrow Basin", Body: "The rain in Mirrow Basin was heavy, officials said."}, nil, 3)
	var names []string
	for _, g := range got {
		names = append(names, g.Tag)
	}
	if !slices.Contains(names, "mirrow basin") || !slices.Contains(names, "rain") {
		t.Errorf("top tags %v, want mirrow basin and rain", names)
	}
}

func TestPredictConcurrently(t *testing.T) {
	m, err := Train(context.Background(), toyArticles(120, 6), ModelOptions{Phrases: true})
	if err != nil {
		t.Fatal(err)
	}
	test := toyArticles(20, 7)
	want := make([]string, len(test))
	for i, e := range test {
		want[i] = fmt.Sprint(predict(m, e.Article, nil))
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for i, e := range test {
				if got := fmt.Sprint(predict(m, e.Article, nil)); got != want[i] {
					t.Errorf("%s: %s concurrently, %s alone", e.Article.ID, got, want[i])
				}
			}
		})
	}
	wg.Wait()
}
