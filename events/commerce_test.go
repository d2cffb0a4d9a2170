package events_test

import "testing"

// commerceCases: firms' deals and demands are business, not politics: a
// firm's agreement signed somewhere has no counterpart in the venue, and a
// firm's demand of no one or of other firms is no political demand; a
// union's demand of a firm and a firm's of a state still are events.
// Written before the change (none is from a test set or a story).
var commerceCases = []classCase{
	{"commerce", "A Chinese airline signed the purchase agreement in Paris on Friday.", nil},
	{"commerce", "Airlines demand fuel savings of 15 percent from engine makers.", nil},
	{"commerce", "Retailers demanded lower prices from their suppliers.", nil},
	{"commerce", "The Belgian rail workers' union demanded higher wages from the state railway company.", []string{"100 BELLAB->---BUS"}},
	{"commerce", "A Canadian mining company demanded compensation from the Venezuelan government.", []string{"100 CANBUS->VENGOV"}},
	{"commerce", "The leaders of Kenya and Ethiopia signed a trade agreement in Rome.", []string{"057 KENGOV->ETHGOV", "057 ETHGOV->KENGOV"}},
	// An agreement needs a party named: "signed a deal" alone is no event.
	{"commerce", "Air India has signed a deal for a further US$7 billion.", nil},
	{"commerce", "Venezuela signed a rescheduling accord in February.", nil},
}

func TestCommerceClasses(t *testing.T) { checkClassCases(t, commerceCases) }

// orderCases: ordering goods is a purchase, not a demand (both pass as
// the coder stood; kept as a guard). Written before looking.
var orderCases = []classCase{
	{"order", "Kenya Airways ordered eight new airliners from a European planemaker.", nil},
	{"order", "The Polish army ordered 250 tanks and 96 helicopters last year.", nil},
}

func TestOrderClasses(t *testing.T) { checkClassCases(t, orderCases) }

// pressCases: talking to the press is no cooperation ("briefed
// reporters"), while briefing a counterpart is; "joined forces" names
// whom one cooperates with, not forces. Written after a first version.
var pressCases = []classCase{
	{"press", "The Kenyan foreign minister briefed reporters on the talks.", nil},
	{"press", "The Kenyan foreign minister briefed his Ugandan counterpart on the talks.", []string{"064 KENGOV->UGAGOV"}},
	{"idiom", "Kenya and Uganda joined forces against the rebels.", []string{"060 KEN->UGA", "060 UGA->KEN"}},
	{"idiom", "Kenya joined forces with Uganda on Monday.", []string{"060 KEN->UGA"}},
	{"idiom", "Two Japanese companies joined forces to build batteries.", nil},
}

func TestPressClasses(t *testing.T) { checkClassCases(t, pressCases) }
