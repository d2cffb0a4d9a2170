package kb

import (
	"io/fs"
	"slices"
	"testing"
	"time"

	"tidings/kb/internal/table"
)

// day parses a YYYY-MM-DD date for tests.
func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestPeopleLookup(t *testing.T) {
	k := testKB(t)
	tests := []struct{ name, wantID string }{
		{"Tokayev", "person:kassym-jomart-tokayev"},
		{"Kassym-Jomart Tokayev", "person:kassym-jomart-tokayev"},
		{"Kasym-Zhomart Tokayev", "person:kassym-jomart-tokayev"},
		{"Kassym-Zhomart Tokayev", "person:kassym-jomart-tokayev"},
		{"Kasymzhomart Tokayev", "person:kassym-jomart-tokayev"},
		{"Qasym-Jomart Toqaev", "person:kassym-jomart-tokayev"},
		{"KASSYM-JOMART TOKAYEV", "person:kassym-jomart-tokayev"}, // case folded
		{"Kassym–Jomart Tokayev", "person:kassym-jomart-tokayev"}, // en dash folded
		{"Nazarbayev", "person:nursultan-nazarbayev"},
		{"Nursultan Nazarbaev", "person:nursultan-nazarbayev"},
		{"Putin", "person:vladimir-putin"},
		{"Vladimir Putin", "person:vladimir-putin"},
		{"Lukashenka", "person:alexander-lukashenko"},
		{"Aliaksandr Lukashenka", "person:alexander-lukashenko"},
		{"Nikol Pashinian", "person:nikol-pashinyan"},
		{"Emomali Rakhmon", "person:emomali-rahmon"},
		{"Sadyr Zhaparov", "person:sadyr-japarov"},
		{"Mirziyoyev", "person:shavkat-mirziyoyev"},
		{"Askar Mamin", "person:askar-mamin"},
		{"Alikhan Smailov", "person:alikhan-smailov"},
		{"Zelenskyy", "person:volodymyr-zelensky"},
		{"Erdogan", "person:recep-tayyip-erdogan"}, // diacritics folded
		{"Recep Tayyip Erdoğan", "person:recep-tayyip-erdogan"},
		{"Xi", "person:xi-jinping"},
		{"Xi Jinping", "person:xi-jinping"},
		{"Rüütel", "person:arnold-ruutel"},
		{"Gurbanguly Berdymukhamedov", "person:gurbanguly-berdimuhamedow"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := k.Lookup(tt.name)
			if len(got) == 0 || got[0].ID != tt.wantID {
				t.Fatalf("Lookup(%q) = %v, want %s first", tt.name, ids(got), tt.wantID)
			}
			if e := got[0]; e.Kind != KindPerson || e.Type != TypePER || e.ShortName == "" || e.Country == "" {
				t.Errorf("%s = %+v", e.ID, e)
			}
		})
	}
	// A surname two people share finds both.
	if got := k.Lookup("Japarov"); !slices.Contains(ids(got), "person:sadyr-japarov") || !slices.Contains(ids(got), "person:akylbek-japarov") {
		t.Errorf("Lookup(Japarov) = %v", ids(got))
	}
}

func TestPersonEntry(t *testing.T) {
	k := testKB(t)
	e, ok := k.Get("person:kassym-jomart-tokayev")
	if !ok {
		t.Fatal("no Tokayev")
	}
	if e.Name != "Kassym-Jomart Tokayev" || e.ShortName != "Tokayev" || e.Country != "KAZ" || e.Born != 1953 {
		t.Errorf("Tokayev = %+v", e)
	}
	if len(e.Aliases) == 0 || e.Aliases[0] != "Tokayev" {
		t.Errorf("Tokayev's aliases %q should start with the short name", e.Aliases)
	}
	if e, _ := k.Get("person:vladimir-putin"); e.Wikidata != "Q7747" {
		t.Errorf("Putin wikidata %q", e.Wikidata)
	}
}

func TestShortNames(t *testing.T) {
	k := testKB(t)
	for id, want := range map[string]string{
		"KAZ": "Kazakhstan", "RUS": "Russia", "USA": "United States",
		"org:csto": "CSTO", "org:un": "UN", "org:world-bank": "World Bank",
		"person:xi-jinping": "Xi", "person:nursultan-nazarbayev": "Nazarbayev",
	} {
		if e, _ := k.Get(id); e.ShortName != want {
			t.Errorf("%s short name %q, want %q", id, e.ShortName, want)
		}
	}
}

func TestCountryWikidata(t *testing.T) {
	k := testKB(t)
	for id, want := range map[string]string{"KAZ": "Q232", "RUS": "Q159", "USA": "Q30", "GBR": "Q145", "UKR": "Q212"} {
		if e, _ := k.Get(id); e.Wikidata != want {
			t.Errorf("%s wikidata %q, want %q", id, e.Wikidata, want)
		}
	}
}

