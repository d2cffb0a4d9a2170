package ingest

import (
	"os"
	"slices"
	"strings"
	"testing"

	"tidings/article"
	"tidings/internal/shared"
)

// writeBackCoNLL writes articles read from CoNLL-2003 back as the CLI
// does, to check that every input line is kept.
func writeBackCoNLL(articles []article.Article) string {
	var b strings.Builder
	for _, a := range articles {
		for _, line := range a.Given.Preamble {
			b.WriteString(line + "\n")
		}
		for _, s := range a.Given.Sentences {
			for _, t := range s.Tokens {
				b.WriteString(strings.Join(t.Columns, " ") + "\n")
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}

func TestReadCoNLLSample(t *testing.T) {
	data, err := os.ReadFile("testdata/sample.conll")
	if err != nil {
		t.Fatal(err)
	}
	o := read(t, "sample.conll", string(data), CoNLL, Options{})
	if len(o.errs) != 0 || len(o.articles) != 2 {
		t.Fatalf("%d articles, errors %q; want 2 articles", len(o.articles), o.errText())
	}
	a := o.articles[0]
	if a.Body != "Millbrook station reopens .\nInes Okafor smiled" || a.Title != "" || a.Origin != "sample.conll:1" {
		t.Errorf("body %q title %q origin %q", a.Body, a.Title, a.Origin)
	}
	if !slices.Equal(a.Given.Preamble, []string{"-DOCSTART- -X- -X- O", ""}) || len(a.Given.Sentences) != 2 {
		t.Errorf("preamble %q, %d sentences", a.Given.Preamble, len(a.Given.Sentences))
	}
	tok := a.Given.Sentences[0].Tokens[0]
	if tok.Form != "Millbrook" || !slices.Equal(tok.Columns, []string{"Millbrook", "NNP", "B-NP", "B-LOC"}) ||
		len(tok.Words) != 1 || tok.Words[0].Form != "Millbrook" || tok.Words[0].Head != -1 || !tok.SpaceAfter {
		t.Errorf("first token %+v", tok)
	}
	if o.articles[1].Origin != "sample.conll:12" {
		t.Errorf("second origin %q", o.articles[1].Origin)
	}
	if got := writeBackCoNLL(o.articles); got != string(data) {
		t.Errorf("written back:\n%s\nwant the input:\n%s", got, data)
	}
}

func TestReadCoNLL(t *testing.T) {
	tests := []struct {
		name, input string
		bodies      []string
		preambles   [][]string
		errs        []string
	}{
		{
			name:   "no DOCSTART is one document",
			input:  "Rain NN B-NP O\nfell VBD B-VP O\n\nSun NN B-NP O\n",
			bodies: []string{"Rain fell\nSun"}, preambles: [][]string{nil},
		},
		{
			name:   "blank lines at the start go to the preamble; extra ones between sentences are ignored",
			input:  "\n\nRain NN B-NP O\n\n\n\nSun NN B-NP O",
			bodies: []string{"Rain\nSun"}, preambles: [][]string{{"", ""}},
		},
		{
			name:   "a document without sentences gives its lines to the next",
			input:  "-DOCSTART- -X- -X- O\n\n-DOCSTART- -X- -X- O\n\nRain NN B-NP O\n",
			bodies: []string{"Rain"}, preambles: [][]string{{"-DOCSTART- -X- -X- O", "", "-DOCSTART- -X- -X- O", ""}},
		},
		{
			name:   "tabs and CRLF",
			input:  "Rain\tNN\tB-NP\tO\r\n\r\n",
			bodies: []string{"Rain"}, preambles: [][]string{nil},
		},
		{name: "only DOCSTART", input: "-DOCSTART- -X- -X- O\n\n", errs: []string{"c.conll: no sentences"}},
		{
			name:   "document over the limit is skipped",
			input:  "-DOCSTART- -X- -X- O\n\n" + strings.Repeat("Rain NN B-NP O\n", 20) + "\n-DOCSTART- -X- -X- O\n\nSun NN B-NP O\n",
			bodies: []string{"Sun"}, preambles: [][]string{{"-DOCSTART- -X- -X- O", ""}},
			errs: []string{"c.conll:10: input too large: document longer than 128 bytes"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := read(t, "c.conll", tt.input, CoNLL, Options{MaxArticleBytes: 128})
			var bodies []string
			var preambles [][]string
			for _, a := range o.articles {
				bodies = append(bodies, a.Body)
				preambles = append(preambles, a.Given.Preamble)
			}
			if !slices.Equal(bodies, tt.bodies) || !slices.EqualFunc(preambles, tt.preambles, slices.Equal) {
				t.Errorf("bodies %q preambles %q, want %q %q", bodies, preambles, tt.bodies, tt.preambles)
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

// TestReadCoNLL2003 reads the shared CoNLL-2003 dev set and writes it back.
func TestReadCoNLL2003(t *testing.T) {
	path := shared.Path(t, "data", "conll2003", "eng.testa.dev.txt")
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
		sentences += len(a.Given.Sentences)
	}
	if sentences != 3250 {
		t.Errorf("%d sentences, want 3250", sentences)
	}
	if writeBackCoNLL(o.articles) != string(data) {
		t.Errorf("writing the articles back does not give the input")
	}
}
