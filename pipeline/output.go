package pipeline

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"tidings/article"
	"tidings/events"
	"tidings/record"
	"tidings/tags"
	"tidings/text"
)

// Record returns the analysis object of an analysis.
func (an *Analysis) Record() record.Record {
	a, d := an.Article, an.Doc
	r := record.Record{
		ID: a.ID, URL: a.URL, Title: a.Title, Source: a.Source, Text: d.Text,
		Published: record.FormatDate(a.Published),
		GoldTags:  nonNil(a.GoldTags),
		Tags:      []record.Tag{}, Entities: []record.Entity{}, Dates: []record.Date{}, Events: []record.Event{},
		Sentences: make([][2]int, len(d.Sentences)),
		Tokens:    make([][2]int, len(d.Tokens)),
	}
	for i, s := range d.Sentences {
		start, end := d.Bytes(s)
		r.Sentences[i] = [2]int{start, end}
	}
	for i, t := range d.Tokens {
		r.Tokens[i] = [2]int{t.Start, t.End}
	}
	for _, m := range d.Multiword {
		start, end := d.Bytes(m)
		r.Multiword = append(r.Multiword, [2]int{start, end})
	}
	if e := entities(d, an.Entities); e != nil {
		r.Entities = e
	}
	for _, t := range an.Tags {
		r.Tags = append(r.Tags, record.Tag{Tag: t.Tag, Score: t.Score, Entity: tagEntityID(an, t), Evidence: t.Evidence, Inferred: t.Inferred})
	}
	for _, x := range an.Dates {
		r.Dates = append(r.Dates, record.Date{Start: x.Start, End: x.End, Text: x.Text, Type: x.Type, Value: x.Value, Mod: x.Mod, Anchor: x.Anchor})
	}
	for _, e := range an.Events {
		r.Events = append(r.Events, record.Event{
			CAMEO: e.Code.Code, PLOVER: ploverOf(e.Code.PLOVER), Goldstein: e.Code.Goldstein,
			Source: record.Actor{Text: e.Source.Text, Code: e.Source.Code, Entity: publicID(an, e.Source.Entity)},
			Target: record.Actor{Text: e.Target.Text, Code: e.Target.Code, Entity: publicID(an, e.Target.Entity)},
			Date:   e.Date, Location: publicID(an, e.Location), Dead: e.Dead, Injured: e.Injured,
			Confidence: e.Confidence, Trigger: e.Trigger, Sentence: e.Sentence,
		})
	}
	return r
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Writer writes analyses in one output format.
type Writer interface {
	Write(an *Analysis) error
	Flush() error
}

// OutputFormats lists the accepted --out names.
var OutputFormats = []string{"jsonl", "pretty", "conllu", "conll"}

// NewWriter returns a writer for the named format.
func NewWriter(w io.Writer, format string) (Writer, error) {
	bw := bufio.NewWriterSize(w, 64<<10)
	switch format {
	case "jsonl", "":
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		return &jsonlWriter{bw: bw, enc: enc}, nil
	case "pretty":
		return &prettyWriter{bw: bw}, nil
	case "conllu":
		return &conlluWriter{bw: bw}, nil
	case "conll":
		return &conllWriter{bw: bw}, nil
	}
	return nil, fmt.Errorf("unknown output format %q (want one of %s)", format, strings.Join(OutputFormats, ", "))
}

type jsonlWriter struct {
	bw  *bufio.Writer
	enc *json.Encoder
}

func (w *jsonlWriter) Write(an *Analysis) error { return w.enc.Encode(an.Record()) }
func (w *jsonlWriter) Flush() error             { return w.bw.Flush() }

type prettyWriter struct {
	bw *bufio.Writer
	n  int
}

func (w *prettyWriter) Write(an *Analysis) error {
	a, d := an.Article, an.Doc
	if w.n > 0 {
		w.bw.WriteString("\n" + strings.Repeat("─", 72) + "\n\n")
	}
	w.n++
	title := a.Title
	if title == "" {
		title = "(untitled)"
	}
	fmt.Fprintf(w.bw, "%s\n", title)
	var meta []string
	if p := record.FormatDate(a.Published); p != "" {
		meta = append(meta, "published "+p)
	}
	if a.Source != "" {
		meta = append(meta, a.Source)
	}
	if a.URL != "" {
		meta = append(meta, a.URL)
	}
	meta = append(meta, "id "+a.ID)
	fmt.Fprintf(w.bw, "%s\n", strings.Join(meta, " · "))
	if len(a.GoldTags) > 0 {
		fmt.Fprintf(w.bw, "editor's tags: %s\n", strings.Join(a.GoldTags, ", "))
	}
	if len(an.Tags) > 0 {
		var line []string
		for _, t := range an.Tags {
			line = append(line, t.Tag)
		}
		fmt.Fprintf(w.bw, "tags:          %s\n", strings.Join(line, ", "))
		// Why each tag is there: its score and the words that name it.
		rec := record.Record{Title: a.Title, Text: d.Text}
		width := 0
		for _, t := range an.Tags {
			width = max(width, utf8.RuneCountInString(t.Tag))
		}
		for _, t := range an.Tags {
			why := rec.Why(record.Tag{Tag: t.Tag, Entity: tagEntityID(an, t), Evidence: t.Evidence, Inferred: t.Inferred})
			fmt.Fprintf(w.bw, "  %s%s  %.2f  %s\n", t.Tag, strings.Repeat(" ", width-utf8.RuneCountInString(t.Tag)), t.Score, why)
		}
	}
	fmt.Fprintf(w.bw, "%d sentences, %d tokens, %d bytes\n", len(d.Sentences), len(d.Tokens), len(d.Text))
	if ents := entities(d, an.Entities); len(ents) > 0 {
		w.bw.WriteString("\nentities:\n")
		for _, e := range ents {
			var ms []string
			for _, m := range e.Mentions {
				ms = append(ms, oneLine(m.Text))
			}
			if e.Kind == "quantity" {
				detail := "value " + formatValue(e.Value) + ", unit " + e.Unit
				if e.Modifier != "" {
					detail += ", " + e.Modifier
				}
				fmt.Fprintf(w.bw, "  %-8s %s  [%s]\n", e.Type, oneLine(e.Name), detail)
				continue
			}
			fmt.Fprintf(w.bw, "  %-8s %s [%s]  (%d: %s)\n", e.Type, oneLine(e.Name), e.ID, len(e.Mentions), strings.Join(dedupe(ms), "; "))
		}
	}
	if len(an.Dates) > 0 {
		w.bw.WriteString("\ndates:\n")
		for _, x := range an.Dates {
			fmt.Fprintf(w.bw, "  %-8s %-22s %s\n", x.Type, x.Value, oneLine(x.Text))
		}
	}
	if len(an.Events) > 0 {
		w.bw.WriteString("\nevents:\n")
		for _, e := range an.Events {
			fmt.Fprintf(w.bw, "  %-5s %-10s %.2f  %s -> %s  %s", e.Code.Code, ploverOf(e.Code.PLOVER), e.Confidence, actorLabel(e.Source), actorLabel(e.Target), e.Date)
			if e.Dead > 0 || e.Injured > 0 {
				fmt.Fprintf(w.bw, "  dead %d, injured %d", e.Dead, e.Injured)
			}
			fmt.Fprintf(w.bw, "  (%s: %q)\n", e.Code.Name, d.Text[e.Trigger[0]:e.Trigger[1]])
		}
	}
	w.bw.WriteString("\n")
	for i, s := range d.Sentences {
		fmt.Fprintf(w.bw, "%3d  %s\n", i+1, oneLine(d.SpanText(s)))
	}
	return nil
}

func (w *prettyWriter) Flush() error { return w.bw.Flush() }

type conlluWriter struct {
	bw *bufio.Writer
	n  int
}

// Write writes the document's sentences as CoNLL-U: ID and FORM, the
// verbatim surface text of multiword tokens on range lines, SpaceAfter=No
// where no whitespace follows, and the sent_id and text comments.
func (w *conlluWriter) Write(an *Analysis) error {
	d := an.Doc
	w.n++
	if an.Article.ID != "" {
		fmt.Fprintf(w.bw, "# newdoc id = %s\n", an.Article.ID)
	}
	var given []article.Sentence
	if g := an.Article.Given; g != nil && len(g.Sentences) == len(d.Sentences) {
		given = g.Sentences
	}
	for si, s := range d.Sentences {
		sentID, sentText := fmt.Sprintf("%d-%d", w.n, si+1), oneLine(d.SpanText(s))
		if given != nil && given[si].ID != "" {
			sentID = given[si].ID
		}
		if given != nil && given[si].Text != "" {
			sentText = given[si].Text
		}
		fmt.Fprintf(w.bw, "# sent_id = %s\n", sentID)
		fmt.Fprintf(w.bw, "# text = %s\n", sentText)
		id := 1
		for _, st := range d.SurfaceTokens(s) {
			misc := "_"
			if st.End < len(d.Text) && !isSpace(d.Text[st.End]) {
				misc = "SpaceAfter=No"
			}
			n := st.Words.End - st.Words.Start
			if n > 1 {
				fmt.Fprintf(w.bw, "%d-%d\t%s\t_\t_\t_\t_\t_\t_\t_\t%s\n", id, id+n-1, d.Text[st.Start:st.End], misc)
				for k := st.Words.Start; k < st.Words.End; k++ {
					w.writeWord(d, s, k, id, "_")
					id++
				}
				continue
			}
			w.writeWord(d, s, st.Words.Start, id, misc)
			id++
		}
		w.bw.WriteByte('\n')
	}
	return nil
}

// writeWord writes one word line; HEAD is relative to the sentence.
func (w *conlluWriter) writeWord(d *text.Document, s text.Span, k, id int, misc string) {
	t := &d.Tokens[k]
	head := "_"
	if t.Deprel != "" {
		head = "0"
		if t.Head >= 0 {
			head = strconv.Itoa(t.Head - s.Start + 1)
		}
	}
	fmt.Fprintf(w.bw, "%d\t%s\t%s\t%s\t%s\t_\t%s\t%s\t_\t%s\n", id, fieldSafe(t.Form),
		fieldSafe(t.Lemma), fieldSafe(t.UPOS), fieldSafe(t.XPOS), head, fieldSafe(t.Deprel), misc)
}

func (w *conlluWriter) Flush() error { return w.bw.Flush() }

// oneLine folds line breaks and tabs into spaces, for one-line fields.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, s)
}

