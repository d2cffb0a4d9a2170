package text

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tokenize splits text into syntactic words with byte offsets, following
// UD English-EWT: punctuation is split off, hyphenated compounds are split
// ("gas - producing") except after common prefixes (e-mail, co-workers) and
// between capitalised names (Kassym-Jomart, Coca-Cola), clitics and
// possessives become multiword tokens (do + n't, Google + 's), and
// abbreviations, numbers, URLs, e-mail addresses and handles stay whole.
func Tokenize(text string) ([]Token, []Span) {
	toks, mws, _ := tokenize(context.Background(), text) // never done
	return toks, mws
}

// tokenize is Tokenize that gives up when ctx is done, checking every
// checkEvery bytes: megabytes of text take a good part of a second.
func tokenize(ctx context.Context, text string) ([]Token, []Span, error) {
	t := tokenizer{text: text, toks: make([]Token, 0, len(text)/5+1)}
	if err := t.run(ctx); err != nil {
		return nil, nil, err
	}
	return t.toks, t.mws, nil
}

const checkEvery = 64 << 10

type tokenizer struct {
	text string
	toks []Token
	mws  []Span
}

func (t *tokenizer) run(ctx context.Context) error {
	s := t.text
	check := checkEvery
	for i := 0; i < len(s); {
		if i >= check {
			if err := ctx.Err(); err != nil {
				return err
			}
			check = i + checkEvery
		}
		r, n := decode(s, i)
		if isSpace(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			r, n := decode(s, j)
			if isSpace(r) {
				break
			}
			j += n
		}
		before := len(t.toks)
		t.chunk(i, j)
		if len(t.toks) > before && j < len(s) {
			t.toks[len(t.toks)-1].SpaceAfter = true
		}
		i = j
	}
	return nil
}

func (t *tokenizer) emit(start, end int) {
	t.toks = append(t.toks, Token{Start: start, End: end, Form: t.text[start:end], Head: -1})
}

// chunk tokenises one whitespace-delimited run [s, e).
func (t *tokenizer) chunk(s, e int) {
	text := t.text
	for s < e {
		r, n := decode(text, s)
		switch {
		case isWordRune(r):
			if j := t.scanURL(s, e); j > s {
				t.emit(s, j)
				s = j
				continue
			}
			j := t.scanWord(s, e)
			// A plural possessive keeps its apostrophe: parents' = parents + '.
			if j < e && isApostrophe(text, j) && (text[j-1] == 's' || text[j-1] == 'S') {
				k := j + apostropheLen(text, j)
				if k == e || !isWordRune(firstRune(text, k)) {
					t.emitWord(s, j, k)
					s = k
					continue
				}
			}
			t.emitWord(s, j, j)
			s = j
		case (r == '@' || r == '#') && s+1 < e && isLetter(firstRune(text, s+1)):
			// @handle, #hashtag, @domain.com
			j := s + 1
			for j < e {
				r, n := decode(text, j)
				if !isWordRune(r) && r != '_' && !(r == '.' && j+1 < e && isLetter(firstRune(text, j+1))) {
					break
				}
				j += n
			}
			t.emit(s, j)
			s = j
		default:
			if j := emoticonEnd(text, s, e); j > s {
				t.emit(s, j)
				s = j
				continue
			}
			j := s + n
			switch {
			case r == '.' || r == '!' || r == '?':
				for j < e && (text[j] == '.' || text[j] == '!' || text[j] == '?') {
					j++
				}
			case r == '-' || r == '*' || r == '=' || r == '_' || r == '~' || r == '<' || r == '>' || r == '`' || r == '\'' || r == '+' || r == '^':
				// runs of one symbol are one token: --, ***, '', ``
				for j < e && text[j] == byte(r) {
					j++
				}
			}
			t.emit(s, j)
			s = j
		}
	}
}

