// Package kb is tidings' knowledge base: countries, their subdivisions and
// cities, international organisations, news media, government bodies and
// people, with the names they go by, and the roles people held over time
// (Roles, HoldersOn). The named-entity recogniser uses its names as
// gazetteers and the entity linker resolves mentions to its entries.
//
// The data is embedded: kb/data holds tables generated from maintained
// packages by kb/gen (`go generate ./kb`; see data/SOURCES.md), kb/curated
// holds hand-written facts. Load parses both into a read-only KB that is
// safe for concurrent use.
package kb

//go:generate go run ./gen

import (
	"embed"
	"slices"
	"strconv"
	"strings"
	"time"

	"tidings/kb/internal/textfold"
)

//go:embed data curated
var files embed.FS

// Kinds of entry.
const (
	KindCountry      = "country"
	KindRegion       = "region" // a first- or second-level subdivision (ISO 3166-2)
	KindCity         = "city"
	KindOrganisation = "organisation"
	KindMedia        = "media"
	KindBody         = "government body"
	KindPerson       = "person"
	KindDemonym      = "demonym"
	KindCompany      = "company"       // a company of the SEC's list (its CIK), tier 0 when in the S&P 500
	KindClub         = "club"          // a football club (openfootball)
	KindNationalTeam = "national team" // a national football team (openfootball)
	KindLeague       = "league"        // a football competition (openfootball)
	KindWorldRegion  = "world region"  // a continent or a UN subregion ("Asia", "Western Europe"; places/)
	// KindParty is a political party or parliamentary group that the
	// everypolitician Wikidata extracts name for their people
	// (data/parties.tsv.gz); its Tier ranks it by the people listed with
	// it, 0 for the most.
	KindParty = "party"
)

// NER types.
const (
	TypeLOC  = "LOC"
	TypeORG  = "ORG"
	TypePER  = "PER"
	TypeMISC = "MISC"
)

// Entry is one entity of the knowledge base. Entries returned by a KB are
// shared: treat their slices as read-only.
type Entry struct {
	// ID is stable and unique: "KAZ" (country, ISO 3166-1 alpha-3),
	// "KZ-MAN" (region, ISO 3166-2), "geonames:1526384" (city),
	// "org:csto", "media:interfax", "body:rus-state-duma" (a named body),
	// "body:KAZ:interior-ministry" (a body from a pattern),
	// "person:kassym-jomart-tokayev", "demonym:KAZ".
	ID   string `json:"id"`
	Name string `json:"name"` // preferred English name
	// ShortName is the form an editor uses as a tag: a person's surname
	// or usual short form ("Tokayev", "Xi"), a country's common name, an
	// organisation's acronym or else its name. Empty for other kinds.
	ShortName string `json:"short_name,omitempty"`
	Kind      string `json:"kind"` // one of the Kind constants
	Type      string `json:"type"` // NER type: LOC, ORG, PER or MISC
	// Subtype refines Kind: the ISO 3166-2 type of a region ("Region",
	// "State"), the GeoNames feature code of a city ("PPLC"), the kind of
	// an organisation ("military alliance"), of a medium ("news agency")
	// or of a body ("ministry", "parliament").
	Subtype string `json:"subtype,omitempty"`
	// Country is the ISO 3166-1 alpha-3 code of the country the entry
	// belongs to: itself for a country, the country a demonym names, a
	// person's country. Empty for international organisations.
	Country    string   `json:"country,omitempty"`
	Aliases    []string `json:"aliases,omitempty"`    // other names, as written
	Population int      `json:"population,omitempty"` // cities only; 0 when unknown
	Wikidata   string   `json:"wikidata,omitempty"`   // QID where curated, e.g. "Q7184"
	Acronym    string   `json:"acronym,omitempty"`    // organisations: "CSTO"
	Official   string   `json:"official,omitempty"`   // countries: official name
	Alpha2     string   `json:"alpha2,omitempty"`     // countries: ISO 3166-1 alpha-2
	Capital    string   `json:"capital,omitempty"`    // countries: capital(s), '|'-separated
	Demonyms   []string `json:"demonyms,omitempty"`   // countries: demonyms and adjectives ("Kazakh", "Kazakhstani")
	// Independent marks sovereign states among countries (world-countries'
	// flag); dependent territories have it false.
	Independent bool     `json:"independent,omitempty"`
	Parent      string   `json:"parent,omitempty"`  // regions: ISO 3166-2 code of the parent subdivision
	Admin1      string   `json:"admin1,omitempty"`  // cities: GeoNames first-level administrative code
	Members     []string `json:"members,omitempty"` // organisations: member countries (alpha-3)
	Founded     int      `json:"founded,omitempty"` // organisations and media: year founded; 0 when unknown
	Born        int      `json:"born,omitempty"`    // people: year of birth; 0 when unknown
	// Description and Sitelinks are set on entries imported from a
	// Wikidata dump (`tidings kb import`, ImportWikidata).
	Description string `json:"description,omitempty"` // Wikidata's English description
	// Wikipedia is the English Wikipedia title where a source gives it
	// (the curated people's, from kb/audit; imported entries').
	Wikipedia string `json:"wikipedia,omitempty"`
	Sitelinks int    `json:"sitelinks,omitempty"` // Wikimedia pages about it: the prominence prior
	// Source is the entry's provenance: SourceWikidataDump for imported
	// entries; for the curated people and organisations the file under
	// the knowledge sources that confirms the row, or SourceUnsourced;
	// SourceUnsourced for media and government bodies (no source covers
	// them); for regions and cities with a QID, the places/ file that
	// gives it (data/places-wikidata.tsv.gz); otherwise "" for the
	// generated tables of kb/data (see data/SOURCES.md).
	Source string `json:"source,omitempty"`
	// Tier is a prominence prior among clubs and leagues of one name
	// (1: England, Spain, Germany, Italy, France and UEFA; 2: the rest
	// of Europe; 3: elsewhere); among companies, 0 for the S&P 500, 1 for
	// the rest of the SEC's first 1,000, 2 for its others and 3 for the
	// listed companies of the Phoenix dictionary that the SEC's list
	// lacks; 0 for other kinds.
	Tier int `json:"tier,omitempty"`
	// LinkOnly keeps the entry's names out of the recogniser's gazetteer:
	// the linker finds it, the recogniser's features do not change.
	LinkOnly bool `json:"-"`
	// Office is set on the office holders generated from the knowledge
	// sources (data/people.tsv.gz), and only on them.
	Office *Office `json:"office,omitempty"`
}

