package intake

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"lede/revision"
	"lede/revision/revisiontest"
	"lede/store"
)

// TestOverlapChangesNothing runs the driver over the bundled Yonhap
// pages and 1,500 synthetic pages (revisiontest) in batches of 100, once
// summarising each batch before the next is stored (the old loop) and
// once while it is (runOverlapped), and requires the same run: every
// batch reported in order with the same results and summaries, the same
// stories, versions and order, the same summaries stored (the overlapped
// loop stores a batch's summaries with the next batch, store.IngestWith)
// and no summary left missing or stale.
func TestOverlapChangesNothing(t *testing.T) {
	synth := filepath.Join(t.TempDir(), "synth")
	if _, err := revisiontest.WriteDir(synth, revisiontest.Config{Seed: 4, Revisions: 1500}); err != nil {
		t.Fatal(err)
	}
	paths := []string{"../testdata/yonhap/pages", synth}
	run := func(overlap bool) (reports, stories string, stale int) {
		defer func(old bool) { overlapSummaries = old }(overlapSummaries)
		overlapSummaries = overlap
		dbPath := filepath.Join(t.TempDir(), "lede.db")
		var out strings.Builder
		d := &Driver{
			Open:      func(context.Context) (*store.DB, error) { return store.Open(dbPath, store.Options{}) },
			Path:      dbPath,
			Batch:     100,
			Summaries: &Summaries{},
			Stored: func(batch []Input, results []store.Result, sums map[uint64]revision.UpdateSummary) error {
				fmt.Fprintf(&out, "batch of %d\n", len(batch))
				for i, r := range results {
					fmt.Fprintf(&out, "%s %s %s r%d %s late %d %s %v\n", batch[i].Source, r.Status, r.Story, r.Rev, r.Ref, r.Late, r.Why, r.Merged)
				}
				arrivals := slices.Sorted(func(yield func(uint64) bool) {
					for a := range sums {
						if !yield(a) {
							return
						}
					}
				})
				for _, a := range arrivals {
					fmt.Fprintf(&out, "summary %d %+v\n", a, sums[a])
				}
				return nil
			},
		}
		if err := d.Run(context.Background(), Each(paths)); err != nil {
			t.Fatal(err)
		}
		db, err := store.Open(dbPath, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		list, err := db.Stories(store.ListOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		var ls strings.Builder
		for _, s := range list {
			ids = append(ids, s.ID)
			fmt.Fprintf(&ls, "%s:", s.ID)
			for _, v := range s.Versions {
				fmt.Fprintf(&ls, " %d=%s@%s", v.Rev, v.Ref, v.Source)
			}
			ls.WriteByte('\n')
			// The summaries as stored, read back from the records.
			whole, err := db.Story(s.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range whole.Versions {
				if v.Summary != nil {
					fmt.Fprintf(&ls, "  %d %+v\n", v.Rev, *v.Summary)
				}
			}
		}
		pairs, err := db.StaleSummaries(ids)
		if err != nil {
			t.Fatal(err)
		}
		return out.String(), ls.String(), len(pairs)
	}
	oldReports, oldStories, oldStale := run(false)
	newReports, newStories, newStale := run(true)
	if n := strings.Count(oldReports, "summary "); n < 500 {
		t.Fatalf("%d summaries reported: the corpora should give hundreds", n)
	}
	if oldStories != newStories {
		t.Errorf("stories differ with summaries overlapped:\n%s", revisiontest.FirstDiff(oldStories, newStories))
	}
	if oldReports != newReports {
		t.Errorf("reports differ with summaries overlapped:\n%s", revisiontest.FirstDiff(oldReports, newReports))
	}
	if oldStale != 0 || newStale != 0 {
		t.Errorf("summaries missing or stale after the run: %d serial, %d overlapped", oldStale, newStale)
	}
}
