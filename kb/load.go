package kb

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"tidings/kb/internal/sources"
	"tidings/kb/internal/table"
)

// The tables' columns; a file whose header differs fails to load.
var (
	countryColumns      = []string{"id", "alpha2", "name", "official", "aliases", "demonyms", "capital", "independent"}
	subdivisionColumns  = []string{"code", "country", "name", "type", "parent", "aliases"}
	cityColumns         = []string{"geonames_id", "name", "ascii_name", "country", "population", "admin1", "feature_code"}
	curatedCountryCols  = []string{"id", "aliases", "demonyms", "nouns", "article", "drop"}
	curatedPlaceCols    = []string{"id", "name", "aliases"}
	organisationColumns = []string{"id", "wikidata", "acronym", "name", "aliases", "kind", "members", "founded", "source"}
	mediaColumns        = []string{"id", "name", "aliases", "country", "kind", "source"}
	bodyColumns         = []string{"id", "kind", "country", "name", "aliases"}
	personColumns       = []string{"id", "wikidata", "wikipedia", "name", "short_name", "aliases", "country", "born", "source"}
	wikidataColumns     = []string{"id", "wikidata", "source"}
	roleColumns         = []string{"person", "role", "of", "from", "until", "note", "source"}
)

// Load parses the embedded tables into a KB. Each call parses afresh;
// callers load once and share the result.
func Load() (*KB, error) {
	return load(files)
}

// ExtensionColumns are the columns of a user's extension file (--kb FILE):
// a tab-separated table with this header row. kind is one of the Kind
// constants, type the NER type (PER, ORG, LOC, MISC); aliases are
// '|'-separated. A row whose id is already known adds its aliases (and
// fills an empty Wikidata id) to that entry instead.
var ExtensionColumns = []string{"id", "name", "kind", "type", "country", "aliases", "wikidata"}

// LoadWith loads the embedded tables, then the files named in $TIDINGS_KB
// (EnvFiles), then the given files. A file is either a knowledge-base
// file written by ImportWikidata (`tidings kb import`), which is mapped
// and searched in place, or a tab-separated extension (ExtensionColumns).
// Errors name the file and what is wrong.
func LoadWith(extensions ...string) (*KB, error) {
	l, err := newLoader(files)
	if err != nil {
		return nil, err
	}
	var overlays []*overlay
	fail := func(err error) (*KB, error) {
		for _, o := range overlays {
			o.close()
		}
		return nil, err
	}
	for _, path := range append(EnvFiles(), extensions...) {
		if IsKBFile(path) {
			o, err := openOverlay(path)
			if err != nil {
				return fail(fmt.Errorf("kb file: %w", err))
			}
			overlays = append(overlays, o)
			continue
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return fail(fmt.Errorf("kb extension: %w", err))
		}
		t, err := table.Parse(string(raw), ExtensionColumns)
		if err != nil {
			return fail(fmt.Errorf("kb extension %s: %w (want a tab-separated header: %s)", path, err, strings.Join(ExtensionColumns, " ")))
		}
		if err := l.extension(t); err != nil {
			return fail(fmt.Errorf("kb extension %s: %w", path, err))
		}
	}
	l.demonymEntries()
	k := l.index()
	k.holders = newOfficeHolders(files, k)
	k.attach(overlays)
	return k, nil
}

