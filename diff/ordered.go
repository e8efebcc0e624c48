package diff

import (
	"time"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// ordered finds identical paragraphs in order: go-diff over paragraphs
// mapped to runes (an LCS by Myers' algorithm). A paragraph found on one
// side only can never be part of that match, so those are left out
// before Myers runs: on unrelated or much rewritten texts they are most
// of the input, and Myers' cost grows with the edits between the
// sequences it is given.
func (al *aligner) ordered() {
	ia, ib, ra, rb, ok := bothSides(al.a, al.b)
	if !ok {
		return
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = max(time.Until(al.deadline)/4, time.Millisecond)
	i, j := 0, 0
	for _, d := range dmp.DiffMainRunes(ra, rb, false) {
		n := len([]rune(d.Text))
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			for k := 0; k < n; k++ {
				al.add(unit{oldAt: ia[i+k], newAt: ib[j+k], kind: kindEqual})
			}
			i, j = i+n, j+n
		case diffmatchpatch.DiffDelete:
			i += n
		case diffmatchpatch.DiffInsert:
			j += n
		}
	}
}

// bothSides lists the positions of the paragraphs of a and of b whose
// text occurs on the other side too, and those paragraphs as runes, a
// rune a text, the runes a runeCodec gives them in reading order; ok is
// false when there are more such texts than runes. Each paragraph is
// looked up once: a set of each side's texts and a codec for the texts
// of both was three look-ups a paragraph, each hashing a whole
// paragraph, and a tenth of an update summary's diff.
func bothSides(a, b []string) (ia, ib []int, ra, rb []rune, ok bool) {
	ids := make(map[string]int32, len(a)+len(b))
	idOf := func(t string) int32 {
		id, seen := ids[t]
		if !seen {
			id = int32(len(ids))
			ids[t] = id
		}
		return id
	}
	idA := make([]int32, len(a))
	for i, t := range a {
		idA[i] = idOf(t)
	}
	onA := int32(len(ids)) // the ids below are texts of a
	onB := make([]bool, onA)
	idB := make([]int32, len(b))
	for j, t := range b {
		idB[j] = idOf(t)
		if idB[j] < onA {
			onB[idB[j]] = true
		}
	}
	// The runes a runeCodec would give the texts, in the order it would
	// meet them, without its map: each text has its id already.
	c := newRuneCodec()
	runes := make([]rune, onA) // 0 until given
	runeOf := func(id int32, t string) rune {
		switch {
		case runes[id] != 0:
		case t == " ":
			runes[id] = ' '
		default:
			runes[id] = c.alloc()
		}
		return runes[id]
	}
	for i, id := range idA {
		if onB[id] {
			ia, ra = append(ia, i), append(ra, runeOf(id, a[i]))
		}
	}
	for j, id := range idB {
		if id < onA {
			ib, rb = append(ib, j), append(rb, runeOf(id, b[j]))
		}
	}
	return ia, ib, ra, rb, !c.full
}
