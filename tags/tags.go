// Package tags writes an article's tag line as an editor would: the
// entities the article is about, ranked by how central they are, each
// under the short name an editor uses ("Tokayev", "Kazakhstan", "CSTO"),
// with the spans that are its evidence.
package tags

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"

	"tidings/kb"
	"tidings/link"
	"tidings/text"
)

// Tag is one tag of the line.
type Tag struct {
	Tag    string
	Score  float64
	Entity string // KB id (or local id) of the entity the tag stands for
	// Wikidata is the entity's QID when the knowledge base gives one, for
	// an inferred tag, whose entity is not among the article's.
	Wikidata string
	Evidence [][2]int // byte spans in the text
	// Inferred is set when the tag comes from the knowledge base's facts
	// rather than from a mention ("Nazarbayev" when Tokayev took over his
	// post): Evidence then points at the sentence that implies it.
	Inferred bool
}

// Options control the line.
type Options struct {
	Max      int     // most tags (default 6)
	MinScore float64 // least score (default 0.1)
	// Background, when set, ranks the article's topics (common nouns and
	// noun phrases) to join its names in the line; without it the line
	// has names only.
	Background *Background
}

// Tagger ranks tags. Read-only: safe for concurrent use.
type Tagger struct {
	kb  *kb.KB
	opt Options
}

// New returns a tagger over a knowledge base.
func New(k *kb.KB, opt Options) *Tagger {
	if opt.Max == 0 {
		opt.Max = 6
	}
	if opt.MinScore == 0 {
		opt.MinScore = 0.1
	}
	return &Tagger{kb: k, opt: opt}
}

// kindWeight says how much an entity of a kind makes a good tag: people,
// countries and organisations are what news is filed under; media are
// sources, not subjects.
var kindWeight = map[string]float64{
	kb.KindPerson: 1, kb.KindCountry: 1, kb.KindOrganisation: 0.9, kb.KindCompany: 0.9, kb.KindClub: 0.9,
	kb.KindParty: 0.9, kb.KindNationalTeam: 0.8, kb.KindLeague: 0.8, kb.KindCity: 0.7, kb.KindRegion: 0.6,
	kb.KindBody:  0.5, // government bodies: editors tag some ("Senate", "Bank of England")
	kb.KindMedia: 0.2, // media are sources more than subjects
}

