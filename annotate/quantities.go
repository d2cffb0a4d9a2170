package annotate

import (
	"strconv"
	"strings"

	"tidings/text"
)

// Quantities finds what CoNLL-2003 does not annotate but news analysis
// needs: money (MONEY), percentages (PERCENT), measured quantities
// (QUANTITY) and counts of people (COUNT: "at least 8 servicemen", "more
// than 300 were injured"), as token spans labelled with their type.
// Quantity parses one for its value, unit and modifier.
func Quantities(doc *text.Document) []text.Span {
	var out []text.Span
	for _, s := range doc.Sentences {
		toks := doc.Tokens[s.Start:s.End]
		for i := 0; i < len(toks); {
			q, ok := matchQuantity(toks, i)
			if !ok {
				i++
				continue
			}
			out = append(out, text.Span{Start: s.Start + q.start, End: s.Start + q.end, Label: q.label})
			i = q.end
		}
	}
	return out
}

// QuantityValue describes a quantity span.
type QuantityValue struct {
	Value    float64 // the number, scaled (1.2 billion -> 1.2e9); 0 when vague ("dozens")
	Unit     string  // currency code, "%", unit or counted noun
	Modifier string  // "at least", "more than", ... or ""
}

// Quantity returns the value of a quantity span found by Quantities.
func Quantity(doc *text.Document, sp text.Span) QuantityValue {
	sent, _ := doc.SentenceOf(sp.Start)
	q, ok := matchQuantity(doc.Tokens[sent.Start:sent.End], sp.Start-sent.Start)
	if !ok {
		return QuantityValue{}
	}
	return q.QuantityValue
}

type quantityMatch struct {
	start, end int
	label      string
	QuantityValue
}

// Modifiers before a number, as token sequences.
var quantityModifiers = [][]string{
	{"at", "least"}, {"at", "most"}, {"more", "than"}, {"less", "than"}, {"fewer", "than"},
	{"up", "to"}, {"as", "many", "as"}, {"no", "fewer", "than"}, {"over"}, {"about"}, {"around"},
	{"nearly"}, {"almost"}, {"some"}, {"roughly"}, {"approximately"}, {"under"}, {"only"},
}

// dollarPrefixes tell dollars apart in news ("US$", "HK$"): the ISO
// 3166-1 alpha-2 codes of the countries whose currency symbol is "$",
// with that currency's code, as places/csv/countries.csv of the
// knowledge sources (dr5hn/countries-states-cities-database) gives them;
// only the countries whose dollars news writes with a prefix are kept.
var dollarPrefixes = map[string]string{"US": "USD", "AU": "AUD", "CA": "CAD", "HK": "HKD", "NZ": "NZD", "SG": "SGD", "TW": "TWD"}

// currencyPrefix reports a dollar prefix at token i written onto "$"
// and the number after it, and its currency.
func currencyPrefix(toks []text.Token, i int) (string, bool) {
	if i+2 >= len(toks) || toks[i].SpaceAfter || toks[i+1].Form != "$" {
		return "", false
	}
	c, ok := dollarPrefixes[toks[i].Form]
	if !ok {
		return "", false
	}
	if _, _, isNum := readNumber(toks, i+2); !isNum {
		return "", false
	}
	return c, true
}

// currencyPrefixes drops the names the model made of dollar prefixes
// ("US" of "US$6 billion" read as the country): the money is the
// quantity's. spans are ordered and disjoint; so is the result.
func currencyPrefixes(doc *text.Document, spans []text.Span) []text.Span {
	out := spans[:0:0]
	for _, sp := range spans {
		if sp.End == sp.Start+1 {
			if _, ok := currencyPrefix(doc.Tokens, sp.Start); ok {
				continue
			}
		}
		out = append(out, sp)
	}
	return out
}

var currencySymbols = map[string]string{"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₸": "KZT", "₹": "INR", "US$": "USD"}

var currencyWords = map[string]string{
	"dollar": "USD", "dollars": "USD", "usd": "USD", "euro": "EUR", "euros": "EUR", "eur": "EUR",
	"pound": "GBP", "pounds": "GBP", "sterling": "GBP", "gbp": "GBP", "yen": "JPY", "yuan": "CNY",
	"renminbi": "CNY", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "rub": "RUB",
	"tenge": "KZT", "rupee": "INR", "rupees": "INR", "franc": "CHF", "francs": "CHF", "hryvnia": "UAH",
	"hryvnias": "UAH", "lira": "TRY", "won": "KRW", "riyal": "SAR", "riyals": "SAR", "dirham": "AED",
	"dirhams": "AED", "rand": "ZAR", "real": "BRL", "reais": "BRL", "peso": "MXN", "pesos": "MXN",
}

var scaleWords = map[string]float64{
	"hundred": 1e2, "thousand": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bln": 1e9,
	"bn": 1e9, "trillion": 1e12,
}

var numberWords = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
	"dozen": 12, "dozens": 0, "hundreds": 0, "thousands": 0, "scores": 0, "millions": 0,
}

// peopleNouns are nouns that count people.
var peopleNouns = map[string]bool{
	"people": true, "persons": true, "person": true, "civilians": true, "civilian": true, "servicemen": true,
	"serviceman": true, "soldiers": true, "soldier": true, "troops": true, "policemen": true, "policeman": true,
	"officers": true, "officer": true, "protesters": true, "protester": true, "demonstrators": true,
	"children": true, "child": true, "women": true, "men": true, "journalists": true, "workers": true,
	"migrants": true, "refugees": true, "students": true, "residents": true, "passengers": true,
	"militants": true, "fighters": true, "rebels": true, "casualties": true, "victims": true, "dead": true,
	"injured": true, "wounded": true, "killed": true, "hostages": true, "prisoners": true, "detainees": true,
	"members": true, "staff": true, "employees": true, "peacekeepers": true, "paratroopers": true,
	"personnel": true, "citizens": true, "nationals": true, "supporters": true, "voters": true,
}

