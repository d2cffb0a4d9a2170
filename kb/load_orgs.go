package kb

import (
	"fmt"
	"strconv"
	"strings"

	"tidings/kb/internal/table"
)

// The columns of the generated company and football tables (kb/gen
// companies.go and sports.go).
var (
	companyColumns = []string{"id", "name", "aliases", "ticker", "headquarters", "sector", "source", "sec_rank"}
	sportColumns   = []string{"id", "kind", "name", "aliases", "city", "country", "tier", "source"}
	// worldRegionColumns are those of world-regions.tsv.gz (kb/gen regions.go).
	worldRegionColumns = []string{"id", "name", "kind", "source"}
)

// footballCountries maps openfootball's country keys that are not ISO
// 3166-1 alpha-2 codes to alpha-3.
var footballCountries = map[string]string{
	"eng": "GBR", "sco": "GBR", "wal": "GBR", "nir": "GBR", "kos": "UNK",
}

// companies loads the S&P 500 companies (tier 0) and the other companies
// of the SEC's list (source "sec"): tier 1 among the first 1,000 of that
// list, which puts the largest first (kb/gen companies.go), tier 2 for
// the rest; the less known are linked on stronger evidence. The first
// two tiers are in the recogniser's gazetteer, as clubs and parties are
// (without them, a known company that the gazetteer does not name reads
// to the recogniser as a person's name); the thousands of tier 2, many
// of them common words ("Banner", "Match"), stay out (LinkOnly).
func (l *loader) companies(t table.Table) error {
	hq := l.headquartersCountries()
	for _, r := range t.Rows {
		tier, country := 0, ""
		switch r[6] {
		case "sec":
			tier = 2
			if rank, err := strconv.Atoi(r[7]); err == nil && rank < 1000 {
				tier = 1
			}
			country = hq(r[4])
		case "phoenix":
			// the listed companies of PETRARCH's Phoenix dictionary that
			// the SEC's list lacks: below its tiers, and their country
			// given as a code
			tier = 3
			if i, ok := l.byID[r[4]]; ok && l.entries[i].Kind == KindCountry {
				country = r[4]
			}
		default:
			country = hq(r[4])
		}
		if err := l.add(Entry{
			ID: r[0], Name: r[1], Aliases: table.List(r[2]), Subtype: r[5], ShortName: r[1],
			Kind: KindCompany, Type: TypeORG, Country: country, Source: r[6], LinkOnly: tier > 1, Tier: tier,
		}); err != nil {
			return err
		}
	}
	return nil
}

// headquartersCountries returns a function that reads the country of a
// company's headquarters as the source writes it ("Santa Clara,
// California", "Dublin, Ireland"): its last part is a US state (looked up
// among the regions of the USA first, so that "Georgia" is the state) or
// a country; anything else gives no country.
func (l *loader) headquartersCountries() func(string) string {
	states, countries := map[string]bool{}, map[string]string{}
	for _, e := range l.entries {
		switch {
		case e.Kind == KindRegion && e.Country == "USA":
			states[Fold(e.Name)] = true
		case e.Kind == KindCountry:
			for _, n := range e.Names() {
				countries[Fold(n)] = e.ID
			}
		}
	}
	return func(hq string) string {
		last := hq
		if i := strings.LastIndex(hq, ","); i >= 0 {
			last = hq[i+1:]
		}
		if i := strings.IndexByte(last, '['); i >= 0 { // a footnote mark: "Virginia[2]"
			last = last[:i]
		}
		last = Fold(strings.TrimSpace(last))
		if states[last] {
			return "USA"
		}
		return countries[last]
	}
}

// sports loads football clubs, national teams and leagues. Clubs and
// leagues are names the recogniser learns from (gazetteer features: a
// club named after its city is both a place and a club); national teams,
// which go by their countries' names, are LinkOnly.
func (l *loader) sports(t table.Table) error {
	alpha2 := map[string]string{}
	for _, e := range l.entries {
		if e.Kind == KindCountry && e.Alpha2 != "" {
			alpha2[e.Alpha2] = e.ID
		}
	}
	for _, r := range t.Rows {
		tier, err := strconv.Atoi(r[6])
		if err != nil {
			return fmt.Errorf("%s: tier %q", r[0], r[6])
		}
		country := footballCountries[r[5]]
		if country == "" {
			country = alpha2[upper(r[5])]
		}
		e := Entry{
			ID: r[0], Kind: r[1], Name: r[2], Aliases: table.List(r[3]), Country: country,
			Tier: tier, Type: TypeORG, Source: r[7], LinkOnly: r[1] == KindNationalTeam, ShortName: r[2],
		}
		switch e.Kind {
		case KindClub, KindNationalTeam:
		case KindLeague:
			e.Type = TypeMISC
		default:
			return fmt.Errorf("%s: kind %q", r[0], r[1])
		}
		if r[4] != "" {
			e.Subtype = "football " + e.Kind
		}
		if err := l.add(e); err != nil {
			return err
		}
	}
	return nil
}

// worldRegions loads the continents and UN subregions of the places/
// source, by their QIDs. They are link only: the recogniser's gazetteer
// features were trained without them.
func (l *loader) worldRegions(t table.Table) error {
	for _, r := range t.Rows {
		if r[2] != "continent" && r[2] != "subregion" {
			return fmt.Errorf("%s: kind %q", r[0], r[2])
		}
		e := Entry{ID: r[0], Wikidata: r[0], Kind: KindWorldRegion, Subtype: r[2], Name: r[1], ShortName: r[1],
			Type: TypeLOC, Source: r[3], LinkOnly: true}
		if err := l.add(e); err != nil {
			return err
		}
	}
	return nil
}

func upper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 32
		}
	}
	return string(b)
}
