package main

import (
	"slices"
	"strings"
	"testing"

	"tidings/kb/internal/table"
)

// TestPhoenixCompanies reads listed companies in the Phoenix dictionary's
// layout (rows written for the test): people and papers coded MNC without
// a value are left out, a country code is told from a sector code, and
// the companies that the table names already, however written, are not
// added again.
func TestPhoenixCompanies(t *testing.T) {
	src := strings.Join([]string{
		"# a comment",
		"KESTREL_SYSTEMS_INC_\t[MNCUSAMED]\t# Computer Software\t$12,000,000,000",
		"VELMAR_BANK_\t[MNCDEU]\t# Major Banks\t$40,000,000,000",
		"VELMAR_\t[MNCDEU]\t# Major Banks\t$40,000,000,000",
		"HARWICK_FOODS_\t[MNCAGR]\t# Packaged Foods\t$2,000,000,000",
		"JOHN_DOE_\t[MNCUSA]# Kestrel spokesman",
		"WAL-MART_STORES_\t[MNCUSA]\t# Department Stores\t$189,000,000,000",
		"PROCTER_AND_GAMBLE_\t[MNCUSA]\t# Household Products\t$171,000,000,000",
		"OPAL_INCOME_FUND_\t[MNCUSA]\t# n/a\t$300,000,000",
	}, "\n")
	pcs, err := ParsePhoenixCompanies(strings.NewReader(src), func(c string) bool { return c == "USA" || c == "DEU" })
	if err != nil {
		t.Fatal(err)
	}
	if len(pcs) != 7 {
		t.Fatalf("%d companies, want 7 (no person): %+v", len(pcs), pcs)
	}
	if pcs[0].Key != "KESTREL_SYSTEMS_INC" || pcs[0].Country != "USA" || pcs[0].Value != 12e9 || pcs[3].Country != "" {
		t.Errorf("parsed %+v and %+v", pcs[0], pcs[3])
	}
	tab := table.Table{Header: CompanyColumns, Rows: [][]string{
		{"sec:1", "Walmart", "Walmart Inc.", "WMT", "", "", "s-and-p-500+sec", "10"},
		{"sec:2", "Procter & Gamble", "The Procter & Gamble Company", "PG", "", "", "s-and-p-500+sec", "20"},
	}}
	if n := AddPhoenixCompanies(&tab, pcs); n != 3 {
		t.Errorf("added %d, want 3 (Kestrel Systems, Velmar Bank, Harwick Foods)", n)
	}
	var ids []string
	for _, r := range tab.Rows {
		ids = append(ids, r[0])
		if r[0] == "phoenix:VELMAR_BANK" && !slices.Contains(table.List(r[2]), "Velmar") {
			t.Errorf("Velmar, the same value, sector and country, is not an alias of Velmar Bank: %q", r)
		}
		if r[0] == "phoenix:KESTREL_SYSTEMS_INC" && (r[1] != "Kestrel Systems" || r[4] != "USA" || r[6] != "phoenix") {
			t.Errorf("row %q", r)
		}
	}
	want := []string{"phoenix:HARWICK_FOODS", "phoenix:KESTREL_SYSTEMS_INC", "phoenix:VELMAR_BANK", "sec:1", "sec:2"}
	if !slices.Equal(ids, want) {
		t.Errorf("ids %q, want %q", ids, want)
	}
}
