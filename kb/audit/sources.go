package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	src "tidings/kb/internal/sources"

	"tidings/kb"
)

// term is one position held (a Wikidata P39 statement or a source's
// equivalent): the position's label, the first day and the end, as the
// source writes them (YYYY-MM-DD, YYYY-MM or YYYY; "" when open), the
// country it belongs to (alpha-3, "" when unknown) and the file.
type term struct {
	label, start, end, country, file string
	role                             string // kb role when the source names it ("head of state")
}

// person is what the sources say of one Wikidata item that held a position.
type person struct {
	labels    map[string]string // folded label -> label as written
	wikipedia string
	wpFile    string
	born      string // YYYY
	countries map[string]bool
	terms     []term
	file      string // the first file that names the person
}

// sources indexes the knowledge sources under one root.
type sources struct {
	root      string
	people    map[string]*person  // QID -> person
	byName    map[string][]string // folded name -> person QIDs
	labels    map[string]string   // QID -> a label (any item: organisations, places, positions)
	labelFile map[string]string   // QID -> the file of that label
	byLabel   map[string][]string // folded label -> QIDs
	countryQ  map[string]string   // country QID -> alpha-3
	countryOf map[string]string   // alpha-3 -> country QID (places)
	iso2      map[string]string   // alpha-2 -> alpha-3
	phoenix   *phoenix            // the PETRARCH-2 Phoenix actor dictionaries
}

func (s *sources) rel(path string) string {
	r, err := filepath.Rel(s.root, path)
	if err != nil {
		return path
	}
	return filepath.ToSlash(r)
}

func (s *sources) person(qid, name, file string) *person {
	p := s.people[qid]
	if p == nil {
		p = &person{labels: map[string]string{}, countries: map[string]bool{}, file: file}
		s.people[qid] = p
	}
	if name != "" {
		f := kb.Fold(name)
		if _, ok := p.labels[f]; !ok {
			p.labels[f] = name
			s.byName[f] = append(s.byName[f], qid)
		}
	}
	return p
}

func (s *sources) label(qid, label, file string) {
	if !src.IsQID(qid) || label == "" || src.IsQID(label) {
		return
	}
	if _, ok := s.labels[qid]; !ok {
		s.labels[qid], s.labelFile[qid] = label, file
	}
	f := kb.Fold(label)
	for _, q := range s.byLabel[f] {
		if q == qid {
			return
		}
	}
	s.byLabel[f] = append(s.byLabel[f], qid)
}

// readCSV returns the header and rows of a CSV file; a file that cannot be
// read gives nothing (the sources are third-party, some are empty).
func readCSV(path string) ([]string, [][]string) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReader(f))
	r.FieldsPerRecord, r.LazyQuotes = -1, true
	var rows [][]string
	header, err := r.Read()
	if err != nil {
		return nil, nil
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			continue
		}
		rows = append(rows, rec)
	}
	return header, rows
}

func col(header []string, name string) int {
	for i, h := range header {
		if strings.TrimPrefix(h, "\ufeff") == name {
			return i
		}
	}
	return -1
}

func get(rec []string, i int) string {
	if i < 0 || i >= len(rec) {
		return ""
	}
	return strings.TrimSpace(rec[i])
}

func loadSources(root string) (*sources, error) {
	s := &sources{
		root: root, people: map[string]*person{}, byName: map[string][]string{},
		labels: map[string]string{}, labelFile: map[string]string{}, byLabel: map[string][]string{},
		countryQ: map[string]string{}, countryOf: map[string]string{}, iso2: map[string]string{},
	}
	// Countries first: the other files name countries by QID.
	cpath := filepath.Join(root, "places/csv/countries.csv")
	h, rows := readCSV(cpath)
	if h == nil {
		return nil, &os.PathError{Op: "read", Path: cpath, Err: fs.ErrNotExist}
	}
	for _, r := range rows {
		iso3, iso2, q := get(r, col(h, "iso3")), get(r, col(h, "iso2")), get(r, col(h, "wikiDataId"))
		s.iso2[iso2] = iso3
		if src.IsQID(q) {
			s.countryQ[q], s.countryOf[iso3] = iso3, q
			s.label(q, get(r, col(h, "name")), s.rel(cpath))
		}
	}
	ep := filepath.Join(root, "everypolitician")
	repos, err := os.ReadDir(ep)
	if err != nil {
		return nil, err
	}
	for _, d := range repos {
		if d.IsDir() {
			s.readRepo(filepath.Join(ep, d.Name()))
		}
	}
	s.readLeaders(filepath.Join(root, "leaders-current/data/countries"))
	s.readCongress(filepath.Join(root, "us-congress/legislators-current.yaml"), "")
	s.readCongress(filepath.Join(root, "us-congress/executive.yaml"), "USA")
	if s.phoenix, err = loadPhoenix(root); err != nil {
		return nil, err
	}
	return s, nil
}

