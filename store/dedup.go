package store

import (
	"hash/fnv"
	"math/bits"

	"tidings/article"
)

// NearDuplicateBits is the largest Hamming distance between the simhashes
// of two articles of one story. Manku et al. (2007) used 3 of 64 bits for
// web pages of thousands of words; news articles are a few hundred words,
// where one edited sentence already moves 4 to 9 bits, so the bound is
// wider. Unrelated texts differ in about 32 bits (sd 4).
const NearDuplicateBits = 6

// simhashBandBits splits the 64 bits into NearDuplicateBits+1 bands, so
// that two hashes within the bound agree exactly on at least one band
// (pigeonhole) and the band index finds every candidate.
var simhashBandBits = [NearDuplicateBits + 1]uint{9, 9, 9, 9, 9, 9, 10}

// nearDuplicateCandidates bounds the articles of one band that a new
// article is compared with: the latest ones, as a story is re-sent soon
// after its first version. Unbounded, a feed of templated items that
// share bands made each look-up read every earlier item: the store alone
// took 159 such items/s for the first 10,000 and 49/s for the next. Over
// Reuters-21578 (15k articles) the fullest band holds 69 articles, so the
// bound changes nothing there; a look-up reads at most 7 times this many.
const nearDuplicateCandidates = 100

// shingleWords is the length of the word shingles that simhash hashes.
const shingleWords = 3

// ContentHash is the fingerprint of an article's text (article.Fingerprint):
// two articles with the same hash are one article.
func ContentHash(text string) []byte { return article.Fingerprint(text) }

// Simhash is Charikar's similarity hash of text's word shingles: texts that
// share most shingles get hashes that differ in few bits.
func Simhash(text string) uint64 {
	words := article.NormalWords(text)
	var v [64]int
	add := func(ws []string) {
		h := fnv.New64a()
		for i, w := range ws {
			if i > 0 {
				h.Write([]byte{' '})
			}
			h.Write([]byte(w))
		}
		x := mix64(h.Sum64())
		for b := range 64 {
			if x&(1<<b) != 0 {
				v[b]++
			} else {
				v[b]--
			}
		}
	}
	if len(words) < shingleWords {
		add(words)
	}
	for i := 0; i+shingleWords <= len(words); i++ {
		add(words[i : i+shingleWords])
	}
	var out uint64
	for b := range 64 {
		if v[b] > 0 {
			out |= 1 << b
		}
	}
	return out
}

// mix64 is the SplitMix64 finaliser: FNV's high bits mix poorly for short
// inputs, and simhash needs every bit to be a fair coin.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// simhashBands splits a simhash into its bands, each tagged with its
// position, for the band index.
func simhashBands(sim uint64) [len(simhashBandBits)]int64 {
	var out [len(simhashBandBits)]int64
	shift := uint(0)
	for i, n := range simhashBandBits {
		out[i] = int64(i)<<16 | int64((sim>>shift)&(1<<n-1))
		shift += n
	}
	return out
}

func hamming(a, b uint64) int { return bits.OnesCount64(a ^ b) }
