// Package jsonscan reads chosen fields out of a JSON document without
// decoding the rest. A Wikidata entity line is tens of kilobytes, most of
// it claims that the importer skips: skipping a value here is a scan for
// brackets and quotes (strings are crossed with bytes.IndexByte), with no
// allocation, which is several times faster than encoding/json decoding
// into a narrow struct (see kb's BenchmarkParseWikidataEntity).
//
// The scanner is strict where it reads and lenient where it skips: a
// skipped value is only checked for balanced brackets and closed strings,
// not for valid numbers or literals.
package jsonscan

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
)

// maxDepth bounds nesting, so that a hostile line cannot exhaust the
// stack of a recursive reader (skipping itself is iterative).
const maxDepth = 1000

// Scanner walks one JSON document held in memory.
type Scanner struct {
	buf []byte
	pos int
	err error
}

// New returns a scanner over b, which must not change while it is read.
func New(b []byte) *Scanner { return &Scanner{buf: b} }

// Reset makes s scan b from the start.
func (s *Scanner) Reset(b []byte) { s.buf, s.pos, s.err = b, 0, nil }

// Err is the first error met, nil if none.
func (s *Scanner) Err() error { return s.err }

// Pos is the offset of the next unread byte.
func (s *Scanner) Pos() int { return s.pos }

func (s *Scanner) fail(format string, args ...any) {
	if s.err == nil {
		s.err = fmt.Errorf("offset %d: %s", s.pos, fmt.Sprintf(format, args...))
	}
	s.pos = len(s.buf)
}

