package dates

import (
	"strconv"
	"strings"
	"time"
)

// match is one recognised expression over tokens [start, end).
type match struct {
	start, end int
	typ, value string
	mod        string
	anchor     string
	ref        point // the date it names, which anaphora may later refer to
	focus      bool  // ref is a quarter named by number
	noDet      bool  // a preceding "the" is not part of it ("the January 4 vote")
	// yearFocus marks a year-to-date period ("the first nine months"):
	// "a year earlier" then compares with the year before, not a quarter.
	yearFocus bool
}

// match tries every pattern at token i, with the modifiers and determiner
// that may precede it, and returns the longest, or nil.
func (s *scan) match(i int) *match {
	if w := s.w[i]; len(w) > 4 && strings.HasPrefix(w, "mid-") {
		return s.midWord(i, w[4:])
	}
	// Prefixes: determiner and modifiers that belong inside the span.
	j := i
	det := false
	mod := ""
	for k := 0; k < 4 && j < s.n(); k++ {
		w := s.w[j]
		switch {
		case w == "the" && !det:
			if s.word(j+1) == "end" || s.word(j+1) == "beginning" || s.word(j+1) == "start" || s.word(j+1) == "middle" {
				if s.word(j+2) == "of" {
					mod = "START"
					switch s.word(j + 1) {
					case "end":
						mod = "END"
					case "middle":
						mod = "MID"
					}
					j += 3
					continue
				}
			}
			det = true
			j++
			continue
		case (w == "more" || w == "less") && s.word(j+1) == "than":
			mod = "MORE_THAN"
			if w == "less" {
				mod = "LESS_THAN"
			}
			j += 2
			continue
		case w == "no" && s.word(j+1) == "more" && s.word(j+2) == "than":
			mod = "EQUAL_OR_LESS"
			j += 3
			continue
		case w == "at" && (s.word(j+1) == "least" || s.word(j+1) == "most"):
			mod = "EQUAL_OR_MORE"
			if s.word(j+1) == "most" {
				mod = "EQUAL_OR_LESS"
			}
			j += 2
			continue
		case w == "up" && s.word(j+1) == "to" && s.numberAhead(j+2):
			mod = "EQUAL_OR_LESS"
			j += 2
			continue
		case w == "earlier" || w == "later":
			if s.relativeAhead(j + 1) {
				// "earlier this year": inside the span, with no mod
				j++
				continue
			}
		case s.lx[j].kind&kModifier != 0 && mod == "":
			m := s.lx[j].mod
			if (w == "over" || w == "under" || w == "some") && !s.numberAhead(j+1) {
				break
			}
			if w == "early" || w == "late" || w == "mid" || w == "middle" {
				if w == "middle" && s.word(j+1) != "of" {
					break
				}
				nj := s.hyphen(j + 1)
				if w == "middle" {
					nj = j + 2
				}
				mod = m
				j = nj
				continue
			}
			mod = m
			j++
			continue
		}
		break
	}
	if j >= s.n() {
		return nil
	}
	m := s.core(j)
	if m == nil && j > i {
		// The prefix may be a core itself ("later", "some"): try it bare.
		return s.coreAt(i)
	}
	if m == nil {
		return nil
	}
	if det && m.noDet {
		// "the" is outside: the caller retries from the next token.
		if i+1 == j {
			return nil
		}
	}
	if mod != "" && m.mod == "" {
		m.mod = mod
	}
	m.start = i
	return m
}

func (s *scan) coreAt(i int) *match {
	m := s.core(i)
	if m != nil {
		m.start = i
	}
	return m
}

// numberAhead reports whether a number starts at j.
func (s *scan) numberAhead(j int) bool {
	_, _, _, ok := s.number(j)
	return ok
}

// relativeAhead reports whether a deictic expression starts at j, which
// "earlier" and "later" may precede ("earlier this year", "later today").
func (s *scan) relativeAhead(j int) bool {
	w := s.word(j)
	switch w {
	case "this", "that", "today", "yesterday", "tomorrow", "tonight", "last", "next", "in":
		return true
	}
	return s.is(j, kWeekday)
}

// core returns the longest expression starting exactly at j.
func (s *scan) core(j int) *match {
	var best *match
	try := func(m *match) {
		if m != nil && (best == nil || m.end > best.end) {
			best = m
		}
	}
	w := s.lx[j]
	if s.digitStart(j) || w.kind&(kNumber|kVague) != 0 {
		try(s.timeOfDay(j))
	}
	if s.digitStart(j) || w.kind&(kMonth|kWeekday|kOrdinal|kNumber) != 0 {
		try(s.dateExpr(j))
	}
	if s.digitStart(j) || w.kind&(kNumber|kVague|kDeictic|kOrdinal|kUnit|kUnitPlural) != 0 {
		try(s.duration(j))
	}
	if w.kind&(kDeictic|kOrdinal|kSeason|kUnit|kPartOfDay) != 0 || s.digitStart(j) || s.w[j] == "fiscal" || s.w[j] == "full" {
		try(s.deictic(j))
		try(s.quarter(j))
	}
	if w.kind&(kRelDay|kPartOfDay) != 0 || s.w[j] == "noon" || s.w[j] == "midnight" || s.w[j] == "midday" {
		try(s.relDay(j))
		if best == nil {
			try(s.timeOfDay(j))
		}
	}
	if w.kind&(kSetAdverb|kWeekdayPlural) != 0 || s.w[j] == "every" || s.w[j] == "each" || s.w[j] == "per" {
		try(s.set(j))
	}
	if best == nil {
		if m := s.lexical(j); m != nil {
			switch s.w[j] {
			case "past", "future", "near", "short", "long":
			default:
				m.noDet = true
			}
			try(m)
		}
		try(s.holiday(j))
		try(s.decadeWord(j))
	}
	if best != nil && best.typ != "DURATION" {
		if h := s.hyphen(best.end); h != best.end && s.word(h) == "long" {
			return nil // "that week-long strike" is no date: "week-long" is tried alone
		}
	}
	return best
}

// --- numbers ---

// number parses a count at j: digits ("16", "2 1/2"), words ("twenty
// four", "a"), or a vague count ("several", "a few": unknown, -1).
func (s *scan) number(j int) (n float64, end int, vague bool, ok bool) {
	if j >= s.n() {
		return 0, j, false, false
	}
	w := s.w[j]
	if isDigits(w) {
		v, err := strconv.Atoi(strings.ReplaceAll(w, ",", ""))
		if err != nil {
			return 0, j, false, false
		}
		n, end = float64(v), j+1
		if f := s.word(end); f == "1/2" || f == "½" {
			n, end = n+0.5, end+1
		}
		return n, end, false, true
	}
	lw := s.lx[j]
	switch {
	case w == "a" || w == "an":
		nw := s.word(j + 1)
		switch {
		case nw == "few" || nw == "couple":
			end = j + 2
			if nw == "couple" {
				if s.word(end) == "of" {
					end++
				}
				return 2, end, false, true
			}
			return -1, end, true, true
		case nw == "half" && s.is(j+2, kUnit):
			return 0.5, j + 2, false, true
		case nw == "dozen" || nw == "hundred":
			return float64(s.lx[j+1].n), j + 2, false, true
		case s.is(j+1, kUnit) || (s.is(j+1, kNumber) && !s.is(j+1, kVague) && nw != "a"):
			if s.is(j+1, kUnit) {
				return 1, j + 1, false, true
			}
		}
		if s.is(j+1, kNumber) && nw != "a" && nw != "an" {
			return 1, j + 1, false, true
		}
		return 0, j, false, false
	case lw.kind&kVague != 0:
		end = j + 1
		if w == "couple" {
			if s.word(end) == "of" {
				end++
			}
			return 2, end, false, true
		}
		return -1, end, true, true
	case lw.kind&kNumber != 0:
		v := lw.n
		end = j + 1
		if v >= 20 && v%10 == 0 && v < 100 {
			k := s.hyphen(end)
			if s.is(k, kNumber) && s.lx[k].n > 0 && s.lx[k].n < 10 && s.w[k] != "a" && s.w[k] != "an" {
				v += s.lx[k].n
				end = k + 1
			}
		}
		if s.word(end) == "hundred" {
			v *= 100
			end++
		}
		if s.word(end) == "and" && s.word(end+1) == "a" && s.word(end+2) == "half" {
			// "two and a half years": handled by the caller through frac
			return float64(v) + 0.5, end + 3, false, true
		}
		return float64(v), end, false, true
	}
	return 0, j, false, false
}

