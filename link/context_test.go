package link

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"tidings/text"
)

// docWith tokenises s and marks the given mentions ("Leicester|ORG") as
// its entities, so that the linking rules are tested apart from the
// recogniser. A name given again marks its next occurrence.
func docWith(t *testing.T, s string, mentions ...string) *text.Document {
	t.Helper()
	d := text.New(s)
	next := map[string]int{} // name -> token to look from
	for _, m := range mentions {
		name, typ, _ := strings.Cut(m, "|")
		words := strings.Fields(name)
		found := false
		for i := next[name]; i+len(words) <= len(d.Tokens) && !found; i++ {
			ok := true
			for k, w := range words {
				ok = ok && d.Tokens[i+k].Form == w
			}
			if ok {
				d.Entities = append(d.Entities, text.Span{Start: i, End: i + len(words), Label: typ})
				found = true
				next[name] = i + len(words)
			}
		}
		if !found {
			t.Fatalf("%q not in %q", name, s)
		}
	}
	return d
}

// TestClubsCompaniesAndPlaces checks the rules that choose between a
// club, a company and a place of one name, precision first: evidence in
// the sentence (a score, match or business words) or the document (other
// clubs), the recogniser's type, and no identity at all when neither
// decides.
func TestClubsCompaniesAndPlaces(t *testing.T) {
	k, err := kbFixture()
	if err != nil {
		t.Fatal(err)
	}
	l := NewWith(k, Options{CommonWord: func(w string) bool {
		return slices.Contains([]string{"apple", "banner", "social", "democratic", "party"}, w)
	}})
	pub := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, text string
		mentions   []string
		want       map[string]string // mention text -> entity id prefix ("" = not linked)
	}{
		{"clubs in a match report", "Leicester beat Southampton 2-1 on Saturday.",
			[]string{"Leicester|ORG", "Southampton|ORG"},
			map[string]string{"Leicester": "club:", "Southampton": "club:"}},
		{"a city typed LOC without match words", "Flooding closed three roads in Leicester on Saturday.",
			[]string{"Leicester|LOC"}, map[string]string{"Leicester": "geonames:"}},
		{"a city after 'in', even in a sports story", "The striker grew up in Southampton before the season began.",
			[]string{"Southampton|LOC"}, map[string]string{"Southampton": "geonames:"}},
		{"club or city, no evidence: no identity", "Leicester said on Monday it would appeal.",
			[]string{"Leicester|ORG"}, map[string]string{"Leicester": ""}},
		{"a company next to shares", "Shares of Nvidia rose 4% after its earnings beat forecasts.",
			[]string{"Nvidia|ORG"}, map[string]string{"Nvidia": "sec:"}},
		{"a company typed PER without business words is not one", "Nvidia told reporters she would stay.",
			[]string{"Nvidia|PER"}, map[string]string{"Nvidia": ""}},
		{"a company typed PER in a business sentence is one", "Netflix added subscribers as its revenue rose.",
			[]string{"Netflix|PER"}, map[string]string{"Netflix": "sec:"}},
		{"a company the recogniser missed, in a business sentence", "After a weak year Coinbase swung to a profit as revenue rose.",
			nil, map[string]string{"Coinbase": "sec:"}},
		{"not in a headline, where every word is capitalised", "Coinbase Swings To A Profit As Revenue Rises",
			nil, map[string]string{"Coinbase": ""}},
		{"not a piece of a longer name", "Shares of Snowflake Partners rose after the deal.",
			[]string{"Snowflake|ORG"}, map[string]string{"Snowflake": ""}},
		{"a less known company by a common word is never linked", "Banner said its quarterly profit rose.",
			[]string{"Banner|ORG"}, map[string]string{"Banner": ""}},
		{"an S&P 500 company by a common word, typed ORG", "Apple unveiled a new phone in Cupertino.",
			[]string{"Apple|ORG", "Cupertino|LOC"}, map[string]string{"Apple": "sec:"}},
		{"the same typed otherwise needs business context", "Apple unveiled a new phone in Cupertino.",
			[]string{"Apple|PER", "Cupertino|LOC"}, map[string]string{"Apple": ""}},
		{"the same with business context", "Apple shares fell after the company cut its revenue forecast.",
			[]string{"Apple|PER"}, map[string]string{"Apple": "sec:"}},
		// one sense per discourse
		{"a company keeps the sense its business sentence gave", "Nvidia shares rose. Nvidia told reporters it would stay.",
			[]string{"Nvidia|ORG", "Nvidia|PER"}, map[string]string{"Nvidia": "sec:", "Nvidia#2": "sec:"}},
		{"a club keeps the sense its match report gave", "Leicester beat Southampton 2-1. Leicester said on Monday it would appeal.",
			[]string{"Leicester|ORG", "Southampton|ORG", "Leicester|ORG"}, map[string]string{"Leicester": "club:", "Leicester#2": "club:"}},
		{"a club typed LOC without match words of its own", "Leicester beat Southampton 2-1. Leicester will face Burnley.",
			[]string{"Leicester|LOC", "Southampton|ORG", "Leicester|LOC"}, map[string]string{"Leicester": "club:", "Leicester#2": "club:"}},
		{"but a place after 'in' stays a place", "Leicester beat Southampton 2-1. Fans celebrated in Leicester.",
			[]string{"Leicester|ORG", "Southampton|ORG", "Leicester|LOC"}, map[string]string{"Leicester": "club:", "Leicester#2": "geonames:"}},
		{"a club typed PER in a match report", "Southampton beat Leicester 2-1.",
			[]string{"Southampton|PER", "Leicester|ORG"}, map[string]string{"Southampton": "club:"}},
		{"but not after 'in'", "Southampton beat Leicester 2-1. Police in Southampton arrested two fans.",
			[]string{"Southampton|ORG", "Leicester|ORG", "Southampton|PER"}, map[string]string{"Southampton#2": ""}},
		// a club's one-word name outside football: business news
		// ("Standard's stock price") names other things by such words
		{"a one-word club name in business news is no club", "The offer values Standard at 7 billion dollars, a premium over its share price.",
			[]string{"Standard|ORG"}, map[string]string{"Standard": ""}},
		{"nor does it make the article a match report", "Analysts said the Standard investment was attractive. Tokyo said it would respond.",
			[]string{"Standard|ORG", "Tokyo|ORG"}, map[string]string{"Standard": "", "Tokyo": ""}},
		{"a one-word club name without any evidence", "Arsenal said on Monday it would appeal the decision.",
			[]string{"Arsenal|ORG"}, map[string]string{"Arsenal": ""}},
		{"the same with a match word", "Arsenal signed a new striker on Monday.",
			[]string{"Arsenal|ORG"}, map[string]string{"Arsenal": "club:"}},
		{"a club's name of several words that no place has", "Bayer Leverkusen said on Monday it would appeal the decision.",
			[]string{"Bayer Leverkusen|ORG"}, map[string]string{"Bayer Leverkusen": "club:"}},
		{"a one-word club name in a match report marks it", "Arsenal beat Everton 2-0. Chelsea said it would appeal.",
			[]string{"Arsenal|ORG", "Everton|ORG", "Chelsea|ORG"}, map[string]string{"Arsenal": "club:", "Chelsea": "club:"}},
		{"a company whose name a club's alias shares, in business news", "Airbus said its quarterly profit rose.",
			[]string{"Airbus|ORG"}, map[string]string{"Airbus": "sec:"}},
		// words of football that business and politics use too ("lead
		// manager", "civil penalty", "scored a success"): one alone is
		// no match report
		{"a bond's lead manager is no match word", "Zurich said the lead manager would price the bond.",
			[]string{"Zurich|ORG"}, map[string]string{"Zurich": ""}},
		{"nor a civil penalty", "Boston agreed to pay a civil penalty.",
			[]string{"Boston|ORG"}, map[string]string{"Boston": ""}},
		{"nor a success scored", "Paris scored a major success against the rebels.",
			[]string{"Paris|ORG"}, map[string]string{"Paris": ""}},
		{"an aircraft model is no score", "Boston ordered 15 Boeing 767-300 planes.",
			[]string{"Boston|ORG", "Boeing|ORG"}, map[string]string{"Boston": ""}},
		{"a score is", "Zurich beat Basel 2-1 on Sunday.",
			[]string{"Zurich|ORG", "Basel|ORG"}, map[string]string{"Zurich": "club:"}},
		{"a word only football uses is", "Zurich's manager praised the young striker.",
			[]string{"Zurich|ORG"}, map[string]string{"Zurich": "club:"}},
		{"two words football shares with other news are", "Leicester beat Southampton to go top of the league, the manager said.",
			[]string{"Leicester|ORG", "Southampton|ORG"}, map[string]string{"Leicester": "club:", "Southampton": "club:"}},
		// a city keeps its identity when the article names its state, or is about another country
		{"the foreign city when the article is there", "Police in Kent, Washington, said two men were arrested in Seattle.",
			[]string{"Kent|LOC", "Washington|LOC", "Seattle|LOC"}, map[string]string{"Kent": "geonames:5799625"}},
		{"a capital abroad over a small namesake at home", "Officials in Dallas and Houston said the talks would go on in London.",
			[]string{"Dallas|LOC", "Houston|LOC", "London|LOC"}, map[string]string{"London": "geonames:2643743"}}, // London, England
		{"a continent, not the Philippine town of its name", "Exports to Asia and Europe rose in March.",
			[]string{"Asia|LOC", "Europe|LOC"}, map[string]string{"Asia": "Q48", "Europe": "Q46"}},
		{"a listed company the SEC's list lacks (Phoenix), in business news", "Google said its quarterly revenue rose 20%.",
			[]string{"Google|ORG"}, map[string]string{"Google": "phoenix:GOOGLE"}},
		{"but not without business words", "Google unveiled a new phone on Tuesday.",
			[]string{"Google|PER"}, map[string]string{"Google": ""}},
		// a town of the US state written after it, over its namesakes
		// elsewhere; not over a city of a million people
		{"a town of the state the article names", "Officials in Manchester, New Hampshire, voted on the budget.",
			[]string{"Manchester|LOC", "New Hampshire|LOC"}, map[string]string{"Manchester": "geonames:5089178"}},
		{"a town a company shares the name of, with its state", "Voters in Dover, New Hampshire, rejected the plan.",
			[]string{"Dover|LOC", "New Hampshire|LOC"}, map[string]string{"Dover": "geonames:5085520"}},
		{"a state named elsewhere is not enough", "New York officials said the port of Rotterdam was busy.",
			[]string{"New York|LOC", "Rotterdam|LOC"}, map[string]string{"Rotterdam": "geonames:2747891"}},
		{"no state named: the largest namesake", "Officials in Manchester voted on the budget.",
			[]string{"Manchester|LOC"}, map[string]string{"Manchester": "geonames:2643123"}},
		{"a world city over a small town of the named state", "Texas officials flew to Paris for the air show.",
			[]string{"Texas|LOC", "Paris|LOC"}, map[string]string{"Paris": "geonames:2988507"}},
		// the US sports: a city's team in a story of basketball,
		// baseball, hockey or American football is no football club
		{"a basketball team named by its city", "Dallas beat Miami 105-95 as Nowitzki scored 30 points and grabbed 12 rebounds.",
			[]string{"Dallas|ORG", "Miami|ORG"}, map[string]string{"Dallas": ""}},
		{"a baseball team named by its city", "Boston beat Toronto 5-3 in the ninth inning on a two-run homer.",
			[]string{"Boston|ORG", "Toronto|ORG"}, map[string]string{"Boston": ""}},
		{"a team's nickname in the NBA", "The Jazz beat the Spurs 99-97 in the NBA on Sunday.",
			[]string{"Jazz|ORG", "Spurs|ORG"}, map[string]string{"Jazz": "", "Spurs": ""}},
		{"but football clubs in a football report", "Arsenal beat Chelsea 2-0 as the striker scored twice.",
			[]string{"Arsenal|ORG", "Chelsea|ORG"}, map[string]string{"Arsenal": "club:", "Chelsea": "club:"}},
		// a workplace after a preposition: the company when no place
		// has the name, the place when one may ("in Leicester" above)
		{"workers at a company the article names", "Boeing shares fell 3%. Workers at Boeing went on strike.",
			[]string{"Boeing|ORG", "Boeing|LOC"}, map[string]string{"Boeing": "sec:", "Boeing#2": "sec:"}},
		{"engineers at a company, typed LOC", "Nvidia raised its revenue forecast. Engineers at Nvidia in Santa Clara built the chip.",
			[]string{"Nvidia|ORG", "Nvidia|LOC", "Santa Clara|LOC"}, map[string]string{"Nvidia": "sec:", "Nvidia#2": "sec:"}},
		{"a statement from a company, typed LOC", "Unilever said its quarterly profit rose. A statement from Unilever gave no figures.",
			[]string{"Unilever|ORG", "Unilever|LOC"}, map[string]string{"Unilever": "sec:", "Unilever#2": "sec:"}},
		{"the chief executive of a company, typed LOC", "Pfizer shares rose. The chief executive of Pfizer spoke later.",
			[]string{"Pfizer|ORG", "Pfizer|LOC"}, map[string]string{"Pfizer": "sec:", "Pfizer#2": "sec:"}},
		{"but a town of the name after 'in' stays the town", "Nokia shares rose 4%. Snow closed roads in Nokia.",
			[]string{"Nokia|ORG", "Nokia|LOC"}, map[string]string{"Nokia": "sec:", "Nokia#2": "geonames:"}},
		{"a club's name cut from a longer name is no match report", "Bin strike: Birmingham escalates. Workers oppose Birmingham City Council's plans.",
			[]string{"Birmingham|ORG", "Birmingham City|LOC"}, map[string]string{"Birmingham": ""}},
		{"a person is not the town named after one", "Jackson told the crowd the fight was not over.",
			[]string{"Jackson|PER"}, map[string]string{"Jackson": ""}},
		{"a name the text defines by an acronym is one name", "Pakistan Tehreek-e-Insaf (PTI) said it would appeal.",
			[]string{"Pakistan|LOC", "PTI|ORG"}, map[string]string{"PTI": ""}},
		{"an acronym keeps its identity when the text misspells its name", "The Organiaation of Petroleum Exporting Countries (OPEC) met.",
			[]string{"Organiaation of Petroleum Exporting Countries|ORG", "OPEC|ORG"}, map[string]string{"OPEC": "org:"}},
		{"an acronym of two bodies, undefined", "The RSF said it had taken a military base.",
			[]string{"RSF|ORG"}, map[string]string{"RSF": ""}},
		// defined, the acronym is the long name's, which no source
		// confirms (kb/audit): no identity, and not the other body
		{"the same defined", "The Rapid Support Forces (RSF) said it had taken a military base.",
			[]string{"Rapid Support Forces|ORG", "RSF|ORG"}, map[string]string{"RSF": ""}},
		{"Congress in a story from India is its party", "Congress gained seats in Chennai and Lucknow.",
			[]string{"Congress|ORG", "Chennai|LOC", "Lucknow|LOC"}, map[string]string{"Congress": "Q10225"}},
		{"Congress in a story from the United States", "Lawmakers in Texas said Congress would vote on the bill.",
			[]string{"Texas|LOC", "Congress|ORG"}, map[string]string{"Congress": "body:usa-congress"}},
		{"Congress from abroad, no namesake at home", "Ministers in London urged Congress to pass the aid bill.",
			[]string{"London|LOC", "Congress|ORG"}, map[string]string{"Congress": "body:usa-congress"}},
		{"a party of ordinary words, abroad", "The Social Democratic Party won a by-election near London.",
			[]string{"Social Democratic Party|ORG", "London|LOC"}, map[string]string{"Social Democratic Party": ""}},
		{"the same at home", "The Social Democratic Party won seats in Abuja.",
			[]string{"Social Democratic Party|ORG", "Abuja|LOC"}, map[string]string{"Social Democratic Party": "Q7550561"}},
		{"a party's own name needs no home", "Reporters in Texas asked about the Bharatiya Janata Party.",
			[]string{"Texas|LOC", "Bharatiya Janata Party|ORG"}, map[string]string{"Bharatiya Janata Party": "Q10230"}},
		{"a club of several words after 'from'", "The striker joined from Borussia Dortmund and scored twice against Everton.",
			[]string{"Borussia Dortmund|ORG", "Everton|ORG"}, map[string]string{"Borussia Dortmund": "club:Borussia Dortmund"}},
		{"its city's name is the club in the same story", "The striker moved from Dortmund and scored twice against Everton on his debut. Borussia Dortmund received a fee.",
			[]string{"Dortmund|LOC", "Everton|ORG", "Borussia Dortmund|ORG"}, map[string]string{"Dortmund": "club:Borussia Dortmund"}},
		{"but a place after 'in' stays the city", "The striker grew up in Dortmund and scored twice against Everton. Borussia Dortmund received a fee.",
			[]string{"Dortmund|LOC", "Everton|ORG", "Borussia Dortmund|ORG"}, map[string]string{"Dortmund": "geonames:"}},
		{"no evidence anywhere: still no identity", "Leicester said it would appeal. Leicester has a week.",
			[]string{"Leicester|ORG", "Leicester|ORG"}, map[string]string{"Leicester": "", "Leicester#2": ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := docWith(t, tt.text, tt.mentions...)
			got := map[string]string{} // "Leicester", then "Leicester#2"
			ents := l.Link(d, pub)
			for _, sp := range d.Entities {
				key := d.SpanText(sp)
				for k := 2; ; k++ {
					if _, dup := got[key]; !dup {
						break
					}
					key = fmt.Sprintf("%s#%d", d.SpanText(sp), k)
				}
				got[key] = ""
				for _, e := range ents {
					if e.Linked() && slices.Contains(e.Mentions, sp) {
						got[key] = e.ID
					}
				}
			}
			for name, want := range tt.want {
				id := got[name]
				if want == "" && id != "" || want != "" && !strings.HasPrefix(id, want) {
					t.Errorf("%s: %q linked to %q, want %q", tt.text, name, id, want)
				}
			}
		})
	}
}

