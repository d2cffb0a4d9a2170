package events

// This file reads the dictionaries of the PETRARCH coders (PETRARCH-2 and
// UniversalPetrarch, openeventdata on GitHub) into the coder's own: the
// CAMEO verb dictionary (CAMEO.2.0.txt), the Phoenix actor, agent, discard
// and issue dictionaries. Their formats are described in PETRARCH-2's
// docs/source/dictionaries.rst and in the comments of its PETRreader.py;
// what a pattern says that a dependency parse cannot check is counted and
// left out, never guessed.

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"tidings/syntax"
)

// DictStats counts what one extension file gave the coder.
type DictStats struct {
	File   string `json:"file"`
	Format string `json:"format"`
	// Read counts the file's entries: a verb dictionary's verbs and
	// patterns, an actor dictionary's names, an agent's or discard's
	// phrases, an issue dictionary's phrases.
	Read int `json:"read"`
	// Converted counts the entries the coder uses.
	Converted int `json:"converted"`
	// Skipped counts entries left out, by reason.
	Skipped map[string]int `json:"skipped,omitempty"`
	// Malformed counts lines that are no entry of the format; Examples
	// names the first few ("file:line: why").
	Malformed int      `json:"malformed,omitempty"`
	Examples  []string `json:"examples,omitempty"`
	// Notes count what was changed on the way in (a four-digit code that
	// cameo.tsv lacks read as its parent, a passive code dropped) and
	// what was made (patterns over all the verbs of a block).
	Notes map[string]int `json:"notes,omitempty"`
}

func (st *DictStats) skip(reason string) { st.Skipped[reason]++ }

func (st *DictStats) malformed(where, why string) {
	st.Malformed++
	if len(st.Examples) < 5 {
		st.Examples = append(st.Examples, where+": "+why)
	}
}

// dictFormat is what a dictionary file holds, told by its content.
type dictFormat int

const (
	formatTidings dictFormat = iota
	formatVerbs
	formatActors
	formatAgents
	formatDiscards
	formatIssues
)

func (f dictFormat) String() string {
	switch f {
	case formatVerbs:
		return "petrarch verbs"
	case formatActors:
		return "petrarch actors"
	case formatAgents:
		return "petrarch agents"
	case formatDiscards:
		return "petrarch discards"
	case formatIssues:
		return "petrarch issues"
	}
	return "tidings"
}

// maxDictBytes bounds an extension file: the largest PETRARCH dictionary
// is under 2 MB.
const maxDictBytes = 64 << 20

func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("events dictionary: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxDictBytes+1))
	if err != nil {
		return nil, fmt.Errorf("events dictionary %s: %w", path, err)
	}
	if len(data) > maxDictBytes {
		return nil, fmt.Errorf("events dictionary %s: larger than %d MB", path, maxDictBytes>>20)
	}
	return data, nil
}

// contentLines calls fn with each line of a PETRARCH file (1-based number)
// that is not blank nor a comment: '#' and "<!" begin comments (a '#'
// anywhere ends the line's content), as PETRreader.read_FIN_line reads
// them; multi-line "<!-- -->" comments are skipped whole. A line with a
// NUL byte (UniversalPetrarch's Phoenix.Countries.actors.txt has one) is
// counted malformed in st, when given, and skipped.
func contentLines(data []byte, name string, st *DictStats, fn func(n int, raw, line string)) {
	inComment := false
	for n := 1; len(data) > 0; n++ {
		var raw []byte
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			raw, data = data[:i], data[i+1:]
		} else {
			raw, data = data, nil
		}
		if bytes.IndexByte(raw, 0) >= 0 {
			if st != nil {
				st.malformed(fmt.Sprintf("%s:%d", name, n), "a NUL byte")
			}
			continue
		}
		line := strings.TrimRight(string(raw), "\r")
		if inComment {
			if strings.Contains(line, "-->") {
				inComment = false
			}
			continue
		}
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "<!") {
			inComment = strings.HasPrefix(t, "<!--") && !strings.Contains(t, "-->")
			continue
		}
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		fn(n, strings.TrimRight(string(raw), "\r"), line)
	}
}

