package diff

import (
	"slices"
	"sort"
	"time"
)

// Thresholds for pairing paragraphs that are not identical. Below them
// an old and a new paragraph are a delete and an insert, never a change.
const (
	minPairSim  = 0.5 // word-set Dice for an edited paragraph
	minLeadSim  = 0.3 // the lead slot: leads are recast, their facts stay
	minSplitSim = 0.8 // an old paragraph against two new ones (or back)
	maxPostings = 64  // word-pair postings read per pair when pairing
	// maxPairParas is the paragraphs per side beyond which pairing stops:
	// far beyond any wire story (a 1 MB page has about 5,000), it bounds
	// only pathological input, which the deadline bounds too.
	maxPairParas = 100000
)

// unit is an aligned group: one old and one new paragraph, or one old
// paragraph split in two new ones (split), or two old merged in one new.
type unit struct {
	oldAt, newAt int // first paragraph on each side
	kind         unitKind
	inOrder      bool
	cutNew       bool // kindPartial: the new paragraph is the partial one
	cutAt        int  // kindPartial: where the partial text stops in the whole
}

type unitKind int

const (
	kindEqual   unitKind = iota // same text, found by the ordered match
	kindSame                    // same text, found out of order
	kindEdit                    // similar text
	kindSplit                   // old oldAt -> new newAt, newAt+1
	kindMerge                   // old oldAt, oldAt+1 -> new newAt
	kindPartial                 // the partial last paragraph of a cut-off page and its whole
)

func (u unit) oldEnd() int { return u.oldAt + b2i(u.kind == kindMerge) }
func (u unit) newEnd() int { return u.newAt + b2i(u.kind == kindSplit) }

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// aligner holds the state of one paragraph alignment.
type aligner struct {
	a, b       []string
	oldU, newU []int // unit index per paragraph, -1 when unaligned
	units      []unit
	deadline   time.Time
	voc        *vocab
	codec      *runeCodec     // tokens as runes for the word diffs of all pairs
	ahead      map[int][]Word // word diffs by unit, done before emit (wordjobs.go)
	ids        [2][][]int32   // word ids per paragraph in reading order, filled lazily
	sets       [2][]idSet     // word sets per paragraph, filled lazily
}

// text returns old (side 0) or new (side 1) paragraph i.
func (al *aligner) text(side, i int) string {
	if side == 0 {
		return al.a[i]
	}
	return al.b[i]
}

// wordIDs returns the word ids of old (side 0) or new (side 1)
// paragraph i in reading order.
func (al *aligner) wordIDs(side, i int) []int32 {
	al.vocabulary()
	if al.ids[side][i] == nil {
		al.ids[side][i] = al.voc.words(al.text(side, i))
	}
	return al.ids[side][i]
}

// vocabulary makes the comparison's vocabulary and the tables of word
// ids and sets, once.
func (al *aligner) vocabulary() {
	if al.voc != nil {
		return
	}
	size := 0
	for _, p := range al.a {
		size += len(p)
	}
	for _, p := range al.b {
		size += len(p)
	}
	al.voc = newVocab(size)
	al.ids[0], al.ids[1] = make([][]int32, len(al.a)), make([][]int32, len(al.b))
	al.sets[0], al.sets[1] = make([]idSet, len(al.a)), make([]idSet, len(al.b))
}

// set returns the word set of old (side 0) or new (side 1) paragraph i.
func (al *aligner) set(side, i int) idSet {
	ws := al.wordIDs(side, i)
	if al.sets[side][i] == nil {
		al.sets[side][i] = setOf(slices.Clone(ws))
	}
	return al.sets[side][i]
}

// alignParas aligns old paragraphs a with new paragraphs b and returns
// the entries in reading order. cutOld and cutNew say that the last
// paragraph of that side is partial, its page cut off inside it.
func alignParas(a, b []string, cutOld, cutNew bool, deadline time.Time) []Para {
	al := aligned(a, b, cutOld, cutNew, deadline)
	al.diffWordsAhead()
	return al.emit()
}

// aligned is the alignment of a and b, its entries not yet written.
func aligned(a, b []string, cutOld, cutNew bool, deadline time.Time) *aligner {
	al := &aligner{a: a, b: b, deadline: deadline,
		oldU: fill(len(a), -1), newU: fill(len(b), -1)}
	al.ordered()
	al.sameText()
	al.partialPairs(cutOld, cutNew)
	if len(a) <= maxPairParas && len(b) <= maxPairParas {
		al.splitsAndMerges()
		al.edits()
	}
	al.order()
	return al
}

func fill(n, v int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = v
	}
	return s
}

func (al *aligner) add(u unit) {
	idx := len(al.units)
	al.units = append(al.units, u)
	for i := u.oldAt; i <= u.oldEnd(); i++ {
		al.oldU[i] = idx
	}
	for j := u.newAt; j <= u.newEnd(); j++ {
		al.newU[j] = idx
	}
}

// sameText pairs identical paragraphs left over by the ordered match:
// paragraphs that moved.
func (al *aligner) sameText() {
	free := map[string][]int{}
	for j, t := range al.b {
		if al.newU[j] < 0 {
			free[t] = append(free[t], j)
		}
	}
	for i, t := range al.a {
		if al.oldU[i] >= 0 || len(free[t]) == 0 {
			continue
		}
		j := free[t][0]
		free[t] = free[t][1:]
		al.add(unit{oldAt: i, newAt: j, kind: kindSame})
	}
}

