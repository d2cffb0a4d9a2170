// Package newstext writes synthetic news text of any size, for tests and
// benchmarks of cost: how analysis time and memory grow with a document.
// The sentences are written for this repository; names are made from a
// counter, so that the number of distinct people, organisations and places
// grows with the text as it does in a long real document.
package newstext

import (
	"fmt"
	"strings"
)

var (
	first  = []string{"Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Grace", "Hamid", "Irina", "Jonas", "Karim", "Lena"}
	last   = []string{"Okafor", "Lindqvist", "Moreau", "Petrov", "Haddad", "Tanaka", "Silva", "Novak", "Keller", "Osei", "Varga", "Brandt"}
	orgs   = []string{"Northern Grid", "Delta Shipping", "Union of Dock Workers", "Central Bank", "Ministry of Transport", "Harbour Authority"}
	places = []string{"Valparaiso", "Rotterdam", "Gdansk", "Mombasa", "Santos", "Antwerp", "Piraeus", "Busan"}
	days   = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
)

// Paragraph returns the i-th paragraph of the synthetic stream: four
// sentences naming a person in full and then by surname, an organisation,
// a place, a date and a quantity. Names vary with i.
func Paragraph(i int) string {
	f, l := first[i%len(first)], last[(i/len(first))%len(last)]
	// A numbered suffix makes new surnames as the text grows.
	surname := fmt.Sprintf("%s%s", l, suffix(i/(len(first)*len(last))))
	org := orgs[i%len(orgs)]
	place := places[(i/3)%len(places)]
	day := days[i%len(days)]
	return fmt.Sprintf("%s %s, a spokesman for the %s, said on %s that talks in %s would resume next week. "+
		"%s told reporters that %d workers had joined the strike since March %d. "+
		"The %s in %s said exports fell %d.%d%% in the third quarter, to %d million dollars. "+
		"Officials in %s expect a decision by the end of the month, %s added.",
		f, surname, org, day, place,
		surname, 100+i%900, 1+i%28,
		org, place, 1+i%9, i%10, 10+i%500,
		place, surname)
}

// suffix turns n into a short capitalised-word ending: "", "ar", "en", ...
func suffix(n int) string {
	if n == 0 {
		return ""
	}
	syll := []string{"ar", "en", "ov", "ski", "ez", "in", "ul", "os"}
	var b strings.Builder
	for ; n > 0; n /= len(syll) {
		b.WriteString(syll[n%len(syll)])
	}
	return b.String()
}

// Text returns at least size bytes of synthetic news: paragraphs separated
// by blank lines, whole paragraphs only.
func Text(size int) string {
	var b strings.Builder
	b.Grow(size + 512)
	for i := 0; b.Len() < size; i++ {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(Paragraph(i))
	}
	return b.String()
}
