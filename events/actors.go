package events

import (
	"slices"
	"strings"

	"tidings/kb"
	"tidings/link"
	"tidings/syntax"
	"tidings/text"
)

// This file resolves actors: who a nominal names, and its CAMEO code.

// actors returns the actors that the nominal at token i names: itself,
// its conjuncts ("Belarus, Armenia and Tajikistan") and, for a word that
// names no actor, its apposition ("other members – Belarus, ...").
func (s *state) actors(i int) []Actor { return s.actorsDepth(i, 0) }

func (s *state) actorsDepth(i, depth int) []Actor {
	var out []Actor
	if a, ok := s.actor(i); ok {
		out = append(out, a)
		out = append(out, s.coModified(i, a)...)
		// "The US, Russia, and Switzerland": a list the parser read as
		// an apposition.
		for _, k := range s.tree.Kids(i) {
			if s.tok(int(k)).Deprel == "appos" {
				if b, ok := s.actor(int(k)); ok && b.Code != a.Code && s.tokEntity[k] >= 0 && s.ents[s.tokEntity[k]].Entry.Kind == kb.KindCountry && a.Entity != "" {
					out = append(out, b)
				}
			}
		}
	} else if depth < 3 {
		for _, k := range s.tree.Kids(i) {
			if s.tok(int(k)).Deprel == "appos" {
				out = append(out, s.actorsDepth(int(k), depth+1)...)
				break
			}
		}
		// "a depot belonging to Russian troops", "a factory owned by
		// the army": the owner.
		for _, k := range s.tree.Kids(i) {
			if len(out) > 0 || s.tok(int(k)).Deprel != "acl" {
				continue
			}
			switch s.lemma(int(k)) {
			case "belong":
				if b := s.targetOblique(int(k), []string{"to"}); b >= 0 {
					out = append(out, s.actorsDepth(b, depth+1)...)
				}
			case "own", "operate", "run", "control", "use":
				if b := s.tree.Child(int(k), "obl:agent"); b >= 0 {
					out = append(out, s.actorsDepth(b, depth+1)...)
				} else if b := s.targetOblique(int(k), []string{"by"}); b >= 0 {
					out = append(out, s.actorsDepth(b, depth+1)...)
				}
			}
		}
		// "part of Syria's second city", "China's assistance", "an
		// Islamic State target": the actor the thing belongs to.
		for _, k := range s.tree.Kids(i) {
			if len(out) > 0 {
				break
			}
			rel := s.tok(int(k)).Deprel
			switch {
			case syntax.RelIs(rel, "nmod") && s.prepOf(int(k)) == "of" && slices.Contains(s.c.dict.classes["&FIRM"], s.lower(i)):
				// "Tools Corp of Canada": a firm's name, not Canada's
			case syntax.RelIs(rel, "nmod") && (s.prepOf(int(k)) == "of" || s.prepOf(int(k)) == "from") && s.personName(i) && s.tokEntity[k] >= 0 && isPlace(&s.ents[s.tokEntity[k]]):
				// "Maria Delgado of Tucson": where a person lives, not
				// the place as an actor
			case rel == "nmod:poss" || syntax.RelIs(rel, "nmod") && s.prepOf(int(k)) == "of":
				out = append(out, s.actorsDepth(int(k), depth+1)...)
			case rel == "nmod:desc" && int(k) < i:
				// "the Attorney General's Office", "the Police
				// Department": the office an agent's title names
				if _, isAgent := s.agentRole(int(k)); isAgent {
					if a, ok := s.actor(int(k)); ok {
						out = append(out, a)
					}
				}
			case rel == "compound" && s.venueWord(i, int(k)):
				// "the embassy bombing": the building hit, not its owner's act
			case rel == "compound" && s.tokEntity[k] >= 0 && !isPlace(&s.ents[s.tokEntity[k]]):
				// an organisation's ("an Islamic State target"), not a
				// country's ("U.S. wheat")
				if a, ok := s.actor(int(k)); ok {
					out = append(out, a)
				}
			case rel == "compound" && s.tokEntity[k] < 0 && int(k) < i:
				// an agent's: "opposition rallies", "a police station",
				// "Government Port Reform"
				if _, isAgent := s.agentRole(int(k)); !isAgent {
					if c := s.tree.Child(int(k), "compound"); c >= 0 && s.tokEntity[c] < 0 {
						if _, ok := s.agentRole(c); ok {
							k = int32(c)
						}
					}
				}
				if _, isAgent := s.agentRole(int(k)); isAgent {
					if a, ok := s.actor(int(k)); ok {
						if len(a.Code) >= 3 && s.lemmaIn(i, s.c.dict.classes["&MILSITE"]) {
							a.Code = a.Code[:3] + "MIL" // "a junta outpost": its forces'
						}
						out = append(out, a)
					}
				}
			}
		}
	}
	for _, k := range s.tree.Kids(i) {
		if s.tok(int(k)).Deprel == "conj" {
			if s.forceNoun(int(k)) {
				continue // "killed two farmers, and a separate Russian missile attack ...": another act, no actor
			}
			if a, ok := s.actor(int(k)); ok {
				out = append(out, a)
			}
		}
	}
	return out
}

// titlePrefix reports a capitalised "Deputy" or "Vice" that begins the
// title of the words after it ("Deputy Prime Minister", "Vice
// President"): part of a longer title, not a legislator or an actor of its
// own, however the parser hangs it.
func (s *state) titlePrefix(i int) bool {
	switch s.tok(i).Form {
	case "Deputy", "Vice":
	default:
		return false
	}
	sent, ok := s.doc.SentenceOf(i)
	if !ok {
		return false
	}
	for k := i + 1; k < sent.End && k <= i+2; k++ {
		f := s.tok(k).Form
		if f == "" || strings.ToUpper(f[:1]) != f[:1] || strings.ToLower(f) == f {
			return false // "deputy" of its own, "Deputy Smith"
		}
		if _, ok := s.c.dict.agents[strings.ToLower(f)]; ok {
			return true
		}
	}
	return false
}

