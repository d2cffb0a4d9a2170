package main

import (
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
	"unicode"
	"unicode/utf8"

	src "tidings/kb/internal/sources"
	"tidings/kb/internal/table"
)

// PartyColumns are the columns of parties.tsv.gz: the political parties
// (and parliamentary groups) that the everypolitician Wikidata extracts
// name for the people they list. id is the party's QID, name its most
// frequent English label and aliases the other labels seen for it;
// country is the alpha-3 of the repos it is seen in (the most rows;
// empty when only repos of no single country give it); members counts
// the distinct people seen with it across all files (a prominence
// prior); source is the file with the most rows for it (of two with as
// many, the one with more rows giving an English label).
var PartyColumns = []string{"id", "name", "aliases", "country", "members", "source"}

// PartyRow is one person's party as a file gives it.
type PartyRow struct {
	Party, Label, Person string
	// Secondary marks a label that is not the party's English label (a
	// short form, or another language's Wikipedia name): it is an alias
	// only.
	Secondary bool
}

// PartyPair names the columns of a file that hold a party's QID and its
// label, and the column of the person's QID.
type PartyPair struct {
	Person, QID, Label string
	Secondary          bool
}

// String is the pair as the survey logs it: "item: group=QID party=label".
func (p PartyPair) String() string {
	s := p.Person + ": " + p.QID + "=QID " + p.Label + "=label"
	if p.Secondary {
		s += " (alias only)"
	}
	return s
}

// partyColumn matches the column names that may hold a party: the QID,
// its label, or both ("party,partyLabel", "group,party", "groupitem,group",
// "group,klub_short", "faction").
var partyColumn = regexp.MustCompile(`(?i)party|group|faction|klub`)

// personColumns are the names a file's column of people's QIDs goes by;
// the values decide (they must be QIDs).
var personColumns = []string{"item", "person", "personID", "wdid", "id", "wikidata", "officeholder"}

// otherWiki matches a path that says its labels come from another
// language's Wikipedia ("current-members-iswiki.csv",
// "current-members-plwikinames.csv", "assembly/20-kowiki/"): those
// labels are aliases only.
var otherWiki = regexp.MustCompile(`(?:^|[-_./])([a-z]{2,3})wiki`)

// ParsePartyCSV reads one CSV file of the everypolitician extracts and
// returns each row's person and party with the columns it used. Which
// column holds the party's QID and which its label is decided by the
// values (a QID column's values are all QIDs, a label column's not all),
// since the names vary: "party,partyLabel", but "group,party" in
// one repo (the group is the QID) and "party,group" in another. A file
// without such a pair, or without a column of people's QIDs, gives
// nothing. Rows whose label is empty or itself a QID are skipped.
func ParsePartyCSV(r io.Reader, name string) ([]PartyRow, []PartyPair, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	rows, err := cr.ReadAll()
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(rows) < 2 {
		return nil, nil, nil
	}
	head := make([]string, len(rows[0]))
	for i, h := range rows[0] {
		head[i] = strings.TrimPrefix(strings.TrimSpace(h), "\ufeff")
	}
	rows = rows[1:]
	// qidShare is the number of non-empty values of column i and how many
	// of them are QIDs.
	qidShare := func(i int) (n, q int) {
		for _, r := range rows {
			if v := field(r, i); v != "" {
				n++
				if src.IsQID(v) {
					q++
				}
			}
		}
		return n, q
	}
	person := -1
	for _, want := range personColumns {
		i := slices.Index(head, want)
		if i < 0 {
			continue
		}
		if n, q := qidShare(i); n > 0 && q*10 >= n*9 {
			person = i
			break
		}
	}
	if person < 0 {
		return nil, nil, nil // not a list of people
	}
	var qidCols, labelCols []int
	for i, h := range head {
		if i == person || !partyColumn.MatchString(h) {
			continue
		}
		n, q := qidShare(i)
		switch {
		case n == 0: // an empty column says nothing
		case q == n:
			qidCols = append(qidCols, i)
		default: // labels, some of which may be QIDs (no English label)
			labelCols = append(labelCols, i)
		}
	}
	secondaryFile := false
	if m := otherWiki.FindStringSubmatch(strings.ToLower(name)); m != nil && m[1] != "en" {
		secondaryFile = true
	}
	var pairs []PartyPair
	var pairCols [][2]int
	used := map[int]bool{}
	for _, qi := range qidCols {
		q := head[qi]
		li := -1
		// the label named after the QID column, or the QID column named
		// after the label ("groupitem" for "group", "party_wikidata")
		for _, l := range labelCols {
			h := head[l]
			if !used[l] && (strings.EqualFold(h, q+"Label") || strings.EqualFold(h, q+"name") || strings.EqualFold(h, q+"_label") ||
				strings.EqualFold(q, h+"item") || strings.EqualFold(q, h+"_wikidata") || strings.EqualFold(q, h+"id")) {
				li = l
				break
			}
		}
		if li < 0 {
			// else the one label column left
			var left []int
			for _, l := range labelCols {
				if !used[l] {
					left = append(left, l)
				}
			}
			if len(left) == 1 && len(qidCols) == 1 {
				li = left[0]
			}
		}
		if li < 0 {
			continue
		}
		used[li] = true
		secondary := secondaryFile || strings.Contains(strings.ToLower(head[li]), "short")
		pairs = append(pairs, PartyPair{Person: head[person], QID: q, Label: head[li], Secondary: secondary})
		pairCols = append(pairCols, [2]int{qi, li})
	}
	var out []PartyRow
	for _, r := range rows {
		p := field(r, person)
		if !src.IsQID(p) {
			continue
		}
		for j, c := range pairCols {
			q, l := field(r, c[0]), clean1(field(r, c[1]))
			if !src.IsQID(q) || l == "" || src.IsQID(l) {
				continue
			}
			out = append(out, PartyRow{Party: q, Label: l, Person: p, Secondary: pairs[j].Secondary || !latin(l)})
		}
	}
	return out, pairs, nil
}

