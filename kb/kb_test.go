package kb

import (
	"compress/gzip"
	"io"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

var (
	loadOnce sync.Once
	loaded   *KB
	loadErr  error
)

// testKB loads the embedded knowledge base once for all tests.
func testKB(t *testing.T) *KB {
	t.Helper()
	loadOnce.Do(func() { loaded, loadErr = Load() })
	if loadErr != nil {
		t.Fatalf("Load: %v", loadErr)
	}
	return loaded
}

func TestLookup(t *testing.T) {
	k := testKB(t)
	tests := []struct {
		name    string
		wantID  string // the first (most prominent) entry
		kind    string
		typ     string
		country string
	}{
		{"Kazakhstan", "KAZ", KindCountry, TypeLOC, "KAZ"},
		{"Republic of Kazakhstan", "KAZ", KindCountry, TypeLOC, "KAZ"},
		{"Kazakh", "demonym:KAZ", KindDemonym, TypeMISC, "KAZ"},
		{"Kazakhstani", "demonym:KAZ", KindDemonym, TypeMISC, "KAZ"},
		{"Kazakhs", "demonym:KAZ", KindDemonym, TypeMISC, "KAZ"},
		{"Russia", "RUS", KindCountry, TypeLOC, "RUS"},
		{"Russian Federation", "RUS", KindCountry, TypeLOC, "RUS"},
		{"Russian", "demonym:RUS", KindDemonym, TypeMISC, "RUS"},
		{"US", "USA", KindCountry, TypeLOC, "USA"},
		{"USA", "USA", KindCountry, TypeLOC, "USA"},
		{"United States", "USA", KindCountry, TypeLOC, "USA"},
		{"U.S.", "USA", KindCountry, TypeLOC, "USA"},
		{"United States of America", "USA", KindCountry, TypeLOC, "USA"},
		{"UK", "GBR", KindCountry, TypeLOC, "GBR"},
		{"Britain", "GBR", KindCountry, TypeLOC, "GBR"},
		{"United Kingdom", "GBR", KindCountry, TypeLOC, "GBR"},
		{"British", "demonym:GBR", KindDemonym, TypeMISC, "GBR"},
		{"Britons", "demonym:GBR", KindDemonym, TypeMISC, "GBR"},
		{"Poles", "demonym:POL", KindDemonym, TypeMISC, "POL"},
		{"Turkey", "TUR", KindCountry, TypeLOC, "TUR"},
		{"Mangystau", "KZ-MAN", KindRegion, TypeLOC, "KAZ"},
		{"Mangystau Region", "KZ-MAN", KindRegion, TypeLOC, "KAZ"},
		{"Mangghystaū oblysy", "KZ-MAN", KindRegion, TypeLOC, "KAZ"},
		{"mangghystau", "KZ-MAN", KindRegion, TypeLOC, "KAZ"}, // folded: case and diacritics
		{"Pavlodar oblysy", "KZ-PAV", KindRegion, TypeLOC, "KAZ"},
		{"Moscow Oblast", "RU-MOS", KindRegion, TypeLOC, "RUS"},
		{"Bavaria", "DE-BY", KindRegion, TypeLOC, "DEU"},
		{"Zurich", "CH-ZH", KindRegion, TypeLOC, "CHE"}, // the canton; the city follows
		{"Alma-Ata", "KZ-ALA", KindRegion, TypeLOC, "KAZ"},
		{"Kiev", "UA-30", KindRegion, TypeLOC, "UKR"},
		{"CSTO", "org:csto", KindOrganisation, TypeORG, ""},
		{"Collective Security Treaty Organization", "org:csto", KindOrganisation, TypeORG, ""},
		{"NATO", "org:nato", KindOrganisation, TypeORG, ""},
		{"European Union", "org:eu", KindOrganisation, TypeORG, ""},
		{"Red Cross", "org:icrc", KindOrganisation, TypeORG, ""},
		{"Interfax", "media:interfax", KindMedia, TypeORG, "RUS"},
		{"Reuters", "media:reuters", KindMedia, TypeORG, "GBR"},
		{"Xinhua News Agency", "media:xinhua", KindMedia, TypeORG, "CHN"},
		{"State Duma", "body:rus-state-duma", KindBody, TypeORG, "RUS"},
		{"Mazhilis", "body:kaz-mazhilis", KindBody, TypeORG, "KAZ"},
		{"Kazakh Interior Ministry", "body:KAZ:interior-ministry", KindBody, TypeORG, "KAZ"},
		{"Ministry of Internal Affairs of Kazakhstan", "body:KAZ:interior-ministry", KindBody, TypeORG, "KAZ"},
		{"Ministry of Internal Affairs of the Republic of Kazakhstan", "body:KAZ:interior-ministry", KindBody, TypeORG, "KAZ"},
		{"Kazakhstan's Interior Ministry", "body:KAZ:interior-ministry", KindBody, TypeORG, "KAZ"},
		{"Security Council of the Russian Federation", "body:RUS:security-council", KindBody, TypeORG, "RUS"},
		{"Ministry of Defence of the Netherlands", "body:NLD:defence-ministry", KindBody, TypeORG, "NLD"},
		{"Russian parliament", "body:RUS:parliament", KindBody, TypeORG, "RUS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := k.Lookup(tt.name)
			if len(got) == 0 {
				t.Fatalf("Lookup(%q) found nothing", tt.name)
			}
			e := got[0]
			if e.ID != tt.wantID || e.Kind != tt.kind || e.Type != tt.typ || e.Country != tt.country {
				t.Errorf("Lookup(%q)[0] = %s kind %q type %s country %q; want %s %q %s %q (all: %v)",
					tt.name, e.ID, e.Kind, e.Type, e.Country, tt.wantID, tt.kind, tt.typ, tt.country, ids(got))
			}
		})
	}
}