// sniff tells a dictionary file's format from its content: tidings' own
// tab-separated rows; a verb dictionary's "--- NAME [code]" blocks and
// "- ... * ... [code]" patterns; an issue dictionary's <ISSUE> sections;
// an agent dictionary's "[~CODE]" codes; an actor dictionary's "[CODE]"
// codes (dated or not) and "+" synonyms; a discard list's bare upper-case
// phrases. Anything else is no dictionary.
func sniff(data []byte) (dictFormat, int, error) {
	if bytes.IndexByte(data[:min(len(data), 8000)], 0) >= 0 {
		return 0, 0, fmt.Errorf("a binary file, not a dictionary") // as git and file(1) tell binary files
	}
	var lines, tabRows, innerTabs, blocks, patterns, issues, agentCodes, actorCodes, phrases, upperPhrases, lettered int
	firstLine := 0
	contentLines(data, "", nil, func(n int, _, line string) {
		lines++
		if firstLine == 0 {
			firstLine = n
		}
		t := strings.TrimSpace(line)
		if first, rest, ok := strings.Cut(line, "\t"); ok && strings.TrimSpace(first) != "" && strings.TrimSpace(rest) != "" {
			innerTabs++
			first = strings.TrimSpace(first)
			if validCode(first) || strings.HasPrefix(first, "&") || first == "agent" || first == "actor" {
				tabRows++
			}
		}
		code, coded := bracket(t)
		coded = coded && codeLike(code)
		switch {
		case strings.HasPrefix(t, "<ISSUE"):
			issues++
		case strings.HasPrefix(t, "---") && coded:
			blocks++ // "--- NAME [CODE] ---"
		case strings.HasPrefix(t, "-") && strings.Contains(t, "*") && coded && strings.HasSuffix(strings.TrimRight(t, "; "), "]"):
			patterns++ // "- PRE * POST [CODE]"
		}
		if i := strings.IndexByte(t, '['); i >= 0 {
			if j := strings.IndexByte(t[i:], ']'); j > 0 && codeLike(t[i+1:i+j]) {
				if strings.Contains(t[i:i+j], "~") {
					agentCodes++
				} else {
					actorCodes++
				}
			}
			return
		}
		if !strings.ContainsAny(t, "{}()<>=\t") && len(strings.Fields(t)) <= 8 {
			phrases++
			if strings.ToUpper(t) == t {
				upperPhrases++
			}
			if strings.ContainsFunc(t, func(r rune) bool { return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' }) {
				lettered++
			}
		}
	})
	switch {
	case lines == 0 || tabRows*2 >= lines:
		return formatTidings, 0, nil // an empty file adds nothing, as before
	case issues > 0:
		return formatIssues, 0, nil
	// Codes must be common, as they are in a dictionary, not in a text
	// that quotes one.
	case (blocks+patterns)*10 >= lines:
		return formatVerbs, 0, nil
	case agentCodes > actorCodes && agentCodes*2 >= lines:
		return formatAgents, 0, nil
	case actorCodes > agentCodes && actorCodes*5 >= lines:
		return formatActors, 0, nil
	case innerTabs > 0:
		return formatTidings, 0, nil // tidings' rows, some malformed: its reader names the line
	case phrases == lines && upperPhrases*10 >= lines*8 && lettered*2 >= lines:
		return formatDiscards, 0, nil
	}
	return 0, firstLine, fmt.Errorf("neither tidings' dictionary format nor one of PETRARCH's (verbs, actors, agents, discards, issues)")
}

// codeLike reports the inside of a [...] that PETRARCH's dictionaries
// write: a code of capitals, digits, '-', ':' or '~' ("AFG", "~GOV",
// "042:043", "---"), then perhaps a date restriction.
func codeLike(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 {
		return false
	}
	for _, r := range f[0] {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == ':' || r == '~' || r == '_') {
			return false
		}
	}
	return true
}

// readPetrarch reads a PETRARCH dictionary of format f into d.
func (d *Dictionary) readPetrarch(data []byte, name string, f dictFormat, st *DictStats) {
	switch f {
	case formatVerbs:
		d.readVerbs(data, name, st)
	case formatActors:
		d.readActors(data, name, st)
	case formatAgents:
		d.readAgents(data, name, st)
	case formatDiscards:
		d.readDiscards(data, name, st)
	case formatIssues:
		readIssues(data, name, st)
	}
}

// ---- verb dictionary

// verbMember is one verb of a verb block: "ASK [020]", "+ASK_FOR [020]".
type verbMember struct {
	lemma    string // "ask"
	particle string // "for" in ASK_FOR: the word after the verb
	code     string // its own code, else the block's; "---" codes nothing
	line     string // "CAMEO.2.0.txt:912"
}

// verbReader converts a CAMEO verb dictionary.
type verbReader struct {
	d       *Dictionary
	name    string
	st      *DictStats
	synsets map[string][]Phrase // "&CURRENCY" -> its phrases, plurals made
	// particles are the words that follow the verb in the file's
	// multi-word verbs ("+BEEF_UP"): such a word first after "*" is the
	// verb's particle, not a noun.
	particles map[string]bool
	// the block being read
	blockCode string
	members   []verbMember
	// patterns are the block's patterns, conditions, code and line set;
	// Trigger holds the particle a pattern puts first ("- * OFF (FOR)"),
	// if any, until add files it under each verb.
	patterns []Pattern
}

