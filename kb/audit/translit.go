package main

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"

	"tidings/kb"
)

// romanFold folds one word of a name so that the common romanisations of
// one spelling in a non-Latin script, or with letters English drops, meet.
// It is a key for matching, not a spelling: two words that fold alike may
// still be two names, so a match is taken only with the checks of
// romanCandidate. Each rule stands on a general fact of romanisation:
//
//   - Diacritics off (kb.Fold), and ə as a: Latin alphabets with marks
//     (Romanian ș, Turkmen ş, Czech č, Turkish ı) are written without them
//     in the English press, and Azerbaijani ə is written a there (Əliyev,
//     Aliyev).
//   - Apostrophes and other non-letters out: they stand for soft signs and
//     glottal stops that most romanisations leave unwritten.
//   - tch as ch: the French romanisation of Cyrillic ч (and Georgian ჩ)
//     writes tch where English writes ch.
//   - dzh and zh as j: Cyrillic дж and ж are dzh and zh in the Russian
//     systems, j in Kazakh, Uzbek and Kyrgyz Latin spellings (Dzhaparov,
//     Japarov; Olzhas, Oljas).
//   - kh as h: Cyrillic х and Arabic خ are kh in BGN/PCGN and h in the
//     Ukrainian national and Turkic Latin systems (Khachaturyan is also
//     Hachaturyan; Mukhammed, Muhammed).
//   - sh as s and ch as c: ш and ч are sh and ch in English spellings, š,
//     č in the scholarly systems and ş, ç in Turkic alphabets, which lose
//     their marks above.
//   - tz as ts: German-style spellings write ц as tz.
//   - x as ks, q as k: кс is x or ks (Maxim, Maksim); Turkic қ is q in the
//     new Latin alphabets and k in the English press (Toqaev, Tokayev).
//   - a final ow or ew as ov or ev: the Turkmen alphabet writes the
//     Russian-form surname endings -ov and -ev with w (Meredow, Meredov).
//   - y as i, and j as i within a word: й, ы and the iotated vowels я, ю,
//     е are y, i or j by system (Sergey, Sergei; Andriy, Andrii, Andrij;
//     Khachaturyan, Khachaturian). A word's first j stays: there it is a
//     consonant in the romanisations of Chinese, Korean and the Turkic
//     languages (Jun and Yun, Jong and Yong are two names).
//   - ie after a vowel, or at the start, as e: Russian е there is ye in
//     BGN/PCGN and e in most other spellings (Aliyev, Aliev; Yevgeny,
//     Evgeny).
//   - io between consonants as e: ё is yo or e (Artyom, Artem; Pyotr,
//     Petr).
//   - double letters as one: transliterations double or not a letter at
//     will (Abbas, Abas), and the rules above make doubles (iy as ii).
func romanFold(w string) string {
	w = strings.NewReplacer("ə", "a", "Ə", "a").Replace(w)
	w = kb.Fold(w)
	w = strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' {
			return r
		}
		return -1
	}, w)
	w = strings.NewReplacer("tch", "ch", "dzh", "j").Replace(w)
	w = strings.NewReplacer("zh", "j", "kh", "h").Replace(w)
	w = strings.NewReplacer("sh", "s", "ch", "c", "tz", "ts", "x", "ks", "q", "k").Replace(w)
	if strings.HasSuffix(w, "ow") || strings.HasSuffix(w, "ew") {
		w = w[:len(w)-1] + "v"
	}
	if strings.HasPrefix(w, "j") {
		w = "j" + strings.NewReplacer("y", "i", "j", "i").Replace(w[1:])
	} else {
		w = strings.NewReplacer("y", "i", "j", "i").Replace(w)
	}
	w = undouble(w)
	if strings.HasPrefix(w, "ie") {
		w = w[1:]
	}
	var b []byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c == 'i' && i > 0 && i+1 < len(w) {
			prev, next := w[i-1], w[i+1]
			if next == 'e' && isVowel(prev) {
				continue
			}
			if next == 'o' && !isVowel(prev) && i+2 < len(w) && !isVowel(w[i+2]) {
				b = append(b, 'e')
				i++ // the o
				continue
			}
		}
		b = append(b, c)
	}
	return undouble(string(b))
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

func undouble(w string) string {
	var b []byte
	for i := 0; i < len(w); i++ {
		if i > 0 && w[i] == w[i-1] {
			continue
		}
		b = append(b, w[i])
	}
	return string(b)
}

// nameWords splits a name into its words, at spaces. A hyphenated word
// stays whole: in Korean names it is the given name (Jong-il), and its
// parts alone would name too many people.
func nameWords(name string) []string {
	return strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || r == ',' })
}

// surnameFold folds a name's last word. The Arabic article, which one
// source joins to the name with a hyphen and another drops (Al-Khasawneh,
// Khasawneh), is left out. A regnal number (II, XVI) is kept as written,
// as the rules of romanFold would make II and III alike.
func surnameFold(w string) string {
	if strings.Trim(w, "IVXLC") == "" {
		return w
	}
	f := kb.Fold(w)
	for _, a := range []string{"al-", "el-", "ul-", "ad-", "ash-", "as-", "at-", "az-", "an-", "ar-"} {
		f = strings.TrimPrefix(f, a)
	}
	return romanFold(f)
}

