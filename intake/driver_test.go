package intake

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"testing"

	"lede/revision"
	"lede/revision/wire"
	"lede/store"
)

// TestDriverReleases stores two batches of real pages into a real
// database through the driver's store-and-report step, as lede ingest
// does: each batch is reported whole and stored, and once it is
// reported none of its inputs keeps the page as read, its parse or its
// prepared store input; the parses kept for the next batch's summaries
// are the last batch's only.
func TestDriverReleases(t *testing.T) {
	paths, err := filepath.Glob("../testdata/yonhap/pages/AEN2020*.txt")
	if err != nil || len(paths) < 8 {
		t.Fatalf("corpus pages: %v %d", err, len(paths))
	}
	paths = paths[:8]
	dbPath := filepath.Join(t.TempDir(), "lede.db")
	reported, stored := 0, 0
	d := &Driver{
		Open: func(context.Context) (*store.DB, error) {
			return store.Open(dbPath, store.Options{NoEvents: true})
		},
		Path:      dbPath,
		Summaries: &Summaries{},
		Stored: func(batch []Input, results []store.Result, _ map[uint64]revision.UpdateSummary) error {
			for i, in := range batch {
				if in.Last {
					reported++
				}
				if s := results[i].Status; s == store.StatusNewStory || s == store.StatusUpdate {
					stored++
				}
			}
			return nil
		},
	}
	const n = 4
	for start := 0; start < len(paths); start += n {
		batch := make([]Input, n)
		for i, p := range paths[start : start+n] {
			batch[i] = Input{Source: p}
		}
		batch = Flatten(ParseAll(batch, nil, wire.Options{}))
		for _, in := range batch {
			if in.Err != nil || in.Raw == nil || in.Rev == nil || in.Stored == nil {
				t.Fatalf("%s not parsed: %v", in.Source, in.Err)
			}
		}
		if err := d.storeAndReport(context.Background(), batch); err != nil {
			t.Fatal(err)
		}
		for _, in := range batch {
			if in.Raw != nil || in.Rev != nil || in.Stored != nil {
				t.Errorf("%s after its batch was reported: raw %d bytes, rev %v, stored %v",
					in.Source, len(in.Raw), in.Rev != nil, in.Stored != nil)
			}
		}
		if d.Summaries.Held() > n {
			t.Errorf("after %d inputs %d parses are kept, want at most a batch (%d)", start+n, d.Summaries.Held(), n)
		}
	}
	if reported != len(paths) || stored != len(paths) {
		t.Errorf("%d inputs reported, %d stored; want %d", reported, stored, len(paths))
	}
}

// TestDriverRun runs the driver over a directory of a page and a JSON
// lines file with a bad line, two items a batch: every item is reported
// once, in listing order, in batches of at most two, and the second run
// finds duplicates only. An error from Stored stops the run and is its
// answer.
func TestDriverRun(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.jsonl"), `{"id": "q-1", "version": 1, "headline": "Quake hits coast", "body": "A quake struck.\n\nNo damage."}
not json
{"id": "q-1", "version": 2, "headline": "Quake hits coast", "body": "A quake struck.\n\nNo damage.\n\nTwo were hurt."}
`)
	writeFile(t, filepath.Join(dir, "b.jsonl"), `{"id": "f-1", "headline": "Floods close roads", "body": "Roads closed."}`+"\n")
	dbPath := filepath.Join(t.TempDir(), "lede.db")
	run := func(stored func([]Input, []store.Result, map[uint64]revision.UpdateSummary) error) error {
		d := &Driver{
			Open:      func(context.Context) (*store.DB, error) { return store.Open(dbPath, store.Options{}) },
			Path:      dbPath,
			Batch:     2,
			Summaries: &Summaries{},
			Stored:    stored,
		}
		return d.Run(context.Background(), Each([]string{dir}))
	}
	var got []store.Status
	var sizes []int
	summaries := 0
	err := run(func(batch []Input, results []store.Result, sums map[uint64]revision.UpdateSummary) error {
		sizes = append(sizes, len(batch))
		summaries += len(sums)
		for _, r := range results {
			got = append(got, r.Status)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []store.Status{store.StatusNewStory, store.StatusError, store.StatusUpdate, store.StatusNewStory}
	if !slices.Equal(got, want) || !slices.Equal(sizes, []int{2, 2}) || summaries != 1 {
		t.Errorf("statuses %v in batches %v with %d summaries; want %v in [2 2] with 1", got, sizes, summaries, want)
	}
	got = nil
	if err := run(func(_ []Input, results []store.Result, _ map[uint64]revision.UpdateSummary) error {
		for _, r := range results {
			got = append(got, r.Status)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	want = []store.Status{store.StatusDuplicate, store.StatusError, store.StatusDuplicate, store.StatusDuplicate}
	if !slices.Equal(got, want) {
		t.Errorf("again: %v, want %v", got, want)
	}
	stop := errors.New("output closed")
	calls := 0
	err = run(func([]Input, []store.Result, map[uint64]revision.UpdateSummary) error { calls++; return stop })
	if !errors.Is(err, stop) || calls != 1 {
		t.Errorf("a failing report: %v after %d calls, want %v after 1", err, calls, stop)
	}
}
