package annotate

import (
	"slices"
	"strings"

	"tidings/text"
)

// workNouns say that a title of a work is near: ordinary English nouns
// for films, programmes, music, books, stage works and games.
var workNouns = map[string]bool{"film": true, "films": true, "movie": true, "movies": true,
	"series": true, "show": true, "shows": true, "sitcom": true, "sitcoms": true, "drama": true,
	"dramas": true, "documentary": true, "documentaries": true, "programme": true,
	"programmes": true, "program": true, "programs": true, "opera": true, "operas": true,
	"album": true, "albums": true, "song": true, "songs": true, "single": true, "singles": true,
	"track": true, "novel": true, "novels": true, "book": true, "books": true, "memoir": true,
	"play": true, "musical": true, "musicals": true, "game": true, "games": true}

// listNouns are the plural work nouns a list of titles follows ("shows
// such as ..."); not "plays", a verb as often ("plays like a veteran").
var listNouns = map[string]bool{"films": true, "movies": true, "series": true, "shows": true,
	"sitcoms": true, "dramas": true, "documentaries": true, "programmes": true, "programs": true,
	"operas": true, "albums": true, "songs": true, "singles": true, "novels": true, "books": true,
	"musicals": true, "games": true}

// namingNouns are the work nouns a title may follow with no mark
// between ("her new film The Shape of Rain"): not those that are verbs as
// often ("polls show The ...") or name the game or book of a maker.
var namingNouns = map[string]bool{"film": true, "movie": true, "sitcom": true, "drama": true,
	"documentary": true, "programme": true, "opera": true, "album": true, "song": true,
	"novel": true, "memoir": true, "musical": true}

// titleSmallWords are the words a title writes in lower case between its
// capitalised ones ("Snakes on a Plane").
var titleSmallWords = map[string]bool{"a": true, "an": true, "the": true, "of": true, "on": true,
	"in": true, "with": true, "to": true, "for": true, "at": true, "from": true, "by": true,
	"into": true, "and": true, "or": true, "is": true}

// quoteMarks open and close titles.
var quoteMarks = map[string]bool{`"`: true, "'": true, "“": true, "”": true, "‘": true, "’": true, "``": true, "''": true}

// makerNouns name the maker, the star or a part of a work, whose title
// may follow them after "of" in quotation marks ("the author of "The Salt
// Road"", "new episodes of "Harbour Lights"").
var makerNouns = map[string]bool{"author": true, "singer": true, "songwriter": true,
	"director": true, "star": true, "stars": true, "creator": true, "creators": true,
	"writer": true, "writers": true, "composer": true, "cast": true, "episode": true,
	"episodes": true, "finale": true, "premiere": true, "remake": true, "adaptation": true}

// titleLinks may stand between a work noun and a quoted title ("the
// series called", "soap operas, including").
var titleLinks = map[string]bool{",": true, ":": true, "called": true, "titled": true,
	"entitled": true, "named": true, "including": true, "dubbed": true, "like": true}

// titlesOfWorks makes one MISC name of a title of a work, small words and
// all, where the sentence says it is one:
//   - in quotation marks after a work noun ("the film 'Snakes on a Lake'",
//     "soap operas, including "Rebel Road," "Small Hours""), and the
//     quoted titles listed after it;
//   - listed after a plural work noun and "such as", "like" or
//     "including" ("shows such as Glenrock and Sons of the Valley");
//   - right after a work noun that is no verb, or after one and a comma,
//     when it begins with an article or holds a small word ("her new film
//     The Shape of Rain", "her second book, The Salt Road,");
//   - in quotation marks after a maker's or a part's noun and "of" ("the
//     singer of "Quiet Rivers"", "new episodes of "Harbour Lights"").
//
// The model's names inside a title are replaced; a title that a name of
// the model runs out of is left as it was.
func titlesOfWorks(doc *text.Document, spans []text.Span) []text.Span {
	var titles []text.Span
	forms := tokenForms(doc)
	for _, s := range doc.Sentences {
		words := forms[s.Start:s.End]
		for _, t := range workTitles(words) {
			titles = append(titles, text.Span{Start: t.Start + s.Start, End: t.End + s.Start, Label: "MISC"})
		}
	}
	return replaceSpans(spans, titles)
}

