// Command audit matches the hand-written tables of kb/curated against the
// public knowledge sources (../shared/data/knowledge: every-politician
// Wikidata extracts, leaders-current, us-congress, places, and the
// PETRARCH-2 Phoenix actor dictionaries under cameo/petrarch2) and writes
// the provenance into the tables: each row gets a source column (the file
// under knowledge/ that confirms it, or "unsourced"), and the wikidata and
// wikipedia columns hold only what a source gives. Where a source
// contradicts a row (a term's dates, a QID, a year of birth) the source
// wins. It prints the counts as JSON: confirmed, corrected (with each
// change), unsourced, per table, and writes them, indented, to
// kb/audit/report.json (-report).
//
// A person whom neither the QID nor the name finds is confirmed, more
// strictly, by another romanisation of the name (romanCandidate, with the
// fold of romanFold): a source person is taken only when a label or the
// English Wikipedia title agrees with one of the row's full names once
// folded (the surnames alike, the given names alike or one the other's
// initial), held in the source a position of the row's country that
// auditRoles would take for one of the row's roles, with overlapping
// dates, and no other source person passes. The source's spelling becomes
// an alias; the report lists, for the people left unsourced, the
// candidates and why each was not taken. A repository without
// positions.csv takes its country from meta.json's jurisdiction.
//
// An organisation whose QID no Wikidata source gives is confirmed by the
// Phoenix dictionaries (Phoenix.International.actors.txt, then
// Phoenix.MilNonState.actors.txt) when its name or one of its aliases,
// without diacritics, upper-cased, every run of characters other than
// letters and digits written '_' and no '_' at either end, is an actor's
// primary phrase or synonym there. Such a match confirms that the body
// exists under that name, not a QID: the wikidata column stays empty. An
// acronym counts only with three letters or more and as a synonym of an
// actor whose primary phrase is one of the row's names, so it never
// confirms a row on its own; a name two rows share, a synonym the
// dictionary files under another row's body, and the matches listed in
// phoenixExcluded confirm nothing (see phoenixMatcher.confirm). The report lists, for the
// organisations left unsourced, the Phoenix phrases that matched and why
// each was not taken.
//
// An organisation's QID may also cite a public repository that ../shared
// does not hold, as "<repository>:<path>@<commit>" in the source column
// (externalSource; the repositories are listed in kb/data/SOURCES.md). The
// audit cannot check it and keeps it, unless a source under ../shared
// confirms the QID (its file becomes the source) or gives the row's full
// name another QID (the QID is removed and the disagreement reported).
//
// Run it from the repository root:
//
//	go run ./kb/audit -knowledge ../shared/data/knowledge
//
// A second run finds nothing to correct: the corrections are in the tables.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"tidings/kb"
	src "tidings/kb/internal/sources"
	"tidings/kb/internal/table"
)

const unsourced = "unsourced"

// tsv is a curated table: its lines as read (comments kept in place), the
// header, and the data rows by column name.
type tsv struct {
	path   string
	lines  []string
	header []string
	rows   []map[string]string
	at     []int // line index of each row
}

func readTSV(path string) (*tsv, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	t := &tsv{path: path, lines: strings.Split(strings.TrimSuffix(string(raw), "\n"), "\n")}
	for i, l := range t.lines {
		if strings.HasPrefix(l, "#") || l == "" {
			continue
		}
		f := strings.Split(l, "\t")
		if t.header == nil {
			t.header = f
			continue
		}
		r := map[string]string{}
		for j, h := range t.header {
			if j < len(f) {
				r[h] = f[j]
			}
		}
		t.rows = append(t.rows, r)
		t.at = append(t.at, i)
	}
	if t.header == nil {
		return nil, fmt.Errorf("%s: no header", path)
	}
	return t, nil
}

