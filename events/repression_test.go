package events_test

import "testing"

// repressionCases: force police use on protesters or strikers is violent
// repression (175), as every event test set codes it; a clash stays a
// battle (190; one way, as PETRARCH's validation file codes clashes), and
// soldiers against rebels an assault. Written before the rule (none is
// from a test set).
var repressionCases = []classCase{
	{"repression", "Kenyan police fired live rounds at Kenyan protesters in Kisumu, killing two.", []string{"175 KENCOP->KENOPP dead 2"}},
	{"repression", "Bolivian police beat striking Bolivian miners outside the mine on Monday.", []string{"175 BOLCOP->BOLLAB"}},
	{"repression", "Pakistani police clashed with Pakistani protesters in Lahore on Sunday.", []string{"190 PAKCOP->PAKOPP"}},
	{"repression", "Nigerian soldiers attacked Nigerian rebels near Maiduguri on Friday.", []string{"190 NGAMIL->NGAREB"}},
}

func TestRepressionClasses(t *testing.T) { checkClassCases(t, repressionCases) }
