package dates

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"tidings/text"
)

var dct = time.Date(2022, 1, 6, 0, 0, 0, 0, time.UTC) // a Thursday

// TestFind checks one expression per sentence: its span, type and value
// against the DCT 2022-01-06.
func TestFind(t *testing.T) {
	tests := []struct {
		sentence, span, typ, value, mod string
	}{
		// The seed article's expressions.
		{"On Wednesday morning, Kazakhstan's government resigned.", "Wednesday morning", "TIME", "2022-01-05TMO", ""},
		{"Rallies continue today in the largest city.", "today", "DATE", "2022-01-06", ""},
		{"On January 4, they escalated into riots.", "January 4", "DATE", "2022-01-04", ""},
		{"The crowd gathered again on January 5, the most violent day so far.", "January 5", "DATE", "2022-01-05", ""},
		// Absolute dates in the common news forms.
		{"The port reopened on Jan. 4.", "Jan. 4", "DATE", "2022-01-04", ""},
		{"The treaty was signed on 4 January 2022 in Geneva.", "4 January 2022", "DATE", "2022-01-04", ""},
		{"The filing is dated 2021-12-30.", "2021-12-30", "DATE", "2021-12-30", ""},
		{"The order was issued on 12/28/2021 by the court.", "12/28/2021", "DATE", "2021-12-28", ""},
		{"The strike began on the 4th of January.", "the 4th of January", "DATE", "2022-01-04", ""},
		{"The mine closed on March 3, 1998, after a flood.", "March 3, 1998", "DATE", "1998-03-03", ""},
		{"The vote is scheduled for Feb. 20.", "Feb. 20", "DATE", "2022-02-20", ""},
		{"Prices peaked in December.", "December", "DATE", "2021-12", ""},
		{"The new line opens in March 2023.", "March 2023", "DATE", "2023-03", ""},
		// Years, decades, centuries.
		{"The party has ruled since 1991.", "1991", "DATE", "1991", ""},
		{"Oil output grew fast in the 1990s.", "the 1990s", "DATE", "199", ""},
		{"The dam was built in the early 1960s.", "the early 1960s", "DATE", "196", "START"},
		{"Cities grew through the 20th century.", "the 20th century", "DATE", "19", ""},
		{"The accord dates from mid-2015.", "mid-2015", "DATE", "2015", "MID"},
		// Seasons and months relative to the DCT.
		{"The drought hit the region last summer.", "last summer", "DATE", "2021-SU", ""},
		{"Snow closed the passes this winter.", "this winter", "DATE", "2021-WI", ""},
		{"Exports fell last month.", "last month", "DATE", "2021-12", ""},
		{"Talks resume next month.", "next month", "DATE", "2022-02", ""},
		{"The bank raised rates last year.", "last year", "DATE", "2021", ""},
		{"Growth will slow this year.", "this year", "DATE", "2022", ""},
		{"The ministers met last week in Vienna.", "last week", "DATE", "2021-W52", ""},
		{"The summit is this week.", "this week", "DATE", "2022-W01", ""},
		{"The ministers will meet again next week.", "next week", "DATE", "2022-W02", ""},
		// Weekdays: tense decides the direction.
		{"The president spoke on Monday.", "Monday", "DATE", "2022-01-03", ""},
		{"The president will speak on Monday.", "Monday", "DATE", "2022-01-10", ""},
		{"Police arrested him last Friday.", "last Friday", "DATE", "2021-12-31", ""},
		{"The court rules next Tuesday.", "next Tuesday", "DATE", "2022-01-11", ""},
		{"The rebels attacked early Thursday.", "early Thursday", "DATE", "2022-01-06", "START"},
		{"Shots were heard Tuesday night.", "Tuesday night", "TIME", "2022-01-04TNI", ""},
		{"The talks ended Friday, Dec. 31.", "Friday, Dec. 31", "DATE", "2021-12-31", ""},
		// Deictic days and parts of day.
		{"The minister resigned yesterday.", "yesterday", "DATE", "2022-01-05", ""},
		{"The results come out tomorrow.", "tomorrow", "DATE", "2022-01-07", ""},
		{"The rally ends tonight.", "tonight", "TIME", "2022-01-06TNI", ""},
		{"Fighting broke out this morning.", "this morning", "TIME", "2022-01-06TMO", ""},
		{"The power failed last night.", "last night", "TIME", "2022-01-05TNI", ""},
		{"Troops arrived yesterday afternoon.", "yesterday afternoon", "TIME", "2022-01-05TAF", ""},
		// Present, past and future references.
		{"The city is now calm.", "now", "DATE", "PRESENT_REF", ""},
		{"He currently leads the party.", "currently", "DATE", "PRESENT_REF", ""},
		{"The agency recently raised its forecast.", "recently", "DATE", "PAST_REF", ""},
		{"Nobody knows what the future holds.", "the future", "DATE", "FUTURE_REF", ""},
		{"In the past, the ruble was stronger.", "the past", "DATE", "PAST_REF", ""},
		// Shifts from the DCT and from the last date mentioned.
		{"The bridge collapsed two days ago.", "two days ago", "DATE", "2022-01-04", ""},
		{"The company was founded 30 years ago.", "30 years ago", "DATE", "1992", ""},
		{"The dam burst on March 3, 1998. Two days later the river fell.", "Two days later", "DATE", "1998-03-05", ""},
		{"The firm was sold in 2010. A year earlier it had lost money.", "A year earlier", "DATE", "2009", ""},
		// Durations.
		{"The protests lasted for three days.", "three days", "DURATION", "P3D", ""},
		{"He served two years in prison.", "two years", "DURATION", "P2Y", ""},
		{"The siege lasted five hours.", "five hours", "DURATION", "PT5H", ""},
		{"Repairs will take several weeks.", "several weeks", "DURATION", "PXW", ""},
		{"Prices rose over the past two months.", "the past two months", "DURATION", "P2M", ""},
		{"The plan covers the next 14 months.", "the next 14 months", "DURATION", "P14M", ""},
		{"It signed a five-year contract.", "five-year", "DURATION", "P5Y", ""},
		{"Exporters warned that a week-long stoppage would cost millions.", "week-long", "DURATION", "P1W", ""},
		{"That week-long strike ended.", "week-long", "DURATION", "P1W", ""},
		{"It was a day-long meeting.", "day-long", "DURATION", "P1D", ""},
		{"The decades-long feud ended.", "decades-long", "DURATION", "PXY", ""},
		{"The talks lasted 2 1/2 years.", "2 1/2 years", "DURATION", "P2Y6M", ""},
		{"The truce held for more than four hours.", "more than four hours", "DURATION", "PT4H", "MORE_THAN"},
		{"The dispute has gone on for years.", "years", "DURATION", "PXY", ""},
		{"A 5-year-old boy was rescued.", "", "", "", ""},
		// Quarters, halves, fiscal years.
		{"Profit rose in the third quarter.", "the third quarter", "DATE", "2021-Q3", ""},
		{"The fourth-quarter results were weak.", "fourth-quarter", "DATE", "2021-Q4", ""},
		{"Sales fell in the first half of 2021.", "the first half of 2021", "DATE", "2021-H1", ""},
		{"Revenue for fiscal 2020 was flat.", "fiscal 2020", "DATE", "2020", ""},
		{"Profit rose in the third quarter. A year ago it fell.", "A year ago", "DATE", "2020-Q3", ""},
		// Times of day.
		{"The curfew starts at 3 p.m. today.", "3 p.m. today", "TIME", "2022-01-06T15:00", ""},
		{"The vote closed at 10:35 a.m. EST.", "10:35 a.m. EST", "TIME", "2022-01-06T10:35", ""},
		{"The statement came at noon Wednesday.", "noon Wednesday", "TIME", "2022-01-05T12:00", ""},
		// Sets.
		{"The council meets every Friday.", "every Friday", "SET", "XXXX-WXX-5", ""},
		{"The paper is published daily.", "daily", "SET", "P1D", ""},
		{"Inspectors visit each month.", "each month", "SET", "P1M", ""},
		{"The market is closed on Sundays.", "Sundays", "SET", "XXXX-WXX-7", ""},
		// Not times.
		{"May I ask a question?", "", "", "", ""},
		{"The army will march on the capital.", "", "", "", ""},
		{"He paid $1998 for the car.", "", "", "", ""},
		// A number that names a thing, after the noun it numbers.
		{"The council passed resolution 1973 against the regime.", "", "", "", ""},
		{"Flight 1549 landed safely on the river.", "", "", "", ""},
		{"The guests in room 1204 complained about the noise.", "", "", "", ""},
		{"Traffic on Route 1776 was diverted.", "", "", "", ""},
		{"Article 2002 of the code sets the penalty.", "", "", "", ""},
		{"Council resolutions 1970 and 1973 were adopted.", "", "", "", ""},
		// a title "X of the year"
		{"He was named player of the year.", "", "", "", ""},
		{"She won album of the year at the awards.", "", "", "", ""},
		// but a year after such a noun and a preposition, or of a law
		{"The resolution passed in 1973 still stands.", "1973", "DATE", "1973", ""},
		{"The Data Protection Act 1998 was replaced.", "1998", "DATE", "1998", ""},
	}
	r := New()
	for _, tc := range tests {
		t.Run(tc.sentence, func(t *testing.T) {
			got := r.Find(text.New(tc.sentence), dct)
			if tc.span == "" {
				if len(got) != 0 {
					t.Fatalf("want no expression, got %+v", got)
				}
				return
			}
			for _, e := range got {
				if e.Text == tc.span {
					if e.Type != tc.typ || e.Value != tc.value || e.Mod != tc.mod {
						t.Errorf("%q: got %s %s mod %q, want %s %s mod %q", e.Text, e.Type, e.Value, e.Mod, tc.typ, tc.value, tc.mod)
					}
					return
				}
			}
			t.Errorf("no expression %q in %+v", tc.span, got)
		})
	}
}