// titlePrefixCode returns the country of a split title before the name
// at token i: "Iraqi" of "Iraqi Deputy Prime Minister Tariq Aziz".
func (s *state) titlePrefixCode(i int) string {
	sent, ok := s.doc.SentenceOf(i)
	if !ok {
		return ""
	}
	for j := i - 1; j >= sent.Start && j >= i-5; j-- {
		if s.titlePrefix(j) {
			return s.modifierCode(j)
		}
	}
	return ""
}

// actor codes the nominal at token i.
func (s *state) actor(i int) (Actor, bool) {
	if s.tokEntity[i] == -2 {
		return Actor{}, false // a dateline
	}
	if s.titlePrefix(i) {
		// "Deputy" of "Iraqi Deputy Prime Minister Tariq Aziz", split off
		// by the parser: the person the title names, if any.
		sent, _ := s.doc.SentenceOf(i)
		for j := i + 1; j < sent.End && j <= i+5; j++ {
			if e := s.tokEntity[j]; e >= 0 && s.ents[e].Type == kb.TypePER {
				return s.actor(j)
			}
		}
		return Actor{}, false
	}
	if e := s.tokEntity[i]; e >= 0 && !s.agentPlaceWord(i) {
		ent := &s.ents[e]
		if s.firmName(ent) {
			// "Tipperary" for "Tipperary Corp", "Dynamics Corp of
			// America": a business the knowledge base lacks, not the
			// place or country its name holds.
			return Actor{}, false
		}
		if code := s.entityCode(ent); code != "" {
			if ent.Type == kb.TypePER && len(code) == 3 {
				// "Prime Minister Yasuhiro Nakasone" in a year the
				// knowledge base holds no office for: the title says it.
				if role := s.titleRole(i); role != "" {
					code += role
				}
			}
			return Actor{Text: s.mentionText(ent, i), Code: code, Entity: ent.ID}, true
		}
		if ent.Type == kb.TypePER {
			// "Syrian President Bashar Assad", someone the knowledge base
			// lacks: the title says the role, its modifier the country.
			for _, k := range s.tree.Kids(i) {
				rel := s.tok(int(k)).Deprel
				if rel != "compound" && rel != "nmod:desc" && rel != "appos" {
					continue
				}
				if role, ok := s.c.dict.agents[s.lemma(int(k))]; ok {
					prefix := s.modifierCode(int(k))
					if prefix == "" {
						prefix = s.modifierCode(i)
					}
					if prefix == "" {
						prefix = s.titlePrefixCode(i)
					}
					if prefix == "" {
						prefix = Unknown
					}
					return Actor{Text: s.mentionText(ent, i), Code: prefix + role, Entity: ent.ID}, true
				}
			}
		}
		if ent.Linked() {
			return Actor{}, false
		}
		// A name the knowledge base lacks may still be a title ("US
		// Secretary of State") or a country in odd case ("iSrael"): read
		// it as words.
	}
	lemma := s.lemma(i)
	if a, ok := s.possessedMember(i); ok {
		return a, true
	}
	role, ok := s.agentRole(i)
	if ok && !s.nameHead(i) {
		ok = false // "Soviet Union", "General Motors", "Marine Midland Banks": a name, not a role
	}
	if ok && role != "MIL" && s.militaryModifier(i) {
		role = "MIL" // "military officers", "army doctors": the forces' own, as Phoenix's MILITARY_OFFICER
	}
	if ok {
		// "sheriff's deputies", "the union's members": the people of an
		// agent are of its sector
		// ... but a union is labour whoever its members are ("the
		// teachers' union"), and "the company's workers" are workers.
		if k := s.tree.Child(i, "nmod:poss"); k >= 0 && s.tokEntity[k] < 0 && role != "LAB" {
			if r, isAgent := s.c.dict.agents[s.lemma(k)]; isAgent {
				role = r
			}
		}
	}
	if ok && role == "GOV" && s.firmsOwn(i) {
		role = "BUS" // "Alcoa officials", "a company spokesman": the firm's people, not a government's
	}
	if ok {
		prefix := s.modifierCode(i)
		if prefix == "" && (role == "JUD" || role == "GOV" || role == "LEG" || role == "COP") {
			// "a court in Guyana", "the government in Kabul" (but "the
			// US commander in Iraq" is not Iraqi).
			for _, k := range s.tree.Obliques(i) {
				if p := s.prepOf(k); (p == "in" || p == "at") && s.tokEntity[k] >= 0 && isPlace(&s.ents[s.tokEntity[k]]) {
					prefix = s.entityCode(&s.ents[s.tokEntity[k]])
					break
				}
			}
		}
		if prefix == "" && (role == "BUS" || role == "LAB") {
			// "management at an Indonesian smelter", "workers at a
			// Hungarian car plant": the workplace's country.
			for _, k := range s.tree.Obliques(i) {
				if p := s.prepOf(k); (p == "at" || p == "of") && s.tokEntity[k] < 0 {
					if c := s.modifierCode(k); len(c) == 3 {
						prefix = c
						break
					}
				}
			}
		}
		if prefix == "" {
			prefix = s.ownersCountry(i)
		}
		if prefix == "" {
			if a, ok := s.reportersOwn(i); ok {
				prefix = a.Code[:3] // "the army said its troops ...": the army's country
			}
		}
		abroad := prefix == "" && s.foreignAgent(i)
		placed := prefix == "" && s.country != "" && !abroad
		if placed {
			prefix = s.country
		}
		if prefix == "" {
			prefix = Unknown
		}
		if strings.HasSuffix(prefix, role) {
			role = "" // "the Kazakh army" already coded KAZMIL from the body
		}
		return Actor{Text: s.phraseText(i), Code: prefix + role, placed: placed, abroad: abroad}, true
	}
	// "Venezuelan opposition leaders": the group the compound names
	// before the country the adjective does.
	if a, ok := s.memberOfAgent(i); ok {
		return a, true
	}
	if a, ok := s.officeHolder(i); ok {
		return a, true
	}
	if s.forceNoun(i) {
		// "the Israeli military said its aircraft struck": the speaker's
		if a, ok := s.reportersOwn(i); ok {
			return Actor{Text: s.phraseText(i), Code: a.Code[:3] + "MIL"}, true
		}
	}
	if t := s.tok(i); t.UPOS == "NOUN" {
		// "Filipino peacekeepers", "Palestinian prisoners": people or
		// things of a country stand for it, when an adjective says so
		// ("U.S. wheat" and "U.S. complaints" do not).
		// A military site or vessel is its country's forces' however
		// the country is named ("a U.S. base", "a Chinese warship"; but
		// "a U.S. position" in talks is no military one).
		site := s.lemmaIn(i, s.c.dict.classes["&MILSITE"]) && s.lemma(i) != "position"
		if c := s.modifierCode(i); c != "" && len(c) == 3 && (s.adjectiveModifier(i) || site) {
			// ... but "the Somali militant group al-Shabab" is the group
			// its name says.
			for _, k := range s.tree.Kids(i) {
				if rel := s.tok(int(k)).Deprel; (rel == "appos" || rel == "flat") && s.tokEntity[k] >= 0 {
					if a, ok := s.actor(int(k)); ok {
						return a, true
					}
				}
			}
			if s.lemmaIn(i, s.c.dict.classes["&MILSITE"]) || s.militaryModifier(i) || s.coastGuard(i) {
				c += "MIL" // "Ukrainian positions", "a Russian air base", "Chinese military drills"
			} else if k := s.tree.Child(i, "compound"); k >= 0 && k < i && s.tokEntity[k] < 0 {
				if role, ok := s.agentRole(k); ok {
					c += role // "a Pakistani police station", "a Nigerian police patrol"
				}
			}
			return Actor{Text: s.phraseText(i), Code: c}, true
		}
	}
	if c := s.missedCountry(i); c != "" {
		return Actor{Text: s.tok(i).Form, Code: c}, true
	}
	if (lemma == "country" || lemma == "nation") && s.country != "" && s.hasDefinite(i) {
		return Actor{Text: s.phraseText(i), Code: s.country}, true
	}
	switch lemma {
	case "organization", "organisation", "alliance", "bloc":
		// "Tokayev turned to the CSTO ..., and the organization decided
		// to send its troops": the last organisation named before.
		if s.hasDefinite(i) {
			if e := s.lastOrganisation(i); e >= 0 {
				ent := &s.ents[e]
				if code := s.entityCode(ent); code != "" {
					return Actor{Text: s.phraseText(i), Code: code, Entity: ent.ID}, true
				}
			}
		}
	}
	return Actor{}, false
}

