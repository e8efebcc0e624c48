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
}

type unitKind int

const (
	kindEqual unitKind = iota // same text, found by the ordered match
	kindSame                  // same text, found out of order
	kindEdit                  // similar text
	kindSplit                 // old oldAt -> new newAt, newAt+1
	kindMerge                 // old oldAt, oldAt+1 -> new newAt
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
}

// alignParas aligns old paragraphs a with new paragraphs b and returns
// the entries in reading order.
func alignParas(a, b []string, deadline time.Time) []Para {
	al := &aligner{a: a, b: b, deadline: deadline,
		oldU: fill(len(a), -1), newU: fill(len(b), -1)}
	al.ordered()
	al.sameText()
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
// new ones, and two consecutive old paragraphs now written as one.
func (al *aligner) splitsAndMerges() {
	for i := range al.a {
		for j := 0; j+1 < len(al.b) && al.oldU[i] < 0; j++ {
			if al.newU[j] >= 0 || al.newU[j+1] >= 0 {
				continue
			}
			if joinedLike(al.a[i], al.b[j], al.b[j+1]) {
				al.add(unit{oldAt: i, newAt: j, kind: kindSplit})
			}
		}
	}
	for j := range al.b {
		for i := 0; i+1 < len(al.a) && al.newU[j] < 0; i++ {
			if al.oldU[i] >= 0 || al.oldU[i+1] >= 0 {
				continue
			}
			if joinedLike(al.b[j], al.a[i], al.a[i+1]) {
				al.add(unit{oldAt: i, newAt: j, kind: kindMerge})
			}
		}
	}
}

// joinedLike reports whether whole reads as part1 followed by part2.
func joinedLike(whole, part1, part2 string) bool {
	if !strings.HasPrefix(whole, firstWords(part1, 3)) {
		return false
	}
	w := wordSet(whole)
	return dice(w, wordSet(part1+" "+part2)) >= minSplitSim &&
		containment(wordSet(part1), w) >= minSplitSim && containment(wordSet(part2), w) >= minSplitSim
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(n, len(f))], " ")
}

// edits pairs the remaining paragraphs by word similarity, best pairs
// first. Candidates share a pair of consecutive words, so unrelated
// paragraphs are not even compared.
func (al *aligner) edits() {
	post := map[string][]int{}
	for j, t := range al.b {
		if al.newU[j] < 0 {
			for _, bg := range bigrams(t) {
				post[bg] = append(post[bg], j)
			}
		}
	}
	type cand struct {
		i, j int
		sim  float64
	}
	var cands []cand
	for i, t := range al.a {
		if al.oldU[i] >= 0 {
			continue
		}
		if time.Now().After(al.deadline) {
			break
		}
		seen := map[int]bool{}
		wi := wordSet(t)
		for _, bg := range bigrams(t) {
			ps := post[bg]
			if len(ps) > maxPostings {
				continue
			}
			for _, j := range ps {
				if seen[j] {
					continue
				}
				seen[j] = true
				s := dice(wi, wordSet(al.b[j]))
				if s >= minPairSim || i == 0 && j == 0 && s >= minLeadSim {
					cands = append(cands, cand{i, j, s})
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
