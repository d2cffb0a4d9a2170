package dates

import "strings"

// wordKind classifies the words the grammar is built from.
type wordKind uint32

const (
	kMonth wordKind = 1 << iota
	kWeekday
	kWeekdayPlural
	kSeason
	kPartOfDay
	kUnit
	kUnitPlural
	kNumber // cardinal number word (one, twenty, a)
	kVague  // few, several, some, many: an unknown count
	kOrdinal
	kDeictic  // this, last, next, past, coming, previous, following, current, latest
	kModifier // early, late, mid, ...
	kRelDay   // today, yesterday, tomorrow, tonight
	kSetAdverb
	kLexical // a word that is a time expression by itself (now, recently)
	kTimeZone
	kAnchorWord // ago, earlier, later, before, after, hence
	kTrigger    // any word at which a match may start
)

// word is what the lexicon knows about one lower-case word.
type word struct {
	kind  wordKind
	n     int    // month 1-12, weekday 1-7 (Monday=1), number, ordinal
	code  string // season (SP), part of day (MO), unit letter, set value, lexical value
	dtype string // lexical type
	mod   string // modifier's TimeML mod
	dir   int    // deictic direction: -1 last/past, 0 this, +1 next
	ord   int    // ordinal value: 3 for "third", -1 for "last"
}

// unit is a calendar unit of a duration or a shift.
type unit int

const (
	uNone unit = iota
	uSecond
	uMinute
	uHour
	uDay
	uWeekend
	uWeek
	uFortnight
	uMonth
	uQuarter
	uHalf
	uSeason
	uYear
	uDecade
	uCentury
	uMillennium
)