// foreignAgent reports an agent noun that says it is not of the story's
// country: "foreign banks", "creditor banks" (a debtor's creditors),
// "international lenders".
func (s *state) foreignAgent(i int) bool {
	for _, k := range s.tree.Kids(i) {
		if !syntax.RelIs(s.tok(int(k)).Deprel, "amod", "compound") {
			continue
		}
		if s.regionWord(int(k)) {
			return true // "Latin American leaders"
		}
		if s.tok(int(k)).UPOS == "PROPN" || s.tokEntity[k] >= 0 {
			continue // "the Seafarers' International Union": a name's word
		}
		switch s.lemma(int(k)) {
		case "foreign", "creditor", "overseas", "international", "offshore", "multinational":
			return true
		}
	}
	return false
}

// firmName reports an entity that names a business: an organisation
// the knowledge base lacks whose name holds a word of a firm's name
// ("Corp", "Resources"), or a city or region whose name begins such an
// organisation's name in the story ("Midland" beside "Midland Bank Plc").
func (s *state) firmName(e *link.Entity) bool {
	holds := func(words []string, class string) bool {
		for _, w := range words {
			if slices.Contains(s.c.dict.classes[class], w) {
				return true
			}
		}
		return false
	}
	if e.Type == kb.TypeORG && !e.Linked() {
		return holds(strings.Fields(strings.ToLower(e.Name)), "&FIRM")
	}
	if !e.Linked() || (e.Entry.Kind != kb.KindCity && e.Entry.Kind != kb.KindRegion) {
		return false
	}
	var names [][]string
	for _, m := range e.Mentions {
		names = append(names, strings.Fields(strings.ToLower(s.doc.SpanText(m))))
	}
	for k := range s.ents {
		o := &s.ents[k]
		if o.Type != kb.TypeORG || o.Linked() {
			continue
		}
		words := strings.Fields(strings.ToLower(o.Name))
		for _, name := range names {
			if len(name) > 0 && len(words) > len(name) && slices.Equal(words[:len(name)], name) && holds(words[len(name):], "&FIRMWORD") {
				return true
			}
		}
	}
	return false
}

// titleRole is the role of the title a person's name carries ("Prime
// Minister", "Senator"), or "".
func (s *state) titleRole(i int) string {
	for _, k := range s.tree.Kids(i) {
		if rel := s.tok(int(k)).Deprel; rel != "compound" && rel != "nmod:desc" && rel != "appos" {
			continue
		}
		if s.tokEntity[k] >= 0 && s.tokEntity[k] == s.tokEntity[i] && s.tok(int(k)).UPOS == "PROPN" && !s.isTitleWord(int(k)) {
			continue // another word of the name
		}
		if role, ok := s.c.dict.agents[s.lemma(int(k))]; ok {
			return role
		}
	}
	return ""
}

// isTitleWord reports a word the agents list holds.
func (s *state) isTitleWord(k int) bool {
	_, ok := s.c.dict.agents[s.lemma(k)]
	return ok
}

// firmsOwn reports an agent noun a business modifies: "Alcoa officials",
// "a company spokesman", "officials of Precision Tools Corp".
func (s *state) firmsOwn(i int) bool {
	for _, k := range s.tree.Kids(i) {
		t := s.tok(int(k))
		if !(t.Deprel == "compound" || t.Deprel == "nmod:poss" || syntax.RelIs(t.Deprel, "nmod") && s.prepOf(int(k)) == "of") {
			continue
		}
		if e := s.tokEntity[k]; e >= 0 {
			ent := &s.ents[e]
			if ent.Linked() && ent.Entry.Kind == kb.KindCompany || s.firmName(ent) || strings.HasSuffix(s.entityCode(ent), "BUS") {
				return true
			}
			continue
		}
		switch s.lemma(int(k)) {
		case "company", "firm", "corporation":
			return true
		}
	}
	return false
}

