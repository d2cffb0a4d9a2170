package annotate

import (
	"slices"
	"testing"
)

// TestTitlesOfWorks: a title of a work (a film, a show, a song, a book)
// is one MISC name, small words and all, when the text says it is one.
// Titles and people are invented.
func TestTitlesOfWorks(t *testing.T) {
	for _, tc := range []struct {
		sentence string
		model    []string // the model's names, "TYPE:words"
		want     []string
	}{
		// in quotation marks after a work noun
		{`Her album "Night Ferry" topped the charts in 2023.`, []string{"LOC:Night Ferry"}, []string{"MISC:Night Ferry"}},
		{`The film 'Snakes on a Lake' opened on Friday.`, []string{"LOC:Snakes", "ORG:Lake"}, []string{"MISC:Snakes on a Lake"}},
		{`He starred in the 2021 series "The Quiet Harbour" before moving to London.`, []string{"LOC:Quiet Harbour", "LOC:London"}, []string{"MISC:The Quiet Harbour", "LOC:London"}},
		{`Her debut novel, "A House With No Doors", was shortlisted.`, nil, []string{"MISC:A House With No Doors"}},
		{`The band played its hit single “Paper Lanterns” twice.`, []string{"PER:Paper Lanterns"}, []string{"MISC:Paper Lanterns"}},
		{`a sitcom called "Married to Marcus" ran for six seasons`, []string{"PER:Marcus"}, []string{"MISC:Married to Marcus"}},
		// in quotation marks after a maker's noun and "of"
		{`The Grammy-winning singer of "Quiet Rivers" married on Friday.`, []string{"PER:Quiet Rivers"}, []string{"MISC:Quiet Rivers"}},
		{`Tom Harwell, the author of "A Field Guide to Rain", died aged 81.`, []string{"PER:Tom Harwell"}, []string{"PER:Tom Harwell", "MISC:A Field Guide to Rain"}},
		{`the creators of "Harbour Lights" said`, nil, []string{"MISC:Harbour Lights"}},
		{`New episodes of "Harbour Lights" return in March.`, []string{"LOC:Harbour Lights"}, []string{"MISC:Harbour Lights"}},
		{`the cast of "Married to Marcus" reunited`, []string{"PER:Marcus"}, []string{"MISC:Married to Marcus"}},
		{`a remake of "The Long Winter" is planned`, nil, []string{"MISC:The Long Winter"}},
		{`the head of "Global Affairs" resigned`, []string{"ORG:Global Affairs"}, []string{"ORG:Global Affairs"}},
		{`the director of "Operation Sandstone" told MPs`, []string{"MISC:Operation Sandstone"}, []string{"MISC:Operation Sandstone"}},
		// a list of quoted titles after the work noun
		{`She acted in soap operas, including ""Rebel Road,"" ""Small Hours"" and ""Pirate Moon.""`, nil, []string{"MISC:Rebel Road", "MISC:Small Hours", "MISC:Pirate Moon"}},
		{`She acted in soap operas, including ""Rebel Road,"" ""Small Hours,"" ""Married to Marcus"" and ""Pirate Moon.""`, []string{"PER:Marcus"}, []string{"MISC:Rebel Road", "MISC:Small Hours", "MISC:Married to Marcus", "MISC:Pirate Moon"}},
		{`his songs "Low Tide", "Harbour Lights" and "Paper Moon" were played`, nil, []string{"MISC:Low Tide", "MISC:Harbour Lights", "MISC:Paper Moon"}},
		{`the album "Low Tide" and "We are done," she said`, nil, []string{"MISC:Low Tide"}},
		// a list after a plural work noun and "such as" or "like"
		{`Viewers can stream shows such as Glenrock and Sons of the Valley from Monday.`, []string{"PER:Glenrock", "ORG:Sons", "LOC:Valley"}, []string{"MISC:Glenrock", "MISC:Sons of the Valley"}},
		{`The deal covers films like Silver Canyon and The Patient Englishman .`, []string{"PER:Silver Canyon", "MISC:Englishman"}, []string{"MISC:Silver Canyon", "MISC:The Patient Englishman"}},
		{`older titles in series such as Star Voyage , Harbour Lights and Fenwick .`, []string{"ORG:Star Voyage", "PER:Fenwick"}, []string{"MISC:Star Voyage", "MISC:Harbour Lights", "MISC:Fenwick"}},
		// a title in apposition after a work noun
		{`Kira Vance Announces New Album, The Life Of A Lighthouse`, []string{"PER:Kira Vance"}, []string{"PER:Kira Vance", "MISC:The Life Of A Lighthouse"}},
		{`His new album, Songs for a Harbour Town, is out now.`, []string{"LOC:Harbour Town"}, []string{"MISC:Songs for a Harbour Town"}},
		{`Her second book, The Salt Road, is out in May.`, []string{"LOC:Salt Road"}, []string{"MISC:The Salt Road"}},
		// right after a work noun, beginning with an article or holding a
		// small word
		{`the director's new film The Shape of Rain, starring Ana Ruiz, opens in May`, []string{"ORG:Shape", "LOC:Rain", "PER:Ana Ruiz"}, []string{"MISC:The Shape of Rain", "PER:Ana Ruiz"}},
		{`Her 2024 novel A Winter in Corvel sold well.`, []string{"LOC:Corvel"}, []string{"MISC:A Winter in Corvel"}},
		{`his documentary Roads to Nowhere won a prize`, []string{"LOC:Nowhere"}, []string{"MISC:Roads to Nowhere"}},
		// a title the sentence runs on past with a possessive is left
		{`films like Red Orchard, The Mapmaker's Daughter and Dune Sea`, []string{"PER:Red Orchard", "PER:Dune Sea"}, []string{"MISC:Red Orchard", "PER:Dune Sea"}},
		{`the film The Mapmaker's Daughter opens`, nil, nil},
		// counter-examples: speech in quotation marks, a work noun not
		// right before the title, other nouns before "such as", names
		// after a comma that are no title
		{`"We are ready," the film's director Ana Ruiz said.`, []string{"PER:Ana Ruiz"}, []string{"PER:Ana Ruiz"}},
		{`The film's producer said "Nothing Else Matters Now" in 2022.`, nil, nil},
		{`Studios such as Halvern Pictures and Merrow Films bid for it.`, []string{"ORG:Halvern Pictures", "ORG:Merrow Films"}, []string{"ORG:Halvern Pictures", "ORG:Merrow Films"}},
		{`Singers like Tom Harwell and Lena Fisk attended.`, []string{"PER:Tom Harwell", "PER:Lena Fisk"}, []string{"PER:Tom Harwell", "PER:Lena Fisk"}},
		{`After the show, Manchester United played Leeds.`, []string{"ORG:Manchester United", "ORG:Leeds"}, []string{"ORG:Manchester United", "ORG:Leeds"}},
		{`After the film, Jane Doe, 34, left the cinema.`, []string{"PER:Jane Doe"}, []string{"PER:Jane Doe"}},
		{`The games were played in "Camden Hall" last year.`, []string{"LOC:Camden Hall"}, []string{"LOC:Camden Hall"}},
		{`the novel "the end" was lower case`, nil, nil},
		{`Polls show The Democrats ahead in Ohio.`, []string{"ORG:Democrats", "LOC:Ohio"}, []string{"ORG:Democrats", "LOC:Ohio"}},
		{`In the film Jane Doe plays a nurse.`, []string{"PER:Jane Doe"}, []string{"PER:Jane Doe"}},
		{`They watched the game Saturday in Leeds.`, []string{"LOC:Leeds"}, []string{"LOC:Leeds"}},
	} {
		got := retypeNames(t, tc.sentence, tc.model, titlesOfWorks)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: %v, want %v", tc.sentence, got, tc.want)
		}
	}
}

