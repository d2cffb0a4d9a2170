package kb

import (
	"bufio"
	"bytes"
	"compress/bzip2"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/klauspost/compress/gzip"

	"tidings/kb/internal/jsonscan"
)

// ImportOptions configure ImportWikidata.
type ImportOptions struct {
	// Filter decides which entities are kept; the zero value means
	// DefaultWikidataFilter.
	Filter *WikidataFilter
	// Progress, if set, is called now and then with the bytes read so far
	// from the input files (compressed bytes, for compressed files).
	Progress func(read int64)
	// MaxBadNamed is how many bad lines the summary names (default 20);
	// all are counted.
	MaxBadNamed int
}

// ImportSummary reports an import.
type ImportSummary struct {
	Files         []string         `json:"files"`
	EntitiesRead  int64            `json:"entities_read"`
	Kept          int64            `json:"kept"`
	KeptByKind    map[string]int64 `json:"kept_by_kind"` // subtype, or kind where it has none
	NoEnglishName int64            `json:"skipped_no_english_name"`
	Duplicates    int64            `json:"skipped_duplicates"`
	BadLines      int64            `json:"bad_lines"`
	Bad           []BadLine        `json:"bad,omitempty"` // the first MaxBadNamed
	Bytes         int64            `json:"bytes"`         // read from the files
	JSONBytes     int64            `json:"json_bytes"`    // after decompression
	Names         int64            `json:"names"`         // distinct folded names indexed
	Out           string           `json:"out"`
	OutBytes      int64            `json:"out_bytes"`
	Seconds       float64          `json:"seconds"`
	JSONMBPerSec  float64          `json:"json_mb_per_second"`
}

// BadLine names a line that could not be read as an entity.
type BadLine struct {
	File  string `json:"file"`
	Line  int64  `json:"line"`
	Error string `json:"error"`
}

// maxLine is the longest entity line read; longer ones are bad lines.
// The largest entities of the real dump are a few megabytes.
const maxLine = 64 << 20

// maxDocument bounds a file read whole (an API-shaped entity document,
// not a dump).
const maxDocument = 256 << 20

// ImportWikidata reads Wikidata JSON (the official dumps, one entity per
// line inside [ ], plain, .gz or .bz2; or entity documents as the API
// returns them, bare or wrapped in {"entities": {...}}), keeps the
// entities that news needs (WikidataFilter, wikidataClasses), and writes
// a knowledge-base file to out that LoadWith loads on top of the
// embedded tables. An input may be a directory: its .json, .ndjson and
// .jsonl files (optionally .gz or .bz2) are read, recursively, in name
// order. Reading streams with a buffer as large as the longest line;
// bad lines are counted and named in the summary, never fatal. The file
// is written under a temporary name and renamed when complete.
func ImportWikidata(ctx context.Context, inputs []string, out string, opt ImportOptions) (ImportSummary, error) {
	start := time.Now()
	sum := ImportSummary{Out: out, KeptByKind: map[string]int64{}}
	if opt.MaxBadNamed == 0 {
		opt.MaxBadNamed = 20
	}
	filter := DefaultWikidataFilter
	if opt.Filter != nil {
		filter = *opt.Filter
	}
	paths, err := importFiles(inputs)
	if err != nil {
		return sum, err
	}
	sum.Files = paths
	embedded, err := Load()
	if err != nil {
		return sum, err
	}
	countries := map[uint32]string{}
	for i := range embedded.entries {
		if e := &embedded.entries[i]; e.Kind == KindCountry && e.Wikidata != "" {
			if q, ok := qidNumber(e.Wikidata); ok {
				countries[q] = e.ID
			}
		}
	}
	w, err := newFileWriter(out)
	if err != nil {
		return sum, err
	}
	im := importer{
		ctx: ctx, filter: filter, countries: countries, w: w, sum: &sum,
		maxBad: opt.MaxBadNamed, progress: opt.Progress, kept: bitset{},
	}
	for _, path := range paths {
		if err := im.file(path); err != nil {
			w.abort()
			return sum, err
		}
	}
	meta, _ := json.Marshal(map[string]any{
		"format": "tidings knowledge base 1", "source": SourceWikidataDump, "files": paths,
		"filter": filter, "entities": sum.Kept, "made": time.Now().UTC().Format(time.RFC3339),
	})
	if sum.Names, _, err = w.finish(meta); err != nil {
		return sum, fmt.Errorf("writing %s: %w", out, err)
	}
	if st, err := os.Stat(out); err == nil {
		sum.OutBytes = st.Size()
	}
	sum.Seconds = time.Since(start).Seconds()
	if sum.Seconds > 0 {
		sum.JSONMBPerSec = float64(sum.JSONBytes) / 1e6 / sum.Seconds
	}
	return sum, nil
}

