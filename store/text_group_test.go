package store

import (
	"fmt"
	"maps"
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// TestGroupedPostingsAsBefore checks that grouping a batch's words
// ahead and turning the groups into posting lists gives the lists that
// filing each input's words in turn gives: for batches with duplicates
// (no arrival), inputs without words, and arrivals across an epoch's
// end.
func TestGroupedPostingsAsBefore(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	vocab := make([]string, 300)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("w%d", i)
	}
	for round := range 200 {
		n := 1 + rng.Intn(80)
		first := uint64(1 + rng.Intn(3*textEpochLen))
		if round%4 == 0 {
			first = textEpochLen - uint64(rng.Intn(n)) // a batch across an epoch's end
		}
		inputs := make([]Input, n)
		arrivals := make([]uint64, n)
		words := make([]string, n)
		next := first
		for i := range inputs {
			seen := map[string]bool{}
			var ws []string
			for range rng.Intn(40) {
				if w := vocab[rng.Intn(len(vocab))]; !seen[w] {
					seen[w] = true
					ws = append(ws, w)
				}
			}
			words[i] = strings.Join(ws, " ")
			inputs[i] = Input{words: words[i], worded: true}
			if rng.Intn(6) > 0 { // else a duplicate: no arrival
				arrivals[i], next = next, next+1
			}
		}
		want := textPostings{}
		for i, a := range arrivals {
			if a != 0 {
				want.add(a, packedWords(words[i]))
			}
		}
		got := groupAhead(inputs)().postings(arrivals)
		if !samePostings(got, want) {
			t.Fatalf("round %d: %d inputs from arrival %d: grouped postings differ from those filed in turn", round, n, first)
		}
	}
}

// samePostings compares posting lists as putTextEpoch files them: each
// list sorted.
func samePostings(a, b textPostings) bool {
	if !slices.Equal(slices.Sorted(maps.Keys(a)), slices.Sorted(maps.Keys(b))) {
		return false
	}
	for e, m := range a {
		if len(m) != len(b[e]) {
			return false
		}
		for w, offs := range m {
			if !slices.Equal(slices.Sorted(slices.Values(offs)), slices.Sorted(slices.Values(b[e][w]))) {
				return false
			}
		}
	}
	return true
}
