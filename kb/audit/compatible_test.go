package main

import "testing"

// TestCompatible: a source's position label confirms a row's role when it
// names the same office, whatever the gendered or neutral form of
// "chairman" either writes; a deputy's or an acting holder's post never
// confirms the office itself.
func TestCompatible(t *testing.T) {
	for _, c := range []struct {
		role, label string
		want        bool
	}{
		{"chairman of the Senate", "Chair of the Senate", true},
		{"chairman of the Senate", "Chairwoman of the Senate", true},
		{"chairman of the Senate", "Chairperson of the Senate", true},
		{"chair of the National Assembly", "Chairman of the National Assembly", true},
		{"chairman of the Senate", "Deputy Chair of the Senate", false},
		{"chairman of the Senate", "Chair of the Mazhilis", false},
		{"chairman of the Senate", "Secretary of the Security Council", false},
		{"defence minister", "Minister of Defence", true},
		{"head of state", "President", true},
		{"head of state", "Acting President", false},
	} {
		if got := compatible(map[string]string{"role": c.role}, term{label: c.label}); got != c.want {
			t.Errorf("role %q, label %q: %v, want %v", c.role, c.label, got, c.want)
		}
	}
}
