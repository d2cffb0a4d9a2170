package tags

import (
	"testing"
)

// TestTitleCaseCompounds checks the class of a compound noun that a
// headline in title case names and the body writes again in lower case
// ("Cyber Attack" and "a cyber attack", then "the attack"): the tagger
// reads a capitalised word of the title as a name's word, so the title's
// use was lost and the bare head was the topic. The editor's topic is
// the compound. Counter-examples: a compound the title does not write
// leaves the head alone, and a title-case word that is a name's stays a
// name. Each article was written for the test, with the tags an editor
// would choose written before the tagger was run on it.
func TestTitleCaseCompounds(t *testing.T) {
	m, k, bg := fixtures(t)
	tg := New(k, Options{Background: bg})
	for _, c := range []struct {
		name, title, body string
		want, not         []string
	}{{
		name:  "business: a cyber attack",
		title: "Brewer Halts Deliveries After Cyber Attack on Depots",
		body: "A regional brewer halted deliveries to pubs on Tuesday after a cyber attack shut down the computer systems " +
			"at its three depots, the company said. The attack began overnight and locked staff out of the ordering system. " +
			"The brewer said it had told the police about the attack and hoped to restart deliveries by Friday.",
		want: []string{"cyber attacks"}, not: []string{"attacks"},
	}, {
		name:  "politics: a reform",
		title: "Parliament Approves Pension Reform After Months of Protests",
		body: "Lawmakers on Thursday approved a pension reform that raises the retirement age from 62 to 64, " +
			"ending a fight that brought millions onto the streets. The reform passed by 287 votes to 251. " +
			"Unions said they would keep up their opposition and challenge the reform in the constitutional court.",
		want: []string{"pension reform|pension reforms"}, not: []string{"reform", "reforms"},
	}, {
		name:  "local: charges",
		title: "Seafront Traders Fight New Parking Charges",
		body: "Traders on the seafront at Westby have launched a petition against new parking charges that the council " +
			"plans to bring in from April. The charges would cost drivers £2 an hour in the summer months. " +
			"Shop owner Lena Hart said the charges would drive visitors to out-of-town retail parks.",
		want: []string{"parking charges"}, not: []string{"charges"},
	}, {
		name:  "science: pollution",
		title: "Study Links Air Pollution to Dementia in Older Adults",
		body: "Long exposure to air pollution raises the risk of dementia in people over 65, a study of 30,000 adults " +
			"published on Monday found. Those living near the busiest roads had the most exposure to pollution, " +
			"the authors said, and the effect of pollution held after they allowed for income and smoking.",
		want: []string{"air pollution"}, not: []string{"pollution"},
	}, {
		name:  "sport: a ban",
		title: "Sprinter Handed Four-Year Doping Ban",
		body: "Kenyan sprinter Daniel Otieno was given a four-year doping ban on Wednesday after a sample taken in March " +
			"showed a banned steroid. Otieno said he would appeal the ban, which rules him out of the next two world " +
			"championships. The ban runs from the date of the test.",
		want: []string{"doping bans|doping ban"}, not: []string{"bans", "ban"},
	}, {
		name:  "local: a fire",
		title: "Park Bans Barbecues After Moorland Fire",
		body: "A national park has banned barbecues on its open land until October after a moorland fire burned for " +
			"four days near the village of Hathersage. Firefighters said the fire was probably started by a disposable " +
			"barbecue, and that the fire had destroyed the nests of ground-nesting birds.",
		want: []string{"moorland fires|moorland fire"}, not: []string{"fires", "fire"},
	}, {
		name:  "sport: violence",
		title: "Club Fined Over Fan Violence at Derby",
		body: "A second-tier club was fined £40,000 on Monday for failing to control its supporters after fan violence " +
			"at last month's derby. The league said the violence, in which seats were thrown onto the pitch, had put " +
			"players and stewards at risk. The club said it would ban those behind the violence for life.",
		want: []string{"fan violence"}, not: []string{"violence"},
	}, {
		// Counter-example: the title names only the head; the body's
		// one compound is no reason to leave it.
		name:  "counter: the title names the head",
		title: "Dockers Extend Strike at Three Ports",
		body: "Dock workers at three ports extended their strike by a week on Monday in a row over pay. " +
			"The strike, which began after a wage strike ballot in May, has left ships waiting off the coast. " +
			"Port operators said the strike had cost them millions.",
		want: []string{"strikes"}, not: []string{"wage strikes"},
	}, {
		// Counter-example: a title-case name is not a compound noun.
		name:  "counter: a name in the title",
		title: "Shares in Harbour Energy Fall as Output Drops",
		body: "Shares in Harbour Energy fell 6% on Thursday after the oil producer said output dropped in the first " +
			"quarter. The company said output from its North Sea fields fell as two platforms were shut for repairs, " +
			"and it cut its forecast for output this year.",
		want: []string{"output"}, not: []string{"energy output", "energy"},
	}} {
		checkTopics(t, m, tg, c.name, c.title, c.body, c.want, c.not)
	}
}