// SourceUnsourced marks a curated fact that no source confirms (kb/audit).
const SourceUnsourced = "unsourced"

// SourceWikidataDump is the Source of entries imported from a Wikidata
// JSON dump.
const SourceWikidataDump = "wikidata-dump"

// Names returns the entry's name followed by its aliases.
func (e *Entry) Names() []string {
	return append([]string{e.Name}, e.Aliases...)
}

// GazetteerName is one surface name of an entry, for gazetteer matching.
type GazetteerName struct {
	Name   string // as written: "Kazakhstan", "U.S."
	Folded string // Fold(Name)
	Type   string // NER type of the entry
	Kind   string // Kind of the entry
	ID     string // the entry's ID
}

// KB is a loaded knowledge base. It is read-only and safe for concurrent
// use.
type KB struct {
	entries []Entry
	byID    map[string]int32
	// byName maps a folded name to an entry index, or to -1-j for a name
	// that several entries share, listed most prominent first in shared[j].
	byName map[string]int32
	shared [][]int32
	// roles holds every role fact, grouped by person in the order of
	// roles.tsv; byPerson and byRole index it.
	roles    []Role
	byPerson map[string][]Role
	byRole   map[string][]Role // roleKey(role, of) -> facts, by start date
	// overlays are knowledge-base files (ImportWikidata) loaded on top of
	// the tables and searched in place; embeddedQIDs are the Wikidata ids
	// the tables already have, whose imported copies Lookup leaves out.
	overlays     []*overlay
	embeddedQIDs map[string]bool
	// holders are the generated office holders (data/people.tsv.gz),
	// indexed on first use (load_people.go).
	holders *officeHolders
	// national lists the government bodies and parties of each country,
	// most prominent first.
	national map[string][]int32
}

// National returns the government bodies and political parties of a
// country (alpha-3), most prominent first: where a name used alone
// ("Congress") is looked for among the article's own country's.
func (k *KB) National(country string) []Entry {
	ids := k.national[country]
	out := make([]Entry, len(ids))
	for i, j := range ids {
		out[i] = k.entries[j]
	}
	return out
}

// Role is one role a person held, from a date until a date: "head of
// state" of "KAZ", "secretary general" of "org:csto". From is the first
// day in the role; Until is the day the term ended (usually the
// successor's first day), which no longer counts. A date written only to
// the month or year in roles.tsv is taken at its widest: From at the
// start of the period, Until at the end of it. A zero From or Until is an
// open end (an unrecorded start; still in office).
type Role struct {
	Person string // person entry ID
	Role   string // "head of state", "head of government", "foreign minister", ...
	Of     string // country (alpha-3) or organisation ID
	Note   string // title or circumstance: "President", "acting", ...
	Source string // the file under the knowledge sources that confirms the term, or SourceUnsourced
	From   time.Time
	Until  time.Time
}