func TestLookupUnknown(t *testing.T) {
	k := testKB(t)
	for _, name := range []string{"", "Xyzzyland", "the", "Island", "IN", "Briton Parliament"} {
		if got := k.Lookup(name); len(got) != 0 {
			t.Errorf("Lookup(%q) = %v, want nothing", name, ids(got))
		}
	}
}

func TestKazakhstan(t *testing.T) {
	k := testKB(t)
	e, ok := k.Get("KAZ")
	if !ok {
		t.Fatal("no KAZ")
	}
	if e.Name != "Kazakhstan" || e.Alpha2 != "KZ" || e.Capital != "Astana" || !e.Independent {
		t.Errorf("KAZ = %+v", e)
	}
	for _, d := range []string{"Kazakh", "Kazakhstani"} {
		if !slices.Contains(e.Demonyms, d) {
			t.Errorf("KAZ demonyms %q lack %q", e.Demonyms, d)
		}
	}
	if e.Demonyms[0] != "Kazakh" {
		t.Errorf("KAZ first demonym %q, want Kazakh", e.Demonyms[0])
	}
}

func TestAlmaty(t *testing.T) {
	k := testKB(t)
	var city *Entry
	for _, e := range k.Lookup("Almaty") {
		if e.Kind == KindCity {
			city = &e
			break
		}
	}
	if city == nil {
		t.Fatalf("no city Almaty: %v", ids(k.Lookup("Almaty")))
	}
	if city.Country != "KAZ" || city.Population <= 1_000_000 || city.Type != TypeLOC {
		t.Errorf("Almaty = %+v, want a city of KAZ with over a million people", *city)
	}
}

func TestOrganisationMembers(t *testing.T) {
	k := testKB(t)
	tests := []struct {
		id      string
		members []string
		qid     string
	}{
		// The QIDs of csto, eaeu and un come from SupraVerden's lists
		// (kb/data/SOURCES.md), NATO's from the every-politician extracts.
		{"org:csto", []string{"ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"}, "Q318693"},
		{"org:eaeu", []string{"ARM", "BLR", "KAZ", "KGZ", "RUS"}, "Q4173083"},
		{"org:nato", nil, "Q7184"},
		{"org:un", nil, "Q1065"},
	}
	for _, tt := range tests {
		e, ok := k.Get(tt.id)
		if !ok {
			t.Errorf("no %s", tt.id)
			continue
		}
		for _, m := range tt.members {
			if !slices.Contains(e.Members, m) {
				t.Errorf("%s members %v lack %s", tt.id, e.Members, m)
			}
		}
		if e.Wikidata != tt.qid {
			t.Errorf("%s wikidata %q, want %q", tt.id, e.Wikidata, tt.qid)
		}
	}
	if e, _ := k.Get("org:nato"); len(e.Members) != 32 {
		t.Errorf("NATO has %d members, want 32", len(e.Members))
	}
}