// casualtyVerbs after a bare number make it a count of people ("more
// than 300 were injured").
var casualtyVerbs = map[string]bool{
	"killed": true, "injured": true, "wounded": true, "died": true, "dead": true, "hurt": true,
	"arrested": true, "detained": true, "missing": true, "evacuated": true, "hospitalized": true,
	"hospitalised": true, "displaced": true, "rescued": true,
}

var measureUnits = map[string]bool{
	"km": true, "kilometres": true, "kilometers": true, "kilometre": true, "kilometer": true, "miles": true,
	"mile": true, "metres": true, "meters": true, "m2": true, "hectares": true, "tonnes": true, "tons": true,
	"tonne": true, "ton": true, "kg": true, "kilograms": true, "barrels": true, "bpd": true, "megawatts": true,
	"mw": true, "gigawatts": true, "gw": true, "kilowatts": true, "kwh": true, "cubic": true, "litres": true,
	"liters": true, "degrees": true, "kilometres/hour": true, "mph": true, "acres": true, "feet": true,
}

// matchQuantity tries to read a quantity starting at token i.
func matchQuantity(toks []text.Token, i int) (quantityMatch, bool) {
	q := quantityMatch{start: i}
	lower := func(k int) string {
		if k < 0 || k >= len(toks) {
			return ""
		}
		return strings.ToLower(toks[k].Form)
	}
	// modifier
	j := i
	for _, mod := range quantityModifiers {
		if j+len(mod) < len(toks) && matchWords(toks, j, mod) {
			q.Modifier = strings.Join(mod, " ")
			j += len(mod)
			break
		}
	}
	// currency symbol before the number, with its country's prefix
	// ("US$6 billion", "HK$2", split as "US" "$")
	currency := ""
	if c, ok := currencyPrefix(toks, j); ok && j+2 < len(toks) {
		currency = c
		j += 2
	} else if c, ok := currencySymbols[toks[minInt(j, len(toks)-1)].Form]; ok && j+1 < len(toks) {
		currency = c
		j++
	}
	// the number: digits, or number words; "dozens of" is a vague count
	value, k, ok := readNumber(toks, j)
	if !ok {
		return q, false
	}
	if value == 0 && lower(k) == "of" { // dozens of, hundreds of
		k++
	}
	// scale word
	if sc, ok := scaleWords[lower(k)]; ok && k < len(toks) {
		value *= sc
		k++
	}
	// "300+": at least
	if lower(k) == "+" && toks[k-1].End == toks[k].Start {
		if q.Modifier == "" {
			q.Modifier = "at least"
		}
		k++
	}
	next := lower(k)
	switch {
	case currency != "":
		q.label, q.Unit, q.end = "MONEY", currency, k
	case next == "%" || next == "percent" || next == "pct":
		q.label, q.Unit, q.end = "PERCENT", "%", k+1
	case next == "per" && lower(k+1) == "cent":
		q.label, q.Unit, q.end = "PERCENT", "%", k+2
	case currencyWords[next] != "":
		q.label, q.Unit, q.end = "MONEY", currencyWords[next], k+1
	case peopleNouns[next]:
		q.label, q.Unit, q.end = "COUNT", next, k+1
	case measureUnits[next]:
		q.label, q.Unit, q.end = "QUANTITY", next, k+1
	case (next == "were" || next == "was" || next == "have" || next == "had" || next == "are") && (casualtyVerbs[lower(k+1)] || lower(k+1) == "been" && casualtyVerbs[lower(k+2)]):
		// "more than 300 were injured": a count of people without a noun
		q.label, q.Unit, q.end = "COUNT", "people", k
	case casualtyVerbs[next] && value == 0:
		q.label, q.Unit, q.end = "COUNT", "people", k // "dozens of killed"
	default:
		// "8 of the servicemen": a count with a partitive
		if next == "of" && peopleNouns[lower(k+2)] && lower(k+1) == "the" {
			q.label, q.Unit, q.end = "COUNT", lower(k+2), k+3
			break
		}
		return q, false
	}
	q.Value = value
	// Without a modifier the span starts at the number (or currency).
	if q.Modifier == "" {
		q.start = i
	}
	return q, true
}

func matchWords(toks []text.Token, i int, words []string) bool {
	for k, w := range words {
		if i+k >= len(toks) || !strings.EqualFold(toks[i+k].Form, w) {
			return false
		}
	}
	return true
}

// NumberValue reads one word as a number: "8", "1,000", "2.5", "eight",
// "dozens".
func NumberValue(w string) (float64, bool) {
	v, _, ok := readNumber([]text.Token{{Form: w}}, 0)
	return v, ok
}

// readNumber reads "8", "1,000", "2.5", "eight", "twenty-five" (as
// tokenised: twenty - five is not joined; twenty alone reads), "dozens".
func readNumber(toks []text.Token, j int) (float64, int, bool) {
	if j >= len(toks) {
		return 0, j, false
	}
	f := toks[j].Form
	if f != "" && f[0] >= '0' && f[0] <= '9' {
		v, err := strconv.ParseFloat(strings.ReplaceAll(f, ",", ""), 64)
		if err != nil {
			return 0, j, false
		}
		return v, j + 1, true
	}
	if v, ok := numberWords[strings.ToLower(f)]; ok {
		return v, j + 1, true
	}
	return 0, j, false
}

func minInt(a, b int) int {
	if a < b {
		return a
	}
	return b
}
