package annotate

import (
	"reflect"
	"testing"
)

func TestDropNonNames(t *testing.T) {
	for _, c := range []struct {
		text        string
		model, want []string
	}{
		{"Children get the measles-mumps-rubella vaccine at one. Doctors in Leeds agree.",
			[]string{"PER:rubella", "LOC:Leeds"}, []string{"LOC:Leeds"}},
		{"Exports of avocados rose. Chile sold more.",
			[]string{"MISC:avocados", "LOC:Chile"}, []string{"LOC:Chile"}},
		// several words in lower case are no name either
		{"The plan made willy-nilly tweaks to the rules. Critics in Ohio objected.",
			[]string{"PER:nilly tweaks", "LOC:Ohio"}, []string{"LOC:Ohio"}},
		{"He ate clam chowder at the harbour. Boston was cold.",
			[]string{"PER:clam chowder", "LOC:Boston"}, []string{"LOC:Boston"}},
		{"Its life being roughly ten years, the firm in Oslo replaced it.",
			[]string{"ORG:life being roughly", "LOC:Oslo"}, []string{"LOC:Oslo"}},
		// but a name with a capital among its words stays
		{"She joined Médecins sans Frontières last year. Paris was home.",
			[]string{"ORG:Médecins sans Frontières", "LOC:Paris"}, []string{"ORG:Médecins sans Frontières", "LOC:Paris"}},
		// names with capitals inside stay
		{"Sales of the iPhone fell. Analysts in Seoul were surprised.",
			[]string{"MISC:iPhone", "LOC:Seoul"}, []string{"MISC:iPhone", "LOC:Seoul"}},
		// a number is no word in lower case
		{"He won the 1,000 Lakes Rally. Finns cheered.",
			[]string{"MISC:1,000", "MISC:Lakes Rally", "MISC:Finns"}, []string{"MISC:1,000", "MISC:Lakes Rally", "MISC:Finns"}},
		// a text in lower case throughout keeps its names
		{"arsenal beat villa on sunday. arteta was pleased.",
			[]string{"ORG:arsenal", "ORG:villa", "PER:arteta"}, []string{"ORG:arsenal", "ORG:villa", "PER:arteta"}},
		// a disease named after a person stays a name, as CoNLL-2003 has it
		{"Four children had Crohn's disease. Doctors in Oslo said so.",
			[]string{"PER:Crohn", "LOC:Oslo"}, []string{"PER:Crohn", "LOC:Oslo"}},
	} {
		if names := retypeNames(t, c.text, c.model, dropNonNames); !reflect.DeepEqual(names, c.want) {
			t.Errorf("%q: names %q, want %q", c.text, names, c.want)
		}
	}
}
