package diff

import (
	"sort"
	"strings"
	"time"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Thresholds for pairing paragraphs that are not identical. Below them
// an old and a new paragraph are a delete and an insert, never a change.
const (
	minPairSim  = 0.5  // word-set Dice for an edited paragraph
	minLeadSim  = 0.3  // the lead slot: leads are recast, their facts stay
	minSplitSim = 0.8  // an old paragraph against two new ones (or back)
	maxPostings = 64   // word-pair postings read per pair when pairing
	bigLimit    = 4000 // paragraphs per side beyond which pairing stops
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
	sets       [2][]map[string]bool // word sets per paragraph, filled lazily
}

// set returns the word set of old (side 0) or new (side 1) paragraph i.
func (al *aligner) set(side, i int) map[string]bool {
	if al.sets[side] == nil {
		al.sets[0], al.sets[1] = make([]map[string]bool, len(al.a)), make([]map[string]bool, len(al.b))
	}
	if al.sets[side][i] == nil {
		text := al.a
		if side == 1 {
			text = al.b
		}
		al.sets[side][i] = wordSet(text[i])
	}
	return al.sets[side][i]
}

// alignParas aligns old paragraphs a with new paragraphs b and returns
// the entries in reading order. cutOld and cutNew say that the last
// paragraph of that side is partial, its page cut off inside it.
func alignParas(a, b []string, cutOld, cutNew bool, deadline time.Time) []Para {
	al := &aligner{a: a, b: b, deadline: deadline,
		oldU: fill(len(a), -1), newU: fill(len(b), -1)}
	al.ordered()
	al.sameText()
	al.partialPairs(cutOld, cutNew)
	if len(a) <= bigLimit && len(b) <= bigLimit {
		al.splitsAndMerges()
		al.edits()
	}
	al.order()
	return al.emit()
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

// ordered finds identical paragraphs in order: go-diff over paragraphs
// mapped to runes (an LCS by Myers' algorithm).
func (al *aligner) ordered() {
	c := newRuneCodec()
	ra, rb := c.encode(al.a), c.encode(al.b)
	if c.full {
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
				al.add(unit{oldAt: i + k, newAt: j + k, kind: kindEqual})
			}
			i, j = i+n, j+n
		case diffmatchpatch.DiffDelete:
			i += n
		case diffmatchpatch.DiffInsert:
			j += n
		}
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

// splitsAndMerges finds an old paragraph now written as two consecutive
// new ones, and two consecutive old paragraphs now written as one. The
// whole must start with the first part's opening words, which rules out
// almost every pair before any word set is built.
func (al *aligner) splitsAndMerges() {
	for i := range al.a {
		for j := 0; j+1 < len(al.b) && al.oldU[i] < 0; j++ {
			if al.newU[j] < 0 && al.newU[j+1] < 0 && sameStart(al.a[i], al.b[j]) &&
				al.joinedLike(al.set(0, i), al.set(1, j), al.set(1, j+1)) {
				al.add(unit{oldAt: i, newAt: j, kind: kindSplit})
			}
		}
	}
	for j := range al.b {
		for i := 0; i+1 < len(al.a) && al.newU[j] < 0; i++ {
			if al.oldU[i] < 0 && al.oldU[i+1] < 0 && sameStart(al.b[j], al.a[i]) &&
				al.joinedLike(al.set(1, j), al.set(0, i), al.set(0, i+1)) {
				al.add(unit{oldAt: i, newAt: j, kind: kindMerge})
			}
		}
	}
}

// joinedLike reports whether a paragraph with words whole reads as the
// paragraphs with words part1 and part2 together.
func (al *aligner) joinedLike(whole, part1, part2 map[string]bool) bool {
	if containment(part1, whole) < minSplitSim || containment(part2, whole) < minSplitSim {
		return false
	}
	both := make(map[string]bool, len(part1)+len(part2))
	for w := range part1 {
		both[w] = true
	}
	for w := range part2 {
		both[w] = true
	}
	return dice(whole, both) >= minSplitSim
}

// sameStart reports whether whole opens with part's first three words.
func sameStart(whole, part string) bool {
	end, words := 0, 0
	for end < len(part) && words < 3 {
		sp := strings.IndexByte(part[end:], ' ')
		if sp < 0 {
			end = len(part)
			break
		}
		end += sp + 1
		words++
	}
	return strings.HasPrefix(whole, strings.TrimRight(part[:end], " "))
}

// edits pairs the remaining paragraphs by word similarity, best pairs
// first. Few leftovers are compared all against all; many are compared
// only when they share a pair of consecutive words, so unrelated
// paragraphs of long texts are not even compared.
func (al *aligner) edits() {
	var olds, news []int
	for i := range al.a {
		if al.oldU[i] < 0 {
			olds = append(olds, i)
		}
	}
	for j := range al.b {
		if al.newU[j] < 0 {
			news = append(news, j)
		}
	}
	type cand struct {
		i, j int
		sim  float64
	}
	var cands []cand
	consider := func(i, j int) {
		s := dice(al.set(0, i), al.set(1, j))
		if s >= minPairSim || i == 0 && j == 0 && s >= minLeadSim {
			cands = append(cands, cand{i, j, s})
		}
	}
	if len(olds)*len(news) <= 1024 {
		for _, i := range olds {
			for _, j := range news {
				consider(i, j)
			}
		}
	} else {
		post := map[string][]int{}
		for _, j := range news {
			for _, bg := range bigrams(al.b[j]) {
				post[bg] = append(post[bg], j)
			}
		}
		for _, i := range olds {
			if time.Now().After(al.deadline) {
				break
			}
			seen := map[int]bool{}
			for _, bg := range bigrams(al.a[i]) {
				if ps := post[bg]; len(ps) <= maxPostings {
					for _, j := range ps {
						if !seen[j] {
							seen[j] = true
							consider(i, j)
						}
					}
				}
			}
		}
	}
	sort.Slice(cands, func(x, y int) bool {
		if cands[x].sim != cands[y].sim {
			return cands[x].sim > cands[y].sim
		}
		return cands[x].i < cands[y].i || cands[x].i == cands[y].i && cands[x].j < cands[y].j
	})
	for _, c := range cands {
		if al.oldU[c.i] < 0 && al.newU[c.j] < 0 {
			al.add(unit{oldAt: c.i, newAt: c.j, kind: kindEdit})
		}
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
	var out []Para
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
		out = append(out, al.entries(u)...)
	}
	flush(len(al.a))
	return out
}

// entries renders one unit.
func (al *aligner) entries(u unit) []Para {
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
		return []Para{{Op: op, Old: num(u.oldAt), New: num(u.newAt), Text: al.b[u.newAt], Words: al.words(al.a[u.oldAt], al.b[u.newAt])}}
	case kindPartial:
		return []Para{al.partialEntry(u)}
	case kindSplit:
		w1, w2 := cut(al.words(al.a[u.oldAt], al.b[u.newAt]+" "+al.b[u.newAt+1]), len(al.b[u.newAt]), OpInsert)
		return []Para{
			{Op: op, Old: num(u.oldAt), New: num(u.newAt), Text: al.b[u.newAt], Words: w1, Split: true},
			{Op: op, Old: num(u.oldAt), New: num(u.newAt + 1), Text: al.b[u.newAt+1], Words: w2, Split: true},
		}
	default: // kindMerge
		w1, w2 := cut(al.words(al.a[u.oldAt]+" "+al.a[u.oldAt+1], al.b[u.newAt]), len(al.a[u.oldAt]), OpDelete)
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
	return Words(old, new)
}

func num(i int) *int { n := i + 1; return &n }
