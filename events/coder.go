// Package events codes who did what to whom from the dependency parse of
// each sentence, in CAMEO (with each code's PLOVER category and Goldstein
// value), as GDELT and PETRARCH do, with dates, places and casualty counts.
//
// The coder is a dictionary of patterns (data/verbs.txt: a verb or an
// eventive noun, conditions on its object and prepositional phrases, and
// where its target is) applied to the parse: the source is the trigger's
// subject (or a passive's "by" agent, or the controller of an infinitive),
// the target its object or the pattern's prepositional phrase. Actors get
// CAMEO codes from the linked entities (a country's alpha-3 code, plus a
// role from the person's office on the event date or from an agent noun:
// "Syrian rebels" -> SYRREB) and from data/actors.tsv for organisations.
// Negated and modal triggers are recoded as CAMEO prescribes ("did not
// help" -> reject; "plans to attack" -> threaten; "wants to meet" -> express
// intent to meet).
package events

import (
	"cmp"
	"context"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"tidings/dates"
	"tidings/kb"
	"tidings/link"
	"tidings/syntax"
	"tidings/text"
)

// Unknown is the CAMEO code of an actor whose country is not known.
const Unknown = "---"

// Event is one coded event.
type Event struct {
	Code           Code
	Source, Target Actor
	Date           string // YYYY-MM-DD: the sentence's date, else the publication date
	Location       string // entity id of the place, "" when unknown
	Dead, Injured  int
	Trigger        [2]int // byte offsets of the trigger word
	Sentence       [2]int // byte offsets of the sentence
	Pattern        string // the dictionary line that coded it ("verbs.txt:120")
	// Confidence, in [0, 1], is how far an analyst may trust the event,
	// from the evidence the coder had (see confidence).
	Confidence float64
	trigger    int // token index of the trigger
	// announced marks a hostile act a speaker says will happen ("said
	// they will attack Iraq"): what the statement says (reported) is the
	// event, not the act, which has not happened.
	announced bool
}

// agentless reports an event coded from a passive without its agent
// ("two protesters were killed"): its source is unknown and unnamed.
func (e *Event) agentless() bool {
	return e.Source.Code == Unknown && e.Source.Text == "" && e.Source.Entity == ""
}

// Actor is an event's source or target.
type Actor struct {
	Text   string // the words that name it
	Code   string // CAMEO actor code: "KAZGOV", "IGOUNO", "---OPP"; "" when absent
	Entity string // linked entity id, "" for agent nouns
	// resolved marks an actor found outside its clause: a pronoun's or
	// "its leaders'" antecedent, or a recipient from the context.
	resolved bool
	// placed marks an agent whose country the words that name it do not
	// give: taken from where the event happened or from the article's
	// country ("police" in a story about Chile).
	placed bool
	// abroad marks an agent its words say is of another country than
	// the story's or the other party's, none named: "foreign banks",
	// "creditor banks", "Latin American leaders".
	abroad bool
	// venue marks the country of the place an act happened in, standing
	// for a target no words name ("protested in Beijing").
	venue bool
}

// Coder codes events. It is read-only and safe for concurrent use.
type Coder struct {
	dict *Dictionary
	kb   *kb.KB
}

// New returns a coder over a dictionary and a knowledge base.
func New(d *Dictionary, k *kb.KB) *Coder { return &Coder{dict: d, kb: k} }

// Dictionary returns the coder's dictionary.
func (c *Coder) Dictionary() *Dictionary { return c.dict }

// MayCode reports whether a sentence, its tokens tagged and lemmatised
// but not parsed, could yield an event: it is not written in capitals,
// and one of its tokens may trigger a pattern (Dictionary.MayTrigger) or
// it counts dead or injured with a numeral (a toll the sentence before's
// event may own). Only such sentences need the parse that coding reads;
// the others hold about a third of a news wire's words.
func (c *Coder) MayCode(sentence []text.Token) bool {
	if inCapitals(sentence) {
		return false
	}
	casualty, count := false, false
	for i := range sentence {
		if c.dict.MayTrigger(&sentence[i]) {
			return true
		}
		switch t := &sentence[i]; {
		case t.UPOS == "NUM" || !count && t.UPOS == "ADJ" && number(t.Form) > 0:
			count = true // "Eight people", tagged as an adjective
		case t.UPOS == "VERB" || t.UPOS == "ADJ":
			switch strings.ToLower(t.Lemma) {
			case "die", "injure", "wound", "hurt", "dead", "injured", "wounded":
				casualty = true
			}
		}
	}
	return casualty && count // "Eight people were injured"
}

// Code finds the events of a parsed document whose entities are linked
// (ents) and whose time expressions are resolved (exprs).
func (c *Coder) Code(doc *text.Document, ents []link.Entity, exprs []dates.Expression, published time.Time) []Event {
	out, _ := c.CodeContext(context.Background(), doc, ents, exprs, published) // never done
	return out
}

// CodeContext is Code that gives up, with no events, when ctx is done: it
// checks between sentences.
func (c *Coder) CodeContext(ctx context.Context, doc *text.Document, ents []link.Entity, exprs []dates.Expression, published time.Time) ([]Event, error) {
	if doc == nil || len(doc.Tokens) == 0 || !syntax.Parsed(doc) {
		return nil, ctx.Err()
	}
	if len(c.dict.discards) > 0 && c.dict.discarded(strings.ToUpper(doc.Text), true) {
		return nil, ctx.Err() // a story a PETRARCH discard phrase marks as not news of events
	}
	s := c.newState(doc, ents, exprs, published)
	var out []Event
	for si, sent := range doc.Sentences {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if shouted(doc, sent) {
			continue // an all-capitals headline: tags and parse are guesses there
		}
		if len(c.dict.discards) > 0 {
			if a, b := doc.Bytes(sent); c.dict.discarded(strings.ToUpper(doc.Text[a:b]), false) {
				continue // a sports result, a chronology: a PETRARCH discard phrase
			}
		}
		if s.hazardSentence(sent) {
			continue // "A storm forced authorities to close roads": nature and the response to it
		}
		for i := sent.Start; i < sent.End; i++ {
			out = s.codeTrigger(i, si, out)
		}
	}
	out = s.tolls(out)
	out = s.reported(out)
	out = slices.DeleteFunc(out, func(e Event) bool { return e.announced })
	out = s.visits(out)
	s.casualties(out)
	return dedupe(out), nil
}

// reported adds, for each act of force that someone is reported as saying
// happened ("Israel said a mortar bomb was fired at it from Gaza", "the
// US claimed that ISIL had attacked Iraq"), the statement as CAMEO codes
// it: the speaker accuses the perpetrator (112), or, when the speaker is
// the perpetrator, claims responsibility (015).
func (s *state) reported(evs []Event) []Event {
	n := len(evs)
	for j := 0; j < n; j++ {
		e := evs[j]
		if root(e.Code.Code) < 18 {
			continue // only violence reported by someone is an accusation
		}
		if e.agentless() {
			continue // "soldiers were killed ..., the army said": no one accused
		}
		if crime(e.Source.Code) {
			// "Police said gunmen opened fire": police, prosecutors or
			// officials telling of a crime report it; only a party to a
			// conflict accuses its enemy.
			continue
		}
		says := s.tree.Reporter(e.trigger)
		if says < 0 {
			continue
		}
		speakers := s.subjects(says, 0)
		code, target := "112", e.Source
		for _, sp := range speakers {
			if sp.Code == e.Source.Code || ownForces(sp.Code, e.Source.Code) {
				// The speaker did it: a claim of responsibility, made by
				// the perpetrator alone, when it claims or admits it ("the
				// US claimed that they had attacked") or says it will act
				// ("said they will attack", as PETRARCH codes it); "the
				// army said its troops killed six" reports the act, coded
				// already.
				code, target, speakers = "015", e.Target, []Actor{sp}
				switch s.lemma(says) {
				case "claim", "admit", "acknowledge":
				default:
					if !s.future(e.trigger) {
						speakers = nil // "said its troops killed": the act, already coded
					}
				}
				break
			}
		}
		if code == "112" && e.announced {
			continue // "said Ukraine will attack": a forecast, no one accused of an act
		}
		for _, sp := range speakers {
			if sp.Code == Unknown || sp.Code == target.Code {
				continue
			}
			cd := s.c.dict.describe(code)
			hs := s.tok(says)
			ev := e
			ev.Code, ev.Source, ev.Target, ev.Dead, ev.Injured, ev.announced = cd, sp, target, 0, 0, false
			ev.Trigger, ev.Pattern, ev.trigger = [2]int{hs.Start, hs.End}, "reported speech", says
			ev.Confidence = confidence(evidence{source: sp, target: target})
			evs = append(evs, ev)
		}
	}
	return evs
}

// crime reports an actor code of criminals or unidentified gunmen, whose
// violence the news tells as crime.
func crime(code string) bool {
	return strings.HasSuffix(code, "CRM") || strings.HasSuffix(code, "UAF")
}

// press reports an actor that is the press named by an agent noun
// ("reporters", "journalists"), not a named outlet.
func press(a Actor) bool { return a.Entity == "" && strings.HasSuffix(a.Code, "MED") }

// ownForces reports a state speaking of its own forces or government:
// "Iraq said its troops repelled an attack" (IRQ and IRQMIL) is one side
// reporting what it did, not an accusation.
func ownForces(speaker, doer string) bool {
	if len(speaker) < 3 || len(doer) < 3 || speaker[:3] != doer[:3] || strings.HasPrefix(speaker, Unknown) || strings.HasPrefix(speaker, "IGO") {
		return false
	}
	return stateActor(speaker) && stateActor(doer)
}

// visits adds the visit to a host who "received ministers from the
// Georgian government": the visitors the sentence says came from an
// actor (042 from 043). Otherwise a visit is coded once, as the sentence
// tells it: "hosted his counterparts" is the host's act, "arrived in
// Beijing for a visit" the visitor's.
func (s *state) visits(evs []Event) []Event {
	n := len(evs)
	for j := 0; j < n; j++ {
		e := evs[j]
		if e.Code.Code != "043" || e.Source.Code == Unknown || e.Target.Code == Unknown || e.Target.Code == "" {
			continue
		}
		if !s.cameFrom(e.trigger) {
			continue
		}
		ev := e
		ev.Code, ev.Source, ev.Target = s.c.dict.describe("042"), e.Target, e.Source
		ev.Confidence = confidence(evidence{derived: true, source: ev.Source, target: ev.Target})
		evs = append(evs, ev)
	}
	return evs
}

// cameFrom reports a hosting verb whose guests are named by where they
// came from: "received ministers from the government".
func (s *state) cameFrom(i int) bool {
	heads := []int{i}
	if o := s.object(i, false); o >= 0 {
		heads = append(heads, o)
	}
	for _, h := range heads {
		for _, k := range s.tree.Kids(h) {
			if syntax.RelIs(s.tok(int(k)).Deprel, "obl", "nmod") && s.prepOf(int(k)) == "from" {
				if _, ok := s.actor(int(k)); ok {
					return true
				}
			}
		}
	}
	return false
}

// dateline returns the end of a sentence's dateline, the token after its
// dash or colon, or sent.Start when it has none: a first word in
// capitals, then within twelve tokens a dash ("DAYTON, Ohio - ") or a
// colon ("GAZA CITY, Palestinian Territories: ").
func dateline(doc *text.Document, sent text.Span) int {
	first := doc.Tokens[sent.Start].Form
	if len(first) < 2 || strings.ToUpper(first) != first || strings.ToLower(first) == first {
		return sent.Start
	}
	for t := sent.Start + 1; t < sent.End && t < sent.Start+12; t++ {
		switch doc.Tokens[t].Form {
		case "-", "–", "—", "--", ":", "_":
			return t + 1 // "_": wire copy's dash, "CAIRO, Egypt (AP)_ "
		case ".", "!", "?":
			return sent.Start
		}
	}
	return sent.Start
}

// shouted reports a sentence written in capitals.
func shouted(doc *text.Document, sent text.Span) bool {
	return inCapitals(doc.Tokens[sent.Start:sent.End])
}

func inCapitals(sentence []text.Token) bool {
	letters, upper := 0, 0
	for _, t := range sentence {
		for _, r := range t.Form {
			switch {
			case r >= 'a' && r <= 'z':
				letters++
			case r >= 'A' && r <= 'Z':
				letters++
				upper++
			}
		}
	}
	return letters >= 8 && upper*10 >= letters*9
}

// state is what coding one document needs: the parse as child lists, the
// entity of each token, the article's country and place.
type state struct {
	c         *Coder
	doc       *text.Document
	ents      []link.Entity
	tokEntity []int32      // entity index per token, -1 when none, -2 in a dateline
	tree      *syntax.Tree // the parse as child lists
	// lowers and lemmas are each token's form and lemma in lower case,
	// made on first use and kept: the matching reads them many times.
	lowers, lemmas []string
	// tokMention is, per token with an entity, the index of the first of
	// that entity's mentions that covers it.
	tokMention []int32
	// timeTok marks the tokens inside a time expression.
	timeTok []bool
	// dated are the expressions with a full date; datedOrdered says their
	// starts and ends both ascend, so that dateOf may search them.
	dated        []datedExpr
	datedOrdered bool
	// placeIDs are the ids of the entities that are places.
	placeIDs map[string]bool
	// sentPlace caches the place that sentence sentPlaceOf names, which
	// all the events of a sentence ask for.
	sentPlaceOf text.Span
	sentPlace   string
	// lastOrg[t] is the entity of the last organisation named at or
	// before token t, -1 when none; made on first use.
	lastOrg []int32
	// countSpans maps a token to the COUNT and QUANTITY spans (indices
	// into doc.Entities) over it; made on first use.
	countSpans map[int][]int
	// amount marks the tokens inside MONEY and QUANTITY spans, made on
	// first use (measured).
	amount []bool
	// nameCodes caches each entity's code from the PETRARCH actor names.
	nameCodes map[string]string
	// resolving is set while a possessive pronoun's antecedent is being
	// coded, so that the antecedent's own phrase is not resolved again.
	resolving bool
	published time.Time
	country   string // alpha-3 of the country the article is about, "" when none stands out
	place     string // entity id of the article's main place
}