// readRepo reads one every-politician-scrapers repository: its country
// (the most usual country of its positions), the holders of its positions
// with their terms, its people's biographies, and every QID/label column
// pair of its CSV files.
func (s *sources) readRepo(dir string) {
	country := ""
	h, rows := readCSV(filepath.Join(dir, "html/positions.csv"))
	count := map[string]int{}
	for _, r := range rows {
		count[s.countryQ[get(r, col(h, "country"))]]++
	}
	best := 0
	for c, n := range count {
		if c != "" && (n > best || n == best && c < country) {
			country, best = c, n
		}
	}
	if country == "" {
		// A repository without positions.csv names its country in
		// meta.json, as the QID of its jurisdiction.
		var meta struct {
			Jurisdiction struct {
				ID string `json:"id"`
			} `json:"jurisdiction"`
		}
		if raw, err := os.ReadFile(filepath.Join(dir, "meta.json")); err == nil && json.Unmarshal(raw, &meta) == nil {
			country = s.countryQ[meta.Jurisdiction.ID]
		}
	}
	for _, name := range []string{"html/holders21.csv", "html/current.csv", "html/legislators.csv"} {
		path := filepath.Join(dir, name)
		h, rows := readCSV(path)
		file := s.rel(path)
		for _, r := range rows {
			q := get(r, col(h, "personID"))
			if !src.IsQID(q) {
				continue
			}
			p := s.person(q, get(r, col(h, "person")), file)
			if wp := get(r, col(h, "enwiki")); wp != "" && p.wikipedia == "" {
				p.wikipedia, p.wpFile = wp, file
			}
			if dob := get(r, col(h, "DOB")); len(dob) >= 4 && p.born == "" {
				p.born = dob[:4]
			}
			if country != "" {
				p.countries[country] = true
			}
			p.terms = append(p.terms, term{label: get(r, col(h, "position")), start: get(r, col(h, "start")), end: get(r, col(h, "end")), country: country, file: file})
		}
	}
	path := filepath.Join(dir, "html/bio.csv")
	h, rows = readCSV(path)
	for _, r := range rows {
		q := get(r, col(h, "id"))
		if !src.IsQID(q) {
			continue
		}
		p := s.person(q, get(r, col(h, "name")), s.rel(path))
		if wp := get(r, col(h, "enwiki")); wp != "" && p.wikipedia == "" {
			p.wikipedia, p.wpFile = wp, s.rel(path)
		}
		if dob := get(r, col(h, "dob")); len(dob) >= 4 && p.born == "" {
			p.born = dob[:4]
		}
	}
	// Relatives of office holders: a QID and its name.
	path = filepath.Join(dir, "html/family.csv")
	h, rows = readCSV(path)
	for _, r := range rows {
		if q := get(r, col(h, "relative")); src.IsQID(q) {
			s.person(q, get(r, col(h, "relativename")), s.rel(path))
		}
	}
	if strings.HasSuffix(dir, "world-leaders-2021") {
		path := filepath.Join(dir, "data/wikidata.csv")
		h, rows := readCSV(path)
		for _, r := range rows {
			q := get(r, col(h, "officeholder"))
			if !src.IsQID(q) {
				continue
			}
			c := s.countryQ[get(r, col(h, "countryid"))]
			p := s.person(q, get(r, col(h, "officeholderLabel")), s.rel(path))
			if c != "" {
				p.countries[c] = true
			}
			p.terms = append(p.terms, term{label: get(r, col(h, "positionLabel")), start: get(r, col(h, "start_year")), end: get(r, col(h, "end_year")), country: c, file: s.rel(path)})
		}
	}
	// Labels of any item: every column X with a sibling XLabel, and
	// positions.csv's id/position.
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".csv") {
			return nil
		}
		h, rows := readCSV(path)
		file := s.rel(path)
		type pair struct{ q, l int }
		var pairs []pair
		for i, c := range h {
			if j := col(h, c+"Label"); j >= 0 {
				pairs = append(pairs, pair{i, j})
			}
		}
		if strings.HasSuffix(path, "html/positions.csv") {
			pairs = append(pairs, pair{col(h, "id"), col(h, "position")})
		}
		for _, r := range rows {
			for _, p := range pairs {
				s.label(get(r, p.q), get(r, p.l), file)
			}
		}
		return nil
	})
}

