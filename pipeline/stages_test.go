package pipeline

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"tidings/article"
)

func TestStages(t *testing.T) {
	for _, tc := range []struct {
		name    string
		opt     Options
		want    []string
		wantErr string
	}{
		{"default", Options{}, []string{"annotate", "entities", "dates", "events", "tags"}, ""},
		{"shallow", Options{Shallow: true}, []string{"annotate", "entities", "dates", "tags"}, ""},
		{"disable", Options{Disable: []string{"parse", "events"}}, []string{"annotate", "entities", "dates", "tags"}, ""},
		{"no tags", Options{Disable: []string{"tags"}}, []string{"annotate", "entities", "dates", "events"}, ""},
		{"no dates", Options{Disable: []string{"dates", "events"}}, []string{"annotate", "entities", "tags"}, ""},
		{"events need the parse", Options{Disable: []string{"parse"}}, nil, "stage events needs parse, which is disabled"},
		{"tags need entities", Options{Disable: []string{"entities", "events"}}, nil, "stage tags needs entities, which is disabled"},
		{"unknown", Options{Disable: []string{"ner"}}, nil, `disable "ner": no such layer`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := NewWith(tc.opt)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := p.Stages(); !slices.Equal(got, tc.want) {
				t.Errorf("stages %v, want %v", got, tc.want)
			}
		})
	}
}

// TestDisableIsShallow: Shallow is the shorthand of disabling the parse
// and events, and a disabled layer stays empty.
func TestDisableIsShallow(t *testing.T) {
	a := article.Article{Title: "Troops sent", Body: "Russia sent troops to Kazakhstan on Wednesday, officials said.", Published: time.Date(2022, 1, 6, 0, 0, 0, 0, time.UTC)}
	shallow, err := NewWith(Options{Shallow: true})
	if err != nil {
		t.Fatal(err)
	}
	disabled, err := NewWith(Options{Disable: []string{"parse", "events"}})
	if err != nil {
		t.Fatal(err)
	}
	x, err := shallow.Analyze(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	y, err := disabled.Analyze(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(x.Record()) != fmt.Sprint(y.Record()) {
		t.Errorf("Shallow and Disable differ:\n%v\n%v", x.Record(), y.Record())
	}
	if x.Doc.Tokens[1].Deprel != "" || len(x.Events) != 0 {
		t.Error("a shallow analysis has a parse or events")
	}
	if !x.Published.Equal(a.Published) {
		t.Errorf("Published = %v, want %v", x.Published, a.Published)
	}

	noTags, err := NewWith(Options{Disable: []string{"tags"}})
	if err != nil {
		t.Fatal(err)
	}
	z, err := noTags.Analyze(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	if len(z.Tags) != 0 || len(z.Entities) == 0 || z.Doc.Tokens[1].Deprel == "" {
		t.Errorf("without tags: %d tags, %d entities, deprel %q", len(z.Tags), len(z.Entities), z.Doc.Tokens[1].Deprel)
	}
}

// TestCancelled: a cancelled analysis ends with the context's error, not
// a stage's own.
func TestCancelled(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	a := article.Article{Origin: "x.txt", Body: "Russia sent troops to Kazakhstan."}
	for _, f := range []func(context.Context, article.Article) (*Analysis, error){p.Analyze, p.AnalyzeGiven} {
		if _, err := f(ctx, a); !errors.Is(err, context.Canceled) || !strings.HasPrefix(err.Error(), "analyze x.txt: ") {
			t.Errorf("err = %v, want analyze x.txt: context canceled", err)
		}
	}
	an := &Analysis{Article: a, Doc: nil}
	for _, st := range p.stages {
		if st.Name() == EventsLayer {
			if err := st.Run(ctx, an); !errors.Is(err, context.Canceled) {
				t.Errorf("events stage on a cancelled context: %v", err)
			}
		}
	}
}

// TestParseOnlyWhatEventsRead: with events on, a sentence no event can
// come from keeps no parse, the others are parsed, and the events and the
// record are those of a pipeline that parses every sentence.
func TestParseOnlyWhatEventsRead(t *testing.T) {
	sentences := []struct {
		text   string
		parsed bool
	}{
		{"Russia sent troops to Kazakhstan on Wednesday.", true},        // a trigger verb
		{"The weather in Almaty was cold and dry.", false},              // no trigger
		{"Talks with China will resume next week.", true},               // an eventive noun
		{"The union called off the strike at the port.", true},          // a phrasal trigger
		{"TROOPS SENT TO KAZAKHSTAN AS PROTESTS SPREAD", false},         // capitals: nothing is coded
		{"Prices of bread and fuel rose by a tenth in a month.", false}, // no trigger
	}
	var body []string
	for _, s := range sentences {
		body = append(body, s.text)
	}
	a := article.Article{Body: strings.Join(body, "\n\n"), Published: time.Date(2022, 1, 6, 0, 0, 0, 0, time.UTC)}
	some, err := New()
	if err != nil {
		t.Fatal(err)
	}
	all, err := NewWith(Options{ParseAll: true})
	if err != nil {
		t.Fatal(err)
	}
	x, err := some.Analyze(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	y, err := all.Analyze(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	if len(x.Doc.Sentences) != len(sentences) {
		t.Fatalf("%d sentences, want %d", len(x.Doc.Sentences), len(sentences))
	}
	for i, s := range sentences {
		sent := x.Doc.Sentences[i]
		parsed := false
		for _, tok := range x.Doc.Tokens[sent.Start:sent.End] {
			parsed = parsed || tok.Deprel != ""
		}
		if parsed != s.parsed {
			t.Errorf("%q: parsed %v, want %v", s.text, parsed, s.parsed)
		}
		for _, tok := range y.Doc.Tokens[sent.Start:sent.End] {
			if tok.Deprel == "" {
				t.Errorf("%q: ParseAll left %q unparsed", s.text, tok.Form)
			}
		}
	}
	if len(x.Events) == 0 {
		t.Error("no events")
	}
	if fmt.Sprint(x.Record()) != fmt.Sprint(y.Record()) {
		t.Errorf("parsing only what events read changed the record:\n%v\n%v", x.Record(), y.Record())
	}
}