// TestDocContextOnLongSentence checks that the evidence of every mention
// of one very long sentence is read in one pass (the test would take
// minutes if each mention re-read its sentence).
func TestDocContextOnLongSentence(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 50000; i++ {
		b.WriteString("Leicester and ")
	}
	b.WriteString("Southampton drew 1-1 in the league") // the score, and for the score itself two weak words
	d := text.New(b.String())
	c := newDocContext(d)
	for i := 0; i < len(d.Tokens); i += 2 {
		sport, business, _ := c.of(text.Span{Start: i, End: i + 1})
		if !sport || business {
			t.Fatalf("token %d: sport %v business %v; want the score to count for the whole sentence", i, sport, business)
		}
	}
}

// TestDefinedNames checks that "Long Name (ACR)" becomes one entity when
// the recogniser split the long name or missed it, and only when the
// initials spell the acronym.
func TestDefinedNames(t *testing.T) {
	for _, tc := range []struct {
		text     string
		mentions []string
		want     string // the entities after, "|"-separated
	}{
		{"Pakistan Tehreek-e-Insaf (PTI) said it would appeal.", []string{"Pakistan|LOC", "PTI|ORG"}, "Pakistan Tehreek-e-Insaf/ORG|PTI/ORG"},
		{"On Monday the Federal Bureau of Investigation (FBI) said so.", []string{"FBI|ORG"}, "Federal Bureau of Investigation/ORG|FBI/ORG"},
		{"The Rapid Support Forces (RSF) said so.", []string{"Rapid Support Forces|ORG", "RSF|ORG"}, "Rapid Support Forces/ORG|RSF/ORG"},
		{"Officials in Nairobi (KEN) said so.", []string{"Nairobi|LOC", "KEN|ORG"}, "Nairobi/LOC|KEN/ORG"},
	} {
		d := docWith(t, tc.text, tc.mentions...)
		definedNames(d)
		var got []string
		for _, e := range d.Entities {
			got = append(got, d.SpanText(e)+"/"+e.Label)
		}
		if g := strings.Join(got, "|"); g != tc.want {
			t.Errorf("%s: %s, want %s", tc.text, g, tc.want)
		}
	}
}

