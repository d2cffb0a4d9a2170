package annotate

import (
	"slices"
	"strings"
	"unicode"

	"tidings/text"
)

// retypeInContext corrects the type, and where needed the extent, of
// names whose words or neighbours say what they are better than the model
// does, which reads a name mostly from its first words and the
// gazetteer's types:
//
//   - a body's name holds "of", "for", "on" or "and" between capitalised
//     words, where the model cuts it or misses it ("Office for National
//     Statistics", "Food and Drug Administration");
//   - a people's name that begins a name the model cut after it goes on to
//     the name's head ("Indian | Premier League"), and a name typed MISC
//     that ends in an organisation's head is one ("Arakan Army");
//   - a body named after a person ends in a body's head ("Robert Koch
//     Institute"), which the model reads as the person;
//   - an event's name ends in the noun that makes it one ("NBA Finals",
//     "World Rowing Championships": MISC);
//   - a site's name ends in the noun of a site ("King Power Stadium",
//     "Bell Hotel") or begins with "River" ("River Calder"): a place, as
//     CoNLL-2003 marks them, not an organisation;
//   - a town that the gazetteer also knows as a club is the club in a
//     match report (a score and a word of the game in the sentence:
//     "Leicester beat Southampton 3-2") or before a word for its staff or
//     fans ("Sunderland boss"), unless a preposition of place comes first
//     ("cheered in Brighton"); a town's name that goes on in a capitalised
//     word in a match report ("the Oklahoma City Thunder") or in a club's
//     suffix ("Nashville SC") is a club's;
//   - a town the model read as an organisation after a preposition of
//     place is the place ("Councillors in Leeds", "across Phoenix"), often
//     misread for a body named after it in the same story ("Leeds Civic
//     Trust");
//   - a company is named before its chief executive's or chairman's title
//     and name ("Thames Water chief executive Chris Weston"), and a ticker
//     or acronym in brackets after an organisation's name is its own
//     ("Sudanese Armed Forces (SAF)");
//   - a product or a craft is named before the noun that says so
//     ("Starship rocket", "its Chrome browser", "Tianwen-2 probe");
//   - a hospital, school, college or court after a preposition of place
//     is the place ("treated at Elmbridge General Hospital");
//   - names listed with a place after a preposition of place are places
//     ("in Bethnal Green and Poplar").
//
// spans are ordered and disjoint; so is the result.
func (m *NER) retypeInContext(doc *text.Document, spans []text.Span) []text.Span {
	out := make([]text.Span, 0, len(spans))
	for _, s := range doc.Sentences {
		lo := 0
		for lo < len(spans) && spans[lo].Start < s.End {
			lo++
		}
		in := spans[:lo]
		spans = spans[lo:]
		words := make([]string, s.End-s.Start)
		// A noun written with a capital (the tagger reads some names as
		// common nouns: "Thames" NNS), or when untagged a capitalised word.
		proper := make([]bool, s.End-s.Start)
		for i := range words {
			t := &doc.Tokens[s.Start+i]
			words[i] = t.Form
			proper[i] = capitalisedWord(t.Form) && (strings.HasPrefix(t.XPOS, "NN") || t.XPOS == "" && !determiner(t.Form))
		}
		// Work in the sentence's word indices.
		local := make([]text.Span, len(in))
		for i, sp := range in {
			local[i] = text.Span{Start: sp.Start - s.Start, End: sp.End - s.Start, Label: sp.Label}
		}
		joined := func(i int) bool { // word i is written against word i-1
			return i > 0 && doc.Tokens[s.Start+i-1].End == doc.Tokens[s.Start+i].Start
		}
		if !allCaps(words) && !titleCaseSentence(words, false) { // not in a headline's casing
			local = joinBodyNames(words, local)
			local = m.peopleNames(words, local)
		}
		local = partyNames(words, local)
		local = eventNames(words, local)
		local = namedAfterPeople(words, local)
		local = m.siteNames(words, local)
		local = institutionPlaces(words, local)
		local = m.clubNames(words, local, joined)
		local = m.placesAfterPrepositions(words, local)
		local = m.coordinatedPlaces(words, local)
		local = m.productNames(words, local, joined)
		local = businessNames(words, proper, local)
		for _, sp := range local {
			out = append(out, text.Span{Start: sp.Start + s.Start, End: sp.End + s.Start, Label: sp.Label})
		}
	}
	return append(out, spans...)
}

