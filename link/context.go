package link

import (
	"strings"

	"tidings/kb"
	"tidings/text"
)

// Words of a sentence that say it reports a football match or season.
// Words shared with elections and motor racing ("won", "race") are left
// out: they are not evidence for a club.
var sportWords = map[string]bool{
	"beat": true, "beats": true, "beating": true, "drew": true, "draw": true, "goal": true,
	"goals": true, "goalless": true, "league": true, "season": true, "striker": true,
	"manager": true, "midfielder": true, "defender": true, "goalkeeper": true, "derby": true,
	"cup": true, "fixture": true, "thrashed": true, "relegation": true, "relegated": true,
	"promoted": true, "penalty": true, "stadium": true, "title": true, "trophy": true,
	"striker's": true, "scored": true, "kick-off": true,
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

// docContext holds, for every token, how many tokens before it are
// evidence of a match report or of business news, so that the context of
// each mention costs time in proportion to the mention, not to its
// sentence: a document of any size, even one sentence of 200k tokens, is
// read once.
type docContext struct {
	doc      *text.Document
	sport    []int32 // sport[i]: match evidence among tokens [0, i)
	business []int32 // business[i]: business evidence among tokens [0, i)
}

func newDocContext(doc *text.Document) *docContext {
	n := len(doc.Tokens)
	c := &docContext{doc: doc, sport: make([]int32, n+1), business: make([]int32, n+1)}
	for i, t := range doc.Tokens {
		w := strings.ToLower(t.Form)
		c.sport[i+1], c.business[i+1] = c.sport[i], c.business[i]
		if sportWords[w] || isScore(doc, i) {
			c.sport[i+1]++
		}
		if businessWords[w] || w == "$" || w == "executive" && i > 0 && strings.EqualFold(doc.Tokens[i-1].Form, "chief") {
			c.business[i+1]++
		}
	}
	return c
}

// of reads the evidence around a mention: match words or a score ("2-1")
// in its sentence outside the mention; business words, "chief executive"
// or a ticker in parentheses after it; a locative preposition before it
// ("in Leicester" is the city).
func (c *docContext) of(sp text.Span) (sport, business, locative bool) {
	doc := c.doc
	s, ok := doc.SentenceOf(sp.Start)
	if !ok {
		s = text.Span{Start: 0, End: len(doc.Tokens)}
	}
	inside := func(p []int32) int32 { return p[sp.End] - p[sp.Start] }
	sport = c.sport[s.End]-c.sport[s.Start]-inside(c.sport) > 0
	business = c.business[s.End]-c.business[s.Start]-inside(c.business) > 0
	if e := sp.End; e+2 < len(doc.Tokens) && doc.Tokens[e].Form == "(" && doc.Tokens[e+2].Form == ")" && isTicker(doc.Tokens[e+1].Form) {
		business = true
	}
	if sp.Start > 0 {
		switch strings.ToLower(doc.Tokens[sp.Start-1].Form) {
		case "in", "at", "near", "from", "of":
			locative = true
		}
	}
	return
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

func isSmallNumber(s string) bool {
	if s == "" || len(s) > 3 {
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
	return kind == kb.KindCity || kind == kb.KindRegion || kind == kb.KindCountry || kind == kb.KindDemonym
}

// filterOrgs applies the rules for companies and clubs to a mention's
// candidates, precision first. A club, national team or league is kept
// for a mention typed ORG, LOC or MISC with match evidence (in its
// sentence, or another unambiguous club or league in the document),
// never after "in"/"at"; without evidence, only when no place shares the
// name. A company is kept for a mention typed ORG or one in a business
// sentence, not typed LOC or PER; a one-word company name that is also
// a place or a common word needs the business context. When a club was
// set aside for want of evidence, a mention not typed LOC gets no
// identity: "Leicester said" is the club or the city. boost tells
// resolve which candidates the rules chose.
func (l *Linker) filterOrgs(m *mention, cands []kb.Entry) (out []kb.Entry, boost []bool, none bool) {
	hasPlace := false
	for _, c := range cands {
		hasPlace = hasPlace || isPlaceKind(c.Kind)
	}
	droppedClub := false
	for _, c := range cands {
		switch {
		case isSportKind(c.Kind):
			ok := m.typ != "PER" && !m.locative &&
				(m.sport || m.sportDoc || m.typ != "LOC" && !hasPlace && c.Kind != kb.KindNationalTeam)
			if c.Kind == kb.KindNationalTeam {
				ok = ok && m.typ == "ORG" && m.sport
			}
			if !ok {
				droppedClub = droppedClub || c.Kind == kb.KindClub
				continue
			}
			out, boost = append(out, c), append(boost, true)
		case c.Kind == kb.KindCompany:
			// a name the recogniser did not know may come typed LOC:
			// business context and no place of that name make it the company
			ok := m.typ != "PER" && (m.typ == "ORG" || m.business) && (m.typ != "LOC" || m.business && !hasPlace)
			if len(m.words) == 1 && (hasPlace || l.commonWord(m.text)) {
				ok = ok && m.business
			}
			if !ok {
				continue
			}
			out, boost = append(out, c), append(boost, true)
		default:
			out, boost = append(out, c), append(boost, false)
		}
	}
	if droppedClub && m.typ != "LOC" {
		return nil, nil, true
	}
	return out, boost, false
}

// commonWord reports whether name, in lower case, is an ordinary word
// ("apple", "target"), as the linker's options say.
func (l *Linker) commonWord(name string) bool {
	return l.opt.CommonWord != nil && l.opt.CommonWord(strings.ToLower(name))
}