// write writes the table with the given columns, comments in place.
func (t *tsv) write(cols []string) error {
	out := append([]string(nil), t.lines...)
	for i, l := range out {
		if !strings.HasPrefix(l, "#") && l != "" {
			out[i] = strings.Join(cols, "\t")
			break
		}
	}
	for k, r := range t.rows {
		f := make([]string, len(cols))
		for j, c := range cols {
			f[j] = r[c]
		}
		out[t.at[k]] = strings.Join(f, "\t")
	}
	return os.WriteFile(t.path, []byte(strings.Join(out, "\n")+"\n"), 0o644)
}

// count is one table's result.
type count struct {
	Rows        int `json:"rows"`
	Confirmed   int `json:"confirmed"`
	Corrected   int `json:"corrected"`
	Unsourced   int `json:"unsourced"`
	QIDsRemoved int `json:"qids_removed,omitempty"`
	QIDsAdded   int `json:"qids_added,omitempty"`
	Wikipedia   int `json:"wikipedia_titles,omitempty"`
	Aliases     int `json:"aliases_added,omitempty"`
	Phoenix     int `json:"confirmed_by_phoenix,omitempty"`
	// External counts the rows whose QID comes from a public repository
	// outside ../shared (externalSource), kept as cited.
	External int      `json:"external_qids,omitempty"`
	Changes  []string `json:"changes,omitempty"`
	// PhoenixNotTaken lists, for rows left unsourced, the Phoenix
	// phrases that matched one of their names and why each was not taken.
	PhoenixNotTaken []string `json:"phoenix_not_taken,omitempty"`
	// Romanised lists the people confirmed by another romanisation of
	// their name (romanCandidate): row, row name, source name, QID, file.
	Romanised []string `json:"confirmed_by_romanisation,omitempty"`
	// RomanisedNotTaken lists, for the people left unsourced, the source
	// people whose name folds alike and why each was not taken.
	RomanisedNotTaken []string `json:"romanisation_not_taken,omitempty"`
}

func (c *count) tally(source string, changed bool) {
	c.Rows++
	switch {
	case source == unsourced:
		c.Unsourced++
	case changed:
		c.Corrected++
	default:
		c.Confirmed++
	}
}

func main() {
	knowledge := flag.String("knowledge", "../shared/data/knowledge", "the knowledge sources (read-only)")
	curated := flag.String("curated", "kb/curated", "the curated tables, rewritten in place")
	reportPath := flag.String("report", "kb/audit/report.json", "where to write the counts as indented JSON (\"\" for nowhere)")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("kb/audit: ")
	s, err := loadSources(*knowledge)
	if err != nil {
		log.Fatal(err)
	}
	report := map[string]*count{}
	people, err := readTSV(filepath.Join(*curated, "people.tsv"))
	if err != nil {
		log.Fatal(err)
	}
	roles, err := readTSV(filepath.Join(*curated, "roles.tsv"))
	if err != nil {
		log.Fatal(err)
	}
	report["people"] = auditPeople(s, people, roles)
	report["roles"] = auditRoles(s, people, roles)
	orgs, err := readTSV(filepath.Join(*curated, "organisations.tsv"))
	if err != nil {
		log.Fatal(err)
	}
	report["organisations"] = auditOrganisations(s, orgs)
	media, err := readTSV(filepath.Join(*curated, "media.tsv"))
	if err != nil {
		log.Fatal(err)
	}
	report["media"] = auditMedia(s, media)
	wd, err := readTSV(filepath.Join(*curated, "wikidata.tsv"))
	if err != nil {
		log.Fatal(err)
	}
	known, err := countryIDs(filepath.Join(*curated, "../data/countries.tsv.gz"))
	if err != nil {
		log.Fatal(err)
	}
	report["wikidata"] = auditCountryQIDs(s, wd, known)
	for _, w := range []struct {
		t    *tsv
		cols []string
	}{
		{people, []string{"id", "wikidata", "wikipedia", "name", "short_name", "aliases", "country", "born", "source"}},
		{roles, []string{"person", "role", "of", "from", "until", "note", "source"}},
		{orgs, []string{"id", "wikidata", "acronym", "name", "aliases", "kind", "members", "founded", "source"}},
		{wd, []string{"id", "wikidata", "source"}},
		{media, []string{"id", "name", "aliases", "country", "kind", "source"}},
	} {
		if err := w.t.write(w.cols); err != nil {
			log.Fatal(err)
		}
	}
	for _, name := range []string{"people", "roles", "organisations", "media", "wikidata"} {
		c := report[name]
		fmt.Printf("%-14s rows %4d  confirmed %4d  corrected %3d  unsourced %4d  qids removed %d  qids added %d  wikipedia %d  aliases %d  phoenix %d  external %d\n",
			name, c.Rows, c.Confirmed, c.Corrected, c.Unsourced, c.QIDsRemoved, c.QIDsAdded, c.Wikipedia, c.Aliases, c.Phoenix, c.External)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(report); err != nil {
		log.Fatal(err)
	}
	if *reportPath != "" {
		if err := writeReport(*reportPath, report); err != nil {
			log.Fatal(err)
		}
	}
}

// writeReport writes the counts as JSON indented by four spaces.
func writeReport(path string, report map[string]*count) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(f)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "    ")
	if err := enc.Encode(report); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// rowNames are the folded names a row goes by.