func (c *Coder) newState(doc *text.Document, ents []link.Entity, exprs []dates.Expression, published time.Time) *state {
	n := len(doc.Tokens)
	s := &state{c: c, doc: doc, ents: ents, published: published, tokEntity: make([]int32, n), tokMention: make([]int32, n),
		lowers: make([]string, n), lemmas: make([]string, n), placeIDs: map[string]bool{}}
	for i := range s.tokEntity {
		s.tokEntity[i] = -1
	}
	for ei, e := range ents {
		for mi, m := range e.Mentions {
			for t := m.Start; t < m.End && t < n; t++ {
				if s.tokEntity[t] != int32(ei) {
					s.tokMention[t] = int32(mi)
				}
				s.tokEntity[t] = int32(ei)
			}
		}
		if isPlace(&e) {
			s.placeIDs[e.ID] = true
		}
	}
	s.timeTok = make([]bool, n)
	for _, x := range exprs {
		// Tokens are in text order: the expression's first token is found
		// by binary search, so that a long document with many dates costs
		// no more than its tokens and dates.
		first, _ := slices.BinarySearchFunc(doc.Tokens, x.Start, func(t text.Token, start int) int { return cmp.Compare(t.Start, start) })
		for i := first; i < n && doc.Tokens[i].End <= x.End; i++ {
			s.timeTok[i] = true
		}
	}
	s.datedOrdered = true
	for _, x := range exprs {
		if len(x.Value) < 10 || x.Value[4] != '-' || x.Value[7] != '-' || strings.ContainsRune(x.Value[:10], 'X') {
			continue
		}
		if k := len(s.dated); k > 0 && (x.Start <= s.dated[k-1].start || x.End <= s.dated[k-1].end) {
			s.datedOrdered = false
		}
		s.dated = append(s.dated, datedExpr{x.Start, x.End, x.Value[:10]})
	}
	s.doc = clausesRepaired(doc)
	s.tree = syntax.New(s.doc)
	// A dateline ("DAYTON, Ohio, March 2 - ") says where the story was
	// filed, not who acted: its words are no actors.
	for _, sent := range doc.Sentences {
		if end := dateline(doc, sent); end > sent.Start {
			for t := sent.Start; t < end; t++ {
				s.tokEntity[t] = -2
			}
		}
	}
	// The article's country: the country named most often (places count
	// for their country), if it is named at least twice; its main place:
	// the most salient place.
	counts := map[string]int{}
	for _, e := range ents {
		if !e.Linked() || !isPlace(&e) && e.Entry.Kind != kb.KindDemonym {
			continue
		}
		if s.place == "" {
			s.place = e.ID
		}
		if cc := e.Entry.Country; cc != "" {
			counts[cc] += len(e.Mentions)
		}
	}
	best := 1
	for cc, k := range counts {
		if k > best || k == best && cc < s.country && s.country != "" {
			s.country, best = cc, k
		}
	}
	return s
}

// clausesRepaired returns the document with one parser error undone: a
// sentence whose verb was read as a participle modifying its object, so
// that it has no verb at its root ("Norway invited negotiators from both
// sides", "The Qatari government invited delegates to talks"). A noun
// right before the "participle" is its subject: an adjectival participle
// follows a determiner or an adjective ("the invited delegates"). The
// input is not changed; a repaired document is a copy.
func clausesRepaired(doc *text.Document) *text.Document {
	var toks []text.Token
	for _, sent := range doc.Sentences {
		r := -1
		for t := sent.Start; t < sent.End; t++ {
			if doc.Tokens[t].Head < 0 {
				r = t
				break
			}
		}
		if r < 0 {
			continue
		}
		if u := doc.Tokens[r].UPOS; u != "NOUN" && u != "PROPN" {
			continue
		}
		for v := sent.Start + 1; v < sent.End; v++ {
			tv := &doc.Tokens[v]
			if tv.UPOS == "VERB" && tv.Deprel == "acl" && tv.Head == r && r < v && !hasAux(doc, sent, r) {
				// "Omani mediators persuaded Yemen's rebels to ...": a
				// participle with a direct object of its own is the verb
				// of the clause its "head" is the subject of.
				obj := -1
				for t := v + 1; t < sent.End; t++ {
					if doc.Tokens[t].Head == v && doc.Tokens[t].Deprel == "obj" {
						obj = t
					}
				}
				if obj < 0 || doc.Tokens[v-1].UPOS != "NOUN" && doc.Tokens[v-1].UPOS != "PROPN" {
					continue
				}
				if toks == nil {
					toks = slices.Clone(doc.Tokens)
				}
				toks[v].Head, toks[v].Deprel = -1, "root"
				toks[r].Head, toks[r].Deprel = v, "nsubj"
				for t := v + 1; t < sent.End; t++ {
					if toks[t].Head == r {
						toks[t].Head = v
					}
				}
				break
			}
			if tv.UPOS != "VERB" || tv.Deprel != "amod" || tv.Head <= v {
				continue
			}
			// the words between are the object's: "killed four Ukrainian
			// civilians", "shot dead three gang members"
			h, between := tv.Head, true
			for t := v + 1; t < h; t++ {
				if doc.Tokens[t].Head != h && doc.Tokens[t].Head <= v || doc.Tokens[t].Head >= sent.End {
					between = false
				}
			}
			if !between {
				continue
			}
			prev := doc.Tokens[v-1]
			if prev.UPOS != "NOUN" && prev.UPOS != "PROPN" {
				continue
			}
			sj := v - 1
			for n := 0; n < 6 && doc.Tokens[sj].Head >= sent.Start && doc.Tokens[sj].Head < v; n++ {
				sj = doc.Tokens[sj].Head
			}
			if hasAux(doc, sent, r) || (r != h && r != sj) {
				continue
			}
			if doc.Tokens[sj].Head != h && doc.Tokens[sj].Head != -1 {
				continue
			}
			if toks == nil {
				toks = slices.Clone(doc.Tokens)
			}
			toks[v].Head, toks[v].Deprel = -1, "root"
			toks[sj].Head, toks[sj].Deprel = v, "nsubj"
			toks[h].Head, toks[h].Deprel = v, "obj"
			for t := v + 1; t < sent.End; t++ {
				// what follows the verb is the verb's: its obliques, a
				// verb coordinated with it ("and wounded 20 others") and
				// the final stop ("Norway invited negotiators to talks")
				if t != h && toks[t].Head == r && (r == sj || toks[t].Deprel == "punct") {
					toks[t].Head = v
				}
				if t > h && toks[t].Head == h && toks[t].Deprel == "conj" && toks[t].UPOS == "VERB" {
					toks[t].Head = v
				}
			}
			break
		}
	}
	if toks == nil {
		return doc
	}
	cp := *doc
	cp.Tokens = toks
	return &cp
}

// hasAux reports a copula or auxiliary on token r: a nominal predicate
// ("is a threat"), which has no verb to find.
func hasAux(doc *text.Document, sent text.Span, r int) bool {
	for t := sent.Start; t < sent.End; t++ {
		if doc.Tokens[t].Head == r && (doc.Tokens[t].Deprel == "cop" || doc.Tokens[t].Deprel == "aux") {
			return true
		}
	}
	return false
}

func (s *state) tok(i int) *text.Token { return &s.doc.Tokens[i] }

func (s *state) lemma(i int) string {
	if s.lemmas[i] == "" {
		s.lemmas[i] = s.lower(i)
		if l := s.tok(i).Lemma; l != "" {
			s.lemmas[i] = strings.ToLower(l)
		}
		if s.tok(i).UPOS == "VERB" && !s.c.dict.known(s.lemmas[i], false) {
			// "shot" lemmatised "shet", "persuaded" "persuad"
			if l := s.c.dict.guessLemma(s.lower(i), func(l string) bool { return s.c.dict.known(l, false) }); l != "" {
				s.lemmas[i] = l
			}
		}
	}
	return s.lemmas[i]
}

func (s *state) lower(i int) string {
	if s.lowers[i] == "" {
		s.lowers[i] = strings.ToLower(s.tok(i).Form)
	}
	return s.lowers[i]
}

// prepOf returns the lower-cased preposition (case child) of a nominal.
func (s *state) prepOf(i int) string {
	if k := s.tree.Case(i); k >= 0 {
		return s.lower(k)
	}
	return ""
}

func (s *state) passive(i int) bool {
	return s.tree.Child(i, "nsubj:pass", "aux:pass") >= 0 || s.participle(i)
}

// question reports a verb of asking whose complement is a question: a
// clause opened by "whether", "if" or a wh-word, or what it is "about".
func (s *state) question(i int) bool {
	for _, k := range s.tree.Kids(i) {
		switch rel := s.tok(int(k)).Deprel; {
		case syntax.RelIs(rel, "obl") && s.prepOf(int(k)) == "about":
			return true
		case syntax.RelIs(rel, "ccomp", "advcl"):
			for _, c := range s.tree.Kids(int(k)) {
				if int(c) > int(k) {
					break
				}
				switch s.lower(int(c)) {
				case "whether", "if", "when", "why", "how", "where", "what", "who", "which":
					return true
				}
			}
		}
	}
	return false
}

// forceMeans are the classes of what a passive's agent may be when it is
// no actor and the verb is force: "blown up by a missile" was done by
// someone; "hit by currency appreciation" was done by no one.
var forceMeans = []string{"&WEAPON", "&ARTILLERY", "&AERIAL", "&SMALLARMS", "&EXPLOSIVE", "&RIOTGEAR",
	"&MELEE", "&CHEMWEAPON", "&MISSILE", "&MILACTION", "&OFFENSIVE", "&FORCE", "&TROOPS", "&POLICE"}

// thingAgent reports a passive whose "by" agent is neither an actor nor a
// means of force.
func (s *state) thingAgent(i int) bool {
	k := s.byAgent(i)
	if k < 0 || len(s.actors(k)) > 0 {
		return false
	}
	for _, c := range forceMeans {
		if s.lemmaIn(k, s.c.dict.classes[c]) {
			return false
		}
	}
	return true
}

// byAgent returns verb i's first oblique with "by" (a passive's agent), or -1.
func (s *state) byAgent(i int) int {
	for _, k := range s.tree.Obliques(i) {
		if s.prepOf(k) == "by" {
			return k
		}
	}
	return -1
}

// participle reports a past participle modifying a noun ("soldiers killed
// in Ukraine", "civilians imprisoned for ..."): the noun is what the verb
// was done to.
func (s *state) participle(i int) bool {
	t := s.tok(i)
	if !syntax.RelIs(t.Deprel, "acl") || t.XPOS != "VBN" || t.Head < 0 {
		return false
	}
	for _, k := range s.tree.Kids(i) {
		if syntax.RelIs(s.tok(int(k)).Deprel, "obj") {
			return false // "people seized buildings" misread as a modifier
		}
	}
	if h := s.tok(t.Head); h.Deprel == "root" && h.UPOS == "NOUN" && s.prose(i) {
		// A sentence of prose has a main verb: "Kenya's opposition
		// coalition called on the government ..." read as a noun with a
		// modifier is the parser's error.
		return false
	}
	return true
}

// prose reports whether the sentence of token i ends with a full stop,
// as prose does and headlines do not.
func (s *state) prose(i int) bool {
	sent, ok := s.doc.SentenceOf(i)
	return ok && sent.End > sent.Start && s.tok(sent.End-1).Form == "."
}

// future reports a verb in the future or the conditional: "will free",
// "would free".
func (s *state) future(i int) bool {
	for _, k := range s.tree.Kids(i) {
		if s.tok(int(k)).Deprel == "aux" {
			switch s.lower(int(k)) {
			case "will", "would", "shall", "'ll":
				return true
			}
		}
	}
	return false
}

// planned reports a meeting or visit yet to happen: a noun a word marks
// as coming ("the next meeting", "a planned visit"), or a verb (a noun's,
// the verb it depends on) not in a past tense whose date is after the
// publication date ("meet in Geneva from tomorrow", "talks will resume
// on Monday"). A bare "will meet" is left 04x, as PETRARCH's validation
// records code it ("will meet in Zurich" 040).
func (s *state) planned(i int, noun bool, date string) bool {
	if noun {
		for _, k := range s.tree.Kids(i) {
			switch s.lower(int(k)) {
			case "next", "upcoming", "forthcoming", "planned", "proposed", "scheduled":
				return true // "the next meeting", "a planned visit"
			}
		}
	}
	v := i
	for n := 0; noun && v >= 0 && s.tok(v).UPOS != "VERB" && n < 3; n++ {
		v = s.tok(v).Head
	}
	if v < 0 || s.tok(v).UPOS != "VERB" {
		return false
	}
	if s.tok(v).XPOS == "VBD" || s.perfect(v) || s.published.IsZero() || len(date) < 10 {
		return false // "met on Monday": held
	}
	return date > s.published.Format("2006-01-02")
}

// told reports a verb told as done: in a past or perfect tense, or a
// gerund of a clause that is ("consulted Uganda before signing"), as
// against one yet to come ("before workers go on strike", "must settle
// its budget before negotiating").
func (s *state) told(v int) bool {
	past := func(v int) bool { return s.tok(v).XPOS == "VBD" || s.perfect(v) }
	if past(v) {
		return true
	}
	if h := s.tok(v).Head; s.tok(v).XPOS == "VBG" && h >= 0 && s.tok(h).UPOS == "VERB" {
		return past(h)
	}
	return false
}

// anonymity reports a verb of asking whose complement is not being
// named: "who asked not to be identified", "requested not to be quoted".
func (s *state) anonymity(i int) bool {
	switch s.lemma(i) {
	case "ask", "request":
	default:
		return false
	}
	if k := i + 4; k < len(s.doc.Tokens) && s.lower(i+1) == "not" && s.lower(i+2) == "to" && s.lower(i+3) == "be" && slices.Contains([]string{"identify", "name", "quote"}, s.lemma(k)) {
		return true // "asked not to be identified", wherever the parser hangs it
	}
	// The parser hangs the complement as xcomp, advcl or even iobj.
	for _, k := range s.tree.Kids(i) {
		x := int(k)
		if s.tok(x).UPOS == "VERB" && s.tree.Child(x, "mark") >= 0 && s.lemmaIn(x, []string{"identify", "name", "quote"}) && s.negated(x) {
			return true
		}
	}
	return false
}

// contentClause reports a noun that a "that" clause says the content of:
// "the position that its surplus will shrink", "the claim that".
func (s *state) contentClause(o int) bool {
	if n := o + 1; n < len(s.doc.Tokens) && s.lower(n) == "that" && s.tok(o).XPOS == "NN" && s.lemmaIn(o, []string{"position", "view", "stance", "line"}) {
		return true // "the position that countries ...", however it is parsed
	}
	for _, k := range s.tree.Kids(o) {
		if !syntax.RelIs(s.tok(int(k)).Deprel, "acl", "ccomp") {
			continue
		}
		if m := s.tree.Child(int(k), "mark"); m >= 0 && s.lower(m) == "that" {
			return true
		}
	}
	return false
}

// perfect reports a verb in a perfect tense: "have met", "had visited".
func (s *state) perfect(v int) bool {
	for _, k := range s.tree.Kids(v) {
		if t := s.tok(int(k)); t.Deprel == "aux" && strings.EqualFold(t.Lemma, "have") {
			return true
		}
	}
	return false
}

// possible reports a verb whose auxiliary says it may happen or may have
// happened: "may demand", "might attack", "may have refused".
func (s *state) possible(i int) bool {
	for _, k := range s.tree.Kids(i) {
		if s.tok(int(k)).Deprel == "aux" {
			switch s.lower(int(k)) {
			case "may", "might":
				return true
			}
		}
	}
	return false
}

