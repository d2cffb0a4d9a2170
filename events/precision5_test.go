package events_test

import (
	"testing"
)

// precision5Cases are sentences written for the classes of wrong events
// found on broadcast and wire news of 1996-1998 (the Gulf, Asia's crisis,
// Northern Ireland) in the fifth precision round, before the coder was
// changed for each; none is from a test set or a story. They are scored
// as classCases are.
var precision5Cases = []classCase{
	// An act a speaker says would happen if or unless something else
	// does, or one told inside an if, unless or until clause however
	// deep (an infinitive under it), is a condition, not an event.
	// Threats made as threats, and acts told as done, still code.
	{"conditional", "The Iranian envoy to Kuwait said Iran would retaliate against Kuwait if it raised oil output.", nil},
	{"conditional", "Ethiopia said it would attack Eritrea unless Eritrean troops left the town.", nil},
	{"conditional", "Serbia said Serbian police would arrest the Kosovar leaders if they entered Pristina.", nil},
	{"conditional", "Pakistan threatened to attack India if Indian troops crossed the line.", []string{"138 PAK->IND"}},
	{"conditional", "Sanctions will stay until the Security Council forces Iraq to withdraw its troops from Kuwait.", nil},
	{"conditional", "Aid would resume if donors persuaded Sudan to release the detained Kenyan aid workers.", nil},
	{"conditional", "Washington will use force if diplomacy fails to make Iraq expel the inspectors.", nil},
	{"conditional", "Ethiopian troops attacked Eritrea on Monday.", []string{"190 ETHMIL->ERI"}},
	{"conditional", "Iran retaliated against Kuwait after it raised oil output.", []string{"190 IRN->KWT"}},
	{"conditional", "Serbian police arrested two Albanian journalists in Pristina on Friday.", []string{"173 SRBCOP->ALBMED"}},
	// A wire dateline closed by the agency's mark and an underscore
	// ("CAIRO, Egypt (AP)_ ") says where the story was filed, not who
	// acted.
	{"dateline", "NAIROBI, Kenya (AP)_ Somali rebels attacked a Ugandan army post on Friday.", []string{"190 SOMREB->UGAMIL"}},
	{"dateline", "ANKARA, Turkey (AP)_ Kurdish rebels promised to free two Turkish soldiers.", nil},
	{"dateline", "JERUSALEM (AP)_ The Israeli army arrested two Palestinian lawmakers in Hebron on Sunday.", []string{"173 ISRMIL->PSELEG"}},
	{"dateline", "BOGOTA, Colombia (AP)_ The Colombian government urged the rebels to free the hostages.", []string{"020 COLGOV->COLREB"}},
	// A capitalised "Deputy" or "Vice" that begins a longer title
	// ("Iraqi Deputy Prime Minister X") is part of the person's title,
	// however the parser splits it: neither a legislator nor a second
	// actor. A deputy in lower case is still a legislator.
	{"title-split", "Syrian Deputy Prime Minister Walid Haddad met the Turkish foreign minister in Ankara.", []string{"040 SYRGOV->TURGOV"}},
	{"title-split", "Kenyan Deputy President Samuel Otieno signed a border treaty with Uganda on Monday.", []string{"057 KENGOV->UGA", "057 UGA->KENGOV"}},
	{"title-split", "Egyptian Vice President Omar Farouk criticised Israel on Monday.", []string{"111 EGYGOV->ISR"}},
	{"title-split", "Iranian Deputy Foreign Minister Reza Karimi accused Iraq of shelling Iranian villages.", []string{"112 IRNGOV->IRQ"}},
	{"title-split", "A Kenyan deputy criticised the Ugandan government on Monday.", []string{"111 KENLEG->UGAGOV"}},
	{"title-split", "French deputies criticised the Iranian government.", []string{"111 FRALEG->IRNGOV"}},
	// A building or a city named before an attack noun ("the embassy
	// bombing", "the Nairobi blast", "U.S. Embassy bombings") says where
	// or what was hit, not who attacked. A nationality or a force before
	// it still names the attacker.
	{"venue-compound", "The embassy bombing in Nairobi killed twelve Kenyan civilians.", nil},
	{"venue-compound", "The consulate attack in Karachi killed four Pakistani guards.", nil},
	{"venue-compound", "The U.S. Embassy blasts in Kenya and Tanzania killed more than 200 people.", nil},
	{"venue-compound", "The Mombasa hotel bombing killed three Israeli tourists.", nil},
	{"venue-compound", "The Israeli air strikes killed six Palestinian militants in Gaza.", []string{"190 ISRMIL->PSEREB dead 6"}},
	{"venue-compound", "A Syrian army attack killed four civilians in Homs.", []string{"190 SYRMIL->SYRCVL dead 4"}},
	// Forces a state withdraws, sends or moves are what it moves; the
	// act is aimed at the country named as where they leave or go
	// ("withdraw its troops from Kuwait": at Kuwait).
	{"own-forces", "Iraq withdrew its troops from Kuwait on Monday.", []string{"0874 IRQ->KWT"}},
	{"own-forces", "Ethiopia pulled out its soldiers from Somalia last week.", []string{"0874 ETH->SOM"}},
	{"own-forces", "Syria withdrew its forces from Lebanon in April.", []string{"0874 SYR->LBN"}},
	{"own-forces", "Uganda withdrew its troops from the island on Monday.", []string{"087 UGA->UGAMIL"}},
}

func TestPrecision5Classes(t *testing.T) { checkClassCases(t, precision5Cases) }
