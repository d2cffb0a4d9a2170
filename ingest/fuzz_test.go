package ingest

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"tidings/article"
)

// fuzzRead reads data in format f and checks what must hold for any input:
// no panic, valid UTF-8 in every article, and errors that name the input.
// It returns the articles.
func fuzzRead(t *testing.T, data []byte, f Format) []article.Article {
	const name = "fuzz.in"
	// A small limit keeps each run fast and exercises the size checks.
	opt := Options{MaxArticleBytes: 64 << 10}
	var articles []article.Article
	for a, err := range Read(context.Background(), name, bytes.NewReader(data), f, opt) {
		if err != nil {
			if !strings.HasPrefix(err.Error(), name) {
				t.Errorf("error %q does not start with the input's name", err)
			}
			continue
		}
		checkArticle(t, a)
		for _, tag := range a.GoldTags {
			if !utf8.ValidString(tag) {
				t.Errorf("tag %q is not valid UTF-8", tag)
			}
		}
		articles = append(articles, a)
	}
	return articles
}

// addSeeds adds the testdata files with the given extensions and the
// literal seeds.
func addSeeds(f *testing.F, exts []string, seeds ...string) {
	for _, ext := range exts {
		paths, _ := filepath.Glob(filepath.Join("testdata", "*"+ext))
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
}

// repairedText is what the readers see of data: without a UTF-8 BOM and
// with invalid UTF-8 replaced. ok is false for inputs that are decoded
// otherwise (UTF-16).
func repairedText(data []byte) (string, bool) {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return "", false
	}
	return strings.ToValidUTF8(strings.TrimPrefix(string(data), utf8BOM), "\uFFFD"), true
}

func FuzzReadArticle(f *testing.F) {
	addSeeds(f, []string{".txt"}, "Title\n\nBody.\n\nA, B\n", "\n \r\n", "T\n\n\n,\n\nx, y", "\xef\xbb\xbfT\r\n\r\nB\xff")
	f.Fuzz(func(t *testing.T, data []byte) {
		text, ok := repairedText(data)
		for _, a := range fuzzRead(t, data, ArticleLayout) {
			// Offsets are computed on the body, so it must be the input's
			// own text.
			if ok && (!strings.Contains(text, a.Body) || !strings.Contains(text, a.Title)) {
				t.Errorf("title %q or body %q is not verbatim from the input", a.Title, a.Body)
			}
			if a.Title == "" || a.Title != strings.TrimSpace(a.Title) {
				t.Errorf("title %q is empty or untrimmed", a.Title)
			}
		}
	})
}

func FuzzReadText(f *testing.F) {
	addSeeds(f, []string{".txt"}, "plain", "caf\xe9", "\xff\xfeh\x00i\x00")
	f.Fuzz(func(t *testing.T, data []byte) {
		text, ok := repairedText(data)
		for _, a := range fuzzRead(t, data, Text) {
			if ok && a.Body != text {
				t.Errorf("body %q, want the input %q", a.Body, text)
			}
		}
	})
}

func FuzzReadJSON(f *testing.F) {
	addSeeds(f, []string{".json"}, `{"body": "x"}`, `[{"body": "x", "tags": "a,b"}, {"text": "y", "id": 1}]`,
		`{"body": "x"} {"body": "y"}`, `[{"body": 1}, 2, "s", null]`, `{"published": 1e300, "body": "x"}`)
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, data, JSON)
	})
}

func FuzzReadJSONL(f *testing.F) {
	addSeeds(f, []string{".jsonl"}, "{\"body\": \"x\"}\n{\"text\": \"y\", \"published\": \"2024-01-02\"}\n",
		"{\"body\": \"x\"}\r\n\r\nnot json\n[1]\n", "{\"body\": \"\xff\", \"tags\": [\"a\", \"\"]}")
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, a := range fuzzRead(t, data, JSONL) {
			if !strings.HasPrefix(a.Origin, "fuzz.in:") {
				t.Errorf("origin %q does not name a line", a.Origin)
			}
		}
	})
}

func FuzzReadHTML(f *testing.F) {
	addSeeds(f, []string{".html"}, "<p>x</p>", "<html><head><title>t</title><meta property=og:title content=o></head><body><article><p>a</p></article>",
		`<script type="application/ld+json">[{"@graph": {"@type": "NewsArticle", "headline": 1}}]</script><p>x`,
		"<table><tr><td>a<td>b</table><pre>  x\n y</pre>", "<svg><title>s</title></svg><math><annotation encoding=application/x-tex>x</annotation></math>",
		strings.Repeat("<span><div></span>", 300)+`<title>t</title><time datetime="2024-01-02">x</time><script>s</script><p>y`)
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, data, HTML)
	})
}

