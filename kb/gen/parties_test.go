package main

import (
	"reflect"
	"strings"
	"testing"
)

// The inputs below are invented, in the shapes of the everypolitician
// extracts' party columns.

func TestParsePartyCSV(t *testing.T) {
	for _, tc := range []struct {
		what, name, in string
		pairs          []string
		rows           []PartyRow
	}{
		{
			what: "party,partyLabel (sources/*/wikidata.csv)",
			name: "everypolitician/freedonia/sources/assembly-3/wikidata.csv",
			in: "item,name,party,partyLabel,area,areaLabel,startDate,endDate,gender,psid\n" +
				"Q11,Ann Lee,Q901,Freedom Party,Q51,North,2019,,female,Q11-AB\n" +
				"Q12,Bob Ray,Q902,Q902,Q52,South,2019,,male,Q12-CD\n" + // no English label: the label is the QID
				"Q13,Cy Dee,,,Q53,East,2019,,male,Q13-EF\n" + // no party
				"Q14,Di Fox,Q903,,Q54,West,2019,,female,Q14-GH\n", // an empty label
			pairs: []string{"item: party=QID partyLabel=label"},
			rows:  []PartyRow{{Party: "Q901", Label: "Freedom Party", Person: "Q11"}},
		},
		{
			what: "group,party: the group is the QID (india-lok-sabha current-members.csv)",
			name: "everypolitician/freedonia-house/wikidata/results/current-members.csv",
			in: "item,name,group,party,district,constituency,state,stateLabel,gender,dob,dobPrecision,psid\n" +
				"Q21,Eve Gray,Q911,People's Congress,Q61,Harbor,,,female,1970-01-01,11,Q21-AA\n" +
				"Q22,Fay Hill,Q912,Janata Front (United),Q62,Riverton,,,female,1971-01-01,11,Q22-BB\n",
			pairs: []string{"item: group=QID party=label"},
			rows: []PartyRow{{Party: "Q911", Label: "People's Congress", Person: "Q21"},
				{Party: "Q912", Label: "Janata Front (United)", Person: "Q22"}},
		},
		{
			what:  "party,group: the party is the QID",
			name:  "everypolitician/freedonia-deputes/wikidata/results/current-members.csv",
			in:    "item,name,party,group,gender,dob,dobPrecision,psid\nQ31,Gil Ives,Q921,Green Left,male,,,Q31-CC\n",
			pairs: []string{"item: party=QID group=label"},
			rows:  []PartyRow{{Party: "Q921", Label: "Green Left", Person: "Q31"}},
		},
		{
			what:  "groupitem,group",
			name:  "everypolitician/freedonia-saeima/wikidata/results/current-members.csv",
			in:    "item,name,groupitem,group,district,constituency,gender,dob,dobPrecision,psid\nQ41,Hal Jones,Q931,Unity parliamentary group,,,male,,,Q41-DD\n",
			pairs: []string{"item: groupitem=QID group=label"},
			rows:  []PartyRow{{Party: "Q931", Label: "Unity parliamentary group", Person: "Q41"}},
		},
		{
			what:  "group,groupLabel, person column, labels from another language's Wikipedia",
			name:  "everypolitician/freedonia-althing/wikidata/results/current-members-iswiki.csv",
			in:    "\ufeffperson,name,group,groupLabel,district,districtLabel,psid\nQ51,Ina Kay,Q941,Frelsisflokkurinn,Q71,Nord,Q51-EE\n",
			pairs: []string{"person: group=QID groupLabel=label (alias only)"},
			rows:  []PartyRow{{Party: "Q941", Label: "Frelsisflokkurinn", Person: "Q51", Secondary: true}},
		},
		{
			what:  "group,klub_short: a short form, alias only",
			name:  "everypolitician/freedonia-sejm/wikidata/results/9th-sejm-members.csv",
			in:    "item,name,group,klub_short,district,districtLabel,gender,dob,dobPrecision,psid\nQ61,Jo Lake,Q951,FP,,,female,,,Q61-FF\n",
			pairs: []string{"item: group=QID klub_short=label (alias only)"},
			rows:  []PartyRow{{Party: "Q951", Label: "FP", Person: "Q61", Secondary: true}},
		},
		{
			what:  "a label in another script is not English",
			name:  "everypolitician/freedonia/sources/legco/wikidata.csv",
			in:    "item,itemLabel,party,partyLabel,startDate,endDate,psid\nQ71,Kim Moon,Q961,民主黨,2016,,Q71-GG\n",
			pairs: []string{"item: party=QID partyLabel=label"},
			rows:  []PartyRow{{Party: "Q961", Label: "民主黨", Person: "Q71", Secondary: true}},
		},
		{
			what: "scraped names without QIDs: not people",
			name: "everypolitician/freedonia/sources/assembly-3/scraped.csv",
			in:   "itemLabel,partyLabel,areaLabel\nAnn Lee,Freedom Party,North\n",
		},
		{
			what: "a party column of labels only (data/wikidata.csv): no QID to give",
			name: "everypolitician/freedonia-parliament/data/wikidata.csv",
			in:   "item,name,party,electorate\nQ81,Lou Neal,Labour Party,Harbor\n",
		},
		{
			what: "empty party columns",
			name: "everypolitician/freedonia-assembly/wikidata/results/current-members.csv",
			in:   "item,name,group,party,district,constituency,gender,dob,dobPrecision,psid\nQ91,Max Orr,,,,,male,,,Q91-HH\n",
		},
	} {
		rows, pairs, err := ParsePartyCSV(strings.NewReader(tc.in), tc.name)
		if err != nil {
			t.Errorf("%s: %v", tc.what, err)
			continue
		}
		var got []string
		for _, p := range pairs {
			got = append(got, p.String())
		}
		if !reflect.DeepEqual(got, tc.pairs) {
			t.Errorf("%s: pairs %q, want %q", tc.what, got, tc.pairs)
		}
		if !reflect.DeepEqual(rows, tc.rows) {
			t.Errorf("%s: rows %+v, want %+v", tc.what, rows, tc.rows)
		}
	}
}

