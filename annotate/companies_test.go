package annotate

import (
	"slices"
	"testing"
)

// TestCompaniesInContext: a name the model read as a person's (or as a
// place the gazetteer does not know) is a company's where the sentence
// speaks of it as one, and then in every mention of the article. Companies
// and people are invented.
func TestCompaniesInContext(t *testing.T) {
	m := &NER{gaz: NewGazetteer([]GazetteerName{{"Ruritania", "LOC"}, {"Halvern", "LOC"}})}
	for _, tc := range []struct {
		text  string
		model []string // the model's names, "TYPE:words"
		want  []string
	}{
		// the possessive of a company's parts, people and figures
		{`Officials at Corvane's European headquarters declined to comment.`, []string{"PER:Corvane", "MISC:European"}, []string{"ORG:Corvane", "MISC:European"}},
		{`Lina Ortiz, of Tamsel's German subsidiary, told reporters the stations stayed open.`, []string{"PER:Lina Ortiz", "PER:Tamsel", "MISC:German"}, []string{"PER:Lina Ortiz", "ORG:Tamsel", "MISC:German"}},
		{`Brightwell's chief executive said on Tuesday that 2025 had been hard.`, []string{"PER:Brightwell"}, []string{"ORG:Brightwell"}},
		{`Vantoro's shareholders voted against the pay deal in May 2024.`, []string{"PER:Vantoro"}, []string{"ORG:Vantoro"}},
		{`Debrook's annual profits fell 12% in 2023.`, []string{"PER:Debrook"}, []string{"ORG:Debrook"}},
		{`Kelmart's parent company was sold in 2024.`, []string{"LOC:Kelmart"}, []string{"ORG:Kelmart"}},
		{`Dagenham's factories closed in the 1990s.`, []string{"LOC:Dagenham"}, []string{"LOC:Dagenham"}},
		{`Quorix's founder left the board in 2021.`, []string{"PER:Quorix"}, []string{"ORG:Quorix"}},
		// a company's noun after the name
		{`Investigators said the Tamsel petroleum company paid no money to the regime.`, []string{"PER:Tamsel"}, []string{"ORG:Tamsel"}},
		{`The Brennick company said it would appeal.`, []string{"PER:Brennick"}, []string{"ORG:Brennick"}},
		// a company's noun before the name, and the names listed after a plural one
		{`Shares of chipmaker Veltrix rose 8% on Friday.`, []string{"PER:Veltrix"}, []string{"ORG:Veltrix"}},
		{`The deal was backed by retailer Halloway Price in 2022.`, []string{"PER:Halloway Price"}, []string{"ORG:Halloway Price"}},
		{`Tech giant Zentro unveiled a new phone.`, []string{"PER:Zentro"}, []string{"ORG:Zentro"}},
		{`Prices were cut by supermarkets Dunmore, Farrow's and Pellway this week.`, []string{"PER:Dunmore", "PER:Farrow", "LOC:Pellway"}, []string{"ORG:Dunmore", "ORG:Farrow", "ORG:Pellway"}},
		{`Online retailers Tuvo and Shelby will pay the new fee.`, []string{"ORG:Tuvo", "PER:Shelby"}, []string{"ORG:Tuvo", "ORG:Shelby"}},
		// the trade's noun written with a hyphen, which the tokeniser splits
		{`Chinese start-up Quorix said its latest model cost a fraction of its rivals'.`, []string{"MISC:Chinese", "PER:Quorix"}, []string{"MISC:Chinese", "ORG:Quorix"}},
		{`The fund backed start-ups Veltrix and Tuvo in 2024.`, []string{"PER:Veltrix", "PER:Tuvo"}, []string{"ORG:Veltrix", "ORG:Tuvo"}},
		{`The London start-up founder Dana Kell said the round closed.`, []string{"LOC:London", "PER:Dana Kell"}, []string{"LOC:London", "PER:Dana Kell"}},
		// shares in, a stake in, a takeover of the company
		{`The fund bought shares in Marlow Tide last year.`, []string{"PER:Marlow Tide"}, []string{"ORG:Marlow Tide"}},
		{`Asko took a 10% stake in Veltrix in 2020.`, []string{"ORG:Asko", "PER:Veltrix"}, []string{"ORG:Asko", "ORG:Veltrix"}},
		{`The takeover of Brennick was approved on Monday.`, []string{"PER:Brennick"}, []string{"ORG:Brennick"}},
		// a relative clause with "which" after a name the model read as a person's
		{`Vivenza, which owns the rest, has said it wants full control.`, []string{"PER:Vivenza"}, []string{"ORG:Vivenza"}},
		{`Talvo, which makes batteries in Ohio, cut 200 jobs in 2025.`, []string{"PER:Talvo", "LOC:Ohio"}, []string{"ORG:Talvo", "LOC:Ohio"}},
		{`The fund sold its stake to Harlow Price, which paid $2bn.`, []string{"PER:Harlow Price"}, []string{"ORG:Harlow Price"}},
		// the name said to be a company, a corporation, a retailer
		{`Quorix is a publicly traded, for-profit corporation.`, []string{"PER:Quorix"}, []string{"ORG:Quorix"}},
		{`Brennick is a family-owned retailer with 40 shops.`, []string{"PER:Brennick"}, []string{"ORG:Brennick"}},
		{`Zentro was a small startup in 2019.`, []string{"PER:Zentro"}, []string{"ORG:Zentro"}},
		// a person's name after the possessive: the person's party, club or employer
		{`Moira Quinn defeated Fine Harrow's Helen Dorsey by 12 points.`, []string{"PER:Moira Quinn", "PER:Fine Harrow", "PER:Helen Dorsey"}, []string{"PER:Moira Quinn", "ORG:Fine Harrow", "PER:Helen Dorsey"}},
		{`Castleford's Jordan Mbeki scored twice on Saturday.`, []string{"PER:Castleford", "PER:Jordan Mbeki"}, []string{"ORG:Castleford", "PER:Jordan Mbeki"}},
		{`Zentro's Maria Lund said the phone would ship in May.`, []string{"PER:Zentro", "PER:Maria Lund"}, []string{"ORG:Zentro", "PER:Maria Lund"}},
		// one name, one type in the article: a cue in one sentence retypes every mention
		{`Corvane has been allowed to keep trading. Officials at Corvane's headquarters did not reply. Few think Corvane is independent.`,
			[]string{"PER:Corvane", "PER:Corvane", "PER:Corvane"}, []string{"ORG:Corvane", "ORG:Corvane", "ORG:Corvane"}},
		{`Vantoro said sales had slowed. Shares in Vantoro fell 4%.`, []string{"LOC:Vantoro", "PER:Vantoro"}, []string{"ORG:Vantoro", "ORG:Vantoro"}},
		// counter-examples: a person's own people and belongings, a
		// person named after a title with a company's noun, a surname of a
		// person named in full, a known place, no cue at all
		{`Ortiz's wife said she had not been told.`, []string{"PER:Ortiz"}, []string{"PER:Ortiz"}},
		{`Musgrave's spokesman declined to comment.`, []string{"PER:Musgrave"}, []string{"PER:Musgrave"}},
		{`Musgrave's shares in the firm were sold in 2023.`, []string{"PER:Musgrave"}, []string{"PER:Musgrave"}},
		{`Company founder Jane Whitlow said the plan was sound.`, []string{"PER:Jane Whitlow"}, []string{"PER:Jane Whitlow"}},
		{`The firm's lawyer Tom Reed said it would appeal.`, []string{"PER:Tom Reed"}, []string{"PER:Tom Reed"}},
		{`Chief executive Dana Kell spoke. Kell's headquarters team was cut.`, []string{"PER:Dana Kell", "PER:Kell"}, []string{"PER:Dana Kell", "PER:Kell"}},
		{`Ruritania's biggest retailer said sales fell. Ruritania's stores were shut.`, []string{"LOC:Ruritania", "LOC:Ruritania"}, []string{"LOC:Ruritania", "LOC:Ruritania"}},
		{`Exports from Halvern's factories fell.`, []string{"LOC:Halvern"}, []string{"LOC:Halvern"}},
		{`The paper said broadcaster Lena Fisk had sold her seats.`, []string{"PER:Lena Fisk"}, []string{"PER:Lena Fisk"}},
		{`Lena Fisk, who owns the rest, said she would sell.`, []string{"PER:Lena Fisk"}, []string{"PER:Lena Fisk"}},
		{`Dagenham, which lost its car plant in 2002, voted to leave.`, []string{"LOC:Dagenham"}, []string{"LOC:Dagenham"}},
		{`In the heyday of the physicist Tom P. Reed, which followed his death in 1988, books sold well.`, []string{"PER:Tom P. Reed"}, []string{"PER:Tom P. Reed"}},
		{`The cars are sold by Parvo Motors, owned by a son of President Tomas Reyna, which plans to build a plant.`, []string{"ORG:Parvo Motors", "PER:Tomas Reyna"}, []string{"ORG:Parvo Motors", "PER:Tomas Reyna"}},
		{`Ortiz backed the plan, which passed on Monday.`, []string{"PER:Ortiz"}, []string{"PER:Ortiz"}},
		{`Musgrave is a company director in Leeds.`, []string{"PER:Musgrave", "LOC:Leeds"}, []string{"PER:Musgrave", "LOC:Leeds"}},
		{`Ortiz is a firm believer in the plan.`, []string{"PER:Ortiz"}, []string{"PER:Ortiz"}},
		{`Lena Fisk was a bank clerk before 2020.`, []string{"PER:Lena Fisk"}, []string{"PER:Lena Fisk"}},
		{`The other man held was insurer Paul Verdan.`, []string{"PER:Paul Verdan"}, []string{"PER:Paul Verdan"}},
		{`Ruritania's Tom Reed won the race.`, []string{"LOC:Ruritania", "PER:Tom Reed"}, []string{"LOC:Ruritania", "PER:Tom Reed"}},
		{`Tom Reed's daughter Ana Reed spoke.`, []string{"PER:Tom Reed", "PER:Ana Reed"}, []string{"PER:Tom Reed", "PER:Ana Reed"}},
		{`Mayor Tom Reed visited the retailer in Leeds.`, []string{"PER:Tom Reed", "LOC:Leeds"}, []string{"PER:Tom Reed", "LOC:Leeds"}},
		{`Voters backed Hana Lutz and Omar Diaz.`, []string{"PER:Hana Lutz", "PER:Omar Diaz"}, []string{"PER:Hana Lutz", "PER:Omar Diaz"}},
		{`Shares of Veltrix rose after the Senate vote.`, []string{"ORG:Veltrix", "ORG:Senate"}, []string{"ORG:Veltrix", "ORG:Senate"}},
	} {
		got := retypeNames(t, tc.text, tc.model, m.companiesInContext)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q:\n got %q\nwant %q", tc.text, got, tc.want)
		}
	}
}