// nameHead reports whether an agent noun at token i may be read as a role:
// outside a name, or as the head of an organisation's name the knowledge
// base lacks ("US Secretary of State", "United Auto Workers"), but not
// inside a place's name nor before the head of a name.
func (s *state) nameHead(i int) bool {
	e := s.tokEntity[i]
	if e < 0 || s.agentPlaceWord(i) {
		return true
	}
	if s.ents[e].Type == kb.TypeLOC {
		return false
	}
	return i+1 >= len(s.tokEntity) || s.tokEntity[i+1] != e || s.lower(i+1) == "of"
}

// coModified returns the other actors that an agent noun with
// coordinated nationality modifiers names: "US and British activists" is
// USAOPP and GBROPP.
func (s *state) coModified(i int, a Actor) []Actor {
	if a.Entity != "" || len(a.Code) < 3 {
		return nil
	}
	nationality := func(rel string) bool { return rel == "amod" || rel == "compound" || rel == "nmod:poss" }
	of := func(k int32) bool { return syntax.RelIs(s.tok(int(k)).Deprel, "nmod") && s.prepOf(int(k)) == "of" }
	var out []Actor
	add := func(k int, role string) {
		if s.tokEntity[k] < 0 {
			return
		}
		if code := s.entityCode(&s.ents[s.tokEntity[k]]); len(code) == 3 && !strings.HasPrefix(a.Code, code) {
			for _, o := range out {
				if o.Code == code+role {
					return
				}
			}
			out = append(out, Actor{Text: a.Text, Code: code + role})
		}
	}
	for _, k := range s.tree.Kids(i) {
		// "French and German leaders", "the leaders of Kenya and Ethiopia"
		if !nationality(s.tok(int(k)).Deprel) && !of(k) || s.sponsor(int(k)) {
			continue
		}
		e := s.tokEntity[k]
		if e < 0 {
			continue
		}
		first := s.entityCode(&s.ents[e])
		if first == "" || !strings.HasPrefix(a.Code, first) {
			continue
		}
		role := a.Code[len(first):]
		// "French and German leaders", "Armenia's and Azerbaijan's
		// ministers": the conjuncts of the nationality
		for _, c := range s.tree.Kids(int(k)) {
			if s.tok(int(c)).Deprel == "conj" {
				add(int(c), role)
			}
		}
		// "Thai, Cambodian leaders": nationalities side by side
		for _, c := range s.tree.Kids(i) {
			if c != k && nationality(s.tok(int(c)).Deprel) && !s.sponsor(int(c)) {
				add(int(c), role)
			}
		}
	}
	return out
}

// lastOrganisation returns the entity of the last international
// organisation mentioned before token i, or -1.
func (s *state) lastOrganisation(i int) int {
	if i <= 0 {
		return -1
	}
	if s.lastOrg == nil {
		// one pass over the document, not one walk back per question
		s.lastOrg = make([]int32, len(s.tokEntity))
		last := int32(-1)
		for t, e := range s.tokEntity {
			if e >= 0 && s.ents[e].Entry.Kind == kb.KindOrganisation {
				last = e
			}
			s.lastOrg[t] = last
		}
	}
	return int(s.lastOrg[min(i, len(s.lastOrg))-1])
}

// theCountry is the country "the country" at token i stands for when it
// says whose an agent is: the article's, else the one its sentence names
// before it ("Germany's largest union demanded a raise from the
// country's employers"). "The country's refineries" still name no one.
func (s *state) theCountry(i int) string {
	if s.country != "" {
		return s.country
	}
	sent, ok := s.doc.SentenceOf(i)
	if !ok {
		return ""
	}
	found := ""
	for t := sent.Start; t < i; t++ {
		if e := s.tokEntity[t]; e >= 0 && s.ents[e].Linked() && s.ents[e].Entry.Kind == kb.KindCountry {
			if c := s.entityCode(&s.ents[e]); len(c) == 3 {
				if found != "" && found != c {
					return "" // two countries: which one is not said
				}
				found = c
			}
		}
	}
	return found
}

func (s *state) hasDefinite(i int) bool {
	for _, k := range s.tree.Kids(i) {
		if l := s.lower(int(k)); l == "the" || l == "this" || l == "its" {
			return true
		}
	}
	return false
}

// modifierCode returns the code of an entity that modifies agent noun i:
// "Syrian rebels", "the US commander", "Russia's ambassador", "forces of
// Kazakhstan", "UN troops".
func (s *state) modifierCode(i int) string { return s.modifierCodeDepth(i, 0) }

// sponsor reports a country's word that names a sponsor, not a
// nationality: "Iranian-backed Iraqi militants" are Iraqi, "Russian-armed
// rebels" of no stated country.
func (s *state) sponsor(k int) bool {
	if k+2 >= len(s.doc.Tokens) || s.tok(k+1).Form != "-" || s.tok(k).SpaceAfter || s.tok(k+1).SpaceAfter {
		return false
	}
	switch s.lower(k + 2) {
	case "backed", "supported", "funded", "sponsored", "armed", "trained", "allied", "aligned", "financed", "friendly":
		return true
	}
	return false
}

// adjectiveModifier reports a nationality adjective on noun i.
func (s *state) adjectiveModifier(i int) bool {
	for _, k := range s.tree.Kids(i) {
		if s.sponsor(int(k)) {
			continue
		}
		if t := s.tok(int(k)); t.Deprel == "amod" && (s.tokEntity[k] >= 0 || s.demonym(int(k)) != "") {
			return true
		}
		if t := s.tok(int(k)); t.Deprel == "compound" && s.demonymPhrase(int(k)) != "" {
			return true // "a South Korean plan", the adjective read as a name
		}
		if t := s.tok(int(k)); t.Deprel == "compound" && int(k) < i && s.tokEntity[k] < 0 {
			// "Israeli air strikes", the adjective hung on "air"
			for _, m := range s.tree.Kids(int(k)) {
				if u := s.tok(int(m)); u.Deprel == "amod" && (s.tokEntity[m] >= 0 || s.demonym(int(m)) != "") {
					return true
				}
			}
		}
	}
	return false
}

