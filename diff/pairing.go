package diff

import (
	"sort"
	"time"
)

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
	type cand struct {
		i, j int
		sim  float64
	}
	var cands []cand
	ratio := maxDiceRatio(minPairSim)
	consider := func(i, j int) {
		x, y := al.set(0, i), al.set(1, j)
		if i != 0 || j != 0 {
			small, big := min(len(x), len(y)), max(len(x), len(y))
			if float64(big) > ratio*float64(small) {
				return
			}
		}
		s := x.dice(y)
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
		post := map[uint64][]int{}
		for _, j := range news {
			for _, bg := range bigramKeys(al.wordIDs(1, j)) {
				post[bg] = append(post[bg], j)
			}
		}
		// seen[j] is the turn (old paragraph + 1) that considered new
		// paragraph j last: a map cleared for every old paragraph cost
		// a tenth of pairing the 1 MB pair.
		seen := make([]int32, len(al.b))
		for turn, i := range olds {
			if time.Now().After(al.deadline) {
				break
			}
			for _, bg := range bigramKeys(al.wordIDs(0, i)) {
				if ps := post[bg]; len(ps) <= maxPostings {
					for _, j := range ps {
						if seen[j] != int32(turn+1) {
							seen[j] = int32(turn + 1)
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
