package pipeline

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"tidings/ingest"
	"tidings/internal/shared"
	"tidings/record"
)

// TestSeedEntities checks the named entities of the seed article that the
// NER issue lists: each found with the right type, and no dash or
// punctuation inside a span.
func TestSeedEntities(t *testing.T) {
	an := analyseSeed(t)
	found := map[string]string{} // mention text -> NER type
	for _, sp := range an.Doc.Entities {
		text := an.Doc.SpanText(sp)
		found[text] = sp.Label
		if !strings.Contains("MONEY PERCENT QUANTITY COUNT", sp.Label) && strings.ContainsAny(text, `–—,.;:()"`) {
			t.Errorf("entity %q (%s) holds a dash or punctuation", text, sp.Label)
		}
	}
	want := map[string]string{
		"Russia": "LOC", "Kazakhstan": "LOC", "Belarus": "LOC", "Armenia": "LOC", "Tajikistan": "LOC",
		"Kyrgyzstan": "LOC", "Almaty": "LOC", "Mangystau": "LOC",
		"CSTO": "ORG", "Collective Security Treaty Organization": "ORG", "Interfax": "ORG", "Security Council": "ORG",
		"Kassym-Jomart Tokayev": "PER", "Tokayev": "PER", "Kazakh": "MISC",
	}
	for text, typ := range want {
		if got, ok := found[text]; !ok || got != typ {
			t.Errorf("%q: found as %q, want %s", text, got, typ)
		}
	}
	// The ministry, with or without the adjective.
	if found["Ministry of Internal Affairs"] != "ORG" && found["Kazakh Ministry of Internal Affairs"] != "ORG" {
		t.Errorf("the Ministry of Internal Affairs is not an ORG: %v", found)
	}
	// Counts of people for the event coder.
	if found["at least 8 servicemen"] != "COUNT" || found["more than 300"] != "COUNT" {
		t.Errorf("casualty counts not found: %v", found)
	}
}

func analyseSeed(t *testing.T) *Analysis {
	t.Helper()
	return analyseArticle(t, shared.Path(t, "seed", "000_9bd460b4f00f53ae.txt"), time.Date(2022, 1, 6, 0, 0, 0, 0, time.UTC))
}

// analyseArticle analyses the one article of a file in the article
// layout, published on the given day when the file says not.
func analyseArticle(t *testing.T, path string, published time.Time) *Analysis {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	p.DefaultPublished = published
	for a, err := range ingest.Read(context.Background(), path, f, ingest.ArticleLayout, ingest.Options{}) {
		if err != nil {
			t.Fatal(err)
		}
		an, err := p.Analyze(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		return an
	}
	t.Fatalf("no article in %s", path)
	return nil
}

// TestSeedLinking checks the seed's entities against the knowledge base,
// as the kb + link issue lists them.
func TestSeedLinking(t *testing.T) {
	rec := analyseSeed(t).Record()
	byMention := map[string]record.Entity{}
	for _, e := range rec.Entities {
		for _, m := range e.Mentions {
			byMention[m.Text] = e
		}
	}
	same := func(a, b string) {
		t.Helper()
		ea, eb := byMention[a], byMention[b]
		if ea.ID == "" || ea.ID != eb.ID {
			t.Errorf("%q (%s) and %q (%s) are not one entity", a, ea.ID, b, eb.ID)
		}
	}
	same("Tokayev", "Kassym-Jomart Tokayev")
	same("Kazakh", "Kazakhstan")
	same("CSTO", "Collective Security Treaty Organization")
	for _, c := range []struct{ mention, id, kind, country string }{
		{"Kazakhstan", "Q232", "country", "KAZ"},
		{"Tokayev", "Q200881", "person", "KAZ"},
		{"CSTO", "Q318693", "organisation", ""},
		{"Almaty", "Q35493", "city", "KAZ"},
		{"Mangystau", "KZ-MAN", "region", "KAZ"},
		{"Interfax", "local:org:interfax", "", ""}, // no source confirms the outlet (kb/audit): a name, no identity
		{"Security Council", "body:KAZ:security-council", "government body", "KAZ"},
	} {
		e := byMention[c.mention]
		if e.ID != c.id || e.Kind != c.kind || e.Country != c.country {
			t.Errorf("%q linked to %s (%s, %s), want %s (%s, %s)", c.mention, e.ID, e.Kind, e.Country, c.id, c.kind, c.country)
		}
	}
	if rec.Entities[0].ID != "Q232" {
		t.Errorf("the most salient entity is %s, want Kazakhstan", rec.Entities[0].ID)
	}
}

// TestSeedDates checks the seed's time expressions, published 2022-01-06.
func TestSeedDates(t *testing.T) {
	rec := analyseSeed(t).Record()
	got := map[string]string{}
	for _, d := range rec.Dates {
		got[d.Text] = d.Value
	}
	for text, value := range map[string]string{
		"Wednesday morning": "2022-01-05TMO", "today": "2022-01-06", "January 4": "2022-01-04", "January 5": "2022-01-05",
	} {
		if got[text] != value {
			t.Errorf("%q = %q, want %q (all: %v)", text, got[text], value, got)
		}
	}
}

// TestSeedTags checks the tag line without an archive: Kazakhstan, Tokayev
// and Russia among the first five, each with evidence, and Nazarbayev
// inferred from the post Tokayev took over, among the first five too.
func TestSeedTags(t *testing.T) {
	rec := analyseSeed(t).Record()
	rank := map[string]int{}
	listed := map[string]bool{}
	for _, e := range rec.Entities {
		listed[e.ID] = true
	}
	for i, tg := range rec.Tags {
		rank[tg.Tag] = i + 1
		// A tag names its entity as the entities list does ("Q232", not
		// the knowledge base's "KAZ"), so that the two can be joined; a
		// topic ("troops") names none.
		if !tg.Inferred && tg.Entity != "" && !listed[tg.Entity] {
			t.Errorf("tag %q: entity %q is not among the analysis's entities", tg.Tag, tg.Entity)
		}
		if len(tg.Evidence) == 0 {
			t.Errorf("tag %q has no evidence", tg.Tag)
		}
		for _, ev := range tg.Evidence {
			if ev[0] < 0 || ev[1] > len(rec.Text) || ev[0] >= ev[1] {
				t.Errorf("tag %q: bad evidence span %v", tg.Tag, ev)
			}
		}
	}
	for _, want := range []string{"Kazakhstan", "Tokayev", "Russia"} {
		if r := rank[want]; r == 0 || r > 5 {
			t.Errorf("%s is tag number %d, want among the first five: %+v", want, r, rec.Tags)
		}
	}
	if r := rank["Nazarbayev"]; r == 0 || r > 5 {
		t.Errorf("Nazarbayev is tag number %d, want inferred among the first five: %+v", r, rec.Tags)
	}
}

// TestPortStrikeTags checks the bundled example's line: two of the
// editor's topics "ports", "strikes" and "copper", and not the headline's
// verb ("strike spreads").
func TestPortStrikeTags(t *testing.T) {
	an := analyseArticle(t, "../examples/port-strike.txt", time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC))
	var line []string
	topics := 0
	for _, tg := range an.Record().Tags {
		line = append(line, tg.Tag)
		switch tg.Tag {
		case "ports", "strikes", "copper":
			topics++
		case "spreads", "spread":
			t.Errorf("the headline's verb is a tag: %q", line)
		}
	}
	if topics < 2 {
		t.Errorf("line %q: want two of ports, strikes, copper", line)
	}
}