func (d *Dictionary) readVerbs(data []byte, name string, st *DictStats) {
	r := &verbReader{d: d, name: name, st: st, synsets: map[string][]Phrase{}, particles: map[string]bool{}}
	contentLines(data, name, nil, func(_ int, _, line string) {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "-") || strings.HasPrefix(t, "&") || strings.HasPrefix(t, "~") {
			return
		}
		word, _, _ := strings.Cut(t, " ")
		if v, part, ok := strings.Cut(strings.TrimPrefix(word, "+"), "_"); ok && strings.HasPrefix(word, "+") && v != "" && part != "" && !strings.Contains(part, "_") {
			r.particles[strings.ToLower(part)] = true
		}
	})
	synset := "" // the synset whose "+" lines are being read
	noPlural := false
	contentLines(data, name, st, func(n int, _, line string) {
		where := fmt.Sprintf("%s:%d", name, n)
		if i := strings.IndexByte(line, ';'); i >= 0 {
			line = line[:i] // "SCRAP {...};shan 8/30/93": ';' begins a comment too in the format's examples
		}
		t := strings.TrimSpace(line)
		if t == "" {
			return
		}
		switch {
		case strings.HasPrefix(t, "&"):
			r.flush()
			label := strings.Fields(t)[0]
			noPlural = strings.HasSuffix(label, "_")
			synset = strings.ToUpper(strings.TrimSuffix(label, "_"))
			r.synsets[synset] = nil
			st.Notes["synsets"]++
		case strings.HasPrefix(t, "+") && synset != "":
			r.synsetMember(synset, strings.TrimSpace(t[1:]), noPlural)
		case strings.HasPrefix(t, "---"):
			synset = ""
			r.flush()
			r.blockCode = "---"
			if code, ok := bracket(t); ok {
				r.blockCode = code
			}
			st.Notes["verb blocks"]++
		case strings.HasPrefix(t, "~"):
			st.Read++
			st.skip("transformation (the coder handles reported speech and modality itself)")
		case strings.HasPrefix(t, "-"):
			synset = ""
			st.Read++
			st.Notes["patterns read"]++
			r.pattern(t[1:], where)
		default:
			synset = ""
			st.Read++
			st.Notes["verbs read"]++
			r.member(t, where)
		}
	})
	r.flush()
}

// bracket returns the content of the last [...] of s.
func bracket(s string) (string, bool) {
	i := strings.LastIndexByte(s, '[')
	if i < 0 {
		return "", false
	}
	j := strings.IndexByte(s[i:], ']')
	if j < 0 {
		return "", false
	}
	return strings.TrimSpace(s[i+1 : i+j]), true
}

// synsetMember adds one "+" line to a synset: words joined by '_' are one
// phrase whose last word is the head; a plural is made unless the phrase
// or the label ends with '_' or the phrase has more than one word.
func (r *verbReader) synsetMember(set, member string, noPlural bool) {
	if member == "" || strings.ContainsAny(member, "$+%^&") {
		r.st.Notes["synset members left out (not words)"]++
		return
	}
	if strings.HasSuffix(member, "_") {
		noPlural = true
	}
	words := strings.Fields(strings.ToLower(strings.ReplaceAll(member, "_", " ")))
	if len(words) == 0 {
		return
	}
	p := Phrase{Head: words[len(words)-1], Mods: words[:len(words)-1]}
	r.synsets[set] = append(r.synsets[set], p)
	if !noPlural && len(words) == 1 {
		r.synsets[set] = append(r.synsets[set], Phrase{Head: petrPlural(p.Head)})
	}
}

// petrPlural is a noun's regular plural as dictionaries.rst gives the
// rule: "IES" for a final Y, "ES" after SS, else "S".
func petrPlural(w string) string {
	switch {
	case strings.HasSuffix(w, "y"):
		return w[:len(w)-1] + "ies"
	case strings.HasSuffix(w, "ss"):
		return w + "es"
	}
	return w + "s"
}

// member reads a verb line: "HURRY {HURRIES HURRYING HURRIED } [code]",
// "+CORDON_OFF {+CORDONED_OFF ...}", "WIRE_+TAP".
func (r *verbReader) member(t, where string) {
	code := r.blockCode
	if c, ok := bracket(t); ok {
		code = c
		t = t[:strings.LastIndexByte(t, '[')]
	}
	var forms []string
	if i := strings.IndexByte(t, '{'); i >= 0 {
		j := strings.IndexByte(t, '}')
		if j < i {
			r.st.malformed(where, "unclosed {")
			return
		}
		forms = strings.Fields(t[i+1 : j])
		t = t[:i] + t[j+1:]
	}
	words := strings.Fields(t)
	if len(words) != 1 {
		r.st.malformed(where, "want one verb, its forms in {...} and a code in [...]")
		return
	}
	verb := strings.ToLower(words[0])
	m := verbMember{code: code, line: where}
	if strings.Contains(verb, "_") {
		parts := strings.Split(verb, "_")
		switch {
		case len(parts) == 2 && strings.HasPrefix(parts[0], "+") && len(parts[0]) > 1 && parts[1] != "":
			m.lemma, m.particle = parts[0][1:], parts[1]
		case len(parts) == 2 && parts[0] == "re" && strings.HasPrefix(parts[1], "+"):
			r.st.skip("re- verb (the coder reads re-X as X)")
			return
		case len(parts) == 2 && strings.HasPrefix(parts[1], "+"):
			r.st.skip("multi-word verb with a word before the verb")
			return
		default:
			r.st.skip("multi-word verb of more than two words")
			return
		}
	} else {
		m.lemma = strings.TrimPrefix(verb, "+")
	}
	if m.lemma == "" || strings.ContainsAny(m.lemma, "+&$%^()") {
		r.st.malformed(where, "not a verb")
		return
	}
	for _, f := range forms {
		f = strings.ToLower(f)
		if m.particle != "" {
			// "+CORDONED_OFF": the verb's form is the word marked '+'
			v, _, _ := strings.Cut(strings.TrimPrefix(f, "+"), "_")
			f = v
		}
		if f != "" && f != m.lemma && !strings.ContainsAny(f, "+_") {
			if _, ok := r.d.forms[f]; !ok {
				r.d.forms[f] = m.lemma
			}
		}
	}
	r.members = append(r.members, m)
}

