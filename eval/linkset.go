package eval

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// LinkCase is one sentence of a linking test set (link/testdata/news-linking.tsv):
// the sentence, its publication date, and the identities expected for some
// of its mentions.
type LinkCase struct {
	ID     string
	Date   time.Time
	Class  string // politics, business, sport, science, international
	Text   string
	Expect []LinkExpect
	// Sources maps each expected identity (not "-") to the source file it
	// was read from.
	Sources map[string]string
}

// LinkExpect is one scored mention: the Nth occurrence of Surface in the
// text (written "Surface#N" in the set; the first when N is not given),
// and its Identity: a Wikidata QID ("Q7184"), a source key
// ("sec:1045810", "club:Arsenal FC", "league:eng.1"), or NoLink.
type LinkExpect struct {
	Surface, Identity string
	Occurrence        int // 1 for the first
}

// offset returns the byte offset of e's occurrence in text, -1 if there is
// none.
func (e LinkExpect) offset(text string) int {
	at := 0
	for n := max(e.Occurrence, 1); ; n-- {
		i := strings.Index(text[at:], e.Surface)
		if i < 0 {
			return -1
		}
		if n == 1 {
			return at + i
		}
		at += i + len(e.Surface)
	}
}

// NoLink is the identity of a mention that must not be linked to anything.
const NoLink = "-"

var linkIdentity = regexp.MustCompile(`^(Q[1-9][0-9]*|sec:[1-9][0-9]*|club:\S.*|league:[a-z0-9]+(\.[a-z0-9]+)*|-)$`)

