package revision

import (
	"slices"
	"sync"
)

// SketchSize is the number of hashes a Sketch keeps. 64 hashes estimate
// the overlap of two bodies within about five percent (texts of fewer
// shingles are compared exactly) and cost 256 bytes; 128 gave the same
// grouping on the labelled and the synthetic corpus at twice the cost.
const SketchSize = 64

// shingleWords is the shingle length in words. Three-word shingles survive
// small rewordings around them yet rarely collide across stories.
const shingleWords = 3

// Sketch is a bottom-k summary of a text's word shingles: the SketchSize
// smallest shingle hashes, sorted, and the number of distinct shingles.
// Two sketches estimate how much of one text the other contains without
// keeping either text.
type Sketch struct {
	N   int      `json:"n"`
	Min []uint32 `json:"min"`
}

// SketchOf sketches the paragraphs given. It runs on every stored page,
// and its buffers (the lowered words, their spans, the shingle hashes)
// were 7% of what an ingest allocated, so they come from a pool and only
// the sketch itself is new.
func SketchOf(paras []string) Sketch {
	sk := sketcherPool.Get().(*sketcher)
	defer sk.release()
	for _, p := range paras {
		sk.addWords(p)
	}
	if len(sk.words) == 0 {
		return Sketch{}
	}
	words := sk.words
	hs := sk.hashes[:0]
	if len(words) < shingleWords {
		hs = append(hs, sk.hash(words))
	}
	for i := 0; i+shingleWords <= len(words); i++ {
		hs = append(hs, sk.hash(words[i:i+shingleWords]))
	}
	hs, sk.spare = radixSort(hs, sk.spare)
	hs = slices.Compact(hs)
	sk.hashes = hs
	return Sketch{N: len(hs), Min: slices.Clone(hs[:min(len(hs), SketchSize)])}
}

var sketcherPool = sync.Pool{New: func() any { return new(sketcher) }}

// keepSketcher bounds the buffers a sketcher goes back to the pool with:
// a huge page's are let go.
const keepSketcher = 1 << 16

// release empties sk and puts it back in the pool.
func (sk *sketcher) release() {
	if cap(sk.buf) > 8*keepSketcher || cap(sk.words) > keepSketcher || cap(sk.spare) > 2*keepSketcher {
		return
	}
	sk.buf, sk.words, sk.hashes, sk.spare = sk.buf[:0], sk.words[:0], sk.hashes[:0], sk.spare[:0]
	sketcherPool.Put(sk)
}

// sketcher holds a text's words, lower-cased into one buffer, as spans of
// it: sketching a page then allocates a few slices, not a string a word.
type sketcher struct {
	buf    []byte
	words  [][2]int32 // start and end in buf
	hashes []uint32   // SketchOf's shingle hashes
	spare  []uint32   // radixSort's other buffer
}

// addWords lower-cases a paragraph and splits it into runs of ASCII
// letters and digits (other characters separate words), keeping numbers,
// so that updated figures count as changed text.
func (sk *sketcher) addWords(p string) {
	start := -1
	for i := 0; i <= len(p); i++ {
		c := byte(0)
		if i < len(p) {
			c = p[i]
		}
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		default:
			if start >= 0 {
				sk.words = append(sk.words, [2]int32{int32(start), int32(len(sk.buf))})
				start = -1
			}
			continue
		}
		if start < 0 {
			start = len(sk.buf)
		}
		sk.buf = append(sk.buf, c)
	}
}

// hash is FNV-1a over the words, each followed by a zero byte.
func (sk *sketcher) hash(ws [][2]int32) uint32 {
	h := uint32(2166136261)
	for _, w := range ws {
		for _, c := range sk.buf[w[0]:w[1]] {
			h = (h ^ uint32(c)) * 16777619
		}
		h *= 16777619 // the zero byte
	}
	return h
}

// Jaccard estimates |A∩B|/|A∪B| from two sketches. Below the largest
// hash both sketches are complete up to, the sets are known exactly; the
// share of the union there that is in both estimates the whole. Texts
// with fewer than SketchSize shingles are compared exactly.
func (a Sketch) Jaccard(b Sketch) float64 {
	if a.N == 0 || b.N == 0 {
		return 0
	}
	// Both lists are sorted and free of repeats: the union below the
	// limit is what each holds below it, less what they share.
	am, bm := a.complete(b)
	both := CommonSorted(am, bm)
	union := len(am) + len(bm) - both
	return float64(both) / float64(max(union, 1))
}

