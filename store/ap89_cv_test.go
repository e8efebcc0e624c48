package store

import (
	"math"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"lede/revision"
	"lede/revision/wire"
)

// TestAP89CrossValidated measures AP grouping out of sample, as far as
// two labelled days allow. Keyed AP items join by key; between two keys
// of one agency the only tuned cut-offs that decide are the same-body
// rule's (SameBody, SameBodyMin), so those are searched. Both days are
// ingested whole once per setting (cross-day pairs are all negatives, the
// next-day follow-ups and recurring reports the rules must keep apart),
// each pair is filed under the day of its earlier item, and each day in
// turn is scored with the setting that scores best on the other (ties to
// the setting nearest the defaults). The held-out counts are pooled.
func TestAP89CrossValidated(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests both AP89 days once per grid setting")
	}
	if _, err := os.Stat(ap89); err != nil {
		t.Skip("the shared AP89 corpus is not here")
	}
	items, day := ap89Items(t)
	truth := ap89Groups(t)
	var grid []revision.Thresholds
	for _, body := range []float64{0.6, 0.7, 0.8, 0.85, 0.9, 0.95} {
		for _, least := range []int{10, 20, 30, 50} {
			th := revision.DefaultThresholds
			th.SameBody, th.SameBodyMin = body, least
			grid = append(grid, th)
		}
	}
	scores := make([][2]counts, len(grid))
	for g, th := range grid {
		scores[g] = ap89ScoreByDay(t, items, day, truth, th)
	}
	d := revision.DefaultThresholds
	near := func(th revision.Thresholds) float64 {
		return math.Abs(th.SameBody-d.SameBody)/0.05 + math.Abs(float64(th.SameBodyMin-d.SameBodyMin))/10
	}
	var held counts
	for out := range 2 {
		best := -1
		for g := range grid {
			o, b := scores[g][1-out].objective(), -1.0
			if best >= 0 {
				b = scores[best][1-out].objective()
			}
			if best < 0 || o > b+1e-12 || math.Abs(o-b) <= 1e-12 && near(grid[g]) < near(grid[best]) {
				best = g
			}
		}
		c := scores[best][out]
		t.Logf("day %d held out: chose same body %.2f over %d shingles; precision %.3f, recall %.3f (tp %d, fp %d, fn %d)",
			out+1, grid[best].SameBody, grid[best].SameBodyMin, c.precision(), c.recall(), c.tp, c.fp, c.fn)
		held.add(c)
	}
	perfect := 0
	for _, sc := range scores {
		var all counts
		all.add(sc[0])
		all.add(sc[1])
		if all.fp == 0 && all.fn == 0 {
			perfect++
		}
	}
	t.Logf("%d of %d settings score 1.000/1.000 on both days", perfect, len(grid))
	t.Logf("AP89 held out by day: precision %.3f, recall %.3f (tp %d, fp %d, fn %d)", held.precision(), held.recall(), held.tp, held.fp, held.fn)
	if held.precision() < 0.99 || held.recall() < 0.85 {
		t.Errorf("held out: precision %.3f, recall %.3f below 0.99/0.85", held.precision(), held.recall())
	}
}

// ap89Items parses both AP89 days into store inputs, with the day (0 or
// 1) of each item's DOCNO.
func ap89Items(t *testing.T) ([]Input, map[string]int) {
	t.Helper()
	var ins []Input
	day := map[string]int{}
	for d, name := range []string{"ap890101", "ap890102"} {
		path := filepath.Join(ap89, "raw", name)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range wire.ParseItems(path, data, wire.Options{}) {
			if it.Err != nil {
				t.Fatalf("%s: %v", it.Source, it.Err)
			}
			ins = append(ins, Input{Source: it.Source, Raw: it.Raw, Rev: it.Rev})
			day[it.Rev.ID] = d
		}
	}
	return ins, day
}

// ap89ScoreByDay ingests the items into a fresh database under
// thresholds th and counts the labelled pairs by the day of the earlier
// item.
func ap89ScoreByDay(t *testing.T, ins []Input, day map[string]int, truth map[string]string, th revision.Thresholds) [2]counts {
	t.Helper()
	revision.Grouping = th
	defer func() { revision.Grouping = revision.DefaultThresholds }()
	db := openTemp(t)
	if _, err := db.Ingest(t.Context(), ins); err != nil {
		t.Fatal(err)
	}
	stories, err := db.Stories(ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := itemStories(stories)
	ids := make([]string, 0, len(truth))
	for id := range truth {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var out [2]counts
	for i, a := range ids {
		for _, b := range ids[i+1:] {
			same, joined := truth[a] == truth[b], got[a] != "" && got[a] == got[b]
			c := &out[min(day[a], day[b])]
			switch {
			case same && joined:
				c.tp++
			case joined:
				c.fp++
			case same:
				c.fn++
			}
		}
	}
	return out
}
