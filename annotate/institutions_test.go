package annotate

import (
	"reflect"
	"testing"
)

// TestInstitutionsAsPlaces: a hospital, a school, a college or a court is
// a place where something happens at it ("treated at", "outside",
// "appear at"), as the news set's guidelines and CoNLL-2003's hospitals
// have it; acting, employing or being appealed to, it stays the body the
// model read. Each case gives the model's reading and the one wanted.
func TestInstitutionsAsPlaces(t *testing.T) {
	m := &NER{gaz: contextGazetteer()}
	for _, c := range []struct {
		class, text string
		model, want []string
	}{
		{"place", "The boy was treated at Elmbridge General Hospital for minor burns, police said.",
			[]string{"ORG:Elmbridge General Hospital"}, []string{"LOC:Elmbridge General Hospital"}},
		{"place", "Dozens of parents protested outside Hollins Park Academy on Monday morning.",
			[]string{"ORG:Hollins Park Academy"}, []string{"LOC:Hollins Park Academy"}},
		{"place", "Reporters waited outside Carlow Magistrates' Court as the verdict was read.",
			[]string{"ORG:Carlow Magistrates ' Court"}, []string{"LOC:Carlow Magistrates' Court"}},
		{"place", "Police cordoned off the road near Ashgrove Primary School on Friday.",
			[]string{"ORG:Ashgrove Primary School"}, []string{"LOC:Ashgrove Primary School"}},
		{"place", "Students gathered outside Kelston College as the result was read out in 2024.",
			[]string{"ORG:Kelston College"}, []string{"LOC:Kelston College"}},
		{"place", "Two patients were moved to wards inside the Harwick Royal Infirmary overnight.",
			[]string{"ORG:Harwick Royal Infirmary"}, []string{"LOC:Harwick Royal Infirmary"}},
		// acting, appealed to, studied at a university, in a court's
		// proceedings: left as read
		{"counter", "Hollins Park Academy has been rated outstanding by inspectors.",
			[]string{"ORG:Hollins Park Academy"}, []string{"ORG:Hollins Park Academy"}},
		{"counter", "Elmbridge General Hospital declared a critical incident on Tuesday.",
			[]string{"ORG:Elmbridge General Hospital"}, []string{"ORG:Elmbridge General Hospital"}},
		{"counter", "The case was sent to the Carlow Crown Court for sentencing.",
			[]string{"ORG:Carlow Crown Court"}, []string{"ORG:Carlow Crown Court"}},
		{"counter", "She studied law at Kelston University before joining the firm.",
			[]string{"ORG:Kelston University"}, []string{"ORG:Kelston University"}},
		{"counter", "Lawyers argued in the Eastfield County Court that the contract was void.",
			[]string{"ORG:Eastfield County Court"}, []string{"ORG:Eastfield County Court"}},
		// people work and study at schools and colleges
		{"counter", "Her mentor was Omar Reyes, a chemist at Kelston College.",
			[]string{"PER:Omar Reyes", "ORG:Kelston College"}, []string{"PER:Omar Reyes", "ORG:Kelston College"}},
		{"counter", "Dana Whitcombe, a senior at Ridgeway High School, won the state science prize in 2025.",
			[]string{"PER:Dana Whitcombe", "ORG:Ridgeway High School"}, []string{"PER:Dana Whitcombe", "ORG:Ridgeway High School"}},
		{"counter", "The firm lost its final appeal at the Carlow Supreme Court in 2023.",
			[]string{"ORG:Carlow Supreme Court"}, []string{"ORG:Carlow Supreme Court"}},
		{"counter", "Fans waited at Harwick for the team bus.",
			[]string{"LOC:Harwick"}, []string{"LOC:Harwick"}},
		{"counter", "The match at Court 1 was delayed by rain.",
			nil, nil},
	} {
		if names := retypeNames(t, c.text, c.model, m.retypeInContext); !reflect.DeepEqual(names, c.want) {
			t.Errorf("%s %q: names %q, want %q", c.class, c.text, names, c.want)
		}
	}
}
