package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"unicode/utf8"
)

// readCases reads a test set of JSON Lines, one case a non-blank line,
// refusing text that is not UTF-8 and unknown fields; check validates
// each case with its line number (an error names neither: readCases adds
// name and line) and id returns its id, which must be unique. what names
// the cases in the error for an empty set ("articles").
func readCases[T any](r io.Reader, name, what string, check func(c *T, line int) error, id func(*T) string) ([]T, error) {
	var cases []T
	ids := map[string]int{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	for line := 1; sc.Scan(); line++ {
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		if !utf8.Valid(b) {
			return nil, fmt.Errorf("%s:%d: not UTF-8 text", name, line)
		}
		var c T
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&c); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		if err := check(&c, line); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		if prev, ok := ids[id(&c)]; ok {
			return nil, fmt.Errorf("%s:%d: id %s already on line %d", name, line, id(&c), prev)
		}
		ids[id(&c)] = line
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(cases) == 0 {
		return nil, fmt.Errorf("%s: no %s", name, what)
	}
	return cases, nil
}
