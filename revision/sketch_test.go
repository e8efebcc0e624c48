package revision

import (
	"math/rand"
	"slices"
	"testing"
)

// TestCommonSorted checks the branch-free merge against a set on random
// sorted lists, with and without shared values, empty and of unequal
// lengths.
func TestCommonSorted(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for range 2000 {
		var a, b []uint32
		for range rng.Intn(70) {
			v := rng.Uint32() % 200
			a = append(a, v)
			if rng.Intn(3) == 0 {
				b = append(b, v)
			}
		}
		for range rng.Intn(70) {
			b = append(b, rng.Uint32()%200)
		}
		slices.Sort(a)
		slices.Sort(b)
		a, b = slices.Compact(a), slices.Compact(b)
		in := map[uint32]bool{}
		for _, v := range a {
			in[v] = true
		}
		want := 0
		for _, v := range b {
			if in[v] {
				want++
			}
		}
		if got := CommonSorted(a, b); got != want {
			t.Fatalf("CommonSorted(%v, %v) = %d, want %d", a, b, got, want)
		}
	}
}