func buildLexicon() map[string]word {
	lex := make(map[string]word, 512)
	add := func(w word, names ...string) {
		for _, n := range names {
			old, ok := lex[n]
			if ok {
				// A word with two readings keeps both kinds; the
				// first entry's values win where both have one.
				old.kind |= w.kind
				if old.code == "" {
					old.code = w.code
				}
				if old.n == 0 {
					old.n = w.n
				}
				if old.mod == "" {
					old.mod = w.mod
				}
				if old.dtype == "" {
					old.dtype = w.dtype
				}
				if old.dir == 0 {
					old.dir = w.dir
				}
				if old.ord == 0 {
					old.ord = w.ord
				}
				lex[n] = old
				continue
			}
			lex[n] = w
		}
	}
	months := [][]string{
		{"january", "jan", "jan."}, {"february", "feb", "feb."}, {"march", "mar", "mar."},
		{"april", "apr", "apr."}, {"may"}, {"june", "jun", "jun."}, {"july", "jul", "jul."},
		{"august", "aug", "aug."}, {"september", "sep", "sep.", "sept", "sept."},
		{"october", "oct", "oct."}, {"november", "nov", "nov."}, {"december", "dec", "dec."},
	}
	for i, names := range months {
		add(word{kind: kMonth | kTrigger, n: i + 1}, names...)
	}
	days := [][]string{
		{"monday", "mon."}, {"tuesday", "tue.", "tues."}, {"wednesday", "wed."},
		{"thursday", "thu.", "thur.", "thurs."}, {"friday", "fri."}, {"saturday", "sat."}, {"sunday", "sun."},
	}
	for i, names := range days {
		add(word{kind: kWeekday | kTrigger, n: i + 1}, names...)
		add(word{kind: kWeekdayPlural | kTrigger, n: i + 1}, names[0]+"s")
	}
	for code, names := range map[string][]string{
		"SP": {"spring"}, "SU": {"summer"}, "FA": {"fall", "autumn"}, "WI": {"winter"},
	} {
		add(word{kind: kSeason, code: code}, names...)
	}
	for code, names := range map[string][]string{
		"MO": {"morning"}, "AF": {"afternoon", "mid-afternoon"}, "EV": {"evening"}, "NI": {"night", "overnight"},
	} {
		add(word{kind: kPartOfDay | kTrigger, code: code}, names...)
	}
	units := []struct {
		u            unit
		sing, plural string
	}{
		{uSecond, "second", "seconds"}, {uMinute, "minute", "minutes"}, {uHour, "hour", "hours"},
		{uDay, "day", "days"}, {uWeekend, "weekend", "weekends"}, {uWeek, "week", "weeks"},
		{uFortnight, "fortnight", "fortnights"}, {uMonth, "month", "months"},
		{uQuarter, "quarter", "quarters"}, {uHalf, "half", "halves"}, {uYear, "year", "years"},
		{uDecade, "decade", "decades"}, {uCentury, "century", "centuries"},
		{uMillennium, "millennium", "millennia"},
	}
	for _, u := range units {
		add(word{kind: kUnit, n: int(u.u)}, u.sing)
		add(word{kind: kUnitPlural, n: int(u.u)}, u.plural)
	}
	add(word{kind: kUnit, n: int(uHour)}, "hr", "hrs")
	add(word{kind: kUnitPlural, n: int(uYear)}, "yrs")
	numbers := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	for i, n := range numbers {
		add(word{kind: kNumber | kTrigger, n: i}, n)
	}
	for i, n := range []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"} {
		add(word{kind: kNumber | kTrigger, n: 20 + 10*i}, n)
	}
	add(word{kind: kNumber | kTrigger, n: 100}, "hundred")
	add(word{kind: kNumber | kTrigger, n: 1}, "a", "an")
	add(word{kind: kNumber | kTrigger, n: 12}, "dozen")
	add(word{kind: kVague | kTrigger}, "few", "several", "many", "some", "numerous", "couple")
	ordinals := []string{"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
		"ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
		"seventeenth", "eighteenth", "nineteenth", "twentieth"}
	for i, o := range ordinals[1:] {
		add(word{kind: kOrdinal | kTrigger, ord: i + 1}, o)
	}
	add(word{kind: kOrdinal | kTrigger, ord: 30}, "thirtieth")
	add(word{kind: kOrdinal | kTrigger, ord: -1}, "last") // "the last quarter": resolved by context
	for dir, names := range map[int][]string{
		-1: {"last", "past", "previous", "preceding", "prior"},
		0:  {"this", "current", "present", "same", "that"},
		1:  {"next", "coming", "following", "upcoming"},
	} {
		add(word{kind: kDeictic | kTrigger, dir: dir}, names...)
	}
	add(word{kind: kDeictic | kTrigger, dir: 0}, "latest", "recent")
	for mod, names := range map[string][]string{
		"START": {"early", "earlier"}, "END": {"late", "later"}, "MID": {"mid", "middle"},
		"APPROX":    {"about", "around", "approximately", "roughly", "some"},
		"LESS_THAN": {"nearly", "almost", "under"}, "MORE_THAN": {"over"},
	} {
		add(word{kind: kModifier | kTrigger, mod: mod}, names...)
	}
	for code, names := range map[string][]string{
		"0": {"today"}, "-1": {"yesterday"}, "1": {"tomorrow"}, "N": {"tonight"},
	} {
		add(word{kind: kRelDay | kTrigger, code: code}, names...)
	}
	for code, names := range map[string][]string{
		"P1D": {"daily", "nightly"}, "P1W": {"weekly"}, "P1M": {"monthly"},
		"P1Y": {"annually", "yearly"}, "PT1H": {"hourly"}, "P2W": {"fortnightly"},
	} {
		add(word{kind: kSetAdverb | kTrigger, code: code}, names...)
	}
	for _, l := range []struct{ value, dtype, names string }{
		{"PRESENT_REF", "DATE", "now currently presently nowadays"},
		{"PAST_REF", "DATE", "recently formerly lately"},
		{"FUTURE_REF", "DATE", "future"},
	} {
		add(word{kind: kLexical | kTrigger, code: l.value, dtype: l.dtype}, strings.Fields(l.names)...)
	}
	for _, z := range []string{"est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest"} {
		add(word{kind: kTimeZone}, z)
	}
	for dir, names := range map[int][]string{-1: {"ago", "earlier", "before", "previously"}, 1: {"later", "after", "hence", "afterwards"}} {
		add(word{kind: kAnchorWord, dir: dir}, names...)
	}
	// Words that start an expression without being one of the above.
	for _, t := range []string{"the", "fiscal", "every", "each", "per", "noon", "midnight", "midday",
		"more", "less", "at", "up", "no", "within", "year-end", "weekend", "century", "decade",
		"nineties", "eighties", "seventies", "sixties", "fifties", "forties", "thirties", "twenties",
		"half", "quarter", "year", "month", "week", "day", "days", "weeks", "months", "years", "decades",
		"hours", "minutes", "centuries", "quarters", "spring", "summer", "fall", "autumn", "winter",
		"morning", "afternoon", "evening", "night", "overnight", "these", "earlier", "later", "early", "late",
		"other", "present", "recent", "current", "latest", "same", "that", "couple", "end", "beginning", "start",
		"one", "past", "near", "short", "long", "christmas", "thanksgiving", "easter", "new", "election",
		"weekends", "mid-afternoon", "once", "then", "right", "in"} {
		if w, ok := lex[t]; ok {
			w.kind |= kTrigger
			lex[t] = w
		} else {
			lex[t] = word{kind: kTrigger}
		}
	}
	return lex
}

