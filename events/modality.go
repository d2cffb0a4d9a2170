package events

import (
	"slices"
	"strings"

	"tidings/annotate"
	"tidings/kb"
	"tidings/syntax"
	"tidings/text"
)

type modal int

const (
	modalNone   modal = iota
	modalIntent       // "plans to", "wants to", "pledged to": CAMEO 03 (intent) or 13 (threat)
	modalThreat       // "threatened to": CAMEO 13
	modalAppeal       // "wants X to", "asked X to": CAMEO 02
)

// modality classifies a verb that governs an infinitive. Verbs of aspect
// and decision ("began to", "decided to", "agreed to") leave the action as
// it is: the codebook codes the action itself.
func modality(lemma string) modal {
	switch lemma {
	case "want", "plan", "intend", "seek", "hope", "aim", "prepare", "promise", "pledge", "vow", "offer", "wish", "propose", "expect", "mean", "try", "attempt":
		return modalIntent
	case "willing", "ready", "prepared", "eager", "keen":
		// "were willing to negotiate", "is ready to meet": a stated
		// readiness, the codebook's intent, not the act
		return modalIntent
	case "threaten", "warn":
		return modalThreat
	case "ask", "urge", "call", "request", "demand", "press", "encourage":
		return modalAppeal
	}
	return modalNone
}

// forecast reports a verb that says what someone else is expected to do
// ("expect Egypt to invite", "believe Russia to be preparing"): neither
// an act nor an appeal.
func forecast(lemma string) bool {
	switch lemma {
	case "expect", "predict", "anticipate", "forecast", "believe", "consider", "suspect", "think", "assume":
		return true
	}
	return false
}

// deliberation reports a verb of weighing an option ("is considering
// buying wheat", "is mulling sanctions"): the codebook's intent needs a
// decision, which these do not state.
func deliberation(lemma string) bool {
	switch lemma {
	case "consider", "weigh", "mull", "contemplate", "ponder", "debate":
		return true
	}
	return false
}

// hoped reports a verb whose clause is a wish or an expectation, not a
// report: what it says has not happened.
func hoped(lemma string) bool {
	switch lemma {
	case "hope", "wish", "want", "expect", "fear", "demand", "insist", "urge", "suggest", "propose", "recommend":
		return true
	}
	return false
}

// demandCode maps an action that one actor demands of another to the
// CAMEO demand for it (10x).
func demandCode(code string) string {
	switch root(code) {
	case 4:
		return "106" // demand a meeting or negotiation
	case 5:
		return "102" // demand diplomatic cooperation
	case 6:
		return "101" // demand material cooperation
	case 7:
		return "103" // demand aid
	case 8:
		return "105" // demand that the target yield
	}
	return "100"
}

// intentCode maps an action to the CAMEO intent to do it (03x) or, for a
// conflictual action, to the threat of it (13x).
func intentCode(code string) string {
	switch root(code) {
	case 1, 2, 3:
		return code // already verbal
	case 4:
		return "036" // intent to meet or negotiate
	case 5:
		return "032" // intent to cooperate diplomatically
	case 6:
		return "031" // intent to cooperate materially
	case 7:
		return "033" // intent to provide material aid
	case 8:
		if strings.HasPrefix(code, "084") {
			return "0353" // intent to release persons or property
		}
		return "035" // intent to yield
	case 9:
		return "030"
	case 10, 11, 12, 13:
		return code
	}
	return threatCode(code)
}

// threatCode maps an action to the CAMEO threat of it.
func threatCode(code string) string {
	switch root(code) {
	case 14:
		return "133" // threaten political dissent or protest
	case 15, 18, 19, 20:
		return "138" // threaten with military force
	case 16:
		return "131" // threaten non-force
	case 17:
		return "137" // threaten with repression
	case 13:
		return code
	}
	return "130"
}

// appealCode maps an action that one actor wants another to take to the
// CAMEO appeal for it (02x).
func appealCode(code string) string {
	switch root(code) {
	case 4:
		return "026" // appeal to meet or negotiate
	case 5:
		return "022" // appeal for diplomatic cooperation
	case 6:
		return "021" // appeal for material cooperation
	case 7:
		return "023" // appeal for aid
	case 8:
		return "025" // appeal to yield
	}
	return "020"
}

// negatedCode maps a negated action to the CAMEO code for refusing it
// (12x) when it is cooperative; a negated conflictual action ("did not
// attack") is no event.
func negatedCode(code string) string {
	switch root(code) {
	case 3, 5:
		return "120" // reject
	case 4:
		return "125" // reject a proposal to meet or negotiate
	case 6, 7:
		return "121" // reject material cooperation
	case 8:
		return "124" // refuse to yield
	}
	return ""
}

