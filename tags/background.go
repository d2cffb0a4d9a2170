package tags

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"tidings/text"
)

// A topic is a common-noun subject of an article ("strikes", "interest
// rates"). What makes one is rarity: a noun phrase that the article
// repeats and that news in general seldom uses. Background holds how
// often each noun phrase occurs in a corpus of news, and in which number,
// so that a topic is ranked by its rarity and written in the number
// editors use: the plural for a kind of thing that is counted ("strikes",
// "vaccines"), the singular for a mass ("inflation", "housing").

// BackgroundFile is the name of the background table in a directory.
const BackgroundFile = "background.tsv.gz"

//go:embed data
var shipped embed.FS

// Background is a table of noun phrases with their document frequency in
// a corpus of news. Read-only once made.
type Background struct {
	Docs int
	rows map[string]backgroundRow
	// roles are the words that name offices ("minister", "deputy",
	// "governor"): a post is not a topic.
	roles map[string]bool
	// issues are the noun phrases of the field's issue vocabulary
	// (PETRARCH's issue coding: "sanctions", "interest rates", "work
	// stoppage"), keyed as topics are.
	issues map[string]bool
}

type backgroundRow struct {
	// singular and plural count the uses as the head of a phrase (not
	// "cocoa" in "cocoa prices"); indefinite, the singular ones after
	// "a", "an", "each" or "another", which only a countable noun takes.
	df, singular, plural, indefinite int32
	singularForm                     string // the most frequent singular form, "" when never singular
	pluralForm                       string
}

// ShippedBackground reads the table made from the shared news corpora
// (see data/NOTICE).
func ShippedBackground() (*Background, error) {
	f, err := shipped.Open("data/" + BackgroundFile)
	if err != nil {
		return nil, fmt.Errorf("the shipped background table: %w", err)
	}
	defer f.Close()
	b, err := ReadBackground(f)
	if err != nil {
		return nil, fmt.Errorf("the shipped background table: %w", err)
	}
	return b, nil
}

// ReadBackground reads a gzipped table written by BackgroundCounter.Write.
func ReadBackground(r io.Reader) (*Background, error) {
	z, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("reading the gzip header: %w", err)
	}
	defer z.Close()
	sc := bufio.NewScanner(z)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	b := &Background{rows: map[string]backgroundRow{}, roles: map[string]bool{}, issues: map[string]bool{}}
	line := 0
	for sc.Scan() {
		line++
		f := strings.Split(sc.Text(), "\t")
		if line == 1 {
			if len(f) != 2 || f[0] != "#docs" {
				return nil, fmt.Errorf("line 1: want #docs and a count, got %q", sc.Text())
			}
			if b.Docs, err = strconv.Atoi(f[1]); err != nil || b.Docs <= 0 {
				return nil, fmt.Errorf("line 1: bad document count %q", f[1])
			}
			continue
		}
		if f[0] == "#role" && len(f) == 2 {
			b.roles[f[1]] = true
			continue
		}
		if f[0] == "#issue" && len(f) == 2 {
			b.issues[f[1]] = true
			continue
		}
		if len(f) != 7 {
			return nil, fmt.Errorf("line %d: want 7 fields, got %d", line, len(f))
		}
		var n [4]int64
		for i := range n {
			if n[i], err = strconv.ParseInt(f[1+i], 10, 32); err != nil {
				return nil, fmt.Errorf("line %d: field %d: %w", line, 2+i, err)
			}
		}
		b.rows[f[0]] = backgroundRow{df: int32(n[0]), singular: int32(n[1]), plural: int32(n[2]), indefinite: int32(n[3]), singularForm: f[5], pluralForm: f[6]}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", line, err)
	}
	if line == 0 {
		return nil, fmt.Errorf("empty table")
	}
	return b, nil
}

// BackgroundCounter counts the noun phrases of a corpus, one Document at
// a time; its Documents carry tags and lemmas (and entities, whose words
// are names, not topics).
type BackgroundCounter struct {
	docs   int
	rows   map[string]*countRow
	roles  map[string]int
	issues []string // phrases as written, lower case
}

