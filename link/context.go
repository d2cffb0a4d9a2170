package link

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"tidings/kb"
	"tidings/text"
)

// Words of a sentence that say it reports a football match or season.
// Words shared with elections and motor racing ("won", "race") are left
// out: they are not evidence for a club. Those that business and
// politics use as well ("lead manager", "civil penalty", "beat
// forecasts", "scored a success") are weak: it takes two of them, or one
// strong word or a score.
var sportWords = map[string]bool{
	"striker": true, "striker's": true, "midfielder": true, "defender": true, "goalkeeper": true,
	"goalless": true, "relegation": true, "kick-off": true,
}

var weakSportWords = map[string]bool{
	"beat": true, "beats": true, "beating": true, "drew": true, "draw": true, "goal": true,
	"goals": true, "league": true, "season": true, "manager": true, "derby": true, "cup": true,
	"fixture": true, "thrashed": true, "relegated": true, "promoted": true, "penalty": true,
	"stadium": true, "title": true, "trophy": true, "scored": true,
}

// Words of other team sports than football (basketball, baseball, ice
// hockey, American football): in their stories a city's or a nickname's
// team is no football club ("Dallas beat Miami 105-95", "the Jazz").
var otherSportWords = map[string]bool{
	"basketball": true, "baseball": true, "hockey": true, "nba": true, "nfl": true, "mlb": true,
	"nhl": true, "wnba": true, "touchdown": true, "touchdowns": true, "quarterback": true,
	"quarterbacks": true, "inning": true, "innings": true, "rebounds": true, "homer": true,
	"homers": true, "homered": true, "pitcher": true, "pitchers": true, "puck": true,
	"three-pointer": true, "three-pointers": true, "linebacker": true, "outfielder": true,
}

// Words that put a company in its business: markets, results, executives.
var businessWords = map[string]bool{
	"shares": true, "share": true, "stock": true, "stocks": true, "earnings": true,
	"revenue": true, "revenues": true, "sales": true, "profit": true, "profits": true,
	"quarter": true, "quarterly": true, "ceo": true, "cfo": true, "market": true,
	"nasdaq": true, "nyse": true, "investors": true, "analysts": true, "dividend": true,
	"forecast": true, "forecasts": true, "outlook": true, "company": true, "firm": true,
	"chipmaker": true, "carmaker": true, "maker": true, "subscribers": true, "deal": true,
	"acquisition": true, "merger": true, "valuation": true, "stake": true, "staff": true,
	"workforce": true, "employees": true, "buy": true, "shareholders": true, "results": true,
}

// Cue bits of a word: one map lookup a token gives both kinds of evidence.
const (
	sportCue uint8 = 1 << iota
	weakSportCue
	businessCue
	otherSportCue
)

var cueWords = func() map[string]uint8 {
	m := make(map[string]uint8, len(sportWords)+len(weakSportWords)+len(businessWords)+len(otherSportWords))
	for w := range sportWords {
		m[w] |= sportCue
	}
	for w := range weakSportWords {
		m[w] |= weakSportCue
	}
	for w := range otherSportWords {
		m[w] |= otherSportCue
	}
	for w := range businessWords {
		m[w] |= businessCue
	}
	return m
}()

// docContext holds, for every token, how many tokens before it are
// evidence of a match report or of business news, so that the context of
// each mention costs time in proportion to the mention, not to its
// sentence: a document of any size, even one sentence of 200k tokens, is
// read once.
type docContext struct {
	doc       *text.Document
	sport     []int32 // sport[i]: match evidence among tokens [0, i): strong words, scores
	weakSport []int32 // weakSport[i]: weak match words among tokens [0, i)
	business  []int32 // business[i]: business evidence among tokens [0, i)
	// otherSport: the document speaks of another team sport than
	// football (otherSportWords).
	otherSport bool
}