// Suggest returns the ranked tag line of an analysed document whose
// title ends at byte titleEnd of its text.
func (t *Tagger) Suggest(doc *text.Document, titleEnd int, ents []link.Entity, published time.Time) []Tag {
	byName := map[string]int{}
	var out []Tag
	var football [][2]int // the mentions of football clubs and competitions tagged
	clubs := 0
	add := func(tag Tag) {
		if i, ok := byName[strings.ToLower(tag.Tag)]; ok {
			out[i].Score = max(out[i].Score, tag.Score)
			out[i].Evidence = append(out[i].Evidence, tag.Evidence...)
			return
		}
		byName[strings.ToLower(tag.Tag)] = len(out)
		out = append(out, tag)
	}
	// Names as editors write them, before they are weighed: an event
	// written with a country's adjective is the event's, an abbreviation
	// is its name's, and "the council" is a mention of the council named
	// before.
	named := namedTokens(doc)
	ents = eventsWithAdjective(doc, ents)
	ents = adjectivesOfNames(doc, ents)
	ents = abbreviated(ents)
	ents = withPossessive(doc, ents, named)
	the := afterThe(doc, named)
	ents, heads := byHead(doc, ents, the)
	for _, e := range ents {
		name, w := e.Name, 0.7 // local entities
		if e.Linked() {
			name, w = shortName(e.Entry), kindWeight[e.Entry.Kind]
			if e.Entry.Kind == kb.KindBody {
				name = mostWritten(doc, e.Mentions) // "National Assembly", not "National Assembly of France"
			}
		} else if len(e.Mentions) < 2 || adjectival(doc, e.Mentions) && !t.namedThing(doc, e) {
			continue // a name met once and unknown is rarely a tag; "West African countries", "the MMR vaccine" name no thing
		} else {
			if e.Type == "PER" {
				name = withoutCommonWord(doc, named, name)
			}
			name = withVersion(doc, e.Mentions, name)
		}
		if w == 0 || name == "" {
			continue
		}
		if len(e.Mentions) == 1 && !t.inLead(doc, titleEnd, e.Mentions[0]) {
			continue // a single mention in passing
		}
		if titleOnly(doc, titleEnd, e.Mentions) {
			continue // "Climate Finance Deal": a title in title case capitalises common words
		}
		if !e.Linked() && address(e.Name) && !inTitle(doc, titleEnd, e.Mentions) {
			continue // "Thurleston Road": where a storm story happened, not what it is about
		}
		if e.Entry.Kind == kb.KindCountry && allTyped(e.Mentions, "MISC") {
			w *= demonymWeight // "a British record": the country is not the story's subject
		}
		if e.Entry.Kind == kb.KindPerson && t.inOffice(e.Entry.ID, published) {
			w *= 1.5 // a person in office is what the story is about, more than a list's names
		}
		add(Tag{Tag: name, Score: round(e.Salience * w), Entity: e.ID, Evidence: spans(doc, e.Mentions)})
		if e.Entry.Kind == kb.KindClub || e.Entry.Kind == kb.KindLeague {
			football = append(football, spans(doc, e.Mentions)...)
			clubs++
		}
	}
	for _, inf := range t.inferred(doc, ents, published, byName, out) {
		add(inf)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	n := 0
	for _, tg := range out {
		if n == t.opt.Max || tg.Score < t.opt.MinScore {
			break
		}
		n++
	}
	topics := t.topicTags(doc, titleEnd, byName, heads)
	if clubs >= 2 && t.opt.Background != nil { // two: one may be a wrong link ("Munster" the rugby side)
		topics = withSport(topics, "football", football)
	}
	return t.withTopics(out[:n], topics)
}

// withSport puts a story's sport first among its topics: editors file a
// match report or a transfer under its sport, which the text rarely
// names. Football is known from the names: the knowledge base's clubs
// and leagues are football's (openfootball); a national team's name is
// shared by every sport, so it tells none.
func withSport(topics []Tag, sport string, evidence [][2]int) []Tag {
	score := 0.5
	if len(topics) > 0 {
		score = max(score, topics[0].Score)
	}
	topics = slices.DeleteFunc(topics, func(tg Tag) bool { return tg.Tag == sport })
	return append([]Tag{{Tag: sport, Score: score, Evidence: evidence}}, topics...)
}

// abbreviated folds each name the knowledge base lacks that abbreviates
// another such name of the article ("Marks & Spencer ... M&S": the
// capitals of its words) into that name: one entity, which editors write
// in full.
func abbreviated(ents []link.Entity) []link.Entity {
	long := map[string]int{} // initials -> the entity they abbreviate
	for i, e := range ents {
		if !e.Linked() && strings.Contains(e.Name, " ") {
			if in := initials(e.Name); len(in) >= 2 {
				long[in] = i
			}
		}
	}
	short := map[int]int{} // an abbreviation's index -> its long form's
	for i, e := range ents {
		if j, ok := long[capitals(e.Name)]; ok && !e.Linked() {
			short[i] = j
		}
	}
	if len(short) == 0 {
		return ents
	}
	out := slices.Clone(ents)
	for i, j := range short {
		l := &out[j]
		l.Mentions = append(slices.Clone(l.Mentions), ents[i].Mentions...)
		slices.SortFunc(l.Mentions, func(a, b text.Span) int { return cmp.Compare(a.Start, b.Start) })
		l.Salience = min(1, l.Salience+ents[i].Salience)
	}
	k := 0
	for i := range out {
		if _, gone := short[i]; !gone {
			out[k] = out[i]
			k++
		}
	}
	return out[:k]
}

// eventsWithAdjective gives to a named event the mentions of a country's
// adjective that begin its name ("Australian" of "Australian Open", in a
// title the recogniser split), and the adjective just before it to its
// name ("Chinese" + "Grand Prix": the Chinese Grand Prix); the country
// keeps its other mentions. Editors tag the event, not the country.
func eventsWithAdjective(doc *text.Document, ents []link.Entity) []link.Entity {
	var out []link.Entity
	for i, c := range ents {
		if c.Entry.Kind != kb.KindCountry {
			continue
		}
		for _, m := range c.Mentions {
			if m.Label != "MISC" || m.End >= len(doc.Tokens) {
				continue
			}
			adj := doc.SpanText(m)
			for j, e := range ents {
				if e.Linked() || e.Type != "MISC" {
					continue
				}
				rest, begins := strings.CutPrefix(e.Name, adj+" ")
				before := slices.ContainsFunc(e.Mentions, func(n text.Span) bool { return n.Start == m.End })
				if !before && !(begins && followedBy(doc, m.End, rest)) {
					continue
				}
				if out == nil {
					out = slices.Clone(ents)
				}
				ev, co := &out[j], &out[i]
				if before && !begins {
					ev.Name = adj + " " + e.Name
				}
				ev.Mentions = append(slices.Clone(ev.Mentions), m)
				slices.SortFunc(ev.Mentions, func(a, b text.Span) int { return cmp.Compare(a.Start, b.Start) })
				co.Mentions = slices.DeleteFunc(slices.Clone(co.Mentions), func(n text.Span) bool { return n == m })
				share := c.Salience / float64(len(c.Mentions))
				ev.Salience, co.Salience = min(1, ev.Salience+share), co.Salience-share
				break
			}
		}
	}
	if out == nil {
		return ents
	}
	return slices.DeleteFunc(out, func(e link.Entity) bool { return len(e.Mentions) == 0 })
}

// withPossessive gives a name the knowledge base lacks the capitalised
// possessive before most mentions of it, when that word is no name of
// its own ("Women's" of "Women's Rugby World Cup", which the recogniser
// leaves out; not "England's" of "England's Red Roses"): editors write
// the whole name.
func withPossessive(doc *text.Document, ents []link.Entity, named []bool) []link.Entity {
	var out []link.Entity
	for i, e := range ents {
		if e.Linked() || len(e.Mentions) == 0 {
			continue
		}
		// Most mentions, and no other possessive: a quantity may have
		// taken the word ("the top ten of the Women's Open").
		word, with := "", 0
		for _, m := range e.Mentions {
			if w := possessiveBefore(doc, m.Start, named); w != "" {
				if word != "" && w != word {
					with = 0
					break
				}
				word = w
				with++
			}
		}
		if 2*with <= len(e.Mentions) {
			continue
		}
		if out == nil {
			out = slices.Clone(ents)
		}
		o := &out[i]
		o.Mentions = slices.Clone(e.Mentions)
		for k, m := range o.Mentions {
			if possessiveBefore(doc, m.Start, named) != "" {
				o.Mentions[k].Start -= 2
				if o.Name == e.Name { // as written: "Women's" or "Women’s"
					o.Name = word + doc.Tokens[m.Start-1].Form + " " + e.Name
				}
			}
		}
	}
	if out == nil {
		return ents
	}
	return out
}

// possessiveBefore returns the capitalised noun written with "'s" just
// before token i ("Women" of "Women's"), when neither is part of a name,
// or "".
func possessiveBefore(doc *text.Document, i int, named []bool) string {
	if i < 2 || named[i-2] || named[i-1] {
		return ""
	}
	w, s := doc.Tokens[i-2], doc.Tokens[i-1]
	if s.Form != "'s" && s.Form != "’s" || s.Start != w.End || w.UPOS != "NOUN" && w.UPOS != "PROPN" || // not "It's"
		!lettersOnly(w.Form) || !unicode.IsUpper([]rune(w.Form)[0]) {
		return ""
	}
	return w.Form
}

// adjectivesOfNames folds a one-word name the knowledge base lacks, met
// only as an adjective ("Olympic gold"), into the name it begins
// ("Olympic Games"): it names nothing else.
func adjectivesOfNames(doc *text.Document, ents []link.Entity) []link.Entity {
	var out []link.Entity
	gone := map[int]bool{}
	for i, a := range ents {
		if a.Linked() || a.Type != "MISC" || strings.Contains(a.Name, " ") || !adjectival(doc, a.Mentions) {
			continue
		}
		for j, e := range ents {
			if e.Linked() || e.Type != "MISC" || !strings.HasPrefix(e.Name, a.Name+" ") {
				continue
			}
			if out == nil {
				out = slices.Clone(ents)
			}
			ev := &out[j]
			ev.Mentions = append(slices.Clone(ev.Mentions), a.Mentions...)
			slices.SortFunc(ev.Mentions, func(a, b text.Span) int { return cmp.Compare(a.Start, b.Start) })
			ev.Salience = min(1, ev.Salience+a.Salience)
			gone[i] = true
			break
		}
	}
	if out == nil {
		return ents
	}
	k := 0
	for i := range out {
		if !gone[i] {
			out[k] = out[i]
			k++
		}
	}
	return out[:k]
}

// followedBy reports whether the tokens from i spell words.
func followedBy(doc *text.Document, i int, words string) bool {
	for _, w := range strings.Fields(words) {
		if i >= len(doc.Tokens) || doc.Tokens[i].Form != w {
			return false
		}
		i++
	}
	return true
}

// byHead adds to each name the knowledge base lacks the later mentions
// of it by its head noun after "the" ("Maidstone Crown Court ... the
// court", "the Department for Education ... the department", "the Labour
// party ... the party"), when no other name of the article has that head;
// it returns the names and the heads so used, which stand for a name and
// are no topics.
func byHead(doc *text.Document, ents []link.Entity, the map[string][]int) ([]link.Entity, map[string]bool) {
	headOf := make([]string, len(ents))
	names := map[string]map[string]bool{} // head -> the names it heads
	for i, e := range ents {
		h := nameHead(e.Name)
		if h == "" && !e.Linked() && len(e.Name) > 1 { // not a fragment: "S" of "RTS,S vaccine"
			h = designatorAfter(doc, e.Mentions)
		}
		headOf[i] = h
		if names[h] == nil {
			names[h] = map[string]bool{}
		}
		names[h][e.Name] = true
	}
	var out []link.Entity
	heads := map[string]bool{}
	for i, e := range ents {
		head := headOf[i]
		if e.Linked() || e.Type != "ORG" || head == "" || len(names[head]) > 1 || len(e.Mentions) == 0 {
			continue
		}
		var more []text.Span
		for _, k := range the[head] {
			if k > e.Mentions[0].End {
				more = append(more, text.Span{Start: k, End: k + 1, Label: e.Type})
			}
		}
		if len(more) == 0 {
			continue
		}
		if out == nil {
			out = slices.Clone(ents)
		}
		out[i].Mentions = append(slices.Clone(e.Mentions), more...)
		slices.SortFunc(out[i].Mentions, func(a, b text.Span) int { return cmp.Compare(a.Start, b.Start) })
		heads[head] = true
	}
	if out == nil {
		return ents, heads
	}
	return out, heads
}

// designatorAfter returns the common noun in lower case that follows a
// mention of a one-word name, which is then its head ("the Labour
// party", "the Unite union"), or "".
func designatorAfter(doc *text.Document, ms []text.Span) string {
	for _, m := range ms {
		if m.End < len(doc.Tokens) {
			if t := doc.Tokens[m.End]; t.UPOS == "NOUN" && t.XPOS == "NN" && lettersOnly(t.Form) && unicode.IsLower([]rune(t.Form)[0]) {
				return t.Form
			}
		}
	}
	return ""
}

// afterThe indexes the words written in lower case after "the", outside
// names, by their token positions in order: "the council" may name a
// council named before.
func afterThe(doc *text.Document, named []bool) map[string][]int {
	out := map[string][]int{}
	for k := 1; k < len(doc.Tokens); k++ {
		if the := doc.Tokens[k-1].Form; the != "the" && the != "The" {
			continue
		}
		if w := doc.Tokens[k].Form; !named[k] && w != "" && unicode.IsLower([]rune(w)[0]) {
			out[w] = append(out[w], k)
		}
	}
	return out
}

// nameHead is the head of a name of two words or more, in lower case:
// its last word, or the word before its first "of" or "for" ("Crown
// Court": court; "Department for Education": department).
func nameHead(name string) string {
	f := strings.Fields(name)
	if len(f) < 2 {
		return ""
	}
	head := f[len(f)-1]
	for i, w := range f[1:] {
		if w == "of" || w == "for" {
			head = f[i]
			break
		}
	}
	if !lettersOnly(head) {
		return ""
	}
	return strings.ToLower(head)
}

// initials are the capitals that begin a name's words ("MS" of "Marks &
// Spencer", "NUT" of "National Union of Teachers").
func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		if r := w[0]; r >= 'A' && r <= 'Z' {
			b.WriteByte(r)
		}
	}
	return b.String()
}