// TestUnknownDCT: without a publication date, relative expressions keep
// X in what cannot be known.
func TestUnknownDCT(t *testing.T) {
	tests := []struct{ sentence, span, value string }{
		{"On January 4, they escalated.", "January 4", "XXXX-01-04"},
		{"The president spoke on Wednesday.", "Wednesday", "XXXX-WXX-3"},
		{"The minister resigned yesterday.", "yesterday", "XXXX-XX-XX"},
		{"Exports fell last month.", "last month", "XXXX-XX"},
		{"The talks ended on March 3, 1998.", "March 3, 1998", "1998-03-03"},
		{"The protests lasted for three days.", "three days", "P3D"},
	}
	r := New()
	for _, tc := range tests {
		got := r.Find(text.New(tc.sentence), time.Time{})
		found := false
		for _, e := range got {
			if e.Text == tc.span {
				found = true
				if e.Value != tc.value {
					t.Errorf("%s: %q = %s, want %s", tc.sentence, e.Text, e.Value, tc.value)
				}
			}
		}
		if !found {
			t.Errorf("%s: no %q in %+v", tc.sentence, tc.span, got)
		}
	}
}

// TestTenseFromTags: part-of-speech tags, when present, decide the tense.
func TestTenseFromTags(t *testing.T) {
	doc := text.New("Officials meet Monday.")
	for i := range doc.Tokens {
		doc.Tokens[i].XPOS = "NN"
	}
	doc.Tokens[1].XPOS = "VBD" // as if it read "met"
	got := New().Find(doc, dct)
	if len(got) != 1 || got[0].Value != "2022-01-03" {
		t.Fatalf("past tag: got %+v, want Monday 2022-01-03", got)
	}
	doc.Tokens[1].XPOS = "MD"
	doc.Tokens[1].Form = "will"
	got = New().Find(doc, dct)
	if len(got) != 1 || got[0].Value != "2022-01-10" {
		t.Fatalf("modal: got %+v, want Monday 2022-01-10", got)
	}
}