func TestHoldersOn(t *testing.T) {
	k := testKB(t)
	tests := []struct {
		role, of, on string
		want         []string
	}{
		{"head of state", "KAZ", "2022-01-06", []string{"person:kassym-jomart-tokayev"}},
		{"head of state", "KAZ", "2019-03-19", []string{"person:nursultan-nazarbayev"}},
		{"head of state", "KAZ", "2019-03-20", []string{"person:kassym-jomart-tokayev"}}, // the handover day is the successor's
		{"chairman of the Security Council", "KAZ", "2022-01-04", []string{"person:nursultan-nazarbayev"}},
		{"chairman of the Security Council", "KAZ", "2022-01-06", []string{"person:kassym-jomart-tokayev"}},
		{"chairman of the Security Council", "KAZ", "2010-01-01", []string{"person:nursultan-nazarbayev"}},  // open start
		{"Chairman of the Security Council", "KAZ", "2022-01-06", []string{"person:kassym-jomart-tokayev"}}, // role folded
		{"head of government", "KAZ", "2020-06-01", []string{"person:askar-mamin"}},
		{"head of government", "KAZ", "2023-06-01", []string{"person:alikhan-smailov"}},
		{"head of state", "RUS", "2010-06-01", []string{"person:dmitry-medvedev"}},
		{"head of government", "RUS", "2010-06-01", []string{"person:vladimir-putin"}},
		{"head of state", "RUS", "2000-03-01", []string{"person:vladimir-putin"}},
		{"head of state", "RUS", "2024-06-01", []string{"person:vladimir-putin"}},
		{"head of state", "BLR", "2005-01-01", []string{"person:alexander-lukashenko"}},
		{"head of government", "ARM", "2020-01-01", []string{"person:nikol-pashinyan"}},
		{"head of state", "TJK", "2015-01-01", []string{"person:emomali-rahmon"}},
		{"head of state", "KGZ", "2022-01-01", []string{"person:sadyr-japarov"}},
		{"head of state", "UZB", "2018-01-01", []string{"person:shavkat-mirziyoyev"}},
		{"head of state", "USA", "2010-06-01", []string{"person:barack-obama"}},
		{"head of state", "GBR", "2010-06-01", []string{"person:elizabeth-ii"}},
		{"head of government", "DEU", "2010-06-01", []string{"person:angela-merkel"}},
		{"secretary general", "org:un", "2010-06-01", []string{"person:ban-ki-moon"}},
		{"secretary general", "org:csto", "2024-01-01", []string{"person:imangali-tasmagambetov"}},
		// Overlapping terms: a suspended president and the acting one.
		{"head of state", "BRA", "2016-06-01", []string{"person:dilma-rousseff", "person:michel-temer"}},
		{"head of state", "KAZ", "1985-01-01", nil},
		{"head of state", "XXX", "2020-01-01", nil},
	}
	for _, tt := range tests {
		got := ids(k.HoldersOn(tt.role, tt.of, day(tt.on)))
		if !slices.Equal(got, tt.want) {
			t.Errorf("HoldersOn(%q, %q, %s) = %v, want %v", tt.role, tt.of, tt.on, got, tt.want)
		}
	}
	// Putin was not head of state while Medvedev was.
	for _, e := range k.HoldersOn("head of state", "RUS", day("2010-06-01")) {
		if e.ID == "person:vladimir-putin" {
			t.Error("Putin head of state on 2010-06-01")
		}
	}
	// The day of a time in another zone is its own calendar day.
	almaty := time.FixedZone("ALMT", 5*3600)
	if got := ids(k.HoldersOn("head of state", "KAZ", time.Date(2019, 3, 20, 1, 0, 0, 0, almaty))); !slices.Equal(got, []string{"person:kassym-jomart-tokayev"}) {
		t.Errorf("HoldersOn at 01:00 in Almaty on 2019-03-20 = %v", got)
	}
}

func TestRoles(t *testing.T) {
	k := testKB(t)
	putin := k.Roles("person:vladimir-putin")
	var terms []string
	for _, r := range putin {
		if r.Of == "RUS" {
			terms = append(terms, r.Role+" "+r.From.Format(time.DateOnly))
		}
	}
	want := []string{"head of government 1999-08-09", "head of state 1999-12-31", "head of government 2008-05-08", "head of state 2012-05-07"}
	if !slices.Equal(terms, want) {
		t.Errorf("Putin's terms %q, want %q", terms, want)
	}
	if r := putin[len(putin)-1]; !r.Until.IsZero() {
		t.Errorf("Putin's last term ends %v, want open", r.Until)
	}
	if got := k.Roles("person:nobody"); got != nil {
		t.Errorf("Roles(nobody) = %v", got)
	}
}

