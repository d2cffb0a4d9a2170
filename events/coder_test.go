package events

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"tidings/dates"
	"tidings/kb"
	"tidings/link"
	"tidings/text"
)

var (
	loadOnce sync.Once
	testKB   *kb.KB
	testDict *Dictionary
	loadErr  error
)

func load(t testing.TB) (*kb.KB, *Dictionary) {
	t.Helper()
	loadOnce.Do(func() {
		testKB, loadErr = kb.Load()
		if loadErr == nil {
			testDict, loadErr = LoadDictionary()
		}
	})
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	return testKB, testDict
}

// parse builds a one-sentence document from rows "form lemma UPOS head
// deprel [NER]" (head 1-based, 0 for the root; NER a B-/I- type), so that
// the coder is tested on exact parses, apart from the parser's errors.
func parse(t testing.TB, rows string) *text.Document {
	t.Helper()
	var given []text.GivenToken
	type row struct {
		lemma, upos, deprel, ner string
		head                     int
	}
	var rs []row
	for _, line := range strings.Split(strings.TrimSpace(rows), "\n") {
		f := strings.Fields(line)
		if len(f) < 5 {
			t.Fatalf("bad row %q", line)
		}
		h, err := strconv.Atoi(f[3])
		if err != nil {
			t.Fatalf("bad head in %q", line)
		}
		r := row{lemma: f[1], upos: f[2], head: h, deprel: f[4]}
		if len(f) > 5 {
			r.ner = f[5]
		}
		rs = append(rs, r)
		given = append(given, text.GivenToken{Form: f[0], SpaceAfter: true})
	}
	var forms []string
	for _, g := range given {
		forms = append(forms, g.Form)
	}
	d := text.FromGiven(strings.Join(forms, " "), [][]text.GivenToken{given})
	for i, r := range rs {
		tok := &d.Tokens[i]
		tok.Lemma, tok.UPOS, tok.Deprel, tok.Head = r.lemma, r.upos, r.deprel, r.head-1
		switch {
		case strings.HasPrefix(r.ner, "B-"):
			d.Entities = append(d.Entities, text.Span{Start: i, End: i + 1, Label: r.ner[2:]})
		case strings.HasPrefix(r.ner, "I-"):
			d.Entities[len(d.Entities)-1].End = i + 1
		}
	}
	return d
}

func code(t testing.TB, d *text.Document, published string) []string {
	k, dict := load(t)
	day, err := time.Parse("2006-01-02", published)
	if err != nil {
		t.Fatal(err)
	}
	ents := link.New(k).Link(d, day)
	var out []string
	for _, e := range New(dict, k).Code(d, ents, nil, day) {
		out = append(out, fmt.Sprintf("%s %s->%s", e.Code.Code, e.Source.Code, orDash(e.Target.Code)))
	}
	slices.Sort(out)
	return out
}

func orDash(s string) string {
	if s == "" {
		return Unknown
	}
	return s
}

