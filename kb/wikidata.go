package kb

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"tidings/kb/internal/jsonscan"
)

// The Wikidata properties the importer reads. Each id was confirmed in a
// source, not taken from memory (README, "kb import", lists them):
//   - P31 instance of: the sample's claims (every entity of
//     wikidata-sample/dump-excerpt), Wikidata's page
//     "Wikidata:WikiProject Companies/Properties";
//   - P39 position held, with qualifiers P580 start time and P582 end
//     time: Wikidata's "Property talk:P39" (George Washington (Q23) ->
//     President of the United States); Q23 and Q306 carry them in the
//     sample;
//   - P17 country and P1082 population: Wikiversity's "Research in
//     programming Wikidata/Human settlements" queries; P585 point in time
//     (which population statement is the latest) and the preferred-rank
//     rule: OpenStreetMap's wiki, Key:population;
//   - P27 country of citizenship: Wikidata's "Property proposal/
//     Nationality" page;
//   - P569 date of birth: Wikidata's "Property talk:P569";
//   - P54 member of sports team: the knowledge README (Oliver Kahn's
//     P54 claims in wikidata-sample/entities).
const (
	propInstanceOf   = "P31"
	propPositionHeld = "P39"
	propStart        = "P580"
	propEnd          = "P582"
	propPointInTime  = "P585"
	propCountry      = "P17"
	propCitizenship  = "P27"
	propPopulation   = "P1082"
	propBirth        = "P569"
	propSportsTeam   = "P54"
)

// WikidataEntity is what the importer reads of one Wikidata entity.
type WikidataEntity struct {
	ID          string   // "Q23"
	Type        string   // "item", "property", "lexeme", ...
	Label       string   // the English label ("" if none)
	Description string   // the English description
	Aliases     []string // the English aliases
	Enwiki      string   // the English Wikipedia title
	Sitelinks   int      // number of sitelinks (wikis with a page about it)
	InstanceOf  []uint32 // P31 classes (numeric ids), deprecated statements left out
	Country     []uint32 // P17
	Citizenship []uint32 // P27
	Positions   []WikidataPosition
	Teams       int   // P54 statements (sports teams played for)
	Population  int64 // P1082: the preferred statement, else the latest, else the largest; 0 if none
	Born        int   // P569 year; 0 if unknown
}

// WikidataPosition is one P39 (position held) statement: the position's
// id and the term, widened to whole periods as roles.tsv dates are (a
// start known to the year is January 1; an end known to the year is the
// next January 1). Zero times are open ends.
type WikidataPosition struct {
	Position    uint32
	From, Until time.Time
}

// ParseWikidataEntity reads one entity: a line of the JSON dump without
// its trailing comma, or an entity document of the API.
func ParseWikidataEntity(b []byte) (WikidataEntity, error) {
	var p wdParser
	if err := p.parse(b); err != nil {
		return WikidataEntity{}, err
	}
	return p.entity()
}

// wdString is a JSON string as written, decoded only if needed.
type wdString struct {
	raw []byte
	esc bool
}

// decode returns the string, unescaped and with invalid UTF-8 replaced;
// buf is scratch space, returned for reuse.
func (s wdString) decode(buf []byte) (string, []byte, error) {
	if !s.esc && utf8.Valid(s.raw) {
		return string(s.raw), buf, nil
	}
	buf, err := jsonscan.Unescape(buf[:0], s.raw)
	if err != nil {
		return "", buf, err
	}
	return string(buf), buf, nil
}

// wdParser reads entities one after another, reusing its buffers: the
// importer keeps few of the entities it reads, so strings are decoded
// only for those it keeps (entity).
type wdParser struct {
	sc, sub jsonscan.Scanner

	id, typ             []byte
	label, desc, enwiki wdString
	aliases             []wdString
	sitelinks           int
	p31, p17, p27       []uint32
	positions           []WikidataPosition
	teams               int
	population          int64
	popRank             int // 2 preferred, 1 dated (popDate), 0 undated
	popDate             time.Time
	born                int
	buf                 []byte
}

func (p *wdParser) reset() {
	p.id, p.typ = nil, nil
	p.label, p.desc, p.enwiki = wdString{}, wdString{}, wdString{}
	p.aliases = p.aliases[:0]
	p.sitelinks, p.teams, p.born = 0, 0, 0
	p.p31, p.p17, p.p27 = p.p31[:0], p.p17[:0], p.p27[:0]
	p.positions = p.positions[:0]
	p.population, p.popRank, p.popDate = 0, 0, time.Time{}
}

