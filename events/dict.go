package events

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"tidings/text"
)

//go:embed data/*.tsv data/*.txt
var dataFiles embed.FS

// Code is one CAMEO event code with what goes with it.
type Code struct {
	Code      string  // "074"
	PLOVER    string  // "AID"
	Goldstein float64 // -10 (conflict) .. +10 (cooperation)
	Name      string  // "Provide military protection or peacekeeping"
}

// QuadClass is the code's CAMEO quad class: 1 verbal cooperation (01-05),
// 2 material cooperation (06-09), 3 verbal conflict (10-14), 4 material
// conflict (15-20).
func (c Code) QuadClass() int { return quadClass(c.Code) }

func quadClass(code string) int {
	r := root(code)
	switch {
	case r >= 1 && r <= 5:
		return 1
	case r >= 6 && r <= 9:
		return 2
	case r >= 10 && r <= 14:
		return 3
	case r >= 15:
		return 4
	}
	return 0
}

// root returns the two-digit root of a code as a number (0 when malformed).
func root(code string) int {
	if len(code) < 2 {
		return 0
	}
	n, err := strconv.Atoi(code[:2])
	if err != nil {
		return 0
	}
	return n
}

// Pattern is one dictionary entry: a trigger and the conditions under
// which it codes an event.
type Pattern struct {
	Code    string
	Trigger string // verb lemma, "lemma particle", or "n:noun"
	// Object, when set, lists the lemmas the direct object's head may have
	// (classes already expanded).
	Object []string
	// ObjectActor asks that the direct object be an actor and not be
	// predicated of ("obj=@actor": "called Macron", not "called Macron a
	// friend").
	ObjectActor bool
	// Obliques are conditions on prepositional dependents: an oblique or
	// nominal modifier introduced by Prep whose head is one of Lemmas.
	Obliques []Oblique
	// TargetPreps name the prepositions whose object is the target.
	TargetPreps []string
	// SourcePreps name the prepositions whose object is the source; the
	// subject is then the target ("received aid from Russia").
	SourcePreps []string
	Line        string // where it was read, for explanations: "verbs.txt:12"
	extension   bool   // from a user's file: wins ties with the shipped patterns
}

// Oblique is a condition on a prepositional dependent.
type Oblique struct {
	Prep   string
	Lemmas []string
}

func (p *Pattern) specificity() int {
	n := len(p.Obliques) + len(p.TargetPreps) + len(p.SourcePreps)
	if p.Object != nil || p.ObjectActor {
		n += 2 // an object condition says most about the event
	}
	return n
}

// Dictionary holds the coder's data: event codes, trigger patterns, word
// classes, agent nouns and the actor codes of organisations. It is
// read-only once built and safe for concurrent use.
type Dictionary struct {
	codes    map[string]Code
	patterns map[string][]Pattern // by trigger, most specific first
	classes  map[string][]string  // "&TROOPS" -> lemmas
	agents   map[string]string    // lemma -> CAMEO role ("police" -> "COP")
	actors   map[string]string    // knowledge-base id -> CAMEO actor code
	// triggers holds the words that begin a pattern's trigger: verb
	// lemmas, the verbs of phrasal triggers, and "n:" nouns.
	triggers map[string]bool
}

