package annotate

import (
	"bytes"
	"context"
	"maps"
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"tidings/eval"
	"tidings/internal/newstext"
	"tidings/kb"
	"tidings/text"
)

// A one-word mention of a surname that the document names in full is the
// person, typed or not; other names, calendar words, words in a
// capitals-only sentence and lower-case words are left alone.
func TestHarmonise(t *testing.T) {
	tests := []struct {
		name  string
		sents []string // one sentence a string, words split on spaces
		in    [][]eval.Chunk
		want  [][]eval.Chunk
	}{
		{"retyped after the full name",
			[]string{"Kassym-Jomart Tokayev spoke .", "Tokayev said so ."},
			[][]eval.Chunk{{{Type: "PER", Start: 0, End: 2}}, {{Type: "ORG", Start: 0, End: 1}}},
			[][]eval.Chunk{{{Type: "PER", Start: 0, End: 2}}, {{Type: "PER", Start: 0, End: 1}}}},
		{"retyped before the full name",
			[]string{"Tokayev speaks", "President Kassym-Jomart Tokayev said ."},
			[][]eval.Chunk{{{Type: "LOC", Start: 0, End: 1}}, {{Type: "PER", Start: 1, End: 3}}},
			[][]eval.Chunk{{{Type: "PER", Start: 0, End: 1}}, {{Type: "PER", Start: 1, End: 3}}}},
		{"a missed mention is added",
			[]string{"Nick Faldo won .", "Then Faldo rested ."},
			[][]eval.Chunk{{{Type: "PER", Start: 0, End: 2}}, nil},
			[][]eval.Chunk{{{Type: "PER", Start: 0, End: 2}}, {{Type: "PER", Start: 1, End: 2}}}},
		{"not in a capitals-only sentence, nor in lower case",
			[]string{"Nick Faldo won .", "FALDO WINS THE OPEN CHAMPIONSHIP AGAIN AS Faldo SMILES", "the faldo swing"},
			[][]eval.Chunk{{{Type: "PER", Start: 0, End: 2}}, nil, nil},
			[][]eval.Chunk{{{Type: "PER", Start: 0, End: 2}}, nil, nil}},
		{"multi-word mentions and other names keep their type",
			[]string{"Nick Faldo won .", "Faldo Holdings and Ernie Els"},
			[][]eval.Chunk{{{Type: "PER", Start: 0, End: 2}}, {{Type: "ORG", Start: 0, End: 2}, {Type: "PER", Start: 3, End: 5}}},
			[][]eval.Chunk{{{Type: "PER", Start: 0, End: 2}}, {{Type: "ORG", Start: 0, End: 2}, {Type: "PER", Start: 3, End: 5}}}},
		{"a name ending in a calendar word",
			[]string{"Man Friday came .", "On Friday he left ."},
			[][]eval.Chunk{{{Type: "PER", Start: 0, End: 2}}, nil},
			[][]eval.Chunk{{{Type: "PER", Start: 0, End: 2}}, nil}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var sents [][]string
			for _, s := range tt.sents {
				sents = append(sents, strings.Fields(s))
			}
			harmonise(sents, tt.in)
			if !reflect.DeepEqual(tt.in, tt.want) {
				t.Errorf("got %v, want %v", tt.in, tt.want)
			}
		})
	}
}

func TestBILOU(t *testing.T) {
	labels := newNERLabels()
	index := map[string]int{}
	for i, l := range labels {
		index[l] = i
	}
	iob := []string{"B-PER", "I-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-ORG"}
	ids := toBILOU(index, iob)
	var got []string
	for _, id := range ids {
		got = append(got, labels[id])
	}
	want := []string{"B-PER", "I-PER", "L-PER", "O", "U-LOC", "U-LOC", "U-ORG"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("toBILOU = %v, want %v", got, want)
	}
	if back := toIOB2(labels, ids); !reflect.DeepEqual(back, []string{"B-PER", "I-PER", "I-PER", "O", "B-LOC", "B-LOC", "B-ORG"}) {
		t.Errorf("toIOB2 = %v", back)
	}
}

