package annotate

import (
	"slices"
	"strings"

	"tidings/text"
)

// modelWords name a model of a product after its number ("737 Max",
// "Galaxy S24 Ultra", "Pixel 9 Pro"): ordinary English words, no names.
var modelWords = map[string]bool{"Max": true, "MAX": true, "Pro": true, "Ultra": true, "Plus": true,
	"Mini": true, "Air": true, "Lite": true, "Neo": true, "Series": true}

// modelNouns say that the name before them is a product's, a model's
// or an index's ("the Kestrel 3 smartphone", "the H20 chip", "the Russell
// 2000 index").
var modelNouns = map[string]bool{"smartphone": true, "smartphones": true, "phone": true,
	"phones": true, "handset": true, "handsets": true, "tablet": true, "tablets": true,
	"laptop": true, "laptops": true, "console": true, "consoles": true, "chip": true,
	"chips": true, "processor": true, "processors": true, "jet": true, "jets": true,
	"jetliner": true, "jetliners": true, "airliner": true, "airliners": true, "aircraft": true,
	"plane": true, "planes": true, "rocket": true, "rockets": true, "spacecraft": true,
	"capsule": true, "probe": true, "rover": true, "lander": true, "satellite": true,
	"satellites": true, "telescope": true, "crew": true, "mission": true, "module": true,
	"index": true, "drug": true, "vaccine": true, "software": true, "model": true, "models": true}

// countWords after a number say it counts or measures, so it is no
// model's ("Apple 3 percent higher").
var countWords = map[string]bool{"%": true, "percent": true, "per": true, "pc": true,
	"million": true, "billion": true, "trillion": true, "mln": true, "bln": true, "points": true,
	"point": true, "years": true, "year": true, "times": true, "-": true, "–": true, "/": true}

// productDeterminers before a name say that it is a thing's or a body's,
// not a score's or a dateline's ("the iPhone 17", "Japan's Nikkei 225").
var productDeterminers = map[string]bool{"the": true, "The": true, "a": true, "A": true, "an": true,
	"An": true, "its": true, "their": true, "his": true, "her": true, "our": true, "new": true,
	"'s": true, "’s": true}

// eventPrepositions come before a summit's name ("at COP29").
var eventPrepositions = map[string]bool{"at": true, "before": true, "after": true, "during": true,
	"since": true, "until": true}

// meetingNouns follow a summit's name ("the COP30 summit").
var meetingNouns = map[string]bool{"summit": true, "talks": true, "conference": true,
	"meeting": true, "negotiations": true, "negotiators": true, "delegates": true}

