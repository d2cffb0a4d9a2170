package main

import (
	"strings"
	"testing"
)

func TestParseOfficeHolderSources(t *testing.T) {
	holders := "position,person,personID,start,end,gender,DOB,DOD,image,enwiki\n" +
		"Minister of Finance,Ann Lee,Q11,2019-02-01,2021-03-04,female,1970-05-06,,,Ann Lee (politician)\n" +
		"Prime Minister,Ann Lee,Q11,2021-03-04,,female,1970-05-06,,,Ann Lee (politician)\n" +
		"Minister of Health,\"Smith, Bob\",Q12,2015,2016,male,,,,\n" +
		"Minister of Health,Q13,Q13,2016,,,,,,\n"
	hs, err := ParseHolders(strings.NewReader(holders), "everypolitician/x/html/holders21.csv")
	if err != nil || len(hs) != 4 {
		t.Fatalf("ParseHolders: %d rows, %v", len(hs), err)
	}
	current := "position,person,personID,start,gender,DOB,DOD,image,enwiki\nSpeaker,Cy Dee,Q14,2022-01-01,male,,,,\n"
	cur, err := ParseHolders(strings.NewReader(current), "c.csv")
	if err != nil || len(cur) != 1 || cur[0].End != "" || cur[0].Start != "2022-01-01" {
		t.Fatalf("ParseHolders current: %+v, %v", cur, err)
	}
	if empty, err := ParseHolders(strings.NewReader(""), "e.csv"); err != nil || len(empty) != 0 {
		t.Errorf("empty file: %v %v", empty, err)
	}
	bios, err := ParseBio(strings.NewReader("id,name,gender,dob,dobp,dod,dodp,image,enwiki\nQ12,Bob Smith,male,1960-01-01,11,,,,Bob Smith\n"))
	if err != nil || bios["Q12"].Born != "1960-01-01" || bios["Q12"].Wikipedia != "Bob Smith" {
		t.Fatalf("ParseBio: %+v, %v", bios, err)
	}
	wl, err := ParseWorldLeaders(strings.NewReader("countryid,country,position,positionLabel,officeholder,officeholderLabel,start_year,end_year\n"+
		"Q1,Freedonia,Q2,President of Freedonia,Q15,Rufus Firefly,2017,\n"), "w.csv")
	if err != nil || len(wl) != 1 || wl[0].Country != "Freedonia" || wl[0].Start != "2017" {
		t.Fatalf("ParseWorldLeaders: %+v, %v", wl, err)
	}
	lc, err := ParseLeadersCurrent(strings.NewReader(`{"country":{"iso_code":"FD","name_en":"Freedonia"},
		"positions":{"head_of_state":{"title_en":"President","current_holder":{"name_en":"Rufus Firefly","wikidata_id":"Q15",
		"since":"2020-05-01","born":"1890-10-02","wikipedia_en":"https://en.wikipedia.org/wiki/Rufus_T._Firefly%C3%A9"}},
		"head_of_government":{"title_en":"Chancellor","current_holder":null}}}`), "l.json")
	if err != nil || len(lc) != 1 || lc[0].Wikipedia != "Rufus T. Fireflyé" || lc[0].Country != "FD" {
		t.Fatalf("ParseLeadersCurrent: %+v, %v", lc, err)
	}
	yaml := `- id:
    bioguide: X000001
    fec:
    - S0XX00001
    wikipedia: Dee Vee (politician)
    wikidata: Q16
  name:
    first: Dee
    last: Vee
    official_full: Dee A. Vee
  bio:
    birthday: '1961-02-03'
  terms:
  - type: rep
    start: '2019-01-03'
    end: '2021-01-03'
    state: OH
    district: 1
  - type: sen
    start: '2021-01-03'
    end: '2027-01-03'
    state: OH
- id:
    bioguide: X000002
  name:
    first: No
    last: Qid
  terms:
  - type: rep
    start: '2023-01-03'
`
	cg, err := ParseCongress(strings.NewReader(yaml), "us-congress/legislators-current.yaml")
	if err != nil || len(cg) != 2 {
		t.Fatalf("ParseCongress: %+v, %v", cg, err)
	}
	if c := cg[1]; c.QID != "Q16" || c.Name != "Dee A. Vee" || c.Position != "United States senator OH" ||
		c.Start != "2021-01-03" || c.End != "2027-01-03" || c.Born != "1961-02-03" || c.Wikipedia != "Dee Vee (politician)" || c.Country != "USA" {
		t.Errorf("ParseCongress term: %+v", c)
	}

	all := append(append(append(hs, cur...), wl...), cg...)
	countryOf := func(s string) string { return map[string]string{"Freedonia": "FRD", "USA": "USA", "XXX": "XXX"}[s] }
	for i := range hs {
		all[i].Country = "XXX"
	}
	tab := PeopleTable(all, bios, map[string]bool{"Q14": true}, countryOf, map[string]string{"everypolitician/x/html/holders21.csv": "2022-07-29"})
	got := map[string][]string{}
	for _, r := range tab.Rows {
		got[r[0]] = r
	}
	if _, ok := got["Q14"]; ok {
		t.Error("a curated QID was kept")
	}
	if _, ok := got["Q13"]; ok {
		t.Error("a person without a name was kept")
	}
	want := map[string]string{
		"Q11": "Q11|Ann Lee||XXX|1970|Ann Lee (politician)|2|Prime Minister|2021-03-04||everypolitician/x/html/holders21.csv|2022-07-29",
		"Q12": "Q12|Bob Smith|Smith, Bob|XXX|1960|Bob Smith|1|Minister of Health|2015|2016|everypolitician/x/html/holders21.csv|2022-07-29",
		"Q15": "Q15|Rufus Firefly||FRD|||1|President of Freedonia|2017||w.csv|",
		"Q16": "Q16|Dee A. Vee||USA|1961|Dee Vee (politician)|2|United States senator OH|2021-01-03|2027-01-03|us-congress/legislators-current.yaml|",
	}
	for id, w := range want {
		if g := strings.Join(got[id], "|"); g != w {
			t.Errorf("%s:\n got %s\nwant %s", id, g, w)
		}
	}
}

func TestCleanName(t *testing.T) {
	for in, want := range map[string]string{
		"John Smith (politician)": "John Smith", "Smith, John": "John Smith", "Martin Luther King, Jr.": "Martin Luther King, Jr.",
		"Ann  Lee": "Ann Lee", "Henry Ford, III": "Henry Ford, III",
	} {
		if got := CleanName(in); got != want {
			t.Errorf("CleanName(%q) = %q, want %q", in, got, want)
		}
	}
}