var errNoID = errors.New("entity without an id")

func (p *wdParser) parse(line []byte) error {
	p.reset()
	s := &p.sc
	s.Reset(line)
	if s.Peek() != '{' {
		return errors.New("not a JSON object")
	}
	s.Object(func(key []byte) bool {
		switch string(key) {
		case "id":
			p.id, _ = s.String()
		case "type":
			p.typ, _ = s.String()
		case "labels":
			p.label = p.english(s)
		case "descriptions":
			p.desc = p.english(s)
		case "aliases":
			p.englishAliases(s)
		case "sitelinks":
			p.readSitelinks(s)
		case "claims":
			p.readClaims(s)
		default:
			s.Skip()
		}
		return s.Err() == nil
	})
	if err := s.Err(); err != nil {
		return err
	}
	if !s.AtEnd() {
		return fmt.Errorf("offset %d: data after the entity", s.Pos())
	}
	if len(p.id) == 0 {
		return errNoID
	}
	return nil
}

// english reads {"en": {"language": "en", "value": "..."}, ...} and
// returns the English value. Wikidata's dumps key labels and descriptions
// by language; "en" is English proper (en-gb and others are variants).
func (p *wdParser) english(s *jsonscan.Scanner) wdString {
	var out wdString
	if s.Peek() == '[' { // an empty map is written [] by some PHP serialisers
		s.Skip()
		return out
	}
	s.Object(func(lang []byte) bool {
		if string(lang) != "en" {
			s.Skip()
			return true
		}
		out = p.valueField(s)
		return true
	})
	return out
}

// valueField reads {"language": ..., "value": "..."} and returns value.
func (p *wdParser) valueField(s *jsonscan.Scanner) wdString {
	var out wdString
	s.Object(func(k []byte) bool {
		if string(k) == "value" && s.Peek() == '"' {
			out.raw, out.esc = s.String()
		} else {
			s.Skip()
		}
		return true
	})
	return out
}

func (p *wdParser) englishAliases(s *jsonscan.Scanner) {
	if s.Peek() == '[' {
		s.Skip()
		return
	}
	s.Object(func(lang []byte) bool {
		if string(lang) != "en" || s.Peek() != '[' {
			s.Skip()
			return true
		}
		s.Array(func() bool {
			if v := p.valueField(s); v.raw != nil {
				p.aliases = append(p.aliases, v)
			}
			return true
		})
		return true
	})
}

func (p *wdParser) readSitelinks(s *jsonscan.Scanner) {
	if s.Peek() == '[' {
		s.Skip()
		return
	}
	s.Object(func(site []byte) bool {
		p.sitelinks++
		if string(site) != "enwiki" || s.Peek() != '{' {
			s.Skip()
			return true
		}
		s.Object(func(k []byte) bool {
			if string(k) == "title" && s.Peek() == '"' {
				p.enwiki.raw, p.enwiki.esc = s.String()
			} else {
				s.Skip()
			}
			return true
		})
		return true
	})
}

// wdStatement is what readStatement keeps of one statement: the rank, the
// main value's JSON (nil for "no value" and "unknown value") and the first
// value of each qualifier asked for.
type wdStatement struct {
	deprecated, preferred bool
	value                 []byte
	quals                 [2][]byte
}

func (p *wdParser) readClaims(s *jsonscan.Scanner) {
	if s.Peek() == '[' {
		s.Skip()
		return
	}
	s.Object(func(prop []byte) bool {
		if s.Peek() != '[' {
			s.Skip()
			return true
		}
		var quals [2]string
		switch string(prop) {
		case propInstanceOf, propCountry, propCitizenship, propSportsTeam, propBirth:
		case propPositionHeld:
			quals = [2]string{propStart, propEnd}
		case propPopulation:
			quals = [2]string{propPointInTime}
		default:
			s.Skip()
			return true
		}
		s.Array(func() bool {
			var st wdStatement
			p.readStatement(s, &st, quals)
			if s.Err() == nil && !st.deprecated {
				p.use(string(prop), &st)
			}
			return true
		})
		return true
	})
}