func newDocContext(doc *text.Document) *docContext {
	n := len(doc.Tokens)
	c := &docContext{doc: doc, sport: make([]int32, n+1), weakSport: make([]int32, n+1), business: make([]int32, n+1)}
	var buf [16]byte
	for i, t := range doc.Tokens {
		c.sport[i+1], c.weakSport[i+1], c.business[i+1] = c.sport[i], c.weakSport[i], c.business[i]
		f := t.Form
		if f == "" {
			continue
		}
		if b := f[0]; b >= '0' && b <= '9' {
			if isScore(doc, i) {
				c.sport[i+1]++
			}
			continue
		}
		if f == "$" {
			c.business[i+1]++
			continue
		}
		// Every cue word is ASCII and shorter than buf: lower-case into
		// it rather than allocate a lower-case copy of every token.
		if len(f) > len(buf) {
			continue
		}
		w := buf[:len(f)]
		ascii := true
		for j := range len(f) {
			b := f[j]
			if b >= 0x80 {
				ascii = false
				break
			}
			if 'A' <= b && b <= 'Z' {
				b += 'a' - 'A'
			}
			w[j] = b
		}
		if !ascii {
			continue
		}
		cue := cueWords[string(w)]
		if cue&sportCue != 0 {
			c.sport[i+1]++
		}
		if cue&weakSportCue != 0 {
			c.weakSport[i+1]++
		}
		if cue&otherSportCue != 0 || (f == "pointer" || f == "pointers") && i >= 2 && doc.Tokens[i-1].Form == "-" && strings.EqualFold(doc.Tokens[i-2].Form, "three") {
			c.otherSport = true // "three-pointer", split at its hyphen
		}
		if cue&businessCue != 0 || string(w) == "executive" && i > 0 && strings.EqualFold(doc.Tokens[i-1].Form, "chief") {
			c.business[i+1]++
		}
	}
	return c
}

// of reads the evidence around a mention: match words or a score ("2-1")
// in its sentence outside the mention; business words, "chief executive"
// or a ticker in parentheses after it; a locative preposition before it
// ("in Leicester" is the city, "in the Amazon" the forest).
func (c *docContext) of(sp text.Span) (sport, business, locative bool) {
	doc := c.doc
	s, ok := doc.SentenceOf(sp.Start)
	if !ok {
		s = text.Span{Start: 0, End: len(doc.Tokens)}
	}
	inside := func(p []int32) int32 { return p[sp.End] - p[sp.Start] }
	sport = c.sport[s.End]-c.sport[s.Start]-inside(c.sport) > 0 || c.weakSport[s.End]-c.weakSport[s.Start]-inside(c.weakSport) >= 2
	business = c.business[s.End]-c.business[s.Start]-inside(c.business) > 0
	if e := sp.End; e+2 < len(doc.Tokens) && doc.Tokens[e].Form == "(" && doc.Tokens[e+2].Form == ")" && isTicker(doc.Tokens[e+1].Form) {
		business = true
	}
	// the preposition, or the preposition and "the" ("in the Amazon")
	before := sp.Start - 1
	if before > 0 && strings.EqualFold(doc.Tokens[before].Form, "the") {
		before--
	}
	if before >= 0 {
		switch strings.ToLower(doc.Tokens[before].Form) {
		case "in", "at", "near", "from", "of":
			locative = true
		}
	}
	return
}

// maxCompanyWords is the longest company name missedCompanies looks for.
const maxCompanyWords = 4

