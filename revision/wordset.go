package revision

import "hash/maphash"

// wordSet is the set of words one text has met, for SearchWords: open
// addressing over a table a power of two long, at least twice the text's
// tokens, kept in a pool with its scratch. A map[string]bool cleared and
// refilled for every stored page cost two hashes a new word (the look-up,
// then the insert) and a third of finding a page's search words.
type wordSet struct {
	slots []int32 // 1 + an index into words; 0 is empty
	words []string
	keep  []bool // the word is no stop word
}

// wordSeed hashes the words of every set; a set lives for one text, so
// one seed for the process does.
var wordSeed = maphash.MakeSeed()

// reset empties the set for a text of n tokens.
func (s *wordSet) reset(n int) {
	size := 64
	for size < 2*n {
		size *= 2
	}
	if cap(s.slots) >= size {
		s.slots = s.slots[:size]
		clear(s.slots)
	} else {
		s.slots = make([]int32, size)
	}
	clear(s.words) // let go of the last text's words
	s.words, s.keep = s.words[:0], s.keep[:0]
}

// add puts w in the set and reports whether it was not there before,
// and whether it is no stop word (as decided the first time w came).
func (s *wordSet) add(w string) (isNew, keep bool) {
	h := maphash.String(wordSeed, w)
	mask := uint64(len(s.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		at := s.slots[i]
		if at == 0 {
			keep = !stopTable.has(h, w)
			s.words, s.keep = append(s.words, w), append(s.keep, keep)
			s.slots[i] = int32(len(s.words))
			return true, keep
		}
		if s.words[at-1] == w {
			return false, s.keep[at-1]
		}
	}
}

// stopTable is stopWords for wordSet: an open-addressed table of them
// under wordSeed, so that asking whether a new word is a stop word takes
// the hash the set made of it already (the map's own hash of every new
// word of every page was a seventh of finding a page's words).
var stopTable = func() hashTable {
	n := 1
	for n < 4*len(stopWords) {
		n *= 2
	}
	t := hashTable{slots: make([]string, n)}
	for w := range stopWords {
		t.put(maphash.String(wordSeed, w), w)
	}
	return t
}()

// hashTable is a fixed set of non-empty strings under wordSeed.
type hashTable struct{ slots []string }

func (t *hashTable) put(h uint64, w string) {
	mask := uint64(len(t.slots) - 1)
	i := h & mask
	for t.slots[i] != "" {
		i = (i + 1) & mask
	}
	t.slots[i] = w
}

// has reports whether w, whose hash is h, is in the table.
func (t *hashTable) has(h uint64, w string) bool {
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; t.slots[i] != ""; i = (i + 1) & mask {
		if t.slots[i] == w {
			return true
		}
	}
	return false
}