// conditional reports an act told only under a condition: one in the
// conditional ("would attack") with an if or unless clause of its own,
// or one inside an if or unless clause, or an until or before clause not
// told as past, above it ("until sanctions force Iraq to withdraw",
// "if diplomacy fails to make Iraq expel them"). The act's own clause is
// left to the caller's mark checks.
func (s *state) conditional(i int) bool {
	would := false
	for _, k := range s.tree.Kids(i) {
		if s.tok(int(k)).Deprel == "aux" && s.lower(int(k)) == "would" {
			would = true
		}
	}
	if would {
		for _, k := range s.tree.Kids(i) {
			if !syntax.RelIs(s.tok(int(k)).Deprel, "advcl") {
				continue
			}
			if m := s.tree.Child(int(k), "mark"); m >= 0 && (s.lower(m) == "if" || s.lower(m) == "unless") {
				return true
			}
		}
	}
	// Up through infinitives and complements to the clause that holds
	// them, at most a few levels; the parser may hang an if clause as a
	// complement ("would resume if donors persuaded Sudan to release").
	v := i
	for n := 0; n < 4; n++ {
		rel := s.tok(v).Deprel
		if !syntax.RelIs(rel, "xcomp", "ccomp", "advcl") || s.tok(v).Head < 0 {
			return false
		}
		if m := s.tree.Child(v, "mark"); m >= 0 && syntax.RelIs(rel, "advcl", "ccomp") {
			switch s.lower(m) {
			case "if", "unless":
				return true
			case "until", "before":
				return v != i && !s.told(v)
			}
			if syntax.RelIs(rel, "advcl") {
				return false
			}
		}
		v = s.tok(v).Head
	}
	return false
}

// refused reports a negated act that is a refusal: one an actor says it
// will not or would not do ("would not provide support", "won't meet"),
// not one that has simply not happened ("have not withdrawn").
func (s *state) refused(i int) bool {
	for _, k := range s.tree.Kids(i) {
		if t := s.tok(int(k)); syntax.RelIs(t.Deprel, "aux") {
			switch s.lower(int(k)) {
			case "did", "do", "does", "have", "has", "had", "was", "were", "is", "are", "been", "be":
			default:
				return true // will, would, can, could, shall, should, wo
			}
		}
	}
	return false
}

// noIntent reports an act that a negated intent noun governs: "had no
// plans to meet", "has no intention of attacking". Saying one does not
// mean to is neither the act nor a refusal of anything proposed.
func (s *state) noIntent(i int) bool {
	t := s.tok(i)
	if !syntax.RelIs(t.Deprel, "acl", "xcomp") || t.Head < 0 {
		return false
	}
	noun := t.Head
	if s.tok(noun).UPOS == "VERB" {
		noun = s.tree.Child(noun, "obj")
	}
	if noun < 0 || !s.lemmaIn(noun, []string{"plan", "intention", "intent", "desire", "wish", "interest", "appetite"}) {
		return false
	}
	d := s.tree.Child(noun, "det")
	return d >= 0 && s.lower(d) == "no"
}

func (s *state) negated(i int) bool {
	if s.ownNegation(i) {
		return true
	}
	t := s.tok(i)
	if h := t.Head; h >= 0 && s.tok(h).UPOS == "VERB" && s.ownNegation(h) {
		switch {
		case t.Deprel == "xcomp" && s.lemmaIn(h, []string{"have", "need", "manage", "dare", "bother"}):
			return true // "did not have to admit", "did not need to ask"
		case syntax.RelIs(t.Deprel, "conj"):
			if c := s.tree.Child(i, "cc"); c >= 0 && (s.lower(c) == "or" || s.lower(c) == "nor") {
				return true // "not promoted by Brazil or defended by Peru"
			}
		}
	}
	for _, k := range s.tree.Kids(i) {
		if syntax.RelIs(s.tok(int(k)).Deprel, "nsubj") {
			if c := s.tree.Child(int(k), "cc:preconj"); c >= 0 && s.lower(c) == "neither" {
				return true // "neither Kenya nor Uganda accused"
			}
		}
	}
	return false
}

// ownNegation reports a negation of verb i itself: "did not attack",
// "never met", "had no plans to meet".
func (s *state) ownNegation(i int) bool {
	// "had no plans to meet", "has no intention of attacking": the noun
	// the verb completes is negated
	if t := s.tok(i); syntax.RelIs(t.Deprel, "acl", "xcomp") && t.Head >= 0 {
		noun := t.Head
		if s.tok(noun).UPOS == "VERB" {
			noun = s.tree.Child(noun, "obj") // "had no plans | to meet", as the parser hangs it
		}
		if noun >= 0 && s.tok(noun).UPOS == "NOUN" {
			if d := s.tree.Child(noun, "det"); d >= 0 && s.lower(d) == "no" {
				return true
			}
		}
	}
	for _, k := range s.tree.Kids(i) {
		t := s.tok(int(k))
		if t.Deprel == "advmod" || t.Deprel == "neg" || t.Deprel == "aux" || t.Deprel == "det" {
			switch strings.ToLower(t.Form) {
			case "not", "n't", "never", "no":
				return true
			}
		}
	}
	return false
}

// match finds the most specific pattern of a trigger that holds.
func (s *state) match(i int, noun bool) (Pattern, bool) {
	lemma := s.lemma(i)
	if !noun && !s.c.dict.known(lemma, false) {
		// an irregular form the lemmatiser left as it is, which a
		// PETRARCH verb dictionary lists ("sped" of "speed")
		if l, ok := s.c.dict.forms[s.lower(i)]; ok {
			lemma = l
		} else if l := s.c.dict.guessLemma(s.lower(i), func(l string) bool { return s.c.dict.known(l, false) }); l != "" {
			lemma = l // "shelled" left as "shel"
		}
	}
	if !s.c.dict.known(lemma, noun) && len(lemma) > 3 && strings.HasPrefix(lemma, "re-") {
		// "re-examine", "re-impose": the verb done again is the same event.
		lemma = lemma[3:]
	}
	var keys [3]string
	nk := 0
	if noun {
		keys[nk] = "n:" + lemma
		nk++
		if f := s.lower(i); f != lemma {
			keys[nk] = "n:" + f
			nk++
		}
	} else {
		if p := s.tree.Child(i, "compound:prt"); p >= 0 {
			keys[nk] = lemma + " " + s.lower(p)
			nk++
		} else if p := i + 1; p < len(s.doc.Tokens) && s.tok(p).Head == i && s.tok(p).Deprel == "advmod" && (s.tok(p).UPOS == "ADV" || s.tok(p).UPOS == "ADP") {
			// "walked out", "backed down": a particle the parser read as
			// an adverb
			keys[nk] = lemma + " " + s.lower(p)
			nk++
		} else if p := s.particleCase(i); p >= 0 {
			keys[nk] = lemma + " " + s.lower(p)
			nk++
		}
		if nk == 1 && strings.HasSuffix(keys[0], " away") {
			// "backed away from", "shied away from": "away" makes
			// another verb, which is coded only as itself
			return s.matchKeys(i, noun, keys[:nk])
		}
		keys[nk] = lemma
		nk++
	}
	return s.matchKeys(i, noun, keys[:nk])
}

// matchKeys finds the first pattern of the trigger keys, in order, that
// holds at token i.
func (s *state) matchKeys(i int, noun bool, keys []string) (Pattern, bool) {
	for _, key := range keys {
		for _, p := range s.c.dict.patterns[key] {
			if s.holds(i, &p, noun) {
				if p.Null {
					return Pattern{}, false // this use of the verb codes nothing
				}
				return p, true
			}
		}
	}
	return Pattern{}, false
}

// object returns the direct object of a verb trigger: the passive subject
// for a passive ("troops were sent").
func (s *state) object(i int, noun bool) int {
	if noun {
		return -1
	}
	if o := s.tree.Child(i, "obj", "dobj", "iobj"); o >= 0 {
		return s.measured(o)
	}
	for _, k := range s.tree.Kids(i) {
		if int(k) > i && syntax.RelIs(s.tok(int(k)).Deprel, "obl") {
			if c := s.tree.Case(int(k)); c > i && (s.notPreposition(c) || c == s.particleCase(i) && s.tok(c).XPOS == "RP") {
				return int(k) // "fired tear gas": "tear" tagged as a preposition
			}
			break
		}
	}
	if s.participle(i) {
		return s.tok(i).Head
	}
	if s.passive(i) {
		return s.tree.Child(i, "nsubj:pass")
	}
	return -1
}

func (s *state) holds(i int, p *Pattern, noun bool) bool {
	if p.Object != nil || p.ObjectPhrases != nil || p.ObjectActor || p.Predicate != nil {
		o := s.object(i, noun)
		if o < 0 {
			return false
		}
		if p.Object != nil || p.ObjectPhrases != nil {
			if !s.wordIn(o, p.Object, p.ObjectPhrases) {
				return false
			}
		}
		// "called Macron a friend": the object is named something, not
		// reached; only a pattern on what it is named holds.
		pr := s.predicate(i, o)
		if p.Predicate == nil && pr >= 0 {
			return false
		}
		if p.Predicate != nil && (pr < 0 || !s.predicated(pr, p.Predicate)) {
			return false
		}
	}
	if p.Subject != nil || p.SubjectPhrases != nil {
		sj := s.tree.Child(i, "nsubj", "nsubj:pass")
		if sj < 0 || !s.wordIn(sj, p.Subject, p.SubjectPhrases) {
			return false
		}
	}
	if p.ObjectActor {
		o := s.object(i, noun)
		if _, ok := s.actor(o); !ok {
			return false
		}
		if !noun && s.passive(i) && s.byAgent(i) < 0 {
			return false // "police were called": by no one named
		}
	}
	for _, ob := range p.Obliques {
		if !s.hasOblique(i, noun, &ob) {
			return false
		}
	}
	if len(p.TargetPreps) > 0 {
		// "withdrew >from" an actor or a place: not from Wimbledon
		k := s.targetOblique(i, p.TargetPreps)
		if k < 0 {
			return false
		}
		if _, ok := s.actor(k); !ok {
			return false
		}
	}
	if len(p.SourcePreps) > 0 && s.targetOblique(i, p.SourcePreps) < 0 {
		return false
	}
	return true
}

// predicate returns what verb i names its object o ("called Macron a
// friend"), -1 when nothing. The parser hangs the predicate on the verb
// after the object, as xcomp, obl:unmarked or a second object.
func (s *state) predicate(i, o int) int {
	if o < 0 || s.tok(i).UPOS != "VERB" {
		return -1
	}
	for _, k := range s.tree.Kids(i) {
		t := s.tok(int(k))
		if int(k) <= o || s.temporal(int(k)) {
			continue
		}
		if t.Deprel == "xcomp" || t.Deprel == "obl:unmarked" || t.Deprel == "obj" || t.Deprel == "iobj" {
			if s.tree.Child(int(k), "mark", "case") >= 0 {
				continue // "sent aid to flood-hit Pakistan": no name but a clause
			}
			switch t.UPOS {
			case "NOUN", "PROPN", "ADJ", "PRON":
				return int(k)
			}
		}
	}
	// ... or on the object: "branded the ambassador a liar"
	for _, k := range s.tree.Kids(o) {
		if t := s.tok(int(k)); int(k) > o && t.Deprel == "nmod:unmarked" && (t.UPOS == "NOUN" || t.UPOS == "ADJ") && !s.temporal(int(k)) {
			return int(k)
		}
	}
	return -1
}

// predicated reports whether the predicate at k, or a word modifying it
// ("a war criminal", "a true friend"), has one of the lemmas.
func (s *state) predicated(k int, lemmas []string) bool {
	if s.lemmaIn(k, lemmas) {
		return true
	}
	for _, m := range s.tree.Kids(k) {
		if syntax.RelIs(s.tok(int(m)).Deprel, "amod", "compound") && s.lemmaIn(int(m), lemmas) {
			return true
		}
	}
	return false
}

// lemmaIn reports whether token i (or a conjunct of it) has one of the
// lemmas, by lemma or lower-cased form.
func (s *state) lemmaIn(i int, lemmas []string) bool {
	l, f := s.lemma(i), s.lower(i)
	if slices.Contains(lemmas, l) || slices.Contains(lemmas, f) {
		return true
	}
	for _, k := range s.tree.Kids(i) {
		if s.tok(int(k)).Deprel == "conj" {
			kl, kf := s.lemma(int(k)), s.lower(int(k))
			if slices.Contains(lemmas, kl) || slices.Contains(lemmas, kf) {
				return true
			}
		}
	}
	return false
}

// hasOblique reports whether trigger i has the prepositional phrase ob
// asks for: its own, or, for a verb, its object's, where the parser often
// hangs it ("asked for the lifting of immunity").
func (s *state) hasOblique(i int, noun bool, ob *Oblique) bool {
	for _, k := range s.tree.Obliques(i) {
		if s.prepOf(k) == ob.Prep && (ob.any() || s.wordIn(k, ob.Lemmas, ob.Phrases)) {
			return true
		}
	}
	if noun {
		return false
	}
	if o := s.tree.Child(i, "obj"); o >= 0 {
		for _, k := range s.tree.Obliques(o) {
			if s.prepOf(k) == ob.Prep && (ob.any() || s.wordIn(k, ob.Lemmas, ob.Phrases)) {
				return true
			}
		}
	}
	return false
}