// missedCompanies finds the companies that the recogniser left out
// ("Coinbase swung to a profit"), precision first: in a sentence with
// business evidence outside the name and written in ordinary case (not a
// headline whose words are mostly capitalised), a whole run of
// capitalised tokens, none in an entity, of at most maxCompanyWords, that
// is a company's name or alias and nothing else's in the knowledge base.
// A one-word name must not be a common word ("Banner", "Match") nor
// shorter than three letters.
func (l *Linker) missedCompanies(doc *text.Document, c *docContext) []text.Span {
	var out []text.Span
	var covered []bool // allocated at the first sentence with evidence
	upper := func(i int) bool { return capitalised(doc.Tokens[i].Form) }
	for _, s := range doc.Sentences {
		if c.business[s.End] == c.business[s.Start] || headlineCase(doc, s) {
			continue
		}
		if covered == nil {
			covered = make([]bool, len(doc.Tokens))
			for _, e := range doc.Entities {
				for i := e.Start; i < e.End && i < len(covered); i++ {
					covered[i] = true
				}
			}
		}
		for i := s.Start; i < s.End; {
			if !upper(i) {
				i++
				continue
			}
			end := i + 1
			for end < s.End && upper(end) {
				end++
			}
			run := text.Span{Start: i, End: end, Label: "ORG"}
			i = end
			if run.End-run.Start > maxCompanyWords || slices.Contains(covered[run.Start:run.End], true) {
				continue
			}
			if c.business[s.End]-c.business[s.Start]-(c.business[run.End]-c.business[run.Start]) == 0 {
				continue // the only evidence is the name itself ("Shares")
			}
			name := strings.Join(strings.Fields(doc.SpanText(run)), " ")
			if run.End-run.Start == 1 && (utf8.RuneCountInString(name) < 3 || l.commonWord(name)) {
				continue
			}
			if l.onlyCompanies(name) {
				out = append(out, run)
			}
		}
	}
	return out
}

// fragment reports whether a capitalised word touches the span, before
// or after it, even across a line break that split a sentence ("National
// | Intergroup") but not across a blank line (a title and its body).
func fragment(doc *text.Document, sp text.Span) bool {
	joined := func(a, b int) bool { // tokens a and b, next to each other, exist and no blank line parts them
		return a >= 0 && b < len(doc.Tokens) && !strings.Contains(doc.Text[doc.Tokens[a].End:doc.Tokens[b].Start], "\n\n")
	}
	return joined(sp.Start-1, sp.Start) && capitalised(doc.Tokens[sp.Start-1].Form) ||
		joined(sp.End-1, sp.End) && capitalised(doc.Tokens[sp.End].Form)
}

// capitalised reports whether a token begins with a capital letter.
func capitalised(form string) bool {
	r, _ := utf8.DecodeRuneInString(form)
	return unicode.IsUpper(r)
}

// headlineCase reports whether most words of a sentence (60 % or more, of
// three or more) begin with a capital, as in headlines: there
// capitalisation says nothing of names.
func headlineCase(doc *text.Document, s text.Span) bool {
	words, caps := 0, 0
	for _, t := range doc.Tokens[s.Start:s.End] {
		r, _ := utf8.DecodeRuneInString(t.Form)
		if !unicode.IsLetter(r) {
			continue
		}
		words++
		if unicode.IsUpper(r) {
			caps++
		}
	}
	return words >= 3 && caps*5 >= words*3
}

// onlyCompanies reports whether the knowledge base knows name, as
// written (not an acronym matched through folding), and only as companies.
func (l *Linker) onlyCompanies(name string) bool {
	cands := acronymSafe(name, l.kb.Lookup(name))
	if len(cands) == 0 {
		return false
	}
	for _, e := range cands {
		if e.Kind != kb.KindCompany {
			return false
		}
	}
	return true
}

// isScore reports whether token i is a score: "2-1" as one token, or
// "2", "-", "1".
func isScore(doc *text.Document, i int) bool {
	f := doc.Tokens[i].Form
	if a, b, ok := strings.Cut(f, "-"); ok && isSmallNumber(a) && isSmallNumber(b) {
		return true
	}
	return i+2 < len(doc.Tokens) && isSmallNumber(f) && (doc.Tokens[i+1].Form == "-" || doc.Tokens[i+1].Form == "–") && isSmallNumber(doc.Tokens[i+2].Form)
}