// TestCommonWordModifier checks that an S&P 500 company named by a common
// word and typed ORG is linked without business words, but not when a
// noun follows it, which it may modify as an ordinary word.
func TestCommonWordModifier(t *testing.T) {
	k, err := kbFixture()
	if err != nil {
		t.Fatal(err)
	}
	l := NewWith(k, Options{CommonWord: func(w string) bool { return w == "apple" }})
	pub := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		text, next string // next: the tag of the word after "Apple"
		want       bool
	}{
		{"Apple unveiled a new phone.", "VERB", true},
		{"Apple picking season started early.", "NOUN", false},
	} {
		d := docWith(t, tc.text, "Apple|ORG")
		d.Tokens[1].UPOS = tc.next
		linked := false
		for _, e := range l.Link(d, pub) {
			linked = linked || e.Linked()
		}
		if linked != tc.want {
			t.Errorf("%s: linked %v, want %v", tc.text, linked, tc.want)
		}
	}
}

// TestTypeByIdentity checks the types that identities set: a company
// typed PER is an organisation once linked, an office holder typed ORG a
// person, a club keeps the
// recogniser's type, and a country's name is the country even in a match
// report where a club has it as an alias.
func TestTypeByIdentity(t *testing.T) {
	k, err := kbFixture()
	if err != nil {
		t.Fatal(err)
	}
	l := NewWith(k, Options{})
	pub := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name, text string
		mentions   []string
		want       map[string]string // mention -> label after linking
		kind       map[string]string // mention -> knowledge-base kind
	}{
		{"a company typed PER", "Netflix added subscribers as its revenue rose.",
			[]string{"Netflix|PER"}, map[string]string{"Netflix": "ORG"}, map[string]string{"Netflix": "company"}},
		{"an office holder's full name typed ORG", "Ted Cruz held his seat after a costly race.",
			[]string{"Ted Cruz|ORG"}, map[string]string{"Ted Cruz": "PER"}, map[string]string{"Ted Cruz": "person"}},
		{"a body's full name however typed", "Leaders met at the African Union summit.",
			[]string{"African Union|LOC"}, nil, map[string]string{"African Union": "organisation"}},
		{"a club keeps its type", "Leicester beat Southampton 2-1 on Saturday.",
			[]string{"Leicester|LOC", "Southampton|ORG"}, map[string]string{"Leicester": "LOC"}, map[string]string{"Leicester": "club"}},
		{"a country is no club", "Austria beat Hungary 2-1 in the qualifier on Saturday.",
			[]string{"Austria|LOC", "Hungary|LOC"}, map[string]string{"Austria": "LOC"}, map[string]string{"Austria": "country"}},
	} {
		d := docWith(t, c.text, c.mentions...)
		ents := l.Link(d, pub)
		for _, sp := range d.Entities {
			name := d.SpanText(sp)
			if want, ok := c.want[name]; ok && sp.Label != want {
				t.Errorf("%s: %q typed %s, want %s", c.name, name, sp.Label, want)
			}
			for _, e := range ents {
				if slices.ContainsFunc(e.Mentions, func(m text.Span) bool { return m.Start == sp.Start && m.End == sp.End }) {
					if want, ok := c.kind[name]; ok && e.Entry.Kind != want {
						t.Errorf("%s: %q linked to %q (%s), want a %s", c.name, name, e.ID, e.Entry.Kind, want)
					}
				}
			}
		}
	}
}

