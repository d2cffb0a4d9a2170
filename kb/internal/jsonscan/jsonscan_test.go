package jsonscan

import (
	"encoding/json"
	"testing"
)

func TestSkip(t *testing.T) {
	for _, tt := range []struct {
		in   string
		ok   bool
		rest string
	}{
		{`{"a":[1,{"b":"c\"]}"}],"d":null} x`, true, " x"},
		{`"str\\" tail`, true, " tail"},
		{`[1, 2, 3]`, true, ""},
		{`-12.5e3,`, true, ","},
		{`{"a":[}`, false, ""},
		{`{"a":"unterminated}`, false, ""},
		{`]`, false, ""},
		{``, false, ""},
	} {
		s := New([]byte(tt.in))
		s.Skip()
		if ok := s.Err() == nil; ok != tt.ok {
			t.Errorf("%q: ok %v, want %v (%v)", tt.in, ok, tt.ok, s.Err())
			continue
		}
		if tt.ok && tt.in[s.Pos():] != tt.rest {
			t.Errorf("%q: rest %q, want %q", tt.in, tt.in[s.Pos():], tt.rest)
		}
	}
}

func TestObjectArray(t *testing.T) {
	s := New([]byte(` { "a" : [ "x" , "y\u00e9" ] , "b" : 7 } `))
	var got []string
	var b int64
	s.Object(func(k []byte) bool {
		switch string(k) {
		case "a":
			s.Array(func() bool {
				raw, _ := s.String()
				v, err := Unescape(nil, raw)
				if err != nil {
					t.Error(err)
				}
				got = append(got, string(v))
				return true
			})
		case "b":
			b, _ = s.Number()
		}
		return true
	})
	if s.Err() != nil || !s.AtEnd() || len(got) != 2 || got[1] != "yé" || b != 7 {
		t.Errorf("got %q, %d, err %v", got, b, s.Err())
	}
}

func TestUnescape(t *testing.T) {
	for _, in := range []string{`plain`, `a\"b\\c\/d\n\t`, `\u00e9\u4e2d`, `\ud83d\ude00`, `lone \ud83d here`, "bad \xff byte"} {
		got, err := Unescape(nil, []byte(in))
		if err != nil {
			t.Errorf("%q: %v", in, err)
			continue
		}
		var want string
		if err := json.Unmarshal([]byte(`"`+in+`"`), &want); err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		if string(got) != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
	for _, in := range []string{`\x`, `\u12`, `end\`} {
		if _, err := Unescape(nil, []byte(in)); err == nil {
			t.Errorf("%q: no error", in)
		}
	}
}

func TestParseInt(t *testing.T) {
	for in, want := range map[string]int64{"+3748148": 3748148, "-5": -5, "12.75": 12, "0": 0} {
		if got, ok := ParseInt([]byte(in)); !ok || got != want {
			t.Errorf("%q: %d %v, want %d", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "+", "1e5", "abc", "99999999999999999999", "1.2.3"} {
		if _, ok := ParseInt([]byte(in)); ok {
			t.Errorf("%q: accepted", in)
		}
	}
}
