package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	src "tidings/kb/internal/sources"
	"tidings/kb/internal/table"
)

// The places/ source's world regions: continents (regions.csv) and the
// UN geoscheme's subregions (subregions.csv), each with its Wikidata id.
const (
	placesRegionsFile    = "places/csv/regions.csv"
	placesSubregionsFile = "places/csv/subregions.csv"
)

// WorldRegionColumns are the columns of world-regions.tsv.gz.
var WorldRegionColumns = []string{"id", "name", "kind", "source"}

// worldRegionFile reads the continents and subregions as rows of id (the
// QID), name, kind (continent or subregion) and source file. "Polar", the
// source's label for the Antarctic, is left out: it is no name that news
// uses, and a capitalised "Polar" names other things.
func worldRegionFile(dir string) (table.Table, error) {
	t := table.Table{Header: WorldRegionColumns}
	for _, f := range []struct{ file, kind string }{{placesRegionsFile, "continent"}, {placesSubregionsFile, "subregion"}} {
		rows, err := readWorldRegions(filepath.Join(dir, f.file))
		if err != nil {
			return t, fmt.Errorf("%s: %w", f.file, err)
		}
		for _, r := range rows {
			if r[1] == "Polar" {
				continue
			}
			t.Rows = append(t.Rows, []string{r[0], r[1], f.kind, f.file})
		}
	}
	slices.SortFunc(t.Rows, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	for i := 1; i < len(t.Rows); i++ {
		if t.Rows[i][0] == t.Rows[i-1][0] {
			return t, fmt.Errorf("world regions: %s twice", t.Rows[i][0])
		}
	}
	return t, nil
}

// readWorldRegions returns the QID and name of each row of a regions.csv
// or subregions.csv file (columns id, name, ..., wikiDataId).
func readWorldRegions(path string) ([][2]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("header: %w", err)
	}
	name, qid := slices.Index(header, "name"), slices.Index(header, "wikiDataId")
	if name < 0 || qid < 0 {
		return nil, fmt.Errorf("header %q: want name and wikiDataId", header)
	}
	var out [][2]string
	for line := 2; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		if len(rec) <= max(name, qid) {
			return nil, fmt.Errorf("line %d: %d fields", line, len(rec))
		}
		if !src.IsQID(rec[qid]) || strings.TrimSpace(rec[name]) == "" {
			return nil, fmt.Errorf("line %d: name %q, QID %q", line, rec[name], rec[qid])
		}
		out = append(out, [2]string{rec[qid], strings.TrimSpace(rec[name])})
	}
}
