package diff

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
	"time"
)

// unfilteredCands is indexedCands without its filters: every word pair
// of every new paragraph filed, every word pair of every old paragraph
// looked up. The filters leave out only pairs no paragraph of the other
// side holds, so both must find the same candidates in the same order.
func (al *aligner) unfilteredCands(olds, news []int) []cand {
	return al.lookUp(olds, al.pairIndex(news, nil), nil)
}

// TestIndexedCandsAsUnfiltered builds texts from the bundled paragraphs,
// reworded, shuffled and mixed with unrelated ones and one-word
// paragraphs, and checks the candidates both ways.
func TestIndexedCandsAsUnfiltered(t *testing.T) {
	var pool []string
	for _, a := range articles(t) {
		pool = append(pool, a...)
	}
	rng := rand.New(rand.NewSource(13))
	edit := func(p string) string {
		ws := strings.Fields(p)
		for range 1 + rng.Intn(4) {
			if len(ws) > 0 {
				ws[rng.Intn(len(ws))] = []string{"Seoul", "zebra", "quietly", "42", "the"}[rng.Intn(5)]
			}
		}
		return strings.Join(ws, " ")
	}
	found := 0
	for round := range 40 {
		n := 20 + rng.Intn(200)
		var a, b []string
		for range n {
			p := pool[rng.Intn(len(pool))]
			a = append(a, p)
			switch rng.Intn(4) {
			case 0:
				b = append(b, edit(p))
			case 1:
				b = append(b, pool[rng.Intn(len(pool))])
			case 2:
				b = append(b, "word"+string(rune('a'+rng.Intn(26))))
			default:
				b = append(b, edit(edit(p)))
			}
		}
		rng.Shuffle(len(b), func(i, j int) { b[i], b[j] = b[j], b[i] })
		olds, news := make([]int, len(a)), make([]int, len(b))
		for i := range olds {
			olds[i] = i
		}
		for j := range news {
			news[j] = j
		}
		mk := func() *aligner {
			return &aligner{a: a, b: b, deadline: time.Now().Add(time.Minute), oldU: fill(len(a), -1), newU: fill(len(b), -1)}
		}
		got, want := mk().indexedCands(olds, news), mk().unfilteredCands(olds, news)
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: %d candidates, unfiltered %d", round, len(got), len(want))
		}
		found += len(got)
	}
	if found < 1000 {
		t.Errorf("only %d candidates in all rounds: too few to tell", found)
	}
}

// TestFewestCommon: the count fewestCommon gives is the least that pairOf
// accepts, for the leads and for other paragraphs, at every size up to
// 80 words a side; and countMarked, told it, gives the whole count when
// it reaches it and less than it when it does not.
func TestFewestCommon(t *testing.T) {
	for _, lead := range []bool{true, false} {
		i, j := 0, 0
		if !lead {
			i, j = 3, 4
		}
		for nx := 0; nx <= 80; nx++ {
			for ny := 0; ny <= 80; ny++ {
				want := min(nx, ny) + 1
				for c := min(nx, ny); c >= 0 && pairs(i, j, c, nx, ny); c-- {
					want = c
				}
				if got := fewestCommon(i, j, nx, ny); got != want {
					t.Fatalf("lead %v, %d and %d words: fewestCommon %d, want %d", lead, nx, ny, got, want)
				}
			}
		}
	}
	r := rand.New(rand.NewSource(9))
	mark := make([]int32, 100)
	for turn := int32(1); turn <= 2000; turn++ {
		var y idSet
		full := 0
		for w := range int32(100) {
			if r.Intn(3) == 0 {
				y = append(y, w)
			}
			if r.Intn(2) == 0 {
				mark[w] = turn
			}
		}
		for _, w := range y {
			if mark[w] == turn {
				full++
			}
		}
		need := r.Intn(len(y) + 2)
		got := countMarked(mark, y, turn, need)
		if full >= need && got != full || full < need && got >= need {
			t.Fatalf("%d of %d words marked, need %d: counted %d", full, len(y), need, got)
		}
	}
}
