package events

import (
	"slices"
	"strings"

	"tidings/annotate"
	"tidings/syntax"
)

type modal int

const (
	modalNone   modal = iota
	modalIntent       // "plans to", "wants to", "pledged to": CAMEO 03 (intent) or 13 (threat)
	modalThreat       // "threatened to": CAMEO 13
	modalAppeal       // "wants X to", "asked X to": CAMEO 02
)

// modality classifies a verb that governs an infinitive. Verbs of aspect
// and decision ("began to", "decided to", "agreed to") leave the action as
// it is: the codebook codes the action itself.
func modality(lemma string) modal {
	switch lemma {
	case "want", "plan", "intend", "seek", "hope", "aim", "prepare", "promise", "pledge", "vow", "offer", "wish", "propose", "expect", "consider", "mean", "try", "attempt":
		return modalIntent
	case "threaten", "warn":
		return modalThreat
	case "ask", "urge", "call", "request", "demand", "press", "encourage":
		return modalAppeal
	}
	return modalNone
}

// hoped reports a verb whose clause is a wish or an expectation, not a
// report: what it says has not happened.
func hoped(lemma string) bool {
	switch lemma {
	case "hope", "wish", "want", "expect", "fear", "demand", "insist", "urge", "suggest", "propose", "recommend":
		return true
	}
	return false
}

// demandCode maps an action that one actor demands of another to the
// CAMEO demand for it (10x).
func demandCode(code string) string {
	switch root(code) {
	case 4:
		return "106" // demand a meeting or negotiation
	case 5:
		return "102" // demand diplomatic cooperation
	case 6:
		return "101" // demand material cooperation
	case 7:
		return "103" // demand aid
	case 8:
		return "105" // demand that the target yield
	}
	return "100"
}

// intentCode maps an action to the CAMEO intent to do it (03x) or, for a
// conflictual action, to the threat of it (13x).
func intentCode(code string) string {
	switch root(code) {
	case 1, 2, 3:
		return code // already verbal
	case 4:
		return "036" // intent to meet or negotiate
	case 5:
		return "032" // intent to cooperate diplomatically
	case 6:
		return "031" // intent to cooperate materially
	case 7:
		return "033" // intent to provide material aid
	case 8:
		if strings.HasPrefix(code, "084") {
			return "0353" // intent to release persons or property
		}
		return "035" // intent to yield
	case 9:
		return "030"
	case 10, 11, 12, 13:
		return code
	}
	return threatCode(code)
}

// threatCode maps an action to the CAMEO threat of it.
func threatCode(code string) string {
	switch root(code) {
	case 14:
		return "133" // threaten political dissent or protest
	case 15, 18, 19, 20:
		return "138" // threaten with military force
	case 16:
		return "131" // threaten non-force
	case 17:
		return "137" // threaten with repression
	case 13:
		return code
	}
	return "130"
}

// appealCode maps an action that one actor wants another to take to the
// CAMEO appeal for it (02x).
func appealCode(code string) string {
	switch root(code) {
	case 4:
		return "026" // appeal to meet or negotiate
	case 5:
		return "022" // appeal for diplomatic cooperation
	case 6:
		return "021" // appeal for material cooperation
	case 7:
		return "023" // appeal for aid
	case 8:
		return "025" // appeal to yield
	}
	return "020"
}

// negatedCode maps a negated action to the CAMEO code for refusing it
// (12x) when it is cooperative; a negated conflictual action ("did not
// attack") is no event.
func negatedCode(code string) string {
	switch root(code) {
	case 3, 5:
		return "120" // reject
	case 4:
		return "125" // reject a proposal to meet or negotiate
	case 6, 7:
		return "121" // reject material cooperation
	case 8:
		return "124" // refuse to yield
	}
	return ""
}