// flush makes the patterns of the block read so far: each verb's own
// (its code, or "---" to code nothing), then the block's patterns for
// each of its verbs.
func (r *verbReader) flush() {
	defer func() { r.members, r.patterns = nil, nil }()
	for _, m := range r.members {
		made := 0
		code, null, why := r.code(m.code)
		switch {
		case why != "":
			r.st.skip("verb: " + why)
		case !null && m.particle == "" && composes(m.lemma):
			// PETRARCH adds a speech or intent verb's code to the code
			// of the verb it governs ("will help" -> intend to help);
			// the coder does that by its own rules (modality.go,
			// reported speech), and the bare code would be a second,
			// wrong event.
			r.st.skip("verb: bare code of a speech, intent or threat verb (the coder composes these)")
		default:
			made += r.add(m, Pattern{Code: code, Null: null, Line: m.line})
		}
		for _, p := range r.patterns {
			made += r.add(m, p)
		}
		if made > 0 {
			r.st.Converted++
			r.st.Notes["verbs converted"]++
		}
	}
}

// add files pattern p under verb m: a verb with a particle is filed both
// as "verb particle" (the parser's compound:prt: "beef up") and as the
// verb with an oblique the particle introduces ("ask for help"), the two
// readings a dependency parse may give the words.
func (r *verbReader) add(m verbMember, p Pattern) int {
	particle := m.particle
	if p.Trigger != "" { // the pattern's own particle ("- * OFF (FOR)")
		if particle != "" {
			r.st.Notes["patterns left out: a particle after a verb that has one"]++
			return 0
		}
		particle = p.Trigger
	}
	if particle == "" {
		p.Trigger = m.lemma
		r.d.patterns[p.Trigger] = append(r.d.patterns[p.Trigger], p)
		r.st.Notes["patterns made"]++
		return 1
	}
	phrasal := p
	phrasal.Trigger = m.lemma + " " + particle
	r.d.patterns[phrasal.Trigger] = append(r.d.patterns[phrasal.Trigger], phrasal)
	oblique := p
	oblique.Trigger = m.lemma
	oblique.Obliques = append(slices.Clip(p.Obliques), Oblique{Prep: particle})
	r.d.patterns[oblique.Trigger] = append(r.d.patterns[oblique.Trigger], oblique)
	r.st.Notes["patterns made"] += 2
	return 2
}

// composes reports a verb whose event the coder makes from the verb it
// governs or the clause it reports: speech, intent and threat.
func composes(lemma string) bool {
	m := modality(lemma)
	return syntax.SpeechVerb(lemma) || m == modalIntent || m == modalThreat
}

// code reads a PETRARCH code: "042", "042:043" (the second is the code of
// the verb's passive sense, which the coder does not tell apart: dropped),
// ":173" (a passive sense only: left out), "---" (codes nothing). A
// four-digit code that cameo.tsv lacks is read as its three-digit parent,
// as verbs.txt does for 1213 and 1214. why says why a code is left out.
func (r *verbReader) code(c string) (code string, null bool, why string) {
	active, passive, hasPassive := strings.Cut(c, ":")
	active, passive = strings.TrimSpace(active), strings.TrimSpace(passive)
	switch {
	case active == "" && hasPassive:
		return "", false, "passive sense only ([:code])"
	case active == "---" || active == "":
		return "", true, ""
	}
	if hasPassive && passive != "" && passive != active && passive != "---" {
		r.st.Notes["passive codes dropped"]++
	}
	if !validCode(active) {
		return "", false, "not a CAMEO code"
	}
	if _, ok := r.d.codes[active]; ok || len(r.d.codes) == 0 {
		return active, false, ""
	}
	if len(active) == 4 {
		if _, ok := r.d.codes[active[:3]]; ok {
			r.st.Notes["codes read as their parent ("+active+")"]++
			return active[:3], false, ""
		}
	}
	return "", false, "code not in cameo.tsv"
}

// element is one part of a pattern: a noun (its alternatives), a
// prepositional phrase, or a marker ($ source, + target, ^ and %).
type element struct {
	kind   byte     // 'n' noun, 'p' prepositional phrase, or the marker
	word   string   // a bare word as written, lower case (to tell particles)
	alts   []Phrase // a noun's alternatives
	prep   string   // a prepositional phrase's preposition
	inside []element
}

