package annotate

import (
	"slices"
	"strings"

	"tidings/text"
)

// otherSportWords are words that stories of basketball, baseball, ice
// hockey and American football use and football (soccer) stories do not.
// Not "innings" (cricket's too), "hockey" (field hockey's national teams)
// nor "football". "three-pointer" is one token in CoNLL input; the
// tokeniser splits it (threePointer).
var otherSportWords = map[string]bool{
	"basketball": true, "baseball": true, "nba": true, "nfl": true, "mlb": true, "nhl": true,
	"wnba": true, "touchdown": true, "touchdowns": true, "quarterback": true, "quarterbacks": true,
	"inning": true, "rebounds": true, "homer": true, "homers": true, "homered": true,
	"pitcher": true, "pitchers": true, "puck": true, "linebacker": true, "outfielder": true,
	"three-pointer": true, "three-pointers": true,
}

// threePointer reports "three-pointer(s)" ending at token i, which the
// tokeniser splits at the hyphen.
func threePointer(doc *text.Document, i int) bool {
	f := doc.Tokens[i].Form
	return (f == "pointer" || f == "pointers") && i >= 2 && doc.Tokens[i-1].Form == "-" && strings.EqualFold(doc.Tokens[i-2].Form, "three")
}

// otherSportStory reports whether the words of doc speak of another team
// sport than football.
func otherSportStory(doc *text.Document) bool {
	var buf [16]byte
	for i := range doc.Tokens {
		f := doc.Tokens[i].Form
		if len(f) < 3 || len(f) > len(buf) {
			continue
		}
		switch f[0] | 0x20 { // the words' first letters, in either case: most words need no lookup
		case 'b', 'h', 'i', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 't', 'w':
		default:
			continue
		}
		w := buf[:len(f)]
		for j := range len(f) {
			b := f[j]
			if 'A' <= b && b <= 'Z' {
				b += 'a' - 'A'
			}
			w[j] = b
		}
		if otherSportWords[string(w)] || threePointer(doc, i) {
			return true
		}
	}
	return false
}

// Words around a team's name in a game's report or a player's career.
var (
	// teamVerbs follow a team as their subject ("Dallas beat", "Detroit
	// selected").
	teamVerbs = words("beat", "beats", "defeated", "defeats", "edged", "edges", "routed", "routs", "topped",
		"tops", "downed", "blanked", "swept", "sweeps", "outscored", "rallied", "clinched", "clinches",
		"eliminated", "trailed", "trails", "lost", "loses", "won", "wins", "snapped", "improved",
		"drafted", "selected", "traded", "signed", "acquired", "released", "waived", "re-signed", "plays")
	// teamObjectWords come right before a team as their object ("beat
	// Utah", "against Phoenix", "joined Denver").
	teamObjectWords = words("beat", "beating", "defeated", "defeating", "edged", "routed", "topped", "swept",
		"blanked", "eliminated", "outscored", "against", "vs", "vs.", "versus", "joined", "joins", "joining",
		"rejoined", "faces", "faced", "facing", "hosts", "hosted", "hosting", "play", "plays")
	// teamAfter: before a preposition, the words after which the
	// preposition's object is a team ("lost to", "drafted by", "signed
	// with", "played for", "a win over", "a game behind", "two games
	// ahead of").
	teamAfter = map[string]map[string]bool{
		"to": words("lost", "lose", "loses", "losing", "fell", "falls", "traded", "dealt", "loss", "losses", "defeat"),
		"by": words("drafted", "selected", "picked", "acquired", "claimed", "released", "waived", "signed",
			"beaten", "defeated", "eliminated", "swept"),
		"with": words("signed", "re-signed", "season", "seasons", "stint", "career", "title", "championship",
			"tenure", "contract", "deal"),
		"for": words("played", "plays", "playing", "pitched", "starred", "scored", "season", "seasons", "points",
			"rebounds", "assists", "yards", "touchdowns", "homer", "homers", "homered", "runs", "goals", "saves"),
		"behind": words("game", "games"),
		"of":     words("ahead", "clear"),
		"from":   words("acquired", "obtained"),
		"over":   words("win", "wins", "victory", "victories", "lead"),
		"past":   words("rallied", "rally", "rallies"),
	}
	// leadVerbs put a team between them and "to", "past" or "over" ("led
	// Gonzaga to the Final Four").
	leadVerbs = words("lead", "led", "leads", "leading", "help", "helped", "helps", "carry", "carried", "guide",
		"guided", "lift", "lifted", "power", "powered", "propel", "propelled")
	// teamPeople follow a team's name or its possessive: its staff, its
	// fans, its units, its sport ("Boston coach", "Utah's point guard",
	// "Clemson defensive end", "Memphis basketball coach").
	teamPeople = words("coach", "coaches", "guard", "guards", "forward", "forwards", "center", "centre",
		"quarterback", "pitcher", "catcher", "shortstop", "outfielder", "infielder", "linebacker",
		"receiver", "goaltender", "goalie", "defenseman", "manager", "rookie", "reliever", "starter",
		"fans", "players", "roster", "lineup", "offense", "defense", "franchise", "bullpen", "rotation",
		"point", "starting", "gm", "assistant", "owner", "defensive", "offensive", "basketball", "football",
		"baseball", "hockey")
	// teamThings follow a team's possessive: its games and record
	// ("Seattle's 6-2 win", "Milwaukee's seven-game winning streak").
	teamThings = words("win", "victory", "loss", "defeat", "streak", "season", "playoff", "title", "comeback",
		"rally", "runs", "points", "lead")
	// playWords say that a sentence tells of play: a player's name after
	// a team's possessive there is the team's ("Miami's Tyrese Oduya
	// scored 32 points"), not a local figure's.
	playWords = words("scored", "scoring", "points", "rebounds", "assists", "yards", "runs", "hits", "saves",
		"goals", "touchdowns", "homered", "homer", "pitched", "played", "threw", "game", "win", "victory")
)

