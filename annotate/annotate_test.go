package annotate

import (
	"bytes"
	"context"
	"math/rand/v2"
	"reflect"
	"sync"
	"testing"

	"tidings/text"
)

// A perceptron must learn a linearly separable toy problem: the class is
// the feature that is present.
func TestPerceptronLearnsAndRoundTrips(t *testing.T) {
	tr := NewTrainer(3)
	data := []struct {
		feats []uint64
		class int
	}{{[]uint64{feat(1), feat(10)}, 0}, {[]uint64{feat(1), feat(11)}, 1}, {[]uint64{feat(1), feat(12)}, 2}}
	scores := make([]float32, 3)
	for epoch := 0; epoch < 5; epoch++ {
		for _, d := range data {
			clear(scores)
			tr.Score(d.feats, scores)
			guess := argmax(scores)
			tr.Tick()
			if guess != d.class {
				tr.Update(d.feats, d.class, 1)
				tr.Update(d.feats, guess, -1)
			}
		}
	}
	w := tr.Average(0)
	var buf bytes.Buffer
	if _, err := w.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	w2, err := ReadWeights(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []*Weights{w, w2} {
		for _, d := range data {
			clear(scores)
			m.Score(d.feats, scores)
			if got := argmax(scores); got != d.class {
				t.Errorf("class of %v = %d, want %d (scores %v)", d.feats, got, d.class, scores)
			}
		}
	}
	if _, err := ReadWeights(bytes.NewReader([]byte("garbage"))); err == nil {
		t.Error("ReadWeights accepted garbage")
	}
	if _, err := ReadWeights(bytes.NewReader(buf.Bytes()[:buf.Len()/2])); err == nil {
		t.Error("ReadWeights accepted a truncated file")
	}
}

// The batched scorer must add exactly what one lookup per feature adds:
// for feature lists longer than a batch, with repeated and absent
// features, and in a table small enough that probes collide.
func TestWeightsScoreMatchesPlainLookup(t *testing.T) {
	const classes = 7
	tr := NewTrainer(classes)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 300 {
		f := feat(uint64(i))
		for range 1 + rng.IntN(classes) {
			tr.Tick()
			tr.Update([]uint64{f}, rng.IntN(classes), float64(rng.IntN(9)-4))
		}
	}
	w := tr.Average(0)
	plain := func(feats []uint64, scores []float32) {
		for _, f := range feats {
			k := uint32(key32(f))
			for i := uint64(k) & w.mask; w.slots[i].key != 0; i = (i + 1) & w.mask {
				if s := w.slots[i]; s.key == k {
					for _, e := range w.entries[s.start() : s.start()+s.count()] {
						scores[e.class] += float32(e.q)
					}
					break
				}
			}
		}
	}
	for _, n := range []int{0, 1, 63, 64, 65, 200} {
		feats := make([]uint64, n)
		for i := range feats {
			feats[i] = feat(uint64(rng.IntN(400))) // a quarter are absent
		}
		want := make([]float32, classes)
		plain(feats, want)
		got := make([]float32, classes)
		w.Score(feats, got)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%d features: %v, want %v", n, got, want)
		}
	}
}

func TestLemmatizer(t *testing.T) {
	var train []Sentence
	add := func(form, xpos, lemma string, times int) {
		for i := 0; i < times; i++ {
			train = append(train, Sentence{Form: []string{form}, XPOS: []string{xpos}, UPOS: []string{"X"}, Lemma: []string{lemma}})
		}
	}
	add("studies", "NNS", "study", 3)
	add("cities", "NNS", "city", 3)
	add("troops", "NNS", "troop", 3)
	add("forces", "NNS", "force", 3)
	add("seized", "VBD", "seize", 2)
	add("deployed", "VBD", "deploy", 2)
	add("played", "VBD", "play", 2)
	add("went", "VBD", "go", 2)
	add("I", "PRP", "I", 2)
	l := TrainLemmatizer(train)
	tests := []struct{ word, upos, xpos, want string }{
		{"went", "VERB", "VBD", "go"},        // exception
		{"parties", "NOUN", "NNS", "party"},  // rule learned from studies/cities
		{"Troops", "NOUN", "NNS", "troop"},   // lower-cased
		{"I", "PRON", "PRP", "I"},            // cased lemma kept
		{"Almaty", "PROPN", "NNP", "Almaty"}, // proper noun keeps its case
	}
	for _, tt := range tests {
		if got := l.Lemma(tt.word, tt.upos, tt.xpos); got != tt.want {
			t.Errorf("Lemma(%q, %s) = %q, want %q", tt.word, tt.xpos, got, tt.want)
		}
	}
}

func TestProjectivize(t *testing.T) {
	// 1 <- 3, 2 -> 4 crosses 3's arc from 1 (heads 1-based, index 0 unused).
	heads := []int{0, 0, 3, 1, 2}
	got := projectivize(heads)
	for d := 1; d < len(got); d++ {
		lo, hi := min(d, got[d]), max(d, got[d])
		for k := lo + 1; k < hi; k++ {
			if !dominates(got, got[d], k) {
				t.Fatalf("projectivize(%v) = %v: arc %d->%d crosses %d", heads, got, got[d], d, k)
			}
		}
	}
}