// notAParty matches the labels that say a person has no party: a party
// whose labels include one is left out ("independent politician",
// "Independent", "non-partisan", "no party", "unaffiliated members of
// parliament"; "fraktsioonitu" is the Estonian Riigikogu's "without a
// faction").
var notAParty = regexp.MustCompile(`(?i)^(independents?( politicians?| candidates?| members?)?|non[- ]?partisans?( politicians?)?|no party|non[- ]?party|(unaffiliated|non[- ]?affiliated|non[- ]?attached|non[- ]?inscrits?)( members?( of parliament)?)?|none|fraktsioonitu)$`)

// usableLabel reports whether a label can name a party: three characters
// or more ("A", "I", "DP", "RE" are short forms some queries give, too
// ambiguous to look up).
func usableLabel(s string) bool { return utf8.RuneCountInString(s) >= 3 }

// latin reports whether s has a Latin letter: a label without one
// ("더불어민주당", "民主黨") is not an English label.
func latin(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Latin, r) {
			return true
		}
	}
	return false
}

// PartyFile is the party rows of one file, with the country of its repo.
type PartyFile struct {
	Source, Country string
	Rows            []PartyRow
}

// PartyStats reports what PartyTable left out.
type PartyStats struct {
	NotParties  map[string][]string // QID -> labels, left out as not a party
	NoName      map[string][]string // QID -> labels, left out with no usable English label
	PersonsSeen int
}

// PartyTable merges the rows by party QID into one row a party. A party
// one of whose labels says it is no party (notAParty) is left out, as is
// one with no usable English label (only secondary labels, or only
// labels of one or two characters). Labels too short to use are dropped;
// the people seen with them still count.
func PartyTable(files []PartyFile) (table.Table, PartyStats) {
	type party struct {
		labels, secondary map[string]int
		people            map[string]bool
		rows, englishRows map[string]int // source -> rows, rows with an English label
		countries         map[string]int
	}
	parties := map[string]*party{}
	people := map[string]bool{}
	for _, f := range files {
		for _, r := range f.Rows {
			p := parties[r.Party]
			if p == nil {
				p = &party{labels: map[string]int{}, secondary: map[string]int{}, people: map[string]bool{},
					rows: map[string]int{}, englishRows: map[string]int{}, countries: map[string]int{}}
				parties[r.Party] = p
			}
			if r.Secondary {
				p.secondary[r.Label]++
			} else {
				p.labels[r.Label]++
				p.englishRows[f.Source]++
			}
			p.people[r.Person] = true
			people[r.Person] = true
			p.rows[f.Source]++
			if f.Country != "" {
				p.countries[f.Country]++
			}
		}
	}
	st := PartyStats{NotParties: map[string][]string{}, NoName: map[string][]string{}, PersonsSeen: len(people)}
	t := table.Table{Header: PartyColumns}
	for qid, p := range parties {
		labels, secondary := byCount(p.labels), byCount(p.secondary)
		seen := append(slices.Clone(labels), secondary...)
		if slices.ContainsFunc(seen, notAParty.MatchString) {
			st.NotParties[qid] = seen
			continue
		}
		labels = slices.DeleteFunc(labels, func(l string) bool { return !usableLabel(l) })
		if len(labels) == 0 {
			st.NoName[qid] = seen
			continue
		}
		all := append(labels, slices.DeleteFunc(secondary, func(l string) bool { return !usableLabel(l) })...)
		country := ""
		if cs := byCount(p.countries); len(cs) > 0 {
			country = cs[0]
		}
		// the source: the most rows, then the most with an English label
		sources := byCount(p.rows)
		slices.SortStableFunc(sources, func(a, b string) int {
			if p.rows[a] != p.rows[b] {
				return p.rows[b] - p.rows[a]
			}
			return p.englishRows[b] - p.englishRows[a]
		})
		t.Rows = append(t.Rows, []string{qid, all[0], table.JoinList(all[1:]), country,
			strconv.Itoa(len(p.people)), sources[0]})
	}
	sort.Slice(t.Rows, func(i, j int) bool { return slices.Compare(t.Rows[i], t.Rows[j]) < 0 })
	return t, st
}