func isDigits(w string) bool {
	if w == "" || w[0] < '0' || w[0] > '9' {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if (c < '0' || c > '9') && c != ',' {
			return false
		}
	}
	return true
}

// smallInt parses token j as a plain integer.
func (s *scan) smallInt(j int) (int, bool) {
	w := s.word(j)
	if w == "" || len(w) > 4 {
		return 0, false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return 0, false
		}
	}
	v, err := strconv.Atoi(w)
	return v, err == nil
}

// dayOfMonth parses "4", "4th", "fourth" at j.
func (s *scan) dayOfMonth(j int) (int, bool) {
	w := s.word(j)
	if v, ok := s.smallInt(j); ok && len(w) <= 2 && v >= 1 && v <= 31 {
		return v, true
	}
	if len(w) >= 3 && len(w) <= 4 {
		suf := w[len(w)-2:]
		if suf == "st" || suf == "nd" || suf == "rd" || suf == "th" {
			if v, err := strconv.Atoi(w[:len(w)-2]); err == nil && v >= 1 && v <= 31 {
				return v, true
			}
		}
	}
	return 0, false
}

// ordinal parses "third", "3rd" at j.
func (s *scan) ordinal(j int) (int, bool) {
	if s.is(j, kOrdinal) {
		return s.lx[j].ord, true
	}
	w := s.word(j)
	if len(w) >= 3 && len(w) <= 4 {
		suf := w[len(w)-2:]
		if suf == "st" || suf == "nd" || suf == "rd" || suf == "th" {
			if v, err := strconv.Atoi(w[:len(w)-2]); err == nil && v >= 1 {
				return v, true
			}
		}
	}
	return 0, false
}

// year parses a four-digit year at j ("1998"), or an apostrophe year
// ("'98") when allowShort.
func (s *scan) year(j int) (int, bool) {
	w := s.word(j)
	if len(w) == 4 {
		if v, ok := s.smallInt(j); ok && v >= 1000 && v <= 2199 {
			return v, true
		}
	}
	return 0, false
}

// --- absolute and weekday dates ---

// dateExpr recognises calendar dates: "January 4", "Jan. 4, 2022",
// "4 January 2022", "the 4th of January", "January 2022", "2022-01-04",
// "01/04/2022", weekdays ("Friday", "Friday, Oct. 23"), years and decades.
func (s *scan) dateExpr(j int) *match {
	if s.is(j, kWeekday) && s.capitalised(j) {
		return s.weekday(j, 0, false)
	}
	if y, m, d, end, ok := s.calendarDate(j); ok {
		return s.resolveCalendar(j, y, m, d, end)
	}
	return s.yearExpr(j)
}

// calendarDate parses a date naming a month, at j. Unknown parts are 0.
func (s *scan) calendarDate(j int) (y, m, d, end int, ok bool) {
	w := s.word(j)
	// ISO and numeric dates in one token.
	if len(w) >= 6 && w[0] >= '0' && w[0] <= '9' {
		if y, m, d, ok := numericDate(w); ok {
			return y, m, d, j + 1, true
		}
		return 0, 0, 0, j, false
	}
	if s.is(j, kMonth) && s.capitalised(j) {
		m = s.lx[j].n
		k := j + 1
		if s.word(k) == "." && s.joined(j) && len(w) <= 4 && s.dayAhead(k+1) {
			k++ // "Sept ." split by the tokeniser
		}
		if dd, okd := s.dayOfMonth(k); okd && !s.isHyphen(k+1) {
			d = dd
			k++
			end = k
			kk := s.comma(k)
			if yy, oky := s.year(kk); oky {
				y, end = yy, kk+1
			} else if yy, oky := s.relYear(k); oky {
				y, end = yy, k+2
			}
			return y, m, d, end, validDay(y, m, d)
		}
		if yy, oky := s.relYear(k); oky {
			return yy, m, 0, k + 2, true
		}
		kk := s.comma(k)
		if s.word(kk) == "of" {
			kk++
		}
		if yy, oky := s.year(kk); oky {
			return yy, m, 0, kk + 1, true
		}
		if yy, e, oky := s.spelledYear(kk); oky {
			return yy, m, 0, e, true
		}
		if w == "may" || w == "march" || w == "mar" || w == "jan" || w == "dec" || w == "sun" {
			// Ambiguous month names need a date context, and are given
			// names before a capitalised word: "Jan Kavan".
			if !s.monthContext(j) || s.capitalised(k) && s.lx[k].kind&(kMonth|kWeekday) == 0 {
				return 0, 0, 0, j, false
			}
		}
		if s.word(k) == "'s" {
			return 0, m, 0, k - 0, true
		}
		return 0, m, 0, k, true
	}
	// "4 January 2022", "the 4th of January"
	if dd, okd := s.dayOfMonth(j); okd {
		k := j + 1
		if s.word(k) == "of" {
			k++
		}
		if s.is(k, kMonth) && s.capitalised(k) {
			m = s.lx[k].n
			k++
			end = k
			kk := s.comma(k)
			if yy, oky := s.year(kk); oky {
				y, end = yy, kk+1
			}
			return y, m, dd, end, validDay(y, m, dd)
		}
	}
	return 0, 0, 0, j, false
}

// relYear reads "this year", "last year", "next year" after a month
// ("January this year", "July last year"): one expression, the month of
// that year.
func (s *scan) relYear(k int) (int, bool) {
	if !s.hasDCT || s.word(k+1) != "year" {
		return 0, false
	}
	switch s.word(k) {
	case "this":
		return s.dct.Year(), true
	case "last":
		return s.dct.Year() - 1, true
	case "next":
		return s.dct.Year() + 1, true
	}
	return 0, false
}

// dayAhead reports whether a day of the month is at j.
func (s *scan) dayAhead(j int) bool {
	_, ok := s.dayOfMonth(j)
	return ok
}

// monthContext reports whether an ambiguous month name at j ("May",
// "March") is used as a month.
func (s *scan) monthContext(j int) bool {
	switch s.word(j - 1) {
	case "in", "since", "until", "till", "by", "of", "last", "next", "this", "early", "late", "mid",
		"from", "through", "during", "before", "after", "-", "and", "or", "to", "end", "beginning":
		return j > 0
	}
	return false
}

func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 0 || d > 31 {
		return false
	}
	if d == 0 {
		return true
	}
	yy := y
	if yy == 0 {
		yy = 2000 // a leap year: February 29 is a possible date
	}
	t := day(yy, m, d)
	return t.Day() == d
}

// numericDate parses 2022-01-04, 2022/01/04, 01/04/2022 (US order), 1/4/22.
func numericDate(w string) (y, m, d int, ok bool) {
	if len(w) > 10 {
		if len(w) > 10 && (w[10] == 'T' || w[10] == 't') {
			w = w[:10]
		} else {
			return 0, 0, 0, false
		}
	}
	sep := byte(0)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c == '-' || c == '/' || c == '.' {
			if sep == 0 {
				sep = c
			} else if sep != c {
				return 0, 0, 0, false
			}
		} else if c < '0' || c > '9' {
			return 0, 0, 0, false
		}
	}
	if sep == 0 {
		return 0, 0, 0, false
	}
	parts := strings.Split(w, string(sep))
	if len(parts) != 3 {
		return 0, 0, 0, false
	}
	a, _ := strconv.Atoi(parts[0])
	b, _ := strconv.Atoi(parts[1])
	c, _ := strconv.Atoi(parts[2])
	switch {
	case len(parts[0]) == 4:
		y, m, d = a, b, c
	case len(parts[2]) == 4:
		y, m, d = c, a, b
		if m > 12 && d <= 12 { // day first: 25/12/2021
			m, d = d, m
		}
	case len(parts[2]) == 2 && sep == '/':
		y, m, d = 2000+c, a, b
		if c >= 50 {
			y = 1900 + c
		}
	default:
		return 0, 0, 0, false
	}
	if y < 1000 || d < 1 || !validDay(y, m, d) {
		return 0, 0, 0, false
	}
	return y, m, d, true
}

// resolveCalendar fills the year of a month-day or month date from the
// DCT and the tense, and builds the match.
func (s *scan) resolveCalendar(j, y, m, d, end int) *match {
	r := &match{end: end, typ: "DATE", noDet: (d != 0 || !s.is(j, kMonth)) && s.word(j+1) != "of"}
	if y == 0 {
		if !s.hasDCT {
			if d > 0 {
				r.value = "XXXX-" + pad2(m) + "-" + pad2(d)
			} else {
				r.value = "XXXX-" + pad2(m)
			}
			return r
		}
		y = s.yearFor(j, end, m, d)
		r.anchor = s.dct.Format("2006-01-02")
	}
	if d > 0 {
		r.ref = point{t: day(y, m, d), g: gDay, ok: true}
	} else {
		r.ref = point{t: day(y, m, 1), g: gMonth, ok: true}
	}
	r.value = r.ref.value()
	// A time of day may follow: "Jan. 4 at 3 p.m." is left to the
	// time-of-day pattern; a part of day follows directly.
	return r
}

