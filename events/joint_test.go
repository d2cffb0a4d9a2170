package events_test

import "testing"

// jointCases are acts that take two, written for this test (after a first
// version of the rule, from the CAMEO definitions and PETRARCH's validation
// file's coding of talks; none is from a test set): each party negotiates,
// exercises or signs with the other; ratifying, meeting and hosting are
// coded as told. Scored as classCases are.
var jointCases = []classCase{
	{"talks", "The Kenyan foreign minister held talks with his Ethiopian counterpart in Addis Ababa.", []string{"046 KENGOV->ETHGOV", "046 ETHGOV->KENGOV"}},
	{"talks", "Ethiopia negotiated with Sudan over the dam on Tuesday.", []string{"046 ETH->SDN", "046 SDN->ETH"}},
	{"exercise", "The Indian navy staged drills with the French navy in the Arabian Sea on Monday.", []string{"062 INDMIL->FRAMIL", "062 FRAMIL->INDMIL"}},
	{"sign", "Indonesia signed a defence agreement with Australia on Monday.", []string{"057 IDN->AUS", "057 AUS->IDN"}},
	{"one-way", "Chile ratified a trade agreement with Argentina on Friday.", []string{"057 CHL->ARG"}},
	{"one-way", "The Iraqi prime minister met the Syrian president in Damascus on Tuesday.", []string{"040 IRQGOV->SYRGOV"}},
}

func TestJointClasses(t *testing.T) { checkClassCases(t, jointCases) }
