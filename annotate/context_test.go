package annotate

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"tidings/eval"
	"tidings/text"
)

// contextGazetteer knows invented towns that are also clubs (Harwick,
// Dunmore), a town that is not (Tamsworth), a club named like a river
// (River Vale), a company (Velmar) and a demonym.
func contextGazetteer() *Gazetteer {
	return NewGazetteer([]GazetteerName{
		{Name: "Harwick", Type: "LOC"}, {Name: "Harwick", Type: "ORG"},
		{Name: "Dunmore", Type: "LOC"}, {Name: "Dunmore", Type: "ORG"},
		{Name: "Tamsworth", Type: "LOC"},
		{Name: "River Vale", Type: "ORG"},
		{Name: "Velmar", Type: "ORG"},
		{Name: "Kellish", Type: "MISC"},
	})
}

// TestRetypeInContext: names by class of phenomenon, each with the
// model's reading ("type:words", in order) and the reading wanted.
func TestRetypeInContext(t *testing.T) {
	m := &NER{gaz: contextGazetteer()}
	for _, c := range []struct {
		class, text string
		model, want []string
	}{
		// A site's name is a place, whatever the model read in it.
		{"site", "Fans queued outside the Dunmore Park Stadium two hours before kick-off on Saturday.",
			[]string{"ORG:Dunmore Park Stadium"}, []string{"LOC:Dunmore Park Stadium"}},
		{"site", "Guests at the Kestrel Hotel in Harwick were evacuated after a fire alarm on Tuesday night.",
			[]string{"ORG:Kestrel Hotel", "LOC:Harwick"}, []string{"LOC:Kestrel Hotel", "LOC:Harwick"}},
		{"site", "Flights from Tamsworth Airport were cancelled as fog closed the runway in January 2025.",
			[]string{"ORG:Tamsworth Airport"}, []string{"LOC:Tamsworth Airport"}},
		{"site", "The Carrow Playhouse reopened on Friday after a two-year refurbishment.",
			[]string{"ORG:Carrow Playhouse"}, []string{"LOC:Carrow Playhouse"}},
		{"site", "Police closed Harwick Station after a lorry hit a bridge nearby.",
			[]string{"ORG:Harwick Station"}, []string{"LOC:Harwick Station"}},
		{"site", "Homes were flooded when the River Tolley burst its banks overnight.",
			[]string{"ORG:River Tolley"}, []string{"LOC:River Tolley"}},
		// a person's name before a lower-case "airport" names the
		// airport, a place (CoNLL-2003 marks 35 such names LOC, none PER)
		{"airport", "Flights resumed at John F. Kennedy airport on Monday after a storm.",
			[]string{"PER:John F. Kennedy"}, []string{"LOC:John F. Kennedy"}},
		{"airport", "Passengers at Charles de Gaulle airport waited six hours for their bags.",
			[]string{"PER:Charles de Gaulle"}, []string{"LOC:Charles de Gaulle"}},
		{"airport", "The plane landed at Ben Gurion international airport shortly after noon.",
			[]string{"PER:Ben Gurion"}, []string{"LOC:Ben Gurion"}},
		{"airport/counter", "Officials said Maria Ostrova, airport manager since 2021, would resign.",
			[]string{"PER:Maria Ostrova"}, []string{"PER:Maria Ostrova"}},
		{"airport/counter", "Tom Harding told airport staff the strike was over.",
			[]string{"PER:Tom Harding"}, []string{"PER:Tom Harding"}},
		// not a site: another head, one word, a known club, a person
		{"site/counter", "The Harwick Stadium Company said profits rose by 4% in 2024.",
			[]string{"ORG:Harwick Stadium Company"}, []string{"ORG:Harwick Stadium Company"}},
		{"site/counter", "The fund sold its stake in River Tolley Holdings last year.",
			[]string{"ORG:River Tolley Holdings"}, []string{"ORG:River Tolley Holdings"}},
		{"site/counter", "River Vale signed a striker on loan until the end of the season.",
			[]string{"ORG:River Vale"}, []string{"ORG:River Vale"}},
		{"site/counter", "Airport said passenger numbers were back to 2019 levels.",
			[]string{"ORG:Airport"}, []string{"ORG:Airport"}},
		{"site/counter", "Councillor Jack Street said the bridge would reopen.",
			[]string{"PER:Jack Street"}, []string{"PER:Jack Street"}},
		// an observatory is an institution in CoNLL-2003: left to the model
		{"site/counter", "Astronomers at the Pellam Observatory tracked the comet for three nights.",
			[]string{"ORG:Pellam Observatory"}, []string{"ORG:Pellam Observatory"}},
		{"site/counter", "Residents of Ardmore Palace Gardens complained about the noise.",
			[]string{"ORG:Ardmore Palace Gardens"}, []string{"ORG:Ardmore Palace Gardens"}},

		// A town that is also a club is the club in a match report.
		{"club", "Harwick beat Dunmore 3-1 on Saturday to go top of the table.",
			[]string{"LOC:Harwick", "LOC:Dunmore"}, []string{"ORG:Harwick", "ORG:Dunmore"}},
		{"club", "Tom Kellerman scored twice as Dunmore won 2-0 against Harwick.",
			[]string{"PER:Tom Kellerman", "LOC:Dunmore", "LOC:Harwick"}, []string{"PER:Tom Kellerman", "ORG:Dunmore", "ORG:Harwick"}},
		{"club", "Harwick boss Tom Reilly praised his goalkeeper after the game.",
			[]string{"LOC:Harwick", "PER:Tom Reilly"}, []string{"ORG:Harwick", "PER:Tom Reilly"}},
		{"club", "Dunmore fans were stuck on the motorway until 2am.",
			[]string{"LOC:Dunmore"}, []string{"ORG:Dunmore"}},
		{"club", "The Tamsworth Comets beat the Harwick Owls 103-91 in Game 5.",
			[]string{"LOC:Tamsworth", "LOC:Harwick"}, []string{"ORG:Tamsworth Comets", "ORG:Harwick Owls"}},
		{"club", "Goals from Ama Boateng gave Dunmore SC a 2-1 win in their opener.",
			[]string{"PER:Ama Boateng", "LOC:Dunmore"}, []string{"PER:Ama Boateng", "ORG:Dunmore SC"}},
		// the town itself, a town no club is named after, no match
		{"club/counter", "Dunmore were held 1-1, but the players were cheered in Harwick afterwards.",
			[]string{"LOC:Dunmore", "LOC:Harwick"}, []string{"ORG:Dunmore", "LOC:Harwick"}},
		// a dateline; a stadium's name after the town
		{"club/counter", "HARWICK - Dunmore beat the leaders 3-1 on Sunday.",
			[]string{"LOC:HARWICK", "LOC:Dunmore"}, []string{"LOC:HARWICK", "ORG:Dunmore"}},
		{"club/counter", "Harwick won 24-20 in front of 79,000 fans at the Tamsworth Memorial Coliseum.",
			[]string{"LOC:Harwick", "LOC:Tamsworth"}, []string{"ORG:Harwick", "LOC:Tamsworth"}},
		// "at" the town: CoNLL-2003 marks the venue LOC
		{"club/counter", "Tom Kellerman scored twice as Dunmore won 2-0 at Harwick.",
			[]string{"PER:Tom Kellerman", "LOC:Dunmore", "LOC:Harwick"}, []string{"PER:Tom Kellerman", "ORG:Dunmore", "LOC:Harwick"}},
		// a country's team; a town's name after another place's; a club's town
		{"club/counter", "Georgia beat Dunmore 3-0 in a friendly on Tuesday.",
			[]string{"LOC:Georgia", "LOC:Dunmore"}, []string{"LOC:Georgia", "ORG:Dunmore"}},
		{"club/counter", "The second Test starts on Friday (at Carlow Park, Harwick) after a 2-1 series win.",
			[]string{"LOC:Carlow Park", "LOC:Harwick"}, []string{"LOC:Carlow Park", "LOC:Harwick"}},
		{"club/counter", "Harwick side Dunmore Rovers came from behind to draw 2-2 with the leaders.",
			[]string{"LOC:Harwick", "ORG:Dunmore Rovers"}, []string{"LOC:Harwick", "ORG:Dunmore Rovers"}},
		{"club/counter", "Tamsworth beat Dunmore 2-0 in the cup.",
			[]string{"LOC:Tamsworth", "LOC:Dunmore"}, []string{"LOC:Tamsworth", "ORG:Dunmore"}},
		{"club/counter", "Rain fell in Harwick and Dunmore on Sunday, closing roads.",
			[]string{"LOC:Harwick", "LOC:Dunmore"}, []string{"LOC:Harwick", "LOC:Dunmore"}},
		{"club/counter", "Harwick residents were told to boil their water until Friday.",
			[]string{"LOC:Harwick"}, []string{"LOC:Harwick"}},
		{"club/counter", "Harwick backed the plan by 52-48 in the referendum.",
			[]string{"LOC:Harwick"}, []string{"LOC:Harwick"}},

		// A product, craft or drug is named before the noun that says so.
		{"product", "Orbitex's Condor rocket exploded shortly after lift-off from the coast.",
			[]string{"ORG:Orbitex", "ORG:Condor"}, []string{"ORG:Orbitex", "MISC:Condor"}},
		{"product", "The agency said its Halcyon rover had found clay on the crater floor.",
			[]string{"LOC:Halcyon"}, []string{"MISC:Halcyon"}},
		{"product", "Regulators approved Norsk Pharma's Trionza pill for adults with obesity.",
			[]string{"ORG:Norsk Pharma", "LOC:Trionza"}, []string{"ORG:Norsk Pharma", "MISC:Trionza"}},
		{"product", "Meridex said its Lumo browser would block trackers by default from March.",
			[]string{"ORG:Meridex"}, []string{"ORG:Meridex", "MISC:Lumo"}},
		{"product", "The Kestra-4 probe lifted off from the launch site on Sunday.",
			[]string{"LOC:Kestra"}, []string{"MISC:Kestra-4"}},
		{"product", "Airlines grounded their Skyrider 900 jets after the engine fault was found.",
			[]string{"ORG:Skyrider"}, []string{"MISC:Skyrider 900"}},
		{"product", "Velmar's Ostra II capsule will carry four astronauts around the Moon.",
			[]string{"ORG:Velmar", "ORG:Ostra"}, []string{"ORG:Velmar", "MISC:Ostra II"}},
		{"product", "The Velmar Falco jets were grounded in 2025.",
			[]string{"ORG:Velmar Falco"}, []string{"ORG:Velmar", "MISC:Falco"}},
		// a company's, a place's or a people's name before the noun stays
		{"product/counter", "The Velmar vaccine was approved for children in 2024.",
			[]string{"ORG:Velmar"}, []string{"ORG:Velmar"}},
		{"product/counter", "She was due to fly on a KLX jet that crashed last month.",
			[]string{"ORG:KLX"}, []string{"ORG:KLX"}},
		{"product/counter", "Pellix says the rival treatment copies its MS drug too closely.",
			[]string{"ORG:Pellix"}, []string{"ORG:Pellix"}},
		{"product/counter", "The Velmar plant's output doubled, the firm said.",
			[]string{"ORG:Velmar"}, []string{"ORG:Velmar"}},
		{"product/counter", "The Harwick mission to the island was called off.",
			[]string{"LOC:Harwick"}, []string{"LOC:Harwick"}},
		{"product/counter", "Police said the Harwick and Tamsworth drug gangs were at war.",
			[]string{"LOC:Harwick", "ORG:Tamsworth"}, []string{"LOC:Harwick", "ORG:Tamsworth"}},
		{"product/counter", "Fans can watch the final on the Kestrel app from Friday.",
			[]string{"ORG:Kestrel"}, []string{"ORG:Kestrel"}},
		{"product/counter", "The Kellish drug trade has grown since 2020.",
			[]string{"MISC:Kellish"}, []string{"MISC:Kellish"}},
		{"product/counter", "Senator Dana Whitcombe said the Whitcombe drug bill would cut prices.",
			[]string{"PER:Dana Whitcombe", "PER:Whitcombe"}, []string{"PER:Dana Whitcombe", "PER:Whitcombe"}},
		{"product/counter", "Doctors said Covid vaccine uptake fell last winter.",
			nil, nil},
		{"product/counter", "Pellix said its combined flu and Covid-19 vaccine worked well in older adults.",
			[]string{"ORG:Pellix", "ORG:Covid"}, []string{"ORG:Pellix", "ORG:Covid"}},
		{"product/counter", "The Velmar Aurora spacecraft flew past the Moon in 2025.",
			[]string{"MISC:Velmar Aurora"}, []string{"MISC:Velmar Aurora"}},

		// An event is named by its head noun; a place before it is part of it.
		{"event", "The Tamsworth Comets reached the NBA Finals for the first time since 2012.",
			[]string{"ORG:Tamsworth Comets", "ORG:NBA Finals"}, []string{"ORG:Tamsworth Comets", "MISC:NBA Finals"}},
		{"event", "A 30-second advert during the Super Bowl cost $8m in 2025.",
			[]string{"ORG:Super Bowl"}, []string{"MISC:Super Bowl"}},
		{"event", "She won silver at the World Rowing Championships in Tamsworth.",
			[]string{"ORG:World Rowing Championships", "LOC:Tamsworth"}, []string{"MISC:World Rowing Championships", "LOC:Tamsworth"}},
		{"event", "Defending champion Sofia Reyes was knocked out of the Harwick Masters in the second round.",
			[]string{"PER:Sofia Reyes", "ORG:Harwick Masters"}, []string{"PER:Sofia Reyes", "MISC:Harwick Masters"}},
		// no event head; place and event apart
		{"event/counter", "World Rowing said the regatta would go ahead.",
			[]string{"ORG:World Rowing"}, []string{"ORG:World Rowing"}},
		// a place before an event's name stays apart, as CoNLL-2003 marks it
		{"event/counter", "Lena Varga won the Dunmore Grand Prix from pole position.",
			[]string{"PER:Lena Varga", "LOC:Dunmore", "MISC:Grand Prix"}, []string{"PER:Lena Varga", "LOC:Dunmore", "MISC:Grand Prix"}},
		{"event/counter", "Harwick will host the Grand Prix for the first time in 2026.",
			[]string{"LOC:Harwick", "MISC:Grand Prix"}, []string{"LOC:Harwick", "MISC:Grand Prix"}},
		{"event/counter", "The Harwick Championships Trust said entries were up.",
			[]string{"ORG:Harwick Championships Trust"}, []string{"ORG:Harwick Championships Trust"}},
	} {
		if names := retypeNames(t, c.text, c.model, m.retypeInContext); !reflect.DeepEqual(names, c.want) {
			t.Errorf("%s %q: names %q, want %q", c.class, c.text, names, c.want)
		}
	}
}