// On reports whether the role was held on the calendar day of t.
func (r *Role) On(t time.Time) bool {
	y, m, d := t.Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if !r.From.IsZero() && day.Before(r.From) {
		return false
	}
	if r.Until.IsZero() || day.Before(r.Until) {
		return true
	}
	// A one-day term, written with From equal to Until.
	return r.Until.Equal(r.From) && day.Equal(r.From)
}

// Roles returns the roles a person held, in the order of the table
// (earliest first within each kind of role). The slice is shared: treat
// it as read-only.
//
// The roles of an imported person (a Wikidata QID) are their P39
// positions held: Role is the position's QID ("Q11696"), Of is empty.
func (k *KB) Roles(personID string) []Role {
	if r, ok := k.byPerson[personID]; ok || len(k.overlays) == 0 {
		return r
	}
	q, ok := qidNumber(personID)
	if !ok {
		return nil
	}
	for _, o := range k.overlays {
		if _, roles, ok := o.get(q); ok {
			return roles
		}
	}
	return nil
}

// HoldersOn returns the people who held role of a country or organisation
// on the calendar day of on, earliest in office first: several where
// terms overlap (an acting holder beside a suspended one) or the dates are
// known only to the month or year. The role is compared folded ("Head of
// State" is "head of state").
func (k *KB) HoldersOn(role, of string, on time.Time) []Entry {
	var out []Entry
	rs := k.byRole[roleKey(role, of)]
	for i := range rs {
		r := &rs[i]
		if !r.On(on) || slices.ContainsFunc(out, func(e Entry) bool { return e.ID == r.Person }) {
			continue
		}
		if e, ok := k.Get(r.Person); ok {
			out = append(out, e)
		}
	}
	return out
}

func roleKey(role, of string) string { return Fold(role) + "\x00" + of }

// Fold is the matching form of a name: lower case, diacritics removed
// ("Mangghystaū" -> "mangghystau"), typographic apostrophes and dashes
// made plain, white space collapsed. It does not transliterate.
func Fold(s string) string { return textfold.Fold(s) }

// Lookup returns the entries that go by name, compared folded, most
// prominent first: countries, organisations, media, government bodies,
// people, regions, cities (larger first), demonyms.
//
// Entries imported from knowledge-base files (--kb, $TIDINGS_KB) come
// after those of the embedded tables, file by file, each file's most
// prominent first (sitelinks, and positions held); an imported entity
// whose QID the embedded tables already have is left out, as the curated
// entry stands for it.
func (k *KB) Lookup(name string) []Entry {
	f := Fold(name)
	var out []Entry
	if v, ok := k.byName[f]; ok {
		if v >= 0 {
			out = []Entry{k.entries[v]}
		} else {
			idx := k.shared[-1-v]
			out = make([]Entry, len(idx))
			for i, j := range idx {
				out[i] = k.entries[j]
			}
		}
	}
	out = append(out, k.holders.lookup(f)...)
	if len(k.overlays) == 0 {
		return out
	}
	embedded := len(out)
	for _, o := range k.overlays {
		for _, q := range o.lookup(f) {
			id := "Q" + strconv.FormatUint(uint64(q), 10)
			if k.embeddedQIDs[id] || slices.ContainsFunc(out[embedded:], func(e Entry) bool { return e.ID == id }) {
				continue
			}
			if e, _, ok := o.get(q); ok {
				out = append(out, e)
			}
		}
	}
	return out
}

// Get returns the entry with the given ID: an embedded entry's ID, or
// the QID of an imported one.
func (k *KB) Get(id string) (Entry, bool) {
	i, ok := k.byID[id]
	if ok {
		return k.entries[i], true
	}
	if e, ok := k.holders.get(id); ok {
		return e, true
	}
	if len(k.overlays) == 0 {
		return Entry{}, false
	}
	if q, ok := qidNumber(id); ok {
		for _, o := range k.overlays {
			if e, _, ok := o.get(q); ok {
				return e, true
			}
		}
	}
	return Entry{}, false
}

// qidNumber reads "Q42" as 42.
func qidNumber(id string) (uint32, bool) {
	if len(id) < 2 || id[0] != 'Q' {
		return 0, false
	}
	n, err := strconv.ParseUint(id[1:], 10, 32)
	if err != nil || n == 0 || id[1] == '0' || id[1] == '+' {
		return 0, false
	}
	return uint32(n), true
}

// Len is the number of entries, the imported ones included.
func (k *KB) Len() int {
	n := len(k.entries) + len(k.holders.index().entries)
	for _, o := range k.overlays {
		n += o.n
	}
	return n
}

// OfKind returns the embedded tables' entries of a kind (KindNationalTeam,
// KindLeague ...), in table order, without reading the generated office
// holders or imported files.
func (k *KB) OfKind(kind string) []Entry {
	var out []Entry
	for _, e := range k.entries {
		if e.Kind == kind {
			out = append(out, e)
		}
	}
	return out
}