// capitals are the capitals of a one-word name without lower-case
// letters ("MS" of "M&S"), or "" for another name.
func capitals(name string) string {
	var b strings.Builder
	for _, r := range name {
		switch {
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r)
		case unicode.IsLower(r) || unicode.IsSpace(r):
			return ""
		}
	}
	if b.Len() < 2 {
		return ""
	}
	return b.String()
}

// addressWords end the names of streets and roads: an address is a tag
// only when the title names it ("Snake Pass shut again").
var addressWords = map[string]bool{"road": true, "street": true, "lane": true, "avenue": true, "drive": true,
	"close": true, "crescent": true, "terrace": true, "boulevard": true, "way": true, "grove": true, "gardens": true}

func address(name string) bool {
	f := strings.Fields(name)
	return len(f) >= 2 && addressWords[strings.ToLower(f[len(f)-1])]
}

func inTitle(doc *text.Document, titleEnd int, ms []text.Span) bool {
	for _, m := range ms {
		if m.Start < len(doc.Tokens) && doc.Tokens[m.Start].Start < titleEnd {
			return true
		}
	}
	return false
}

// titleOnly reports whether every mention is in the title.
func titleOnly(doc *text.Document, titleEnd int, ms []text.Span) bool {
	for _, m := range ms {
		if m.Start < len(doc.Tokens) && doc.Tokens[m.Start].Start >= titleEnd {
			return false
		}
	}
	return true
}