func rowNames(r map[string]string, extra ...string) map[string]bool {
	out := map[string]bool{}
	for _, n := range append([]string{r["name"], r["short_name"], r["acronym"]}, extra...) {
		if n != "" {
			out[kb.Fold(n)] = true
		}
	}
	for _, a := range strings.Split(r["aliases"], "|") {
		if a != "" {
			out[kb.Fold(a)] = true
		}
	}
	return out
}

// sameName reports whether a source's label names the row: one of its
// names, or a label that holds its short name (the surname) as a word.
func sameName(p *person, r map[string]string) bool {
	names := rowNames(r)
	short := kb.Fold(r["short_name"])
	for f := range p.labels {
		if names[f] {
			return true
		}
		for _, w := range strings.Fields(strings.NewReplacer("-", " ", ",", " ").Replace(f)) {
			if short != "" && w == short {
				return true
			}
		}
	}
	return false
}

// auditPeople confirms each person by QID or by name (sameName, and the
// folded names the sources give, in the row's country or with its year of
// birth); a person neither finds is confirmed, more strictly, by another
// romanisation of the name that held one of the row's roles in the source
// (romanCandidate), whose spelling becomes an alias.
func auditPeople(s *sources, t, roles *tsv) *count {
	c := &count{}
	idx := romanIndex(s)
	rolesOf := map[string][]map[string]string{}
	for _, r := range roles.rows {
		rolesOf[r["person"]] = append(rolesOf[r["person"]], r)
	}
	for _, r := range t.rows {
		id, q := r["id"], r["wikidata"]
		changed := false
		if q != "" {
			// A QID that the strict romanisation rule gives the row
			// stands as well: a second run keeps what the first wrote.
			if p := s.people[q]; p == nil || !sameName(p, r) && !romanConfirms(s, idx, r, rolesOf[id], q) {
				c.QIDsRemoved++
				c.Changes = append(c.Changes, fmt.Sprintf("%s: wikidata %s removed (no source gives it for this person)", id, q))
				q = ""
			}
		}
		if q == "" {
			seen := map[string]bool{}
			var cands []string
			for f := range rowNames(r) {
				if f == kb.Fold(r["short_name"]) && f != kb.Fold(r["name"]) {
					continue // a surname alone names too many people
				}
				for _, cq := range s.byName[f] {
					p := s.people[cq]
					if seen[cq] || !(p.countries[r["country"]] || r["born"] != "" && p.born == r["born"]) {
						continue
					}
					if r["born"] != "" && p.born != "" && p.born != r["born"] && !p.countries[r["country"]] {
						continue
					}
					seen[cq] = true
					cands = append(cands, cq)
				}
			}
			if len(cands) == 1 {
				q = cands[0]
				c.QIDsAdded++
				if r["wikidata"] != "" {
					changed = true
					c.Changes = append(c.Changes, fmt.Sprintf("%s: wikidata %s -> %s", id, r["wikidata"], q))
				}
			}
		}
		romanLabel := ""
		if q == "" {
			m, all := romanCandidate(s, idx, r, rolesOf[id])
			if m != nil {
				q, romanLabel = m.qid, m.label
				c.QIDsAdded++
				if r["wikidata"] != "" {
					changed = true
					c.Changes = append(c.Changes, fmt.Sprintf("%s: wikidata %s -> %s", id, r["wikidata"], q))
				}
				c.Romanised = append(c.Romanised, fmt.Sprintf("%s (%s): %q %s %s, as %s %s %s", id, r["name"], m.label, q, s.people[q].file, m.term.label, m.term.start, m.term.file))
			} else {
				for _, a := range all {
					c.RomanisedNotTaken = append(c.RomanisedNotTaken, fmt.Sprintf("%s (%s): %q %s: %s", id, r["name"], a.label, a.qid, a.why))
				}
			}
		}
		p := s.people[q]
		if p == nil {
			r["wikidata"], r["wikipedia"], r["source"] = "", "", unsourced
			c.tally(unsourced, false)
			continue
		}
		r["wikidata"], r["source"] = q, p.file
		r["wikipedia"] = p.wikipedia
		if p.wikipedia != "" {
			c.Wikipedia++
		}
		if p.born != "" && p.born != r["born"] {
			if r["born"] != "" {
				changed = true
				c.Changes = append(c.Changes, fmt.Sprintf("%s: born %s -> %s (%s)", id, r["born"], p.born, p.file))
			}
			r["born"] = p.born
		}
		// The source's labels become aliases where the row lacks them;
		// only those that hold the surname, as other labels may be
		// another language's form.
		names := rowNames(r)
		if romanLabel != "" && !names[kb.Fold(romanLabel)] {
			// The source's spelling, which the row lacked.
			r["aliases"] = strings.TrimPrefix(r["aliases"]+"|"+romanLabel, "|")
			names[kb.Fold(romanLabel)] = true
			c.Aliases++
		}
		short := kb.Fold(r["short_name"])
		var labels []string
		for f, l := range p.labels {
			if !names[f] && strings.Contains(f, short) {
				labels = append(labels, l)
			}
		}
		sort.Strings(labels)
		for _, l := range labels {
			r["aliases"] = strings.TrimPrefix(r["aliases"]+"|"+l, "|")
			c.Aliases++
		}
		c.tally(p.file, changed)
	}
	return c
}

