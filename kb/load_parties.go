package kb

import (
	"fmt"
	"slices"
	"strconv"

	"tidings/kb/internal/sources"
	"tidings/kb/internal/table"
)

// partyColumns are the columns of the generated party table (kb/gen
// parties.go): the party's QID, its most frequent English label, the
// other labels, its country (alpha-3, or empty), the distinct people the
// everypolitician extracts list with it, and the file with the most of
// them.
var partyColumns = []string{"id", "name", "aliases", "country", "members", "source"}

// parties loads the political parties of data/parties.tsv.gz as ORG
// entries whose ID and Wikidata are the QID; their names are in the
// recogniser's gazetteer.
// Their Tier ranks them by the members the sources list (0 for the most;
// parties with as many members share a tier), so that Lookup puts the
// party with more members first among parties of one name. A party whose
// QID an entry already loaded has (a curated organisation) is left out:
// that entry stands for it. It runs after the other tables.
func (l *loader) parties(t table.Table) error {
	members := make([]int, len(t.Rows))
	want := make(map[string]bool, len(t.Rows))
	for i, r := range t.Rows {
		if !sources.IsQID(r[0]) {
			return fmt.Errorf("id %q is not a QID", r[0])
		}
		n, err := strconv.Atoi(r[4])
		if err != nil || n < 1 {
			return fmt.Errorf("%s: members %q", r[0], r[4])
		}
		members[i] = n
		want[r[0]] = true
	}
	known := map[string]bool{}
	for i := range l.entries {
		if q := l.entries[i].Wikidata; q != "" && want[q] {
			known[q] = true
		}
	}
	// The tiers: the distinct member counts, largest first.
	counts := slices.Clone(members)
	slices.Sort(counts)
	counts = slices.Compact(counts)
	slices.Reverse(counts)
	for i, r := range t.Rows {
		id, name, country, source := r[0], r[1], r[3], r[5]
		if known[id] {
			continue
		}
		if name == "" || source == "" {
			return fmt.Errorf("%s: no name or source", id)
		}
		if country != "" {
			if err := l.country(country); err != nil {
				return fmt.Errorf("%s: %w", id, err)
			}
		}
		tier, _ := slices.BinarySearchFunc(counts, members[i], func(c, n int) int { return n - c })
		if err := l.add(Entry{
			ID: id, Wikidata: id, Name: name, ShortName: name, Aliases: appendNew(nil, name, table.List(r[2])...),
			Kind: KindParty, Type: TypeORG, Country: country, Source: source, Tier: tier,
		}); err != nil {
			return err
		}
	}
	return nil
}