// TestJoinInstitutionNames: a body's name that holds "of", "for", "on" or
// "and" between capitalised words, which the model reads in pieces or not
// at all.
func TestJoinInstitutionNames(t *testing.T) {
	m := &NER{gaz: contextGazetteer()}
	for _, c := range []struct {
		text        string
		model, want []string
	}{
		{"The Office for Coastal Statistics said output fell 0.3% in October.",
			[]string{"ORG:Coastal Statistics"}, []string{"ORG:Office for Coastal Statistics"}},
		{"The Marine and Fisheries Authority fined the trawler's owner £40,000.",
			nil, []string{"ORG:Marine and Fisheries Authority"}},
		{"Crews from Harwick Fire and Rescue Service were called at 2am.",
			[]string{"LOC:Harwick"}, []string{"ORG:Harwick Fire and Rescue Service"}},
		{"He will overhaul the Advisory Committee on Vaccine Safety, officials said.",
			[]string{"ORG:Advisory Committee", "ORG:Vaccine Safety"}, []string{"ORG:Advisory Committee on Vaccine Safety"}},
		{"The Northern Centres for Disease Control and Prevention reported 31 deaths.",
			[]string{"ORG:Northern Centres", "ORG:Disease Control and Prevention"}, []string{"ORG:Northern Centres for Disease Control and Prevention"}},
		{"The Food and Water Administration approved the drug on Friday.",
			nil, []string{"ORG:Food and Water Administration"}},
		// a party's, a movement's or an army's head before "of" or "for", and a
		// plural possessive that begins the name
		{"Dana Kell's Party for Fairness came second in the election.",
			[]string{"PER:Dana Kell", "ORG:Fairness"}, []string{"PER:Dana Kell", "ORG:Party for Fairness"}},
		{"The parade marked 80 years of the Workers' Party of Ruritania on Friday.",
			[]string{"LOC:Ruritania"}, []string{"ORG:Workers' Party of Ruritania"}},
		{"Leaders of the Movement for Democratic Change met in Harwick.",
			[]string{"ORG:Democratic Change", "LOC:Harwick"}, []string{"ORG:Movement for Democratic Change", "LOC:Harwick"}},
		// counter-examples: a place's possessive before the head, a party
		// after "of the" (left to the model), a plural possessive before no
		// body's name
		{"Harwick's Party of Reform won two seats.",
			[]string{"LOC:Harwick", "ORG:Reform"}, []string{"LOC:Harwick", "ORG:Party of Reform"}},
		{"He spoke for the Party of the Regions in 2012.",
			[]string{"ORG:Regions"}, []string{"ORG:Regions"}},
		{"The Farmers' Market opened in Harwick on Friday.",
			[]string{"LOC:Harwick"}, []string{"LOC:Harwick"}},
		// two names joined by "and"; a person; no body's head; a place's name
		{"A contribution came from the Kellish Union and International Relief Fund.",
			[]string{"ORG:Kellish Union", "ORG:International Relief Fund"}, []string{"ORG:Kellish Union", "ORG:International Relief Fund"}},
		{"She is a lawyer with the Centre for Justice and Accountability in Harwick.",
			[]string{"LOC:Harwick"}, []string{"ORG:Centre for Justice and Accountability", "LOC:Harwick"}},
		{"The Bank of Harwick and Velmar agreed terms in 2025.",
			[]string{"ORG:Bank of Harwick", "ORG:Velmar"}, []string{"ORG:Bank of Harwick", "ORG:Velmar"}},
		{"The Ministry of Finance and Dunmore Council signed the deal.",
			[]string{"ORG:Ministry of Finance", "ORG:Dunmore Council"}, []string{"ORG:Ministry of Finance", "ORG:Dunmore Council"}},
		{"Professor Ada Lind of Harwick University spoke first.",
			[]string{"PER:Ada Lind", "ORG:Harwick University"}, []string{"PER:Ada Lind", "ORG:Harwick University"}},
		{"Trade between Harwick and Dunmore grew by 4% in 2024.",
			[]string{"LOC:Harwick", "LOC:Dunmore"}, []string{"LOC:Harwick", "LOC:Dunmore"}},
		{"Sales of Velmar Cola rose, the Office said.",
			[]string{"ORG:Velmar Cola"}, []string{"ORG:Velmar Cola"}},
		{"Residents of Harwick and Tamsworth Road were told to stay indoors.",
			[]string{"LOC:Harwick", "LOC:Tamsworth Road"}, []string{"LOC:Harwick", "LOC:Tamsworth Road"}},
		{"The Harwick Transport Council on Friday approved the fares.",
			[]string{"ORG:Harwick Transport Council"}, []string{"ORG:Harwick Transport Council"}},
		{"Settlers moved into the Dunmore Bank on Tuesday and the Tamsworth Bank of the river.",
			[]string{"LOC:Dunmore Bank"}, []string{"LOC:Dunmore Bank"}},
		{"Agents from the Kellish Federal Bureau of Investigation arrived.",
			[]string{"MISC:Kellish", "ORG:Federal Bureau of Investigation"}, []string{"MISC:Kellish", "ORG:Federal Bureau of Investigation"}},
		{"Gas flows between the Harwick Strip and Dunmore Bank resumed.",
			[]string{"LOC:Harwick Strip", "LOC:Dunmore Bank"}, []string{"LOC:Harwick Strip", "LOC:Dunmore Bank"}},
		{"Office Of Budget Cuts Jobs",
			nil, nil},
	} {
		if names := retypeNames(t, c.text, c.model, m.retypeInContext); !reflect.DeepEqual(names, c.want) {
			t.Errorf("%q: names %q, want %q", c.text, names, c.want)
		}
	}
}