// isSmallNumber reports a number of one or two digits, as a football
// score's are ("767-300" is an aircraft).
func isSmallNumber(s string) bool {
	if s == "" || len(s) > 2 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func isTicker(s string) bool {
	if len(s) < 1 || len(s) > 5 {
		return false
	}
	return strings.ToUpper(s) == s && strings.ToLower(s) != s
}

func isSportKind(kind string) bool {
	return kind == kb.KindClub || kind == kb.KindNationalTeam || kind == kb.KindLeague
}

func isPlaceKind(kind string) bool {
	return kind == kb.KindCity || kind == kb.KindRegion || kind == kb.KindCountry || kind == kb.KindDemonym || kind == kb.KindWorldRegion
}

// filterOrgs applies the rules for companies and clubs to a mention's
// candidates, precision first. The evidence is that of every mention of
// the name in the document (poolEvidence). A club, national team or
// league is kept for a mention typed ORG, LOC or MISC with match evidence
// (around the name, or another unambiguous club or league in the
// document), a club after "in"/"at" only when its name has several words and no
// place has it;
// without evidence, only when its name has several words, no place shares
// it and its sentence is not business news; and in an article about
// another team sport (basketball, baseball ...) not by one word nor by a
// place's name; there a mention typed ORG is no city or region either
// (the recogniser's team named by its place: "Dallas beat Utah"). A
// mention typed PER is a club only with match
// words around the name and when no person has it ("Chelsea beat
// Everton 6-0"). A company of the S&P 500 (tier 0) is kept for a mention typed
// ORG, or one in a business sentence; one of the rest of the SEC's list
// (tiers 1 and 2) only in a business sentence, and not when a capitalised
// word touches the mention. A mention typed LOC or PER is kept as a
// company only in a business sentence and when no place other than a
// small town (LOC) or no person (PER) has its name: the recogniser, which was not trained on these
// names, often types "Netflix" or "Walmart" as a person. A one-word
// company name that is also a place or a common word needs the business
// context, except in tier 0 for a mention typed ORG when no place has the
// name, unless a noun follows it (the recogniser's type is the evidence:
// "Apple unveiled a phone", but "Apple picking", "Target shooting");
// in tier 1 also the type ORG unless the only places of the name are small
// towns (Nokia), and in tier 2 it is never kept.
// When several companies of the same tier remain, none is chosen. When a
// club was set aside for want of evidence, a mention not typed LOC gets
// no identity unless a company was kept: "Leicester said" is the club or the city; likewise when a
// known company (tiers 0 and 1) was set aside and only small towns of its
// name remain, unless a locative preposition names the place or one of
// the towns is in a region the article names (inNamedRegion: "Dover" in
// a story of New Hampshire). boost tells
// resolve which candidates the rules chose.
func (l *Linker) filterOrgs(m *mention, cands []kb.Entry, inNamedRegion func(kb.Entry) bool) (out []kb.Entry, boost []bool, none bool) {
	hasPlace, hasBigPlace, hasPerson, hasCountry := false, false, false, false
	for _, c := range cands {
		hasCountry = hasCountry || c.Kind == kb.KindCountry
		hasPlace = hasPlace || isPlaceKind(c.Kind)
		hasBigPlace = hasBigPlace || isPlaceKind(c.Kind) && !smallTown(c)
		hasPerson = hasPerson || c.Kind == kindPerson
	}
	droppedClub, droppedCompany := false, false
	companies, bestTier := 0, -1
	for _, c := range cands {
		switch {
		case isSportKind(c.Kind) && c.Kind == kb.KindClub && hasCountry:
			// "Austria" is the country, or its team, not Austria Wien
			continue
		case isSportKind(c.Kind):
			// "in Leicester" is the city, "in the Premier League" the
			// league; "from Bayer Leverkusen", a name of several words
			// that no place has, the club
			// Without match evidence, a name of several words that no
			// place has and no business sentence: one word ("Standard",
			// "Arsenal", "National") names too much else.
			ok := m.typ != "PER" && (!m.locative || c.Kind == kb.KindLeague || !hasPlace && len(m.words) > 1) &&
				(m.sport || m.sportDoc || m.typ != "LOC" && !hasPlace && c.Kind != kb.KindNationalTeam && len(m.words) > 1 && !m.business)
			if m.typ == "PER" {
				// the recogniser takes "Chelsea" for a first name: a club
				// only in a match report and when no person has the name
				ok = m.sport && !m.locative && !hasPerson && c.Kind == kb.KindClub
			}
			if c.Kind == kb.KindNationalTeam {
				ok = ok && m.typ == "ORG" && m.sport
			}
			if m.otherSport && (len(m.words) == 1 || hasPlace) {
				// "Dallas beat Miami 105-95 ... 12 rebounds", "the Jazz":
				// a team of another sport, named by its city or nickname
				ok = false
			}
			if !ok {
				droppedClub = droppedClub || c.Kind == kb.KindClub
				continue
			}
			out, boost = append(out, c), append(boost, true)
		case m.otherSport && m.typ == "ORG" && (c.Kind == kb.KindCity || c.Kind == kb.KindRegion):
			// "Dallas beat Utah 101-95 ... 12 rebounds": the recogniser
			// read a team named by its city or state, which is not the
			// place (a country's name is its national team's, LOC)
			continue
		case c.Kind == kb.KindCompany:
			var ok bool
			switch m.typ {
			case "ORG":
				ok = c.Tier == 0 || m.business
			case "LOC":
				ok = m.business && !hasBigPlace
			case "PER":
				ok = m.business && !hasPerson
			default:
				ok = m.business
			}
			if c.Tier > 0 && m.fragment {
				ok = false // a piece of a longer name: "National | Intergroup"
			}
			if len(m.words) == 1 && (hasPlace || l.commonWord(m.text)) && !(c.Tier == 0 && m.typ == "ORG" && !hasPlace && !m.modifier) {
				ok = ok && m.business
				// a less known company by a common word: only as the
				// recogniser typed it, and not at all beyond the first tier
				if c.Tier > 1 || c.Tier == 1 && m.typ != "ORG" && (hasBigPlace || l.commonWord(m.text)) {
					ok = false
				}
			}
			if !ok {
				droppedCompany = droppedCompany || c.Tier <= 1
				continue
			}
			switch {
			case bestTier < 0 || c.Tier < bestTier:
				bestTier, companies = c.Tier, 1
			case c.Tier == bestTier:
				companies++
			}
			out, boost = append(out, c), append(boost, true)
		default:
			out, boost = append(out, c), append(boost, false)
		}
	}
	if companies > 1 {
		// several companies of the best tier share the name: no company
		kept, keptBoost := out[:0], boost[:0]
		for i, c := range out {
			if c.Kind != kb.KindCompany {
				kept, keptBoost = append(kept, c), append(keptBoost, boost[i])
			}
		}
		out, boost = kept, keptBoost
	}
	if droppedClub && m.typ != "LOC" && !slices.ContainsFunc(out, func(c kb.Entry) bool { return c.Kind == kb.KindCompany }) {
		// "Leicester said": the club or the city; but a company the
		// business words chose stands ("Airbus said its profit rose")
		return nil, nil, true
	}
	if droppedCompany && !m.locative && len(out) > 0 && !slices.ContainsFunc(out, func(c kb.Entry) bool { return !smallTown(c) || inNamedRegion(c) }) {
		// a known company set aside for want of evidence, and only small
		// towns of its name left: "Nokia Voices Concern" is not the town
		return nil, nil, true
	}
	return out, boost, false
}

// smallTown reports whether e is a city of fewer than 100,000 people:
// such a town does not stand in the way of a company of its name (Nokia)
// that the article's business words chose.
func smallTown(e kb.Entry) bool {
	return e.Kind == kb.KindCity && e.Population < 100_000
}

// commonWord reports whether name, in lower case, is an ordinary word
// ("apple", "target"), as the linker's options say.
func (l *Linker) commonWord(name string) bool {
	return l.opt.CommonWord != nil && l.opt.CommonWord(strings.ToLower(name))
}