func TestReadTimeML(t *testing.T) {
	const doc = `<?xml version="1.0" ?>
<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>Sales rose &amp; fell <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3>, <EVENT eid="e1">said</EVENT> the firm.</TEXT></TimeML>`
	g, err := ReadTimeML(strings.NewReader(doc), "test.tml")
	if err != nil {
		t.Fatal(err)
	}
	if g.DCT.Format("2006-01-02") != "1998-01-08" {
		t.Errorf("DCT %v", g.DCT)
	}
	if len(g.Timexs) != 1 || g.Text[g.Timexs[0].Start:g.Timexs[0].End] != "yesterday" || g.Timexs[0].Value != "1998-01-07" {
		t.Fatalf("timexs %+v in %q", g.Timexs, g.Text)
	}
	var s Score
	s.Add(g.Timexs, New().Find(text.New(g.Text), g.DCT), g.Text, nil)
	if s.Strict.F1 != 1 || s.ValueF1 != 1 {
		t.Errorf("score %+v", s)
	}
}

// TestScore checks the TempEval-3 measures on a hand-made case.
func TestScore(t *testing.T) {
	gold := []GoldTimex{{0, 5, "DATE", "2022"}, {10, 20, "DATE", "2022-01"}, {30, 35, "DURATION", "P1D"}}
	sys := []Expression{
		{Start: 0, End: 5, Type: "DATE", Value: "2022"},      // strict, right value
		{Start: 12, End: 20, Type: "DATE", Value: "2021-12"}, // relaxed, wrong value
		{Start: 40, End: 45, Type: "DATE", Value: "PAST_REF"},
	}
	var s Score
	s.Add(gold, sys, strings.Repeat(" ", 50), nil)
	near := func(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }
	if s.Strict.Correct != 1 || s.Relaxed.Correct != 2 || !near(s.Relaxed.F1, 2.0/3) ||
		!near(s.ValueAccuracy, 0.5) || !near(s.ValueF1, 1.0/3) || !near(s.TypeAccuracy, 1) {
		t.Errorf("score %+v", s)
	}
}