// readLeaders reads leaders-current's one file per country or
// organisation: the current head of state and of government.
func (s *sources) readLeaders(dir string) {
	ents, _ := os.ReadDir(dir)
	for _, d := range ents {
		path := filepath.Join(dir, d.Name(), "current.json")
		raw, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		doc, err := src.ReadLeaders(bytes.NewReader(raw), path)
		if err != nil {
			continue
		}
		file := s.rel(path)
		c := s.iso2[doc.Country.ISO]
		for key, pos := range doc.Positions {
			h := pos.Holder
			if h == nil || !src.IsQID(h.QID) {
				continue
			}
			p := s.person(h.QID, h.Name, file)
			if p.wikipedia == "" && strings.HasPrefix(h.Wikipedia, "https://en.wikipedia.org/wiki/") {
				p.wikipedia, p.wpFile = wikiTitle(h.Wikipedia), file
			}
			if len(h.Born) >= 4 && p.born == "" {
				p.born = h.Born[:4]
			}
			if c != "" {
				p.countries[c] = true
			}
			p.terms = append(p.terms, term{label: pos.Title, start: h.Since, country: c, file: file, role: strings.ReplaceAll(key, "_", " ")})
		}
	}
}

func wikiTitle(url string) string {
	t := strings.TrimPrefix(url, "https://en.wikipedia.org/wiki/")
	return strings.ReplaceAll(t, "_", " ")
}

// readCongress reads the us-congress YAML files with a line reader that
// knows their shape (a list of people, each with id, name, bio and terms
// maps): no YAML library is needed for these two files. country is the
// country of the terms ("USA" for the executive, whose terms are prez and
// viceprez); legislators get no terms, only names, QIDs and titles.
func (s *sources) readCongress(path, country string) {
	f, err := os.Open(path)
	if err != nil {
		return
	}
	defer f.Close()
	file := s.rel(path)
	type rec struct {
		id, name map[string]string
		birthday string
		terms    []map[string]string
	}
	var cur *rec
	flush := func() {
		if cur == nil || !src.IsQID(cur.id["wikidata"]) {
			return
		}
		name := cur.name["official_full"]
		if name == "" {
			name = strings.TrimSpace(cur.name["first"] + " " + cur.name["last"])
		}
		p := s.person(cur.id["wikidata"], name, file)
		if p.wikipedia == "" && cur.id["wikipedia"] != "" {
			p.wikipedia, p.wpFile = cur.id["wikipedia"], file
		}
		if len(cur.birthday) >= 4 && p.born == "" {
			p.born = cur.birthday[:4]
		}
		p.countries["USA"] = true
		for _, t := range cur.terms {
			label := map[string]string{"prez": "President of the United States", "viceprez": "Vice President of the United States"}[t["type"]]
			if country == "" || label == "" {
				continue
			}
			role := ""
			if t["type"] == "prez" {
				role = "head of state"
			}
			p.terms = append(p.terms, term{label: label, start: t["start"], end: t["end"], country: country, file: file, role: role})
		}
	}
	section := ""
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "- ") {
			flush()
			cur = &rec{id: map[string]string{}, name: map[string]string{}}
			line = "  " + line[2:]
		}
		if cur == nil {
			continue
		}
		indent := len(line) - len(strings.TrimLeft(line, " "))
		body := strings.TrimSpace(line)
		if indent == 2 {
			section = strings.TrimSuffix(body, ":")
			continue
		}
		if section == "terms" && strings.HasPrefix(body, "- ") {
			cur.terms = append(cur.terms, map[string]string{})
			body = body[2:]
		}
		k, v, ok := strings.Cut(body, ":")
		if !ok {
			continue
		}
		v = strings.Trim(strings.TrimSpace(v), "'\"")
		switch section {
		case "id":
			cur.id[k] = v
		case "name":
			cur.name[k] = v
		case "bio":
			if k == "birthday" {
				cur.birthday = v
			}
		case "terms":
			if len(cur.terms) > 0 {
				cur.terms[len(cur.terms)-1][k] = v
			}
		}
	}
	flush()
}

// mergedTerms joins a person's consecutive terms of one position in one
// country (a re-election that the source writes as a new term), longest
// date form first among duplicates.
func mergedTerms(ts []term) []term {
	ts = append([]term(nil), ts...)
	sort.SliceStable(ts, func(i, j int) bool {
		if ts[i].label != ts[j].label {
			return ts[i].label < ts[j].label
		}
		if ts[i].country != ts[j].country {
			return ts[i].country < ts[j].country
		}
		return ts[i].start < ts[j].start
	})
	var out []term
	for _, t := range ts {
		if n := len(out); n > 0 {
			last := &out[n-1]
			if last.label == t.label && last.country == t.country && last.file == t.file && last.end != "" && (last.end == t.start || nextDay(last.end) == t.start) {
				last.end = t.end
				continue
			}
		}
		out = append(out, t)
	}
	return out
}

func nextDay(d string) string {
	t, err := time.Parse("2006-01-02", d)
	if err != nil {
		return ""
	}
	return t.AddDate(0, 0, 1).Format("2006-01-02")
}