// demonymWeight weighs a country named only by its adjective.
const demonymWeight = 0.5

// The line's order: the first names, then the best topics, then the
// other names and topics. An editor's line leads with who and where and
// holds a topic or two; on the tag test set one topic after four names
// did best (two in the first five did worse: the second topic is right
// less often than the fifth name).
const (
	leadNames  = 4
	leadTopics = 1
)

// withTopics merges the ranked names and topics into the line.
func (t *Tagger) withTopics(names, topics []Tag) []Tag {
	if len(topics) == 0 {
		return names
	}
	line := make([]Tag, 0, t.opt.Max)
	take := func(from *[]Tag, k int) {
		for k > 0 && len(*from) > 0 && len(line) < t.opt.Max {
			line = append(line, (*from)[0])
			*from = (*from)[1:]
			k--
		}
	}
	take(&names, leadNames)
	for len(names) > 0 && names[0].Inferred && len(line) < t.opt.Max {
		take(&names, 1) // a predecessor stays with the person it is inferred from
	}
	take(&topics, leadTopics)
	take(&names, t.opt.Max)
	take(&topics, t.opt.Max)
	return line
}

// topicTags returns the article's topics as tags, best first, leaving out
// those that a name of the line already gives (byName, in lower case) and
// the nouns that stand for a name (heads: "the council").
func (t *Tagger) topicTags(doc *text.Document, titleEnd int, byName map[string]int, heads map[string]bool) []Tag {
	var out []Tag
	for _, c := range t.topics(doc, titleEnd) {
		form := t.editorForm(c)
		if _, dup := byName[strings.ToLower(form)]; dup || heads[c.key] {
			continue
		}
		out = append(out, Tag{Tag: form, Score: round(c.score / (c.score + topicHalf)), Evidence: c.spans})
		if len(out) == t.opt.Max {
			break
		}
	}
	return out
}