func (p *wdParser) readStatement(s *jsonscan.Scanner, st *wdStatement, quals [2]string) {
	s.Object(func(k []byte) bool {
		switch string(k) {
		case "rank":
			r, _ := s.String()
			st.deprecated = string(r) == "deprecated"
			st.preferred = string(r) == "preferred"
		case "mainsnak":
			st.value = p.snakValue(s)
		case "qualifiers":
			if quals[0] == "" || s.Peek() != '{' {
				s.Skip()
				return true
			}
			s.Object(func(q []byte) bool {
				i := -1
				for j, w := range quals {
					if w != "" && string(q) == w {
						i = j
					}
				}
				if i < 0 || st.quals[i] != nil || s.Peek() != '[' {
					s.Skip()
					return true
				}
				s.Array(func() bool {
					if v := p.snakValue(s); v != nil && st.quals[i] == nil {
						st.quals[i] = v
					}
					return true
				})
				return true
			})
		default:
			s.Skip()
		}
		return true
	})
}

// snakValue reads a snak and returns its datavalue's value as raw JSON,
// nil for a snak without one.
func (p *wdParser) snakValue(s *jsonscan.Scanner) []byte {
	var v []byte
	if s.Peek() != '{' {
		s.Skip()
		return nil
	}
	s.Object(func(k []byte) bool {
		if string(k) != "datavalue" || s.Peek() != '{' {
			s.Skip()
			return true
		}
		s.Object(func(k []byte) bool {
			if string(k) == "value" {
				v = s.Skip()
			} else {
				s.Skip()
			}
			return true
		})
		return true
	})
	return v
}

func (p *wdParser) use(prop string, st *wdStatement) {
	if st.value == nil {
		return
	}
	switch prop {
	case propInstanceOf:
		if q := p.itemID(st.value); q != 0 {
			p.p31 = append(p.p31, q)
		}
	case propCountry:
		if q := p.itemID(st.value); q != 0 {
			p.p17 = append(p.p17, q)
		}
	case propCitizenship:
		if q := p.itemID(st.value); q != 0 {
			p.p27 = append(p.p27, q)
		}
	case propSportsTeam:
		p.teams++
	case propPositionHeld:
		q := p.itemID(st.value)
		if q == 0 {
			return
		}
		pos := WikidataPosition{Position: q}
		if st.quals[0] != nil {
			pos.From, _ = p.timeValue(st.quals[0])
		}
		if st.quals[1] != nil {
			_, pos.Until = p.timeValue(st.quals[1])
		}
		if !pos.From.IsZero() && !pos.Until.IsZero() && pos.Until.Before(pos.From) {
			pos.Until = time.Time{} // contradictory: keep the start only
		}
		p.positions = append(p.positions, pos)
	case propBirth:
		if from, _ := p.timeValue(st.value); !from.IsZero() && (p.born == 0 || st.preferred) {
			p.born = from.Year()
		}
	case propPopulation:
		n := p.amount(st.value)
		if n <= 0 {
			return
		}
		rank := 0
		var date time.Time
		if st.preferred {
			rank = 2
		} else if st.quals[0] != nil {
			if date, _ = p.timeValue(st.quals[0]); !date.IsZero() {
				rank = 1
			}
		}
		switch {
		case rank > p.popRank,
			rank == p.popRank && rank == 1 && date.After(p.popDate),
			rank == p.popRank && rank != 1 && n > p.population:
			p.population, p.popRank, p.popDate = n, rank, date
		}
	}
}

// itemID reads {"entity-type": "item", "numeric-id": 5, "id": "Q5"} (the
// 2015 dumps have no "id") and returns 5; 0 for anything else.
func (p *wdParser) itemID(raw []byte) uint32 {
	s := &p.sub
	s.Reset(raw)
	var q uint32
	item := true
	if s.Peek() != '{' {
		return 0
	}
	s.Object(func(k []byte) bool {
		switch string(k) {
		case "id":
			v, _ := s.String()
			if n, ok := parseQID(v); ok {
				q = n
			}
		case "numeric-id":
			if n, ok := s.Number(); ok && n > 0 && n < 1<<32 && q == 0 {
				q = uint32(n)
			}
		case "entity-type":
			v, _ := s.String()
			item = string(v) == "item"
		default:
			s.Skip()
		}
		return true
	})
	if s.Err() != nil || !item {
		return 0
	}
	return q
}