// casualties fills the dead and injured counts of events from the counts
// in their sentence: "at least 8 servicemen ... were killed and more than
// 300 were injured", "killing at least eight people".
func (s *state) casualties(evs []Event) {
	if len(evs) == 0 {
		return
	}
	// The events of each sentence, in order, found by the sentence's start.
	bySentence := map[int][]int{}
	for j := range evs {
		bySentence[evs[j].Sentence[0]] = append(bySentence[evs[j].Sentence[0]], j)
	}
	for si, sent := range s.doc.Sentences {
		ss, _ := s.doc.Bytes(sent)
		inSentence := bySentence[ss]
		// A sentence with no event of its own may count the toll of the
		// violence the sentence before reports ("Police fired tear gas at
		// protesters. Eight people were injured.").
		var before []int
		if len(inSentence) == 0 {
			if si == 0 || !s.countsCasualties(sent) {
				continue
			}
			ps, _ := s.doc.Bytes(s.doc.Sentences[si-1])
			for _, j := range bySentence[ps] {
				if violence(evs[j].Code.Code) {
					before = append(before, j)
				}
			}
			if len(before) == 0 {
				continue
			}
		}
		for i := sent.Start; i < sent.End; i++ {
			t := s.tok(i)
			if t.UPOS != "VERB" && t.UPOS != "ADJ" {
				continue
			}
			dead := false
			switch s.lemma(i) {
			case "kill", "die", "slay", "massacre", "murder", "execute", "dead":
				dead = true
			case "injure", "wound", "hurt", "injured", "wounded":
			case "shoot", "stab", "beat":
				// "shot dead two protesters": the adjective however parsed
				if i+1 >= sent.End || s.lower(i+1) != "dead" || t.UPOS != "VERB" {
					continue
				}
				dead = true
			default:
				continue
			}
			// anchor is the predicate the count hangs on: the verb, or
			// for "leaving four soldiers dead" the verb "leaving".
			anchor, arg := i, -1
			switch {
			case t.UPOS == "ADJ" && syntax.RelIs(t.Deprel, "xcomp") && t.Head >= 0:
				anchor, arg = t.Head, s.tree.Child(t.Head, "obj")
			case s.passive(i) || s.lemma(i) == "die" || t.UPOS == "ADJ":
				arg = s.tree.Child(i, "nsubj")
			default:
				arg = s.tree.Child(i, "obj")
				if k := s.tree.Child(i, "obl:unmarked"); arg < 0 && k >= 0 && s.tok(k).UPOS == "NUM" {
					arg = k // "and injured nine": a bare number the parser did not take for the object
				}
			}
			if arg < 0 || s.cumulative(anchor) || s.cumulative(arg) {
				continue
			}
			if len(inSentence) == 0 {
				// Each group counted hurts on the other side's acts:
				// "12 officers and more than 30 protesters were injured".
				groups := []int{arg}
				for _, k := range s.tree.Kids(arg) {
					if s.tok(int(k)).Deprel == "conj" {
						groups = append(groups, int(k))
					}
				}
				for _, a := range groups {
					if n := s.countOf(a); n > 0 && !s.cumulative(a) {
						addCasualties(evs, s.sufferedBy(a, evs, before), n, dead)
					}
				}
				continue
			}
			if n := s.countOf(arg); n > 0 {
				addCasualties(evs, s.casualtyEvents(anchor, evs, inSentence), n, dead)
			}
		}
	}
}

// addCasualties records n dead (or injured) on the events js.
func addCasualties(evs []Event, js []int, n int, dead bool) {
	for _, j := range js {
		if dead {
			evs[j].Dead = max(evs[j].Dead, n)
		} else {
			evs[j].Injured = max(evs[j].Injured, n)
		}
	}
}

// casualtyEvents returns the events a count on predicate k belongs to:
// the event k triggers and those whose trigger governs k ("shelled the
// city, killing two") or is its subject ("a drone strike killed three"),
// else the sentence's events of violence (roots 18-20 and 145
// riots), else its first event.
func (s *state) casualtyEvents(k int, evs []Event, inSentence []int) []int {
	var out []int
	for _, j := range inSentence {
		if evs[j].trigger == k {
			out = append(out, j) // "... and wounded four": the wounding's own event, not the killing it is joined to
		}
	}
	if len(out) > 0 {
		return out
	}
	near := []int{k, s.tok(k).Head, s.tree.Child(k, "nsubj"), s.tree.Child(k, "nsubj:pass")}
	for _, j := range inSentence {
		if slices.Contains(near, evs[j].trigger) {
			out = append(out, j)
		}
	}
	if len(out) > 0 {
		return out
	}
	var violent []int
	for _, j := range inSentence {
		if violence(evs[j].Code.Code) {
			violent = append(violent, j)
		}
	}
	if len(violent) > 0 {
		return violent
	}
	return inSentence[:1]
}