func TestCode(t *testing.T) {
	tests := []struct {
		name, rows, published string
		want                  []string
	}{
		{"peacekeepers sent", `
Russia Russia PROPN 3 nsubj B-LOC
has have AUX 3 aux
sent send VERB 0 root
troops troops NOUN 3 obj
to to ADP 6 case
Kazakhstan Kazakhstan PROPN 3 obl B-LOC`, "2022-01-06", []string{"074 RUS->KAZ"}},
		{"coordinated sources through an apposition", `
members member NOUN 7 nsubj
– – PUNCT 3 punct
Belarus Belarus PROPN 1 appos B-LOC
and and CCONJ 5 cc
Armenia Armenia PROPN 3 conj B-LOC
have have AUX 7 aux
sent send VERB 0 root
troops troops NOUN 7 obj
to to ADP 10 case
Kazakhstan Kazakhstan PROPN 7 obl B-LOC`, "2022-01-06", []string{"074 ARM->KAZ", "074 BLR->KAZ"}},
		{"agent noun with a nationality", `
Syrian Syrian ADJ 2 amod B-MISC
rebels rebel NOUN 3 nsubj
attacked attack VERB 0 root
Turkey Turkey PROPN 3 obj B-LOC`, "2015-06-09", []string{"* SYRREB->TUR"}},
		{"a phone call on a day: the day is no target", `
Putin Putin PROPN 2 nsubj B-PER
called call VERB 0 root
Erdogan Erdogan PROPN 2 obj B-PER
on on ADP 5 case
Tuesday Tuesday PROPN 2 obl`, "2024-11-08", []string{"041 RUSGOV->TURGOV"}}, // a phone call, not an appeal
		{"an appeal on a day: the target is the one appealed to", `
Ukraine Ukraine PROPN 4 nsubj B-LOC
on on ADP 3 case
Monday Monday PROPN 4 obl
called call VERB 0 root
on on ADP 6 case
Germany Germany PROPN 4 obl B-LOC
to to PART 8 mark
send send VERB 4 xcomp
weapons weapon NOUN 8 obj`, "2024-11-08", []string{"023 UKR->DEU"}}, // an appeal for what the embedded verb asks (aid)
		{"a phone call: call with an actor as object", `
Olaf Olaf PROPN 3 nsubj B-PER
Scholz Scholz PROPN 1 flat I-PER
called call VERB 0 root
Emmanuel Emmanuel PROPN 3 obj B-PER
Macron Macron PROPN 4 flat I-PER
on on ADP 7 case
Friday Friday PROPN 3 obl`, "2024-11-08", []string{"041 DEUGOV->FRAGOV"}},
		{"calling someone something is no phone call", `
Olaf Olaf PROPN 3 nsubj B-PER
Scholz Scholz PROPN 1 flat I-PER
called call VERB 0 root
Emmanuel Emmanuel PROPN 3 obj B-PER
Macron Macron PROPN 4 flat I-PER
a a DET 7 det
friend friend NOUN 3 xcomp`, "2024-11-08", nil},
		{"calling someone something, as the parser often hangs it", `
Trump Trump PROPN 2 nsubj B-PER
called call VERB 0 root
Zelensky Zelensky PROPN 2 obj B-PER
a a DET 5 det
salesman salesman NOUN 2 obl:unmarked`, "2024-11-08", nil},
		{"called by no one named", `
Police police NOUN 3 nsubj:pass
were be AUX 3 aux:pass
called call VERB 0 root`, "1987-03-02", nil},
		{"passive with by-agent", `
Evidence evidence NOUN 5 nsubj:pass
against against ADP 3 case
Russia Russia PROPN 1 nmod B-LOC
was be AUX 5 aux:pass
presented present VERB 0 root
by by ADP 8 case
the the DET 8 det
US US PROPN 5 obl B-LOC`, "2015-06-09", []string{"* USA->RUS"}},
		{"negated aid is a rejection", `
Obama Obama PROPN 4 nsubj B-PER
would would AUX 4 aux
not not PART 4 advmod
provide provide VERB 0 root
aid aid NOUN 4 obj
to to ADP 7 case
Israel Israel PROPN 4 obl B-LOC`, "2015-06-09", []string{"121 USAGOV->ISR"}},
		{"a threat of an act no pattern codes, aimed at the one its condition asks to act", `
Russia Russia PROPN 2 nsubj B-LOC
threatened threaten VERB 0 root
to to PART 4 mark
respond respond VERB 2 xcomp
if if SCONJ 7 mark
Ukraine Ukraine PROPN 7 nsubj B-LOC
attacked attack VERB 4 advcl`, "2024-11-08", []string{"130 RUS->UKR"}}, // the attack in the condition has not happened
		{"a negated threat is no event", `
Russia Russia PROPN 4 nsubj B-LOC
did do AUX 4 aux
not not PART 4 advmod
threaten threaten VERB 0 root
to to PART 6 mark
attack attack VERB 4 xcomp
Ukraine Ukraine PROPN 6 obj B-LOC`, "2024-11-08", nil},
		{"warning someone to act is no threat", `
Russia Russia PROPN 2 nsubj B-LOC
warned warn VERB 0 root
Ukraine Ukraine PROPN 2 obj B-LOC
to to PART 5 mark
leave leave VERB 2 xcomp`, "2024-11-08", nil},
		{"a warning of what the warner will do is a threat to the one warned", `
Beijing Beijing PROPN 2 nsubj B-LOC
warned warn VERB 0 root
Manila Manila PROPN 2 iobj B-LOC
that that SCONJ 7 mark
it it PRON 7 nsubj
would would AUX 7 aux
respond respond VERB 2 ccomp`, "2024-11-08", []string{"130 CHN->PHL"}},
		{"intent to attack is a threat", `
Obama Obama PROPN 2 nsubj B-PER
wants want VERB 0 root
to to PART 4 mark
attack attack VERB 2 xcomp
Switzerland Switzerland PROPN 4 obj B-LOC`, "2015-06-09", []string{"138 USAGOV->CHE"}},
		{"a document speaks for who issued it", `
a a DET 2 det
report report NOUN 8 nsubj
released release VERB 2 acl
in in ADP 7 case
the the DET 7 det
Rwandan Rwandan ADJ 7 amod B-MISC
capital capital NOUN 3 obl
alleged allege VERB 0 root
that that SCONJ 12 mark
France France PROPN 12 nsubj B-LOC
was be AUX 12 cop
aware aware ADJ 8 ccomp`, "2008-08-06", []string{"112 RWA->FRA"}},
		{"a document naming no one codes nothing", `
the the DET 2 det
report report NOUN 3 nsubj
alleged allege VERB 0 root
that that SCONJ 7 mark
France France PROPN 7 nsubj B-LOC
was be AUX 7 cop
aware aware ADJ 3 ccomp`, "2008-08-06", nil},
		{"a country word inside an unknown name", `
The the DET 3 det
US US PROPN 3 compound B-ORG
Secretary secretary NOUN 6 nsubj I-ORG
of of ADP 5 case I-ORG
state state NOUN 3 nmod I-ORG
wants want VERB 0 root
to to PART 8 mark
help help VERB 6 xcomp
iSrael iSrael PROPN 8 obj`, "2015-06-09", []string{"033 USAGOV->ISR"}},
		{"a dateline with a colon is no actor", `
MOSCOW Moscow PROPN 3 nsubj B-LOC
: : PUNCT 1 punct
attacked attack VERB 0 root
Ukraine Ukraine PROPN 3 obj B-LOC`, "2015-06-09", nil},
		{"a document's topic is not its issuer", `
a a DET 2 det
report report NOUN 5 nsubj
on on ADP 4 case
Syria Syria PROPN 2 nmod B-LOC
alleged allege VERB 0 root
that that SCONJ 9 mark
France France PROPN 9 nsubj B-LOC
was be AUX 9 cop
aware aware ADJ 5 ccomp`, "2008-08-06", nil},
		{"force by a thing is no event", `
Japan Japan PROPN 3 nsubj:pass B-LOC
was be AUX 3 aux:pass
hit hit VERB 0 root
by by ADP 6 case
currency currency NOUN 6 compound
appreciation appreciation NOUN 3 obl:agent`, "1987-03-09", nil},
		{"force by a weapon was used by someone", `
Japan Japan PROPN 3 nsubj:pass B-LOC
was be AUX 3 aux:pass
hit hit VERB 0 root
by by ADP 5 case
missile missile NOUN 3 obl:agent`, "1987-03-09", []string{"190 ---->JPN"}},
		{"a verb's own agent, not its conjunct's subject", `
Russia Russia PROPN 2 nsubj B-LOC
attacked attack VERB 0 root
Ukraine Ukraine PROPN 2 obj B-LOC
and and CCONJ 5 cc
hit hit VERB 2 conj
Poland Poland PROPN 5 obj B-LOC
by by ADP 9 case
currency currency NOUN 9 compound
appreciation appreciation NOUN 5 obl:agent`, "2015-06-09", []string{"190 RUS->UKR"}},
		{"a question asked is no appeal", `
Reporters reporter NOUN 2 nsubj
asked ask VERB 0 root
Russia Russia PROPN 2 iobj B-LOC
whether whether SCONJ 7 mark
it it PRON 7 nsubj
would would AUX 7 aux
leave leave VERB 2 ccomp`, "2015-06-09", nil},
		{"an appeal asked is one", `
Kazakhstan Kazakhstan PROPN 2 nsubj B-LOC
asked ask VERB 0 root
Russia Russia PROPN 2 iobj B-LOC
for for ADP 5 case
help help NOUN 2 obl`, "2022-01-06", []string{"020 KAZ->RUS"}},
		{"a place's name is no role", `
Soviet Soviet PROPN 2 compound B-LOC
Union Union PROPN 3 nsubj I-LOC
attacked attack VERB 0 root
Afghanistan Afghanistan PROPN 3 obj B-LOC`, "1987-03-09", nil},
		{"a word before a name's head is no role", `
General General PROPN 2 compound B-ORG
Motors Motors PROPN 3 nsubj I-ORG
attacked attack VERB 0 root
Afghanistan Afghanistan PROPN 3 obj B-LOC`, "1987-03-09", nil},
		{"the head of an unknown name is a role", `
Auto Auto PROPN 2 compound B-ORG
Workers Workers PROPN 3 nsubj I-ORG
criticised criticise VERB 0 root
Afghanistan Afghanistan PROPN 3 obj B-LOC`, "1987-03-09", []string{"111 ---LAB->AFG"}},
		{"a verb done again is the same event", `
Russia Russia PROPN 2 nsubj B-LOC
re-imposed re-impose VERB 0 root
sanctions sanction NOUN 2 obj
on on ADP 5 case
Georgia Georgia PROPN 2 obl B-LOC`, "2015-06-09", []string{"* RUS->GEO"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := code(t, parse(t, tt.rows), tt.published)
			// "* A->B" checks only the actors, where the choice of code is
			// the dictionary's business.
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			for i, w := range tt.want {
				g := got[i]
				if rest, ok := strings.CutPrefix(w, "* "); ok {
					_, g, _ = strings.Cut(g, " ")
					w = rest
				}
				if g != w {
					t.Errorf("got %q, want %q", got, tt.want)
				}
			}
		})
	}
}