// replaceSpans puts the names in place of the spans inside them; a name
// that a span runs out of is dropped, the span kept. names are ordered
// and disjoint.
func replaceSpans(spans, names []text.Span) []text.Span {
	if len(names) == 0 {
		return spans
	}
	out := slices.Clone(spans)
	for _, t := range names {
		ok := true
		for _, sp := range out {
			if sp.End > t.Start && sp.Start < t.End && (sp.Start < t.Start || sp.End > t.End) {
				ok = false
			}
		}
		if !ok {
			continue
		}
		out = slices.DeleteFunc(out, func(sp text.Span) bool {
			return sp.Start >= t.Start && sp.End <= t.End
		})
		out = append(out, t)
	}
	slices.SortFunc(out, func(a, b text.Span) int { return a.Start - b.Start })
	return out
}

// workTitles returns the titles of works in a sentence's words (see
// titlesOfWorks), ordered and disjoint.
func workTitles(words []string) []text.Span {
	var out []text.Span
	add := func(a, b int) {
		if len(out) == 0 || out[len(out)-1].End <= a {
			out = append(out, text.Span{Start: a, End: b})
		}
	}
	listed := -1 // the quote mark that opens the next quoted title of a list
	for k := 0; k < len(words); k++ {
		w := strings.ToLower(words[k])
		switch {
		case quoteMarks[words[k]] && (k == listed || afterWorkNoun(words, k)):
			a, b, next := quotedTitle(words, k)
			if a < 0 {
				continue
			}
			add(a, b)
			listed = -1
			// Separators and quote marks alone up to the next quote mark.
			// The closing marks come first: a mark opens the next title
			// when a word that is no separator follows it.
			for j := b; j < len(words) && (separator(words[j]) || quoteMarks[words[j]]); j++ {
				if quoteMarks[words[j]] && j+1 < len(words) && !quoteMarks[words[j+1]] && !separator(words[j+1]) {
					listed = j
					break
				}
			}
			k = next - 1
			if listed >= 0 {
				k = min(k, listed-1)
			}
		case listNouns[words[k]] && k+2 < len(words):
			i := k + 1
			switch {
			case words[i] == "such" && words[i+1] == "as":
				i += 2
			case words[i] == "like" || words[i] == "including":
				i++
			default:
				continue
			}
			for i < len(words) {
				j := titleRun(words, i, true)
				if j == i || possessive(words, j) {
					break
				}
				add(i, j)
				i = j
				if i < len(words) && words[i] == "," {
					i++
				}
				if i < len(words) && (words[i] == "and" || words[i] == "or") {
					i++
				}
			}
		case namingNouns[words[k]] && k > 0 && !capitalisedWord(words[k-1]) && k+1 < len(words) && words[k+1] != ",":
			i := k + 1
			j := titleRun(words, i, false)
			if j > i && !possessive(words, j) && articleOrSmallWord(words[i:j]) {
				add(i, j)
			}
		case workNouns[w] && k+2 < len(words) && words[k+1] == ",":
			i := k + 2
			j := titleRun(words, i, false)
			if j == i || j < len(words) && !strings.Contains(",.;:()", words[j]) || possessive(words, j) {
				continue
			}
			if articleOrSmallWord(words[i:j]) {
				add(i, j)
			}
		}
	}
	return out
}

// afterWorkNoun reports whether the quote mark at k follows a work noun,
// with at most three linking words between ("the film 'X'", "the series
// called "X"", "operas, including "X""), or a maker's noun and "of".
func afterWorkNoun(words []string, k int) bool {
	i := k - 1
	for i >= 0 && quoteMarks[words[i]] { // a doubled mark
		i--
	}
	if i > 0 && words[i] == "of" && makerNouns[words[i-1]] { // "the singer of "X""
		return true
	}
	for n := 0; i >= 0 && n <= 3; n++ {
		if workNouns[words[i]] {
			return true
		}
		if !titleLinks[words[i]] {
			return false
		}
		i--
	}
	return false
}