// fieldSafe keeps a CoNLL-U field on its line.
func fieldSafe(s string) string {
	if s == "" {
		return "_"
	}
	return oneLine(s)
}

func isSpace(b byte) bool {
	return b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f' || b == '\v'
}

// conllWriter writes CoNLL-2003: every input line kept, with the predicted
// named-entity tag (IOB2: PER, ORG, LOC, MISC) as one more column;
// "-DOCSTART-" and blank lines as they were. Input that was not CoNLL gets
// "token tag" lines, one sentence per block.
type conllWriter struct{ bw *bufio.Writer }

func (w *conllWriter) Write(an *Analysis) error {
	d := an.Doc
	labels := NERLabels(d)
	var given []article.Sentence
	if g := an.Article.Given; g != nil {
		for _, l := range g.Preamble {
			w.bw.WriteString(l)
			w.bw.WriteByte('\n')
		}
		given = g.Sentences
	}
	k := 0
	for si, s := range d.Sentences {
		var gs *article.Sentence
		if si < len(given) && len(given[si].Tokens) == s.End-s.Start {
			gs = &given[si]
		}
		for i := s.Start; i < s.End; i++ {
			if gs != nil && len(gs.Tokens[i-s.Start].Columns) > 0 {
				w.bw.WriteString(strings.Join(gs.Tokens[i-s.Start].Columns, " "))
			} else {
				w.bw.WriteString(d.Tokens[i].Form)
			}
			w.bw.WriteByte(' ')
			w.bw.WriteString(labels[k])
			w.bw.WriteByte('\n')
			k++
		}
		w.bw.WriteByte('\n')
	}
	return nil
}

