// Package link turns the named-entity mentions of a document into
// entities: it groups mentions that refer to the same thing (in-document
// coreference: "Tokayev" is "Kassym-Jomart Tokayev", "CSTO" is the
// "Collective Security Treaty Organization (CSTO)") and links each group
// to the knowledge base, choosing among candidates by type agreement,
// prominence, the countries the article is about and who held a role on
// the publication date.
package link

import (
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"

	"tidings/kb"
	"tidings/text"
)

// Linker links mentions to a knowledge base. Read-only: safe for
// concurrent use.
type Linker struct {
	kb *kb.KB
}

// New returns a linker over k.
func New(k *kb.KB) *Linker { return &Linker{kb: k} }

// Entity is a group of mentions of one thing, linked to the knowledge
// base when Entry.ID is set.
type Entity struct {
	ID       string   // KB id, or "local:<type>:<name>" when not in the KB
	Entry    kb.Entry // the KB entry (zero for local entities)
	Type     string   // NER type of the mentions (PER, ORG, LOC, MISC)
	Name     string   // the fullest mention, for local entities
	Mentions []text.Span
	Salience float64
}

// Linked reports whether the entity is in the knowledge base.
func (e *Entity) Linked() bool { return e.Entry.ID != "" }

// mention is one NER span with what linking needs.
type mention struct {
	span  text.Span
	text  string // verbatim, whitespace folded
	typ   string
	words []string // text split on spaces
	group int      // index of its entity
	// cityContext: the text calls it a city ("the city of Almaty").
	cityContext bool
}

// Link groups and links the named entities of doc (doc.Entities with
// types PER, ORG, LOC, MISC). published (zero when unknown) decides who
// held a role.
func (l *Linker) Link(doc *text.Document, published time.Time) []Entity {
	var ms []mention
	for _, sp := range doc.Entities {
		switch sp.Label {
		case "PER", "ORG", "LOC", "MISC":
			words := strings.Fields(doc.SpanText(sp))
			m := mention{span: sp, text: strings.Join(words, " "), words: words, typ: sp.Label, group: -1}
			if sp.Start >= 2 && strings.EqualFold(doc.Tokens[sp.Start-1].Form, "of") && strings.EqualFold(doc.Tokens[sp.Start-2].Form, "city") {
				m.cityContext = true
			}
			ms = append(ms, m)
		}
	}
	if len(ms) == 0 {
		return nil
	}
	acronyms := definedAcronyms(doc, ms)
	var ents []Entity
	byKey := map[string]int{}
	// Longer mentions first, so that short forms find the full name they
	// abbreviate; ties in text order.
	order := make([]int, len(ms))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return len(ms[order[a]].text) > len(ms[order[b]].text) })
	countries := l.documentCountries(ms)
	for _, i := range order {
		m := &ms[i]
		if long, ok := acronyms[m.text]; ok && ms[long].group >= 0 {
			m.group = ms[long].group
			continue
		}
		if g := l.corefer(m, ms, ents); g >= 0 {
			m.group = g
			continue
		}
		entry, ok := l.resolve(m, countries, published)
		key := "local:" + m.typ + ":" + strings.ToLower(m.text)
		if ok {
			key = entry.ID
		}
		g, seen := byKey[key]
		if !seen {
			g = len(ents)
			byKey[key] = g
			e := Entity{Type: m.typ, Name: m.text}
			if ok {
				e.ID, e.Entry = entry.ID, entry
			} else {
				e.ID = localID(m.typ, m.text)
			}
			ents = append(ents, e)
		}
		m.group = g
	}
	for i := range ms {
		e := &ents[ms[i].group]
		e.Mentions = append(e.Mentions, ms[i].span)
	}
	for i := range ents {
		sort.Slice(ents[i].Mentions, func(a, b int) bool { return ents[i].Mentions[a].Start < ents[i].Mentions[b].Start })
		ents[i].Salience = salience(doc, &ents[i])
	}
	sort.SliceStable(ents, func(a, b int) bool { return ents[a].Salience > ents[b].Salience })
	return ents
}

// definedAcronyms finds "Long Name (ACR)" in the document and maps ACR to
// the index of the long mention, so that ACR is an alias in this article.
func definedAcronyms(doc *text.Document, ms []mention) map[string]int {
	out := map[string]int{}
	for i, m := range ms {
		end := m.span.End
		if end+2 >= len(doc.Tokens) || doc.Tokens[end].Form != "(" || doc.Tokens[end+2].Form != ")" {
			continue
		}
		acr := doc.Tokens[end+1].Form
		if isAcronymOf(acr, m.text) {
			out[acr] = i
		}
	}
	return out
}

