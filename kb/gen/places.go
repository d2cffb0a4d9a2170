package main

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	src "tidings/kb/internal/sources"
	"tidings/kb/internal/table"
	"tidings/kb/internal/textfold"
)

// The places/ source (dr5hn/countries-states-cities-database, ODbL 1.0)
// gives Wikidata ids for states and cities. kb/gen reads it from the
// shared knowledge directory when that is present and writes
// places-wikidata.tsv.gz: the QIDs of the embedded subdivisions (matched
// by ISO 3166-2 code) and cities (matched by country, name and
// coordinates). The names and every other field of those entries stay as
// iso-codes and GeoNames give them.

// PlacesWikidataColumns are the columns of places-wikidata.tsv.gz; kb
// reads it with the same header (that of curated/wikidata.tsv).
var PlacesWikidataColumns = []string{"id", "wikidata", "source"}

const (
	placesStatesFile    = "places/csv/states.csv"
	placesCountriesFile = "places/csv/countries.csv"
	placesCitiesDir     = "places/contributions/cities"
	// cityRadiusKm is how far apart a GeoNames city and a places/ city of
	// the same name may be and still be taken for one place.
	cityRadiusKm = 5.0
	// capitalRadiusKm replaces it for a confirmed capital: sources put a
	// big city's point anywhere in its area (Ankara's lies 35 km from
	// GeoNames'), and a country has one capital of that name.
	capitalRadiusKm = 50.0
)

// Places is what kb/gen reads from places/.
type Places struct {
	Commit string // the source's commit and date, from knowledge/SOURCES.tsv
	States []PlaceState
	Cities []PlaceCity
	// Capitals maps a country's ISO 3166-1 alpha-2 code to its capital's
	// name, as places/csv/countries.csv gives it.
	Capitals map[string]string
}

// PlaceState is one row of places/csv/states.csv.
type PlaceState struct {
	Name, Country, ISO3166_2, Wikidata string
	Type                               string // the source's kind of subdivision: "province", "capital city" ...
}

// PlaceCity is one city of places/contributions/cities/<ISO2>.json.
type PlaceCity struct {
	ID         int64  `json:"id"` // the source's row id: a file's rows run in id order
	Name       string `json:"name"`
	Country    string `json:"country_code"`
	State      string `json:"state_code"`
	Lat        coord  `json:"latitude"`
	Lon        coord  `json:"longitude"`
	Wikidata   string `json:"wikiDataId"`
	Population int64  `json:"population"`
	File       string `json:"-"` // the path under knowledge/, for provenance
}

// coord is a coordinate that the source writes as a string ("49.63575000").
type coord float64

func (c *coord) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	if s == "" || s == "null" {
		*c = coord(math.NaN())
		return nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return fmt.Errorf("coordinate %s: %w", b, err)
	}
	*c = coord(f)
	return nil
}

// readPlaces reads places/ under the knowledge directory; it returns nil
// and no error when the directory has no places/ source.
func readPlaces(knowledge string) (*Places, error) {
	raw, err := os.ReadFile(filepath.Join(knowledge, placesStatesFile))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	p := &Places{}
	if p.States, err = parseStates(raw); err != nil {
		return nil, fmt.Errorf("%s: %w", placesStatesFile, err)
	}
	files, err := filepath.Glob(filepath.Join(knowledge, placesCitiesDir, "*.json"))
	if err != nil {
		return nil, err
	}
	slices.Sort(files)
	for _, path := range files {
		var cities []PlaceCity
		if err := readJSON(path, &cities); err != nil {
			return nil, err
		}
		rel := placesCitiesDir + "/" + filepath.Base(path)
		for i := range cities {
			cities[i].File = rel
		}
		p.Cities = append(p.Cities, cities...)
	}
	raw, err = os.ReadFile(filepath.Join(knowledge, placesCountriesFile))
	if err != nil {
		return nil, err
	}
	if p.Capitals, err = parseCapitals(raw); err != nil {
		return nil, fmt.Errorf("%s: %w", placesCountriesFile, err)
	}
	p.Commit, err = placesCommit(filepath.Join(knowledge, "SOURCES.tsv"))
	if err != nil {
		return nil, err
	}
	return p, nil
}