// TestSeedEvents checks the seed's events as the events issue lists them
// (published 2022-01-06).
func TestSeedEvents(t *testing.T) {
	an := analyseSeed(t)
	type ev struct{ src, tgt, tgtEntity, cameo, plover, date string }
	var got []ev
	casualties := false
	for _, e := range an.Events {
		got = append(got, ev{e.Source.Code, e.Target.Code, e.Target.Entity, e.Code.Code, e.Code.PLOVER, e.Date})
		t.Logf("%s %s %s->%s %s dead=%d injured=%d (%q)", e.Code.Code, e.Code.PLOVER, e.Source.Code, e.Target.Code, e.Date, e.Dead, e.Injured, an.Doc.Text[e.Trigger[0]:e.Trigger[1]])
		if e.Dead == 8 && e.Injured == 300 {
			casualties = true
		}
	}
	has := func(what string, ok func(ev) bool) {
		t.Helper()
		for _, e := range got {
			if ok(e) {
				return
			}
		}
		t.Errorf("no event: %s", what)
	}
	has("Russia -> Kazakhstan 074", func(e ev) bool { return e.src == "RUS" && e.tgt == "KAZ" && e.cameo == "074" })
	for _, c := range []string{"BLR", "ARM", "TJK", "KGZ"} {
		has(c+" -> Kazakhstan AID", func(e ev) bool { return e.src == c && e.tgt == "KAZ" && e.plover == "AID" })
	}
	has("Kazakhstan's government resigns (CONCEDE)", func(e ev) bool { return e.src == "KAZGOV" && e.plover == "CONCEDE" })
	has("Tokayev (KAZGOV) -> CSTO (REQUEST)", func(e ev) bool {
		return e.src == "KAZGOV" && e.tgtEntity == "org:csto" && e.plover == "REQUEST"
	})
	has("security forces -> protesters (ASSAULT)", func(e ev) bool {
		return strings.HasPrefix(e.src, "KAZ") && e.tgt == "KAZOPP" && e.plover == "ASSAULT"
	})
	has("people seize buildings on 2022-01-05 (PROTEST or COERCE)", func(e ev) bool {
		return strings.HasPrefix(e.src, "KAZ") && (e.plover == "PROTEST" || e.plover == "COERCE") && e.date == "2022-01-05"
	})
	if !casualties {
		t.Errorf("no record with dead = 8 and injured = 300")
	}
}