// EnvFiles returns the knowledge-base files named in $TIDINGS_KB,
// separated as in $PATH (':' on Unix).
func EnvFiles() []string {
	var out []string
	for _, p := range filepath.SplitList(os.Getenv("TIDINGS_KB")) {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// attach adds opened knowledge-base files to k. Their mappings are
// released when k is garbage.
func (k *KB) attach(overlays []*overlay) {
	if len(overlays) == 0 {
		return
	}
	k.overlays = overlays
	k.embeddedQIDs = map[string]bool{}
	for i := range k.entries {
		if q := k.entries[i].Wikidata; q != "" {
			k.embeddedQIDs[q] = true
		}
	}
	for _, o := range overlays {
		runtime.AddCleanup(k, func(close func() error) { close() }, o.close)
	}
}

// extension adds or extends entries from a user's table.
func (l *loader) extension(t table.Table) error {
	for i, r := range t.Rows {
		id, name, kind, typ, country, aliases, qid := r[0], r[1], r[2], r[3], r[4], table.List(r[5]), r[6]
		if qid != "" && !sources.IsQID(qid) {
			return fmt.Errorf("row %d: %q is not a Wikidata id", i+2, qid)
		}
		if j, ok := l.byID[id]; ok {
			e := &l.entries[j]
			e.Aliases = appendNew(e.Aliases, e.Name, append([]string{name}, aliases...)...)
			if e.Wikidata == "" {
				e.Wikidata = qid
			}
			continue
		}
		switch typ {
		case TypePER, TypeORG, TypeLOC, TypeMISC:
		default:
			return fmt.Errorf("row %d (%s): type %q is not PER, ORG, LOC or MISC", i+2, id, typ)
		}
		if country != "" {
			if err := l.country(country); err != nil {
				return fmt.Errorf("row %d (%s): %w", i+2, id, err)
			}
		}
		if err := l.add(Entry{ID: id, Name: name, Kind: kind, Type: typ, Country: country, Aliases: appendNew(nil, name, aliases...), Wikidata: qid}); err != nil {
			return fmt.Errorf("row %d: %w", i+2, err)
		}
	}
	return nil
}

// loader accumulates entries while the tables are read.
type loader struct {
	fsys    fs.FS
	entries []Entry
	byID    map[string]int
	the     map[string]bool     // countries whose name takes "the"
	nouns   map[string][]string // country -> nouns for its people ("Briton")
	roles   []Role
}

func load(fsys fs.FS) (*KB, error) {
	l, err := newLoader(fsys)
	if err != nil {
		return nil, err
	}
	l.demonymEntries()
	k := l.index()
	k.holders = newOfficeHolders(fsys, k)
	return k, nil
}

// optionalTables are the generated tables that kb/gen writes only from
// the shared knowledge sources: a knowledge base without them still loads.
var optionalTables = map[string]bool{
	"data/places-wikidata.tsv.gz": true,
	"data/companies.tsv.gz":       true,
	"data/sports.tsv.gz":          true,
	"data/parties.tsv.gz":         true,
	"data/world-regions.tsv.gz":   true,
}

// newLoader reads the tables of fsys, up to the demonyms and the index.
func newLoader(fsys fs.FS) (*loader, error) {
	l := &loader{fsys: fsys, byID: map[string]int{}, the: map[string]bool{}, nouns: map[string][]string{}}
	steps := []struct {
		file string
		cols []string
		fn   func(table.Table) error
	}{
		{"data/countries.tsv.gz", countryColumns, l.countries},
		{"curated/countries.tsv", curatedCountryCols, l.curatedCountries},
		{"data/subdivisions.tsv.gz", subdivisionColumns, l.subdivisions},
		{"data/cities.tsv.gz", cityColumns, l.cities},
		{"data/places-wikidata.tsv.gz", wikidataColumns, l.placesWikidata},
		{"curated/places.tsv", curatedPlaceCols, l.places},
		{"curated/organisations.tsv", organisationColumns, l.organisations},
		{"data/companies.tsv.gz", companyColumns, l.companies},
		{"data/sports.tsv.gz", sportColumns, l.sports},
		{"data/world-regions.tsv.gz", worldRegionColumns, l.worldRegions},
		{"curated/media.tsv", mediaColumns, l.media},
		{"curated/bodies.tsv", bodyColumns, l.bodies},
		{"curated/people.tsv", personColumns, l.people},
		{"curated/wikidata.tsv", wikidataColumns, l.wikidata},
		{"curated/roles.tsv", roleColumns, l.roleFacts},
		// last: a party whose QID another entry has is left out
		{"data/parties.tsv.gz", partyColumns, l.parties},
	}
	// The tables are decompressed and parsed in parallel: that is most
	// of the loading time.
	tables := make([]table.Table, len(steps))
	errs := make([]error, len(steps))
	var wg sync.WaitGroup
	for i, s := range steps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tables[i], errs[i] = l.read(s.file, s.cols)
			if optionalTables[s.file] && errors.Is(errs[i], fs.ErrNotExist) {
				tables[i], errs[i] = table.Table{}, nil
			}
		}()
	}
	wg.Wait()
	capacity, bodyRows := 0, 0
	for i, s := range steps {
		if errs[i] != nil {
			return nil, fmt.Errorf("kb: %s: %w", s.file, errs[i])
		}
		t := tables[i]
		capacity += len(t.Rows)
		if s.file == "curated/bodies.tsv" {
			bodyRows = len(t.Rows)
		}
	}
	// Room for the expanded body patterns and the demonyms, so that the
	// entries are not copied as they grow.
	capacity += bodyRows * 200
	l.entries = make([]Entry, 0, capacity)
	l.byID = make(map[string]int, capacity)
	for i, s := range steps {
		if err := s.fn(tables[i]); err != nil {
			return nil, fmt.Errorf("kb: %s: %w", s.file, err)
		}
	}
	return l, nil
}