// pattern converts "- PRE * POST [code]" for the block being read.
func (r *verbReader) pattern(t, where string) {
	code, ok := bracket(t)
	if !ok {
		r.st.malformed(where, "pattern without a [code]")
		return
	}
	body := t[:strings.LastIndexByte(t, '[')]
	pre, post, ok := strings.Cut(body, "*")
	if !ok || strings.Contains(post, "*") {
		r.st.malformed(where, "pattern without one '*' for the verb")
		return
	}
	cd, null, why := r.code(code)
	if why != "" {
		r.st.skip(why)
		return
	}
	preEl, err := r.elements(pre)
	var postEl []element
	if err == nil {
		postEl, err = r.elements(post)
	}
	if err != nil {
		if reason, ok := err.(skipReason); ok {
			r.st.skip(string(reason))
		} else {
			r.st.malformed(where, err.Error())
		}
		return
	}
	p, why := r.convert(preEl, postEl)
	if why != "" {
		r.st.skip(why)
		return
	}
	p.Code, p.Null, p.Line = cd, null, where
	r.patterns = append(r.patterns, p)
	r.st.Converted++
	r.st.Notes["patterns converted"]++
}

// skipReason is an element a dependency parse cannot check: the pattern
// is left out, counted under this reason.
type skipReason string

func (s skipReason) Error() string { return string(s) }

// elements reads one side of a pattern.
func (r *verbReader) elements(s string) ([]element, error) {
	toks := strings.Fields(s)
	var out []element
	for i := 0; i < len(toks); i++ {
		tok := toks[i]
		switch {
		case strings.HasPrefix(tok, "("):
			// "(PREP ...)": up to the token that ends with ')'
			var inner []string
			tok = tok[1:]
			for {
				end := strings.HasSuffix(tok, ")")
				tok = strings.TrimSuffix(tok, ")")
				if strings.ContainsAny(tok, "()") {
					return nil, fmt.Errorf("nested parentheses")
				}
				if tok != "" {
					inner = append(inner, tok)
				}
				if end {
					break
				}
				i++
				if i == len(toks) {
					return nil, fmt.Errorf("unclosed (")
				}
				tok = toks[i]
			}
			if len(inner) == 0 {
				return nil, fmt.Errorf("empty ()")
			}
			prep := inner[0]
			if strings.ContainsAny(prep, "&{}$+^%") {
				return nil, skipReason("a preposition that is no word")
			}
			el := element{kind: 'p', prep: strings.ToLower(strings.ReplaceAll(prep, "_", " "))}
			inside, err := r.elements(strings.Join(inner[1:], " "))
			if err != nil {
				return nil, err
			}
			el.inside = inside
			out = append(out, el)
		case strings.HasPrefix(tok, "{"):
			var words []string
			tok = tok[1:]
			for {
				end := strings.HasSuffix(tok, "}")
				tok = strings.TrimSuffix(tok, "}")
				if tok != "" {
					words = append(words, tok)
				}
				if end {
					break
				}
				i++
				if i == len(toks) {
					return nil, fmt.Errorf("unclosed {")
				}
				tok = toks[i]
			}
			alts, err := r.phrase(words)
			if err != nil {
				return nil, err
			}
			out = append(out, element{kind: 'n', alts: alts})
		case tok == "$" || tok == "+" || tok == "^" || tok == "%":
			out = append(out, element{kind: tok[0]})
		case strings.ContainsAny(tok, "(){}"):
			return nil, fmt.Errorf("unbalanced brackets in %q", tok)
		default:
			alts, err := r.phrase([]string{tok})
			if err != nil {
				return nil, err
			}
			out = append(out, element{kind: 'n', alts: alts, word: strings.ToLower(tok)})
		}
	}
	return out, nil
}

// maxAlternatives bounds the phrases one noun of a pattern expands to.
const maxAlternatives = 4096

// phrase reads the words of a noun phrase ("{FINANCIAL AID}", a bare
// word, "&SET", "WORD_WORD"): its last word is the head, the others
// modify it; a synset stands for each of its phrases.
func (r *verbReader) phrase(words []string) ([]Phrase, error) {
	var parts []string
	for _, w := range words {
		for _, part := range strings.Split(w, "_") {
			if part != "" {
				parts = append(parts, part)
			}
		}
	}
	if len(parts) == 0 {
		return nil, fmt.Errorf("empty noun phrase")
	}
	mods := [][]string{nil} // the modifiers of each alternative so far
	var out []Phrase
	for k, w := range parts {
		var choices []Phrase
		switch {
		case strings.HasPrefix(w, "&"):
			set, ok := r.synsets[strings.ToUpper(w)]
			if !ok {
				return nil, skipReason("undefined synset")
			}
			choices = set
		case strings.ContainsAny(w, "$+^%"):
			return nil, skipReason("a marker inside a noun phrase")
		default:
			choices = []Phrase{{Head: strings.ToLower(w)}}
		}
		if len(mods)*len(choices) > maxAlternatives {
			return nil, skipReason("too many alternatives")
		}
		var next [][]string
		for _, m := range mods {
			for _, c := range choices {
				cm := append(slices.Clip(m), c.Mods...)
				if k == len(parts)-1 {
					out = append(out, Phrase{Head: c.Head, Mods: cm})
				} else {
					next = append(next, append(slices.Clip(cm), c.Head))
				}
			}
		}
		mods = next
	}
	return out, nil
}

