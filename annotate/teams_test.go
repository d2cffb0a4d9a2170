package annotate

import (
	"reflect"
	"testing"
)

// TestTeamsByPlace: in stories of basketball, baseball, ice hockey and
// American football, places in a team's role are the teams; the model's
// reading of each story is given, as "type:words" in order.
func TestTeamsByPlace(t *testing.T) {
	m := &NER{gaz: NewGazetteer([]GazetteerName{
		{Name: "Denver", Type: "LOC"}, {Name: "Dallas", Type: "LOC"}, {Name: "Memphis", Type: "LOC"},
		{Name: "Jackson", Type: "LOC"}, {Name: "Jackson", Type: "PER"}, {Name: "Canada", Type: "LOC"},
		{Name: "Kerrville", Type: "LOC"},
	})}
	m.UseNationalTeams([]string{"Canada", "Sweden"})
	for _, c := range []struct {
		class, text string
		model, want []string
	}{
		{"subject", "Dallas beat Sacramento 112-104 as Ty Moss grabbed 12 rebounds.",
			[]string{"LOC:Dallas", "LOC:Sacramento", "PER:Ty Moss"}, []string{"ORG:Dallas", "ORG:Sacramento", "PER:Ty Moss"}},
		{"subject", "Detroit easily defeated Cleveland in the NBA on Monday.",
			[]string{"LOC:Detroit", "LOC:Cleveland", "ORG:NBA"}, []string{"ORG:Detroit", "ORG:Cleveland", "ORG:NBA"}},
		{"subject", "Tampa selected the linebacker with the 19th pick in April 2024.",
			[]string{"LOC:Tampa"}, []string{"ORG:Tampa"}},
		{"object", "The Kings lost to Portland 99-96 after a late three-pointer by Cade Morrow.",
			[]string{"ORG:Kings", "LOC:Portland", "PER:Cade Morrow"}, []string{"ORG:Kings", "ORG:Portland", "PER:Cade Morrow"}},
		{"object", "Rhys Tallon hit a two-run homer for Atlanta in the eighth inning.",
			[]string{"PER:Rhys Tallon", "LOC:Atlanta"}, []string{"PER:Rhys Tallon", "ORG:Atlanta"}},
		{"object", "The pitcher was acquired from Baltimore in a trade last July.",
			[]string{"LOC:Baltimore"}, []string{"ORG:Baltimore"}},
		{"career", "Noa Kerr, who played for Chicago, San Antonio and Dallas, retired from the NBA.",
			[]string{"PER:Noa Kerr", "LOC:Chicago", "LOC:San Antonio", "LOC:Dallas", "ORG:NBA"},
			[]string{"PER:Noa Kerr", "ORG:Chicago", "ORG:San Antonio", "ORG:Dallas", "ORG:NBA"}},
		{"career", "Boston and Toronto beat their rivals in the NHL on Sunday.",
			[]string{"LOC:Boston", "LOC:Toronto", "ORG:NHL"}, []string{"ORG:Boston", "ORG:Toronto", "ORG:NHL"}},
		{"lead", "Ida Marsh led Iowa past Ohio State with 30 points and nine rebounds.",
			[]string{"PER:Ida Marsh", "LOC:Iowa", "ORG:Ohio State"}, []string{"PER:Ida Marsh", "ORG:Iowa", "ORG:Ohio State"}},
		{"staff", "Memphis coach Lena Ortiz praised her quarterback after the game.",
			[]string{"LOC:Memphis", "PER:Lena Ortiz"}, []string{"ORG:Memphis", "PER:Lena Ortiz"}},
		{"staff", "Seattle's 6-2 win over Oakland ended a losing streak in the baseball season.",
			[]string{"LOC:Seattle", "LOC:Oakland"}, []string{"ORG:Seattle", "ORG:Oakland"}},
		{"staff", "Miami's Tyrese Oduya scored 32 points in the NBA win.",
			[]string{"LOC:Miami", "PER:Tyrese Oduya", "ORG:NBA"}, []string{"ORG:Miami", "PER:Tyrese Oduya", "ORG:NBA"}},
		{"staff", "The Blazers snapped Milwaukee's seven-game winning streak in the NBA.",
			[]string{"ORG:Blazers", "LOC:Milwaukee", "ORG:NBA"}, []string{"ORG:Blazers", "ORG:Milwaukee", "ORG:NBA"}},
		{"place", "Detroit's Ellen Park, a council member, said the NBA arena plan was sound.",
			[]string{"LOC:Detroit", "PER:Ellen Park", "ORG:NBA"}, []string{"LOC:Detroit", "PER:Ellen Park", "ORG:NBA"}},
		{"place", "Detroit's five-year plan to rebuild downtown came before the NBA draft.",
			[]string{"LOC:Detroit", "ORG:NBA"}, []string{"LOC:Detroit", "ORG:NBA"}},
		{"score", "NBA: Denver 104 Phoenix 98, Dallas 99 Utah 97.",
			[]string{"ORG:NBA", "PER:Denver", "LOC:Phoenix", "LOC:Dallas", "LOC:Utah"},
			[]string{"ORG:NBA", "ORG:Denver", "ORG:Phoenix", "ORG:Dallas", "ORG:Utah"}},
		{"score", "Dallas (12-4) hosts Utah on Friday, the NBA said.",
			[]string{"LOC:Dallas", "LOC:Utah", "ORG:NBA"}, []string{"ORG:Dallas", "ORG:Utah", "ORG:NBA"}},
		// places
		{"place", "The game in Dallas drew 20,000 fans, and the NBA was pleased.",
			[]string{"LOC:Dallas", "ORG:NBA"}, []string{"LOC:Dallas", "ORG:NBA"}},
		{"place", "Memphis police closed the roads near the arena before the NBA game.",
			[]string{"LOC:Memphis", "ORG:NBA"}, []string{"LOC:Memphis", "ORG:NBA"}},
		{"place", "The mayor of Memphis threw the first pitch of the baseball season.",
			[]string{"LOC:Memphis"}, []string{"LOC:Memphis"}},
		{"place", "DALLAS - Ty Moss had 30 points and 11 rebounds on Friday.",
			[]string{"LOC:DALLAS", "PER:Ty Moss"}, []string{"LOC:DALLAS", "PER:Ty Moss"}},
		{"place", "DALLAS, Texas - Ty Moss beat his record with 14 rebounds.",
			[]string{"LOC:DALLAS", "LOC:Texas", "PER:Ty Moss"}, []string{"LOC:DALLAS", "LOC:Texas", "PER:Ty Moss"}},
		{"place", "Fans from Milwaukee and Denver filled the arena for the NBA final.",
			[]string{"LOC:Milwaukee", "LOC:Denver", "ORG:NBA"}, []string{"LOC:Milwaukee", "LOC:Denver", "ORG:NBA"}},
		{"place", "The team flew back to Chicago after the NBA game.",
			[]string{"LOC:Chicago", "ORG:NBA"}, []string{"LOC:Chicago", "ORG:NBA"}},
		{"place", "Detroit's economy grew as the NFL draft came to town.",
			[]string{"LOC:Detroit", "ORG:NFL"}, []string{"LOC:Detroit", "ORG:NFL"}},
		// a national team; a person; no other sport
		{"place", "Canada beat Sweden 4-2 in the Olympic hockey final, and the NHL stars celebrated.",
			[]string{"LOC:Canada", "LOC:Sweden", "ORG:NHL"}, []string{"LOC:Canada", "LOC:Sweden", "ORG:NHL"}},
		{"place", "Wildcats coach Tom Kerrville won 30 games in college basketball. His team faces Kerrville's old club next.",
			[]string{"ORG:Wildcats", "PER:Tom Kerrville", "PER:Kerrville"}, []string{"ORG:Wildcats", "PER:Tom Kerrville", "PER:Kerrville"}},
		{"place", "Jackson beat the throw to first base in the baseball game.",
			[]string{"PER:Jackson"}, []string{"PER:Jackson"}},
		{"place", "Leeds beat Bristol 2-1 as the striker scored twice.",
			[]string{"LOC:Leeds", "LOC:Bristol"}, []string{"LOC:Leeds", "LOC:Bristol"}},
	} {
		if names := retypeNames(t, c.text, c.model, m.teamsByPlace); !reflect.DeepEqual(names, c.want) {
			t.Errorf("%s %q: names %q, want %q", c.class, c.text, names, c.want)
		}
	}
}