func (l *loader) read(name string, cols []string) (table.Table, error) {
	raw, err := fs.ReadFile(l.fsys, name)
	if err != nil {
		return table.Table{}, err
	}
	if strings.HasSuffix(name, ".gz") {
		return table.ReadGzip(raw, cols)
	}
	return table.Parse(string(raw), cols)
}

func (l *loader) add(e Entry) error {
	if e.ID == "" || e.Name == "" {
		return fmt.Errorf("entry without id or name: %q %q", e.ID, e.Name)
	}
	if _, dup := l.byID[e.ID]; dup {
		return fmt.Errorf("duplicate id %s", e.ID)
	}
	l.byID[e.ID] = len(l.entries)
	l.entries = append(l.entries, e)
	return nil
}

// entry returns the loaded entry with the given ID, or an error naming it.
func (l *loader) entry(id string) (*Entry, error) {
	i, ok := l.byID[id]
	if !ok {
		return nil, fmt.Errorf("unknown id %q", id)
	}
	return &l.entries[i], nil
}

func (l *loader) country(code string) error {
	e, err := l.entry(code)
	if err != nil || e.Kind != KindCountry {
		return fmt.Errorf("unknown country %q", code)
	}
	return nil
}

func (l *loader) countries(t table.Table) error {
	for _, r := range t.Rows {
		if err := l.add(Entry{
			ID: r[0], Alpha2: r[1], Name: r[2], Official: r[3], Aliases: table.List(r[4]),
			Demonyms: table.List(r[5]), Capital: r[6], Independent: r[7] == "true",
			Kind: KindCountry, Type: TypeLOC, Country: r[0], ShortName: r[2],
		}); err != nil {
			return err
		}
	}
	return nil
}

// curatedCountries adds hand-written aliases and demonyms to countries
// and drops source aliases that are not names of the country in English
// text (Iceland's "Island", Thailand's "Thai"); the curated demonyms come
// first, as the more usual ("Kazakh" before "Kazakhstani").
func (l *loader) curatedCountries(t table.Table) error {
	for _, r := range t.Rows {
		e, err := l.entry(r[0])
		if err != nil || e.Kind != KindCountry {
			return fmt.Errorf("unknown country %q", r[0])
		}
		for _, d := range table.List(r[5]) {
			i := slices.Index(e.Aliases, d)
			if i < 0 {
				return fmt.Errorf("%s: no alias %q to drop", r[0], d)
			}
			e.Aliases = slices.Delete(e.Aliases, i, i+1)
		}
		e.Aliases = appendNew(e.Aliases, e.Name, table.List(r[1])...)
		e.Demonyms = appendNew(table.List(r[2]), "", e.Demonyms...)
		l.nouns[r[0]] = table.List(r[3])
		switch r[4] {
		case "the":
			l.the[r[0]] = true
		case "":
		default:
			return fmt.Errorf("%s: article %q, want \"the\" or nothing", r[0], r[4])
		}
	}
	return nil
}

