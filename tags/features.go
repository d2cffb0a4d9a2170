package tags

import (
	"math"
	"slices"
	"strings"
	"unicode"

	"tidings/article"
	"tidings/text"
)

// Example is one archived article for learning or scoring tags: its gold
// tags are Article.GoldTags; Entities are the ids or names of the entities
// linked in it, when the caller has them (nil is fine). Doc is its
// analysed Document (the tokens of Article.Text() with parts of speech and
// names), which the phrase scorer reads; nil: the text is tokenised here,
// without them.
type Example struct {
	Article  article.Article
	Entities []string
	Doc      *text.Document
}

// term is one occurrence of a feature in an article, with the byte span of
// the words it stands for ({-1,-1} for an entity, which has no span here).
type term struct {
	key  string
	span [2]int
}

// entityPrefix marks entity features apart from words.
const entityPrefix = "e:"

// terms returns the features of an example as docTerms does, over its
// Document or else its text tokenised here: for training and scoring from
// an archive.
func terms(e Example, bigrams bool) []term {
	doc := e.Doc
	if doc == nil {
		doc = text.New(e.Article.Text())
	}
	return docTerms(doc, len(e.Article.Title), e.Entities, bigrams)
}

// docTerms returns the features of a Document: its lower-cased words
// (those with a letter), the pairs of adjacent words when bigrams is set,
// and its entities. Title words (those starting before byte titleEnd)
// occur twice, since a headline says what an article is about more surely
// than a line of its body.
func docTerms(doc *text.Document, titleEnd int, entities []string, bigrams bool) []term {
	out := make([]term, 0, 2*len(doc.Tokens)+len(entities))
	prev, prevStart := "", -1
	for _, t := range doc.Tokens {
		w := strings.ToLower(t.Form)
		if !hasLetter(w) {
			prev = ""
			continue
		}
		span := [2]int{t.Start, t.End}
		out = append(out, term{w, span})
		if t.Start < titleEnd {
			out = append(out, term{w, span})
		}
		if bigrams && prev != "" {
			out = append(out, term{prev + " " + w, [2]int{prevStart, t.End}})
		}
		prev, prevStart = w, t.Start
	}
	for _, e := range entities {
		if e = strings.ToLower(strings.TrimSpace(e)); e != "" {
			out = append(out, term{entityPrefix + e, [2]int{-1, -1}})
		}
	}
	return out
}

func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// sparse is a vector of feature weights, indices ascending.
type sparse struct {
	idx []int32
	val []float32
}

// counts returns each distinct key of ts with its count, keys sorted.
func counts(ts []term) (keys []string, n []int) {
	m := make(map[string]int, len(ts))
	for _, t := range ts {
		m[t.key]++
	}
	keys = make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	n = make([]int, len(keys))
	for i, k := range keys {
		n[i] = m[k]
	}
	return keys, n
}

// vocabulary maps features to ids and inverse document frequencies.
type vocabulary struct {
	ids map[string]int32
	idf []float32
}

// newVocabulary keeps the features seen in at least minDF of the
// articles, ids in sorted order of the features so that the same data
// gives the same model.
func newVocabulary(docs [][]string, minDF int) (words []string, idf []float32) {
	df := map[string]int{}
	for _, keys := range docs {
		for _, k := range keys {
			df[k]++
		}
	}
	for k, n := range df {
		if n >= minDF {
			words = append(words, k)
		}
	}
	slices.Sort(words)
	idf = make([]float32, len(words))
	for i, w := range words {
		idf[i] = float32(math.Log(float64(len(docs)+1)/float64(df[w]+1)) + 1)
	}
	return words, idf
}

func (v *vocabulary) init(words []string, idf []float32) {
	v.ids = make(map[string]int32, len(words))
	for i, w := range words {
		v.ids[w] = int32(i)
	}
	v.idf = idf
}

// vector is the L2-normalised TF-IDF vector of counted keys, with
// sub-linear term frequency.
func (v *vocabulary) vector(keys []string, n []int) sparse {
	var s sparse
	for i, k := range keys {
		id, ok := v.ids[k]
		if !ok {
			continue
		}
		s.idx = append(s.idx, id)
		s.val = append(s.val, float32(1+math.Log(float64(n[i])))*v.idf[id])
	}
	// keys are sorted, and ids follow the sorted order of the features.
	var norm float64
	for _, x := range s.val {
		norm += float64(x) * float64(x)
	}
	if norm > 0 {
		inv := float32(1 / math.Sqrt(norm))
		for i := range s.val {
			s.val[i] *= inv
		}
	}
	return s
}