// roleWords are the words of a position's label that name each role.
var roleWords = map[string][]string{
	"head of state":      {"president", "king", "queen", "emir", "sultan", "monarch", "emperor", "supreme leader", "head of state", "grand duke", "sovereign", "chairman of the presidium", "chairman of the state council", "captain regent", "yang di-pertuan agong"},
	"head of government": {"prime minister", "premier", "chancellor", "head of government", "president of the government", "council of ministers", "chief executive", "taoiseach", "first minister"},
	"foreign minister":   {"foreign", "external affairs", "international relations", "secretary of state"},
	"defence minister":   {"defence", "defense", "armed forces", "war"},
	"secretary general":  {"secretary-general", "secretary general"},
	"finance minister":   {"finance", "treasury"},
}

// neutralChair writes "chairman", "chairwoman" and "chairperson" as
// "chair": the sources use the neutral form of the office ("Chair of the
// Senate") where the rows may not.
func neutralChair(s string) string {
	for _, w := range []string{"chairman", "chairwoman", "chairperson"} {
		s = strings.ReplaceAll(s, w, "chair")
	}
	return s
}

// compatible reports whether a source's term is of the row's role.
func compatible(r map[string]string, t term) bool {
	if t.role != "" {
		return t.role == r["role"]
	}
	l := neutralChair(kb.Fold(t.label))
	role := neutralChair(kb.Fold(r["role"]))
	for _, w := range []string{"deputy", "vice", "first lady", "acting", "former", "spouse"} {
		if strings.Contains(l, w) && !strings.Contains(role, w) {
			return false
		}
	}
	if role == "head of state" && (strings.Contains(l, "government") || strings.Contains(l, "council of ministers")) {
		return false
	}
	if note := neutralChair(kb.Fold(strings.TrimSpace(strings.Split(strings.Split(r["note"], "(")[0], ";")[0]))); len(note) > 3 && strings.Contains(l, note) {
		return true
	}
	if strings.Contains(l, role) {
		return true
	}
	for _, w := range roleWords[role] {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// bounds gives a date's first and last day (for YYYY, YYYY-MM or
// YYYY-MM-DD); empty gives the open ends.
func bounds(d string, open time.Time) (time.Time, time.Time, bool) {
	if d == "" {
		return open, open, true
	}
	for _, l := range []struct {
		layout string
		next   func(time.Time) time.Time
	}{{"2006-01-02", func(t time.Time) time.Time { return t }}, {"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, -1) }}, {"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, -1) }}} {
		if len(d) == len(l.layout) {
			if t, err := time.Parse(l.layout, d); err == nil {
				return t, l.next(t), true
			}
		}
	}
	return open, open, false
}

