package diff

import "sync"

// parallelNumbering is the text, in bytes, from which numberSides reads
// the two sides' words at once: below it, starting a goroutine and
// merging two vocabularies cost more than they save. Tests set it past
// any text to read the sides in turn.
var parallelNumbering = 256 << 10

// numberSides gives the paragraphs olds (old side) and news (new side)
// their word ids. Numbering every word of two long texts is most of
// comparing them when they have little in common (57% of two unrelated
// 1 MB texts, a map look-up a word), and a diff runs on one core of
// several: so each side is read on a core of its own into a vocabulary
// of its own, and the two are merged into the comparison's, which then
// meets each distinct word once rather than every word. The ids differ
// from those of reading the sides in turn, and nothing depends on their
// order (TestNumberSidesAsInTurn).
func (al *aligner) numberSides(olds, news []int) {
	al.vocabulary()
	todo := [2][]int{al.unnumbered(0, olds), al.unnumbered(1, news)}
	var sizes [2]int
	for side, at := range todo {
		for _, i := range at {
			sizes[side] += len(al.text(side, i))
		}
	}
	if sizes[0]+sizes[1] < parallelNumbering || len(todo[0]) == 0 || len(todo[1]) == 0 {
		for side, at := range todo {
			for _, i := range at {
				al.wordIDs(side, i)
			}
		}
		return
	}
	var locals [2]*vocab
	var ids [2][][]int32
	var wg sync.WaitGroup
	for side, at := range todo {
		wg.Go(func() {
			v := newVocab(sizes[side])
			ids[side] = make([][]int32, len(at))
			for k, i := range at {
				ids[side][k] = v.words(al.text(side, i))
			}
			locals[side] = v
		})
	}
	wg.Wait()
	for side, at := range todo {
		global := al.voc.merge(locals[side])
		for k, i := range at {
			ws := ids[side][k]
			for x, w := range ws {
				ws[x] = global[w]
			}
			al.ids[side][i] = ws
		}
	}
}

// unnumbered lists the paragraphs of at whose words have no ids yet.
func (al *aligner) unnumbered(side int, at []int) []int {
	var out []int
	for _, i := range at {
		if al.ids[side][i] == nil {
			out = append(out, i)
		}
	}
	return out
}

// merge numbers every word of local in v, in local's order, and returns
// the id in v of each id of local.
func (v *vocab) merge(local *vocab) []int32 {
	byID := make([]string, local.len())
	for w, id := range local.ids {
		byID[id] = w
	}
	out := make([]int32, len(byID))
	for id, w := range byID {
		out[id] = v.id(w)
	}
	return out
}