type countRow struct {
	df, singular, plural, indefinite int
	lastDoc                          int
	forms                            map[string]int // surface forms, with "+" before a plural
}

// NewBackgroundCounter returns an empty counter.
func NewBackgroundCounter() *BackgroundCounter {
	return &BackgroundCounter{rows: map[string]*countRow{}, roles: map[string]int{}}
}

// AddRole counts the word that names the office in the label of a post:
// the last before its first "of", "for", "to", "in" or "at" ("Deputy
// Prime Minister of Spain": minister; "Health Minister": minister, not
// health).
func (c *BackgroundCounter) AddRole(label string) {
	last := ""
	for _, w := range strings.Fields(strings.ToLower(label)) {
		if w == "of" || w == "for" || w == "to" || w == "in" || w == "at" {
			break
		}
		last = w
	}
	if lettersOnly(last) {
		c.roles[last]++
	}
}

// Add counts the noun phrases of one document.
func (c *BackgroundCounter) Add(doc *text.Document) {
	c.docs++
	nounPhrases(doc, namedTokens(doc), func(np nounPhrase) {
		r := c.rows[np.key]
		if r == nil {
			r = &countRow{forms: map[string]int{}}
			c.rows[np.key] = r
		}
		if r.lastDoc != c.docs {
			r.lastDoc = c.docs
			r.df++
		}
		if !np.head {
			return
		}
		form := np.form
		switch {
		case np.plural:
			r.plural++
			form = "+" + form
		case np.indefinite:
			r.indefinite++
			fallthrough
		default:
			r.singular++
		}
		r.forms[form]++
	})
}

// ReadIssues reads the noun phrases of a PETRARCH issue dictionary
// (Phoenix.IssueCoding.txt: "phrase [CODE]" lines inside <ISSUE> sections, "n:" marking a noun
// whose plural is meant too, "+" a space or hyphen, "~" a phrase to
// ignore). Phrases with a verb ("v:") are left out: topics are nouns.
func (c *BackgroundCounter) ReadIssues(r io.Reader) (int, error) {
	sc := bufio.NewScanner(r)
	n := 0
	inIssue := false // phrases stand inside <ISSUE ...> ... </ISSUE> sections
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		switch t := strings.TrimSpace(line); {
		case strings.HasPrefix(t, "<ISSUE"):
			inIssue = true
			continue
		case strings.HasPrefix(t, "</ISSUE"):
			inIssue = false
			continue
		case !inIssue:
			continue
		}
		phrase, code, ok := strings.Cut(line, "[")
		phrase = strings.TrimSpace(strings.ToLower(phrase))
		code, _, closed := strings.Cut(code, "]") // the file has lines with a second entry or code after it
		if !ok || !closed || !issueCode(code) || phrase == "" || strings.HasPrefix(phrase, "~") || strings.Contains(phrase, "v:") {
			continue
		}
		phrase = strings.ReplaceAll(strings.ReplaceAll(phrase, "n:", ""), "+", "-")
		c.issues = append(c.issues, strings.Join(strings.Fields(phrase), " "))
		n++
	}
	return n, sc.Err()
}

// issueCode reports an issue code as the dictionary writes them:
// capitals, digits, underscores and hyphens ("LABOR_STRIKE",
// "SOUTH-TO-SOUTH").
func issueCode(c string) bool {
	return c != "" && strings.Trim(c, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") == ""
}

// Docs returns the number of documents counted.
func (c *BackgroundCounter) Docs() int { return c.docs }

// Write writes the phrases met in at least minDF documents (and single
// words in at least two), gzipped, in key order; it returns how many.
func (c *BackgroundCounter) Write(w io.Writer, minDF int) (int, error) {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "#docs\t%d\n", c.docs)
	for _, w := range slices.Sorted(maps.Keys(c.roles)) {
		if c.roles[w] >= minRoleHolders {
			fmt.Fprintf(&buf, "#role\t%s\n", w)
		}
	}
	issues := map[string]bool{}
	for _, p := range c.issues {
		issues[c.issueKey(p)] = true
	}
	for _, k := range slices.Sorted(maps.Keys(issues)) {
		fmt.Fprintf(&buf, "#issue\t%s\n", k)
	}
	n := 0
	for _, key := range slices.Sorted(maps.Keys(c.rows)) {
		r := c.rows[key]
		if r.df < 2 || strings.Contains(key, " ") && r.df < minDF {
			continue
		}
		sing, plur := mostFrequent(r.forms, false), mostFrequent(r.forms, true)
		fmt.Fprintf(&buf, "%s\t%d\t%d\t%d\t%d\t%s\t%s\n", key, r.df, r.singular, r.plural, r.indefinite, sing, plur)
		n++
	}
	z := gzip.NewWriter(w)
	if _, err := z.Write(buf.Bytes()); err != nil {
		return 0, err
	}
	return n, z.Close()
}

