package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	src "tidings/kb/internal/sources"
	"tidings/kb/internal/table"
)

// PeopleColumns are the columns of people.tsv.gz: office holders with a
// QID from the knowledge sources (everypolitician, leaders-current,
// us-congress). positions counts the distinct positions held (label and
// start); position, from and until are the latest one; source is the file
// that gives it, and as_of that file's date (its commit date in
// SOURCES.tsv): an open position is known to be held up to that day only.
var PeopleColumns = []string{"id", "name", "aliases", "country", "born", "wikipedia", "positions", "position", "from", "until", "source", "as_of"}

// Holding is one position a person held, as a source gives it.
type Holding struct {
	QID, Name, Position string
	Start, End          string // ISO dates or years, as given; "" when unknown or open
	Born, Wikipedia     string // birth date and English Wikipedia title, where given
	Country             string // alpha-3 or a country name to map ("" when unknown)
	Source              string
}

// ParseHolders reads an everypolitician html/holders21.csv or current.csv
// (position,person,personID,start,end[,gender,DOB,DOD,image,enwiki]; the
// extended current.csv has no end).
func ParseHolders(r io.Reader, source string) ([]Holding, error) {
	rows, col, err := readCSV(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", source, err)
	}
	if len(rows) > 0 && (col["personID"] < 0 || col["person"] < 0 || col["position"] < 0) {
		return nil, fmt.Errorf("%s: no position,person,personID columns", source)
	}
	var out []Holding
	for _, r := range rows {
		h := Holding{QID: field(r, col["personID"]), Name: field(r, col["person"]), Position: field(r, col["position"]),
			Start: field(r, col["start"]), End: field(r, col["end"]), Born: field(r, col["DOB"]),
			Wikipedia: field(r, col["enwiki"]), Source: source}
		if src.IsQID(h.QID) {
			out = append(out, h)
		}
	}
	return out, nil
}

// Bio is a row of an everypolitician html/bio.csv.
type Bio struct{ Name, Born, Wikipedia string }

// ParseBio reads html/bio.csv (id,name,gender,dob,dobp,dod,dodp,image,enwiki).
func ParseBio(r io.Reader) (map[string]Bio, error) {
	rows, col, err := readCSV(r)
	if err != nil {
		return nil, err
	}
	out := map[string]Bio{}
	for _, r := range rows {
		if id := field(r, col["id"]); src.IsQID(id) {
			out[id] = Bio{field(r, col["name"]), field(r, col["dob"]), field(r, col["enwiki"])}
		}
	}
	return out, nil
}

// ParseWorldLeaders reads world-leaders-2021/data/wikidata.csv
// (countryid,country,position,positionLabel,officeholder,officeholderLabel,start_year,end_year).
func ParseWorldLeaders(r io.Reader, source string) ([]Holding, error) {
	rows, col, err := readCSV(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", source, err)
	}
	var out []Holding
	for _, r := range rows {
		h := Holding{QID: field(r, col["officeholder"]), Name: field(r, col["officeholderLabel"]),
			Position: field(r, col["positionLabel"]), Start: field(r, col["start_year"]), End: field(r, col["end_year"]),
			Country: field(r, col["country"]), Source: source}
		if src.IsQID(h.QID) {
			out = append(out, h)
		}
	}
	return out, nil
}