// TestSplitTitlesBefore: a place's name that the model ran into the first
// word of a title of two words or more before a person ("Ruritania Chief
// | Minister | Jane Doe").
func TestSplitTitlesBefore(t *testing.T) {
	m := &NER{gaz: NewGazetteer([]GazetteerName{{"Ruritania", "LOC"}, {"North Ruritania", "LOC"}})}
	m.UseTitles([]string{"minister", "chief", "governor", "deputy", "secretary"})
	ch := func(typ string, start, end int) eval.Chunk { return eval.Chunk{Type: typ, Start: start, End: end} }
	for _, tc := range []struct {
		sentence string
		chunks   []eval.Chunk
		want     []eval.Chunk
	}{
		{"Ruritania Chief Minister Jane Doe said", []eval.Chunk{ch("ORG", 0, 2), ch("PER", 3, 5)}, []eval.Chunk{ch("LOC", 0, 1), ch("PER", 3, 5)}},
		{"North Ruritania Deputy Chief Minister Jane Doe said", []eval.Chunk{ch("ORG", 0, 3), ch("PER", 5, 7)}, []eval.Chunk{ch("LOC", 0, 2), ch("PER", 5, 7)}},
		{"the Ruritania Deputy Secretary Jane Doe said", []eval.Chunk{ch("LOC", 1, 3), ch("PER", 4, 6)}, []eval.Chunk{ch("LOC", 1, 2), ch("PER", 4, 6)}},
		// not titles between, or no person after
		{"Ruritania Chief said Jane Doe left", []eval.Chunk{ch("ORG", 0, 2), ch("PER", 3, 5)}, []eval.Chunk{ch("ORG", 0, 2), ch("PER", 3, 5)}},
		{"Ruritania Chief Minister Council met", []eval.Chunk{ch("ORG", 0, 2)}, []eval.Chunk{ch("ORG", 0, 2)}},
		{"Ruritania Chief Minister Harwick said", []eval.Chunk{ch("ORG", 0, 2), ch("LOC", 3, 4)}, []eval.Chunk{ch("ORG", 0, 2), ch("LOC", 3, 4)}},
	} {
		got := m.splitTitles(strings.Fields(tc.sentence), slices.Clone(tc.chunks))
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: %v, want %v", tc.sentence, got, tc.want)
		}
	}
}