// productModels makes MISC names of products, models, indices and
// numbered events, as CoNLL-2003 marks them ("Windows 95", "Airbus 310",
// "FTSE 100", "Euro 96"), which the model cuts before the number or
// types ORG:
//   - a name of the model's, not a person's, a known place's, a people's
//     or a currency's, followed by a model's number, Roman numeral or
//     code and model words ("the Pixel | 9 Pro", "Japan's Nikkei | 225",
//     "the Artemis | II crew"), where a determiner or possessive comes
//     before it, a model word or a product's noun follows, or the model
//     read it MISC; a year only after a one-word MISC name ("Euro 2024");
//   - a number and a model word after a determiner, a possessive or a
//     maker's name ("Boeing's 737 Max 9"), or a number of three digits
//     and more before one ("raise 737 Max output");
//   - a word written in camel case ("iPhone", "PlayStation 5") that the
//     knowledge base does not know: one with a small prefix ("iPad",
//     "iTunes") alone, one with a capital first with its number and a cue
//     as above;
//   - a code of letters and digits before a product's noun ("the H20
//     chip", "40 A321neo jets");
//   - a summit's code of capitals and digits that the model and the
//     knowledge base do not know, after a preposition of time or place or
//     before a meeting's noun ("at COP29", "the COP30 summit").
//
// A maker's name before its model is taken into it, as CoNLL-2003 does
// ("Airbus 310", "Tesla Model Y"). A number that counts or measures ("3
// percent", "100 metres", "13 times", "C$ 30 a share"), a score or a
// list of counts ("Leeds 3, Burnley 0", "the Conservatives 44 and the
// Centre Party 37") and an age ("Reid, 45") are left.
func (m *NER) productModels(doc *text.Document, spans []text.Span) []text.Span {
	var words, ts []string // the sentence at hand's words and tags, reused
	var found []text.Span  // the products, ordered
	// spans[next:] begin in the sentence at hand or after; found[sentFound:]
	// are the sentence's.
	next, sentFound := 0, 0
	for _, s := range doc.Sentences {
		for next < len(spans) && spans[next].Start < s.Start {
			next++
		}
		if !productCandidate(doc.Tokens[s.Start:s.End]) {
			continue
		}
		words, ts = words[:0], ts[:0]
		for i := s.Start; i < s.End; i++ {
			words, ts = append(words, doc.Tokens[i].Form), append(ts, doc.Tokens[i].XPOS)
		}
		unknown := func(a, b int) bool { return m.gaz == nil || m.gaz.typesOf(words[a:b]) == 0 }
		// The model's names followed by a model's designation.
		for k := next; k < len(spans) && spans[k].Start < s.End; k++ {
			sp := spans[k]
			a, b := sp.Start-s.Start, sp.End-s.Start
			if sp.Label == "PER" || sp.Label == "LOC" && m.gaz != nil && m.knownAs(words[a:b], "LOC") ||
				strings.HasPrefix(ts[b-1], "JJ") || strings.Contains(words[b-1], "$") ||
				b-a == 1 && m.gaz != nil && m.knownAs(words[a:b], "MISC") {
				continue // "Tom Reid", "the American 1984 champion", "C$ 30"
			}
			end, modelWord := b, false
			if designated(words[b-1]) { // "Galaxy S24 | Ultra", not "Porsche 911 | 164"
				for end < len(words) && modelWords[words[end]] {
					end, modelWord = end+1, true
				}
			} else {
				end, modelWord = designation(words, ts, b, sp.Label == "MISC" && b-a == 1)
			}
			// Nothing found, a list of scores ("Dallas 101, Utah 95"), or a
			// figure that ends a line of a table ("McLaren F1 GTR 169").
			if end == b || a > 0 && words[a-1] == "," || end == len(words) || countedBefore(words, a) {
				continue
			}
			noun := end < len(words) && modelNouns[words[end]]
			det := a > 0 && productDeterminers[words[a-1]]
			// The model's MISC is cue enough for a number before no noun
			// ("Windows 10 in October", not "the 1992 Olympic 100
			// champion"), not for a Roman numeral, which ends companies'
			// names too ("Meds IV, LLC").
			misc := sp.Label == "MISC" && !romanNumeral(words[b]) && ts[end] != "NN"
			if modelWord || noun || det || misc {
				found = append(found, text.Span{Start: sp.Start, End: s.Start + end, Label: "MISC"})
			}
		}
		// Numbers with a model word, camel-case words and codes, outside
		// the names found.
		f := sentFound
		for i := 0; i < len(words); i++ {
			for f < len(found) && found[f].End <= s.Start+i {
				f++
			}
			if f < len(found) && found[f].Start <= s.Start+i {
				continue
			}
			w := words[i]
			det := i > 0 && productDeterminers[words[i-1]]
			switch {
			case isDigits(w) && i+1 < len(words) && modelWords[words[i+1]] && words[i+1] != "Air" && words[i+1] != "Series":
				// Not "Air" or "Series" after a count ("10 Air Force
				// bases").
				maker := spanEndingAt(spans, next, s.Start+i, "ORG")
				if !det && maker < 0 && len(w) < 3 {
					continue
				}
				end, _ := designation(words, ts, i, false)
				if end == i {
					continue
				}
				start := s.Start + i
				if maker >= 0 {
					start = spans[maker].Start
				}
				found = append(found, text.Span{Start: start, End: s.Start + end, Label: "MISC"})
				i = end - 1
			case camelCase(w) && unknown(i, i+1):
				end, modelWord := designation(words, ts, i+1, false)
				if !prefixedCamel(w) && (end == i+1 || !det && !modelWord && !(end < len(words) && modelNouns[words[end]])) {
					continue // "PlayStation" alone may be the company's
				}
				found = append(found, text.Span{Start: s.Start + i, End: s.Start + end, Label: "MISC"})
				i = end - 1
			case eventCode(w) && !spanAt(spans, next, s.Start+i) && unknown(i, i+1) && eventPlace(words, i):
				found = append(found, text.Span{Start: s.Start + i, End: s.Start + i + 1, Label: "MISC"})
			case modelCode(w) && i+1 < len(words) && modelNouns[words[i+1]]:
				found = append(found, text.Span{Start: s.Start + i, End: s.Start + i + 1, Label: "MISC"})
			}
		}
		slices.SortFunc(found[sentFound:], func(x, y text.Span) int { return x.Start - y.Start })
		sentFound = len(found)
	}
	return placeProducts(spans, found)
}

