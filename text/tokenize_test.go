package text

import (
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"tidings/internal/shared"
)

func forms(toks []Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Form
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want string // words separated by |
		mw   [][2]int
	}{
		{"Kazakh President Kassym-Jomart Tokayev said", "Kazakh|President|Kassym-Jomart|Tokayev|said", nil},
		{"members of the CSTO – Belarus, Armenia", "members|of|the|CSTO|–|Belarus|,|Armenia", nil},
		{"CSTO–Belarus", "CSTO|–|Belarus", nil},
		{"a two-fold increase in the gas-producing region", "a|two|-|fold|increase|in|the|gas|-|producing|region", nil},
		{"send an e-mail to co-workers", "send|an|e-mail|to|co-workers", nil},
		{"U.S. troops arrived on Jan. 4.", "U.S.|troops|arrived|on|Jan.|4|.", nil},
		{"Dr. Smith and Gen. Lee met", "Dr.|Smith|and|Gen.|Lee|met", nil},
		{"I don't know", "I|do|n't|know", [][2]int{{1, 3}}},
		{"We can't, they won't.", "We|ca|n't|,|they|wo|n't|.", [][2]int{{1, 3}, {5, 7}}},
		{"Google's offer", "Google|'s|offer", [][2]int{{0, 2}}},
		{"Kazakhstan’s government", "Kazakhstan|’s|government", [][2]int{{0, 2}}},
		{"the parents' car", "the|parents|'|car", [][2]int{{1, 3}}},
		{"I cannot go, im tired", "I|can|not|go|,|i|m|tired", [][2]int{{1, 3}, {5, 7}}},
		{"O'Neill's rock", "O'Neill|'s|rock", [][2]int{{0, 2}}},
		{"1,000 people, 2.5 tons, 300+ injured, 8% more", "1,000|people|,|2.5|tons|,|300|+|injured|,|8|%|more", nil},
		{"at 10:30 on 11/28/2000 call 713-853-3989", "at|10:30|on|11/28/2000|call|713-853-3989", nil},
		{"$5 and £10", "$|5|and|£|10", nil},
		{"a 375mm statue, the 20th time, the 1970s", "a|375|mm|statue|,|the|20th|time|,|the|1970s", nil},
		{"see https://example.org/a?b=c. Or www.example.com, now", "see|https://example.org/a?b=c|.|Or|www.example.com|,|now", nil},
		{"write to ann.lee@example.com or @tidings_news #news", "write|to|ann.lee@example.com|or|@tidings_news|#news", nil},
		{"(http://example.org/x_(y))", "(|http://example.org/x_(y)|)", nil},
		{`He said "yes." Then 'no'.`, `He|said|"|yes|.|"|Then|'|no|'|.`, nil},
		{"“Help,” she said… «Non»", "“|Help|,|”|she|said|…|«|Non|»", nil},
		{"Wait... what?! No!!!", "Wait|...|what|?!|No|!!!", nil},
		{"AT&T and A&E", "AT&T|and|A&E", nil},
		{"rock & roll", "rock|&|roll", nil},
		{"great :) really", "great|:)|really", nil},
		{"Zürich's São Paulo", "Zürich|'s|São|Paulo", [][2]int{{0, 2}}},
		{"", "", nil},
		{"   \n\t ", "", nil},
	}
	for _, tt := range tests {
		toks, mws := Tokenize(tt.in)
		got := strings.Join(forms(toks), "|")
		if got != tt.want {
			t.Errorf("Tokenize(%q)\n got %s\nwant %s", tt.in, got, tt.want)
		}
		var gotMW [][2]int
		for _, m := range mws {
			gotMW = append(gotMW, [2]int{m.Start, m.End})
		}
		if !reflect.DeepEqual(gotMW, tt.mw) {
			t.Errorf("Tokenize(%q) multiword = %v, want %v", tt.in, gotMW, tt.mw)
		}
		checkInvariants(t, tt.in, New(tt.in))
	}
}