func parseStates(raw []byte) ([]PlaceState, error) {
	r := csv.NewReader(bytes.NewReader(raw))
	header, err := r.Read()
	if err != nil {
		return nil, err
	}
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	for _, h := range []string{"name", "country_code", "iso3166_2", "wikiDataId"} {
		if _, ok := col[h]; !ok {
			return nil, fmt.Errorf("no column %q", h)
		}
	}
	var out []PlaceState
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		st := PlaceState{Name: rec[col["name"]], Country: rec[col["country_code"]],
			ISO3166_2: rec[col["iso3166_2"]], Wikidata: rec[col["wikiDataId"]]}
		if c, ok := col["type"]; ok {
			st.Type = rec[c]
		}
		out = append(out, st)
	}
}

// parseCapitals reads the iso2 and capital columns of
// places/csv/countries.csv.
func parseCapitals(raw []byte) (map[string]string, error) {
	r := csv.NewReader(bytes.NewReader(raw))
	header, err := r.Read()
	if err != nil {
		return nil, err
	}
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	for _, h := range []string{"iso2", "capital"} {
		if _, ok := col[h]; !ok {
			return nil, fmt.Errorf("no column %q", h)
		}
	}
	out := map[string]string{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if c := strings.TrimSpace(rec[col["capital"]]); c != "" {
			out[rec[col["iso2"]]] = c
		}
	}
}

// placesCommit returns "<commit> (<date>)" of places/csv/states.csv as
// knowledge/SOURCES.tsv records it, or "" when that file is absent.
func placesCommit(path string) (string, error) {
	raw, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	for _, line := range strings.Split(string(raw), "\n") {
		f := strings.Split(line, "\t")
		if len(f) >= 6 && f[0] == placesStatesFile {
			return strings.TrimSpace(f[2] + " (" + f[5] + ")"), nil
		}
	}
	return "", nil
}

// PlacesStats counts what placesTable matched and left out.
type PlacesStats struct {
	Subdivisions, SubdivisionsMatched int
	SubdivisionsConflicting           int // codes whose states.csv rows give different QIDs
	Cities, CitiesMatched             int
	CitiesAmbiguous                   int // the same name nearby with different QIDs
	CitiesTooFar                      int // the same name in the country, none within cityRadiusKm
	CitiesSharedQID                   int // one QID for several GeoNames cities: all left out
	CitiesSuspectQID                  int // the source gives the QID to cities far apart, or it is a state's of another name
	CitiesNoQID                       int // the places/ city matched has no QID
	CitiesNoSourceFile                int // in a country without a places/ cities file
	CitiesSameQIDAsSubdivision        int // kept: a city that is its own region (Berlin)
	CitiesCapital                     int // GeoNames capitals that countries.csv confirms, matched within capitalRadiusKm
	CitiesCopiedDown                  int // shared QIDs of consecutive rows: the first row keeps it
}