// issueKey keys an issue phrase as topics are, its last word by its
// lemma when the corpus has it as the plural of a noun ("educational
// reforms" -> "educational reform").
func (c *BackgroundCounter) issueKey(phrase string) string {
	i := strings.LastIndexByte(phrase, ' ') + 1
	last := phrase[i:]
	for _, lemma := range []string{strings.TrimSuffix(last, "s"), strings.TrimSuffix(last, "es"), strings.TrimSuffix(last, "ies") + "y"} {
		if r := c.rows[lemma]; lemma != last && r != nil && mostFrequent(r.forms, true) == last {
			return phrase[:i] + lemma
		}
	}
	return phrase
}

// minRoleHolders is how many posts a word must name to be a word of
// offices: a word of one post's label may be a name ("Lady").
const minRoleHolders = 5

// mostFrequent returns the most frequent singular or plural form, the
// first in order on ties.
func mostFrequent(forms map[string]int, plural bool) string {
	best, most := "", 0
	for _, f := range slices.Sorted(maps.Keys(forms)) {
		if strings.HasPrefix(f, "+") != plural {
			continue
		}
		if forms[f] > most {
			best, most = strings.TrimPrefix(f, "+"), forms[f]
		}
	}
	return best
}

// nounPhrase is one occurrence of a common noun or a noun phrase ending
// at the head of its phrase ("rates", "interest rates").
type nounPhrase struct {
	key        string // modifiers as written and the head's lemma, lower case: "interest rate"
	runHead    string // the lemma of the last noun of the run the phrase is in
	form       string // as written, lower case: "interest rates"
	plural     bool   // the head is a plural (NNS)
	head       bool   // the phrase is whole: its last noun heads it
	indefinite bool   // after "a", "an", "each" or "another"
	// bare: a whole singular with no determiner, possessive or number
	// before it, nor a preposition ("underpaid stamp duty", not "on
	// strike"): a use that only a mass noun has.
	bare        bool
	compound    bool // every modifier is a noun ("interest rates", not "general election")
	words       int
	first, last int // token indices
}

// Roles returns the words that head the knowledge base's office labels
// ("minister", "chancellor"), sorted.
func (b *Background) Roles() []string {
	return slices.Sorted(maps.Keys(b.roles))
}