// eventHeads end the names of events. CoNLL-2003 train marks names of two
// words or more that end in them MISC (Cup 96, Open 80, Prix 21,
// Championship 15, Classic 11, Rally 11, Series 9, Games 8 of 13,
// Masters 6, Championships 4; Bowl, Olympics and Trophy once each), and
// never ORG but "Games" once; "Finals" is the plural of a final.
var eventHeads = map[string]bool{"cup": true, "open": true, "prix": true, "championship": true,
	"championships": true, "classic": true, "rally": true, "series": true, "masters": true,
	"bowl": true, "olympics": true, "trophy": true, "finals": true}

func eventHead(w string) bool { return eventHeads[strings.ToLower(w)] && capitalisedWord(w) }

// eventNames makes an organisation's name that ends in an event's head
// an event. A place before an event's name stays a name of its own
// ("Berlin | Olympics", "San Marino | Grand Prix"), as CoNLL-2003 marks
// it.
func eventNames(words []string, spans []text.Span) []text.Span {
	for i, sp := range spans {
		if sp.Label == "ORG" && sp.End-sp.Start >= 2 && eventHead(words[sp.End-1]) {
			spans[i].Label = "MISC"
		}
	}
	return spans
}

// siteHeads end the names of sites, which are places: CoNLL-2003 train
// and dev mark such names LOC (Street 24 of 28, Stadium 3 of 3), and the
// set of news names follows the CoNLL guidelines for the rest (stations,
// airports, hotels, theatres). Not "Palace" ("Crystal Palace" is a club),
// "Observatory", an institution in CoNLL-2003, nor "Bridge", which the
// model reads well and which ends the names of bodies too ("World
// Bridge"). "River" begins a river's name of two words ("River Calder",
// not "River Medical Inc.").
var siteHeads = map[string]bool{"stadium": true, "airport": true, "hotel": true, "station": true,
	"beach": true, "square": true, "street": true, "road": true, "avenue": true,
	"circus": true, "arena": true, "terminal": true, "harbour": true, "harbor": true,
	"playhouse": true, "theatre": true, "theater": true, "tower": true, "pier": true}

// siteNames makes a place of an organisation's name that is a site's, and
// of a person's name that an airport bears.
func (m *NER) siteNames(words []string, spans []text.Span) []text.Span {
	for i, sp := range spans {
		if sp.Label != "ORG" || sp.End-sp.Start < 2 {
			continue
		}
		if slices.Contains(words[sp.Start:sp.End], "and") {
			continue // two names ("Kansai Electric Power and Kansai International Airport")
		}
		head := words[sp.End-1]
		river := sp.End-sp.Start == 2 && words[sp.Start] == "River" && titleCase(words[sp.Start+1])
		if (siteHeads[strings.ToLower(head)] && capitalisedWord(head) || river) && !m.knownAs(words[sp.Start:sp.End], "ORG") {
			spans[i].Label = "LOC"
		}
	}
	for i, sp := range spans {
		// A person's name right before a lower-case "airport" ("John F.
		// Kennedy airport", "Ben Gurion international airport") names
		// the airport, a place: CoNLL-2003 train and dev mark 35 such
		// names LOC and none PER.
		if sp.Label != "PER" {
			continue
		}
		k := sp.End
		if k < len(words) && words[k] == "international" {
			k++
		}
		if k < len(words) && words[k] == "airport" {
			spans[i].Label = "LOC"
		}
	}
	return spans
}

// knownAs reports whether the gazetteer gives the words the type typ.
func (m *NER) knownAs(words []string, typ string) bool {
	return m.gaz.typesOf(words)&(1<<typeIndex("X-"+typ)) != 0
}

// gameWords say that a sentence with a score reports a game.
var gameWords = map[string]bool{"beat": true, "beats": true, "beating": true, "won": true, "win": true,
	"wins": true, "winning": true, "lost": true, "lose": true, "loses": true, "losing": true, "drew": true,
	"draw": true, "drawn": true, "held": true, "defeat": true, "defeated": true, "victory": true,
	"thrashed": true, "scored": true, "goal": true, "goals": true, "game": true, "match": true}

// datelineMarks follow the place of a dateline.
var datelineMarks = map[string]bool{"-": true, "–": true, "—": true, "(": true}