func (l *loader) subdivisions(t table.Table) error {
	for _, r := range t.Rows {
		if err := l.add(Entry{
			ID: r[0], Country: r[1], Name: r[2], Subtype: r[3], Parent: r[4], Aliases: table.List(r[5]),
			Kind: KindRegion, Type: TypeLOC,
		}); err != nil {
			return err
		}
	}
	return nil
}

func (l *loader) cities(t table.Table) error {
	for _, r := range t.Rows {
		pop, err := strconv.Atoi(r[4])
		if err != nil {
			return fmt.Errorf("city %s: population %q", r[0], r[4])
		}
		e := Entry{
			ID: "geonames:" + r[0], Name: r[1], Country: r[3], Population: pop, Admin1: r[5], Subtype: r[6],
			Kind: KindCity, Type: TypeLOC,
		}
		if r[2] != r[1] && r[2] != "" {
			e.Aliases = []string{r[2]}
		}
		if err := l.add(e); err != nil {
			return err
		}
	}
	return nil
}

// placesWikidata gives the generated regions and cities the QIDs that
// kb/gen matched in the places/ source, with the source file of each;
// their names and everything else stay as the tables give them.
func (l *loader) placesWikidata(t table.Table) error {
	for _, r := range t.Rows {
		e, err := l.entry(r[0])
		if err != nil || (e.Kind != KindRegion && e.Kind != KindCity) {
			return fmt.Errorf("unknown region or city %q", r[0])
		}
		if !sources.IsQID(r[1]) {
			return fmt.Errorf("%s: wikidata %q is not a QID", r[0], r[1])
		}
		if r[2] == "" || r[2] == SourceUnsourced {
			return fmt.Errorf("%s: no source file", r[0])
		}
		e.Wikidata, e.Source = r[1], r[2]
	}
	return nil
}

// places renames regions and cities to their usual English names and
// adds aliases; the source name stays as an alias.
func (l *loader) places(t table.Table) error {
	for _, r := range t.Rows {
		e, err := l.entry(r[0])
		if err != nil || (e.Kind != KindRegion && e.Kind != KindCity) {
			return fmt.Errorf("unknown region or city %q", r[0])
		}
		if r[1] != "" && r[1] != e.Name {
			e.Aliases = appendNew([]string{e.Name}, r[1], e.Aliases...)
			e.Name = r[1]
		}
		e.Aliases = appendNew(e.Aliases, e.Name, table.List(r[2])...)
	}
	return nil
}

func (l *loader) organisations(t table.Table) error {
	for _, r := range t.Rows {
		if !strings.HasPrefix(r[0], "org:") {
			return fmt.Errorf("id %q does not start with org:", r[0])
		}
		if r[1] != "" && !sources.IsQID(r[1]) {
			return fmt.Errorf("%s: wikidata %q is not a QID", r[0], r[1])
		}
		e := Entry{
			ID: r[0], Wikidata: r[1], Acronym: r[2], Name: r[3], Subtype: r[5], Members: table.List(r[6]),
			Kind: KindOrganisation, Type: TypeORG, ShortName: r[2], Source: r[8],
		}
		if err := checkSource(r[8], r[1], ""); err != nil {
			return fmt.Errorf("%s: %w", r[0], err)
		}
		if e.ShortName == "" {
			e.ShortName = e.Name
		}
		e.Aliases = appendNew(nil, e.Name, append([]string{r[2]}, table.List(r[4])...)...)
		for _, m := range e.Members {
			if err := l.country(m); err != nil {
				return fmt.Errorf("%s: member: %w", r[0], err)
			}
		}
		if r[7] != "" {
			y, err := strconv.Atoi(r[7])
			if err != nil || y < 1000 || y > 2100 {
				return fmt.Errorf("%s: founded %q", r[0], r[7])
			}
			e.Founded = y
		}
		if err := l.add(e); err != nil {
			return err
		}
	}
	return nil
}