// TestNamedStorms: a storm's name is one MISC name with "Storm" (the
// set's convention, NEWS-NER.md). Storms are invented.
func TestNamedStorms(t *testing.T) {
	for _, tc := range []struct {
		sentence string
		model    []string
		want     []string
	}{
		{`Storm Darrow brought winds of 90mph to Wales on Saturday.`, []string{"LOC:Storm Darrow", "LOC:Wales"}, []string{"MISC:Storm Darrow", "LOC:Wales"}},
		{`Thousands lost power as Storm Olwen swept across Ireland.`, []string{"PER:Olwen", "LOC:Ireland"}, []string{"MISC:Storm Olwen", "LOC:Ireland"}},
		{`The Met Office named Storm Kerris on Tuesday.`, []string{"ORG:Met Office"}, []string{"ORG:Met Office", "MISC:Storm Kerris"}},
		{`Flights were cancelled after Storm Brannagh, the fourth of the season.`, []string{"ORG:Storm Brannagh"}, []string{"MISC:Storm Brannagh"}},
		// counter-examples: a team, a common noun, a body, a headline
		{`The Seattle Storm beat the Lynx on Friday.`, []string{"ORG:Seattle Storm", "ORG:Lynx"}, []string{"ORG:Seattle Storm", "ORG:Lynx"}},
		{`Storm damage closed roads in Kent.`, []string{"LOC:Kent"}, []string{"LOC:Kent"}},
		{`Storm Centre staff tracked the system.`, nil, nil},
		{`Storm Darrow Leaves Thousands Without Power`, []string{"LOC:Storm Darrow"}, []string{"MISC:Storm Darrow"}},
		{`Storm Hits Coast As Thousands Flee`, nil, nil},
		{`Storm Hits Coast As Thousands Flee`, []string{"LOC:Coast"}, []string{"LOC:Coast"}},
		{`Storm Monday will bring rain.`, nil, nil},
	} {
		got := retypeNames(t, tc.sentence, tc.model, namedStorms)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: %v, want %v", tc.sentence, got, tc.want)
		}
	}
}
