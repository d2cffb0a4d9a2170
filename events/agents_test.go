package events_test

import "testing"

// agentCases are sentences written for this test, before the agents
// below were changed (none is from a test set), for agent nouns whose
// sector PETRARCH's Phoenix agents dictionary gives: border and coast
// guards are MIL (BORDER_GUARD, COAST_GUARD), tourists CVL (TOURIST);
// "nationals", which it does not list, are their country alone.
var agentCases = []classCase{
	{"guards", "Belarusian border guards detained two Polish journalists on Saturday.", []string{"173 BLRMIL->POLMED"}},
	{"guards", "The Chinese coast guard detained three Vietnamese journalists near the islands.", []string{"173 CHNMIL->VNMMED"}},
	{"guards", "The Greek coastguard arrested two Turkish journalists on Lesbos.", []string{"173 GRCMIL->TURMED"}},
	{"tourists", "Haitian gang members kidnapped two Canadian tourists on Sunday.", []string{"181 HTICRM->CANCVL"}},
	{"nationals", "Russian police detained two British nationals in Moscow.", []string{"173 RUSCOP->GBR"}},
	{"nationals", "Thailand deported 40 Cambodian nationals on Friday.", []string{"174 THA->KHM"}},
}

func TestAgentClasses(t *testing.T) { checkClassCases(t, agentCases) }
