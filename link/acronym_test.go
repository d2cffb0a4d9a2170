package link

import (
	"testing"
	"time"

	"tidings/text"
)

// linkedAt analyses text as an article published on pub and returns the
// entity with a mention at the first occurrence of name's words, or nil.
func linkedAt(t *testing.T, text, name string, pub time.Time) *Entity {
	t.Helper()
	d, l := analyse(t, text)
	return entityAt(t, d, l.Link(d, pub), name, 1)
}

// entityAt returns the entity with a mention at the nth occurrence of
// name's words in d, or nil.
func entityAt(t *testing.T, d *text.Document, ents []Entity, name string, nth int) *Entity {
	t.Helper()
	start, ok := nthWords(d, name, nth)
	if !ok {
		t.Fatalf("%q not %d times in %q", name, nth, d.Text)
	}
	for i := range ents {
		for _, sp := range ents[i].Mentions {
			if sp.Start == start {
				return &ents[i]
			}
		}
	}
	return nil
}

// TestForeignBodyAcronyms: an acronym of one country's government body
// links to that body when the story names the country, a place in it, or
// is from it; in a story of another country that names neither, the same
// letters more often stand for something else (a university, a company's
// ticker), so it is left unlinked. Full names always link.
func TestForeignBodyAcronyms(t *testing.T) {
	pub := time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		class, text, name, want string // want: an entity id, or "" for unlinked
	}{
		// another country's body, its country never named: unlinked
		{"foreign", "Researchers at MIT in Boston said the new battery charged in six minutes, and engineers in California plan a pilot plant.", "MIT", ""},
		{"foreign", "Shares of CPC rose in New York after the Chicago food maker raised its dividend, Illinois analysts said.", "CPC", ""},
		{"foreign", "The Texas start-up said GRU, its new robotics unit in Austin, would hire 40 engineers.", "GRU", ""},
		// the body's country named, or a place in it: linked
		{"named", "Turkey's MIT said it had detained two suspects near the Syrian border, Turkish media reported.", "MIT", "body:tur-mit"},
		{"named", "Russia's FSB said it had foiled a plot in Moscow, the Kremlin said on Monday.", "FSB", "body:rus-fsb"},
		{"named", "Ukraine's SBU said its drones struck a refinery overnight, officials in Kyiv said.", "SBU", "body:ukr-sbu"},
		{"place", "In Moscow, the FSB said it had detained a man accused of spying for a foreign state.", "FSB", "body:rus-fsb"},
		{"place", "A woman in California said she contacted the FBI after the website, hosted in the Netherlands, posted her address.", "FBI", "body:usa-fbi"},
		// a story from the body's own country: linked
		{"home", "The CIA director told senators in Washington that Congress should renew the surveillance law before it lapses in April.", "CIA", "body:usa-cia"},
		{"home", "Kazakhstan's president said the KNB would investigate the unrest in Almaty, and Kazakh officials promised a report.", "KNB", "body:kaz-knb"},
	} {
		e := linkedAt(t, c.text, c.name, pub)
		if e == nil {
			t.Errorf("%s %q: %s not recognised", c.class, c.text, c.name)
			continue
		}
		got := ""
		if e.Linked() {
			got = e.ID
		}
		if got != c.want {
			t.Errorf("%s %q: %s linked to %q, want %q", c.class, c.text, c.name, got, c.want)
		}
	}
}
