package main

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"

	"tidings/kb/internal/table"
)

// SportColumns are the columns of sports.tsv.gz: football clubs, national
// teams and leagues from openfootball. tier is a prominence prior: 1 for
// the competitions and clubs of England, Spain, Germany, Italy and France
// and UEFA's, 2 for the rest of Europe, 3 elsewhere.
var SportColumns = []string{"id", "kind", "name", "aliases", "city", "country", "tier", "source"}

// footballKey is an openfootball country key ("eng", "es") with the
// region folder it sits in.
type footballKey struct{ key, region string }

// sportTier is the prominence prior of a country key.
func sportTier(key, region string) string {
	switch {
	case key == "eng" || key == "es" || key == "de" || key == "it" || key == "fr" || key == "uefa":
		return "1"
	case region == "europe":
		return "2"
	}
	return "3"
}

// stripComment drops a "#" comment and a language tag ("Inter Mailand
// [de]"), and folds white space.
func stripComment(s string) string {
	if i := strings.Index(s, "#"); i >= 0 {
		s = s[:i]
	}
	return strings.Join(strings.Fields(s), " ")
}

var langTag = regexp.MustCompile(`\s*\[[a-z]{2}\]$`)

// aliasList splits "| a | b [de]" into names, English and unmarked ones
// only, without codes such as "eng.pl".
func aliasList(line string) []string {
	var out []string
	for _, a := range strings.Split(stripComment(line), "|") {
		a = strings.TrimSpace(a)
		if a == "" {
			continue
		}
		if m := langTag.FindString(a); m != "" {
			if !strings.Contains(m, "[en]") {
				continue
			}
			a = strings.TrimSpace(strings.TrimSuffix(a, m))
		}
		if strings.ToLower(a) == a && strings.Contains(a, ".") {
			continue // a code
		}
		out = append(out, a)
	}
	return out
}

// Club is one club line of a *.clubs.txt file.
type Club struct {
	Name, City string
	Aliases    []string
}

// ParseClubs reads an openfootball clubs file: a line "Name, founded, @
// stadium, City › Region" starts a club, "| alias | alias" lines follow
// it; "ii)" reserve sides, address lines (indented) and "=" headings are
// skipped.
func ParseClubs(r io.Reader) ([]Club, error) {
	var out []Club
	cur := -1 // index of the club the alias lines belong to; -1: none
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		raw := sc.Text()
		line := stripComment(raw)
		switch {
		case line == "":
			continue
		case strings.HasPrefix(line, "|"):
			if cur >= 0 {
				out[cur].Aliases = append(out[cur].Aliases, aliasList(line)...)
			}
			continue
		case strings.HasPrefix(line, "="), strings.HasPrefix(line, "ii)"), strings.HasPrefix(line, "iii)"),
			raw[0] == ' ' || raw[0] == '\t':
			cur = -1
			continue
		}
		fields := strings.Split(line, ",")
		name := strings.TrimSpace(fields[0])
		city := ""
		for _, f := range fields[1:] {
			f = strings.TrimSpace(f)
			if f == "" || f[0] == '@' || isYear(f) {
				continue
			}
			city = f
		}
		if i := strings.Index(city, "›"); i >= 0 {
			city = strings.TrimSpace(city[:i])
		}
		if i := strings.Index(city, "("); i > 0 {
			city = strings.TrimSpace(city[:i])
		}
		out = append(out, Club{Name: name, City: city})
		cur = len(out) - 1
	}
	return out, sc.Err()
}

