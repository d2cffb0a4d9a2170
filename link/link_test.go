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
	longer := func(yield func(mention) bool) {
		for _, o := range ms {
			if o.group >= 0 && len(o.text) > len(m.text) && !yield(o) {
				return
			}
		}
	}
	switch m.typ {
	case "PER":
		for o := range longer {
			if (o.typ == "PER" || ents[o.group].Entry.Kind == kindPerson) && (suffix(o.words, words) || len(words) == 1 && o.words[0] == words[0]) {
				return o.group
			}
		}
		return -1
	case "MISC":
		return -1
	}
	if l.kb.Lookup(m.text) != nil {
		return -1
	}
	for o := range longer {
		if o.typ == m.typ && suffix(o.words, words) {
			return o.group
		}
	}
	// An unknown name may end a longer name of another type, or be the
	// first word of an organisation's long name.
	for o := range longer {
		if o.typ != "PER" && suffix(o.words, words) || len(words) == 1 && o.typ == "ORG" && len(o.words) >= 3 && o.words[0] == words[0] {
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

// TestOneNameOneEntity checks the classes of mentions that make one
// entity whatever their types: an unknown name typed differently in
// places; a name that resolved nowhere once and to the knowledge base
// elsewhere; an unknown short name that ends a longer name of another
// type; an unknown word that begins an organisation's long name.
func TestOneNameOneEntity(t *testing.T) {
	k, err := kbFixture()
	if err != nil {
		t.Fatal(err)
	}
	l := New(k)
	published := time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name, text string
		mentions   []string
		want       map[string]string // mention text -> text of the first mention of its entity
		wantType   string            // the type of the entity of the first mention, when set
		linked     bool              // one entity, linked, holds every mention
	}{{
		name: "types differ", text: "Zorblat said on Monday. Zorblat said on Tuesday. Zorblat said on Friday.",
		mentions: []string{"Zorblat|PER", "Zorblat|ORG", "Zorblat|ORG"},
		want:     map[string]string{"Zorblat": "Zorblat"}, wantType: "ORG",
	}, {
		name: "a name unresolved once joins its linked namesake", text: "Kazakhstan said on Monday. Officials said Kazakhstan would reply.",
		mentions: []string{"Kazakhstan|LOC", "Kazakhstan|PER"},
		want:     map[string]string{"Kazakhstan": "Kazakhstan"}, linked: true,
	}, {
		name: "unknown short name ends a longer one", text: "Storm Quillon hit the coast. Quillon brought rain.",
		mentions: []string{"Storm Quillon|MISC", "Quillon|ORG"},
		want:     map[string]string{"Quillon": "Storm Quillon"}, wantType: "MISC",
	}, {
		name: "unknown word begins an organisation's name", text: "The Bank of Ruritania raised rates. The Bank said inflation was high.",
		mentions: []string{"Bank of Ruritania|ORG", "Bank|ORG"},
		want:     map[string]string{"Bank": "Bank of Ruritania"},
	}} {
		d := docWith(t, c.text, c.mentions...)
		ents := l.Link(d, published)
		first := map[string]string{} // mention text -> its entity's first mention
		for _, e := range ents {
			for _, m := range e.Mentions {
				first[d.SpanText(m)] = d.SpanText(e.Mentions[0])
			}
		}
		for m, w := range c.want {
			if first[m] != w {
				t.Errorf("%s: %q is in the entity of %q, want %q", c.name, m, first[m], w)
			}
		}
		if c.linked && (len(ents) != 1 || !ents[0].Linked() || len(ents[0].Mentions) != len(c.mentions)) {
			t.Errorf("%s: entities %+v, want one linked entity with every mention", c.name, ents)
		}
		if c.wantType != "" {
			for _, e := range ents {
				if strings.HasPrefix(c.mentions[0], d.SpanText(e.Mentions[0])+"|") && (e.Type != c.wantType || e.ID != localID(c.wantType, e.Name)) {
					t.Errorf("%s: entity %q typed %s (%s), want %s", c.name, e.Name, e.Type, e.ID, c.wantType)
				}
			}
		}
	}
}
