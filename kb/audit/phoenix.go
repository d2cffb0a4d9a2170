package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"tidings/kb"
)

// phoenixFiles are the PETRARCH-2 Phoenix actor dictionaries that name
// international organisations, NGOs and non-state armed groups (the
// countries file names groups of one country too: Fatah, the Syrian
// Observatory for Human Rights, the Islamic State), under the
// knowledge root (openeventdata/petrarch2, MIT licence).
var phoenixFiles = []string{
	"cameo/petrarch2/dictionaries/Phoenix.International.actors.txt",
	"cameo/petrarch2/dictionaries/Phoenix.MilNonState.actors.txt",
	"cameo/petrarch2/dictionaries/Phoenix.Countries.actors.txt",
}

// phoenixExcluded are rows whose Phoenix match names another body of the
// same name: the audit leaves them unsourced (a judgement, not a rule).
var phoenixExcluded = map[string]string{
	"org:houthis": "ANSAR_ALLAH is coded LBNREB there: the Lebanese-Palestinian group of that name, not Yemen's Ansar Allah",
}

// actor is one record of a Phoenix actor dictionary: a primary phrase,
// the synonym lines ('+') below it, and the codes of the primary line and
// of its indented date-restriction lines. Phrases are held as phoenixKey
// keys.
type actor struct {
	name     string
	synonyms []string
	codes    []string
	file     string // relative to the knowledge root
	line     int
}

// keys returns the primary phrase and the synonyms.
func (a *actor) keys() []string { return append([]string{a.name}, a.synonyms...) }

// phoenixHit is a key's place in a dictionary: the record, and whether
// the key is one of its synonyms rather than its primary phrase.
type phoenixHit struct {
	a       *actor
	synonym bool
}

// phoenix indexes the actors of the Phoenix dictionaries by key.
type phoenix struct {
	actors []*actor
	byKey  map[string][]phoenixHit
}

func newPhoenix(actors []*actor) *phoenix {
	p := &phoenix{actors: actors, byKey: map[string][]phoenixHit{}}
	for _, a := range actors {
		p.byKey[a.name] = append(p.byKey[a.name], phoenixHit{a, false})
		for _, s := range a.synonyms {
			p.byKey[s] = append(p.byKey[s], phoenixHit{a, true})
		}
	}
	return p
}

// loadPhoenix reads the Phoenix dictionaries under root; a missing file
// is an error, as the rows it confirms would silently turn unsourced.
func loadPhoenix(root string) (*phoenix, error) {
	var all []*actor
	for _, rel := range phoenixFiles {
		f, err := os.Open(filepath.Join(root, rel))
		if err != nil {
			return nil, err
		}
		actors, err := parseActors(f, rel)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", rel, err)
		}
		all = append(all, actors...)
	}
	return newPhoenix(all), nil
}

// phoenixKey normalises a name as the dictionaries write their phrases:
// diacritics removed, upper case, every run of characters other than
// A-Z and 0-9 one '_', no '_' at either end. "Kurdistan Workers' Party"
// and "KURDISTAN_WORKERS'_PARTY_" both give KURDISTAN_WORKERS_PARTY.
func phoenixKey(s string) string {
	var b strings.Builder
	gap := false
	for _, r := range strings.ToUpper(kb.Fold(s)) {
		if r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			if gap && b.Len() > 0 {
				b.WriteByte('_')
			}
			gap = false
			b.WriteRune(r)
			continue
		}
		gap = true
	}
	return b.String()
}

// codesOf returns the codes of the bracketed restrictions of a line,
// without their dates: "[IGOUNO 970101-061231] [ELI]" gives IGOUNO, ELI.
func codesOf(s string) []string {
	var out []string
	for {
		i := strings.IndexByte(s, '[')
		if i < 0 {
			return out
		}
		s = s[i+1:]
		j := strings.IndexByte(s, ']')
		if j < 0 {
			j = len(s)
		}
		if f := strings.Fields(s[:j]); len(f) > 0 {
			out = append(out, f[0])
		}
		s = s[j:]
	}
}

// parseActors reads a PETRARCH actor dictionary (docs/source/
// dictionaries.rst of petrarch2): '#' starts a comment; a line that
// starts with '+' holds a synonym of the record above it (a second '+'
// inside the line starts another, as one line of the MilNonState file
// joins two); a line that starts with white space holds a date
// restriction ("\t[CODE 970101-061231]"), whose code is kept and whose
// text outside the brackets is ignored; any other line is a primary
// phrase, with its default code in brackets after it. Blank lines do not
// end a record; the next primary phrase does. (PETRARCH lets a primary
// phrase without a code share the codes of the record after it; here
// every primary phrase starts its own record, as the layout of the files
// means: U.N._ is written under UN_, not with the secretary-general below
// it.) A phrase is kept whole, a parenthesis included:
// "NATIONAL_LIBERATION_ARMY_(COLOMBIA)_" is not a bare
// NATIONAL_LIBERATION_ARMY, as the same file has a (BOLIVIA) one too.
func parseActors(r io.Reader, file string) ([]*actor, error) {
	var out []*actor
	var cur *actor
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line, _, _ := strings.Cut(sc.Text(), "#")
		if strings.TrimSpace(line) == "" {
			continue
		}
		switch line[0] {
		case '\t', ' ':
			if cur != nil {
				cur.codes = append(cur.codes, codesOf(line)...)
			}
		case '+':
			if cur == nil {
				continue
			}
			phrase, rest, _ := strings.Cut(line[1:], "[")
			for _, p := range strings.Split(phrase, "+") {
				if k := phoenixKey(p); k != "" {
					cur.synonyms = append(cur.synonyms, k)
				}
			}
			cur.codes = append(cur.codes, codesOf("["+rest)...)
		default:
			phrase, rest, _ := strings.Cut(line, "[")
			k := phoenixKey(phrase)
			if k == "" {
				cur = nil
				continue
			}
			cur = &actor{name: k, file: file, line: n}
			if strings.Contains(line, "[") {
				cur.codes = codesOf("[" + rest)
			}
			out = append(out, cur)
		}
	}
	return out, sc.Err()
}

