package main

import (
	"slices"
	"testing"

	"tidings/kb/internal/table"
)

// TestPlacesTableRules checks how placesTable trusts the places/ source's
// QIDs: a QID copied down to the rows after its own stays with the first
// row; one shared by rows that are not consecutive is left out; a state
// that shares a city's QID must bear its name (or the name with "City");
// a capital that GeoNames and countries.csv agree on matches from farther.
func TestPlacesTableRules(t *testing.T) {
	const f = "places/contributions/cities/XX.json"
	p := &Places{
		Capitals: map[string]string{"XA": "Capitalia", "XB": "Elsewhere"},
		States: []PlaceState{
			{Name: "Portus City", Country: "XA", Wikidata: "Q30"},
			{Name: "Bigtown Region", Country: "XA", Wikidata: "Q40"},
		},
		Cities: []PlaceCity{
			// Q10 was copied from Alpha (row 1) to Alphaville (row 2).
			{ID: 1, Name: "Alpha", Country: "XA", Lat: 10, Lon: 10, Wikidata: "Q10", File: f},
			{ID: 2, Name: "Alphaville", Country: "XA", Lat: 12, Lon: 12, Wikidata: "Q10", File: f},
			// Q20 on rows 5 and 9: no run, no owner.
			{ID: 5, Name: "Beta", Country: "XA", Lat: 20, Lon: 20, Wikidata: "Q20", File: f},
			{ID: 9, Name: "Betaville", Country: "XA", Lat: 22, Lon: 22, Wikidata: "Q20", File: f},
			// A state named "<city> City" shares the city's QID; a
			// "<city> Region" does not make it the city's.
			{ID: 11, Name: "Portus", Country: "XA", Lat: 30, Lon: 30, Wikidata: "Q30", File: f},
			{ID: 12, Name: "Bigtown", Country: "XA", Lat: 40, Lon: 40, Wikidata: "Q40", File: f},
			// The capital's point lies 30 km from GeoNames'.
			{ID: 20, Name: "Capitalia", Country: "XA", Lat: 50.27, Lon: 50, Wikidata: "Q50", File: f},
			// A town of the same distance is too far.
			{ID: 21, Name: "Farville", Country: "XA", Lat: 60.27, Lon: 60, Wikidata: "Q60", File: f},
		},
	}
	ids, st := matchCities(p, []geoCity{
		{"101", "Alpha", "100000", "PPLA", 10, 10},
		{"102", "Alphaville", "100000", "PPL", 12, 12},
		{"105", "Beta", "100000", "PPL", 20, 20},
		{"111", "Portus", "100000", "PPLA", 30, 30},
		{"112", "Bigtown", "100000", "PPLA", 40, 40},
		{"120", "Capitalia", "100000", "PPLC", 50, 50},
		{"121", "Farville", "100000", "PPL", 60, 60},
	})
	want := []string{"geonames:101=Q10", "geonames:111=Q30", "geonames:120=Q50"}
	if !slices.Equal(ids, want) {
		t.Errorf("matched %v, want %v", ids, want)
	}
	if st.CitiesCopiedDown != 1 || st.CitiesCapital != 1 {
		t.Errorf("copied down %d, capitals %d; want 1, 1", st.CitiesCopiedDown, st.CitiesCapital)
	}
}

// TestPlacesTableCitySizes checks the two rules for big cities: a QID
// shared with a subdivision of the type city is the city's whatever the
// subdivision's name ("Praha, Hlavní město" and Prague), while one shared
// with a region of another name stays doubtful; and a big city matches
// from as far as its population's area reaches, a small town only within
// cityRadiusKm.
func TestPlacesTableCitySizes(t *testing.T) {
	const f = "places/contributions/cities/XX.json"
	p := &Places{
		States: []PlaceState{
			{Name: "Urbs, Capital City", Country: "XA", Wikidata: "Q70", Type: "capital city"},
			{Name: "Ruritania Province", Country: "XA", Wikidata: "Q71", Type: "province"},
		},
		Cities: []PlaceCity{
			{ID: 1, Name: "Urbs", Country: "XA", Lat: 10, Lon: 10, Wikidata: "Q70", File: f},
			{ID: 3, Name: "Ruritania", Country: "XA", Lat: 15, Lon: 15, Wikidata: "Q71", File: f},
			// 0.18° of latitude, 20 km from GeoNames' point
			{ID: 5, Name: "Megapolis", Country: "XA", Lat: 20.18, Lon: 20, Wikidata: "Q72", File: f},
			{ID: 7, Name: "Smallton", Country: "XA", Lat: 30.18, Lon: 30, Wikidata: "Q73", File: f},
		},
	}
	ids, _ := matchCities(p, []geoCity{
		{"201", "Urbs", "500000", "PPL", 10, 10},
		{"203", "Ruritania", "400000", "PPL", 15, 15},
		{"205", "Megapolis", "9000000", "PPL", 20, 20},
		{"207", "Smallton", "40000", "PPL", 30, 30},
	})
	want := []string{"geonames:201=Q70", "geonames:205=Q72"}
	if !slices.Equal(ids, want) {
		t.Errorf("matched %v, want %v", ids, want)
	}
}

// geoCity is a GeoNames row of a test: id, name, population, feature
// code and point, in the country XAA (XA).
type geoCity struct {
	id, name, pop, code string
	lat, lon            float64
}

// matchCities runs placesTable over cities and returns its rows as
// "id=QID".
func matchCities(p *Places, cs []geoCity) ([]string, PlacesStats) {
	cities := table.Table{Header: CityColumns}
	coords := map[string][2]float64{}
	for _, c := range cs {
		cities.Rows = append(cities.Rows, []string{c.id, c.name, c.name, "XAA", c.pop, "01", c.code})
		coords[c.id] = [2]float64{c.lat, c.lon}
	}
	got, st := placesTable(p, table.Table{Header: SubdivisionColumns}, cities, coords, map[string]string{"XAA": "XA"})
	var ids []string
	for _, r := range got.Rows {
		ids = append(ids, r[0]+"="+r[1])
	}
	return ids, st
}

func TestCityRadius(t *testing.T) {
	for _, tc := range []struct {
		pop  string
		want float64
	}{{"", cityRadiusKm}, {"20000", cityRadiusKm}, {"1000000", 12.6}, {"15000000", 48.9}, {"40000000", capitalRadiusKm}} {
		if got := cityRadius(tc.pop); got < tc.want-0.1 || got > tc.want+0.1 {
			t.Errorf("cityRadius(%q) = %.1f, want %.1f", tc.pop, got, tc.want)
		}
	}
}