func isYear(s string) bool {
	if len(s) != 4 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// League is one competition of a leagues file.
type League struct {
	Code, Name string
	Aliases    []string
	current    bool // its period is open or not given
}

var leagueLine = regexp.MustCompile(`^([a-z0-9][a-z0-9.]*)\s+(?:(\d{4}(?:/\d{2})?)-(\d{4}(?:/\d{2})?)?\s+)?(.+)$`)

// ParseLeagues reads an openfootball leagues file. A section heading "=
// Spain =" selects the country whose key sectionKey gives (files named
// <key>.leagues.txt have one country, fileKey); a line "key [period]
// Name [=> New name]" is a league, coded "<country>.<key>" (or the key
// itself in an international section, "uefa.cl"), and "|" lines add
// aliases. Where a key has several periods, the current name wins.
func ParseLeagues(r io.Reader, fileKey string, sectionKey func(string) string) ([]League, error) {
	var out []League
	byCode := map[string]int{}
	country := fileKey
	cur := -1
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := stripComment(sc.Text())
		switch {
		case line == "":
			continue
		case strings.HasPrefix(line, "="):
			cur = -1
			if fileKey == "" {
				country = sectionKey(strings.Trim(line, "= "))
			}
			continue
		case strings.HasPrefix(line, "|"):
			if cur >= 0 {
				out[cur].Aliases = append(out[cur].Aliases, aliasList(line)...)
			}
			continue
		}
		m := leagueLine.FindStringSubmatch(line)
		if m == nil {
			cur = -1
			continue
		}
		name := m[4]
		if i := strings.Index(name, "=>"); i >= 0 {
			name = strings.TrimSpace(name[i+2:])
		}
		code := m[1]
		if strings.Contains(code, ".") && country == "" {
			// an international competition: its key is the code
		} else if country == "" {
			cur = -1
			continue
		} else {
			code = country + "." + code
		}
		l := League{Code: code, Name: name, current: m[2] == "" || m[3] == ""}
		if i, ok := byCode[code]; ok {
			if !l.current {
				cur = -1 // a past name of a league known under its current one
				continue
			}
			out[i] = l
			cur = i
			continue
		}
		byCode[code] = len(out)
		out = append(out, l)
		cur = len(out) - 1
	}
	return out, sc.Err()
}

// NationalTeam is one line of a national-teams file.
type NationalTeam struct {
	Code, Name, FIFA string
	Aliases          []string
}

var teamLine = regexp.MustCompile(`^([a-z]{2,4})\s+([^,]+),\s*([A-Z]{3})\b`)

// ParseNationalTeams reads openfootball's teams.txt: "code Name, FIFA,
// fifa › confederation" with "|" alias lines.
func ParseNationalTeams(r io.Reader) ([]NationalTeam, error) {
	var out []NationalTeam
	cur := -1
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := stripComment(sc.Text())
		switch {
		case line == "":
			continue
		case strings.HasPrefix(line, "|"):
			if cur >= 0 {
				out[cur].Aliases = append(out[cur].Aliases, aliasList(line)...)
			}
			continue
		}
		m := teamLine.FindStringSubmatch(line)
		if m == nil {
			cur = -1
			continue
		}
		out = append(out, NationalTeam{Code: m[1], Name: strings.TrimSpace(m[2]), FIFA: m[3]})
		cur = len(out) - 1
	}
	return out, sc.Err()
}

// SportRow is what sportTable needs of each parsed file.
type SportRow struct {
	Kind, ID, Name, City, Country, Tier string
	Aliases                             []string
}

// SportTable writes the rows, sorted by id; a club name met twice (the
// same club listed in two files) keeps its first row.
func SportTable(rows []SportRow) (table.Table, error) {
	t := table.Table{Header: SportColumns}
	seen := map[string]bool{}
	for _, r := range rows {
		if r.Name == "" || seen[r.ID] {
			continue
		}
		seen[r.ID] = true
		t.Rows = append(t.Rows, []string{clean(r.ID), r.Kind, clean(r.Name), joinExcept(dedupe(r.Aliases), r.Name),
			clean(r.City), r.Country, r.Tier, "openfootball"})
	}
	sort.Slice(t.Rows, func(a, b int) bool { return t.Rows[a][0] < t.Rows[b][0] })
	if len(t.Rows) == 0 {
		return t, fmt.Errorf("openfootball: no rows")
	}
	return t, nil
}