// TestPeopleNames: a people's name that begins a longer name the model
// cut after it, and a name typed MISC that ends in an organisation's head.
func TestPeopleNames(t *testing.T) {
	m := &NER{gaz: contextGazetteer()}
	for _, c := range []struct {
		text        string
		model, want []string
	}{
		{"The Tigers won their first Kellish Premier League title in 2025.",
			[]string{"ORG:Tigers", "MISC:Kellish"}, []string{"ORG:Tigers", "MISC:Kellish Premier League"}},
		{"Members of the Kellish Parliament voted 360 to 175 against the motion.",
			[]string{"MISC:Kellish"}, []string{"ORG:Kellish Parliament"}},
		{"She is the new coach of the Kellish Hockey Association.",
			[]string{"MISC:Kellish"}, []string{"ORG:Kellish Hockey Association"}},
		{"The Arkan Army took control of another township on Monday.",
			[]string{"MISC:Arkan Army"}, []string{"ORG:Arkan Army"}},
		{"Fighters of the Kellish Liberation Front crossed the border.",
			[]string{"MISC:Kellish Liberation Front"}, []string{"ORG:Kellish Liberation Front"}},
		// a title, another name after, no head, an event
		{"Kellish Prime Minister Jane Doe arrived in Harwick.",
			[]string{"MISC:Kellish", "PER:Jane Doe", "LOC:Harwick"}, []string{"MISC:Kellish", "PER:Jane Doe", "LOC:Harwick"}},
		{"Officials at the Kellish Ministry of Finance declined to comment.",
			[]string{"MISC:Kellish", "ORG:Ministry of Finance"}, []string{"MISC:Kellish", "ORG:Ministry of Finance"}},
		{"The Kellish Premier said the talks would resume.",
			[]string{"MISC:Kellish"}, []string{"MISC:Kellish"}},
		{"She reached the final of the Kellish Open.",
			[]string{"MISC:Kellish Open"}, []string{"MISC:Kellish Open"}},
		{"Kellish Wildfires Spread Towards Harwick",
			[]string{"MISC:Kellish", "LOC:Harwick"}, []string{"MISC:Kellish", "LOC:Harwick"}},
	} {
		if names := retypeNames(t, c.text, c.model, m.retypeInContext); !reflect.DeepEqual(names, c.want) {
			t.Errorf("%q: names %q, want %q", c.text, names, c.want)
		}
	}
}