// TestRequiredOrganisations checks that the bodies the issue names are
// all there.
func TestRequiredOrganisations(t *testing.T) {
	k := testKB(t)
	for _, name := range []string{"CSTO", "NATO", "EU", "UN", "OSCE", "CIS", "EAEU", "SCO", "IMF", "WHO",
		"OPEC", "WTO", "World Bank", "BRICS", "G7", "G20", "ASEAN", "African Union", "Arab League", "OAS",
		"Interpol", "IAEA", "ICC", "ICJ", "UNHCR", "UNICEF", "ICRC", "Red Cross"} {
		found := false
		for _, e := range k.Lookup(name) {
			if e.Kind == KindOrganisation {
				found = true
			}
		}
		if !found {
			t.Errorf("no organisation %q", name)
		}
	}
	for _, name := range []string{"Interfax", "TASS", "RIA Novosti", "Reuters", "AP", "AFP", "Xinhua", "BBC",
		"CNN", "Al Jazeera", "Bloomberg", "DPA", "EFE", "ANSA", "Kyodo", "Yonhap"} {
		found := false
		for _, e := range k.Lookup(name) {
			if e.Kind == KindMedia {
				found = true
			}
		}
		if !found {
			t.Errorf("no media %q", name)
		}
	}
}

// TestEntries checks invariants that every entry must keep.
func TestEntries(t *testing.T) {
	k := testKB(t)
	counts := map[string]int{}
	seen := map[string]bool{}
	k.Entries(func(e Entry) bool {
		counts[e.Kind]++
		if seen[e.ID] {
			t.Errorf("duplicate ID %q", e.ID)
		}
		seen[e.ID] = true
		if got, ok := k.Get(e.ID); !ok || got.Name != e.Name {
			t.Errorf("Get(%q) = %v, %v", e.ID, got.ID, ok)
		}
		if e.Name == "" {
			t.Errorf("%s has no name", e.ID)
		}
		want := map[string]string{KindCountry: TypeLOC, KindRegion: TypeLOC, KindCity: TypeLOC,
			KindOrganisation: TypeORG, KindMedia: TypeORG, KindBody: TypeORG, KindPerson: TypePER,
			KindDemonym: TypeMISC, KindCompany: TypeORG, KindClub: TypeORG, KindNationalTeam: TypeORG,
			KindLeague: TypeMISC, KindParty: TypeORG, KindWorldRegion: TypeLOC}[e.Kind]
		if want == "" || e.Type != want {
			t.Errorf("%s: kind %q type %q", e.ID, e.Kind, e.Type)
		}
		// Organisations, companies and sports bodies may be of no one
		// country (a world body, a continental cup, a company whose
		// source gives no country), and so may generated office holders
		// (officials of international bodies, of disputed territories)
		// and parties (seen only in repos of no single country), and
		// continents; the others must name one.
		international := e.Kind == KindOrganisation || e.Kind == KindCompany || e.Kind == KindClub ||
			e.Kind == KindNationalTeam || e.Kind == KindLeague || e.Office != nil || e.Kind == KindParty || e.Kind == KindWorldRegion
		if !international || e.Country != "" {
			if c, ok := k.Get(e.Country); !ok || c.Kind != KindCountry {
				t.Errorf("%s: country %q is not a country", e.ID, e.Country)
			}
		}
		for _, a := range e.Aliases {
			if a == "" || a == e.Name || strings.ContainsAny(a, "\t\n|{}") {
				t.Errorf("%s: bad alias %q", e.ID, a)
			}
		}
		return true
	})
	for kind, min := range map[string]int{KindCountry: 249, KindRegion: 5000, KindCity: 20000,
		KindOrganisation: 280, KindMedia: 80, KindBody: 5000, KindPerson: 450, KindDemonym: 240, KindWorldRegion: 20} {
		if counts[kind] < min {
			t.Errorf("%d entries of kind %q, want at least %d", counts[kind], kind, min)
		}
	}
	if n := k.Len(); n != sum(counts) {
		t.Errorf("Len %d, counted %d", n, sum(counts))
	}
}