// isAcronymOf reports whether acr is made of capitals that start words of
// name in order (CSTO for Collective Security Treaty Organization).
func isAcronymOf(acr, name string) bool {
	if len(acr) < 2 || strings.ToUpper(acr) != acr {
		return false
	}
	var initials []rune
	for _, w := range strings.Fields(name) {
		r := []rune(w)[0]
		if unicode.IsUpper(r) {
			initials = append(initials, r)
		}
	}
	// every letter of acr must appear among the initials in order
	k := 0
	for _, r := range acr {
		for k < len(initials) && initials[k] != r {
			k++
		}
		if k == len(initials) {
			return false
		}
		k++
	}
	return true
}

// corefer returns the entity that a short mention refers to: a person's
// surname or first name of a fuller name already grouped, or an
// organisation's or place's name that is the last words of a longer one.
func (l *Linker) corefer(m *mention, ms []mention, ents []Entity) int {
	words := m.words
	if len(words) > 2 {
		return -1
	}
	known := -1 // whether the short name is itself in the KB, looked up once
	for _, o := range ms {
		if o.group < 0 || len(o.text) <= len(m.text) {
			continue
		}
		ow := o.words
		switch {
		case m.typ == "PER" && (o.typ == "PER" || ents[o.group].Entry.Kind == kindPerson) && (hasSuffixWords(ow, words) || len(words) == 1 && ow[0] == words[0]):
			return o.group
		case m.typ == o.typ && m.typ != "PER" && m.typ != "MISC" && hasSuffixWords(ow, words):
			// "the Commission" after "the European Commission", unless the
			// short name is itself something known
			if known < 0 {
				known = 0
				if l.kb.Lookup(m.text) != nil {
					known = 1
				}
			}
			if known == 0 {
				return o.group
			}
		}
	}
	return -1
}

func hasSuffixWords(long, short []string) bool {
	if len(short) == 0 || len(short) >= len(long) {
		return false
	}
	for i := range short {
		if long[len(long)-len(short)+i] != short[i] {
			return false
		}
	}
	return true
}

// documentCountries counts the countries the mentions name directly or
// through a demonym, for choosing among candidates.
func (l *Linker) documentCountries(ms []mention) map[string]int {
	out := map[string]int{}
	for _, m := range ms {
		for _, e := range l.kb.Lookup(m.text) {
			if e.Kind == kb.KindCountry || e.Kind == kb.KindDemonym {
				out[e.Country]++
				break
			}
		}
	}
	return out
}

// mainCountry returns the most mentioned country ("" if none).
func mainCountry(countries map[string]int) string {
	best, n := "", 0
	for c, k := range countries {
		if k > n || k == n && c < best {
			best, n = c, k
		}
	}
	return best
}

// resolve chooses the KB entry for a mention, or reports that none fits.
func (l *Linker) resolve(m *mention, countries map[string]int, published time.Time) (kb.Entry, bool) {
	cands := l.candidates(m.text, countries)
	if len(cands) == 0 {
		return kb.Entry{}, false
	}
	// A sovereign state of the same name beats a city unless the text
	// says city: "Armenia" is the country, not the Colombian city.
	stateNamed := slices.ContainsFunc(cands, func(c kb.Entry) bool { return c.Kind == kb.KindCountry && c.Independent })
	best, bestScore := -1, 0.0
	for i, c := range cands {
		s := 1 / float64(i+1) // Lookup's prominence order
		switch {
		case c.Type == m.typ:
			s += 2
		case c.Kind == kb.KindDemonym && m.typ == "MISC":
			s += 2
		case m.typ == "LOC" && c.Kind == kb.KindCountry, m.typ == "ORG" && c.Kind == kb.KindCountry:
			s += 1 // "Russia said" is the state acting
		default:
			s -= 1
		}
		if countries[c.Country] > 0 {
			s += 0.5
		}
		if c.Kind == kb.KindCity && (c.Population >= 100_000 && !stateNamed || m.cityContext) {
			s += 1.5 // a big city, or "the city of X", over a region of the same name
		}
		if c.Kind == kindPerson && l.heldRoleOn(c.ID, published) {
			s += 1
		}
		if best < 0 || s > bestScore {
			best, bestScore = i, s
		}
	}
	if bestScore < 1 {
		return kb.Entry{}, false
	}
	e := cands[best]
	// A demonym stands for its country: "Kazakh" is Kazakhstan.
	if e.Kind == kb.KindDemonym {
		if c, ok := l.kb.Get(e.Country); ok {
			return c, true
		}
	}
	return e, true
}

