// Package annotate holds tidings' statistical models: an averaged
// perceptron core shared by a part-of-speech tagger, a dependency parser and
// the named-entity recogniser, with their trained weights embedded.
package annotate

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand"
	"sort"
)

// Features are 64-bit hashes of a template id and its values, so that
// extraction allocates nothing and lookups need no string interning.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashString folds s into h (FNV-1a).
func hashString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// hashInt folds v into h.
func hashInt(h uint64, v uint64) uint64 {
	h ^= v
	h *= fnvPrime
	h ^= h >> 29
	return h
}

// feat starts a feature hash for a template id.
func feat(template uint64) uint64 { return hashInt(fnvOffset, template*0x9E3779B97F4A7C15+1) }

// key32 folds a feature hash to the 32 bits that models store (collisions
// among a few million features are negligible), never 0, which marks an
// empty slot.
func key32(f uint64) uint64 {
	k := (f ^ f>>32) & 0xffffffff
	if k == 0 {
		k = 1
	}
	return k
}

// Weights are a trained, averaged perceptron: for each feature the classes
// it votes for. Read-only after loading, so safe for concurrent use.
type Weights struct {
	NClasses int
	// Open-addressing hash table from feature to its entry range. Scoring
	// is bound by memory accesses, so slots (8 bytes) and entries (4 bytes)
	// are packed: the weights are kept quantised, as they are stored.
	slots   []slot
	mask    uint64
	entries []entry
	scale   float32 // weight = entry.q * scale
}

type slot struct {
	key uint32 // 0 marks an empty slot (feature keys are never 0)
	pos uint32 // start in entries << 8 | entry count
}

func (s slot) start() uint32 { return s.pos >> 8 }
func (s slot) count() uint32 { return s.pos & 0xff }

type entry struct {
	class uint16
	q     int16
}

// Limits of the packed layout.
const (
	maxClasses = 255
	maxEntries = 1 << 24
)

// Score adds the weights of feats to scores (len NClasses), in units of
// the quantisation step: the ranking of classes, which is all that
// decoding uses, is that of the real weights.
//
// Scoring is bound by cache misses: a slot, then its entries, for each of
// about a hundred features. So features are looked up in batches, each
// step a loop of loads that do not depend on one another, which lets the
// CPU keep many misses in flight instead of waiting for each in turn.
func (m *Weights) Score(feats []uint64, scores []float32) {
	const batch = 64
	var keys [batch]uint32
	var found [batch]slot
	slots, entries, mask := m.slots, m.entries, m.mask
	for len(feats) > 0 {
		n := min(len(feats), batch)
		// First probes.
		for j, f := range feats[:n] {
			k := uint32(key32(f))
			keys[j] = k
			found[j] = slots[uint64(k)&mask]
		}
		// Collisions (linear probing), and a first touch of each
		// feature's entries.
		var touch uint16
		for j := range n {
			s := found[j]
			if s.key != keys[j] && s.key != 0 {
				for i := (uint64(keys[j]) + 1) & mask; ; i = (i + 1) & mask {
					if s = slots[i]; s.key == keys[j] || s.key == 0 {
						break
					}
				}
			}
			if s.key != keys[j] {
				s = slot{}
			}
			found[j] = s
			if s.count() > 0 {
				touch += entries[s.start()].class
			}
		}
		if touch == 0xffff { // adds zero: the test only keeps the touching loads
			scores[0] += 0
		}
		for _, s := range found[:n] {
			start := s.start()
			for _, e := range entries[start : start+s.count()] {
				scores[e.class] += float32(e.q)
			}
		}
		feats = feats[n:]
	}
}

// NumFeatures returns how many features carry weights.
func (m *Weights) NumFeatures() int {
	n := 0
	for _, s := range m.slots {
		if s.key != 0 {
			n++
		}
	}
	return n
}

// SizeBytes estimates the memory held by the weights.
func (m *Weights) SizeBytes() int {
	return len(m.slots)*8 + len(m.entries)*4
}

// trainEntry is one (feature, class) weight during training, with what
// averaging needs: the running total and when the weight last changed.
type trainEntry struct {
	class int32
	ts    int32
	w     float64
	total float64
}

// Trainer learns an averaged perceptron (Collins 2002) with lazy averaging.
type Trainer struct {
	NClasses int
	feats    map[uint64][]trainEntry
	t        int32 // number of updates seen (instances)
}

// NewTrainer returns a trainer for n classes.
func NewTrainer(n int) *Trainer {
	return &Trainer{NClasses: n, feats: make(map[uint64][]trainEntry, 1<<20)}
}

// Score adds the current (unaveraged) weights of feats to scores.
func (tr *Trainer) Score(feats []uint64, scores []float32) {
	for _, f := range feats {
		f = key32(f)
		for _, e := range tr.feats[f] {
			scores[e.class] += float32(e.w)
		}
	}
}