// yearFor chooses the year of a month (and day) given without one: the
// one nearest the DCT, moved back in a past-tense sentence or forward in a
// future-tense one only when the nearest lies well (yearMargin) on the
// wrong side. News reports near dates on either side in any tense: a
// past-tense sentence announces a dividend "payable Dec. 7" or a deal
// "effective Feb. 1", a future-tense one refers back to "July 1".
func (s *scan) yearFor(start, end, m, d int) int {
	y := s.dct.Year()
	dd := d
	if dd == 0 {
		dd = 15
	}
	best, bestDist := y, time.Duration(1<<62)
	for _, cy := range []int{y - 1, y, y + 1} {
		t := day(cy, m, min(dd, 28))
		dist := t.Sub(s.dct)
		if dist < 0 {
			dist = -dist
		}
		if dist < bestDist {
			best, bestDist = cy, dist
		}
	}
	switch s.tenseAt(start, end) {
	case tensePast:
		if t := day(y, m, min(dd, 28)); t.Sub(s.dct) > yearMargin {
			return y - 1
		}
		return y
	case tenseFuture:
		if t := day(y, m, 1).AddDate(0, 1, -1); s.dct.Sub(t) > yearMargin {
			return y + 1
		}
		return y
	}
	return best
}

// yearMargin is how far on the wrong side of the DCT the nearest month
// may lie before the tense moves it a year.
var yearMargin = 90 * 24 * time.Hour

func pad2(n int) string {
	if n < 10 {
		return "0" + itoa(n)
	}
	return itoa(n)
}

// weekday recognises "Friday", "Friday morning", "Friday, Oct. 23";
// dir is the direction forced by "last" (-1) or "next" (+1), fromRef
// resolves against the last date mentioned ("the previous Friday").
func (s *scan) weekday(j, dir int, fromRef bool) *match {
	return s.weekdayIn(j, j, dir, fromRef)
}

// weekdayIn is weekday for a weekday inside a longer expression starting
// at start ("9 a.m. Tuesday", "early Tuesday"), whose context words
// ("until 9 a.m. Tuesday") decide the direction.
func (s *scan) weekdayIn(start, j, dir int, fromRef bool) *match {
	wd := s.lx[j].n
	k := j + 1
	// An explicit date after the weekday decides.
	kk := s.comma(k)
	if y, m, d, end, ok := s.calendarDate(kk); ok && d > 0 {
		r := s.resolveCalendar(kk, y, m, d, end)
		r.noDet = true
		return r
	}
	r := &match{end: k, typ: "DATE", noDet: true}
	part := ""
	if s.is(k, kPartOfDay) && s.w[k] != "overnight" {
		part = s.lx[k].code
		r.end = k + 1
		r.typ = "TIME"
	}
	if !s.hasDCT && !fromRef {
		r.value = "XXXX-WXX-" + itoa(wd)
		if part != "" {
			r.value += "T" + part
		}
		return r
	}
	ref := s.dct
	if fromRef && s.ref.ok {
		ref = s.ref.t
	} else if fromRef && !s.hasDCT {
		r.value = "XXXX-WXX-" + itoa(wd)
		return r
	}
	var t time.Time
	switch {
	case dir < 0:
		t = weekdayNear(ref.AddDate(0, 0, -1), wd, -1)
	case dir > 0:
		t = weekdayNear(ref.AddDate(0, 0, 1), wd, 1)
	default:
		d := direction(s.tenseAt(start, r.end))
		if d <= 0 && s.prospective(start) {
			d = 1
		}
		if d == 0 {
			d = -1 // news reports what happened
		}
		t = weekdayNear(ref, wd, d)
	}
	r.anchor = ref.Format("2006-01-02")
	r.ref = point{t: t, g: gDay, ok: true}
	r.value = r.ref.value()
	if part != "" {
		r.value += "T" + part
	}
	return r
}

// prospective reports whether words shortly before j in its sentence
// announce something planned, which a weekday then dates in the coming
// days whatever the tense of the verb: "planned to leave on Thursday",
// "is scheduled to close Monday", "as soon as Tuesday".
func (s *scan) prospective(j int) bool {
	lo, _ := s.sentenceOf(j)
	for k := j - 1; k >= lo && k >= j-8; k-- {
		switch s.w[k] {
		case "plan", "plans", "planned", "planning", "scheduled", "due":
			// Not a plan made earlier: "had been scheduled to expire
			// Friday", "as previously planned", nor a participle
			// qualifying a noun ("a service planned for Saturday was
			// canceled").
			return !s.earlierPlan(k) && !(s.doc.Tokens[k].XPOS == "VBN" && !s.perfect(k) && !s.passive(k))
		case "set", "is", "are", "was", "were":
			if s.word(k+1) == "to" {
				return !s.earlierPlan(k)
			}
		case "soon", "early":
			if k >= 1 && s.w[k-1] == "as" && s.word(k+1) == "as" {
				return true
			}
		case ".", ";", "said", "says":
			return false
		}
	}
	return false
}

// earlierPlan reports whether the planning word at k is put in the past
// before the past: "had been due", "previously planned".
func (s *scan) earlierPlan(k int) bool {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		switch s.w[j] {
		case "had", "previously", "originally":
			return true
		}
	}
	return false
}

// yearExpr recognises years ("1998", "fiscal 1989"), decades ("1990s",
// "'80s") and centuries ("the 20th century").
func (s *scan) yearExpr(j int) *match {
	w := s.word(j)
	if n := len(w); n == 5 && w[4] == 's' {
		if v, err := strconv.Atoi(w[:4]); err == nil && v >= 1000 && v <= 2190 && v%10 == 0 {
			return &match{end: j + 1, typ: "DATE", value: itoa(v / 10), ref: point{t: day(v, 1, 1), g: gDecade, ok: true}}
		}
	}
	if w == "'" && s.joined(j) {
		w2 := s.word(j + 1)
		if len(w2) == 3 && w2[2] == 's' && w2[0] >= '0' && w2[0] <= '9' && w2[1] == '0' {
			c := 19
			if w2[0] <= '2' && s.hasDCT && s.dct.Year() >= 2000 {
				c = 20
			}
			return &match{end: j + 2, typ: "DATE", value: itoa(c) + w2[:1]}
		}
	}
	if y, end, ok := s.spelledYear(j); ok {
		if y == 2000 && end == j+2 && s.word(j-1) != "year" && s.word(j-1) != "in" {
			return nil
		}
		return &match{end: end, typ: "DATE", value: itoa(y), ref: point{t: day(y, 1, 1), g: gYear, ok: true}}
	}
	if y, ok := s.year(j); ok {
		if !s.yearContext(j) {
			return nil
		}
		return &match{end: j + 1, typ: "DATE", value: itoa(y), ref: point{t: day(y, 1, 1), g: gYear, ok: true}}
	}
	if o, ok := s.ordinal(j); ok && o > 0 && o <= 21 && s.word(j+1) == "century" {
		return &match{end: j + 2, typ: "DATE", value: pad2(o - 1)}
	}
	return nil
}

// yearAwards are the nouns of titles "X of the year" ("player of the
// year", "album of the year"), where the year is no time expression.
var yearAwards = map[string]bool{"player": true, "players": true, "coach": true, "manager": true, "rookie": true,
	"album": true, "song": true, "record": true, "artist": true, "car": true, "person": true, "man": true,
	"woman": true, "team": true, "goal": true, "athlete": true, "sportsman": true, "sportswoman": true,
	"footballer": true, "book": true, "film": true, "movie": true, "word": true, "entertainer": true}

// numberedNouns are nouns that a number after them identifies ("resolution
// 1973", "Flight 1549", "room 1204"): that number is no year. "Act" is
// not one: "the Data Protection Act 1998" is dated.
var numberedNouns = map[string]bool{"resolution": true, "resolutions": true, "flight": true, "flights": true,
	"room": true, "rooms": true, "route": true, "article": true, "articles": true, "section": true,
	"chapter": true, "paragraph": true, "clause": true, "number": true, "model": true, "version": true,
	"page": true, "pages": true, "highway": true, "interstate": true, "gate": true, "platform": true,
	"exit": true, "apartment": true, "suite": true, "box": true, "channel": true, "bus": true}

