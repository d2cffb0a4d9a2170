package link

import (
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"tidings/annotate"
	"tidings/kb"
	"tidings/text"
)

func TestIsAcronymOf(t *testing.T) {
	tests := []struct {
		acr, name string
		want      bool
	}{
		{"CSTO", "Collective Security Treaty Organization", true},
		{"UN", "United Nations", true},
		{"EU", "European Union", true},
		{"NATO", "North Atlantic Treaty Organization", true},
		{"CSTO", "Commonwealth of Independent States", false},
		{"Csto", "Collective Security Treaty Organization", false},
		{"X", "Xinhua", false},
	}
	for _, tt := range tests {
		if got := isAcronymOf(tt.acr, tt.name); got != tt.want {
			t.Errorf("isAcronymOf(%q, %q) = %v", tt.acr, tt.name, got)
		}
	}
}

func TestLocalID(t *testing.T) {
	if got := localID("PER", "Anna-Maria  O'Neill"); got != "local:per:anna-maria-o-neill" {
		t.Errorf("localID = %q", got)
	}
}

// fixture loads the shipped models and knowledge base once.
var fixture = sync.OnceValues(func() (*annotate.Models, error) { return annotate.Load() })
var kbFixture = sync.OnceValues(kb.Load)

func analyse(tb testing.TB, s string) (*text.Document, *Linker) {
	tb.Helper()
	m, l := models(tb)
	d := text.New(s)
	m.Annotate(d)
	return d, l
}

// models returns the shipped models, with the knowledge base's names as
// the recogniser's gazetteer, and a linker over that knowledge base.
func models(tb testing.TB) (*annotate.Models, *Linker) {
	tb.Helper()
	m, err := fixture()
	if err != nil {
		tb.Fatal(err)
	}
	k, err := kbFixture()
	if err != nil {
		tb.Fatal(err)
	}
	names := k.Gazetteer()
	gn := make([]annotate.GazetteerName, len(names))
	for i, n := range names {
		gn[i] = annotate.GazetteerName{Name: n.Name, Type: n.Type}
	}
	if m.NER.WantsGazetteer() {
		m.NER.UseGazetteer(annotate.NewGazetteer(gn))
	}
	return m, New(k)
}

const sample = "Nordic ministers meet in Helsinki\n\n" +
	"Energy ministers from Finland and Estonia met in Helsinki on Tuesday, the Finnish Ministry of Economic Affairs said. " +
	"The European Union (EU) will pay half. An EU spokesperson and Reuters confirmed it. " +
	"Estonian officials said Tallinn agreed."

func TestLinkGroupsAndLinks(t *testing.T) {
	d, l := analyse(t, sample)
	ents := l.Link(d, time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC))
	byID := map[string]Entity{}
	for _, e := range ents {
		byID[e.ID] = e
	}
	for _, c := range []struct {
		id       string
		mentions int
		kind     string
	}{{"FIN", 1, kb.KindCountry}, {"EST", 2, kb.KindCountry}, {"org:eu", 3, kb.KindOrganisation}} {
		// "the Finnish Ministry of Economic Affairs" is one name or a
		// nationality and a name, as the recogniser reads it: "Finnish" then
		// counts for Finland.
		if e := byID[c.id]; c.id == "FIN" && len(e.Mentions) == 2 && d.SpanText(e.Mentions[1]) == "Finnish" {
			c.mentions = 2
		}
		e, ok := byID[c.id]
		if !ok {
			t.Errorf("%s not linked; entities: %+v", c.id, ents)
			continue
		}
		if len(e.Mentions) != c.mentions || e.Entry.Kind != c.kind {
			t.Errorf("%s: %d mentions of kind %s, want %d of %s", c.id, len(e.Mentions), e.Entry.Kind, c.mentions, c.kind)
		}
	}
	for i := 1; i < len(ents); i++ {
		if ents[i].Salience > ents[i-1].Salience {
			t.Fatal("entities not ordered by salience")
		}
	}
}

