package ingest

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"tidings/article"
)

// conllDoc is the document being collected by readCoNLL or readCoNLLU.
type conllDoc struct {
	id        string // CoNLL-U "newdoc id"
	startLine int    // line of the -DOCSTART- or newdoc that began it; 0 if none did
	preamble  []string
	sentences []article.Sentence
	size      int64 // bytes of input lines so far, against MaxArticleBytes
	tooLarge  bool  // over the limit: reported, and its lines are skipped
}

// addLine counts a line of n bytes against the document's size limit and
// reports whether the document has just gone over it.
func (d *conllDoc) addLine(n int, limit int64) bool {
	if d.tooLarge {
		return false
	}
	d.size += int64(n) + 1
	if d.size > limit {
		d.drop()
		return true
	}
	return false
}

// drop marks the document as too large and frees what it holds.
func (d *conllDoc) drop() {
	d.tooLarge = true
	d.preamble, d.sentences = nil, nil
}

// conllReading tracks what a CoNLL or CoNLL-U reading has produced, to tell
// an input without any sentence.
type conllReading struct {
	*reading
	produced bool // an article or an error was yielded
}

// emitDoc yields doc as an article with body built by body, when it has any
// sentence. It reports whether reading should go on.
func (cr *conllReading) emitDoc(doc *conllDoc, body func([]article.Sentence) string) bool {
	if doc.tooLarge || len(doc.sentences) == 0 {
		return true
	}
	cr.produced = true
	a := article.Article{
		ID:     doc.id,
		Body:   body(doc.sentences),
		Origin: cr.in.name,
		Given:  &article.Tokenization{Preamble: doc.preamble, Sentences: doc.sentences},
	}
	if doc.startLine > 0 {
		a.Origin = fmt.Sprintf("%s:%d", cr.in.name, doc.startLine)
	}
	return cr.emit(a)
}

func (cr *conllReading) failLine(line int, format string, args ...any) bool {
	cr.produced = true
	return cr.fail(cr.lineErrorf(line, format, args...))
}

// tooLargeError reports a document over MaxArticleBytes.
func (cr *conllReading) tooLargeError(line int) bool {
	return cr.failLine(line, "%w: document longer than %s, the limit for one article (MaxArticleBytes); skipping to the next document",
		ErrTooLarge, formatBytes(cr.opt.MaxArticleBytes))
}

// readCoNLL yields the documents of a CoNLL-2003 input ("token POS chunk
// NER" lines), streaming. Every input line is kept: token lines as tokens
// with their columns, and the -DOCSTART- and blank lines before a
// document's first sentence in its Preamble, so that the input can be
// written back with a column appended.
func (rd *reading) readCoNLL(br *bufio.Reader) {
	cr := &conllReading{reading: rd}
	lines := newLineReader(br, rd.opt.MaxArticleBytes)
	doc := &conllDoc{}
	var tokens []article.Token
	endSentence := func() {
		if len(tokens) > 0 && !doc.tooLarge {
			doc.sentences = append(doc.sentences, article.Sentence{Tokens: tokens})
		}
		tokens = nil
	}
	for {
		line, tooLong, err := lines.next()
		if errors.Is(err, io.EOF) {
			break
		}
		n := lines.n
		if err != nil {
			cr.failLine(n+1, "reading: %w", err)
			return
		}
		if tooLong {
			if !doc.tooLarge {
				doc.drop()
				if !cr.tooLargeError(n) {
					return
				}
			}
			continue
		}
		text := string(rd.repairLine(line, n))
		fields := strings.Fields(text)
		switch {
		case len(fields) > 0 && fields[0] == "-DOCSTART-":
			endSentence()
			if len(doc.sentences) > 0 || doc.tooLarge {
				if !cr.emitDoc(doc, conllBody) {
					return
				}
				doc = &conllDoc{}
			}
			// A document without sentences gives its lines to the next.
			doc.preamble = append(doc.preamble, text)
			if doc.startLine == 0 {
				doc.startLine = n
			}
			if doc.addLine(len(line), rd.opt.MaxArticleBytes) && !cr.tooLargeError(n) {
				return
			}
		case len(fields) == 0:
			if len(tokens) > 0 {
				endSentence()
			} else if len(doc.sentences) == 0 && !doc.tooLarge {
				doc.preamble = append(doc.preamble, text)
				if doc.addLine(len(line), rd.opt.MaxArticleBytes) && !cr.tooLargeError(n) {
					return
				}
			}
		default:
			if doc.addLine(len(line), rd.opt.MaxArticleBytes) && !cr.tooLargeError(n) {
				return
			}
			if doc.tooLarge {
				continue
			}
			tokens = append(tokens, article.Token{
				Form:       fields[0],
				SpaceAfter: true,
				Words:      []article.Word{{Form: fields[0], Head: -1}},
				Columns:    fields,
			})
		}
	}
	endSentence()
	if !cr.emitDoc(doc, conllBody) {
		return
	}
	if !cr.produced {
		rd.fail(rd.errorf("no sentences (want CoNLL-2003 lines of space-separated columns, the token first)"))
	}
}

// conllBody joins the tokens of each sentence with spaces and the
// sentences with newlines.
func conllBody(sentences []article.Sentence) string {
	var b strings.Builder
	for i, s := range sentences {
		if i > 0 {
			b.WriteByte('\n')
		}
		for j, t := range s.Tokens {
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(t.Form)
		}
	}
	return b.String()
}