// scanURL returns the end of a URL or e-mail address starting at s, or s.
func (t *tokenizer) scanURL(s, e int) int {
	text := t.text[s:e]
	var j int
	switch {
	case hasPrefixFold(text, "http://") || hasPrefixFold(text, "https://") || hasPrefixFold(text, "ftp://"),
		hasPrefixFold(text, "www.") && len(text) > 4 && isWordRune(firstRune(text, 4)):
		j = len(text) // a URL runs to the end of the chunk
	default:
		if j = emailEnd(text); j == 0 {
			return s
		}
	}
	// Trailing punctuation belongs to the sentence, not the address; a
	// closing bracket stays only when the address opened it.
	text = text[:j]
	open, closed := strings.Count(text, "("), strings.Count(text, ")")
	for j > 0 {
		c := text[j-1]
		if c == ')' {
			if open >= closed {
				break
			}
			closed--
			j--
			continue
		}
		if strings.IndexByte(".,;:!?]}>'\"", c) >= 0 {
			j--
			continue
		}
		if r, n := utf8.DecodeLastRuneInString(text[:j]); r == '”' || r == '’' || r == '»' {
			j -= n
			continue
		}
		break
	}
	return s + j
}

// emailEnd returns the length of an e-mail address at the start of text,
// or 0. The scan is bounded by the address length limits (64 bytes before
// the @, 255 after), which also keeps tokenisation linear.
func emailEnd(text string) int {
	k := 0
	for k < len(text) && k <= 64 && (isASCIIAlnum(text[k]) || strings.IndexByte("._-+", text[k]) >= 0) {
		k++
	}
	if k == 0 || k >= len(text) || text[k] != '@' {
		return 0
	}
	d, lastDot := k+1, -1
	for d < len(text) && d-k <= 255 && (isASCIIAlnum(text[d]) || text[d] == '.' || text[d] == '-') {
		if text[d] == '.' && d+1 < len(text) && isASCIIAlnum(text[d+1]) {
			lastDot = d
		}
		d++
	}
	if lastDot < k+2 {
		return 0
	}
	return d
}

// scanWord returns the end of the word starting at s: letters and digits
// with the connectors that keep a word whole (2.5, 1,000, U.S, O'Neill,
// 10:30, 9/11, AT&T, e-mail, Kassym-Jomart), and an abbreviation's period.
func (t *tokenizer) scanWord(s, e int) int {
	text := t.text
	seg := s // start of the current segment (after the last connector)
	j := s
	for j < e {
		r, n := decode(text, j)
		if isWordRune(r) {
			j += n
			continue
		}
		if j+n >= e {
			break
		}
		next, nn := decode(text, j+n)
		prev, _ := utf8.DecodeLastRuneInString(text[s:j])
		join := false
		switch r {
		case '.':
			if isDigit(prev) && isDigit(next) {
				join = true
			} else if isWordRune(next) {
				// U.S, e.g, Ph.D, example.com; but not "fine.The"
				join = j-seg <= 2 || !(isUpper(next) && j+n+nn < e && isLower(firstRune(text, j+n+nn)))
			}
		case ',':
			join = isDigit(prev) && threeDigits(text, j+1, e)
		case '\'', '’':
			join = isLetter(prev) && isLetter(next)
		case ':':
			join = isDigit(prev) && isDigit(next)
		case '/':
			join = isDigit(prev) && isDigit(next) || isLetter(prev) && isLetter(next) && j-seg <= 2 && shortSegment(text, j+n, e, 2)
		case '&':
			join = isUpper(prev) && isUpper(next) && j-seg <= 3 && shortSegment(text, j+n, e, 3)
		case '-', '‐':
			switch {
			case isDigit(prev) && isDigit(next):
				join = true
			case isLetter(prev) && isLetter(next):
				left := text[seg:j]
				join = isHyphenPrefix(left) ||
					isUpper(firstRune(left, 0)) && isUpper(next) && allLetters(left) && allLettersUntilBreak(text, j+n, e)
			}
		case '_':
			join = true
		case '@':
			join = isASCIIAlnum(byte(prev)) && prev < utf8.RuneSelf && isLetter(next)
		}
		if !join {
			break
		}
		j += n
		seg = j
	}
	// An abbreviation keeps its period: U.S., Dr., Jan., J.
	// "Inc.." is the abbreviation and a full stop.
	if j < e && text[j] == '.' && (j+1 == e || !isWordRune(firstRune(text, j+1)) && (text[j+1] != '.' || j+2 == e || text[j+2] != '.')) {
		if isAbbreviation(text[s:j]) {
			j++
		}
	}
	return j
}