// toyTreebank is a tiny treebank written for this test.
func toyTreebank() []Sentence {
	mk := func(form, upos, xpos, rel string, head ...int) Sentence {
		s := Sentence{Form: split(form), UPOS: split(upos), XPOS: split(xpos), Deprel: split(rel), Head: head}
		s.Lemma = s.Form
		return s
	}
	return []Sentence{
		mk("troops arrived", "NOUN VERB", "NNS VBD", "nsubj root", 2, 0),
		mk("the troops arrived", "DET NOUN VERB", "DT NNS VBD", "det nsubj root", 2, 3, 0),
		mk("protesters seized buildings", "NOUN VERB NOUN", "NNS VBD NNS", "nsubj root obj", 2, 0, 2),
		mk("the police used gas", "DET NOUN VERB NOUN", "DT NN VBD NN", "det nsubj root obj", 2, 3, 0, 3),
		mk("the army arrived", "DET NOUN VERB", "DT NN VBD", "det nsubj root", 2, 3, 0),
	}
}

func split(s string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return out
}

func TestTrainTaggerAndParserOnToyData(t *testing.T) {
	ctx := context.Background()
	tb := toyTreebank()
	tagger, acc, err := TrainTagger(ctx, tb, tb, nil, TrainOptions{Seed: 1, MaxEpochs: 10})
	if err != nil {
		t.Fatal(err)
	}
	if acc < 1 {
		t.Errorf("tagger does not fit its tiny training data: UPOS %.3f", acc)
	}
	parser, las, err := TrainParser(ctx, tb, tb, nil, nil, nil, TrainOptions{Seed: 1, MaxEpochs: 15, Patience: 15})
	if err != nil {
		t.Fatal(err)
	}
	if las < 1 {
		t.Errorf("parser does not fit its tiny training data: LAS %.3f", las)
	}
	// Serialise and reload both, then annotate a document.
	var tbuf, pbuf bytes.Buffer
	if _, err := tagger.WriteTo(&tbuf); err != nil {
		t.Fatal(err)
	}
	if _, err := parser.WriteTo(&pbuf); err != nil {
		t.Fatal(err)
	}
	t2, err := ReadTagger(&tbuf, nil)
	if err != nil {
		t.Fatal(err)
	}
	p2, err := ReadParser(&pbuf, nil)
	if err != nil {
		t.Fatal(err)
	}
	m := &Models{Tagger: t2, Parser: p2}
	doc := text.New("the army arrived")
	m.Annotate(doc)
	var got []string
	for _, tk := range doc.Tokens {
		got = append(got, tk.UPOS+"/"+tk.Deprel)
	}
	if want := []string{"DET/det", "NOUN/nsubj", "VERB/root"}; !reflect.DeepEqual(got, want) {
		t.Errorf("annotation = %v, want %v", got, want)
	}
	if doc.Tokens[0].Head != 1 || doc.Tokens[1].Head != 2 || doc.Tokens[2].Head != -1 {
		t.Errorf("heads = %d %d %d, want 1 2 -1", doc.Tokens[0].Head, doc.Tokens[1].Head, doc.Tokens[2].Head)
	}
}

// Training is deterministic: the same data and seed give the same bytes.
func TestTrainingIsReproducible(t *testing.T) {
	sents := devOrSkip(t)[:300]
	train := func() []byte {
		tagger, _, err := TrainTagger(context.Background(), sents[:200], sents[200:], nil, TrainOptions{Seed: 7, MaxEpochs: 2})
		if err != nil {
			t.Fatal(err)
		}
		parser, _, err := TrainParser(context.Background(), sents[:200], sents[200:], nil, tagger, nil, TrainOptions{Seed: 7, MaxEpochs: 2})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		tagger.WriteTo(&buf)
		parser.WriteTo(&buf)
		return buf.Bytes()
	}
	if a, b := train(), train(); !bytes.Equal(a, b) {
		t.Error("two trainings with the same seed differ")
	}
}

// The shipped models load, annotate concurrently with identical results,
// and get a plain news sentence right.
func TestShippedModels(t *testing.T) {
	m := loadOrFail(t)
	if m.Parser == nil || m.Clusters == nil {
		t.Fatal("shipped models lack the parser or the clusters")
	}
	in := "Russia has sent troops to Kazakhstan. The protesters seized buildings in Almaty."
	var wg sync.WaitGroup
	results := make([]string, 8)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := text.New(in)
			m.Annotate(d)
			var b bytes.Buffer
			for _, tk := range d.Tokens {
				b.WriteString(tk.UPOS + " " + tk.Deprel + ";")
			}
			results[i] = b.String()
		}()
	}
	wg.Wait()
	for _, r := range results[1:] {
		if r != results[0] {
			t.Fatal("concurrent annotation differs")
		}
	}
	d := text.New(in)
	m.Annotate(d)
	for _, c := range []struct {
		i         int
		upos, rel string
	}{{0, "PROPN", "nsubj"}, {2, "VERB", "root"}, {3, "NOUN", "obj"}} {
		tk := d.Tokens[c.i]
		if tk.UPOS != c.upos || tk.Deprel != c.rel {
			t.Errorf("token %q: %s/%s, want %s/%s", tk.Form, tk.UPOS, tk.Deprel, c.upos, c.rel)
		}
	}
}
