package link

import (
	"testing"
	"time"
)

// TestStoryRegion: a town whose name many places share is the one in the
// region the story is about, when the story names that region or towns
// only it has, at least two of them and more than any other region's
// ("Concord" in a story of New Hampshire towns is Concord, New
// Hampshire). A country, a city of a million people, a town the text
// places itself ("Franklin, Tennessee") and stories of no one region
// keep their readings.
func TestStoryRegion(t *testing.T) {
	pub := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		class, text, name, want string // want: "country|admin1" of the linked place, or an entity id
	}{
		// the region named, or its own towns: its namesakes
		{"region", "New Hampshire lawmakers met in Concord on Tuesday. Officials from Nashua and Laconia said the budget would cut aid to towns.", "Concord", "USA|NH"},
		{"region", "School boards in Nashua and Laconia voted to cap spending. In Dover, the council delayed its vote, and Derry's mayor said New Hampshire towns could not afford the cuts.", "Dover", "USA|NH"},
		{"region", "Flooding closed roads in Rochester and across New Hampshire on Monday, and shelters opened in Laconia.", "Rochester", "USA|NH"},
		// a town the text places itself keeps that place
		{"placed", "New Hampshire officials met in Nashua and Laconia. A delegation from Franklin, Tennessee, also attended.", "Franklin", "USA|TN"},
		// a big city or a country is not a town of the region
		{"worldly", "Nashua and Laconia sent delegates, and New Hampshire's governor flew on to Paris for a trade fair.", "Paris", "FRA|11"},
		// no one region stands out: the most prominent namesake
		{"no region", "Officials in Concord said the new bridge would open in May.", "Concord", "USA|CA"},
		{"two regions", "Officials from Nashua and Sacramento met in Concord to compare flood plans.", "Concord", "USA|CA"},
		// another country's story keeps its own towns
		{"england", "Police in Salford and Stockport said the storm had passed. In Manchester, trams were stopped.", "Manchester", "GBR|ENG"},
	} {
		got := "unlinked"
		if e := linkedAt(t, c.text, c.name, pub); e != nil && e.Linked() {
			got = e.Entry.Country + "|" + e.Entry.Admin1
		}
		if got != c.want {
			t.Errorf("%s %q: %s is %s, want %s", c.class, c.text, c.name, got, c.want)
		}
	}
}