// cumulative reports whether a toll is counted since a time ("has killed
// some 13,000 since October", "since the offensive began"): a running
// total or a claim, not one event's count.
func (s *state) cumulative(k int) bool {
	since := func(m int) bool {
		return syntax.RelIs(s.tok(m).Deprel, "case", "mark") && s.lower(m) == "since"
	}
	for _, c := range s.tree.Kids(k) {
		for _, m := range s.tree.Kids(int(c)) {
			if since(int(m)) {
				return true
			}
			if !syntax.RelIs(s.tok(int(c)).Deprel, "advcl", "ccomp") {
				continue
			}
			// "killed since the protests began", with "since" read as
			// the clause subject's preposition.
			for _, n := range s.tree.Kids(int(m)) {
				if int(n) < int(m) && since(int(n)) {
					return true
				}
			}
		}
	}
	return false
}

// countOf returns the number a nominal counts: a COUNT or QUANTITY span
// over it or its numeric modifier ("at least 8 servicemen", "300").
func (s *state) countOf(i int) int {
	// The spans over i or over a numeric modifier of i, in document order:
	// the first with a value counts.
	if s.countSpans == nil {
		s.countSpans = map[int][]int{}
		for j, sp := range s.doc.Entities {
			if sp.Label == "COUNT" || sp.Label == "QUANTITY" {
				for t := sp.Start; t < sp.End; t++ {
					s.countSpans[t] = append(s.countSpans[t], j)
				}
			}
		}
	}
	cands := slices.Clone(s.countSpans[i])
	for _, k := range s.tree.Kids(i) {
		if s.tok(int(k)).Deprel == "nummod" {
			cands = append(cands, s.countSpans[int(k)]...)
		}
	}
	slices.Sort(cands)
	for _, j := range slices.Compact(cands) {
		if v := annotate.Quantity(s.doc, s.doc.Entities[j]); v.Value > 0 {
			return int(v.Value)
		}
	}
	if t := s.tok(i); t.UPOS == "NUM" {
		return number(t.Form) // "killing two of its residents"
	}
	if k := s.tree.Child(i, "nummod"); k >= 0 {
		return number(s.tok(k).Form)
	}
	return 0
}

// number reads a numeral or a number word ("12", "two").
func number(w string) int {
	if v, ok := annotate.NumberValue(w); ok && v >= 1 && v <= 1e9 {
		return int(v)
	}
	return 0
}

// threatened returns the act that threat verb i says its subject will do:
// its infinitive ("threatened to block exports"; not "warned residents to
// stay indoors", where the one warned is to act) or a clause in the
// future whose subject is a pronoun, the speaker ("warned Manila that it
// would respond", "warned it would cut off supplies"); -1 when none.
func (s *state) threatened(i int) int {
	if s.tok(i).UPOS != "VERB" || modality(s.lemma(i)) != modalThreat {
		return -1
	}
	if x := s.tree.Child(i, "xcomp"); x >= 0 && s.tok(x).UPOS == "VERB" {
		if s.tree.Child(i, "obj", "iobj") >= 0 {
			return -1
		}
		return x
	}
	x := s.tree.Child(i, "ccomp")
	if x < 0 || s.tok(x).UPOS != "VERB" || !s.future(x) {
		return -1
	}
	if k := s.tree.Child(x, "nsubj"); k < 0 || s.tok(k).UPOS != "PRON" {
		return -1
	}
	return x
}