// ParseLeadersCurrent reads a leaders-current data/countries/*/current.json;
// its country is the alpha-2 iso_code (organisations have none).
func ParseLeadersCurrent(r io.Reader, source string) ([]Holding, error) {
	doc, err := src.ReadLeaders(r, source)
	if err != nil {
		return nil, err
	}
	keys := make([]string, 0, len(doc.Positions))
	for k := range doc.Positions {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []Holding
	for _, k := range keys {
		p := doc.Positions[k]
		if p.Holder == nil || !src.IsQID(p.Holder.QID) {
			continue
		}
		country := ""
		if len(doc.Country.ISO) == 2 {
			country = doc.Country.ISO
		}
		out = append(out, Holding{QID: p.Holder.QID, Name: p.Holder.Name, Position: p.Title, Start: p.Holder.Since,
			Born: p.Holder.Born, Wikipedia: wikipediaTitle(p.Holder.Wikipedia), Country: country, Source: source})
	}
	return out, nil
}

// wikipediaTitle turns an English Wikipedia URL into its title.
func wikipediaTitle(url string) string {
	_, t, ok := strings.Cut(url, "en.wikipedia.org/wiki/")
	if !ok {
		return ""
	}
	var b strings.Builder
	for i := 0; i < len(t); i++ {
		if t[i] == '%' && i+2 < len(t) {
			if v, err := strconv.ParseUint(t[i+1:i+3], 16, 8); err == nil {
				b.WriteByte(byte(v))
				i += 2
				continue
			}
		}
		b.WriteByte(t[i])
	}
	return strings.ReplaceAll(b.String(), "_", " ")
}

// ParseCongress reads us-congress legislators-current.yaml: a list of
// members with id (wikidata, wikipedia), name (first, last,
// official_full), bio (birthday) and terms (type, start, end, state). The
// file's layout is fixed (two-space indentation, one key a line), which
// this reader relies on rather than a YAML library.
func ParseCongress(r io.Reader, source string) ([]Holding, error) {
	var out []Holding
	var qid, wiki, first, last, full, born, section string
	var terms []Holding
	flush := func() {
		name := full
		if name == "" {
			name = strings.TrimSpace(first + " " + last)
		}
		if src.IsQID(qid) && name != "" {
			for _, t := range terms {
				t.QID, t.Name, t.Born, t.Wikipedia, t.Country, t.Source = qid, name, born, wiki, "USA", source
				out = append(out, t)
			}
		}
		qid, wiki, first, last, full, born, section, terms = "", "", "", "", "", "", "", nil
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "- ") {
			flush()
			line = "  " + line[2:]
		}
		indent := len(line) - len(strings.TrimLeft(line, " "))
		key, value, _ := strings.Cut(strings.TrimSpace(line), ":")
		value = unquote(strings.TrimSpace(value))
		switch {
		case indent == 2 && key == "- type":
			terms = append(terms, Holding{Position: value})
		case indent == 2:
			section = key
		case indent == 4 && strings.HasPrefix(key, "- "):
		case indent == 4:
			switch section + "." + key {
			case "id.wikidata":
				qid = value
			case "id.wikipedia":
				wiki = value
			case "name.first":
				first = value
			case "name.last":
				last = value
			case "name.official_full":
				full = value
			case "bio.birthday":
				born = value
			case "terms.start":
				if len(terms) > 0 {
					terms[len(terms)-1].Start = value
				}
			case "terms.end":
				if len(terms) > 0 {
					terms[len(terms)-1].End = value
				}
			case "terms.state":
				if len(terms) > 0 {
					terms[len(terms)-1].Position += " " + value
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", source, err)
	}
	flush()
	for i := range out {
		kind, state, _ := strings.Cut(out[i].Position, " ")
		switch kind {
		case "sen":
			kind = "United States senator"
		case "rep":
			kind = "United States representative"
		}
		out[i].Position = strings.TrimSpace(kind + " " + state)
	}
	return out, nil
}

func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '\'' && s[len(s)-1] == '\'' || s[0] == '"' && s[len(s)-1] == '"') {
		return s[1 : len(s)-1]
	}
	return s
}

func readCSV(r io.Reader) ([][]string, map[string]int, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	rows, err := cr.ReadAll()
	if err != nil {
		return nil, nil, err
	}
	col := map[string]int{}
	for _, k := range []string{"position", "person", "personID", "start", "end", "DOB", "enwiki", "id", "name", "dob",
		"country", "positionLabel", "officeholder", "officeholderLabel", "start_year", "end_year"} {
		col[k] = -1
	}
	if len(rows) == 0 { // a repo with no holders has an empty file
		return nil, col, nil
	}
	for i, h := range rows[0] {
		col[strings.TrimPrefix(strings.TrimSpace(h), "\ufeff")] = i
	}
	return rows[1:], col, nil
}

func field(r []string, i int) string {
	if i < 0 || i >= len(r) {
		return ""
	}
	return strings.TrimSpace(r[i])
}

// CleanName returns the "First Last" form of a source name: without a
// parenthetical ("John Smith (politician)") and with a "Last, First"
// form turned round.
func CleanName(s string) string {
	if i := strings.Index(s, " ("); i > 0 && strings.HasSuffix(s, ")") {
		s = s[:i]
	}
	if last, first, ok := strings.Cut(s, ", "); ok && !strings.Contains(first, ",") &&
		!strings.HasPrefix(first, "Jr") && !strings.HasPrefix(first, "Sr") && !isRoman(first) {
		s = first + " " + last
	}
	return strings.Join(strings.Fields(s), " ")
}

func isRoman(s string) bool {
	return strings.Trim(s, "IVX.") == "" && s != ""
}

// PeopleTable merges the holdings by QID into one row a person, leaving
// out the people of skip (the curated table's QIDs). countryOf maps a
// source's country (a name, alpha-2 or alpha-3) to alpha-3 ("" unknown).
func PeopleTable(hs []Holding, bios map[string]Bio, skip map[string]bool, countryOf func(string) string, asOf map[string]string) table.Table {
	type person struct {
		names              []string
		born, wiki         string
		positions          map[string]bool
		latest             Holding
		countries          map[string]int
		firstCountryOrder  []string
		hasLatest, current bool
	}
	people := map[string]*person{}
	var order []string
	for _, h := range hs {
		if skip[h.QID] || src.IsQID(h.Name) {
			continue
		}
		p := people[h.QID]
		if p == nil {
			p = &person{positions: map[string]bool{}, countries: map[string]int{}}
			people[h.QID] = p
			order = append(order, h.QID)
		}
		if h.Name != "" {
			p.names = append(p.names, h.Name)
		}
		if p.born == "" {
			p.born = h.Born
		}
		if p.wiki == "" {
			p.wiki = h.Wikipedia
		}
		p.positions[h.Position+"\x00"+h.Start] = true
		if c := countryOf(h.Country); c != "" {
			if p.countries[c] == 0 {
				p.firstCountryOrder = append(p.firstCountryOrder, c)
			}
			p.countries[c]++
		}
		// the latest position: the latest start; an open end beats a
		// closed one of the same start
		if !p.hasLatest || h.Start > p.latest.Start || h.Start == p.latest.Start && h.End == "" && p.latest.End != "" {
			p.latest, p.hasLatest = h, true
		}
	}
	t := table.Table{Header: PeopleColumns}
	for _, qid := range order {
		p := people[qid]
		b := bios[qid]
		if p.born == "" {
			p.born = b.Born
		}
		if p.wiki == "" {
			p.wiki = b.Wikipedia
		}
		names := p.names
		if b.Name != "" && !src.IsQID(b.Name) {
			names = append([]string{b.Name}, names...)
		}
		var clean []string
		for _, n := range names {
			clean = append(clean, CleanName(n))
		}
		if len(clean) == 0 || clean[0] == "" {
			continue
		}
		name := clean[0]
		var aliases []string
		for _, n := range append(clean[1:], names...) {
			if n != name {
				aliases = append(aliases, n)
			}
		}
		country, best := "", 0
		for _, c := range p.firstCountryOrder {
			if p.countries[c] > best {
				country, best = c, p.countries[c]
			}
		}
		born := ""
		if len(p.born) >= 4 {
			if y, err := strconv.Atoi(p.born[:4]); err == nil && y >= 1800 && y <= 2100 {
				born = p.born[:4]
			}
		}
		t.Rows = append(t.Rows, []string{qid, name, table.JoinList(aliases), country, born, clean1(p.wiki),
			strconv.Itoa(len(p.positions)), clean1(p.latest.Position), p.latest.Start, p.latest.End, p.latest.Source, asOf[p.latest.Source]})
	}
	return t
}

// clean1 keeps a field on one line without tabs.
func clean1(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// peopleFile builds people.tsv.gz from the knowledge sources under dir;
// curated is kb/curated/people.tsv (whose QIDs are left out) and
// countries kb/data/countries.tsv.gz (to map country names).
func peopleFile(dir, curated, countries string) (table.Table, error) {
	skip, err := curatedQIDs(curated)
	if err != nil {
		return table.Table{}, err
	}
	countryOf, err := countryMapper(countries)
	if err != nil {
		return table.Table{}, err
	}
	var hs []Holding
	bios := map[string]Bio{}
	open := func(rel string, fn func(io.Reader, string) error) error {
		f, err := os.Open(filepath.Join(dir, rel))
		if err != nil {
			return err
		}
		defer f.Close()
		return fn(f, rel)
	}
	repos, _ := filepath.Glob(filepath.Join(dir, "everypolitician", "*"))
	sort.Strings(repos)
	for _, repo := range repos {
		name := filepath.Base(repo)
		country := repoCountry(name, countryOf)
		for _, file := range []string{"holders21.csv", "current.csv", "legislators.csv"} {
			rel := filepath.Join("everypolitician", name, "html", file)
			if _, err := os.Stat(filepath.Join(dir, rel)); err != nil {
				continue
			}
			if err := open(rel, func(r io.Reader, src string) error {
				got, err := ParseHolders(r, src)
				for i := range got {
					got[i].Country = country
				}
				hs = append(hs, got...)
				return err
			}); err != nil {
				return table.Table{}, err
			}
		}
		rel := filepath.Join("everypolitician", name, "html", "bio.csv")
		if _, err := os.Stat(filepath.Join(dir, rel)); err == nil {
			if err := open(rel, func(r io.Reader, src string) error {
				got, err := ParseBio(r)
				if err != nil {
					return fmt.Errorf("%s: %w", src, err)
				}
				for k, v := range got {
					if _, ok := bios[k]; !ok {
						bios[k] = v
					}
				}
				return nil
			}); err != nil {
				return table.Table{}, err
			}
		}
	}
	if err := open("everypolitician/world-leaders-2021/data/wikidata.csv", func(r io.Reader, src string) error {
		got, err := ParseWorldLeaders(r, src)
		hs = append(hs, got...)
		return err
	}); err != nil {
		return table.Table{}, err
	}
	leaders, _ := filepath.Glob(filepath.Join(dir, "leaders-current/data/countries/*/current.json"))
	sort.Strings(leaders)
	for _, p := range leaders {
		rel, _ := filepath.Rel(dir, p)
		if err := open(rel, func(r io.Reader, src string) error {
			got, err := ParseLeadersCurrent(r, src)
			hs = append(hs, got...)
			return err
		}); err != nil {
			return table.Table{}, err
		}
	}
	if err := open("us-congress/legislators-current.yaml", func(r io.Reader, src string) error {
		got, err := ParseCongress(r, src)
		hs = append(hs, got...)
		return err
	}); err != nil {
		return table.Table{}, err
	}
	asOf, err := sourceDates(filepath.Join(dir, "SOURCES.tsv"))
	if err != nil {
		return table.Table{}, err
	}
	return PeopleTable(hs, bios, skip, countryOf, asOf), nil
}

// commitDate finds the date in SOURCES.tsv's notes ("commit date 2022-07-29").
var commitDate = regexp.MustCompile(`commit date (\d{4}-\d{2}-\d{2})`)

// sourceDates maps each file of the knowledge sources to its date, from
// SOURCES.tsv (tab-separated, with a header naming dest_path and notes).
func sourceDates(path string) (map[string]string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(strings.TrimRight(string(raw), "\n"), "\n")
	head := strings.Split(lines[0], "\t")
	dest, notes := slices.Index(head, "dest_path"), slices.Index(head, "notes")
	if dest < 0 || notes < 0 {
		return nil, fmt.Errorf("%s: no dest_path or notes column", path)
	}
	out := make(map[string]string, len(lines))
	for _, l := range lines[1:] {
		f := strings.Split(l, "\t")
		if len(f) <= max(dest, notes) {
			continue
		}
		if m := commitDate.FindStringSubmatch(f[notes]); m != nil {
			out[f[dest]] = m[1]
		}
	}
	return out, nil
}

func curatedQIDs(path string) (map[string]bool, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	t, err := table.Parse(string(raw), []string{"id", "wikidata", "wikipedia", "name", "short_name", "aliases", "country", "born", "source"})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out := map[string]bool{}
	for _, r := range t.Rows {
		if r[1] != "" {
			out[r[1]] = true
		}
	}
	return out, nil
}

// countryMapper maps a country's alpha-3, alpha-2, name, official name
// or alias (folded to lower case) to its alpha-3, from countries.tsv.gz.
func countryMapper(path string) (func(string) string, error) {
	t, err := table.ReadGzipFile(path, CountryColumns)
	if err != nil {
		return nil, err
	}
	m := map[string]string{}
	for _, r := range t.Rows {
		for _, n := range append([]string{r[0], r[1], r[2], r[3]}, table.List(r[4])...) {
			if k := countryKey(n); n != "" && m[k] == "" {
				m[k] = r[0]
			}
		}
	}
	for k, v := range repoCountries {
		if v != "" {
			m[k] = v
		}
	}
	return func(s string) string { return m[countryKey(s)] }, nil
}

// countryKey folds a country name for countryMapper: lower case, hyphens
// as spaces ("Guinea-Bissau" is the repo "guinea-bissau").
func countryKey(s string) string {
	return strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "-", " ")
}

// repoCountries names the countries of everypolitician repos (and source
// country labels) that no country name gives; "" marks a repo with no
// single country (international, disputed territories).
var repoCountries = map[string]string{
	"us": "USA", "arkansas": "USA", "oklahoma": "USA", "texas": "USA", "uk": "GBR", "scotland": "GBR",
	"wales": "GBR", "northern ireland": "GBR", "czech": "CZE", "saudi": "SAU", "bvi": "VGB", "caymans": "CYM",
	"solomons": "SLB", "ivory coast": "CIV", "congo brazzaville": "COG", "congo kinshasa": "COD", "uae": "ARE",
	"bosnia herzegovina": "BIH", "antigua barbuda": "ATG", "st kitts and nevis": "KNA", "st lucia": "LCA",
	"st vincent and the grenadines": "VCT", "turks and caicos": "TCA", "faroes": "FRO", "timor leste": "TLS",
	"sao tome and principe": "STP", "cabo verde": "CPV", "north korea": "PRK", "south korea": "KOR",
	"swiss": "CHE", "european": "", "eu": "", "world": "", "current governments enwiki": "",
}

// repoCountry finds the country of an everypolitician repo from its name
// ("argentina-ministers", "new-zealand"): its longest leading words that
// name a country.
func repoCountry(repo string, countryOf func(string) string) string {
	words := strings.Split(repo, "-")
	for n := len(words); n > 0; n-- {
		k := strings.Join(words[:n], " ")
		if c, ok := repoCountries[k]; ok {
			return c
		}
		if c := countryOf(k); c != "" {
			return c
		}
	}
	return ""
}

// writePeopleFile writes people.tsv.gz into out from the sources under
// dir, or nothing when dir is absent.
func writePeopleFile(out, dir string) error {
	if _, err := os.Stat(dir); err != nil {
		log.Printf("%s absent: people table left as it is", dir)
		return nil
	}
	t, err := peopleFile(dir, filepath.Join(out, "..", "curated", "people.tsv"), filepath.Join(out, "countries.tsv.gz"))
	if err != nil {
		return fmt.Errorf("people: %w", err)
	}
	var buf bytes.Buffer
	if err := table.WriteGzip(&buf, t); err != nil {
		return fmt.Errorf("people.tsv.gz: %w", err)
	}
	path := filepath.Join(out, "people.tsv.gz")
	log.Printf("people.tsv.gz: %d rows, %d bytes", len(t.Rows), buf.Len())
	return os.WriteFile(path, buf.Bytes(), 0o644)
}