// yearContext tells a year from another four-digit number: not money, not
// a number that names a thing ("resolution 1973", "resolutions 1970 and
// 1973"), not followed by a counted noun ("1998 workers").
func (s *scan) yearContext(j int) bool {
	p := s.word(j - 1)
	if p == "$" || p == "#" || p == "no." || p == "-" && !s.is(j-2, kMonth) && s.word(j-2) != "mid" && s.word(j-2) != "post" && s.word(j-2) != "pre" {
		return false
	}
	if numberedNouns[strings.ToLower(p)] || (p == "and" || p == "or" || p == ",") && isDigits(s.word(j-2)) && numberedNouns[strings.ToLower(s.word(j-3))] {
		return false
	}
	if j > 0 && s.joined(j-1) && p != "(" && p != "'" && p != "\"" && p != "-" && p != "``" && p != "`" {
		return false
	}
	next := s.word(j + 1)
	if s.joined(j) && next != "," && next != "." && next != ")" && next != "'s" && next != ":" && next != ";" && next != "-" &&
		next != "\"" && next != "'" && next != "''" && next != "?" && next != "!" {
		return false
	}
	switch next {
	case "%", "percent", "people", "shares", "workers", "troops", "dollars", "cents", "yen", "feet",
		"meters", "miles", "tons", "acres", "points", "employees", "members", "votes", "cars", "jobs",
		"units", "students", "soldiers", "barrels", "-":
		return next == "-" && s.is(j+2, kNumber)
	}
	return true
}

// decadeWord recognises "the nineties".
func (s *scan) decadeWord(j int) *match {
	d := 0
	switch s.word(j) {
	case "twenties":
		d = 2
	case "thirties":
		d = 3
	case "forties":
		d = 4
	case "fifties":
		d = 5
	case "sixties":
		d = 6
	case "seventies":
		d = 7
	case "eighties":
		d = 8
	case "nineties":
		d = 9
	}
	if d > 0 && s.word(j-1) == "the" {
		c := "19"
		return &match{end: j + 1, typ: "DATE", value: c + itoa(d)}
	}
	return nil
}

// --- deictic and anaphoric dates ---

// relDay recognises today, yesterday, tomorrow, tonight, with a part of
// day ("yesterday morning"), and parts of day with a day after them
// ("mid-afternoon yesterday").
func (s *scan) relDay(j int) *match {
	w := s.lx[j]
	if w.kind&kPartOfDay != 0 {
		k := s.hyphen(j + 1)
		if k == j+1 {
			k = j + 1
		}
		if s.is(k, kRelDay) || s.is(k, kWeekday) && s.capitalised(k) {
			var inner *match
			if s.is(k, kRelDay) {
				inner = s.relDay(k)
			} else {
				inner = s.weekdayIn(j, k, 0, false)
			}
			if inner != nil && inner.typ == "DATE" && !strings.Contains(inner.value, "T") {
				inner.typ = "TIME"
				if inner.value != "" && inner.value != "PRESENT_REF" {
					inner.value += "T" + w.code
				}
				return inner
			}
		}
		return nil
	}
	if w.kind&kRelDay == 0 {
		return nil
	}
	if s.w[j] == "today" && s.word(j+1) == "'s" && genericNow[s.word(j+2)] {
		// "today's world", "today's youth": the present age in general,
		// not the day, which the annotators leave out.
		return nil
	}
	r := &match{end: j + 1, typ: "DATE"}
	off := 0
	part := ""
	switch w.code {
	case "-1":
		off = -1
	case "1":
		off = 1
	case "N":
		part = "NI"
		r.typ = "TIME"
	}
	if s.is(j+1, kPartOfDay) && part == "" {
		part = s.lx[j+1].code
		r.end = j + 2
		r.typ = "TIME"
	}
	if !s.hasDCT {
		r.value = "XXXX-XX-XX"
		if part != "" {
			r.value += "T" + part
		}
		return r
	}
	r.ref = truncate(s.dct.AddDate(0, 0, off), gDay)
	r.value = r.ref.value()
	r.anchor = s.dct.Format("2006-01-02")
	if part != "" {
		r.value += "T" + part
	}
	return r
}

// genericNow are nouns after "today's" that make it mean the present age.
var genericNow = map[string]bool{
	"world": true, "youth": true, "society": true, "generation": true, "children": true,
	"young": true, "culture": true, "technology": true,
}

