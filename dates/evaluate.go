package dates

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"tidings/eval"
	"tidings/text"
)

// GoldTimex is one annotated TIMEX3 of a TimeML document.
type GoldTimex struct {
	Start, End  int // byte offsets into GoldDocument.Text
	Type, Value string
}

// GoldDocument is the raw text of a TimeML document's <TEXT> with its
// TIMEX3 annotations, and its creation time.
type GoldDocument struct {
	Path   string
	DCT    time.Time // zero when the document has none
	Text   string
	Timexs []GoldTimex
}

// ReadTimeML parses one TimeML document: the DCT is the TIMEX3 whose
// functionInDocument is CREATION_TIME; the text is the character data of
// <TEXT> with the markup removed; every other TIMEX3 in it is gold.
func ReadTimeML(r io.Reader, name string) (GoldDocument, error) {
	doc := GoldDocument{Path: name}
	dec := xml.NewDecoder(r)
	dec.Strict = false
	var b strings.Builder
	inText := false
	type open struct {
		start      int
		typ, value string
		isCreation bool
	}
	var stack []open
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return doc, fmt.Errorf("%s: %w", name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "TEXT":
				inText = true
			case "TIMEX3":
				o := open{start: b.Len()}
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "type":
						o.typ = a.Value
					case "value":
						o.value = a.Value
					case "functionInDocument":
						o.isCreation = a.Value == "CREATION_TIME"
					}
				}
				stack = append(stack, o)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "TEXT":
				inText = false
			case "TIMEX3":
				if len(stack) == 0 {
					continue
				}
				o := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if o.isCreation {
					if d, err := parseDCT(o.value); err == nil {
						doc.DCT = d
					}
					continue
				}
				if inText {
					doc.Timexs = append(doc.Timexs, GoldTimex{Start: o.start, End: b.Len(), Type: o.typ, Value: o.value})
				}
			}
		case xml.CharData:
			if inText {
				b.Write(t)
			}
		}
	}
	doc.Text = b.String()
	// Trim whitespace inside gold spans, as the scorer compares words.
	for i := range doc.Timexs {
		g := &doc.Timexs[i]
		for g.Start < g.End && isSpace(doc.Text[g.Start]) {
			g.Start++
		}
		for g.End > g.Start && isSpace(doc.Text[g.End-1]) {
			g.End--
		}
	}
	slices.SortFunc(doc.Timexs, func(a, b GoldTimex) int { return a.Start - b.Start })
	return doc, nil
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// parseDCT reads a TIMEX3 value such as 1998-01-08 or 1998-10-25T21:00.
func parseDCT(v string) (time.Time, error) {
	if len(v) < 10 {
		return time.Time{}, errors.New("creation time too short: " + v)
	}
	return time.Parse("2006-01-02", v[:10])
}

// ReadTimeMLDir reads every .tml file under dir, recursively, in name order.
func ReadTimeMLDir(ctx context.Context, dir string) ([]GoldDocument, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(strings.ToLower(p), ".tml") {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading TimeML directory %s: %w", dir, err)
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("%s: no .tml files", dir)
	}
	slices.Sort(paths)
	docs := make([]GoldDocument, 0, len(paths))
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		d, err := ReadTimeML(f, p)
		f.Close()
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, nil
}

// Score is the TempEval-3 task A evaluation of time expressions.
type Score struct {
	Documents int      `json:"documents"`
	Strict    eval.PRF `json:"strict"`  // spans match exactly
	Relaxed   eval.PRF `json:"relaxed"` // spans share a character
	// Over relaxed matches: the share with the right type and value.
	TypeAccuracy  float64 `json:"type_accuracy"`
	ValueAccuracy float64 `json:"value_accuracy"`
	// Attribute F1 as the TempEval-3 scorer reports it: relaxed F1 times
	// the attribute's accuracy.
	TypeF1  float64 `json:"type_f1"`
	ValueF1 float64 `json:"value_f1"`

	typeCorrect, valueCorrect int
}

// MarshalJSON writes the score as the TempEval-3 report has always been
// printed: each P/R/F1 with its figures before its counts.
func (s Score) MarshalJSON() ([]byte, error) {
	type prf struct {
		Precision float64 `json:"precision"`
		Recall    float64 `json:"recall"`
		F1        float64 `json:"f1"`
		Gold      int     `json:"gold"`
		System    int     `json:"system"`
		Correct   int     `json:"correct"`
	}
	view := func(p eval.PRF) prf { return prf{p.Precision, p.Recall, p.F1, p.Gold, p.System, p.Correct} }
	return json.Marshal(struct {
		Documents     int     `json:"documents"`
		Strict        prf     `json:"strict"`
		Relaxed       prf     `json:"relaxed"`
		TypeAccuracy  float64 `json:"type_accuracy"`
		ValueAccuracy float64 `json:"value_accuracy"`
		TypeF1        float64 `json:"type_f1"`
		ValueF1       float64 `json:"value_f1"`
	}{s.Documents, view(s.Strict), view(s.Relaxed), s.TypeAccuracy, s.ValueAccuracy, s.TypeF1, s.ValueF1})
}

