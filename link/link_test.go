package link

import (
	"os"
	"runtime"
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
	d := text.New(s)
	m.Annotate(d)
	return d, New(k)
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
