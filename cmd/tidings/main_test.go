package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tidings/internal/shared"
	"tidings/record"
)

// tidings runs the command line in-process and returns its exit status,
// stdout and stderr.
func tidings(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func records(t *testing.T, out string) []record.Record {
	t.Helper()
	var recs []record.Record
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var r record.Record
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("output line is not an analysis object: %v\n%s", err, line)
		}
		recs = append(recs, r)
	}
	return recs
}

// checkCoverage checks that sentences and tokens cover the text: every
// non-space byte lies in a token, tokens lie in sentences, and spans are
// in order.
func checkCoverage(t *testing.T, r record.Record) {
	t.Helper()
	inToken := make([]bool, len(r.Text))
	for _, tk := range r.Tokens {
		for k := tk[0]; k < tk[1]; k++ {
			inToken[k] = true
		}
	}
	for i := 0; i < len(r.Text); i++ {
		if c := r.Text[i]; !inToken[i] && c != ' ' && c != '\n' && c != '\t' && c != '\r' {
			t.Fatalf("byte %d (%q) of the text is in no token", i, c)
		}
	}
	prevEnd := 0
	for _, s := range r.Sentences {
		if s[0] < prevEnd || s[1] <= s[0] || s[1] > len(r.Text) {
			t.Fatalf("bad sentence span %v", s)
		}
		prevEnd = s[1]
	}
	if len(r.Sentences) == 0 || r.Sentences[0][0] != r.Tokens[0][0] || prevEnd != r.Tokens[len(r.Tokens)-1][1] {
		t.Fatalf("sentences %v do not span the tokens", r.Sentences)
	}
}

func TestAnalyzeSeed(t *testing.T) {
	seed := shared.Path(t, "seed", "000_9bd460b4f00f53ae.txt")
	code, out, errOut := tidings(t, "", "analyze", "--in", "article", seed)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	recs := records(t, out)
	if len(recs) != 1 {
		t.Fatalf("got %d records, want 1", len(recs))
	}
	r := recs[0]
	if r.Title != "Russia deploys troops to Kazakhstan" {
		t.Errorf("title = %q", r.Title)
	}
	if strings.Join(r.GoldTags, "|") != "Kazakhstan|Tokayev|Nazarbayev|Russia" {
		t.Errorf("gold_tags = %q", r.GoldTags)
	}
	if strings.Contains(r.Text, "Nazarbayev") {
		t.Errorf("text contains the tag line")
	}
	if !strings.HasPrefix(r.Text, r.Title+"\n\n") {
		t.Errorf("text does not start with the title and a blank line")
	}
	checkCoverage(t, r)
	if len(r.Sentences) < 12 {
		t.Errorf("only %d sentences", len(r.Sentences))
	}
}

func TestAnalyzeExample(t *testing.T) {
	code, out, errOut := tidings(t, "", "analyze", "--published", "2026-03-01", "../../examples/nordic-grid.txt")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	r := records(t, out)[0]
	if r.Published != "2026-03-01" || len(r.GoldTags) != 5 || r.Title == "" {
		t.Errorf("published %q, gold tags %q, title %q", r.Published, r.GoldTags, r.Title)
	}
	checkCoverage(t, r)
}

