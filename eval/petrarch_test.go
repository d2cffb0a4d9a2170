package eval

import (
	"strings"
	"testing"
)

// A record in the validation files' own layout: banner text outside the
// elements, <Sentence/> closed where it opens and again after the parse.
const petrarchSample = `<?xml version='1.0' encoding='utf-8'?>
<Validation>
# a banner line & some notes
<Sentences>
<Sentence category="TEST" date="20220106" id="A_1" evaluate="true"/>
<EventCoding eventcode="074" sourcecode="RUS" targetcode="KAZ" />
<EventCoding eventcode="074" sourcecode="BLR" targetcode="KAZ" />
<Text>
Russia and Belarus sent
troops to Kazakhstan.
</Text>
<Parse>
1	Russia	Russia	PROPN	NNP	_	3	nsubj	_	_
</Parse>
</Sentence>
<Sentence category="TEST" date="150609" id="A_2" evaluate="true"/>
<EventCoding noevents="True"/>
<Text>Nothing happened.</Text>
</Sentence>
<Sentence category="TEST" date="20220106" id="A_3" evaluate="false"/>
<EventCoding eventcode="190" sourcecode="X" targetcode="Y" />
<Text>Skipped.</Text>
</Sentence>
</Sentences>
</Validation>
`

func TestReadPetrarch(t *testing.T) {
	got, err := ReadPetrarch(strings.NewReader(petrarchSample), "sample.xml")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("%d sentences, want 2 (the third is not evaluated)", len(got))
	}
	a := got[0]
	if a.ID != "A_1" || a.Text != "Russia and Belarus sent troops to Kazakhstan." || a.Date.Format("2006-01-02") != "2022-01-06" {
		t.Errorf("first record: %+v", a)
	}
	if len(a.Events) != 2 || a.Events[1] != (EventTuple{Source: "BLR", Target: "KAZ", Code: "074"}) {
		t.Errorf("events: %+v", a.Events)
	}
	if !strings.Contains(a.Parse, "Russia\tRussia\tPROPN") {
		t.Errorf("parse not kept: %q", a.Parse)
	}
	if b := got[1]; !b.NoEvents || len(b.Events) != 0 || b.Date.Format("2006-01-02") != "2015-06-09" {
		t.Errorf("second record: %+v", b)
	}
	for name, bad := range map[string]string{
		"empty":   "",
		"no code": `<Sentence id="x"/><EventCoding sourcecode="A" targetcode="B"/>`,
		"garbage": "\x00\x01binary",
	} {
		if _, err := ReadPetrarch(strings.NewReader(bad), name+".xml"); err == nil || !strings.Contains(err.Error(), name+".xml") {
			t.Errorf("%s: error %v does not name the input", name, err)
		}
	}
}

func TestScoreEvents(t *testing.T) {
	gold := []EventTuple{{"RUS", "KAZ", "074"}, {"BLR", "KAZ", "074"}, {"KAZGOV", "", "0831"}}
	sys := []EventTuple{{"RUS", "KAZ", "0741"}, {"RUS", "KAZ", "074"}, {"KAZGOV", "---", "083"}, {"USA", "KAZ", "074"}}
	var full, rootLevel, country PRF
	ScoreEvents(&full, FullCode, gold, sys)
	ScoreEvents(&rootLevel, RootCode, gold, sys)
	ScoreEvents(&country, CountryRoot, gold, sys)
	// full: only RUS-KAZ-074 matches; root: RUS-KAZ-07 once (each gold
	// matches once) and KAZGOV-----08.
	if full.Correct != 1 || rootLevel.Correct != 2 || country.Correct != 2 {
		t.Errorf("correct: full %d root %d country %d, want 1, 2, 2", full.Correct, rootLevel.Correct, country.Correct)
	}
	if full.Precision != 0.25 || rootLevel.Recall != 2.0/3 {
		t.Errorf("P %v R %v", full.Precision, rootLevel.Recall)
	}
}
