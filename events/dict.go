package events

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"io"
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
	// (classes already expanded); ObjectPhrases, the noun phrases it may be
	// ("financial aid": the head and the words that modify it).
	Object        []string
	ObjectPhrases []Phrase
	// ObjectActor asks that the direct object be an actor and not be
	// predicated of ("obj=@actor": "called Macron", not "called Macron a
	// friend").
	ObjectActor bool
	// Predicate, when set, lists what the object is named ("pred=A|&CLASS":
	// "called Macron a liar"): the predicate's head or a word modifying
	// it. A pattern with an object condition and no Predicate does not
	// hold of an object that is named something.
	Predicate []string
	// Subject and SubjectPhrases, when set, are what the subject's head
	// may be: the nouns a PETRARCH pattern puts before the verb
	// ("&MILITARY * EXERCISES").
	Subject        []string
	SubjectPhrases []Phrase
	// Obliques are conditions on prepositional dependents: an oblique or
	// nominal modifier introduced by Prep whose head is one of Lemmas.
	Obliques []Oblique
	// TargetPreps name the prepositions whose object is the target.
	TargetPreps []string
	// SourcePreps name the prepositions whose object is the source; the
	// subject is then the target ("received aid from Russia").
	SourcePreps []string
	// Null marks a pattern that codes nothing when it is the one that
	// holds: PETRARCH's "[---]", which keeps a use of a verb from the
	// event its other patterns give.
	Null bool
	Line string // where it was read, for explanations: "verbs.txt:12"
	// rank breaks ties between patterns of equal specificity, lower
	// first: a user's patterns win ties with the shipped ones unless
	// LoadOptions.Merge says otherwise.
	rank int
}

// Oblique is a condition on a prepositional dependent. With neither
// Lemmas nor Phrases, any head will do: the preposition is the condition
// (PETRARCH's "(TO)").
type Oblique struct {
	Prep    string
	Lemmas  []string
	Phrases []Phrase
}

// any reports an oblique that asks for its preposition only.
func (o *Oblique) any() bool { return o.Lemmas == nil && o.Phrases == nil }

// Phrase is a noun phrase a condition asks for: its head (lemma or form)
// and the words before the head that modify it ("financial" in "financial
// aid"), all lower case.
type Phrase struct {
	Head string
	Mods []string
}