var (
	past   = time.Date(1000, 1, 1, 0, 0, 0, 0, time.UTC)
	future = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
)

// sameDate reports whether a source's date confirms a row's: equal at the
// coarser of the two precisions, a source's first of the month or of
// January being possibly a month or year precision.
func sameDate(row, src string) bool {
	if row == "" || src == "" {
		return row == src
	}
	if strings.HasSuffix(src, "-01-01") {
		src = src[:4]
	} else if len(src) == 10 && strings.HasSuffix(src, "-01") {
		src = src[:7]
	}
	n := min(len(row), len(src))
	return row[:n] == src[:n]
}

func auditRoles(s *sources, people, t *tsv) *count {
	qid := map[string]string{}
	for _, p := range people.rows {
		if p["source"] != unsourced {
			qid[p["id"]] = p["wikidata"]
		}
	}
	c := &count{}
	for _, r := range t.rows {
		where := fmt.Sprintf("%s %s of %s %s", r["person"], r["role"], r["of"], r["from"])
		p := s.people[qid[r["person"]]]
		if p == nil {
			r["source"] = unsourced
			c.tally(unsourced, false)
			continue
		}
		best := bestTerm(p, r)
		if best == nil {
			r["source"] = unsourced
			c.tally(unsourced, false)
			continue
		}
		// A source date far from the row's is another term of the same
		// post (a re-election the source merges, an acting spell): the
		// source confirms the holding, not the date, and the row's date
		// stays.
		changed := false
		rf, _, _ := bounds(r["from"], past)
		sf, _, _ := bounds(best.start, past)
		// A row that counts an acting spell ("acting until 2000-05-07")
		// starts before the substantive term the source gives.
		acting := best.start != "" && strings.Contains(r["note"], "acting until "+best.start)
		if !sameDate(r["from"], best.start) && best.start != "" && !acting && absDays(sf, rf) <= maxShift {
			c.Changes = append(c.Changes, fmt.Sprintf("%s: from %q -> %q (%s)", where, r["from"], best.start, best.file))
			r["from"], changed = best.start, true
		}
		su, _, _ := bounds(best.end, future)
		_, ruEnd, _ := bounds(r["until"], future)
		if best.end != "" && !sameDate(r["until"], best.end) && (r["until"] == "" || absDays(su, ruEnd) <= maxShift) {
			c.Changes = append(c.Changes, fmt.Sprintf("%s: until %q -> %q (%s)", where, r["until"], best.end, best.file))
			r["until"], changed = best.end, true
		}
		r["source"] = best.file
		c.tally(best.file, changed)
	}
	return c
}