// placesTable matches the subdivisions and cities (rows of the generated
// tables; coordinates from the GeoNames input) against places/.
func placesTable(p *Places, subdivisions, cities table.Table, coords map[string][2]float64, alpha2 map[string]string) (table.Table, PlacesStats) {
	t := table.Table{Header: PlacesWikidataColumns}
	var st PlacesStats

	// Subdivisions: the ISO 3166-2 code, in the same country; a code whose
	// rows disagree on the QID is left out.
	byCode := map[string]string{}
	conflict := map[string]bool{}
	for _, s := range p.States {
		if s.ISO3166_2 == "" || !src.IsQID(s.Wikidata) || !strings.HasPrefix(s.ISO3166_2, s.Country+"-") {
			continue
		}
		if q, ok := byCode[s.ISO3166_2]; ok && q != s.Wikidata {
			conflict[s.ISO3166_2] = true
		}
		byCode[s.ISO3166_2] = s.Wikidata
	}
	subQIDs := map[string]bool{}
	for _, r := range subdivisions.Rows {
		st.Subdivisions++
		code := r[0]
		q, ok := byCode[code]
		switch {
		case !ok:
		case conflict[code]:
			st.SubdivisionsConflicting++
		default:
			st.SubdivisionsMatched++
			subQIDs[q] = true
			t.Rows = append(t.Rows, []string{code, q, placesStatesFile})
		}
	}

	// Cities: the same country, the same folded name (the GeoNames name or
	// its ASCII form), and within cityRadiusKm. The source gives some QIDs
	// to many unrelated cities (one to over a hundred Thai towns); a QID
	// held by source cities far apart is not trusted. A city whose QID is
	// a state's must bear that state's name (Berlin, Vienna).
	type key struct{ country, name string }
	byName := map[key][]*PlaceCity{}
	countries := map[string]bool{}
	carriers := map[string][]*PlaceCity{}
	for i := range p.Cities {
		c := &p.Cities[i]
		countries[c.Country] = true
		k := key{c.Country, textfold.Fold(c.Name)}
		byName[k] = append(byName[k], c)
		if src.IsQID(c.Wikidata) {
			carriers[c.Wikidata] = append(carriers[c.Wikidata], c)
		}
	}
	stateNames := map[string][]string{}
	cityState := map[string]bool{} // QIDs of subdivisions that are cities themselves
	for _, s := range p.States {
		if src.IsQID(s.Wikidata) {
			stateNames[s.Wikidata] = append(stateNames[s.Wikidata], textfold.Fold(s.Name))
			if cityStateTypes[s.Type] {
				cityState[s.Wikidata] = true
			}
		}
	}
	// untrusted: QIDs that the source gives to cities far apart. Most
	// are copied down: rows that lacked a QID took the one of the row
	// above, so when the carriers are consecutive rows of one file the
	// first keeps it (Khartoum, not Kināna after it; not Kyiv, whose QID
	// is Kvasy's above it). Where states.csv confirms one carrier (a
	// state of that QID and name: Almaty, not Altayskiy) it was the first
	// of its run in all 29 cases, so the rule is the source's own. Other
	// shared QIDs stay untrusted.
	untrusted := map[string]bool{}
	trusted := map[string]*PlaceCity{}
	for q, cs := range carriers {
		far := false
		for _, c := range cs[1:] {
			if km(float64(cs[0].Lat), float64(cs[0].Lon), float64(c.Lat), float64(c.Lon)) > cityRadiusKm {
				far = true
			}
		}
		if !far {
			continue
		}
		untrusted[q] = true
		var named []*PlaceCity
		for _, c := range cs {
			if slices.Contains(stateNames[q], textfold.Fold(c.Name)) {
				named = append(named, c)
			}
		}
		if len(named) == 1 {
			trusted[q] = named[0]
		} else if first := copiedDown(cs); first != nil {
			trusted[q] = first
			st.CitiesCopiedDown++
		}
	}
	type match struct{ id, qid, file string }
	var matches []match
	qidCount := map[string]int{}
	for _, r := range cities.Rows {
		st.Cities++
		id, name, ascii := r[0], r[1], r[2]
		ll, ok := coords[id]
		if !ok {
			continue
		}
		a2 := alpha2[r[3]]
		if !countries[a2] {
			st.CitiesNoSourceFile++
			continue
		}
		var cands []*PlaceCity
		for _, n := range []string{textfold.Fold(name), textfold.Fold(ascii)} {
			for _, c := range byName[key{a2, n}] {
				if !slices.Contains(cands, c) {
					cands = append(cands, c)
				}
			}
		}
		if len(cands) == 0 {
			continue
		}
		// A capital (GeoNames' feature code PPLC, and the name that
		// countries.csv gives the country's capital) matches within
		// capitalRadiusKm: a big city's point may lie anywhere in its area.
		radius := cityRadius(r[4])
		if capital, ok := p.Capitals[a2]; ok && r[6] == "PPLC" &&
			(textfold.Fold(capital) == textfold.Fold(name) || textfold.Fold(capital) == textfold.Fold(ascii)) {
			radius = capitalRadiusKm
			st.CitiesCapital++
		}
		var near []*PlaceCity
		for _, c := range cands {
			if km(ll[0], ll[1], float64(c.Lat), float64(c.Lon)) <= radius {
				near = append(near, c)
			}
		}
		qids := map[string]bool{}
		suspect := false
		for _, c := range near {
			if !src.IsQID(c.Wikidata) {
				continue
			}
			qids[c.Wikidata] = true
			if untrusted[c.Wikidata] && trusted[c.Wikidata] != c {
				suspect = true
			}
			if sn, ok := stateNames[c.Wikidata]; ok && !namesCity(sn, textfold.Fold(c.Name)) && !cityState[c.Wikidata] {
				suspect = true
			}
		}
		switch {
		case len(near) == 0:
			st.CitiesTooFar++
		case suspect:
			st.CitiesSuspectQID++
		case len(qids) > 1:
			st.CitiesAmbiguous++
		case len(qids) == 0:
			st.CitiesNoQID++
		default:
			for _, c := range near {
				if src.IsQID(c.Wikidata) {
					matches = append(matches, match{id, c.Wikidata, c.File})
					qidCount[c.Wikidata]++
					break
				}
			}
		}
	}
	for _, m := range matches {
		if qidCount[m.qid] > 1 {
			st.CitiesSharedQID++
			continue
		}
		if subQIDs[m.qid] {
			st.CitiesSameQIDAsSubdivision++
		}
		st.CitiesMatched++
		t.Rows = append(t.Rows, []string{"geonames:" + m.id, m.qid, m.file})
	}
	return t, st
}

