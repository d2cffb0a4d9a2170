package main

import (
	"strings"
	"testing"
)

// The names below are invented or written by hand as examples of each
// romanisation rule; none is taken from the sources.

func TestSameRomanised(t *testing.T) {
	for _, c := range []struct {
		class, a, b string
		want        bool
	}{
		// Cyrillic й, ы and iotated vowels as y, i or j.
		{"y/i/j", "Sergei Shoigu", "Sergey Shoygu", true},
		{"y/i/j", "Andrii Kovalenko", "Andriy Kovalenko", true},
		{"y/i/j", "Andrij Kovalenko", "Andrii Kovalenko", true},
		{"y/i/j", "Dmitriy Sokolov", "Dmitry Sokolov", true},
		{"y/i/j", "Vahagn Khachaturyan", "Vahagn Khachaturian", true},
		// Russian е after a vowel or at the start: ye or e.
		{"ye/e", "Ilham Aliyev", "Ilham Aliev", true},
		{"ye/e", "Maulen Zhakupbayev", "Maulen Zhakupbaev", true},
		{"ye/e", "Yevgeny Morozov", "Evgeny Morozov", true},
		// ё: yo or e.
		{"yo/e", "Artyom Lebedev", "Artem Lebedev", true},
		{"yo/e", "Pyotr Vlasov", "Petr Vlasov", true},
		// Diacritics of Latin alphabets, and Azerbaijani ə.
		{"marks", "Mihai Popșoi", "Mihai Popsoi", true},
		{"marks", "Raşit Meredow", "Rashit Meredov", true},
		{"marks", "Rəşad Məmmədov", "Rashad Mammadov", true},
		{"marks", "Tomáš Dvořák", "Tomas Dvorak", true},
		// kh as h.
		{"kh/h", "Rustam Khodjayev", "Rustam Hodjaev", true},
		{"kh/h", "Mukhtar Saparov", "Muhtar Saparov", true},
		// ж, дж: zh, dzh or j.
		{"zh/j", "Olzhas Temirov", "Oljas Temirov", true},
		{"zh/j", "Talant Dzhumabekov", "Talant Jumabekov", true},
		// Turkmen w for -ov, -ev.
		{"-ow/-ov", "Serdar Gurbanow", "Serdar Gurbanov", true},
		{"-ow/-ov", "Batyr Amanmyradow", "Batyr Amanmyradov", true},
		{"-ow/-ov", "Merdan Nuryew", "Merdan Nuryev", true},
		// ц as ts or tz; кс as x or ks; қ as q or k; ч as tch.
		{"ts/tz", "Oleg Kravtsov", "Oleg Kravtzov", true},
		{"x/ks", "Maxim Orlov", "Maksim Orlov", true},
		{"q/k", "Daulet Toqayev", "Daulet Tokayev", true},
		{"tch/ch", "Nodar Tchkonia", "Nodar Chkonia", true},
		// Double letters.
		{"doubles", "Abbas Hassan", "Abas Hasan", true},
		{"doubles", "Maka Botchorishvili", "Maka Bochorishvili", true},
		// Initials and middle names.
		{"initial", "S. Petrenko", "Sergiy Petrenko", true},
		{"initial", "Sh. Mirzoev", "Shamil Mirzoyev", true},
		{"middle", "Sergei Kuzhugetovich Shoigu", "Sergey Shoygu", true},
		{"middle", "Anna Maria Kovacs", "Anna Kovacs", true},

		// Pairs that must not meet.
		{"gender", "Ivan Petrov", "Ivan Petrova", false},
		{"gender", "Sergei Ivanov", "Sergei Ivanova", false},
		{"gender", "Jan Novak", "Jana Novak", false},
		{"other name", "Li Wei", "Li Wen", false},
		{"other name", "Maria Popescu", "Mario Popescu", false},
		{"other name", "Omar Hassan", "Omar Hassani", false},
		{"other name", "Viktor Orlov", "Viktor Orlovsky", false},
		{"other name", "Anna Kovacs", "Anna Kovac", false},
		{"other initial", "A. Petrenko", "Sergiy Petrenko", false},
		{"one word", "Shoigu", "Sergei Shoigu", false},
		{"one word", "Madonna", "Madonna", false},
		{"regnal number", "Hassan II", "Hassan III", false},
		{"regnal number", "Harald V", "Harald V", true},
		{"initial j", "Dong Jun", "Dong Yun", false},
		{"initial j", "Kim Jong-il", "Kim Yong-il", false},
		{"hyphenated given name", "Kim Jong-il", "Kim Man-il", false},
		{"Arabic article", "Awn Al-Khasawneh", "Awn Khasawneh", true},
		{"Arabic article", "Hazem el-Beblawi", "Hazem Al Beblawi", true},
		{"Arabic article", "Hazem el-Beblawi", "Hazem Beblawi", true},
	} {
		if got := sameRomanised(c.a, c.b); got != c.want {
			t.Errorf("%s: sameRomanised(%q, %q) = %v, want %v (folds %v / %v)", c.class, c.a, c.b, got, c.want, folds(c.a), folds(c.b))
		}
		if got := sameRomanised(c.b, c.a); got != c.want {
			t.Errorf("%s: sameRomanised(%q, %q) = %v, want %v (not symmetric)", c.class, c.b, c.a, got, c.want)
		}
	}
}