// TestPlacesAfterPrepositions: a town read as an organisation after a
// preposition of place, often because a body named after it is in the
// same story.
func TestPlacesAfterPrepositions(t *testing.T) {
	m := &NER{gaz: contextGazetteer()}
	for _, c := range []struct {
		text        string
		model, want []string
	}{
		{"Councillors in Harwick approved 1,200 homes despite objections from the Harwick Civic Trust.",
			[]string{"ORG:Harwick", "ORG:Harwick Civic Trust"}, []string{"LOC:Harwick", "ORG:Harwick Civic Trust"}},
		{"Officials opened cooling centres across Tamsworth as temperatures hit 44C.",
			[]string{"ORG:Tamsworth"}, []string{"LOC:Tamsworth"}},
		{"A team at a laboratory in Dunmore began trials of the vaccine in March.",
			[]string{"ORG:Dunmore"}, []string{"LOC:Dunmore"}},
		// a company; a club's possessive; a name the gazetteer does not know whole; "at"
		{"The fund bought a stake in Velmar last year.",
			[]string{"ORG:Velmar"}, []string{"ORG:Velmar"}},
		{"Ama Boateng starred in Harwick's 2-0 win over Dunmore.",
			[]string{"PER:Ama Boateng", "ORG:Harwick", "ORG:Dunmore"}, []string{"PER:Ama Boateng", "ORG:Harwick", "ORG:Dunmore"}},
		{"Shares in Dunmore, which owns 40 shopping centres, rose 6% on Tuesday.",
			[]string{"ORG:Dunmore"}, []string{"ORG:Dunmore"}},
		{"Shares in Harwick Water fell 4% after the fine.",
			[]string{"ORG:Harwick Water"}, []string{"ORG:Harwick Water"}},
		{"She studied at Dunmore before joining the bank.",
			[]string{"ORG:Dunmore"}, []string{"ORG:Dunmore"}},
	} {
		if names := retypeNames(t, c.text, c.model, m.retypeInContext); !reflect.DeepEqual(names, c.want) {
			t.Errorf("%q: names %q, want %q", c.text, names, c.want)
		}
	}
}