// threatTargets finds whom a threat is aimed at (CAMEO 13x targets the
// one threatened), given the threat verb h, the threatened act x, the
// targets the act's own pattern found and the threat's sources: the actor
// warned ("warned Manila that"); the actor the act would be done to
// ("launch strikes against South Korea", "cut off supplies to Moldova");
// the one the threat's condition asks to act ("unless the government
// raises wages", "if the banks do not grant its request"); an actor the
// act's object belongs to ("emulate Brazil's moratorium"); the addressee
// of a demand the threat backs ("demanded talks with the minister and threatened to
// ..."); a place the act names last ("march on Bangkok"); else none.
func (s *state) threatTargets(h, x int, found, sources []Actor) []Actor {
	if o := s.tree.Child(h, "iobj", "obj"); o >= 0 {
		if a := s.actors(o); len(a) > 0 {
			return a
		}
	}
	own := func(a Actor) bool {
		return slices.ContainsFunc(sources, func(src Actor) bool { return src.Code == a.Code })
	}
	// The act's own object or oblique that is an actor ("launch strikes
	// against South Korea", "cut off supplies to Moldova"), not one an
	// object belongs to ("emulate Brazil's moratorium").
	var direct []Actor
	for _, k := range s.tree.Kids(x) {
		switch rel := s.tok(int(k)).Deprel; {
		case syntax.RelIs(rel, "obj", "iobj"):
		case syntax.RelIs(rel, "obl"):
			switch s.prepOf(int(k)) {
			case "against", "on", "to", "with", "from", "at":
			default:
				continue
			}
		default:
			continue
		}
		if e := s.tokEntity[k]; e >= 0 && isPlace(&s.ents[e]) && s.ents[e].Linked() && s.ents[e].Entry.Kind != kb.KindCountry {
			continue // "march on Bangkok": a city the act goes to is where, not whom
		}
		if a, ok := s.actor(int(k)); ok && !own(a) {
			direct = append(direct, a)
		}
	}
	if len(direct) > 0 {
		return direct
	}
	for _, v := range []int{x, h} {
		for _, k := range s.tree.Kids(v) {
			if !syntax.RelIs(s.tok(int(k)).Deprel, "advcl") {
				continue
			}
			m := s.tree.Child(int(k), "mark")
			if m < 0 || s.lower(m) != "if" && s.lower(m) != "unless" {
				continue
			}
			var as []Actor
			for _, a := range s.subjects(int(k), 0) {
				if !a.resolved && !own(a) {
					as = append(as, a)
				}
			}
			if len(as) > 0 {
				return as
			}
		}
	}
	var places []Actor
	for _, a := range found {
		if a.Entity == "" || !s.placeIDs[a.Entity] {
			return found
		}
		places = append(places, a)
	}
	// A demand coordinated with the threat: "demanded talks with the
	// labour minister and threatened to block exports".
	demands := []int{s.tree.Child(h, "conj")} // "threatened to strike and demanded talks"
	if syntax.RelIs(s.tok(h).Deprel, "conj") {
		demands = append(demands, s.tok(h).Head)
	}
	for _, g := range demands {
		if g < 0 || s.tok(g).UPOS != "VERB" {
			continue
		}
		if q, ok := s.match(g, false); ok && (root(q.Code) == 10 || root(q.Code) == 2) {
			if _, tg := s.verbActors(g, &q); len(tg) > 0 {
				return tg
			}
		}
	}
	return places
}

// countsCasualties reports whether a sentence has a word of dying or
// being hurt (the predicates casualties reads counts from).
func (s *state) countsCasualties(sent text.Span) bool {
	for i := sent.Start; i < sent.End; i++ {
		if t := s.tok(i); t.UPOS == "VERB" || t.UPOS == "ADJ" {
			switch t.Lemma { // the tagger's lemmas of these are lower case
			case "kill", "die", "slay", "massacre", "murder", "execute", "dead", "injure", "wound", "hurt", "injured", "wounded":
				return true
			}
		}
	}
	return false
}

// violence reports a code whose event may have dead and injured: force
// (roots 18-20), riots (145) and violent repression (175).
func violence(code string) bool {
	return root(code) >= 18 || code == "145" || code == "175"
}

// sufferedBy returns, of the events of violence the sentence before
// reports, those whose victims the people counted at arg may be: the
// people of a side are hurt by the other side's acts ("Twenty officers
// and 35 protesters were injured" after a clash between police and
// protesters: the officers' count on the protesters' act, theirs on the
// police's), and people of no side named by anyone's act.
func (s *state) sufferedBy(arg int, evs []Event, before []int) []int {
	role, ok := s.agentRole(arg)
	if !ok {
		return before
	}
	var out []int
	for _, j := range before {
		if !strings.HasSuffix(evs[j].Source.Code, role) || strings.HasSuffix(evs[j].Target.Code, role) {
			out = append(out, j)
		}
	}
	return out
}

// tolls drops the events of agentless passives that count the toll of
// the violence the sentence before reports ("Police fired live rounds at
// protesters. Two protesters were killed."): the count is that event's
// (casualties puts it there), not an act of its own.
func (s *state) tolls(evs []Event) []Event {
	violentIn := map[int]bool{} // sentence starts (bytes) with an event of violence by a named actor
	for _, e := range evs {
		if violence(e.Code.Code) && !e.agentless() {
			violentIn[e.Sentence[0]] = true
		}
	}
	if len(violentIn) == 0 {
		return evs
	}
	return slices.DeleteFunc(evs, func(e Event) bool {
		if !e.agentless() {
			return false
		}
		sent, ok := s.doc.SentenceOf(e.trigger)
		if !ok || sent.Start == 0 {
			return false
		}
		for _, own := range evs {
			if own.Sentence == e.Sentence && !own.agentless() {
				return false // the sentence reports an act of its own
			}
		}
		prev, _ := s.doc.SentenceOf(sent.Start - 1)
		ps, _ := s.doc.Bytes(prev)
		return violentIn[ps]
	})
}