func FuzzReadFeed(f *testing.F) {
	addSeeds(f, []string{".rss", ".atom"}, `<rss><channel><item><description>x</description></item></channel></rss>`,
		`<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="html">&lt;p&gt;x</content></entry></feed>`,
		`<?xml version="1.0" encoding="windows-1252"?><rss><channel><item><title>`+"\x93q\x94"+`</title><description>d</description></item></channel></rss>`,
		`{"version": "https://jsonfeed.org/version/1", "items": [{"content_text": "x"}]}`)
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, data, Feed)
	})
}

func FuzzReadCoNLL(f *testing.F) {
	addSeeds(f, []string{".conll"}, "a B C O\n\nd E F B-X\n", "-DOCSTART- -X- -X- O\n\n-DOCSTART-\n\n\n", " \t \n-DOCSTART-")
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, a := range fuzzRead(t, data, CoNLL) {
			if a.Given == nil || len(a.Given.Sentences) == 0 {
				t.Fatalf("article without sentences: %+v", a)
			}
			for _, s := range a.Given.Sentences {
				for _, tok := range s.Tokens {
					if tok.Form == "" || len(tok.Columns) == 0 || tok.Columns[0] != tok.Form || len(tok.Words) != 1 {
						t.Errorf("malformed token %+v", tok)
					}
				}
			}
		}
	})
}

func FuzzReadCoNLLU(f *testing.F) {
	addSeeds(f, []string{".conllu"}, "1\ta\t_\t_\t_\t_\t0\t_\t_\t_\n",
		"1-2\tab\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n1\ta\t_\t_\t_\t_\t0\t_\t_\t_\n2\tb\t_\t_\t_\t_\t1\t_\t_\t_\n1.1\tc\t_\t_\t_\t_\t_\t_\t_\t_\n",
		"# newdoc\n# newpar\n# text = x\n\n# newdoc id = 2\n1\tx\t_\t_\t_\t_\t_\t_\t_\t_", "1-1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n")
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, a := range fuzzRead(t, data, CoNLLU) {
			if a.Given == nil || len(a.Given.Sentences) == 0 {
				t.Fatalf("article without sentences: %+v", a)
			}
			for _, s := range a.Given.Sentences {
				for _, tok := range s.Tokens {
					if len(tok.Words) == 0 {
						t.Errorf("token without words %+v", tok)
					}
				}
			}
		}
	})
}

func FuzzReadReuters(f *testing.F) {
	addSeeds(f, []string{".sgm"}, "<REUTERS NEWID=\"1\">\n<DATE>1-MAR-1987 10:00:00.00</DATE>\n<TEXT><TITLE>t</TITLE><BODY>b &amp; &#3;</BODY></TEXT>\n</REUTERS>\n",
		"<REUTERS NEWID=2><TOPICS><D>x</D><D>x</D></TOPICS><TEXT TYPE=UNPROC>u<b>\xe9</TEXT></REUTERS></REUTERS><REUTERS",
		"<!DOCTYPE lewis>\n", "<REUTERS\n<REUTERS NEWID='3'>\n<DATE>99-XYZ-1 1:1:1</DATE><TEXT><TITLE>\n</TITLE></TEXT></REUTERS>")
	f.Fuzz(func(t *testing.T, data []byte) {
		var ids []string
		for _, a := range fuzzRead(t, data, Reuters) {
			ids = append(ids, a.ID)
			if a.Body == "" || a.Source != "Reuters" || !strings.HasPrefix(a.Origin, "fuzz.in:") {
				t.Errorf("article %+v: want a body, source Reuters and an origin naming a line", a)
			}
			if a.Title != strings.Join(strings.Fields(a.Title), " ") || strings.ContainsFunc(a.Body, isDroppedControl) {
				t.Errorf("title %q or body %q not cleaned", a.Title, a.Body)
			}
			for i, tag := range a.GoldTags {
				if tag == "" || tag != strings.ToLower(tag) || slices.Contains(a.GoldTags[:i], tag) {
					t.Errorf("tags %q: empty, upper-case or duplicate", a.GoldTags)
				}
			}
		}
		// ReadReuters yields the same documents (with the default limits,
		// which are larger than fuzzRead's).
		if len(data) > 32<<10 {
			return
		}
		var got []string
		for d, err := range ReadReuters(context.Background(), "fuzz.in", bytes.NewReader(data)) {
			if err == nil {
				got = append(got, d.Article.ID)
			}
		}
		if !slices.Equal(got, ids) {
			t.Errorf("ReadReuters ids %q, Read ids %q", got, ids)
		}
	})
}

// isDroppedControl reports a control character that the Reuters reader drops.
func isDroppedControl(r rune) bool {
	return unicode.IsControl(r) && r != '\n' && r != '\t'
}

// FuzzReadAuto checks sniffing and whichever reader it picks.
func FuzzReadAuto(f *testing.F) {
	addSeeds(f, []string{".txt", ".html", ".rss", ".atom", ".conll", ".conllu", ".sgm"}, `{"body": "x"}`, "{\"body\": \"x\"}\n{\"body\": \"y\"}\n", "<?xml ?><x>")
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzRead(t, data, Auto)
	})
}
