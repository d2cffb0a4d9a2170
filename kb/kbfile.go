package kb

import (
	"bufio"
	"bytes"
	"cmp"
	"container/heap"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"
)

// The knowledge-base file written by `tidings kb import` and read by
// --kb FILE and $TIDINGS_KB on top of the embedded tables. It is built to
// be mapped into memory and searched in place, so that a file of millions
// of entities opens in milliseconds and costs only the pages a lookup
// touches, with no Go map or string per entity:
//
//	header   8-byte magic "TIDKBv1\n", then little-endian uint64s:
//	         entities, names, postings, and (offset, length) of each section
//	records  one record per entity, in the order written (see encodeRecord)
//	qids     uint32 per entity: the QID numbers, ascending
//	recoffs  uint64 per entity: where its record starts in records
//	nameoffs uint64 per folded name, plus one: where it starts in names
//	names    the distinct folded names (Fold), ascending bytewise, concatenated
//	poststart uint32 per folded name, plus one: where its postings start
//	postings uint32 QID numbers, per name most prominent first
//	meta     JSON: how the file was made (sources, filter, counts)
//
// Get(id) is a binary search of qids; Lookup(name) a binary search of the
// names, then a Get per posting.
const fileMagic = "TIDKBv1\n"

const (
	secRecords = iota
	secQIDs
	secRecOffs
	secNameOffs
	secNames
	secPostStart
	secPostings
	secMeta
	numSections
)

const headerSize = len(fileMagic) + 3*8 + numSections*16

// maxPostings bounds the entities one folded name lists: "John Smith"
// has hundreds of namesakes, and Lookup decodes every one it returns. The
// most prominent are kept.
const maxPostings = 64

// IsKBFile reports whether the file at path is a knowledge-base file
// written by ImportWikidata (rather than a tab-separated extension).
func IsKBFile(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	var b [len(fileMagic)]byte
	_, err = io.ReadFull(f, b[:])
	return err == nil && string(b[:]) == fileMagic
}

// kindCodes are the kinds a record can hold, by code.
var kindCodes = []string{KindPerson, KindOrganisation, KindBody, KindCity, KindMedia, KindRegion, KindCountry}

// fileEntry is what the writer stores of an entity.
type fileEntry struct {
	Entry
	positions  []WikidataPosition
	prominence uint32 // sitelinks, plus a bonus per position held
}

// encodeRecord appends an entry's record:
//
//	uvarint QID number, byte kind code, byte flags (flagTitleIsName),
//	strings (uvarint length, bytes): subtype, country, name, description,
//	Wikipedia title ("" when it is the name), then uvarints sitelinks, population, born, the aliases
//	(count, strings) and the positions held (count, then QID number and
//	the packed start and end dates, yyyymmdd, 0 for an open end).
func encodeRecord(b []byte, e *fileEntry, qid uint32) []byte {
	b = binary.AppendUvarint(b, uint64(qid))
	b = append(b, byte(slices.Index(kindCodes, e.Kind)))
	title, flags := e.Wikipedia, byte(0)
	if title == e.Name {
		title, flags = "", flagTitleIsName
	}
	b = append(b, flags)
	for _, s := range []string{e.Subtype, e.Country, e.Name, e.Description, title} {
		b = appendString(b, s)
	}
	b = binary.AppendUvarint(b, uint64(e.Sitelinks))
	b = binary.AppendUvarint(b, uint64(e.Population))
	b = binary.AppendUvarint(b, uint64(e.Born))
	b = binary.AppendUvarint(b, uint64(len(e.Aliases)))
	for _, a := range e.Aliases {
		b = appendString(b, a)
	}
	b = binary.AppendUvarint(b, uint64(len(e.positions)))
	for _, p := range e.positions {
		b = binary.AppendUvarint(b, uint64(p.Position))
		b = binary.AppendUvarint(b, uint64(packDate(p.From)))
		b = binary.AppendUvarint(b, uint64(packDate(p.Until)))
	}
	return b
}