// TestNamedAfterPeople: a body named after a person, which the model reads
// as the person.
func TestNamedAfterPeople(t *testing.T) {
	m := &NER{gaz: contextGazetteer()}
	for _, c := range []struct {
		text        string
		model, want []string
	}{
		{"The Harold Lind Institute said 31 cases had been confirmed.",
			[]string{"PER:Harold Lind Institute"}, []string{"ORG:Harold Lind Institute"}},
		{"A grant from the Ada and Tom Reilly Foundation paid for the scanner.",
			[]string{"PER:Ada and Tom Reilly Foundation"}, []string{"ORG:Ada and Tom Reilly Foundation"}},
		{"Students at the Jan Novak University protested on Friday.",
			[]string{"PER:Jan Novak University"}, []string{"ORG:Jan Novak University"}},
		// a person whose surname is such a word; two words only
		{"The historian Robert Service said the archive was closed.",
			[]string{"PER:Robert Service"}, []string{"PER:Robert Service"}},
		{"Dr Harold Lind said the institute would expand.",
			[]string{"PER:Harold Lind"}, []string{"PER:Harold Lind"}},
	} {
		if names := retypeNames(t, c.text, c.model, m.retypeInContext); !reflect.DeepEqual(names, c.want) {
			t.Errorf("%q: names %q, want %q", c.text, names, c.want)
		}
	}
}