// TestCapitalisedCommonWordIsNoAcronym checks that a capitalised word of
// everyday English does not take an identity that only an acronym of
// the same letters gives, while an acronym written in title case, as
// some papers write them, keeps it.
func TestCapitalisedCommonWordIsNoAcronym(t *testing.T) {
	k, err := kbFixture()
	if err != nil {
		t.Fatal(err)
	}
	common := []string{"act", "aid", "care", "who"}
	l := NewWith(k, Options{CommonWord: func(w string) bool { return slices.Contains(common, w) }})
	pub := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		text, mention, want string // want: entity id prefix, "" for no link
	}{
		{"The judge said the Act's insurance mandate was lawful.", "Act|ORG", ""},
		{"Ministers said the Act would cut waiting lists.", "Act|MISC", ""},
		{"Nato leaders met in Brussels on Tuesday.", "Nato|ORG", "org:nato"},
		{"NATO leaders met in Brussels on Tuesday.", "NATO|ORG", "org:nato"},
	} {
		d := docWith(t, tc.text, tc.mention)
		name, _, _ := strings.Cut(tc.mention, "|")
		got := ""
		for _, e := range l.Link(d, pub) {
			if e.Linked() && d.SpanText(e.Mentions[0]) == name {
				got = e.ID
			}
		}
		if tc.want == "" && got != "" || tc.want != "" && !strings.HasPrefix(got, tc.want) {
			t.Errorf("%s: %q linked to %q, want %q", tc.text, name, got, tc.want)
		}
	}
}