// complete is the hashes of a and of b below the largest hash both
// sketches are complete up to.
func (a Sketch) complete(b Sketch) (am, bm []uint32) {
	limit := ^uint32(0)
	if a.N > len(a.Min) {
		limit = min(limit, a.Min[len(a.Min)-1])
	}
	if b.N > len(b.Min) {
		limit = min(limit, b.Min[len(b.Min)-1])
	}
	return a.Min[:upTo(a.Min, limit)], b.Min[:upTo(b.Min, limit)]
}

// CommonSorted counts the values two sorted lists without repeats share:
// sketches' hashes here, word ids in package diff. The merge steps
// without branches: which list steps next is a coin toss on hashes, so
// a branch was mispredicted half the time, and the loop took twice as
// long (Sketch.Jaccard was 9% of the store's ingest).
func CommonSorted[T uint32 | int32](a, b []T) int {
	i, j, both := 0, 0, 0
	for i < len(a) && j < len(b) {
		x, y := a[i], b[j]
		i += b2i(x <= y)
		j += b2i(y <= x)
		both += b2i(x == y)
	}
	return both
}

// b2i is 1 for true, compiled to a flag set rather than a branch.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// upTo is how many of the sorted hashes hs are at most limit.
func upTo(hs []uint32, limit uint32) int {
	n, found := slices.BinarySearch(hs, limit)
	if found {
		n++
	}
	return n
}

// Containment estimates how much of the smaller text the larger contains,
// |A∩B|/min(|A|,|B|). It is the right measure for updates, which keep an
// earlier version's paragraphs and add to them.
func (a Sketch) Containment(b Sketch) float64 {
	if min(a.N, b.N) == 0 {
		return 0
	}
	am, bm := a.complete(b)
	return a.containment(b, CommonSorted(am, bm), len(am), len(bm))
}

// containment is Containment for sketches whose complete hashes (na of
// a's, nb of b's) share both: the Jaccard estimate of the two sets,
// turned into how much of the smaller the larger holds.
func (a Sketch) containment(b Sketch, both, na, nb int) float64 {
	j := float64(both) / float64(max(na+nb-both, 1))
	c := j * float64(a.N+b.N) / ((1 + j) * float64(min(a.N, b.N)))
	return min(c, 1)
}

// containmentReaches is a.Containment(b) and whether it reaches the
// bound least, leaving the merge of the two sketches as soon as the hashes
// left to compare cannot bring it there (the value is then 0). The
// containment grows with the hashes the sketches share, so the bound is
// the containment of the shared hashes found so far plus every hash left
// on the shorter side, computed as Containment computes it.
func (a Sketch) containmentReaches(b Sketch, least float64) (float64, bool) {
	if min(a.N, b.N) == 0 {
		return 0, 0 >= least
	}
	am, bm := a.complete(b)
	i, k, both := 0, 0, 0
	for i < len(am) && k < len(bm) {
		// Now and then: the bound costs a division or two.
		if (i+k)%8 == 0 && a.containment(b, both+min(len(am)-i, len(bm)-k), len(am), len(bm)) < least {
			return 0, false
		}
		x, y := am[i], bm[k]
		i += b2i(x <= y)
		k += b2i(y <= x)
		both += b2i(x == y)
	}
	c := a.containment(b, both, len(am), len(bm))
	return c, c >= least
}

// radixSort sorts a in four passes of a byte each, through spare, and
// returns a sorted and the buffer it did not return (to keep for the
// next call). A page has a few hundred shingles, and sorting their hashes
// by comparison was half of sketching it; a short list is sorted as
// before.
func radixSort(a, spare []uint32) (sorted, other []uint32) {
	if len(a) < 64 {
		slices.Sort(a)
		return a, spare
	}
	if cap(spare) < len(a) {
		spare = make([]uint32, len(a))
	}
	src, dst := a, spare[:len(a)]
	for shift := uint(0); shift < 32; shift += 8 {
		var count [256]int
		for _, v := range src {
			count[byte(v>>shift)]++
		}
		at := 0
		for i, c := range count {
			count[i] = at
			at += c
		}
		for _, v := range src {
			b := byte(v >> shift)
			dst[count[b]] = v
			count[b]++
		}
		src, dst = dst, src
	}
	return src, dst // four passes: the result is back in a's array
}