// convert turns a pattern's two sides into conditions, or says why it
// cannot. Before '*': at most one noun (the subject), '$' (the subject is
// the source, as the coder reads it anyway) or '+' (the subject is the
// target, when a "(PREP $)" after the verb names the source). After '*':
// a particle first, at most one noun (the object), '+' alone (the object
// is the target: an actor), prepositional phrases "(PREP)", "(PREP noun)",
// "(PREP +)" (the target) and "(PREP $)" (the source).
func (r *verbReader) convert(pre, post []element) (Pattern, string) {
	var p Pattern
	subjectTarget := false
	nouns := 0
	for _, e := range pre {
		switch e.kind {
		case 'n':
			nouns++
			p.Subject, p.SubjectPhrases = splitAlts(e.alts)
		case '$':
		case '+':
			subjectTarget = true
		case 'p':
			return p, "a prepositional phrase before the verb"
		default:
			return p, "marker " + string(e.kind)
		}
	}
	if nouns > 1 {
		return p, "several nouns before the verb"
	}
	nouns = 0
	targetObject := false
	for k, e := range post {
		switch e.kind {
		case 'n':
			if k == 0 && e.word != "" && r.particles[e.word] {
				p.Trigger = e.word // the verb's particle: "- * OFF (FOR)"
				continue
			}
			nouns++
			p.Object, p.ObjectPhrases = splitAlts(e.alts)
		case '+':
			targetObject = true
		case '$':
			return p, "the source after the verb outside a prepositional phrase"
		case 'p':
			switch {
			case len(e.inside) == 0:
				p.Obliques = append(p.Obliques, Oblique{Prep: e.prep})
			case len(e.inside) > 1:
				return p, "several parts in a prepositional phrase"
			case e.inside[0].kind == 'n':
				lemmas, phrases := splitAlts(e.inside[0].alts)
				p.Obliques = append(p.Obliques, Oblique{Prep: e.prep, Lemmas: lemmas, Phrases: phrases})
			case e.inside[0].kind == '+':
				if len(p.TargetPreps) > 0 {
					return p, "two target prepositions"
				}
				p.TargetPreps = []string{e.prep}
			case e.inside[0].kind == '$':
				if len(p.SourcePreps) > 0 {
					return p, "two source prepositions"
				}
				p.SourcePreps = []string{e.prep}
			default:
				return p, "marker " + string(e.inside[0].kind)
			}
		default:
			return p, "marker " + string(e.kind)
		}
	}
	switch {
	case nouns > 1:
		return p, "several nouns after the verb"
	case targetObject && nouns > 0:
		return p, "a target and a noun after the verb"
	case targetObject:
		p.ObjectActor = true
	}
	if subjectTarget && len(p.SourcePreps) == 0 {
		return p, "the target before the verb with no source after it"
	}
	if strings.Contains(p.Trigger, " ") {
		return p, "a particle of more than one word"
	}
	return p, ""
}

// splitAlts files a noun's alternatives as bare lemmas and phrases.
func splitAlts(alts []Phrase) (lemmas []string, phrases []Phrase) {
	for _, a := range alts {
		if a.Head == "" {
			continue
		}
		if len(a.Mods) == 0 {
			if !slices.Contains(lemmas, a.Head) {
				lemmas = append(lemmas, a.Head)
			}
			continue
		}
		phrases = append(phrases, a)
	}
	return lemmas, phrases
}

// ---- actor dictionaries

// datedCode is one code of an actor with the dates it holds for: From
// and To are days since 1970 (inclusive, as the format says), with
// noFrom and noTo for open ends; neither is the default code.
type datedCode struct {
	Code         string
	From, To     int32
	noFrom, noTo bool
}

func (c datedCode) holds(day int32) bool {
	return (c.noFrom || day >= c.From) && (c.noTo || day <= c.To)
}

// codeOn returns the first of an actor's codes that holds on day, in the
// dictionary's order (PETRARCH's check_date); with no date, the first
// code without a date restriction.
func codeOn(codes []datedCode, day time.Time) string {
	for _, c := range codes {
		if day.IsZero() {
			if c.noFrom && c.noTo {
				return c.Code
			}
			continue
		}
		if c.holds(int32(day.Unix() / 86400)) {
			return c.Code
		}
	}
	return ""
}