// Tick advances the instance clock; call once per training instance.
func (tr *Trainer) Tick() { tr.t++ }

// Update moves the weights of feats by delta for class c.
func (tr *Trainer) Update(feats []uint64, c int, delta float64) {
	for _, f := range feats {
		f = key32(f)
		es := tr.feats[f]
		k := -1
		for i := range es {
			if es[i].class == int32(c) {
				k = i
				break
			}
		}
		if k < 0 {
			es = append(es, trainEntry{class: int32(c), ts: tr.t})
			tr.feats[f] = es
			k = len(es) - 1
		}
		e := &es[k]
		e.total += float64(tr.t-e.ts) * e.w
		e.ts = tr.t
		e.w += delta
	}
}

// trainEpochs is the loop that every trainer here shares: each epoch
// visits the n instances in an order shuffled by rng, calling learn (which
// reports how many of its decisions were right, out of how many) and
// opt.Step; then the weights are averaged and scored by devScore, the best
// are kept, and training stops after opt.Patience epochs without a better
// score. A nil devScore (no dev set) keeps the last epoch.
func trainEpochs(ctx context.Context, n int, tr *Trainer, rng *rand.Rand, opt TrainOptions,
	learn func(epoch, i int) (correct, total int), devScore func(*Weights) float64) (*Weights, float64, error) {
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	var best *Weights
	bestScore, sinceBest := -1.0, 0
	for epoch := 1; epoch <= opt.MaxEpochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for _, i := range order {
			if err := ctx.Err(); err != nil {
				return nil, 0, err
			}
			c, t := learn(epoch, i)
			correct, total = correct+c, total+t
			if opt.Step != nil {
				opt.Step()
			}
		}
		w := tr.Average(opt.MinWeight)
		score := 0.0
		if devScore != nil {
			score = devScore(w)
		}
		if opt.Progress != nil {
			opt.Progress(epoch, float64(correct)/float64(max(total, 1)), score)
		}
		if score > bestScore || devScore == nil {
			best, bestScore, sinceBest = w, score, 0
		} else if sinceBest++; sinceBest >= opt.Patience {
			break
		}
	}
	return best, bestScore, nil
}

// Average returns the averaged weights, dropping those whose magnitude is
// below minWeight (pruning keeps the model small).
func (tr *Trainer) Average(minWeight float64) *Weights {
	type kv struct {
		f  uint64
		es []trainEntry
	}
	all := make([]kv, 0, len(tr.feats))
	for f, es := range tr.feats {
		all = append(all, kv{f, es})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].f < all[j].f }) // deterministic output
	b := newWeightsBuilder(tr.NClasses, len(all))
	t := float64(tr.t)
	if t == 0 {
		t = 1
	}
	var cls []uint16
	var ws []float32
	for _, x := range all {
		cls, ws = cls[:0], ws[:0]
		for _, e := range x.es {
			total := e.total + float64(tr.t-e.ts)*e.w
			avg := total / t
			if math.Abs(avg) < minWeight {
				continue
			}
			cls = append(cls, uint16(e.class))
			ws = append(ws, float32(avg))
		}
		if len(cls) > 0 {
			b.add(x.f, cls, ws)
		}
	}
	return b.build()
}

// weightsBuilder collects features in order and builds the hash table.
type weightsBuilder struct {
	n     int
	feats []uint64
	start []uint32
	count []uint16
	cls   []uint16
	w     []float32
}

func newWeightsBuilder(nClasses, hint int) *weightsBuilder {
	return &weightsBuilder{n: nClasses, feats: make([]uint64, 0, hint)}
}

func (b *weightsBuilder) add(f uint64, cls []uint16, w []float32) {
	f = key32(f)
	b.feats = append(b.feats, f)
	b.start = append(b.start, uint32(len(b.cls)))
	b.count = append(b.count, uint16(len(cls)))
	b.cls = append(b.cls, cls...)
	b.w = append(b.w, w...)
}

func (b *weightsBuilder) build() *Weights {
	size := 1
	for size < len(b.feats)*4/3+1 {
		size <<= 1
	}
	if b.n > maxClasses || len(b.cls) >= maxEntries {
		panic(fmt.Sprintf("annotate: a model of %d classes and %d weights is over the packed layout's limits (%d, %d)", b.n, len(b.cls), maxClasses, maxEntries))
	}
	var maxAbs float32
	for _, w := range b.w {
		maxAbs = max(maxAbs, float32(math.Abs(float64(w))))
	}
	m := &Weights{
		NClasses: b.n,
		slots:    make([]slot, size),
		mask:     uint64(size - 1),
		entries:  make([]entry, len(b.cls)),
		scale:    maxAbs / 32767,
	}
	if m.scale == 0 {
		m.scale = 1
	}
	for i, c := range b.cls {
		m.entries[i] = entry{c, int16(math.Round(float64(b.w[i] / m.scale)))}
	}
	for i, f := range b.feats {
		j := f & m.mask
		for m.slots[j].key != 0 {
			j = (j + 1) & m.mask
		}
		m.slots[j] = slot{uint32(f), b.start[i]<<8 | uint32(b.count[i])}
	}
	return m
}