// productCandidate reports whether a sentence holds a number, a code, a
// Roman numeral or a camel-case word: most hold none, and are passed
// over.
func productCandidate(toks []text.Token) bool {
	for i := range toks {
		w := toks[i].Form
		if w == "Model" || romanNumeral(w) || len(w) > 0 && (w[0] >= '0' && w[0] <= '9' || w[0] >= 'a' && w[0] <= 'z' && camelCase(w) || w[0] >= 'A' && w[0] <= 'Z' && hasDigit(w)) {
			return true
		}
	}
	return false
}

// designation returns the end of the model's number, numeral or code and
// the model words that follow, from words[i] ("9 Pro", "S24 Ultra",
// "Max 9", "II", "Y" after "Model"), i when there is none; modelWord
// reports a model word among them. A year counts only when years is set;
// a number that counts is none (see counted).
func designation(words, tags []string, i int, years bool) (end int, modelWord bool) {
	end = i
	for j := i; j < len(words) && end == j; j++ {
		w := words[j]
		// One number, or one after a model word ("Max 9"): not "Porsche
		// 911 | 164 laps".
		first := j == i || modelWords[words[j-1]]
		switch {
		case first && (isDigits(w) && len(w) <= 4 && (years || !yearLike(w)) || modelCode(w) || romanNumeral(w) ||
			j > 0 && words[j-1] == "Model" && len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z'):
			if counted(words, tags, j+1) {
				return i, false
			}
			end = j + 1
		case modelWords[w] && end > i:
			end, modelWord = j+1, true
		}
	}
	return end, modelWord
}

// counted reports whether the words from i on say that the number before
// them counts or measures: a count word or a plural noun ("3 percent",
// "100 metres", "13 times"), "of" or an article ("12 of the", "C$ 30 a
// share"), a further number joined to it ("1984 and 1988"), or a list of
// names and their counts or scores ("Leeds 3, Burnley 0", "the
// Conservatives 44 and the Centre Party 37").
func counted(words, tags []string, i int) bool {
	if i >= len(words) {
		return false
	}
	w := words[i]
	if countWords[strings.ToLower(w)] || w == "of" || w == "a" || w == "an" || tags[i] == "NNS" && !modelNouns[w] {
		return true
	}
	if w != "," && w != "and" && w != "or" && w != "to" {
		return false
	}
	j := i + 1
	if j < len(words) && (words[j] == "and" || words[j] == "the") {
		j++
	}
	if j < len(words) && words[j][0] >= '0' && words[j][0] <= '9' {
		return true // "1984 and 1988", "800 and 1,500 metres"
	}
	k := j
	for k < len(words) && k-j < 4 && capitalisedWord(words[k]) {
		k++
	}
	return k > j && k < len(words) && isDigits(words[k])
}

// countedBefore reports a name at words[a] that a list of names and
// their counts comes before ("the Conservatives 44 and the Centre Party
// 37").
func countedBefore(words []string, a int) bool {
	j := a - 1
	if j >= 0 && (words[j] == "the" || words[j] == "The") {
		j--
	}
	if j >= 0 && (words[j] == "and" || words[j] == "or") {
		j--
	}
	if j >= 0 && words[j] == "," {
		j--
	}
	return j >= 0 && j < a-1 && isDigits(words[j])
}

// designated reports a model's number or code, which model words may
// follow.
func designated(w string) bool {
	return isDigits(w) && len(w) <= 4 || modelCode(w) || romanNumeral(w)
}

// yearLike reports a number that may be a year, 1900 to 2099.
func yearLike(w string) bool {
	return len(w) == 4 && (w[:2] == "19" || w[:2] == "20")
}

// romanNumeral reports II to XII, which number missions and sequels
// ("Artemis II"); not "I", a pronoun, nor "V" and "X", letters of models.
func romanNumeral(w string) bool {
	switch w {
	case "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII":
		return true
	}
	return false
}

// modelCode reports a model's code: a capital letter and digits, with
// small letters after them ("S24", "M4", "A321neo", "H20"), up to eight
// bytes.
func modelCode(w string) bool {
	if len(w) < 2 || len(w) > 8 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	digits := false
	for i := 1; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= '0' && c <= '9':
			digits = true
		case c >= 'a' && c <= 'z' && digits:
		case c >= 'A' && c <= 'Z' && !digits:
		default:
			return false
		}
	}
	return digits
}