// cityStateTypes are the kinds of subdivision that states.csv gives to a
// city that is a subdivision of its own ("Praha, Hlavní město", a
// "capital city"): a QID it shares with a city of the country is that
// city's whatever its name.
var cityStateTypes = map[string]bool{"city": true, "capital city": true, "state city": true, "autonomous city": true,
	"special city": true, "special self-governing city": true, "city municipality": true}

// cityRadius is how far a GeoNames city of the given population (its
// column, "" or a number) and a places/ city of its name may lie apart:
// cityRadiusKm, or the radius of a disc holding the population at 2,000
// people a square kilometre, a low urban density, for a big city whose
// points the two sources put anywhere in its area (Istanbul's lie 22 km
// apart), at most capitalRadiusKm.
func cityRadius(population string) float64 {
	n, err := strconv.ParseFloat(population, 64)
	if err != nil || n <= 0 {
		return cityRadiusKm
	}
	return min(capitalRadiusKm, max(cityRadiusKm, math.Sqrt(n/(math.Pi*2000))))
}

// namesCity reports whether one of a state's folded names is the city's
// (Berlin) or the city's with "city" ("Nairobi City", "City of
// Tshwane"): then a QID that the state and the city share is the city's.
// A "Tashkent Region" is not its city.
func namesCity(stateNames []string, city string) bool {
	for _, n := range stateNames {
		if n == city || n == city+" city" || n == "city of "+city {
			return true
		}
	}
	return false
}

// copiedDown returns the first of cs when they are consecutive rows of
// one file (ids n, n+1, ...), the row whose QID the others took; else nil.
func copiedDown(cs []*PlaceCity) *PlaceCity {
	sorted := slices.Clone(cs)
	slices.SortFunc(sorted, func(a, b *PlaceCity) int { return cmp.Compare(a.ID, b.ID) })
	for i, c := range sorted {
		if c.File != sorted[0].File || c.ID != sorted[0].ID+int64(i) {
			return nil
		}
	}
	return sorted[0]
}

// km is the great-circle distance between two points given in degrees.
func km(lat1, lon1, lat2, lon2 float64) float64 {
	if math.IsNaN(lat2) || math.IsNaN(lon2) {
		return math.Inf(1)
	}
	const r = 6371.0
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}

// placesSourcesRow is the row of places-wikidata.tsv.gz in SOURCES.md.
func placesSourcesRow(rows int, st PlacesStats, commit string) string {
	version := "commit " + commit
	if commit == "" {
		version = "unrecorded"
	}
	return fmt.Sprintf("| places-wikidata.tsv.gz | %d | Wikidata ids of %d of %d subdivisions (by ISO 3166-2 code, from places/csv/states.csv) and %d of %d cities (same country, same name or ASCII name, within %g km, or for a big city the radius of a disc holding its GeoNames population at 2,000 people a km², or %g km for the %d capitals that GeoNames and countries.csv agree on; a QID shared with a subdivision of the type city or capital city is the city's; a QID that the source copied down to the rows after its own is kept for the first row, %d such; from places/contributions/cities/<ISO2>.json; %d left out as ambiguous or doubtful) from dr5hn/countries-states-cities-database, read from knowledge/places; each row names its file | %s | ODbL-1.0 (Open Database License) |",
		rows, st.SubdivisionsMatched, st.Subdivisions, st.CitiesMatched, st.Cities, cityRadiusKm, capitalRadiusKm, st.CitiesCapital, st.CitiesCopiedDown,
		st.CitiesAmbiguous+st.CitiesSharedQID+st.CitiesSuspectQID+st.SubdivisionsConflicting, version)
}

// placesNote is the ODbL notice for places-wikidata.tsv.gz.
const placesNote = `
places-wikidata.tsv.gz is derived from the Countries States Cities Database (dr5hn/countries-
states-cities-database, github.com/dr5hn/countries-states-cities-database), made available under
the Open Database License 1.0 (opendatacommons.org/licenses/odbl/1-0/). The derived table is in
turn offered under the ODbL 1.0, with this attribution.
`
