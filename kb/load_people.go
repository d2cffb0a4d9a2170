package kb

import (
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"sync"
	"time"

	"tidings/kb/internal/sources"
	"tidings/kb/internal/table"
)

// officeHolderColumns are the columns of the generated office-holder
// table (kb/gen people.go).
var officeHolderColumns = []string{"id", "name", "aliases", "country", "born", "wikipedia", "positions", "position", "from", "until", "source", "as_of"}

const officeHoldersFile = "data/people.tsv.gz"

// Office is what the generated office-holder table says of a person: how
// many positions they held and the latest one, for choosing among people
// of one name.
type Office struct {
	Positions int    // distinct positions held (label and start)
	Latest    string // the latest position's label, as the source gives it
	// From is the first day of the latest position; Until the day after
	// its end (zero: open or unknown).
	From, Until time.Time
	// AsOf is the date of the source (zero: unknown): an open position
	// is known to be held up to that day, not after.
	AsOf time.Time
}

// HeldOn reports whether the latest position was held on date: started
// on or before it and not ended, and, when it has no end, date is not
// after the source's date. An unknown start does not count.
func (o *Office) HeldOn(date time.Time) bool {
	if o == nil || date.IsZero() || o.From.IsZero() || date.Before(o.From) {
		return false
	}
	if o.Until.IsZero() {
		return o.AsOf.IsZero() || !date.After(o.AsOf)
	}
	return date.Before(o.Until)
}

// officeHolders are the tens of thousands of office holders of the
// knowledge sources (kb/gen people.go), loaded as people. They are read
// and indexed on first use, not with the rest of the knowledge base, so
// that a process that never looks a name up (or only builds the
// recogniser's gazetteer, which leaves them out) does not pay for them.
type officeHolders struct {
	once  sync.Once
	load  func() (*holderIndex, error)
	idx   *holderIndex
	err   error
	empty holderIndex
}

type holderIndex struct {
	entries []Entry
	byID    map[string]int32
	byName  map[string][]int32 // folded name -> entries
	// byLast lists the people by the folded last word of their name:
	// the knowledge base's own (as -1-i for k.entries[i]) and the office
	// holders (as their index).
	byLast map[string][]int32
}

func newOfficeHolders(fsys fs.FS, k *KB) *officeHolders {
	return &officeHolders{load: func() (*holderIndex, error) {
		raw, err := fs.ReadFile(fsys, officeHoldersFile)
		if errors.Is(err, fs.ErrNotExist) {
			return &holderIndex{}, nil // kb/gen writes it only from the shared sources
		}
		if err != nil {
			return nil, err
		}
		t, err := table.ReadGzip(raw, officeHolderColumns)
		if err != nil {
			return nil, err
		}
		return indexOfficeHolders(t, k)
	}}
}

// index returns the holders, reading them on the first call. A table that
// does not load (an embedded file the tests check) gives no holders.
func (h *officeHolders) index() *holderIndex {
	if h == nil {
		return &holderIndex{}
	}
	h.once.Do(func() { h.idx, h.err = h.load() })
	if h.err != nil {
		return &h.empty
	}
	return h.idx
}

// officeHoldersErr reports why the office holders failed to load (they
// are read and indexed now if they were not yet): nil when they loaded.
func (k *KB) officeHoldersErr() error {
	if k.holders == nil {
		return nil
	}
	k.holders.index()
	if k.holders.err != nil {
		return fmt.Errorf("kb: %s: %w", officeHoldersFile, k.holders.err)
	}
	return nil
}

func (h *officeHolders) lookup(folded string) []Entry {
	idx := h.index()
	ids := idx.byName[folded]
	if len(ids) == 0 {
		return nil
	}
	out := make([]Entry, len(ids))
	for i, j := range ids {
		out[i] = idx.entries[j]
	}
	return out
}

func (h *officeHolders) get(id string) (Entry, bool) {
	if !sources.IsQID(id) {
		return Entry{}, false
	}
	idx := h.index()
	i, ok := idx.byID[id]
	if !ok {
		return Entry{}, false
	}
	return idx.entries[i], true
}

