package server

import (
	"cmp"
	"html"
	"html/template"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"

	"tidings/record"
	"tidings/store"
)

// highlightSnippet renders a search snippet as HTML: the text escaped and
// the store's match markers turned into <mark> elements. Stray or
// unbalanced markers are dropped or closed, so the result is always
// well-formed.
func highlightSnippet(snippet string) template.HTML {
	var b strings.Builder
	b.Grow(len(snippet) + 32)
	open := false
	for snippet != "" {
		i := strings.IndexAny(snippet, store.MarkStart+store.MarkEnd)
		if i < 0 {
			b.WriteString(html.EscapeString(snippet))
			break
		}
		b.WriteString(html.EscapeString(snippet[:i]))
		marker, size := utf8.DecodeRuneInString(snippet[i:])
		switch {
		case string(marker) == store.MarkStart && !open:
			b.WriteString("<mark>")
			open = true
		case string(marker) == store.MarkEnd && open:
			b.WriteString("</mark>")
			open = false
		}
		snippet = snippet[i+size:]
	}
	if open {
		b.WriteString("</mark>")
	}
	return template.HTML(b.String())
}

// mark is a span of the text to highlight, with the entity it mentions.
type mark struct {
	start, end int
	entity     *record.Entity
}

// highlightMentions renders text[from:] as HTML with every entity mention
// wrapped in a link to its entity page (quantities in a span, since they
// have no page). Mentions are byte spans into text; a span that is out of
// range, splits a character, starts before from or overlaps one already
// written is skipped, so any record renders.
func highlightMentions(text string, ents []record.Entity, from int) template.HTML {
	from = min(max(from, 0), len(text))
	for from < len(text) && !utf8.RuneStart(text[from]) {
		from++
	}
	var marks []mark
	for i := range ents {
		for _, m := range ents[i].Mentions {
			if m.Start < from || m.End <= m.Start || m.End > len(text) ||
				!utf8.RuneStart(text[m.Start]) || (m.End < len(text) && !utf8.RuneStart(text[m.End])) {
				continue
			}
			marks = append(marks, mark{start: m.Start, end: m.End, entity: &ents[i]})
		}
	}
	// Earliest first, and of two at the same place the longer.
	slices.SortStableFunc(marks, func(a, b mark) int {
		return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(b.end, a.end))
	})
	var b strings.Builder
	b.Grow(len(text) - from + 80*len(marks))
	pos := from
	for _, m := range marks {
		if m.start < pos {
			continue
		}
		b.WriteString(html.EscapeString(text[pos:m.start]))
		writeMention(&b, text[m.start:m.end], m.entity)
		pos = m.end
	}
	b.WriteString(html.EscapeString(text[pos:]))
	return template.HTML(b.String())
}

// writeMention writes one highlighted mention.
func writeMention(b *strings.Builder, surface string, e *record.Entity) {
	typ := classSafe(e.Type)
	if e.Kind == "quantity" || e.ID == "" {
		hint := e.Type
		if e.Unit != "" {
			hint += ", " + e.Unit
		}
		b.WriteString(`<span class="qty qty-` + typ + `" title="` + html.EscapeString(hint) + `">`)
		b.WriteString(html.EscapeString(surface))
		b.WriteString(`</span>`)
		return
	}
	kind := e.Kind
	if kind == "" {
		kind = e.Type
	}
	b.WriteString(`<a class="ent ent-` + typ + `" href="` + html.EscapeString(entityPath(e.ID)) +
		`" title="` + html.EscapeString(e.Name+" ("+kind+")") + `" data-entity="` + html.EscapeString(e.ID) + `">`)
	b.WriteString(html.EscapeString(surface))
	b.WriteString(`</a>`)
}

// classSafe keeps the letters of s, for use in a class name.
func classSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' {
			return r
		}
		return -1
	}, s)
}

// entityPath, tagPath and articlePath are the pages of an entity, a tag
// and an article. Ids and tags are escaped as one path segment.
func entityPath(id string) string { return "/entities/" + url.PathEscape(id) }
func tagPath(tag string) string   { return "/tags/" + url.PathEscape(tag) }
func articlePath(id int64) string { return "/articles/" + itoa(id) }

// wikidataURL and wikipediaURL link an entity to its entries.
func wikidataURL(id string) string { return "https://www.wikidata.org/wiki/" + url.PathEscape(id) }
func wikipediaURL(title string) string {
	return "https://en.wikipedia.org/wiki/" + url.PathEscape(strings.ReplaceAll(title, " ", "_"))
}

// webURL returns u when it is an http or https address that a page may
// link to, else "".
func webURL(u string) string {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return p.String()
}