func TestRoleOn(t *testing.T) {
	tests := []struct {
		from, until, on string
		want            bool
	}{
		{"2019-03-20", "", "2019-03-20", true},
		{"2019-03-20", "", "2019-03-19", false},
		{"2019-03-20", "2022-01-05", "2022-01-04", true},
		{"2019-03-20", "2022-01-05", "2022-01-05", false},
		{"2001-12-31", "2001-12-31", "2001-12-31", true}, // one day
		{"", "2022-01-05", "1990-01-01", true},
	}
	for _, tt := range tests {
		var r Role
		if tt.from != "" {
			r.From = day(tt.from)
		}
		if tt.until != "" {
			r.Until = day(tt.until)
		}
		if got := r.On(day(tt.on)); got != tt.want {
			t.Errorf("[%s, %s).On(%s) = %v, want %v", tt.from, tt.until, tt.on, got, tt.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct{ in, start, end string }{
		{"2019-03-20", "2019-03-20", "2019-03-20"},
		{"2019-03", "2019-03-01", "2019-04-01"},
		{"2019", "2019-01-01", "2020-01-01"},
		{"2019-12", "2019-12-01", "2020-01-01"},
	}
	for _, tt := range tests {
		s, e, err := parseDate(tt.in)
		if err != nil || !s.Equal(day(tt.start)) || !e.Equal(day(tt.end)) {
			t.Errorf("parseDate(%q) = %v, %v, %v", tt.in, s, e, err)
		}
	}
	for _, bad := range []string{"19", "2019-3-20", "2019-13", "2019-02-30", "20.03.2019", "1850"} {
		if _, _, err := parseDate(bad); err == nil {
			t.Errorf("parseDate(%q) succeeded", bad)
		}
	}
}

// TestCuratedPeople checks every row of people.tsv and roles.tsv against
// the loaded knowledge base: each parses, each role's person exists, each
// role is held of a country or organisation, with from <= until, and the
// roles use the table's vocabulary (a misspelt role would match nothing).
func TestCuratedPeople(t *testing.T) {
	k := testKB(t)
	people := readCurated(t, "curated/people.tsv", personColumns)
	roles := readCurated(t, "curated/roles.tsv", roleColumns)
	for _, r := range people.Rows {
		if e, ok := k.Get(r[0]); !ok || e.Kind != KindPerson || e.Name != r[3] || e.Source != r[8] || e.Wikidata != r[1] || e.Wikipedia != r[2] {
			t.Errorf("people.tsv %s: loaded as %+v", r[0], e)
		}
	}
	if len(roles.Rows) != len(k.roles) {
		t.Errorf("roles.tsv has %d rows, %d loaded", len(roles.Rows), len(k.roles))
	}
	vocabulary := map[string]bool{
		"head of state": true, "head of government": true, "foreign minister": true, "defence minister": true,
		"finance minister": true, "secretary general": true, "president": true, "managing director": true,
		"director-general": true, "executive secretary": true, "chairman of the Board": true,
		"high representative": true, "crown prince": true, "general secretary of the Communist Party": true,
		"chairman of the Security Council": true, "deputy chairman of the Security Council": true,
		"secretary of the Security Council": true, "secretary of the National Security and Defence Council": true,
		"chairman of the Senate": true, "chairman of the National Assembly": true,
		"chairman of the People's Council": true, "director of the Federal Security Service": true,
		"director of the Foreign Intelligence Service": true,
	}
	perPerson := map[string]int{}
	for i, r := range k.roles {
		perPerson[r.Person]++
		if e, ok := k.Get(r.Person); !ok || e.Kind != KindPerson {
			t.Errorf("role %d: unknown person %q", i, r.Person)
		}
		if e, ok := k.Get(r.Of); !ok || (e.Kind != KindCountry && e.Kind != KindOrganisation) {
			t.Errorf("role %d (%s): %q is not a country or organisation", i, r.Person, r.Of)
		}
		if !r.From.IsZero() && !r.Until.IsZero() && r.Until.Before(r.From) {
			t.Errorf("role %d (%s %s of %s): until %v before from %v", i, r.Person, r.Role, r.Of, r.Until, r.From)
		}
		if !vocabulary[r.Role] {
			t.Errorf("role %d (%s): role %q is not in the vocabulary", i, r.Person, r.Role)
		}
		if r.From.IsZero() && r.Until.IsZero() {
			t.Errorf("role %d (%s %s of %s): neither start nor end", i, r.Person, r.Role, r.Of)
		}
	}
	// Everyone in people.tsv holds some role.
	for _, r := range people.Rows {
		if perPerson[r[0]] == 0 {
			t.Errorf("%s has no role", r[0])
		}
	}
}

func readCurated(t *testing.T, name string, cols []string) table.Table {
	t.Helper()
	raw, err := fs.ReadFile(files, name)
	if err != nil {
		t.Fatal(err)
	}
	tab, err := table.Parse(string(raw), cols)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return tab
}
