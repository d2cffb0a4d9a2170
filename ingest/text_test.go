package ingest

import (
	"os"
	"slices"
	"strings"
	"testing"

	"tidings/internal/shared"
)

func TestReadArticleLayout(t *testing.T) {
	tests := []struct {
		name, input string
		title, body string
		tags        []string
	}{
		{
			name:  "title, body and tag line",
			input: "Storm hits coast\n\nWinds closed the port.\n\nIt reopens Friday.\n\nPort Elwin, storms, Mara Lindqvist\n",
			title: "Storm hits coast", body: "Winds closed the port.\n\nIt reopens Friday.",
			tags: []string{"Port Elwin", "storms", "Mara Lindqvist"},
		},
		{
			name:  "leading blank lines and spaces, CRLF kept in the body",
			input: "\r\n  \n  Storm hits coast  \r\n\r\n\r\nWinds closed  the port.\r\nShips waited.\r\n\r\n",
			title: "Storm hits coast", body: "Winds closed  the port.\r\nShips waited.",
		},
		{
			name:  "tag line with no-break spaces and CRLF",
			input: "Storm\r\n\r\nWinds closed the port.\r\n\r\n\u00a0 Port Elwin,\u00a0storms\r\n",
			title: "Storm", body: "Winds closed the port.", tags: []string{"Port Elwin", "storms"},
		},
		{
			name:  "last paragraph is a sentence",
			input: "Storm\n\nWinds closed the port.\n\nThe port reopens on Friday, officials said.\n",
			title: "Storm", body: "Winds closed the port.\n\nThe port reopens on Friday, officials said.",
		},
		{
			name:  "one item is not a tag line",
			input: "Storm\n\nWinds closed the port.\n\nPort Elwin\n",
			title: "Storm", body: "Winds closed the port.\n\nPort Elwin",
		},
		{
			name:  "item of six words is not a tag",
			input: "Storm\n\nWinds.\n\nPort Elwin, one two three four five six\n",
			title: "Storm", body: "Winds.\n\nPort Elwin, one two three four five six",
		},
		{
			name:  "item over 48 bytes is not a tag",
			input: "Storm\n\nWinds.\n\nA, Supercalifragilisticexpialidocious-Extraordinarily-Long\n",
			title: "Storm", body: "Winds.\n\nA, Supercalifragilisticexpialidocious-Extraordinarily-Long",
		},
		{
			name:  "colon or quote means a sentence",
			input: "Storm\n\nWinds.\n\nSee also: ports, storms\n",
			title: "Storm", body: "Winds.\n\nSee also: ports, storms",
		},
		{
			name:  "empty item is not a tag line",
			input: "Storm\n\nWinds.\n\nports, , storms\n",
			title: "Storm", body: "Winds.\n\nports, , storms",
		},
		{
			name:  "tag-like body without a blank line before it stays",
			input: "Storm\n\nPort Elwin, storms\n",
			title: "Storm", body: "Port Elwin, storms",
		},
		{
			name:  "title only",
			input: "Storm hits coast\n",
			title: "Storm hits coast", body: "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := only(t, read(t, "a.txt", tt.input, ArticleLayout, Options{}))
			if a.Title != tt.title || a.Body != tt.body || !slices.Equal(a.GoldTags, tt.tags) {
				t.Errorf("got title %q, body %q, tags %q\nwant title %q, body %q, tags %q", a.Title, a.Body, a.GoldTags, tt.title, tt.body, tt.tags)
			}
			if a.Origin != "a.txt" || a.Source != "" || a.URL != "" {
				t.Errorf("origin %q, source %q, URL %q; want a.txt and empty", a.Origin, a.Source, a.URL)
			}
		})
	}
}

func TestReadArticleLayoutTestdata(t *testing.T) {
	a := only(t, readTestdata(t, "harbour.txt", Auto))
	if a.Title != "Storm closes Port Elwin harbour" {
		t.Errorf("title %q", a.Title)
	}
	if want := []string{"Port Elwin", "Mara Lindqvist", "storms", "North Sea fisheries"}; !slices.Equal(a.GoldTags, want) {
		t.Errorf("tags %q, want %q", a.GoldTags, want)
	}
	if !strings.HasSuffix(a.Body, "by Friday.") {
		t.Errorf("body ends %q", a.Body[len(a.Body)-20:])
	}
}

// TestSeed reads the project's example article.
func TestSeed(t *testing.T) {
	path := shared.Path(t, "seed", "000_9bd460b4f00f53ae.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a := only(t, read(t, path, string(data), Auto, Options{}))
	if a.Title != "Russia deploys troops to Kazakhstan" {
		t.Errorf("title %q", a.Title)
	}
	if want := []string{"Kazakhstan", "Tokayev", "Nazarbayev", "Russia"}; !slices.Equal(a.GoldTags, want) {
		t.Errorf("gold tags %q, want %q", a.GoldTags, want)
	}
	if !strings.HasSuffix(a.Body, "more than 300 were injured.") {
		t.Errorf("body ends %q", a.Body[max(0, len(a.Body)-40):])
	}
	if strings.Contains(a.Body, "Nazarbayev") {
		t.Errorf("body contains the tag line")
	}
	if !strings.HasPrefix(a.Body, "Russia has sent airborne troops") || !strings.Contains(string(data), a.Body) {
		t.Errorf("body is not a verbatim part of the file")
	}
}

func TestReadText(t *testing.T) {
	tests := []struct{ name, input string }{
		{"kept verbatim", "Storm hits coast\n\nWinds closed the port.\n\nPort Elwin, storms\n"},
		{"leading and trailing space kept", "  indented\n\n"},
	}
	for _, tt := range tests {
		a := only(t, read(t, "t.txt", tt.input, Text, Options{}))
		if a.Body != tt.input || a.Title != "" || a.GoldTags != nil {
			t.Errorf("%s: got title %q, body %q, tags %q; want the input as body", tt.name, a.Title, a.Body, a.GoldTags)
		}
	}
}