func (s *state) modifierCodeDepth(i, depth int) string {
	for _, k := range s.tree.Kids(i) {
		t := s.tok(int(k))
		if s.sponsor(int(k)) {
			continue
		}
		switch {
		case t.Deprel == "amod", t.Deprel == "compound", t.Deprel == "nmod:poss", t.Deprel == "nmod:desc",
			t.Deprel == "nmod:unmarked", syntax.RelIs(t.Deprel, "nmod") && (s.prepOf(int(k)) == "of" || s.prepOf(int(k)) == "from"):
			if e := s.tokEntity[k]; e >= 0 {
				if code := s.entityCode(&s.ents[e]); code != "" {
					return code
				}
				if !s.ents[e].Linked() {
					// "US Secretary of state" read as one unknown name:
					// its words still say the country.
					if c := s.wordCountry(int(k)); c != "" {
						return c
					}
				}
				if c := s.demonymPhrase(int(k)); c != "" {
					return c
				}
			} else if t.Deprel == "amod" || t.Deprel == "compound" {
				// "tunisian rioters": a nationality the recogniser missed
				// because it is not capitalised; "a South African
				// company", one the tagger read as a name.
				if c := s.demonymPhrase(int(k)); c != "" {
					return c
				}
				if depth == 0 && t.Deprel == "compound" {
					// "a South African mining company"
					if code := s.modifierCodeDepth(int(k), 1); code != "" {
						return code
					}
				}
			} else if t.Deprel == "nmod:poss" && (s.lemma(int(k)) == "country" || s.lemma(int(k)) == "nation") && s.hasDefinite(int(k)) {
				// "the country's employers"
				if c := s.theCountry(int(k)); c != "" {
					return c
				}
			} else if depth == 0 && syntax.RelIs(t.Deprel, "nmod") {
				// "the mayor of the West Bank city of Nablus"
				if code := s.modifierCodeDepth(int(k), 1); code != "" {
					return code
				}
			}
		}
	}
	return ""
}

// missedCountry returns the code of a sovereign state's name that the
// recogniser missed because of its odd case ("iSrael", "SYRIA" in a
// mixed-case sentence), or "". Words in lower case are left alone
// ("turkey", "chad").
func (s *state) missedCountry(i int) string {
	f := s.tok(i).Form
	if len(f) < 4 || strings.ToLower(f) == f {
		return ""
	}
	return s.stateNamed(f)
}

// wordCountry returns the country a capitalised word names, as a
// sovereign state's name ("US") or its adjective ("Syrian"), else "".
func (s *state) wordCountry(i int) string {
	f := s.tok(i).Form
	if strings.ToLower(f) == f {
		return ""
	}
	if c := s.stateNamed(f); c != "" {
		return c
	}
	return s.demonym(i)
}

// stateNamed returns the code of the sovereign state a word names, else "".
func (s *state) stateNamed(f string) string {
	for _, e := range s.c.kb.Lookup(f) {
		if e.Kind == kb.KindCountry && e.Independent {
			return e.Country
		}
	}
	return ""
}

// demonym returns the country of a word that is a country's adjective
// ("tunisian"), else "".
func (s *state) demonym(i int) string {
	for _, e := range s.c.kb.Lookup(s.tok(i).Form) {
		if e.Kind == kb.KindDemonym {
			if s.regionWord(i) {
				return "" // "Latin American leaders", "Central American states": a region's
			}
			return e.Country
		}
	}
	return ""
}

// regionWord reports "American" after a word that makes it a part of
// the Americas' ("Latin American", "South American", "Central
// American"), no country; "West German" or "South African" are
// countries' and stay so.
func (s *state) regionWord(i int) bool {
	if p := i - 1; p >= 0 && (s.tok(i).Form == "American" || s.tok(i).Form == "Americans") {
		switch s.tok(p).Form {
		case "Latin", "South", "North", "Central":
			return true
		}
	}
	return false
}

// demonymPhrase returns the country of a nationality adjective at token
// i, with the words compounded before it ("South African"), else "".
func (s *state) demonymPhrase(i int) string {
	if c := s.demonym(i); c != "" {
		return c
	}
	lo := i
	for _, k := range s.tree.Kids(i) {
		if int(k) == lo-1 && s.tok(int(k)).Deprel == "compound" {
			lo = int(k)
		}
	}
	if lo == i {
		return ""
	}
	a, b := s.tok(lo).Start, s.tok(i).End
	for _, e := range s.c.kb.Lookup(s.doc.Text[a:b]) {
		if e.Kind == kb.KindDemonym {
			return e.Country
		}
	}
	return ""
}

// agentRole is the role an agent noun at token i gives: a PETRARCH agent
// phrase its premodifiers and it make ("foreign minister", longest
// first), else its lemma's or form's.
func (s *state) agentRole(i int) (string, bool) {
	d := s.c.dict
	if len(d.agentPhrases) > 0 {
		lo := i
		for _, k := range s.tree.Kids(i) {
			if int(k) < lo && syntax.RelIs(s.tok(int(k)).Deprel, "amod", "compound", "nmod:desc") {
				lo = int(k)
			}
		}
		// "Attorney General's Office" parsed with both words on "Office":
		// the word before is still the phrase's.
		if p := i - 1; p >= 0 && p < lo && s.tok(p).Head >= 0 && s.tok(p).Head == s.tok(i).Head && syntax.RelIs(s.tok(p).Deprel, "amod", "compound", "nmod:desc") {
			lo = p
		}
		// "Attorney General" parsed with "General" as a modifier after
		// its head: the phrase runs to it.
		hi := i
		for _, k := range s.tree.Kids(i) {
			if int(k) == hi+1 && syntax.RelIs(s.tok(int(k)).Deprel, "amod", "compound", "flat") {
				hi = int(k)
			}
		}
		for _, end := range []int{hi, i} {
			for start := lo; start <= i && start < end; start++ {
				words := make([]string, 0, end-start+1)
				for t := start; t <= end; t++ {
					words = append(words, s.lower(t))
				}
				if r, ok := d.agentPhrases[strings.Join(words, " ")]; ok {
					return r, true
				}
			}
		}
	}
	if r, ok := d.agents[s.lemma(i)]; ok {
		return r, true
	}
	r, ok := d.agents[s.lower(i)]
	return r, ok
}