func (l *loader) media(t table.Table) error {
	for _, r := range t.Rows {
		if !strings.HasPrefix(r[0], "media:") {
			return fmt.Errorf("id %q does not start with media:", r[0])
		}
		if err := l.country(r[3]); err != nil {
			return fmt.Errorf("%s: %w", r[0], err)
		}
		if err := l.add(Entry{
			ID: r[0], Name: r[1], Aliases: appendNew(nil, r[1], table.List(r[2])...), Country: r[3], Subtype: r[4],
			Kind: KindMedia, Type: TypeORG, Source: r[5],
		}); err != nil {
			return err
		}
	}
	return nil
}

// bodies reads named government bodies ("State Duma", with a country) and
// patterns ("Ministry of Internal Affairs of {country}", without one),
// which it expands for every sovereign state: {country} takes the
// country's name (with "the" where English uses it) and, after "of", its
// official name; {demonym} takes each of its demonyms.
func (l *loader) bodies(t table.Table) error {
	var states []*Entry
	for i := range l.entries {
		if e := &l.entries[i]; e.Kind == KindCountry && e.Independent {
			states = append(states, e)
		}
	}
	expanded := make([]Entry, 0, len(t.Rows)*len(states)) // an upper bound: no regrowth
	for _, r := range t.Rows {
		id, kind, country, name, aliases := r[0], r[1], r[2], r[3], table.List(r[4])
		if id == "" || strings.Contains(id, ":") {
			return fmt.Errorf("bad id %q (written without the body: prefix)", id)
		}
		isPattern := strings.Contains(name, "{")
		if !isPattern {
			if err := l.country(country); err != nil {
				return fmt.Errorf("%s: %w", id, err)
			}
			expanded = append(expanded, Entry{
				ID: "body:" + id, Name: name, Aliases: appendNew(nil, name, aliases...), Country: country,
				Subtype: kind, Kind: KindBody, Type: TypeORG, Source: SourceUnsourced,
			})
			continue
		}
		if country != "" {
			return fmt.Errorf("%s: a pattern has no country", id)
		}
		for _, c := range states {
			var names []string
			for _, p := range append([]string{name}, aliases...) {
				names = appendNew(names, "", l.expand(p, c)...)
			}
			if len(names) == 0 {
				continue // no demonym for a demonym-only pattern
			}
			expanded = append(expanded, Entry{
				ID: "body:" + c.ID + ":" + id, Name: names[0], Aliases: names[1:], Country: c.ID,
				Subtype: kind, Kind: KindBody, Type: TypeORG, Source: SourceUnsourced,
			})
		}
	}
	for _, e := range expanded {
		for _, n := range e.Names() {
			if strings.ContainsAny(n, "{}") {
				return fmt.Errorf("%s: unknown placeholder in %q", e.ID, n)
			}
		}
		if err := l.add(e); err != nil {
			return err
		}
	}
	return nil
}

// people reads one person a row; the short name (the editor's tag,
// usually the surname) comes first among the aliases, then the spelling
// variants.
func (l *loader) people(t table.Table) error {
	for _, r := range t.Rows {
		id, qid, wikipedia, name, short, country, source := r[0], r[1], r[2], r[3], r[4], r[6], r[8]
		if !strings.HasPrefix(id, "person:") || len(id) == len("person:") {
			return fmt.Errorf("id %q does not start with person:", id)
		}
		if qid != "" && !sources.IsQID(qid) {
			return fmt.Errorf("%s: wikidata %q is not a QID", id, qid)
		}
		if err := checkSource(source, qid, wikipedia); err != nil {
			return fmt.Errorf("%s: %w", id, err)
		}
		if name == "" || short == "" {
			return fmt.Errorf("%s: no name or short name", id)
		}
		if err := l.country(country); err != nil {
			return fmt.Errorf("%s: %w", id, err)
		}
		e := Entry{
			ID: id, Wikidata: qid, Wikipedia: wikipedia, Name: name, ShortName: short, Country: country,
			Aliases: appendNew(nil, name, append([]string{short}, table.List(r[5])...)...),
			Kind:    KindPerson, Type: TypePER, Source: source,
		}
		if r[7] != "" {
			y, err := strconv.Atoi(r[7])
			if err != nil || y < 1800 || y > 2100 {
				return fmt.Errorf("%s: born %q", id, r[7])
			}
			e.Born = y
		}
		if err := l.add(e); err != nil {
			return err
		}
	}
	return nil
}

