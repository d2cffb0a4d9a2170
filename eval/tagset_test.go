package eval

import (
	"slices"
	"strings"
	"testing"
)

func TestReadTagSet(t *testing.T) {
	good := `{"id":"a1","class":"politics","published":"2025-01-02","title":"T","body":"B","tags":["Keir Starmer","elections"]}

{"id":"a2","class":"sport","published":"2025-01-03","title":"T","body":"B","tags":["Wimbledon"]}
`
	cases, err := ReadTagSet(strings.NewReader(good), "set.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) != 2 || cases[1].Line != 3 || cases[0].Tags[1] != "elections" {
		t.Fatalf("cases = %+v", cases)
	}
	for _, tc := range []struct{ in, want string }{
		{`{"id":"a1","body":"B","tags":["x"]`, "set.jsonl:1"},
		{`{"id":"a1","body":"B","tags":[]}`, "no tags"},
		{`{"id":"a1","body":" ","tags":["x"]}`, "no body"},
		{`{"id":"a1","body":"B","tags":["x","X."]}`, "twice"},
		{`{"id":"a1","body":"B","tags":["x"],"topics":["y"]}`, "unknown field"},
		{"{\"id\":\"a1\",\"body\":\"B\",\"tags\":[\"x\"]}\n{\"id\":\"a1\",\"body\":\"B\",\"tags\":[\"y\"]}", "already on line 1"},
		{"{\"id\":\"a1\",\"body\":\"\xff\",\"tags\":[\"x\"]}", "not UTF-8"},
		{"\n\n", "no articles"},
	} {
		if _, err := ReadTagSet(strings.NewReader(tc.in), "set.jsonl"); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: err %v, want %q", tc.in, err, tc.want)
		}
	}
}

func TestNormTag(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"U.S.", "us"}, {"Bank of  England", "bank of england"}, {"Kassym-Jomart Tokayev", "kassym jomart tokayev"},
		{"S&P 500", "s&p 500"}, {" interest rates ", "interest rates"}, {"OPEC+", "opec+"},
	} {
		if got := NormTag(tc.in); got != tc.want {
			t.Errorf("NormTag(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTagSetScore(t *testing.T) {
	var s TagSetScore
	c := TagCase{Class: "politics", Tags: []string{"Keir Starmer", "UK", "elections", "Labour", "Reform UK"}}
	// "United Kingdom" is "UK" by identity; "Labour" is sixth, beyond the first five.
	system := []string{"keir starmer", "United Kingdom", "Rishi Sunak", "elections", "Ed Davey", "Labour"}
	same := func(g, t int) bool { return c.Tags[g] == "UK" && system[t] == "United Kingdom" }
	r := s.Add(c, system, same)
	if r.Found != 3 || !slices.Equal(r.Missed, []string{"Labour", "Reform UK"}) || !slices.Equal(r.Extra, []string{"Rishi Sunak", "Ed Davey"}) {
		t.Errorf("result %+v", r)
	}
	s.Add(TagCase{Class: "sport", Tags: []string{"Wimbledon"}}, []string{"Wimbledon"}, nil)
	if s.Overall.Articles != 2 || s.Overall.Found != 4 || s.Overall.Mean != 2 || s.Overall.Full != 1 || s.Overall.Short != 1 {
		t.Errorf("overall %+v", s.Overall)
	}
	if got := s.Classes(); !slices.Equal(got, []string{"politics", "sport"}) || s.ByClass["politics"].Found != 3 {
		t.Errorf("classes %v %+v", got, s.ByClass["politics"])
	}
}