// entityCode is the CAMEO code of an entity: from the knowledge base and,
// when PETRARCH actor dictionaries are loaded, from their names (before
// or after the knowledge base, as the dictionary was merged).
func (s *state) entityCode(e *link.Entity) string {
	d := s.c.dict
	if len(d.names) > 0 && d.namesFirst {
		if c := s.nameCode(e); c != "" {
			return c
		}
	}
	c := s.kbCode(e)
	if c == "" && len(d.names) > 0 && !d.namesFirst {
		c = s.nameCode(e)
	}
	return c
}

// nameCode looks an entity up in the PETRARCH actor names, by its
// knowledge-base names then its mentions, and returns the code that holds
// on the publication date; "" when none does. It is cached per entity.
func (s *state) nameCode(e *link.Entity) string {
	if c, ok := s.nameCodes[e.ID]; ok {
		return c
	}
	var cands []string
	if e.Linked() {
		cands = append(cands, e.Entry.Name)
		cands = append(cands, e.Entry.Aliases...)
	} else if e.Name != "" {
		cands = append(cands, e.Name)
	}
	for _, m := range e.Mentions {
		cands = append(cands, s.doc.SpanText(m))
	}
	code := ""
	for _, n := range cands {
		if codes, ok := s.c.dict.names[actorName(n)]; ok {
			if c := codeOn(codes, s.published); c != "" && c != Unknown {
				code = c
				break
			}
		}
	}
	if s.nameCodes == nil {
		s.nameCodes = map[string]string{}
	}
	s.nameCodes[e.ID] = code
	return code
}

// kbCode is the CAMEO code of a linked entity: a place's country, an
// organisation's code, a person's country and office on the event date.
func (s *state) kbCode(e *link.Entity) string {
	if !e.Linked() {
		return ""
	}
	en := &e.Entry
	switch en.Kind {
	case kb.KindCountry, kb.KindRegion, kb.KindCity, kb.KindDemonym:
		return en.Country
	case kb.KindPerson:
		return s.personCode(en)
	case kb.KindMedia:
		if en.Country != "" {
			return en.Country + "MED"
		}
		return ""
	case kb.KindBody:
		return en.Country + bodyRole(en.Subtype)
	case kb.KindOrganisation:
		if c, ok := s.c.dict.actors[en.ID]; ok {
			return c
		}
		if en.Country != "" {
			return en.Country
		}
		if en.Acronym != "" {
			return "IGO" + strings.ToUpper(en.Acronym)
		}
	}
	return ""
}

// personCode codes a person by office on the publication date: a head of
// state or government or a minister is GOV, a leader of an organisation
// takes its code, someone who held such an office before is ELI (elite).
func (s *state) personCode(en *kb.Entry) string {
	day := s.published
	held := false
	for _, r := range s.c.kb.Roles(en.ID) {
		if day.IsZero() || r.On(day) {
			if strings.HasPrefix(r.Of, "org:") {
				if c, ok := s.c.dict.actors[r.Of]; ok {
					return c
				}
				continue
			}
			if len(r.Of) == 3 {
				return r.Of + "GOV"
			}
		}
		if !r.From.IsZero() && !day.IsZero() && r.From.Before(day) {
			held = true
		}
	}
	if en.Country == "" {
		return ""
	}
	if held {
		return en.Country + "ELI"
	}
	return en.Country
}

// bodyRole maps a government body's kind to a CAMEO role.
func bodyRole(kind string) string {
	k := strings.ToLower(kind)
	switch {
	case strings.Contains(k, "parliament"), strings.Contains(k, "legislat"), strings.Contains(k, "senate"), strings.Contains(k, "assembly"), strings.Contains(k, "congress"):
		return "LEG"
	case strings.Contains(k, "court"), strings.Contains(k, "prosecut"), strings.Contains(k, "judic"):
		return "JUD"
	case strings.Contains(k, "police"), strings.Contains(k, "guard"), strings.Contains(k, "border"):
		return "COP"
	case strings.Contains(k, "armed forces"), strings.Contains(k, "military"), strings.Contains(k, "army"):
		return "MIL"
	case strings.Contains(k, "intelligence"), strings.Contains(k, "security service"):
		return "SPY"
	case strings.Contains(k, "central bank"), strings.Contains(k, "bank"):
		return "BUS"
	}
	return "GOV"
}

// mentionText is the entity mention that covers token i.
func (s *state) mentionText(e *link.Entity, i int) string {
	if i >= 0 && i < len(s.tokEntity) && s.tokEntity[i] >= 0 && &s.ents[s.tokEntity[i]] == e {
		// the token's own entity: its mention is indexed
		return s.doc.SpanText(e.Mentions[s.tokMention[i]])
	}
	for _, m := range e.Mentions {
		if m.Start <= i && i < m.End {
			return s.doc.SpanText(m)
		}
	}
	return s.tok(i).Form
}

// phraseText is the noun with its compounds and adjectives: "security
// forces", "Georgian demonstrators".
func (s *state) phraseText(i int) string {
	lo, hi := i, i+1
	for _, k := range s.tree.Kids(i) {
		switch s.tok(int(k)).Deprel {
		case "amod", "compound", "nmod:desc":
			if int(k) < lo {
				lo = int(k)
			}
		}
	}
	st, en := s.doc.Bytes(text.Span{Start: lo, End: hi})
	return s.doc.Text[st:en]
}

// agentPlaceWord reports a one-word place name that is an agent noun of
// the dictionary: "Police" linked to the Polish town is the police.
func (s *state) agentPlaceWord(i int) bool {
	e := s.tokEntity[i]
	if e < 0 || !isPlace(&s.ents[e]) || i > 0 && s.tokEntity[i-1] == e || i+1 < len(s.tokEntity) && s.tokEntity[i+1] == e {
		return false
	}
	_, ok := s.c.dict.agents[s.lower(i)]
	return ok
}