// wikidata sets the QIDs of entries whose table has no column for them
// (countries); it refuses to change a QID an entry already has.
func (l *loader) wikidata(t table.Table) error {
	for _, r := range t.Rows {
		e, err := l.entry(r[0])
		if err != nil {
			return err
		}
		if err := checkSource(r[2], r[1], ""); err != nil {
			return fmt.Errorf("%s: %w", r[0], err)
		}
		if r[1] == "" {
			continue // an unsourced row: no QID
		}
		if !sources.IsQID(r[1]) {
			return fmt.Errorf("%s: wikidata %q is not a QID", r[0], r[1])
		}
		if e.Wikidata != "" && e.Wikidata != r[1] {
			return fmt.Errorf("%s: wikidata %s, already %s", r[0], r[1], e.Wikidata)
		}
		e.Wikidata = r[1]
	}
	return nil
}

// roleFacts reads the roles people held: the person must be a loaded
// person, the role held of a country or an organisation, and the term
// must not end before it starts.
func (l *loader) roleFacts(t table.Table) error {
	l.roles = make([]Role, 0, len(t.Rows))
	for i, r := range t.Rows {
		where := fmt.Sprintf("row %d (%s, %s of %s)", i+1, r[0], r[1], r[2])
		if e, err := l.entry(r[0]); err != nil || e.Kind != KindPerson {
			return fmt.Errorf("%s: unknown person %q", where, r[0])
		}
		if r[1] == "" || r[1] != strings.TrimSpace(r[1]) {
			return fmt.Errorf("%s: bad role %q", where, r[1])
		}
		if e, err := l.entry(r[2]); err != nil || (e.Kind != KindCountry && e.Kind != KindOrganisation) {
			return fmt.Errorf("%s: %q is not a country or organisation", where, r[2])
		}
		from, _, err := parseDate(r[3])
		if err != nil {
			return fmt.Errorf("%s: from: %w", where, err)
		}
		// A date known to the month or year ends with its period.
		_, until, err := parseDate(r[4])
		if err != nil {
			return fmt.Errorf("%s: until: %w", where, err)
		}
		if !from.IsZero() && !until.IsZero() && until.Before(from) {
			return fmt.Errorf("%s: until %s before from %s", where, r[4], r[3])
		}
		if r[6] == "" {
			return fmt.Errorf("%s: no source (a file under knowledge/, or %q)", where, SourceUnsourced)
		}
		l.roles = append(l.roles, Role{Person: r[0], Role: r[1], Of: r[2], Note: r[5], From: from, Until: until, Source: r[6]})
	}
	return nil
}

// checkSource refuses a curated row without a source, and an unsourced
// row that carries a QID or a Wikipedia title: those come from sources
// only (kb/audit writes them).
func checkSource(source, qid, wikipedia string) error {
	switch {
	case source == "":
		return fmt.Errorf("no source (a file under knowledge/, or %q)", SourceUnsourced)
	case source == SourceUnsourced && (qid != "" || wikipedia != ""):
		return fmt.Errorf("unsourced row with wikidata %q or wikipedia %q", qid, wikipedia)
	}
	return nil
}

// parseDate reads YYYY-MM-DD, YYYY-MM or YYYY; empty is the zero time.
// It returns the first day of the period and the first day after it (the
// same day for a full date).
func parseDate(s string) (start, end time.Time, err error) {
	if s == "" {
		return time.Time{}, time.Time{}, nil
	}
	var layout string
	switch len(s) {
	case 4:
		layout = "2006"
	case 7:
		layout = "2006-01"
	case 10:
		layout = time.DateOnly
	default:
		return time.Time{}, time.Time{}, fmt.Errorf("date %q, want YYYY-MM-DD, YYYY-MM or YYYY", s)
	}
	start, err = time.Parse(layout, s)
	if err != nil || start.Year() < 1900 || start.Year() > 2100 {
		return time.Time{}, time.Time{}, fmt.Errorf("date %q, want YYYY-MM-DD, YYYY-MM or YYYY", s)
	}
	switch len(s) {
	case 4:
		return start, start.AddDate(1, 0, 0), nil
	case 7:
		return start, start.AddDate(0, 1, 0), nil
	}
	return start, start, nil
}