// byCount lists the keys of m, most frequent first, then in string order.
func byCount(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	return keys
}

// cc0Files lists the everypolitician CSV files that SOURCES.tsv marks as
// Wikidata content (licence CC0): the scraped Wikipedia and official
// lists, whose licence is not stated, are not read.
func cc0Files(path string) ([]string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(strings.TrimRight(string(raw), "\n"), "\n")
	head := strings.Split(lines[0], "\t")
	dest, lic := slices.Index(head, "dest_path"), slices.Index(head, "licence")
	if dest < 0 || lic < 0 {
		return nil, fmt.Errorf("%s: no dest_path or licence column", path)
	}
	var out []string
	for _, l := range lines[1:] {
		f := strings.Split(l, "\t")
		if len(f) <= max(dest, lic) {
			continue
		}
		if strings.HasPrefix(f[dest], "everypolitician/") && strings.HasSuffix(f[dest], ".csv") && strings.HasPrefix(f[lic], "CC0") {
			out = append(out, f[dest])
		}
	}
	sort.Strings(out)
	return out, nil
}

// partyFile builds parties.tsv.gz from the everypolitician extracts under
// dir; countries is kb/data/countries.tsv.gz (for the repos' countries).
// A party that another table of the knowledge base has (same QID) is
// left out when the knowledge base loads, not here.
func partyFile(dir, countries string) (table.Table, error) {
	countryOf, err := countryMapper(countries)
	if err != nil {
		return table.Table{}, err
	}
	rels, err := cc0Files(filepath.Join(dir, "SOURCES.tsv"))
	if err != nil {
		return table.Table{}, err
	}
	var files []PartyFile
	read, withParty := 0, 0
	variants := map[string]int{}
	for _, rel := range rels {
		raw, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			if os.IsNotExist(err) {
				continue // a file of 4 MiB or more, not staged
			}
			return table.Table{}, err
		}
		read++
		// Most files have no party column: read the header first.
		head, _, _ := bytes.Cut(raw, []byte("\n"))
		if !partyColumn.Match(head) {
			continue
		}
		rows, pairs, err := ParsePartyCSV(bytes.NewReader(raw), rel)
		if err != nil {
			return table.Table{}, err
		}
		if len(pairs) == 0 {
			continue
		}
		withParty++
		for _, p := range pairs {
			variants[p.String()]++
		}
		repo := strings.Split(rel, "/")[1]
		files = append(files, PartyFile{Source: rel, Country: repoCountry(repo, countryOf), Rows: rows})
	}
	t, st := PartyTable(files)
	log.Printf("parties: %d CC0 files read, %d with a party QID and label (%d people); column pairs: %s",
		read, withParty, st.PersonsSeen, joinCounts(variants))
	log.Printf("parties: %d left out as not parties: %s", len(st.NotParties), joinLabels(st.NotParties))
	log.Printf("parties: %d left out with no usable English label: %s", len(st.NoName), joinLabels(st.NoName))
	return t, nil
}

func joinCounts(m map[string]int) string {
	var out []string
	for _, k := range byCount(m) {
		out = append(out, fmt.Sprintf("%s (%d)", k, m[k]))
	}
	return strings.Join(out, "; ")
}

func joinLabels(m map[string][]string) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []string
	for _, k := range keys {
		out = append(out, k+" "+strings.Join(m[k], "|"))
	}
	return strings.Join(out, "; ")
}
