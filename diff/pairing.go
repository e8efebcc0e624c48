package diff

import (
	"sort"
	"time"
)

// cand is a possible edit: old paragraph i, new paragraph j and the Dice
// of their word sets.
type cand struct {
	i, j int
	sim  float64
}

// edits pairs the remaining paragraphs by word similarity, best pairs
// first. Few leftovers are compared all against all; many are compared
// only when they share a pair of consecutive words, so unrelated
// paragraphs of long texts are not even compared, nor are two whose sizes
// alone rule out a pairing.
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
	var cands []cand
	if len(olds)*len(news) <= 1024 {
		for _, i := range olds {
			for _, j := range news {
				x, y := al.set(0, i), al.set(1, j)
				if !sizesMayPair(i, j, len(x), len(y)) {
					continue
				}
				if c, ok := pairOf(i, j, x.common(y), len(x), len(y)); ok {
					cands = append(cands, c)
				}
			}
		}
	} else {
		cands = al.indexedCands(olds, news)
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

// sizesMayPair says whether old paragraph i and new paragraph j, of nx
// and ny distinct words, are close enough in size for their word sets to
// reach minPairSim; the leads are always compared.
func sizesMayPair(i, j, nx, ny int) bool {
	small, big := min(nx, ny), max(nx, ny)
	return i == 0 && j == 0 || float64(big) <= maxDiceRatio(minPairSim)*float64(small)
}

// pairOf is the candidate pair of old paragraph i and new paragraph j,
// of nx and ny distinct words with common words in both, and whether
// they may pair: the Dice of their word sets (idSet.dice) reaches
// minPairSim, or minLeadSim for the two leads.
func pairOf(i, j, common, nx, ny int) (cand, bool) {
	if nx+ny == 0 {
		return cand{}, false
	}
	s := 2 * float64(common) / float64(nx+ny)
	return cand{i, j, s}, s >= minPairSim || i == 0 && j == 0 && s >= minLeadSim
}

// postings are the new paragraphs holding one pair of consecutive words,
// each once, as a list threaded through wordPairIndex's entries, newest
// first, and the turn (old paragraph + 1) that read them last, so that
// an old paragraph repeating the pair reads them once.
type postings struct {
	head, n, turn int32 // head is an entry index, -1 for none
}

// wordPairIndex files new paragraphs under their pairs of consecutive
// words. The lists live in two flat slices rather than a slice each: a
// slice of one or two paragraphs for every word pair of a long text was
// most of what pairing allocated.
type wordPairIndex struct {
	at    map[uint64]int32 // word pair -> its postings
	lists []postings
	js    []int32 // entry -> new paragraph
	next  []int32 // entry -> the entry before it in its list, -1 for none
}

// file adds new paragraph j under key k, once however often j holds it.
func (x *wordPairIndex) file(k uint64, j int32) {
	at, ok := x.at[k]
	if !ok {
		at = int32(len(x.lists))
		x.at[k] = at
		x.lists = append(x.lists, postings{head: -1})
	}
	l := &x.lists[at]
	if l.head >= 0 && x.js[l.head] == j {
		return
	}
	x.js = append(x.js, j)
	x.next = append(x.next, l.head)
	l.head, l.n = int32(len(x.js)-1), l.n+1
}

// pairIndex files the new paragraphs news under their word pairs, but
// for the pairs with a word onOld lacks: no old paragraph holds them, so
// none would look them up.
func (al *aligner) pairIndex(news []int, onOld []bool) *wordPairIndex {
	// Sized for the pairs that will be filed, counted first: sized for
	// every word, the index of two unrelated 1 MB texts took 5.6 MB of
	// fresh memory for the few pairs they share.
	var keys []uint64
	filed := 0
	for _, j := range news {
		keys = bigramKeys(keys[:0], al.wordIDs(1, j), onOld)
		filed += len(keys)
	}
	idx := &wordPairIndex{at: make(map[uint64]int32, filed),
		js: make([]int32, 0, filed), next: make([]int32, 0, filed)}
	for _, j := range news {
		keys = bigramKeys(keys[:0], al.wordIDs(1, j), onOld)
		for _, k := range keys {
			idx.file(k, int32(j))
		}
	}
	return idx
}

// sideWords numbers the words of side's paragraphs at and marks in marks,
// by word id, the words they hold, growing marks to the highest.
func (al *aligner) sideWords(side int, at []int, marks []bool) []bool {
	for _, i := range at {
		for _, w := range al.wordIDs(side, i) {
			if int(w) >= len(marks) {
				marks = append(marks, make([]bool, int(w)+1-len(marks))...)
			}
			marks[w] = true
		}
	}
	return marks
}

// indexedCands finds the candidate pairs of many leftovers: each old
// paragraph is compared with the new paragraphs sharing a pair of
// consecutive words with it, through postings at most maxPostings long.
// The pairs are found in reading order rather than a paragraph's pairs
// sorted (sorting each paragraph's keys was a sixth of comparing two
// unrelated 1 MB texts); edits sorts the candidates, so the order they
// are found in does not show.
func (al *aligner) indexedCands(olds, news []int) []cand {
	// Each side files or looks up only the word pairs whose words the
	// other side has: on two unrelated texts, most pairs are neither
	// filed nor looked up.
	al.numberSides(olds, news)
	onOld := al.sideWords(0, olds, nil)
	onNew := al.sideWords(1, news, nil)
	return al.lookUp(olds, al.pairIndex(news, onOld), onNew)
}

// lookUp compares each old paragraph of olds with the new paragraphs idx
// files under its word pairs, leaving out the pairs with a word onNew
// lacks (nil: none), until the deadline.
func (al *aligner) lookUp(olds []int, idx *wordPairIndex, onNew []bool) []cand {
	pr := &pairer{al: al, seen: make([]int32, len(al.b))}
	var keys []uint64
	for t, i := range olds {
		if time.Now().After(al.deadline) {
			break
		}
		pr.start(i, int32(t+1))
		keys = bigramKeys(keys[:0], al.wordIDs(0, i), onNew)
		for _, k := range keys {
			at, ok := idx.at[k]
			if !ok || idx.lists[at].turn == pr.turn {
				continue
			}
			l := &idx.lists[at]
			l.turn = pr.turn
			if l.n > maxPostings {
				continue
			}
			for e := l.head; e >= 0; e = idx.next[e] {
				pr.consider(int(idx.js[e]))
			}
		}
	}
	return pr.cands
}

// pairer compares one old paragraph at a time with the new paragraphs
// its word pairs lead to. seen[j] is the turn (old paragraph + 1) that
// considered new paragraph j last: a map cleared for every old paragraph
// cost a tenth of pairing the 1 MB pair. mark[w] is the turn whose old
// paragraph holds word w, so that counting the words a new paragraph
// shares with it is a look-up a word rather than a merge of two sorted
// sets.
type pairer struct {
	al         *aligner
	seen, mark []int32
	cands      []cand
	// the old paragraph of this turn; its word set is made, and its
	// words marked, for its first candidate that needs them
	i      int
	turn   int32
	x      idSet
	marked bool
}

// start begins the turn of old paragraph i.
func (pr *pairer) start(i int, turn int32) {
	pr.i, pr.turn, pr.x, pr.marked = i, turn, nil, false
}

// consider compares new paragraph j with this turn's old paragraph, once.
func (pr *pairer) consider(j int) {
	if pr.seen[j] == pr.turn {
		return
	}
	pr.seen[j] = pr.turn
	if pr.x == nil {
		pr.x = pr.al.set(0, pr.i)
	}
	y := pr.al.set(1, j)
	if !sizesMayPair(pr.i, j, len(pr.x), len(y)) {
		return
	}
	if !pr.marked {
		pr.mark, pr.marked = markWords(pr.mark, pr.x, pr.turn, pr.al.voc.len()), true
	}
	need := fewestCommon(pr.i, j, len(pr.x), len(y))
	if c, ok := pairOf(pr.i, j, countMarked(pr.mark, y, pr.turn, need), len(pr.x), len(y)); ok {
		pr.cands = append(pr.cands, c)
	}
}

// fewestCommon is the fewest words old paragraph i and new paragraph j,
// of nx and ny distinct words, must share for pairOf to pair them, by
// pairOf's own arithmetic (its test only gets easier as the count grows);
// min(nx, ny)+1 when no count would do.
func fewestCommon(i, j, nx, ny int) int {
	most := min(nx, ny)
	t := minPairSim
	if i == 0 && j == 0 {
		t = minLeadSim
	}
	c := min(max(int(t*float64(nx+ny)/2), 0), most+1)
	for c > 0 && pairs(i, j, c-1, nx, ny) {
		c--
	}
	for c <= most && !pairs(i, j, c, nx, ny) {
		c++
	}
	return c
}

func pairs(i, j, common, nx, ny int) bool {
	_, ok := pairOf(i, j, common, nx, ny)
	return ok
}

// markWords sets mark[w] to turn for every word w of x, first growing
// mark to cover a vocabulary of n words.
func markWords(mark []int32, x idSet, turn int32, n int) []int32 {
	if len(mark) < n {
		mark = append(mark, make([]int32, n-len(mark))...)
	}
	for _, w := range x {
		mark[w] = turn
	}
	return mark
}

// countMarked counts the words of y marked with turn, or stops, with
// fewer than need, once the words left could not bring the count to
// need: most of the pairs a long text's word pairs lead to share a few
// common words and no more, and counting them all was a tenth of a
// comparison of the 1 MB pair.
func countMarked(mark []int32, y idSet, turn int32, need int) int {
	n := 0
	for k, w := range y {
		if int(w) < len(mark) && mark[w] == turn {
			n++
		} else if n+len(y)-k-1 < need {
			return n
		}
	}
	return n
}
