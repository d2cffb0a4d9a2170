package ingest

import (
	"strings"
	"unicode"

	"tidings/article"
)

// readText yields the whole input as the body of one article.
func (rd *reading) readText(data string) {
	if strings.TrimSpace(data) == "" {
		rd.fail(rd.errorf("%w", ErrEmptyInput))
		return
	}
	rd.emit(article.Article{Body: data})
}

// readArticleLayout yields the one article of an input in the seed's layout.
func (rd *reading) readArticleLayout(data string) {
	title, body, tags := splitArticleLayout(data)
	if title == "" {
		rd.fail(rd.errorf("%w", ErrEmptyInput))
		return
	}
	rd.emit(article.Article{Title: title, Body: body, GoldTags: tags})
}

// splitArticleLayout splits text into its title (the first non-empty line,
// trimmed), its body and the editorial tags of a final tag line. The body is
// kept verbatim, since offsets are computed on it, except that leading blank
// lines and trailing whitespace are removed.
func splitArticleLayout(text string) (title, body string, tags []string) {
	rest := text
	for rest != "" {
		line, after, _ := strings.Cut(rest, "\n")
		rest = after
		if title = strings.TrimSpace(line); title != "" {
			break
		}
	}
	for rest != "" {
		line, after, found := strings.Cut(rest, "\n")
		if strings.TrimSpace(line) != "" {
			break
		}
		rest = after
		if !found {
			rest = ""
		}
	}
	body = strings.TrimRightFunc(rest, unicode.IsSpace)
	if prefix, tagLine, ok := cutLastParagraph(body); ok {
		if items, ok := parseTagLine(tagLine); ok {
			return title, strings.TrimRightFunc(prefix, unicode.IsSpace), items
		}
	}
	return title, body, nil
}

// cutLastParagraph splits body before the last blank line. ok is false when
// body has no blank line, that is a single paragraph.
func cutLastParagraph(body string) (prefix, last string, ok bool) {
	end := len(body)
	for end > 0 {
		start := strings.LastIndexByte(body[:end], '\n')
		if start < 0 {
			return "", "", false
		}
		if strings.TrimSpace(body[start+1:end]) == "" {
			return body[:start+1], body[end:], true
		}
		end = start
	}
	return "", "", false
}

// Limits of an editorial tag line: each item is a short name.
const (
	maxTagBytes = 48
	maxTagWords = 5
)

// parseTagLine returns the items of an editorial tag line: a comma-separated
// list of at least two short names without sentence punctuation.
func parseTagLine(paragraph string) ([]string, bool) {
	if strings.ContainsAny(paragraph, ".!?;:\"“”„«»") {
		return nil, false
	}
	items := strings.Split(paragraph, ",")
	if len(items) < 2 {
		return nil, false
	}
	for i, item := range items {
		item = strings.Join(strings.Fields(item), " ")
		words := strings.Count(item, " ") + 1
		if item == "" || len(item) > maxTagBytes || words > maxTagWords {
			return nil, false
		}
		items[i] = item
	}
	return items, true
}
