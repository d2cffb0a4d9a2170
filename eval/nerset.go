package eval

import (
	"bufio"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"
)

// NERCase is one article of a news NER test set (annotate/testdata/news-ner.txt):
// its class, headline and body as plain text, and the gold entities as
// byte ranges of the article's text (the headline, a blank line, the
// body: article.Article.Text).
type NERCase struct {
	Line        int // the block's first line in the file
	Class       string
	Title, Body string
	Gold        []NERSpan
}

// Text is the article's text, as article.Article.Text builds it.
func (c NERCase) Text() string {
	if c.Title == "" {
		return c.Body
	}
	return c.Title + "\n\n" + c.Body
}

// NERSpan is an entity: a type over the bytes [Start, End) of a text.
type NERSpan struct {
	Start, End int
	Type       string
}

// nerTypes are the types a news NER set may mark.
var nerTypes = map[string]bool{"PER": true, "ORG": true, "LOC": true, "MISC": true}

// ReadNERSet reads a news NER test set: blocks separated by blank lines,
// one article each (a block of one line is a body; of several, its first
// line is the headline and the rest the body, joined by spaces); "#
// class: NAME" sets the class of the blocks after it, and other lines
// starting with '#' are comments. Entities are marked "[TYPE text]" with
// TYPE one of PER, ORG, LOC, MISC. name is used in errors.
func ReadNERSet(r io.Reader, name string) ([]NERCase, error) {
	var cases []NERCase
	class := ""
	var block []string
	start := 0
	flush := func() error {
		if len(block) == 0 {
			return nil
		}
		c := NERCase{Line: start, Class: class}
		var err error
		var title []NERSpan
		lines := block
		if len(lines) > 1 {
			if c.Title, title, err = unmark(lines[0]); err != nil {
				return fmt.Errorf("%s:%d: %w", name, start, err)
			}
			lines = lines[1:]
		}
		body, spans, err := unmark(strings.Join(lines, " "))
		if err != nil {
			return fmt.Errorf("%s:%d: %w", name, start, err)
		}
		c.Body = body
		c.Gold = title
		shift := 0
		if c.Title != "" {
			shift = len(c.Title) + 2
		}
		for _, s := range spans {
			c.Gold = append(c.Gold, NERSpan{s.Start + shift, s.End + shift, s.Type})
		}
		cases = append(cases, c)
		block = nil
		return nil
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for line := 1; sc.Scan(); line++ {
		l := strings.TrimRight(sc.Text(), " \r")
		if !utf8.ValidString(l) {
			return nil, fmt.Errorf("%s:%d: not UTF-8 text", name, line)
		}
		switch {
		case strings.TrimSpace(l) == "":
			if err := flush(); err != nil {
				return nil, err
			}
		case strings.HasPrefix(l, "#"):
			if err := flush(); err != nil {
				return nil, err
			}
			if v, ok := strings.CutPrefix(l, "# class:"); ok {
				class = strings.TrimSpace(v)
			}
		default:
			if len(block) == 0 {
				start = line
			}
			block = append(block, l)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if err := flush(); err != nil {
		return nil, err
	}
	if len(cases) == 0 {
		return nil, fmt.Errorf("%s: no articles", name)
	}
	return cases, nil
}

// unmark removes the "[TYPE text]" marks of a line and returns its plain
// text and the marked spans.
func unmark(s string) (string, []NERSpan, error) {
	var b strings.Builder
	var spans []NERSpan
	for {
		i := strings.IndexAny(s, "[]")
		if i < 0 {
			b.WriteString(s)
			return b.String(), spans, nil
		}
		if s[i] == ']' {
			return "", nil, fmt.Errorf("']' without '[' in %q", s)
		}
		b.WriteString(s[:i])
		rest := s[i+1:]
		typ, text, ok := strings.Cut(rest, " ")
		end := strings.IndexAny(text, "[]")
		switch {
		case !ok || !nerTypes[typ]:
			return "", nil, fmt.Errorf("mark %q: want [PER|ORG|LOC|MISC text]", s[i:min(len(s), i+20)])
		case end < 0 || text[end] == '[':
			return "", nil, fmt.Errorf("mark %q: not closed, or nested", s[i:min(len(s), i+20)])
		case strings.TrimSpace(text[:end]) != text[:end] || end == 0:
			return "", nil, fmt.Errorf("mark %q: empty, or spaces inside the brackets", s[i:min(len(s), i+20)])
		}
		spans = append(spans, NERSpan{b.Len(), b.Len() + end, typ})
		b.WriteString(text[:end])
		s = text[end+1:]
	}
}

// NERSetScore holds exact-span precision, recall and F1 of a news NER set,
// overall, per type and per class.
type NERSetScore struct {
	Overall PRF            `json:"overall"`
	ByType  map[string]PRF `json:"types"`
	ByClass map[string]PRF `json:"classes"`
}

// NERSetError is a gold entity the system missed or typed otherwise, or
// a system entity that is not in the gold.
type NERSetError struct {
	Line       int
	Text, Type string
	Missed     bool // a gold entity without an exact system match, else a spurious one
}

// Add scores one article: an entity is right when the system has the
// same bytes with the same type. It returns the errors.
func (s *NERSetScore) Add(c NERCase, system []NERSpan) []NERSetError {
	if s.ByType == nil {
		s.ByType, s.ByClass = map[string]PRF{}, map[string]PRF{}
	}
	text := c.Text()
	gold := map[NERSpan]bool{}
	for _, g := range c.Gold {
		gold[g] = true
	}
	sys := make(map[NERSpan]bool, len(system)) // true once counted
	for _, x := range system {
		sys[x] = false
	}
	var errs []NERSetError
	count := func(t string, g, sy, ok int) {
		q := NewPRF(g, sy, ok)
		s.Overall.Add(q)
		bt, bc := s.ByType[t], s.ByClass[c.Class]
		bt.Add(q)
		bc.Add(q)
		s.ByType[t], s.ByClass[c.Class] = bt, bc
	}
	for _, g := range c.Gold {
		ok := 0
		if _, found := sys[g]; found {
			ok = 1
		} else {
			errs = append(errs, NERSetError{c.Line, text[g.Start:g.End], g.Type, true})
		}
		count(g.Type, 1, 0, ok)
	}
	for _, x := range system {
		if sys[x] {
			continue
		}
		sys[x] = true
		count(x.Type, 0, 1, 0)
		if !gold[x] {
			errs = append(errs, NERSetError{c.Line, text[x.Start:x.End], x.Type, false})
		}
	}
	return errs
}

// Types returns the scored types in order.
func (s *NERSetScore) Types() []string { return sortedKeys(s.ByType) }

// Classes returns the classes in order.
func (s *NERSetScore) Classes() []string { return sortedKeys(s.ByClass) }

func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}