func (p *Pattern) specificity() int {
	n := len(p.Obliques) + len(p.TargetPreps) + len(p.SourcePreps)
	if p.Object != nil || p.ObjectPhrases != nil || p.ObjectActor {
		n += 2 // an object condition says most about the event
	}
	if p.Object == nil && p.ObjectPhrases != nil {
		n++ // "financial aid" says more than "aid"
	}
	if p.Subject != nil || p.SubjectPhrases != nil {
		n++
	}
	if p.Predicate != nil {
		n += 3 // what the object is called says more than who it is
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
	// agentPhrases are agents of more than one word, by their words in
	// lower case ("foreign minister"), read from PETRARCH agent files.
	agentPhrases map[string]string
	actors       map[string]string // knowledge-base id -> CAMEO actor code
	// names are PETRARCH actor names (upper case, words separated by one
	// space) with their codes, chosen by date; namesFirst says they come
	// before the knowledge base's codes rather than after.
	names      map[string][]datedCode
	namesFirst bool
	// forms maps a verb's inflected forms, as a PETRARCH verb dictionary
	// lists them, to its lemma: looked up only when the lemmatiser's lemma
	// is no trigger ("sped" when the lemmatiser left it so).
	forms map[string]string
	// discards are PETRARCH discard phrases: a sentence (or, marked
	// story, an article) that contains one codes nothing.
	discards []discard
	// triggers holds the words that begin a pattern's trigger: verb
	// lemmas, the verbs of phrasal triggers, and "n:" nouns.
	triggers map[string]bool
	stats    []DictStats
}

// Merge says how the files given to LoadDictionaryWith combine with the
// shipped dictionaries.
type Merge int

const (
	// MergeOver adds the files' entries; a file's pattern wins a tie with
	// a shipped one, its agents and actor codes replace the shipped ones,
	// and PETRARCH actor names are looked up before the knowledge base.
	MergeOver Merge = iota
	// MergeUnder adds the files' entries below the shipped ones: a
	// shipped pattern wins ties, shipped agents and actor codes are kept,
	// and actor names only code entities the knowledge base does not.
	MergeUnder
	// MergeFill is MergeUnder that takes a file's patterns only for the
	// triggers the shipped dictionary lacks.
	MergeFill
	// MergeReplace drops the shipped patterns, agents and actor codes
	// that the files give their own of (event codes and word classes stay:
	// the coder's own rules read them), so that a dictionary can be
	// measured alone.
	MergeReplace
)

// ParseMerge reads a Merge's name: over, under, fill or replace.
func ParseMerge(s string) (Merge, error) {
	for m := MergeOver; m <= MergeReplace; m++ {
		if s == m.String() {
			return m, nil
		}
	}
	return 0, fmt.Errorf("merge %q: want over, under, fill or replace", s)
}

func (m Merge) String() string {
	switch m {
	case MergeOver:
		return "over"
	case MergeUnder:
		return "under"
	case MergeFill:
		return "fill"
	case MergeReplace:
		return "replace"
	}
	return fmt.Sprintf("Merge(%d)", int(m))
}

// LoadOptions say which dictionary files to read besides the shipped ones
// and how they combine with them.
type LoadOptions struct {
	// Files are read in order, each in the format its content shows:
	// tidings' own (as events/data) or one of PETRARCH's (a CAMEO verb
	// dictionary, actor, agent, discard or issue dictionary).
	Files []string
	Merge Merge
}

// LoadDictionary reads the shipped dictionaries, then each extension file
// in order, as LoadDictionaryWith with MergeOver. An extension file in
// tidings' format is tab-separated like the shipped ones and mixes their
// rows, told apart by the first field: "&CLASS<TAB>words" (a class),
// "agent<TAB>lemma<TAB>ROLE", "actor<TAB>kb-id<TAB>CODE", or a pattern
// "CODE<TAB>TRIGGER[<TAB>CONDITIONS]" as in data/verbs.txt. PETRARCH's
// dictionaries are recognised by their content (see petrarch.go).
func LoadDictionary(extensions ...string) (*Dictionary, error) {
	return LoadDictionaryWith(LoadOptions{Files: extensions})
}

// LoadDictionaryWith reads the shipped dictionaries and the files opt
// names, combined as opt.Merge says.
func LoadDictionaryWith(opt LoadOptions) (*Dictionary, error) {
	d := newDictionary()
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
	if len(opt.Files) > 0 {
		// The files are read apart, then merged: how they combine
		// depends on what they hold.
		x := newDictionary()
		x.codes, x.classes = d.codes, d.classes
		for _, path := range opt.Files {
			if err := x.readFile(path); err != nil {
				return nil, err
			}
		}
		d.merge(x, opt.Merge)
	}
	d.sort()
	d.triggers = map[string]bool{}
	for t := range d.patterns {
		verb, _, _ := strings.Cut(t, " ")
		d.triggers[verb] = true
	}
	return d, nil
}

func newDictionary() *Dictionary {
	return &Dictionary{codes: map[string]Code{}, patterns: map[string][]Pattern{}, classes: map[string][]string{},
		agents: map[string]string{}, agentPhrases: map[string]string{}, actors: map[string]string{},
		names: map[string][]datedCode{}, forms: map[string]string{}}
}

// readFile reads one extension file in the format its content shows.
func (d *Dictionary) readFile(path string) error {
	data, err := readLimited(path)
	if err != nil {
		return err
	}
	format, line, err := sniff(data)
	if err != nil {
		if line > 0 {
			return fmt.Errorf("events dictionary %s:%d: %w", path, line, err)
		}
		return fmt.Errorf("events dictionary %s: %w", path, err)
	}
	if format == formatTidings {
		n := d.Len()
		if err := d.read(bytes.NewReader(data), path, fileExtension); err != nil {
			return err
		}
		d.stats = append(d.stats, DictStats{File: path, Format: format.String(), Read: d.Len() - n, Converted: d.Len() - n})
		return nil
	}
	st := DictStats{File: path, Format: format.String(), Skipped: map[string]int{}, Notes: map[string]int{}}
	d.readPetrarch(data, path, format, &st)
	if st.Malformed > st.Read {
		// more malformed lines than entries: the file only looked like
		// a dictionary
		return fmt.Errorf("events dictionary %s: not a %s dictionary, %d of its lines are malformed (first: %s)", path, format, st.Malformed, st.Examples[0])
	}
	d.stats = append(d.stats, st)
	return nil
}

// merge adds x, read from the extension files, to the shipped d.
func (d *Dictionary) merge(x *Dictionary, m Merge) {
	under := m == MergeUnder || m == MergeFill
	if m == MergeReplace && len(x.patterns) > 0 {
		d.patterns = map[string][]Pattern{}
	}
	for trig, ps := range x.patterns {
		if m == MergeFill && len(d.patterns[trig]) > 0 {
			continue
		}
		if under {
			for i := range ps {
				ps[i].rank = 2
			}
		}
		d.patterns[trig] = append(slices.Clip(d.patterns[trig]), ps...)
	}
	if m == MergeReplace && len(x.agents)+len(x.agentPhrases) > 0 {
		d.agents, d.agentPhrases = map[string]string{}, map[string]string{}
	}
	for w, r := range x.agents {
		if _, ok := d.agents[w]; !ok || !under {
			d.agents[w] = r
		}
	}
	for w, r := range x.agentPhrases {
		if _, ok := d.agentPhrases[w]; !ok || !under {
			d.agentPhrases[w] = r
		}
	}
	if m == MergeReplace && len(x.actors)+len(x.names) > 0 {
		d.actors = map[string]string{}
	}
	for id, c := range x.actors {
		if _, ok := d.actors[id]; !ok || !under {
			d.actors[id] = c
		}
	}
	d.names, d.namesFirst = x.names, !under
	d.forms = x.forms
	d.discards = x.discards
	d.stats = x.stats
}

// Stats returns what each extension file gave, in the order read.
func (d *Dictionary) Stats() []DictStats { return slices.Clone(d.stats) }

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
	if !noun && !d.triggers[lemma] {
		if l, ok := d.forms[lower]; ok {
			lemma = l // an irregular form a PETRARCH dictionary lists
		} else if l := d.guessLemma(lower, func(l string) bool { return d.triggers[l] }); l != "" {
			lemma = l
		}
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
		if w := strings.Fields(strings.ToLower(f[0])); len(w) > 1 {
			// "attorney general": words as written, the last the head
			d.agentPhrases[strings.Join(w, " ")] = strings.ToUpper(f[1])
			break
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
		if !extension {
			p.rank = 1
		}
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
	// "---" codes nothing, as in PETRARCH: a sense of the verb its other
	// patterns would code ("released photos of the suspects").
	null := f[0] == "---"
	if !null && !validCode(f[0]) {
		return Pattern{}, fmt.Errorf("code %q is not a CAMEO code", f[0])
	}
	if _, ok := d.codes[f[0]]; !null && !ok && len(d.codes) > 0 {
		return Pattern{}, fmt.Errorf("code %q is not in cameo.tsv", f[0])
	}
	trig := strings.Join(strings.Fields(strings.ToLower(f[1])), " ")
	if trig == "" || trig == "n:" {
		return Pattern{}, fmt.Errorf("empty trigger")
	}
	p := Pattern{Code: f[0], Trigger: trig, Line: where, Null: null}
	if null {
		p.Code = ""
	}
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
				switch key {
				case "obj":
					p.Object = append(p.Object, lemmas...)
				case "pred":
					p.Predicate = append(p.Predicate, lemmas...)
				default:
					p.Obliques = append(p.Obliques, Oblique{Prep: strings.ToLower(key), Lemmas: lemmas})
				}
			default:
				return Pattern{}, fmt.Errorf("condition %q: want obj=..., obj=@actor, pred=..., PREP=..., >PREP or <PREP", c)
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
// the lower rank (a user's extension, unless merged under), then the first
// written.
func (d *Dictionary) sort() {
	for _, ps := range d.patterns {
		slices.SortStableFunc(ps, func(a, b Pattern) int {
			if c := b.specificity() - a.specificity(); c != 0 {
				return c
			}
			return a.rank - b.rank
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
// irregular returns the lemma of an irregular past form of a verb the
// dictionaries use, for a lemmatiser that leaves it or guesses wrong
// ("shot" as "shet"), else "".
func irregular(form string) string {
	switch form {
	case "shot":
		return "shoot"
	case "struck":
		return "strike"
	case "fought":
		return "fight"
	case "held":
		return "hold"
	case "met":
		return "meet"
	case "sent":
		return "send"
	case "led":
		return "lead"
	case "took", "taken":
		return "take"
	case "gave", "given":
		return "give"
	case "broke", "broken":
		return "break"
	case "threw", "thrown":
		return "throw"
	case "caught":
		return "catch"
	case "bought":
		return "buy"
	case "sold":
		return "sell"
	case "sought":
		return "seek"
	case "told":
		return "tell"
	case "spoke":
		return "speak"
	case "froze", "frozen":
		return "freeze"
	case "withdrew", "withdrawn":
		return "withdraw"
	case "overthrew", "overthrown":
		return "overthrow"
	case "fled":
		return "flee"
	case "drove", "driven":
		return "drive"
	case "upheld":
		return "uphold"
	case "began", "begun":
		return "begin"
	case "bore":
		return "bear"
	case "stole", "stolen":
		return "steal"
	case "swore", "sworn":
		return "swear"
	case "won":
		return "win"
	case "beaten":
		return "beat"
	case "hid", "hidden":
		return "hide"
	case "forbade", "forbidden":
		return "forbid"
	}
	return ""
}

// guessLemma returns the lemma a verb form has when the lemmatiser's does
// not name a trigger ("shelled" left as "shel", "persuaded" as
// "persuad"): an irregular form, else the form without its ending, as
// known reports; "" when none is.
func (d *Dictionary) guessLemma(form string, known func(string) bool) string {
	if l := irregular(form); l != "" && known(l) {
		return l
	}
	var cands []string
	switch {
	case strings.HasSuffix(form, "ied"):
		cands = append(cands, form[:len(form)-3]+"y")
	case strings.HasSuffix(form, "ed"):
		stem := form[:len(form)-2]
		cands = append(cands, stem, form[:len(form)-1])
		if n := len(stem); n > 2 && stem[n-1] == stem[n-2] {
			cands = append(cands, stem[:n-1]) // "stopped"
		}
	case strings.HasSuffix(form, "ing"):
		stem := form[:len(form)-3]
		cands = append(cands, stem, stem+"e")
		if n := len(stem); n > 2 && stem[n-1] == stem[n-2] {
			cands = append(cands, stem[:n-1])
		}
	case strings.HasSuffix(form, "ies"):
		cands = append(cands, form[:len(form)-3]+"y")
	case strings.HasSuffix(form, "es"):
		cands = append(cands, form[:len(form)-2], form[:len(form)-1])
	case strings.HasSuffix(form, "s"):
		cands = append(cands, form[:len(form)-1])
	}
	for _, c := range cands {
		if len(c) > 1 && known(c) {
			return c
		}
	}
	return ""
}

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
