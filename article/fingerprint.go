package article

import (
	"crypto/sha256"
	"strings"
	"unicode"
)

// NormalWords returns the words of text, lower-cased, with punctuation and
// spacing dropped, so that re-encoded or re-flowed copies of an article
// compare equal. The archive's duplicate check and the queue's message ids
// both read an article through it, so that they always agree.
func NormalWords(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
}

// Fingerprint is the SHA-256 of text's normal words joined by single
// spaces: two articles with one fingerprint are one article.
func Fingerprint(text string) []byte {
	h := sha256.New()
	for i, w := range NormalWords(text) {
		if i > 0 {
			h.Write([]byte{' '})
		}
		h.Write([]byte(w))
	}
	return h.Sum(nil)
}
