package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"tidings/internal/shared"
	"tidings/kb"
)

// TestKBImportAnalyze imports the shared Wikidata sample, then analyses a
// sentence naming people of the sample that the embedded knowledge base
// lacks: with --kb (and with $TIDINGS_KB) they link to their QIDs.
func TestKBImportAnalyze(t *testing.T) {
	sample := shared.Path(t, "data", "knowledge", "wikidata-sample")
	out := filepath.Join(t.TempDir(), "sample.kb")
	code, stdout, errOut := tidings(t, "", "kb", "import", "--wikidata", sample, "--out", out)
	if code != 0 {
		t.Fatalf("kb import: exit %d: %s", code, errOut)
	}
	var sum kb.ImportSummary
	lastJSON(t, stdout, &sum)
	if sum.EntitiesRead != 156 || sum.BadLines != 0 || sum.Kept == 0 || sum.KeptByKind["office holder"] == 0 {
		t.Errorf("summary %+v", sum)
	}

	in := "Wikipedia co-founder Larry Sanger met the novelist Douglas Adams in London. Sanger spoke first."
	linked := func(args ...string) map[string]int {
		t.Helper()
		code, stdout, errOut := tidings(t, in, append([]string{"analyze", "--in", "text"}, append(args, "-")...)...)
		if code != 0 {
			t.Fatalf("analyze %v: exit %d: %s", args, code, errOut)
		}
		ids := map[string]int{}
		for _, e := range records(t, stdout)[0].Entities {
			ids[e.ID] = len(e.Mentions)
		}
		return ids
	}
	if ids := linked(); ids["Q185"] != 0 || ids["Q42"] != 0 {
		t.Fatalf("the embedded knowledge base already links them (%v): choose other test entities", ids)
	}
	ids := linked("--kb", out)
	if ids["Q185"] != 2 || ids["Q42"] != 1 {
		t.Errorf("with --kb: Larry Sanger (Q185, 2 mentions) and Douglas Adams (Q42) not linked: %v", ids)
	}
	t.Setenv("TIDINGS_KB", out)
	if ids := linked(); ids["Q185"] != 2 {
		t.Errorf("with $TIDINGS_KB: Larry Sanger not linked: %v", ids)
	}

	code, stdout, errOut = tidings(t, "", "kb", "lookup", "--kb", out, "Larry Sanger")
	var got []kb.Entry
	if code != 0 || json.Unmarshal([]byte(stdout), &got) != nil || len(got) != 1 || got[0].Source != kb.SourceWikidataDump {
		t.Errorf("kb lookup --kb: exit %d, %s %s", code, stdout, errOut)
	}
}

func TestKBImportUsage(t *testing.T) {
	for _, args := range [][]string{
		{"kb", "import"},
		{"kb", "import", "--wikidata", "x", "--out", ""},
		{"kb", "import", "--bogus"},
		{"kb", "import", "--wikidata", "x", "extra"},
	} {
		if code, _, errOut := tidings(t, "", args...); code != exitUsage || errOut == "" {
			t.Errorf("%v: exit %d, want %d (stderr %q)", args, code, exitUsage, errOut)
		}
	}
	code, _, errOut := tidings(t, "", "kb", "import", "--wikidata", "testdata/no-such-dump.json.gz", "--out", filepath.Join(t.TempDir(), "o.kb"))
	if code != exitBadInput || !strings.Contains(errOut, "no-such-dump") {
		t.Errorf("missing dump: exit %d, stderr %q", code, errOut)
	}
	for _, args := range [][]string{{"kb", "--help"}, {"kb", "import", "--help"}} {
		code, out, _ := tidings(t, "", args...)
		if code != 0 || !strings.Contains(out, "import") || !strings.Contains(out, "Usage:") {
			t.Errorf("%v: exit %d, output %q", args, code, out)
		}
	}
}
