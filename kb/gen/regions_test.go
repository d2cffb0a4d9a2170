package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestWorldRegionFile reads a continents file and a subregions file in
// the places/ source's layout: rows sorted by QID, each with its kind and
// file, the Antarctic's label "Polar" left out, and a row without a QID
// refused with its line.
func TestWorldRegionFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(placesRegionsFile, "id,name,wikiDataId\n1,Africa,Q15\n6,Polar,Q51\n")
	write(placesSubregionsFile, "id,name,region_id,wikiDataId\n7,Caribbean,2,Q664609\n9,\"Central America\",2,Q27611\n")
	got, err := worldRegionFile(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"Q15", "Africa", "continent", placesRegionsFile},
		{"Q27611", "Central America", "subregion", placesSubregionsFile},
		{"Q664609", "Caribbean", "subregion", placesSubregionsFile},
	}
	if !slices.EqualFunc(got.Rows, want, slices.Equal) {
		t.Errorf("rows %q, want %q", got.Rows, want)
	}
	write(placesSubregionsFile, "id,name,region_id,wikiDataId\n7,Caribbean,2,\n")
	if _, err := worldRegionFile(dir); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("a row without a QID: error %v, want one naming line 2", err)
	}
}