// TestBusinessNames: a company named before its chief executive's or
// chairman's title, or before its ticker in brackets.
func TestBusinessNames(t *testing.T) {
	m := &NER{gaz: contextGazetteer()}
	notProper := map[string]string{"Former": "JJ", "The": "DT", "Shares": "NNS"}
	for _, c := range []struct {
		text        string
		model, want []string
	}{
		{"Harwick Water chief executive Jane Doe told MPs the utility could run out of cash.",
			[]string{"PER:Jane Doe"}, []string{"ORG:Harwick Water", "PER:Jane Doe"}},
		{"Pellix (PLX) chief executive Jane Doe ruled out a bid for its rival.",
			[]string{"PER:Jane Doe"}, []string{"ORG:Pellix", "ORG:PLX", "PER:Jane Doe"}},
		{"Analysts said Orbitex chairman Tom Reilly would step down in May.",
			[]string{"PER:Orbitex", "PER:Tom Reilly"}, []string{"ORG:Orbitex", "PER:Tom Reilly"}},
		{"Kestrel CEO Ama Boateng said the company would hire 2,000 engineers.",
			[]string{"PER:Ama Boateng"}, []string{"ORG:Kestrel", "PER:Ama Boateng"}},
		{"Shares of Orbitex (ORBX) fell 7% as bitcoin dropped.",
			[]string{"ORG:Orbitex"}, []string{"ORG:Orbitex", "ORG:ORBX"}},
		// a title of another kind; no name before; a place; no person after
		{"Clinton chief of staff Leon Panetta said the talks would resume.",
			[]string{"PER:Clinton", "PER:Leon Panetta"}, []string{"PER:Clinton", "PER:Leon Panetta"}},
		{"Former chief executive Jane Doe said the board had misled her.",
			[]string{"PER:Jane Doe"}, []string{"PER:Jane Doe"}},
		{"The chairman, Tom Reilly, said profits fell.",
			[]string{"PER:Tom Reilly"}, []string{"PER:Tom Reilly"}},
		{"Tamsworth chief executive Jane Doe said the council would cut 300 jobs.",
			[]string{"LOC:Tamsworth", "PER:Jane Doe"}, []string{"LOC:Tamsworth", "PER:Jane Doe"}},
		{"Velmar chairman said profits fell.",
			[]string{"ORG:Velmar"}, []string{"ORG:Velmar"}},
		{"Jane Doe (Harwick) won the final 6-4 6-2.",
			[]string{"PER:Jane Doe", "LOC:Harwick"}, []string{"PER:Jane Doe", "LOC:Harwick"}},
		{"The Kellish Spongiform Disease (KSD) outbreak spread.",
			nil, nil},
		{"Orbitex (SEP) 91.37 91.36 91.33",
			[]string{"ORG:Orbitex"}, []string{"ORG:Orbitex"}},
		{"Harwick Water chief executive Jane Doe resigned.",
			[]string{"LOC:Harwick", "PER:Jane Doe"}, []string{"ORG:Harwick Water", "PER:Jane Doe"}},
	} {
		d := text.New(c.text)
		for i := range d.Tokens {
			w := d.Tokens[i].Form
			switch {
			case notProper[w] != "":
				d.Tokens[i].XPOS = notProper[w]
			case capitalisedWord(w):
				d.Tokens[i].XPOS = "NNP"
			default:
				d.Tokens[i].XPOS = "NN"
			}
		}
		got := m.retypeInContext(d, findSpans(t, d, c.model))
		var names []string
		for _, sp := range got {
			names = append(names, sp.Label+":"+d.Text[d.Tokens[sp.Start].Start:d.Tokens[sp.End-1].End])
		}
		if !reflect.DeepEqual(names, c.want) {
			t.Errorf("%q: names %q, want %q", c.text, names, c.want)
		}
	}
}

// TestNationalTeamIsNoClub: in a match report a country's name that a
// club shares stays the country's team, LOC as CoNLL-2003 marks it,
// when the knowledge base names it a national team.
func TestNationalTeamIsNoClub(t *testing.T) {
	m := &NER{gaz: NewGazetteer([]GazetteerName{
		{Name: "Dunmore", Type: "LOC"}, {Name: "Dunmore", Type: "ORG"},
		{Name: "Veloria", Type: "LOC"}, {Name: "Veloria", Type: "ORG"},
	})}
	m.UseNationalTeams([]string{"Veloria"})
	for _, c := range []struct {
		text        string
		model, want []string
	}{
		{"Veloria beat Dunmore 3-1 in the qualifier on Saturday.",
			[]string{"LOC:Veloria", "LOC:Dunmore"}, []string{"LOC:Veloria", "ORG:Dunmore"}},
		{"Dunmore drew 1-1 with Veloria in a friendly match.",
			[]string{"LOC:Dunmore", "LOC:Veloria"}, []string{"ORG:Dunmore", "LOC:Veloria"}},
	} {
		if names := retypeNames(t, c.text, c.model, m.retypeInContext); !reflect.DeepEqual(names, c.want) {
			t.Errorf("%q: names %q, want %q", c.text, names, c.want)
		}
	}
}