// clubStaff are the words after a club's name that name its people.
var clubStaff = map[string]bool{"boss": true, "manager": true, "coach": true, "fans": true, "supporters": true,
	"striker": true, "midfielder": true, "defender": true, "goalkeeper": true, "keeper": true, "winger": true,
	"captain": true, "squad": true}

// clubSuffixes end clubs' names (openfootball's clubs: "Nashville SC",
// "Arsenal FC").
var clubSuffixes = map[string]bool{"FC": true, "SC": true, "AFC": true, "CF": true}

// placePrepositions before a town's name say the place is meant; so do
// "at" and "for", after which CoNLL-2003 marks the town LOC even in a
// match report ("won by the same scoreline at Leicester", "homered for
// Atlanta"), and a bracket, which holds a player's country in result
// lists.
var placePrepositions = map[string]bool{"in": true, "from": true, "near": true, "of": true, "across": true,
	"around": true, "outside": true, "through": true, "at": true, "for": true, "(": true}

// clubNames reads towns as clubs where the sentence reports a game (see
// retypeInContext).
func (m *NER) clubNames(words []string, spans []text.Span, joined func(int) bool) []text.Span {
	match := -1 // unknown until a town could be a club
	isMatch := func() bool {
		if match < 0 {
			match = 0
			if matchReport(words, joined) {
				match = 1
			}
		}
		return match == 1
	}
	for i := range spans {
		sp := &spans[i]
		if sp.Label != "LOC" {
			continue
		}
		limit := len(words)
		if i+1 < len(spans) {
			limit = spans[i+1].Start
		}
		// A club's suffix, or in a match report a capitalised word after
		// "the Town" that ends the name: the club's name goes on (not
		// "the Los Angeles Memorial Coliseum").
		if sp.End < limit && clubSuffixes[words[sp.End]] {
			sp.End++
			sp.Label = "ORG"
			continue
		}
		if sp.End < limit && sp.Start > 0 && strings.EqualFold(words[sp.Start-1], "the") &&
			nameWord(words[sp.End]) && !m.titles[strings.ToLower(words[sp.End])] &&
			(sp.End+1 == len(words) || !capitalisedWord(words[sp.End+1])) && isMatch() {
			sp.End++
			sp.Label = "ORG"
			continue
		}
		name := words[sp.Start:sp.End]
		if !m.knownAs(name, "ORG") || m.nationalTeams[strings.ToLower(strings.Join(name, " "))] {
			continue
		}
		// A place's name before it ("Edgbaston, Birmingham"), or a
		// preposition of place.
		if sp.Start > 0 && placePrepositions[strings.ToLower(words[sp.Start-1])] ||
			sp.Start > 1 && words[sp.Start-1] == "," && i > 0 && spans[i-1].End == sp.Start-1 && spans[i-1].Label == "LOC" {
			continue
		}
		if sp.End < len(words) && words[sp.End] == "side" {
			continue // "Hamburg side St Pauli": the club's town
		}
		if sp.End < len(words) && datelineMarks[words[sp.End]] {
			continue // a dateline: "HOUSTON -", "BERLIN (AP)"
		}
		if sp.End < len(words) && clubStaff[words[sp.End]] || isMatch() {
			sp.Label = "ORG"
		}
	}
	return spans
}

// matchReport reports a sentence with a score ("3-1", "103-91") and a
// word of the game.
func matchReport(words []string, joined func(int) bool) bool {
	score, game := false, false
	for i, w := range words {
		game = game || gameWords[strings.ToLower(w)]
		if score {
			continue
		}
		if a, b, ok := strings.Cut(w, "-"); ok {
			score = smallNumber(a) && smallNumber(b)
		} else if w == "-" && i > 0 && i+1 < len(words) && joined(i) && joined(i+1) {
			score = smallNumber(words[i-1]) && smallNumber(words[i+1])
		}
	}
	return score && game
}