// expand fills one pattern for country c.
func (l *loader) expand(p string, c *Entry) []string {
	var out []string
	switch {
	case strings.Contains(p, "{demonym}"):
		for _, d := range c.Demonyms {
			out = append(out, strings.ReplaceAll(p, "{demonym}", d))
		}
	case strings.Contains(p, "of {country}"):
		name := c.Name
		if l.the[c.ID] {
			name = "the " + name
		}
		out = append(out, strings.ReplaceAll(p, "{country}", name))
		if c.Official != "" && c.Official != c.Name {
			out = append(out, strings.ReplaceAll(p, "{country}", "the "+c.Official))
		}
	case strings.Contains(p, "{country}'s"):
		poss := c.Name + "'s"
		if strings.HasSuffix(c.Name, "s") {
			poss = c.Name + "'"
		}
		out = append(out, strings.ReplaceAll(p, "{country}'s", poss))
	case strings.Contains(p, "{country}"):
		out = append(out, strings.ReplaceAll(p, "{country}", c.Name))
	default:
		out = append(out, p)
	}
	return out
}

// demonymEntries adds one MISC entry per country that has demonyms, named
// by them, the curated nouns for its people, and their plurals ("Kazakh",
// "Kazakhstani", "Kazakhs", ...; "British", "Briton", "Britons").
//
// A demonym that a sovereign state shares with dependent territories
// ("American": the United States and the Northern Mariana Islands;
// "French": France and the French Southern Lands) names the state only:
// news that says "American" means the United States.
func (l *loader) demonymEntries() {
	n := len(l.entries)
	sovereign := map[string]bool{} // folded demonyms of independent states
	for i := 0; i < n; i++ {
		if c := l.entries[i]; c.Kind == KindCountry && c.Independent {
			for _, d := range c.Demonyms {
				sovereign[Fold(d)] = true
			}
		}
	}
	for i := 0; i < n; i++ {
		c := l.entries[i]
		if c.Kind != KindCountry || len(c.Demonyms) == 0 {
			continue
		}
		words := append(slices.Clone(c.Demonyms), l.nouns[c.ID]...)
		if !c.Independent {
			words = slices.DeleteFunc(words, func(d string) bool { return sovereign[Fold(d)] })
			if len(words) == 0 {
				continue
			}
		}
		names := appendNew(nil, "", words...)
		for _, d := range words {
			if p := plural(d); p != "" {
				names = appendNew(names, "", p)
			}
		}
		// add cannot fail: demonym IDs have their own prefix.
		_ = l.add(Entry{
			ID: "demonym:" + c.ID, Name: names[0], Aliases: names[1:], Country: c.ID,
			Kind: KindDemonym, Type: TypeMISC,
		})
	}
}

// plural of a demonym used as a noun ("Kazakhs", "Iraqis"); none for those
// that are not pluralised with -s ("British", "French", "Swiss",
// "Chinese").
func plural(d string) string {
	if strings.Contains(d, " ") {
		last := d[strings.LastIndexByte(d, ' ')+1:]
		if p := plural(last); p != "" {
			return d[:len(d)-len(last)] + p
		}
		return ""
	}
	for _, suf := range []string{"sh", "ch", "ss", "se", "x", "z", "s"} {
		if strings.HasSuffix(d, suf) {
			return ""
		}
	}
	return d + "s"
}