// inferred adds the people that the article implies without naming: the
// previous holder of a post that a person in the article took up in the
// week before publication, when the article names the post ("took over
// the post of the head of the Security Council": the previous chairman).
func (t *Tagger) inferred(doc *text.Document, ents []link.Entity, published time.Time, byName map[string]int, tagged []Tag) []Tag {
	if published.IsZero() {
		return nil
	}
	named := map[string]bool{}
	for _, e := range ents {
		named[e.ID] = true
	}
	var out []Tag
	var lowered []string // the sentences in lower case, made once when needed
	for _, e := range ents {
		if e.Entry.Kind != kb.KindPerson {
			continue
		}
		for _, r := range t.kb.Roles(e.Entry.ID) {
			if r.From.IsZero() || r.From.After(published) || published.Sub(r.From) > 7*24*time.Hour {
				continue
			}
			if lowered == nil {
				lowered = make([]string, len(doc.Sentences))
				for i, s := range doc.Sentences {
					start, end := doc.Bytes(s)
					lowered[i] = strings.ToLower(doc.Text[start:end])
				}
			}
			sent, ok := sentenceNaming(doc, lowered, e.Mentions, postWords(r.Role))
			if !ok {
				continue
			}
			for _, p := range t.kb.Predecessor(r.Role, r.Of, r.From) {
				if named[p.ID] {
					continue
				}
				// Ranked just below the person it is inferred from.
				score := 0.5 * e.Salience
				if i, ok := byName[strings.ToLower(shortName(e.Entry))]; ok {
					score = 0.8 * tagged[i].Score
				}
				out = append(out, Tag{Tag: shortName(p), Score: round(score), Entity: p.ID, Wikidata: p.Wikidata, Evidence: [][2]int{sent}, Inferred: true})
			}
		}
	}
	return out
}

