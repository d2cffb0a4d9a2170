package annotate

import (
	"strings"

	"tidings/text"
)

// companiesInContext types ORG the names the model read as people's, or
// as places the gazetteer does not know, where a sentence speaks of the
// name as a company's:
//
//   - its possessive owns a company's parts, officers or figures
//     ("Tamoil's German subsidiary", "X's chief executive", "X's annual
//     profits"), not what a person has too ("X's wife", "X's spokesman",
//     "X's shares"); a place's possessive only the parts no place has
//     ("X's headquarters"), since a town has stores and factories; a
//     person's full name after the possessive names a member of the body
//     ("Fine Gael's Heather Humphreys");
//   - a company's noun follows it after an article or a possessive ("the
//     X company", "Libya's X petroleum company");
//   - a trade's noun comes before it, and a plural one before the names
//     listed after it ("chipmaker X", "supermarkets X, Y and Z"), not
//     "company" or "firm", which a relative clause follows as often ("the
//     firm Reed founded");
//   - a relative clause with "which" follows a person's name ("X, which
//     owns the rest"), or the sentence says it is a company ("X is a
//     for-profit corporation");
//   - shares in or of it, a stake in it, a takeover of it.
//
// The model reads a one-word name it has not seen mostly from its shape,
// so a company's name it types PER in one mention it types PER in all:
// one cue retypes every mention of the same words in the article (one
// name, one type), unless the words are the last of a person's fuller
// name there ("Dana Kell" ... "Kell's").
func (m *NER) companiesInContext(doc *text.Document, spans []text.Span) []text.Span {
	nameOf := func(sp text.Span) string {
		ws := make([]string, sp.End-sp.Start)
		for i := range ws {
			ws[i] = doc.Tokens[sp.Start+i].Form
		}
		return strings.Join(ws, " ")
	}
	// retypable reports a span the rule may retype: a person's, or a
	// place's that the gazetteer does not know as one.
	retypable := func(sp text.Span) bool {
		switch sp.Label {
		case "PER":
			return true
		case "LOC":
			ws := strings.Fields(nameOf(sp))
			return !m.knownAs(ws, "LOC")
		}
		return false
	}
	cued := map[string]bool{}
	surnames := map[string]bool{}
	for _, sp := range spans {
		if sp.Label == "PER" && sp.End-sp.Start > 1 {
			surnames[doc.Tokens[sp.End-1].Form] = true
		}
	}
	next := 0 // spans are ordered: each sentence takes its own from here
	var in []text.Span
	for _, s := range doc.Sentences {
		in = in[:0] // the sentence's spans, in its word indices
		for next < len(spans) && spans[next].Start < s.Start {
			next++
		}
		retype := false
		for k := next; k < len(spans) && spans[k].Start < s.End; k++ {
			if sp := spans[k]; sp.End <= s.End {
				in = append(in, text.Span{Start: sp.Start - s.Start, End: sp.End - s.Start, Label: sp.Label})
				retype = retype || retypable(sp)
			}
		}
		if !retype {
			continue
		}
		words := make([]string, s.End-s.Start)
		tags := make([]string, s.End-s.Start)
		for i := range words {
			words[i], tags[i] = doc.Tokens[s.Start+i].Form, doc.Tokens[s.Start+i].XPOS
		}
		for j, sp := range in {
			if !retypable(text.Span{Start: sp.Start + s.Start, End: sp.End + s.Start, Label: sp.Label}) {
				continue
			}
			if companyCue(words, tags, in, j) {
				cued[nameOf(text.Span{Start: sp.Start + s.Start, End: sp.End + s.Start})] = true
			}
		}
	}
	if len(cued) == 0 {
		return spans
	}
	for i, sp := range spans {
		name := nameOf(sp)
		if cued[name] && !surnames[name] && retypable(sp) {
			spans[i].Label = "ORG"
		}
	}
	return spans
}

// companyParts are what a company's possessive owns and a person's
// hardly does; placeParts are those of them no place has either.
var (
	companyParts = map[string]bool{"headquarters": true, "subsidiary": true, "subsidiaries": true,
		"shareholders": true, "profits": true, "profit": true, "revenue": true, "revenues": true,
		"earnings": true, "stores": true, "shops": true, "branches": true, "factories": true,
		"plants": true, "founder": true, "co-founder": true, "CEO": true, "executives": true, "logo": true}
	placeParts = map[string]bool{"headquarters": true, "subsidiary": true, "subsidiaries": true,
		"shareholders": true, "founder": true, "co-founder": true, "CEO": true, "logo": true}
)

// tradeNouns name a company by its trade before its name; the plural
// lists names after it. Not the trades a person has too ("broadcaster
// Keith Olbermann", "insurer", "miner", "developer").
var tradeNouns = map[string]bool{"retailer": true, "retailers": true, "chipmaker": true,
	"chipmakers": true, "carmaker": true, "carmakers": true, "automaker": true, "automakers": true,
	"drugmaker": true, "drugmakers": true, "supermarket": true, "supermarkets": true, "lender": true,
	"lenders": true, "airline": true, "airlines": true,
	"conglomerate": true, "startup": true, "startups": true, "start-up": true, "start-ups": true,
	"giant": true, "bank": true, "banks": true, "chain": true}