// Entries calls yield for every entry until it returns false, in a fixed
// order: countries, regions, cities, organisations, media, government
// bodies, people, demonyms; within each, in the order of the tables; then
// the generated office holders; then the imported entries, file by file,
// by QID.
func (k *KB) Entries(yield func(Entry) bool) {
	for _, e := range k.entries {
		if !yield(e) {
			return
		}
	}
	for _, e := range k.holders.index().entries {
		if !yield(e) {
			return
		}
	}
	for _, o := range k.overlays {
		for i := range o.n {
			if e, _, ok := o.get(o.qidAt(i)); ok && !yield(e) {
				return
			}
		}
	}
}

// Gazetteer returns every surface name of every entry with its NER type
// and kind, sorted by folded name, then ID, then name. It is built on
// each call (tens of milliseconds): call it once. The folded form loses
// case, so a matcher should compare acronyms as written ("WHO" is not
// "who").
//
// Entries imported from knowledge-base files are not in the gazetteer:
// the recogniser's gazetteer features were trained with the embedded
// names, and millions of imported names, many of them common words
// ("Will", "Tours"), would change what it tags as an entity. Imported
// entries are found when the linker looks up a recognised mention.
func (k *KB) Gazetteer() []GazetteerName {
	out := make([]GazetteerName, 0, len(k.byName)+len(k.byName)/4)
	for i := range k.entries {
		e := &k.entries[i]
		if e.LinkOnly {
			continue
		}
		for j := -1; j < len(e.Aliases); j++ {
			name := e.Name
			if j >= 0 {
				name = e.Aliases[j]
				if name == e.Name || slices.Contains(e.Aliases[:j], name) {
					continue
				}
			}
			out = append(out, GazetteerName{Name: name, Folded: Fold(name), Type: e.Type, Kind: e.Kind, ID: e.ID})
		}
	}
	slices.SortFunc(out, func(a, b GazetteerName) int {
		if c := strings.Compare(a.Folded, b.Folded); c != 0 {
			return c
		}
		if c := strings.Compare(a.ID, b.ID); c != 0 {
			return c
		}
		return strings.Compare(a.Name, b.Name)
	})
	return out
}

var kindRank = map[string]int{
	KindCountry: 0, KindWorldRegion: 0, KindOrganisation: 1, KindMedia: 2, KindBody: 3,
	KindPerson: 4, KindRegion: 5, KindCity: 6, KindDemonym: 7,
	// after the places: a company, party or club ranks below
	// the entries the recogniser knows, and a company wins only through
	// the linker's rules; a party comes after the companies, whose
	// tickers and short names some parties' acronyms share ("ADP")
	KindCompany: 8, KindParty: 9, KindLeague: 10, KindClub: 11, KindNationalTeam: 12,
}

// moreProminent orders entries for Lookup.
func moreProminent(a, b *Entry) int {
	if ra, rb := kindRank[a.Kind], kindRank[b.Kind]; ra != rb {
		return ra - rb
	}
	if a.Tier != b.Tier {
		return a.Tier - b.Tier
	}
	if a.Population != b.Population {
		if a.Population > b.Population {
			return -1
		}
		return 1
	}
	return strings.Compare(a.ID, b.ID)
}

// Predecessor returns who held role of a country or organisation last
// before the day of on, among those not holding it that day: the
// holder(s) whose term ended latest, on or before that day.
func (k *KB) Predecessor(role, of string, on time.Time) []Entry {
	var best time.Time
	var ids []string
	for _, r := range k.byRole[roleKey(role, of)] {
		if r.Until.IsZero() || r.Until.After(on) || r.On(on) {
			continue
		}
		switch {
		case r.Until.After(best):
			best, ids = r.Until, []string{r.Person}
		case r.Until.Equal(best) && !slices.Contains(ids, r.Person):
			ids = append(ids, r.Person)
		}
	}
	return k.entriesOf(ids)
}

// Successor returns who took role of a country or organisation first
// after the day of on: the holder(s) whose term started earliest after it.
func (k *KB) Successor(role, of string, on time.Time) []Entry {
	var best time.Time
	var ids []string
	for _, r := range k.byRole[roleKey(role, of)] {
		if r.From.IsZero() || !r.From.After(on) {
			continue
		}
		switch {
		case best.IsZero() || r.From.Before(best):
			best, ids = r.From, []string{r.Person}
		case r.From.Equal(best) && !slices.Contains(ids, r.Person):
			ids = append(ids, r.Person)
		}
	}
	return k.entriesOf(ids)
}

func (k *KB) entriesOf(ids []string) []Entry {
	var out []Entry
	for _, id := range ids {
		if e, ok := k.Get(id); ok {
			out = append(out, e)
		}
	}
	return out
}
