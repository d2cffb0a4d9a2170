package eval

import (
	"reflect"
	"strings"
	"testing"
)

func TestReadNERSet(t *testing.T) {
	const set = "# a tiny set\n# class: headline\n" +
		"[ORG Boeing] Names New Chief\n[ORG Boeing] said [PER Kelly Ortberg] would lead.\n\n" +
		"# class: sport\n[ORG Leicester] beat [ORG Southampton] 3-2.\n"
	cases, err := ReadNERSet(strings.NewReader(set), "tiny.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) != 2 {
		t.Fatalf("%d cases", len(cases))
	}
	c := cases[0]
	if c.Class != "headline" || c.Title != "Boeing Names New Chief" || c.Body != "Boeing said Kelly Ortberg would lead." || c.Line != 3 {
		t.Errorf("case 0: %+v", c)
	}
	var got []string
	for _, g := range c.Gold {
		got = append(got, c.Text()[g.Start:g.End]+"/"+g.Type)
	}
	if want := []string{"Boeing/ORG", "Boeing/ORG", "Kelly Ortberg/PER"}; !reflect.DeepEqual(got, want) {
		t.Errorf("gold %v, want %v", got, want)
	}
	if cases[1].Class != "sport" || cases[1].Title != "" || len(cases[1].Gold) != 2 {
		t.Errorf("case 1: %+v", cases[1])
	}
}

func TestReadNERSetErrors(t *testing.T) {
	for name, in := range map[string]string{
		"empty":       "# nothing\n",
		"bad type":    "[FOO Boeing] said.\n",
		"not closed":  "[ORG Boeing said.\n",
		"nested":      "[ORG Bank of [LOC America]] said.\n",
		"stray close": "Boeing] said.\n",
		"space":       "[ORG  Boeing] said.\n",
		"binary":      "Boeing \xff\xfe said.\n",
	} {
		if _, err := ReadNERSet(strings.NewReader(in), "bad.txt"); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestNERSetScore(t *testing.T) {
	cases, err := ReadNERSet(strings.NewReader("# class: sport\n[ORG Leicester] beat [ORG Southampton] in [LOC Leicester].\n"), "s.txt")
	if err != nil {
		t.Fatal(err)
	}
	var s NERSetScore
	errs := s.Add(cases[0], []NERSpan{
		{0, 9, "ORG"},   // right
		{15, 26, "LOC"}, // wrong type
		{36, 40, "LOC"}, // wrong span
	})
	if s.Overall != NewPRF(3, 3, 1) || s.ByType["ORG"] != NewPRF(2, 1, 1) || s.ByType["LOC"] != NewPRF(1, 2, 0) || s.ByClass["sport"] != NewPRF(3, 3, 1) {
		t.Errorf("score %+v", s)
	}
	if len(errs) != 4 {
		t.Errorf("errors %+v", errs)
	}
}