// smallNumber reports a number of one to three digits.
func smallNumber(w string) bool {
	if len(w) == 0 || len(w) > 3 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// productNouns follow a product's or a craft's name in lower case.
// Not "vaccine" or "jab", which follow diseases' names more often than
// brands' ("Covid-19 vaccine"), "mission" ("the OSCE Chechnya mission"),
// "drug", mostly a modifier ("Zetas drug gangs"), nor "app", which follows
// the brand the app is named for ("the YouTube app").
var productNouns = map[string]bool{"rocket": true, "rockets": true, "rover": true, "probe": true,
	"spacecraft": true, "capsule": true, "lander": true, "telescope": true, "satellite": true,
	"browser": true, "chatbot": true, "pill": true, "smartphone": true, "smartphones": true,
	"handset": true, "console": true, "airliner": true, "airliners": true, "jet": true, "jets": true,
	"missile": true, "missiles": true}

// possessives before a product's name say whose it is.
var possessives = map[string]bool{"'s": true, "its": true, "their": true, "his": true, "her": true}

// productNames makes a product of the name before a product noun (see
// retypeInContext): the name is the run of capitalised words and numbers
// there, joined by hyphens written against them. A company's name that
// begins the run keeps its type ("Boeing 737 Max jets"), and a run that
// the gazetteer knows whole (a company, a place, a people) is left, as is
// one the model read as a person's, or as a name the gazetteer knows as a
// place's or a people's. A run the model found nothing in is taken only
// after a possessive ("its Chrome browser"): a disease or a place is
// often named before such a noun ("Covid pill").
func (m *NER) productNames(words []string, spans []text.Span, joined func(int) bool) []text.Span {
	for k := 1; k < len(words); k++ {
		if !productNouns[words[k]] {
			continue
		}
		start := k
	run:
		for start > 0 {
			i := start - 1
			switch w := words[i]; {
			case w == "-":
				if i == 0 || start == k || !joined(i) || !joined(start) {
					break run
				}
			case isDigits(w):
			case capitalisedWord(w) && !determiner(w):
			default:
				break run
			}
			start--
		}
		for start < k && words[start] == "-" {
			start++
		}
		if !hasCapitalised(words[start:k]) {
			continue
		}
		// The spans that overlap the run, which must hold them whole.
		first, last := -1, -1
		ok := true
		for j, sp := range spans {
			if sp.End <= start || sp.Start >= k {
				continue
			}
			if sp.Start < start || sp.End > k || sp.Label == "PER" {
				ok = false
			}
			if first < 0 {
				first = j
			}
			last = j
		}
		if !ok {
			continue
		}
		run := words[start:k]
		if len(run) == 1 && acronym(run[0]) {
			continue // an acronym: an airline's, an agency's or a disease's ("TWA jet", "MS drug")
		}
		if first >= 0 && m.placeOrPeople(words, spans[first:last+1]) {
			continue
		}
		if first < 0 {
			if start == 0 || !possessives[strings.ToLower(words[start-1])] {
				continue
			}
		} else if m.gaz.typesOf(run) != 0 {
			continue
		}
		// A company's name that begins the run, where the model read one
		// there.
		co := start
		for e := k - 1; e > start && first >= 0 && spans[first].Start == start && spans[first].Label == "ORG"; e-- {
			if t := m.gaz.typesOf(words[start:e]); t == 1<<typeIndex("X-ORG") {
				co = e
				break
			}
		}
		var repl []text.Span
		if co > start {
			repl = append(repl, text.Span{Start: start, End: co, Label: "ORG"})
		}
		repl = append(repl, text.Span{Start: co, End: k, Label: "MISC"})
		if first < 0 {
			first = 0
			for first < len(spans) && spans[first].Start < start {
				first++
			}
			last = first - 1
		}
		spans = append(spans[:first:first], append(repl, spans[last+1:]...)...)
	}
	return spans
}

// isDigits reports a word of digits only.
func isDigits(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// determiner reports a word that comes before a name, not in it, even
// when capitalised to begin a sentence.
func determiner(w string) bool {
	switch l := strings.ToLower(w); l {
	case "this", "that", "these", "those", "our", "my", "your":
		return true
	default:
		return minorWords[l] || possessives[l]
	}
}

// hasCapitalised reports whether a word of words begins with a capital.
func hasCapitalised(words []string) bool {
	for _, w := range words {
		if capitalisedWord(w) {
			return true
		}
	}
	return false
}

// placeOrPeople reports whether the gazetteer knows the words of one of
// spans as a place's or a people's name.
func (m *NER) placeOrPeople(words []string, spans []text.Span) bool {
	for _, sp := range spans {
		if m.knownAs(words[sp.Start:sp.End], "LOC") || m.knownAs(words[sp.Start:sp.End], "MISC") {
			return true
		}
	}
	return false
}

// acronym reports a word of two capital letters or more and no small ones.
func acronym(w string) bool {
	n := 0
	for _, r := range w {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsUpper(r):
			n++
		}
	}
	return n >= 2
}

// bodyHeads are the nouns that head the names of public bodies and other
// organisations: before "of", "for" or "on" ("Office for National
// Statistics", "Committee on Immunization Practices") or last ("Food and
// Drug Administration").
var bodyHeads = map[string]bool{"authority": true, "administration": true, "agency": true, "service": true,
	"commission": true, "committee": true, "council": true, "office": true, "department": true,
	"ministry": true, "bureau": true, "board": true, "institute": true, "centre": true, "centres": true,
	"center": true, "centers": true, "organisation": true, "organization": true, "association": true,
	"federation": true, "fund": true, "bank": true}

func bodyHead(w string) bool { return capitalisedWord(w) && bodyHeads[strings.ToLower(w)] }

// joinBodyNames makes one organisation's name of a run of capitalised
// words joined by "of", "for" or "on" after a body's or a group's head
// ("Office for National Statistics", "Party for Freedom", with a plural
// possessive before it: "Workers' Party of Korea"), or by "and" where the
// run ends in a body's head and the word before "and" is none ("Food and
// Drug Administration", not "Harwick Council and Dunmore Council"), or
// after "of", "for" or "on" ("Centers for Disease Control and
// Prevention"). An "and" where the model read a name just before it and
// one just after it joins two names ("the Bank of England and Barclays",
// "European Union and International Monetary Fund"). The model's names in
// the run must lie wholly inside it, and none be a person's.
func joinBodyNames(words []string, spans []text.Span) []text.Span {
	twoNames := func(k int) bool { // the model read a name just before word k and one just after it
		before, after := false, false
		for _, sp := range spans {
			before = before || sp.End == k
			after = after || sp.Start == k+1
		}
		return before && after
	}
	nameLike := func(w string) bool { return capitalisedWord(w) && !determiner(w) && !calendarWords[w] }
	endsInHead := func(k int) bool { // the capitalised words from k end in a body's head
		for k < len(words) && nameLike(words[k]) {
			k++
		}
		return bodyHead(words[k-1])
	}
	for i := 0; i < len(words); {
		if !nameLike(words[i]) {
			i++
			continue
		}
		j, prep, joined := i+1, false, false
	run:
		for j < len(words) {
			w := words[j]
			if nameLike(w) {
				j++
				continue
			}
			if j+1 >= len(words) || !nameLike(words[j+1]) {
				break
			}
			switch w {
			case "of", "for", "on":
				if prep || !bodyHead(words[j-1]) && !groupHead(words[j-1]) {
					break run
				}
				prep = true
			case "and", "&":
				if twoNames(j) || !prep && (bodyHead(words[j-1]) || !endsInHead(j+1)) {
					break run
				}
			default:
				break run
			}
			joined = true
			j++
		}
		if !joined {
			i = j
			continue
		}
		// A plural possessive begins the name ("Workers' Party of Korea"),
		// as CoNLL-2003 marks "Lay Volunteers ' International Organisation".
		if i >= 2 && words[i-1] == "'" && strings.HasSuffix(words[i-2], "s") && nameLike(words[i-2]) && !covered(spans, i-2) {
			i -= 2
		}
		head := j - 1 // the body's head: last, or before "of", "for", "on"
		for k := i; k < j; k++ {
			if w := words[k]; w == "of" || w == "for" || w == "on" {
				head = k - 1
				break
			}
		}
		// The model's names over the run. A place or a people the model
		// read before another name stays apart ("U.S. | Federal Bureau of
		// Investigation", "Yemeni | Ministry of Petroleum"), and a head
		// inside a place's name is the place's ("West Bank").
		first, last, ok := -1, -1, true
		for k, sp := range spans {
			if sp.End <= i || sp.Start >= j {
				continue
			}
			if sp.Start == i && (sp.Label == "LOC" || sp.Label == "MISC") && k+1 < len(spans) && spans[k+1].Start == sp.End {
				i = sp.End
				continue
			}
			if sp.Start < i || sp.End > j || sp.Label == "PER" || sp.Label == "LOC" && sp.Start <= head && head < sp.End {
				ok = false
			}
			if first < 0 {
				first = k
			}
			last = k
		}
		if ok {
			name := text.Span{Start: i, End: j, Label: "ORG"}
			if first < 0 {
				first = 0
				for first < len(spans) && spans[first].Start < i {
					first++
				}
				last = first - 1
			}
			spans = append(spans[:first:first], append([]text.Span{name}, spans[last+1:]...)...)
		}
		i = j
	}
	return spans
}

// groupHeads end the names of parties, armed groups and assemblies:
// CoNLL-2003 train marks names of two words or more that end in them ORG
// and never MISC (Party 46, Front 6, Assembly 6, Army 5, Congress 5,
// Movement 4, Brigade 2, Forces 1).
var groupHeads = map[string]bool{"party": true, "front": true, "assembly": true, "army": true,
	"congress": true, "movement": true, "brigade": true, "forces": true}

func groupHead(w string) bool { return capitalisedWord(w) && groupHeads[strings.ToLower(w)] }

// partyNames makes an organisation of a name typed MISC that ends in a
// group's head.
func partyNames(words []string, spans []text.Span) []text.Span {
	for i, sp := range spans {
		if sp.Label == "MISC" && sp.End-sp.Start >= 2 && groupHead(words[sp.End-1]) {
			spans[i].Label = "ORG"
		}
	}
	return spans
}

// peopleNames joins a people's name (a one-word MISC name the gazetteer
// knows as such) to the capitalised words after it that no name holds,
// where they end in an event's head or "League" (MISC) or in a body's,
// a group's head or "Parliament" (ORG).
func (m *NER) peopleNames(words []string, spans []text.Span) []text.Span {
	for i := range spans {
		sp := &spans[i]
		if sp.Label != "MISC" || sp.End-sp.Start != 1 || !m.knownAs(words[sp.Start:sp.End], "MISC") {
			continue
		}
		limit := len(words)
		if i+1 < len(spans) {
			limit = spans[i+1].Start
		}
		end := sp.End
		for end < limit && capitalisedWord(words[end]) && !determiner(words[end]) && !calendarWords[words[end]] {
			end++
		}
		for ; end > sp.End; end-- {
			switch w := words[end-1]; {
			case eventHead(w) || w == "League":
				sp.End, sp.Label = end, "MISC"
			case bodyHead(w) || groupHead(w) || w == "Parliament":
				sp.End, sp.Label = end, "ORG"
			default:
				continue
			}
			break
		}
	}
	return spans
}

// inPlace are the prepositions that put a town's name, not a body's, after
// them. Not "at" ("studied at Oxford") nor "from", which sports stories
// write before clubs.
var inPlace = map[string]bool{"in": true, "across": true, "near": true, "around": true, "outside": true,
	"between": true, "throughout": true}

// holdings are the nouns before "in" that make a company of the name
// after it ("shares in Slough").
var holdings = map[string]bool{"share": true, "shares": true, "stake": true, "stakes": true, "holding": true,
	"holdings": true, "interest": true, "investment": true, "investments": true}

// placesAfterPrepositions makes a place of an organisation's name that the
// gazetteer knows as a place's, after a preposition of place; not before
// a possessive ("in Harwick's 2-0 win"), nor after a holding ("shares in
// Slough").
func (m *NER) placesAfterPrepositions(words []string, spans []text.Span) []text.Span {
	for i, sp := range spans {
		if sp.Label != "ORG" || sp.Start == 0 || !inPlace[strings.ToLower(words[sp.Start-1])] ||
			sp.Start > 1 && holdings[strings.ToLower(words[sp.Start-2])] ||
			sp.End < len(words) && words[sp.End] == "'s" || !m.knownAs(words[sp.Start:sp.End], "LOC") {
			continue
		}
		spans[i].Label = "LOC"
	}
	return spans
}

// bodyOnlyHeads end names that CoNLL-2003 train marks ORG and never PER
// or LOC (Commission 32, Ministry 31, Association 17 of 18, Council 16,
// Department 15, Service 14, Group 11, Authority 9, University 8,
// Corporation 6, Committee 6 of 8, Agency 5, Board 5, Office 5,
// Administration 4, Bureau 4, Organisation 4, Company 3, Institute 3,
// Fund 2, Foundation 1).
var bodyOnlyHeads = map[string]bool{"commission": true, "ministry": true, "association": true, "council": true,
	"department": true, "service": true, "group": true, "authority": true, "university": true,
	"corporation": true, "committee": true, "agency": true, "board": true, "office": true,
	"administration": true, "bureau": true, "organisation": true, "organization": true, "company": true,
	"institute": true, "fund": true, "foundation": true}

// namedAfterPeople makes an organisation of a person's name of three
// words or more that ends in a body's head: two words may be a person
// whose surname is such a word ("Robert Service").
func namedAfterPeople(words []string, spans []text.Span) []text.Span {
	for i, sp := range spans {
		if w := words[sp.End-1]; sp.Label == "PER" && sp.End-sp.Start >= 3 && capitalisedWord(w) && bodyOnlyHeads[strings.ToLower(w)] {
			spans[i].Label = "ORG"
		}
	}
	return spans
}

// businessNames finds the companies named before a business title and a
// person (see retypeInContext): the name before the title (and before a
// ticker in brackets) that the model read as a person's or missed, when
// its words are proper nouns; then the tickers in brackets after
// companies' names.
func businessNames(words []string, proper []bool, spans []text.Span) []text.Span {
	for k := 1; k < len(words); k++ {
		n := businessTitle(words, k)
		if n == 0 {
			continue
		}
		// A person's name follows.
		person := false
		for _, sp := range spans {
			if sp.Start == k+n && sp.Label == "PER" {
				person = true
			}
		}
		if !person {
			continue
		}
		end := k // the company's name ends before end
		if words[k-1] == ")" {
			for end = k - 1; end > 0 && words[end] != "("; end-- {
			}
			if end == 0 || k-end > 5 {
				continue
			}
		}
		at := -1 // the span that ends at end
		for j, sp := range spans {
			if sp.End == end {
				at = j
			}
		}
		if at >= 0 {
			if spans[at].Label == "PER" {
				spans[at].Label = "ORG"
			}
			continue
		}
		start := end
		for start > 0 && proper[start-1] && !covered(spans, start-1) {
			start--
		}
		if start == end {
			continue
		}
		i := 0
		for i < len(spans) && spans[i].Start < start {
			i++
		}
		// A name the model read in the company's first words is part of
		// it ("Thames | Water").
		if i > 0 && spans[i-1].End == start && spans[i-1].Label != "PER" {
			spans[i-1] = text.Span{Start: spans[i-1].Start, End: end, Label: "ORG"}
			continue
		}
		spans = slices.Insert(spans, i, text.Span{Start: start, End: end, Label: "ORG"})
	}
	// Tickers.
	for j := 0; j < len(spans); j++ {
		sp := spans[j]
		e := sp.End
		if sp.Label != "ORG" || e+2 >= len(words) || words[e] != "(" || words[e+2] != ")" || !ticker(words[e+1]) || covered(spans, e+1) {
			continue
		}
		spans = slices.Insert(spans, j+1, text.Span{Start: e + 1, End: e + 2, Label: "ORG"})
		j++
	}
	return spans
}

// businessTitle returns the number of words of a company officer's title
// at k ("chief executive", "chairman", "CEO"), 0 when there is none; not
// "chief of staff".
func businessTitle(words []string, k int) int {
	switch words[k] {
	case "chairman", "chairwoman", "CEO", "founder", "co-founder":
		return 1
	case "chief":
		if k+1 < len(words) && words[k+1] == "executive" {
			return 2
		}
	}
	return 0
}

// covered reports whether a span holds word k.
func covered(spans []text.Span, k int) bool {
	for _, sp := range spans {
		if sp.Start <= k && k < sp.End {
			return true
		}
	}
	return false
}

// ticker reports a stock ticker: two to five capitals, with an exchange's
// suffix or not ("COIN", "SHEL.L"); not a month's abbreviation, which
// names a contract's month in price tables ("EUROLIRA ( SEP )").
func ticker(w string) bool {
	base, suffix, dotted := strings.Cut(w, ".")
	if len(base) < 2 || len(base) > 5 || dotted && (len(suffix) < 1 || len(suffix) > 2) || monthAbbreviation(base) {
		return false
	}
	for _, part := range []string{base, suffix} {
		for i := 0; i < len(part); i++ {
			if part[i] < 'A' || part[i] > 'Z' {
				return false
			}
		}
	}
	return true
}

// monthAbbreviation reports a month's name cut to three letters, or
// "SEPT", in any case.
func monthAbbreviation(w string) bool {
	switch strings.ToUpper(w) {
	case "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "SEPT", "OCT", "NOV", "DEC":
		return true
	}
	return false
}