// petrDate reads YYYYMMDD or YYMMDD (YY up to 30 is 20YY, as PETRARCH
// reads it) as days since 1970.
func petrDate(s string) (int32, bool) {
	var y, m, d int
	var err1, err2, err3 error
	switch len(s) {
	case 8:
		y, err1 = strconv.Atoi(s[:4])
		m, err2 = strconv.Atoi(s[4:6])
		d, err3 = strconv.Atoi(s[6:])
	case 6:
		y, err1 = strconv.Atoi(s[:2])
		m, err2 = strconv.Atoi(s[2:4])
		d, err3 = strconv.Atoi(s[4:])
		if y <= 30 {
			y += 2000
		} else {
			y += 1900
		}
	default:
		return 0, false
	}
	if err1 != nil || err2 != nil || err3 != nil || m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return 0, false // 31 April
	}
	return int32(t.Unix() / 86400), true
}

// parseDatedCode reads the inside of "[CODE]", "[CODE <date]",
// "[CODE >date]" or "[CODE date-date]".
func parseDatedCode(s string) (datedCode, error) {
	f := strings.Fields(s)
	if len(f) == 3 && (f[1] == "<" || f[1] == ">") {
		f = []string{f[0], f[1] + f[2]} // "[EGYGOV > 140608]"
	}
	if len(f) == 0 || len(f) > 2 {
		return datedCode{}, fmt.Errorf("want [CODE] or [CODE DATES], got [%s]", s)
	}
	c := datedCode{Code: strings.ToUpper(f[0]), noFrom: true, noTo: true}
	if len(f) == 1 {
		return c, nil
	}
	r := f[1]
	var ok bool
	switch {
	case strings.HasPrefix(r, "<"):
		c.To, ok = petrDate(r[1:])
		c.noTo = false
	case strings.HasPrefix(r, ">"):
		c.From, ok = petrDate(r[1:])
		c.noFrom = false
	default:
		a, b, dash := strings.Cut(r, "-")
		if !dash {
			return datedCode{}, fmt.Errorf("date restriction %q: want <date, >date or date-date", r)
		}
		var ok2 bool
		c.From, ok = petrDate(a)
		c.To, ok2 = petrDate(b)
		ok = ok && ok2
		c.noFrom, c.noTo = false, false
	}
	if !ok {
		return datedCode{}, fmt.Errorf("date restriction %q: want YYYYMMDD or YYMMDD dates", r)
	}
	return c, nil
}

// actorName normalises a name as the coder looks it up: upper case, words
// ('_' or blanks between them) separated by one space.
func actorName(s string) string {
	return strings.Join(strings.Fields(strings.ToUpper(strings.ReplaceAll(s, "_", " "))), " ")
}

// readActors reads an actor dictionary: records of a name with optional
// codes ("AFGHANISTAN_ [AFG]"), "+" synonyms and tab-indented "[CODE
// dates]" lines.
func (d *Dictionary) readActors(data []byte, name string, st *DictStats) {
	var names []string
	var codes []datedCode
	flush := func() {
		if len(names) == 0 {
			return
		}
		if len(codes) == 0 {
			st.Skipped["names without a code"] += len(names)
		} else {
			for _, n := range names {
				if _, dup := d.names[n]; dup {
					st.Notes["names given again (the first kept)"]++
					continue
				}
				d.names[n] = codes
				st.Converted++
			}
		}
		names, codes = nil, nil
	}
	contentLines(data, name, st, func(n int, raw, line string) {
		where := fmt.Sprintf("%s:%d", name, n)
		if i := strings.Index(line, " ;"); i >= 0 {
			line = line[:i] // "JAMES_BYRNES_  ; CountryInfo.txt"
		}
		t := strings.TrimSpace(line)
		if t == "" {
			return
		}
		var rest string
		switch {
		case t[0] == '[':
			if len(names) == 0 {
				st.malformed(where, "a code before any name")
				return
			}
			rest = t
		case t[0] == '+':
			if len(names) == 0 {
				st.malformed(where, "a synonym before any name")
				return
			}
			nm, r, _ := strings.Cut(t[1:], "[")
			if r != "" {
				r = "[" + r
			}
			if n := actorName(nm); n != "" {
				names = append(names, n)
				st.Read++
			}
			rest = r
		default:
			flush()
			nm, r, _ := strings.Cut(t, "[")
			if r != "" {
				r = "[" + r
			}
			n := actorName(nm)
			if n == "" {
				st.malformed(where, "no name")
				return
			}
			names = append(names, n)
			st.Read++
			rest = r
		}
		for rest = strings.TrimSpace(rest); rest != ""; rest = strings.TrimSpace(rest) {
			if rest[0] != '[' {
				st.Notes["text after the codes, ignored"]++
				return
			}
			j := strings.IndexByte(rest, ']')
			if j < 0 {
				st.malformed(where, "unclosed [")
				return
			}
			c, err := parseDatedCode(rest[1:j])
			if err != nil {
				st.malformed(where, err.Error())
			} else {
				codes = append(codes, c)
			}
			rest = rest[j+1:]
		}
	})
	flush()
}

// ---- agents

