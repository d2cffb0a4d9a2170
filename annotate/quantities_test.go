package annotate

import (
	"strings"
	"testing"

	"tidings/text"
)

func TestQuantities(t *testing.T) {
	tests := []struct {
		in       string
		want     string // span text
		label    string
		value    float64
		unit     string
		modifier string
	}{
		{"At least 8 servicemen of the security forces were killed.", "At least 8 servicemen", "COUNT", 8, "servicemen", "at least"},
		{"More than 300 were injured.", "More than 300", "COUNT", 300, "people", "more than"},
		{"Dozens of killed have been reported.", "Dozens of killed", "COUNT", 0, "killed", ""},
		{"The project costs 1.2 billion euros.", "1.2 billion euros", "MONEY", 1.2e9, "EUR", ""},
		{"It raised $5 million.", "$5 million", "MONEY", 5e6, "USD", ""},
		// a dollar's country prefix, split off by the tokeniser
		{"The airline ordered US$6 billion in new jets.", "US$6 billion", "MONEY", 6e9, "USD", ""},
		{"The bank lent HK$300 million.", "HK$300 million", "MONEY", 3e8, "HKD", ""},
		{"Trade with the US rose.", "", "", 0, "", ""},
		{"Prices rose by more than 40% in January.", "more than 40%", "PERCENT", 40, "%", "more than"},
		{"Unemployment fell 2.5 per cent.", "2.5 per cent", "PERCENT", 2.5, "%", ""},
		{"It adds about 700 megawatts of capacity.", "about 700 megawatts", "QUANTITY", 700, "megawatts", "about"},
		{"Some 300+ protesters gathered.", "Some 300+ protesters", "COUNT", 300, "protesters", "some"},
		{"Two older links were out of service.", "", "", 0, "", ""},
		{"By 2030 the link opens.", "", "", 0, "", ""},
	}
	for _, tt := range tests {
		d := text.New(tt.in)
		qs := Quantities(d)
		if tt.want == "" {
			if len(qs) != 0 {
				t.Errorf("%q: unexpected quantity %q", tt.in, d.SpanText(qs[0]))
			}
			continue
		}
		if len(qs) != 1 {
			t.Errorf("%q: %d quantities, want 1", tt.in, len(qs))
			continue
		}
		v := Quantity(d, qs[0])
		if got := d.SpanText(qs[0]); got != tt.want || qs[0].Label != tt.label || v.Value != tt.value || v.Unit != tt.unit || v.Modifier != tt.modifier {
			t.Errorf("%q: got %q %s %+v, want %q %s {%v %s %s}", tt.in, got, qs[0].Label, v, tt.want, tt.label, tt.value, tt.unit, tt.modifier)
		}
	}
}

func TestMergeSpans(t *testing.T) {
	a := []text.Span{{Start: 0, End: 2, Label: "LOC"}, {Start: 5, End: 6, Label: "PER"}}
	b := []text.Span{{Start: 1, End: 3, Label: "COUNT"}, {Start: 3, End: 4, Label: "MONEY"}, {Start: 7, End: 8, Label: "PERCENT"}}
	got := MergeSpans(a, b)
	want := []text.Span{a[0], b[1], a[1], b[2]}
	if len(got) != len(want) {
		t.Fatalf("MergeSpans = %v, want %v", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("MergeSpans = %v, want %v", got, want)
		}
	}
}

// The recogniser's name made of a dollar's prefix ("US" of "US$6
// billion") goes; the country named on its own stays.
func TestCurrencyPrefixes(t *testing.T) {
	m := loadOrFail(t)
	for _, tc := range []struct {
		in   string
		want string // the names, "|" between
	}{
		{"Air Canada ordered US$6 billion in new jets.", "Air Canada"},
		{"The US and Canada signed a deal worth AU$2 billion.", "US|Canada"},
	} {
		d := text.New(tc.in)
		m.Annotate(d)
		var got []string
		for _, sp := range d.Entities {
			switch sp.Label {
			case "PER", "ORG", "LOC", "MISC":
				got = append(got, d.SpanText(sp))
			}
		}
		if g := strings.Join(got, "|"); g != tc.want {
			t.Errorf("%q: names %q, want %q", tc.in, g, tc.want)
		}
	}
}
