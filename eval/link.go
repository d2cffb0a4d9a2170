package eval

import "sort"

// SystemLink is a mention that the system linked: a token range
// [Start, End) over the whole document and the entity's id.
type SystemLink struct {
	Start, End int
	ID         string
}

// LinkScore scores entity linking against MEANTIME's gold name mentions
// (syntactic type NAM) that carry a DBpedia link. A gold mention takes the
// system link of the mention with the same tokens, else of the first that
// starts where it starts, else of the first that overlaps it; it is correct
// when that link is its gold entity.
type LinkScore struct {
	Documents int
	Named     int // gold name mentions with a DBpedia link
	// InKB scores the mentions whose gold entity the knowledge base holds:
	// precision over those the system linked, recall over all of them.
	InKB PRF
	// All scores every named mention: precision over those the system
	// linked, recall over all of them (a mention whose entity the
	// knowledge base lacks cannot be correct).
	All     PRF
	missing map[string]int // gold titles the knowledge base lacks
	missed  map[string]int // gold titles the knowledge base holds, mentions left unlinked
}

// LinkError is a named mention linked to another entity than its gold one.
type LinkError struct {
	Title        string // the gold Wikipedia title
	Gold, System string // knowledge-base ids; Gold is "" when the knowledge base lacks the entity
}

// Add scores one document. kbID maps a gold Wikipedia title to the
// knowledge base's id ("" when it has none). It returns the mentions whose
// gold entity is in the knowledge base and that the system linked to
// another one, and those whose gold entity it lacks and that the system
// linked all the same (Gold "").
func (s *LinkScore) Add(gold []MeantimeMention, system []SystemLink, kbID func(title string) string) []LinkError {
	type span struct{ start, end int }
	exact := make(map[span]string, len(system))
	for _, l := range system {
		exact[span{l.Start, l.End}] = l.ID
	}
	linkOf := func(m MeantimeMention) (string, bool) {
		if id, ok := exact[span{m.Start, m.End}]; ok {
			return id, true
		}
		for _, l := range system {
			if l.Start == m.Start {
				return l.ID, true
			}
		}
		for _, l := range system {
			if l.Start < m.End && m.Start < l.End {
				return l.ID, true
			}
		}
		return "", false
	}
	s.Documents++
	var inKB, all PRF
	var errs []LinkError
	for _, m := range gold {
		if m.Syntactic != "NAM" || m.Title == "" {
			continue
		}
		s.Named++
		all.Gold++
		goldID := kbID(m.Title)
		if goldID == "" {
			if s.missing == nil {
				s.missing = map[string]int{}
			}
			s.missing[m.Title]++
		} else {
			inKB.Gold++
		}
		sys, ok := linkOf(m)
		if !ok {
			if goldID != "" {
				if s.missed == nil {
					s.missed = map[string]int{}
				}
				s.missed[m.Title]++
			}
			continue
		}
		all.System++
		if goldID == "" {
			errs = append(errs, LinkError{Title: m.Title, System: sys})
			continue
		}
		inKB.System++
		if sys == goldID {
			inKB.Correct++
			all.Correct++
		} else {
			errs = append(errs, LinkError{Title: m.Title, Gold: goldID, System: sys})
		}
	}
	s.InKB.Add(inKB)
	s.All.Add(all)
	return errs
}

// Missing returns the gold titles that the knowledge base lacks, most
// frequent first, at most n.
func (s *LinkScore) Missing(n int) []string {
	out := s.missingSorted()
	return out[:min(n, len(out))]
}

// MissingCount is how many gold mentions have the title that the knowledge
// base lacks.
func (s *LinkScore) MissingCount(title string) int { return s.missing[title] }

// AllMissing returns every gold title that the knowledge base lacks, most
// frequent first.
func (s *LinkScore) AllMissing() []string { return s.missingSorted() }

// Unlinked returns the gold titles that the knowledge base holds and that
// had mentions the system left unlinked, most frequent first, and how many
// mentions of each.
func (s *LinkScore) Unlinked() ([]string, map[string]int) {
	return byCount(s.missed), s.missed
}

func (s *LinkScore) missingSorted() []string { return byCount(s.missing) }

// byCount returns the keys of m, largest count first, then in order.
func byCount(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for t := range m {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool {
		if m[out[i]] != m[out[j]] {
			return m[out[i]] > m[out[j]]
		}
		return out[i] < out[j]
	})
	return out
}