// FuzzCode runs the coder over arbitrary parses, cycles and nonsense
// relations included (a given CoNLL-U parse may be malformed): it must
// neither panic nor hang, and its offsets must lie in the text.
func FuzzCode(f *testing.F) {
	f.Add([]byte{3, 1, 2, 0, 1, 5, 2, 7})
	f.Add([]byte{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1})
	rels := []string{"nsubj", "obj", "iobj", "obl", "nmod", "case", "conj", "appos", "xcomp", "ccomp", "acl", "advcl", "amod", "compound", "nsubj:pass", "aux:pass", "aux", "mark", "advmod", "nmod:poss", "flat", "parataxis", "root"}
	words := []struct{ form, lemma, upos, xpos string }{
		{"Russia", "Russia", "PROPN", "NNP"}, {"sent", "send", "VERB", "VBD"}, {"troops", "troops", "NOUN", "NNS"},
		{"to", "to", "ADP", "IN"}, {"Kazakhstan", "Kazakhstan", "PROPN", "NNP"}, {"police", "police", "NOUN", "NN"},
		{"attacked", "attack", "VERB", "VBN"}, {"not", "not", "PART", "RB"}, {"said", "say", "VERB", "VBD"},
		{"they", "they", "PRON", "PRP"}, {"wants", "want", "VERB", "VBZ"}, {"protest", "protest", "NOUN", "NN"},
		{"would", "would", "AUX", "MD"}, {"by", "by", "ADP", "IN"}, {"killed", "kill", "VERB", "VBN"}, {"8", "8", "NUM", "CD"},
	}
	k, d := load(f)
	c := New(d, k)
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) < 2 || len(data) > 120 {
			return
		}
		n := len(data) / 2
		var b strings.Builder
		var given []text.GivenToken
		for i := 0; i < n; i++ {
			w := words[int(data[2*i])%len(words)]
			b.WriteString(w.form + " ")
			given = append(given, text.GivenToken{Form: w.form, SpaceAfter: true})
		}
		doc := text.FromGiven(b.String(), [][]text.GivenToken{given})
		for i := 0; i < n; i++ {
			w := words[int(data[2*i])%len(words)]
			tok := &doc.Tokens[i]
			tok.Lemma, tok.UPOS, tok.XPOS = w.lemma, w.upos, w.xpos
			tok.Head = int(data[2*i+1])%(n+1) - 1 // may point at itself: a cycle
			tok.Deprel = rels[int(data[2*i+1]+data[2*i])%len(rels)]
			if w.upos == "PROPN" || w.upos == "NUM" {
				label := "LOC"
				if w.upos == "NUM" {
					label = "COUNT"
				}
				doc.Entities = append(doc.Entities, text.Span{Start: i, End: i + 1, Label: label})
			}
		}
		day := time.Date(2022, 1, 6, 0, 0, 0, 0, time.UTC)
		for _, e := range c.Code(doc, link.New(k).Link(doc, day), nil, day) {
			if e.Trigger[0] < 0 || e.Trigger[1] > len(doc.Text) || e.Sentence[0] > e.Trigger[0] || e.Sentence[1] < e.Trigger[1] {
				t.Fatalf("event offsets outside the text: %+v", e)
			}
		}
	})
}

