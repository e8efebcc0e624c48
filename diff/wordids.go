package diff

import (
	"slices"
	"strings"

	"lede/revision"
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
	buf []byte // a word lower-cased, for lookups that allocate nothing
}

// newVocab makes a vocabulary for texts of about size bytes in all. The
// map is made large enough at once: growing it a doubling at a time was
// a tenth of a comparison of two unrelated 1 MB texts. The bundled pages
// joined into 1 MB have one distinct word per 127 bytes, a short story
// one per 10-20 bytes.
func newVocab(size int) *vocab {
	return &vocab{ids: make(map[string]int32, min(size/128+128, 1<<20))}
}

// words lists the ids of s's words in reading order: the tokens of
// tokenize(strings.ToLower(s)) that isWord accepts. Reading every
// paragraph of both texts this way was a third of a comparison of two
// unrelated 1 MB texts, most of it calls through eachToken's callback
// and strings.ToLower's copy, so text all in ASCII, as most wire copy
// is, takes a loop of its own that finds the same words
// (TestVocabWordsAsTokenize).
func (v *vocab) words(s string) []int32 {
	out := make([]int32, 0, len(s)/6+1)
	if !isASCII(s) {
		eachToken(strings.ToLower(s), func(t string) {
			if isWord(t) {
				out = append(out, v.id(t))
			}
		})
		return out
	}
	return v.asciiWords(s, out)
}

// asciiWords appends the ids of the words of s, all ASCII, to out.
func (v *vocab) asciiWords(s string, out []int32) []int32 {
	for i := 0; i < len(s); {
		if !asciiWord[s[i]] {
			i++ // white space or a single other character: never a word
			continue
		}
		j, upper := i, false
		for j < len(s) {
			c := s[j]
			if asciiWord[c] {
				upper = upper || c <= 'Z' && c >= 'A'
				j++
				continue
			}
			if (c == '-' || c == '\'' || c == '.' || c == ',') && j+1 < len(s) && asciiWord[s[j+1]] {
				j++ // joins the word characters on both sides
				continue
			}
			break
		}
		if upper {
			out = append(out, v.lowerID(s[i:j]))
		} else {
			out = append(out, v.id(s[i:j]))
		}
		i = j
	}
	return out
}

// len is the number of distinct words numbered.
func (v *vocab) len() int { return len(v.ids) }

// id is the number of the lower-cased word w, given it if new.
func (v *vocab) id(w string) int32 {
	id, ok := v.ids[w]
	if !ok {
		id = int32(len(v.ids))
		v.ids[w] = id
	}
	return id
}

// lowerID is id of the ASCII word w lower-cased.
func (v *vocab) lowerID(w string) int32 {
	v.buf = v.buf[:0]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		v.buf = append(v.buf, c)
	}
	if id, ok := v.ids[string(v.buf)]; ok {
		return id
	}
	return v.id(string(v.buf))
}

// asciiWord marks the ASCII bytes isWordRune accepts.
var asciiWord = func() (t [256]bool) {
	for c := range 128 {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// idSet is a set of word ids, sorted and without repeats.
type idSet []int32

// setOf makes the set of a paragraph's word ids (it sorts ws in place).
func setOf(ws []int32) idSet {
	slices.Sort(ws)
	return idSet(slices.Compact(ws))
}

// common counts the ids in both sets.
func (a idSet) common(b idSet) int { return revision.CommonSorted(a, b) }

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

// bigramKeys appends to dst the pairs of consecutive words of a text as
// integers, in reading order and with repeats, the keys under which
// paragraphs find their candidates; a text of one word gives that word.
// A pair with a word that has no mark in other (the words of the other
// side) is left out: no paragraph there can share it. nil marks every
// word.
func bigramKeys(dst []uint64, ws []int32, other []bool) []uint64 {
	has := func(w int32) bool { return other == nil || int(w) < len(other) && other[w] }
	if len(ws) == 1 {
		if !has(ws[0]) {
			return dst
		}
		return append(dst, uint64(uint32(ws[0])))
	}
	for i := 0; i+1 < len(ws); i++ {
		if has(ws[i]) && has(ws[i+1]) {
			dst = append(dst, uint64(uint32(ws[i]))<<32|uint64(uint32(ws[i+1]))|1<<63)
		}
	}
	return dst
}