// bestTerm returns the source person's term that confirms a roles row:
// compatible with its role, of the same country (or, for an organisation,
// of no country), with dates that overlap the row's; the closest start
// first. nil when none does.
func bestTerm(p *person, r map[string]string) *term {
	isCountry := len(r["of"]) == 3 && strings.ToUpper(r["of"]) == r["of"]
	rf, _, _ := bounds(r["from"], past)
	_, ru, _ := bounds(r["until"], future)
	var best *term
	bestScore := 0.0
	for _, tm := range mergedTerms(p.terms) {
		if !compatible(r, tm) || (isCountry && tm.country != "" && tm.country != r["of"]) || (!isCountry && tm.country != "") {
			continue
		}
		sf, _, ok1 := bounds(tm.start, past)
		_, su, ok2 := bounds(tm.end, future)
		if !ok1 || !ok2 || !(rf.Before(su) || rf.Equal(su)) || !(sf.Before(ru) || sf.Equal(ru)) {
			continue
		}
		// Closest start first; a start that confirms the row's and the
		// most precise form win ties.
		score := -float64(absDays(sf, rf)) + float64(len(tm.start))/100
		if sameDate(r["from"], tm.start) {
			score += 1e6
		}
		if best == nil || score > bestScore {
			tm := tm
			best, bestScore = &tm, score
		}
	}
	return best
}

// maxShift is the largest correction of a term's date, in days.
const maxShift = 183

func absDays(a, b time.Time) int {
	d := a.Sub(b).Hours() / 24
	if d < 0 {
		d = -d
	}
	return int(d)
}

// auditOrganisations confirms an organisation's QID where a source labels
// that QID with one of its names, and gives a QID where exactly one item
// of the sources (no person, no country) bears its full name. A row left
// without a QID is confirmed, without one, by the Phoenix actor
// dictionaries when they name it (phoenixMatcher.confirm). A QID whose
// source cites a repository outside ../shared (externalSource) is kept
// with that citation unless a source here confirms it, which then becomes
// the source, or gives the row's full name another item, in which case
// the sources disagree and neither QID is taken.
func auditOrganisations(s *sources, t *tsv) *count {
	c := &count{}
	ph := newPhoenixMatcher(s.phoenix, t.rows)
	for _, r := range t.rows {
		id, q := r["id"], r["wikidata"]
		names := rowNames(r)
		// The item the sources under ../shared give the row's full name,
		// when exactly one (no person, no country) bears it.
		var byName string
		var cands []string
		for _, cq := range s.byLabel[kb.Fold(r["name"])] {
			if s.people[cq] == nil && s.countryQ[cq] == "" {
				cands = append(cands, cq)
			}
		}
		if len(cands) == 1 {
			byName = cands[0]
		}
		if q != "" {
			l, labelled := s.labels[q]
			switch {
			case labelled && names[kb.Fold(l)]:
				// Confirmed under ../shared: that file is the source.
			case externalSource(r["source"]) && src.IsQID(q) && byName != "" && byName != q:
				c.QIDsRemoved++
				c.Changes = append(c.Changes, fmt.Sprintf("%s: wikidata %s removed (sources disagree: %s gives it, %s gives %s)",
					id, q, r["source"], s.labelFile[byName], byName))
				q, byName = "", "" // neither is taken
			case externalSource(r["source"]) && src.IsQID(q):
				// An external repository's QID stands where ../shared
				// does not contradict it; it is not checked there.
				if labelled {
					c.Changes = append(c.Changes, fmt.Sprintf("%s: wikidata %s kept from %s (%s labels it %q)", id, q, r["source"], s.labelFile[q], l))
				}
				c.External++
				c.tally(r["source"], false)
				continue
			default:
				c.QIDsRemoved++
				c.Changes = append(c.Changes, fmt.Sprintf("%s: wikidata %s removed (no source names it so)", id, q))
				q = ""
			}
		}
		if q == "" && byName != "" {
			q = byName
			c.QIDsAdded++
		}
		if q == "" {
			file, why := ph.confirm(id)
			r["wikidata"], r["source"] = "", unsourced
			if file != "" {
				r["source"] = file
				c.Phoenix++
			}
			for _, w := range why {
				c.PhoenixNotTaken = append(c.PhoenixNotTaken, id+": "+w)
			}
			c.tally(r["source"], false)
			continue
		}
		r["wikidata"], r["source"] = q, s.labelFile[q]
		c.tally(r["source"], false)
	}
	return c
}

