package main

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"tidings/kb/internal/table"
	"tidings/kb/internal/textfold"
)

// phoenixInternational is PETRARCH-2's dictionary of international
// actors (MIT), whose listed companies carry a sector and a market value.
const phoenixInternational = "cameo/petrarch2/dictionaries/Phoenix.International.actors.txt"

// PhoenixCompany is a company of the Phoenix dictionary: its key
// ("GOOGLE"), its country (ISO 3166-1 alpha-3, "" when the code names
// none) and its sector.
type PhoenixCompany struct {
	Key, Country, Sector string
	Value                int64 // market value in dollars, as the comment gives it
}

// phoenixListed matches the rows of listed companies: a key, an MNC code
// and a comment that gives a sector and a dollar value ("GOOGLE_
// [MNCUSAMED] # Computer Software ... $115,000,000,000"). Rows without a
// value are people and papers coded MNC ("EARL_SLACK_ [MNCUSA]# Union
// Carbide spokesman"), left out.
var phoenixListed = regexp.MustCompile(`^([A-Z0-9][A-Z0-9_&.'\-]*?)_?\s+\[MNC([A-Z]*)\]\s*#\s*([^$#]*?)\s*\$([0-9,]+)\s*$`)

// ParsePhoenixCompanies reads the listed companies of a Phoenix
// international actors file. isCountry tells an ISO alpha-3 code from the
// sector codes that may follow MNC (MNCUSAMED is American media, MNCAGR
// agriculture of no country).
func ParsePhoenixCompanies(r io.Reader, isCountry func(string) bool) ([]PhoenixCompany, error) {
	var out []PhoenixCompany
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		m := phoenixListed.FindStringSubmatch(strings.TrimSpace(sc.Text()))
		if m == nil {
			continue
		}
		v, err := strconv.ParseInt(strings.ReplaceAll(m[4], ",", ""), 10, 64)
		if err != nil {
			return nil, fmt.Errorf("value %q of %s: %w", m[4], m[1], err)
		}
		c := PhoenixCompany{Key: strings.Trim(m[1], "_"), Sector: strings.TrimSpace(m[3]), Value: v}
		if len(m[2]) >= 3 && isCountry(m[2][:3]) {
			c.Country = m[2][:3]
		}
		out = append(out, c)
	}
	return out, sc.Err()
}

// phoenixName writes a Phoenix key as a name: "HEWLETT-PACKARD" ->
// "Hewlett-Packard", "TD_BANK" -> "TD Bank" (a short word without a vowel
// is an acronym).
func phoenixName(key string) string {
	words := strings.Fields(strings.ReplaceAll(key, "_", " "))
	for i, w := range words {
		if len(w) <= 4 && !strings.ContainsAny(strings.ToUpper(w), "AEIOUY") {
			continue
		}
		r := []rune(strings.ToLower(w))
		up := true
		for k, c := range r {
			if up && unicode.IsLetter(c) {
				r[k] = unicode.ToUpper(c)
			}
			up = c == '-' || c == '.' && k == 0
		}
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

// AddPhoenixCompanies appends to the company table the Phoenix companies
// that no row names already, source "phoenix", the largest first where
// two share a name; their headquarters column holds the country's
// alpha-3 code. Funds and trusts are left out, as they are of the SEC's
// list. A company is taken as named when a name of it, written without
// spaces, punctuation and "and"/"&", is a row's name or alias, begins
// or ends with one ("Wal-Mart Stores": Walmart; "Royal Dutch Shell":
// Shell), or ends one of the S&P 500's and the SEC's 1,000 largest
// ("Disney": Walt Disney), so that one company does not get two
// identities. Rows of one value of $10 billion or more, sector and
// country are one company under several keys ("TD_BANK",
// "TORONTO_DOMINION"): the later ones are its aliases.
func AddPhoenixCompanies(t *table.Table, pcs []PhoenixCompany) int {
	known, ends := map[string]bool{}, map[string]bool{}
	for _, r := range t.Rows {
		large := r[6] != "sec"
		if rank, err := strconv.Atoi(r[7]); err == nil && rank < 1000 {
			large = true
		}
		for _, n := range append([]string{r[1]}, table.List(r[2])...) {
			w := strings.Fields(n)
			known[squash(w)] = true
			for k := 1; large && k < len(w); k++ {
				ends[squash(w[k:])] = true
			}
		}
	}
	named := func(n string) bool {
		w := strings.Fields(n)
		if ends[squash(w)] {
			return true
		}
		for k := 1; k <= len(w); k++ {
			if s := squash(w[:k]); len(s) >= 4 && known[s] {
				return true
			}
			if s := squash(w[k-1:]); k > 1 && len(s) >= 5 && known[s] {
				return true // "Royal Dutch Shell": Shell
			}
		}
		return false
	}
	firstOf := map[phoenixSame]int{}
	sorted := append([]PhoenixCompany(nil), pcs...)
	sort.SliceStable(sorted, func(a, b int) bool { return sorted[a].Value > sorted[b].Value })
	added := 0
	for _, c := range sorted {
		if notAFirm.MatchString(strings.ReplaceAll(c.Key, "_", " ")) {
			continue // funds and trusts, as of the SEC's list
		}
		name, aliases := CompanyNames(phoenixName(c.Key))
		names := append([]string{name}, aliases...)
		if name == "" || slices.ContainsFunc(names, named) {
			continue
		}
		same := phoenixSame{c.Value, c.Sector, c.Country}
		// Values are rounded: only large ones of a named sector tell a
		// company apart.
		distinct := c.Value >= 10_000_000_000 && c.Sector != "n/a" && c.Sector != ""
		if i, ok := firstOf[same]; ok && distinct {
			// another key of a company already added
			r := t.Rows[i]
			r[2] = joinExcept(dedupe(append(append(table.List(r[2]), name), aliases...)), r[1])
			for _, n := range names {
				known[squash(strings.Fields(n))] = true
			}
			continue
		}
		if distinct {
			firstOf[same] = len(t.Rows)
		}
		for _, n := range names {
			known[squash(strings.Fields(n))] = true
		}
		t.Rows = append(t.Rows, []string{"phoenix:" + c.Key, clean(name), joinExcept(dedupe(aliases), name), "", c.Country, c.Sector, "phoenix", ""})
		added++
	}
	sort.Slice(t.Rows, func(a, b int) bool { return t.Rows[a][0] < t.Rows[b][0] })
	return added
}

type phoenixSame struct {
	value           int64
	sector, country string
}

// squash writes words folded, without spaces, punctuation and "and"
// ("Wal-Mart" and "Walmart", "Procter & Gamble" and "Procter And
// Gamble" alike).
func squash(words []string) string {
	var b strings.Builder
	for _, w := range words {
		f := textfold.Fold(w)
		if f == "and" || f == "&" {
			continue
		}
		for _, r := range f {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}
