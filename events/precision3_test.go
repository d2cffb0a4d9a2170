package events_test

import (
	"testing"
)

// precision3Cases are sentences written for the classes of wrong events
// found on business and political wires in the third precision round,
// before the coder was changed for each; none is from a test set or a
// story. They are scored as classCases are.
var precision3Cases = []classCase{
	// Being willing, prepared or ready to act states an intent (03x,
	// 036 for talks); the act itself has not happened.
	{"willing", "Bolivian miners were willing to negotiate with the government on Monday.", []string{"036 BOLLAB->BOLGOV"}},
	{"willing", "Brazil was still prepared to negotiate with Argentina over the tariffs.", []string{"036 BRA->ARG"}},
	{"willing", "Ethiopia is ready to meet Sudan on the dam dispute, its foreign minister said.", []string{"036 ETH->SDN"}},
	{"willing", "Chile is willing to meet Peru in Lima next month.", []string{"036 CHL->PER"}},
	{"willing", "Peru negotiated with Chile on Monday.", []string{"046 PER->CHL", "046 CHL->PER"}},
	// "Who asked not to be identified" keeps a source's name out of a
	// story; it is no request to anyone.
	{"anonymous", "A Kenyan official, who asked not to be named, said coffee exports would rise.", nil},
	{"anonymous", "A Brazilian diplomat who asked not to be identified said the talks were going well.", nil},
	{"anonymous", "The official, who requested anonymity, said Tokyo would not change its policy.", nil},
	{"anonymous", "A senior Japanese trade official who asked not to be identified said: \"Tokyo is studying the figures.\"", nil},
	{"anonymous", "Kenya asked Uganda for emergency food aid.", []string{"023 KEN->UGA"}},
	// Banks that are a country's creditors, or foreign ones, are not
	// of the country the story is about.
	{"creditors", "Argentina wants lower interest rates on its debt. A German minister called on creditor banks to ease pressure on Argentina.", []string{"020 DEUGOV->---BUS"}},
	{"creditors", "Venezuela will issue new bonds. Venezuela's cabinet approved talks with foreign banks on its debt.", []string{"046 VENGOV->---BUS", "046 ---BUS->VENGOV"}},
	{"creditors", "Brazil suspended interest payments last month. Peru is also holding talks with creditor banks, Brazilian officials said.", []string{"046 PER->---BUS", "046 ---BUS->PER"}},
	{"creditors", "Kenya raised taxes on lending. Kenyan banks met the finance minister on Monday.", []string{"040 KENBUS->KENGOV"}},
	// An act the story puts after another that has not happened ("five
	// days before workers go on strike"), or that talks are aimed at, has
	// not happened either; one told in the past still has.
	{"unreal", "The union gave the company five days to reach a deal before workers go on strike.", nil},
	{"unreal", "Nigeria must settle its budget before it negotiates with Ghana.", nil},
	{"unreal", "Egypt held talks with Jordan aimed at reaching an accord on gas prices.", []string{"046 EGY->JOR", "046 JOR->EGY"}},
	{"unreal", "Kenya and Uganda opened talks aimed at signing a border agreement.", []string{"046 KEN->UGA", "046 UGA->KEN"}},
	{"unreal", "Kenya consulted Uganda before signing an agreement with Tanzania on Monday.", []string{"040 KEN->UGA", "057 KEN->TZA", "057 TZA->KEN"}},
	// Another sense of the verb: "back away from", "take the position
	// that", and attacks on forecasts or reports (criticism, 111).
	{"sense", "Kenya backed away from its pledge to cut tariffs.", nil},
	{"sense", "Japan has taken the position that its trade surplus will shrink.", nil},
	{"sense", "Japan has attacked OECD forecasts of its trade surplus.", []string{"111 JPN->IGOOEC"}},
	{"sense", "The Indian government attacked the IMF report on growth.", []string{"111 INDGOV->IGOIMF"}},
	{"sense", "Brazil has been taking the position that debtors that adopt reforms should get new loans.", nil},
	{"sense", "Kenya backed Uganda's bid for the seat.", []string{"051 KEN->UGA"}},
	{"sense", "Ukrainian troops took Russian positions near Bakhmut.", []string{"192 UKRMIL->RUSMIL"}},
	{"sense", "Rebels attacked an army base near Goma on Sunday.", []string{"190 ---REB->---MIL"}},
	// A demonym after a word of a part of the world names the region
	// ("Latin American", "South American"), no country, unless the two
	// words are a country's ("South African", "North Korean").
	{"region", "A Latin American diplomat criticised Chile.", []string{"111 ---GOV->CHL"}},
	{"region", "A South American minister criticised Peru on Monday.", []string{"111 ---GOV->PER"}},
	{"region", "A South African minister criticised Zimbabwe.", []string{"111 ZAFGOV->ZWE"}},
	{"region", "A North Korean diplomat criticised Japan.", []string{"111 PRKGOV->JPN"}},
	// "An official visit" is a visit of some standing, not one by an
	// official; the visitor is who is "on" it.
	{"official", "The German president, on a four-day official visit to Argentina, said the debt problem needed joint action.", []string{"042 DEUGOV->ARG"}},
	{"official", "The Kenyan president began an official visit to Uganda on Monday.", []string{"042 KENGOV->UGA"}},
	{"official", "A Ghanaian official visited Togo on Monday.", []string{"042 GHAGOV->TGO"}},
	// Meeting or briefing reporters is talking to the press, no
	// consultation (04x) between actors; a clause "after meeting X"
	// that the parser hangs on the reporters is the speaker's meeting.
	{"press", "The new exchange chairman met reporters on Tuesday.", nil},
	{"press", "Brazil's finance minister met journalists in Brasilia.", nil},
	{"press", "The Chilean president met foreign correspondents on Monday.", nil},
	{"press", "The Kenyan foreign minister told reporters after meeting Ugandan officials that the talks went well.", []string{"040 KENGOV->UGAGOV"}},
	{"press", "Kenyan police arrested two journalists in Nairobi.", []string{"173 KENCOP->KENMED"}},
	{"press", "The Ghanaian president met Togolese officials in Accra on Monday.", []string{"040 GHAGOV->TGOGOV"}},
	// A negation reaches an act through "did not have to", a
	// coordination by "or" or "nor", and "neither ... nor" subjects.
	{"negation", "Kenya did not have to recall its ambassador from Uganda.", nil},
	{"negation", "The plan is not being promoted by Brazil or defended by Peru.", nil},
	{"negation", "Neither Kenya nor Uganda ever accused Ethiopia of aggression.", nil},
	{"negation", "Egypt did not need to ask Japan for new loans.", nil},
	{"negation", "Kenya had to recall its ambassador from Uganda.", []string{"161 KEN->UGA"}},
	{"negation", "Kenya accused Uganda of aggression and Ethiopia did not comment.", []string{"112 KEN->UGA"}},
	{"negation", "Kenya did not attend the summit but accused Uganda of aggression.", []string{"112 KEN->UGA"}},
	// What someone "is expected" or "forecast" to do is others'
	// forecast, neither the act nor the actor's stated intent.
	{"expected", "The Ivorian agriculture minister was expected to arrive in London on Monday to attend the talks.", nil},
	{"expected", "Egypt is expected to recognise the new government in Libya next month.", nil},
	{"expected", "Japan is forecast to cut its aid to Myanmar this year.", nil},
	{"expected", "The US president is expected to tell the Japanese prime minister that sanctions may be lifted.", nil},
	{"expected", "The Kenyan president arrived in Uganda on Monday.", []string{"042 KENGOV->UGA"}},
	{"expected", "Kenya expects to meet Uganda next week.", []string{"036 KEN->UGA"}},
}

func TestPrecision3Classes(t *testing.T) { checkClassCases(t, precision3Cases) }
