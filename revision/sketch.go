package revision

import (
	"hash/fnv"
	"slices"
	"strings"
)

// SketchSize is the number of hashes a Sketch keeps. 128 hashes estimate
// the overlap of two bodies within a few percent and cost 512 bytes.
const SketchSize = 128

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

// SketchOf sketches the paragraphs given.
func SketchOf(paras []string) Sketch {
	var words []string
	for _, p := range paras {
		words = append(words, textWords(p)...)
	}
	if len(words) == 0 {
		return Sketch{}
	}
	seen := make(map[uint32]bool)
	var hs []uint32
	add := func(ws []string) {
		h := fnv.New32a()
		for _, w := range ws {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		if v := h.Sum32(); !seen[v] {
			seen[v] = true
			hs = append(hs, v)
		}
	}
	if len(words) < shingleWords {
		add(words)
	}
	for i := 0; i+shingleWords <= len(words); i++ {
		add(words[i : i+shingleWords])
	}
	slices.Sort(hs)
	s := Sketch{N: len(hs), Min: hs}
	if len(hs) > SketchSize {
		s.Min = slices.Clone(hs[:SketchSize])
	}
	return s
}

// textWords lower-cases a paragraph and splits it into words, keeping
// numbers, so that updated figures count as changed text.
func textWords(p string) []string {
	return strings.Fields(nonWord.ReplaceAllString(strings.ToLower(p), " "))
}

// Jaccard estimates |A∩B|/|A∪B| from two sketches. Below the largest
// hash both sketches are complete up to, the sets are known exactly; the
// share of the union there that is in both estimates the whole. Texts
// with fewer than SketchSize shingles are compared exactly.
func (a Sketch) Jaccard(b Sketch) float64 {
	if a.N == 0 || b.N == 0 {
		return 0
	}
	limit := ^uint32(0)
	if a.N > len(a.Min) {
		limit = min(limit, a.Min[len(a.Min)-1])
	}
	if b.N > len(b.Min) {
		limit = min(limit, b.Min[len(b.Min)-1])
	}
	i, j, union, both := 0, 0, 0, 0
	for i < len(a.Min) || j < len(b.Min) {
		var v uint32
		inBoth := false
		switch {
		case j >= len(b.Min) || (i < len(a.Min) && a.Min[i] < b.Min[j]):
			v = a.Min[i]
			i++
		case i >= len(a.Min) || b.Min[j] < a.Min[i]:
			v = b.Min[j]
			j++
		default:
			v, inBoth = a.Min[i], true
			i++
			j++
		}
		if v > limit {
			break
		}
		union++
		if inBoth {
			both++
		}
	}
	return float64(both) / float64(max(union, 1))
}

// Containment estimates how much of the smaller text the larger contains,
// |A∩B|/min(|A|,|B|). It is the right measure for updates, which keep an
// earlier version's paragraphs and add to them.
func (a Sketch) Containment(b Sketch) float64 {
	j := a.Jaccard(b)
	small := min(a.N, b.N)
	if small == 0 {
		return 0
	}
	c := j * float64(a.N+b.N) / ((1 + j) * float64(small))
	return min(c, 1)
}
