package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"tidings/kb/internal/table"
)

// CompanyColumns are the columns of companies.tsv.gz. sec_rank is the
// place of the company's first entry in the SEC's company_tickers.json,
// which lists the largest companies first (487 of the S&P 500 are among
// its first 1,000 entries, 10 among the next 1,000): a prominence prior.
var CompanyColumns = []string{"id", "name", "aliases", "ticker", "headquarters", "sector", "source", "sec_rank"}

const (
	spConstituents = "companies/s-and-p-500/constituents.csv"
	secTickers     = "companies/sec/company_tickers.json"
)

// SECCompany is one entry of the SEC's company_tickers.json.
type SECCompany struct {
	CIK    int64  `json:"cik_str"`
	Ticker string `json:"ticker"`
	Title  string `json:"title"`
}

// ParseSECTickers reads company_tickers.json: {"0": {...}, "1": {...}}.
func ParseSECTickers(r io.Reader) ([]SECCompany, error) {
	var m map[string]SECCompany
	if err := json.NewDecoder(r).Decode(&m); err != nil {
		return nil, fmt.Errorf("%s: %w", secTickers, err)
	}
	keys := make([]int, 0, len(m))
	for k := range m {
		n, err := strconv.Atoi(k)
		if err != nil {
			return nil, fmt.Errorf("%s: key %q", secTickers, k)
		}
		keys = append(keys, n)
	}
	sort.Ints(keys)
	out := make([]SECCompany, 0, len(keys))
	for _, k := range keys {
		out = append(out, m[strconv.Itoa(k)])
	}
	return out, nil
}