func TestAnalyzeStdinAndFormats(t *testing.T) {
	in := "Storms closed the port of Tallinn on Monday. Ferries didn't sail."
	code, out, errOut := tidings(t, in, "analyze", "--in", "text", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	r := records(t, out)[0]
	if r.Text != in || r.Title != "" || len(r.Sentences) != 2 {
		t.Errorf("text %q, title %q, %d sentences", r.Text, r.Title, len(r.Sentences))
	}
	checkCoverage(t, r)

	code, out, _ = tidings(t, in, "analyze", "--in", "text", "--out", "conllu")
	if code != 0 || !strings.Contains(out, "# text = Ferries didn't sail.") || !strings.Contains(out, "2-3\tdidn't\t") || !strings.Contains(out, "3\tn't\t") {
		t.Errorf("conllu output (exit %d):\n%s", code, out)
	}
	code, out, _ = tidings(t, in, "analyze", "--in", "text", "--out", "pretty")
	if code != 0 || !strings.Contains(out, "2 sentences") {
		t.Errorf("pretty output (exit %d):\n%s", code, out)
	}
}

func TestAnalyzeConllu(t *testing.T) {
	code, out, errOut := tidings(t, "", "analyze", "--in", "conllu", "--out", "conllu", "testdata/small.conllu")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"# sent_id = t1-1", "# text = The ferry didn't sail on Monday.", "3-4\tdidn't\t", "\tSpaceAfter=No\n8\t.\t.\tPUNCT\t.\t_\t", "2\tferry\tferry\tNOUN\tNN\t_\t"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestAnalyzeBadInputKeepsGoing(t *testing.T) {
	dir := t.TempDir()
	good := "A ferry sailed\n\nThe ferry sailed from Tallinn on Monday."
	if err := os.WriteFile(filepath.Join(dir, "a-good.txt"), []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "b-binary.txt"), []byte("\x00\x01\x02\x03binary\x00\xff"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "c-empty.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := tidings(t, "", "analyze", dir)
	if code != exitBadInput {
		t.Errorf("exit %d, want %d", code, exitBadInput)
	}
	if recs := records(t, out); len(recs) != 1 || recs[0].Title != "A ferry sailed" {
		t.Errorf("good article not analysed: %v", out)
	}
	for _, want := range []string{"b-binary.txt", "c-empty.txt"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr does not name %s:\n%s", want, errOut)
		}
	}
	if code, _, errOut := tidings(t, "", "analyze", filepath.Join(dir, "missing.txt")); code != exitBadInput || !strings.Contains(errOut, "missing.txt") {
		t.Errorf("missing file: exit %d, stderr %q", code, errOut)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"analyze", "--bogus"},
		{"analyze", "--in", "pdf", "x"},
		{"analyze", "--out", "xml", "x"},
		{"analyze", "--published", "yesterday", "x"},
		{"analyze", "--published", "0001-01-01", "x"},
		{"eval", "tokens"},
		{"nosuchcommand"},
		{"bench"},
	} {
		if code, _, errOut := tidings(t, "", args...); code != exitUsage || errOut == "" {
			t.Errorf("%v: exit %d, want %d (stderr %q)", args, code, exitUsage, errOut)
		}
	}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"analyze", "--help"}, {"eval", "tokens", "--help"}, {"bench", "--help"}} {
		code, out, _ := tidings(t, "", args...)
		if code != 0 || !strings.Contains(out, "Usage:") {
			t.Errorf("%v: exit %d, output %q", args, code, out)
		}
	}
}

// lastJSON decodes the JSON object on the last line of out.
func lastJSON(t *testing.T, out string, v any) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), v); err != nil {
		t.Fatalf("last line is not JSON: %v\n%s", err, out)
	}
}

func TestEvalTokens(t *testing.T) {
	code, out, errOut := tidings(t, "", "eval", "tokens", "--gold", "testdata/small.conllu")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Tokens, Words, Sentences struct {
			Gold, Correct int
			F1            float64
		}
	}
	lastJSON(t, out, &got)
	if got.Tokens.Gold != 12 || got.Words.Gold != 13 || got.Sentences.Gold != 2 {
		t.Errorf("gold counts %+v", got)
	}
	if got.Tokens.F1 != 1 || got.Sentences.F1 != 1 {
		t.Errorf("F1 on a clean two-sentence file: %+v", got)
	}
}

func TestEvalTokensEWTDev(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the EWT dev evaluation in -short mode")
	}
	dev := shared.Path(t, "data", "ud-english-ewt", "en_ewt-ud-dev.conllu")
	code, out, errOut := tidings(t, "", "eval", "tokens", "--gold", dev)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct{ Tokens, Sentences struct{ F1 float64 } }
	lastJSON(t, out, &got)
	// The bars: token F1 >= 0.98 and sentence F1 >= 0.85 on dev.
	if got.Tokens.F1 < 0.98 || got.Sentences.F1 < 0.85 {
		t.Errorf("EWT dev: token F1 %.4f, sentence F1 %.4f", got.Tokens.F1, got.Sentences.F1)
	}
}

func TestBench(t *testing.T) {
	code, out, errOut := tidings(t, "", "bench", "--min-time", "0s", "../../examples")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var r benchResult
	lastJSON(t, out, &r)
	if r.Articles != 2 || r.Tokens == 0 || r.ArticlesPerSec <= 0 {
		t.Errorf("bench result %+v", r)
	}
}

