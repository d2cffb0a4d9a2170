package article

import (
	"bytes"
	"slices"
	"testing"
)

func TestNormalWords(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Dock workers, in Valparaíso!", []string{"dock", "workers", "in", "valparaíso"}},
		{"  re-flowed\n\ttext  ", []string{"re", "flowed", "text"}},
		{"3.5% rise", []string{"3", "5", "rise"}},
		{"...", nil},
	} {
		if got := NormalWords(tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("NormalWords(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestFingerprint(t *testing.T) {
	a := Fingerprint("Port strike ends.\n\nDock workers returned on Monday.")
	if b := Fingerprint("PORT STRIKE ENDS  Dock workers returned on Monday"); !bytes.Equal(a, b) {
		t.Error("copies that differ in case, spacing and punctuation have different fingerprints")
	}
	if c := Fingerprint("Port strike ends. Dock workers returned on Tuesday."); bytes.Equal(a, c) {
		t.Error("different texts have one fingerprint")
	}
}