// readAgents reads an agent dictionary: "PHRASE {plural} [~CODE]" lines
// and "!MARKER! = A, B" substitution sets. A code after '~' is the role
// the coder adds after the actor's country; a code before it ("NGO~")
// goes before the actor's code, which the coder's agents do not do.
func (d *Dictionary) readAgents(data []byte, name string, st *DictStats) {
	subst := map[string][]string{}
	contentLines(data, name, st, func(n int, _, line string) {
		where := fmt.Sprintf("%s:%d", name, n)
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "!") && strings.Contains(t, "=") {
			marker, list, _ := strings.Cut(t, "=")
			marker = strings.Trim(strings.TrimSpace(marker), "!")
			for _, w := range strings.Split(list, ",") {
				if w = strings.TrimSpace(w); w != "" {
					subst[marker] = append(subst[marker], w)
				}
			}
			return
		}
		code, ok := bracket(t)
		if !ok {
			st.malformed(where, "no [code]")
			return
		}
		st.Read++
		phrase := strings.TrimSpace(t[:strings.LastIndexByte(t, '[')])
		var plural string
		explicit := false
		if i := strings.IndexByte(phrase, '{'); i >= 0 {
			j := strings.IndexByte(phrase, '}')
			if j < i {
				st.malformed(where, "unclosed {")
				return
			}
			plural, explicit = strings.TrimSpace(phrase[i+1:j]), true
			phrase = strings.TrimSpace(phrase[:i])
		}
		var role string
		switch {
		case strings.HasPrefix(code, "~") && len(code) > 1:
			role = strings.ToUpper(code[1:])
		case strings.HasSuffix(code, "~"):
			st.skip("a code before the actor's (" + code + ")")
			return
		default:
			st.malformed(where, "want [~CODE] or [CODE~]")
			return
		}
		var forms []string
		if i := strings.IndexByte(phrase, '!'); i >= 0 {
			j := strings.IndexByte(phrase[i+1:], '!')
			if j < 0 {
				st.malformed(where, "unclosed !marker!")
				return
			}
			set, ok := subst[phrase[i+1:i+1+j]]
			if !ok {
				st.malformed(where, "undefined !marker!")
				return
			}
			for _, w := range set {
				forms = append(forms, phrase[:i]+w+phrase[i+2+j:])
			}
		} else {
			forms = append(forms, phrase)
			switch {
			case explicit && plural != "":
				forms = append(forms, plural)
			case explicit:
			default:
				forms = append(forms, strings.ToUpper(petrPlural(strings.ToLower(phrase))))
			}
		}
		for _, f := range forms {
			words := strings.Fields(strings.ToLower(strings.ReplaceAll(f, "_", " ")))
			switch len(words) {
			case 0:
			case 1:
				d.agents[words[0]] = role
			default:
				d.agentPhrases[strings.Join(words, " ")] = role
			}
		}
		st.Converted++
	})
}

// ---- discards

// discard is a phrase whose presence keeps a sentence (story: an
// article) from being coded: upper case, with the blank PETRARCH puts
// before it; word says it must end at a blank or punctuation (it ended
// with '_'), else it is a stem.
type discard struct {
	phrase      string
	word, story bool
}

func (d *Dictionary) readDiscards(data []byte, name string, st *DictStats) {
	contentLines(data, name, st, func(n int, _, line string) {
		t := strings.TrimSpace(line)
		st.Read++
		x := discard{}
		if strings.HasPrefix(t, "+") {
			x.story, t = true, strings.TrimSpace(t[1:])
		}
		if strings.HasSuffix(t, "_") {
			x.word, t = true, strings.TrimSuffix(t, "_")
		}
		words := strings.Fields(strings.ToUpper(strings.ReplaceAll(t, "_", " ")))
		if len(words) == 0 {
			st.malformed(fmt.Sprintf("%s:%d", name, n), "empty phrase")
			return
		}
		x.phrase = " " + strings.Join(words, " ")
		d.discards = append(d.discards, x)
		st.Converted++
	})
}

// discarded reports whether upper-case text (a sentence, or with story an
// article) holds a discard phrase of that reach.
func (d *Dictionary) discarded(upper string, story bool) bool {
	text := " " + upper
	for _, x := range d.discards {
		if x.story != story {
			continue
		}
		for from := 0; ; {
			i := strings.Index(text[from:], x.phrase)
			if i < 0 {
				break
			}
			end := from + i + len(x.phrase)
			if !x.word || end == len(text) || !isWordByte(text[end]) {
				return true
			}
			from += i + 1
		}
	}
	return false
}

func isWordByte(b byte) bool {
	return b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b >= 0x80
}

// ---- issues

// readIssues checks an issue dictionary and counts its phrases: issues
// are topics of the sentence, not parts of an event, and the event
// record has no place for them (the tag line reads this dictionary:
// tidings train background --issues).
func readIssues(data []byte, name string, st *DictStats) {
	contentLines(data, name, st, func(n int, _, line string) {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "<") || strings.HasPrefix(t, "~") {
			return
		}
		if _, ok := bracket(t); !ok {
			st.malformed(fmt.Sprintf("%s:%d", name, n), "no [code]")
			return
		}
		st.Read++
		st.skip("issue phrase (not used by the event coder)")
	})
}