func TestEvalSyntax(t *testing.T) {
	for _, args := range [][]string{
		{"eval", "pos", "--gold", "testdata/small.conllu"},
		{"eval", "parse", "--raw", "--gold", "testdata/small.conllu"},
	} {
		code, out, errOut := tidings(t, "", args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		var got struct{ UPOS, LAS, Words float64 }
		lastJSON(t, out, &got)
		// Thirteen plain words: every word aligns, and the models get most
		// tags and many arcs right (the accuracy itself is measured on EWT).
		if got.Words != 1 || got.UPOS < 0.8 || got.LAS < 0.5 {
			t.Errorf("%v: %+v\n%s", args, got, out)
		}
	}
}

func TestConlluColumns(t *testing.T) {
	code, out, errOut := tidings(t, "Storms closed the port of Tallinn. Ferries didn't sail.", "analyze", "--in", "text", "--out", "conllu")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	sentences, roots := 0, 0
	for _, line := range strings.Split(out, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 10 {
			t.Fatalf("line %q has %d columns", line, len(f))
		}
		if strings.Contains(f[0], "-") {
			continue // multiword range line
		}
		if f[0] == "1" {
			sentences++
		}
		for _, col := range []int{2, 3, 4, 6, 7} {
			if f[col] == "_" || f[col] == "" {
				t.Errorf("line %q: column %d is empty", line, col+1)
			}
		}
		if f[6] == "0" {
			roots++
			if f[7] != "root" {
				t.Errorf("line %q: head 0 without root relation", line)
			}
		}
	}
	if sentences != 2 || roots != 2 {
		t.Errorf("%d sentences, %d roots, want 2 and 2:\n%s", sentences, roots, out)
	}
}

func TestConllRoundTrip(t *testing.T) {
	in, err := os.ReadFile("testdata/small.conll")
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := tidings(t, "", "analyze", "--in", "conll", "--out", "conll", "testdata/small.conll")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	inLines := strings.Split(strings.TrimRight(string(in), "\n"), "\n")
	outLines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(inLines) != len(outLines) {
		t.Fatalf("%d lines in, %d out:\n%s", len(inLines), len(outLines), out)
	}
	for i, l := range inLines {
		o := outLines[i]
		switch {
		case l == "" || strings.HasPrefix(l, "-DOCSTART-"):
			if o != l {
				t.Errorf("line %d: %q became %q", i+1, l, o)
			}
		default:
			tag := strings.TrimPrefix(o, l+" ")
			if tag == o || !(tag == "O" || strings.HasPrefix(tag, "B-") || strings.HasPrefix(tag, "I-")) {
				t.Errorf("line %d: %q is not the input line plus a tag", i+1, o)
			}
		}
	}
	if !strings.Contains(out, "Tallinn NNP B-NP B-LOC B-LOC") {
		t.Errorf("Tallinn not recognised as a location:\n%s", out)
	}
}

func TestKBLookup(t *testing.T) {
	code, out, errOut := tidings(t, "", "kb", "lookup", "Kazakhstan")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got []struct {
		ID, Kind string
		Score    float64
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(got) == 0 || got[0].ID != "KAZ" || got[0].Kind != "country" || got[0].Score != 1 {
		t.Errorf("kb lookup Kazakhstan = %+v", got)
	}
	if code, out, _ := tidings(t, "", "kb", "lookup", "no such place anywhere"); code != 0 || strings.TrimSpace(out) != "[]" {
		t.Errorf("unknown name: exit %d, output %q", code, out)
	}
}

func TestEvalNER(t *testing.T) {
	code, out, errOut := tidings(t, "", "eval", "ner", "--gold", "testdata/small.conll")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		F1    float64
		Gold  int
		Types map[string]struct{ Gold int }
	}
	lastJSON(t, out, &got)
	if got.Gold != 2 || got.Types["LOC"].Gold != 1 || got.Types["MISC"].Gold != 1 {
		t.Errorf("eval ner counts: %+v\n%s", got, out)
	}
}

func TestAnalyzeWithKBExtension(t *testing.T) {
	in := "Finnish minister Aino Virtanen visited Qazaqstan. Virtanen met officials."
	code, out, errOut := tidings(t, in, "analyze", "--in", "text", "--kb", "testdata/extra-kb.tsv", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	r := records(t, out)[0]
	ids := map[string]int{}
	for _, e := range r.Entities {
		ids[e.ID] = len(e.Mentions)
	}
	if ids["person:aino-virtanen"] != 2 {
		t.Errorf("the extension's person is not linked with both mentions: %v", ids)
	}
	if code, _, errOut := tidings(t, in, "analyze", "--in", "text", "--kb", "testdata/missing.tsv", "-"); code != exitBadInput || !strings.Contains(errOut, "missing.tsv") {
		t.Errorf("missing --kb file: exit %d, stderr %q", code, errOut)
	}
}

func TestTrainEvalTags(t *testing.T) {
	dir := t.TempDir()
	code, out, errOut := tidings(t, "", "train", "tags", "--in", "jsonl", "--out", dir, "testdata/tagged.jsonl")
	if code != 0 {
		t.Fatalf("train tags: exit %d: %s", code, errOut)
	}
	var trained map[string]any
	lastJSON(t, out, &trained)

	code, out, errOut = tidings(t, "", "eval", "tags", "--in", "jsonl", "--gold", "testdata/tagged.jsonl", "--tag-model", dir)
	if code != 0 {
		t.Fatalf("eval tags: exit %d: %s", code, errOut)
	}
	var scored map[string]any
	lastJSON(t, out, &scored)
	if len(scored) == 0 {
		t.Errorf("eval tags printed no scores:\n%s", out)
	}

	in := "Dock workers walk out\n\nFerries between Helsinki and Tallinn stopped as port workers began a strike over pay."
	code, out, errOut = tidings(t, in, "analyze", "--in", "article", "--tag-model", dir, "-")
	if code != 0 {
		t.Fatalf("analyze --tag-model: exit %d: %s", code, errOut)
	}
	vocab := map[string]bool{"shipping": true, "Estonia": true, "Finland": true, "strikes": true, "energy": true}
	r := records(t, out)[0]
	if len(r.Tags) == 0 {
		t.Fatal("no tags from the model")
	}
	for _, tg := range r.Tags {
		if !vocab[tg.Tag] {
			t.Errorf("tag %q is not from the archive's vocabulary", tg.Tag)
		}
		if tg.Score < 0 || tg.Score > 1 {
			t.Errorf("tag %q: score %v is not a probability", tg.Tag, tg.Score)
		}
	}
	if code, _, errOut := tidings(t, in, "analyze", "--tag-model", filepath.Join(dir, "missing"), "-"); code != exitBadInput || !strings.Contains(errOut, "missing") {
		t.Errorf("missing tag model: exit %d, stderr %q", code, errOut)
	}
}

func TestAnalyzeKeepsInputOrder(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 7; i++ {
		body := fmt.Sprintf("Story %d\n\nThe ferry from Tallinn reached Helsinki %d minutes late on Monday.", i, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%02d.txt", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errOut := tidings(t, "", "analyze", "--workers", "3", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	recs := records(t, out)
	if len(recs) != 7 {
		t.Fatalf("%d records, want 7", len(recs))
	}
	for i, r := range recs {
		if want := fmt.Sprintf("Story %d", i); r.Title != want {
			t.Errorf("record %d is %q, want %q", i, r.Title, want)
		}
	}
}

func TestEvalEvents(t *testing.T) {
	code, out, errOut := tidings(t, "", "eval", "events", "--show", "--gold", "testdata/events.xml")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Sentences int `json:"sentences"`
		Root      struct {
			Gold, System, Correct int
		} `json:"root_code"`
	}
	lastJSON(t, out, &got)
	// The two plain sentences are coded exactly; the third has no event.
	if got.Sentences != 3 || got.Root.Gold != 2 || got.Root.Correct != 2 || got.Root.System != 2 {
		t.Errorf("eval events: %+v\n%s", got, out)
	}
	if code, _, errOut := tidings(t, "", "eval", "events", "--gold", "testdata/small.conll"); code != 1 || !strings.Contains(errOut, "small.conll") {
		t.Errorf("a file that is not a validation file: exit %d, %q", code, errOut)
	}
}

func TestAnalyzeEventsDict(t *testing.T) {
	dict := filepath.Join(t.TempDir(), "mine.txt")
	if err := os.WriteFile(dict, []byte("# a verb the shipped dictionary does not code\n&GADGET\twidget widgets\n071\tferry\tobj=&GADGET >to\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	const text = "Finland ferried widgets to Estonia.\n"
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, ""},
		{[]string{"--events-dict", dict}, "071 FIN->EST"},
	} {
		args := append([]string{"analyze", "--in", "text", "--published", "2026-03-01"}, tc.args...)
		code, out, errOut := tidings(t, text, append(args, "-")...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		var got []string
		for _, e := range records(t, out)[0].Events {
			got = append(got, e.CAMEO+" "+e.Source.Code+"->"+e.Target.Code)
		}
		if strings.Join(got, "; ") != tc.want {
			t.Errorf("%v: events %q, want %q", tc.args, got, tc.want)
		}
	}
	if code, _, errOut := tidings(t, "x", "analyze", "--in", "text", "--events-dict", "testdata/small.conll", "-"); code != 1 || !strings.Contains(errOut, "small.conll") {
		t.Errorf("a bad dictionary: exit %d, %q", code, errOut)
	}
}

// TestEvalTagSet: eval tags --set scores the built-in tag line against an
// editor's tags, matching by text or by the identity the editor's tag
// names, and refuses a set it cannot read, naming it.
func TestEvalTagSet(t *testing.T) {
	dir := t.TempDir()
	set := filepath.Join(dir, "set.jsonl")
	line := `{"id":"t1","class":"international","published":"2022-01-06","title":"Russian troops land in Kazakhstan","body":"Russia sent troops to Kazakhstan on Thursday. Russian officials said the troops would guard airports in Almaty.","tags":["Russia","Kazakhstan","troops","Almaty","peacekeepers"]}` + "\n"
	if err := os.WriteFile(set, []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := tidings(t, "", "eval", "tags", "--set", set, "--errors")
	if code != 0 {
		t.Fatalf("eval tags --set: exit %d: %s", code, errOut)
	}
	var got struct {
		Score struct {
			Overall struct{ Articles, Gold, Found int }
		}
	}
	lastJSON(t, out, &got)
	if o := got.Score.Overall; o.Articles != 1 || o.Gold != 5 || o.Found < 2 {
		t.Errorf("overall %+v: Russia and Kazakhstan at least should be found\n%s", o, out)
	}
	if !strings.Contains(errOut, "t1 international") || !strings.Contains(errOut, `"peacekeepers"`) {
		t.Errorf("--errors does not list the article's misses:\n%s", errOut)
	}
	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(bad, []byte(`{"id":"t1","body":"b","tags":[]}`+"\n"), 0o644)
	if code, _, errOut := tidings(t, "", "eval", "tags", "--set", bad); code != 1 || !strings.Contains(errOut, "bad.jsonl:1") {
		t.Errorf("a set without tags: exit %d, %s", code, errOut)
	}
}

// TestEvalEventSet: eval events --set scores sentences against their
// expected events, per class, and refuses a set it cannot read, naming it.
func TestEvalEventSet(t *testing.T) {
	dir := t.TempDir()
	set := filepath.Join(dir, "set.jsonl")
	lines := `{"id":"e1","class":"casualties","published":"2022-01-06","text":"Police clashed with protesters in Almaty on Wednesday, killing at least 3 people.","events":[{"source":"KAZCOP","target":"KAZOPP","cameo":"190","plover":"ASSAULT","dead":3,"injured":0}]}
{"id":"e2","class":"sport-weather","published":"2025-07-01","text":"The Spanish world number two withdrew from Wimbledon with a wrist injury.","events":[]}
`
	if err := os.WriteFile(set, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := tidings(t, "", "eval", "events", "--set", set, "--show")
	if code != 0 {
		t.Fatalf("eval events --set: exit %d: %s", code, errOut)
	}
	var got struct {
		Sentences, Passed int
		Nothing           struct{ N, Of int }
		Classes           map[string]struct{ N, Of int }
	}
	lastJSON(t, out, &got)
	if got.Sentences != 2 || got.Nothing.Of != 1 || got.Classes["casualties"].Of != 1 {
		t.Errorf("result %+v\n%s", got, out)
	}
	if !strings.Contains(out, "e1 casualties") || !strings.Contains(out, "gold:   190 KAZCOP->KAZOPP (dead 3, injured 0)") {
		t.Errorf("--show does not list the sentences with their gold events:\n%s", out)
	}
	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(bad, []byte(`{"id":"e1","text":"x","events":[{"cameo":"assault"}]}`+"\n"), 0o644)
	if code, _, errOut := tidings(t, "", "eval", "events", "--set", bad); code != 1 || !strings.Contains(errOut, "bad.jsonl:1") {
		t.Errorf("a set with a bad code: exit %d, %s", code, errOut)
	}
	if code, _, _ := tidings(t, "", "eval", "events", "--set", set, "--gold", set); code != 2 {
		t.Errorf("--set with --gold: exit %d, want 2", code)
	}
}
