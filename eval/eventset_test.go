package eval

import (
	"strings"
	"testing"
)

func TestReadEventSet(t *testing.T) {
	good := `{"id": "e1", "class": "venue", "published": "2025-05-16", "text": "Kyiv and Moscow held talks in Istanbul.", "events": [{"source": "UKR", "target": "RUS", "cameo": "043", "plover": "CONSULT", "dead": 0, "injured": 0}], "note": "venue"}

{"id": "e2", "class": "sport-weather", "published": "2025-06-30", "text": "She withdrew from Wimbledon.", "events": []}
`
	cases, err := ReadEventSet(strings.NewReader(good), "set.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) != 2 || cases[0].Line != 1 || cases[1].Line != 3 || cases[0].Date.IsZero() || len(cases[1].Events) != 0 {
		t.Fatalf("read %+v", cases)
	}
	for _, c := range []struct{ name, in, want string }{
		{"empty", "", "set.jsonl: no sentences"},
		{"not JSON", "{id", "set.jsonl:1"},
		{"unknown field", `{"id": "e1", "text": "x", "tags": []}`, "unknown field"},
		{"no id", `{"text": "x"}`, "no id"},
		{"no text", `{"id": "e1", "text": " "}`, "no text"},
		{"bad date", `{"id": "e1", "text": "x", "published": "May 2025"}`, "published"},
		{"bad code", `{"id": "e1", "text": "x", "events": [{"cameo": "ASSAULT"}]}`, "bad CAMEO code"},
		{"same id", `{"id": "e1", "text": "x"}` + "\n" + `{"id": "e1", "text": "y"}`, "already on line 1"},
		{"not UTF-8", "{\"id\": \"e1\", \"text\": \"\xff\"}", "not UTF-8"},
	} {
		_, err := ReadEventSet(strings.NewReader(c.in), "set.jsonl")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one saying %q", c.name, err, c.want)
		}
	}
}

func TestScoreEventCase(t *testing.T) {
	gold := []GoldEvent{{Source: "ISRMIL", Target: "---REB", CAMEO: "190", Dead: 40}}
	ev := func(src, tgt, code string, dead int) SystemEvent {
		return SystemEvent{EventTuple: EventTuple{src, tgt, code}, Dead: dead}
	}
	for _, c := range []struct {
		name   string
		gold   []GoldEvent
		system []SystemEvent
		pass   bool
	}{
		{"same event, same toll", gold, []SystemEvent{ev("ISRMIL", "---REB", "193", 40)}, true},
		{"toll lost", gold, []SystemEvent{ev("ISRMIL", "---REB", "190", 0)}, false},
		{"wrong actor", gold, []SystemEvent{ev("PSEMIL", "---REB", "190", 40)}, false},
		{"one more event", gold, []SystemEvent{ev("ISRMIL", "---REB", "190", 40), ev("ISRMIL", "", "015", 0)}, false},
		{"nothing to code, nothing coded", nil, nil, true},
		{"an appeal is a request", []GoldEvent{{Source: "KENOPP", Target: "KENGOV", CAMEO: "1042"}}, []SystemEvent{ev("KENOPP", "KENGOV", "0242", 0)}, true},
		{"nothing to code, something coded", nil, []SystemEvent{ev("GBR", "", "144", 0)}, false},
	} {
		if got := ScoreEventCase(c.gold, c.system); got.Pass != c.pass {
			t.Errorf("%s: pass %v, want %v (%+v)", c.name, got.Pass, c.pass, got)
		}
	}
}
