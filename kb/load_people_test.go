package kb

import (
	"testing"
	"time"
)

// TestOfficeHoldersLoad loads the generated office holders: they load
// without error, stay out of the gazetteer, give way to the curated
// people of the same QID, and carry their latest position.
func TestOfficeHoldersLoad(t *testing.T) {
	k, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if err := k.officeHoldersErr(); err != nil {
		t.Fatal(err)
	}
	n := len(k.holders.index().entries)
	if n == 0 {
		t.Skip("no data/people.tsv.gz (kb/gen writes it from ../shared/data/knowledge)")
	}
	t.Logf("%d office holders", n)
	e, ok := k.Get("Q263725")
	if !ok || e.Name != "Janet Yellen" || e.Office == nil || e.Country != "USA" || !e.LinkOnly {
		t.Fatalf("Get(Q263725) = %+v, %v", e, ok)
	}
	if !e.Office.HeldOn(time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)) || e.Office.HeldOn(time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("Yellen's latest position %+v: held on 2022-01-01 and not on 2020-01-01", e.Office)
	}
	found := false
	for _, c := range k.Lookup("janet yellen") {
		found = found || c.ID == "Q263725"
	}
	if !found {
		t.Error("Lookup(janet yellen) misses Q263725")
	}
	for _, g := range k.Gazetteer() {
		if g.ID == "Q263725" {
			t.Fatal("an office holder is in the gazetteer")
		}
	}
	// Tokayev is curated (Q200881): the curated row is the only one.
	for _, c := range k.Lookup("Kassym-Jomart Tokayev") {
		if c.Office != nil {
			t.Errorf("a generated copy of a curated person: %+v", c)
		}
	}
}

func BenchmarkOfficeHolders(b *testing.B) {
	k, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		h := newOfficeHolders(files, k)
		h.index()
		if h.err != nil {
			b.Fatal(h.err)
		}
	}
}

// TestOfficeHeldOn checks the dates of a position: an open one is known
// held only up to its source's date.
func TestOfficeHeldOn(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	closed := &Office{From: day("2019-01-01"), Until: day("2023-01-01")}
	open := &Office{From: day("2019-01-01"), AsOf: day("2022-07-29")}
	undated := &Office{From: day("2019-01-01")}
	for _, tc := range []struct {
		o    *Office
		date string
		want bool
	}{
		{closed, "2018-12-31", false}, {closed, "2019-01-01", true}, {closed, "2022-12-31", true}, {closed, "2023-01-01", false},
		{open, "2022-07-29", true}, {open, "2022-07-30", false}, {undated, "2030-01-01", true},
		{&Office{}, "2020-01-01", false}, {nil, "2020-01-01", false},
	} {
		if got := tc.o.HeldOn(day(tc.date)); got != tc.want {
			t.Errorf("%+v on %s: %v, want %v", tc.o, tc.date, got, tc.want)
		}
	}
}