func BenchmarkLink(b *testing.B) {
	ex, err := os.ReadFile("../examples/nordic-grid.txt")
	if err != nil {
		b.Fatal(err)
	}
	d, l := analyse(b, string(ex))
	published := time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		l.Link(d, published)
	}
	b.ReportMetric(float64(len(d.Tokens))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func TestKBMemory(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	k, err := kb.Load()
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	mb := float64(after.HeapAlloc-before.HeapAlloc) / 1e6
	t.Logf("the loaded knowledge base holds %.1f MB of heap (%d entries)", mb, k.Len())
	if mb > 150 {
		t.Errorf("knowledge base uses %.0f MB, over the 150 MB budget", mb)
	}
}

func TestAcronymSafe(t *testing.T) {
	town := kb.Entry{ID: "city:ico", Name: "Icó", Kind: kb.KindCity}
	rome := kb.Entry{ID: "city:rome", Name: "Rome", Kind: kb.KindCity}
	usa := kb.Entry{ID: "Q30", Name: "United States", Aliases: []string{"US", "U.S."}, Kind: kb.KindCountry}
	tests := []struct {
		name string
		in   []kb.Entry
		want int
	}{
		{"ICO", []kb.Entry{town}, 0},
		{"Icó", []kb.Entry{town}, 1},
		{"ROME", []kb.Entry{rome}, 1},
		{"US", []kb.Entry{usa}, 1},
		{"Ico", []kb.Entry{town}, 1}, // not all capitals: folding applies
	}
	for _, tc := range tests {
		if got := acronymSafe(tc.name, tc.in); len(got) != tc.want {
			t.Errorf("acronymSafe(%q) kept %d, want %d", tc.name, len(got), tc.want)
		}
	}
}

// corefAllPairs is the rule corefer implements, written as the plain
// comparison of a short mention with every grouped longer one.
func corefAllPairs(l *Linker, m *mention, ms []mention, ents []Entity) int {
	words := m.words
	if len(words) > 2 {
		return -1
	}
	suffix := func(long, short []string) bool {
		if len(short) == 0 || len(short) >= len(long) {
			return false
		}
		return slices.Equal(long[len(long)-len(short):], short)
	}
	for _, o := range ms {
		if o.group < 0 || len(o.text) <= len(m.text) {
			continue
		}
		ow := o.words
		switch {
		case m.typ == "PER" && (o.typ == "PER" || ents[o.group].Entry.Kind == kindPerson) && (suffix(ow, words) || len(words) == 1 && ow[0] == words[0]):
			return o.group
		case m.typ == o.typ && m.typ != "PER" && m.typ != "MISC" && suffix(ow, words) && l.kb.Lookup(m.text) == nil:
			return o.group
		}
	}
	return -1
}

// TestCoreferIndex checks that the indexed corefer gives the all-pairs
// answer on random mentions grouped as Link groups them.
func TestCoreferIndex(t *testing.T) {
	k, err := kbFixture()
	if err != nil {
		t.Fatal(err)
	}
	l := New(k)
	vocab := []string{"Ann", "Lee", "Bo", "Paris", "Bank", "Union", "European", "Al", "Kassym-Jomart", "Tokayev"}
	types := []string{"PER", "ORG", "LOC", "MISC"}
	rng := rand.New(rand.NewPCG(1, 2))
	joined := map[string]int{}
	for trial := range 300 {
		ms := make([]mention, 2+rng.IntN(40))
		for i := range ms {
			words := make([]string, 1+rng.IntN(4))
			for j := range words {
				words[j] = vocab[rng.IntN(len(vocab))]
			}
			ms[i] = mention{text: strings.Join(words, " "), words: words, typ: types[rng.IntN(len(types))], group: -1}
		}
		order := make([]int, len(ms))
		for i := range order {
			order[i] = i
		}
		sort.SliceStable(order, func(a, b int) bool { return len(ms[order[a]].text) > len(ms[order[b]].text) })
		var ents []Entity
		idx := corefIndex{}
		indexed := 0
		for n, i := range order {
			m := &ms[i]
			for ; indexed < n && len(ms[order[indexed]].text) > len(m.text); indexed++ {
				idx.add(ms, order[indexed], ents)
			}
			want := corefAllPairs(l, m, ms, ents)
			if got := l.corefer(m, ms, idx); got != want {
				t.Fatalf("trial %d: corefer(%q %s) = %d, all pairs say %d", trial, m.text, m.typ, got, want)
			}
			m.group = want
			if want >= 0 {
				joined[m.typ]++
			}
			if want < 0 {
				m.group = len(ents)
				e := Entity{Type: m.typ}
				if rng.IntN(3) == 0 {
					e.Entry.Kind = kindPerson
				}
				ents = append(ents, e)
			}
		}
	}
	if joined["PER"] == 0 || joined["ORG"] == 0 || joined["LOC"] == 0 {
		t.Errorf("too few mentions joined a group to test anything: %v", joined)
	}
	t.Logf("mentions joined by type: %v", joined)
}
