package main

import (
	"bytes"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"tidings/kb/internal/table"
)

// writeOrgFiles writes the tables of orgFiles into out.
func writeOrgFiles(out, dir string) error {
	files, err := orgFiles(dir, filepath.Join(out, "countries.tsv.gz"))
	if err != nil {
		return err
	}
	for _, f := range files {
		path := filepath.Join(out, f.Name)
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
	}
	return nil
}

// orgFiles builds companies.tsv.gz, sports.tsv.gz and parties.tsv.gz
// (parties.go) from the knowledge sources under dir
// (../shared/data/knowledge); countries is kb/data/countries.tsv.gz. It
// returns no files when dir is absent, so that a machine without the
// sources changes nothing.
func orgFiles(dir, countries string) ([]File, error) {
	if _, err := os.Stat(dir); err != nil {
		log.Printf("%s absent: companies, sports and parties tables left as they are", dir)
		return nil, nil
	}
	companies, err := companyFile(dir, countries)
	if err != nil {
		return nil, err
	}
	sports, err := sportFile(dir)
	if err != nil {
		return nil, err
	}
	parties, err := partyFile(dir, countries)
	if err != nil {
		return nil, fmt.Errorf("parties: %w", err)
	}
	regions, err := worldRegionFile(dir)
	if err != nil {
		return nil, err
	}
	var files []File
	for _, t := range []struct {
		name string
		t    table.Table
	}{{"companies.tsv.gz", companies}, {"sports.tsv.gz", sports}, {"parties.tsv.gz", parties}, {"world-regions.tsv.gz", regions}} {
		var buf bytes.Buffer
		if err := table.WriteGzip(&buf, t.t); err != nil {
			return nil, fmt.Errorf("%s: %w", t.name, err)
		}
		log.Printf("%s: %d rows", t.name, len(t.t.Rows))
		files = append(files, File{t.name, buf.Bytes()})
	}
	return files, nil
}

func companyFile(dir, countries string) (table.Table, error) {
	f, err := os.Open(filepath.Join(dir, secTickers))
	if err != nil {
		return table.Table{}, err
	}
	defer f.Close()
	sec, err := ParseSECTickers(f)
	if err != nil {
		return table.Table{}, err
	}
	c, err := os.Open(filepath.Join(dir, spConstituents))
	if err != nil {
		return table.Table{}, err
	}
	defer c.Close()
	t, err := CompanyTable(c, sec)
	if err != nil {
		return t, err
	}
	// The listed companies of PETRARCH's Phoenix dictionary that the
	// SEC's list does not name (Google, Deutsche Bank, Teva ...).
	ct, err := table.ReadGzipFile(countries, CountryColumns)
	if err != nil {
		return t, err
	}
	isCountry := map[string]bool{}
	for _, r := range ct.Rows {
		isCountry[r[0]] = true
	}
	p, err := os.Open(filepath.Join(dir, phoenixInternational))
	if err != nil {
		return t, err
	}
	defer p.Close()
	pcs, err := ParsePhoenixCompanies(p, func(code string) bool { return isCountry[code] })
	if err != nil {
		return t, fmt.Errorf("%s: %w", phoenixInternational, err)
	}
	n := AddPhoenixCompanies(&t, pcs)
	log.Printf("%s: %d listed companies, %d that the SEC's list does not name", phoenixInternational, len(pcs), n)
	return t, nil
}

// sportFile reads every openfootball clubs, national-teams and leagues
// file, in sorted path order. A club's country is its file's key ("eng"
// in europe/england/eng.clubs.txt); the folder names the country
// ("england") for the league sections of the regional files.
func sportFile(dir string) (table.Table, error) {
	var rows []SportRow
	clubFiles, _ := filepath.Glob(filepath.Join(dir, "sports/openfootball-clubs/*/*/*.clubs.txt"))
	sort.Strings(clubFiles)
	keyOfFolder := map[string]footballKey{}
	for _, p := range clubFiles {
		key := strings.TrimSuffix(filepath.Base(p), ".clubs.txt")
		region := filepath.Base(filepath.Dir(filepath.Dir(p)))
		keyOfFolder[filepath.Base(filepath.Dir(p))] = footballKey{key, region}
		f, err := os.Open(p)
		if err != nil {
			return table.Table{}, err
		}
		clubs, err := ParseClubs(f)
		f.Close()
		if err != nil {
			return table.Table{}, fmt.Errorf("%s: %w", p, err)
		}
		for _, c := range clubs {
			rows = append(rows, SportRow{Kind: "club", ID: "club:" + c.Name, Name: c.Name, City: c.City,
				Country: key, Tier: sportTier(key, region), Aliases: c.Aliases})
		}
	}
	if len(clubFiles) == 0 {
		return table.Table{}, fmt.Errorf("%s: no openfootball clubs files", dir)
	}
	leagueFiles, _ := filepath.Glob(filepath.Join(dir, "sports/openfootball-leagues/*/leagues.txt"))
	more, _ := filepath.Glob(filepath.Join(dir, "sports/openfootball-leagues/*/*/*.leagues.txt"))
	leagueFiles = append(leagueFiles, more...)
	sort.Strings(leagueFiles)
	sectionKey := func(name string) string {
		folder := strings.ReplaceAll(strings.ToLower(name), " ", "-")
		if name == "International" {
			return ""
		}
		return keyOfFolder[folder].key
	}
	for _, p := range leagueFiles {
		fileKey := ""
		if b := filepath.Base(p); b != "leagues.txt" {
			fileKey = strings.TrimSuffix(b, ".leagues.txt")
		}
		f, err := os.Open(p)
		if err != nil {
			return table.Table{}, err
		}
		leagues, err := ParseLeagues(f, fileKey, sectionKey)
		f.Close()
		if err != nil {
			return table.Table{}, fmt.Errorf("%s: %w", p, err)
		}
		for _, l := range leagues {
			key, _, _ := strings.Cut(l.Code, ".")
			region := keyRegion(keyOfFolder, key)
			rows = append(rows, SportRow{Kind: "league", ID: "league:" + l.Code, Name: l.Name,
				Country: key, Tier: sportTier(key, region), Aliases: l.Aliases})
		}
	}
	teamFiles, _ := filepath.Glob(filepath.Join(dir, "sports/openfootball-national-teams/*/teams.txt"))
	sort.Strings(teamFiles)
	for _, p := range teamFiles {
		f, err := os.Open(p)
		if err != nil {
			return table.Table{}, err
		}
		teams, err := ParseNationalTeams(f)
		f.Close()
		if err != nil {
			return table.Table{}, fmt.Errorf("%s: %w", p, err)
		}
		for _, t := range teams {
			rows = append(rows, SportRow{Kind: "national team", ID: "team:" + t.FIFA, Name: t.Name,
				Country: t.Code, Tier: "3", Aliases: t.Aliases})
		}
	}
	return SportTable(rows)
}

func keyRegion(m map[string]footballKey, key string) string {
	for _, k := range m {
		if k.key == key {
			return k.region
		}
	}
	return ""
}
