package annotate

import (
	"reflect"
	"testing"
)

// TestListings: a company's listing in brackets after its name, "(NYSE:
// HLX)": the exchange and the ticker are organisations, as the set of news
// names marks them, and so is the name before them, which the model may
// miss at the start of a sentence. Companies are invented.
func TestListings(t *testing.T) {
	m := &NER{}
	for _, tc := range []struct {
		text        string
		model, want []string
	}{
		{`Halvex (NASDAQ: HLVX) delivered 38,000 vehicles in the quarter.`,
			[]string{"ORG:Halvex", "MISC:NASDAQ", "ORG:HLVX"}, []string{"ORG:Halvex", "ORG:NASDAQ", "ORG:HLVX"}},
		{`Corvane (NYSE: CRV) said profits rose 4% in 2025.`,
			[]string{"ORG:NYSE", "ORG:CRV"}, []string{"ORG:Corvane", "ORG:NYSE", "ORG:CRV"}},
		{`Shares in Brennick Foods (LSE: BRF) fell on Monday.`,
			[]string{"PER:Brennick Foods"}, []string{"ORG:Brennick Foods", "ORG:LSE", "ORG:BRF"}},
		{`Tamsel Mining (TSX: TML.TO) cut its forecast.`,
			[]string{"ORG:Tamsel Mining", "ORG:TSX"}, []string{"ORG:Tamsel Mining", "ORG:TSX", "ORG:TML.TO"}},
		// counter-examples: a source's credit, a time, a figure, no name
		// before the brackets
		{`Prices rose again last week (Source: AFP).`,
			nil, nil},
		{`Talks resumed at Harwick (GMT: 1400) on Monday.`,
			[]string{"LOC:Harwick"}, []string{"LOC:Harwick"}},
		{`The index rose (NYSE: up 2%) on Friday.`,
			nil, nil},
		{`Output was flat in the quarter (EU: EURO).`,
			nil, nil},
	} {
		if names := retypeNames(t, tc.text, tc.model, m.listings); !reflect.DeepEqual(names, tc.want) {
			t.Errorf("%q: names %q, want %q", tc.text, names, tc.want)
		}
	}
}
