package annotate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"tidings/text"
)

// Headlines are often written in title case ("Starmer Faces Backbench
// Revolt Over Welfare Cuts"), which the models, trained on text where
// capitals mark names, read as one long name. So a title-case sentence is
// read by the models in the case it would have in running text (its norm,
// text.Token.Norm): a capitalised word whose lower-case form is a common
// word of the clusters' corpus is lower-cased, unless it begins the
// sentence or is part of a name the gazetteer knows ("Apple", "Bank of
// England"), when such common words are at least two, two in five of the
// capitalised words, and one of them a preposition or the like. The words
// themselves are not changed.

// titleCaseSentence reports a sentence written in title case: at least three
// words after the first that are written with letters, four in five of
// them capitalised, most of them not in capitals throughout (a headline
// in capitals is left to the models, which were trained on such).
func titleCaseSentence(words []string, headline bool) bool {
	n, capital, shouted := 0, 0, 0
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if i == 0 || !unicode.IsLetter(r) || headline && minorWords[w] {
			continue
		}
		n++
		if unicode.IsUpper(r) {
			capital++
			if strings.ToUpper(w) == w {
				shouted++
			}
		}
	}
	return n >= 3 && capital*5 >= n*4 && shouted*2 < n
}

// minorWords are the short words that headlines in the style of news
// agencies leave in lower case ("Reeves Raises £40bn in Taxes in Labour's
// First Budget").
var minorWords = map[string]bool{"a": true, "an": true, "the": true, "and": true, "but": true, "or": true,
	"for": true, "nor": true, "of": true, "in": true, "on": true, "at": true, "to": true, "by": true,
	"as": true, "from": true, "with": true, "into": true, "over": true, "vs": true, "via": true}

// standsAlone reports a sentence that is a line of its own without
// terminal punctuation, followed by a line break or nothing: an article's
// headline, as the first sentence of its text.
func standsAlone(doc *text.Document, s text.Span) bool {
	if s.End <= s.Start {
		return false
	}
	last := doc.Tokens[s.End-1].Form
	if last == "." || last == "!" || last == "?" {
		return false
	}
	end := doc.Tokens[s.End-1].End
	if s.End < len(doc.Tokens) {
		return strings.Count(doc.Text[end:doc.Tokens[s.End].Start], "\n") >= 1
	}
	return true
}

// titleWord reports a word with a capital first letter and no other
// capitals ("Faces", not "US", "iPhone" or "McDonald").
func titleWord(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	rest := w[size:]
	return rest != "" && strings.ToLower(rest) == rest
}

// norms returns the forms the models read for a sentence: words itself
// unless it is in title case. common reports a common lower-case word; gm
// holds the gazetteer's matches over the sentence (nil when none).
func norms(words []string, headline bool, gm []gazMatch, common func(string) bool) ([]string, bool) {
	if !titleCaseSentence(words, headline) {
		return words, false
	}
	out := make([]string, len(words))
	titled, lowered, function := 0, 0, 0
	for i, w := range words {
		out[i] = w
		if headline && i > 0 && minorWords[w] {
			function++ // a headline in the agencies' style
		}
		if i == 0 || !titleWord(w) {
			continue
		}
		lw := strings.ToLower(w)
		// A short function word that the gazetteer knows as a name of
		// its own (it has a town called "Of") is the headline's word.
		if gm != nil && gm[i].types != 0 && !(gm[i].pos == 4 && (minorWords[lw] || headlineWords[lw])) {
			// A known name keeps its capitals, but for the short
			// function words inside it ("Bank Of England").
			if gm[i].pos == 2 && connective[lw] {
				out[i] = lw
			}
			continue
		}
		titled++
		if headlineWords[lw] {
			function++
		}
		if common(lw) || commonInflection(lw, common) {
			out[i] = lw
			lowered++
		}
	}
	// A headline's capitalised words are mostly common words, among them
	// a preposition or the like; a list of names ("Davis Love , Anders
	// Forsbrand , John Cook") or a company's ("Banc One Capital
	// Corporation") is not a headline, though in title case too.
	// A headline alone on its line needs no function word when three of
	// its words are common ones ("Israeli Strike Kills 12 Lebanese
	// Civilians").
	if lowered < 2 || lowered*5 < titled*2 || function == 0 && !(headline && lowered >= 3) {
		return words, false
	}
	return out, true
}

// commonInflection reports a word in -s whose stem is a common word
// ("jails", "apologises"): headlines put verbs in the present, in forms
// rarer than their stems.
func commonInflection(w string, common func(string) bool) bool {
	switch {
	case len(w) < 4 || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss"):
		return false
	case strings.HasSuffix(w, "ies") && common(w[:len(w)-3]+"y"):
		return true
	case strings.HasSuffix(w, "es") && common(w[:len(w)-2]):
		return true
	}
	return common(w[:len(w)-1])
}

// headlineWords are short words that a headline in title case
// capitalises ("Over", "After", "Says") and a name seldom holds (not "The",
// which begins many: "The New York Mercantile Exchange").
var headlineWords = map[string]bool{"over": true, "after": true, "as": true, "to": true, "in": true, "for": true,
	"with": true, "of": true, "on": true, "at": true, "by": true, "and": true, "from": true,
	"into": true, "is": true, "are": true, "amid": true, "says": true}

// connective are the function words that names written in running text
// keep in lower case.
var connective = map[string]bool{"of": true, "and": true, "for": true, "the": true, "on": true, "in": true, "at": true, "de": true}

// normOf returns the form the models read for a token.
func normOf(t *text.Token) string {
	if t.Norm != "" {
		return t.Norm
	}
	return t.Form
}