// quotedTitle reads the title that the quote mark at k opens: its words
// [a, b), without a comma or full stop before the closing mark, and the
// index after the closing mark. a is -1 when what is quoted is no title:
// longer than twelve words, not closed, or not in a title's casing.
func quotedTitle(words []string, k int) (a, b, next int) {
	a = k
	for a < len(words) && quoteMarks[words[a]] {
		a++
	}
	c := a
	for c < len(words) && c-a <= 12 && !quoteMarks[words[c]] {
		c++
	}
	if c-a > 12 || c == len(words) && words[c-1] != "." { // a closing mark after a full stop may begin the next sentence
		return -1, -1, k + 1
	}
	// As many closing marks as opened it: doubled marks close doubled.
	next = c
	open := 0
	for i := a - 1; i >= 0 && quoteMarks[words[i]]; i-- {
		open++
	}
	for next < len(words) && next-c < open && quoteMarks[words[next]] {
		next++
	}
	b = c
	for b > a && (words[b-1] == "," || words[b-1] == ".") {
		b--
	}
	if b == a || titleRun(words, a, false) < b {
		if b > a && titleRun(words, a, false) == b-1 && (words[b-1] == "?" || words[b-1] == "!") {
			return a, b, next
		}
		return -1, -1, next
	}
	return a, b, next
}

// titleRun returns the end of the title written in title case from word
// i: capitalised words and numbers, with small words between them; i
// when word i begins none. With stopAtAnd, "and" and "or" end it, as
// between titles listed.
func titleRun(words []string, i int, stopAtAnd bool) int {
	if i >= len(words) || !capitalisedWord(words[i]) && !isDigits(words[i]) {
		return i
	}
	end := i + 1
	for j := i + 1; j < len(words); j++ {
		w := words[j]
		if j > end && calendarWords[w] { // "Sons of the Valley | from Monday"
			break
		}
		if capitalisedWord(w) || isDigits(w) || w == "&" {
			end = j + 1
			continue
		}
		if titleSmallWords[w] && !(stopAtAnd && (w == "and" || w == "or")) {
			continue
		}
		break
	}
	return end
}

// articleOrSmallWord reports whether a title-case run reads as a title
// rather than a name: it begins with an article or holds a small word
// ("The Salt Road", "Roads to Nowhere"; not "Jane Doe").
func articleOrSmallWord(run []string) bool {
	switch strings.ToLower(run[0]) {
	case "the", "a", "an":
		return len(run) > 1
	}
	for _, x := range run[1:] {
		if titleSmallWords[strings.ToLower(x)] {
			return true
		}
	}
	return false
}

// possessive reports whether word j is a possessive ending, which may
// belong to a title ("The Spider's Web") or follow it; either way the
// title is not known to end before it.
func possessive(words []string, j int) bool {
	return j < len(words) && (words[j] == "'s" || words[j] == "’s")
}

// namedStorms makes one MISC name of "Storm" and the one-word name after
// it ("as Storm Olwen swept across"), as the set marks storms; not a
// team's name that ends in the word ("Seattle Storm"), a body ("Storm
// Centre"), a day or month; in a headline's casing, only where the
// model read the two words as one name.
func namedStorms(doc *text.Document, spans []text.Span) []text.Span {
	var storms []text.Span
	forms := tokenForms(doc)
	for _, s := range doc.Sentences {
		words := forms[s.Start:s.End]
		// In a headline's casing the name's end is the model's.
		headline := allCaps(words) || titleCaseSentence(words, false)
		for k := 0; k+1 < len(words); k++ {
			name := words[k+1]
			if words[k] != "Storm" || k > 0 && capitalisedWord(words[k-1]) || !capitalisedWord(name) ||
				acronym(name) || calendarWords[name] || bodyHead(name) || eventHead(name) {
				continue
			}
			if headline && !slices.ContainsFunc(spans, func(sp text.Span) bool { return sp.Start == s.Start+k && sp.End == s.Start+k+2 }) ||
				!headline && k+2 < len(words) && capitalisedWord(words[k+2]) {
				continue
			}
			storms = append(storms, text.Span{Start: s.Start + k, End: s.Start + k + 2, Label: "MISC"})
		}
	}
	return replaceSpans(spans, storms)
}

// separator reports whether w separates the titles of a list.
func separator(w string) bool { return w == "," || w == "and" || w == "or" }
