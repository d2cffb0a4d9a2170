package ingest

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"tidings/article"
)

// conlluSentence is the sentence being collected by readCoNLLU.
type conlluSentence struct {
	article.Sentence
	nextWord int // ID the next word line must have
	mwtEnd   int // last word ID of the open multiword token; 0 if none is open
	mwtLine  int // line of the open multiword token
	broken   bool
}

func newConlluSentence() *conlluSentence {
	return &conlluSentence{nextWord: 1}
}

// readCoNLLU yields the documents of a CoNLL-U input, streaming, with their
// tokens and sentences as given. "# newdoc" starts a document; a malformed
// line drops its sentence with an error and reading goes on with the next.
func (rd *reading) readCoNLLU(br *bufio.Reader) {
	cr := &conllReading{reading: rd}
	lines := newLineReader(br, rd.opt.MaxArticleBytes)
	doc := &conllDoc{}
	sent := newConlluSentence()
	// endSentence adds the sentence to the document, if it is whole, and
	// starts the next one.
	endSentence := func() bool {
		defer func() { sent = newConlluSentence() }()
		switch {
		case sent.broken || doc.tooLarge || len(sent.Tokens) == 0:
			return true
		case sent.mwtEnd > 0:
			return cr.failLine(sent.mwtLine, "multiword token ends at word %d, but the sentence ends at word %d", sent.mwtEnd, sent.nextWord-1)
		}
		doc.sentences = append(doc.sentences, sent.Sentence)
		return true
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
		if strings.TrimSpace(text) == "" {
			if len(sent.Tokens) > 0 || sent.broken {
				if !endSentence() {
					return
				}
			}
			// Comments followed by a blank line stay for the next sentence.
			continue
		}
		if strings.HasPrefix(text, "#") {
			if len(sent.Tokens) > 0 || sent.broken {
				// A comment after token lines starts a new sentence even
				// without the blank line that should come first.
				if !endSentence() {
					return
				}
			}
			comment := strings.TrimPrefix(strings.TrimPrefix(text, "#"), " ")
			if id, isDoc := parseNewdoc(comment); isDoc {
				if !cr.emitDoc(doc, conlluBody) {
					return
				}
				doc = &conllDoc{id: id, startLine: n}
			}
			if doc.addLine(len(line), rd.opt.MaxArticleBytes) && !cr.tooLargeError(n) {
				return
			}
			if !doc.tooLarge {
				sent.addComment(comment)
			}
			continue
		}
		if doc.addLine(len(line), rd.opt.MaxArticleBytes) && !cr.tooLargeError(n) {
			return
		}
		if sent.broken || doc.tooLarge {
			continue
		}
		if err := sent.addLine(text, n); err != nil {
			sent.broken = true
			if !cr.failLine(n, "%w; skipping the sentence", err) {
				return
			}
		}
	}
	if !endSentence() || !cr.emitDoc(doc, conlluBody) {
		return
	}
	if !cr.produced {
		rd.fail(rd.errorf("no sentences (want CoNLL-U lines of ten tab-separated columns)"))
	}
}

// parseNewdoc reports whether comment is "newdoc" or "newdoc id = ID".
func parseNewdoc(comment string) (id string, ok bool) {
	key, value, _ := strings.Cut(comment, "=")
	switch strings.TrimSpace(key) {
	case "newdoc":
		return "", true
	case "newdoc id":
		return strings.TrimSpace(value), true
	}
	return "", false
}

// addComment keeps a comment line (without "# ") and reads the sentence
// metadata it may carry.
func (s *conlluSentence) addComment(comment string) {
	s.Comments = append(s.Comments, comment)
	key, value, _ := strings.Cut(comment, "=")
	switch strings.TrimSpace(key) {
	case "sent_id":
		s.ID = strings.TrimSpace(value)
	case "text":
		s.Text = strings.TrimSpace(value)
	case "newpar", "newpar id":
		s.NewPar = true
	}
}

// addLine adds a word line, a multiword token line or an empty node line
// (which is skipped) to the sentence; lineNo is the line's number.
func (s *conlluSentence) addLine(line string, lineNo int) error {
	cols := strings.Split(line, "\t")
	if len(cols) != 10 {
		return fmt.Errorf("%d columns, want 10 tab-separated columns", len(cols))
	}
	id := cols[0]
	if first, last, isRange := strings.Cut(id, "-"); isRange {
		a, errA := strconv.Atoi(first)
		b, errB := strconv.Atoi(last)
		switch {
		case errA != nil || errB != nil || !isDigits(first) || !isDigits(last):
			return fmt.Errorf("bad ID %q", id)
		case s.mwtEnd > 0:
			return fmt.Errorf("multiword token %q inside another", id)
		case a != s.nextWord || b <= a:
			return fmt.Errorf("multiword token %q, want one starting at word %d", id, s.nextWord)
		}
		s.mwtEnd, s.mwtLine = b, lineNo
		s.Tokens = append(s.Tokens, article.Token{Form: cols[1], SpaceAfter: spaceAfter(cols[9])})
		return nil
	}
	if word, node, isEmpty := strings.Cut(id, "."); isEmpty {
		if !isDigits(word) || !isDigits(node) {
			return fmt.Errorf("bad ID %q", id)
		}
		return nil // empty nodes belong to enhanced graphs, not to the text
	}
	n, err := strconv.Atoi(id)
	if err != nil || !isDigits(id) {
		return fmt.Errorf("bad ID %q", id)
	}
	if n != s.nextWord {
		return fmt.Errorf("word ID %d, want %d", n, s.nextWord)
	}
	head := -1
	if cols[6] != "_" {
		if head, err = strconv.Atoi(cols[6]); err != nil || !isDigits(cols[6]) {
			return fmt.Errorf("bad HEAD %q", cols[6])
		}
	}
	w := article.Word{
		Form:   cols[1], // "_" is a real token here, not a missing form
		Lemma:  given(cols[2]),
		UPOS:   given(cols[3]),
		XPOS:   given(cols[4]),
		Feats:  given(cols[5]),
		Head:   head,
		Deprel: given(cols[7]),
		Deps:   given(cols[8]),
		Misc:   given(cols[9]),
	}
	s.nextWord++
	if s.mwtEnd > 0 {
		t := &s.Tokens[len(s.Tokens)-1]
		t.Words = append(t.Words, w)
		if n == s.mwtEnd {
			s.mwtEnd, s.mwtLine = 0, 0
		}
		return nil
	}
	s.Tokens = append(s.Tokens, article.Token{Form: w.Form, SpaceAfter: spaceAfter(cols[9]), Words: []article.Word{w}})
	return nil
}

// given maps CoNLL-U's "_" (not given) to "".
func given(col string) string {
	if col == "_" {
		return ""
	}
	return col
}

// spaceAfter reads SpaceAfter=No from a MISC column.
func spaceAfter(misc string) bool {
	for item := range strings.SplitSeq(misc, "|") {
		if item == "SpaceAfter=No" {
			return false
		}
	}
	return true
}

// conlluBody builds the text of a document: each sentence's "# text" (else
// its tokens, spaced as given), a space between sentences and a blank line
// where a paragraph starts.
func conlluBody(sentences []article.Sentence) string {
	var b strings.Builder
	for i, s := range sentences {
		if i > 0 {
			if s.NewPar {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		if s.Text != "" {
			b.WriteString(s.Text)
			continue
		}
		for j, t := range s.Tokens {
			b.WriteString(t.Form)
			if t.SpaceAfter && j < len(s.Tokens)-1 {
				b.WriteByte(' ')
			}
		}
	}
	return b.String()
}