// personName reports a token of a person's name the story gives ("Maria
// Delgado", tagged PER) that is no actor itself.
func (s *state) personName(i int) bool {
	e := s.tokEntity[i]
	return e >= 0 && (s.ents[e].Type == "PER" || s.ents[e].Entry.Kind == kb.KindPerson)
}

// isPlace reports whether a linked entity is a country, region or city
// (whatever type the recogniser gave the mention: "Guyana" is sometimes
// MISC).
func isPlace(e *link.Entity) bool {
	switch e.Entry.Kind {
	case kb.KindCountry, kb.KindRegion, kb.KindCity:
		return true
	}
	return false
}

// militaryModifier reports an agent noun modified by a word of the armed
// forces ("military officers", "army engineers", "naval personnel").
func (s *state) militaryModifier(i int) bool {
	for _, k := range s.tree.Kids(i) {
		if rel := s.tok(int(k)).Deprel; rel == "amod" || rel == "compound" {
			switch s.lower(int(k)) {
			case "military", "army", "naval", "navy", "air-force":
				return true
			}
		}
	}
	return false
}

// ownersCountry returns the country of the clause's subject when agent
// noun i is its own ("a South African company accepted the demands of
// its workers' union"), else "".
func (s *state) ownersCountry(i int) string {
	own := false
	for _, k := range []int{i, s.tree.Child(i, "nmod:poss")} {
		if k < 0 {
			continue
		}
		if p := s.tree.Child(k, "nmod:poss"); p >= 0 && (s.lower(p) == "its" || s.lower(p) == "their") {
			own = true
		}
	}
	if !own || s.resolving {
		return ""
	}
	h := s.tok(i).Head
	for h >= 0 && s.tok(h).UPOS != "VERB" {
		h = s.tok(h).Head
	}
	if h < 0 {
		return ""
	}
	sj := s.tree.Child(h, "nsubj")
	if sj < 0 || sj == i {
		return ""
	}
	s.resolving = true
	a, ok := s.actor(sj)
	s.resolving = false
	if !ok || len(a.Code) < 3 || strings.HasPrefix(a.Code, Unknown) || a.placed {
		return ""
	}
	if e, ok := s.c.kb.Get(a.Code[:3]); !ok || e.Kind != kb.KindCountry {
		return ""
	}
	return a.Code[:3]
}

// reportersOwn returns the one whose "its" or "their" noun i is when it
// stands in what that one reports: "The Israeli military said its
// aircraft struck", "the army said its troops killed".
func (s *state) reportersOwn(i int) (Actor, bool) {
	p := s.tree.Child(i, "nmod:poss")
	if p < 0 || s.lower(p) != "its" && s.lower(p) != "their" || s.resolving {
		return Actor{}, false
	}
	v := s.tok(i).Head
	for v >= 0 && s.tok(v).UPOS != "VERB" {
		v = s.tok(v).Head
	}
	if v < 0 || !syntax.RelIs(s.tok(v).Deprel, "ccomp") || s.tok(v).Head < 0 {
		return Actor{}, false
	}
	sj := s.tree.Child(s.tok(v).Head, "nsubj")
	if sj < 0 {
		return Actor{}, false
	}
	s.resolving = true
	a, ok := s.actor(sj)
	s.resolving = false
	if !ok || len(a.Code) < 3 || strings.HasPrefix(a.Code, Unknown) {
		return Actor{}, false
	}
	return a, true
}

// officeHolder codes a country's "leader" as its government, as the
// Phoenix agents dictionary codes STATE_LEADER and SUPREME_LEADER
// ("Tanzanian leaders", "Iran's leader"), and a "counterpart" as holding
// the office the clause's subject holds, in the country its modifier
// names ("the Kenyan defence minister telephoned his Ugandan
// counterpart"). Without a country neither says whose.
func (s *state) officeHolder(i int) (Actor, bool) {
	if s.tok(i).UPOS != "NOUN" {
		return Actor{}, false
	}
	var role string
	switch s.lemma(i) {
	case "leader":
		role = "GOV"
	case "counterpart":
		h := s.tok(i).Head
		for h >= 0 && s.tok(h).UPOS != "VERB" {
			h = s.tok(h).Head
		}
		if h < 0 || s.resolving {
			return Actor{}, false
		}
		sj := s.tree.Child(h, "nsubj")
		if sj < 0 || sj == i {
			return Actor{}, false
		}
		s.resolving = true
		a, ok := s.actor(sj)
		s.resolving = false
		if !ok || len(a.Code) <= 3 || strings.HasPrefix(a.Code, Unknown) {
			role = "GOV" // "Japan called its Chinese counterpart": a state's is its government
		} else {
			role = a.Code[3:]
		}
	default:
		return Actor{}, false
	}
	prefix := s.modifierCode(i)
	if prefix == "" || len(prefix) != 3 {
		return Actor{}, false
	}
	return Actor{Text: s.phraseText(i), Code: prefix + role}, true
}

// coastGuard reports "coast guard" or a noun compounded with it
// ("Chinese coast guard patrols"): coast guards are MIL.
func (s *state) coastGuard(i int) bool {
	if s.lemma(i) == "guard" && s.tree.Child(i, "compound") >= 0 && s.lower(s.tree.Child(i, "compound")) == "coast" {
		return true // "the Chinese coast guard"
	}
	for _, k := range s.tree.Kids(i) {
		if s.tok(int(k)).Deprel == "compound" && s.lower(int(k)) == "guard" && int(k) > 0 && s.lower(int(k)-1) == "coast" {
			return true
		}
	}
	return false
}