// order marks the units that keep their relative order (the longest
// increasing run of new positions taken in old order); the rest moved.
func (al *aligner) order() {
	idx := make([]int, len(al.units))
	for k := range idx {
		idx[k] = k
	}
	sort.Slice(idx, func(x, y int) bool { return al.units[idx[x]].oldAt < al.units[idx[y]].oldAt })
	// Patience sorting: tails[k] is the unit ending the best run of k+1.
	var tails []int
	prev := make([]int, len(idx))
	for p, k := range idx {
		nj := al.units[k].newAt
		lo := sort.Search(len(tails), func(t int) bool { return al.units[idx[tails[t]]].newAt >= nj })
		if lo > 0 {
			prev[p] = tails[lo-1]
		} else {
			prev[p] = -1
		}
		if lo == len(tails) {
			tails = append(tails, p)
		} else {
			tails[lo] = p
		}
	}
	if len(tails) == 0 {
		return
	}
	for p := tails[len(tails)-1]; p >= 0; p = prev[p] {
		al.units[idx[p]].inOrder = true
	}
}

// emit walks the new revision and writes the entries in reading order:
// deleted paragraphs first in the gap between two paragraphs that kept
// their place, then what was inserted or moved there.
func (al *aligner) emit() []Para {
	// nextOld[j] is the old position of the first paragraph at or after
	// new j that kept its place: deletions before it belong to this gap.
	nextOld := make([]int, len(al.b)+1)
	nextOld[len(al.b)] = len(al.a)
	for j := len(al.b) - 1; j >= 0; j-- {
		nextOld[j] = nextOld[j+1]
		if k := al.newU[j]; k >= 0 && al.units[k].inOrder {
			nextOld[j] = al.units[k].oldAt
		}
	}
	// An entry per unit, deleted and inserted paragraph: grown from
	// nothing, this slice was the largest allocation of a long diff.
	n := len(al.units)
	for _, u := range al.oldU {
		n += b2i(u < 0)
	}
	for _, u := range al.newU {
		n += b2i(u < 0)
	}
	out := make([]Para, 0, n)
	i := 0
	flush := func(upTo int) {
		for ; i < upTo; i++ {
			if al.oldU[i] < 0 {
				out = append(out, Para{Op: OpDelete, Old: num(i), Text: al.a[i]})
			}
		}
	}
	for j := 0; j < len(al.b); j++ {
		k := al.newU[j]
		if k < 0 || !al.units[k].inOrder {
			flush(nextOld[j])
		}
		if k < 0 {
			out = append(out, Para{Op: OpInsert, New: num(j), Text: al.b[j]})
			continue
		}
		u := al.units[k]
		if j != u.newAt {
			continue // second half of a split, written with the first
		}
		if u.inOrder {
			flush(u.oldAt)
			i = max(i, u.oldEnd()+1)
		}
		out = append(out, al.entries(k)...)
	}
	flush(len(al.a))
	if len(out) == 0 {
		return nil // as before the slice was made ahead
	}
	return out
}

// entries renders unit k.
func (al *aligner) entries(k int) []Para {
	u := al.units[k]
	op := OpChange
	if !u.inOrder {
		op = OpMove
	}
	switch u.kind {
	case kindEqual, kindSame:
		if u.inOrder {
			op = OpEqual
		}
		return []Para{{Op: op, Old: num(u.oldAt), New: num(u.newAt), Text: al.b[u.newAt]}}
	case kindEdit:
		return []Para{{Op: op, Old: num(u.oldAt), New: num(u.newAt), Text: al.b[u.newAt], Words: al.unitWords(k)}}
	case kindPartial:
		return []Para{al.partialEntry(u)}
	case kindSplit:
		w1, w2 := cut(al.unitWords(k), len(al.b[u.newAt]), OpInsert)
		return []Para{
			{Op: op, Old: num(u.oldAt), New: num(u.newAt), Text: al.b[u.newAt], Words: w1, Split: true},
			{Op: op, Old: num(u.oldAt), New: num(u.newAt + 1), Text: al.b[u.newAt+1], Words: w2, Split: true},
		}
	default: // kindMerge
		w1, w2 := cut(al.unitWords(k), len(al.a[u.oldAt]), OpDelete)
		return []Para{
			{Op: op, Old: num(u.oldAt), New: num(u.newAt), Text: NewText(w1), Words: w1, Merge: true},
			{Op: op, Old: num(u.oldAt + 1), New: num(u.newAt), Text: NewText(w2), Words: w2, Merge: true},
		}
	}
}

// words diffs two paragraphs, or replaces one with the other when the
// comparison has used up its time.
func (al *aligner) words(old, new string) []Word {
	if time.Now().After(al.deadline) {
		return replaceWords(old, new)
	}
	if al.codec == nil {
		al.codec = al.newCodec()
	}
	return wordsWith(al.codec, old, new)
}

// newCodec is the comparison's codec, made for the tokens of the
// paragraphs it will word-diff, about one new token for every 16 bytes
// of them on update pairs: grown from empty, a doubling at a time, its
// map and token list were a twentieth of what an update's diff
// allocated. A long text repeats its words, so the room made ahead
// stops at 4,096 tokens.
func (al *aligner) newCodec() *runeCodec {
	size := 0
	for _, u := range al.units {
		if u.kind == kindEdit || u.kind == kindSplit || u.kind == kindMerge {
			size += len(al.a[u.oldAt]) + len(al.b[u.newAt])
		}
	}
	n := min(size/16, 1<<12)
	return &runeCodec{ids: make(map[string]rune, n), tokens: make([]string, 0, n), next: 0xE000}
}

func num(i int) *int { n := i + 1; return &n }
