package events_test

import (
	"testing"
)

// precision2Cases are sentences written for the classes of wrong events
// still found on business wires after the first precision round, before
// the coder was changed for each; none is from a test set or a story.
// Stories are dated Saturday 2025-03-01; cases are scored as classCases.
var precision2Cases = []classCase{
	// A meeting or visit arranged but not yet held. The CAMEO code book
	// files an offer, promise or agreement to meet, visit or negotiate
	// under 036 ("express intent to meet or negotiate"); a meeting set
	// for a later day is such a commitment by the parties, not the
	// meeting (040-046), which is coded when it is held. A bare "will
	// meet" with no day stays 04x, as PETRARCH's validation codes it.
	{"planned", "Kenya and Uganda will hold talks on the border dispute on Thursday.", []string{"036 KEN->UGA", "036 UGA->KEN"}},
	{"planned", "Talks between Ethiopia and Sudan will resume on Monday.", []string{"036 ETH->SDN"}},
	{"planned", "The Chinese foreign minister will visit Japan.", []string{"042 CHNGOV->JPN"}},
	{"planned", "Ministers of the two countries said the next meeting between Kenya and Uganda would be in Nairobi.", []string{"036 KEN->UGA"}},
	{"planned", "Egyptian and Israeli officials meet in Cairo tomorrow to discuss the crossing.", []string{"036 EGYGOV->ISRGOV", "036 ISRGOV->EGYGOV"}},
	{"planned", "Ethiopia and Sudan held talks in Khartoum on Monday.", []string{"043 ETH->SDN", "043 SDN->ETH"}},
	{"planned", "The French president visited Algeria last week.", []string{"042 FRAGOV->DZA"}},
	// A spokesman or officials a business modifies speak for the firm
	// (BUS), not for a government; a government's stay GOV.
	{"firm-staff", "A Kenyan company spokesman rejected the union's demand for higher wages.", []string{"120 KENBUS->---LAB"}},
	{"firm-staff", "Company officials rejected the union's demand for a pay rise.", []string{"120 ---BUS->---LAB"}},
	{"firm-staff", "The firm's spokeswoman accused Kenyan police of harassing drivers.", []string{"112 ---BUS->KENCOP"}},
	{"firm-staff", "A Kenyan government spokesman rejected the union's demand for higher wages.", []string{"120 KENGOV->---LAB"}},
	{"firm-staff", "Kenyan officials accused the company of dumping waste.", []string{"112 KENGOV->---BUS"}},
	// Another sense of the verb: cutting relations (16x) and suing (115)
	// are aimed at someone; with no one named they are a state's or a
	// firm's own business ("suspended exports after floods", "filed a
	// rate case"). "Charged that ..." is an accusation (112) of the
	// clause's doer, not a lawsuit.
	{"sense", "Kenya suspended coffee exports for three months after floods damaged the port.", nil},
	{"sense", "The power company filed a new rate case with state regulators in May.", nil},
	{"sense", "Kenya suspended coffee exports to Uganda in a dispute over tariffs.", []string{"163 KEN->UGA"}},
	{"sense", "Kenyan officials charged that Ugandan troops had crossed the border.", []string{"112 KENGOV->UGAMIL"}},
	{"sense", "Police charged the protesters with batons.", []string{"175 ---COP->---OPP"}},
	// A person the knowledge base holds no office for on the day (here
	// one who died before it) still has the role the title gives; one
	// who held office before stays ELI.
	{"title", "Senator John McCain criticised the Russian government on Tuesday.", []string{"111 USALEG->RUSGOV"}},
	{"title", "Prime Minister Shinzo Abe rejected the proposal from the opposition.", []string{"127 JPNELI->---OPP"}},
	{"title", "Shinzo Abe rejected the proposal from the opposition.", []string{"127 JPNELI->---OPP"}},
	// Commerce: economic cooperation (061) is with a partner; a state
	// or people exporting or investing with no one named is trade.
	{"commerce", "Nigeria exported more crude oil last month.", nil},
	{"commerce", "Ugandan farmers invest heavily in new irrigation pumps.", nil},
	{"commerce", "Kenya sold maize to Uganda during the drought.", []string{"061 KEN->UGA"}},
	{"commerce", "Kenya and Uganda signed a trade pact.", []string{"057 KEN->UGA", "057 UGA->KEN"}},
}

func TestPrecision2Classes(t *testing.T) { checkClassCases(t, precision2Cases) }