func TestEventAttributes(t *testing.T) {
	k, dict := load(t)
	// "Police clashed with protesters in Almaty on January 5, killing at least 3 people."
	d := parse(t, `
Police police NOUN 2 nsubj
clashed clash VERB 0 root
with with ADP 4 case
protesters protester NOUN 2 obl
in in ADP 6 case
Almaty Almaty PROPN 2 obl B-LOC
killing kill VERB 2 advcl
3 3 NUM 9 nummod
people people NOUN 7 obj`)
	d.Entities = append(d.Entities, text.Span{Start: 7, End: 9, Label: "COUNT"})
	day := time.Date(2022, 1, 6, 0, 0, 0, 0, time.UTC)
	ents := link.New(k).Link(d, day)
	exprs := []dates.Expression{{Start: 0, End: 6, Text: "Police", Type: "DATE", Value: "2022-01-05"}}
	evs := New(dict, k).Code(d, ents, exprs, day)
	if len(evs) == 0 {
		t.Fatal("no event")
	}
	e := evs[0]
	if e.Source.Code != "KAZCOP" || e.Target.Code != "KAZOPP" || e.Location != "geonames:1526384" || e.Date != "2022-01-05" || e.Dead != 3 {
		t.Errorf("event %+v: want KAZCOP -> KAZOPP in Almaty on 2022-01-05 with 3 dead", e)
	}
	if got := d.Text[e.Trigger[0]:e.Trigger[1]]; got != "clashed" {
		t.Errorf("trigger %q", got)
	}
}