func folds(name string) []string {
	var out []string
	for _, w := range nameWords(name) {
		out = append(out, romanFold(w), surnameFold(w))
	}
	return out
}

// testSources builds sources of invented people: QID, label (with the
// English Wikipedia title after a '|', if any), and terms as
// "label|start|end|country".
func testSources(people map[string][]string) *sources {
	s := &sources{people: map[string]*person{}, byName: map[string][]string{}}
	for q, f := range people {
		label, wp, _ := strings.Cut(f[0], "|")
		p := s.person(q, label, "everypolitician/x/html/holders21.csv")
		p.wikipedia = wp
		for _, t := range f[1:] {
			v := strings.Split(t, "|")
			p.terms = append(p.terms, term{label: v[0], start: v[1], end: v[2], country: v[3], file: p.file})
		}
	}
	return s
}

func TestRomanCandidate(t *testing.T) {
	row := map[string]string{"id": "person:lev-barinov", "name": "Lev Barinov", "aliases": "Lev Barinoff", "country": "RUS"}
	fm := map[string]string{"person": "person:lev-barinov", "role": "foreign minister", "of": "RUS", "from": "2021-03", "until": "2024"}
	for _, c := range []struct {
		name   string
		people map[string][]string
		roles  []map[string]string
		want   string // the QID taken, "" for none
	}{
		{"one candidate", map[string][]string{
			"Q1": {"Lyov Barinow", "Minister of Foreign Affairs|2021-03-02|2024-05-01|RUS"},
		}, []map[string]string{fm}, "Q1"},
		{"one of two holds the office", map[string][]string{
			"Q1": {"Lyov Barinow", "Minister of Foreign Affairs|2021-03-02||RUS"},
			"Q2": {"Lev Barinov", "Minister of Health|2019-01-01|2020-01-01|RUS"},
		}, []map[string]string{fm}, "Q1"},
		{"two candidates", map[string][]string{
			"Q1": {"Lyov Barinow", "Minister of Foreign Affairs|2021-03-02||RUS"},
			"Q2": {"Lev Barinov", "Minister of Foreign Affairs|2022-01-01|2023-01-01|RUS"},
		}, []map[string]string{fm}, ""},
		{"no overlapping term", map[string][]string{
			"Q1": {"Lyov Barinow", "Minister of Foreign Affairs|2010-01-01|2015-06-01|RUS"},
		}, []map[string]string{fm}, ""},
		{"another country", map[string][]string{
			"Q1": {"Lyov Barinow", "Minister of Foreign Affairs|2021-03-02||BLR"},
		}, []map[string]string{fm}, ""},
		{"a term of no known country", map[string][]string{
			"Q1": {"Lyov Barinow", "Minister of Foreign Affairs|2021-03-02||"},
		}, []map[string]string{fm}, ""},
		{"another office", map[string][]string{
			"Q1": {"Lyov Barinow", "Minister of Culture|2021-03-02||RUS"},
		}, []map[string]string{fm}, ""},
		{"deputy of the office", map[string][]string{
			"Q1": {"Lyov Barinow", "Deputy Minister of Foreign Affairs|2021-03-02||RUS"},
		}, []map[string]string{fm}, ""},
		{"another name", map[string][]string{
			"Q1": {"Lyubov Barinova", "Minister of Foreign Affairs|2021-03-02||RUS"},
		}, []map[string]string{fm}, ""},
		{"no roles", map[string][]string{
			"Q1": {"Lyov Barinow", "Minister of Foreign Affairs|2021-03-02||RUS"},
		}, nil, ""},
		{"the Wikipedia title names the row", map[string][]string{
			"Q1": {"Lew Barynin|Lev Barinov (diplomat)", "Minister of Foreign Affairs|2021-03-02||RUS"},
		}, []map[string]string{fm}, "Q1"},
		{"neither label nor title names the row", map[string][]string{
			"Q1": {"Lew Barynin|Lev Barynin", "Minister of Foreign Affairs|2021-03-02||RUS"},
		}, []map[string]string{fm}, ""},
		{"the second role fits", map[string][]string{
			"Q1": {"Lev Barinoff", "Minister of Defence|2015-01-01|2018-01-01|RUS"},
		}, []map[string]string{fm, {"person": "person:lev-barinov", "role": "defence minister", "of": "RUS", "from": "2016", "until": "2018"}}, "Q1"},
	} {
		s := testSources(c.people)
		m, _ := romanCandidate(s, romanIndex(s), row, c.roles)
		got := ""
		if m != nil {
			got = m.qid
		}
		if got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}