// emitWord emits the word [s, end), splitting clitics into a multiword
// token; [s, j) is the word proper and [j, end) a trailing possessive
// apostrophe that belongs to it.
func (t *tokenizer) emitWord(s, j, end int) {
	text := t.text
	if end > j { // parents'
		t.emitSplit(s, j, end)
		return
	}
	w := text[s:end]
	if k := unitSplit(w); k > 0 {
		// 375mm, 8gb, 24hrs: a number and its unit are two tokens.
		t.emit(s, s+k)
		t.emit(s+k, end)
		return
	}
	if split := cliticSplit(w); split > 0 {
		t.emitSplit(s, s+split, end)
		return
	}
	t.emit(s, end)
}

// unitSplit returns where a number ends and a lower-case unit starts
// ("375mm" -> 3), or 0; ordinals (20th) and decades (1970s) stay whole.
func unitSplit(w string) int {
	k := 0
	for k < len(w) && (w[k] >= '0' && w[k] <= '9' || k > 0 && (w[k] == '.' || w[k] == ',')) {
		k++
	}
	if k == 0 || k == len(w) || w[k-1] < '0' || w[k-1] > '9' {
		return 0
	}
	for i := k; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return 0
		}
	}
	switch w[k:] {
	case "st", "nd", "rd", "th", "s", "d":
		return 0
	}
	return k
}

// emitSplit emits [s, mid) and [mid, end) as the two words of one
// multiword token.
func (t *tokenizer) emitSplit(s, mid, end int) {
	t.mws = append(t.mws, Span{Start: len(t.toks), End: len(t.toks) + 2})
	t.emit(s, mid)
	t.emit(mid, end)
}

// cliticSplit returns where a word splits into host and clitic (don't ->
// 2, Google's -> 6, gonna -> 3), or 0 when it does not.
func cliticSplit(w string) int {
	n := len(w)
	if n < 2 {
		return 0
	}
	// Normalise a curly apostrophe to find the clitic; offsets stay exact.
	if i := strings.LastIndex(w, "’"); i > 0 {
		suffix := strings.ToLower(w[i+len("’"):])
		switch suffix {
		case "s", "re", "ve", "ll", "d", "m":
			return i
		case "t":
			if i >= 2 && (w[i-1] == 'n' || w[i-1] == 'N') {
				return i - 1
			}
		}
		return 0
	}
	if i := strings.LastIndexByte(w, '\''); i > 0 {
		suffix := strings.ToLower(w[i+1:])
		switch suffix {
		case "s", "re", "ve", "ll", "d", "m":
			return i
		case "t":
			if i >= 2 && (w[i-1] == 'n' || w[i-1] == 'N') {
				return i - 1
			}
		}
		return 0
	}
	if n > 7 {
		return 0
	}
	var buf [8]byte
	for i := 0; i < n; i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return informalClitics[string(buf[:n])]
}

// informalClitics lists apostrophe-less contractions that EWT splits, with
// the split point.
var informalClitics = map[string]int{
	"cannot": 3, "gonna": 3, "wanna": 3, "gotta": 3, "outta": 3,
	"dont": 2, "cant": 2, "wont": 2, "aint": 2, "isnt": 2,
	"didnt": 3, "doesnt": 4, "wasnt": 3, "werent": 4, "arent": 3, "arnt": 2,
	"havent": 4, "hasnt": 3, "hadnt": 3, "couldnt": 5, "wouldnt": 5, "shouldnt": 6,
	"im": 1, "ive": 1, "youre": 3, "theyre": 4, "thats": 4, "whats": 4, "theres": 5,
}

// hyphenPrefixes are the prefixes that EWT keeps attached with a hyphen.
var hyphenPrefixes = map[string]bool{
	"e": true, "co": true, "pre": true, "post": true, "non": true, "semi": true, "re": true,
	"multi": true, "mid": true, "ex": true, "anti": true, "pro": true, "sub": true, "socio": true,
	"psycho": true, "vice": true, "un": true, "inter": true, "intra": true, "counter": true,
	"bi": true, "tri": true, "neo": true, "pseudo": true, "quasi": true, "ultra": true,
	"micro": true, "macro": true, "mini": true, "over": true,
}

func isHyphenPrefix(s string) bool {
	if len(s) > 7 {
		return false
	}
	var buf [7]byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return hyphenPrefixes[string(buf[:len(s)])]
}