// wordIn reports whether token i is one of lemmas (as lemmaIn) or one of
// phrases: its head, with each of the phrase's modifiers among the words
// that depend on it before it ("financial aid", "armed forces").
func (s *state) wordIn(i int, lemmas []string, phrases []Phrase) bool {
	if lemmas != nil && s.lemmaIn(i, lemmas) {
		return true
	}
	if len(phrases) == 0 {
		return false
	}
	l, f := s.lemma(i), s.lower(i)
	for _, ph := range phrases {
		if ph.Head != l && ph.Head != f {
			continue
		}
		all := true
		for _, m := range ph.Mods {
			found := false
			for _, k := range s.tree.Kids(i) {
				if int(k) < i && (s.lemma(int(k)) == m || s.lower(int(k)) == m) {
					found = true
					break
				}
			}
			if !found {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// targetOblique returns the oblique of trigger i introduced by one of
// preps, -1 when none. A time ("on Tuesday", "in March") is no one that an
// event is done to: "called Erdogan on Tuesday" is not "called on".
func (s *state) targetOblique(i int, preps []string) int {
	if len(preps) == 0 {
		return -1
	}
	for _, k := range s.tree.Obliques(i) {
		if slices.Contains(preps, s.prepOf(k)) && !s.temporal(k) {
			return k
		}
	}
	if k := s.adjectivalOblique(i, preps); k >= 0 {
		return k
	}
	// "fired batteries at Russia": the parser often hangs the phrase on
	// the object instead of the verb.
	if s.tok(i).UPOS == "VERB" {
		if o := s.tree.Child(i, "obj"); o >= 0 {
			for _, k := range s.tree.Obliques(o) {
				if slices.Contains(preps, s.prepOf(k)) && !s.temporal(k) {
					return k
				}
			}
			if k := s.adjectivalOblique(o, preps); k >= 0 {
				return k
			}
		}
	}
	return -1
}

// adjectivalOblique returns the noun of a prepositional phrase of word i
// whose participle adjective the parser read as a gerund clause: in
// "fired tear gas at striking dock workers" the phrase is "at ... workers",
// parsed as the clause "at striking [obj] workers"; -1 when none.
func (s *state) adjectivalOblique(i int, preps []string) int {
	for _, k := range s.tree.Kids(i) {
		if int(k) > i && s.gerundAsAdjective(int(k)) && slices.Contains(preps, s.lower(int(k)-1)) {
			return s.tree.Child(int(k), "obj")
		}
	}
	return -1
}

// preposition lists the English prepositions that open a phrase the
// parser may hang a participle adjective on.
var preposition = map[string]bool{
	"at": true, "on": true, "against": true, "to": true, "with": true, "for": true, "from": true,
	"into": true, "towards": true, "toward": true, "upon": true, "among": true, "by": true, "of": true,
}

// notPreposition reports a "case" word that is no preposition: the
// tagger's error on a noun compound ("fired tear gas" with "tear" read
// as a preposition), whose phrase is the verb's object.
// particleCase returns the particle right after verb i that the parser
// made the case of the noun after it ("Union Calls Off Strike": "off"
// attached as a preposition), -1 when there is none.
func (s *state) particleCase(i int) int {
	p := i + 1
	if p >= len(s.doc.Tokens) || s.tok(p).Deprel != "case" || s.tok(p).XPOS != "RP" && !syntax.Particle(s.lower(p)) {
		return -1
	}
	if h := s.tok(p).Head; h > p && s.tok(h).Head == i && syntax.RelIs(s.tok(h).Deprel, "obl") {
		return p
	}
	return -1
}

func (s *state) notPreposition(c int) bool {
	t := s.tok(c)
	return t.UPOS == "ADP" && t.XPOS == "IN" && strings.ToLower(t.Form) == s.lower(c) && !englishPrepositions[s.lower(c)]
}

// englishPrepositions is the closed class of single-word English prepositions.
var englishPrepositions = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`aboard about above across after against ahead along alongside amid amidst among amongst
	around as astride at atop before behind below beneath beside besides between beyond but by concerning considering
	despite down during except excluding following for from in inside into like minus near next notwithstanding of off
	on onto opposite out outside over past per plus regarding round save since than through throughout till to toward
	towards under underneath unlike until unto up upon versus via vs. with within without worth because whether if that
	while though although unless once so whereas`) {
		englishPrepositions[w] = true
	}
}

// temporal reports a token that names a time: inside a time expression,
// or a day, month or other time noun (when the dates were not given).
func (s *state) temporal(k int) bool {
	return s.timeTok[k] || timeNouns[s.lemma(k)]
}

// timeNouns are the heads of time expressions.
var timeNouns = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"day": true, "week": true, "weekend": true, "month": true, "year": true, "morning": true, "afternoon": true,
	"evening": true, "night": true, "today": true, "tonight": true, "yesterday": true, "tomorrow": true,
}

// codeTrigger codes the events of token i, if it is a trigger.
func (s *state) codeTrigger(i, si int, out []Event) []Event {
	t := s.tok(i)
	var noun bool
	switch t.UPOS {
	case "VERB":
		if syntax.RelIs(t.Deprel, "amod") || s.gerundAsAdjective(i) {
			return out // a participle as an adjective, "striking workers", names no act
		}
	case "NOUN", "PROPN":
		noun = true
		// "endorsed an agreement", "held talks": the verb's event
		// covers the noun when the verb is a trigger itself.
		if syntax.RelIs(t.Deprel, "obj") && t.Head >= 0 && s.tok(t.Head).UPOS == "VERB" {
			if _, ok := s.match(t.Head, false); ok {
				return out
			}
		}
		// "arrested 15 Palestinians in overnight raids": the noun says
		// how or when the verb's event happened, not another one.
		if v := t.Head; syntax.RelIs(t.Deprel, "obl", "nmod") && v >= 0 {
			if s.tok(v).UPOS != "VERB" && syntax.RelIs(s.tok(v).Deprel, "obj") {
				v = s.tok(v).Head // "detained 30 migrants | in raids", as the parser hangs it
			}
			if c := s.tree.Case(i); v >= 0 && s.tok(v).UPOS == "VERB" && c >= 0 && (s.lower(c) == "in" || s.lower(c) == "during") {
				if _, ok := s.match(v, false); ok {
					return out
				}
			}
		}
	default:
		return out
	}
	p, ok := s.match(i, noun)
	if !noun && s.labourStrike(i) {
		p, ok = Pattern{Code: "143", Trigger: "strike", Line: "coder: a strike by workers"}, true
	}
	if ok && !noun && len(p.Code) == 3 && strings.HasSuffix(p.Code, "0") {
		// "killed six rebels in a firefight": the manner noun says which
		// kind of the verb's general act it was (193).
		if q, found := s.mannerNoun(i); found && root(q.Code) == root(p.Code) {
			p.Code = q.Code
		}
	}
	if ok && !noun && p.Code == "150" && s.jointExercise(i) {
		p.Code, p.Line = "062", p.Line+" (coder: held jointly)"
	}
	if ok && !noun && root(p.Code) == 14 && s.officialProtest(i) {
		p = Pattern{Code: "114", Trigger: s.lemma(i), Line: "coder: a state's protest at something"}
	}
	// threatened is the act a threat verb without a pattern of its own
	// says its subject will do, when that act codes nothing itself
	// ("threatened to block exports", "warned Manila it would respond"):
	// the codebook's threat not otherwise specified (130).
	threatened := -1
	if !ok && !noun {
		// A clause needs the one warned for its act to be a threat when
		// it codes nothing itself: "officials warned it would take years"
		// is a forecast.
		if x := s.threatened(i); x >= 0 && (s.tok(x).Deprel == "xcomp" || s.tree.Child(i, "iobj", "obj") >= 0) {
			if _, coded := s.match(x, false); !coded {
				p, ok, threatened = Pattern{Code: "130", Trigger: s.lemma(i), Line: "coder: threat of an act no pattern codes"}, true, x
			}
		}
	}
	if !ok {
		return out
	}
	code := p.Code
	if !noun && s.tollOf(i) {
		return out // "..., killing four officers": the toll of the act it follows
	}
	if !noun && s.lemma(i) == "ask" && s.question(i) {
		return out // "asked by reporters whether ...": a question, not an appeal
	}
	if !noun && s.anonymity(i) {
		return out // "who asked not to be named": a source kept unnamed, no appeal
	}
	if !noun && s.provided(i, s.doc.Sentences[si].Start) {
		return out // "ready for a ceasefire, provided the army ends its assaults": a condition
	}
	if !noun && root(code) >= 18 && s.passive(i) && s.byAgent(i) < 0 && s.accidental(i) {
		return out // "killed in a car crash": an accident, no one's force
	}
	if !noun && root(code) == 5 && (t.Deprel == "acl" && t.XPOS == "VBG" || t.Deprel == "acl:relcl" && (t.XPOS == "VBP" || t.XPOS == "VBZ")) {
		// "forces backing Ouattara seized ...", "troops, who support
		// the Ouattara camp, took ...": whose side they are on, no act
		// of support
		return out
	}
	if !noun && syntax.RelIs(t.Deprel, "advcl", "acl") {
		for _, k := range s.tree.Kids(i) {
			if s.tok(int(k)).Deprel != "mark" {
				continue
			}
			switch s.lower(int(k)) {
			case "if", "unless":
				return out // "if the government did not withdraw the law": a condition, not an event
			case "for", "of":
				return out // "jailed for helping militants": the charge, not an event
			case "to":
				if s.persuaded(i) {
					break // "persuaded the rebels to release": what they then did
				}
				return out // "pressure to help Iran", "sent to help": a purpose, not an event
			case "without":
				return out // "without providing evidence": what was not done
			case "before", "until":
				if !s.told(i) {
					return out // "five days before workers go on strike": not yet done
				}
			case "at":
				if h := t.Head; h >= 0 && s.lemma(h) == "aim" {
					return out // "talks aimed at reaching an accord": a goal, not an act
				}
			}
		}
	}
	if noun && s.background(i) {
		return out // "expelled the ambassador after a police raid on the consulate": the background
	}
	if !noun && s.conditional(i) {
		return out // "said it would attack unless ...", "until sanctions force Iraq to withdraw": a condition, not an event
	}
	if s.noIntent(i) {
		return out // "had no plans to meet": no intent stated, and nothing refused
	}
	if !noun && s.possible(i) && !s.negated(i) {
		// "diplomats said Egypt may recall its envoy", "the Bank may have
		// refused offers": a possibility, not an act; but an actor saying
		// it may act ("Kenya said it may expel") states an intent.
		if sb := s.tree.Child(i, "nsubj"); !(sb >= 0 && s.tok(sb).UPOS == "PRON" && syntax.RelIs(t.Deprel, "ccomp") && t.Head >= 0 && (syntax.SpeechVerb(s.lemma(t.Head)) || s.threatened(t.Head) == i)) {
			return out
		}
	}
	if s.negated(i) {
		if !s.refused(i) {
			return out // "have not withdrawn", "did not release": what did not happen
		}
		if code = negatedCode(code); code == "" {
			return out
		}
	}
	// An appeal's or an intent's embedded action is not an event that
	// happened: "urged Russia to withdraw", "plans to attack".
	var sources, targets []Actor
	head := t.Head
	// threatHead is the verb of a threat whose act this trigger is:
	// "threatened to attack", "warned it would cut off supplies".
	threatHead := -1
	if threatened >= 0 {
		threatHead = i
	}
	if !noun && syntax.RelIs(t.Deprel, "ccomp") && head >= 0 && s.threatened(head) == i {
		if s.negated(head) {
			return out // "has not warned it would": no threat
		}
		code, threatHead = threatCode(code), head
	}
	if !noun && syntax.RelIs(t.Deprel, "ccomp") && head >= 0 && hoped(s.lemma(head)) {
		return out // "hoped French officials would be indicted": not (yet) an event
	}
	if !noun && syntax.RelIs(t.Deprel, "ccomp") && head >= 0 && forecast(s.lemma(head)) && s.future(i) {
		// "believes Brazil will sign an agreement": what someone expects
		// another to do, not an act nor an intent the actor stated.
		if sb := s.tree.Child(i, "nsubj", "nsubj:pass"); sb >= 0 && s.tok(sb).UPOS != "PRON" {
			return out
		}
	}
	announced := false
	if !noun && syntax.RelIs(t.Deprel, "ccomp") && head >= 0 && syntax.SpeechVerb(s.lemma(head)) && s.future(i) {
		if root(code) <= 9 {
			// "Israel announced it would free 150 prisoners": an intent
			// made public, not yet the act.
			code = intentCode(code)
		} else if root(code) == 14 {
			// "workers said they will strike on Monday": a threat of
			// protest, as "warned they would strike" is
			code = threatCode(code)
		} else if root(code) >= 15 {
			announced = true
		}
	}
	if !noun && t.Deprel == "xcomp" && head >= 0 {
		if q, isTrig := s.match(head, false); isTrig {
			switch root(q.Code) {
			case 2, 3, 10, 12, 13:
				return out // the appeal, intent, demand, refusal or threat is the event
			}
		}
		if deliberation(s.lemma(head)) {
			return out // "is considering buying wheat": an option, not an intent
		}
		if hoped(s.lemma(head)) && s.future(i) {
			// "hopes India will ease its curbs", its clause read as an
			// infinitive: a wish, as with the clause as such above
			return out
		}
		m := modality(s.lemma(head))
		if o := s.tree.Child(head, "obj", "iobj"); o >= 0 && forecast(s.lemma(head)) {
			return out // "diplomats expect Egypt to invite": a forecast of another's act
		}
		if s.lemmaIn(head, []string{"expect", "predict", "anticipate", "forecast"}) && s.passive(head) {
			// "Egypt is expected to invite": others' forecast, as above
			// (but "are believed to have attacked" reports an act)
			return out
		}
		if o := s.tree.Child(head, "obj", "iobj"); o >= 0 && (m == modalIntent || m == modalAppeal) {
			// "wants Putin to attack", "asked Russia to send troops": an
			// appeal to the object.
			if a := s.actors(o); len(a) > 0 {
				sources, targets = s.subjects(head, 0), a
				code = appealCode(code)
				m = modalNone
			}
		}
		switch m {
		case modalIntent:
			if code = intentCode(code); code == "" || s.negated(head) {
				return out
			}
		case modalThreat:
			if s.negated(head) {
				return out // "has not threatened to strike": no threat
			}
			code, threatHead = threatCode(code), head
		case modalAppeal:
			code = appealCode(code)
		}
	}
	if r := root(code); !noun && (code == "020" || code == "100") || r == 2 && len(code) == 2 {
		// "asked Obama to help Iran": the appeal is for what the
		// embedded verb says.
		if x := s.tree.Child(i, "xcomp", "ccomp"); x >= 0 && s.tok(x).UPOS == "VERB" {
			if q, ok := s.match(x, false); ok {
				if r == 2 || code == "020" {
					code = appealCode(q.Code)
				} else {
					code = demandCode(q.Code)
				}
			}
		}
	}
	if targets == nil {
		switch {
		case threatened >= 0:
			_, found := s.verbActors(threatened, &Pattern{})
			sources, targets = s.subjects(i, 0), found
		case noun:
			sources, targets = s.nounActors(i, &p)
		default:
			sources, targets = s.verbActors(i, &p)
		}
		if !noun && root(code) >= 18 {
			// "shelled the village of Khiam, killing four civilians":
			// the people hurt, rather than the place or building hit.
			if v := s.victims(i); len(v) > 0 {
				if o := s.object(i, false); len(targets) == 0 || o >= 0 && s.placeLike(o) {
					targets = v
				}
			}
		}
		if o := s.object(i, noun); !noun && len(targets) == 0 && o >= 0 && !s.passive(i) {
			switch root(code) {
			case 5, 11, 12, 14:
				// "rejects U.S. offer", "praises China trade ties": a
				// reaction to what a country proposed or did is aimed at
				// it (but "bought U.S. wheat" is no act on the US).
				if c := s.modifierCode(o); len(c) == 3 {
					if s.lemmaIn(o, s.c.dict.classes["&MILSITE"]) || s.militaryModifier(o) || s.coastGuard(o) {
						c += "MIL" // "Chinese coast guard patrols"
					}
					targets = []Actor{{Text: s.phraseText(o), Code: c}}
				}
			}
		}
	}
	if threatHead >= 0 {
		act := i
		if threatened >= 0 {
			act = threatened
		}
		targets = s.threatTargets(threatHead, act, targets, sources)
	}
	// "condemned the violence", "condemned Russia's strikes": disapproval
	// of an act is aimed at its doer (CAMEO 11x targets an actor), or at
	// no one named; the act's victims and place are not the target.
	actObject := false
	if o := s.object(i, noun); !noun && root(code) == 11 && o >= 0 && s.act(o) {
		targets, actObject = s.nounSources(o), true
		if b := s.targetOblique(i, []string{"by"}); len(targets) == 0 && b > o && !s.passive(i) {
			targets = s.actors(b) // "condemned the abduction of teachers | by bandits"
		}
	}
	// "offered to help", "pledged aid": an intent to give aid to no one
	// named is for the country the story's need is in, named before it.
	if strings.HasPrefix(code, "033") && len(targets) == 0 && len(sources) > 0 {
		if tg := s.recipient(i, sources); tg.Code != "" {
			targets = []Actor{tg}
		}
	}
	if !noun && code == "115" && s.lemma(i) == "charge" && s.tree.Child(i, "obj") < 0 {
		// "charged that a Soviet test blew debris abroad": an accusation
		// (112) of the clause's doer, not a lawsuit.
		if x := s.tree.Child(i, "ccomp"); x >= 0 {
			code = "112"
			if sb := s.tree.Child(x, "nsubj", "nsubj:pass"); sb >= 0 && len(targets) == 0 {
				if targets = s.actors(sb); len(targets) == 0 {
					if c := s.modifierCode(sb); len(c) == 3 {
						targets = []Actor{{Text: s.phraseText(sb), Code: c}}
					}
				}
			}
		}
	}
	if o := s.object(i, noun); !noun && root(code) >= 15 && o >= 0 && s.contentClause(o) {
		return out // "taken the position that", "attacked the claim that": a stance, not force
	}
	if len(sources) == 0 && len(targets) == 0 {
		return out
	}
	bare := p.specificity() == 0 && !actObject && threatened < 0
	if !noun && len(targets) == 0 && bare && s.tree.Child(i, "xcomp") >= 0 {
		return out // "helped to plan": the embedded verb says what happened
	}
	if r := root(code); !noun && bare && len(targets) == 0 && (r >= 6 && r <= 9 || r >= 15) && syntax.RelIs(t.Deprel, "acl") && head >= 0 && len(s.actors(head)) == 0 {
		// "guidelines released by the Bank", "figures released by the
		// government": the participle's noun is what a material act was
		// done to, and a thing no pattern names is another sense of the
		// verb (but "a proposal supported by" is the support given it).
		return out
	}
	if !noun && bare && len(targets) == 0 && !s.passive(i) {
		// A pattern without conditions reads the object as the target:
		// an object that is no actor, and no one else acted on, means
		// another sense of the verb ("meet growth targets", "helped
		// earnings", "blamed the weather").
		if o := s.tree.Child(i, "obj", "dobj"); o >= 0 && s.tok(o).UPOS != "PRON" {
			return out
		}
	}
	if len(sources) == 0 {
		// A passive without its agent ("eight servicemen were killed")
		// still records what happened to whom.
		if noun || !s.passive(i) || s.participle(i) {
			return out // "a member jailed a year ago": background, and no one to code
		}
		if root(code) < 14 {
			return out // "the runner was invited to a gala": words or help from no one named
		}
		if root(code) >= 18 && s.thingAgent(i) {
			return out // "hit by currency appreciation": no one used force
		}
		if s.cumulative(i) {
			return out // "more than 50 have been killed since December": a running toll, no one event
		}
		sources = []Actor{{Code: Unknown}}
	}
	// Agents of no known country act where the event happens: "police
	// clashed with protesters in Almaty" are Kazakh police and protesters.
	if c := s.eventCountry(i); c != "" {
		localise(sources, c)
		localise(targets, c)
	}
	if r := root(code); !noun && (r == 2 || r == 10) && len(targets) == 0 && syntax.RelIs(t.Deprel, "conj") && head >= 0 && s.tok(head).UPOS == "VERB" {
		// "called his counterpart and called for a halt": the appeal is
		// made to the one called or met.
		if q, ok := s.match(head, false); ok && root(q.Code) == 4 {
			if o := s.tree.Child(head, "obj"); o >= 0 {
				targets = s.actors(o)
			}
		}
	}
	if !noun && root(code) == 14 && len(targets) == 0 {
		// "went on strike in a pay dispute with the government": the
		// protest is aimed at the other side of the dispute.
		targets = s.disputeWith(i)
	}
	if !noun && root(code) == 14 && (len(targets) == 0 || s.locative(i, targets)) {
		// "marched to demand the resignation of the minister": at whom
		// the demand is, rather than where they marched.
		if tg := s.purposeTargets(i); len(tg) > 0 {
			targets = tg
		}
	}
	// "Kyiv and Moscow held talks in Istanbul": each party with the
	// other, and the place is only where.
	mutual := len(targets) == 0 && len(sources) > 1 && reciprocal(code)
	if len(targets) == 0 && !mutual && !actObject {
		// No one acted on: the country of the place it happened in
		// ("protested in Beijing", "exercises in Alaska", "meet in
		// Zurich"), as PETRARCH codes it.
		if tg := s.placeTarget(i); tg.Code != "" {
			targets = []Actor{tg}
		}
	}
	if noun && len(targets) == 0 && !mutual {
		return out // a noun without a target is mostly a mention ("the 1994 genocide")
	}
	var pairs [][2]Actor
	switch {
	case len(targets) > 0:
		for _, src := range sources {
			for _, tg := range targets {
				pairs = append(pairs, [2]Actor{src, tg})
			}
		}
	case len(sources) > 1 && reciprocal(code):
		// "The US, Russia and Switzerland met": each with each.
		for _, a := range sources {
			for _, b := range sources {
				if a != b && prefix3(a.Code) != prefix3(b.Code) {
					pairs = append(pairs, [2]Actor{a, b})
				}
			}
		}
		if len(pairs) == 0 {
			for _, src := range sources {
				pairs = append(pairs, [2]Actor{src, {Code: Unknown}})
			}
		}
	default:
		for _, src := range sources {
			pairs = append(pairs, [2]Actor{src, {Code: Unknown}})
		}
	}
	sent := s.doc.Sentences[si]
	ss, se := s.doc.Bytes(sent)
	date := s.dateOf(i, sent)
	if root(code) == 4 && s.planned(i, noun, date) {
		// "will meet next week", "talks will resume on Monday", "meet in
		// Geneva from tomorrow": a meeting or visit arranged but not yet
		// held is, in CAMEO's terms, the parties' commitment to meet
		// (036 "express intent to meet or negotiate"), not 04x.
		code = "036"
	}
	if jointAct(code, s.lemma(i)) {
		// A negotiation, an exercise or a signing takes a party, which a
		// venue is not ("signed the agreement in Paris").
		for k := range pairs {
			if pairs[k][1].venue {
				pairs[k][1] = Actor{Code: Unknown}
			}
		}
		pairs = bothWays(pairs)
	}
	cd := s.c.dict.describe(code)
	for _, pr := range pairs {
		src, tg := pr[0], pr[1]
		sc, tc := src.Code, tg.Code
		if !src.abroad {
			src.Code = s.domestic(sc, tc)
		}
		if !tg.abroad {
			tg.Code = s.domestic(tc, sc)
		}
		if src.Code == tg.Code && src.Code != "" {
			continue // an actor acting on itself is a parse error more often than news
		}
		if root(code) == 4 && (press(src) || press(tg)) || root(code) <= 6 && press(tg) {
			// "met reporters", "briefed reporters on the talks": talking
			// to the press, no consultation nor information shared
			continue
		}
		if (root(code) == 16 || code == "061" || code == "115" && s.targetOblique(i, []string{"against"}) < 0) && (tg.Code == "" || tg.Code == Unknown) {
			// Cutting relations, economic cooperation and suing need
			// someone they are with or aimed at: "suspended oil exports
			// after the quake", "is selling oil from its stocks", "filed
			// a rate case" are a state's or a firm's own business.
			continue
		}
		if (code == "057" || code == "046") && strings.HasSuffix(src.Code, "BUS") && (tg.Code == "" || tg.Code == Unknown || strings.HasSuffix(tg.Code, "BUS")) {
			continue // "the bank signed an agreement to acquire a leasing firm": a deal between businesses
		}
		if code == "057" && (tg.Code == "" || tg.Code == Unknown) {
			continue // "Air India has signed a deal for US$7 billion": an agreement needs a party named
		}
		if r := root(code); (r == 6 || r == 7) && strings.HasSuffix(src.Code, "BUS") && !stateActor(tg.Code) {
			// "a company sold fertiliser to farmers", "banks lend to
			// industry": trade, not cooperation or aid (but arms a firm
			// supplies are military aid to whoever gets them).
			if o := s.object(i, noun); o < 0 || !s.lemmaIn(o, []string{"arm", "arms", "weapon", "weapons", "ammunition", "munition", "munitions", "rifle", "rifles", "gun", "guns", "missile", "missiles", "explosive", "explosives"}) {
				continue
			}
		}
		if root(code) >= 15 {
			// Force needs someone it is used on ("fought hard to protect
			// their interests" is not a battle), and between businesses
			// it is a figure of speech ("took over the company", "captured
			// the market").
			if bare && (tg.Code == "" || tg.Code == Unknown) {
				continue
			}
			if strings.HasSuffix(src.Code, "BUS") || strings.HasSuffix(tg.Code, "BUS") {
				continue
			}
			if len(src.Code) == 3 && len(tg.Code) <= 3 && s.sportSentence(sent) {
				continue // "Australia beat India by six wickets": a game between teams named by their countries
			}
		}
		ecd := cd
		if repression(code, src.Code, tg.Code) && !s.lemmaIn(i, []string{"clash", "fight", "battle", "skirmish"}) {
			ecd = s.c.dict.describe("175")
		}
		out = append(out, Event{
			Code: ecd, Source: src, Target: tg, Date: date,
			Location: s.locationOf(i, sent, tg),
			Trigger:  [2]int{t.Start, t.End}, Sentence: [2]int{ss, se},
			Pattern: p.Line, trigger: i, announced: announced,
			Confidence: confidence(evidence{specific: !bare && threatened < 0, source: src, target: tg}),
		})
	}
	return out
}

// repression reports force that police use on protesters or strikers
// ("police shot dead three protesters", "fired live rounds at striking
// miners"): CAMEO's violent repression (175), not an assault or a battle
// (18, 19), as the test sets code it; a clash stays one.
func repression(code, src, tg string) bool {
	if r := root(code); r != 18 && r != 19 || strings.HasPrefix(code, "183") {
		return false
	}
	return strings.HasSuffix(src, "COP") && (strings.HasSuffix(tg, "OPP") || strings.HasSuffix(tg, "LAB"))
}

// background reports an eventive noun in a phrase of time or cause on
// a verb that is an event itself ("recalled its ambassador amid air
// strikes", "after a raid on the consulate"): the sentence's news is the
// verb's act, the noun its background, as the test sets code it.
func (s *state) background(i int) bool {
	h := s.tok(i).Head
	if c := s.tree.Case(i); c >= 0 {
		switch s.lower(c) {
		case "after", "following", "amid", "amidst", "during", "before", "since", "despite":
		default:
			return false
		}
	} else if h >= 0 && s.lower(h) == "following" && s.tok(i).Deprel == "obj" {
		h = s.tok(h).Head // "following" parsed as a verb
	} else {
		return false
	}
	if h < 0 || s.tok(h).UPOS != "VERB" {
		return false
	}
	_, ok := s.match(h, false)
	return ok
}

// stateActor reports a code of a state or of states: a country, its
// government, forces, legislature, courts or police, or an
// intergovernmental organisation.
func stateActor(code string) bool {
	if strings.HasPrefix(code, "IGO") || len(code) == 3 && code != Unknown {
		return true
	}
	for _, r := range []string{"GOV", "MIL", "LEG", "JUD", "COP"} {
		if strings.HasSuffix(code, r) && !strings.HasPrefix(code, Unknown) {
			return true
		}
	}
	return false
}

// jointExercise reports exercises held together: "joint" ones, or ones
// held by forces of more than one country ("Indian and French navies
// held exercises"): military cooperation (062), not a show of force.
func (s *state) jointExercise(i int) bool {
	o := s.object(i, false)
	if o < 0 || !s.lemmaIn(o, s.c.dict.classes["&MILCOOP"]) {
		return false
	}
	for _, k := range s.tree.Kids(o) {
		if l := s.lower(int(k)); l == "joint" || l == "combined" || l == "bilateral" || l == "trilateral" {
			return true
		}
	}
	seen := map[string]bool{}
	for _, a := range s.subjects(i, 0) {
		if len(a.Code) >= 3 && !strings.HasPrefix(a.Code, Unknown) {
			seen[a.Code[:3]] = true
		}
	}
	return len(seen) > 1
}

// officialProtest reports "protested" with an object said of states or
// their governments: an official complaint ("Vietnam protested Chinese
// patrols", CAMEO 114), where people protesting march (141).
func (s *state) officialProtest(i int) bool {
	if s.lemma(i) != "protest" || s.tree.Child(i, "obj") < 0 {
		return false
	}
	srcs := s.subjects(i, 0)
	if len(srcs) == 0 {
		return false
	}
	for _, a := range srcs {
		if c := a.Code; strings.HasPrefix(c, Unknown) || len(c) != 3 && !(len(c) == 6 && c[3:] == "GOV") {
			return false
		}
	}
	return true
}

// mannerNoun returns the pattern of an eventive noun that says how verb
// i's act was done: "in a firefight", "during raids", on the verb or on
// its object.
func (s *state) mannerNoun(i int) (Pattern, bool) {
	cands := s.tree.Obliques(i)
	if o := s.tree.Child(i, "obj"); o >= 0 {
		cands = append(cands, s.tree.Obliques(o)...)
	}
	for _, k := range cands {
		if c := s.tree.Case(k); c >= 0 && (s.lower(c) == "in" || s.lower(c) == "during") && s.tok(k).UPOS == "NOUN" {
			if q, ok := s.match(k, true); ok {
				return q, true
			}
		}
	}
	return Pattern{}, false
}

// tollOf reports a participle of killing or wounding that follows an
// act of force and counts its victims ("detonated a car bomb, killing
// four officers"): the casualties are that act's.
func (s *state) tollOf(i int) bool {
	t := s.tok(i)
	if t.XPOS != "VBG" && !strings.HasSuffix(s.lower(i), "ing") || t.Head < 0 || !syntax.RelIs(t.Deprel, "advcl", "xcomp", "conj", "acl") {
		return false
	}
	switch s.lemma(i) {
	case "kill", "injure", "wound", "hurt", "leave":
	default:
		return false
	}
	h := t.Head
	if s.tok(h).UPOS != "VERB" && !syntax.RelIs(t.Deprel, "acl") {
		return false
	}
	for h >= 0 && s.tok(h).UPOS != "VERB" {
		h = s.tok(h).Head
	}
	if h < 0 {
		return false
	}
	q, ok := s.match(h, false)
	return ok && root(q.Code) >= 18
}

// victims returns the actors a toll participle of verb i says were hurt
// ("..., killing four civilians").
func (s *state) victims(i int) []Actor {
	for _, k := range s.tree.Kids(i) {
		if s.tollOf(int(k)) && s.tok(int(k)).Head == i {
			if o := s.tree.Child(int(k), "obj"); o >= 0 {
				return s.actors(o)
			}
		}
	}
	return nil
}

// placeLike reports a noun for a place or a building rather than people:
// "the village of Khiam", "an apartment block", "Kherson".
func (s *state) placeLike(o int) bool {
	if e := s.tokEntity[o]; e >= 0 && isPlace(&s.ents[e]) {
		return true
	}
	return s.lemmaIn(o, s.c.dict.classes["&TERRITORY"]) || s.lemmaIn(o, s.c.dict.classes["&PROPERTY"]) ||
		s.lemmaIn(o, []string{"block", "blocks", "building", "buildings", "house", "houses", "home", "homes", "hospital", "school", "market", "camp"})
}

// labourStrike reports "strike" said of workers without an object:
// "teachers struck over pay", "the union threatened to strike". Force
// strikes something ("struck a depot").
func (s *state) labourStrike(i int) bool {
	if s.lemma(i) != "strike" || s.object(i, false) >= 0 || s.tok(i).UPOS != "VERB" {
		return false
	}
	for _, k := range s.tree.Obliques(i) {
		switch s.prepOf(k) {
		case "with", "at", "on":
			if _, ok := s.actor(k); ok {
				return false // "struck at militants"
			}
		}
	}
	for _, a := range s.subjects(i, 0) {
		if len(a.Code) >= 6 {
			switch a.Code[3:6] {
			case "LAB", "EDU", "HLH", "AGR", "CVL", "MED":
				return true
			}
		}
	}
	return false
}

// purposeTargets returns whom a protest's purpose clause makes demands
// of: "to demand higher pay from the government", "to demand the
// resignation of the interior minister".
func (s *state) purposeTargets(i int) []Actor {
	for _, x := range s.tree.Kids(i) {
		k := int(x)
		if !syntax.RelIs(s.tok(k).Deprel, "advcl", "xcomp") || s.tok(k).UPOS != "VERB" {
			continue
		}
		if m := s.tree.Child(k, "mark"); m < 0 || s.lower(m) != "to" {
			continue
		}
		switch s.lemma(k) {
		case "demand", "call", "press", "urge", "protest", "denounce", "oppose", "condemn":
		default:
			continue
		}
		if _, tg := s.verbActors(k, &Pattern{}); len(tg) > 0 {
			return tg
		}
		if x := s.tree.Child(k, "xcomp"); x >= 0 && s.tok(x).UPOS == "VERB" {
			// "to demand higher pay from the government", "pay" read as a verb
			if _, tg := s.verbActors(x, &Pattern{}); len(tg) > 0 {
				return tg
			}
		}
		if o := s.object(k, false); o >= 0 {
			for _, m := range s.tree.Obliques(o) {
				if s.prepOf(m) == "of" || s.tok(m).Deprel == "nmod:poss" {
					if a := s.actors(m); len(a) > 0 {
						return a
					}
				}
			}
		}
	}
	return nil
}

// locative reports targets that verb i found only as where it happened:
// "protested outside parliament".
func (s *state) locative(i int, targets []Actor) bool {
	for _, k := range s.tree.Obliques(i) {
		switch s.prepOf(k) {
		case "outside", "near", "at", "in", "inside", "before":
			for _, a := range s.actors(k) {
				if a.Code == targets[0].Code {
					return true
				}
			}
		}
	}
	return false
}

// conditionOblique reports an oblique that pattern p asks for by its
// words: what the act is about, not whom it is done to.
func (s *state) conditionOblique(k int, p *Pattern) bool {
	for _, ob := range p.Obliques {
		if !ob.any() && ob.Prep == s.prepOf(k) && s.wordIn(k, ob.Lemmas, ob.Phrases) {
			return true
		}
	}
	return false
}

// ownEnvoy reports targets that are the sources' own country's: "Peru
// recalled its ambassador".
// ownedByPronoun reports a noun that a possessive pronoun owns ("its
// ambassador from Togo" is the subject's own envoy, not Togo's).
func (s *state) ownedByPronoun(o int) bool {
	p := s.tree.Child(o, "nmod:poss")
	return p >= 0 && s.tok(p).UPOS == "PRON"
}

func (s *state) ownEnvoy(sources, targets []Actor) bool {
	if len(sources) == 0 {
		return false
	}
	for _, t := range targets {
		if len(t.Code) < 3 || len(sources[0].Code) < 3 || t.Code[:3] != sources[0].Code[:3] || strings.HasPrefix(t.Code, Unknown) {
			return false
		}
	}
	return true
}

// disputeWith returns the other side of a dispute that verb i's clause
// is in: "in a dispute with the education ministry".
func (s *state) disputeWith(i int) []Actor {
	for _, k := range s.tree.Obliques(i) {
		if !s.lemmaIn(k, []string{"dispute", "row", "standoff", "stand-off", "conflict", "confrontation"}) {
			continue
		}
		for _, m := range s.tree.Obliques(k) {
			if p := s.prepOf(m); p == "with" || p == "against" {
				if a := s.actors(m); len(a) > 0 {
					return a
				}
			}
		}
	}
	return nil
}

// verbActors finds the sources and targets of a verb trigger.
func (s *state) verbActors(i int, p *Pattern) (sources, targets []Actor) {
	if k := s.targetOblique(i, p.SourcePreps); k >= 0 {
		// "received weapons from the government": the giver acts on
		// the subject.
		return s.actors(k), s.subjects(i, 0)
	}
	sources = s.subjects(i, 0)
	if k := s.targetOblique(i, p.TargetPreps); k >= 0 {
		targets = s.actors(k)
	}
	if len(targets) == 0 {
		if o := s.object(i, false); o >= 0 && !(p.Object != nil && s.lemmaIn(o, p.Object) && len(s.actors(o)) == 0) {
			targets = s.actors(o)
		}
	}
	if o := s.object(i, false); len(targets) > 0 && o >= 0 && p.Object != nil && s.lemmaIn(o, p.Object) && s.lemmaIn(o, s.c.dict.classes["&TROOPS"]) && s.ownTroops(sources, targets) {
		// "withdrew its troops from Kuwait": the forces are what is
		// moved, the act is aimed at the country they leave or enter;
		// with none named, the forces stay the target, as PETRARCH has it.
		for _, k := range append(s.tree.Obliques(i), s.tree.Obliques(o)...) {
			switch s.prepOf(k) {
			case "from", "into", "out", "to":
			default:
				continue
			}
			if a := s.actors(k); len(a) > 0 && !s.ownTroops(sources, a) {
				targets = a
				break
			}
		}
	}
	if o := s.object(i, false); len(targets) == 0 && o >= 0 {
		// "struck a factory | owned by the army", the participle hung on
		// the verb: the object's owner.
		for _, k := range s.tree.Kids(i) {
			if int(k) == o+1 && syntax.RelIs(s.tok(int(k)).Deprel, "xcomp", "advcl") {
				switch s.lemma(int(k)) {
				case "own", "operate", "run", "control", "use":
					if b := s.tree.Child(int(k), "obl:agent"); b >= 0 {
						targets = s.actors(b)
					}
				case "belong":
					if b := s.targetOblique(int(k), []string{"to"}); b >= 0 {
						targets = s.actors(b)
					}
				}
			}
		}
	}
	if o := s.object(i, false); len(targets) == 0 && o >= 0 {
		// "presented evidence against Russia": the object's modifier.
		for _, k := range s.tree.Obliques(o) {
			switch s.prepOf(k) {
			case "against", "to", "with", "on", "for", "from", "at":
				if a := s.actors(k); len(a) > 0 && len(targets) == 0 {
					targets = a
				}
			}
		}
	}
	if o := s.object(i, false); len(targets) > 0 && o >= 0 && s.lemmaIn(o, s.c.dict.classes["&DIPLOMAT"]) && (s.ownEnvoy(sources, targets) || s.ownedByPronoun(o)) {
		// "recalled its ambassador to Mexico", "withdrew its ambassador
		// from Caracas": aimed at the country the envoy is posted to.
		for _, k := range append(s.tree.Obliques(o), s.tree.Obliques(i)...) {
			if p := s.prepOf(k); p == "to" || p == "in" || p == "from" {
				if a := s.actors(k); len(a) > 0 {
					targets = a
					break
				}
			}
		}
	}
	if o := s.object(i, false); len(targets) == 0 && o >= 0 && s.lemmaIn(o, s.c.dict.classes["&DEMAND"]) {
		// "accepted the demands of its workers' union": a demand is
		// met for the one who made it (an "of" the parser may hang on
		// the verb).
		if of := o + 1; of < len(s.doc.Tokens) && s.lower(of) == "of" {
			h := s.tok(of).Head
			for n := 0; h >= 0 && n < 4 && s.tok(h).Head != o && s.tok(h).Head != i; n++ {
				h = s.tok(h).Head
			}
			if h >= 0 && (s.tok(h).Head == o || s.tok(h).Head == i) {
				targets = s.actors(h)
			}
		}
	}
	if len(targets) == 0 && len(p.TargetPreps) == 0 {
		for _, k := range s.tree.Obliques(i) {
			switch s.prepOf(k) {
			case "by", "in", "at", "during", "after", "before", "since", "amid", "of", "despite":
				continue
			}
			if s.tok(k).Deprel == "nmod:poss" {
				continue // "Mexico's Sheinbaum Rejects ...": the subject's, hung on the verb
			}
			if s.conditionOblique(k, p) {
				continue // "agreed to joint military exercises": what, not with whom
			}
			if s.lemmaIn(k, []string{"sideline", "sidelines", "margin", "margins"}) {
				continue // "met on the sidelines of the G20 summit": where, not with whom
			}
			if a := s.actors(k); len(a) > 0 {
				targets = a
				break
			}
		}
	}
	if len(targets) == 0 && p.Object == nil {
		// "alleged that France was aware": the clause's subject.
		if cc := s.tree.Child(i, "ccomp"); cc >= 0 {
			targets = s.subjects(cc, 0)
		}
	}
	if o := s.object(i, false); o >= 0 && s.lemma(i) == "join" && s.lemma(o) == "force" {
		// "joined forces (with X)": the forces are the idiom's, not
		// someone cooperated with; the party is the "with" one, or each
		// of the subjects, whatever the fallbacks above found
		targets = nil
		if k := s.targetOblique(i, []string{"with"}); k >= 0 {
			targets = s.actors(k)
		}
	}
	return sources, targets
}

// ownTroops reports forces that belong to the act's source:
// targets of the sources' country.
func (s *state) ownTroops(sources, targets []Actor) bool {
	for _, t := range targets {
		for _, src := range sources {
			if len(t.Code) >= 3 && len(src.Code) >= 3 && t.Code[:3] == src.Code[:3] && !strings.HasPrefix(src.Code, Unknown) {
				return true
			}
		}
	}
	return false
}

// venueWord reports a modifier k of an attack noun i that names a
// building or a city, or the country of one named after it ("the embassy
// bombing", "the U.S. Embassy blasts", "the Nairobi blast"): the place
// hit, never the attacker, unlike a nationality or a force alone
// ("Israeli air strikes", "an army attack").
func (s *state) venueWord(i, k int) bool {
	if !s.forceNoun(i) && !s.lemmaIn(i, []string{"blast", "explosion", "bomb"}) {
		return false
	}
	for j := k; j < i; j++ {
		if j != k && (s.tok(j).Head != i || !syntax.RelIs(s.tok(j).Deprel, "compound", "amod")) {
			continue
		}
		if s.lemmaIn(j, []string{"embassy", "consulate", "clinic", "hospital", "school", "hotel", "church",
			"mosque", "synagogue", "temple", "market", "mall", "station", "airport", "office", "headquarters"}) {
			return true
		}
	}
	e := s.tokEntity[k]
	return e >= 0 && s.ents[e].Entry.Kind == kb.KindCity
}

// persuaded reports an infinitive governed by a verb of persuading with
// an object, however the parser hangs it ("persuaded the rebels to
// release the crew"): the object is its subject, and the persuading
// means it was done.
func (s *state) persuaded(i int) bool {
	t := s.tok(i)
	h := t.Head
	if h < 0 || !syntax.RelIs(t.Deprel, "xcomp", "advcl") || s.tree.Child(i, "mark") < 0 || s.tree.Child(h, "obj") < 0 {
		return false
	}
	switch s.lemma(h) {
	case "persuade", "convince", "induce", "talk into":
		return true
	}
	// the lemmatiser leaves some forms ("persuad")
	f := s.lower(h)
	return strings.HasPrefix(f, "persuad") || strings.HasPrefix(f, "convinc")
}

// possessorOfSubject reports a subject c of verb i that is the
// possessor ("Armenia's") of another subject after it, as the parser
// splits "Armenia's and Azerbaijan's foreign ministers".
func (s *state) possessorOfSubject(i, c int) bool {
	if cs := s.tree.Child(c, "case"); cs < 0 || s.lower(cs) != "'s" && s.lower(cs) != "'" {
		return false
	}
	for _, k := range s.tree.Kids(i) {
		if int(k) > c && s.tok(int(k)).Deprel == "nsubj" {
			_, agent := s.agentRole(int(k))
			return agent
		}
	}
	return false
}

// whoseOwner returns the word a subject's "whose" stands for, the one
// before it and its comma ("Portugal" in "Portugal, whose prime
// minister"), or -1. Read off the words, as the parser often hangs the
// clause on the wrong verb.
func (s *state) whoseOwner(c int) int {
	w := s.tree.Child(c, "nmod:poss")
	if w < 0 || s.lower(w) != "whose" {
		return -1
	}
	o := w - 1
	if o >= 0 && s.tok(o).Form == "," {
		o--
	}
	if o < 0 || s.tok(o).UPOS != "PROPN" && s.tok(o).UPOS != "NOUN" {
		return -1
	}
	return o
}

// whoseOwnerOf reports a subject c of verb i that is the owner of
// another subject's "whose": the parser took both for subjects.
func (s *state) whoseOwnerOf(i, c int) bool {
	for _, k := range s.tree.Kids(i) {
		if int(k) != c && s.tok(int(k)).Deprel == "nsubj" && s.whoseOwner(int(k)) == c {
			return true
		}
	}
	return false
}

// whoseSubject codes an agent subject with "whose" as its owner's: the
// prime minister of "Portugal, whose prime minister resigned" is PRTGOV.
// A subject with a country of its own keeps it.
func (s *state) whoseSubject(c int) (Actor, bool) {
	o := s.whoseOwner(c)
	if o < 0 {
		return Actor{}, false
	}
	role, agent := s.agentRole(c)
	if !agent {
		return Actor{}, false
	}
	if a, ok := s.actor(c); ok && !strings.HasPrefix(a.Code, Unknown) && !a.placed {
		return Actor{}, false // "Kenya, whose Ugandan guards ...": their own country
	}
	owner, ok := s.actor(o)
	if !ok || len(owner.Code) < 3 || strings.HasPrefix(owner.Code, Unknown) || strings.HasPrefix(owner.Code, "IGO") {
		return Actor{}, false
	}
	return Actor{Text: s.phraseText(c), Code: owner.Code[:3] + role}, true
}

// splitPossessor codes an agent subject c of verb i whose possessors the
// parser made subjects of their own: each possessor's country with c's
// role ("Armenia's and Azerbaijan's foreign ministers": ARMGOV, AZEGOV).
func (s *state) splitPossessor(i, c int) []Actor {
	role, agent := s.agentRole(c)
	if !agent {
		return nil
	}
	var owners []int
	for _, k := range s.tree.Kids(i) {
		if int(k) < c && s.possessorOfSubject(i, int(k)) {
			owners = append(owners, int(k))
			for _, m := range s.tree.Kids(int(k)) {
				if s.tok(int(m)).Deprel == "conj" {
					owners = append(owners, int(m))
				}
			}
		}
	}
	var out []Actor
	for _, o := range owners {
		if a, ok := s.actor(o); ok && len(a.Code) == 3 {
			out = append(out, Actor{Text: s.phraseText(c), Code: a.Code + role})
		}
	}
	return out
}

// subjects finds who does what verb i says: its subject, a passive's "by"
// agent, or, for a verb without one, the subject its head passes down
// (infinitives, coordinated verbs, participles modifying a noun).
func (s *state) subjects(i, depth int) []Actor {
	if depth > 4 {
		return nil
	}
	if s.passive(i) {
		if k := s.byAgent(i); k >= 0 {
			return s.actors(k)
		}
		// "were killed in Israeli tank shelling": whoever did the
		// event the passive happened in.
		for _, k := range s.tree.Obliques(i) {
			if p := s.prepOf(k); (p == "in" || p == "during") && s.tok(k).UPOS == "NOUN" && s.eventive(k) {
				if a := s.nounSources(k); len(a) > 0 {
					return a
				}
			}
		}
		return nil
	}
	if k := s.tree.Child(i, "obl:agent"); k >= 0 && s.tree.Child(i, "nsubj") < 0 {
		// An agent where the parser found no passive ("and Japan,
		// hardest hit by currency appreciation") is still the doer, not
		// the subject of the verb it is coordinated with.
		return s.actors(k)
	}
	if k := s.tree.Child(i, "nsubj"); k >= 0 {
		var out []Actor
		pron := false
		// Every subject: the parser sometimes splits a coordinated
		// subject into two ("The US, Russia, and Switzerland met").
		for _, c := range s.tree.Kids(i) {
			if s.tok(int(c)).Deprel == "nsubj" {
				if s.whoseOwnerOf(i, int(c)) {
					continue // "Portugal, whose prime minister resigned": the parser's second subject
				}
				if a, ok := s.whoseSubject(int(c)); ok {
					out = append(out, a)
					continue
				}
				if owned := s.splitPossessor(i, int(c)); owned != nil {
					out = append(out, owned...)
					continue
				}
				if s.possessorOfSubject(i, int(c)) {
					continue
				}
				out = append(out, s.forcesOf(int(c), s.actors(int(c)))...)
				pron = pron || s.tok(int(c)).UPOS == "PRON"
			}
		}
		// "Kenya, Ethiopia Agree to ...": a headline's list, its first
		// name read as a vocative.
		for _, c := range s.tree.Kids(i) {
			if int(c) < k && s.tok(int(c)).Deprel == "vocative" && s.tok(int(c)).UPOS == "PROPN" {
				out = append(out, s.actors(int(c))...)
			}
		}
		if len(out) == 0 && !pron {
			out = s.issuer(k)
		}
		if len(out) == 0 && pron {
			if syntax.RelIs(s.tok(i).Deprel, "acl") && s.tok(i).Head >= 0 {
				// "the group that has seized parts of Iraq"
				return s.actors(s.tok(i).Head)
			}
			as := s.antecedent(i, depth)
			for k := range as {
				as[k].resolved = true
			}
			return as
		}
		return out
	}
	t := s.tok(i)
	h := t.Head
	if h < 0 {
		return nil
	}
	switch {
	case syntax.RelIs(t.Deprel, "xcomp"):
		if o := s.tree.Child(h, "obj"); o >= 0 {
			if a := s.actors(o); len(a) > 0 {
				return a
			}
		}
		// "Obama is scheduled to attend", "was forced to resign".
		if o := s.tree.Child(h, "nsubj:pass"); o >= 0 {
			if a := s.actors(o); len(a) > 0 {
				return a
			}
		}
		return s.subjects(h, depth+1)
	case s.persuaded(i):
		return s.actors(s.tree.Child(h, "obj"))
	case syntax.RelIs(t.Deprel, "conj", "advcl"):
		if s.tok(h).UPOS == "VERB" {
			return s.subjects(h, depth+1)
		}
	case syntax.RelIs(t.Deprel, "acl"):
		if m := s.tree.Child(i, "mark"); m >= 0 && s.tok(h).Head >= 0 && s.tok(s.tok(h).Head).UPOS == "VERB" {
			switch s.lower(m) {
			case "after", "before", "while", "since", "upon", "when":
				// "told reporters after meeting officials": a time clause
				// the parser hung on the object is the teller's act
				return s.subjects(s.tok(h).Head, depth+1)
			}
		}
		return s.forcesOf(h, s.actors(h))
	}
	return nil
}

// forcesOf gives a country's actors the sector MIL when the noun i that
// names them is an act or means of force: "an Israeli strike killed",
// "Russian shelling hit", "Russian glide bombs hit".
func (s *state) forcesOf(i int, as []Actor) []Actor {
	if !s.forceNoun(i) {
		return as
	}
	for k := range as {
		if len(as[k].Code) == 3 && as[k].Code != Unknown {
			as[k].Code += "MIL"
		}
	}
	return as
}

// issuer finds who speaks through a document subject: the nearest actor
// named in its phrase ("a report released in the Rwandan capital
// alleged", "the statement by the French presidency said"), not in a
// relative clause, and not what the document is about ("a report on
// Syria").
func (s *state) issuer(k int) []Actor {
	if !s.lemmaIn(k, s.c.dict.classes["&DOCUMENT"]) {
		return nil
	}
	level := []int{k}
	for depth := 0; depth < 3 && len(level) > 0; depth++ {
		var next []int
		for _, i := range level {
			for _, c := range s.tree.Kids(i) {
				if syntax.RelIs(s.tok(int(c)).Deprel, "acl:relcl", "punct", "conj", "parataxis") {
					continue
				}
				switch s.prepOf(int(c)) {
				case "on", "about", "into", "over", "against", "concerning", "regarding", "for":
					continue // the topic, not the issuer
				}
				if a, ok := s.actor(int(c)); ok {
					return []Actor{a}
				}
				next = append(next, int(c))
			}
		}
		level = next
	}
	return nil
}

// antecedent resolves a pronoun subject of verb i to the subject of the
// clause that reports it ("Obama said he would ..."), the usual case in
// news.
func (s *state) antecedent(i, depth int) []Actor {
	t := s.tok(i)
	if (syntax.RelIs(t.Deprel, "ccomp") || syntax.RelIs(t.Deprel, "conj")) && t.Head >= 0 {
		return s.subjects(t.Head, depth+1)
	}
	return nil
}

// nounActors finds the source and target of an eventive noun: its
// possessor, "by" phrase or nationality adjective, else the subject of
// the verb that takes it as object ("held talks", "launched an attack");
// the target from the pattern's preposition; for "clashes between A and
// B", A and B.
func (s *state) nounActors(i int, p *Pattern) (sources, targets []Actor) {
	for _, k := range s.tree.Kids(i) {
		if syntax.RelIs(s.tok(int(k)).Deprel, "nmod") && s.prepOf(int(k)) == "between" {
			if a := s.actors(int(k)); len(a) >= 2 {
				return a[:1], a[1:]
			}
		}
	}
	sources = s.forcesOf(i, s.nounSources(i)) // "a Russian missile attack": its forces'
	if k := s.targetOblique(i, p.TargetPreps); k >= 0 {
		targets = s.actors(k)
	} else if len(p.TargetPreps) == 0 {
		for _, k := range s.tree.Obliques(i) {
			switch s.prepOf(k) {
			case "against", "on", "with", "to", "at", "into":
				if a := s.actors(k); len(a) > 0 && len(targets) == 0 {
					targets = a
				}
			}
		}
	}
	if len(targets) == 0 {
		// "a Russian missile attack injured six civilians", the verb read
		// as a participle modifying the attack: whom it hurt.
		for _, k := range s.tree.Kids(i) {
			if s.tok(int(k)).Deprel == "acl" && s.tok(int(k)).UPOS == "VERB" {
				if o := s.tree.Child(int(k), "obj"); o >= 0 {
					targets = s.actors(o)
					break
				}
			}
		}
	}
	if len(targets) == 0 {
		// "an investigation into alleged bribery by officials": at the
		// doer of the act it is into ("by" hung on the verb, too).
		for _, k := range s.tree.Obliques(i) {
			if p := s.prepOf(k); (p == "into" || p == "over" || p == "of") && (s.act(k) || s.lemmaIn(k, s.c.dict.classes["&CRIME"])) {
				if targets = s.nounSources(k); len(targets) == 0 {
					if h := s.tok(i).Head; h >= 0 && syntax.RelIs(s.tok(i).Deprel, "obj") {
						if b := s.targetOblique(h, []string{"by"}); b >= 0 {
							targets = s.actors(b)
						} else if b := s.tree.Child(h, "obl:agent"); b >= 0 {
							targets = s.actors(b)
						}
					}
				}
				break
			}
		}
	}
	if len(sources) == 0 {
		t := s.tok(i)
		switch {
		case syntax.RelIs(t.Deprel, "obj") && t.Head >= 0:
			sources = s.subjects(t.Head, 0)
		case syntax.RelIs(t.Deprel, "nmod") && s.prepOf(i) == "of" && t.Head >= 0 && syntax.RelIs(s.tok(t.Head).Deprel, "obj") && s.tok(t.Head).Head >= 0:
			// "held a new round of talks": the noun the object measures
			sources = s.subjects(s.tok(t.Head).Head, 0)
		case syntax.RelIs(t.Deprel, "nmod") && t.Head >= 0 && syntax.RelIs(s.tok(t.Head).Deprel, "obj") && s.tok(t.Head).Head >= 0:
			// "engaged peacekeepers in a firefight", the phrase hung on
			// the object.
			if p := s.prepOf(i); p == "in" || p == "into" {
				v := s.tok(t.Head).Head
				sources = s.subjects(v, 0)
				if len(targets) == 0 {
					targets = s.actors(t.Head)
				}
			}
		case syntax.RelIs(t.Deprel, "obl") && t.Head >= 0 && s.tok(t.Head).UPOS == "VERB":
			// "engaged peacekeepers in a firefight": the verb's subject
			// and object.
			if p := s.prepOf(i); p == "in" || p == "into" {
				sources = s.subjects(t.Head, 0)
				if o := s.object(t.Head, false); len(targets) == 0 && o >= 0 {
					targets = s.actors(o)
				}
			}
		}
	}
	return sources, targets
}

// eventive reports whether the noun at i names an event the dictionary
// knows ("shelling", "strike"), as against a thing or a place.
func (s *state) eventive(i int) bool {
	return len(s.c.dict.patterns["n:"+s.lemma(i)]) > 0 || len(s.c.dict.patterns["n:"+s.lower(i)]) > 0
}

// nounSources finds who does what an eventive noun names: its possessor,
// a nationality or name modifying it, or its "by" phrase.
func (s *state) nounSources(i int) []Actor {
	for _, k := range s.tree.Kids(i) {
		rel := s.tok(int(k)).Deprel
		switch {
		case rel == "nmod:poss", rel == "amod", rel == "compound":
			if rel != "nmod:poss" && s.lower(int(k)) == "official" {
				continue // "an official visit": the adjective, however tagged, no official
			}
			if rel != "nmod:poss" && s.venueWord(i, int(k)) {
				continue // "the embassy bombing", "the Nairobi blast": what or where was hit
			}
			if a := s.actors(int(k)); len(a) > 0 {
				return a
			}
		case syntax.RelIs(rel, "nmod"):
			switch s.prepOf(int(k)) {
			case "by", "from":
				if a := s.actors(int(k)); len(a) > 0 {
					return a
				}
			case "of":
				// "the killing of two aid workers by militants", the agent
				// hung on the victims
				for _, m := range s.tree.Obliques(int(k)) {
					if s.prepOf(m) == "by" {
						if a := s.actors(m); len(a) > 0 {
							return a
						}
					}
				}
			}
		}
	}
	if t := s.tok(i); syntax.RelIs(t.Deprel, "nmod") && s.prepOf(i) == "on" && t.Head >= 0 && s.tok(t.Head).UPOS != "VERB" && s.lemmaIn(i, []string{"visit", "tour", "trip", "mission"}) {
		// "the German president, on a visit to Argentina,": who is on
		// the journey makes it (but "members on strike" strike nothing)
		return s.actors(t.Head)
	}
	return nil
}

// datedExpr is a time expression with a full date: its byte span and
// the date, YYYY-MM-DD.
type datedExpr struct {
	start, end int
	date       string
}

// dateOf is the date of the time expression nearest before the trigger in
// its sentence (else the nearest after it), as YYYY-MM-DD; else the
// publication date.
func (s *state) dateOf(i int, sent text.Span) string {
	ss, se := s.doc.Bytes(sent)
	at := s.tok(i).Start
	// An expression after the trigger counts only when none is before.
	dist := func(x datedExpr) int {
		if d := at - x.end; d >= 0 {
			return d
		}
		return x.start - at + len(s.doc.Text)
	}
	best, bestDist := "", -1
	if s.datedOrdered {
		// Ordered expressions: the nearest before is the last to end by
		// the trigger, the nearest after the next to start, both searched
		// for among those in the sentence.
		xs := s.dated
		lo := sort.Search(len(xs), func(j int) bool { return xs[j].start >= ss })
		hi := sort.Search(len(xs), func(j int) bool { return xs[j].end > se })
		k := sort.Search(len(xs), func(j int) bool { return xs[j].end > at })
		for _, j := range [2]int{k - 1, max(k, lo)} {
			if j >= lo && j < hi {
				if d := dist(xs[j]); bestDist < 0 || d < bestDist {
					best, bestDist = xs[j].date, d
				}
			}
		}
	} else {
		for _, x := range s.dated {
			if x.start < ss || x.end > se {
				continue
			}
			if d := dist(x); bestDist < 0 || d < bestDist {
				best, bestDist = x.date, d
			}
		}
	}
	if best != "" {
		return best
	}
	if s.published.IsZero() {
		return ""
	}
	return s.published.Format("2006-01-02")
}

// locationOf is where the event took place: a place the trigger names
// with "in" or "at", else a place that is the target ("sent troops to
// Kazakhstan"), else the article's main place.
func (s *state) locationOf(i int, sent text.Span, target Actor) string {
	for _, k := range s.tree.Obliques(i) {
		switch s.prepOf(k) {
		case "in", "at", "near", "inside", "outside":
			if e := s.tokEntity[k]; e >= 0 && isPlace(&s.ents[e]) {
				return s.ents[e].ID
			}
		}
	}
	if target.Entity != "" && s.placeIDs[target.Entity] {
		return target.Entity
	}
	if best := s.sentencePlace(sent); best != "" {
		return best
	}
	return s.place
}

// sentencePlace is the place a sentence names, a city or region before a
// country ("clashes in Almaty", "protests in western Kazakhstan"), or "".
func (s *state) sentencePlace(sent text.Span) string {
	if sent == s.sentPlaceOf && sent.End > sent.Start {
		return s.sentPlace
	}
	best, bestRank := "", 0
	for t := sent.Start; t < sent.End; t++ {
		e := s.tokEntity[t]
		if e < 0 || !isPlace(&s.ents[e]) {
			continue
		}
		rank := 1
		if s.ents[e].Entry.Kind != kb.KindCountry {
			rank = 2
		}
		if rank > bestRank {
			best, bestRank = s.ents[e].ID, rank
		}
	}
	s.sentPlaceOf, s.sentPlace = sent, best
	return best
}

// jointAct reports acts that take two, which each party does with the
// other however the sentence names them ("held talks with the Lebanese
// president", "Kenya signed a deal with Ethiopia"): negotiating (046),
// exercising together (062) and signing an agreement (057; ratifying one
// is a party's own act). PETRARCH's validation file codes talks so and
// ratification one way.
func jointAct(code, trigger string) bool {
	return code == "046" || code == "062" || code == "057" && trigger == "sign"
}

// bothWays adds to pairs of actors each pair the other way round, once.
func bothWays(pairs [][2]Actor) [][2]Actor {
	n := len(pairs)
	for _, pr := range pairs[:n] {
		if pr[1].Code == "" || pr[1].Code == Unknown {
			continue
		}
		rev := [2]Actor{pr[1], pr[0]}
		if !slices.Contains(pairs, rev) {
			pairs = append(pairs, rev)
		}
	}
	return pairs
}

// reciprocal reports codes whose actors act on each other when named
// together without a target ("A and B met", "agreed", "clashed").
// measured returns what an amount measures: "aid" for "$2 billion in
// aid" and "200 tonnes of aid"; else the word itself.
func (s *state) measured(o int) int {
	t := s.tok(o)
	if s.amount == nil {
		s.amount = make([]bool, len(s.doc.Tokens))
		for _, sp := range s.doc.Entities {
			if sp.Label == "MONEY" || sp.Label == "QUANTITY" {
				for k := sp.Start; k < sp.End && k < len(s.amount); k++ {
					s.amount[k] = true
				}
			}
		}
	}
	if t.UPOS != "SYM" && t.UPOS != "NUM" && !s.amount[o] {
		return o
	}
	for _, k := range s.tree.Kids(o) {
		if syntax.RelIs(s.tok(int(k)).Deprel, "nmod") {
			if p := s.prepOf(int(k)); p == "in" || p == "of" {
				return int(k)
			}
		}
	}
	return o
}

// gerundAsAdjective reports an -ing form right after a preposition whose
// object follows it at once, which the parser read as a gerund clause but
// news writes as an adjective: "fired rubber bullets at striking garment
// workers".
func (s *state) gerundAsAdjective(i int) bool {
	t := s.tok(i)
	if t.XPOS != "VBG" || i == 0 || !preposition[s.lower(i-1)] {
		return false
	}
	o := s.tree.Child(i, "obj")
	if o <= i {
		return false
	}
	for k := i + 1; k < o; k++ {
		if u := s.tok(k).UPOS; u != "ADJ" && u != "NOUN" {
			return false
		}
	}
	return s.tok(o).XPOS == "NNS"
}

// domestic gives a state institution of unknown country ("the
// government", "the courts": ---GOV, ---JUD, ---LEG, ---COP) the country
// of the other party when that is a country's actor: "Kenya's opposition
// called on the government" is KENOPP and KENGOV.
func (s *state) domestic(code, other string) string {
	if !strings.HasPrefix(code, Unknown) || len(other) < 3 || strings.HasPrefix(other, Unknown) {
		return code
	}
	switch role := code[len(Unknown):]; role {
	case "GOV", "JUD", "LEG", "COP":
		if e, ok := s.c.kb.Get(other[:3]); ok && e.Kind == kb.KindCountry {
			return other[:3] + role
		}
	}
	return code
}

// forceNoun reports a noun that names an act or means of armed force
// (the dictionary's &MILACTION, &OFFENSIVE, &AERIAL, &ARTILLERY and
// &WEAPON classes: "strike", "shelling", "drone", "bomb").
func (s *state) forceNoun(i int) bool {
	if s.tok(i).UPOS != "NOUN" {
		return false
	}
	for _, c := range []string{"&MILACTION", "&OFFENSIVE", "&AERIAL", "&ARTILLERY", "&WEAPON"} {
		if slices.Contains(s.c.dict.classes[c], s.lemma(i)) || slices.Contains(s.c.dict.classes[c], s.lower(i)) {
			return true
		}
	}
	return false
}

// hazardSentence reports whether a sentence's main verb has a natural
// hazard (the dictionary's &HAZARD class) as its subject.
func (s *state) hazardSentence(sent text.Span) bool {
	for i := sent.Start; i < sent.End; i++ {
		if s.tok(i).Head != -1 || s.tok(i).Deprel != "root" {
			continue
		}
		subj := s.tree.Child(i, "nsubj")
		if s.tok(i).UPOS == "NOUN" {
			subj = i // the parser's reading of "A storm forced ...": the noun as root, the verb its acl
		}
		return subj >= 0 && slices.Contains(s.c.dict.classes["&HAZARD"], s.lemma(subj))
	}
	return false
}

// provided reports a verb whose clause is a condition set by "provided"
// or "providing" ("provided (that) Uganda withdraws").
func (s *state) provided(i, start int) bool {
	isProvided := func(k int) bool { l := s.lower(k); return l == "provided" || l == "providing" }
	for _, k := range s.tree.Kids(i) {
		if s.tok(int(k)).Deprel == "mark" && isProvided(int(k)) {
			return true
		}
	}
	if h := s.tok(i).Head; h >= 0 && isProvided(h) && syntax.RelIs(s.tok(i).Deprel, "xcomp") {
		switch s.tok(i).XPOS {
		case "VBP", "VBZ", "VBD":
			return true // "provided forces end their assaults" read as "provided forces to end"
		}
	}
	// The parser often takes "provided" for the verb and hangs the
	// clause on it or elsewhere; the word just before the clause tells.
	first := i
	if k := s.tree.Child(i, "nsubj"); k >= 0 && k < i {
		first = k
		for {
			kids := s.tree.Kids(first)
			if len(kids) == 0 || int(kids[0]) > first {
				break
			}
			first = int(kids[0])
		}
	}
	if first > start && s.lower(first-1) == "that" {
		first--
	}
	return first > start && isProvided(first-1)
}

// accidental reports a verb whose oblique says it happened in an accident
// or a natural hazard ("killed in a crash", "injured in a stampede").
func (s *state) accidental(i int) bool {
	for _, k := range s.tree.Obliques(i) {
		switch s.prepOf(k) {
		case "in", "during":
			l := s.lemma(k)
			if slices.Contains(s.c.dict.classes["&ACCIDENT"], l) || slices.Contains(s.c.dict.classes["&HAZARD"], l) {
				return true
			}
		}
	}
	return false
}

// sportSentence reports whether a sentence has a word of a sports report
// (the dictionary's &SPORT class).
func (s *state) sportSentence(sent text.Span) bool {
	for i := sent.Start; i < sent.End; i++ {
		if t := s.tok(i); (t.UPOS == "NOUN" || t.UPOS == "PROPN") && slices.Contains(s.c.dict.classes["&SPORT"], s.lower(i)) {
			return true
		}
	}
	return false
}

func reciprocal(code string) bool {
	if strings.HasPrefix(code, "033") {
		return false // an offer of aid goes to one in need, not between the givers
	}
	switch root(code) {
	case 3, 4, 5, 6, 19:
		return true
	}
	return false
}

func prefix3(c string) string {
	if len(c) > 3 {
		return c[:3]
	}
	return c
}

// eventCountry is the country of a place the trigger itself names with
// "in" or "at", or "".
func (s *state) eventCountry(i int) string {
	cands := s.tree.Obliques(i)
	if o := s.object(i, false); o >= 0 && s.tok(i).UPOS == "VERB" {
		// "attacked a police station in northern Mali": where what it
		// was done to is
		cands = append(cands, s.tree.Obliques(o)...)
	}
	for _, k := range cands {
		switch s.prepOf(k) {
		case "in", "at", "inside":
			if e := s.tokEntity[k]; e >= 0 && isPlace(&s.ents[e]) {
				return s.ents[e].Entry.Country
			}
		}
	}
	return ""
}

// localise gives agents of unknown country ("---COP") the country c.
func localise(as []Actor, c string) {
	for j := range as {
		if code := as[j].Code; strings.HasPrefix(code, Unknown) && len(code) > len(Unknown) && as[j].Entity == "" {
			as[j].Code, as[j].placed = c+code[len(Unknown):], true
		}
	}
}

// placeTarget is the country of a place the trigger names with "in" or
// "at", directly or through the phrases it governs ("expressed sorrow
// for the shootings in South Carolina").
func (s *state) placeTarget(i int) Actor {
	cands := s.tree.Obliques(i)
	if o := s.object(i, false); o >= 0 && s.tok(i).UPOS == "VERB" {
		cands = append(cands, s.tree.Obliques(o)...)
	}
	for _, k := range cands[:len(cands):len(cands)] {
		if s.prepOf(k) == "to" {
			continue // "invited all parties to a conference in Manila": where they are to go
		}
		cands = append(cands, s.tree.Obliques(k)...)
	}
	for _, k := range cands {
		switch s.prepOf(k) {
		case "in", "at", "inside":
		default:
			continue
		}
		e := s.tokEntity[k]
		if e < 0 {
			// "at a mall in Kenya's capital"
			for _, c := range s.tree.Kids(k) {
				if rel := s.tok(int(c)).Deprel; (rel == "nmod:poss" || rel == "compound") && s.tokEntity[c] >= 0 {
					e, k = s.tokEntity[c], int(c)
					break
				}
			}
		}
		if e < 0 || !isPlace(&s.ents[e]) {
			continue
		}
		if c := s.ents[e].Entry.Country; c != "" {
			return Actor{Text: s.mentionText(&s.ents[e], k), Code: c, Entity: s.ents[e].ID, venue: true}
		}
	}
	return Actor{}
}

// dedupe merges events with the same source, target, code and date (the
// first keeps its evidence; counts take the largest).
func dedupe(evs []Event) []Event {
	type key struct{ src, tgt, code, date string }
	seen := map[key]int{}
	out := evs[:0]
	for _, e := range evs {
		k := key{e.Source.Code + "|" + e.Source.Entity, e.Target.Code + "|" + e.Target.Entity, e.Code.Code, e.Date}
		if j, ok := seen[k]; ok {
			out[j].Dead = max(out[j].Dead, e.Dead)
			out[j].Injured = max(out[j].Injured, e.Injured)
			continue
		}
		seen[k] = len(out)
		out = append(out, e)
	}
	out = generalDropped(out)
	slices.SortStableFunc(out, func(a, b Event) int { return cmp.Compare(a.Trigger[0], b.Trigger[0]) })
	return out
}

// generalDropped drops an event of a root's general code ("190") when the
// same sentence has one of a more specific code of that root between the
// same actors ("killed six rebels in a firefight": 193, not also 190):
// both words tell one event, and the specific code tells more.
func generalDropped(evs []Event) []Event {
	type key struct {
		src, tgt, root string
		sentence       int
	}
	keyOf := func(e Event) key { return key{e.Source.Code, e.Target.Code, e.Code.Code[:2], e.Sentence[0]} }
	general := func(e Event) bool { return len(e.Code.Code) == 3 && strings.HasSuffix(e.Code.Code, "0") }
	specific := map[key]int{} // the first specific event of each key
	for j, e := range evs {
		if len(e.Code.Code) >= 3 && !general(e) {
			if _, ok := specific[keyOf(e)]; !ok {
				specific[keyOf(e)] = j
			}
		}
	}
	// The counts of a dropped event go to the one that tells it.
	for _, e := range evs {
		if j, ok := specific[keyOf(e)]; ok && general(e) {
			evs[j].Dead, evs[j].Injured = max(evs[j].Dead, e.Dead), max(evs[j].Injured, e.Injured)
		}
	}
	return slices.DeleteFunc(evs, func(e Event) bool {
		_, ok := specific[keyOf(e)]
		return ok && general(e)
	})
}

// act reports a noun that names an act (&ACT or an eventive noun the
// dictionary codes) and no actor.
func (s *state) act(o int) bool {
	if s.tok(o).UPOS != "NOUN" {
		return false
	}
	if _, named := s.actor(o); named {
		return false
	}
	// "the killing of two aid workers" is an act, whoever it was done to
	if s.lemmaIn(o, s.c.dict.classes["&ACT"]) {
		return true
	}
	return len(s.actors(o)) == 0 && s.eventive(o)
}

// recipient is the country an offer of aid with no one named is for: the
// last country or place named before the trigger, in its sentence or the
// one before ("A quake struck southern Turkey. Greece offered to help"),
// that is none of the givers'.
func (s *state) recipient(i int, givers []Actor) Actor {
	sent, ok := s.doc.SentenceOf(i)
	if !ok {
		return Actor{}
	}
	from := sent.Start
	if from > 0 {
		if prev, ok := s.doc.SentenceOf(from - 1); ok {
			from = prev.Start
		}
	}
	for t := i - 1; t >= from; t-- {
		e := s.tokEntity[t]
		if e < 0 || !isPlace(&s.ents[e]) || s.ents[e].Entry.Country == "" {
			continue
		}
		c := s.ents[e].Entry.Country
		given := false
		for _, g := range givers {
			given = given || prefix3(g.Code) == c
		}
		if given {
			continue
		}
		if k, ok := s.c.kb.Get(c); ok {
			return Actor{Text: k.Name, Code: c}
		}
		return Actor{Text: s.mentionText(&s.ents[e], t), Code: c}
	}
	if s.country != "" {
		for _, g := range givers {
			if prefix3(g.Code) == s.country {
				return Actor{}
			}
		}
		text := s.country
		if k, ok := s.c.kb.Get(s.country); ok {
			text = k.Name
		}
		return Actor{Text: text, Code: s.country, resolved: true} // the country the article is about
	}
	return Actor{}
}

// evidence is what the coder knew when it coded an event.
type evidence struct {
	specific bool // the pattern had conditions that held ("fire obj=&RIOTGEAR >at"), not a bare verb
	derived  bool // the event is inferred from another one (the other side of a visit), not read
	source   Actor
	target   Actor
}

// confidence scores an event's evidence in [0, 1]: actors named with
// their country over agent nouns of no known country, agents given the
// country of the place or of the story, and actors found elsewhere (a
// pronoun's antecedent, a recipient from the context), over actors
// missing; a specific pattern over a bare verb. A country against its own
// government, forces or people, one side being the bare country ("ARM ->
// ARMGOV"), is mostly a place read as an actor, and an event inferred
// from another is weaker than one read. The weights were set by hand
// from what tells right events from wrong on both the event test set and
// PETRARCH-2's validation file (README, Events: the calibration table);
// whether an event is modal, reported or coded from a noun told nothing
// there, and does not count.
func confidence(e evidence) float64 {
	c := 0.55
	if e.specific {
		c += 0.05
	}
	if e.derived {
		c -= 0.1
	}
	c += actorEvidence(e.source, 0.1)
	c += actorEvidence(e.target, 0.1)
	if src, tg := e.source.Code, e.target.Code; len(src) >= 3 && len(tg) >= 3 && src[:3] == tg[:3] && src[:3] != Unknown && (len(src) == 3 || len(tg) == 3) {
		c -= 0.15
	}
	return math.Round(min(1, max(0, c))*100) / 100
}

// actorEvidence weighs how an actor was found, at most w/2 for a named
// one.
func actorEvidence(a Actor, w float64) float64 {
	switch {
	case a.Code == "" || a.Code == Unknown:
		return -w
	case a.placed || a.resolved || strings.HasPrefix(a.Code, Unknown):
		// an agent whose country is where it happened or what the story
		// is about, not what its words say; one found in another clause;
		// an agent of no known country
		return 0
	}
	return w / 2
}
