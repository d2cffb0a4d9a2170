package events_test

import "testing"

// backgroundCases: an act named by a noun in a phrase of time or cause
// ("after a raid on the embassy", "amid air strikes") is the background
// of the sentence's event, not an event of its own; a noun that is the
// news itself still codes. Written before the change (none is from a
// test set).
var backgroundCases = []classCase{
	{"background", "Bolivia expelled the Chilean ambassador after a police raid on the Bolivian consulate in Arica.", []string{"161 BOL->CHLGOV"}},
	{"background", "Jordan recalled its ambassador from Israel amid Israeli air strikes on Gaza.", []string{"161 JOR->ISR"}},
	{"background", "Turkey condemned Syria following a Syrian army attack on Turkish troops.", []string{"111 TUR->SYR"}},
	{"news", "The Syrian army launched an attack on Turkish troops near Idlib.", []string{"190 SYRMIL->TURMIL"}},
}

func TestBackgroundClasses(t *testing.T) { checkClassCases(t, backgroundCases) }
