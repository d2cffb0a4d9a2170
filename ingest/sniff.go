package ingest

import (
	"bytes"
	"mime"
	"net/url"
	"path"
	"strings"
)

// Sniff returns the format that Auto resolves to for an input called name
// (a path or URL) that starts with head: by the name's extension first,
// then by content.
func Sniff(name string, head []byte) Format {
	head = bytes.TrimPrefix(head, []byte(utf8BOM))
	switch extension(name) {
	case ".conllu":
		return CoNLLU
	case ".conll":
		return CoNLL
	case ".json":
		// JSON Lines saved as .json is common; the JSONL reader is the one
		// that survives a bad line.
		if looksLikeJSONL(head) {
			return JSONL
		}
		return JSON
	case ".jsonl", ".ndjson":
		return JSONL
	case ".html", ".htm", ".xhtml":
		return HTML
	case ".sgm":
		return Reuters
	case ".rss", ".atom", ".xml":
		if isFeedRoot(rootElement(head)) {
			return Feed
		}
	}
	return sniffContent(head)
}

// sniffInput is Sniff helped by the Content-Type of a fetched input, which
// says more than a URL's extension but is often generic or wrong.
func sniffInput(in input, head []byte) Format {
	if in.contentType == "" {
		return Sniff(in.name, head)
	}
	media, _, _ := mime.ParseMediaType(in.contentType)
	content := sniffContent(bytes.TrimPrefix(head, []byte(utf8BOM)))
	if content == Reuters {
		// Its signature is unambiguous, and no media type names it.
		return Reuters
	}
	switch media {
	case "application/rss+xml", "application/atom+xml", "application/rdf+xml":
		return Feed
	case "text/html", "application/xhtml+xml":
		if content == Feed {
			return Feed
		}
		return HTML
	case "application/xml", "text/xml":
		if content == Feed || content == HTML {
			return content
		}
	case "application/json", "application/feed+json", "text/json":
		if content == JSONL {
			return JSONL
		}
		return JSON
	case "application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines":
		return JSONL
	}
	return Sniff(in.name, head)
}

// extension returns the lower-case extension of a path or of a URL's path.
func extension(name string) string {
	if u, err := url.Parse(name); err == nil && isHTTP(u) {
		name = u.Path
	}
	return strings.ToLower(path.Ext(name))
}

// sniffContent guesses the format from the first bytes alone.
func sniffContent(head []byte) Format {
	trimmed := bytes.TrimLeft(head, " \t\r\n")
	if len(trimmed) == 0 {
		return Text
	}
	switch trimmed[0] {
	case '{':
		if looksLikeJSONL(trimmed) {
			return JSONL
		}
		return JSON
	case '[':
		return JSON
	case '<':
		if isReutersSGML(trimmed) {
			return Reuters
		}
		root := rootElement(trimmed)
		switch {
		case isFeedRoot(root):
			return Feed
		case root == "html" || root == "head" || root == "body":
			return HTML
		case bytes.HasPrefix(trimmed, []byte("<?xml")):
			return Feed // the feed reader says what is wrong with other XML
		case root != "":
			return HTML // a fragment: "<p>...", "<article>..."
		}
	}
	lines := completeLines(head)
	switch {
	case looksLikeCoNLLU(lines):
		return CoNLLU
	case looksLikeCoNLL(lines):
		return CoNLL
	case looksLikeArticleLayout(lines):
		return ArticleLayout
	}
	return Text
}

// looksLikeJSONL reports whether head has several lines that each hold an
// object, as JSON Lines has and a pretty-printed JSON document has not. A
// first line longer than the sniffed window also counts: the JSONL reader
// reads a one-line object just as well, and streams.
func looksLikeJSONL(head []byte) bool {
	cut := len(head) >= sniffBytes
	lines := strings.Split(string(head), "\n")
	objects := 0
	for i, line := range lines {
		line = strings.TrimSpace(line)
		last := i == len(lines)-1
		switch {
		case line == "":
		case !strings.HasPrefix(line, "{"):
			return false
		case strings.HasSuffix(line, "}") || (last && cut):
			objects++
		default:
			return false
		}
	}
	return objects >= 2 || (len(lines) == 1 && objects == 1 && cut)
}

