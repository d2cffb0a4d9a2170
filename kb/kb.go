// Package kb is tidings' knowledge base: countries, their subdivisions and
// cities, international organisations, news media and government bodies,
// with the names they go by. The named-entity recogniser uses its names as
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
	"strings"

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
	KindDemonym      = "demonym"
)

// NER types.
const (
	TypeLOC  = "LOC"
	TypeORG  = "ORG"
	TypeMISC = "MISC"
)

// Entry is one entity of the knowledge base. Entries returned by a KB are
// shared: treat their slices as read-only.
type Entry struct {
	// ID is stable and unique: "KAZ" (country, ISO 3166-1 alpha-3),
	// "KZ-MAN" (region, ISO 3166-2), "geonames:1526384" (city),
	// "org:csto", "media:interfax", "body:rus-state-duma" (a named body),
	// "body:KAZ:interior-ministry" (a body from a pattern), "demonym:KAZ".
	ID   string `json:"id"`
	Name string `json:"name"` // preferred English name
	Kind string `json:"kind"` // one of the Kind constants
	Type string `json:"type"` // NER type: LOC, ORG or MISC
	// Subtype refines Kind: the ISO 3166-2 type of a region ("Region",
	// "State"), the GeoNames feature code of a city ("PPLC"), the kind of
	// an organisation ("military alliance"), of a medium ("news agency")
	// or of a body ("ministry", "parliament").
	Subtype string `json:"subtype,omitempty"`
	// Country is the ISO 3166-1 alpha-3 code of the country the entry
	// belongs to: itself for a country, the country a demonym names.
	// Empty for international organisations.
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
}

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
}

// Fold is the matching form of a name: lower case, diacritics removed
// ("Mangghystaū" -> "mangghystau"), typographic apostrophes and dashes
// made plain, white space collapsed. It does not transliterate.
func Fold(s string) string { return textfold.Fold(s) }

// Lookup returns the entries that go by name, compared folded, most
// prominent first: countries, organisations, media, government bodies,
// regions, cities (larger first), demonyms.
func (k *KB) Lookup(name string) []Entry {
	v, ok := k.byName[Fold(name)]
	if !ok {
		return nil
	}
	if v >= 0 {
		return []Entry{k.entries[v]}
	}
	idx := k.shared[-1-v]
	out := make([]Entry, len(idx))
	for i, j := range idx {
		out[i] = k.entries[j]
	}
	return out
}

// Get returns the entry with the given ID.
func (k *KB) Get(id string) (Entry, bool) {
	i, ok := k.byID[id]
	if !ok {
		return Entry{}, false
	}
	return k.entries[i], true
}

// Len is the number of entries.
func (k *KB) Len() int { return len(k.entries) }

// Entries calls yield for every entry until it returns false, in a fixed
// order: countries, regions, cities, organisations, media, government
// bodies, demonyms; within each, in the order of the tables.
func (k *KB) Entries(yield func(Entry) bool) {
	for _, e := range k.entries {
		if !yield(e) {
			return
		}
	}
}

// Gazetteer returns every surface name of every entry with its NER type
// and kind, sorted by folded name, then ID, then name. It is built on
// each call (tens of milliseconds): call it once. The folded form loses
// case, so a matcher should compare acronyms as written ("WHO" is not
// "who").
func (k *KB) Gazetteer() []GazetteerName {
	out := make([]GazetteerName, 0, len(k.byName)+len(k.byName)/4)
	for i := range k.entries {
		e := &k.entries[i]
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
	KindCountry: 0, KindOrganisation: 1, KindMedia: 2, KindBody: 3,
	KindRegion: 4, KindCity: 5, KindDemonym: 6,
}

// moreProminent orders entries for Lookup.
func moreProminent(a, b *Entry) int {
	if ra, rb := kindRank[a.Kind], kindRank[b.Kind]; ra != rb {
		return ra - rb
	}
	if a.Population != b.Population {
		if a.Population > b.Population {
			return -1
		}
		return 1
	}
	return strings.Compare(a.ID, b.ID)
}