// LoadDictionary reads the shipped dictionaries, then each extension file
// in order. An extension file is tab-separated like the shipped ones and
// mixes their rows, told apart by the first field: "&CLASS<TAB>words" (a
// class), "agent<TAB>lemma<TAB>ROLE", "actor<TAB>kb-id<TAB>CODE", or a
// pattern "CODE<TAB>TRIGGER[<TAB>CONDITIONS]" as in data/verbs.txt.
func LoadDictionary(extensions ...string) (*Dictionary, error) {
	d := &Dictionary{codes: map[string]Code{}, patterns: map[string][]Pattern{}, classes: map[string][]string{}, agents: map[string]string{}, actors: map[string]string{}}
	for _, name := range []string{"cameo.tsv", "classes.txt", "agents.tsv", "actors.tsv", "verbs.txt"} {
		f, err := dataFiles.Open("data/" + name)
		if err != nil {
			return nil, fmt.Errorf("events: opening %s: %w", name, err)
		}
		err = d.read(f, name, kindOf(name))
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	for _, path := range extensions {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("events dictionary: %w", err)
		}
		err = d.read(f, path, fileExtension)
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	d.sort()
	d.triggers = map[string]bool{}
	for t := range d.patterns {
		verb, _, _ := strings.Cut(t, " ")
		d.triggers[verb] = true
	}
	return d, nil
}

// MayTrigger reports whether a tagged token, not yet parsed, could
// trigger an event: a verb whose lemma, or an eventive noun whose lemma or
// form, begins a pattern's trigger, also without a "re-" prefix. It
// admits every token that the coder's patterns can match (and more: the
// conditions are not checked), so that a sentence none of whose tokens
// may trigger is one the coder codes nothing in, and its parse can be
// skipped.
func (d *Dictionary) MayTrigger(t *text.Token) bool {
	var noun bool
	switch t.UPOS {
	case "VERB":
	case "NOUN", "PROPN":
		noun = true
	default:
		return false
	}
	lower := strings.ToLower(t.Form)
	lemma := lower
	if t.Lemma != "" {
		lemma = strings.ToLower(t.Lemma)
	}
	for _, w := range []string{lemma, lower} {
		if !noun && w != lemma {
			continue // a verb is looked up by its lemma only
		}
		for _, x := range []string{w, strings.TrimPrefix(w, "re-")} {
			if noun {
				x = "n:" + x
			}
			if d.triggers[x] {
				return true
			}
		}
	}
	return false
}

type fileKind int

const (
	fileCodes fileKind = iota
	fileClasses
	fileAgents
	fileActors
	filePatterns
	// fileExtension mixes every kind, told apart by the first field:
	// "&CLASS", "agent", "actor", or a code.
	fileExtension
)

func kindOf(name string) fileKind {
	switch name {
	case "cameo.tsv":
		return fileCodes
	case "classes.txt":
		return fileClasses
	case "agents.tsv":
		return fileAgents
	case "actors.tsv":
		return fileActors
	}
	return filePatterns
}

// read parses one dictionary file. Fields are separated by tabs; '#'
// starts a comment line. Patterns need the classes they use defined
// before them (classes.txt is read first; in an extension file, earlier).
func (d *Dictionary) read(r io.Reader, name string, kind fileKind) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r ")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		f := strings.Split(line, "\t")
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		where := fmt.Sprintf("%s:%d", name, n)
		k := kind
		if k == fileExtension {
			switch {
			case strings.HasPrefix(f[0], "&"):
				k = fileClasses
			case f[0] == "agent":
				k, f = fileAgents, f[1:]
			case f[0] == "actor":
				k, f = fileActors, f[1:]
			default:
				k = filePatterns
			}
		}
		if err := d.readRow(k, f, where, kind == fileExtension); err != nil {
			return fmt.Errorf("events dictionary %s: %w", where, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("events dictionary %s: %w", name, err)
	}
	return nil
}

func (d *Dictionary) readRow(k fileKind, f []string, where string, extension bool) error {
	switch k {
	case fileCodes:
		if len(f) < 4 {
			return fmt.Errorf("want code, plover, goldstein, name; got %d fields", len(f))
		}
		g, err := strconv.ParseFloat(f[2], 64)
		if err != nil || g < -10 || g > 10 {
			return fmt.Errorf("goldstein %q is not a number in [-10, 10]", f[2])
		}
		if !validCode(f[0]) {
			return fmt.Errorf("code %q is not a CAMEO code", f[0])
		}
		d.codes[f[0]] = Code{Code: f[0], PLOVER: f[1], Goldstein: g, Name: f[3]}
	case fileClasses:
		if len(f) < 2 || !strings.HasPrefix(f[0], "&") {
			return fmt.Errorf("want &CLASS<TAB>words")
		}
		d.classes[f[0]] = append(d.classes[f[0]], strings.Fields(strings.ToLower(f[1]))...)
	case fileAgents:
		if len(f) < 2 || f[0] == "" || f[1] == "" {
			return fmt.Errorf("want lemma<TAB>ROLE")
		}
		d.agents[strings.ToLower(f[0])] = strings.ToUpper(f[1])
	case fileActors:
		if len(f) < 2 || f[0] == "" || f[1] == "" {
			return fmt.Errorf("want kb-id<TAB>CAMEO code")
		}
		d.actors[f[0]] = strings.ToUpper(f[1])
	case filePatterns:
		p, err := d.parsePattern(f, where)
		if err != nil {
			return err
		}
		p.extension = extension
		d.patterns[p.Trigger] = append(d.patterns[p.Trigger], p)
	}
	return nil
}

func validCode(c string) bool {
	if len(c) < 2 || len(c) > 4 {
		return false
	}
	for _, r := range c {
		if r < '0' || r > '9' {
			return false
		}
	}
	r := root(c)
	return r >= 1 && r <= 20
}

// parsePattern reads CODE, TRIGGER and optional CONDITIONS.
func (d *Dictionary) parsePattern(f []string, where string) (Pattern, error) {
	if len(f) < 2 {
		return Pattern{}, fmt.Errorf("want CODE<TAB>TRIGGER[<TAB>CONDITIONS]")
	}
	if !validCode(f[0]) {
		return Pattern{}, fmt.Errorf("code %q is not a CAMEO code", f[0])
	}
	if _, ok := d.codes[f[0]]; !ok && len(d.codes) > 0 {
		return Pattern{}, fmt.Errorf("code %q is not in cameo.tsv", f[0])
	}
	trig := strings.Join(strings.Fields(strings.ToLower(f[1])), " ")
	if trig == "" || trig == "n:" {
		return Pattern{}, fmt.Errorf("empty trigger")
	}
	p := Pattern{Code: f[0], Trigger: trig, Line: where}
	if len(f) > 2 {
		for _, c := range strings.Fields(f[2]) {
			switch {
			case strings.HasPrefix(c, ">"):
				for _, prep := range strings.Split(c[1:], "|") {
					if prep == "" {
						return Pattern{}, fmt.Errorf("empty target preposition in %q", c)
					}
					p.TargetPreps = append(p.TargetPreps, strings.ToLower(prep))
				}
			case strings.HasPrefix(c, "<"):
				for _, prep := range strings.Split(c[1:], "|") {
					if prep == "" {
						return Pattern{}, fmt.Errorf("empty source preposition in %q", c)
					}
					p.SourcePreps = append(p.SourcePreps, strings.ToLower(prep))
				}
			case strings.EqualFold(c, "obj=@actor"):
				p.ObjectActor = true
			case strings.Contains(c, "="):
				key, vals, _ := strings.Cut(c, "=")
				lemmas, err := d.expand(vals)
				if err != nil {
					return Pattern{}, fmt.Errorf("condition %q: %w", c, err)
				}
				if key == "obj" {
					p.Object = append(p.Object, lemmas...)
				} else {
					p.Obliques = append(p.Obliques, Oblique{Prep: strings.ToLower(key), Lemmas: lemmas})
				}
			default:
				return Pattern{}, fmt.Errorf("condition %q: want obj=..., obj=@actor, PREP=..., >PREP or <PREP", c)
			}
		}
	}
	return p, nil
}

// expand turns "a|b|&CLASS" into lemmas.
func (d *Dictionary) expand(vals string) ([]string, error) {
	var out []string
	for _, v := range strings.Split(vals, "|") {
		v = strings.ToLower(strings.TrimSpace(v))
		switch {
		case v == "":
			return nil, fmt.Errorf("empty alternative")
		case strings.HasPrefix(v, "&"):
			words, ok := d.classes[strings.ToUpper(v)]
			if !ok {
				return nil, fmt.Errorf("class %s is not defined", strings.ToUpper(v))
			}
			out = append(out, words...)
		default:
			out = append(out, v)
		}
	}
	return out, nil
}

// sort orders each trigger's patterns most specific first; among equals,
// a user's extension wins, then the first written.
func (d *Dictionary) sort() {
	for _, ps := range d.patterns {
		slices.SortStableFunc(ps, func(a, b Pattern) int {
			if c := b.specificity() - a.specificity(); c != 0 {
				return c
			}
			switch {
			case a.extension && !b.extension:
				return -1
			case b.extension && !a.extension:
				return 1
			}
			return 0
		})
	}
}

// Code returns the description of a CAMEO code.
func (d *Dictionary) Code(code string) (Code, bool) {
	c, ok := d.codes[code]
	return c, ok
}

// describe returns the description of a code, or the bare code when the
// table lacks it.
func (d *Dictionary) describe(code string) Code {
	if c, ok := d.codes[code]; ok {
		return c
	}
	return Code{Code: code}
}

// Patterns returns the patterns of a trigger, most specific first.
func (d *Dictionary) Patterns(trigger string) []Pattern { return d.patterns[trigger] }

// known says whether a lemma triggers any pattern, as a verb or a noun.
func (d *Dictionary) known(lemma string, noun bool) bool {
	if noun {
		lemma = "n:" + lemma
	}
	return len(d.patterns[lemma]) > 0
}

// Len returns the number of patterns.
func (d *Dictionary) Len() int {
	n := 0
	for _, ps := range d.patterns {
		n += len(ps)
	}
	return n
}

// Agent returns the CAMEO role of an agent noun ("police" -> "COP").
func (d *Dictionary) Agent(lemma string) (string, bool) {
	r, ok := d.agents[lemma]
	return r, ok
}

// Actor returns the CAMEO actor code of a knowledge-base entry id.
func (d *Dictionary) Actor(id string) (string, bool) {
	c, ok := d.actors[id]
	return c, ok
}
