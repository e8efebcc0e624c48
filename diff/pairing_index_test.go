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
