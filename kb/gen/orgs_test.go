package main

import (
	"reflect"
	"strings"
	"testing"
)

// The inputs below are invented, in the sources' formats.

func TestCompanyNames(t *testing.T) {
	for _, tc := range []struct {
		legal, name string
		aliases     []string
	}{
		{"Harbor Motor Company", "Harbor", []string{"Harbor Motor Company", "Harbor Motor", "Harbor"}},
		{"The Riverton Group, Inc.", "Riverton", []string{"The Riverton Group, Inc.", "Riverton Group", "Riverton"}},
		{"Lantern & Pike Corporation", "Lantern & Pike", []string{"Lantern & Pike Corporation", "Lantern & Pike"}},
		{"Quill", "Quill", []string{"Quill"}},
	} {
		name, aliases := CompanyNames(tc.legal)
		if name != tc.name || !reflect.DeepEqual(aliases, tc.aliases) {
			t.Errorf("CompanyNames(%q) = %q %q, want %q %q", tc.legal, name, aliases, tc.name, tc.aliases)
		}
	}
}

func TestParseSECTickers(t *testing.T) {
	in := `{"1": {"cik_str": 2002, "ticker": "QLL", "title": "QUILL INC"}, "0": {"cik_str": 1001, "ticker": "HRB", "title": "Harbor Motor Co"}}`
	got, err := ParseSECTickers(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []SECCompany{{1001, "HRB", "Harbor Motor Co"}, {2002, "QLL", "QUILL INC"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ParseSECTickers = %+v, want %+v (in key order)", got, want)
	}
	if _, err := ParseSECTickers(strings.NewReader(`{"x": {}}`)); err == nil {
		t.Error("a key that is not a number was accepted")
	}
}

func TestParseClubs(t *testing.T) {
	in := `= Testland =

Riverton Rovers FC, 1887, @ Mill Lane, Riverton › North
  | Riverton Rovers | Rovers
ii) Riverton Rovers Reserves, Riverton
  | Rovers II
Harbor United, Harbor (Old Town)
`
	got, err := ParseClubs(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Club{
		{Name: "Riverton Rovers FC", City: "Riverton", Aliases: []string{"Riverton Rovers", "Rovers"}},
		{Name: "Harbor United", City: "Harbor"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ParseClubs = %+v, want %+v", got, want)
	}
}

func TestParseNationalTeams(t *testing.T) {
	in := "tst  Testland, TST, fifa › UEFA\n  | Team Testland\nnot a team line\n  | stray alias\n"
	got, err := ParseNationalTeams(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []NationalTeam{{Code: "tst", Name: "Testland", FIFA: "TST", Aliases: []string{"Team Testland"}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ParseNationalTeams = %+v, want %+v", got, want)
	}
}