// TestCoordinatedModifiers checks the class of two nouns joined by "and"
// or "or" that modify one head ("defence and security spending", "oil
// and gas prices"): each is a use of its own compound with the head,
// when news uses that compound as a phrase. Counter-examples: a noun
// before "and" that is a thing of its own ("the government and
// opposition parties"), and a compound news does not use. Each article
// was written for the test, with the tags an editor would choose written
// before the tagger was run on it.
func TestCoordinatedModifiers(t *testing.T) {
	m, k, bg := fixtures(t)
	tg := New(k, Options{Background: bg})
	for _, c := range []struct {
		name, title, body string
		want, not         []string
	}{{
		name:  "international: spending",
		title: "Nordic States Pledge to Lift Defence Spending",
		body: "The five Nordic countries pledged on Monday to raise defence and security spending to 3.5% of national income " +
			"by 2030, citing the threat from Russia. Finland's defence minister said the extra spending would go on air " +
			"defence and ammunition. Critics said the spending would mean cuts elsewhere.",
		want: []string{"defence spending"}, not: []string{"defence"},
	}, {
		name:  "business: prices",
		title: "Chemical maker warns on profits as energy costs bite",
		body: "A German chemical maker cut its profit forecast on Wednesday, blaming high oil and gas prices that have " +
			"doubled its energy costs. The company said gas prices in Europe were still three times those in the " +
			"United States. Its shares fell 8% after the warning, and analysts said oil prices would decide its year.",
		want: []string{"gas prices"}, not: []string{"prices"},
	}, {
		name:  "politics: reform",
		title: "Government Unveils Tax and Pension Reform Plan",
		body: "The government on Tuesday set out a tax and pension reform plan that it said would save 12 billion euros " +
			"a year. The plan raises the pension age to 66 and merges two income tax bands. Unions called a strike " +
			"against the pension reform, and the opposition said the tax reform favoured the rich.",
		want: []string{"pension reform|pension reforms"}, not: []string{"reform", "reforms", "plans"},
	}, {
		name:  "business: costs",
		title: "Haulier Blames Fuel Costs for First Loss",
		body: "A logistics firm reported its first annual loss on Thursday, saying rising fuel and labour costs had wiped out " +
			"its profit. The company said the costs of running its fleet rose by a fifth last year, and it expected " +
			"costs to keep rising until diesel prices fell.",
		want: []string{"fuel costs"}, not: []string{"costs"},
	}, {
		// Counter-example: "government" is a party to the talks, not a
		// kind of party.
		name:  "counter: two actors",
		title: "Talks on new constitution stall",
		body: "Talks between the government and opposition parties on a new constitution stalled on Friday after a row over " +
			"the powers of the presidency. The talks, which began in March, were meant to end by June. Opposition " +
			"parties said they would not return to the talks until the government dropped its plan.",
		want: []string{"talks"}, not: []string{"government parties"},
	}} {
		checkTopics(t, m, tg, c.name, c.title, c.body, c.want, c.not)
	}
}
