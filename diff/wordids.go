package diff

import (
	"slices"
	"strings"
)

// Pairing compares every left-over paragraph with its candidates, so on a
// long text it compares word sets hundreds of thousands of times. Sets of
// strings in maps spent that time hashing words; here each distinct
// lower-cased word gets a small integer once per comparison, a paragraph's
// words are a sorted slice of those integers, and two sets meet by a merge
// that touches each element once and allocates nothing.

// vocab numbers the distinct lower-cased words of one comparison.
type vocab struct {
	ids map[string]int32
}

func newVocab() *vocab { return &vocab{ids: map[string]int32{}} }

// words lists the ids of s's words in reading order.
func (v *vocab) words(s string) []int32 {
	out := make([]int32, 0, len(s)/6+1)
	eachToken(strings.ToLower(s), func(t string) {
		if !isWord(t) {
			return
		}
		id, ok := v.ids[t]
		if !ok {
			id = int32(len(v.ids))
			v.ids[t] = id
		}
		out = append(out, id)
	})
	return out
}

// idSet is a set of word ids, sorted and without repeats.
type idSet []int32

// setOf makes the set of a paragraph's word ids (it sorts ws in place).
func setOf(ws []int32) idSet {
	slices.Sort(ws)
	return idSet(slices.Compact(ws))
}

// common counts the ids in both sets.
func (a idSet) common(b idSet) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// dice is 2|A∩B|/(|A|+|B|).
func (a idSet) dice(b idSet) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	return 2 * float64(a.common(b)) / float64(len(a)+len(b))
}

// containment is the share of a's words found in b.
func (a idSet) containment(b idSet) float64 {
	if len(a) == 0 {
		return 0
	}
	return float64(a.common(b)) / float64(len(a))
}

// union is the set of the ids in either set.
func (a idSet) union(b idSet) idSet {
	out := make(idSet, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i] < b[j]:
			out = append(out, a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}

// maxDiceRatio is how much larger one set may be than the other and still
// reach a Dice of minPairSim: 2·min/(min+max) >= s needs max <= (2/s-1)·min.
// Pairs further apart in size are not compared at all.
func maxDiceRatio(s float64) float64 { return 2/s - 1 }

// bigramKeys lists the distinct pairs of consecutive words of a text as
// integers, the keys under which paragraphs find their candidates; a text
// of one word gives that word.
func bigramKeys(ws []int32) []uint64 {
	if len(ws) == 1 {
		return []uint64{uint64(uint32(ws[0]))}
	}
	out := make([]uint64, 0, len(ws))
	for i := 0; i+1 < len(ws); i++ {
		out = append(out, uint64(uint32(ws[i]))<<32|uint64(uint32(ws[i+1]))|1<<63)
	}
	slices.Sort(out)
	return slices.Compact(out)
}
