package events_test

import (
	"testing"
)

// precision4Cases are sentences written for the classes of wrong events
// found on web news of 2010-2011 (world and US politics, crime, business)
// in the fourth precision round, before the coder was changed for each;
// none is from a test set or a story. They are scored as classCases are.
var precision4Cases = []classCase{
	// Police, prosecutors or authorities telling of a crime by gunmen or
	// criminals report it; they accuse no one (112). A state or its army
	// telling of an enemy's attack still accuses it.
	{"crime-report", "Police said gunmen opened fire on a bus in the port city on Friday.", []string{"193 ---UAF->---"}},
	{"crime-report", "Mexican prosecutors said a Mexican drug gang kidnapped two Mexican teachers near Acapulco.", []string{"181 MEXCRM->MEXEDU"}},
	{"crime-report", "Authorities said a Kenyan gang attacked two Kenyan police officers in Mombasa.", []string{"190 KENCRM->KENCOP"}},
	{"crime-report", "Nigerian gunmen kidnapped three Nigerian students in Kaduna on Sunday, police said.", []string{"181 NGAUAF->NGAEDU"}},
	{"crime-report", "Colombian police said Colombian gunmen attacked an army patrol near Cali.", []string{"190 COLUAF->COLMIL"}},
	{"crime-report", "The Iraqi government said Iraqi insurgents attacked an army base near Mosul.", []string{"112 IRQGOV->IRQREB", "190 IRQREB->IRQMIL"}},
	{"crime-report", "Israel said Palestinian militants attacked an Israeli army post near Gaza.", []string{"112 ISR->PSEREB", "190 PSEREB->ISRMIL"}},
	// A person named with the place they live in or come from ("Anna
	// Reyes of Tucson", "John Ward, 40, from Leeds") is that person, not
	// the place; an unknown person is no actor. A state's officials "of"
	// a place, and a person "of" an organisation, keep it.
	{"person-place", "Maria Delgado of Tucson, Arizona, criticised the Mexican government on Monday.", nil},
	{"person-place", "Tom Okafor, 34, from Leeds, accused Nigerian police of torture.", nil},
	{"person-place", "Sandra Oyelaran and Peter Haas, both from Lansing, Michigan, were arrested on Friday.", nil},
	{"person-place", "Ahmed Hussein of Minneapolis alleges that Somali soldiers killed two Somali civilians.", []string{"190 SOMMIL->SOMCVL dead 2"}},
	{"person-place", "The president of Ghana criticised Nigeria on Monday.", []string{"111 GHAGOV->NGA"}},
	{"person-place", "Peter Haas of Human Rights Watch accused Ugandan troops of torture.", []string{"112 NGOHRW->UGAMIL"}},
	// A present participle or a relative clause in the present that says
	// whom a group supports ("forces backing the opposition leader",
	// "troops, who support the government,") describes it; the
	// endorsement is no event of the story. Force in such a participle,
	// backing told in the past, and backing told as the clause's own
	// verb still code.
	{"affiliation", "Forces backing the Libyan rebel council reached the outskirts of Brega.", nil},
	{"affiliation", "Ivorian fighters supporting the opposition leader said they controlled the airport.", nil},
	{"affiliation", "Yemeni militias backing the president attacked Yemeni protesters in Sanaa.", []string{"175 YEMUAF->YEMOPP"}},
	{"affiliation", "Lawmakers supporting the Kenyan prime minister voted against the budget.", nil},
	{"affiliation", "French troops in Mali, who support the transitional government, left the base at Gao.", nil},
	{"affiliation", "Somali clan elders, who back the federal government, met in Mogadishu on Sunday.", nil},
	{"affiliation", "Kenyan lawmakers, who backed the Ugandan proposal last year, said it had failed.", []string{"051 KENLEG->UGA"}},
	{"affiliation", "Kenya backed Uganda's bid for the seat.", []string{"051 KEN->UGA"}},
	{"affiliation", "The African Union endorsed the Ivorian opposition leader on Friday.", []string{"051 IGOAFRAFU->CIVOPP"}},
	// Another sense of the verb: releasing photos, names or a report
	// publishes them (no 084); meeting resistance, opposition or
	// criticism is no meeting (04x); a rate or fee "charged" is a price.
	{"sense", "Police in Ohio released photos of two suspects on Tuesday.", nil},
	{"sense", "Kenyan police released the names of the victims on Monday.", nil},
	{"sense", "The Indian army released a report on the border clashes.", nil},
	{"sense", "The Ukrainian army met stiff resistance from Russian troops near Bakhmut.", nil},
	{"sense", "Kenyan troops met little opposition as they entered the town.", nil},
	{"sense", "The Irish government will seek a cut in the interest rate charged on its loans.", nil},
	{"sense", "Kenyan police released two Ugandan journalists on Monday.", []string{"084 KENCOP->UGAMED"}},
	{"sense", "The Ukrainian president met the Polish prime minister in Warsaw.", []string{"040 UKRGOV->POLGOV"}},
	{"sense", "Kenyan police charged two Ugandan journalists with spying.", []string{"112 KENCOP->UGAMED"}},
	// Deaths in a crash, a collision, a pile-up or a stampede are an
	// accident, no use of force; killed in a bombing or an ambush still
	// is.
	{"accident", "Two people were killed in a car crash near Abu Dhabi on Friday.", nil},
	{"accident", "Four Kenyan miners were killed in an accident at a gold mine.", nil},
	{"accident", "Three Egyptian pilgrims were killed in a stampede near Mecca.", nil},
	{"accident", "Six Indian soldiers died when their truck was hit in a collision with a bus.", nil},
	{"accident", "Three Afghan soldiers were killed in a roadside bombing in Kandahar.", []string{"190 ---->AFGMIL dead 3"}},
	{"accident", "Five Malian soldiers were killed in an ambush near Gao.", []string{"190 ---->MLIMIL dead 5"}},
	// A civil office named "... General" (an attorney general, an
	// inspector general of police) is no military general.
	{"office-general", "Mexico's Attorney General accused Mexican police of torture.", []string{"112 MEXGOV->MEXCOP"}},
	{"office-general", "The Kenyan Inspector General of Police accused Ugandan troops of crossing the border.", []string{"112 KENGOV->UGAMIL"}},
	{"office-general", "Nigeria's Attorney General criticised the Ghanaian government on Monday.", []string{"111 NGAGOV->GHAGOV"}},
	{"office-general", "Brazil's Prosecutor General accused three Brazilian senators of corruption.", []string{"112 BRAJUD->BRALEG"}},
	{"office-general", "The Indian Director General of Civil Aviation met Pakistani officials in Delhi.", []string{"040 INDGOV->PAKGOV"}},
	{"office-general", "The Mexican Attorney General's Office said it had charged two Mexican police officers with murder.", []string{"115 MEXGOV->MEXCOP"}},
	{"office-general", "A Mexican general accused Mexican police of torture.", []string{"112 MEXMIL->MEXCOP"}},
	{"office-general", "Two Sudanese generals met the Egyptian defence minister in Cairo.", []string{"040 SDNMIL->EGYGOV"}},
	// "Portugal, whose prime minister resigned": the official is the
	// country's (PRTGOV), and the country itself did not resign, however
	// the parser hangs the clause.
	{"whose", "Portugal, whose prime minister resigned last week, is regarded as the next country to need help.", []string{"0831 PRTGOV->"}},
	{"whose", "Peru, whose foreign minister criticised Chile on Monday, will hold elections in June.", []string{"111 PERGOV->CHL"}},
	{"whose", "Kenya, whose troops attacked Somali rebels near the border, has asked Uganda for help.", []string{"190 KENMIL->SOMREB", "020 KEN->UGA"}},
	{"whose", "Norway, whose envoy met Sri Lankan rebel leaders in Oslo, said the talks went well.", []string{"040 NORGOV->LKAREB"}},
	{"whose", "Ireland received a bailout in November. Portugal, whose prime minister resigned on Wednesday, could be next after Greece and Ireland.", []string{"0831 PRTGOV->"}},
	{"whose", "Portugal's prime minister resigned last week.", []string{"0831 PRTGOV->"}},
	{"whose", "Kenya criticised Uganda, whose president is seeking a fifth term.", []string{"111 KEN->UGA"}},
	// A one-word place name that is an agent noun ("Police", a town in
	// Poland, as the linker may read it after a dateline) is the agent.
	{"agent-place", "CAYCE, S.C. – Police in South Carolina arrested two American journalists on Friday.", []string{"173 USACOP->USAMED"}},
	{"agent-place", "ALBANY, N.Y. – Police in New York arrested two American journalists on Friday.", []string{"173 USACOP->USAMED"}},
	{"agent-place", "MIAMI – Police in Florida arrested two Cuban journalists on Friday.", []string{"173 USACOP->CUBMED"}},
	{"agent-place", "Police in Poland arrested two Ukrainian journalists on Friday.", []string{"173 POLCOP->UKRMED"}},
	{"agent-place", "Polish police arrested two Belarusian journalists on Friday.", []string{"173 POLCOP->BLRMED"}},
	// "Provided that X does Y" sets a condition; Y has not happened.
	{"condition", "The rebels are ready for a ceasefire, provided Libyan government forces end their assaults.", nil},
	{"condition", "The deal stands provided Uganda withdraws its troops from the island.", nil},
	{"condition", "The truce will hold providing Egypt releases the detained Ethiopian fishermen.", nil},
	{"condition", "Uganda withdrew its troops from the island on Monday.", []string{"087 UGA->UGAMIL"}},
}

func TestPrecision4Classes(t *testing.T) { checkClassCases(t, precision4Cases) }