// The training oracle: the gold label where it may follow the model's own
// history, else the label that loses no more entities.
func TestNEROracle(t *testing.T) {
	m := &NER{labels: newNERLabels()}
	index := map[string]int{"": -1}
	for i, l := range m.labels {
		index[l] = i
	}
	tests := []struct{ prev, gold, want string }{
		{"", "B-PER", "B-PER"},      // allowed: gold
		{"O", "U-LOC", "U-LOC"},     //
		{"B-PER", "L-PER", "L-PER"}, //
		{"", "I-PER", "O"},          // the entity's start was missed: it is lost
		{"O", "L-ORG", "O"},         //
		{"U-LOC", "I-LOC", "O"},     //
		{"B-ORG", "O", "L-ORG"},     // an open entity gold does not continue is closed
		{"I-ORG", "B-PER", "L-ORG"}, //
		{"B-LOC", "I-PER", "L-LOC"}, // another type's inside
	}
	for _, tc := range tests {
		if got := m.labels[m.oracle(index[tc.prev], index[tc.gold])]; got != tc.want {
			t.Errorf("oracle(%q, %q) = %q, want %q", tc.prev, tc.gold, got, tc.want)
		}
	}
}

func TestTrimLowerTails(t *testing.T) {
	tests := []struct {
		words []string
		in    eval.Chunk
		want  int // end
	}{
		{[]string{"the", "Bank", "yesterday", "gave"}, eval.Chunk{Type: "ORG", Start: 1, End: 3}, 2},
		{[]string{"the", "Ministry", "recently", "also", "called"}, eval.Chunk{Type: "ORG", Start: 1, End: 4}, 2},
		{[]string{"Bank", "of", "Japan"}, eval.Chunk{Type: "ORG", Start: 0, End: 3}, 3},
		{[]string{"Euro", "96", "finals"}, eval.Chunk{Type: "MISC", Start: 0, End: 2}, 2},        // a number ends a name
		{[]string{"president", "barack", "obama"}, eval.Chunk{Type: "PER", Start: 1, End: 3}, 3}, // lower case throughout
		{[]string{"Bank", "yesterday"}, eval.Chunk{Type: "ORG", Start: 0, End: 1}, 1},
	}
	for _, tc := range tests {
		got := trimLowerTails(tc.words, []eval.Chunk{tc.in})
		if got[0].End != tc.want {
			t.Errorf("trimLowerTails(%q, %v) ends at %d, want %d", tc.words, tc.in, got[0].End, tc.want)
		}
	}
}