// allTyped reports whether every mention has the type.
func allTyped(ms []text.Span, typ string) bool {
	for _, m := range ms {
		if m.Label != typ {
			return false
		}
	}
	return len(ms) > 0
}

// mostWritten returns the mention text written most often, the longest
// on ties.
func mostWritten(doc *text.Document, ms []text.Span) string {
	count := map[string]int{}
	best := ""
	for _, m := range ms {
		t := strings.Join(strings.Fields(doc.SpanText(m)), " ")
		count[t]++
		if c, b := count[t], count[best]; c > b || c == b && len(t) > len(best) {
			best = t
		}
	}
	return best
}

// adjectival reports whether every mention is an adjective or modifies
// a common noun that follows it ("West African countries").
func adjectival(doc *text.Document, ms []text.Span) bool {
	for _, m := range ms {
		if m.End <= m.Start {
			return false
		}
		if doc.Tokens[m.End-1].UPOS != "ADJ" && (m.End == len(doc.Tokens) || doc.Tokens[m.End].UPOS != "NOUN") {
			return false
		}
	}
	return true
}

// namedThing reports whether a name used only before a noun still names
// a thing of its own: a name of several words that does not end in an
// adjective of a place or people ("the Australian Open semi-final",
// "Northern Growth Plan funding", not "West African countries" nor "East
// German towns"). One word before a noun names a kind ("the MMR
// vaccine"). The name must be written in full twice: a fragment that
// the recogniser cut from a title or joined to other words ("Kelly The")
// is not.
func (t *Tagger) namedThing(doc *text.Document, e link.Entity) bool {
	f := strings.Fields(e.Name)
	if len(f) < 2 {
		return false
	}
	full := 0
	for _, m := range e.Mentions {
		if m.End <= m.Start || strings.Join(strings.Fields(doc.SpanText(m)), " ") != e.Name {
			continue
		}
		if functionWord(doc.Tokens[m.Start]) || functionWord(doc.Tokens[m.End-1]) {
			return false // "AIRBUS AND": a name ends at no conjunction
		}
		full++
	}
	if full < 2 {
		return false
	}
	last := f[len(f)-1]
	if t.kb != nil && slices.ContainsFunc(t.kb.Lookup(last), func(e kb.Entry) bool { return strings.HasPrefix(e.ID, "demonym:") }) {
		return false
	}
	// The endings of English adjectives of places and peoples that the
	// knowledge base's countries do not give (African, European,
	// Atlantic, Bavarian).
	for _, suffix := range []string{"ian", "ean", "can", "ese", "ish", "ic"} {
		if strings.HasSuffix(strings.ToLower(last), suffix) {
			return false
		}
	}
	return true
}

// functionWord reports whether a token is a determiner, preposition,
// conjunction, pronoun or auxiliary.
func functionWord(tok text.Token) bool {
	switch tok.UPOS {
	case "DET", "ADP", "CCONJ", "SCONJ", "PRON", "AUX":
		return true
	}
	return false
}

// withVersion returns the name with the version that its mentions give
// it most often ("GPT-5", which the recogniser cuts at the hyphen: "GPT"
// ... "-" "5"), or the name when none has one.
func withVersion(doc *text.Document, ms []text.Span, name string) string {
	count := map[string]int{}
	best := ""
	for _, m := range ms {
		k := m.End
		if k+1 >= len(doc.Tokens) || doc.Tokens[k].Form != "-" || !unicode.IsDigit([]rune(doc.Tokens[k+1].Form)[0]) ||
			doc.Tokens[k].Start != doc.Tokens[k-1].End || doc.Tokens[k+1].Start != doc.Tokens[k].End {
			continue
		}
		v := doc.SpanText(m) + "-" + doc.Tokens[k+1].Form
		count[v]++
		if count[v] > count[best] {
			best = v
		}
	}
	return cmp.Or(best, name)
}