func (s *Scanner) ws() {
	for s.pos < len(s.buf) {
		switch s.buf[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

// Peek returns the first byte of the next value (after white space), or 0
// at the end or after an error.
func (s *Scanner) Peek() byte {
	s.ws()
	if s.err != nil || s.pos >= len(s.buf) {
		return 0
	}
	return s.buf[s.pos]
}

// AtEnd reports whether only white space is left.
func (s *Scanner) AtEnd() bool {
	s.ws()
	return s.pos >= len(s.buf)
}

func (s *Scanner) expect(c byte) bool {
	s.ws()
	if s.err != nil {
		return false
	}
	if s.pos >= len(s.buf) {
		s.fail("unexpected end, want %q", c)
		return false
	}
	if s.buf[s.pos] != c {
		s.fail("found %q, want %q", s.buf[s.pos], c)
		return false
	}
	s.pos++
	return true
}

// String reads a string and returns its raw contents, escapes left as
// written (see Unescape), and whether it has any.
func (s *Scanner) String() (raw []byte, escaped bool) {
	if !s.expect('"') {
		return nil, false
	}
	end, ok := stringEnd(s.buf, s.pos-1)
	if !ok {
		s.fail("unterminated string")
		return nil, false
	}
	raw = s.buf[s.pos : end-1]
	s.pos = end
	return raw, bytes.IndexByte(raw, '\\') >= 0
}

// Object calls field for each key of the object that starts here; field
// must consume the key's value (or call Skip). It stops at the first
// error, or when field returns false.
func (s *Scanner) Object(field func(key []byte) bool) {
	if !s.expect('{') {
		return
	}
	if s.Peek() == '}' {
		s.pos++
		return
	}
	for s.err == nil {
		key, _ := s.String()
		if !s.expect(':') {
			return
		}
		if !field(key) {
			return
		}
		s.ws()
		if s.err != nil {
			return
		}
		if s.pos >= len(s.buf) {
			s.fail("unterminated object")
			return
		}
		switch s.buf[s.pos] {
		case ',':
			s.pos++
		case '}':
			s.pos++
			return
		default:
			s.fail("found %q in an object, want ',' or '}'", s.buf[s.pos])
			return
		}
	}
}

// Array calls elem for each element of the array that starts here; elem
// must consume the element (or call Skip).
func (s *Scanner) Array(elem func() bool) {
	if !s.expect('[') {
		return
	}
	if s.Peek() == ']' {
		s.pos++
		return
	}
	for s.err == nil {
		if !elem() {
			return
		}
		s.ws()
		if s.err != nil {
			return
		}
		if s.pos >= len(s.buf) {
			s.fail("unterminated array")
			return
		}
		switch s.buf[s.pos] {
		case ',':
			s.pos++
		case ']':
			s.pos++
			return
		default:
			s.fail("found %q in an array, want ',' or ']'", s.buf[s.pos])
			return
		}
	}
}

// Skip passes over one value of any kind and returns its bytes.
func (s *Scanner) Skip() []byte {
	s.ws()
	if s.err != nil {
		return nil
	}
	if s.pos >= len(s.buf) {
		s.fail("unexpected end, want a value")
		return nil
	}
	start := s.pos
	switch c := s.buf[s.pos]; c {
	case '"':
		s.String()
	case '{', '[':
		s.skipNested()
	default:
		// A number or a literal: up to the next delimiter.
		for s.pos < len(s.buf) {
			switch s.buf[s.pos] {
			case ',', '}', ']', ' ', '\t', '\n', '\r':
				goto done
			case '{', '[', '"', ':':
				s.fail("unexpected %q", s.buf[s.pos])
				return nil
			}
			s.pos++
		}
	done:
		if s.pos == start {
			s.fail("unexpected %q, want a value", c)
			return nil
		}
	}
	if s.err != nil {
		return nil
	}
	return s.buf[start:s.pos]
}

// structural marks the bytes skipNested stops at.
var structural = [256]bool{'"': true, '{': true, '}': true, '[': true, ']': true}

// skipNested passes over an object or array, iteratively, checking that
// brackets pair up and strings close. It is the importer's hot loop.
func (s *Scanner) skipNested() {
	var stack [64]byte // the open brackets, deeper ones are only counted
	depth := 0
	b := s.buf
	i := s.pos
	for i < len(b) {
		c := b[i]
		if !structural[c] {
			i++
			continue
		}
		switch c {
		case '"':
			end, ok := stringEnd(b, i)
			if !ok {
				s.pos = i
				s.fail("unterminated string")
				return
			}
			i = end
			continue
		case '{', '[':
			if depth >= maxDepth {
				s.pos = i
				s.fail("nested deeper than %d", maxDepth)
				return
			}
			if depth < len(stack) {
				stack[depth] = c
			}
			depth++
		case '}', ']':
			if depth == 0 {
				s.pos = i
				s.fail("unbalanced %q", c)
				return
			}
			depth--
			if depth < len(stack) {
				open := stack[depth]
				if open == '{' && c != '}' || open == '[' && c != ']' {
					s.pos = i
					s.fail("%q closed by %q", open, c)
					return
				}
			}
			if depth == 0 {
				s.pos = i + 1
				return
			}
		}
		i++
	}
	s.pos = i
	s.fail("unterminated object or array")
}

// stringEnd returns the offset just past the string that starts with the
// quote at b[i]. Short strings, the most frequent in Wikidata's claims,
// are scanned byte by byte; longer ones with bytes.IndexByte.
func stringEnd(b []byte, i int) (int, bool) {
	start := i + 1
	j := start
	for {
		lim := min(len(b), j+16)
		for j < lim && b[j] != '"' {
			j++
		}
		if j == lim {
			if j >= len(b) {
				return 0, false
			}
			k := bytes.IndexByte(b[j:], '"')
			if k < 0 {
				return 0, false
			}
			j += k
		}
		// The quote is escaped if an odd number of backslashes precede it.
		n := 0
		for k := j - 1; k >= start && b[k] == '\\'; k-- {
			n++
		}
		if n%2 == 0 {
			return j + 1, true
		}
		j++
	}
}

// Number reads a JSON number (or a string holding one, as Wikidata writes
// quantities: "+3748148") as an integer, truncating any fraction. ok is
// false if the value is neither.
func (s *Scanner) Number() (n int64, ok bool) {
	var raw []byte
	if s.Peek() == '"' {
		raw, _ = s.String()
	} else {
		raw = s.Skip()
	}
	return ParseInt(raw)
}

// ParseInt reads an optionally signed decimal integer that may have a
// fraction or exponent-free decimals ("+1234.5" is 1234). It rejects
// anything else and values beyond ±2^62.
func ParseInt(b []byte) (int64, bool) {
	neg := false
	if len(b) > 0 && (b[0] == '+' || b[0] == '-') {
		neg = b[0] == '-'
		b = b[1:]
	}
	if len(b) == 0 {
		return 0, false
	}
	var n int64
	i := 0
	for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		if n > 1<<62/10 {
			return 0, false
		}
		n = n*10 + int64(b[i]-'0')
	}
	if i == 0 {
		return 0, false
	}
	if i < len(b) {
		if b[i] != '.' {
			return 0, false
		}
		for j := i + 1; j < len(b); j++ {
			if b[j] < '0' || b[j] > '9' {
				return 0, false
			}
		}
	}
	if neg {
		n = -n
	}
	return n, true
}

// ErrBadEscape reports a malformed escape in a string.
var ErrBadEscape = errors.New("bad escape in string")

// Unescape appends the decoded form of a string's raw contents to dst.
// Invalid UTF-8 and lone surrogates become U+FFFD, as encoding/json does.
func Unescape(dst, raw []byte) ([]byte, error) {
	for len(raw) > 0 {
		i := bytes.IndexByte(raw, '\\')
		if i < 0 {
			return appendValid(dst, raw), nil
		}
		dst = appendValid(dst, raw[:i])
		raw = raw[i:]
		if len(raw) < 2 {
			return dst, ErrBadEscape
		}
		switch c := raw[1]; c {
		case '"', '\\', '/':
			dst = append(dst, c)
			raw = raw[2:]
		case 'b':
			dst, raw = append(dst, '\b'), raw[2:]
		case 'f':
			dst, raw = append(dst, '\f'), raw[2:]
		case 'n':
			dst, raw = append(dst, '\n'), raw[2:]
		case 'r':
			dst, raw = append(dst, '\r'), raw[2:]
		case 't':
			dst, raw = append(dst, '\t'), raw[2:]
		case 'u':
			r, ok := hex4(raw[2:])
			if !ok {
				return dst, ErrBadEscape
			}
			raw = raw[6:]
			if utf16.IsSurrogate(r) {
				r2 := rune(-1)
				if len(raw) >= 6 && raw[0] == '\\' && raw[1] == 'u' {
					if v, ok := hex4(raw[2:]); ok {
						r2 = v
					}
				}
				if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
					r = d
					raw = raw[6:]
				} else {
					r = utf8.RuneError
				}
			}
			dst = utf8.AppendRune(dst, r)
		default:
			return dst, ErrBadEscape
		}
	}
	return dst, nil
}

func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

// appendValid appends b with invalid UTF-8 replaced by U+FFFD.
func appendValid(dst, b []byte) []byte {
	if utf8.Valid(b) {
		return append(dst, b...)
	}
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			dst = utf8.AppendRune(dst, utf8.RuneError)
		} else {
			dst = append(dst, b[:n]...)
		}
		b = b[n:]
	}
	return dst
}