// timeValue reads {"time": "+1789-04-30T00:00:00Z", "precision": 11, ...}
// and returns the first day of the period it names and the first day
// after it (the same day for a full date). Precision 11 is a day, 10 a
// month, 9 a year; coarser or BCE dates are unknown (zero).
func (p *wdParser) timeValue(raw []byte) (start, end time.Time) {
	s := &p.sub
	s.Reset(raw)
	var t []byte
	prec := int64(-1)
	if s.Peek() != '{' {
		return
	}
	s.Object(func(k []byte) bool {
		switch string(k) {
		case "time":
			t, _ = s.String()
		case "precision":
			prec, _ = s.Number()
		default:
			s.Skip()
		}
		return true
	})
	if s.Err() != nil || len(t) < 11 || t[0] != '+' || prec < 9 || prec > 14 {
		return
	}
	// +YYYY-MM-DD...; the year may have more digits.
	dash := bytes.IndexByte(t[1:], '-') + 1
	if dash < 5 || len(t) < dash+6 {
		return
	}
	y, err1 := strconv.Atoi(string(t[1:dash]))
	m, err2 := strconv.Atoi(string(t[dash+1 : dash+3]))
	d, err3 := strconv.Atoi(string(t[dash+4 : dash+6]))
	if err1 != nil || err2 != nil || err3 != nil || y < 1 || y > 9999 {
		return
	}
	switch {
	case prec == 9:
		start = time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		return start, start.AddDate(1, 0, 0)
	case prec == 10 && m >= 1 && m <= 12:
		start = time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
		return start, start.AddDate(0, 1, 0)
	case prec >= 11 && m >= 1 && m <= 12 && d >= 1 && d <= 31:
		start = time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		return start, start
	}
	return time.Time{}, time.Time{}
}

// amount reads a quantity {"amount": "+3748148", "unit": "1"}.
func (p *wdParser) amount(raw []byte) int64 {
	s := &p.sub
	s.Reset(raw)
	var n int64
	if s.Peek() != '{' {
		return 0
	}
	s.Object(func(k []byte) bool {
		if string(k) == "amount" {
			n, _ = s.Number()
		} else {
			s.Skip()
		}
		return true
	})
	if s.Err() != nil {
		return 0
	}
	return n
}

// entity decodes the strings of the entity last parsed.
func (p *wdParser) entity() (WikidataEntity, error) {
	var err error
	// The id and the type are kept as written: a line that writes them in
	// invalid UTF-8 is malformed (the dump's are ASCII).
	if !utf8.Valid(p.id) || !utf8.Valid(p.typ) {
		return WikidataEntity{}, fmt.Errorf("%q: id or type is not UTF-8", p.id)
	}
	e := WikidataEntity{
		ID: string(p.id), Type: string(p.typ), Sitelinks: p.sitelinks, Teams: p.teams,
		Population: p.population, Born: p.born,
	}
	if e.Label, p.buf, err = p.label.decode(p.buf); err != nil {
		return e, fmt.Errorf("%s: label: %w", e.ID, err)
	}
	if e.Description, p.buf, err = p.desc.decode(p.buf); err != nil {
		return e, fmt.Errorf("%s: description: %w", e.ID, err)
	}
	if e.Enwiki, p.buf, err = p.enwiki.decode(p.buf); err != nil {
		return e, fmt.Errorf("%s: enwiki title: %w", e.ID, err)
	}
	for _, a := range p.aliases {
		var v string
		if v, p.buf, err = a.decode(p.buf); err != nil {
			return e, fmt.Errorf("%s: alias: %w", e.ID, err)
		}
		e.Aliases = append(e.Aliases, v)
	}
	e.InstanceOf = append([]uint32(nil), p.p31...)
	e.Country = append([]uint32(nil), p.p17...)
	e.Citizenship = append([]uint32(nil), p.p27...)
	e.Positions = append([]WikidataPosition(nil), p.positions...)
	return e, nil
}

// parseQID reads "Q42" as 42.
func parseQID(b []byte) (uint32, bool) {
	if len(b) < 2 || len(b) > 11 || b[0] != 'Q' || b[1] == '0' {
		return 0, false
	}
	var n uint64
	for _, c := range b[1:] {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + uint64(c-'0')
	}
	if n >= 1<<32 {
		return 0, false
	}
	return uint32(n), true
}

// A class the importer keeps, with the kind of entry it makes.
type wdClass struct {
	kind, subtype string
	group         classGroup
}