// flagTitleIsName marks a record whose English Wikipedia title is its name.
const flagTitleIsName = 1

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func packDate(t time.Time) uint32 {
	if t.IsZero() {
		return 0
	}
	y, m, d := t.Date()
	return uint32(y*10000 + int(m)*100 + d)
}

func unpackDate(v uint64) time.Time {
	if v == 0 || v > 99991231 {
		return time.Time{}
	}
	y, m, d := int(v/10000), int(v/100%100), int(v%100)
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
}

// recordReader decodes a record, with every read bounds-checked: a
// damaged file gives an error, never a panic.
type recordReader struct {
	b   []byte
	err error
}

func (r *recordReader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errors.New("bad varint")
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *recordReader) byte() byte {
	if r.err != nil || len(r.b) == 0 {
		r.err = cmp.Or(r.err, errors.New("record cut short"))
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *recordReader) string() string {
	n := r.uvarint()
	if r.err != nil {
		return ""
	}
	if n > uint64(len(r.b)) {
		r.err = errors.New("string runs past the record")
		return ""
	}
	s := string(r.b[:n]) // a copy: the file's memory may be unmapped later
	r.b = r.b[n:]
	return s
}

// count reads a list length, refusing one the rest of the record cannot
// hold (each element takes at least a byte).
func (r *recordReader) count() int {
	n := r.uvarint()
	if n > uint64(len(r.b)) {
		r.err = cmp.Or(r.err, errors.New("bad list length"))
		return 0
	}
	return int(n)
}

// decodeRecord reads the entry and roles of a record.
func decodeRecord(b []byte) (Entry, []Role, error) {
	r := recordReader{b: b}
	qid := r.uvarint()
	kind := int(r.byte())
	flags := r.byte()
	e := Entry{Source: SourceWikidataDump}
	e.Subtype, e.Country, e.Name, e.Description, e.Wikipedia = r.string(), r.string(), r.string(), r.string(), r.string()
	e.Sitelinks, e.Population, e.Born = int(r.uvarint()), int(r.uvarint()), int(r.uvarint())
	if n := r.count(); n > 0 {
		e.Aliases = make([]string, n)
		for i := range e.Aliases {
			e.Aliases[i] = r.string()
		}
	}
	var roles []Role
	if n := r.count(); n > 0 {
		roles = make([]Role, n)
		for i := range roles {
			pos, from, until := r.uvarint(), r.uvarint(), r.uvarint()
			roles[i] = Role{Role: "Q" + strconv.FormatUint(pos, 10), Note: "position held (P39)", From: unpackDate(from), Until: unpackDate(until)}
		}
	}
	if r.err != nil {
		return Entry{}, nil, r.err
	}
	if kind >= len(kindCodes) || qid == 0 || qid >= 1<<32 || e.Name == "" {
		return Entry{}, nil, errors.New("bad record")
	}
	e.ID = "Q" + strconv.FormatUint(qid, 10)
	e.Wikidata = e.ID
	e.Kind = kindCodes[kind]
	switch e.Kind {
	case KindPerson:
		e.Type = TypePER
	case KindCity, KindRegion, KindCountry:
		e.Type = TypeLOC
	default:
		e.Type = TypeORG
	}
	if flags&flagTitleIsName != 0 {
		e.Wikipedia = e.Name
	}
	for i := range roles {
		roles[i].Person = e.ID
	}
	return e, roles, nil
}

// fileWriter builds a knowledge-base file. Records stream to a temporary
// file as they come; the (qid, offset) pairs stay in memory (12 bytes an
// entity); the folded names are sorted in bounded chunks spilled to
// temporary runs and merged at the end, so that memory does not grow
// with the names of millions of entities.
type fileWriter struct {
	path, dir string
	records   *os.File
	recBuf    *bufio.Writer
	recLen    uint64
	qids      []uint32
	offs      []uint64
	scratch   []byte

	chunk      []byte    // name records of the current chunk
	chunkRefs  []nameRef // their positions in chunk
	chunkLimit int
	runs       []string
	names      int64      // name records written
	open       []*os.File // finish's section files, closed by abort
}

type nameRef struct {
	off, len   uint32
	prominence uint32
	qid        uint32
}

func newFileWriter(path string) (*fileWriter, error) {
	dir, err := os.MkdirTemp(filepath.Dir(path), ".kbimport-")
	if err != nil {
		return nil, fmt.Errorf("creating a temporary directory beside %s: %w", path, err)
	}
	rec, err := os.Create(filepath.Join(dir, "records"))
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return &fileWriter{path: path, dir: dir, records: rec, recBuf: bufio.NewWriterSize(rec, 1<<20), chunkLimit: 32 << 20}, nil
}

// abort closes and removes what the writer made (finish's temporary
// files too).
func (w *fileWriter) abort() {
	w.records.Close()
	for _, f := range w.open {
		f.Close()
	}
	os.RemoveAll(w.dir)
}

// add writes one entity; its folded names go to the name index.
func (w *fileWriter) add(e *fileEntry, qid uint32) error {
	w.scratch = encodeRecord(w.scratch[:0], e, qid)
	if _, err := w.recBuf.Write(w.scratch); err != nil {
		return err
	}
	w.qids = append(w.qids, qid)
	w.offs = append(w.offs, w.recLen)
	w.recLen += uint64(len(w.scratch))
	var seen [maxAliases + 2]string
	n := 0
	for _, name := range e.Names() {
		f := Fold(name)
		if f == "" || len(f) > 1<<16 || slices.Contains(seen[:n], f) {
			continue
		}
		if n < len(seen) {
			seen[n] = f
			n++
		}
		w.chunkRefs = append(w.chunkRefs, nameRef{off: uint32(len(w.chunk)), len: uint32(len(f)), prominence: e.prominence, qid: qid})
		w.chunk = append(w.chunk, f...)
		w.names++
	}
	if len(w.chunk)+16*len(w.chunkRefs) > w.chunkLimit {
		return w.spill()
	}
	return nil
}

// nameOrder orders name records: by name, then most prominent first, then
// by QID.
func nameOrder(an []byte, a nameRef, bn []byte, b nameRef) int {
	if c := bytes.Compare(an, bn); c != 0 {
		return c
	}
	if a.prominence != b.prominence {
		return cmp.Compare(b.prominence, a.prominence)
	}
	return cmp.Compare(a.qid, b.qid)
}

// spill sorts the current chunk of names and writes it as a run.
func (w *fileWriter) spill() error {
	if len(w.chunkRefs) == 0 {
		return nil
	}
	c := w.chunk
	slices.SortFunc(w.chunkRefs, func(a, b nameRef) int {
		return nameOrder(c[a.off:a.off+a.len], a, c[b.off:b.off+b.len], b)
	})
	path := filepath.Join(w.dir, fmt.Sprintf("names-%d", len(w.runs)))
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	var b []byte
	for _, r := range w.chunkRefs {
		b = binary.AppendUvarint(b[:0], uint64(r.len))
		b = append(b, c[r.off:r.off+r.len]...)
		b = binary.LittleEndian.AppendUint32(b, r.prominence)
		b = binary.LittleEndian.AppendUint32(b, r.qid)
		bw.Write(b)
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	w.runs = append(w.runs, path)
	w.chunk, w.chunkRefs = w.chunk[:0], w.chunkRefs[:0]
	return nil
}

// runReader reads one sorted run of name records.
type runReader struct {
	r    *bufio.Reader
	f    *os.File
	name []byte
	ref  nameRef
}

func (r *runReader) next() (bool, error) {
	n, err := binary.ReadUvarint(r.r)
	if err == io.EOF {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if cap(r.name) < int(n)+8 {
		r.name = make([]byte, n+8)
	}
	r.name = r.name[:n+8]
	if _, err := io.ReadFull(r.r, r.name); err != nil {
		return false, err
	}
	r.ref.prominence = binary.LittleEndian.Uint32(r.name[n:])
	r.ref.qid = binary.LittleEndian.Uint32(r.name[n+4:])
	r.name = r.name[:n]
	return true, nil
}

type runHeap []*runReader

func (h runHeap) Len() int { return len(h) }
func (h runHeap) Less(i, j int) bool {
	return nameOrder(h[i].name, h[i].ref, h[j].name, h[j].ref) < 0
}
func (h runHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *runHeap) Push(x any)   { *h = append(*h, x.(*runReader)) }
func (h *runHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// sectionFile is one section being written to its own temporary file.
type sectionFile struct {
	f  *os.File
	w  *bufio.Writer
	n  uint64
	le [8]byte
}

func (w *fileWriter) section(name string) (*sectionFile, error) {
	f, err := os.Create(filepath.Join(w.dir, name))
	if err != nil {
		return nil, err
	}
	w.open = append(w.open, f)
	return &sectionFile{f: f, w: bufio.NewWriterSize(f, 1<<20)}, nil
}

func (s *sectionFile) write(b []byte) {
	s.w.Write(b)
	s.n += uint64(len(b))
}

func (s *sectionFile) u32(v uint32) {
	binary.LittleEndian.PutUint32(s.le[:4], v)
	s.write(s.le[:4])
}

func (s *sectionFile) u64(v uint64) {
	binary.LittleEndian.PutUint64(s.le[:], v)
	s.write(s.le[:])
}

// finish writes the file: the name index from the merged runs, the id
// index, then every section after the header, to a temporary name that
// is renamed over path once complete.
func (w *fileWriter) finish(meta []byte) (names, postings int64, err error) {
	defer w.abort()
	if err := w.recBuf.Flush(); err != nil {
		return 0, 0, fmt.Errorf("writing records: %w", err)
	}
	if err := w.spill(); err != nil {
		return 0, 0, fmt.Errorf("sorting names: %w", err)
	}
	w.chunk, w.chunkRefs = nil, nil

	// The name index: merge the runs, one entry per distinct name.
	nameOffs, err := w.section("nameoffs")
	if err != nil {
		return 0, 0, err
	}
	nameBlob, err := w.section("names")
	if err != nil {
		return 0, 0, err
	}
	postStart, err := w.section("poststart")
	if err != nil {
		return 0, 0, err
	}
	posts, err := w.section("postings")
	if err != nil {
		return 0, 0, err
	}
	h := runHeap{}
	for _, path := range w.runs {
		f, err := os.Open(path)
		if err != nil {
			return 0, 0, err
		}
		w.open = append(w.open, f)
		r := &runReader{r: bufio.NewReaderSize(f, 256<<10), f: f}
		ok, err := r.next()
		if err != nil {
			return 0, 0, fmt.Errorf("reading %s: %w", path, err)
		}
		if ok {
			h = append(h, r)
		}
	}
	heap.Init(&h)
	var last []byte
	var lastQID uint32
	inName := 0
	for h.Len() > 0 {
		r := h[0]
		if names == 0 || !bytes.Equal(r.name, last) {
			nameOffs.u64(nameBlob.n)
			postStart.u32(uint32(postings))
			nameBlob.write(r.name)
			last = append(last[:0], r.name...)
			names++
			inName, lastQID = 0, 0
		}
		if inName < maxPostings && r.ref.qid != lastQID {
			posts.u32(r.ref.qid)
			postings++
			inName++
			lastQID = r.ref.qid
		}
		ok, err := r.next()
		if err != nil {
			return 0, 0, fmt.Errorf("reading %s: %w", r.f.Name(), err)
		}
		if ok {
			heap.Fix(&h, 0)
		} else {
			heap.Pop(&h)
		}
	}
	if postings >= 1<<32 {
		return 0, 0, errors.New("too many names for one file")
	}
	nameOffs.u64(nameBlob.n)
	postStart.u32(uint32(postings))

	// The id index: QIDs ascending, with their records' offsets.
	order := make([]int32, len(w.qids))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return cmp.Compare(w.qids[a], w.qids[b]) })
	qids, err := w.section("qids")
	if err != nil {
		return 0, 0, err
	}
	offs, err := w.section("recoffs")
	if err != nil {
		return 0, 0, err
	}
	for _, i := range order {
		qids.u32(w.qids[i])
		offs.u64(w.offs[i])
	}
	metaSec, err := w.section("meta")
	if err != nil {
		return 0, 0, err
	}
	metaSec.write(meta)

	recSec := &sectionFile{f: w.records, n: w.recLen}
	secs := [numSections]*sectionFile{recSec, qids, offs, nameOffs, nameBlob, postStart, posts, metaSec}
	for _, s := range secs[1:] {
		if err := s.w.Flush(); err != nil {
			return 0, 0, err
		}
	}

	tmp := w.path + ".tmp"
	out, err := os.Create(tmp)
	if err != nil {
		return 0, 0, err
	}
	ok := false
	defer func() {
		if !ok {
			out.Close()
			os.Remove(tmp)
		}
	}()
	head := make([]byte, 0, headerSize)
	head = append(head, fileMagic...)
	head = binary.LittleEndian.AppendUint64(head, uint64(len(w.qids)))
	head = binary.LittleEndian.AppendUint64(head, uint64(names))
	head = binary.LittleEndian.AppendUint64(head, uint64(postings))
	off := uint64(headerSize)
	for _, s := range secs {
		off = (off + 7) &^ 7 // sections start 8-byte aligned
		head = binary.LittleEndian.AppendUint64(head, off)
		head = binary.LittleEndian.AppendUint64(head, s.n)
		off += s.n
	}
	bw := bufio.NewWriterSize(out, 1<<20)
	bw.Write(head)
	pos := uint64(len(head))
	for _, s := range secs {
		if pad := (pos+7)&^7 - pos; pad > 0 {
			bw.Write(make([]byte, pad))
			pos += pad
		}
		if _, err := s.f.Seek(0, io.SeekStart); err != nil {
			return 0, 0, err
		}
		n, err := io.Copy(bw, s.f)
		if err != nil {
			return 0, 0, fmt.Errorf("writing %s: %w", tmp, err)
		}
		if uint64(n) != s.n {
			return 0, 0, fmt.Errorf("writing %s: section of %d bytes, copied %d", tmp, s.n, n)
		}
		pos += s.n
	}
	if err := bw.Flush(); err != nil {
		return 0, 0, fmt.Errorf("writing %s: %w", tmp, err)
	}
	if err := out.Close(); err != nil {
		return 0, 0, fmt.Errorf("writing %s: %w", tmp, err)
	}
	if err := os.Rename(tmp, w.path); err != nil {
		return 0, 0, err
	}
	ok = true
	return names, postings, nil
}

// overlay is an opened knowledge-base file.
type overlay struct {
	path                      string
	data                      []byte // the whole file, mapped or read
	close                     func() error
	records, qids, recOffs    []byte
	nameOffs, names           []byte
	postStart, postings, meta []byte
	n, nNames                 int
}

// openOverlay maps a knowledge-base file and checks its header. The
// mapping lives as long as the KB that holds it.
func openOverlay(path string) (*overlay, error) {
	data, closer, err := mapFile(path)
	if err != nil {
		return nil, err
	}
	o, err := parseOverlay(data)
	if err != nil {
		closer()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	o.path, o.close = path, closer
	return o, nil
}

// parseOverlay checks the header and the sections' sizes of a file's
// bytes.
func parseOverlay(data []byte) (*overlay, error) {
	if len(data) < headerSize || string(data[:len(fileMagic)]) != fileMagic {
		return nil, errors.New("not a tidings knowledge-base file (bad magic)")
	}
	le := binary.LittleEndian
	h := data[len(fileMagic):]
	n, nNames, nPost := le.Uint64(h), le.Uint64(h[8:]), le.Uint64(h[16:])
	var secs [numSections][]byte
	for i := range secs {
		off, size := le.Uint64(h[24+16*i:]), le.Uint64(h[32+16*i:])
		if off > uint64(len(data)) || size > uint64(len(data))-off {
			return nil, fmt.Errorf("section %d runs past the end of the file (damaged or truncated)", i)
		}
		secs[i] = data[off : off+size]
	}
	switch {
	case n >= 1<<31 || nNames >= 1<<31 || nPost >= 1<<32:
		return nil, errors.New("bad counts in header")
	case uint64(len(secs[secQIDs])) != 4*n, uint64(len(secs[secRecOffs])) != 8*n,
		uint64(len(secs[secNameOffs])) != 8*(nNames+1), uint64(len(secs[secPostStart])) != 4*(nNames+1),
		uint64(len(secs[secPostings])) != 4*nPost:
		return nil, errors.New("section sizes disagree with the header (damaged file)")
	}
	return &overlay{
		data: data, records: secs[secRecords], qids: secs[secQIDs], recOffs: secs[secRecOffs],
		nameOffs: secs[secNameOffs], names: secs[secNames], postStart: secs[secPostStart],
		postings: secs[secPostings], meta: secs[secMeta], n: int(n), nNames: int(nNames),
	}, nil
}

func (o *overlay) qidAt(i int) uint32 { return binary.LittleEndian.Uint32(o.qids[4*i:]) }

// record returns the record of the entity with QID number q.
func (o *overlay) record(q uint32) ([]byte, bool) {
	lo, hi := 0, o.n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if o.qidAt(m) < q {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo >= o.n || o.qidAt(lo) != q {
		return nil, false
	}
	off := binary.LittleEndian.Uint64(o.recOffs[8*lo:])
	if off >= uint64(len(o.records)) {
		return nil, false
	}
	return o.records[off:], true
}

// get decodes the entity with QID number q.
func (o *overlay) get(q uint32) (Entry, []Role, bool) {
	rec, ok := o.record(q)
	if !ok {
		return Entry{}, nil, false
	}
	e, roles, err := decodeRecord(rec)
	if err != nil || e.ID != "Q"+strconv.FormatUint(uint64(q), 10) {
		return Entry{}, nil, false
	}
	return e, roles, true
}

// nameAt returns the i-th folded name.
func (o *overlay) nameAt(i int) []byte {
	le := binary.LittleEndian
	a, b := le.Uint64(o.nameOffs[8*i:]), le.Uint64(o.nameOffs[8*i+8:])
	if a > b || b > uint64(len(o.names)) {
		return nil
	}
	return o.names[a:b]
}

// lookup returns the QID numbers of the entities named folded, most
// prominent first.
func (o *overlay) lookup(folded string) []uint32 {
	key := []byte(folded)
	lo, hi := 0, o.nNames
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if bytes.Compare(o.nameAt(m), key) < 0 {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo >= o.nNames || !bytes.Equal(o.nameAt(lo), key) {
		return nil
	}
	le := binary.LittleEndian
	a, b := le.Uint32(o.postStart[4*lo:]), le.Uint32(o.postStart[4*lo+4:])
	if a > b || uint64(b) > uint64(len(o.postings)/4) {
		return nil
	}
	out := make([]uint32, 0, b-a)
	for i := a; i < b; i++ {
		out = append(out, le.Uint32(o.postings[4*i:]))
	}
	return out
}