// inLead reports whether a mention is in the title or the first sentence
// after it, where a story says what it is about.
func (t *Tagger) inLead(doc *text.Document, titleEnd int, m text.Span) bool {
	start, _ := doc.Bytes(m)
	if start < titleEnd {
		return true
	}
	for _, s := range doc.Sentences {
		if first, _ := doc.Bytes(s); first >= titleEnd {
			return m.Start < s.End
		}
	}
	return false
}

// inOffice reports whether a person held any role on the day of on.
func (t *Tagger) inOffice(id string, on time.Time) bool {
	if on.IsZero() {
		return false
	}
	roles := t.kb.Roles(id)
	for i := range roles {
		if roles[i].On(on) {
			return true
		}
	}
	return false
}

// postWords are the words that name a role in text: its capitalised
// words ("Security Council"), else its last word ("minister").
func postWords(role string) string {
	var caps []string
	for _, w := range strings.Fields(role) {
		if w != "" && w[0] >= 'A' && w[0] <= 'Z' {
			caps = append(caps, w)
		}
	}
	if len(caps) > 0 {
		return strings.Join(caps, " ")
	}
	f := strings.Fields(role)
	return f[len(f)-1]
}

// sentenceNaming returns the byte span of a sentence that has one of the
// mentions and the words of the post; lowered holds the sentences in lower
// case.
func sentenceNaming(doc *text.Document, lowered []string, mentions []text.Span, post string) ([2]int, bool) {
	post = strings.ToLower(post)
	// Mentions in text order (as link gives them) are searched, each
	// sentence's from the first that may be in it, so that a person named
	// often costs no more than once per mention.
	ordered := slices.IsSortedFunc(mentions, func(a, b text.Span) int { return cmp.Compare(a.Start, b.Start) })
	for i, s := range doc.Sentences {
		if !strings.Contains(lowered[i], post) {
			continue
		}
		ms := mentions
		if ordered {
			k, _ := slices.BinarySearchFunc(mentions, s.Start, func(m text.Span, start int) int { return cmp.Compare(m.Start, start) })
			ms = mentions[k:]
		}
		for _, m := range ms {
			if ordered && m.Start > s.End {
				break
			}
			if m.Start >= s.Start && m.End <= s.End {
				start, end := doc.Bytes(s)
				return [2]int{start, end}, true
			}
		}
	}
	return [2]int{}, false
}

// shortName is how an editor writes an entry in a tag line: a club
// without the "FC" of its full name when the knowledge base has it so
// ("Newcastle United").
func shortName(e kb.Entry) string {
	if e.Kind == kb.KindClub {
		for _, suffix := range []string{" FC", " AFC", " F.C.", " CF"} {
			if short, ok := strings.CutSuffix(e.Name, suffix); ok && slices.Contains(e.Aliases, short) {
				return short
			}
		}
	}
	if e.ShortName != "" {
		return e.ShortName
	}
	if e.Acronym != "" {
		return e.Acronym
	}
	return e.Name
}

func spans(doc *text.Document, ms []text.Span) [][2]int {
	out := make([][2]int, len(ms))
	for i, m := range ms {
		start, end := doc.Bytes(m)
		out[i] = [2]int{start, end}
	}
	return out
}

func round(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }

// withoutCommonWord drops the first word of a person's name of three
// words or more when the article writes that word in lower case outside
// names: the recogniser took a capitalised title in with the name
// ("Singer Tomas Reval" at the start of a title, and "the singer" after).
// A name of two words keeps its first, which may be a given name ("Grant
// Hollis").
func withoutCommonWord(doc *text.Document, named []bool, name string) string {
	words := strings.Fields(name)
	if len(words) < 3 || strings.ToLower(words[0]) == words[0] {
		return name
	}
	lower := strings.ToLower(words[0])
	for i, tok := range doc.Tokens {
		if !named[i] && tok.Form == lower {
			return strings.Join(words[1:], " ")
		}
	}
	return name
}
