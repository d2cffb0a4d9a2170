package text

import (
	"strings"
	"unicode/utf8"
)

// SplitSentences groups tokens into sentences. A sentence ends at a blank
// line, or at terminal punctuation (. ! ? … and their runs) followed by a
// word that can start a sentence; closing quotes and brackets after the
// terminal stay with the sentence they close. Abbreviations (Dr., U.S.,
// Jan. 4) end a sentence only before a word that clearly starts one, and
// never inside a multiword token.
func SplitSentences(text string, toks []Token, mws []Span) []Span {
	if len(toks) == 0 {
		return nil
	}
	var out []Span
	start := 0
	m := 0 // next multiword span
	for i := 0; i < len(toks)-1; i++ {
		for m < len(mws) && mws[m].End <= i {
			m++
		}
		if m < len(mws) && mws[m].Start <= i && i < mws[m].End-1 {
			continue // inside a multiword token
		}
		if endsSentence(text, toks, i) || endsOpeningAside(text, toks, start, i) || endsSalutation(text, toks, start, i) {
			out = append(out, Span{Start: start, End: i + 1})
			start = i + 1
		}
	}
	return append(out, Span{Start: start, End: len(toks)})
}

// endsSentence decides whether a sentence boundary follows token i.
func endsSentence(text string, toks []Token, i int) bool {
	cur, next := toks[i], toks[i+1]
	gap := text[cur.End:next.Start]
	if strings.Count(gap, "\n") >= 2 {
		return true
	}
	form := text[cur.Start:cur.End]
	nextForm := text[next.Start:next.End]
	switch {
	case isTerminal(form) || isEmoticon(form):
		if isClosing(nextForm) && gap == "" {
			return false // the closing quote or bracket ends the sentence
		}
		if isClosing(form) {
			break
		}
		return startsSentence(nextForm, form)
	case isClosing(form) && i > 0 && closesAfterTerminal(text, toks, i):
		// ." or !) : the sentence ends after the closing mark unless the
		// next word continues it ("Stop!" he said).
		return startsSentence(nextForm, ".") && !(isClosingQuote(form) && isLowerStart(nextForm))
	case strings.HasSuffix(form, ".") && len(form) > 1:
		// An abbreviation with its period: only before a typical sentence
		// opener, and never after a title such as Dr. or Gen.
		w := strings.TrimSuffix(form, ".")
		if titles[w] || strings.Contains(gap, "\n") == false && isDigitStart(nextForm) {
			return false
		}
		return sentenceOpeners[nextForm] || strings.Contains(gap, "\n") && startsSentence(nextForm, ".")
	case strings.Contains(gap, "\n") && !strings.ContainsAny(form, ",;-–—") && isUpperStart(nextForm) && lineLen(text, cur.End) < 80:
		// A short line without terminal punctuation (a heading, a list item,
		// a signature) ends where the next line starts with a capital; but
		// not a line of hard-wrapped prose, which is long and ends in a
		// word in lower case ("a financial expert in | Tokyo Tomas de
		// Hora", as wire copy wraps at 65 to 75 characters).
		return lineLen(text, cur.End) < wrappedLine || !isLowerStart(form)
	}
	return false
}

// closesAfterTerminal reports whether the closing marks ending at token i
// follow terminal punctuation directly.
func closesAfterTerminal(text string, toks []Token, i int) bool {
	// Look back over at most three closing marks (.")) so that long runs
	// of brackets stay linear.
	for k := i; k >= 0 && k > i-4; k-- {
		f := text[toks[k].Start:toks[k].End]
		if isClosing(f) {
			if k < i && toks[k].End != toks[k+1].Start {
				return false
			}
			continue
		}
		return isTerminal(f) && toks[k].End == toks[k+1].Start
	}
	return false
}

// isTerminal reports whether a token is sentence-final punctuation.
func isTerminal(f string) bool {
	if f == "…" {
		return true
	}
	for i := 0; i < len(f); i++ {
		if c := f[i]; c != '.' && c != '!' && c != '?' {
			return false
		}
	}
	return f != ""
}

func isClosing(f string) bool {
	switch f {
	case "\"", "'", "”", "’", ")", "]", "}", "»", "''":
		return true
	}
	return false
}