type classGroup uint8

const (
	groupPerson classGroup = iota + 1
	groupOrganisation
	groupPlace  // cities, towns and their administrative equivalents
	groupHamlet // villages and unspecified settlements: many, mostly tiny
)

// wikidataClasses maps the P31 classes that news needs to entries, in
// order of precedence (an entity of several classes takes the first).
// Membership is by direct P31 only: following P279 (subclass of) would
// need the class graph before the first entity, a second pass over the
// dump. Each id was confirmed in a source (README, "kb import"):
//   - Q5 human: the sample (Q23, Q185, Q255, Q306 are P31 Q5 and nothing
//     else), Wikidata's "Property talk:P39" and "Property talk:P102";
//   - Q7278 political party: Wikidata's "Property talk:P102";
//   - Q484652 international organization: several public extraction
//     scripts (found with the code search) label it so;
//   - Q327333 government agency, Q476028 association football club,
//     Q12973014 sports team, Q847017 sports club, Q891723 public company,
//     Q6881511 enterprise, Q167037 corporation: labelled so, in agreement,
//     by independent public scripts and SPARQL queries;
//   - Q4830453 business: Wikidata's "WikiProject Companies/Properties"
//     (the preferred P31 of a company) and Wikiversity's "Research in
//     programming Wikidata/Business enterprise"; Q783794 company: public
//     scripts and a Wikidata course page;
//   - Q43229 organization: Wikidata's "Property talk:P1320";
//   - Q515 city, Q3957 town, Q1549591 big city: Wikiversity's "Research
//     in programming Wikidata/Cities"; Q486972 human settlement: its
//     "Human settlements" page; Q5119 capital and Q532 village: public
//     scripts, in agreement; Q484170 commune of France and Q747074 comune
//     of Italy: the sample (Tours is P31 Q484170 only, described "commune
//     in Indre-et-Loire, France"; Modena is Q515 and Q747074, "Italian
//     city and comune").
var wikidataClasses = []struct {
	qid uint32
	wdClass
}{
	{5, wdClass{KindPerson, "", groupPerson}},
	{7278, wdClass{KindOrganisation, "political party", groupOrganisation}},
	{484652, wdClass{KindOrganisation, "international organisation", groupOrganisation}},
	{327333, wdClass{KindBody, "government agency", groupOrganisation}},
	{476028, wdClass{KindOrganisation, "sports team", groupOrganisation}},
	{12973014, wdClass{KindOrganisation, "sports team", groupOrganisation}},
	{847017, wdClass{KindOrganisation, "sports team", groupOrganisation}},
	{891723, wdClass{KindOrganisation, "company", groupOrganisation}},
	{4830453, wdClass{KindOrganisation, "company", groupOrganisation}},
	{783794, wdClass{KindOrganisation, "company", groupOrganisation}},
	{6881511, wdClass{KindOrganisation, "company", groupOrganisation}},
	{167037, wdClass{KindOrganisation, "company", groupOrganisation}},
	{43229, wdClass{KindOrganisation, "organisation", groupOrganisation}},
	{5119, wdClass{KindCity, "capital", groupPlace}},
	{1549591, wdClass{KindCity, "big city", groupPlace}},
	{515, wdClass{KindCity, "city", groupPlace}},
	{484170, wdClass{KindCity, "commune of France", groupPlace}},
	{747074, wdClass{KindCity, "comune of Italy", groupPlace}},
	{3957, wdClass{KindCity, "town", groupPlace}},
	{532, wdClass{KindCity, "village", groupHamlet}},
	{486972, wdClass{KindCity, "human settlement", groupHamlet}},
}

// WikidataFilter holds the thresholds that decide which entities of a
// class in wikidataClasses are kept. The zero value keeps nothing that
// needs a threshold; DefaultWikidataFilter is the documented default.
type WikidataFilter struct {
	// PersonSitelinks is the sitelinks a person needs who held no
	// position (P39) and played for no team (P54). People with a
	// position are always kept.
	PersonSitelinks int
	// AthleteSitelinks is the sitelinks a person with a P54 team needs.
	AthleteSitelinks int
	// OrganisationSitelinks is the sitelinks an organisation, company,
	// party, team or agency needs.
	OrganisationSitelinks int
	// PlaceSitelinks and PlacePopulation: a city or town is kept with
	// either this many sitelinks or this population.
	PlaceSitelinks, PlacePopulation int
	// HamletSitelinks and HamletPopulation: the same for villages and
	// unspecified settlements, of which Wikidata has millions.
	HamletSitelinks, HamletPopulation int
}