// deictic recognises "this week", "last month", "next year", "the past
// year", "last Friday", "last fall", "this morning", "last night", "the
// next day", "that year", "the weekend", "the year", "the quarter".
func (s *scan) deictic(j int) *match {
	if m := s.yearEnd(j); m != nil {
		return m
	}
	w := s.lx[j]
	var dir int
	fromRef := false
	k := j
	word := s.w[j]
	hasDeictic := w.kind&kDeictic != 0
	if hasDeictic {
		dir = w.dir
		switch word {
		case "previous", "following", "preceding", "prior", "same", "that", "latest":
			fromRef = true
		}
		if word == "this" && (s.word(j+1) == "coming" || s.word(j+1) == "past") {
			if s.word(j+1) == "coming" {
				dir = 1
			} else {
				dir = -1
			}
			k++
		}
		k++
	} else if word == "the" {
		return nil
	}
	det := s.word(j-1) == "the"
	if det && !hasDeictic && s.w[k] == "year" && s.word(j-2) == "of" && yearAwards[s.word(j-3)] {
		return nil // "player of the year": a title, no date
	}
	if !hasDeictic && !det {
		// Bare units are dates only after "the": "the weekend".
		if w.kind&kSeason == 0 {
			return nil
		}
	}
	if k >= s.n() {
		return nil
	}
	if s.w[k] == "period" && (word == "latest" || word == "same" || word == "comparable" || word == "current") {
		// "the latest period" of a financial report: its quarter
		if !s.hasDCT {
			return &match{end: k + 1, typ: "DATE", value: "XXXX-QX"}
		}
		return &match{end: k + 1, typ: "DATE", value: s.focusQuarter().value()}
	}
	kw := s.lx[k]
	r := &match{end: k + 1, typ: "DATE"}
	known := s.hasDCT
	base := s.dct
	if fromRef || (!hasDeictic && det) {
		if s.ref.ok {
			base, known = s.ref.t, true
		}
	}
	anchor := func() {
		if known {
			r.anchor = base.Format("2006-01-02")
		}
	}
	switch {
	case kw.kind&kWeekday != 0 && s.capitalised(k) && hasDeictic:
		d := dir
		if word == "this" {
			d = direction(s.tenseAt(j, k+1))
		}
		m := s.weekday(k, d, fromRef)
		m.noDet = false
		return m
	case kw.kind&kMonth != 0 && s.capitalised(k) && hasDeictic && word != "that" && word != "same":
		mo := kw.n
		if !known {
			r.value = "XXXX-" + pad2(mo)
			return r
		}
		y := base.Year()
		switch {
		case dir < 0 && mo >= int(base.Month()):
			y--
		case dir > 0 && mo <= int(base.Month()):
			y++
		}
		r.ref = point{t: day(y, mo, 1), g: gMonth, ok: true}
		// "last Oct. 23": the day of that month
		dk := k + 1
		if s.word(dk) == "." && s.joined(k) && s.dayAhead(dk+1) {
			dk++
		}
		if dd, ok := s.dayOfMonth(dk); ok && dd > 0 && validDay(y, mo, dd) && !s.isHyphen(dk+1) {
			r.ref = point{t: day(y, mo, dd), g: gDay, ok: true}
			r.end = dk + 1
		}
		r.value = r.ref.value()
		anchor()
		return r
	case kw.kind&kSeason != 0:
		if !hasDeictic && !det && !s.seasonContext(j) {
			return nil
		}
		if !hasDeictic {
			k = j
			r.end = j + 1
		}
		code := s.lx[k].code
		// "the winter of 1994", "summer 2021"
		kk := k + 1
		if s.word(kk) == "of" {
			kk++
		}
		if y, ok := s.year(kk); ok {
			r.end = kk + 1
			r.value = itoa(y) + "-" + code
			return r
		}
		if y, e, ok := s.spelledYear(kk); ok {
			r.end = e
			r.value = itoa(y) + "-" + code
			return r
		}
		if !known {
			r.value = "XXXX-" + code
			return r
		}
		cur := truncate(base, gSeason)
		y := cur.t.Year()
		order := map[string]int{"SP": 1, "SU": 2, "FA": 3, "WI": 4}
		switch {
		case dir < 0 && order[code] >= order[cur.code]:
			y--
		case dir > 0 && order[code] <= order[cur.code]:
			y++
		case dir == 0 && !hasDeictic:
			// "the summer": the nearest in the sentence's tense
			switch t := s.tenseAt(j, k+1); {
			case t == tensePast && order[code] > order[cur.code]:
				y--
			case t == tenseFuture && order[code] < order[cur.code]:
				y++
			}
		}
		r.value = itoa(y) + "-" + code
		r.ref = point{t: day(y, 1, 1), g: gSeason, code: code, ok: true}
		anchor()
		return r
	case kw.kind&kPartOfDay != 0 && hasDeictic:
		switch word {
		case "this", "last", "that", "same":
		default:
			return nil
		}
		code := kw.code
		r.typ = "TIME"
		off := 0
		if word == "last" {
			if code != "NI" && code != "EV" {
				return nil
			}
			off = -1
		}
		if !known {
			r.value = "XXXX-XX-XXT" + code
			return r
		}
		r.value = base.AddDate(0, 0, off).Format("2006-01-02") + "T" + code
		anchor()
		return r
	case kw.kind&(kUnit) != 0:
		u := unit(kw.n)
		if !hasDeictic {
			// "the week", "the year", "the quarter", "the weekend"
			switch u {
			case uWeek, uYear, uQuarter, uMonth, uWeekend:
			default:
				return nil
			}
			if u == uYear {
				// "the year 2000", "the year two thousand"
				if y, ok := s.year(k + 1); ok {
					return &match{end: k + 2, typ: "DATE", value: itoa(y), ref: point{t: day(y, 1, 1), g: gYear, ok: true}}
				}
				if y, e, ok := s.spelledYear(k + 1); ok {
					return &match{end: e, typ: "DATE", value: itoa(y), ref: point{t: day(y, 1, 1), g: gYear, ok: true}}
				}
			}
			if u == uWeek && s.word(k+1) == "of" {
				// "the week of March 6": the (ISO) week holding that day
				if y, mo, d, e, ok := s.calendarDate(k + 2); ok && d > 0 {
					m := s.resolveCalendar(k+2, y, mo, d, e)
					if m.ref.ok {
						p := truncate(m.ref.t, gWeek)
						return &match{end: m.end, typ: "DATE", value: p.value(), ref: p, anchor: m.anchor}
					}
				}
			}
			if s.word(k+1) == "of" || s.word(k+1) == "'s" && u != uYear || s.is(k+1, kUnit) {
				return nil
			}
			if u == uYear && s.isHyphen(k+1) {
				return nil
			}
			if u == uYear {
				if m := yearEnding(s, k+1); m != nil {
					return m
				}
			}
			if !known {
				return &match{end: k + 1, typ: "DATE", value: xValue(u)}
			}
			p := truncate(s.dct, unitGran(u))
			if u == uQuarter {
				p = s.focusQuarter()
			}
			if u == uWeekend {
				d := direction(s.tenseAt(j, k+1))
				if d == 0 {
					d = -1
				}
				p = truncate(weekdayNear(s.dct, 6, d), gWeekend)
			}
			r.value = p.value()
			r.anchor = s.dct.Format("2006-01-02")
			return r
		}
		if s.isHyphen(k+1) && u == uYear {
			return nil // "last year-end": let the longer patterns decide
		}
		if u == uDay && !fromRef && word != "this" && word != "next" && word != "last" {
			return nil
		}
		if u == uHour || u == uMinute || u == uSecond {
			return nil
		}
		if !known {
			r.value = xValue(u)
			return r
		}
		n := dir
		if u == uQuarter && (word == "latest" || word == "recent" || word == "that" || word == "same") {
			r.value = s.focusQuarter().value()
			return r
		}
		if word == "latest" || word == "recent" {
			return nil
		}
		if word == "past" && u == uDay {
			return nil
		}
		p := shift(base, u, n)
		if u == uWeekend {
			p = truncate(weekdayNear(base.AddDate(0, 0, 7*n), 6, 0), gWeekend)
		}
		if !p.ok {
			return nil
		}
		r.value = p.value()
		r.ref = p
		anchor()
		if u == uYear && s.word(k+1) == "'s" {
			// "last year's third quarter", "this year's quarter"
			kk := k + 2
			o, ok := s.ordinal(kk)
			if ok && o >= 1 && o <= 4 {
				kk = s.hyphen(kk + 1)
			} else {
				o = 0
			}
			if s.word(kk) == "quarter" || s.word(kk) == "period" {
				if o == 0 {
					o = (int(s.focusQuarter().t.Month())-1)/3 + 1
				}
				q := point{t: day(p.t.Year(), (o-1)*3+1, 1), g: gQuarter, ok: true}
				r.end, r.value, r.ref = kk+1, q.value(), q
			}
		}
		return r
	}
	return nil
}

// seasonContext: a bare season is a date after a preposition of time or
// before a year ("in summer", "summer 2021").
func (s *scan) seasonContext(j int) bool {
	switch s.word(j - 1) {
	case "in", "during", "since", "until", "by", "this", "last", "next", "early", "late", "mid", "-", "the":
		return true
	}
	_, ok := s.year(j + 1)
	return ok
}

func xValue(u unit) string {
	switch u {
	case uDay:
		return "XXXX-XX-XX"
	case uWeek:
		return "XXXX-WXX"
	case uWeekend:
		return "XXXX-WXX-WE"
	case uMonth:
		return "XXXX-XX"
	case uQuarter:
		return "XXXX-QX"
	case uHalf:
		return "XXXX-HX"
	case uYear:
		return "XXXX"
	case uDecade:
		return "XXX"
	case uCentury:
		return "XX"
	}
	return "XXXX-XX-XX"
}

// quarter recognises "the third quarter", "third-quarter", "the fourth
// quarter of 1989", "the first half", "fiscal 1989", "the fiscal year",
// "the year-earlier quarter", "Q3".
func (s *scan) quarter(j int) *match {
	k := j
	yr := 0
	if y, ok := s.year(k); ok && s.word(k-1) == "the" {
		yr = y
		k++
	}
	if s.w[k] == "full" && s.word(k-1) == "the" && s.word(k+1) == "year" {
		return s.yearRef(j, k+2) // "the full year" of a report
	}
	if s.w[k] == "current" && s.word(k+1) == "fiscal" && s.word(k+2) == "year" {
		k++ // "the current fiscal year"
	}
	if s.w[k] == "fiscal" {

		k = s.hyphen(k + 1)
		if y, ok := s.year(k); ok {
			return &match{end: k + 1, typ: "DATE", value: itoa(y), ref: point{t: day(y, 1, 1), g: gYear, ok: true}}
		}
		if s.word(k) == "year" {
			return s.yearRef(j, k+1)
		}
	}
	o, ok := s.ordinal(k)
	if !ok {
		if yr > 0 && (s.word(k) == "quarter" || s.word(k) == "period") {
			// "the 1988 quarter": the same quarter as the one in view
			if s.focus.ok && !(s.yearFocus && s.word(k) == "period") {
				p := point{t: day(yr, int(s.focus.t.Month()), 1), g: s.focus.g, ok: true}
				return &match{end: k + 1, typ: "DATE", value: p.value()}
			}
			return &match{end: k + 1, typ: "DATE", value: itoa(yr)}
		}
		return nil
	}
	hyph := s.isHyphen(k + 1)
	k = s.hyphen(k + 1)
	if s.word(k) == "fiscal" {

		hyph = hyph || s.isHyphen(k+1)
		k = s.hyphen(k + 1)
	}
	w := s.word(k)
	var g gran
	switch w {
	case "quarter":
		g = gQuarter
		if o > 4 || o == 0 {
			return nil
		}
	case "half":
		g = gHalf
		if o > 2 || o == 0 {
			return nil
		}
	default:
		return nil
	}
	end := k + 1
	// "of 1989", "1989"
	kk := end
	if s.word(kk) == "of" {
		kk++
	}
	y := yr
	if yy, ok := s.year(kk); ok {
		y, end = yy, kk+1
	}
	if o < 0 && y != 0 {
		// "the last half of 1989": the final one of that year
		o = 4
		if g == gHalf {
			o = 2
		}
	}
	r := &match{end: end, typ: "DATE", noDet: hyph && end == k+1}
	if y == 0 {
		if !s.hasDCT {
			if o < 0 {
				r.value = "XXXX-QX"
			} else if g == gQuarter {
				r.value = "XXXX-Q" + itoa(o)
			} else {
				r.value = "XXXX-H" + itoa(o)
			}
			return r
		}
		y = s.dct.Year()
		r.anchor = s.dct.Format("2006-01-02")
	}
	months := 3
	if g == gHalf {
		months = 6
	}
	if o < 0 { // "the last quarter": the one before the DCT's
		p := shift(s.dct, uQuarter, -1)
		if g == gHalf {
			p = shift(s.dct, uHalf, -1)
		}
		r.ref, r.value = p, p.value()
		return r
	}
	start := day(y, (o-1)*months+1, 1)
	if y == s.dct.Year() && start.After(s.dct) && s.tenseAt(j, end) != tenseFuture {
		start = start.AddDate(-1, 0, 0)
	}
	r.ref = point{t: start, g: g, ok: true}
	// Only a period already over by the DCT is one a report is about and
	// "a year ago" compares with; "the fourth quarter" of an outlook is not.
	// A fiscal quarter reported on ("reported fourth-quarter earnings",
	// "the fourth quarter ended Sept. 30") is over whatever its number.
	r.focus = !s.hasDCT || !start.AddDate(0, months, 0).After(s.dct) ||
		s.word(r.end) == "ended" || s.reportedBefore(j)
	r.value = r.ref.value()
	return r
}

