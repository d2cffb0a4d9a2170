// Package sources reads the shapes of the shared knowledge sources that
// more than one program of kb needs (the loader, the generator kb/gen and
// the audit kb/audit), so that each is read one way.
package sources

import (
	"encoding/json"
	"fmt"
	"io"
)

// IsQID reports whether s is a Wikidata item id: Q and a number without a
// leading zero.
func IsQID(s string) bool {
	if len(s) < 2 || s[0] != 'Q' || s[1] == '0' {
		return false
	}
	for _, c := range s[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// Leaders is one leaders-current file (data/countries/<country>/current.json):
// a country's or organisation's current heads of state and government.
type Leaders struct {
	Country struct {
		ISO string `json:"iso_code"` // ISO 3166-1 alpha-2; empty for an organisation
	} `json:"country"`
	Positions map[string]Position `json:"positions"` // head_of_state, head_of_government
}

// Position is one position of a leaders-current file.
type Position struct {
	Title  string  `json:"title_en"`
	Holder *Holder `json:"current_holder"`
}

// Holder is a position's current holder.
type Holder struct {
	Name      string `json:"name_en"`
	QID       string `json:"wikidata_id"`
	Since     string `json:"since"`
	Born      string `json:"born"`
	Wikipedia string `json:"wikipedia_en"` // a URL of the English Wikipedia
}

// ReadLeaders reads one leaders-current file; name names it in errors.
func ReadLeaders(r io.Reader, name string) (Leaders, error) {
	var l Leaders
	if err := json.NewDecoder(r).Decode(&l); err != nil {
		return Leaders{}, fmt.Errorf("%s: %w", name, err)
	}
	return l, nil
}