// importFiles expands directories into the files they hold.
func importFiles(inputs []string) ([]string, error) {
	if len(inputs) == 0 {
		return nil, errors.New("no input files")
	}
	var out []string
	for _, in := range inputs {
		st, err := os.Stat(in)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			out = append(out, in)
			continue
		}
		var found []string
		err = filepath.WalkDir(in, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.Type().IsRegular() && isJSONName(d.Name()) {
				found = append(found, p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("%s: no .json, .ndjson or .jsonl files (optionally .gz or .bz2)", in)
		}
		slices.Sort(found)
		out = append(out, found...)
	}
	return out, nil
}

func isJSONName(name string) bool {
	name = strings.TrimSuffix(strings.TrimSuffix(name, ".gz"), ".bz2")
	return strings.HasSuffix(name, ".json") || strings.HasSuffix(name, ".ndjson") || strings.HasSuffix(name, ".jsonl")
}

// importer carries the state of one import across files.
type importer struct {
	ctx       context.Context
	filter    WikidataFilter
	countries map[uint32]string
	w         *fileWriter
	sum       *ImportSummary
	maxBad    int
	progress  func(int64)
	parser    wdParser
	kept      bitset // QIDs written, to skip duplicates
	line      []byte
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r        io.Reader
	n        *int64
	progress func(int64)
	last     int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	*c.n += int64(n)
	if c.progress != nil && *c.n-c.last >= 1<<20 {
		c.last = *c.n
		c.progress(*c.n)
	}
	return n, err
}

// file imports one file, detecting compression by its first bytes.
func (im *importer) file(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	raw := bufio.NewReaderSize(&countingReader{r: f, n: &im.sum.Bytes, progress: im.progress}, 256<<10)
	magic, _ := raw.Peek(3)
	var r io.Reader = raw
	switch {
	case len(magic) >= 2 && magic[0] == 0x1f && magic[1] == 0x8b:
		gz, err := gzip.NewReader(raw)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		gz.Multistream(true) // dumps may be concatenated gzip members
		r = gz
	case string(magic) == "BZh":
		r = bzip2.NewReader(raw)
	}
	br := bufio.NewReaderSize(&countingReader{r: r, n: &im.sum.JSONBytes}, 1<<20)
	if err := im.stream(path, br); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if im.progress != nil {
		im.progress(im.sum.Bytes)
	}
	return nil
}

// stream reads entities from r: a dump ("[" then one entity per line,
// each but the last followed by a comma, then "]"), JSON lines, or one
// document holding one entity or {"entities": {id: entity, ...}}.
func (im *importer) stream(path string, r *bufio.Reader) error {
	var lineNo int64
	first := true
	for {
		line, err := im.readLine(r)
		if len(line) > 0 || err == nil {
			lineNo++
		}
		if err != nil && err != io.EOF && !errors.Is(err, errLineTooLong) {
			return fmt.Errorf("line %d: %w", lineNo, err)
		}
		if errors.Is(err, errLineTooLong) {
			im.bad(path, lineNo, err)
			continue
		}
		t := bytes.TrimSpace(line)
		if first && len(t) > 0 && t[0] == '{' && !completeValue(t) {
			// A pretty-printed document: read it whole.
			return im.document(path, r, line)
		}
		if len(t) > 0 {
			first = false
		}
		t = bytes.TrimSuffix(t, []byte{','})
		switch {
		case len(t) == 0, len(t) == 1 && (t[0] == '[' || t[0] == ']'):
		default:
			im.entity(path, lineNo, t)
		}
		if err == io.EOF {
			return nil
		}
		if lineNo%1024 == 0 {
			if err := im.ctx.Err(); err != nil {
				return err
			}
		}
	}
}

// completeValue reports whether b is one whole JSON value.
func completeValue(b []byte) bool {
	s := jsonscan.New(bytes.TrimSuffix(b, []byte{','}))
	s.Skip()
	return s.Err() == nil && s.AtEnd()
}

var errLineTooLong = fmt.Errorf("line longer than %d MB", maxLine>>20)

// readLine returns the next line without its newline. The slice is valid
// until the next call.
func (im *importer) readLine(r *bufio.Reader) ([]byte, error) {
	b, err := r.ReadSlice('\n')
	if err == nil || err == io.EOF {
		return bytes.TrimSuffix(b, []byte{'\n'}), err
	}
	if err != bufio.ErrBufferFull {
		return nil, err
	}
	im.line = append(im.line[:0], b...)
	for {
		b, err = r.ReadSlice('\n')
		if len(im.line)+len(b) > maxLine {
			// Drop the rest of the line.
			for err == bufio.ErrBufferFull {
				_, err = r.ReadSlice('\n')
			}
			if err != nil && err != io.EOF {
				return nil, err
			}
			im.line = im.line[:0]
			if cap(im.line) > 4*maxLine {
				im.line = nil
			}
			return nil, errLineTooLong
		}
		im.line = append(im.line, b...)
		if err != bufio.ErrBufferFull {
			if err != nil && err != io.EOF {
				return nil, err
			}
			return bytes.TrimSuffix(im.line, []byte{'\n'}), err
		}
	}
}

// document reads the rest of a file as one JSON document: an entity, or
// the API's {"entities": {...}} wrapper.
func (im *importer) document(path string, r *bufio.Reader, head []byte) error {
	doc := append([]byte(nil), head...)
	doc = append(doc, '\n')
	rest, err := io.ReadAll(io.LimitReader(r, maxDocument+1))
	if err != nil {
		return err
	}
	if len(doc)+len(rest) > maxDocument {
		return fmt.Errorf("a JSON document (not a dump) larger than %d MB", maxDocument>>20)
	}
	doc = append(doc, rest...)
	im.entity(path, 1, doc)
	return nil
}

// wrapped reads the API's {"entities": {id: entity, ...}} and reports
// whether b was that.
func (im *importer) wrapped(path string, line int64, b []byte) bool {
	s := jsonscan.New(b)
	var entities []byte
	s.Object(func(k []byte) bool {
		v := s.Skip()
		if string(k) == "entities" && len(v) > 0 && v[0] == '{' {
			entities = v
		}
		return true
	})
	if s.Err() != nil || !s.AtEnd() || entities == nil {
		return false
	}
	s.Reset(entities)
	var values [][]byte
	s.Object(func([]byte) bool {
		values = append(values, s.Skip())
		return true
	})
	if s.Err() != nil {
		return false
	}
	for _, v := range values {
		im.entity(path, line, v) // parsing reuses the scanner s is not
	}
	return true
}

// entity reads, filters and writes one entity.
func (im *importer) entity(path string, line int64, b []byte) {
	p := &im.parser
	if err := p.parse(b); err != nil {
		if errors.Is(err, errNoID) && im.wrapped(path, line, b) {
			return
		}
		im.bad(path, line, err)
		return
	}
	im.sum.EntitiesRead++
	class, keep := im.filter.classify(p)
	if !keep {
		return
	}
	q, ok := parseQID(p.id)
	if !ok {
		im.bad(path, line, fmt.Errorf("id %.40q is not a QID", p.id))
		return
	}
	if im.kept.has(q) {
		im.sum.Duplicates++
		return
	}
	e, err := p.entity()
	if err != nil {
		im.bad(path, line, err)
		return
	}
	en, ok := wikidataEntry(&e, class, im.countries)
	if !ok {
		im.sum.NoEnglishName++
		return
	}
	fe := fileEntry{Entry: en, positions: e.Positions, prominence: prominence(en.Sitelinks, len(e.Positions))}
	if err := im.w.add(&fe, q); err != nil {
		im.bad(path, line, fmt.Errorf("writing: %w", err))
		return
	}
	im.kept.set(q)
	im.sum.Kept++
	im.sum.KeptByKind[cmpString(en.Subtype, en.Kind)]++
}

// prominence is an imported entity's prior for Lookup's order: its
// sitelinks (how many Wikipedias and sister projects have a page on it),
// plus two per position held, up to ten positions.
func prominence(sitelinks, positions int) uint32 {
	return uint32(min(sitelinks, 1<<30) + 2*min(positions, 10))
}

func cmpString(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func (im *importer) bad(path string, line int64, err error) {
	im.sum.BadLines++
	if len(im.sum.Bad) < im.maxBad {
		msg := err.Error()
		if len(msg) > 200 {
			msg = msg[:200] + "..."
		}
		im.sum.Bad = append(im.sum.Bad, BadLine{File: path, Line: line, Error: msg})
	}
}

// bitset is a set of QID numbers, in pages of 65,536 allocated as
// needed: today's QIDs (up to about 130 million) take 16 MB at most.
type bitset map[uint32]*[1024]uint64

func (b bitset) has(q uint32) bool {
	page := b[q>>16]
	return page != nil && page[q>>6&1023]&(1<<(q&63)) != 0
}

func (b bitset) set(q uint32) {
	page := b[q>>16]
	if page == nil {
		page = new([1024]uint64)
		b[q>>16] = page
	}
	page[q>>6&1023] |= 1 << (q & 63)
}
