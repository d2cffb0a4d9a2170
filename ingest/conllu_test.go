package ingest

import (
	"os"
	"slices"
	"strings"
	"testing"

	"tidings/article"
	"tidings/internal/shared"
)

func TestReadCoNLLUSample(t *testing.T) {
	o := readTestdata(t, "sample.conllu", CoNLLU)
	if len(o.errs) != 0 || len(o.articles) != 2 {
		t.Fatalf("%d articles, errors %q; want 2", len(o.articles), o.errText())
	}
	a := o.articles[0]
	if a.ID != "lantern-01" || a.Origin != "sample.conllu:1" || a.Body != "The bridge didn't close. Trains ran!" {
		t.Errorf("ID %q origin %q body %q", a.ID, a.Origin, a.Body)
	}
	s := a.Given.Sentences[0]
	if s.ID != "lantern-01-1" || s.Text != "The bridge didn't close." || !s.NewPar ||
		!slices.Equal(s.Comments, []string{"newdoc id = lantern-01", "sent_id = lantern-01-1", "newpar", "text = The bridge didn't close."}) {
		t.Errorf("sentence metadata %+v", s)
	}
	var forms []string
	for _, tok := range s.Tokens {
		forms = append(forms, tok.Form)
	}
	if !slices.Equal(forms, []string{"The", "bridge", "didn't", "close", "."}) {
		t.Errorf("token forms %q", forms)
	}
	mwt := s.Tokens[2]
	wantWords := []article.Word{
		{Form: "did", Lemma: "do", UPOS: "AUX", XPOS: "VBD", Feats: "Mood=Ind|Tense=Past|VerbForm=Fin", Head: 5, Deprel: "aux", Deps: "5:aux"},
		{Form: "n't", Lemma: "not", UPOS: "PART", XPOS: "RB", Feats: "Polarity=Neg", Head: 5, Deprel: "advmod", Deps: "5:advmod"},
	}
	if !slices.Equal(mwt.Words, wantWords) || !mwt.SpaceAfter {
		t.Errorf("multiword token %+v", mwt)
	}
	if close := s.Tokens[3]; close.SpaceAfter || close.Words[0].Misc != "SpaceAfter=No" {
		t.Errorf("token before the period %+v, want SpaceAfter false", close)
	}
	// The empty node 2.1 is skipped; the sentence has no "# text".
	s2 := a.Given.Sentences[1]
	if len(s2.Tokens) != 3 || s2.Text != "" || s2.NewPar {
		t.Errorf("second sentence %+v", s2)
	}
	if b := o.articles[1]; b.ID != "lantern-02" || b.Body != "Rain fell." || b.Origin != "sample.conllu:19" {
		t.Errorf("second document ID %q body %q origin %q", b.ID, b.Body, b.Origin)
	}
}

func TestReadCoNLLU(t *testing.T) {
	const (
		w1 = "1\tRain\train\tNOUN\tNN\t_\t2\tnsubj\t_\t_\n"
		w2 = "2\tfell\tfall\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n"
		w3 = "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
	)
	tests := []struct {
		name, input string
		limit       int64
		bodies      []string
		errs        []string
	}{
		{name: "text from tokens", input: w1 + w2 + w3, bodies: []string{"Rain fell."}},
		{name: "no final blank line", input: "# text = Rain fell.\n" + w1 + w2 + w3 + "\n# text = Sun.\n1\tSun\tsun\tNOUN\tNN\t_\t0\troot\t_\t_", bodies: []string{"Rain fell. Sun."}},
		{name: "new paragraph", input: "# newpar\n" + w1 + "\n# newpar\n" + w1 + "\n" + w1, bodies: []string{"Rain\n\nRain Rain"}},
		{
			name:   "wrong column count drops the sentence",
			input:  w1 + "2\tfell\tfall\n" + w3 + "\n" + w1,
			bodies: []string{"Rain"}, errs: []string{"u.conllu:2: 3 columns, want 10"},
		},
		{
			name:   "bad ID",
			input:  w1 + strings.Replace(w2, "2", "x", 1) + "\n" + w1 + "\n" + "1-a\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n",
			bodies: []string{"Rain"}, errs: []string{`u.conllu:2: bad ID "x"`, `u.conllu:6: bad ID "1-a"`},
		},
		{name: "IDs out of order", input: w2 + "\n" + w1, bodies: []string{"Rain"}, errs: []string{"u.conllu:1: word ID 2, want 1"}},
		{name: "bad HEAD", input: strings.Replace(w1, "\t2\t", "\tx\t", 1), errs: []string{`u.conllu:1: bad HEAD "x"`}},
		{
			name:  "unfinished multiword token",
			input: "1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n" + w1 + "\n",
			errs:  []string{"u.conllu:1: multiword token ends at word 2, but the sentence ends at word 1"},
		},
		{name: "comments only", input: "# a comment\n\n", errs: []string{"u.conllu: no sentences"}},
		{
			name:   "newdoc without id",
			input:  "# newdoc\n" + w1 + "\n# newdoc\n" + w1 + w2,
			bodies: []string{"Rain", "Rain fell"},
		},
		{
			name:   "document over the limit",
			input:  "# newdoc id = big\n" + strings.Repeat(w1+"\n", 5) + "# newdoc id = small\n" + w1,
			limit:  100,
			bodies: []string{"Rain"}, errs: []string{"u.conllu:6: input too large: document longer than 100 bytes"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := read(t, "u.conllu", tt.input, CoNLLU, Options{MaxArticleBytes: tt.limit})
			var bodies []string
			for _, a := range o.articles {
				bodies = append(bodies, a.Body)
			}
			if !slices.Equal(bodies, tt.bodies) {
				t.Errorf("bodies %q, want %q", bodies, tt.bodies)
			}
			if len(o.errs) != len(tt.errs) {
				t.Fatalf("errors:\n%s\nwant %q", o.errText(), tt.errs)
			}
			for i, want := range tt.errs {
				if !strings.HasPrefix(o.errs[i].Error(), want) {
					t.Errorf("error %q, want prefix %q", o.errs[i], want)
				}
			}
		})
	}
}

// TestReadEWT reads the shared UD English-EWT dev set: every sentence, and
// tokens that rebuild each sentence's text.
func TestReadEWT(t *testing.T) {
	path := shared.Path(t, "data", "ud-english-ewt", "en_ewt-ud-dev.conllu")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	o := read(t, path, string(data), Auto, Options{})
	if len(o.errs) != 0 {
		t.Fatalf("errors: %s", o.errText())
	}
	sentences := 0
	for _, a := range o.articles {
		for _, s := range a.Given.Sentences {
			sentences++
			var b strings.Builder
			for i, tok := range s.Tokens {
				b.WriteString(tok.Form)
				if tok.SpaceAfter && i < len(s.Tokens)-1 {
					b.WriteByte(' ')
				}
			}
			if b.String() != s.Text {
				t.Errorf("%s: tokens give %q, want %q", s.ID, b.String(), s.Text)
			}
		}
	}
	if sentences != 2001 || len(o.articles) != strings.Count(string(data), "# newdoc") {
		t.Errorf("%d sentences in %d documents, want 2001 in one per newdoc", sentences, len(o.articles))
	}
}
