package kb

import (
	"testing"
	"time"
)

func TestPredecessorSuccessor(t *testing.T) {
	k, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	day := func(s string) time.Time {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	ids := func(es []Entry) []string {
		var out []string
		for _, e := range es {
			out = append(out, e.ID)
		}
		return out
	}
	tests := []struct {
		name     string
		got      []Entry
		wantHead string
	}{
		{"predecessor of KAZ head of state on 2022-01-06", k.Predecessor("head of state", "KAZ", day("2022-01-06")), "person:nursultan-nazarbayev"},
		{"successor of KAZ head of state after 2019-01-01", k.Successor("head of state", "KAZ", day("2019-01-01")), "person:kassym-jomart-tokayev"},
		{"predecessor of the KAZ Security Council chair on 2022-01-06", k.Predecessor("chairman of the Security Council", "KAZ", day("2022-01-06")), "person:nursultan-nazarbayev"},
	}
	for _, tt := range tests {
		if got := ids(tt.got); len(got) != 1 || got[0] != tt.wantHead {
			t.Errorf("%s = %v, want [%s]", tt.name, got, tt.wantHead)
		}
	}
}