// reportedBefore reports whether a simple past verb shortly precedes j
// in its sentence: "reported a 47% decline in fourth-quarter earnings".
func (s *scan) reportedBefore(j int) bool {
	lo, _ := s.sentenceOf(j)
	for k := j - 1; k >= lo && k >= j-8; k-- {
		if s.tenseOf(k) == tensePast && s.doc.Tokens[k].XPOS != "VBN" {
			return true
		}
	}
	return false
}

// focusQuarter is the quarter "the quarter", "the latest period" refer to:
// the last one named by number, else the one before the DCT's.
func (s *scan) focusQuarter() point {
	if s.focus.ok {
		return s.focus
	}
	return shift(s.dct, uQuarter, -1)
}

// yearRef is "the fiscal year", "the current year": the DCT's year.
func (s *scan) yearRef(j, end int) *match {
	if m := yearEnding(s, end); m != nil {
		return m
	}
	if !s.hasDCT {
		return &match{end: end, typ: "DATE", value: "XXXX"}
	}
	p := truncate(s.dct, gYear)
	return &match{end: end, typ: "DATE", value: p.value(), ref: p, anchor: s.dct.Format("2006-01-02")}
}

// yearEnd is "year end", "year's end": the end of the DCT's year (of the
// year before after "since"), with mod END; the accounting term
// "year-end" names the closing day, December 31.
func (s *scan) yearEnd(j int) *match {
	if s.w[j] != "year" {
		return nil
	}
	k := s.hyphen(j + 1)
	closing := k != j+1
	if k == j+1 && s.word(k) == "'s" {
		k++
	}
	if s.word(k) != "end" {
		return nil
	}
	r := &match{end: k + 1, typ: "DATE", mod: "END", value: "XXXX"}
	if s.hasDCT {
		p := truncate(s.dct, gYear)
		if s.word(j-1) == "since" || s.word(j-2) == "since" && s.word(j-1) == "the" {
			p = shift(s.dct, uYear, -1)
		}
		r.value, r.anchor = p.value(), s.dct.Format("2006-01-02")
		if closing {
			r.value, r.mod = r.value+"-12-31", ""
		}
	}
	return r
}

// yearEnding is "the year ended March 31", "the year ending June 30": a
// (fiscal) year known by its last day, which TimeML annotates as the
// duration P1Y anchored at that day, not as a calendar year.
func yearEnding(s *scan, end int) *match {
	switch s.word(end) {
	case "ended", "ending":
		return &match{end: end, typ: "DURATION", value: "P1Y"}
	}
	return nil
}

// --- durations and shifted dates ---

// duration recognises "three days", "five-year", "2 1/2 years", "the past
// two months", "the first nine months", "several weeks", "years", and with
// an anchor word a date: "two days ago", "a year earlier", "year-ago".
func (s *scan) duration(j int) *match {
	k := j
	dw := ""
	if s.is(k, kDeictic) || s.word(k) == "first" || s.word(k) == "final" || s.word(k) == "initial" {
		dw = s.w[k]
		if dw == "last" {
			switch s.word(k - 1) {
			case "to", "will", "would", "could", "can", "may", "might", "should", "must", "'ll", "not":
				return nil // the verb: "expected to last several weeks"
			}
		}
		k++
	}
	startNum := k
	n, kn, vague, ok := s.number(k)
	hyph := false
	if ok {
		k = kn
		if k > startNum {
			nk := s.hyphen(k)
			hyph = nk != k
			k = nk
		}
		for s.word(k) == "more" || s.word(k) == "additional" || s.word(k) == "full" || s.word(k) == "straight" ||
			s.word(k) == "consecutive" || s.word(k) == "trading" || s.word(k) == "business" || s.word(k) == "calendar" {
			k++
		}
	}
	if !s.is(k, kUnit|kUnitPlural) {
		// "year-earlier", "year-ago"
		return nil
	}
	if ok && s.w[startNum] == "a" && s.isHyphen(k+1) {
		switch s.word(k + 2) {
		case "ago", "earlier", "before":
			// "a year-earlier loss": the article is outside; the
			// adjective is tried from the next word.
			return nil
		}
	}
	u := unit(s.lx[k].n)
	plural := s.is(k, kUnitPlural)
	if h := s.hyphen(k + 1); h != k+1 && s.word(h) == "long" {
		switch {
		case ok && (s.w[startNum] == "a" || s.w[startNum] == "an"), !ok && dw != "":
			// "a week-long strike", "that week-long strike": the
			// determiner is the noun's, outside the expression as in
			// TimeBank; the adjective is tried from the unit.
			return nil
		case !ok:
			// "day-long", "decades-long"
			n := 1.0
			if plural {
				n = -1
			}
			return &match{end: h + 1, typ: "DURATION", value: durationValue(n, u), noDet: true}
		}
	}
	if !ok {
		// A bare unit: only plural ones ("years", "recent months") or the
		// adjectives "year-ago", "year-earlier".
		if !plural {
			if u == uYear || u == uMonth || u == uQuarter || u == uWeek || u == uDay {
				if h := s.hyphen(k + 1); h != k+1 && (s.word(h) == "ago" || s.word(h) == "earlier" || s.word(h) == "before") {
					return s.shifted(j, h+1, -1, u, true)
				}
			}
			return nil
		}
		n = -1
		vague = true
		if dw == "" && !s.bareUnitContext(j) {
			return nil
		}
	}
	if s.w[k] == "second" && ok && !vague && n > 0 && s.w[startNum] == "a" {
		// "a second" is more often the ordinal: "a second term"
		return nil
	}
	if (u == uQuarter || u == uHalf) && ok && !plural && n == 1 && s.w[startNum] != "one" {
		return nil // "a quarter of", "a half": not durations
	}
	if (u == uQuarter && plural || u == uHalf) && hyph {
		return nil // "three-quarters", "one-half" of something
	}
	end := k + 1
	// "decades-long" is a duration; "five-year-old" is an age, which the
	// TempEval-3 annotators left out.
	if h := s.hyphen(end); h != end && s.word(h) == "long" {
		end = h + 1
	} else if h != end && s.word(h) == "old" || s.word(end) == "old" {
		return nil // "52 years old" is an age too
	}
	if ok && n >= 1000 && !plural {
		return nil // "the 1988 quarter"
	}
	if s.word(end) == "or" && s.word(end+1) == "so" {
		end += 2
	}
	val := durationValue(n, u)
	if vague {
		val = durationValue(-1, u)
	}
	// Anchored: "two days ago", "a year earlier", "three weeks later".
	if !hyph {
		switch aw := s.word(end); aw {
		case "ago", "earlier", "before", "later", "after", "hence":
			if (aw == "before" || aw == "after") && s.wordAhead(end+1) {
				break
			}
			if dw != "" {
				break
			}
			if aw == "ago" || aw == "earlier" || aw == "before" {
				return s.shifted(j, end+1, -countOf(n, vague), u, aw != "ago")
			}
			return s.shifted(j, end+1, countOf(n, vague), u, true)
		case "from":
			if s.word(end+1) == "now" {
				return s.shifted(j, end+2, countOf(n, vague), u, false)
			}
		}
	}
	if !ok && dw != "" {
		// "recent years", "coming weeks", "past months"
		switch dw {
		case "recent", "past", "last", "previous", "coming", "next", "following", "prior":
		default:
			return nil
		}
	}
	if dw != "" && !ok {
		if dw == "recent" && u == uYear {
			return &match{end: end, typ: "DATE", value: "PAST_REF"}
		}
	}
	return &match{end: end, typ: "DURATION", value: val, noDet: hyph,
		yearFocus: u == uMonth && n == 9 && !vague}
}

