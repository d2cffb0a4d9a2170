package tags

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/gob"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tidings/article"
	"tidings/ingest"
	"tidings/internal/shared"
	"tidings/text"
)

// toyTopics are invented vocabularies of separable tags.
var toyTopics = map[string][]string{
	"sport":   {"striker", "goal", "league", "coach", "penalty", "stadium", "referee", "match"},
	"weather": {"rain", "storm", "forecast", "flood", "temperature", "wind", "snow", "drought"},
	"economy": {"inflation", "interest", "bank", "rates", "growth", "budget", "deficit", "tariff"},
	"science": {"telescope", "galaxy", "molecule", "laboratory", "genome", "experiment", "physicist", "orbit"},
}

var toyFiller = []string{"the", "a", "said", "on", "monday", "officials", "city", "people", "new", "year", "report", "today"}

// toyArticles makes n invented articles: each has one or two tags and
// words drawn from their vocabularies among filler words.
func toyArticles(n int, seed uint64) []Example {
	rng := rand.New(rand.NewPCG(seed, 3))
	names := []string{"economy", "science", "sport", "weather"}
	out := make([]Example, n)
	for i := range out {
		tags := []string{names[rng.IntN(len(names))]}
		if rng.IntN(3) == 0 {
			if t := names[rng.IntN(len(names))]; t != tags[0] {
				tags = append(tags, t)
			}
		}
		var words []string
		for range 30 {
			if rng.IntN(2) == 0 {
				words = append(words, toyFiller[rng.IntN(len(toyFiller))])
			} else {
				vocab := toyTopics[tags[rng.IntN(len(tags))]]
				words = append(words, vocab[rng.IntN(len(vocab))])
			}
		}
		out[i] = Example{Article: article.Article{
			ID:       fmt.Sprint("toy", i),
			Title:    strings.Join(words[:4], " "),
			Body:     strings.Join(words[4:], " ") + ".",
			GoldTags: tags,
		}}
	}
	return out
}

