package revision

import (
	"math"
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

// TestRadixSortSorts: radixSort orders lists of every length up to a few
// thousand as slices.Sort does, with repeats, extremes and buffers reused
// across calls.
func TestRadixSortSorts(t *testing.T) {
	rng := rand.New(rand.NewSource(9))
	var spare []uint32
	for n := range 3000 {
		if n > 300 && n%97 != 0 {
			continue
		}
		a := make([]uint32, n)
		for i := range a {
			switch rng.Intn(4) {
			case 0:
				a[i] = rng.Uint32()
			case 1:
				a[i] = uint32(rng.Intn(16)) // repeats
			case 2:
				a[i] = ^uint32(0) - uint32(rng.Intn(3))
			default:
				a[i] = uint32(rng.Intn(1<<12)) << uint(rng.Intn(20))
			}
		}
		want := slices.Sorted(slices.Values(a))
		var got []uint32
		got, spare = radixSort(a, spare)
		if !slices.Equal(got, want) {
			t.Fatalf("n=%d: radixSort gave %v, want %v", n, got[:min(8, n)], want[:min(8, n)])
		}
		if n > 0 && &got[0] != &a[0] {
			t.Fatalf("n=%d: the result is not in the list's own array", n)
		}
	}
}

// TestContainmentReachesAsContainment checks the early-leaving merge
// against Containment on random sketches sharing none, some, most or all
// of their hashes, small and full, at thresholds around the values they
// give: the same
// containment whenever it reaches the threshold, and the same answer to
// whether it does.
func TestContainmentReachesAsContainment(t *testing.T) {
	rng := rand.New(rand.NewSource(9))
	sketchOf := func(hs []uint32, n int) Sketch {
		hs = slices.Compact(slices.Sorted(slices.Values(hs)))
		return Sketch{N: max(n, len(hs)), Min: hs[:min(len(hs), SketchSize)]}
	}
	var pairs [][2]Sketch
	for range 5000 {
		shared := rng.Intn(200)
		var a, b []uint32
		for range shared {
			h := rng.Uint32()
			a, b = append(a, h), append(b, h)
		}
		for range rng.Intn(100) {
			a = append(a, rng.Uint32())
		}
		for range rng.Intn(100) {
			b = append(b, rng.Uint32())
		}
		pairs = append(pairs, [2]Sketch{sketchOf(a, len(a)), sketchOf(b, len(b))})
	}
	pairs = append(pairs, [2]Sketch{{}, {}}, [2]Sketch{sketchOf([]uint32{1, 2}, 2), {}})
	for i, p := range pairs {
		want := p[0].Containment(p[1])
		for _, least := range []float64{0, 0.1, 0.5, 0.9, want, math.Nextafter(want, 2), 1} {
			got, reach := p[0].containmentReaches(p[1], least)
			if reach != (want >= least) || reach && got != want {
				t.Fatalf("pair %d at %v: %v, %v; Containment %v", i, least, got, reach, want)
			}
		}
	}
}