func isClosingQuote(f string) bool {
	switch f {
	case "\"", "'", "”", "’", "»", "''":
		return true
	}
	return false
}

// startsSentence reports whether a token can open a new sentence after the
// terminal punctuation prev.
func startsSentence(f, prev string) bool {
	r, _ := utf8.DecodeRuneInString(f)
	ellipsis := strings.HasPrefix(prev, "..") || prev == "…"
	switch {
	case isUpper(r):
		return true
	case isDigit(r), isLower(r):
		// A lone full stop ends a sentence even before a lower-case word (web
		// text often starts sentences so); an ellipsis is often a pause
		// inside one.
		return !ellipsis
	}
	if isEmoticon(f) {
		return false // :) closes the sentence before it
	}
	// punctuation: an opening quote or bracket starts a sentence; a comma
	// or the like continues one.
	switch f {
	case ",", ";", ":", ")", "]", "}", "%", "-", "–", "—":
		return false
	}
	return true
}

func isUpperStart(f string) bool {
	r, _ := utf8.DecodeRuneInString(f)
	return isUpper(r)
}

func isLowerStart(f string) bool {
	r, _ := utf8.DecodeRuneInString(f)
	return isLower(r)
}

func isDigitStart(f string) bool {
	return f != "" && f[0] >= '0' && f[0] <= '9'
}

// wrappedLine is the length from which a line that ends in a word in
// lower case is taken for hard-wrapped prose rather than a heading.
const wrappedLine = 50

// lineLen returns the length of the line that ends at or after end.
func lineLen(text string, end int) int {
	start := strings.LastIndexByte(text[:end], '\n') + 1
	return end - start
}

// titles precede a name and never end a sentence.
var titles = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Prof": true, "St": true, "Gen": true, "Lt": true,
	"Col": true, "Sgt": true, "Capt": true, "Cmdr": true, "Adm": true, "Maj": true, "Gov": true,
	"Sen": true, "Rep": true, "Rev": true, "Hon": true, "Pres": true, "Ft": true, "Mt": true, "No": true,
	"vs": true,
}

// sentenceOpeners are words that, after an abbreviation, show that a new
// sentence has begun ("... in the U.S. He said").
var sentenceOpeners = map[string]bool{
	"The": true, "A": true, "An": true, "He": true, "She": true, "It": true, "They": true, "We": true,
	"I": true, "You": true, "This": true, "That": true, "These": true, "Those": true, "There": true,
	"But": true, "And": true, "In": true, "On": true, "At": true, "If": true, "When": true, "What": true,
	"His": true, "Her": true, "Its": true, "Their": true, "Our": true, "My": true, "So": true, "As": true,
	"For": true, "Then": true, "However": true, "Also": true, "After": true, "Some": true, "Many": true,
	"Thanks": true, "Please": true, "Is": true, "Do": true, "Does": true, "How": true, "Why": true,
}

func isEmoticon(f string) bool {
	for _, e := range emoticons {
		if f == e {
			return true
		}
	}
	return false
}

// endsOpeningAside reports whether token i closes a parenthesis that opened
// the sentence, before a capitalised word: "(Reuters) The ...", "(BBC) The".
func endsOpeningAside(text string, toks []Token, start, i int) bool {
	if text[toks[i].Start:toks[i].End] != ")" || text[toks[start].Start:toks[start].End] != "(" || i == start {
		return false
	}
	if toks[i].End == toks[i+1].Start {
		return false
	}
	next := text[toks[i+1].Start:toks[i+1].End]
	return isUpperStart(next) || next == "\"" || next == "“"
}

// endsSalutation reports whether token i is the comma after a closing
// formula that opens its sentence ("Regards," "Sincerely,") before a name.
func endsSalutation(text string, toks []Token, start, i int) bool {
	if i != start+1 || text[toks[i].Start:toks[i].End] != "," {
		return false
	}
	return closings[strings.ToLower(text[toks[start].Start:toks[start].End])] && isUpperStart(text[toks[i+1].Start:toks[i+1].End])
}

var closings = map[string]bool{"regards": true, "sincerely": true, "cheers": true, "thanks": true, "best": true, "cordially": true, "yours": true}