// afterOf reports "of" up to three words before the name at st ("of the
// physicist", "of President"), across words but no punctuation.
func afterOf(words []string, st int) bool {
	for k := st - 1; k >= 0 && k >= st-3; k-- {
		if words[k] == "of" {
			return true
		}
		if !lowerWord(words[k]) && !capitalisedWord(words[k]) {
			return false
		}
	}
	return false
}

// nounEnds may follow the noun that ends a noun phrase.
var nounEnds = map[string]bool{"that": true, "which": true, "with": true, "in": true, "based": true,
	"of": true, "and": true, "whose": true, "for": true}

// companyCue reports whether the sentence's words speak of in[j] as a
// company's name (see companiesInContext). tags are the words' XPOS tags,
// empty when untagged.
func companyCue(words, tags []string, in []text.Span, j int) bool {
	sp := in[j]
	st, e := sp.Start, sp.End
	at := func(k int) string {
		if k < 0 || k >= len(words) {
			return ""
		}
		return words[k]
	}
	// A modifier may stand between a possessive or a name and the noun:
	// an adjective ("annual", "German"), or a noun before "company".
	modifier := func(k int, nouns bool) bool {
		t := tags[k]
		return t == "" || strings.HasPrefix(t, "JJ") || nouns && (t == "NN" || t == "NNP")
	}
	// The possessive.
	part := func(k int) bool {
		w := at(k)
		if w == "chief" && at(k+1) == "executive" || w == "parent" && at(k+1) == "company" {
			return true
		}
		if sp.Label == "LOC" {
			return placeParts[w]
		}
		return companyParts[w]
	}
	if w := at(e); w == "'s" || w == "'" || w == "’s" {
		k := e + 1
		if k < len(words) && !part(k) && modifier(k, false) {
			k++
		}
		if part(k) {
			return true
		}
		// A person's full name right after the possessive names a member
		// of the body ("Fine Gael's Heather Humphreys", "Arsenal's
		// Bukayo Saka"); a person's relatives come after a noun ("Tom
		// Reed's daughter Ana Reed").
		if sp.Label == "PER" && j+1 < len(in) && in[j+1].Start == e+1 && in[j+1].Label == "PER" && in[j+1].End-in[j+1].Start >= 2 {
			return true
		}
	}
	// A company's noun after it.
	switch at(st - 1) {
	case "the", "The", "a", "A", "an", "An", "'s", "’s":
		if isCompanyNoun(at(e)) || e+1 < len(words) && lowerWord(words[e]) && modifier(e, true) && isCompanyNoun(at(e+1)) {
			return true
		}
	}
	// A trade's noun before it, or a plural one before the list it is in.
	for i := j; ; i-- {
		w := at(in[i].Start - 1)
		if h := hyphenatedBefore(words, in[i].Start); tradeNouns[strings.ToLower(h)] {
			w = h
		}
		if tradeNouns[strings.ToLower(w)] && (i == j || strings.HasSuffix(w, "s")) {
			return true
		}
		if i == 0 || !listJoin(words, in[i-1].End, in[i].Start) {
			break
		}
	}
	// A relative clause with "which" after a person's name: things, not
	// people, take it; a place's name takes it too. After "of" it may
	// belong to the noun before ("the heyday of X, which ensued").
	if sp.Label == "PER" && at(e) == "," && at(e+1) == "which" && !afterOf(words, st) {
		return true
	}
	// The name said to be a company: "X is a publicly traded, for-profit
	// corporation", not "a company director" or "a firm believer".
	if v := at(e); (v == "is" || v == "was") && (at(e+1) == "a" || at(e+1) == "an") {
		for k := e + 2; k < len(words) && k <= e+10; k++ {
			w := words[k]
			if isCompanyNoun(w) || tradeNouns[w] && w != "giant" && w != "bank" {
				next := at(k + 1)
				return next == "" || !lowerWord(next) || nounEnds[next]
			}
			if !lowerWord(strings.ReplaceAll(w, "-", "")) && w != "," && w != "-" {
				break
			}
		}
	}
	// Shares in it, a stake in it, a takeover of it.
	switch strings.ToLower(at(st-2)) + " " + at(st-1) {
	case "shares in", "shares of", "stake in", "takeover of":
		return true
	}
	return false
}

// hyphenatedBefore returns the words before words[k] that a hyphen joins,
// which the tokeniser splits ("start - up": "start-up"); "" when there
// are none.
func hyphenatedBefore(words []string, k int) string {
	if k >= 3 && words[k-2] == "-" {
		return words[k-3] + "-" + words[k-1]
	}
	return ""
}

// isCompanyNoun reports a noun that names a company after its name.
func isCompanyNoun(w string) bool {
	return w == "company" || w == "firm" || w == "corporation"
}

// listJoin reports whether words[from:to] join two names of a list: ",",
// "and", "or" or ", and", after the first name's possessive or not.
func listJoin(words []string, from, to int) bool {
	if from < to && (words[from] == "'s" || words[from] == "’s") {
		from++
	}
	gap := words[from:to]
	switch len(gap) {
	case 1:
		return gap[0] == "," || gap[0] == "and" || gap[0] == "or"
	case 2:
		return gap[0] == "," && (gap[1] == "and" || gap[1] == "or")
	}
	return false
}