// TestDateOfSearch checks that dateOf's search over ordered expressions
// picks what the scan of every expression picks.
func TestDateOfSearch(t *testing.T) {
	doc := text.New("Talks began on Monday. Troops left on Jan. 3 and came back two days later; " +
		"the talks that ended on March 4, 2021 resume on Friday and last until May 1. No date here at all. " +
		"On June 5 they met, and on June 9 they signed.")
	values := []string{"2021-03-04", "2021-XX-04", "PXD", "2022-01-03", "2021-06-05T10:00"}
	rng := rand.New(rand.NewPCG(7, 8))
	published := time.Date(2022, 1, 6, 0, 0, 0, 0, time.UTC)
	for trial := range 300 {
		var exprs []dates.Expression
		for i := 0; i < len(doc.Tokens); i++ {
			if rng.IntN(4) > 0 {
				continue
			}
			j := min(len(doc.Tokens), i+1+rng.IntN(3)) // the expression's tokens [i, j)
			exprs = append(exprs, dates.Expression{Start: doc.Tokens[i].Start, End: doc.Tokens[j-1].End, Value: values[rng.IntN(len(values))]})
			i = j - 1
		}
		c := &Coder{}
		searched := c.newState(doc, nil, exprs, published)
		if !searched.datedOrdered {
			t.Fatal("the expressions of Find's order are not seen as ordered")
		}
		scanned := c.newState(doc, nil, exprs, published)
		scanned.datedOrdered = false
		for si, sent := range doc.Sentences {
			for i := sent.Start; i < sent.End; i++ {
				if got, want := searched.dateOf(i, sent), scanned.dateOf(i, sent); got != want {
					t.Fatalf("trial %d, sentence %d, token %d: dateOf = %q, the scan says %q (%+v)", trial, si, i, got, want, exprs)
				}
			}
		}
	}
}