func TestModelLearnsSeparableTags(t *testing.T) {
	ctx := context.Background()
	m, err := Train(ctx, toyArticles(200, 1), ModelOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Tags(); !slices.Equal(got, []string{"economy", "science", "sport", "weather"}) {
		t.Fatalf("Tags() = %v", got)
	}
	for _, tc := range []struct {
		title, body string
		want        []string
	}{
		{"Storm brings flood", "Officials said the rain and wind would last, with snow on monday.", []string{"weather"}},
		{"Coach praises striker", "The referee gave a penalty and the goal won the match in the stadium.", []string{"sport"}},
		{"Bank holds rates", "Inflation and the budget deficit weigh on growth, the bank said.", []string{"economy"}},
		{"Telescope finds galaxy", "A physicist said the experiment in the laboratory and the storm of rain and flood.", []string{"science", "weather"}},
	} {
		got := predict(m, article.Article{Title: tc.title, Body: tc.body}, nil)
		var names []string
		for _, g := range got {
			names = append(names, g.Tag)
			if g.Score < 0 || g.Score > 1 {
				t.Errorf("%q: score %v is not a probability", tc.title, g.Score)
			}
		}
		slices.Sort(names)
		if !slices.Equal(names, tc.want) {
			t.Errorf("%q: tags %v, want %v (%+v)", tc.title, names, tc.want, got)
		}
		// Evidence of a word-based tag points at words of its vocabulary.
		text := tc.title + "\n\n" + tc.body
		for _, g := range got {
			if len(g.Evidence) == 0 {
				t.Errorf("%q: tag %s has no evidence", tc.title, g.Tag)
			}
			for _, sp := range g.Evidence {
				w := strings.ToLower(text[sp[0]:sp[1]])
				if !slices.ContainsFunc(toyTopics[g.Tag], func(v string) bool { return strings.Contains(w, v) }) {
					t.Errorf("%q: evidence %q for %s is not one of its words", tc.title, w, g.Tag)
				}
			}
		}
	}
}

// predict is Predict over the article's own Document, as the pipeline
// calls it.
func predict(m *Model, a article.Article, entities []string) []Tag {
	return m.Predict(text.New(a.Text()), len(a.Title), entities)
}

// TestPredictReadsTheDocument: Predict over a Document gives the ranking
// that the article path (Rank, which tokenises the article itself, as
// training and evaluation do) gives, cut at the threshold: the features
// are the same.
func TestPredictReadsTheDocument(t *testing.T) {
	ctx := context.Background()
	for _, opt := range []ModelOptions{{}, {Phrases: true}, {NoBigrams: true}} {
		m, err := Train(ctx, toyArticles(150, 3), opt)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range toyArticles(30, 41) {
			ents := []string{"Q1"}
			got := predict(m, e.Article, ents)
			ranked := m.Rank(e.Article, ents, len(got))
			if len(got) == 0 || len(ranked) != len(got) {
				t.Fatalf("%+v: %d tags predicted, %d ranked", opt, len(got), len(ranked))
			}
			for i := range got {
				if got[i].Tag != ranked[i].Tag || got[i].Score != ranked[i].Score {
					t.Errorf("%+v %s: predicted %v, ranked %v", opt, e.Article.ID, got, ranked)
					break
				}
			}
		}
	}
}

func TestModelUsesEntities(t *testing.T) {
	// The tag is told only by an entity, which the words never name.
	var ex []Example
	for i := range 120 {
		tag, ent := "north", "Q1"
		if i%2 == 1 {
			tag, ent = "south", "Q2"
		}
		ex = append(ex, Example{
			Article:  article.Article{Title: "News of the day", Body: fmt.Sprintf("Officials said on day %d that people met.", i), GoldTags: []string{tag}},
			Entities: []string{ent},
		})
	}
	m, err := Train(context.Background(), ex, ModelOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for ent, want := range map[string]string{"Q1": "north", "Q2": "south"} {
		got := predict(m, article.Article{Title: "News", Body: "People met, officials said."}, []string{ent})
		if len(got) == 0 || got[0].Tag != want {
			t.Errorf("entity %s: %+v, want %s first", ent, got, want)
		}
	}
}

func TestSaveLoadRoundTrip(t *testing.T) {
	ctx := context.Background()
	m, err := Train(ctx, toyArticles(150, 2), ModelOptions{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := m.Save(dir); err != nil {
		t.Fatal(err)
	}
	loaded, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range toyArticles(40, 99) {
		a, b := m.Rank(e.Article, nil, 10), loaded.Rank(e.Article, nil, 10)
		if !slices.EqualFunc(a, b, func(x, y Tag) bool { return x.Tag == y.Tag && x.Score == y.Score }) {
			t.Fatalf("%s: ranking %v after loading, %v before", e.Article.ID, b, a)
		}
		p, q := predict(m, e.Article, nil), predict(loaded, e.Article, nil)
		if fmt.Sprint(p) != fmt.Sprint(q) {
			t.Fatalf("%s: prediction %v after loading, %v before", e.Article.ID, q, p)
		}
	}
	if loaded.Threshold() != m.Threshold() {
		t.Errorf("threshold %v after loading, %v before", loaded.Threshold(), m.Threshold())
	}
}

func TestTrainingIsDeterministic(t *testing.T) {
	ctx := context.Background()
	var files [][]byte
	for range 2 {
		m, err := Train(ctx, toyArticles(150, 3), ModelOptions{Seed: 7})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := m.Write(&buf); err != nil {
			t.Fatal(err)
		}
		files = append(files, buf.Bytes())
	}
	if !bytes.Equal(files[0], files[1]) {
		t.Fatal("two trainings on the same data and seed wrote different bytes")
	}
}

func TestLoadRejectsBadFiles(t *testing.T) {
	dir := t.TempDir()
	if _, err := Load(dir); err == nil {
		t.Error("Load of an empty directory: no error")
	}
	for name, data := range map[string][]byte{
		"not gzip":  []byte("hello"),
		"truncated": nil,
	} {
		if data == nil {
			m, err := Train(context.Background(), toyArticles(30, 4), ModelOptions{})
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := m.Write(&buf); err != nil {
				t.Fatal(err)
			}
			data = buf.Bytes()[:buf.Len()/2]
		}
		if err := os.WriteFile(filepath.Join(dir, ModelFile), data, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), ModelFile) {
			t.Errorf("%s: error %v, want one naming the file", name, err)
		}
	}
}

func TestTrainWithoutGoldTags(t *testing.T) {
	_, err := Train(context.Background(), []Example{{Article: article.Article{Body: "No tags here."}}}, ModelOptions{})
	if err == nil {
		t.Fatal("no error for an archive without gold tags")
	}
}

// TestReutersSlice learns TOPICS from the first file of Reuters-21578 and
// scores the next one: a small check that the model learns real tags and
// beats the kNN floor. The full figures come from 'tidings eval tags'.
func TestReutersSlice(t *testing.T) {
	dir := shared.Path(t, "data", "reuters21578")
	read := func(name string) []Example {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		var out []Example
		for d, err := range ingest.ReadReuters(context.Background(), name, f) {
			if err != nil {
				continue
			}
			if len(d.Topics) > 0 {
				a := d.Article
				a.GoldTags = d.Topics
				out = append(out, Example{Article: a})
			}
		}
		return out
	}
	train, test := read("reut2-000.sgm"), read("reut2-001.sgm")
	if len(train) < 300 || len(test) < 300 {
		t.Fatalf("%d training and %d test articles with topics", len(train), len(test))
	}
	ctx := context.Background()
	m, err := Train(ctx, train, ModelOptions{})
	if err != nil {
		t.Fatal(err)
	}
	floor, err := Train(ctx, train, ModelOptions{KNNOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	got, base := EvaluateModel(m, test, DefaultKs, nil), EvaluateModel(floor, test, DefaultKs, nil)
	t.Logf("%d train, %d test: model micro-F1 %.4f, kNN floor %.4f", len(train), len(test), got.Cutoff.Micro.F1, base.Cutoff.Micro.F1)
	if got.Cutoff.Micro.F1 < 0.75 {
		t.Errorf("model micro-F1 %.4f, want at least 0.75", got.Cutoff.Micro.F1)
	}
	if got.Cutoff.Micro.F1 <= base.Cutoff.Micro.F1 {
		t.Errorf("model micro-F1 %.4f does not beat the kNN floor's %.4f", got.Cutoff.Micro.F1, base.Cutoff.Micro.F1)
	}
}

// BenchmarkPredict tags Reuters-21578 articles with a model of TOPICS ∪
// PLACES ∪ PEOPLE ∪ ORGS ∪ EXCHANGES learned from one file of it.
func BenchmarkPredict(b *testing.B) {
	dir := shared.Path(b, "data", "reuters21578")
	f, err := os.Open(filepath.Join(dir, "reut2-000.sgm"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var ex []Example
	for d, err := range ingest.ReadReuters(context.Background(), "reut2-000.sgm", f) {
		if err == nil {
			ex = append(ex, Example{Article: d.Article})
		}
	}
	m, err := Train(context.Background(), ex, ModelOptions{})
	if err != nil {
		b.Fatal(err)
	}
	// The pipeline hands Predict the Document it has made already.
	docs := make([]*text.Document, len(ex))
	for i, e := range ex {
		docs[i] = text.New(e.Article.Text())
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		m.Predict(docs[i%len(ex)], len(ex[i%len(ex)].Article.Title), nil)
	}
}

// TestCodebook: every code's value encodes back to that code; a value
// keeps its sign and is within half a step (in ratio) of its level; a
// magnitude below the smallest level is zero.
func TestCodebook(t *testing.T) {
	for _, c := range []codebook{{Lo: 0.01, Hi: 8, Signed: true}, {Lo: 1e-3, Hi: 1}, {Lo: 0.5, Hi: 0.5}} {
		tab := c.table()
		for q := range 256 {
			if v := tab[q]; (v != 0 || q == 0) && encode(tab, c, v) != uint8(q) && tab[encode(tab, c, v)] != v {
				t.Errorf("%+v: code %d (%v) encodes to %d", c, q, v, encode(tab, c, v))
			}
		}
		step := math.Pow(float64(c.Hi/c.Lo), 1/float64(c.levels()-1))
		for _, v := range []float32{c.Lo, c.Hi, (c.Lo + c.Hi) / 2, c.Lo * 1.5, -c.Hi / 3, c.Lo / 2, 0} {
			got := tab[encode(tab, c, v)]
			switch {
			case float32(math.Abs(float64(v))) > c.Hi:
				continue // beyond the range: not asked
			case v < 0 && !c.Signed || float32(math.Abs(float64(v))) < c.Lo:
				if got != 0 {
					t.Errorf("%+v: %v encodes as %v, want 0", c, v, got)
				}
			case (got < 0) != (v < 0) || math.Abs(math.Log(float64(got/v))) > math.Log(step)/2+1e-6:
				t.Errorf("%+v: %v encodes as %v, more than half a step away", c, v, got)
			}
		}
	}
	ws := []float32{0.5, -0.004, 2, -3, 0.02}
	c := quantise(ws, 0.01, true)
	if ws[1] != 0 || c.Hi != 3 || ws[3] != -3 {
		t.Errorf("quantise: %v with %+v", ws, c)
	}
}

func TestGaps(t *testing.T) {
	start, ids := []int32{0, 2, 2, 5}, []int32{1, 4, 0, 2, 3}
	count, gap := gaps(start, ids)
	s2, i2, err := ungaps(count, gap, 5)
	if err != nil || !slices.Equal(s2, start) || !slices.Equal(i2, ids) {
		t.Fatalf("ungaps(gaps) = %v %v %v", s2, i2, err)
	}
	for _, tc := range []struct {
		name       string
		count, gap []int32
		limit      int
	}{
		{"negative count", []int32{-1, 1}, []int32{1}, 5},
		{"counts past the entries", []int32{3}, []int32{1, 1}, 5},
		{"counts short of the entries", []int32{1}, []int32{1, 1}, 5},
		{"not ascending", []int32{2}, []int32{2, 0}, 5},
		{"past the limit", []int32{2}, []int32{2, 4}, 5},
	} {
		if _, _, err := ungaps(tc.count, tc.gap, tc.limit); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
}

// TestTagCuts: a tag whose out-of-fold candidates are right only when
// very probable gets a higher threshold than the global one, a tag that is
// right even when improbable a lower one, and shrinking pulls both back.
func TestTagCuts(t *testing.T) {
	m := &Model{f: modelFile{Tags: []string{"high", "low"}, TopK: 10, MinTags: 0, Threshold: 0.5}}
	var held []heldCase
	for i := range 40 {
		p := float64(i) / 40
		// "high" is right only above 0.8; "low" is right above 0.2.
		var gold []string
		if p > 0.8 {
			gold = append(gold, "high")
		}
		if p > 0.2 {
			gold = append(gold, "low")
		}
		held = append(held, heldCase{gold: gold, cands: []scored{{tag: 0, prob: p}, {tag: 1, prob: p}}})
	}
	cuts, f := m.tagCuts(held, 0)
	if cuts[0] <= 0.5 || cuts[1] >= 0.5 || f < 0.99 {
		t.Errorf("thresholds %v (micro-F1 %.3f), want high > 0.5 > low and F1 1", cuts, f)
	}
	shrunk, _ := m.tagCuts(held, 1000)
	for i := range cuts {
		if math.Abs(float64(shrunk[i])-0.5) >= math.Abs(float64(cuts[i])-0.5) {
			t.Errorf("tag %d: threshold %v shrunk, %v not", i, shrunk[i], cuts[i])
		}
	}
}

// TestReadRejectsInconsistentParts: a file whose parts do not fit together
// fails to read, naming what is wrong, instead of panicking later.
func TestReadRejectsInconsistentParts(t *testing.T) {
	m, err := Train(context.Background(), toyArticles(60, 8), ModelOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		tamper func(f *modelFile)
	}{
		{"linear counts", func(f *modelFile) { f.Linear.Count[0] += 3 }},
		{"linear tag", func(f *modelFile) { f.Linear.TagGap[len(f.Linear.TagGap)-1] += 100 }},
		{"index article", func(f *modelFile) { f.Index.DocGap[len(f.Index.DocGap)-1] += 1000 }},
		{"index tags", func(f *modelFile) { f.Index.TagIDs[0] = 99 }},
		{"thresholds", func(f *modelFile) { f.TagCut = f.TagCut[:1] }},
		{"no index", func(f *modelFile) { f.Index = nil }},
	} {
		f := m.f
		f.Index, f.Linear = m.ix.file(), m.lin.file()
		tc.tamper(&f)
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		if err := gob.NewEncoder(zw).Encode(&f); err != nil {
			t.Fatal(err)
		}
		zw.Close()
		if _, err := Read(&buf); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
}
