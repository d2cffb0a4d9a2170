package eval

import (
	"fmt"
	"io"
	"strings"
	"unicode"
)

// TagCase is one article of a tag test set (tags/testdata/news-tags.jsonl):
// the tags an editor chose for it, most important first.
type TagCase struct {
	Line      int      `json:"-"` // the article's line in the file
	ID        string   `json:"id"`
	Class     string   `json:"class"`
	Published string   `json:"published"`
	Title     string   `json:"title"`
	Body      string   `json:"body"`
	Tags      []string `json:"tags"`
}

// ReadTagSet reads a tag test set: JSON Lines, one article a line with its
// id, class, published date, title, body and the editor's tags. Blank
// lines are skipped. name is used in errors.
func ReadTagSet(r io.Reader, name string) ([]TagCase, error) {
	return readCases(r, name, "articles", func(c *TagCase, line int) error {
		c.Line = line
		switch {
		case c.ID == "":
			return fmt.Errorf("no id")
		case strings.TrimSpace(c.Body) == "":
			return fmt.Errorf("%s: no body", c.ID)
		case len(c.Tags) == 0:
			return fmt.Errorf("%s: no tags", c.ID)
		}
		seen := map[string]bool{}
		for _, t := range c.Tags {
			n := NormTag(t)
			if n == "" {
				return fmt.Errorf("%s: an empty tag", c.ID)
			}
			if seen[n] {
				return fmt.Errorf("%s: tag %q twice", c.ID, t)
			}
			seen[n] = true
		}
		return nil
	}, func(c *TagCase) string { return c.ID })
}

// NormTag is the form in which two tags are compared: lower case,
// punctuation other than inside words dropped, spaces collapsed ("U.S."
// and "u.s." agree, "Bank of England" and "bank of england").
func NormTag(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '&' || r == '+':
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		case unicode.IsSpace(r) || r == '-' || r == '–':
			space = true
		}
	}
	return b.String()
}

// TagOverlap is how many of an article's gold tags the first K system
// tags hold.
type TagOverlap struct {
	Articles int     `json:"articles"`
	Gold     int     `json:"gold"`   // gold tags
	Found    int     `json:"found"`  // gold tags among the system's first K
	Mean     float64 `json:"mean"`   // Found per article
	Full     int     `json:"full"`   // articles whose K gold tags were all found
	Short    int     `json:"short"`  // articles with fewer than K system tags
	Recall   float64 `json:"recall"` // Found / Gold
}

func (o *TagOverlap) add(gold, found, system, k int) {
	o.Articles++
	o.Gold += gold
	o.Found += found
	if found == min(gold, k) {
		o.Full++
	}
	if system < k {
		o.Short++
	}
	o.Mean = float64(o.Found) / float64(o.Articles)
	o.Recall = float64(o.Found) / float64(max(o.Gold, 1))
}

// TagSetScore accumulates a tag set's overlap: overall and per class.
type TagSetScore struct {
	K       int                    `json:"k"`
	Overall TagOverlap             `json:"overall"`
	ByClass map[string]*TagOverlap `json:"classes"`
}

// TagResult is one article's comparison: the gold tags missed and the
// system tags among its first K that no gold tag matches.
type TagResult struct {
	Found  int
	Missed []string
	Extra  []string
}

// Add scores one article: system is the system's ranked tags, of which the
// first s.K count; same reports whether gold tag g and system tag t (as
// indices) are the same beyond their spelling (one knowledge-base
// identity), and may be nil. Each tag matches at most one other.
func (s *TagSetScore) Add(c TagCase, system []string, same func(g, t int) bool) TagResult {
	if s.K == 0 {
		s.K = 5
	}
	top := system[:min(len(system), s.K)]
	used := make([]bool, len(top))
	var r TagResult
	for g, gt := range c.Tags {
		hit := -1
		for t, st := range top {
			if !used[t] && NormTag(gt) == NormTag(st) {
				hit = t
				break
			}
		}
		if hit < 0 && same != nil {
			for t := range top {
				if !used[t] && same(g, t) {
					hit = t
					break
				}
			}
		}
		if hit < 0 {
			r.Missed = append(r.Missed, gt)
			continue
		}
		used[hit] = true
		r.Found++
	}
	for t, st := range top {
		if !used[t] {
			r.Extra = append(r.Extra, st)
		}
	}
	s.Overall.add(len(c.Tags), r.Found, len(top), s.K)
	if s.ByClass == nil {
		s.ByClass = map[string]*TagOverlap{}
	}
	cl := s.ByClass[c.Class]
	if cl == nil {
		cl = &TagOverlap{}
		s.ByClass[c.Class] = cl
	}
	cl.add(len(c.Tags), r.Found, len(top), s.K)
	return r
}

// Classes returns the classes seen, sorted.
func (s *TagSetScore) Classes() []string { return sortedKeys(s.ByClass) }
