// Package table reads and writes the knowledge base's tables: UTF-8,
// tab-separated, one row a line, with a header line naming the columns.
// Generated tables are gzip-compressed and written deterministically (no
// time stamp or file name in the gzip header, rows sorted) so that the
// same input gives the same bytes. Hand-written tables may also hold
// comment lines starting with '#' and blank lines.
package table

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// Sep separates the values of a list inside one field.
const Sep = "|"

// Table is a header and its rows; every row has len(Header) fields.
type Table struct {
	Header []string
	Rows   [][]string
}

// WriteGzip writes t to w as gzip-compressed TSV with its rows sorted. It
// fails on a field holding a tab or a line break, or a row of the wrong
// width, rather than writing a table that would read back differently.
func WriteGzip(w io.Writer, t Table) error {
	if err := check(t); err != nil {
		return err
	}
	rows := slices.Clone(t.Rows)
	slices.SortFunc(rows, slices.Compare[[]string])
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	// The zero gzip.Header (no ModTime, no Name) keeps the output stable.
	var line bytes.Buffer
	writeLine := func(fields []string) error {
		line.Reset()
		for i, f := range fields {
			if i > 0 {
				line.WriteByte('\t')
			}
			line.WriteString(f)
		}
		line.WriteByte('\n')
		_, err := zw.Write(line.Bytes())
		return err
	}
	if err := writeLine(t.Header); err != nil {
		return err
	}
	for _, r := range rows {
		if err := writeLine(r); err != nil {
			return err
		}
	}
	return zw.Close()
}

func check(t Table) error {
	if len(t.Header) == 0 {
		return fmt.Errorf("table has no header")
	}
	for _, h := range t.Header {
		if strings.ContainsAny(h, "\t\r\n") || h == "" {
			return fmt.Errorf("bad column name %q", h)
		}
	}
	for i, r := range t.Rows {
		if len(r) != len(t.Header) {
			return fmt.Errorf("row %d has %d fields, want %d: %q", i+1, len(r), len(t.Header), r)
		}
		for _, f := range r {
			if strings.ContainsAny(f, "\t\r\n") {
				return fmt.Errorf("row %d: field %q holds a tab or line break", i+1, f)
			}
		}
	}
	return nil
}

// ReadGzip reads a table written by WriteGzip and checks that its header
// is want.
func ReadGzip(data []byte, want []string) (Table, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return Table{}, fmt.Errorf("gzip: %w", err)
	}
	// The trailer holds the uncompressed size (mod 2^32): one allocation
	// instead of ReadAll's doublings.
	var buf bytes.Buffer
	if n := len(data); n >= 4 {
		buf.Grow(int(binary.LittleEndian.Uint32(data[n-4:])) + bytes.MinRead)
	}
	if _, err := buf.ReadFrom(zr); err != nil {
		return Table{}, fmt.Errorf("gzip: %w", err)
	}
	return Parse(buf.String(), want)
}

// ReadGzipFile reads the table that WriteGzip wrote to path; errors name
// the file.
func ReadGzipFile(path string, want []string) (Table, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return Table{}, err
	}
	t, err := ReadGzip(raw, want)
	if err != nil {
		return Table{}, fmt.Errorf("%s: %w", path, err)
	}
	return t, nil
}

// Parse reads TSV text whose first line that is neither blank nor a
// comment is the header, and checks that header against want. Fields
// share the memory of text. Lines starting with '#' and blank lines are
// skipped.
func Parse(text string, want []string) (Table, error) {
	var t Table
	lineNo := 0
	for len(text) > 0 {
		var line string
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			line, text = text, ""
		}
		lineNo++
		line = strings.TrimSuffix(line, "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		if t.Header == nil {
			t.Header = strings.Split(line, "\t")
			if !slices.Equal(t.Header, want) {
				return Table{}, fmt.Errorf("line %d: header %q, want %q", lineNo, t.Header, want)
			}
			if t.Rows == nil {
				t.Rows = make([][]string, 0, strings.Count(text, "\n")+1)
			}
			continue
		}
		row := strings.Split(line, "\t")
		if len(row) != len(want) {
			return Table{}, fmt.Errorf("line %d: %d fields, want %d (%s)", lineNo, len(row), len(want), strings.Join(want, ", "))
		}
		t.Rows = append(t.Rows, row)
	}
	if t.Header == nil {
		return Table{}, fmt.Errorf("no header line, want %q", want)
	}
	return t, nil
}

// List splits a '|'-separated field into its values, dropping empty ones.
func List(field string) []string {
	if field == "" {
		return nil
	}
	parts := strings.Split(field, Sep)
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// JoinList joins values into one field, dropping empty values and
// repeats while keeping the first occurrence's place.
func JoinList(values []string) string {
	seen := make(map[string]bool, len(values))
	var out []string
	for _, v := range values {
		v = strings.TrimSpace(v)
		if v == "" || seen[v] {
			continue
		}
		seen[v] = true
		out = append(out, v)
	}
	return strings.Join(out, Sep)
}