func TestSpaceAfter(t *testing.T) {
	toks, _ := Tokenize("Hi, you don't.")
	var got []bool
	for _, tk := range toks {
		got = append(got, tk.SpaceAfter)
	}
	want := []bool{false, true, true, false, false, false}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("SpaceAfter = %v, want %v", got, want)
	}
}

// checkInvariants verifies what every later stage relies on: tokens are in
// order, do not overlap, match the text at their offsets and hold no
// whitespace; every non-space byte is covered; sentences and multiword
// spans are well formed and sentences cover every token.
func checkInvariants(t *testing.T, in string, d *Document) {
	t.Helper()
	prev := 0
	covered := make([]bool, len(in))
	for i, tk := range d.Tokens {
		if tk.Start < prev || tk.End <= tk.Start || tk.End > len(in) {
			t.Fatalf("%q: token %d has bad span [%d,%d) after %d", in, i, tk.Start, tk.End, prev)
		}
		if in[tk.Start:tk.End] != tk.Form {
			t.Fatalf("%q: token %d form %q != text %q", in, i, tk.Form, in[tk.Start:tk.End])
		}
		if strings.ContainsAny(tk.Form, " \t\n\r") {
			t.Fatalf("%q: token %d %q holds whitespace", in, i, tk.Form)
		}
		for k := tk.Start; k < tk.End; k++ {
			covered[k] = true
		}
		prev = tk.End
	}
	for i, r := range in {
		if !covered[i] && !isSpace(r) {
			t.Fatalf("%q: byte %d (%q) is in no token", in, i, r)
		}
	}
	next := 0
	for _, s := range d.Sentences {
		if s.Start != next || s.End <= s.Start || s.End > len(d.Tokens) {
			t.Fatalf("%q: bad sentence span %v (expected start %d)", in, s, next)
		}
		next = s.End
	}
	if next != len(d.Tokens) {
		t.Fatalf("%q: sentences cover %d of %d tokens", in, next, len(d.Tokens))
	}
	last := 0
	for _, m := range d.Multiword {
		if m.Start < last || m.End-m.Start < 2 || m.End > len(d.Tokens) {
			t.Fatalf("%q: bad multiword span %v", in, m)
		}
		last = m.End
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"He lives in the U.S. He works in Almaty.", []string{"He lives in the U.S.", "He works in Almaty."}},
		{"The U.S. Army said so.", []string{"The U.S. Army said so."}},
		{"On Jan. 4 they met. On Jan. 5, the clashes began.", []string{"On Jan. 4 they met.", "On Jan. 5, the clashes began."}},
		{"Dr. Smith arrived. Gen. Lee left!", []string{"Dr. Smith arrived.", "Gen. Lee left!"}},
		{`"Go home!" he said. Then he left.`, []string{`"Go home!" he said.`, "Then he left."}},
		{`The CSTO said: "The peacekeepers have begun." Rallies continue.`, []string{`The CSTO said: "The peacekeepers have begun."`, "Rallies continue."}},
		{"Russia deploys troops\n\nRussia has sent troops.", []string{"Russia deploys troops", "Russia has sent troops."}},
		// EWT makes an opening aside a sentence of its own.
		{"Is it true? Yes. (Reuters) The talks ended.", []string{"Is it true?", "Yes.", "(Reuters)", "The talks ended."}},
		{"Prices rose by 2.5 percent. The bank said so.", []string{"Prices rose by 2.5 percent.", "The bank said so."}},
		{"Wait... we are not done.", []string{"Wait... we are not done."}},
		{"I loved it. :) Great staff.", []string{"I loved it. :)", "Great staff."}},
		// A heading or a signature on its own short line ends there; a line
		// of hard-wrapped prose (wire copy) does not.
		{"Results of the vote\nThe party won 40 seats.", []string{"Results of the vote", "The party won 40 seats."}},
		{"Showers continued throughout the week and a financial expert in\nTokyo said prices would fall.", []string{"Showers continued throughout the week and a financial expert in\nTokyo said prices would fall."}},
		{"The consortium said it had signed an agreement with ENERGY HOLDINGS\nThe deal closes in May.", []string{"The consortium said it had signed an agreement with ENERGY HOLDINGS", "The deal closes in May."}},
	}
	for _, tt := range tests {
		d := New(tt.in)
		var got []string
		for _, s := range d.Sentences {
			got = append(got, d.SpanText(s))
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("sentences of %q\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestFromGiven(t *testing.T) {
	in := "I don't know.  Really"
	d := FromGiven(in, [][]GivenToken{
		{{Form: "I", SpaceAfter: true}, {Form: "don't", Words: []string{"do", "n't"}, SpaceAfter: true}, {Form: "know"}, {Form: ".", SpaceAfter: true}},
		{{Form: "Really"}},
	})
	if got := strings.Join(forms(d.Tokens), "|"); got != "I|do|n't|know|.|Really" {
		t.Fatalf("forms = %s", got)
	}
	if d.Tokens[2].Start != 4 || d.Tokens[2].End != 7 {
		t.Errorf("n't span = [%d,%d), want [4,7)", d.Tokens[2].Start, d.Tokens[2].End)
	}
	if len(d.Sentences) != 2 || d.SpanText(d.Sentences[1]) != "Really" {
		t.Errorf("sentences = %v", d.Sentences)
	}
	if len(d.Multiword) != 1 || d.Multiword[0] != (Span{Start: 1, End: 3}) {
		t.Errorf("multiword = %v", d.Multiword)
	}
	st := d.SurfaceTokens(d.Sentences[0])
	if len(st) != 4 || in[st[1].Start:st[1].End] != "don't" {
		t.Errorf("surface tokens = %v", st)
	}
}

func TestSeedCoverage(t *testing.T) {
	b, err := os.ReadFile(shared.Path(t, "seed", "000_9bd460b4f00f53ae.txt"))
	if err != nil {
		t.Fatal(err)
	}
	d := New(string(b))
	checkInvariants(t, d.Text, d)
	found := map[string]bool{}
	for _, tk := range d.Tokens {
		found[tk.Form] = true
	}
	for _, w := range []string{"Kassym-Jomart", "CSTO", "–", "Kyrgyzstan", "300", "Mangystau"} {
		if !found[w] {
			t.Errorf("seed: no token %q", w)
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"U.S. troops arrived on Jan. 4. They don't stay.",
		"“Help,” she said… «Non» https://x.org/(a). ann@x.com @h #t 1,000.5 300+ 8% :) e-mail",
		"parents' O'Neill's ’s ' '' `` -- ... !!! ?! \x00 \xff",
		"A.\n\nB", "Inc.. ok", "a@b", "http://", "www.", "(", "’",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if !utf8.ValidString(in) {
			in = strings.ToValidUTF8(in, "\uFFFD")
		}
		checkInvariants(t, in, New(in))
	})
}

func BenchmarkTokenize(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Tokenize(text)
	}
}

func BenchmarkNew(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		New(text)
	}
}

// benchText is about 1 MB of news text made from the bundled example.
func benchText(b *testing.B) string {
	ex, err := os.ReadFile("../examples/nordic-grid.txt")
	if err != nil {
		b.Fatal(err)
	}
	return strings.Repeat(string(ex)+"\n\n", 1<<20/len(ex))
}

func TestSentenceOf(t *testing.T) {
	d := New("One two. Three four five. Six.")
	for tok, want := range map[int]int{0: 0, 2: 0, 3: 1, 6: 1, 7: 2, 8: 2} {
		s, ok := d.SentenceOf(tok)
		if !ok || s != d.Sentences[want] {
			t.Errorf("SentenceOf(%d) = %v, %v; want sentence %d %v", tok, s, ok, want, d.Sentences[want])
		}
	}
	if _, ok := d.SentenceOf(len(d.Tokens)); ok {
		t.Error("SentenceOf past the last token found a sentence")
	}
}
