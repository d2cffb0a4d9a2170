// Package link turns the named-entity mentions of a document into
// entities: it groups mentions that refer to the same thing (in-document
// coreference: "Tokayev" is "Kassym-Jomart Tokayev", "CSTO" is the
// "Collective Security Treaty Organization (CSTO)") and links each group
// to the knowledge base, choosing among candidates by type agreement,
// prominence, the countries the article is about and who held a role on
// the publication date.
package link

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"tidings/kb"
	"tidings/text"
)

// Linker links mentions to a knowledge base. Read-only: safe for
// concurrent use.
type Linker struct {
	kb  *kb.KB
	opt Options
}

// Options tune a linker.
type Options struct {
	// CommonWord reports whether a lower-case word is an ordinary word of
	// the language ("apple"): a one-word company name that is one needs
	// business context. Nil: no name counts as a common word.
	CommonWord func(string) bool
}

// New returns a linker over k.
func New(k *kb.KB) *Linker { return &Linker{kb: k} }

// NewWith returns a linker over k with options.
func NewWith(k *kb.KB, opt Options) *Linker { return &Linker{kb: k, opt: opt} }

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
	// sport and business: its sentence reports a match or business
	// (docContext.of); sportDoc: another mention is an unambiguous club or
	// league; locative: "in", "at" ... precede it.
	sport, business, sportDoc, locative bool
	// venue: "in" or "near" precede it, which name a place even in a
	// match report ("the final in Leverkusen").
	venue bool
	// workplace: "at", "from" or "of" precede it, right before it, as
	// they do a company ("workers at Boeing") as well as a place.
	workplace bool
	// region: the region written after it and a comma ("Manchester, New
	// Hampshire"), keyed as a city's country and Admin1 ("USA|NH").
	region string
	// storyRegion: the region the story is about (storyRegion), for a
	// place's name that several regions' towns have.
	storyRegion string
	// otherSport: the article is about another team sport than football
	// (docContext.otherSport).
	otherSport bool
	// fragment: a capitalised word touches it, so that it may be part of
	// a longer name the recogniser split ("National | Intergroup").
	fragment bool
	// modifier: a common noun follows it, which it may modify as an
	// ordinary word ("Apple picking season").
	modifier bool
}

