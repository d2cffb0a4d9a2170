package textfold

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestStripMarks(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Mangghystaū oblysy", "Mangghystau oblysy"},
		{"Łódź", "Lodz"},
		{"Farg‘ona", "Farg'ona"},
		{"Plain", "Plain"},
		{"Ærø  Kommune", "AEro Kommune"},
	}
	for _, tt := range tests {
		if got := StripMarks(tt.in); got != tt.want {
			t.Errorf("StripMarks(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzFold checks that folding is stable (folding a folded name changes
// nothing), keeps valid UTF-8 valid, and leaves no stray spaces.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"Kazakhstan", "Mangghystaū", "São Paulo", "Côte d’Ivoire", "ẞ", "İstanbul", " a\t b ", "Москва", "서울", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Fold(s)
		if again := Fold(got); again != got {
			t.Errorf("Fold(%q) = %q, but Fold of that = %q", s, got, again)
		}
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Errorf("Fold(%q) = %q is not valid UTF-8", s, got)
		}
		if strings.HasPrefix(got, " ") || strings.HasSuffix(got, " ") || strings.Contains(got, "  ") {
			t.Errorf("Fold(%q) = %q has stray spaces", s, got)
		}
	})
}
