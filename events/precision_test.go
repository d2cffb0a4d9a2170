package events_test

import (
	"testing"
)

// precisionCases are sentences written for the classes of wrong events
// found on real news (wire stories of business and economics), before the
// coder was changed for each; none is from a test set or a story. They are
// scored as classCases are.
var precisionCases = []classCase{
	// Commerce: a firm selling, lending or investing does business; it
	// is no economic cooperation or aid (06x, 07x) unless a state is on
	// the other side.
	{"commerce", "A Swiss chemicals company sold 40,000 tonnes of fertiliser to farmers last year.", nil},
	{"commerce", "The Dutch bank lent 300 million guilders to shipping firms in the first half.", nil},
	{"commerce", "Japanese trading companies invested heavily in new coal mines during the decade.", nil},
	{"commerce", "Insurers granted credits worth two billion francs to small manufacturers.", nil},
	{"commerce", "The Japanese government lent 500 million dollars to Indonesia on Monday.", []string{"071 JPNGOV->IDN"}},
	{"commerce", "A Brazilian company sold aircraft to the Chilean air force.", []string{"072 BRABUS->CHLMIL"}},
	{"commerce", "Activists say a Belgian firm supplied rifles to rebel groups.", []string{"072 BELBUS->---REB"}},
	// Deals between businesses (an agreement or talks with another firm
	// or with no one named) are commerce; with a state or a union they
	// stay events.
	{"commerce", "A Texas bank signed an agreement to acquire a small leasing company.", nil},
	{"commerce", "The Dutch company reached an agreement with a Belgian bank on a merger.", nil},
	{"commerce", "The German steel company signed an agreement with the Polish government on a new plant.", []string{"057 DEUBUS->POLGOV", "057 POLGOV->DEUBUS"}},
	{"commerce", "The mining company signed a new wage agreement with the miners' union.", []string{"057 ---BUS->---LAB", "057 ---LAB->---BUS"}},
	// A place's name that begins a firm's name in the story is the firm
	// in its short mentions ("Boulder" for "Boulder Energy Corp"), and a
	// country inside a firm's name ("Tools Corp of Canada") is no owner.
	{"firm-name", "Boulder Energy Corp reported higher profits. Boulder is negotiating with two lenders, the company said.", nil},
	{"firm-name", "Precision Tools Corp of Canada reached an agreement with its creditors on Monday.", nil},
	{"firm-name", "Springfield Savings Bank raised its dividend. Springfield also rejected a merger offer from a rival.", nil},
	{"firm-name", "Police in Boulder arrested two protesters on Monday.", []string{"173 USACOP->---OPP"}},
	{"firm-name", "Kenya signed a trade agreement with Tanzania in Mombasa.", []string{"057 KEN->TZA", "057 TZA->KEN"}},
	// A forecast of another's act ("believes Brazil will sign") is no
	// event; the actor's own announcement still is an intent.
	{"forecast", "An economist said he believes Brazil will sign an agreement with its creditors.", nil},
	{"forecast", "Analysts think Egypt will recognise the new government next month.", nil},
	{"forecast", "A bank economist predicted that Argentina would ask the IMF for a new loan.", nil},
	{"forecast", "Brazil said it will sign an agreement with Chile next week.", []string{"032 BRA->"}},
	{"forecast", "Iraq expects it will receive new loans from Japan.", nil},
	// What may or might happen, or may have happened, is no event; an
	// actor's own "may" is its intent.
	{"possibility", "Diplomats said Egypt may recall its ambassador from Qatar.", nil},
	{"possibility", "The Brazilian government may ask Japan for new loans, a newspaper reported.", nil},
	{"possibility", "Analysts said Iraq might reject the OPEC quota.", nil},
	{"possibility", "Egypt recalled its ambassador from Qatar.", []string{"161 EGY->QAT"}},
	{"possibility", "Kenya said it may expel the Somali envoy.", []string{"161 KEN->SOMGOV"}},
	// A state reporting what its own forces did makes no accusation;
	// a government naming rebels of its country does.
	{"own-forces", "Kenya said its soldiers killed five militants near the border.", []string{"190 KENMIL->---REB dead 5"}},
	{"own-forces", "The Nigerian government said its soldiers killed ten insurgents in Borno.", []string{"190 NGAMIL->NGAREB dead 10"}},
	{"own-forces", "The Syrian government said Syrian rebels attacked an army checkpoint.", []string{"112 SYRGOV->SYRREB", "190 SYRREB->SYRMIL"}},
	// A participle of a pattern without conditions modifying a thing no
	// pattern names is another sense of the verb ("rules released by").
	{"participle", "New rules released by the central bank on Monday tighten lending limits for Swiss banks.", nil},
	{"participle", "Figures released by the Kenyan government showed exports fell.", nil},
	{"participle", "Five prisoners released by Israel on Monday returned to Gaza.", []string{"0841 ISR->"}},
	{"participle", "Two Thai fishermen released by Myanmar arrived home on Friday.", []string{"0841 MMR->THAAGR"}},
	{"participle", "The plan, backed by the Indian government, would cut fuel taxes.", []string{"051 INDGOV->"}},
}

func TestPrecisionClasses(t *testing.T) { checkClassCases(t, precisionCases) }
