package annotate

import (
	"slices"
	"strings"
	"testing"
)

func TestNorms(t *testing.T) {
	common := map[string]bool{"faces": true, "revolt": true, "over": true, "welfare": true, "cuts": true,
		"shares": true, "slip": true, "after": true, "weak": true, "sales": true, "in": true, "love": true,
		"services": true, "corporation": true, "says": true, "apple": true, "of": true, "bank": true, "raises": true, "rates": true,
		"as": true, "prices": true, "climb": true, "march": true, "the": true, "set": true, "taxes": true,
		"first": true, "budget": true, "county": true, "board": true, "education": true, "strike": true,
		"kills": true, "civilians": true, "capital": true, "rebels": true, "claim": true, "capture": true,
		"border": true, "town": true, "leaves": true, "thousands": true, "dark": true, "talks": true, "end": true,
		"without": true, "deal": true, "agree": true, "to": true, "on": true}
	for _, tc := range []struct {
		sentence string
		headline bool   // the article's headline, on a line of its own
		known    string // words the gazetteer matches, by position: B begin, I inside, U a name of one word
		want     string
	}{
		// a headline in title case: its common words in lower case, the
		// first word and the names kept
		{"Starmer Faces Backbench Revolt Over Welfare Cuts", false, "", "Starmer faces Backbench revolt over welfare cuts"},
		{"Shares In Apple Slip After Weak Sales", false, "  U    ", "Shares in Apple slip after weak sales"},
		{"Bank Of England Raises Rates As Prices Climb", false, "BII     ", "Bank of England raises rates as prices climb"},
		// a line that a hard line break split off running text
		{"NEW YORK , March 2 - The New York Mercantile Exchange set", false, "UU     BIII ", "NEW YORK , March 2 - The New York Mercantile Exchange set"},
		// a headline in the agencies' style, its short words in lower case:
		// only as an article's headline, standing alone
		{"Reeves Raises Taxes in Labour's First Budget", true, "", "Reeves raises taxes in Labour's first budget"},
		{"Reeves Raises Taxes in Labour's First Budget", false, "", "Reeves Raises Taxes in Labour's First Budget"},
		{"Marion County Board of Education , W. Va .", false, "", "Marion County Board of Education , W. Va ."},
		// a headline alone on its line with three common words needs no
		// short word; within running text it does
		{"Israeli Strike Kills 12 Lebanese Civilians", true, "", "Israeli strike kills 12 Lebanese civilians"},
		// a short function word that the gazetteer knows as a place of
		// its own (as it knows a town called "Of") is still the headline's
		{"Rebels Claim Capture Of Border Town", true, "   U  ", "Rebels claim capture of border town"},
		{"Storm Leaves Thousands In The Dark", true, "   U  ", "Storm leaves thousands in the dark"},
		{"Rebels Agree To Talks On Border", true, "  U U ", "Rebels agree to talks on border"},
		// but not inside a longer name
		{"Bank Of England Raises Rates As Prices Climb", true, "BII     ", "Bank of England raises rates as prices climb"},
		{"Israeli Strike Kills 12 Lebanese Civilians", false, "", "Israeli Strike Kills 12 Lebanese Civilians"},
		{"Banc One Capital Corporation", true, "", "Banc One Capital Corporation"},
		// running text, a list of names, a company's name, capitals: unchanged
		{"Starmer faces a revolt over welfare cuts", false, "", "Starmer faces a revolt over welfare cuts"},
		{"Davis Love , Anders Forsbrand , John Cook", false, "", "Davis Love , Anders Forsbrand , John Cook"},
		{"Source : Weather Services Corporation", false, "", "Source : Weather Services Corporation"},
		{"STARMER FACES REVOLT OVER WELFARE CUTS", false, "", "STARMER FACES REVOLT OVER WELFARE CUTS"},
	} {
		words := strings.Fields(tc.sentence)
		var gm []gazMatch
		if tc.known != "" {
			gm = make([]gazMatch, len(words))
			for i, c := range tc.known {
				switch c {
				case 'B':
					gm[i] = gazMatch{types: 1, pos: 1}
				case 'I':
					gm[i] = gazMatch{types: 1, pos: 2}
				case 'U':
					gm[i] = gazMatch{types: 1, pos: 4}
				}
			}
		}
		got, changed := norms(words, tc.headline, gm, func(w string) bool { return common[w] })
		want := strings.Fields(tc.want)
		if !slices.Equal(got, want) || changed != (tc.want != tc.sentence) {
			t.Errorf("%q: got %q (changed %v), want %q", tc.sentence, strings.Join(got, " "), changed, tc.want)
		}
	}
}