// auditMedia confirms the news media rows by the Phoenix dictionaries'
// media actors (a code with the MED sector: "REUTERS [MED]", "HAARETZ
// [ISRMED]"), with the organisations' rules for names and acronyms
// (phoenixMatcher): the dictionary confirms that an outlet of that name
// is news media, not a QID, which no source gives for media.
func auditMedia(s *sources, t *tsv) *count {
	var med []*actor
	for _, a := range s.phoenix.actors {
		for _, c := range a.codes {
			if strings.Contains(c, "MED") {
				med = append(med, a)
				break
			}
		}
	}
	ph := newPhoenixMatcher(newPhoenix(med), t.rows)
	c := &count{}
	for _, r := range t.rows {
		file, why := ph.confirm(r["id"])
		r["source"] = unsourced
		if file != "" {
			r["source"] = file
			c.Phoenix++
		}
		for _, w := range why {
			c.PhoenixNotTaken = append(c.PhoenixNotTaken, r["id"]+": "+w)
		}
		c.tally(r["source"], false)
	}
	return c
}

// auditCountryQIDs confirms or corrects the countries' QIDs from
// places/csv/countries.csv and adds those of the countries the table
// lacks, so that every QID the knowledge base gives a country is sourced.
func auditCountryQIDs(s *sources, t *tsv, known map[string]bool) *count {
	c := &count{}
	file := "places/csv/countries.csv"
	have := map[string]bool{}
	for _, r := range t.rows {
		have[r["id"]] = true
		q := s.countryOf[r["id"]]
		switch {
		case q == "":
			if r["wikidata"] != "" {
				c.QIDsRemoved++
				c.Changes = append(c.Changes, fmt.Sprintf("%s: wikidata %s removed", r["id"], r["wikidata"]))
			}
			r["wikidata"], r["source"] = "", unsourced
			c.tally(unsourced, false)
		case q != r["wikidata"]:
			c.Changes = append(c.Changes, fmt.Sprintf("%s: wikidata %s -> %s", r["id"], r["wikidata"], q))
			r["wikidata"], r["source"] = q, file
			c.tally(file, true)
		default:
			r["source"] = file
			c.tally(file, false)
		}
	}
	var add []string
	for iso3 := range s.countryOf {
		if known[iso3] && !have[iso3] {
			add = append(add, iso3)
		}
	}
	sort.Strings(add)
	if len(add) > 0 {
		t.lines = append(t.lines, "# Countries whose QID places/csv/countries.csv gives (added by kb/audit)")
	}
	for _, iso3 := range add {
		t.lines = append(t.lines, "")
		t.at = append(t.at, len(t.lines)-1)
		t.rows = append(t.rows, map[string]string{"id": iso3, "wikidata": s.countryOf[iso3], "source": file})
		c.QIDsAdded++
	}
	return c
}

// countryIDs returns the alpha-3 codes of the knowledge base's countries.
func countryIDs(path string) (map[string]bool, error) {
	t, err := table.ReadGzipFile(path, []string{"id", "alpha2", "name", "official", "aliases", "demonyms", "capital", "independent"})
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, r := range t.Rows {
		out[r[0]] = true
	}
	return out, nil
}
