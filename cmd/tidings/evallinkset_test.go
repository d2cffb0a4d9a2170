package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEvalLinkSet(t *testing.T) {
	dir := t.TempDir()
	set := filepath.Join(dir, "set.tsv")
	rows := "id\tdate\tclass\ttext\texpected\tsources\n" +
		"a\t2022-01-06\tpolitics\tKazakh President Kassym-Jomart Tokayev spoke in Almaty.\tKassym-Jomart Tokayev=>Q200881 | Kazakh=>Q232\tQ200881=x.csv | Q232=y.csv\n" +
		"b\t2024-03-02\tsport\tHamilton said the car felt unstable.\tHamilton=>-\t-\n"
	if err := os.WriteFile(set, []byte(rows), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := tidings(t, "", "eval", "link", "--set", set, "--errors")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	var got linkSetResult
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &got); err != nil {
		t.Fatalf("last line is not JSON: %v\n%s", err, out)
	}
	if got.All.Sentences != 2 || got.All.Identity.Mentions != 2 || got.All.MustNotLink.Mentions != 1 || len(got.ByClass) != 2 {
		t.Errorf("eval link --set: %+v\n%s", got, out)
	}
	// Every miss is printed with --errors.
	if misses := got.All.Identity.Mentions - got.All.Identity.Correct + got.All.MustNotLink.Mentions - got.All.MustNotLink.Correct; strings.Count(errOut, "link error:") != misses {
		t.Errorf("%d misses, stderr %q", misses, errOut)
	}
	if code, _, errOut := tidings(t, "", "eval", "link", "--set", "testdata/small.conll"); code != 1 || !strings.Contains(errOut, "small.conll") {
		t.Errorf("a file that is not a linking set: exit %d, %q", code, errOut)
	}
}