func countOf(n float64, vague bool) int {
	if vague || n < 0 {
		return 0
	}
	return int(n)
}

// wordAhead reports whether token j is a word (not punctuation), so that
// "two days after the vote" is a duration, not a date.
func (s *scan) wordAhead(j int) bool {
	w := s.word(j)
	if w == "" {
		return false
	}
	c := w[0]
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80
}

// bareUnitContext: a bare plural unit is a duration after "for", "in",
// "over", "within", "after", "than" ("for years"), or before "ago".
func (s *scan) bareUnitContext(j int) bool {
	switch s.word(j - 1) {
	case "for", "in", "over", "within", "after", "than", "took", "takes", "take", "last", "lasted", "spent":
		return true
	}
	if k := j + 1; s.word(k) == "ago" || s.word(k) == "earlier" || s.word(k) == "later" {
		return true
	}
	return false
}

// shifted is a date n units from the DCT ("two days ago", fromRef false)
// or from the last date mentioned ("a year earlier", fromRef true). It does
// not become the reference for later expressions.
func (s *scan) shifted(j, end, n int, u unit, fromRef bool) *match {
	r := &match{start: j, end: end, typ: "DATE"}
	if u == uHour || u == uMinute || u == uSecond {
		return &match{end: end, typ: "DURATION", value: durationValue(float64(abs(n)), u)}
	}
	// Adjectival "year-ago" / "year-earlier" take the noun after them.
	quarterNoun := false
	if s.word(end) == "quarter" || s.word(end) == "period" {
		r.end = end + 1
		quarterNoun = true
	} else if o, ok := s.ordinal(end); ok && o > 0 && o <= 4 && s.hyphen(end+1) != end+1 && s.word(end+2) == "quarter" {
		r.end = end + 3
	} else if ok && o > 0 && o <= 4 && s.word(end+1) == "quarter" {
		r.end = end + 2
	}
	if !s.hasDCT && !(fromRef && s.refExplicit) {
		r.value = xValue(u)
		return r
	}
	if n == 0 {
		// "a few days ago": a past (or future) reference
		if s.word(end-1) == "ago" || s.word(end-1) == "earlier" || s.word(end-1) == "before" {
			r.value = "PAST_REF"
		} else {
			r.value = "FUTURE_REF"
		}
		return r
	}
	if u == uYear && s.yearFocus && !quarterNoun && s.hasDCT {
		p := shift(s.dct, uYear, n)
		r.value = p.value()
		return r
	}
	if u == uYear && (s.focus.ok || quarterNoun) {
		f := s.focusQuarter()
		p := point{t: f.t.AddDate(n, 0, 0), g: f.g, ok: true}
		r.value = p.value()
		return r
	}
	base, g := s.dct, unitGran(u)
	if fromRef && s.refExplicit {
		base = s.ref.t
		if u == uYear && (s.ref.g == gDay || s.ref.g == gMonth) {
			g = s.ref.g
		}
	}
	if u == uWeek || u == uFortnight {
		g = gDay
	}
	var p point
	switch g {
	case gDay, gMonth:
		switch u {
		case uYear:
			p = truncate(base.AddDate(n, 0, 0), g)
		case uWeek:
			p = truncate(base.AddDate(0, 0, 7*n), g)
		case uFortnight:
			p = truncate(base.AddDate(0, 0, 14*n), g)
		default:
			p = shift(base, u, n)
		}
	default:
		p = shift(base, u, n)
	}
	if !p.ok {
		r.typ = "DURATION"
		r.value = durationValue(float64(abs(n)), u)
		return r
	}
	r.value = p.value()
	r.anchor = base.Format("2006-01-02")
	return r
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// --- times of day ---

// timeOfDay recognises "3 p.m.", "10:35 a.m. EST", "noon Saturday", "5
// p.m. EST Nov. 6", "midnight".
func (s *scan) timeOfDay(j int) *match {
	k := j
	hour, minute := -1, 0
	w := s.word(k)
	switch w {
	case "noon", "midday":
		hour, k = 12, k+1
	case "midnight":
		hour, k = 24, k+1
	default:
		h, m, ok := clock(w)
		if !ok {
			if v, ok := s.lx[k], s.is(k, kNumber); ok && v.n >= 1 && v.n <= 12 && w != "a" && w != "an" {
				h, m = v.n, 0
			} else {
				return nil
			}
		}
		k++
		ampm := s.word(k)
		switch ampm {
		case "a.m.", "am", "a.m", "p.m.", "pm", "p.m":
			if h < 1 || h > 12 {
				return nil
			}
			if ampm[0] == 'p' && h != 12 {
				h += 12
			}
			if ampm[0] == 'a' && h == 12 {
				h = 0
			}
			k++
			if ampm == "a.m" || ampm == "p.m" {
				if s.word(k) == "." && s.joined(k-1) {
					k++
				}
			}
		case "o'clock":
			k++
		default:
			if !strings.Contains(w, ":") || !s.is(k, kTimeZone) {
				return nil
			}
		}
		hour, minute = h, m
	}
	if s.is(k, kTimeZone) {
		k++
	}
	r := &match{end: k, typ: "TIME"}
	// The day may follow: "noon Saturday", "5 p.m. EST, Nov. 6", "9 a.m. today".
	dayVal := ""
	kk := s.comma(k)
	if s.is(kk, kWeekday) && s.capitalised(kk) {
		m := s.weekdayIn(j, kk, 0, false)
		dayVal, r.end = m.value, m.end
	} else if s.is(kk, kRelDay) {
		m := s.relDay(kk)
		dayVal, r.end = m.value, kk+1
	} else if y, mo, d, end, ok := s.calendarDate(kk); ok && d > 0 {
		m := s.resolveCalendar(kk, y, mo, d, end)
		dayVal, r.end = m.value, m.end
	}
	if i := strings.IndexByte(dayVal, 'T'); i >= 0 {
		dayVal = dayVal[:i]
	}
	if dayVal == "" {
		switch {
		case s.ref.ok && s.ref.g == gDay:
			dayVal = s.ref.t.Format("2006-01-02")
		case s.hasDCT:
			dayVal = s.dct.Format("2006-01-02")
		default:
			dayVal = "XXXX-XX-XX"
		}
	}
	hh := pad2(hour)
	r.value = dayVal + "T" + hh + ":" + pad2(minute)
	return r
}

// clock parses "3", "10:35", "7:15".
func clock(w string) (h, m int, ok bool) {
	if w == "" || w[0] < '0' || w[0] > '9' || len(w) > 5 {
		return 0, 0, false
	}
	hs, ms, has := strings.Cut(w, ":")
	h, err := strconv.Atoi(hs)
	if err != nil || h > 24 {
		return 0, 0, false
	}
	if has {
		if len(ms) != 2 {
			return 0, 0, false
		}
		m, err = strconv.Atoi(ms)
		if err != nil || m > 59 {
			return 0, 0, false
		}
	}
	return h, m, true
}

// --- sets ---

// set recognises "every Friday", "each month", "every other week",
// "daily", "weekly", "Mondays", "a year" after an amount ("5% a year").
func (s *scan) set(j int) *match {
	w := s.w[j]
	lw := s.lx[j]
	if lw.kind&kSetAdverb != 0 {
		return &match{end: j + 1, typ: "SET", value: lw.code}
	}
	if lw.kind&kWeekdayPlural != 0 && s.capitalised(j) {
		r := &match{end: j + 1, typ: "SET", value: "XXXX-WXX-" + itoa(lw.n)}
		if s.is(j+1, kPartOfDay) {
			r.value += "T" + s.lx[j+1].code
			r.end++
		}
		return r
	}
	if w != "every" && w != "each" && w != "per" {
		return nil
	}
	k := j + 1
	every := 1
	if s.word(k) == "other" {
		every, k = 2, k+1
	}
	if n, kn, vague, ok := s.number(k); ok && !vague && s.is(kn, kUnitPlural) && n >= 1 {
		return &match{end: kn + 1, typ: "SET", value: durationValue(n, unit(s.lx[kn].n))}
	}
	lk := s.lx[k]
	switch {
	case lk.kind&kUnit != 0:
		u := unit(lk.n)
		if u == uWeekend {
			return &match{end: k + 1, typ: "SET", value: "XXXX-WXX-WE"}
		}
		return &match{end: k + 1, typ: "SET", value: durationValue(float64(every), u)}
	case lk.kind&kWeekday != 0:
		r := &match{end: k + 1, typ: "SET", value: "XXXX-WXX-" + itoa(lk.n)}
		if s.is(k+1, kPartOfDay) {
			r.value += "T" + s.lx[k+1].code
			r.end++
		}
		return r
	case lk.kind&kMonth != 0 && s.capitalised(k):
		return &match{end: k + 1, typ: "SET", value: "XXXX-" + pad2(lk.n)}
	case lk.kind&kSeason != 0:
		return &match{end: k + 1, typ: "SET", value: "XXXX-" + lk.code}
	case lk.kind&kPartOfDay != 0:
		return &match{end: k + 1, typ: "SET", value: "XXXX-XX-XXT" + lk.code}
	}
	return nil
}

// --- words that are time expressions by themselves ---

// lexical recognises now, currently, recently, the past, the future,
// soon, these days, current, recent.
func (s *scan) lexical(j int) *match {
	w := s.w[j]
	lw := s.lx[j]
	switch w {
	case "now":
		if s.word(j-1) == "right" {
			return nil // "right now" starts at "right"
		}
		if s.word(j-1) == "until" || s.word(j-1) == "till" || s.word(j-1) == "by" || s.word(j+1) == "that" {
			return &match{end: j + 1, typ: "DATE", value: "PRESENT_REF"}
		}
		return &match{end: j + 1, typ: "DATE", value: "PRESENT_REF"}
	case "right":
		if s.word(j+1) == "now" {
			return &match{end: j + 2, typ: "DATE", value: "PRESENT_REF"}
		}
		return nil
	case "these":
		if s.word(j+1) == "days" {
			return &match{end: j + 2, typ: "DATE", value: "PRESENT_REF"}
		}
		return nil
	case "past":
		if s.word(j-1) == "the" && !s.wordIsNoun(j+1) {
			return &match{end: j + 1, typ: "DATE", value: "PAST_REF"}
		}
		return nil
	case "future":
		if s.word(j-1) == "the" || s.word(j-1) == "near" {
			return &match{end: j + 1, typ: "DATE", value: "FUTURE_REF"}
		}
		return nil
	case "near", "short", "long":
		if s.word(j-1) == "the" && (s.word(j+1) == "future" || s.word(j+1) == "term") {
			if w == "long" {
				return &match{end: j + 2, typ: "DATE", value: "FUTURE_REF"}
			}
			return &match{end: j + 2, typ: "DATE", value: "FUTURE_REF"}
		}
		return nil
	case "current":
		if s.is(j+1, kUnit|kUnitPlural) || s.word(j+1) == "fiscal" {
			return nil
		}
		return &match{end: j + 1, typ: "DATE", value: "PRESENT_REF"}
	case "recent":
		if s.is(j+1, kUnit|kUnitPlural) {
			return nil
		}
		return &match{end: j + 1, typ: "DATE", value: "PAST_REF"}
	case "once", "then", "earlier", "later", "present":
		return nil
	}
	if lw.kind&kLexical != 0 {
		return &match{end: j + 1, typ: lw.dtype, value: lw.code}
	}
	return nil
}

// wordIsNoun guesses whether the past in "the past X" is an adjective.
func (s *scan) wordIsNoun(j int) bool {
	w := s.word(j)
	if w == "" {
		return false
	}
	c := w[0]
	if !(c >= 'a' && c <= 'z') {
		return false
	}
	switch w {
	case "and", "or", "but", "to", "as", "is", "was", "has", "had", "have", "were", "are", "when",
		"that", "which", "the", "a", "in", "of", "for", "with", "on", "at", "by":
		return false
	}
	return true
}

// holiday recognises fixed and rule-based holidays: Christmas, New Year's
// Day, Thanksgiving, Election Day, Independence Day.
func (s *scan) holiday(j int) *match {
	w := s.w[j]
	var m, d, end int
	rule := ""
	switch {
	case w == "christmas" && s.capitalised(j):
		m, d, end = 12, 25, j+1
		if s.word(end) == "day" {
			end++
		} else if s.word(end) == "eve" {
			d, end = 24, end+1
		}
	case w == "new" && s.word(j+1) == "year" && s.word(j+2) == "'s" && (s.word(j+3) == "day" || s.word(j+3) == "eve"):
		m, d, end = 1, 1, j+4
		if s.word(j+3) == "eve" {
			m, d = 12, 31
		}
	case w == "thanksgiving" && s.capitalised(j):
		m, end, rule = 11, j+1, "thanks"
		if s.word(end) == "day" {
			end++
		}
	case w == "election" && s.capitalised(j) && s.word(j+1) == "day" && s.capitalised(j+1):
		m, end, rule = 11, j+2, "election"
	case w == "independence" && s.word(j+1) == "day" && s.capitalised(j):
		m, d, end = 7, 4, j+2
	default:
		return nil
	}
	r := &match{end: end, typ: "DATE"}
	if !s.hasDCT {
		if rule != "" {
			r.value = "XXXX-XX-XX"
		} else {
			r.value = "XXXX-" + pad2(m) + "-" + pad2(d)
		}
		return r
	}
	y := s.yearFor(j, end, m, max(d, 15))
	switch rule {
	case "thanks": // fourth Thursday of November
		first := weekdayNear(day(y, 11, 1), 4, 1)
		d = first.AddDate(0, 0, 21).Day()
	case "election": // Tuesday after the first Monday of November
		d = weekdayNear(day(y, 11, 1), 1, 1).AddDate(0, 0, 1).Day()
	}
	r.ref = point{t: day(y, m, d), g: gDay, ok: true}
	r.value = r.ref.value()
	return r
}

// midWord handles "mid-November", "mid-1990s" written as one token.
func (s *scan) midWord(i int, rest string) *match {
	lw := s.r.lookup(rest)
	r := &match{start: i, end: i + 1, typ: "DATE", mod: "MID"}
	switch {
	case lw.kind&kMonth != 0:
		m := s.resolveCalendar(i, 0, lw.n, 0, i+1)
		m.start, m.mod = i, "MID"
		return m
	case len(rest) == 4 && isDigits(rest):
		r.value = rest
		return r
	case len(rest) == 5 && rest[4] == 's' && isDigits(rest[:4]):
		r.value = rest[:3]
		return r
	case lw.kind&kPartOfDay != 0:
		r.typ = "TIME"
		// "mid-afternoon yesterday", "mid-morning Friday": the day follows
		if s.is(i+1, kRelDay) && s.lx[i+1].kind&kPartOfDay == 0 || s.is(i+1, kWeekday) && s.capitalised(i+1) {
			var inner *match
			if s.is(i+1, kRelDay) {
				inner = s.relDay(i + 1)
			} else {
				inner = s.weekdayIn(i, i+1, 0, false)
			}
			if inner != nil && inner.typ == "DATE" && inner.value != "" && !strings.Contains(inner.value, "T") && inner.value != "PRESENT_REF" {
				r.end, r.value, r.anchor = inner.end, inner.value+"T"+lw.code, inner.anchor
				return r
			}
		}
		switch {
		case s.ref.ok && s.ref.g == gDay && s.refExplicit:
			r.value = s.ref.value() + "T" + lw.code
		case s.hasDCT:
			r.value = s.dct.Format("2006-01-02") + "T" + lw.code
		default:
			r.value = "XXXX-XX-XXT" + lw.code
		}
		return r
	}
	return nil
}

// spelledYear recognises years written out: "nineteen ninety-six",
// "two thousand", "two thousand and one".
func (s *scan) spelledYear(j int) (int, int, bool) {
	w := s.word(j)
	if w == "nineteen" || w == "eighteen" || w == "twenty" && s.word(j+1) != "thousand" {
		c := s.lx[j].n
		k := j + 1
		n, end, vague, ok := s.number(k)
		if !ok || vague || n < 10 || n > 99 || s.is(end, kUnit|kUnitPlural) {
			return 0, j, false
		}
		return c*100 + int(n), end, true
	}
	if w == "two" && s.word(j+1) == "thousand" {
		k := j + 2
		if s.word(k) == "and" {
			k++
		}
		if n, end, vague, ok := s.number(k); ok && !vague && n >= 1 && n < 100 && s.word(k) != "a" && !s.is(end, kUnit|kUnitPlural) {
			return 2000 + int(n), end, true
		}
		return 2000, j + 2, true
	}
	return 0, j, false
}