// index builds the ID and name indexes. The entries keep the order in
// which the tables were read, which is deterministic.
func (l *loader) index() *KB {
	k := &KB{
		entries: l.entries,
		byID:    make(map[string]int32, len(l.entries)),
		byName:  make(map[string]int32, 2*len(l.entries)),
	}
	// Folding the names is most of the indexing: it runs on two
	// goroutines into one flat slice, then the maps are filled in order.
	start := make([]int, len(k.entries)+1)
	for i := range k.entries {
		start[i+1] = start[i] + 1 + len(k.entries[i].Aliases)
	}
	folded := make([]string, start[len(k.entries)])
	var wg sync.WaitGroup
	half := len(k.entries) / 2
	for _, part := range [][2]int{{0, half}, {half, len(k.entries)}} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := part[0]; i < part[1]; i++ {
				e := &k.entries[i]
				folded[start[i]] = Fold(e.Name)
				for j, a := range e.Aliases {
					folded[start[i]+1+j] = Fold(a)
				}
			}
		}()
	}
	wg.Wait()
	for i := range k.entries {
		k.byID[k.entries[i].ID] = int32(i)
		for _, f := range folded[start[i]:start[i+1]] {
			k.addFolded(f, int32(i))
		}
	}
	for _, ids := range k.shared {
		slices.SortFunc(ids, func(a, b int32) int { return moreProminent(&k.entries[a], &k.entries[b]) })
	}
	k.national = map[string][]int32{}
	for i := range k.entries {
		if e := &k.entries[i]; e.Country != "" && (e.Kind == KindBody || e.Kind == KindParty) {
			k.national[e.Country] = append(k.national[e.Country], int32(i))
		}
	}
	for _, ids := range k.national {
		slices.SortFunc(ids, func(a, b int32) int { return moreProminent(&k.entries[a], &k.entries[b]) })
	}
	k.indexRoles(l.roles)
	return k
}

// indexRoles groups the role facts by person (keeping the table's order)
// and by role and holder (earliest start first). Both indexes hold
// subslices of two sorted copies, so that there is no slice per key.
func (k *KB) indexRoles(roles []Role) {
	k.roles = slices.Clone(roles)
	slices.SortStableFunc(k.roles, func(a, b Role) int { return strings.Compare(a.Person, b.Person) })
	k.byPerson = map[string][]Role{}
	for i := 0; i < len(k.roles); {
		j := i + 1
		for j < len(k.roles) && k.roles[j].Person == k.roles[i].Person {
			j++
		}
		k.byPerson[k.roles[i].Person] = k.roles[i:j:j]
		i = j
	}
	byRole := slices.Clone(roles)
	keys := make([]string, len(byRole))
	for i := range byRole {
		keys[i] = roleKey(byRole[i].Role, byRole[i].Of)
	}
	order := make([]int, len(byRole))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if c := strings.Compare(keys[a], keys[b]); c != 0 {
			return c
		}
		return byRole[a].From.Compare(byRole[b].From)
	})
	sorted := make([]Role, len(order))
	k.byRole = map[string][]Role{}
	for i := 0; i < len(order); {
		j := i
		for ; j < len(order) && keys[order[j]] == keys[order[i]]; j++ {
			sorted[j] = byRole[order[j]]
		}
		k.byRole[keys[order[i]]] = sorted[i:j:j]
		i = j
	}
}

// addName indexes entry i under the folded name. Most names belong to one
// entry, whose index the map holds; a name shared by several entries maps
// to -1-j, where k.shared[j] lists them. This keeps loading from
// allocating a slice per name.
func (k *KB) addName(name string, i int32) { k.addFolded(Fold(name), i) }

// addFolded is addName for a name already folded.
func (k *KB) addFolded(f string, i int32) {
	v, ok := k.byName[f]
	switch {
	case !ok:
		k.byName[f] = i
	case v == i:
		// Two names of one entry that fold alike.
	case v >= 0:
		k.byName[f] = int32(-1 - len(k.shared))
		k.shared = append(k.shared, []int32{v, i})
	default:
		ids := k.shared[-1-v]
		if ids[len(ids)-1] != i {
			k.shared[-1-v] = append(ids, i)
		}
	}
}

// appendNew appends the values not already in list and not equal to
// except, keeping order.
func appendNew(list []string, except string, values ...string) []string {
	for _, v := range values {
		if v == "" || v == except || slices.Contains(list, v) {
			continue
		}
		list = append(list, v)
	}
	return list
}
