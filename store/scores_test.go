package store

import (
	"math/rand"
	"testing"
)

// TestScoreTable checks the table against a map through growth and
// resets, with uids clustered as real story uids are.
func TestScoreTable(t *testing.T) {
	var tab scoreTable
	rng := rand.New(rand.NewSource(1))
	for round, n := range []int{10, 300, 2000, 5, 700} {
		tab.reset()
		want := map[uint64]float64{}
		for range n {
			uid := uint64(1 + rng.Intn(n/2+1))
			w := 1 / float64(1+rng.Intn(32))
			tab.add(uid, w)
			want[uid] += w
		}
		if tab.len() != len(want) {
			t.Fatalf("round %d: %d stories, want %d", round, tab.len(), len(want))
		}
		seen := 0
		tab.each(func(uid uint64, score float64) {
			seen++
			if score != want[uid] {
				t.Errorf("round %d: uid %d scored %v, want %v", round, uid, score, want[uid])
			}
		})
		if seen != len(want) {
			t.Fatalf("round %d: each visited %d, want %d", round, seen, len(want))
		}
	}
}
