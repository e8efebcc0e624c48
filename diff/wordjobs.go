package diff

import (
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// parallelWords is the text, in bytes, of a comparison's word-diffed
// pairs from which diffWordsAhead diffs them on every core: the 558
// edited paragraphs of the 1 MB pair spent a third of its comparison in
// go-diff on one core of several. Below it a goroutine costs more than
// it saves. Tests set it past any text to diff the pairs in turn.
var parallelWords = 64 << 10

// wordJob is the word diff of one unit's texts, done ahead of emit.
type wordJob struct {
	unit  int
	c     *runeCodec // nil: replaced whole, or the same text
	a, b  []rune
	words []Word
}

// diffWordsAhead diffs the words of every edited, split and merged unit
// before emit writes them, the pairs on several goroutines, and leaves
// the results in al.ahead. The outcome is the one emit would reach
// pair by pair: go-diff's clean-up depends on the width of the runes a
// token gets (see wordsWith), so every pair is encoded first, in turn
// and in emit's order, and only go-diff's work runs at once; a
// comparison holding a partial pair, whose words emit diffs as well, is
// left to emit whole.
func (al *aligner) diffWordsAhead() {
	order, size := al.wordUnits()
	if order == nil || size < parallelWords || runtime.GOMAXPROCS(0) < 2 {
		return
	}
	jobs := al.encodeJobs(order)
	diffJobs(jobs)
	al.ahead = make(map[int][]Word, len(jobs))
	for _, j := range jobs {
		al.ahead[j.unit] = j.words
	}
}

// encodeJobs encodes the texts of the units of order in the comparison's
// codec, in turn, until the deadline: a pair of one text twice, or whose
// tokens no codec can hold, gets its words here.
func (al *aligner) encodeJobs(order []int) []wordJob {
	if al.codec == nil {
		al.codec = al.newCodec()
	}
	jobs := make([]wordJob, 0, len(order))
	for _, k := range order {
		if time.Now().After(al.deadline) {
			break // emit replaces the rest whole, as it would have
		}
		old, new := al.pairTexts(al.units[k])
		j := wordJob{unit: k}
		if old == new {
			j.words = sameWords(old)
		} else if j.c, j.a, j.b = encodePair(al.codec, old, new); j.c == nil {
			j.words = replaceWords(old, new)
		}
		jobs = append(jobs, j)
	}
	return jobs
}

// diffJobs diffs the encoded jobs on every core.
func diffJobs(jobs []wordJob) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Go(func() {
			for i := next.Add(1) - 1; i < int64(len(jobs)); i = next.Add(1) - 1 {
				if j := &jobs[i]; j.c != nil {
					j.words = diffRunes(j.c, j.a, j.b)
				}
			}
		})
	}
	wg.Wait()
}

// wordUnits lists the units whose words emit diffs, in the order it
// diffs them, and the bytes of their texts; nil when a partial unit is
// among them.
func (al *aligner) wordUnits() (order []int, size int) {
	for j := range al.b {
		k := al.newU[j]
		if k < 0 || al.units[k].newAt != j {
			continue
		}
		switch u := al.units[k]; u.kind {
		case kindPartial:
			return nil, 0
		case kindEdit, kindSplit, kindMerge:
			order = append(order, k)
			for i := u.oldAt; i <= u.oldEnd(); i++ {
				size += len(al.a[i])
			}
			for i := u.newAt; i <= u.newEnd(); i++ {
				size += len(al.b[i])
			}
		}
	}
	return order, size
}

// pairTexts are the two texts an edited, split or merged unit is diffed
// word by word as: a split's two new paragraphs, or a merge's two old
// ones, joined by a space.
func (al *aligner) pairTexts(u unit) (old, new string) {
	switch u.kind {
	case kindSplit:
		return al.a[u.oldAt], al.b[u.newAt] + " " + al.b[u.newAt+1]
	case kindMerge:
		return al.a[u.oldAt] + " " + al.a[u.oldAt+1], al.b[u.newAt]
	}
	return al.a[u.oldAt], al.b[u.newAt]
}

// unitWords is the word diff of unit k's texts: diffed ahead, or now.
func (al *aligner) unitWords(k int) []Word {
	if ws, ok := al.ahead[k]; ok {
		return ws
	}
	return al.words(al.pairTexts(al.units[k]))
}