// ReadLinkSet reads a linking test set: '#' lines are comments, then a
// header line (id date class text expected sources) and one tab-separated
// row per sentence. Each row must expect at least one mention, each surface
// must occur in its sentence, each identity must be well formed and each
// identity other than NoLink must name its source file. name is used in
// errors.
func ReadLinkSet(r io.Reader, name string) ([]LinkCase, error) {
	var cases []LinkCase
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	header := false
	seen := map[string]bool{}
	for line := 0; sc.Scan(); {
		line++
		row := sc.Text()
		if strings.TrimSpace(row) == "" || strings.HasPrefix(row, "#") {
			continue
		}
		fail := func(format string, a ...any) error {
			return fmt.Errorf("%s:%d: %s", name, line, fmt.Sprintf(format, a...))
		}
		f := strings.Split(row, "\t")
		if !header {
			if strings.Join(f, " ") != "id date class text expected sources" {
				return nil, fail("want the header id, date, class, text, expected, sources (tab-separated), got %q", row)
			}
			header = true
			continue
		}
		if len(f) != 6 {
			return nil, fail("%d columns, want 6", len(f))
		}
		c := LinkCase{ID: f[0], Class: f[2], Text: f[3], Sources: map[string]string{}}
		if c.ID == "" || seen[c.ID] {
			return nil, fail("empty or repeated id %q", c.ID)
		}
		seen[c.ID] = true
		d, err := time.Parse("2006-01-02", f[1])
		if err != nil {
			return nil, fail("date %q is not YYYY-MM-DD", f[1])
		}
		c.Date = d
		if f[5] != NoLink {
			for _, it := range strings.Split(f[5], " | ") {
				id, file, ok := strings.Cut(it, "=")
				if !ok || !linkIdentity.MatchString(id) || id == NoLink || file == "" {
					return nil, fail("source %q is not identity=file", it)
				}
				c.Sources[id] = file
			}
		}
		for _, it := range strings.Split(f[4], " | ") {
			surface, id, ok := strings.Cut(it, "=>")
			e := LinkExpect{Surface: surface, Identity: id, Occurrence: 1}
			if s, n, hasN := strings.Cut(surface, "#"); hasN {
				k, err := strconv.Atoi(n)
				if err != nil || k < 1 {
					return nil, fail("occurrence %q of %q is not a number from 1", n, s)
				}
				e.Surface, e.Occurrence = s, k
			}
			switch {
			case !ok || e.Surface == "":
				return nil, fail("expectation %q is not surface=>identity", it)
			case e.offset(c.Text) < 0:
				return nil, fail("surface %q is not in the sentence %d times", e.Surface, e.Occurrence)
			case !linkIdentity.MatchString(id):
				return nil, fail("identity %q is not a QID, sec:CIK, club:NAME, league:CODE or -", id)
			case id != NoLink && c.Sources[id] == "":
				return nil, fail("identity %s names no source file", id)
			}
			c.Expect = append(c.Expect, e)
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if !header {
		return nil, fmt.Errorf("%s: no header line: not a linking test set", name)
	}
	return cases, nil
}

// SystemMention is a mention of a system entity: a byte range [Start, End)
// of the sentence, the entity's Wikidata QID and its knowledge-base id
// ("" or "local:..." when it is not linked).
type SystemMention struct {
	Start, End int
	Wikidata   string
	ID         string
}

// identity is what a mention is linked to: its QID, else a knowledge-base
// id that is not local, else "".
func (m SystemMention) identity() string {
	switch {
	case m.Wikidata != "":
		return m.Wikidata
	case m.ID != "" && !strings.HasPrefix(m.ID, "local:"):
		return m.ID
	}
	return ""
}

// Accuracy counts scored mentions: Linked is how many the system linked to
// anything, Correct how many it got right.
type Accuracy struct {
	Mentions int     `json:"mentions"`
	Linked   int     `json:"linked"`
	Correct  int     `json:"correct"`
	Accuracy float64 `json:"accuracy"`
}

func (a *Accuracy) add(linked, correct bool) {
	a.Mentions++
	if linked {
		a.Linked++
	}
	if correct {
		a.Correct++
	}
	a.Accuracy = ratio(a.Correct, a.Mentions)
}

// LinkSetClass holds the figures of one class of sentences, or of all.
type LinkSetClass struct {
	Sentences int `json:"sentences"`
	// Identity scores the mentions expected to be linked: correct when the
	// system's QID (or its knowledge-base id, for a source key) is the
	// expected one. IdentityPRF gives the same as precision over the
	// mentions the system linked and recall over all of them.
	Identity    Accuracy `json:"identity"`
	IdentityPRF PRF      `json:"identity_prf"`
	// MustNotLink scores the NoLink mentions: correct when the system
	// links them to nothing.
	MustNotLink Accuracy `json:"must_not_link"`
}

// LinkSetScore scores a linking test set, sentence by sentence.
type LinkSetScore struct {
	All     LinkSetClass             `json:"all"`
	ByClass map[string]*LinkSetClass `json:"by_class"`
}

// LinkSetError is a scored mention the system got wrong.
type LinkSetError struct {
	Case, Surface string
	Expected      string
	System        string // the system's identity, "" when it linked nothing
	Found         bool   // a system entity's mention covers the surface
}

// Add scores one sentence against the system's mentions and returns the
// mentions it got wrong. An expected surface takes the system mention with
// the same bytes, else the first that overlaps it; none means not linked.
func (s *LinkSetScore) Add(c LinkCase, sys []SystemMention) []LinkSetError {
	if s.ByClass == nil {
		s.ByClass = map[string]*LinkSetClass{}
	}
	cl := s.ByClass[c.Class]
	if cl == nil {
		cl = &LinkSetClass{}
		s.ByClass[c.Class] = cl
	}
	s.All.Sentences++
	cl.Sentences++
	var errs []LinkSetError
	for _, e := range c.Expect {
		start := e.offset(c.Text)
		end := start + len(e.Surface)
		m, found := coveringMention(sys, start, end)
		got := ""
		if found {
			got = m.identity()
		}
		linked := got != ""
		var ok bool
		if e.Identity == NoLink {
			ok = !linked
			s.All.MustNotLink.add(linked, ok)
			cl.MustNotLink.add(linked, ok)
		} else {
			ok = got == e.Identity || (found && m.ID == e.Identity)
			s.All.Identity.add(linked, ok)
			cl.Identity.add(linked, ok)
		}
		if !ok {
			surface := e.Surface
			if e.Occurrence > 1 {
				surface += "#" + strconv.Itoa(e.Occurrence)
			}
			errs = append(errs, LinkSetError{Case: c.ID, Surface: surface, Expected: e.Identity, System: got, Found: found})
		}
	}
	for _, k := range []*LinkSetClass{&s.All, cl} {
		k.IdentityPRF = NewPRF(k.Identity.Mentions, k.Identity.Linked, k.Identity.Correct)
	}
	return errs
}

// Classes returns the class names in order.
func (s *LinkSetScore) Classes() []string { return sortedKeys(s.ByClass) }

func coveringMention(sys []SystemMention, start, end int) (SystemMention, bool) {
	for _, m := range sys {
		if m.Start == start && m.End == end {
			return m, true
		}
	}
	for _, m := range sys {
		if m.Start < end && start < m.End {
			return m, true
		}
	}
	return SystemMention{}, false
}