// DefaultWikidataFilter is the filter `tidings kb import` uses unless
// told otherwise (README, "kb import").
var DefaultWikidataFilter = WikidataFilter{
	PersonSitelinks:       10,
	AthleteSitelinks:      3,
	OrganisationSitelinks: 2,
	PlaceSitelinks:        2,
	PlacePopulation:       1000,
	HamletSitelinks:       10,
	HamletPopulation:      10000,
}

var classByQID = func() map[uint32]int {
	m := make(map[uint32]int, len(wikidataClasses))
	for i, c := range wikidataClasses {
		m[c.qid] = i
	}
	return m
}()

// classify returns the entity's class (the first of wikidataClasses it is
// an instance of) and whether the filter keeps it.
func (f *WikidataFilter) classify(p *wdParser) (wdClass, bool) {
	if string(p.typ) != "item" {
		return wdClass{}, false
	}
	best := -1
	for _, q := range p.p31 {
		if i, ok := classByQID[q]; ok && (best < 0 || i < best) {
			best = i
		}
	}
	if best < 0 {
		return wdClass{}, false
	}
	c := wikidataClasses[best].wdClass
	sl := p.sitelinks
	switch c.group {
	case groupPerson:
		switch {
		case len(p.positions) > 0:
			c.subtype = "office holder"
			return c, true
		case p.teams > 0:
			c.subtype = "athlete"
			return c, sl >= f.AthleteSitelinks
		}
		return c, sl >= f.PersonSitelinks
	case groupOrganisation:
		return c, sl >= f.OrganisationSitelinks
	case groupPlace:
		return c, sl >= f.PlaceSitelinks || p.population >= int64(f.PlacePopulation) && f.PlacePopulation > 0
	case groupHamlet:
		return c, sl >= f.HamletSitelinks || p.population >= int64(f.HamletPopulation) && f.HamletPopulation > 0
	}
	return wdClass{}, false
}

// maxAliases bounds the English aliases kept per entity: a few famous
// entities have dozens, mostly spellings nobody writes in news.
const maxAliases = 24

// wikidataEntry makes the KB entry of a kept entity. countries maps a
// country's QID to its ISO alpha-3 code (the embedded KB's QIDs). ok is
// false if the entity has no English name (no label, no enwiki title).
func wikidataEntry(e *WikidataEntity, c wdClass, countries map[uint32]string) (Entry, bool) {
	name := strings.TrimSpace(e.Label)
	title := strings.TrimSpace(e.Enwiki)
	if name == "" {
		name = stripDisambiguation(title)
	}
	if name == "" || len(name) > 300 {
		return Entry{}, false
	}
	en := Entry{
		ID: e.ID, Wikidata: e.ID, Name: name, Kind: c.kind, Subtype: c.subtype,
		Description: e.Description, Wikipedia: title, Sitelinks: e.Sitelinks, Source: SourceWikidataDump,
	}
	switch c.kind {
	case KindPerson:
		en.Type = TypePER
		if e.Born >= 1000 && e.Born <= 2100 {
			en.Born = e.Born
		}
	case KindCity:
		en.Type = TypeLOC
		if e.Population > 0 && e.Population < 1<<40 {
			en.Population = int(e.Population)
		}
	default:
		en.Type = TypeORG
	}
	// A person's country is their citizenship, anything else's its P17.
	for _, q := range append(append([]uint32(nil), e.Citizenship...), e.Country...) {
		if code, ok := countries[q]; ok {
			en.Country = code
			break
		}
	}
	for _, a := range append(e.Aliases, stripDisambiguation(title)) {
		a = strings.TrimSpace(a)
		if len(en.Aliases) >= maxAliases || len(a) < 2 || len(a) > 200 || a == name {
			continue
		}
		en.Aliases = appendNew(en.Aliases, name, a)
	}
	return en, true
}

// stripDisambiguation drops a Wikipedia title's parenthesised
// disambiguator: "Talisker (distillery)" -> "Talisker".
func stripDisambiguation(title string) string {
	if i := strings.LastIndex(title, " ("); i > 0 && strings.HasSuffix(title, ")") {
		return title[:i]
	}
	return title
}