func TestPartyTable(t *testing.T) {
	files := []PartyFile{
		{Source: "ep/freedonia/sources/a/wikidata.csv", Country: "FRD", Rows: []PartyRow{
			{Party: "Q901", Label: "FPP", Person: "Q1"},
			{Party: "Q901", Label: "FPP", Person: "Q2"},
			{Party: "Q901", Label: "Freedom Party", Person: "Q3"},
			{Party: "Q902", Label: "independent politician", Person: "Q4"},
			{Party: "Q903", Label: "Q", Person: "Q5"}, // too short to name it
			{Party: "Q904", Label: "Democratic Party", Person: "Q6"},
		}},
		{Source: "ep/freedonia/sources/b/wikidata.csv", Country: "FRD", Rows: []PartyRow{
			{Party: "Q901", Label: "FPP", Person: "Q1"}, // the same person again
			{Party: "Q902", Label: "IND", Person: "Q7"},
			{Party: "Q905", Label: "Frelsi", Person: "Q8", Secondary: true}, // no English label
		}},
		{Source: "ep/sylvania/sources/c/wikidata.csv", Country: "SYL", Rows: []PartyRow{
			{Party: "Q906", Label: "Democratic Party", Person: "Q9"},
			{Party: "Q906", Label: "Democratic Party", Person: "Q10"},
			{Party: "Q906", Label: "Demokratiki", Person: "Q10", Secondary: true},
			{Party: "Q901", Label: "Freedom Party", Person: "Q11"},
		}},
		{Source: "ep/european-parliament/sources/d/wikidata.csv", Country: "", Rows: []PartyRow{
			{Party: "Q907", Label: "European Greens", Person: "Q12"},
		}},
		// as many rows as the next file, but no English label: not the source
		{Source: "ep/sylvania/sources/c-iswiki.csv", Country: "SYL", Rows: []PartyRow{
			{Party: "Q908", Label: "Graenir", Person: "Q13", Secondary: true},
		}},
		{Source: "ep/sylvania/sources/c.csv", Country: "SYL", Rows: []PartyRow{
			{Party: "Q908", Label: "Greens", Person: "Q13"},
		}},
	}
	got, st := PartyTable(files)
	want := [][]string{
		{"Q901", "FPP", "Freedom Party", "FRD", "4", "ep/freedonia/sources/a/wikidata.csv"},
		{"Q904", "Democratic Party", "", "FRD", "1", "ep/freedonia/sources/a/wikidata.csv"},
		{"Q906", "Democratic Party", "Demokratiki", "SYL", "2", "ep/sylvania/sources/c/wikidata.csv"},
		{"Q907", "European Greens", "", "", "1", "ep/european-parliament/sources/d/wikidata.csv"},
		{"Q908", "Greens", "Graenir", "SYL", "1", "ep/sylvania/sources/c.csv"},
	}
	if !reflect.DeepEqual(got.Header, PartyColumns) || !reflect.DeepEqual(got.Rows, want) {
		t.Errorf("PartyTable rows:\n%q\nwant\n%q", got.Rows, want)
	}
	if !reflect.DeepEqual(st.NotParties, map[string][]string{"Q902": {"IND", "independent politician"}}) {
		t.Errorf("left out as not parties: %q", st.NotParties)
	}
	if !reflect.DeepEqual(st.NoName, map[string][]string{"Q903": {"Q"}, "Q905": {"Frelsi"}}) {
		t.Errorf("left out with no name: %q", st.NoName)
	}
	if st.PersonsSeen != 13 {
		t.Errorf("%d people seen, want 13", st.PersonsSeen)
	}
}

func TestNotAParty(t *testing.T) {
	for label, want := range map[string]bool{
		"independent politician": true, "Independent": true, "independents": true, "non-partisan": true,
		"Nonpartisan politician": true, "no party": true, "unaffiliated members of parliament": true,
		"Non-attached Members": true, "fraktsioonitu": true,
		"The Independent Party": false, "Independence Party": false, "“The Independent” parliamentary group": false,
		"National Union for the Total Independence of Angola": false, "Non-Partisan Bloc for Reforms": false,
	} {
		if got := notAParty.MatchString(label); got != want {
			t.Errorf("notAParty(%q) = %v, want %v", label, got, want)
		}
	}
}