// TestTitlesAroundNames: a title's field after "of" that the model read
// into the name of the person after it ("Minister of Defence | Jane
// Doe"), and titles that end an organisation's or a place's name with
// no person after them ("the Velmar Chief Executive Officer").
func TestTitlesAroundNames(t *testing.T) {
	m := &NER{gaz: NewGazetteer([]GazetteerName{{"Velmar", "ORG"}, {"Ruritania", "LOC"}}),
		clusters: &Clusters{classes: map[string][2]uint32{}}}
	for _, w := range []string{"defence", "state", "foreign", "affairs", "procurement", "health", "services", "finance"} {
		m.clusters.classes[w] = [2]uint32{1, 1}
	}
	m.UseTitles([]string{"minister", "secretary", "chief", "executive", "officer", "chairman", "governor", "deputy", "general"})
	ch := func(typ string, start, end int) eval.Chunk { return eval.Chunk{Type: typ, Start: start, End: end} }
	for _, tc := range []struct {
		sentence string
		chunks   []eval.Chunk
		want     []eval.Chunk
	}{
		// the field of an office, then the holder's name
		{"Minister of Defence Tomas Kerrigan visited Harwick", []eval.Chunk{ch("ORG", 2, 5), ch("LOC", 6, 7)}, []eval.Chunk{ch("PER", 3, 5), ch("LOC", 6, 7)}},
		{"Secretary of State Jane Doe said", []eval.Chunk{ch("ORG", 2, 5)}, []eval.Chunk{ch("PER", 3, 5)}},
		{"Minister of Foreign Affairs Jane Doe said", []eval.Chunk{ch("ORG", 2, 6)}, []eval.Chunk{ch("PER", 4, 6)}},
		{"Minister of Finance Kerrigan said", []eval.Chunk{ch("MISC", 2, 4)}, []eval.Chunk{ch("PER", 3, 4)}},
		// a field alone, a name alone, a known place or body after the field, no title before
		{"Minister of Defence Procurement said", []eval.Chunk{ch("ORG", 2, 4)}, []eval.Chunk{ch("ORG", 2, 4)}},
		{"Minister of Ruritania Affairs said", []eval.Chunk{ch("ORG", 2, 4)}, []eval.Chunk{ch("ORG", 2, 4)}},
		{"Minister of Health Ruritania said", []eval.Chunk{ch("ORG", 2, 4)}, []eval.Chunk{ch("ORG", 2, 4)}},
		{"the Department of Health Services said", []eval.Chunk{ch("ORG", 1, 5)}, []eval.Chunk{ch("ORG", 1, 5)}},
		{"a tour of Defence Tomas Kerrigan", []eval.Chunk{ch("ORG", 3, 6)}, []eval.Chunk{ch("ORG", 3, 6)}},
		// titles after a known name, no person after them
		{"Steve Marlow , the Velmar Chief Executive Officer , said", []eval.Chunk{ch("PER", 0, 2), ch("ORG", 4, 7)}, []eval.Chunk{ch("PER", 0, 2), ch("ORG", 4, 5)}},
		{"the Ruritania Deputy Governor General said", []eval.Chunk{ch("ORG", 1, 4)}, []eval.Chunk{ch("LOC", 1, 2)}},
		// the model's name ends the titles: left to it ("the Florida
		// Governor's office"); not a title at the end; a name the
		// gazetteer does not know
		{"the Velmar Chairman said profits rose", []eval.Chunk{ch("ORG", 1, 3)}, []eval.Chunk{ch("ORG", 1, 3)}},
		{"the Velmar Executive Committee met", []eval.Chunk{ch("ORG", 1, 4)}, []eval.Chunk{ch("ORG", 1, 4)}},
		{"the Kestrel Chairman said", []eval.Chunk{ch("ORG", 1, 3)}, []eval.Chunk{ch("ORG", 1, 3)}},
	} {
		got := m.splitTitles(strings.Fields(tc.sentence), slices.Clone(tc.chunks))
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: %v, want %v", tc.sentence, got, tc.want)
		}
	}
}

// retypeNames applies a rule to the model's spans of text (findSpans)
// and writes the result as "TYPE:words"; spans out of order or
// overlapping fail the test.
func retypeNames(t *testing.T, s string, model []string, rule func(*text.Document, []text.Span) []text.Span) []string {
	t.Helper()
	d := text.New(s)
	got := rule(d, findSpans(t, d, model))
	var names []string
	for i, sp := range got {
		if i > 0 && sp.Start < got[i-1].End {
			t.Errorf("%q: spans out of order or overlapping: %v", s, got)
		}
		names = append(names, sp.Label+":"+d.Text[d.Tokens[sp.Start].Start:d.Tokens[sp.End-1].End])
	}
	return names
}
