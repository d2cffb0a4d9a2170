package events_test

import "testing"

// agentCases are sentences written for this test, before the agents
// below were changed (none is from a test set), for agent nouns whose
// sector PETRARCH's Phoenix agents dictionary gives: border and coast
// guards are MIL (BORDER_GUARD, COAST_GUARD), tourists CVL (TOURIST);
// "nationals", which it does not list, are their country alone; airlines
// BUS (AIRLINE).
var agentCases = []classCase{
	{"guards", "Belarusian border guards detained two Polish journalists on Saturday.", []string{"173 BLRMIL->POLMED"}},
	{"guards", "The Chinese coast guard detained three Vietnamese journalists near the islands.", []string{"173 CHNMIL->VNMMED"}},
	{"guards", "The Greek coastguard arrested two Turkish journalists on Lesbos.", []string{"173 GRCMIL->TURMED"}},
	{"tourists", "Haitian gang members kidnapped two Canadian tourists on Sunday.", []string{"181 HTICRM->CANCVL"}},
	{"nationals", "Russian police detained two British nationals in Moscow.", []string{"173 RUSCOP->GBR"}},
	{"nationals", "Thailand deported 40 Cambodian nationals on Friday.", []string{"174 THA->KHM"}},
	// Airlines are businesses (Phoenix AIRLINE).
	{"airline", "A Kenyan airline sued the Ugandan aviation ministry over landing fees.", []string{"115 KENBUS->UGAGOV"}},
	{"airline", "Two Indian airlines criticised the Pakistani government for closing its airspace.", []string{"111 INDBUS->PAKGOV"}},
	// An envoy recalled or withdrawn from a country: the act is aimed at
	// that country, not at the envoy's own government.
	{"recall", "Ghana recalled its ambassador from Togo on Monday.", []string{"161 GHA->TGO"}},
	{"recall", "Peru withdrew its ambassador from Mexico after the remarks.", []string{"161 PER->MEX"}},
	{"recall", "Chile recalled its ambassador for consultations.", []string{"161 CHL->CHLGOV"}},
}

func TestAgentClasses(t *testing.T) { checkClassCases(t, agentCases) }

// sponsorCases: a country named as a sponsor ("Iranian-backed") gives the
// actor no nationality; the one it names besides does. Written after a
// first version.
var sponsorCases = []classCase{
	{"sponsor", "Iranian-backed Iraqi militants attacked Turkish troops near the border.", []string{"190 IRQREB->TURMIL"}},
	{"sponsor", "Russian-backed separatists attacked Ukrainian troops on Monday.", []string{"190 ---REB->UKRMIL"}},
}

func TestSponsorClasses(t *testing.T) { checkClassCases(t, sponsorCases) }

// milsiteCases: a military site or vessel is its country's forces'
// whether an adjective or the country's name says whose ("a U.S. base",
// "an American base"); other things a country's name modifies stand for
// no one ("U.S. wheat"). Written after a first version.
var milsiteCases = []classCase{
	{"milsite", "Rebels attacked a U.S. base near the border on Monday.", []string{"190 ---REB->USAMIL"}},
	{"milsite", "Rebels attacked an American base near the border on Monday.", []string{"190 ---REB->USAMIL"}},
	{"milsite", "Yemeni rebels attacked a British warship in the Red Sea.", []string{"190 YEMREB->GBRMIL"}},
}

func TestMilsiteClasses(t *testing.T) { checkClassCases(t, milsiteCases) }