func TestTrainNERToy(t *testing.T) {
	doc := NERDocument{
		{Form: split("Tokayev met Putin in Moscow"), Label: split("B-PER O B-PER O B-LOC")},
		{Form: split("The CSTO sent troops to Almaty"), Label: split("O B-ORG O O O B-LOC")},
		{Form: split("Putin spoke in Almaty"), Label: split("B-PER O O B-LOC")},
	}
	m, f1, err := TrainNER(context.Background(), []NERDocument{doc}, []NERDocument{doc}, nil, nil, 0, TrainOptions{Seed: 1, MaxEpochs: 10})
	if err != nil {
		t.Fatal(err)
	}
	if f1 < 1 {
		t.Errorf("NER does not fit its toy data: F1 %.3f", f1)
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := ReadNER(&buf, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := m2.LabelDocument([][]string{split("Putin met Tokayev in Moscow")}, nil)[0]
	if want := split("B-PER O B-PER O B-LOC"); !reflect.DeepEqual(got, want) {
		t.Errorf("labels = %v, want %v", got, want)
	}
}

// TestCrossValidateNERToy checks that each fold is scored on the
// documents it held out: four copies of a learnable document give every
// fold a perfect score, and too few documents for the folds is an error.
func TestCrossValidateNERToy(t *testing.T) {
	doc := NERDocument{
		{Form: split("Tokayev met Putin in Moscow"), Label: split("B-PER O B-PER O B-LOC")},
		{Form: split("Putin spoke in Almaty"), Label: split("B-PER O O B-LOC")},
	}
	docs := []NERDocument{doc, doc, doc, doc}
	scores, err := CrossValidateNER(context.Background(), docs, 4, nil, nil, 0, TrainOptions{Seed: 1, MaxEpochs: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(scores) != 4 {
		t.Fatalf("%d fold scores, want 4", len(scores))
	}
	for i, s := range scores {
		if s.Overall.Gold != 5 || s.Overall.F1 < 1 {
			t.Errorf("fold %d: %+v, want the held-out document's 5 names all right", i+1, s.Overall)
		}
	}
	if _, err := CrossValidateNER(context.Background(), docs[:1], 2, nil, nil, 0, TrainOptions{}); err == nil {
		t.Error("2 folds of 1 document: no error")
	}
}

func BenchmarkNER(b *testing.B) {
	m := loadOrFail(b)
	if m.NER == nil {
		b.Skip("no NER model")
	}
	if m.NER.WantsGazetteer() {
		// The pipeline supplies the knowledge base's names; annotate cannot
		// import kb, so the benchmark uses a small stand-in of the same shape.
		m.NER.UseGazetteer(NewGazetteer([]GazetteerName{{"Kazakhstan", "LOC"}, {"Russia", "LOC"}, {"United States", "LOC"}, {"CSTO", "ORG"}, {"Kazakh", "MISC"}}))
	}
	sents := devOrSkip(b)
	doc := &text.Document{}
	var all []string
	for _, s := range sents {
		all = append(all, s.Form...)
	}
	// One document of EWT dev's words, annotated once; only NER is timed.
	var given [][]text.GivenToken
	for _, s := range sents {
		var g []text.GivenToken
		for _, w := range s.Form {
			g = append(g, text.GivenToken{Form: w, SpaceAfter: true})
		}
		given = append(given, g)
	}
	var buf bytes.Buffer
	for _, w := range all {
		buf.WriteString(w + " ")
	}
	doc = text.FromGiven(buf.String(), given)
	m.annotateSyntax(doc, true)
	b.ResetTimer()
	for b.Loop() {
		m.NER.Recognize(doc)
	}
	b.ReportMetric(float64(len(doc.Tokens))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func TestNERTrainingIsReproducible(t *testing.T) {
	doc := NERDocument{
		{Form: split("Tokayev met Putin in Moscow"), Label: split("B-PER O B-PER O B-LOC")},
		{Form: split("The CSTO sent troops to Almaty"), Label: split("O B-ORG O O O B-LOC")},
	}
	g := NewGazetteer([]GazetteerName{{"Moscow", "LOC"}, {"CSTO", "ORG"}})
	train := func() []byte {
		m, _, err := TrainNER(context.Background(), []NERDocument{doc, doc}, []NERDocument{doc}, nil, g, 2, TrainOptions{Seed: 3, MaxEpochs: 3})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		m.WriteTo(&buf)
		return buf.Bytes()
	}
	if !bytes.Equal(train(), train()) {
		t.Error("two NER trainings with the same seed differ")
	}
}

func TestGazetteerMatch(t *testing.T) {
	g := NewGazetteer([]GazetteerName{{"Mangystau Region", "LOC"}, {"Mangystau", "LOC"}, {"Kazakh Ministry of Internal Affairs", "ORG"}, {"Kazakh", "MISC"}})
	words := split("the Kazakh Ministry of Internal Affairs said Mangystau region")
	lower := make([]uint64, len(words))
	for i, w := range words {
		lower[i] = hashLower(fnvOffset, w)
	}
	out := make([]gazMatch, len(words))
	g.match(words, lower, out)
	// the ministry: five words of ORG; Mangystau alone (region is lower case)
	want := []uint8{0, 1, 2, 2, 2, 3, 0, 4, 0}
	for i, w := range want {
		if out[i].pos != w {
			t.Fatalf("positions = %v, want %v", out, want)
		}
	}
	if out[1].types != 1<<1 || out[7].types != 1<<2 {
		t.Errorf("types = %v", out)
	}
}

// preferKnownNamesRescan is the rule preferKnownNames implements, written
// as the plain rescan of every chunk for every known name.
func preferKnownNamesRescan(g *Gazetteer, words []string, chunks []eval.Chunk) []eval.Chunk {
	lower := make([]uint64, len(words))
	for i, w := range words {
		lower[i] = hashLower(fnvOffset, w)
	}
	gm := make([]gazMatch, len(words))
	g.match(words, lower, gm)
	for i := 0; i < len(words); i++ {
		if gm[i].pos != 1 {
			continue
		}
		end := i + 1
		for end < len(words) && (gm[end].pos == 2 || gm[end].pos == 3) {
			end++
			if gm[end-1].pos == 3 {
				break
			}
		}
		t := gm[i].types
		if end-i < 3 && !(end-i == 2 && words[i+1] == "'s") || t&(t-1) != 0 {
			continue
		}
		typ := nerTypes[bitIndex(t)]
		var kept []eval.Chunk
		inside, crosses, same := 0, false, false
		for _, c := range chunks {
			switch {
			case c.End <= i || c.Start >= end:
				kept = append(kept, c)
			case c.Start >= i && c.End <= end:
				inside++
				same = same || c == eval.Chunk{Type: typ, Start: i, End: end}
			default:
				crosses = true
			}
		}
		if crosses || inside == 0 || inside == 1 && same {
			continue
		}
		kept = append(kept, eval.Chunk{Type: typ, Start: i, End: end})
		sort.Slice(kept, func(a, b int) bool { return kept[a].Start < kept[b].Start })
		chunks = kept
		i = end - 1
	}
	return chunks
}

// TestPreferKnownNames checks the one-pass preferKnownNames against the
// rescan on random sentences and chunks.
func TestPreferKnownNames(t *testing.T) {
	g := NewGazetteer([]GazetteerName{
		{"Kazakh Ministry of Internal Affairs", "ORG"}, {"Collective Security Treaty Organization", "ORG"},
		{"New York City", "LOC"}, {"New York", "LOC"}, {"Bank of Nowhere", "ORG"}, {"Bank of Nowhere", "LOC"},
		{"McDonald's", "ORG"},
	})
	m := &NER{gaz: g}
	phrases := []string{"Kazakh Ministry of Internal Affairs", "Collective Security Treaty Organization", "New York City", "New York", "Bank of Nowhere", "Kazakh", "Ministry", "said", "the", "City", "McDonald 's", "McDonald"}
	types := []string{"PER", "ORG", "LOC", "MISC"}
	rng := rand.New(rand.NewPCG(3, 4))
	replaced := 0
	for trial := range 2000 {
		var words []string
		for range 1 + rng.IntN(20) {
			words = append(words, split(phrases[rng.IntN(len(phrases))])...)
		}
		var chunks []eval.Chunk
		for i := 0; i < len(words); {
			n := 1 + rng.IntN(3)
			if rng.IntN(3) > 0 && i+n <= len(words) {
				chunks = append(chunks, eval.Chunk{Type: types[rng.IntN(len(types))], Start: i, End: i + n})
			}
			i += n
		}
		want := preferKnownNamesRescan(g, words, slices.Clone(chunks))
		got := m.preferKnownNames(words, slices.Clone(chunks))
		if !slices.Equal(got, want) {
			t.Fatalf("trial %d: %q %v: got %v, want %v", trial, words, chunks, got, want)
		}
		if !slices.Equal(want, chunks) {
			replaced++
		}
	}
	if replaced == 0 {
		t.Error("no known name replaced any chunk: the test tests nothing")
	}
	// a possessive name the model cut before "'s"
	words := split("McDonald 's sales rose")
	if got := m.preferKnownNames(words, []eval.Chunk{{Type: "PER", Start: 0, End: 1}}); !slices.Equal(got, []eval.Chunk{{Type: "ORG", Start: 0, End: 2}}) {
		t.Errorf("McDonald 's: %v, want the ORG McDonald's", got)
	}
	t.Logf("%d of 2000 sentences changed", replaced)
}

// BenchmarkRecognizeBySize runs the recogniser alone, with the knowledge
// base's names as its gazetteer, over 10 KB, 100 KB and 1 MB of tagged
// news whose names grow in number with the text: the time should grow as
// the text does.
func BenchmarkRecognizeBySize(b *testing.B) {
	m := loadOrFail(b)
	if m.NER == nil {
		b.Skip("no NER model")
	}
	if m.NER.WantsGazetteer() {
		k, err := kb.Load()
		if err != nil {
			b.Fatal(err)
		}
		var names []GazetteerName
		for _, n := range k.Gazetteer() {
			names = append(names, GazetteerName{Name: n.Name, Type: n.Type})
		}
		m.NER.UseGazetteer(NewGazetteer(names))
	}
	for _, size := range []struct {
		name  string
		bytes int
	}{{"10KB", 10 << 10}, {"100KB", 100 << 10}, {"1MB", 1 << 20}} {
		b.Run(size.name, func(b *testing.B) {
			doc := text.New(newstext.Text(size.bytes))
			m.AnnotateShallow(doc) // the tags the recogniser reads
			b.SetBytes(int64(len(doc.Text)))
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				n = len(m.NER.Recognize(doc))
			}
			b.ReportMetric(float64(len(doc.Tokens))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
			b.ReportMetric(float64(n), "entities")
		})
	}
}

func TestJoinFirstNames(t *testing.T) {
	ch := func(typ string, start, end int) eval.Chunk { return eval.Chunk{Type: typ, Start: start, End: end} }
	for _, tc := range []struct {
		sentence string
		tags     string // UPOS per word, "" when unknown
		before   string // the tag of the word before the sentence
		chunks   []eval.Chunk
		want     []eval.Chunk
	}{
		// a given name that is also a country's, then a surname
		{"Chad Morris runs cattle", "", "", []eval.Chunk{ch("LOC", 0, 1), ch("PER", 1, 2)}, []eval.Chunk{ch("PER", 0, 2)}},
		{"Israel Katz said", "", "", []eval.Chunk{ch("LOC", 0, 1), ch("PER", 1, 2)}, []eval.Chunk{ch("PER", 0, 2)}},
		// a city's name, then a given name and a surname
		{"coach Austin Mary Reaves left", "", "", []eval.Chunk{ch("LOC", 1, 2), ch("PER", 2, 4)}, []eval.Chunk{ch("PER", 1, 4)}},
		// something between: a place and a person
		{"Jordan 's Abdullah met", "", "", []eval.Chunk{ch("LOC", 0, 1), ch("PER", 2, 3)}, []eval.Chunk{ch("LOC", 0, 1), ch("PER", 2, 3)}},
		{"in Jordan , Ellis said", "", "", []eval.Chunk{ch("LOC", 1, 2), ch("PER", 3, 4)}, []eval.Chunk{ch("LOC", 1, 2), ch("PER", 3, 4)}},
		// an abbreviation in capitals is no given name
		{"UK Johnson quits", "", "", []eval.Chunk{ch("LOC", 0, 1), ch("PER", 1, 2)}, []eval.Chunk{ch("LOC", 0, 1), ch("PER", 1, 2)}},
		// a place after a preposition, then a person
		{"an expert in Tokyo Tomas de Hora said", "DET NOUN ADP PROPN PROPN X PROPN VERB", "", []eval.Chunk{ch("LOC", 3, 4), ch("PER", 4, 7)}, []eval.Chunk{ch("LOC", 3, 4), ch("PER", 4, 7)}},
		{"coach Austin Reaves said", "NOUN PROPN PROPN VERB", "", []eval.Chunk{ch("LOC", 1, 2), ch("PER", 2, 3)}, []eval.Chunk{ch("PER", 1, 3)}},
		// a sentence split after a preposition by a line break
		{"Moscow Salah Bassiouni said", "", "PART TO", []eval.Chunk{ch("LOC", 0, 1), ch("PER", 1, 3)}, []eval.Chunk{ch("LOC", 0, 1), ch("PER", 1, 3)}},
		{"Israel G. Grossman , 34 , said", "", "PUNCT .", []eval.Chunk{ch("LOC", 0, 1), ch("PER", 1, 3)}, []eval.Chunk{ch("PER", 0, 3)}},
		// a place of two words, or an organisation, stays
		{"New Jersey Smith", "", "", []eval.Chunk{ch("LOC", 0, 2), ch("PER", 2, 3)}, []eval.Chunk{ch("LOC", 0, 2), ch("PER", 2, 3)}},
		{"Chelsea Palmer", "", "", []eval.Chunk{ch("ORG", 0, 1), ch("PER", 1, 2)}, []eval.Chunk{ch("ORG", 0, 1), ch("PER", 1, 2)}},
		// a given name read as a place, then a double-barrelled surname
		{"Ngozi Okonjo-Iweala spoke", "", "", []eval.Chunk{ch("LOC", 0, 1), ch("MISC", 1, 2)}, []eval.Chunk{ch("PER", 0, 2)}},
		{"Alexandria Ocasio-Cortez spoke", "", "", []eval.Chunk{ch("LOC", 0, 1)}, []eval.Chunk{ch("PER", 0, 2)}},
		// but not a place and a hyphenated name of something else
		{"Paris Saint-Germain-en-Laye", "", "", []eval.Chunk{ch("LOC", 0, 1)}, []eval.Chunk{ch("LOC", 0, 1)}},
		{"in Alexandria Ocasio-Cortez", "ADP PROPN PROPN", "", []eval.Chunk{ch("LOC", 1, 2), ch("MISC", 2, 3)}, []eval.Chunk{ch("LOC", 1, 2), ch("MISC", 2, 3)}},
	} {
		var tags []string
		for _, u := range strings.Fields(tc.tags) {
			tags = append(tags, u+" _")
		}
		got := joinFirstNames(strings.Fields(tc.sentence), tags, tc.before, slices.Clone(tc.chunks))
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: got %v, want %v", tc.sentence, got, tc.want)
		}
	}
}

func TestJoinAmpersands(t *testing.T) {
	ch := func(typ string, start, end int) eval.Chunk { return eval.Chunk{Type: typ, Start: start, End: end} }
	for _, tc := range []struct {
		sentence string
		chunks   []eval.Chunk
		want     []eval.Chunk
	}{
		// two people by the model: one firm
		{"shares in Hobbs & Clark fell", []eval.Chunk{ch("PER", 2, 3), ch("PER", 4, 5)}, []eval.Chunk{ch("ORG", 2, 5)}},
		// a possessive brand, and a part the model left out
		{"Tom & Jerry 's ice cream", []eval.Chunk{ch("PER", 2, 3)}, []eval.Chunk{ch("ORG", 0, 4)}},
		{"Smith Barney & Co said", []eval.Chunk{ch("ORG", 0, 2)}, []eval.Chunk{ch("ORG", 0, 4)}},
		// places on both sides stay a place
		{"Trinidad & Tobago won", []eval.Chunk{ch("LOC", 0, 1), ch("LOC", 2, 3)}, []eval.Chunk{ch("LOC", 0, 3)}},
		// nothing named on either side, or a lower-case side
		{"Q & A session", nil, nil},
		{"Smith & sons", []eval.Chunk{ch("PER", 0, 1)}, []eval.Chunk{ch("PER", 0, 1)}},
		// other names in the sentence are kept, in order
		{"Paris : Hobbs & Clark met Jones", []eval.Chunk{ch("LOC", 0, 1), ch("PER", 2, 3), ch("PER", 4, 5), ch("PER", 6, 7)},
			[]eval.Chunk{ch("LOC", 0, 1), ch("ORG", 2, 5), ch("PER", 6, 7)}},
	} {
		got := joinAmpersands(strings.Fields(tc.sentence), slices.Clone(tc.chunks))
		if !slices.Equal(got, tc.want) && !(len(got) == 0 && len(tc.want) == 0) {
			t.Errorf("%q: %v, want %v", tc.sentence, got, tc.want)
		}
	}
}

func TestDesignators(t *testing.T) {
	sent := func(words, labels string) NERSentence {
		return NERSentence{Form: strings.Fields(words), Label: strings.Fields(labels)}
	}
	var doc NERDocument
	for range minDesignatorNames {
		doc = append(doc, sent("the Green Party and Park Street and Bill Clinton", "O B-ORG I-ORG O B-LOC I-LOC O B-PER I-PER"))
	}
	doc = append(doc, sent("a party in the street", "O O O O O"))
	got := designatorsOf([]NERDocument{doc})
	want := map[string]string{"Party": "ORG", "Street": "LOC"} // not Clinton: never a common word
	if !maps.Equal(got, want) {
		t.Errorf("designatorsOf = %v, want %v", got, want)
	}
	m := &NER{designators: want}
	ch := func(typ string, start, end int) eval.Chunk { return eval.Chunk{Type: typ, Start: start, End: end} }
	for _, tc := range []struct {
		sentence string
		chunks   []eval.Chunk
		want     []eval.Chunk
	}{
		{"the Labour Party won", []eval.Chunk{ch("LOC", 1, 3)}, []eval.Chunk{ch("ORG", 1, 3)}},
		{"on Downing Street today", []eval.Chunk{ch("ORG", 1, 3)}, []eval.Chunk{ch("LOC", 1, 3)}},
		// the head before "of"
		{"the Party of Regions said", []eval.Chunk{ch("LOC", 1, 4)}, []eval.Chunk{ch("ORG", 1, 4)}},
		{"the Union of Street Traders", []eval.Chunk{ch("ORG", 1, 5)}, []eval.Chunk{ch("ORG", 1, 5)}},
		// one word is left to the model
		{"Party on", []eval.Chunk{ch("PER", 0, 1)}, []eval.Chunk{ch("PER", 0, 1)}},
	} {
		got := m.retypeByDesignator(strings.Fields(tc.sentence), slices.Clone(tc.chunks))
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: %v, want %v", tc.sentence, got, tc.want)
		}
	}
}

func TestSplitTitles(t *testing.T) {
	m := &NER{gaz: NewGazetteer([]GazetteerName{{"Ruritania", "LOC"}})}
	m.UseTitles([]string{"minister", "chancellor", "governor", "prince", "oh"})
	ch := func(typ string, start, end int) eval.Chunk { return eval.Chunk{Type: typ, Start: start, End: end} }
	for _, tc := range []struct {
		sentence string
		chunks   []eval.Chunk
		want     []eval.Chunk
	}{
		{"Chancellor Merz said", []eval.Chunk{ch("PER", 0, 2)}, []eval.Chunk{ch("PER", 1, 2)}},
		{"Prime Minister Jane Doe said", []eval.Chunk{ch("PER", 0, 4)}, []eval.Chunk{ch("PER", 2, 4)}},
		{"Ruritania Governor Jane Doe said", []eval.Chunk{ch("LOC", 0, 2), ch("PER", 2, 4)}, []eval.Chunk{ch("LOC", 0, 1), ch("PER", 2, 4)}},
		// what is left takes its known name's type
		{"Ruritania Governor Jane Doe said", []eval.Chunk{ch("ORG", 0, 2), ch("PER", 2, 4)}, []eval.Chunk{ch("LOC", 0, 1), ch("PER", 2, 4)}},
		// a title alone is left to the model; royalty keep theirs
		{"Chancellor said", []eval.Chunk{ch("PER", 0, 1)}, []eval.Chunk{ch("PER", 0, 1)}},
		{"Prince Charles said", []eval.Chunk{ch("PER", 0, 2)}, []eval.Chunk{ch("PER", 0, 2)}},
		// a title word after the given name is part of the name
		{"Jane Governor said", []eval.Chunk{ch("PER", 0, 2)}, []eval.Chunk{ch("PER", 0, 2)}},
		// a place ending in a title, not before a person
		{"the Ruritania Governor office", []eval.Chunk{ch("ORG", 1, 3)}, []eval.Chunk{ch("ORG", 1, 3)}},
	} {
		got := m.splitTitles(strings.Fields(tc.sentence), slices.Clone(tc.chunks))
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: %v, want %v", tc.sentence, got, tc.want)
		}
	}
}

func TestHyphenated(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Yoon Suk-yeol said", true},
		{"Yoon Suk - yeol said", false}, // a dash between words
	} {
		d := text.New(c.text)
		var dash int
		for i, tok := range d.Tokens {
			if tok.Form == "-" {
				dash = i
			}
		}
		a := text.Span{Start: 0, End: dash, Label: "PER"}
		b := text.Span{Start: dash + 1, End: dash + 2, Label: "PER"}
		if got := hyphenated(d, a, b); got != c.want {
			t.Errorf("%q: hyphenated = %v, want %v", c.text, got, c.want)
		}
		if b.Label = "ORG"; hyphenated(d, a, b) {
			t.Errorf("%q: a person and an organisation joined", c.text)
		}
	}
}