// isAcronym reports whether a name is written as an abbreviation: one
// word of capitals and digits, with dots or hyphens ("UNO", "U.N.",
// "G-7"). An alias so written counts as an acronym.
func isAcronym(s string) bool {
	if s == "" || strings.ContainsAny(s, " \t") {
		return false
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-' || r == '&') {
			return false
		}
	}
	return true
}

// letters counts the letters A-Z of a key.
func letters(k string) int {
	n := 0
	for _, r := range k {
		if r >= 'A' && r <= 'Z' {
			n++
		}
	}
	return n
}

// orgKeys returns a row's names as keys: its name and aliases are full
// names (true), its acronym and the aliases written as acronyms are not
// (false); a key that is both counts as a full name.
func orgKeys(r map[string]string) map[string]bool {
	out := map[string]bool{}
	add := func(n string, full bool) {
		if k := phoenixKey(n); k != "" {
			out[k] = out[k] || full
		}
	}
	add(r["name"], true)
	add(r["acronym"], false)
	for _, a := range strings.Split(r["aliases"], "|") {
		if a != "" {
			add(a, !isAcronym(a))
		}
	}
	return out
}

// phoenixMatcher confirms organisation rows by the Phoenix dictionaries.
type phoenixMatcher struct {
	p     *phoenix
	rows  map[string]map[string]bool // row id -> its keys (full or not)
	owner map[string][]string        // key -> the rows that go by it
}

func newPhoenixMatcher(p *phoenix, rows []map[string]string) *phoenixMatcher {
	m := &phoenixMatcher{p: p, rows: map[string]map[string]bool{}, owner: map[string][]string{}}
	for _, r := range rows {
		keys := orgKeys(r)
		m.rows[r["id"]] = keys
		for k := range keys {
			m.owner[k] = append(m.owner[k], r["id"])
		}
	}
	return m
}

// fullNameOfOther reports whether key is a full name of a row other than id.
func (m *phoenixMatcher) fullNameOfOther(key, id string) bool {
	for _, o := range m.owner[key] {
		if o != id && m.rows[o][key] {
			return true
		}
	}
	return false
}

// confirm returns the dictionary file (relative to the knowledge root)
// that confirms row id, or "" with the reasons why the Phoenix phrases
// that matched one of its names were not taken. A row is confirmed when
// one of its names or aliases is the primary phrase or a synonym of a
// record, except that:
//
//   - a key that two rows of the table go by ("OPEC" is opec's acronym
//     and opec-plus's name "OPEC+") confirms neither;
//   - a synonym confirms no row when one of its record's phrases is
//     another row's full name: the dictionary files the name under
//     another body of the table (Phoenix puts WORLD_BANK_GROUP under
//     WORLD_BANK, ISLAMIC_JIHAD under HEZBOLLAH);
//   - an acronym, or an alias written as one, confirms only when it has
//     at least three letters and is a synonym of a record whose primary
//     phrase is one of the row's full names (RSF alone is both Reporters
//     Without Borders and the Rapid Support Forces);
//   - the rows of phoenixExcluded, whose match was judged to be another
//     body of the same name, are left unsourced.
func (m *phoenixMatcher) confirm(id string) (string, []string) {
	keys := m.rows[id]
	var sorted []string
	for k := range keys {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	var best *actor
	var why []string
	reject := func(h phoenixHit, k, reason string) {
		why = append(why, fmt.Sprintf("%s (%s:%d): %s", k, h.a.file, h.a.line, reason))
	}
	for _, k := range sorted {
		for _, h := range m.p.byKey[k] {
			full := keys[k]
			switch {
			case len(m.owner[k]) > 1:
				reject(h, k, "the name of "+strings.Join(m.owner[k], " and "))
				continue
			case h.synonym && m.filedUnderOther(h.a, id):
				reject(h, k, "a synonym filed under "+h.a.name+", whose phrases name another row")
				continue
			case !full && letters(k) < 3:
				reject(h, k, "an acronym of fewer than three letters")
				continue
			case !full && !h.synonym:
				reject(h, k, "an acronym that is a record of its own")
				continue
			case !full && !keys[h.a.name]:
				reject(h, k, "an acronym under "+h.a.name+", not one of the row's names")
				continue
			}
			if reason, ok := phoenixExcluded[id]; ok {
				reject(h, k, "excluded: "+reason)
				continue
			}
			if best == nil || earlier(h.a, best) {
				best = h.a
			}
		}
	}
	if best == nil {
		return "", why
	}
	return best.file, nil
}

// filedUnderOther reports whether a record's phrases name another row
// of the table by its full name.
func (m *phoenixMatcher) filedUnderOther(a *actor, id string) bool {
	for _, k := range a.keys() {
		if m.fullNameOfOther(k, id) {
			return true
		}
	}
	return false
}

// earlier orders records by file (in phoenixFiles order), then line.
func earlier(a, b *actor) bool {
	ia, ib := fileIndex(a.file), fileIndex(b.file)
	if ia != ib {
		return ia < ib
	}
	return a.line < b.line
}

func fileIndex(f string) int {
	for i, p := range phoenixFiles {
		if p == f {
			return i
		}
	}
	return len(phoenixFiles)
}