// TestLinkedEntityType: an entity linked to a country that its demonym
// and its name both mention takes its identity's type, LOC, not the type
// of whichever mention came first; one that only demonyms mention stays
// MISC.
func TestLinkedEntityType(t *testing.T) {
	k, err := kbFixture()
	if err != nil {
		t.Fatal(err)
	}
	l := New(k)
	pub := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		text     string
		mentions []string
		want     string // the type of the entity linked to Argentina (ARG)
	}{
		{"Argentine officials said Argentina would pay. Argentina agreed to the terms.",
			[]string{"Argentine|MISC", "Argentina|LOC", "Argentina|LOC"}, "LOC"},
		{"Argentine officials met Argentina's lenders.", []string{"Argentine|MISC", "Argentina|LOC"}, "LOC"},
		{"Argentine fans and Argentine players celebrated in Argentina.",
			[]string{"Argentine|MISC", "Argentine|MISC", "Argentina|LOC"}, "LOC"},
		// no mention of the country as a place: the nationality
		{"Argentine fans and Argentine players celebrated.",
			[]string{"Argentine|MISC", "Argentine|MISC"}, "MISC"},
	} {
		d := docWith(t, tc.text, tc.mentions...)
		got := ""
		for _, e := range l.Link(d, pub) {
			if e.ID == "ARG" {
				got = e.Type
			}
		}
		if got != tc.want {
			t.Errorf("%q: Argentina typed %q, want %q", tc.text, got, tc.want)
		}
	}
}