// rootElement returns the lower-case name of the first element of an XML or
// HTML document, skipping the XML declaration, comments and doctypes; a
// doctype "html" counts as the element html. It is "" when there is none in
// head.
func rootElement(head []byte) string {
	s := bytes.TrimLeft(head, " \t\r\n")
	for len(s) > 0 && s[0] == '<' {
		lower := bytes.ToLower(s[:min(len(s), 16)])
		var end []byte
		switch {
		case bytes.HasPrefix(lower, []byte("<!doctype html")):
			return "html"
		case bytes.HasPrefix(s, []byte("<?")):
			end = []byte("?>")
		case bytes.HasPrefix(s, []byte("<!--")):
			end = []byte("-->")
		case bytes.HasPrefix(s, []byte("<!")):
			end = []byte(">")
		default:
			name := s[1:]
			if i := bytes.IndexAny(name, " \t\r\n/>"); i >= 0 {
				name = name[:i]
			}
			if len(name) == 0 || !isASCIILetter(name[0]) {
				return ""
			}
			return strings.ToLower(string(name))
		}
		i := bytes.Index(s, end)
		if i < 0 {
			return ""
		}
		s = bytes.TrimLeft(s[i+len(end):], " \t\r\n")
	}
	return ""
}

// isReutersSGML reports whether head starts a file of the Reuters-21578
// collection: its doctype, or a <REUTERS> element.
func isReutersSGML(head []byte) bool {
	return hasPrefixFold(head, "<!DOCTYPE lewis") || indexTagFold(head[:min(len(head), len("<REUTERS "))], "REUTERS", 0) == 0
}

func isFeedRoot(root string) bool {
	return root == "rss" || root == "feed" || root == "rdf" || strings.HasSuffix(root, ":rdf")
}

func isASCIILetter(b byte) bool {
	return 'a' <= b|0x20 && b|0x20 <= 'z'
}

// completeLines splits head into lines without their terminators, leaving
// out a last line that was cut off by the end of the sniffed window.
func completeLines(head []byte) []string {
	lines := strings.Split(string(head), "\n")
	if len(head) >= sniffBytes && len(lines) > 1 {
		lines = lines[:len(lines)-1]
	}
	for i, line := range lines {
		lines[i] = strings.TrimSuffix(line, "\r")
	}
	return lines
}

// sniffLines is how many token lines the CoNLL checks look at.
const sniffLines = 5

// looksLikeCoNLLU reports whether the first token lines (after comments)
// have the ten tab-separated columns of CoNLL-U with a word ID first.
func looksLikeCoNLLU(lines []string) bool {
	seen := 0
	for _, line := range lines {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 10 || !isCoNLLUID(cols[0]) {
			return false
		}
		if seen++; seen == sniffLines {
			break
		}
	}
	return seen > 0
}

// isCoNLLUID reports whether id is a word ID ("3"), a multiword range
// ("3-4") or an empty node ("3.1").
func isCoNLLUID(id string) bool {
	a, b, ok := strings.Cut(id, "-")
	if !ok {
		a, b, ok = strings.Cut(id, ".")
	}
	return isDigits(a) && (!ok || isDigits(b))
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// looksLikeCoNLL reports whether the input starts with "-DOCSTART-" or its
// first lines have four space-separated columns ending in an IOB tag.
func looksLikeCoNLL(lines []string) bool {
	seen := 0
	for _, line := range lines {
		if strings.TrimSpace(line) == "" {
			continue
		}
		if seen == 0 && strings.HasPrefix(line, "-DOCSTART-") {
			return true
		}
		cols := strings.Split(line, " ")
		if len(cols) != 4 || !isIOBTag(cols[3]) {
			return false
		}
		for _, c := range cols {
			if c == "" {
				return false
			}
		}
		if seen++; seen == sniffLines {
			break
		}
	}
	return seen > 0
}

// isIOBTag reports whether tag is "O" or a B-, I-, E- or S- prefixed type.
func isIOBTag(tag string) bool {
	if tag == "O" {
		return true
	}
	return len(tag) > 2 && tag[1] == '-' && strings.IndexByte("BIES", tag[0]) >= 0
}

// maxTitleBytes bounds what Sniff takes for a title line.
const maxTitleBytes = 200

// looksLikeArticleLayout reports whether the first non-empty line looks
// like a title (short, no sentence-final period) followed by a blank line
// and more text.
func looksLikeArticleLayout(lines []string) bool {
	for i, line := range lines {
		title := strings.TrimSpace(line)
		if title == "" {
			continue
		}
		if len(title) > maxTitleBytes || strings.HasSuffix(title, ".") {
			return false
		}
		if i+1 >= len(lines) || strings.TrimSpace(lines[i+1]) != "" {
			return false
		}
		for _, rest := range lines[i+2:] {
			if strings.TrimSpace(rest) != "" {
				return true
			}
		}
		return false
	}
	return false
}
