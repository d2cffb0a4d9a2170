package events_test

import "testing"

// announcedCases: a hostile act a speaker says will happen has not
// happened; the statement is coded as PETRARCH codes it (a speaker's own
// coming act of force, a claim, 015; a coming protest, a threat of it)
// and a forecast of another's act not at all.
// Past acts reported stay events. Written after a first version.
var announcedCases = []classCase{
	{"announced", "Pakistan said it will attack Afghan militants near the border.", []string{"015 PAK->AFGREB"}},
	{"announced", "Russia said Ukraine will attack the Zaporizhzhia plant.", nil},
	{"announced", "Pakistan said it attacked Afghan militants near the border.", []string{"190 PAK->AFGREB"}},
	{"announced", "Israel announced it would free 150 Palestinian prisoners.", []string{"0353 ISR->PSE"}},
	{"announced", "Kenyan doctors said they will strike on Monday.", []string{"133 KENHLH->"}},
}

func TestAnnouncedClasses(t *testing.T) { checkClassCases(t, announcedCases) }
