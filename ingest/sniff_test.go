package ingest

import (
	"strings"
	"testing"
)

func TestSniff(t *testing.T) {
	const (
		conllu  = "# sent_id = 1\n# text = Rain fell.\n1\tRain\train\tNOUN\tNN\t_\t2\tnsubj\t_\t_\n2\tfell\tfall\tVERB\tVBD\t_\t0\troot\t_\t_\n"
		conll   = "Rain NN B-NP O\nfell VBD B-VP O\nin IN B-PP O\nMillbrook NNP B-NP B-LOC\n"
		article = "Rain returns to Millbrook\n\nRain fell on Millbrook on Monday for the first time in six weeks.\n"
		text    = "Rain fell on Millbrook on Monday for the first time in six weeks.\nFarmers were relieved.\n"
		jsonl   = "{\"body\": \"one\"}\n{\"body\": \"two\"}\n"
	)
	tests := []struct {
		name, head string
		want       Format
	}{
		// By extension.
		{"a.conllu", "anything", CoNLLU},
		{"a.CONLL", "anything", CoNLL},
		{"a.json", `{"body": "x"}`, JSON},
		{"a.json", jsonl, JSONL},
		{"a.jsonl", `{"body": "x"}`, JSONL},
		{"a.ndjson", "", JSONL},
		{"a.htm", "plain words", HTML},
		{"a.xml", `<?xml version="1.0"?><rss version="2.0">`, Feed},
		{"a.atom", `<feed xmlns="http://www.w3.org/2005/Atom">`, Feed},
		{"a.xml", "<?xml version=\"1.0\"?>\n<!-- note -->\n<!DOCTYPE html>\n<html>", HTML},
		{"a.rss", "just some words\n", Text},
		{"https://example.org/feed.xml?page=2", "<rss>", Feed},
		{"https://example.org/story.html", "<p>x</p>", HTML},
		{"reut2-000.sgm", "anything", Reuters},
		{"reut2-015.SGM", "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n", Reuters},
		// By content.
		{"in", `{"body": "x", "title": "y"}`, JSON},
		{"in", "{\n  \"body\": \"x\"\n}\n", JSON},
		{"in", jsonl, JSONL},
		{"in", "\n  [{\"body\": \"x\"}]", JSON},
		{"in", "{\"body\": \"" + strings.Repeat("x", sniffBytes) + "\"}", JSONL},
		{"in", `<?xml version="1.0" encoding="utf-8"?><feed>`, Feed},
		{"in", "<rss version=\"2.0\"><channel>", Feed},
		{"in", `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`, Feed},
		{"in", `<?xml version="1.0"?><svg/>`, Feed},
		{"in", "<!doctype HTML><title>x</title>", HTML},
		{"in", "<html><body>x</body></html>", HTML},
		{"in", "<p>A fragment</p>", HTML},
		{"in", "\uFEFF<html>", HTML},
		{"in", "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS NEWID=\"1\">", Reuters},
		{"in", "<!doctype LEWIS SYSTEM \"lewis.dtd\">", Reuters},
		{"in", "\n<REUTERS TOPICS=\"YES\" NEWID=\"1\">\n<DATE>", Reuters},
		{"in", "<reuters>", Reuters},
		{"in", "<REUTERS", Reuters},
		{"in", "<REUTERSX>", HTML},
		{"in", "<!DOCTYPE other>\n<REUTERS>", HTML},
		{"a.sgml", "<!DOCTYPE lewis>", Reuters},
		{"in", conllu, CoNLLU},
		{"in", "1\tRain\n", Text},
		{"in", "-DOCSTART- -X- -X- O\n\n", CoNLL},
		{"in", conll, CoNLL},
		{"in", "Rain NN B-NP X\n", Text},
		{"in", article, ArticleLayout},
		{"in", "\n\n" + article, ArticleLayout},
		{"in", "A first sentence ends here.\n\nAnother follows.\n", Text},
		{"in", "Title without body\n\n", Text},
		{"in", strings.Repeat("long ", 50) + "\n\nbody\n", Text},
		{"in", text, Text},
		{"in", "", Text},
		{"notes.txt", article, ArticleLayout},
	}
	for _, tt := range tests {
		if got := Sniff(tt.name, []byte(tt.head)); got != tt.want {
			t.Errorf("Sniff(%q, %.40q) = %q, want %q", tt.name, tt.head, got, tt.want)
		}
	}
}

func TestSniffContentType(t *testing.T) {
	tests := []struct {
		contentType, name, head string
		want                    Format
	}{
		{"application/rss+xml; charset=utf-8", "https://x.example/f", "<rss>", Feed},
		{"text/html; charset=utf-8", "https://x.example/f", "<html>", HTML},
		{"text/html", "https://x.example/f", "<rss>", Feed},
		{"text/html", "https://x.example/f.json", "Hello", HTML},
		{"application/xml", "https://x.example/f", "<feed>", Feed},
		{"application/json", "https://x.example/f", `{"body": "x"}`, JSON},
		{"application/x-ndjson", "https://x.example/f", `{"body": "x"}`, JSONL},
		{"text/plain", "https://x.example/f.conllu", "x", CoNLLU},
		{"text/plain", "https://x.example/f", "Title\n\nBody text.\n", ArticleLayout},
		{"", "https://x.example/f.html", "x", HTML},
		{"text/html", "https://x.example/f", "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">", Reuters},
		{"text/plain", "https://x.example/reut2-000.sgm", "<!DOCTYPE lewis>", Reuters},
	}
	for _, tt := range tests {
		in := input{name: tt.name, contentType: tt.contentType}
		if got := sniffInput(in, []byte(tt.head)); got != tt.want {
			t.Errorf("sniffInput(%q, %q, %q) = %q, want %q", tt.contentType, tt.name, tt.head, got, tt.want)
		}
	}
}

func TestReadAutoDispatch(t *testing.T) {
	tests := []struct {
		file string
		want int // articles
	}{
		{"harbour.txt", 1},
		{"page.html", 1},
		{"feed.rss", 2},
		{"feed.atom", 1},
		{"sample.conll", 2},
		{"sample.conllu", 2},
		{"articles.jsonl", 2},
		{"articles.json", 2},
		{"sample.sgm", 3},
	}
	for _, tt := range tests {
		o := readTestdata(t, tt.file, Auto)
		if len(o.articles) != tt.want {
			t.Errorf("%s: %d articles (errors %q), want %d", tt.file, len(o.articles), o.errText(), tt.want)
		}
	}
}