// candidates looks a name up as written, then without a leading article,
// then as a generic body of the article's main country ("Security
// Council" in an article about Kazakhstan).
func (l *Linker) candidates(name string, countries map[string]int) []kb.Entry {
	if c := acronymSafe(name, l.kb.Lookup(name)); c != nil {
		if main := mainCountry(countries); main != "" && isGenericBody(c) {
			if own := l.countryBody(name, main); own != nil {
				return own
			}
		}
		return c
	}
	if rest, ok := strings.CutPrefix(name, "the "); ok {
		return l.candidates(rest, countries)
	}
	if main := mainCountry(countries); main != "" {
		return l.countryBody(name, main)
	}
	return nil
}

// acronymSafe drops the candidates that a short all-capitals name matches
// only through folded diacritics: "ICO" (the coffee organisation) is not
// the Brazilian town of Icó, while "ROME" in a headline is still Rome.
func acronymSafe(name string, c []kb.Entry) []kb.Entry {
	if len(c) == 0 || len(name) > 5 || strings.ToUpper(name) != name || strings.ToLower(name) == name {
		return c
	}
	lower := strings.ToLower(name)
	out := c[:0:0]
	for _, e := range c {
		ok := strings.ToLower(e.Name) == lower
		for _, a := range e.Aliases {
			ok = ok || strings.ToLower(a) == lower
		}
		if ok {
			out = append(out, e)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// isGenericBody reports whether candidates are international bodies that
// a country also has (the UN Security Council versus a national one).
func isGenericBody(c []kb.Entry) bool {
	return len(c) > 0 && c[0].Kind == kb.KindOrganisation && c[0].Country == ""
}

// countryBody looks up "<name> of <country>" and "<demonym> <name>".
func (l *Linker) countryBody(name, country string) []kb.Entry {
	c, ok := l.kb.Get(country)
	if !ok {
		return nil
	}
	tries := []string{name + " of " + c.Name}
	for _, d := range c.Demonyms {
		tries = append(tries, d+" "+name)
	}
	for _, t := range tries {
		for _, e := range l.kb.Lookup(t) {
			if e.Kind == kb.KindBody && e.Country == country {
				return []kb.Entry{e}
			}
		}
	}
	return nil
}

const kindPerson = "person"

// heldRoleOn reports whether a person held any role on date.
func (l *Linker) heldRoleOn(id string, date time.Time) bool {
	if date.IsZero() {
		return false
	}
	for _, r := range l.kb.Roles(id) {
		if (r.From.IsZero() || !date.Before(r.From)) && (r.Until.IsZero() || date.Before(r.Until)) {
			return true
		}
	}
	return false
}

// salience scores how central an entity is, in [0, 1]: how often it is
// mentioned, whether the title names it, how early it first appears and
// how widely its mentions spread over the text.
func salience(doc *text.Document, e *Entity) float64 {
	n := len(doc.Text)
	if n == 0 || len(e.Mentions) == 0 {
		return 0
	}
	first, _ := doc.Bytes(e.Mentions[0])
	last, _ := doc.Bytes(e.Mentions[len(e.Mentions)-1])
	s := 0.45 * min(1, float64(len(e.Mentions))/6)
	if len(doc.Sentences) > 1 && e.Mentions[0].End <= doc.Sentences[0].End {
		s += 0.25 // the title (or first sentence) names it
	}
	s += 0.15 * (1 - float64(first)/float64(n))
	s += 0.15 * float64(last-first) / float64(n)
	return float64(int(s*1000+0.5)) / 1000
}

// localID makes the id of an entity not in the knowledge base.
func localID(typ, name string) string {
	var b strings.Builder
	b.WriteString("local:")
	b.WriteString(strings.ToLower(typ))
	b.WriteByte(':')
	dash := false
	for _, r := range strings.ToLower(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			dash = false
		} else if !dash {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimRight(b.String(), "-")
}