// casualties fills the dead and injured counts of events from the counts
// in their sentence: "at least 8 servicemen ... were killed and more than
// 300 were injured", "killing at least eight people".
func (s *state) casualties(evs []Event) {
	if len(evs) == 0 {
		return
	}
	// The events of each sentence, in order, found by the sentence's start.
	bySentence := map[int][]int{}
	for j := range evs {
		bySentence[evs[j].Sentence[0]] = append(bySentence[evs[j].Sentence[0]], j)
	}
	for _, sent := range s.doc.Sentences {
		ss, _ := s.doc.Bytes(sent)
		inSentence := bySentence[ss]
		if len(inSentence) == 0 {
			continue
		}
		for i := sent.Start; i < sent.End; i++ {
			t := s.tok(i)
			if t.UPOS != "VERB" && t.UPOS != "ADJ" {
				continue
			}
			dead := false
			switch s.lemma(i) {
			case "kill", "die", "slay", "massacre", "murder", "execute", "dead":
				dead = true
			case "injure", "wound", "hurt", "injured", "wounded":
			default:
				continue
			}
			// anchor is the predicate the count hangs on: the verb, or
			// for "leaving four soldiers dead" the verb "leaving".
			anchor, arg := i, -1
			switch {
			case t.UPOS == "ADJ" && syntax.RelIs(t.Deprel, "xcomp") && t.Head >= 0:
				anchor, arg = t.Head, s.tree.Child(t.Head, "obj")
			case s.passive(i) || s.lemma(i) == "die" || t.UPOS == "ADJ":
				arg = s.tree.Child(i, "nsubj")
			default:
				arg = s.tree.Child(i, "obj")
			}
			if arg < 0 || s.cumulative(anchor) || s.cumulative(arg) {
				continue
			}
			n := s.countOf(arg)
			if n == 0 {
				continue
			}
			for _, j := range s.casualtyEvents(anchor, evs, inSentence) {
				if dead {
					evs[j].Dead = max(evs[j].Dead, n)
				} else {
					evs[j].Injured = max(evs[j].Injured, n)
				}
			}
		}
	}
}

// casualtyEvents returns the events a count on predicate k belongs to:
// the event k triggers and those whose trigger governs k ("shelled the
// city, killing two") or is its subject ("a drone strike killed three"),
// else the sentence's events of violence (roots 18-20 and 145
// riots), else its first event.
func (s *state) casualtyEvents(k int, evs []Event, inSentence []int) []int {
	near := []int{k, s.tok(k).Head, s.tree.Child(k, "nsubj"), s.tree.Child(k, "nsubj:pass")}
	var out []int
	for _, j := range inSentence {
		if slices.Contains(near, evs[j].trigger) {
			out = append(out, j)
		}
	}
	if len(out) > 0 {
		return out
	}
	var violent []int
	for _, j := range inSentence {
		if r := root(evs[j].Code.Code); r >= 18 || evs[j].Code.Code == "145" {
			violent = append(violent, j)
		}
	}
	if len(violent) > 0 {
		return violent
	}
	return inSentence[:1]
}

// cumulative reports whether a toll is counted since a time ("has killed
// some 13,000 since October", "since the offensive began"): a running
// total or a claim, not one event's count.
func (s *state) cumulative(k int) bool {
	for _, c := range s.tree.Kids(k) {
		for _, m := range s.tree.Kids(int(c)) {
			if syntax.RelIs(s.tok(int(m)).Deprel, "case", "mark") && s.lower(int(m)) == "since" {
				return true
			}
		}
	}
	return false
}

// countOf returns the number a nominal counts: a COUNT or QUANTITY span
// over it or its numeric modifier ("at least 8 servicemen", "300").
func (s *state) countOf(i int) int {
	// The spans over i or over a numeric modifier of i, in document order:
	// the first with a value counts.
	if s.countSpans == nil {
		s.countSpans = map[int][]int{}
		for j, sp := range s.doc.Entities {
			if sp.Label == "COUNT" || sp.Label == "QUANTITY" {
				for t := sp.Start; t < sp.End; t++ {
					s.countSpans[t] = append(s.countSpans[t], j)
				}
			}
		}
	}
	cands := slices.Clone(s.countSpans[i])
	for _, k := range s.tree.Kids(i) {
		if s.tok(int(k)).Deprel == "nummod" {
			cands = append(cands, s.countSpans[int(k)]...)
		}
	}
	slices.Sort(cands)
	for _, j := range slices.Compact(cands) {
		if v := annotate.Quantity(s.doc, s.doc.Entities[j]); v.Value > 0 {
			return int(v.Value)
		}
	}
	if t := s.tok(i); t.UPOS == "NUM" {
		return number(t.Form) // "killing two of its residents"
	}
	if k := s.tree.Child(i, "nummod"); k >= 0 {
		return number(s.tok(k).Form)
	}
	return 0
}

// number reads a numeral or a number word ("12", "two").
func number(w string) int {
	if v, ok := annotate.NumberValue(w); ok && v >= 1 && v <= 1e9 {
		return int(v)
	}
	return 0
}