func TestGazetteer(t *testing.T) {
	k := testKB(t)
	g := k.Gazetteer()
	// Every entry but the generated office holders, which are linked
	// only, has a name in the gazetteer.
	named := 0
	k.Entries(func(e Entry) bool {
		if e.Office == nil {
			named++
		}
		return true
	})
	if len(g) < named {
		t.Fatalf("gazetteer has %d names for %d entries", len(g), named)
	}
	want := map[GazetteerName]bool{
		{Name: "Kazakhstan", Folded: "kazakhstan", Type: TypeLOC, Kind: KindCountry, ID: "KAZ"}:                   false,
		{Name: "Kazakh", Folded: "kazakh", Type: TypeMISC, Kind: KindDemonym, ID: "demonym:KAZ"}:                  false,
		{Name: "Mangghystaū oblysy", Folded: "mangghystau oblysy", Type: TypeLOC, Kind: KindRegion, ID: "KZ-MAN"}: false,
		{Name: "CSTO", Folded: "csto", Type: TypeORG, Kind: KindOrganisation, ID: "org:csto"}:                     false,
		{Name: "U.S.", Folded: "u.s.", Type: TypeLOC, Kind: KindCountry, ID: "USA"}:                               false,
		{Name: "Tokayev", Folded: "tokayev", Type: TypePER, Kind: KindPerson, ID: "person:kassym-jomart-tokayev"}: false,
	}
	for i, n := range g {
		if n.Folded != Fold(n.Name) {
			t.Fatalf("%+v: folded form is not Fold(Name)", n)
		}
		if i > 0 && g[i-1].Folded > n.Folded {
			t.Fatalf("not sorted: %q before %q", g[i-1].Folded, n.Folded)
		}
		if _, ok := want[n]; ok {
			want[n] = true
		}
	}
	for n, found := range want {
		if !found {
			t.Errorf("gazetteer lacks %+v", n)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Kazakhstan", "kazakhstan"},
		{"Mangghystaū", "mangghystau"},
		{"São Paulo", "sao paulo"},
		{"Côte d’Ivoire", "cote d'ivoire"},
		{"Łódź", "lodz"},
		{"Straße", "strasse"},
		{"Guinea–Bissau", "guinea-bissau"},
		{"  New\tYork \n City ", "new york city"},
		{"U.S.", "u.s."},
		{"Ærø", "aero"},
		{"Москва", "москва"}, // other scripts keep their letters
		{"", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestConcurrentLookup(t *testing.T) {
	k := testKB(t)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 200 {
				if got := k.Lookup("Kazakhstan"); len(got) == 0 || got[0].ID != "KAZ" {
					t.Errorf("Lookup(Kazakhstan) = %v", ids(got))
					return
				}
			}
		})
	}
	wg.Wait()
}

// TestLoadErrors loads small broken knowledge bases and checks that the
// error names the file and the fault.
func TestLoadErrors(t *testing.T) {
	good := fixture()
	if _, err := load(good); err != nil {
		t.Fatalf("fixture: %v", err)
	}
	tests := []struct {
		name, file, content, wantErr string
	}{
		{"bad header", "curated/media.tsv", "id\tname\n", "curated/media.tsv"},
		{"unknown media country", "curated/media.tsv", "id\tname\taliases\tcountry\tkind\tsource\nmedia:x\tX\t\tZZZ\tnews agency\tunsourced\n", "unknown country \"ZZZ\""},
		{"unknown member", "curated/organisations.tsv", "id\twikidata\tacronym\tname\taliases\tkind\tmembers\tfounded\tsource\norg:x\t\tX\tX Org\t\tforum\tKAZ|QQQ\t\tunsourced\n", "unknown country \"QQQ\""},
		{"bad qid", "curated/organisations.tsv", "id\twikidata\tacronym\tname\taliases\tkind\tmembers\tfounded\tsource\norg:x\tX7\tX\tX Org\t\tforum\t\t\tx.csv\n", "not a QID"},
		{"duplicate id", "curated/media.tsv", "id\tname\taliases\tcountry\tkind\tsource\nmedia:x\tX\t\tKAZ\tnews agency\tunsourced\nmedia:x\tY\t\tKAZ\tnews agency\tunsourced\n", "duplicate id"},
		{"unknown placeholder", "curated/bodies.tsv", "id\tkind\tcountry\tname\taliases\nx\tministry\t\tMinistry of {nation}\t\n", "unknown placeholder"},
		{"unknown place", "curated/places.tsv", "id\tname\taliases\nXX-YY\tNowhere\t\n", "unknown region or city"},
		{"drop missing alias", "curated/countries.tsv", "id\taliases\tdemonyms\tnouns\tarticle\tdrop\nKAZ\t\t\t\t\tAtlantis\n", "no alias"},
		{"short row", "curated/places.tsv", "id\tname\taliases\nKZ-MAN\n", "1 fields, want 3"},
		{"person prefix", "curated/people.tsv", peopleHeader + "tokayev\t\t\tKassym-Jomart Tokayev\tTokayev\t\tKAZ\t\tunsourced\n", "does not start with person:"},
		{"person country", "curated/people.tsv", peopleHeader + "person:x\t\t\tX Y\tY\t\tZZZ\t\tunsourced\n", "unknown country \"ZZZ\""},
		{"person qid", "curated/people.tsv", peopleHeader + "person:x\tQ0\t\tX Y\tY\t\tKAZ\t\tunsourced\n", "not a QID"},
		{"person short name", "curated/people.tsv", peopleHeader + "person:x\t\t\tX Y\t\t\tKAZ\t\tunsourced\n", "no name or short name"},
		{"person unsourced qid", "curated/people.tsv", peopleHeader + "person:x\tQ5\t\tX Y\tY\t\tKAZ\t\tunsourced\n", "unsourced row with wikidata"},
		{"person no source", "curated/people.tsv", peopleHeader + "person:x\t\t\tX Y\tY\t\tKAZ\t\t\n", "no source"},
		{"person born", "curated/people.tsv", peopleHeader + "person:x\t\t\tX Y\tY\t\tKAZ\t53\tunsourced\n", "born \"53\""},
		{"role person", "curated/roles.tsv", rolesHeader + "person:nobody\thead of state\tKAZ\t2019-03-20\t\t\tunsourced\n", "unknown person"},
		{"role of a city", "curated/roles.tsv", rolesHeader + "person:kassym-jomart-tokayev\tmayor\tgeonames:610612\t2019\t\t\tunsourced\n", "not a country or organisation"},
		{"role date", "curated/roles.tsv", rolesHeader + "person:kassym-jomart-tokayev\thead of state\tKAZ\t20.03.2019\t\t\tunsourced\n", "want YYYY-MM-DD"},
		{"role bad day", "curated/roles.tsv", rolesHeader + "person:kassym-jomart-tokayev\thead of state\tKAZ\t2019-02-30\t\t\tunsourced\n", "want YYYY-MM-DD"},
		{"role until before from", "curated/roles.tsv", rolesHeader + "person:kassym-jomart-tokayev\thead of state\tKAZ\t2019-03-20\t2019-03\t\tunsourced\n" +
			"person:kassym-jomart-tokayev\thead of state\tKAZ\t2019-03-20\t2019-03-19\t\tunsourced\n", "until 2019-03-19 before from 2019-03-20"},
		{"wikidata unknown", "curated/wikidata.tsv", "id\twikidata\tsource\nXYZ\tQ1\tx.csv\n", "unknown id"},
		{"wikidata conflict", "curated/wikidata.tsv", "id\twikidata\tsource\nKAZ\tQ232\tx.csv\nKAZ\tQ1\tx.csv\n", "already Q232"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fixture()
			fsys[tt.file] = &fstest.MapFile{Data: []byte(tt.content)}
			_, err := load(fsys)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

// fixture is a tiny knowledge base in the embedded layout.
func fixture() fstest.MapFS {
	return fstest.MapFS{
		"data/countries.tsv.gz":    {Data: gz("id\talpha2\tname\tofficial\taliases\tdemonyms\tcapital\tindependent\nKAZ\tKZ\tKazakhstan\tRepublic of Kazakhstan\tQazaqstan\tKazakhstani\tAstana\ttrue\n")},
		"data/subdivisions.tsv.gz": {Data: gz("code\tcountry\tname\ttype\tparent\taliases\nKZ-MAN\tKAZ\tMangghystaū oblysy\tRegion\t\tMangghystaū\n")},
		"data/cities.tsv.gz":       {Data: gz("geonames_id\tname\tascii_name\tcountry\tpopulation\tadmin1\tfeature_code\n610612\tAktau\tAktau\tKAZ\t147443\t09\tPPLA\n")},
		"curated/countries.tsv":    {Data: []byte("id\taliases\tdemonyms\tnouns\tarticle\tdrop\nKAZ\t\tKazakh\t\t\t\n")},
		"curated/places.tsv":       {Data: []byte("id\tname\taliases\nKZ-MAN\tMangystau Region\tMangystau\n")},
		"curated/organisations.tsv": {Data: []byte("id\twikidata\tacronym\tname\taliases\tkind\tmembers\tfounded\tsource\n" +
			"org:csto\t\tCSTO\tCollective Security Treaty Organization\t\tmilitary alliance\tKAZ\t2002\tunsourced\n")},
		"curated/media.tsv":    {Data: []byte("id\tname\taliases\tcountry\tkind\tsource\nmedia:kazinform\tKazinform\t\tKAZ\tnews agency\tunsourced\n")},
		"curated/bodies.tsv":   {Data: []byte("id\tkind\tcountry\tname\taliases\nparliament\tparliament\t\tParliament of {country}\t{demonym} parliament\n")},
		"curated/people.tsv":   {Data: []byte(peopleHeader + "person:kassym-jomart-tokayev\t\t\tKassym-Jomart Tokayev\tTokayev\tKasym-Zhomart Tokayev\tKAZ\t1953\tunsourced\n")},
		"curated/wikidata.tsv": {Data: []byte("id\twikidata\tsource\nKAZ\tQ232\tplaces/csv/countries.csv\n")},
		"curated/roles.tsv": {Data: []byte(rolesHeader + "person:kassym-jomart-tokayev\thead of state\tKAZ\t2019-03-20\t\tPresident\tunsourced\n" +
			"person:kassym-jomart-tokayev\tsecretary general\torg:csto\t2030\t2030\t\tunsourced\n")},
	}
}

const (
	peopleHeader = "id\twikidata\twikipedia\tname\tshort_name\taliases\tcountry\tborn\tsource\n"
	rolesHeader  = "person\trole\tof\tfrom\tuntil\tnote\tsource\n"
)

func TestFixture(t *testing.T) {
	k, err := load(fixture())
	if err != nil {
		t.Fatal(err)
	}
	// 1 country + 1 region + 1 city + 1 organisation + 1 medium + 1 body + 1 person + 1 demonym.
	if k.Len() != 8 {
		t.Errorf("Len = %d, want 8", k.Len())
	}
	if e, _ := k.Get("KAZ"); e.Wikidata != "Q232" || e.ShortName != "Kazakhstan" {
		t.Errorf("KAZ wikidata %q short name %q", e.Wikidata, e.ShortName)
	}
	if got := k.Lookup("kasym-zhomart tokayev"); len(got) != 1 || got[0].Born != 1953 || got[0].Kind != KindPerson {
		t.Errorf("Lookup(kasym-zhomart tokayev) = %+v", got)
	}
	if got := k.HoldersOn("Head of State", "KAZ", day("2024-01-01")); len(got) != 1 || got[0].ShortName != "Tokayev" {
		t.Errorf("HoldersOn(head of state, KAZ) = %v", ids(got))
	}
	// A term written to the year ("2030" to "2030") spans the year.
	for _, d := range []string{"2030-01-01", "2030-12-31"} {
		if got := k.HoldersOn("secretary general", "org:csto", day(d)); len(got) != 1 {
			t.Errorf("HoldersOn(secretary general, org:csto, %s) = %v", d, ids(got))
		}
	}
	if got := k.HoldersOn("secretary general", "org:csto", day("2031-01-01")); len(got) != 0 {
		t.Errorf("HoldersOn(secretary general, org:csto, 2031-01-01) = %v", ids(got))
	}
	got := k.Lookup("kazakh parliament")
	if len(got) != 1 || got[0].ID != "body:KAZ:parliament" || got[0].Name != "Parliament of Kazakhstan" {
		t.Errorf("Lookup(kazakh parliament) = %+v", got)
	}
	if got := k.Lookup("Parliament of the Republic of Kazakhstan"); len(got) != 1 {
		t.Errorf("official-name pattern not expanded: %v", ids(got))
	}
}

func gz(s string) []byte {
	var b strings.Builder
	if err := writeGzipText(&b, s); err != nil {
		panic(err)
	}
	return []byte(b.String())
}

func writeGzipText(w io.Writer, s string) error {
	zw := gzip.NewWriter(w)
	if _, err := io.WriteString(zw, s); err != nil {
		return err
	}
	return zw.Close()
}

func ids(es []Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.ID)
	}
	return out
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

func TestOfKind(t *testing.T) {
	k, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	teams := k.OfKind(KindNationalTeam)
	if len(teams) < 200 {
		t.Fatalf("%d national teams, want the sources' 233", len(teams))
	}
	for _, e := range teams {
		if e.Kind != KindNationalTeam {
			t.Fatalf("%s is a %s", e.ID, e.Kind)
		}
	}
	if k.holders != nil && k.holders.idx != nil {
		t.Error("OfKind read the office holders")
	}
}