// Link groups and links the named entities of doc (doc.Entities with
// types PER, ORG, LOC, MISC). published (zero when unknown) decides who
// held a role. It first makes a name that the text defines by an acronym
// one entity (definedNames), and adds to doc.Entities, typed ORG, the
// companies of the knowledge base that the recogniser missed in business
// sentences (missedCompanies).
func (l *Linker) Link(doc *text.Document, published time.Time) []Entity {
	definedNames(doc)
	l.givenNames(doc)
	evidence := newDocContext(doc)
	if missed := l.missedCompanies(doc, evidence); len(missed) > 0 {
		doc.Entities = append(doc.Entities, missed...)
		slices.SortStableFunc(doc.Entities, func(a, b text.Span) int { return cmp.Compare(a.Start, b.Start) })
	}
	named := 0
	for _, sp := range doc.Entities {
		switch sp.Label {
		case "PER", "ORG", "LOC", "MISC":
			named++
		}
	}
	ms := make([]mention, 0, named)
	for _, sp := range doc.Entities {
		switch sp.Label {
		case "PER", "ORG", "LOC", "MISC":
			words := strings.Fields(doc.SpanText(sp))
			m := mention{span: sp, text: strings.Join(words, " "), words: words, typ: sp.Label, group: -1}
			if sp.Start >= 2 && strings.EqualFold(doc.Tokens[sp.Start-1].Form, "of") && strings.EqualFold(doc.Tokens[sp.Start-2].Form, "city") {
				m.cityContext = true
			}
			m.sport, m.business, m.locative = evidence.of(sp)
			m.otherSport = evidence.otherSport
			if sp.Start > 0 {
				p := strings.ToLower(doc.Tokens[sp.Start-1].Form)
				m.venue = p == "in" || p == "near"
				m.workplace = p == "at" || p == "from" || p == "of"
			}
			m.fragment = fragment(doc, sp)
			m.modifier = sp.End < len(doc.Tokens) && doc.Tokens[sp.End].UPOS == "NOUN"
			ms = append(ms, m)
		}
	}
	if len(ms) == 0 {
		return nil
	}
	poolEvidence(ms)
	l.markSportDocument(ms)
	acronyms := definedAcronyms(doc, ms)
	spelled := spelledAcronyms(ms, acronyms)
	var ents []Entity
	byKey := map[string]int{}
	// Longer mentions first, so that short forms find the full name they
	// abbreviate; ties in text order.
	order := make([]int, len(ms))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := cmp.Compare(len(ms[b].text), len(ms[a].text)); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	countries, places, home, region := l.documentCountries(ms)
	l.regionsAfter(doc, ms)
	if region != "" {
		for i := range ms {
			if ms[i].region == "" && ms[i].typ == "LOC" {
				ms[i].storyRegion = region
			}
		}
	}
	// A short mention may only corefer with a strictly longer one, and all
	// of those are grouped before it: each mention enters the index once
	// the mentions of its length are done, before any shorter one looks.
	idx := corefIndex{}
	type resolution struct {
		entry kb.Entry
		ok    bool
	}
	resolved := map[resolveKey]resolution{}
	// A name met again resolves as it did the first time.
	resolveOnce := func(m *mention) (kb.Entry, bool) {
		rk := resolveKey{m.text, m.typ, m.region, m.storyRegion, m.cityContext, m.sport, m.business, m.sportDoc, m.locative, m.fragment, m.modifier}
		r, seen := resolved[rk]
		if !seen {
			r.entry, r.ok = l.resolve(m, countries, places, home, published)
			resolved[rk] = r
		}
		return r.entry, r.ok
	}
	indexed := 0
	for k, i := range order {
		m := &ms[i]
		for ; indexed < k && len(ms[order[indexed]].text) > len(m.text); indexed++ {
			idx.add(ms, order[indexed], ents)
		}
		if long, ok := acronyms[m.text]; ok && ms[long].group >= 0 {
			if e := ents[ms[long].group]; e.Linked() || !acronymKnown(m, e.Name, resolveOnce) {
				m.group = ms[long].group
				continue
			}
		}
		if long, ok := spelled[m.text]; ok && ms[long].group >= 0 {
			// Undefined, the acronym is the name it spells unless the
			// knowledge base knows the acronym as something else ("BP"
			// stays the company it links to, "U.S." the country after
			// "United States Senate").
			own, known := resolveOnce(m)
			if e := ents[ms[long].group]; !known || e.Linked() && e.Entry.ID == own.ID {
				m.group = ms[long].group
				continue
			}
		}
		if g := l.corefer(m, ms, idx); g >= 0 {
			m.group = g
			continue
		}
		entry, ok := resolveOnce(m)
		key := "local:" + strings.ToLower(m.text) // one name, one entity, whatever its mentions' types
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
	ents = oneNameOneEntity(ms, ents, l.placeNamed)
	for i := range ms {
		e := &ents[ms[i].group]
		e.Mentions = append(e.Mentions, ms[i].span)
	}
	typeByIdentity(doc, ms, ents)
	for i := range ents {
		sort.Slice(ents[i].Mentions, func(a, b int) bool { return ents[i].Mentions[a].Start < ents[i].Mentions[b].Start })
		ents[i].Salience = salience(doc, &ents[i])
	}
	// Most salient first, ties in order of creation: the order is sorted,
	// then the entities (large values) are moved once, cycle by cycle.
	rank := make([]int, len(ents))
	for i := range rank {
		rank[i] = i
	}
	slices.SortFunc(rank, func(a, b int) int {
		if c := cmp.Compare(ents[b].Salience, ents[a].Salience); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	for i := range rank {
		if rank[i] == i {
			continue
		}
		// ents[j] becomes the entity ranked j-th, along the cycle from i
		first, j := ents[i], i
		for rank[j] != i {
			next := rank[j]
			ents[j], rank[j] = ents[next], j
			j = next
		}
		ents[j], rank[j] = first, j
	}
	return ents
}

// typeByIdentity gives the type of its identity to a mention typed LOC or
// PER of an entity linked to a company, and to one typed ORG or MISC of
// an office holder: the linker chose the company on the article's
// business evidence, the holder on a full name that only office holders
// have, which the recogniser's type for one mention ("Google" PER,
// "Sainsbury" PER, "Ted Cruz" ORG) did not see. Clubs are left as typed:
// on CoNLL-2003 dev, retyping the mentions of clubs (even only in
// sentences that report a match) turned more names of venues and of
// other sports' teams into wrong ORGs (Berlin, Leicester, Wigan) than it
// corrected.
func typeByIdentity(doc *text.Document, ms []mention, ents []Entity) {
	var spans map[text.Span]string // the mentions to retype, and their type
	for i := range ms {
		e := &ents[ms[i].group]
		company := e.Entry.Kind == kb.KindCompany && (ms[i].typ == "LOC" || ms[i].typ == "PER")
		person := e.Entry.Kind == kindPerson && (ms[i].typ == "ORG" || ms[i].typ == "MISC")
		if !company && !person {
			continue
		}
		if spans == nil {
			spans = map[text.Span]string{}
		}
		spans[ms[i].span] = e.Entry.Type
	}
	if spans == nil {
		return
	}
	for i, sp := range doc.Entities {
		if t, ok := spans[sp]; ok {
			doc.Entities[i].Label = t
		}
	}
	for i := range ents {
		retyped := false
		for j, m := range ents[i].Mentions {
			if t, ok := spans[m]; ok {
				ents[i].Mentions[j].Label = t
				retyped = true
			}
		}
		if retyped && allTyped(ents[i].Mentions, ents[i].Entry.Type) {
			ents[i].Type = ents[i].Entry.Type
		}
	}
}

func allTyped(spans []text.Span, label string) bool {
	for _, sp := range spans {
		if sp.Label != label {
			return false
		}
	}
	return true
}

// clubCities gives to a club the mentions of its city's name that were
// linked to the city, in a sport story where the club is named in full:
// "Wirtz joins from Leverkusen" after "Bayer Leverkusen" is the club,
// "the final in Leverkusen" stays the city.
func clubCities(ms []mention, ents []Entity) {
	clubs := map[string]int{} // a linked club's names, in lower case
	for i := range ms {
		e := &ents[ms[i].group]
		if e.Entry.Kind != kb.KindClub || !strings.Contains(ms[i].text, " ") {
			continue
		}
		for _, name := range append([]string{e.Entry.Name}, e.Entry.Aliases...) {
			if _, seen := clubs[strings.ToLower(name)]; !seen {
				clubs[strings.ToLower(name)] = ms[i].group
			}
		}
	}
	if len(clubs) == 0 {
		return
	}
	for i := range ms {
		m := &ms[i]
		if k := ents[m.group].Entry.Kind; !m.sportDoc || m.venue || k != kb.KindCity && k != kb.KindRegion {
			continue
		}
		if g, ok := clubs[strings.ToLower(m.text)]; ok {
			m.group = g
		}
	}
}

// oneNameOneEntity makes the mentions of a name one entity: a mention
// that resolved to nothing joins the linked entity of a mention written
// alike ("Boeing" as a place where "Boeing" is the company elsewhere;
// after "at", "from" or "of", "workers at Boeing", only when no place of
// the knowledge base has the name; not after "in" or "near": "police in
// Southampton", "fires in the Amazon" may be places; nor a team typed
// ORG in an article of another team sport, which filterOrgs kept from
// its city),
// and an entity takes the type most of its mentions have ("SpaceX"
// ORG three times and MISC once is an organisation), a linked one its
// identity's when a mention has it. It returns the
// entities, without those left with no mention.
func oneNameOneEntity(ms []mention, ents []Entity, isPlace func(name string) bool) []Entity {
	linked := map[string]int{}
	for i := range ms {
		if g := ms[i].group; ents[g].Linked() {
			if _, seen := linked[ms[i].text]; !seen {
				linked[ms[i].text] = g
			}
		}
	}
	if len(linked) > 0 {
		// Names as written first, then case aside ("BOEING" and "Boeing").
		folded := make(map[string]int, len(linked))
		for t, g := range linked {
			if _, seen := folded[strings.ToLower(t)]; !seen {
				folded[strings.ToLower(t)] = g
			}
		}
		for i := range ms {
			if ents[ms[i].group].Linked() {
				continue
			}
			if ms[i].locative && (!ms[i].workplace || isPlace(ms[i].text)) {
				// "police in Southampton", "fires in the Amazon": maybe the
				// place, which poolEvidence keeps apart
				continue
			}
			g, ok := linked[ms[i].text]
			if !ok {
				g, ok = folded[strings.ToLower(ms[i].text)]
			}
			if ok && ms[i].otherSport && ms[i].typ == "ORG" && (ents[g].Entry.Kind == kb.KindCity || ents[g].Entry.Kind == kb.KindRegion) {
				ok = false // a team named by its city is not the city (filterOrgs)
			}
			if ok {
				ms[i].group = g
			}
		}
	}
	clubCities(ms, ents)
	// Renumber the entities that keep a mention, in their order, and
	// count their mentions' types.
	used := make([]int, len(ents))
	for i := range used {
		used[i] = -1
	}
	typeNames := [...]string{"PER", "ORG", "LOC", "MISC"}
	types := make([][len(typeNames)]int, len(ents))
	for i := range ms {
		g := ms[i].group
		used[g] = 0
		if t := slices.Index(typeNames[:], ms[i].typ); t >= 0 {
			types[g][t]++
		}
	}
	out := ents[:0]
	for g := range ents {
		if used[g] < 0 {
			continue
		}
		used[g] = len(out)
		e := ents[g]
		// A linked entity takes its identity's type when a mention has
		// it ("Argentine officials met Argentina's lenders": the
		// country, LOC, not its first mention's MISC); otherwise an
		// entity takes the type most of its mentions have.
		if t := slices.Index(typeNames[:], e.Entry.Type); e.Linked() && t >= 0 && types[g][t] > 0 {
			e.Type = e.Entry.Type
		} else {
			best := 0
			if t := slices.Index(typeNames[:], e.Type); t >= 0 {
				best = types[g][t]
			}
			for t, name := range typeNames {
				if types[g][t] > best {
					e.Type, best = name, types[g][t]
				}
			}
		}
		if !e.Linked() {
			e.ID = localID(e.Type, e.Name)
		}
		out = append(out, e)
	}
	for i := range ms {
		ms[i].group = used[ms[i].group]
	}
	return out
}

// regionsAfter sets the region of each mention written before a comma
// and a region's name ("Manchester, New Hampshire", "Paris, Texas"; see
// regionKey).
func (l *Linker) regionsAfter(doc *text.Document, ms []mention) {
	for i := 0; i+1 < len(ms); i++ {
		m, n := &ms[i], &ms[i+1]
		if e := m.span.End; n.span.Start != e+1 || doc.Tokens[e].Form != "," {
			continue
		}
		for _, c := range l.kb.Lookup(n.text) {
			if c.Kind == kb.KindRegion {
				m.region = regionKey(c)
				break
			}
		}
	}
}

// regionKey is the key ("USA|NH") of a region, or of a city's region:
// GeoNames gives a US city its state's code as Admin1, which is the ISO
// 3166-2 code's second part. "" for other entries.
func regionKey(c kb.Entry) string {
	switch c.Kind {
	case kb.KindRegion:
		if _, code, ok := strings.Cut(c.ID, "-"); ok {
			return c.Country + "|" + code
		}
	case kb.KindCity:
		if c.Admin1 != "" {
			return c.Country + "|" + c.Admin1
		}
	}
	return ""
}

// soleRegion returns the one region that a name's places are in, by the
// region's own name ("New Hampshire") or a town only it has ("Nashua"),
// or "" when they are in several, a country has the name or none does.
func soleRegion(cands []kb.Entry) string {
	region := ""
	for _, c := range cands {
		if c.Kind == kb.KindCountry {
			return "" // a country's name tells no region
		}
		if c.Kind != kb.KindRegion && c.Kind != kb.KindCity {
			continue
		}
		r := regionKey(c)
		if r == "" || region != "" && r != region {
			return ""
		}
		region = r
	}
	return region
}

// storyRegion returns the region a story is about, from the votes of its
// place names (soleRegion, each name once): the one at least two names
// vote for and more than half of all votes; else "". A town many regions
// have ("Concord") is then read as the story region's (resolve's
// inStoryRegion), as "Concord, New Hampshire" would be.
func storyRegion(votes map[string]int) string {
	best, n, total := "", 0, 0
	for r, k := range votes {
		total += k
		if k > n || k == n && r < best {
			best, n = r, k
		}
	}
	if n < 2 || 2*n <= total {
		return "" // a story of several regions ("Houston", "Atlanta", "Boston") has none
	}
	return best
}

// placeNamed reports whether a place of the knowledge base (a country, a
// region, a city, a demonym) goes by name.
func (l *Linker) placeNamed(name string) bool {
	return slices.ContainsFunc(l.kb.Lookup(name), func(e kb.Entry) bool { return isPlaceKind(e.Kind) })
}

// poolEvidence gives every mention of a name the match and business
// evidence of all the document's mentions of that name: one sense per
// discourse (Gale, Church and Yarowsky 1992), so that "Apple" or
// "Leicester" in a sentence without evidence is what the same name was
// where the article gave evidence. A mention typed LOC after a locative
// preposition ("fans celebrated in Leicester", "fires in the Amazon")
// keeps its own evidence: there the article uses the name as a place.
func poolEvidence(ms []mention) {
	type evidence struct{ sport, business bool }
	pooled := make(map[string]evidence, len(ms))
	for _, m := range ms {
		e := pooled[m.text]
		pooled[m.text] = evidence{e.sport || m.sport, e.business || m.business}
	}
	for i := range ms {
		m := &ms[i]
		if m.typ == "LOC" && m.locative {
			continue
		}
		e := pooled[m.text]
		m.sport, m.business = e.sport, e.business
	}
}

// resolveKey is what resolve reads of a mention.
type resolveKey struct {
	text, typ, region, storyRegion                                  string
	cityContext, sport, business, sportDoc, loc, fragment, modifier bool
}

// markSportDocument sets sportDoc on every mention but the one when a
// mention names only clubs or leagues ("Manchester City", "Premier
// League"; one word only with match words around it, "Arsenal beat"):
// the article is about football.
func (l *Linker) markSportDocument(ms []mention) {
	first := -1
	for i := range ms {
		if ms[i].typ == "PER" || ms[i].fragment {
			continue // a piece of a longer name ("Birmingham City | Council") is no club
		}
		if len(ms[i].words) == 1 && !ms[i].sport {
			continue // one word without match words ("Standard's stock price") may name anything
		}
		c := l.kb.Lookup(ms[i].text)
		if len(c) == 0 {
			continue
		}
		only := true
		for _, e := range c {
			only = only && (e.Kind == kb.KindClub || e.Kind == kb.KindLeague)
		}
		if !only {
			continue
		}
		if first >= 0 && !strings.EqualFold(ms[first].text, ms[i].text) {
			for j := range ms {
				ms[j].sportDoc = true
			}
			return
		}
		if first < 0 {
			first = i
		}
	}
	if first >= 0 {
		for j := range ms {
			if !strings.EqualFold(ms[j].text, ms[first].text) {
				ms[j].sportDoc = true
			}
		}
	}
}

// connectors may stand between the capitalised words of a name that an
// acronym abbreviates ("Federal Bureau of Investigation").
var connectors = map[string]bool{"of": true, "and": true, "for": true, "the": true, "on": true, "in": true,
	"de": true, "e": true, "del": true, "des": true, "du": true, "al": true, "-": true, "&": true}

// definedNames makes "Long Name (ACR)" one entity when the recogniser
// found ACR but split or missed the long name ("Pakistan | Tehreek-e-Insaf
// (PTI)"): the text defines the name, so its pieces are not names of their
// own (not Pakistan). The long name is the capitalised words before the
// parenthesis whose initials spell ACR, read backwards, with connectors
// between them; it takes ACR's type.
func definedNames(doc *text.Document) {
	var add []text.Span
	for _, a := range doc.Entities {
		i := a.Start
		if a.End != i+1 || i < 2 || i+1 >= len(doc.Tokens) || doc.Tokens[i-1].Form != "(" || doc.Tokens[i+1].Form != ")" {
			continue
		}
		acr := []rune(doc.Tokens[i].Form)
		if len(acr) < 2 || strings.ToUpper(string(acr)) != string(acr) {
			continue
		}
		start, k := -1, len(acr)-1
	words:
		for j := i - 2; j >= 0 && k >= 0; j-- {
			parts := strings.FieldsFunc(doc.Tokens[j].Form, func(r rune) bool { return r == '-' })
			if len(parts) == 0 {
				parts = []string{doc.Tokens[j].Form}
			}
			for p := len(parts) - 1; p >= 0; p-- {
				w := []rune(parts[p])
				switch {
				case connectors[strings.ToLower(parts[p])] && !unicode.IsUpper(w[0]):
				case w[0] == acr[k]:
					k--
					if k < 0 {
						start = j
						break words
					}
				default:
					break words
				}
			}
		}
		if start < 0 {
			continue
		}
		long := text.Span{Start: start, End: i - 1, Label: a.Label}
		if slices.ContainsFunc(doc.Entities, func(e text.Span) bool { return e.Start == long.Start && e.End == long.End }) {
			continue // the recogniser found it whole
		}
		add = append(add, long)
	}
	if len(add) == 0 {
		return
	}
	kept := doc.Entities[:0]
	for _, e := range doc.Entities {
		if !slices.ContainsFunc(add, func(l text.Span) bool { return e.Start < l.End && l.Start < e.End }) {
			kept = append(kept, e)
		}
	}
	doc.Entities = append(kept, add...)
	slices.SortStableFunc(doc.Entities, func(a, b text.Span) int { return cmp.Compare(a.Start, b.Start) })
}

// surnameMin is how many people of the knowledge base must bear a word
// as their last name for it to be read as a surname after a given name.
const surnameMin = 3

// givenNames makes one person of a country's or a city's name of one
// word and the capitalised word that follows it when that word is a
// surname, as the knowledge base's people (sourced office holders) bear
// it: "Jordan Ellis, a councillor", "Chad Morris scored", where the
// recogniser read the given name as the country and missed the surname.
// Both are words of a capital and lower-case letters ("U.S. Sales" is no
// one), the surname ends the run of capitalised words and names no place
// ("Jordan Valley Authority", "Pennsylvania Power and Light" are no
// people), and not in a headline, where every word is capitalised.
func (l *Linker) givenNames(doc *text.Document) {
	for k, e := range doc.Entities {
		i := e.End
		if e.Label != "LOC" || e.End != e.Start+1 || i >= len(doc.Tokens) || k+1 < len(doc.Entities) && doc.Entities[k+1].Start <= i {
			continue
		}
		given, w := doc.Tokens[e.Start].Form, doc.Tokens[i].Form
		if !titleWord(given) || !titleWord(w) || len(w) < 3 || doc.Tokens[i].Start != doc.Tokens[i-1].End+1 {
			continue
		}
		if i+1 < len(doc.Tokens) {
			if next := doc.Tokens[i+1].Form; capitalised(next) || next == "and" || next == "&" {
				continue // "Pennsylvania Power and Light"
			}
		}
		if s, ok := doc.SentenceOf(e.Start); !ok || s.End <= i || headlineCase(doc, s) {
			continue
		}
		countryOrCity := func(c kb.Entry) bool { return c.Kind == kb.KindCountry || c.Kind == kb.KindCity }
		if !slices.ContainsFunc(l.kb.Lookup(given), countryOrCity) || len(l.kb.PeopleWithLastName(w)) < surnameMin ||
			slices.ContainsFunc(l.kb.Lookup(w), func(c kb.Entry) bool { return isPlaceKind(c.Kind) }) {
			continue
		}
		doc.Entities[k].End, doc.Entities[k].Label = i+1, "PER"
	}
}

// titleWord reports a word of a capital and then lower-case letters only
// ("Ellis", not "EU" or "McCarthy").
func titleWord(w string) bool {
	for i, r := range w {
		if i == 0 && !unicode.IsUpper(r) || i > 0 && !unicode.IsLower(r) {
			return false
		}
	}
	return len(w) > 1
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

// spelledAcronyms returns the acronyms the text uses without defining
// them (not in defined): an acronym (two to five capitals, "&" or "."
// between them) is the earlier name of two words or more, not a
// person's, whose capitalised words' initials it spells (spells), when
// exactly one such name precedes it.
func spelledAcronyms(ms []mention, defined map[string]int) map[string]int {
	acronyms := map[string]int{}
	for i, m := range ms {
		if _, ok := defined[m.text]; ok {
			continue
		}
		if m.typ == "PER" {
			continue
		}
		letters := acronymLetters(m.text)
		if letters == "" {
			continue
		}
		long := -1
		for j := range ms[:i] {
			o := &ms[j]
			if o.typ == "PER" || len(o.words) < 2 || !spells(letters, o.words) {
				continue
			}
			if long >= 0 && ms[long].text != o.text {
				long = -2 // two names spell it
				break
			}
			if long < 0 {
				long = j
			}
		}
		if long >= 0 {
			acronyms[m.text] = long
		}
	}
	return acronyms
}

// acronymLetters returns the capitals of an acronym of two to five
// letters ("S&P": "SP", "U.N.": "UN"), or "" when text is none.
func acronymLetters(text string) string {
	var b strings.Builder
	for _, r := range text {
		switch {
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r)
		case r == '&' || r == '.':
		default:
			return ""
		}
	}
	if b.Len() < 2 || b.Len() > 5 {
		return ""
	}
	return b.String()
}

// spells reports whether letters are the initials of words' capitalised
// words: all of them, or all but a corporate designator ("BP" of "British
// Petroleum Co Plc") or a last part joined by "and" ("CDC" of "Centers for
// Disease Control and Prevention"), not a longer name's first words ("GE"
// is not "General Electric Credit Corp").
func spells(letters string, words []string) bool {
	k := 0
	for i, w := range words {
		if w == "" || w[0] < 'A' || w[0] > 'Z' {
			continue
		}
		if k == len(letters) {
			if i > 0 && words[i-1] == "and" {
				return true
			}
			if !designators[strings.TrimSuffix(w, ".")] {
				return false
			}
			continue
		}
		if w[0] != letters[k] {
			return false
		}
		k++
	}
	return k == len(letters)
}

// designators end companies' names.
var designators = map[string]bool{"Co": true, "Corp": true, "Corporation": true, "Inc": true, "Plc": true,
	"PLC": true, "Ltd": true, "Limited": true, "Group": true, "Holdings": true, "AG": true, "SA": true, "NV": true}

// sharedAcronym reports whether several organisations among cands go by
// the acronym name: the text, which did not define it (definedAcronyms),
// does not say which ("RSF" alone is the Rapid Support Forces or
// Reporters Without Borders).
func sharedAcronym(name string, cands []kb.Entry) bool {
	n := 0
	for _, c := range cands {
		if c.Kind == kb.KindOrganisation && c.Acronym == name {
			n++
		}
	}
	return n > 1
}

// acronymKnown reports whether an acronym that the text defines by a
// long name the knowledge base lacks is better linked by itself: when it
// resolves (resolveOnce) to an entry whose name it abbreviates and that
// has most of the long name's capitalised words ("OPEC" defined by a
// misspelt "Organiaation of Petroleum Exporting Countries"), not to
// another body of the same letters ("PTI" defined by "Pakistan
// Tehreek-e-Insaf" is not the Press Trust of India).
func acronymKnown(m *mention, long string, resolveOnce func(*mention) (kb.Entry, bool)) bool {
	e, ok := resolveOnce(m)
	if !ok || !isAcronymOf(m.text, e.Name) {
		return false
	}
	names := strings.Fields(kb.Fold(strings.Join(e.Names(), " ")))
	words, shared := 0, 0
	for _, w := range strings.Fields(long) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			words++
			if slices.Contains(names, kb.Fold(w)) {
				shared++
			}
		}
	}
	return 2*shared > words
}

// isAcronymOf reports whether acr is made of capitals that start words of
// name, or parts of hyphenated words, in order (CSTO for Collective
// Security Treaty Organization, PTI for Pakistan Tehreek-e-Insaf).
func isAcronymOf(acr, name string) bool {
	if len(acr) < 2 || strings.ToUpper(acr) != acr {
		return false
	}
	var initials []rune
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' }) {
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
// Of the longer mentions that fit, the first in the text wins.
func (l *Linker) corefer(m *mention, ms []mention, idx corefIndex) int {
	words := m.words
	if len(words) == 0 || len(words) > 3 || len(words) == 3 && !particleFirst(words) {
		return -1
	}
	best := -1
	switch m.typ {
	case "PER":
		best = idx.first(corefKey{corefPersonSuffix, "", m.text}, best)
		if len(words) == 1 {
			best = idx.first(corefKey{corefPersonFirst, "", words[0]}, best)
		}
	case "MISC":
	default:
		best = idx.first(corefKey{corefSuffix, m.typ, m.text}, best)
		if best < 0 {
			// A name typed otherwise than the longer name it ends or
			// begins: "Henk" after "Storm Henk", "the Bank" after "the
			// Bank of England" (when the name is unknown, below).
			for _, t := range []string{"ORG", "LOC", "MISC"} {
				best = idx.first(corefKey{corefSuffix, t, m.text}, best)
			}
			if len(words) == 1 {
				best = idx.first(corefKey{corefOrgFirst, "", m.text}, best)
			}
		}
		// "the Commission" after "the European Commission", unless the
		// short name is itself something known (a less known company of
		// that name does not count: "Intergroup" after "National
		// Intergroup" is the same firm)
		if best >= 0 && slices.ContainsFunc(l.kb.Lookup(m.text), func(e kb.Entry) bool { return e.Kind != kb.KindCompany || e.Tier == 0 }) {
			best = -1
		}
	}
	if best < 0 {
		return -1
	}
	return ms[best].group
}

// corefIndex maps the last one or two words of the grouped mentions, and
// the first word of those that name a person, to the first such mention
// in the text, so that corefer looks a short mention up instead of
// comparing it with every other.
type corefIndex map[corefKey]int

type corefKey struct {
	kind  uint8
	typ   string // the mention's type, for corefSuffix
	words string // one or two words, space-separated
}

const (
	corefPersonSuffix = iota // last words of a name of a person
	corefPersonFirst         // first word of a name of a person
	corefSuffix              // last words of a place, organisation or other name, by type
	corefOrgFirst            // first word of an organisation's name of three words or more
)

// add indexes ms[i], which is grouped.
func (idx corefIndex) add(ms []mention, i int, ents []Entity) {
	o := &ms[i]
	// o's last one and two words, as substrings of its text, and its
	// last three when they begin with a lower-case particle ("van der
	// Sloot" of "Joran van der Sloot"); only a proper suffix may match
	var suffixes [3]string
	n := 0
	for k := 1; k <= 3 && k < len(o.words); k++ {
		n += len(o.words[len(o.words)-k])
		if k < 3 || particleFirst(o.words[len(o.words)-k:]) {
			suffixes[k-1] = o.text[len(o.text)-n:]
		}
		n++ // the space before it
	}
	if o.typ == "PER" || ents[o.group].Entry.Kind == kindPerson {
		for _, s := range suffixes {
			if s != "" {
				idx.keep(corefKey{corefPersonSuffix, "", s}, i)
			}
		}
		if len(o.words) > 0 {
			idx.keep(corefKey{corefPersonFirst, "", o.words[0]}, i)
		}
	}
	if o.typ != "PER" {
		for _, s := range suffixes {
			if s != "" {
				idx.keep(corefKey{corefSuffix, o.typ, s}, i)
			}
		}
	}
	if o.typ == "ORG" && len(o.words) >= 3 {
		idx.keep(corefKey{corefOrgFirst, "", o.words[0]}, i)
	}
}

// particleFirst reports whether a name's words begin with a lower-case
// word, as a family name's particle does ("van der Sloot", "von der
// Leyen"): such a surname of three words is a person's short name.
func particleFirst(words []string) bool {
	return len(words) > 1 && words[0] != "" && words[0][0] >= 'a' && words[0][0] <= 'z'
}

// keep records i under key unless an earlier mention is there.
func (idx corefIndex) keep(key corefKey, i int) {
	if j, ok := idx[key]; !ok || i < j {
		idx[key] = i
	}
}

// first returns the earlier of best and the mention under key (-1: none).
func (idx corefIndex) first(key corefKey, best int) int {
	if j, ok := idx[key]; ok && (best < 0 || j < best) {
		return j
	}
	return best
}

// documentCountries counts the countries the mentions name directly or
// through a demonym, for choosing among candidates, and those whose cities
// and regions they name (places), and returns the article's home country:
// the one it names most, else the one whose cities and regions it names
// most ("Chennai", "Uttar Pradesh"), else "", and the region the story is
// about (storyRegion), else "". Each name is looked up once.
func (l *Linker) documentCountries(ms []mention) (countries, places map[string]int, home, region string) {
	countries, places = map[string]int{}, map[string]int{}
	type country struct {
		named  string // a country the name names, or its demonym's
		place  string // the country of the city or region it names first
		region string // the one region its places are in (soleRegion)
		voted  bool   // a mention typed LOC has given region its vote
	}
	countryOf := map[string]*country{}
	votes := map[string]int{}
	for _, m := range ms {
		c := countryOf[m.text]
		if c == nil {
			c = &country{}
			cands := l.kb.Lookup(m.text)
			for _, e := range cands {
				if e.Kind == kb.KindCountry || e.Kind == kb.KindDemonym {
					c.named = e.Country
					break
				}
			}
			if len(cands) > 0 && (cands[0].Kind == kb.KindCity || cands[0].Kind == kb.KindRegion) {
				c.place = cands[0].Country
			}
			c.region = soleRegion(cands)
			countryOf[m.text] = c
		}
		if c.named != "" {
			countries[c.named]++
		}
		if c.place != "" && m.typ == "LOC" {
			places[c.place]++
		}
		if c.region != "" && m.typ == "LOC" && !c.voted {
			votes[c.region]++
			c.voted = true
		}
	}
	if home = mainCountry(countries); home == "" {
		home = mainCountry(places)
	}
	return countries, places, home, storyRegion(votes)
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
func (l *Linker) resolve(m *mention, countries, places map[string]int, home string, published time.Time) (kb.Entry, bool) {
	cands := l.candidates(m.text, countries, places, home)
	cands = l.genericParties(m.text, cands, countries, home)

	inNamedRegion := func(c kb.Entry) bool {
		return m.region != "" && c.Kind == kb.KindCity && regionKey(c) == m.region
	}
	cands, boost, none := l.filterOrgs(m, l.surnames(m, officeHolders(m, cands, published), published), inNamedRegion)
	if none || len(cands) == 0 {
		return kb.Entry{}, false
	}
	if sharedAcronym(m.text, cands) {
		return kb.Entry{}, false
	}
	// A sovereign state of the same name beats a city unless the text
	// says city: "Armenia" is the country, not the Colombian city.
	stateNamed := slices.ContainsFunc(cands, func(c kb.Entry) bool { return c.Kind == kb.KindCountry && c.Independent })
	// A town of the region written after it ("Manchester, New
	// Hampshire") over its namesakes elsewhere, unless one of them is a
	// country or a city of a million people.
	worldly := slices.ContainsFunc(cands, func(c kb.Entry) bool {
		return c.Kind == kb.KindCountry || c.Kind == kb.KindCity && c.Population >= 1_000_000
	})
	// A town of the story's region over its namesakes elsewhere, unless
	// one of them is ten times its size: the story's other places are
	// weaker evidence than a region written after the name ("In
	// Portland" in a basketball report of Texas teams is Oregon's).
	largest := 0
	if m.storyRegion != "" {
		for _, c := range cands {
			if c.Kind == kb.KindCity {
				largest = max(largest, c.Population)
			}
		}
	}
	inStoryRegion := func(c kb.Entry) bool {
		return m.storyRegion != "" && c.Kind == kb.KindCity && regionKey(c) == m.storyRegion && 10*c.Population >= largest
	}
	acronym := len(m.text) <= 5 && strings.ToUpper(m.text) == m.text && strings.ToLower(m.text) != m.text
	best, bestScore := -1, 0.0
	for i, c := range cands {
		if m.typ == "PER" && (c.Kind == kb.KindCity || c.Kind == kb.KindRegion) {
			continue // towns and states are named after people: "Jackson told the crowd"
		}
		s := 1 / float64(i+1) // Lookup's prominence order
		switch {
		case boost[i] && (m.sport || m.business):
			// a club or company that the words of the article chose,
			// over a place of its name however large and apt (at most
			// 1+2+0.5+1.5 below)
			s += 6
		case boost[i]:
			s += 4 // chosen by other clubs of the article, or by type alone
		case c.Type == m.typ:
			s += 2
		case c.Kind == kb.KindDemonym && m.typ == "MISC":
			s += 2
		case m.typ == "LOC" && c.Kind == kb.KindCountry, m.typ == "ORG" && c.Kind == kb.KindCountry:
			s += 1 // "Russia said" is the state acting
		case c.Office != nil:
			s += 1 // a full name that only office holders have (officeHolders)
		case len(m.words) >= 2 && (c.Kind == kb.KindOrganisation || c.Kind == kb.KindParty) && kb.Fold(c.Name) == kb.Fold(m.text):
			// an organisation's own full name, however typed ("African
			// Union" LOC); not a government body's, whose short forms
			// name others ("White House", LOC as a place, and "the House")
			s += 1
		default:
			s -= 1
		}
		if countries[c.Country] > 0 {
			s += 0.5
		}
		if acronym && c.Kind == kb.KindBody && c.Country != "" && (countries[c.Country] > 0 || places[c.Country] > 0 || c.Country == home) {
			// A government body of the story's country over an
			// international organisation of the same letters: "the
			// FSB" in a story from Moscow is Russia's security
			// service, not the Financial Stability Board.
			s += 1
		}
		if c.Kind == kb.KindCity && (c.Population >= 100_000 && !stateNamed || m.cityContext) {
			s += 1.5 // a big city, or "the city of X", over a region of the same name
		}
		if !worldly && inNamedRegion(c) {
			s += 3
		}
		if !worldly && inStoryRegion(c) {
			s += 3
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
	if e.Source == kb.SourceUnsourced && (e.Kind == kb.KindOrganisation || e.Kind == kb.KindMedia || e.Kind == kindPerson) {
		// A hand-written organisation, outlet or person that no source
		// confirms (kb/audit) is no identity to give: its name is still
		// recognised, but a link would assert what nothing backs. It is
		// chosen first and then withheld, so that it still stands
		// between a name and its namesakes ("RSF" in a story of Sudan's
		// war is not Reporters Without Borders).
		return kb.Entry{}, false
	}
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
// Council" in an article about Kazakhstan). A one-word name of the body or
// party of a country the article does not name is looked for among the
// home country's first (homeNamesake: "Congress" in a story from India).
func (l *Linker) candidates(name string, countries, places map[string]int, home string) []kb.Entry {
	if c := l.notAcronym(name, acronymSafe(name, l.kb.Lookup(name))); c != nil {
		if main := mainCountry(countries); main != "" && isGenericBody(c) {
			if own := l.countryBody(name, main); own != nil {
				return own
			}
		}
		if home != "" && !strings.Contains(name, " ") && foreignNational(c, home) && countries[c[0].Country] == 0 {
			if own := l.homeNamesake(name, home); own != nil {
				return own
			}
			if strings.ToUpper(name) == name && len(name) <= 5 && places[c[0].Country] == 0 {
				// An acronym of another country's body or party, in a
				// story that names neither that country nor a place in
				// it: the same letters more likely stand for something
				// the knowledge base lacks ("MIT" in an American
				// science story is no Turkish intelligence service;
				// "CPC" in a company report no Chinese party).
				return nil
			}
		}
		return c
	}
	if rest, ok := strings.CutPrefix(name, "the "); ok {
		return l.candidates(rest, countries, places, home)
	}
	if main := mainCountry(countries); main != "" {
		return l.countryBody(name, main)
	}
	return nil
}

// genericParties drops the parties that name, made of ordinary words
// ("Social Democratic Party": many countries have one), finds when the
// article neither names their country nor is from it; a name of its own
// ("Bharatiya Janata Party") needs no such evidence.
func (l *Linker) genericParties(name string, cands []kb.Entry, countries map[string]int, home string) []kb.Entry {
	if !l.ordinaryWords(name) {
		return cands
	}
	return dropFrom(cands, func(c kb.Entry) bool {
		return c.Kind == kb.KindParty && c.Country != home && countries[c.Country] == 0
	})
}

// dropFrom returns cands without those drop reports, copying them only
// when one is dropped.
func dropFrom(cands []kb.Entry, drop func(kb.Entry) bool) []kb.Entry {
	i := slices.IndexFunc(cands, drop)
	if i < 0 {
		return cands
	}
	out := append(cands[:0:0], cands[:i]...)
	for _, c := range cands[i+1:] {
		if !drop(c) {
			out = append(out, c)
		}
	}
	return out
}

// ordinaryWords reports whether every word of name is an ordinary word.
func (l *Linker) ordinaryWords(name string) bool {
	for _, w := range strings.Fields(name) {
		if !l.commonWord(w) {
			return false
		}
	}
	return true
}

// foreignNational reports whether every candidate is a government body
// or party of a country other than home.
func foreignNational(c []kb.Entry, home string) bool {
	for _, e := range c {
		if e.Kind != kb.KindBody && e.Kind != kb.KindParty || e.Country == "" || e.Country == home {
			return false
		}
	}
	return true
}

// homeNamesake returns the most prominent body or party of country home
// whose name ends with the one word name ("Indian National Congress" for
// "Congress"), or nil.
func (l *Linker) homeNamesake(name, home string) []kb.Entry {
	word := kb.Fold(name)
	for _, e := range l.kb.National(home) {
		if f := kb.Fold(e.Name); f != word && strings.HasSuffix(f, " "+word) {
			return []kb.Entry{e}
		}
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

// notAcronym drops the candidates that a capitalised word of everyday
// English matches only as an acronym: "the Act's mandate" is not ACT
// (Allied Command Transformation). "Nato", which is no common word, is
// still NATO as the papers that write acronyms so mean it.
func (l *Linker) notAcronym(name string, c []kb.Entry) []kb.Entry {
	if len(c) == 0 || strings.ToUpper(name) == name || strings.Contains(name, " ") || !l.commonWord(name) {
		return c
	}
	written := func(n string) bool { return strings.EqualFold(n, name) && strings.ToUpper(n) != n }
	out := c[:0:0]
	for _, e := range c {
		if written(e.Name) || slices.ContainsFunc(e.Aliases, written) {
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

// officeHolders applies the strict terms of the office holders generated
// from the knowledge sources (Entry.Office set), who are many and little
// known: one is a candidate only for a mention typed PER of two words or
// more that is one of their names, when no other entry has that name, and
// among several of one name only a clear winner (clearOfficeHolder)
// stays. A one-word mention reaches them only through coreference with a
// full name in the document.
func officeHolders(m *mention, cands []kb.Entry, published time.Time) []kb.Entry {
	var holders []int
	for i := range cands {
		if cands[i].Office != nil {
			holders = append(holders, i)
		}
	}
	if len(holders) == 0 {
		return cands
	}
	keep := -1
	// A full name that only office holders have is one of them, whatever
	// type the recogniser gave it ("Ted Cruz" ORG), but a place's.
	if len(holders) == len(cands) && m.typ != "LOC" && len(m.words) >= 2 {
		var named []int
		folded := kb.Fold(m.text)
		for _, i := range holders {
			if slices.ContainsFunc(cands[i].Names(), func(n string) bool { return kb.Fold(n) == folded }) {
				named = append(named, i)
			}
		}
		named = slices.DeleteFunc(named, func(i int) bool { return namesakeRisk(cands[i], published) })
		keep = clearOfficeHolder(cands, named, published)
	}
	out := cands[:0:0]
	for i := range cands {
		if cands[i].Office == nil || i == keep {
			out = append(out, cands[i])
		}
	}
	return out
}

// surnames drops a person whom a one-word mention names by surname alone
// when, on the publication date, that person held no office and another
// person of the surname did: "Johnson" in 2024 is not Boris Johnson, whom
// the knowledge base calls so, while a Johnson sat in Congress; nor is
// "Lee" Lee Jae-myung before he took office.
func (l *Linker) surnames(m *mention, cands []kb.Entry, published time.Time) []kb.Entry {
	if len(m.words) != 1 || published.IsZero() {
		return cands
	}
	word := kb.Fold(m.text)
	var namesakes []kb.Entry // looked up once, when a candidate is out of office
	return dropFrom(cands, func(c kb.Entry) bool {
		if c.Kind != kindPerson || !surnameOf(c.Name, word) || l.inOffice(c, published) {
			return false
		}
		if namesakes == nil {
			namesakes = l.kb.PeopleWithLastName(word)
		}
		return slices.ContainsFunc(namesakes, func(o kb.Entry) bool {
			return o.ID != c.ID && l.inOffice(o, published)
		})
	})
}

// inOffice reports whether a person held a dated role, or the latest
// position the sources give, on date.
func (l *Linker) inOffice(p kb.Entry, date time.Time) bool {
	return p.Office.HeldOn(date) || l.heldRoleOn(p.ID, date)
}

// surnameOf reports whether folded word is the last or the first word of
// name, where the family name comes last ("Johnson") or first ("Lee
// Jae-myung").
func surnameOf(name, word string) bool {
	f := kb.Fold(name)
	first, _, _ := strings.Cut(f, " ")
	return f[strings.LastIndexByte(f, ' ')+1:] == word || first == word
}

// namesakeRisk reports an office holder whose English Wikipedia title
// needs a qualifier ("John Hall (New York politician)"): Wikipedia itself
// knows others of the name, so the name alone identifies the person only
// in a story from about the time of the latest position the sources give
// (a year before it began to a year after it ended, or two years after
// the source's date when it is open).
func namesakeRisk(e kb.Entry, published time.Time) bool {
	if !strings.HasSuffix(e.Wikipedia, ")") || !strings.Contains(e.Wikipedia, " (") {
		return false
	}
	o := e.Office
	if o.From.IsZero() || published.IsZero() {
		return true
	}
	end := o.Until
	if end.IsZero() {
		end = o.AsOf.AddDate(2, 0, 0)
		if o.AsOf.IsZero() {
			end = published
		}
	}
	return published.Before(o.From.AddDate(-1, 0, 0)) || published.After(end.AddDate(1, 0, 0))
}

// clearOfficeHolder returns which of the office holders cands[i] (i in
// among) clearly stands out, or -1: the one holding their latest
// position on the publication date when no other does, else the one with
// at least twice the positions of any other and two more.
func clearOfficeHolder(cands []kb.Entry, among []int, published time.Time) int {
	if len(among) <= 1 {
		if len(among) == 1 {
			return among[0]
		}
		return -1
	}
	var current []int
	for _, i := range among {
		if cands[i].Office.HeldOn(published) {
			current = append(current, i)
		}
	}
	switch len(current) {
	case 1:
		return current[0]
	case 0:
		current = among
	}
	best := current[0]
	for _, i := range current[1:] {
		if cands[i].Office.Positions > cands[best].Office.Positions {
			best = i
		}
	}
	for _, i := range current {
		if p, q := cands[best].Office.Positions, cands[i].Office.Positions; i != best && (p < 2*q || p < q+2) {
			return -1
		}
	}
	return best
}

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