func words(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// teamsByPlace types ORG the places the model found that name teams: in
// a story of another team sport than football (otherSportStory) a team is
// often named by its city, state or school ("Dallas beat Utah 101-95",
// "he played for Chicago", "led Arizona to the Final Four"). The name is
// a team's where it is
//
//   - the subject of a game's or a trade's verb ("Dallas beat", "Detroit
//     selected", "Kentucky plays"), or its object ("beat Utah", "against
//     Phoenix", "lost to Portland", "drafted by Cincinnati", "signed with
//     Denver", "played for Chicago", "scored for Columbus", "a win over
//     Oakland", "a game behind Miami", "two games ahead of Milwaukee");
//   - between "led" (or "helped", "lifted" ...) and "to", "past" or
//     "over";
//   - before a team's people, units or sport ("Boston coach", "Clemson
//     defensive end", "Memphis basketball coach"), or their possessive
//     before them or its games ("Utah's point guard", "Milwaukee's
//     seven-game winning streak"), or before a player's full name in a
//     sentence of play ("Miami's Tyrese Oduya scored 32 points");
//   - before a score ("outrebounded Orlando 44-30"), its points in a
//     score line ("Memphis 117, Sacramento 108") or its record in
//     brackets ("Dallas (12-4)"), unless a preposition of place comes
//     first;
//   - listed with such a team ("for Chicago and San Antonio").
//
// A place's name the model read as a person's counts when the gazetteer
// knows it as a place and not as a person ("Denver 104"), unless the
// story names a person in full with it last ("Tom Kerrville" ...
// "against Kerrville" is the coach). A country's name that a national
// team has stays LOC, as CoNLL-2003 marks national teams, and so does a
// dateline.
func (m *NER) teamsByPlace(doc *text.Document, spans []text.Span) []text.Span {
	if !slices.ContainsFunc(spans, func(sp text.Span) bool { return sp.Label == "LOC" || sp.Label == "PER" }) ||
		!otherSportStory(doc) {
		return spans
	}
	forms := tokenForms(doc)
	team := make([]bool, len(spans))
	surnames := map[string]bool{} // the last words of people's full names
	for _, p := range spans {
		if p.Label == "PER" && p.End-p.Start > 1 {
			surnames[forms[p.End-1]] = true
		}
	}
	si := 0
	for k := range spans {
		sp := spans[k]
		if !m.mayBeTeam(doc, sp) {
			continue
		}
		if sp.Label == "PER" && surnames[forms[sp.Start]] {
			continue // "Jim Calhoun" ... "against Calhoun": the coach
		}
		for si < len(doc.Sentences) && doc.Sentences[si].End <= sp.Start {
			si++
		}
		if si == len(doc.Sentences) || doc.Sentences[si].Start > sp.Start || doc.Sentences[si].End < sp.End {
			continue
		}
		s := doc.Sentences[si]
		person := func(i int) bool { // a person's full name from the sentence's word i
			for _, p := range spans[k+1:] {
				if p.Start >= s.Start+i {
					return p.Start == s.Start+i && p.Label == "PER" && p.End-p.Start > 1
				}
			}
			return false
		}
		team[k] = teamRole(forms[s.Start:s.End], sp.Start-s.Start, sp.End-s.Start, person)
	}
	// A list with a team: forward over "and", "or" and a comma that goes
	// on ("for Chicago, San Antonio and Dallas"), back over "and" and "or"
	// ("Chicago and San Antonio were swept").
	listed := func(a, b text.Span) string { // the word between two names, if one
		if b.Start != a.End+1 {
			return ""
		}
		return strings.ToLower(forms[a.End])
	}
	mayBe := func(sp text.Span) bool {
		return m.mayBeTeam(doc, sp) && !(sp.Label == "PER" && surnames[forms[sp.Start]])
	}
	for k := 1; k < len(spans); k++ {
		if team[k-1] && !team[k] && mayBe(spans[k]) {
			switch listed(spans[k-1], spans[k]) {
			case "and", "or":
				team[k] = true
			case ",":
				e := spans[k].End
				team[k] = e < len(forms) && (forms[e] == "," || forms[e] == "and" || forms[e] == "or")
			}
		}
	}
	for k := len(spans) - 2; k >= 0; k-- {
		if team[k+1] && !team[k] && mayBe(spans[k]) {
			if w := listed(spans[k], spans[k+1]); w == "and" || w == "or" {
				team[k] = true
			}
		}
	}
	for k := range spans {
		if team[k] {
			spans[k].Label = "ORG"
		}
	}
	return spans
}

// mayBeTeam reports a span that may name a team by its place: a place's
// name, or a person's that the gazetteer knows only as a place's; not a
// country's that a national team has.
func (m *NER) mayBeTeam(doc *text.Document, sp text.Span) bool {
	if sp.Label != "LOC" && sp.Label != "PER" {
		return false
	}
	ws := make([]string, sp.End-sp.Start)
	for i := range ws {
		ws[i] = doc.Tokens[sp.Start+i].Form
	}
	if sp.Label == "PER" && (!m.knownAs(ws, "LOC") || m.knownAs(ws, "PER")) {
		return false
	}
	return !m.nationalTeams[strings.ToLower(strings.Join(ws, " "))]
}

// teamRole reports whether words[a:b], a place's name, stands where a
// team does (see teamsByPlace); person(i) reports a person's full name
// from word i.
func teamRole(words []string, a, b int, person func(int) bool) bool {
	at := func(i int) string {
		if i < 0 || i >= len(words) {
			return ""
		}
		return strings.ToLower(words[i])
	}
	prev, prev2, next := at(a-1), at(a-2), at(b)
	if a == 0 && (datelineMarks[next] && !record(words, b) || next == "," && allCaps(words[a:b])) {
		return false // a dateline: "DENVER -", "DALLAS, Texas -"
	}
	// the subject, maybe after an adverb ("Dallas easily beat")
	verb := next
	if strings.HasSuffix(verb, "ly") || verb == "also" || verb == "then" {
		verb = at(b + 1)
	}
	switch {
	case teamVerbs[verb], teamPeople[next], teamObjectWords[prev]:
		return true
	case teamAfter[prev][prev2]:
		return true
	case leadVerbs[prev] && (next == "to" || next == "past" || next == "over"):
		return true
	case record(words, b):
		return true
	case placePrepositions[prev] || prev == "to":
		return false // "the game in Dallas 101-95", "fans in Detroit's ..."
	case smallScore(next), smallNumber(next) && scoreLine(words):
		return true
	}
	// A possessive: its people or its games in the next four words,
	// hyphens aside ("Milwaukee's seven-game winning streak"), or a
	// player's full name in a sentence of play.
	if next != "'s" && next != "’s" && !(next == "'" || next == "’") || b+1 >= len(words) {
		return false
	}
	if person(b + 1) {
		for _, w := range words {
			if playWords[strings.ToLower(w)] {
				return true
			}
		}
		return false
	}
	for i, n := b+1, 0; i < len(words) && n < 4; i++ {
		w := at(i)
		if w == "-" {
			continue // "seven - game", as the tokeniser splits it
		}
		if teamPeople[w] || teamThings[w] {
			return true
		}
		if r := words[i][0]; !('a' <= r && r <= 'z' || '0' <= r && r <= '9') {
			break // punctuation or a name: the possessive's phrase ended
		}
		n++
	}
	return false
}

// record reports a team's record in brackets at words[i] ("( 12-4 )").
func record(words []string, i int) bool {
	if i+2 >= len(words) || words[i] != "(" {
		return false
	}
	if words[i+2] == ")" {
		return smallScore(words[i+1])
	}
	return i+4 < len(words) && words[i+2] == "-" && words[i+4] == ")" && smallNumber(words[i+1]) && smallNumber(words[i+3])
}

// smallScore reports a score or record written as one word ("101-95").
func smallScore(w string) bool {
	a, b, ok := strings.Cut(w, "-")
	return ok && smallNumber(a) && smallNumber(b)
}

// scoreLine reports a sentence that gives two names their points
// ("Memphis 117, Sacramento 108"): two capitalised words each followed by
// a number of one to three digits.
func scoreLine(words []string) bool {
	n := 0
	for i := 1; i < len(words); i++ {
		if smallNumber(words[i]) && capitalisedWord(words[i-1]) {
			if n++; n == 2 {
				return true
			}
		}
	}
	return false
}
