package annotate

import (
	"bufio"
	"compress/gzip"
	"context"
	"embed"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"tidings/text"
)

// The shipped models, trained by `tidings train` from UD English-EWT and
// the unlabelled text named in NOTICE.
//
//go:embed models
var shipped embed.FS

// Model file names inside a model directory.
const (
	ClustersFile = "clusters.tsv.gz"
	TaggerFile   = "pos.model.gz"
	ParserFile   = "parse.model.gz"
	NERFile      = "ner.model.gz"
)

// Models bundles the annotation models. Read-only after loading: safe for
// concurrent use.
type Models struct {
	Clusters *Clusters
	Tagger   *Tagger
	Parser   *Parser // nil when only a tagger is loaded
	NER      *NER    // nil when no recogniser is loaded

	scratch sync.Pool // *annotateScratch
}

// Load loads the shipped models.
func Load() (*Models, error) {
	sub, err := fs.Sub(shipped, "models")
	if err != nil {
		return nil, err
	}
	return LoadFS(sub)
}

// LoadDir loads models from a directory written by `tidings train`.
func LoadDir(dir string) (*Models, error) { return LoadFS(os.DirFS(dir)) }

// LoadFS loads the clusters (optional), the tagger and the parser
// (optional) from fsys.
func LoadFS(fsys fs.FS) (*Models, error) {
	m := &Models{}
	if err := readGzip(fsys, ClustersFile, func(r io.Reader) (err error) {
		m.Clusters, err = ReadClusters(r)
		return err
	}); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	// The three models need only the clusters: they are read at once, each
	// decompressing and building its tables on a core of its own.
	var wg sync.WaitGroup
	var errs [3]error
	wg.Go(func() {
		errs[0] = readGzip(fsys, TaggerFile, func(r io.Reader) (err error) {
			m.Tagger, err = ReadTagger(r, m.Clusters)
			return err
		})
	})
	wg.Go(func() {
		errs[1] = readGzip(fsys, ParserFile, func(r io.Reader) (err error) {
			m.Parser, err = ReadParser(r, m.Clusters)
			return err
		})
	})
	wg.Go(func() {
		errs[2] = readGzip(fsys, NERFile, func(r io.Reader) (err error) {
			m.NER, err = ReadNER(r, m.Clusters)
			return err
		})
	})
	wg.Wait()
	if errs[0] != nil {
		return nil, errs[0] // the tagger is required
	}
	for _, err := range errs[1:] {
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return m, nil
}

func readGzip(fsys fs.FS, name string, read func(io.Reader) error) error {
	f, err := fsys.Open(name)
	if err != nil {
		return fmt.Errorf("model %s: %w", name, err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(bufio.NewReaderSize(f, 1<<16))
	if err != nil {
		return fmt.Errorf("model %s: %w", name, err)
	}
	if err := read(zr); err != nil {
		return fmt.Errorf("model %s: %w", name, err)
	}
	return nil
}

// WriteGzip writes a model file into dir, gzip-compressed, replacing the
// old file only once the new one is complete.
func WriteGzip(dir, name string, model io.WriterTo) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	path := filepath.Join(dir, name)
	f, err := os.Create(path + ".tmp")
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	_, err = model.WriteTo(zw)
	if cerr := zw.Close(); err == nil {
		err = cerr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path + ".tmp")
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return os.Rename(path+".tmp", path)
}

// A model file is a magic line, a length-prefixed JSON header and the
// weights.
func writeModel(w io.Writer, magic string, header any, weights *Weights) error {
	b, err := json.Marshal(header)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	bw.WriteString(magic)
	var buf [binary.MaxVarintLen64]byte
	bw.Write(buf[:binary.PutUvarint(buf[:], uint64(len(b)))])
	bw.Write(b)
	if err := bw.Flush(); err != nil {
		return err
	}
	_, err = weights.WriteTo(w)
	return err
}

func readModel(r io.Reader, magic string, header any) (*Weights, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	got := make([]byte, len(magic))
	if _, err := io.ReadFull(br, got); err != nil || string(got) != magic {
		return nil, fmt.Errorf("not a %q model", magic)
	}
	n, err := binary.ReadUvarint(br)
	if err != nil || n > 1<<30 {
		return nil, errors.New("bad model header")
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(br, b); err != nil {
		return nil, fmt.Errorf("model header: %w", err)
	}
	if err := json.Unmarshal(b, header); err != nil {
		return nil, fmt.Errorf("model header: %w", err)
	}
	return ReadWeights(br)
}

type taggerHeader struct {
	Classes []string
	Dict    map[string]int32
	Lemma   *Lemmatizer
}

// WriteTo writes the tagger (its clusters are written separately).
func (t *Tagger) WriteTo(w io.Writer) (int64, error) {
	return 0, writeModel(w, "TDPOS1\n", taggerHeader{t.classes, t.dict, t.lemma}, t.weights)
}

// ReadTagger reads a tagger written by WriteTo, using clusters (which may
// be nil) for its features.
func ReadTagger(r io.Reader, clusters *Clusters) (*Tagger, error) {
	var h taggerHeader
	w, err := readModel(r, "TDPOS1\n", &h)
	if err != nil {
		return nil, err
	}
	if w.NClasses != len(h.Classes) || h.Lemma == nil {
		return nil, errors.New("tagger: header and weights disagree")
	}
	t := &Tagger{weights: w, classes: h.Classes, dict: h.Dict, lemma: h.Lemma, clusters: clusters, lex: buildLexicon(h.Dict, clusters)}
	for _, c := range h.Classes {
		u, x := splitTag(c)
		t.upos, t.xpos = append(t.upos, u), append(t.xpos, x)
	}
	for word, c := range t.dict {
		if c < 0 || int(c) >= len(t.classes) {
			return nil, fmt.Errorf("tagger: word %q has bad class %d", word, c)
		}
	}
	return t, nil
}

type parserHeader struct {
	Labels []string
}

// WriteTo writes the parser (its clusters are written separately).
func (p *Parser) WriteTo(w io.Writer) (int64, error) {
	return 0, writeModel(w, "TDPARSE1\n", parserHeader{p.labels}, p.weights)
}

// ReadParser reads a parser written by WriteTo.
func ReadParser(r io.Reader, clusters *Clusters) (*Parser, error) {
	var h parserHeader
	w, err := readModel(r, "TDPARSE1\n", &h)
	if err != nil {
		return nil, err
	}
	p := &Parser{weights: w, labels: h.Labels, clusters: clusters}
	if w.NClasses != p.nClasses() {
		return nil, errors.New("parser: header and weights disagree")
	}
	return p, nil
}

type annotateScratch struct {
	words, tags []string
	classes     []int32
	hyph        []int // hyphened participles the parser reads as adjectives
	heads       []int
	rels        []string
	tag         tagScratch
	parse       parseScratch
}

// Annotate fills the lemma, UPOS, XPOS, head and relation of every token
// of doc, sentence by sentence, then finds its entities and quantities.
func (m *Models) Annotate(doc *text.Document) {
	m.annotate(doc, true)
}

// AnnotateShallow is Annotate without the dependency parse: tags, lemmas,
// entities and quantities, for work that needs no syntax (tagging an
// archive) at a fraction of the cost.
func (m *Models) AnnotateShallow(doc *text.Document) {
	m.annotate(doc, false)
}

// AnnotateEntities finds the entities and quantities of a document whose
// tokens already carry their tags and parse (from CoNLL-U input).
func (m *Models) AnnotateEntities(doc *text.Document) {
	doc.Entities = doc.Entities[:0]
	if m.NER != nil {
		doc.Entities = m.NER.Recognize(doc)
	}
	doc.Entities = MergeSpans(doc.Entities, Quantities(doc))
}

// ParseFilter says whether a sentence, its tokens tagged and lemmatised,
// is to be parsed.
type ParseFilter func(sentence []text.Token) bool

// ParseAll parses every sentence.
func ParseAll([]text.Token) bool { return true }

// AnnotateContext is Annotate, or AnnotateShallow when parse is false,
// that gives up when ctx is done: it checks between sentences, so that the
// analysis of a long document can be cancelled within a sentence's time.
// On cancellation doc is left partly annotated.
func (m *Models) AnnotateContext(ctx context.Context, doc *text.Document, parse bool) error {
	return m.AnnotateParsing(ctx, doc, parseAllIf(parse))
}

// parseAllIf is ParseAll when parse is set, else no filter (no parse).
func parseAllIf(parse bool) ParseFilter {
	if parse {
		return ParseAll
	}
	return nil
}

// AnnotateParsing is AnnotateContext that parses only the sentences that
// need says are to be (none when need is nil); the tokens of the others
// keep no head (-1) and no relation.
func (m *Models) AnnotateParsing(ctx context.Context, doc *text.Document, need ParseFilter) error {
	if err := m.annotateSentences(ctx, doc, need); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	doc.Entities = doc.Entities[:0]
	if m.NER != nil {
		ents, err := m.NER.RecognizeContext(ctx, doc)
		if err != nil {
			return err
		}
		doc.Entities = ents
	}
	doc.Entities = MergeSpans(doc.Entities, Quantities(doc))
	return nil
}

func (m *Models) annotate(doc *text.Document, parse bool) {
	// A background context is never done.
	_ = m.AnnotateContext(context.Background(), doc, parse)
}

func (m *Models) annotateSyntax(doc *text.Document, parse bool) {
	_ = m.annotateSentences(context.Background(), doc, parseAllIf(parse))
}

func (m *Models) annotateSentences(ctx context.Context, doc *text.Document, need ParseFilter) error {
	sc, _ := m.scratch.Get().(*annotateScratch)
	if sc == nil {
		sc = &annotateScratch{}
	}
	defer m.scratch.Put(sc)
	for si, s := range doc.Sentences {
		if err := ctx.Err(); err != nil {
			return err
		}
		toks := doc.Tokens[s.Start:s.End]
		n := len(toks)
		sc.words = sc.words[:0]
		for _, t := range toks {
			sc.words = append(sc.words, t.Form)
		}
		headline := si == 0 && standsAlone(doc, s)
		titled := false
		if ws, changed := norms(sc.words, headline, m.gazetteerMatches(sc.words, headline), m.CommonWord); changed {
			for i := range toks {
				if ws[i] != toks[i].Form {
					toks[i].Norm = ws[i]
				}
			}
			sc.words, titled = ws, true
		}
		sc.classes = growInt32(sc.classes, n)
		m.Tagger.tag(sc.words, sc.classes, &sc.tag)
		if headline || titled {
			m.Tagger.headlineVerb(sc.words, sc.classes, &sc.tag)
		} else {
			m.Tagger.finiteVerb(sc.words, sc.classes, &sc.tag)
		}
		m.Tagger.modalVerb(sc.words, sc.classes, &sc.tag)
		sc.tags = sc.tags[:0]
		for i, c := range sc.classes {
			toks[i].UPOS, toks[i].XPOS = m.Tagger.upos[c], m.Tagger.xpos[c]
			toks[i].Lemma = m.knownLemma(sc.words[i], m.Tagger.Lemma(sc.words[i], c), m.Tagger.upos[c])
			sc.tags = append(sc.tags, m.Tagger.classes[c])
		}
		// The parser reads hyphened participles as adjectives.
		if sc.hyph = m.Tagger.hyphenParticiples(toks, sc.classes, sc.hyph[:0]); len(sc.hyph) > 0 {
			if jj := m.Tagger.classOf("ADJ", "JJ"); jj >= 0 {
				for _, i := range sc.hyph {
					sc.tags[i] = m.Tagger.classes[jj]
				}
			}
		}
		if m.Parser == nil || need == nil || !need(toks) {
			continue
		}
		if cap(sc.heads) < n {
			sc.heads, sc.rels = make([]int, n), make([]string, n)
		}
		heads, rels := sc.heads[:n], sc.rels[:n]
		m.Parser.parse(sc.words, sc.tags, heads, rels, &sc.parse)
		for i := range toks {
			toks[i].Head = -1
			if heads[i] > 0 {
				toks[i].Head = s.Start + heads[i] - 1
			}
			toks[i].Deprel = rels[i]
		}
	}
	return nil
}

// gazetteerMatches returns the recogniser's gazetteer matches over a
// sentence, nil when there is no gazetteer or the sentence is not in
// title case (only norms reads them).
func (m *Models) gazetteerMatches(words []string, headline bool) []gazMatch {
	if m.NER == nil || m.NER.gaz == nil || !titleCaseSentence(words, headline) {
		return nil
	}
	lower := make([]uint64, len(words))
	for i, w := range words {
		lower[i] = hashLower(fnvOffset, w)
	}
	gm := make([]gazMatch, len(words))
	m.NER.gaz.match(words, lower, gm)
	return gm
}

// CommonWord reports a word of the clusters' corpus, that is a word met
// in running text in that case.
func (m *Models) CommonWord(w string) bool {
	c, _ := m.Clusters.Lookup(w)
	return c != 0
}

func growInt32(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	return s[:n]
}

func splitTag(c string) (upos, xpos string) {
	for i := 0; i < len(c); i++ {
		if c[i] == ' ' {
			return c[:i], c[i+1:]
		}
	}
	return c, ""
}
