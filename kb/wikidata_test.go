package kb

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"tidings/internal/shared"
)

// sampleDir is the Wikidata sample of the shared data.
func sampleDir(tb testing.TB) string {
	return shared.Path(tb, "data", "knowledge", "wikidata-sample")
}

// sampleLines returns the entity lines of the 49-entity dump excerpt.
func sampleLines(tb testing.TB) [][]byte {
	tb.Helper()
	raw, err := os.ReadFile(filepath.Join(sampleDir(tb), "dump-excerpt", "latest-all.head50.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var out [][]byte
	for _, l := range bytes.Split(raw, []byte{'\n'}) {
		l = bytes.TrimSuffix(bytes.TrimSpace(l), []byte{','})
		if len(l) > 1 {
			out = append(out, l)
		}
	}
	return out
}

// sampleLine returns the excerpt's line of one entity.
func sampleLine(tb testing.TB, id string) []byte {
	tb.Helper()
	for _, l := range sampleLines(tb) {
		if bytes.Contains(l[:min(len(l), 200)], []byte(`"id":"`+id+`"`)) {
			return l
		}
	}
	tb.Fatalf("no %s in the sample", id)
	return nil
}

func TestParseWikidataEntity(t *testing.T) {
	d := func(y, m, dd int) time.Time { return time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name string
		in   string
		want WikidataEntity
	}{
		{
			name: "labels, aliases, sitelinks, classes",
			in: `{"type":"item","id":"Q7","labels":{"fr":{"language":"fr","value":"Sept"},"en":{"language":"en","value":"Seven \u00c9"}},` +
				`"descriptions":{"en":{"language":"en","value":"a \"test\""}},"aliases":{"en":[{"language":"en","value":"7"},{"language":"en","value":"Sev"}]},` +
				`"sitelinks":{"dewiki":{"site":"dewiki","title":"Sieben"},"enwiki":{"site":"enwiki","title":"Seven (number)","badges":[]}},` +
				`"claims":{"P31":[{"mainsnak":{"snaktype":"value","property":"P31","datavalue":{"value":{"entity-type":"item","numeric-id":5,"id":"Q5"},"type":"wikibase-entityid"}},"type":"statement","rank":"normal"},` +
				`{"mainsnak":{"snaktype":"value","property":"P31","datavalue":{"value":{"entity-type":"item","numeric-id":6,"id":"Q6"},"type":"wikibase-entityid"}},"rank":"deprecated"}],` +
				`"P999":[{"mainsnak":{"datavalue":{"value":"skipped [ { \" }"}}}]}}`,
			want: WikidataEntity{ID: "Q7", Type: "item", Label: "Seven É", Description: `a "test"`, Aliases: []string{"7", "Sev"},
				Enwiki: "Seven (number)", Sitelinks: 2, InstanceOf: []uint32{5}},
		},
		{
			name: "2015 dump: numeric-id without id, empty maps",
			in:   `{"type":"item","aliases":{},"labels":{},"descriptions":{},"sitelinks":{},"id":"Q8","claims":{"P31":[{"rank":"normal","mainsnak":{"snaktype":"value","property":"P31","datavalue":{"type":"wikibase-entityid","value":{"entity-type":"item","numeric-id":331769}},"datatype":"wikibase-item"},"id":"q8$E2","type":"statement"}]}}`,
			want: WikidataEntity{ID: "Q8", Type: "item", InstanceOf: []uint32{331769}},
		},
		{
			name: "positions with dates at day, month and year precision; population; birth",
			in: `{"id":"Q9","type":"item","claims":{` +
				`"P39":[{"mainsnak":{"snaktype":"value","datavalue":{"value":{"id":"Q11696"}}},"rank":"normal","qualifiers":{` +
				`"P580":[{"snaktype":"value","datavalue":{"value":{"time":"+1789-04-30T00:00:00Z","precision":11}}}],` +
				`"P582":[{"snaktype":"value","datavalue":{"value":{"time":"+1797-03-00T00:00:00Z","precision":10}}}]}},` +
				`{"mainsnak":{"snaktype":"value","datavalue":{"value":{"id":"Q1"}}},"rank":"normal","qualifiers":{"P580":[{"datavalue":{"value":{"time":"+1775-00-00T00:00:00Z","precision":9}}}]}},` +
				`{"mainsnak":{"snaktype":"novalue"},"rank":"normal"}],` +
				`"P1082":[{"mainsnak":{"datavalue":{"value":{"amount":"+500","unit":"1"}}},"rank":"normal","qualifiers":{"P585":[{"datavalue":{"value":{"time":"+2001-00-00T00:00:00Z","precision":9}}}]}},` +
				`{"mainsnak":{"datavalue":{"value":{"amount":"+400","unit":"1"}}},"rank":"normal","qualifiers":{"P585":[{"datavalue":{"value":{"time":"+2011-00-00T00:00:00Z","precision":9}}}]}},` +
				`{"mainsnak":{"datavalue":{"value":{"amount":"+900","unit":"1"}}},"rank":"normal"}],` +
				`"P569":[{"mainsnak":{"datavalue":{"value":{"time":"+1732-02-22T00:00:00Z","precision":11}}},"rank":"normal"}],` +
				`"P54":[{"mainsnak":{"datavalue":{"value":{"id":"Q15789"}}},"rank":"normal"}],` +
				`"P27":[{"mainsnak":{"datavalue":{"value":{"id":"Q30"}}},"rank":"normal"}]}}`,
			want: WikidataEntity{ID: "Q9", Type: "item", Citizenship: []uint32{30}, Teams: 1, Population: 400, Born: 1732,
				Positions: []WikidataPosition{{11696, d(1789, 4, 30), d(1797, 4, 1)}, {1, d(1775, 1, 1), time.Time{}}}},
		},
		{
			name: "pretty-printed API document",
			in:   "{\n  \"pageid\": 1,\n  \"type\": \"item\",\n  \"id\": \"Q10\",\n  \"labels\": {\n    \"en\": {\"language\": \"en\", \"value\": \"Ten\"}\n  }\n}",
			want: WikidataEntity{ID: "Q10", Type: "item", Label: "Ten"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseWikidataEntity([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if g, w := fmt.Sprintf("%+v", got), fmt.Sprintf("%+v", tt.want); g != w {
				t.Errorf("got  %s\nwant %s", g, w)
			}
		})
	}
}

func TestParseWikidataEntityErrors(t *testing.T) {
	for _, in := range []string{
		``, `[`, `{`, `{"id":"Q1"`, `{"id":"Q1",}`, `{"id":"Q1"} x`, `{"labels":{}}`, `"Q1"`,
		`{"id":"Q1","claims":{"P31":[{"mainsnak":{"datavalue":{"value":{"id":"Q5"}}}]}}`,
		`{"id":"Q1","labels":{"en":{"value":"bad \x escape"}}}`,
		`{"id":"Q1","claims":{"P1":[{]}}`,
	} {
		if e, err := ParseWikidataEntity([]byte(in)); err == nil {
			t.Errorf("%q: no error (got %+v)", in, e)
		}
	}
}

// TestParseWikidataSample reads every entity of the sample's dump excerpt
// and checks what is known of a few (the facts are those of the sample).
func TestParseWikidataSample(t *testing.T) {
	byID := map[string]WikidataEntity{}
	for i, l := range sampleLines(t) {
		e, err := ParseWikidataEntity(l)
		if err != nil {
			t.Fatalf("line %d: %v", i+2, err)
		}
		byID[e.ID] = e
	}
	if len(byID) != 49 {
		t.Errorf("%d entities, want 49", len(byID))
	}
	w := byID["Q23"]
	if w.Label != "George Washington" || !slices.Contains(w.InstanceOf, 5) || len(w.Positions) == 0 || w.Born != 1732 || w.Enwiki != "George Washington" {
		t.Errorf("Q23: %+v", w)
	}
	if b := byID["Q64"]; b.Label != "Berlin" || b.Population < 3_000_000 || !slices.Contains(b.InstanceOf, 515) {
		t.Errorf("Q64: label %q population %d classes %v", b.Label, b.Population, b.InstanceOf)
	}
}

func TestWikidataFilter(t *testing.T) {
	f := DefaultWikidataFilter
	mk := func(class uint32, sitelinks int, mod func(p *wdParser)) *wdParser {
		p := &wdParser{typ: []byte("item"), p31: []uint32{class}, sitelinks: sitelinks}
		if mod != nil {
			mod(p)
		}
		return p
	}
	tests := []struct {
		name    string
		p       *wdParser
		keep    bool
		subtype string
	}{
		{"famous person", mk(5, 10, nil), true, ""},
		{"obscure person", mk(5, 9, nil), false, ""},
		{"office holder without sitelinks", mk(5, 0, func(p *wdParser) { p.positions = []WikidataPosition{{Position: 1}} }), true, "office holder"},
		{"athlete", mk(5, 3, func(p *wdParser) { p.teams = 1 }), true, "athlete"},
		{"minor athlete", mk(5, 2, func(p *wdParser) { p.teams = 1 }), false, "athlete"},
		{"party", mk(7278, 2, nil), true, "political party"},
		{"party without pages", mk(7278, 1, nil), false, "political party"},
		{"company", mk(4830453, 5, nil), true, "company"},
		{"town", mk(3957, 2, nil), true, "town"},
		{"small town by population", mk(3957, 0, func(p *wdParser) { p.population = 1000 }), true, "town"},
		{"village", mk(532, 9, func(p *wdParser) { p.population = 9999 }), false, "village"},
		{"large village", mk(532, 0, func(p *wdParser) { p.population = 10000 }), true, "village"},
		{"unlisted class", mk(44, 500, nil), false, ""},
		{"property", mk(5, 500, func(p *wdParser) { p.typ = []byte("property") }), false, ""},
		{"first listed class wins", mk(515, 50, func(p *wdParser) { p.p31 = []uint32{515, 5119} }), true, "capital"},
	}
	for _, tt := range tests {
		c, keep := f.classify(tt.p)
		if keep != tt.keep || keep && c.subtype != tt.subtype {
			t.Errorf("%s: keep %v subtype %q, want %v %q", tt.name, keep, c.subtype, tt.keep, tt.subtype)
		}
	}
}

// importSample imports the whole wikidata-sample folder.
func importSample(t *testing.T) (string, ImportSummary) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "sample.kb")
	sum, err := ImportWikidata(context.Background(), []string{sampleDir(t)}, out, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return out, sum
}

// TestImportWikidataSample imports the sample folder (dump lines, the
// gzipped 2015 dump, API documents bare and wrapped) and loads the file on
// top of the embedded tables.
func TestImportWikidataSample(t *testing.T) {
	out, sum := importSample(t)
	// 49 in the excerpt, 101 in the 2015 dump, 6 entity documents.
	if sum.EntitiesRead != 156 || sum.BadLines != 0 || len(sum.Files) != 8 {
		t.Errorf("read %d entities from %d files, %d bad lines (%v); want 156, 8, 0", sum.EntitiesRead, len(sum.Files), sum.BadLines, sum.Bad)
	}
	wantKept := map[string]int64{"office holder": 3, "athlete": 1, "person": 4, "capital": 2, "big city": 2, "city": 2, "commune of France": 1}
	if fmt.Sprint(sum.KeptByKind) != fmt.Sprint(wantKept) {
		t.Errorf("kept %v, want %v", sum.KeptByKind, wantKept)
	}
	k, err := LoadWith(out)
	if err != nil {
		t.Fatal(err)
	}
	plain, _ := Load()
	if k.Len() != plain.Len()+int(sum.Kept) {
		t.Errorf("Len %d, want %d + %d", k.Len(), plain.Len(), sum.Kept)
	}
	e, ok := k.Get("Q23")
	if !ok || e.Name != "George Washington" || e.Kind != KindPerson || e.Type != TypePER || e.Country != "USA" ||
		e.Source != SourceWikidataDump || e.Wikidata != "Q23" || e.Wikipedia != "George Washington" || e.Born != 1732 {
		t.Errorf("Get(Q23) = %+v, %v", e, ok)
	}
	roles := k.Roles("Q23")
	if !slices.ContainsFunc(roles, func(r Role) bool {
		return r.Person == "Q23" && r.Role == "Q11696" && r.On(time.Date(1790, 1, 1, 0, 0, 0, 0, time.UTC))
	}) {
		t.Errorf("Roles(Q23) = %+v, want Q11696 held in 1790", roles)
	}
	// The imported George Washington comes after the embedded places
	// called Washington; Berlin's imported copy after the embedded city.
	ws := k.Lookup("washington")
	if len(ws) == 0 || ws[0].Source == SourceWikidataDump || ws[len(ws)-1].ID != "Q23" {
		t.Errorf("Lookup(washington) = %v", ids(ws))
	}
	if got := ids(k.Lookup("Larry Sanger")); fmt.Sprint(got) != "[Q185]" {
		t.Errorf("Lookup(Larry Sanger) = %v", got)
	}
	if got := plain.Lookup("Larry Sanger"); got != nil {
		t.Errorf("the embedded KB knows Larry Sanger (%v): pick another test entity", ids(got))
	}
	// Imported names stay out of the gazetteer.
	if g, pg := len(k.Gazetteer()), len(plain.Gazetteer()); g != pg {
		t.Errorf("gazetteer has %d names, %d without the file", g, pg)
	}
	n := 0
	k.Entries(func(e Entry) bool {
		if e.Source == SourceWikidataDump {
			n++
		}
		return true
	})
	if n != int(sum.Kept) {
		t.Errorf("Entries yields %d imported entries, want %d", n, sum.Kept)
	}
}

// TestImportBadLines: bad lines are counted and named with their line
// numbers, and the good ones around them still imported.
func TestImportBadLines(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("[\n")
	b.Write(sampleLine(t, "Q23")) // George Washington
	b.WriteString(",\n{\"id\":\"Q1\", broken\n")
	b.WriteString("not json at all,\n")
	b.Write(sampleLine(t, "Q255")) // Beethoven
	b.WriteString(",\n\x00\xff\xfe binary,\n]\n")
	dir := t.TempDir()
	in := filepath.Join(dir, "bad.json.gz")
	f, _ := os.Create(in)
	gz := gzip.NewWriter(f)
	gz.Write(b.Bytes())
	gz.Close()
	f.Close()
	sum, err := ImportWikidata(context.Background(), []string{in}, filepath.Join(dir, "out.kb"), ImportOptions{MaxBadNamed: 2})
	if err != nil {
		t.Fatal(err)
	}
	if sum.EntitiesRead != 2 || sum.Kept != 2 || sum.BadLines != 3 || len(sum.Bad) != 2 || sum.Bad[0].Line != 3 || sum.Bad[1].Line != 4 {
		t.Errorf("summary %+v", sum)
	}
}

func TestImportErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := ImportWikidata(context.Background(), []string{filepath.Join(dir, "missing.json")}, filepath.Join(dir, "o.kb"), ImportOptions{}); err == nil {
		t.Error("a missing input: no error")
	}
	if _, err := ImportWikidata(context.Background(), []string{dir}, filepath.Join(dir, "o.kb"), ImportOptions{}); err == nil {
		t.Error("a directory without JSON: no error")
	}
	if _, err := os.Stat(filepath.Join(dir, "o.kb")); err == nil {
		t.Error("a failed import left its output")
	}
}

func TestLoadWithBadKBFile(t *testing.T) {
	out, _ := importSample(t)
	raw, _ := os.ReadFile(out)
	bad := filepath.Join(t.TempDir(), "cut.kb")
	os.WriteFile(bad, raw[:len(raw)/2], 0o644)
	if _, err := LoadWith(bad); err == nil || !strings.Contains(err.Error(), "cut.kb") {
		t.Errorf("truncated file: error %v, want one naming it", err)
	}
	t.Setenv("TIDINGS_KB", out)
	k, err := LoadWith()
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := k.Get("Q185"); !ok {
		t.Error("$TIDINGS_KB not loaded")
	}
}

// TestKBFileDamaged: a file whose records are overwritten gives no
// entries for them and never panics.
func TestKBFileDamaged(t *testing.T) {
	out, _ := importSample(t)
	raw, _ := os.ReadFile(out)
	o, err := parseOverlay(raw)
	if err != nil {
		t.Fatal(err)
	}
	for i := range o.records {
		o.records[i] = 0xff
	}
	for _, q := range []uint32{23, 185, 64} {
		if _, _, ok := o.get(q); ok {
			t.Errorf("damaged record of Q%d decoded", q)
		}
	}
	o.lookup("berlin")
}

var qidPattern = regexp.MustCompile(`"id":"Q[0-9]+"`)

// writeSyntheticDump writes a dump of about size bytes: the sample's 49
// entities repeated under new ids (Q1000000000 and up) in the dump's
// layout, gzipped if gz. It is the generator of the import benchmarks.
func writeSyntheticDump(w io.Writer, lines [][]byte, size int64) (entities int, err error) {
	bw := bufio.NewWriterSize(w, 1<<20)
	bw.WriteString("[\n")
	var written int64
	for q := 1_000_000_000; written < size; q++ {
		l := lines[entities%len(lines)]
		loc := qidPattern.FindIndex(l) // the entity's own id comes first
		if entities > 0 {
			bw.WriteString(",\n")
		}
		bw.Write(l[:loc[0]])
		bw.WriteString(`"id":"Q` + strconv.Itoa(q) + `"`)
		bw.Write(l[loc[1]:])
		written += int64(len(l))
		entities++
	}
	bw.WriteString("\n]\n")
	return entities, bw.Flush()
}

// TestWriteSyntheticDump writes the synthetic dump of the README's
// import figures when asked: TIDINGS_SYNTHETIC_DUMP=FILE (gzipped if it
// ends in .gz) and TIDINGS_SYNTHETIC_MB (default 1024).
func TestWriteSyntheticDump(t *testing.T) {
	path := os.Getenv("TIDINGS_SYNTHETIC_DUMP")
	if path == "" {
		t.Skip("set TIDINGS_SYNTHETIC_DUMP=FILE to write a synthetic dump")
	}
	mb := 1024
	if v := os.Getenv("TIDINGS_SYNTHETIC_MB"); v != "" {
		mb, _ = strconv.Atoi(v)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var w io.Writer = f
	var gz *gzip.Writer
	if strings.HasSuffix(path, ".gz") {
		gz = gzip.NewWriter(f)
		w = gz
	}
	n, err := writeSyntheticDump(w, sampleLines(t), int64(mb)<<20)
	if err != nil {
		t.Fatal(err)
	}
	if gz != nil {
		if err := gz.Close(); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%s: %d entities, %d MB of JSON", path, n, mb)
}

// TestSyntheticDumpIDs: the generator gives each entity a new id.
func TestSyntheticDumpIDs(t *testing.T) {
	lines := sampleLines(t)
	var b bytes.Buffer
	n, err := writeSyntheticDump(&b, lines, 8<<20)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "synthetic.json")
	os.WriteFile(in, b.Bytes(), 0o644)
	sum, err := ImportWikidata(context.Background(), []string{in}, filepath.Join(dir, "s.kb"), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.EntitiesRead != int64(n) || sum.BadLines != 0 || sum.Duplicates != 0 {
		t.Errorf("read %d of %d, %d bad, %d duplicates", sum.EntitiesRead, n, sum.BadLines, sum.Duplicates)
	}
}

// writeSyntheticKB writes a knowledge-base file of n synthetic entities
// (a tenth of them people with a position) with distinct names.
func writeSyntheticKB(tb testing.TB, path string, n int) {
	w, err := newFileWriter(path)
	if err != nil {
		tb.Fatal(err)
	}
	for i := range n {
		q := uint32(2_000_000_000 + i)
		e := fileEntry{Entry: Entry{
			Name: fmt.Sprintf("Synthetic Entity %d", i), Kind: KindOrganisation, Subtype: "company", Country: "FRA",
			Aliases: []string{fmt.Sprintf("SE%d", i), fmt.Sprintf("Entity %d Group", i)}, Sitelinks: i % 97,
			Description: "a synthetic company for measuring", Wikipedia: fmt.Sprintf("Synthetic Entity %d", i),
		}, prominence: uint32(i % 97)}
		if i%10 == 0 {
			e.Kind, e.Subtype = KindPerson, "office holder"
			e.positions = []WikidataPosition{{Position: 11696, From: time.Date(2001, 1, 20, 0, 0, 0, 0, time.UTC)}}
		}
		if err := w.add(&e, q); err != nil {
			tb.Fatal(err)
		}
	}
	if _, _, err := w.finish([]byte(`{"synthetic":true}`)); err != nil {
		tb.Fatal(err)
	}
}

// TestWriteSyntheticKB writes a synthetic knowledge-base file for the
// README's load figures when asked: TIDINGS_SYNTHETIC_KB=FILE and
// TIDINGS_SYNTHETIC_ENTITIES (default 5,000,000).
func TestWriteSyntheticKB(t *testing.T) {
	path := os.Getenv("TIDINGS_SYNTHETIC_KB")
	if path == "" {
		t.Skip("set TIDINGS_SYNTHETIC_KB=FILE to write a synthetic knowledge-base file")
	}
	n := 5_000_000
	if v := os.Getenv("TIDINGS_SYNTHETIC_ENTITIES"); v != "" {
		n, _ = strconv.Atoi(v)
	}
	writeSyntheticKB(t, path, n)
}

func TestSyntheticKB(t *testing.T) {
	path := filepath.Join(t.TempDir(), "synthetic.kb")
	writeSyntheticKB(t, path, 20_000)
	k, err := LoadWith(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Synthetic Entity 0", "se12345", "entity 19999 group"} {
		if len(k.Lookup(name)) != 1 {
			t.Errorf("Lookup(%q) = %v", name, ids(k.Lookup(name)))
		}
	}
	if e, ok := k.Get("Q2000000010"); !ok || e.Kind != KindPerson || len(k.Roles(e.ID)) != 1 {
		t.Errorf("Get = %+v %v, roles %v", e, ok, k.Roles(e.ID))
	}
	if _, ok := k.Get("Q2000020000"); ok {
		t.Error("Get of an absent QID found something")
	}
}

func FuzzParseWikidataEntity(f *testing.F) {
	dir, ok := shared.Dir()
	if ok {
		raw, err := os.ReadFile(filepath.Join(dir, "data", "knowledge", "wikidata-sample", "dump-excerpt", "latest-all.head50.json"))
		if err == nil {
			for _, l := range bytes.Split(raw, []byte{'\n'}) {
				// The smaller lines: the fuzzer mutates faster.
				if l = bytes.TrimSuffix(l, []byte{','}); len(l) < 30_000 {
					f.Add(l)
				}
			}
		}
	}
	f.Add([]byte(`{"type":"item","id":"Q1","labels":{"en":{"value":"x\u00e9"}},"claims":{"P39":[{"mainsnak":{"datavalue":{"value":{"id":"Q2"}}},"qualifiers":{"P580":[{"datavalue":{"value":{"time":"+2001-00-00T00:00:00Z","precision":9}}}]}}]}}`))
	f.Add([]byte(`{"entities":{"Q1":{"id":"Q1"}}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		e, err := ParseWikidataEntity(b)
		if err != nil {
			return
		}
		if e.ID == "" {
			t.Fatal("no error and no id")
		}
		for _, s := range append([]string{e.ID, e.Type, e.Label, e.Description, e.Enwiki}, e.Aliases...) {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 in %q", s)
			}
		}
		for _, p := range e.Positions {
			if !p.From.IsZero() && !p.Until.IsZero() && p.Until.Before(p.From) {
				t.Fatalf("term ends before it starts: %+v", p)
			}
		}
	})
}

// FuzzKBFile: opening and searching a damaged knowledge-base file never
// panics.
func FuzzKBFile(f *testing.F) {
	path := filepath.Join(f.TempDir(), "seed.kb")
	writeSyntheticKB(f, path, 50)
	raw, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(raw, uint16(200), byte(1))
	f.Fuzz(func(t *testing.T, b []byte, at uint16, v byte) {
		b = bytes.Clone(b)
		if len(b) > 0 {
			b[int(at)%len(b)] ^= v
		}
		o, err := parseOverlay(b)
		if err != nil {
			return
		}
		for i := range min(o.n, 60) {
			o.get(o.qidAt(i))
		}
		o.lookup("synthetic entity 7")
		o.lookup("se3")
	})
}

// BenchmarkParseWikidataEntity measures reading the sample's lines, the
// importer's hot path; MB/s is of JSON.
func BenchmarkParseWikidataEntity(b *testing.B) {
	lines := sampleLines(b)
	var size int64
	for _, l := range lines {
		size += int64(len(l))
	}
	var p wdParser
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range lines {
			if err := p.parse(l); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkParseWikidataEncodingJSON is the same reading with
// encoding/json into a struct listing only the fields needed, for
// comparison.
func BenchmarkParseWikidataEncodingJSON(b *testing.B) {
	type snak struct {
		DataValue struct {
			Value json.RawMessage `json:"value"`
		} `json:"datavalue"`
	}
	type statement struct {
		Mainsnak   snak              `json:"mainsnak"`
		Rank       string            `json:"rank"`
		Qualifiers map[string][]snak `json:"qualifiers"`
	}
	type text struct {
		Value string `json:"value"`
	}
	type entity struct {
		ID           string              `json:"id"`
		Type         string              `json:"type"`
		Labels       struct{ En text }   `json:"labels"`
		Descriptions struct{ En text }   `json:"descriptions"`
		Aliases      struct{ En []text } `json:"aliases"`
		Sitelinks    map[string]struct {
			Title string `json:"title"`
		} `json:"sitelinks"`
		Claims struct {
			P31, P17, P27, P39, P54, P569, P1082 []statement
		} `json:"claims"`
	}
	lines := sampleLines(b)
	var size int64
	for _, l := range lines {
		size += int64(len(l))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range lines {
			var e entity
			if err := json.Unmarshal(l, &e); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkImportWikidata imports a 64 MB synthetic dump (gzipped);
// MB/s is of JSON.
func BenchmarkImportWikidata(b *testing.B) {
	dir := b.TempDir()
	in := filepath.Join(dir, "dump.json.gz")
	f, _ := os.Create(in)
	gz := gzip.NewWriter(f)
	if _, err := writeSyntheticDump(gz, sampleLines(b), 64<<20); err != nil {
		b.Fatal(err)
	}
	gz.Close()
	f.Close()
	b.SetBytes(64 << 20)
	for b.Loop() {
		if _, err := ImportWikidata(context.Background(), []string{in}, filepath.Join(dir, "out.kb"), ImportOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadKBFile measures opening a knowledge-base file of 200,000
// synthetic entities (or the file $TIDINGS_SYNTHETIC_KB written by
// TestWriteSyntheticKB, of $TIDINGS_SYNTHETIC_ENTITIES), and one lookup.
func BenchmarkLoadKBFile(b *testing.B) {
	path, n := os.Getenv("TIDINGS_SYNTHETIC_KB"), 200_000
	if path == "" {
		path = filepath.Join(b.TempDir(), "s.kb")
		writeSyntheticKB(b, path, n)
	} else if v := os.Getenv("TIDINGS_SYNTHETIC_ENTITIES"); v != "" {
		n, _ = strconv.Atoi(v)
	} else {
		n = 5_000_000
	}
	b.Run("open", func(b *testing.B) {
		for b.Loop() {
			o, err := openOverlay(path)
			if err != nil {
				b.Fatal(err)
			}
			o.close()
		}
	})
	k, err := LoadWith(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("lookup", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			k.Lookup("Synthetic Entity " + strconv.Itoa(i*7919%n))
		}
	})
}