// abbreviations keep their final period (case-sensitive, without it).
var abbreviations = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Drs": true, "Prof": true, "St": true, "Jr": true, "Sr": true,
	"Inc": true, "Corp": true, "Co": true, "Ltd": true, "INC": true, "CORP": true, "CO": true, "LTD": true, "PVT": true, "Bros": true, "vs": true, "etc": true, "al": true,
	"Gen": true, "Lt": true, "Col": true, "Sgt": true, "Capt": true, "Cmdr": true, "Adm": true, "Maj": true,
	"Gov": true, "Sen": true, "Rep": true, "Reps": true, "Rev": true, "Hon": true, "Pres": true,
	"Ft": true, "Mt": true, "Ave": true, "Blvd": true, "Rd": true, "No": true, "Nos": true, "Vol": true,
	"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true, "Jul": true, "Aug": true,
	"Sep": true, "Sept": true, "Oct": true, "Nov": true, "Dec": true,
	"Mon": true, "Tue": true, "Tues": true, "Wed": true, "Thu": true, "Thur": true, "Thurs": true,
	"Fri": true, "Sat": true, "Sun": true, "approx": true, "dept": true, "Dept": true, "est": true,
	"Univ": true, "Assn": true, "Gov't": true, "Mass": true, "Calif": true, "Ariz": true, "Fla": true,
	"Ill": true, "Penn": true, "Wash": true, "Mich": true, "Minn": true, "Wis": true, "Conn": true,
	"Va": true, "Ga": true, "La": true, "Tenn": true, "Ky": true, "Ala": true, "Colo": true, "Okla": true,
	"Ore": true, "Neb": true, "Nev": true, "Kan": true,
}

func isAbbreviation(w string) bool {
	if abbreviations[w] {
		return true
	}
	r, n := utf8.DecodeRuneInString(w)
	if n == len(w) {
		return isUpper(r) // an initial: J.
	}
	// Letters with inner periods and short segments: U.S, e.g, p.m, Ph.D
	if strings.IndexByte(w, '.') < 0 {
		return false
	}
	seg := 0
	for _, r := range w {
		switch {
		case r == '.':
			seg = 0
		case isLetter(r):
			if seg++; seg > 3 {
				return false
			}
		default:
			return false
		}
	}
	return true
}

var emoticons = []string{":-)", ":-(", ":-D", ":-P", ":'(", ":)", ":(", ":D", ":P", ":p", ":/", ";-)", ";)", "=)", "<3", "^_^"}

// emoticonEnd returns the end of an emoticon at s, or s.
func emoticonEnd(text string, s, e int) int {
	c := text[s]
	if c != ':' && c != ';' && c != '=' && c != '<' && c != '^' {
		return s
	}
	for _, em := range emoticons {
		if strings.HasPrefix(text[s:e], em) {
			j := s + len(em)
			if j == e || !isLetter(firstRune(text, j)) {
				return j
			}
		}
	}
	return s
}

func decode(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func firstRune(s string, i int) rune {
	if i >= len(s) {
		return utf8.RuneError
	}
	r, _ := decode(s, i)
	return r
}

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' || r == '\v'
	}
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'A' && r <= 'Z'
	}
	return unicode.IsUpper(r)
}

func isLower(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z'
	}
	return unicode.IsLower(r)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isApostrophe(s string, i int) bool {
	return s[i] == '\'' || strings.HasPrefix(s[i:], "’")
}

func apostropheLen(s string, i int) int {
	if s[i] == '\'' {
		return 1
	}
	return len("’")
}

func threeDigits(s string, i, e int) bool {
	if i+3 > e {
		return false
	}
	for k := i; k < i+3; k++ {
		if s[k] < '0' || s[k] > '9' {
			return false
		}
	}
	return i+3 == e || s[i+3] < '0' || s[i+3] > '9'
}

// shortSegment reports whether the letters starting at i run at most max
// bytes before a non-letter or e.
func shortSegment(s string, i, e, max int) bool {
	k := i
	for k < e && isASCIIAlnum(s[k]) {
		k++
	}
	return k-i <= max && (k == e || !isLetter(firstRune(s, k)))
}

func allLetters(s string) bool {
	for _, r := range s {
		if !isLetter(r) {
			return false
		}
	}
	return s != ""
}

// allLettersUntilBreak reports whether the segment at i is made of letters
// up to a non-word rune or e (so "Jomart" in Kassym-Jomart, not "Jomart2").
func allLettersUntilBreak(s string, i, e int) bool {
	for i < e {
		r, n := decode(s, i)
		if !isWordRune(r) {
			return true
		}
		if !isLetter(r) {
			return false
		}
		i += n
	}
	return true
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