// memberOfAgent codes a word for the people or a part of a group
// (&MEMBERS: "leaders", "group", "officials") by the agent noun compounded
// with it: "union leaders" are LAB, "a rebel group" REB, "opposition
// figures" OPP, as the Phoenix agents dictionary codes such phrases
// (OPPOSITION_LEADER, REBEL_GROUP).
func (s *state) memberOfAgent(i int) (Actor, bool) {
	if s.tok(i).UPOS != "NOUN" || !slices.Contains(s.c.dict.classes["&MEMBERS"], s.lemma(i)) {
		return Actor{}, false
	}
	for _, k := range s.tree.Kids(i) {
		if int(k) > i || s.tok(int(k)).Deprel != "compound" || s.tokEntity[k] >= 0 {
			continue
		}
		role, ok := s.agentRole(int(k))
		if !ok {
			continue
		}
		prefix := s.modifierCode(i)
		if prefix == "" {
			prefix = s.modifierCode(int(k))
		}
		placed := prefix == "" && s.country != "" && !s.foreignAgent(i)
		if placed {
			prefix = s.country
		}
		if prefix == "" {
			prefix = Unknown
		}
		return Actor{Text: s.phraseText(i), Code: prefix + role, placed: placed}, true
	}
	return Actor{}, false
}

// possessedMember resolves the people or part of a group named through a
// possessive pronoun or as "the group" ("Its leaders demanded talks",
// "Their spokesman accused", "The group accused") to the group the
// previous sentence is about: the subject of its main clause, the
// preferred antecedent of a pronoun in the next sentence.
func (s *state) possessedMember(i int) (Actor, bool) {
	if s.resolving || s.tok(i).UPOS != "NOUN" {
		return Actor{}, false
	}
	member := slices.Contains(s.c.dict.classes["&MEMBERS"], s.lemma(i))
	if _, isAgent := s.agentRole(i); !member && !isAgent {
		return Actor{}, false
	}
	pronoun := false
	for _, k := range s.tree.Kids(i) {
		if int(k) > i {
			break
		}
		switch l := s.lower(int(k)); {
		case s.tok(int(k)).Deprel == "nmod:poss" && (l == "its" || l == "their"):
			pronoun = true
		case l == "the" && (s.lemma(i) == "group" || s.lemma(i) == "movement"):
			pronoun = true // "the group": a definite description of the one just named
		case s.tok(int(k)).Deprel != "det":
			return Actor{}, false // "its military leaders", "the rebel group": the phrase says who
		}
	}
	if !pronoun {
		return Actor{}, false
	}
	s.resolving = true
	defer func() { s.resolving = false }()
	sent, ok := s.doc.SentenceOf(i)
	if !ok || sent.Start == 0 {
		return Actor{}, false
	}
	prev, _ := s.doc.SentenceOf(sent.Start - 1)
	if !s.parsed(prev) {
		// The previous sentence had nothing to code and was not parsed
		// ("The union has 70,000 members."): its subject by word order.
		if a, ok := s.leadingGroup(prev); ok {
			a.Text, a.resolved = s.phraseText(i), true
			return a, true
		}
		return Actor{}, false
	}
	for t := prev.Start; t < prev.End; t++ {
		if s.tok(t).Deprel != "root" {
			continue
		}
		subj := t
		if s.tok(t).UPOS == "VERB" {
			subj = s.tree.Child(t, "nsubj", "nsubj:pass")
		}
		if subj < 0 {
			break
		}
		for _, a := range s.actors(subj) {
			if a.Code != "" && !strings.HasPrefix(a.Code, Unknown) && !s.personActor(a) {
				a.Text, a.resolved = s.phraseText(i), true
				return a, true
			}
		}
		break
	}
	return Actor{}, false
}

// personActor reports an actor that is a linked person: "its" and
// "their" stand for groups, and "he" or "she" for people.
func (s *state) personActor(a Actor) bool {
	if a.Entity == "" {
		return false
	}
	for e := range s.ents {
		if s.ents[e].ID == a.Entity {
			return s.ents[e].Linked() && s.ents[e].Entry.Kind == kb.KindPerson
		}
	}
	return false
}

// parsed reports whether a sentence has a dependency parse: the pipeline
// parses only the sentences that may code an event (Coder.MayCode).
func (s *state) parsed(sent text.Span) bool {
	for t := sent.Start; t < sent.End; t++ {
		if s.tok(t).Deprel == "root" {
			return true
		}
	}
	return false
}

// leadingGroup finds, without a parse, the group an unparsed sentence
// opens with as its subject: the words before its first verb hold an
// organisation ("The African Union's peace council has") or end in an
// agent noun, of the country a place or nationality among them names
// ("South Africa's biggest mining union has": ZAFLAB; "Colombia's
// largest rebel group controls": COLREB). People and places are not
// groups ("its" and "their" stand for groups).
func (s *state) leadingGroup(sent text.Span) (Actor, bool) {
	if inCapitals(s.doc.Tokens[sent.Start:sent.End]) {
		return Actor{}, false // a headline in capitals: its tags are guesses
	}
	end := sent.Start
	for end < sent.End && s.tok(end).UPOS != "VERB" && s.tok(end).UPOS != "AUX" {
		end++
	}
	if end == sent.End {
		return Actor{}, false // no verb: a headline or a fragment
	}
	country, role := "", ""
	for t := sent.Start; t < end; t++ {
		e := s.tokEntity[t]
		if e < 0 {
			if s.tok(t).UPOS == "NOUN" {
				if r, ok := s.c.dict.agents[s.lemma(t)]; ok {
					role = r
				} else if !slices.Contains(s.c.dict.classes["&MEMBERS"], s.lemma(t)) {
					role = "" // "union members' pay": the head is no group
				}
			}
			continue
		}
		ent := &s.ents[e]
		code := s.entityCode(ent)
		switch {
		case code == "" || !ent.Linked():
		case isPlace(ent) || ent.Entry.Kind == kb.KindDemonym:
			if country == "" && len(code) >= 3 {
				country = code[:3]
			}
		case ent.Entry.Kind != kb.KindPerson:
			return Actor{Code: code, Entity: ent.ID}, true // "The African Union's peace council"
		}
	}
	if role == "" {
		return Actor{}, false
	}
	placed := country == ""
	if placed {
		country = s.country
	}
	if country == "" {
		return Actor{}, false
	}
	return Actor{Code: country + role, placed: placed}, true
}