func TestDomestic(t *testing.T) {
	k, dict := load(t)
	s := &state{c: New(dict, k)}
	for _, c := range []struct{ code, other, want string }{
		{"---GOV", "KENOPP", "KENGOV"}, // "Kenya's opposition called on the government"
		{"---JUD", "ESP", "ESPJUD"},
		{"---LAB", "GBRGOV", "---LAB"}, // only state institutions
		{"---GOV", "IGOUNO", "---GOV"}, // an organisation has no country
		{"---GOV", "---OPP", "---GOV"}, // neither knows
		{"USAGOV", "CHNGOV", "USAGOV"}, // known already
	} {
		if got := s.domestic(c.code, c.other); got != c.want {
			t.Errorf("domestic(%s, %s) = %s, want %s", c.code, c.other, got, c.want)
		}
	}
}

func TestMayCodeCasualtyCount(t *testing.T) {
	k, dict := load(t)
	c := New(dict, k)
	tokens := func(rows ...[3]string) []text.Token {
		var out []text.Token
		for _, r := range rows {
			out = append(out, text.Token{Form: r[0], Lemma: r[1], UPOS: r[2]})
		}
		return out
	}
	count := tokens([3]string{"Eight", "eight", "ADJ"}, [3]string{"people", "people", "NOUN"}, [3]string{"were", "be", "AUX"}, [3]string{"injured", "injure", "VERB"})
	if !c.MayCode(count) {
		t.Error("a count of injured is not parsed: the event of the sentence before cannot own it")
	}
	noCount := tokens([3]string{"Many", "many", "ADJ"}, [3]string{"people", "people", "NOUN"}, [3]string{"were", "be", "AUX"}, [3]string{"injured", "injure", "VERB"})
	if c.MayCode(noCount) {
		t.Error("a sentence with no trigger and no count is parsed")
	}
}

func TestConfidenceRanksEvidence(t *testing.T) {
	named := Actor{Code: "CHLCOP"}
	placed := Actor{Code: "CHLLAB", placed: true}
	stateless := Actor{Code: "---LAB"}
	tests := []struct {
		name          string
		better, worse evidence
	}{
		{"an actor whose words give its country over one given the story's", evidence{source: named, target: Actor{Code: "CHLLAB"}}, evidence{source: named, target: placed}},
		{"an agent of no country over a missing actor", evidence{source: named, target: stateless}, evidence{source: named, target: Actor{Code: Unknown}}},
		{"a specific pattern over a bare verb", evidence{specific: true, source: named, target: stateless}, evidence{source: named, target: stateless}},
		{"two countries over a country and its own government", evidence{source: Actor{Code: "ARM"}, target: Actor{Code: "AZEGOV"}}, evidence{source: Actor{Code: "ARM"}, target: Actor{Code: "ARMGOV"}}},
		{"an event read over one inferred", evidence{source: named, target: stateless}, evidence{derived: true, source: named, target: stateless}},
	}
	for _, tt := range tests {
		if b, w := confidence(tt.better), confidence(tt.worse); b <= w {
			t.Errorf("%s: %v <= %v", tt.name, b, w)
		}
	}
}
