package events

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tidings/text"
)

func TestShippedDictionary(t *testing.T) {
	_, d := load(t)
	if n := d.Len(); n < 1000 {
		t.Errorf("%d patterns, want the shipped dictionary's 1000 and more", n)
	}
	roots := map[int]bool{}
	for trig, ps := range d.patterns {
		for _, p := range ps {
			if p.Null {
				continue // "---": a use of the verb that codes nothing
			}
			c, ok := d.Code(p.Code)
			if !ok {
				t.Errorf("%s: %s codes %s, which cameo.tsv lacks", p.Line, trig, p.Code)
				continue
			}
			if c.PLOVER == "" || c.Name == "" {
				t.Errorf("code %s has no PLOVER category or name", c.Code)
			}
			roots[root(p.Code)] = true
		}
	}
	for r := 2; r <= 20; r++ {
		if !roots[r] {
			t.Errorf("no pattern codes root %02d", r)
		}
	}
	for _, tc := range []struct{ code, plover string }{{"074", "AID"}, {"0831", "CONCEDE"}, {"023", "REQUEST"}, {"190", "ASSAULT"}, {"141", "PROTEST"}} {
		if c, _ := d.Code(tc.code); c.PLOVER != tc.plover {
			t.Errorf("code %s: PLOVER %q, want %q", tc.code, c.PLOVER, tc.plover)
		}
	}
	if c, _ := d.Code("190"); c.Goldstein != -10 || c.QuadClass() != 4 {
		t.Errorf("190: Goldstein %v quad %d, want -10 and 4", c.Goldstein, c.QuadClass())
	}
	if r, ok := d.Agent("police"); !ok || r != "COP" {
		t.Errorf("agent police = %q, want COP", r)
	}
}

func TestExtension(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.txt", "# my additions\n&GADGET\twidget widgets\n071\tship\tobj=&GADGET >to\nagent\tharbourmaster\tGOV\nactor\torg:nato\tNATO\n")
	d, err := LoadDictionary(good)
	if err != nil {
		t.Fatal(err)
	}
	ps := d.Patterns("ship")
	if len(ps) == 0 || ps[0].Code != "071" || !strings.HasSuffix(ps[0].Line, "good.txt:3") {
		t.Errorf("extension pattern not loaded first: %+v", ps)
	}
	if r, _ := d.Agent("harbourmaster"); r != "GOV" {
		t.Errorf("extension agent: %q", r)
	}
	if c, _ := d.Actor("org:nato"); c != "NATO" {
		t.Errorf("extension actor code: %q", c)
	}
	for name, body := range map[string]string{
		"badcode.txt":  "999\tattack\n",
		"notcode.txt":  "0x1\tattack\n",
		"noclass.txt":  "190\tattack\tobj=&NOSUCH\n",
		"badcond.txt":  "190\tattack\tobj\n",
		"onefield.txt": "190\n",
		"emptyalt.txt": "190\tattack\tobj=a||b\n",
	} {
		path := write(name, body)
		_, err := LoadDictionary(path)
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		if !strings.Contains(err.Error(), name+":1") {
			t.Errorf("%s: error %q does not name the file and line", name, err)
		}
	}
	if _, err := LoadDictionary(filepath.Join(dir, "missing.txt")); err == nil || !strings.Contains(err.Error(), "missing.txt") {
		t.Errorf("missing file: %v", err)
	}
}

func TestCodeMaps(t *testing.T) {
	tests := []struct {
		f        func(string) string
		name     string
		in, want string
	}{
		{negatedCode, "negated aid", "072", "121"},
		{negatedCode, "negated meeting", "040", "125"},
		{negatedCode, "negated attack", "190", ""},
		{intentCode, "intent to meet", "042", "036"},
		{intentCode, "intent to attack", "190", "138"},
		{threatCode, "threat to sanction", "163", "131"},
		{appealCode, "appeal for aid", "070", "023"},
		{demandCode, "demand to yield", "0841", "105"},
	}
	for _, tt := range tests {
		if got := tt.f(tt.in); got != tt.want {
			t.Errorf("%s: %s -> %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestExtensionWinsTies(t *testing.T) {
	p := filepath.Join(t.TempDir(), "mine.txt")
	if err := os.WriteFile(p, []byte("111\tattack\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := LoadDictionary(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range d.Patterns("attack") {
		if q.specificity() == 0 {
			if q.Code != "111" {
				t.Errorf("the shipped bare pattern %s (%s) beats the user's", q.Code, q.Line)
			}
			break
		}
	}
}

func TestMayTrigger(t *testing.T) {
	d, err := LoadDictionary()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		form, lemma, upos string
		want              bool
	}{
		{"imposed", "impose", "VERB", true},       // a verb trigger, by its lemma
		{"called", "call", "VERB", true},          // the verb of a phrasal trigger ("call off")
		{"re-imposed", "re-impose", "VERB", true}, // done again: the same event
		{"talks", "talk", "NOUN", true},           // an eventive noun, by its form
		{"Talks", "talk", "PROPN", true},          // in a title-case headline
		{"impose", "impose", "NOUN", false},       // a verb's trigger is no noun's
		{"weather", "weather", "NOUN", false},     // no trigger
		{"said", "say", "VERB", false},            // speech is not coded as such
		{"imposed", "impose", "ADJ", false},       // only verbs and nouns trigger
	} {
		tok := text.Token{Form: tc.form, Lemma: tc.lemma, UPOS: tc.upos}
		if got := d.MayTrigger(&tok); got != tc.want {
			t.Errorf("%s/%s/%s: %v, want %v", tc.form, tc.lemma, tc.upos, got, tc.want)
		}
	}
}