// indexOfficeHolders makes the rows of people.tsv.gz person entries,
// LinkOnly: out of the recogniser's gazetteer, so that its features do
// not change; the linker takes them only on strict terms (a full name
// typed PER). A person k already has (same QID) is left out: the curated
// row wins.
func indexOfficeHolders(t table.Table, k *KB) (*holderIndex, error) {
	known := map[string]bool{}
	for i := range k.entries {
		if q := k.entries[i].Wikidata; q != "" {
			known[q] = true
		}
	}
	var dates dateCache // the sources' dates repeat: a term's start is many people's
	idx := &holderIndex{entries: make([]Entry, 0, len(t.Rows)), byID: make(map[string]int32, len(t.Rows)),
		byName: make(map[string][]int32, len(t.Rows)), byLast: map[string][]int32{}}
	for i := range k.entries {
		if k.entries[i].Kind == KindPerson {
			w := lastWord(k.entries[i].Name)
			idx.byLast[w] = append(idx.byLast[w], int32(-1-i))
		}
	}
	for _, r := range t.Rows {
		id := r[0]
		if !sources.IsQID(id) {
			return nil, fmt.Errorf("id %q is not a QID", id)
		}
		if known[id] {
			continue
		}
		if _, dup := idx.byID[id]; dup {
			return nil, fmt.Errorf("duplicate id %s", id)
		}
		if r[1] == "" {
			return nil, fmt.Errorf("%s: no name", id)
		}
		if r[3] != "" {
			if c, ok := k.byID[r[3]]; !ok || k.entries[c].Kind != KindCountry {
				return nil, fmt.Errorf("%s: unknown country %q", id, r[3])
			}
		}
		positions, err := strconv.Atoi(r[6])
		if err != nil {
			return nil, fmt.Errorf("%s: positions %q", id, r[6])
		}
		// The sources' dates are as precise as Wikidata's: a malformed
		// one counts as unknown rather than failing the load.
		from, _ := dates.get(r[8])
		_, until := dates.get(r[9])
		asOf, _ := dates.get(r[11])
		e := Entry{
			ID: id, Wikidata: id, Wikipedia: r[5], Name: r[1], ShortName: r[1], Country: r[3],
			Aliases: appendNew(nil, r[1], table.List(r[2])...), Kind: KindPerson, Type: TypePER,
			Source: r[10], LinkOnly: true,
			Office: &Office{Positions: positions, Latest: r[7], From: from, Until: until, AsOf: asOf},
		}
		if r[4] != "" {
			if e.Born, err = strconv.Atoi(r[4]); err != nil {
				return nil, fmt.Errorf("%s: born %q", id, r[4])
			}
		}
		i := int32(len(idx.entries))
		idx.entries = append(idx.entries, e)
		folded := Fold(e.Name)
		w := folded[strings.LastIndexByte(folded, ' ')+1:]
		idx.byLast[w] = append(idx.byLast[w], i)
		idx.byID[id] = i
		for j, n := range e.Names() {
			f := folded
			if j > 0 {
				f = Fold(n)
			}
			if ids := idx.byName[f]; len(ids) == 0 || ids[len(ids)-1] != i {
				idx.byName[f] = append(ids, i)
			}
		}
	}
	return idx, nil
}

// lastWord is the folded last word of a name.
func lastWord(name string) string {
	f := Fold(name)
	return f[strings.LastIndexByte(f, ' ')+1:]
}

// PeopleWithLastName returns the people of the knowledge base (its own
// and the generated office holders; not those of imported files) whose
// name's last word is word, as Fold compares: "Johnson" is many people's,
// "Tokayev" one's.
func (k *KB) PeopleWithLastName(word string) []Entry {
	if k.holders == nil {
		return nil
	}
	idx := k.holders.index()
	ids := idx.byLast[Fold(word)]
	out := make([]Entry, 0, len(ids))
	for _, i := range ids {
		if i < 0 {
			out = append(out, k.entries[-1-i])
		} else {
			out = append(out, idx.entries[i])
		}
	}
	return out
}

// dateCache parses each distinct date of the table once: the first and
// the last day it may stand for.
type dateCache map[string][2]time.Time

func (c *dateCache) get(s string) (first, last time.Time) {
	if s == "" {
		return time.Time{}, time.Time{}
	}
	if d, ok := (*c)[s]; ok {
		return d[0], d[1]
	}
	if *c == nil {
		*c = dateCache{}
	}
	first, last, _ = parseDate(s)
	(*c)[s] = [2]time.Time{first, last}
	return first, last
}
