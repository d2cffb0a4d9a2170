package events_test

import "testing"

// wishCases: a hope about another's act, however the parser attaches its
// clause, and an option under consideration are no events; a stated
// intent still is. Written before the change (none is from a test set).
var wishCases = []classCase{
	{"hope", "Bangladesh hopes Myanmar will take back the refugees soon.", nil},
	{"hope", "Kenya hopes Uganda will lift its ban on Kenyan milk.", nil},
	{"hope", "The Peruvian president hoped Chile would return the seized trucks.", nil},
	{"consider", "Ghana is considering buying rice from Vietnam.", nil},
	{"consider", "The Thai government is weighing sending troops to the border.", nil},
	{"consider", "Norway is mulling expelling two Russian diplomats.", nil},
	{"intent", "Ghana plans to buy rice from Vietnam.", []string{"031 GHA->VNM"}},
	{"intent", "Norway decided to expel two Russian diplomats.", []string{"161 NOR->RUSGOV"}},
}

func TestWishClasses(t *testing.T) { checkClassCases(t, wishCases) }
