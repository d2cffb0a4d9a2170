package main

import (
	"strings"
	"unicode"

	"tidings/kb/internal/textfold"
)

// SubdivisionNames returns the primary name of an ISO 3166-2 entry and
// the aliases derived from the way ISO writes it: a second-language form
// in brackets ("Cardiff [Caerdydd GB-CRD]"), a parenthetical acronym
// ("... (ARMM)"), alternatives split by a slash, an inverted form
// ("Edinburgh, City of"), a generic word for the kind of unit in the local
// language ("Pavlodar oblysy", "Anhui Sheng", "Gorod Minsk") and forms
// without diacritics.
func SubdivisionNames(raw, typ string) (string, []string) {
	name := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(raw), "†*"))
	var variants []string
	// "Cardiff [Caerdydd GB-CRD]": the bracket holds the other language's
	// name and, sometimes, that name's own code.
	if i := strings.Index(name, " ["); i > 0 && strings.HasSuffix(name, "]") {
		inner := strings.Fields(name[i+2 : len(name)-1])
		if n := len(inner); n > 1 && isSubdivisionCode(inner[n-1]) {
			inner = inner[:n-1]
		}
		name = strings.TrimSpace(name[:i])
		variants = append(variants, strings.Join(inner, " ")) // lower-case notes are dropped below
	}
	// Western Sahara notes are about the code, not part of the name.
	for _, note := range []string{" (EH)", " (EH-partial)"} {
		name = strings.TrimSuffix(name, note)
	}
	if i := strings.LastIndex(name, " ("); i > 0 && strings.HasSuffix(name, ")") {
		inner := name[i+2 : len(name)-1]
		variants = append(variants, name[:i])
		if isAcronym(inner) {
			variants = append(variants, inner)
		}
	}
	for _, v := range append([]string{name}, variants...) {
		if strings.Contains(v, " / ") {
			variants = append(variants, strings.Split(v, " / ")...)
		}
	}
	var aliases []string
	for _, v := range append([]string{name}, variants...) {
		aliases = append(aliases, SubdivisionAliasesOf(v, typ)...)
	}
	return name, aliases
}

// properNames keeps the forms that start with a capital letter or a
// digit: "wallonne" (from "wallonne, Région") or a note such as "city" is
// no name.
func properNames(forms []string) []string {
	out := forms[:0]
	for _, f := range forms {
		r := []rune(f)
		if len(r) > 0 && (unicode.IsUpper(r[0]) || unicode.IsDigit(r[0]) || unicode.IsUpper(firstLetter(r))) {
			out = append(out, f)
		}
	}
	return out
}

// firstLetter returns the first letter of r, skipping a leading apostrophe
// ("'Asīr").
func firstLetter(r []rune) rune {
	for _, c := range r {
		if unicode.IsLetter(c) {
			return c
		}
	}
	return 0
}

// SubdivisionAliasesOf returns v, its uninverted forms, its forms without
// a generic unit word, and all of these without diacritics.
func SubdivisionAliasesOf(v, typ string) []string {
	forms := []string{v}
	if head, tail, ok := strings.Cut(v, ", "); ok && !strings.Contains(tail, ",") {
		// "Marij Èl, Respublika" -> "Respublika Marij Èl", "Marij Èl".
		forms = append(forms, tail+" "+head)
		if !strings.Contains(tail, ".") { // "Virgin Islands, U.S." is not all the Virgin Islands
			forms = append(forms, head)
		}
	}
	for _, f := range forms {
		if s := stripUnitWord(f, typ); s != "" && s != f {
			forms = append(forms, s)
		}
	}
	for _, f := range forms {
		if s := textfold.StripMarks(f); s != f {
			forms = append(forms, s)
		}
	}
	return properNames(forms)
}

// uninvert turns ISO's "Korea, Republic of" into "Republic of Korea".
func uninvert(name string) string {
	head, tail, ok := strings.Cut(name, ", ")
	if !ok || strings.Contains(tail, ",") {
		return ""
	}
	return tail + " " + head
}

// Generic words for a kind of unit, in the languages ISO 3166-2 writes
// names in, whose removal leaves the proper name. Words whose removal
// leaves an adjective (Russian "Moskovskaja oblast'", Ukrainian
// "Vinnytska oblast") are deliberately absent; their English names are
// curated in kb/curated/places.tsv.
var (
	unitSuffixes = []string{
		" oblysy",                                                                             // Kazakh: Pavlodar oblysy
		" Zhuangzu Zizhiqu", " Huizu Zizhiqu", " Huizi Zizhiqu", " Uygur Zizhiqu", " Zizhiqu", // Chinese autonomous regions
		" Sheng", " Shi", // Chinese provinces and municipalities
		" SAR",                           // Chinese special administrative regions: Hong Kong SAR
		" Respublikasi", " Respublikasy", // Uzbek, Turkmen
		" Shaary", // Kyrgyz: Bishkek Shaary
	}
	unitPrefixes = []string{"Gorod ", "Respublika "}
	// English words that make a name when they stand with the unit word
	// ("Western Province"): the unit word is not stripped after them.
	notAName = map[string]bool{
		"north": true, "south": true, "east": true, "west": true,
		"northern": true, "southern": true, "eastern": true, "western": true,
		"north-east": true, "north-west": true, "south-east": true, "south-west": true,
		"northeastern": true, "northwestern": true, "southeastern": true, "southwestern": true,
		"central": true, "capital": true, "national": true, "upper": true, "lower": true,
		"coast": true, "lakes": true, "islands": true, "island": true, "river": true, "mountain": true,
		"federal": true, "autonomous": true, "special": true, "metropolitan": true, "city": true,
		"greater": true, "middle": true, "inner": true, "outer": true, "far": true,
	}
)

func stripUnitWord(f, typ string) string {
	for _, s := range unitSuffixes {
		if rest, ok := strings.CutSuffix(f, s); ok && rest != "" {
			return rest
		}
	}
	for _, p := range unitPrefixes {
		if rest, ok := strings.CutPrefix(f, p); ok && rest != "" {
			return rest
		}
	}
	// The English unit word that ISO's type names: "Tigray Region".
	words := strings.Fields(f)
	typWords := strings.Fields(typ)
	if len(words) < 2 || len(typWords) == 0 {
		return ""
	}
	last := words[len(words)-1]
	if !strings.EqualFold(last, typWords[len(typWords)-1]) || !unicode.IsUpper([]rune(last)[0]) {
		return ""
	}
	for _, w := range words[:len(words)-1] {
		if notAName[strings.ToLower(w)] {
			return ""
		}
	}
	return strings.TrimRight(strings.Join(words[:len(words)-1], " "), ",")
}

// isSubdivisionCode reports whether s looks like "GB-CRD".
func isSubdivisionCode(s string) bool {
	a, b, ok := strings.Cut(s, "-")
	if !ok || len(a) != 2 || len(b) < 1 || len(b) > 3 {
		return false
	}
	for _, r := range a + b {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

func isAcronym(s string) bool {
	if len(s) < 2 || len(s) > 6 {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}