// nounPhrases calls emit for every common noun of doc outside names, and
// for the phrases of one or two modifiers (nouns and plain adjectives)
// that end at it.
func nounPhrases(doc *text.Document, named []bool, emit func(nounPhrase)) {
	toks := doc.Tokens
	for _, s := range doc.Sentences {
		for i := s.Start; i < s.End; i++ {
			if named[i] || !isTopicNoun(toks[i]) {
				continue
			}
			head := strings.ToLower(toks[i].Lemma)
			form := lowerForm(toks[i])
			plural := toks[i].XPOS == "NNS"
			whole := i+1 == s.End || named[i+1] || !isTopicNoun(toks[i+1]) || !joined(toks[i], toks[i+1])
			// The run's head: its last noun, over adjectives ("deputy
			// prime minister": minister).
			last := i
			for j := i + 1; j < s.End && !named[j] && isModifier(toks[j]) && joined(toks[j-1], toks[j]); j++ {
				if isTopicNoun(toks[j]) {
					last = j
				}
			}
			runHead := strings.ToLower(toks[last].Lemma)
			first := i // the phrase's first word, over up to three modifiers
			for first > s.Start && first > i-3 && !named[first-1] && isModifier(toks[first-1]) && joined(toks[first-1], toks[first]) {
				first--
			}
			indefinite := first > s.Start && indefiniteWords[strings.ToLower(toks[first-1].Form)]
			// Before a name, a noun is its title ("defending champion
			// Jannik Sinner"), not a bare use.
			beforeName := i+1 < s.End && (named[i+1] || toks[i+1].UPOS == "PROPN")
			bare := whole && toks[i].XPOS == "NN" && !beforeName && bareBefore(toks, s.Start, first)
			emit(nounPhrase{key: head, runHead: runHead, form: form, plural: plural, head: whole, indefinite: indefinite && whole, bare: bare, words: 1, first: i, last: i})
			// Phrases end at every noun of a run: "stamp duty" is a
			// phrase of "stamp duty error" too.
			key, written := head, form
			compound := true
			for j := i - 1; j >= first && j >= i-2; j-- {
				w := lowerForm(toks[j])
				key, written = w+" "+key, w+" "+written
				compound = compound && isTopicNoun(toks[j])
				emit(nounPhrase{key: key, runHead: runHead, form: written, plural: plural, head: whole, indefinite: indefinite && whole && j == first, bare: bare, compound: compound, words: i - j + 1, first: j, last: i})
			}
		}
	}
}

// bareBefore reports whether the words before a phrase that begins at
// token first (from start, the sentence's first) leave it without a
// determiner: past its adjectives, no determiner, number, possessive or
// preposition (a preposition may take a count noun bare: "on strike"),
// nor a name.
func bareBefore(toks []text.Token, start, first int) bool {
	k := first - 1
	for k >= start && (toks[k].UPOS == "ADJ" || toks[k].UPOS == "ADV") {
		k--
	}
	if k < start {
		return true
	}
	switch t := toks[k]; {
	case t.UPOS == "DET", t.UPOS == "NUM", t.UPOS == "ADP", t.UPOS == "PRON", t.UPOS == "PART", t.XPOS == "POS",
		t.UPOS == "PROPN": // a name's word: the phrase goes on ("the FA Cup win")
		return false
	}
	return true
}

// indefiniteWords are the determiners that only a countable noun takes
// in the singular.
var indefiniteWords = map[string]bool{"a": true, "an": true, "each": true, "another": true, "every": true}

// isTopicNoun reports whether a token is a common noun made of letters
// (and hyphens): "strikes", "fly-tipping", not "%" or "2020s".
func isTopicNoun(t text.Token) bool {
	return t.UPOS == "NOUN" && lettersOnly(t.Form) && len(t.Lemma) > 1
}

// isModifier reports whether a token may modify a topic's head: a common
// noun or a plain adjective ("national", not "higher" or "biggest").
func isModifier(t text.Token) bool {
	return (isTopicNoun(t) || t.UPOS == "ADJ" && t.XPOS == "JJ" && !plainAdjectives[lowerForm(t)]) && lettersOnly(t.Form)
}

func lettersOnly(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsLetter(r):
			letters++
		case r != '-':
			return false
		}
	}
	return letters > 0
}

// joined reports whether two tokens are written next to each other, with
// at most a space between them.
func joined(a, b text.Token) bool { return b.Start-a.End <= 1 }

// lowerForm is a token's form in lower case, as the models read it.
func lowerForm(t text.Token) string {
	if t.Norm != "" {
		return strings.ToLower(t.Norm)
	}
	return strings.ToLower(t.Form)
}

// namedTokens marks the tokens inside the document's names and
// quantities.
func namedTokens(doc *text.Document) []bool {
	named := make([]bool, len(doc.Tokens))
	for _, e := range doc.Entities {
		for i := e.Start; i < e.End && i < len(named); i++ {
			named[i] = true
		}
	}
	return named
}
