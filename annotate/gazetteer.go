package annotate

import "tidings/text"

// GazetteerName is one known name and the entity type it usually has
// (PER, ORG, LOC, MISC), from the knowledge base.
type GazetteerName struct {
	Name, Type string
}

// Gazetteer matches known names in sentences, longest first, ignoring
// case for capitalised words (so that headlines in capitals match too).
// Read-only after construction: safe for concurrent use.
type Gazetteer struct {
	root *gazNode
	size int
}

type gazNode struct {
	next  map[uint64]*gazNode // keyed by the hash of the lower-cased word
	types uint8               // bit i: nerTypes[i] ends here
}

const maxGazetteerTokens = 8

// NewGazetteer builds a gazetteer; names are tokenised as text is.
func NewGazetteer(names []GazetteerName) *Gazetteer {
	g := &Gazetteer{root: &gazNode{}}
	for _, n := range names {
		bit := uint8(1) << typeIndex("X-"+n.Type)
		toks, _ := text.Tokenize(n.Name)
		if len(toks) == 0 || len(toks) > maxGazetteerTokens {
			continue
		}
		node := g.root
		for _, t := range toks {
			key := hashLower(fnvOffset, t.Form)
			if node.next == nil {
				node.next = map[uint64]*gazNode{}
			}
			child := node.next[key]
			if child == nil {
				child = &gazNode{}
				node.next[key] = child
			}
			node = child
		}
		if node.types&bit == 0 {
			g.size++
		}
		node.types |= bit
	}
	return g
}

// Len returns the number of distinct (name, type) entries.
func (g *Gazetteer) Len() int {
	if g == nil {
		return 0
	}
	return g.size
}

// gazMatch marks, for each word, the types of the longest known name
// covering it and the word's position in that name.
type gazMatch struct {
	types uint8
	pos   uint8 // 1 begin, 2 inside, 3 last, 4 unit
}

// match fills out (len(words)) with the longest matches. A match must
// start with a capitalised word or a digit. lower holds the hashes of the
// lower-cased words (wordInfo.lower).
func (g *Gazetteer) match(words []string, lower []uint64, out []gazMatch) {
	clear(out)
	if g == nil {
		return
	}
	// In text written all in lower case, names are not capitalised.
	anyCase := noCapitals(words)
	for i := 0; i < len(words); {
		if !anyCase && !startsName(words[i]) {
			i++
			continue
		}
		node, end, types := g.root, -1, uint8(0)
		for j := i; j < len(words) && j-i < maxGazetteerTokens; j++ {
			// Words after the first must be capitalised too, or short
			// function words: "Mangystau region" is not "Mangystau Region".
			if j > i && !anyCase && !startsName(words[j]) && len(words[j]) > 3 {
				break
			}
			node = node.next[lower[j]]
			if node == nil {
				break
			}
			if node.types != 0 {
				end, types = j+1, node.types
			}
		}
		if end < 0 {
			i++
			continue
		}
		for k := i; k < end; k++ {
			p := uint8(2)
			switch {
			case end-i == 1:
				p = 4
			case k == i:
				p = 1
			case k == end-1:
				p = 3
			}
			out[k] = gazMatch{types: types, pos: p}
		}
		i = end
	}
}

func startsName(w string) bool {
	if w == "" {
		return false
	}
	c := w[0]
	return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// noCapitals reports whether a sentence has letters but no capitals.
func noCapitals(words []string) bool {
	letters := false
	for _, w := range words {
		for i := 0; i < len(w); i++ {
			c := w[i]
			if c >= 'A' && c <= 'Z' {
				return false
			}
			if c >= 'a' && c <= 'z' {
				letters = true
			}
		}
	}
	return letters
}

// typesOf returns the types of the name that words make exactly (bit i:
// nerTypes[i]), 0 when they make no known name.
func (g *Gazetteer) typesOf(words []string) uint8 {
	if g == nil {
		return 0
	}
	node := g.root
	for _, w := range words {
		node = node.next[hashLower(fnvOffset, w)]
		if node == nil {
			return 0
		}
	}
	return node.types
}