// unitLetter is the ISO 8601 duration designator of u, and whether it is
// a time (after T) unit.
func unitLetter(u unit) (string, bool) {
	switch u {
	case uSecond:
		return "S", true
	case uMinute:
		return "M", true
	case uHour:
		return "H", true
	case uDay:
		return "D", false
	case uWeekend:
		return "WE", false
	case uWeek:
		return "W", false
	case uFortnight:
		return "W", false
	case uMonth:
		return "M", false
	case uQuarter:
		return "Q", false
	case uHalf:
		return "M", false
	case uSeason:
		return "M", false
	case uYear, uDecade, uCentury, uMillennium:
		return "Y", false
	}
	return "", false
}

// durationValue is the TIMEX3 value of n units; n < 0 means unknown (X).
func durationValue(n float64, u unit) string {
	switch u {
	case uFortnight:
		n, u = n*2, uWeek
	case uHalf:
		n, u = n*6, uMonth
	case uDecade:
		n, u = n*10, uYear
	case uCentury:
		n, u = n*100, uYear
	case uMillennium:
		n, u = n*1000, uYear
	case uWeekend:
		n, u = n*2, uDay
	}
	if n < 0 {
		if u == uDecade || u == uCentury {
			u = uYear
		}
		l, t := unitLetter(u)
		if t {
			return "PTX" + l
		}
		return "PX" + l
	}
	whole := int(n)
	frac := n - float64(whole)
	if frac > 0.01 {
		// Halves and quarters of a unit become the next smaller unit.
		switch u {
		case uYear:
			return "P" + itoa(whole) + "Y" + itoa(int(frac*12+0.5)) + "M"
		case uHour:
			return "PT" + itoa(whole) + "H" + itoa(int(frac*60+0.5)) + "M"
		case uMinute:
			return "PT" + itoa(whole) + "M" + itoa(int(frac*60+0.5)) + "S"
		case uDay:
			return "P" + itoa(whole) + "DT" + itoa(int(frac*24+0.5)) + "H"
		case uMonth:
			return "P" + itoa(whole) + "M" + itoa(int(frac*30+0.5)) + "D"
		}
	}
	l, t := unitLetter(u)
	if t {
		return "PT" + itoa(whole) + l
	}
	return "P" + itoa(whole) + l
}

func itoa(n int) string {
	if n >= 0 && n < 10 {
		return string(rune('0' + n))
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