// surnameKey is the folded last word of a name: the key that candidates
// are looked up by. "" for a name of one word.
func surnameKey(name string) string {
	w := nameWords(name)
	if len(w) < 2 {
		return ""
	}
	return surnameFold(w[len(w)-1])
}

// sameRomanised reports whether two full names are one name written in two
// romanisations: the last words (the surnames, in the order the English
// press writes names) fold alike, and the first words (the given names)
// fold alike or one is the other's initial. Middle words (patronymics,
// second given names) are not compared, as one source writes them and
// another does not. A name of one word matches nothing: a surname alone
// names too many people.
func sameRomanised(a, b string) bool {
	wa, wb := nameWords(a), nameWords(b)
	if len(wa) < 2 || len(wb) < 2 {
		return false
	}
	if surnameFold(wa[len(wa)-1]) != surnameFold(wb[len(wb)-1]) {
		return false
	}
	ga, gb := strings.TrimSuffix(wa[0], "."), strings.TrimSuffix(wb[0], ".")
	fa, fb := romanFold(ga), romanFold(gb)
	if fa == "" || fb == "" {
		return false
	}
	if fa == fb {
		return true
	}
	// An initial: one letter, the other's first (folded: Ş. for Shamil).
	initial := func(x, y string) bool { return len(x) == 1 && y[0] == x[0] }
	return initial(fa, fb) || initial(fb, fa)
}

// romanIndex maps the folded surname of every source label to the people
// who bear it.
func romanIndex(s *sources) map[string][]string {
	idx := map[string][]string{}
	qids := make([]string, 0, len(s.people))
	for q := range s.people {
		qids = append(qids, q)
	}
	sort.Strings(qids) // a stable order for the report
	for _, q := range qids {
		seen := map[string]bool{}
		for _, l := range personNames(s.people[q]) {
			if k := surnameKey(l); k != "" && !seen[k] {
				seen[k] = true
				idx[k] = append(idx[k], q)
			}
		}
	}
	return idx
}

// romanMatch is a source person whose label names a row in another
// romanisation, with the term that fits one of the row's roles.
type romanMatch struct {
	qid, label string
	term       *term  // nil when no term fits
	why        string // why the candidate was not taken
}

// romanCandidate looks for the one source person a row names in another
// romanisation (the strict way a person the plain name match missed is
// confirmed): every source person one of whose labels agrees with one of
// the row's full names (name and aliases, by sameRomanised) and who held,
// in the source, a position of the row's country (organisations are not
// taken this way: the sources do not say which body a term is of) that is
// compatible with one of the row's roles and whose dates overlap it (the
// tests auditRoles makes, bestTerm). It returns that person when exactly
// one passes, and every candidate with why it was not taken.
func romanCandidate(s *sources, idx map[string][]string, r map[string]string, roles []map[string]string) (*romanMatch, []romanMatch) {
	var names []string
	for _, n := range append([]string{r["name"]}, strings.Split(r["aliases"], "|")...) {
		if n != "" {
			names = append(names, n)
		}
	}
	var all []romanMatch
	seen := map[string]bool{}
	for _, n := range names {
		for _, q := range idx[surnameKey(n)] {
			if seen[q] {
				continue
			}
			p := s.people[q]
			label := ""
			for _, l := range personNames(p) {
				if sameRomanised(n, l) {
					label = l
					break
				}
			}
			if label == "" {
				continue
			}
			seen[q] = true
			m := romanMatch{qid: q, label: label}
			for _, role := range roles {
				if t := bestTerm(ofCountry(p, role["of"]), role); t != nil {
					m.term = t
					break
				}
			}
			if m.term == nil {
				m.why = "no position in the source fits the row's roles and dates"
			}
			all = append(all, m)
		}
	}
	var pass []int
	for i := range all {
		if all[i].term != nil {
			pass = append(pass, i)
		}
	}
	if len(pass) == 1 {
		return &all[pass[0]], all
	}
	if len(pass) > 1 {
		var qs []string
		for _, i := range pass {
			qs = append(qs, all[i].qid)
		}
		for _, i := range pass {
			all[i].why = fmt.Sprintf("ambiguous: %d candidates pass (%s)", len(pass), strings.Join(qs, ", "))
		}
	}
	return nil, all
}

// personNames are the names a source gives a person: its labels and the
// title of its English Wikipedia article without a parenthesised
// qualifier ("Ali Saleh (politician)"), which names the person as the
// English press does where the label is another language's form.
func personNames(p *person) []string {
	out := make([]string, 0, len(p.labels)+1)
	for _, l := range p.labels {
		out = append(out, l)
	}
	sort.Strings(out)
	if t, _, _ := strings.Cut(p.wikipedia, " ("); t != "" && !slices.Contains(out, t) {
		out = append(out, t)
	}
	return out
}

// ofCountry is p with only the terms the source places in country (an
// alpha-3 code). A term of no known country, or of an organisation, does
// not confirm a person found by romanisation: a name that folds alike
// confirms nothing unless the office is the row's.
func ofCountry(p *person, country string) *person {
	q := *p
	q.terms = nil
	for _, t := range p.terms {
		if t.country != "" && t.country == country {
			q.terms = append(q.terms, t)
		}
	}
	return &q
}

// romanConfirms reports whether romanCandidate gives the row the QID q.
func romanConfirms(s *sources, idx map[string][]string, r map[string]string, roles []map[string]string, q string) bool {
	m, _ := romanCandidate(s, idx, r, roles)
	return m != nil && m.qid == q
}