// Weights are stored as: magic, class count, feature count, then per
// feature its 32-bit hash, entry count, and (class, weight) pairs with the weight
// quantised to a float16-like int16 with a shared scale.
const weightsMagic = "TDPW2"

// WriteTo serialises the weights (deterministically).
func (m *Weights) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	scale := m.scale
	// Features in hash order, so the bytes depend only on the weights.
	var slots []slot
	for _, s := range m.slots {
		if s.key != 0 {
			slots = append(slots, s)
		}
	}
	sort.Slice(slots, func(i, j int) bool { return slots[i].key < slots[j].key })
	bw.WriteString(weightsMagic)
	var buf [binary.MaxVarintLen64]byte
	put := func(v uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	put(uint64(m.NClasses))
	put(uint64(len(slots)))
	binary.Write(bw, binary.LittleEndian, math.Float32bits(scale))
	for _, s := range slots {
		binary.Write(bw, binary.LittleEndian, s.key)
		put(uint64(s.count()))
		for _, e := range m.entries[s.start() : s.start()+s.count()] {
			put(uint64(e.class))
			binary.Write(bw, binary.LittleEndian, e.q)
		}
	}
	return 0, bw.Flush()
}

// ReadWeights loads weights written by WriteTo.
func ReadWeights(r io.Reader) (*Weights, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	magic := make([]byte, len(weightsMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != weightsMagic {
		return nil, errors.New("not a tidings weights file")
	}
	nClasses, err := binary.ReadUvarint(br)
	if err != nil {
		return nil, fmt.Errorf("weights header: %w", err)
	}
	if nClasses > maxClasses {
		return nil, fmt.Errorf("weights header: %d classes, more than %d", nClasses, maxClasses)
	}
	nFeats, err := binary.ReadUvarint(br)
	if err != nil || nFeats > 1<<28 {
		return nil, fmt.Errorf("weights header: bad feature count")
	}
	var scaleBits uint32
	if err := binary.Read(br, binary.LittleEndian, &scaleBits); err != nil {
		return nil, fmt.Errorf("weights header: %w", err)
	}
	scale := math.Float32frombits(scaleBits)
	b := newWeightsBuilder(int(nClasses), int(nFeats))
	var cls []uint16
	var ws []float32
	var b4 [4]byte
	var b2 [2]byte
	for i := uint64(0); i < nFeats; i++ {
		if _, err := io.ReadFull(br, b4[:]); err != nil {
			return nil, fmt.Errorf("weights: feature %d: %w", i, err)
		}
		f := uint64(binary.LittleEndian.Uint32(b4[:]))
		n, err := binary.ReadUvarint(br)
		if err != nil || n > nClasses {
			return nil, fmt.Errorf("weights: feature %d: bad entry count", i)
		}
		cls, ws = cls[:0], ws[:0]
		for j := uint64(0); j < n; j++ {
			c, err := binary.ReadUvarint(br)
			if err != nil || c >= nClasses {
				return nil, fmt.Errorf("weights: feature %d: bad class", i)
			}
			if _, err := io.ReadFull(br, b2[:]); err != nil {
				return nil, fmt.Errorf("weights: feature %d: %w", i, err)
			}
			cls = append(cls, uint16(c))
			ws = append(ws, float32(int16(binary.LittleEndian.Uint16(b2[:])))*scale)
		}
		b.add(f, cls, ws)
	}
	return b.build(), nil
}

// Pruned returns a copy without the entries whose weight magnitude is
// below min, and without features left with no entries: a smaller model
// at a small cost in accuracy.
func (m *Weights) Pruned(min float32) *Weights {
	var slots []slot
	for _, s := range m.slots {
		if s.key != 0 {
			slots = append(slots, s)
		}
	}
	sort.Slice(slots, func(i, j int) bool { return slots[i].key < slots[j].key })
	b := newWeightsBuilder(m.NClasses, len(slots))
	var cls []uint16
	var ws []float32
	for _, s := range slots {
		cls, ws = cls[:0], ws[:0]
		for _, e := range m.entries[s.start() : s.start()+s.count()] {
			if w := float32(e.q) * m.scale; w >= min || w <= -min {
				cls = append(cls, e.class)
				ws = append(ws, w)
			}
		}
		if len(cls) > 0 {
			b.add(uint64(s.key), cls, ws)
		}
	}
	return b.build()
}