// FuzzFind: any input, any DCT: no panic, spans inside the text, in order,
// not overlapping, and the text they name.
func FuzzFind(f *testing.F) {
	f.Add("On Wednesday morning, the government resigned. Rallies continue today.", int64(1641427200))
	f.Add("the 4th of January 2022-01-04 01/04/2022 mid-1990s '80s two and a half years ago", int64(0))
	f.Add("every other week at 10:35 a.m. EST Nov. 6 the year-earlier third-quarter", int64(-62135596800))
	f.Add("nineteen ninety-six two thousand and one the winter of the 20th century", int64(253402300799))
	r := New()
	f.Fuzz(func(t *testing.T, s string, unix int64) {
		var d time.Time
		if unix != 0 {
			d = time.Unix(unix%(1<<40), 0).UTC()
		}
		got := r.Find(text.New(s), d)
		last := 0
		for _, e := range got {
			if e.Start < last || e.End <= e.Start || e.End > len(s) {
				t.Fatalf("bad span %d-%d after %d in %q", e.Start, e.End, last, s)
			}
			if e.Text != s[e.Start:e.End] {
				t.Fatalf("text %q != %q", e.Text, s[e.Start:e.End])
			}
			if e.Type == "" || e.Value == "" || !utf8.ValidString(e.Value) {
				t.Fatalf("empty type or value: %+v", e)
			}
			last = e.End
		}
	})
}

// tenseNaive is the rule tenseAt follows past its early returns: the
// tense of the nearest word that has one in the sentence, scanning
// outwards, the earlier word first.
func tenseNaive(s *scan, start, end int) tense {
	lo, hi := s.sentenceOf(start)
	for d := 1; start-d >= lo || end-1+d < hi; d++ {
		if k := start - d; k >= lo {
			if t := s.tenseOf(k); t != tenseNone {
				return t
			}
		}
		if k := end - 1 + d; k < hi {
			if t := s.tenseOf(k); t != tenseNone {
				return t
			}
		}
	}
	return tenseNone
}

// TestTenseAtFar checks tenseAt against the outward scan in sentences
// where the nearest verb is far away, on both sides, or absent.
func TestTenseAtFar(t *testing.T) {
	r := New()
	for _, gap := range []int{0, 5, 15, 16, 17, 40, 300} {
		var b strings.Builder
		b.WriteString("prices said ")
		for range gap {
			b.WriteString("cocoa ")
		}
		b.WriteString("Monday ")
		for range gap + 1 {
			b.WriteString("bags ")
		}
		b.WriteString("will rise. cocoa bags Monday cocoa. Monday ")
		for range gap {
			b.WriteString("bags ")
		}
		b.WriteString("rose")
		doc := text.New(b.String())
		s := newScan(r, doc, dct)
		for start := range s.n() {
			for end := start + 1; end <= min(s.n(), start+3); end++ {
				// No word here makes tenseAt return early (no tags, no
				// "until"), so it must be the scan.
				if got, want := s.tenseAt(start, end), tenseNaive(s, start, end); got != want {
					t.Errorf("gap %d: tenseAt(%d, %d) = %d, the scan says %d", gap, start, end, got, want)
				}
			}
		}
	}
}