func (w *conllWriter) Flush() error { return w.bw.Flush() }

// NERLabels returns the IOB2 named-entity label of every token of d
// (quantities are not CoNLL types and stay O).
func NERLabels(d *text.Document) []string {
	labels := make([]string, len(d.Tokens))
	for i := range labels {
		labels[i] = "O"
	}
	for _, e := range d.Entities {
		switch e.Label {
		case "PER", "ORG", "LOC", "MISC":
		default:
			continue
		}
		for i := e.Start; i < e.End; i++ {
			labels[i] = "I-" + e.Label
		}
		labels[e.Start] = "B-" + e.Label
	}
	return labels
}

func formatValue(v *float64) string {
	if v == nil {
		return "?"
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

func dedupe(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// publicID is the id under which the analysis object lists an entity
// (its Wikidata id where it has one) for a linker id.
func publicID(an *Analysis, id string) string {
	if id == "" {
		return ""
	}
	for i := range an.Entities {
		if e := &an.Entities[i]; e.ID == id && e.Entry.Wikidata != "" {
			return e.Entry.Wikidata
		}
	}
	return id
}

// tagEntityID is the id a tag names its entity by: the one the entities
// list uses, or for an inferred tag (its entity is not in the list) the
// QID the knowledge base gives.
func tagEntityID(an *Analysis, t tags.Tag) string {
	if t.Inferred && t.Wikidata != "" {
		return t.Wikidata
	}
	return publicID(an, t.Entity)
}

// actorLabel writes an actor as "KAZGOV (Tokayev)".
func actorLabel(a events.Actor) string {
	code := a.Code
	if code == "" {
		code = events.Unknown
	}
	if a.Text == "" {
		return code
	}
	return code + " (" + oneLine(a.Text) + ")"
}

// ploverOf writes the PLOVER category of a code; codes PLOVER dropped
// (public statements) have none.
func ploverOf(c string) string {
	if c == "DROPPED" {
		return ""
	}
	return c
}