// CompanyTable joins the S&P 500 constituents (Symbol, Security, GICS
// Sector, ..., Headquarters Location, ..., CIK) with the SEC titles by
// CIK: one row per company (share classes merged), id sec:<CIK> without
// zero padding, as the SEC file writes cik_str. The other companies of the
// SEC's list follow, source "sec", named from their SEC title alone (no
// headquarters, no sector), except funds, trusts and blank-cheque
// companies, which the news does not name as firms.
func CompanyTable(constituents io.Reader, sec []SECCompany) (table.Table, error) {
	t := table.Table{Header: CompanyColumns}
	titles := map[int64]SECCompany{}
	rank := map[int64]int{}
	for i, c := range sec {
		if _, ok := titles[c.CIK]; !ok { // the SEC lists a company's main ticker first
			titles[c.CIK] = c
			rank[c.CIK] = i
		}
	}
	rankOf := func(cik int64) string {
		if r, ok := rank[cik]; ok {
			return strconv.Itoa(r)
		}
		return ""
	}
	r := csv.NewReader(constituents)
	head, err := r.Read()
	if err != nil {
		return t, fmt.Errorf("%s: %w", spConstituents, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	for _, need := range []string{"Symbol", "Security", "GICS Sector", "Headquarters Location", "CIK"} {
		if _, ok := col[need]; !ok {
			return t, fmt.Errorf("%s: no column %q", spConstituents, need)
		}
	}
	seen := map[int64]int{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return t, fmt.Errorf("%s: %w", spConstituents, err)
		}
		cik, err := strconv.ParseInt(strings.TrimLeft(rec[col["CIK"]], "0"), 10, 64)
		if err != nil {
			return t, fmt.Errorf("%s: CIK %q", spConstituents, rec[col["CIK"]])
		}
		if _, dup := seen[cik]; dup {
			continue // another share class
		}
		legal := legalName(rec[col["Security"]])
		name, aliases := CompanyNames(legal)
		ticker := clean(rec[col["Symbol"]])
		if s, ok := titles[cik]; ok {
			title := s.Title
			title = stateSuffix.ReplaceAllString(title, "")
			if isAllCaps(title) {
				title = titleCase(title)
			}
			if title = legalName(title); title != "" {
				short, more := CompanyNames(title)
				aliases = append(aliases, short)
				aliases = append(aliases, more...)
			}
		}
		if acronymOf(ticker, name) {
			aliases = append(aliases, ticker)
		}
		seen[cik] = len(t.Rows)
		t.Rows = append(t.Rows, []string{
			"sec:" + strconv.FormatInt(cik, 10), clean(name), joinExcept(dedupe(aliases), name), ticker,
			clean(rec[col["Headquarters Location"]]), clean(rec[col["GICS Sector"]]),
			"s-and-p-500+sec", rankOf(cik),
		})
	}
	for _, c := range sec {
		if _, ok := seen[c.CIK]; ok || notAFirm.MatchString(c.Title) {
			continue
		}
		title := trailingSlash.ReplaceAllString(stateSuffix.ReplaceAllString(c.Title, ""), "")
		caps := isAllCaps(title)
		if caps {
			title = titleCase(title)
		}
		title = nordicForm.ReplaceAllString(legalName(title), "")
		if title == "" {
			continue
		}
		name, aliases := CompanyNames(title)
		// "Rivian Automotive": the news says Rivian; an S&P 500 name
		// keeps the word (O'Reilly Automotive is not O'Reilly)
		if short, ok := strings.CutSuffix(name, " Automotive"); ok {
			aliases = append(aliases, name)
			name = short
		}
		ticker := clean(c.Ticker)
		// "Hsbc" from "HSBC HOLDINGS PLC" is the ticker written in capitals
		if caps && strings.EqualFold(name, ticker) {
			aliases = append(aliases, name)
			name = strings.ToUpper(name)
		} else if acronymOf(ticker, name) {
			aliases = append(aliases, ticker)
		}
		seen[c.CIK] = len(t.Rows)
		t.Rows = append(t.Rows, []string{
			"sec:" + strconv.FormatInt(c.CIK, 10), clean(name), joinExcept(dedupe(aliases), name), ticker, "", "", "sec", rankOf(c.CIK),
		})
	}
	sort.Slice(t.Rows, func(a, b int) bool { return t.Rows[a][0] < t.Rows[b][0] })
	return t, nil
}

// notAFirm matches the SEC titles of funds, trusts, exchange-traded
// products and blank-cheque (acquisition) companies.
var notAFirm = regexp.MustCompile(`(?i)\b(fund|funds|trust|etf|etn|acquisition|acquisitions|spac|portfolio|municipal|income securities)\b`)

// trailingSlash is what stateSuffix leaves of "CORP/" and "INC. / DE".
var trailingSlash = regexp.MustCompile(`\s*/\s*([A-Za-z]{2,3}\s*)?/?\s*$`)

// nordicForm is a Danish or Norwegian legal form as the SEC writes it:
// "NOVO NORDISK A S", "EQUINOR ASA".
var nordicForm = regexp.MustCompile(`(?i)[ ,]+(a[ /]s|asa|ab|oyj|abp|s\.?p\.?a\.?|kgaa|s\.?c\.?a\.?)$`)

// stateSuffix is the SEC's mark of a state of incorporation: "/DE/".
var stateSuffix = regexp.MustCompile(`\s*/[A-Za-z]{2,3}/?\s*$`)

// legalName drops a share class and moves a trailing "(The)" to the
// front: "Alphabet Inc. (Class A)" -> "Alphabet Inc.", "Hartford (The)"
// -> "The Hartford".
func legalName(s string) string {
	s = clean(s)
	if i := strings.Index(s, " (Class "); i > 0 {
		s = s[:i]
	}
	if rest, ok := strings.CutSuffix(s, " (The)"); ok {
		s = "The " + rest
	}
	return s
}

// companySuffixes are the words a news writer drops from a company's
// legal name: legal forms, and the generic last words of holding names.
var companySuffixes = map[string]bool{
	"inc": true, "incorporated": true, "corp": true, "corporation": true, "co": true, "company": true,
	"companies": true, "plc": true, "ltd": true, "limited": true, "llc": true, "lp": true, "l.p": true,
	"sa": true, "s.a": true, "ag": true, "nv": true, "n.v": true, "se": true, "the": false,
	"group": true, "holdings": true, "holding": true, "technologies": true, "technology": true,
	"platforms": true, "motor": true, "com": true, "&": true, "and": true, "de": true,
	"public": true,
}

// CompanyNames returns the name a news writer uses and the other forms
// kept as aliases: "Ford Motor Company" -> "Ford", [Ford Motor Company,
// Ford Motor]; "The Goldman Sachs Group, Inc." -> "Goldman Sachs".
func CompanyNames(legal string) (string, []string) {
	legal = clean(legal)
	aliases := []string{legal}
	words := strings.Fields(strings.ReplaceAll(legal, ",", " "))
	if len(words) > 1 && strings.EqualFold(words[0], "the") {
		words = words[1:]
	}
	for len(words) > 1 && companySuffixes[strings.ToLower(strings.TrimSuffix(words[len(words)-1], "."))] {
		words = words[:len(words)-1]
		aliases = append(aliases, strings.Join(words, " "))
	}
	name := strings.Join(words, " ")
	return name, dedupe(aliases)
}

// acronymOf reports whether a ticker of three letters or more is the
// initials of the name's words (AMD, Advanced Micro Devices): such a
// ticker is how the news names the company, while others ("IT", "ALL")
// are not names.
func acronymOf(ticker, name string) bool {
	if len(ticker) < 3 {
		return false
	}
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		r := []rune(w)[0]
		if unicode.IsUpper(r) {
			b.WriteRune(r)
		}
	}
	return b.String() == ticker
}

func isAllCaps(s string) bool {
	return strings.ToUpper(s) == s && strings.ToLower(s) != s
}

// titleCase writes an all-capitals SEC title as a name: "NVIDIA CORP" ->
// "Nvidia Corp".
func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		r := []rune(strings.ToLower(w))
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

func dedupe(ss []string) []string {
	var out []string
	for _, s := range ss {
		s = clean(s)
		if s != "" && !containsFold(out, s) {
			out = append(out, s)
		}
	}
	return out
}

func containsFold(ss []string, s string) bool {
	for _, x := range ss {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
