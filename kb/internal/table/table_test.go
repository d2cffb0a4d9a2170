package table

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

func TestWriteGzipRoundTrip(t *testing.T) {
	tab := Table{Header: []string{"id", "name"}, Rows: [][]string{{"b", "Bé"}, {"a", "A|A2"}, {"c", ""}}}
	var one, two bytes.Buffer
	if err := WriteGzip(&one, tab); err != nil {
		t.Fatal(err)
	}
	if err := WriteGzip(&two, tab); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(one.Bytes(), two.Bytes()) {
		t.Error("two writes of one table differ")
	}
	got, err := ReadGzip(one.Bytes(), []string{"id", "name"})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"a", "A|A2"}, {"b", "Bé"}, {"c", ""}}
	if !slices.EqualFunc(got.Rows, want, slices.Equal[[]string]) {
		t.Errorf("rows %q, want %q (sorted)", got.Rows, want)
	}
	if tab.Rows[0][0] != "b" {
		t.Error("WriteGzip reordered its input")
	}
	if _, err := ReadGzip(one.Bytes(), []string{"id", "label"}); err == nil {
		t.Error("wrong header accepted")
	}
}

func TestWriteGzipRejects(t *testing.T) {
	for _, tab := range []Table{
		{},
		{Header: []string{"id"}, Rows: [][]string{{"a\tb"}}},
		{Header: []string{"id"}, Rows: [][]string{{"a\nb"}}},
		{Header: []string{"id", "name"}, Rows: [][]string{{"a"}}},
	} {
		if err := WriteGzip(&bytes.Buffer{}, tab); err == nil {
			t.Errorf("WriteGzip(%q) succeeded", tab)
		}
	}
}

func TestParse(t *testing.T) {
	text := "# a comment\n\nid\tname\r\nx\tX\n# another\ny\tY"
	got, err := Parse(text, []string{"id", "name"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Rows) != 2 || got.Rows[1][1] != "Y" || got.Rows[0][1] != "X" {
		t.Errorf("rows %q", got.Rows)
	}
	for _, bad := range []string{"", "# only a comment\n", "id\tname\nx\n"} {
		if _, err := Parse(bad, []string{"id", "name"}); err == nil {
			t.Errorf("Parse(%q) succeeded", bad)
		}
	}
	if _, err := Parse("id\tname\nx\n", []string{"id", "name"}); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("error %v does not name line 2", err)
	}
}

func TestLists(t *testing.T) {
	if got := List(" a | b||c "); !slices.Equal(got, []string{"a", "b", "c"}) {
		t.Errorf("List = %q", got)
	}
	if got := List(""); got != nil {
		t.Errorf("List(\"\") = %q", got)
	}
	if got := JoinList([]string{"a", "", "b", "a", " c "}); got != "a|b|c" {
		t.Errorf("JoinList = %q", got)
	}
}