// Errors lists what went wrong in one document, for error analysis.
type Errors struct {
	Missed   []GoldTimex  // gold with no overlapping system expression
	Spurious []Expression // system with no overlapping gold
	Value    [][2]string  // "gold text|gold value" against "system text|system value"
}

// Add scores the system expressions of one document against its gold.
// Each gold expression is matched to at most one system expression, the
// first that overlaps it.
func (s *Score) Add(gold []GoldTimex, sys []Expression, text string, errs *Errors) {
	s.Documents++
	used := make([]bool, len(sys))
	strict, relaxed := 0, 0
	for _, g := range gold {
		for k, e := range sys {
			if used[k] || e.End <= g.Start || e.Start >= g.End {
				continue
			}
			used[k] = true
			relaxed++
			if e.Start == g.Start && e.End == g.End {
				strict++
			}
			if e.Type == g.Type {
				s.typeCorrect++
			}
			if e.Value == g.Value {
				s.valueCorrect++
			} else if errs != nil {
				errs.Value = append(errs.Value, [2]string{text[g.Start:g.End] + "|" + g.Value + "|" + g.Type, e.Text + "|" + e.Value + "|" + e.Type})
			}
			goto next
		}
		if errs != nil {
			errs.Missed = append(errs.Missed, g)
		}
	next:
	}
	if errs != nil {
		for k, e := range sys {
			if !used[k] {
				errs.Spurious = append(errs.Spurious, e)
			}
		}
	}
	s.Strict.Add(eval.NewPRF(len(gold), len(sys), strict))
	s.Relaxed.Add(eval.NewPRF(len(gold), len(sys), relaxed))
	if s.Relaxed.Correct > 0 {
		s.TypeAccuracy = float64(s.typeCorrect) / float64(s.Relaxed.Correct)
		s.ValueAccuracy = float64(s.valueCorrect) / float64(s.Relaxed.Correct)
	}
	s.TypeF1 = s.Relaxed.F1 * s.TypeAccuracy
	s.ValueF1 = s.Relaxed.F1 * s.ValueAccuracy
}

// Evaluation is the score of a directory of TimeML documents, overall and
// per sub-corpus (the first directory level under the root: TimeBank,
// AQUAINT).
type Evaluation struct {
	Gold    string           `json:"gold"`
	Overall Score            `json:"overall"`
	Corpora map[string]Score `json:"corpora,omitempty"`
}

// Evaluate reads the TimeML documents under dir, runs text.New, prepare
// (when not nil: the annotate stage, for tense from part-of-speech tags)
// and Find over each one's raw text with its DCT, and scores the result.
// When errs is not nil it receives each document's errors.
func (r *Resolver) Evaluate(ctx context.Context, dir string, prepare func(*text.Document), errs func(GoldDocument, *Errors)) (Evaluation, error) {
	ev := Evaluation{Gold: dir, Corpora: map[string]Score{}}
	docs, err := ReadTimeMLDir(ctx, dir)
	if err != nil {
		return ev, err
	}
	for _, g := range docs {
		if err := ctx.Err(); err != nil {
			return ev, err
		}
		doc := text.New(g.Text)
		if prepare != nil {
			prepare(doc)
		}
		sys := r.Find(doc, g.DCT)
		var e *Errors
		if errs != nil {
			e = &Errors{}
		}
		ev.Overall.Add(g.Timexs, sys, g.Text, e)
		corpus := "."
		if rel, err := filepath.Rel(dir, g.Path); err == nil {
			if parts := strings.Split(filepath.ToSlash(rel), "/"); len(parts) > 1 {
				corpus = parts[0]
			}
		}
		if corpus != "." {
			c := ev.Corpora[corpus]
			c.Add(g.Timexs, sys, g.Text, nil)
			ev.Corpora[corpus] = c
		}
		if errs != nil {
			errs(g, e)
		}
	}
	if len(ev.Corpora) == 0 {
		ev.Corpora = nil
	}
	return ev, nil
}

// Evaluate scores a fresh Resolver on the TimeML documents under dir; see
// Resolver.Evaluate.
func Evaluate(ctx context.Context, dir string, prepare func(*text.Document)) (Evaluation, error) {
	return New().Evaluate(ctx, dir, prepare, nil)
}
