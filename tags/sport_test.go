package tags

import (
	"testing"
)

// TestFootballFromClubs checks that a story whose names are football
// clubs or competitions (the knowledge base's clubs and leagues come from
// openfootball) has the topic football, and that one without is not
// given it; each article was written for the test.
func TestFootballFromClubs(t *testing.T) {
	m, k, bg := fixtures(t)
	for _, c := range []struct {
		name, title, body string
		football          bool
	}{
		{"a match report", "Fulham hold Everton to a goalless draw",
			"Fulham held Everton to a goalless draw at Craven Cottage on Saturday. Everton had the better of the first half, " +
				"but Fulham's goalkeeper made three saves to keep the score level. Fulham have now drawn four games in a row, " +
				"while Everton stay tenth.", true},
		{"a transfer", "Aston Villa agree fee for Celtic winger",
			"Aston Villa have agreed a fee with Celtic for their winger, the clubs said on Monday. The player, 22, scored nine " +
				"times for Celtic last season. Aston Villa hope to complete the deal before the window closes.", true},
		{"a rugby report", "Leinster beat Munster in Dublin derby",
			"Leinster beat Munster 24-10 in front of a full crowd in Dublin on Saturday. Leinster scored three tries, and " +
				"Munster's only try came late in the second half. Leinster stay top of the table.", false},
	} {
		want, not := []string{"football"}, []string(nil)
		if !c.football {
			want, not = nil, want
		}
		checkLine(t, m, k, bg, c.name, c.title, c.body, want, not)
	}
}