// eventCode reports a numbered summit's or event's code: three or more
// capitals and one or two digits ("COP30"); not an armed group's, a
// road's or a group of states' ("M23", "A38", "G20"), of one letter.
func eventCode(w string) bool {
	n := 0
	for n < len(w) && w[n] >= 'A' && w[n] <= 'Z' {
		n++
	}
	d := len(w) - n
	return n >= 3 && (d == 1 || d == 2) && isDigits(w[n:])
}

// eventPlace reports a summit's code at words[i]: after a preposition of
// time or place ("at COP29", "ahead of COP30") or before a meeting's noun.
func eventPlace(words []string, i int) bool {
	if i+1 < len(words) && meetingNouns[words[i+1]] {
		return true
	}
	if i > 1 && words[i-1] == "of" && words[i-2] == "ahead" {
		return true
	}
	return i > 0 && eventPrepositions[strings.ToLower(words[i-1])]
}

// spanAt reports a span that covers token i.
func spanAt(spans []text.Span, from, i int) bool {
	for k := from; k < len(spans) && spans[k].Start <= i; k++ {
		if spans[k].End > i {
			return true
		}
	}
	return false
}

// hasDigit reports whether w holds a digit.
func hasDigit(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= '0' && w[i] <= '9' {
			return true
		}
	}
	return false
}

// prefixedCamel reports a camel-case word of one or two small letters
// and a capitalised word ("iPhone", "iTunes"), as products are written;
// not "comScore" or a typo run together ("humanitarTalks").
func prefixedCamel(w string) bool {
	n := 0
	for n < len(w) && w[n] >= 'a' && w[n] <= 'z' {
		n++
	}
	return (n == 1 || n == 2) && n+1 < len(w) && w[n] >= 'A' && w[n] <= 'Z' && w[n+1] >= 'a' && w[n+1] <= 'z'
}

// camelCase reports a word of letters with a capital after a small
// letter ("iPhone", "PlayStation", "MacBook"), as brands and products are
// written; not one ending in a capital, nor a name with "Mc" or "Mac"
// ("McCarthy", "MacDonald").
func camelCase(w string) bool {
	if len(w) < 4 || strings.HasPrefix(w, "Mc") || strings.HasPrefix(w, "Mac") && !strings.HasPrefix(w, "MacB") {
		return false
	}
	inner := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'a' && c <= 'z':
		case c >= 'A' && c <= 'Z':
			if i > 0 && w[i-1] >= 'a' && w[i-1] <= 'z' {
				inner = true
			}
		default:
			return false
		}
	}
	last := w[len(w)-1]
	return inner && last >= 'a' && last <= 'z'
}

// spanEndingAt returns the index of a span of type typ that ends at token
// e, -1 when there is none.
func spanEndingAt(spans []text.Span, from, e int, typ string) int {
	for k := from; k < len(spans) && spans[k].Start < e; k++ {
		if spans[k].End == e && spans[k].Label == typ {
			return k
		}
	}
	return -1
}

// placeProducts puts the products among spans, in one pass: a product
// replaces the spans inside it, and one that begins before it keeps its
// words before it ("Tesla Model | Y" where the model read "Tesla Model");
// a product that a span runs out of, or that overlaps the one before, is
// dropped. Both lists are ordered.
func placeProducts(spans, products []text.Span) []text.Span {
	if len(products) == 0 {
		return spans
	}
	out := make([]text.Span, 0, len(spans)+len(products))
	j, placed := 0, 0 // spans[:j] are in out or replaced; out ends before token placed
	for _, p := range products {
		if p.Start < placed {
			continue
		}
		for j < len(spans) && spans[j].End <= p.Start {
			out = append(out, spans[j])
			j++
		}
		k := j
		for k < len(spans) && spans[k].Start < p.End && spans[k].End <= p.End {
			k++
		}
		if k < len(spans) && spans[k].Start < p.End {
			continue // a span runs out of it
		}
		if j < k && spans[j].Start < p.Start {
			head := spans[j]
			head.End = p.Start
			out = append(out, head)
		}
		out = append(out, p)
		j, placed = k, p.End
	}
	return append(out, spans[j:]...)
}
