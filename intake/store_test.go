package intake

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"lede/revision/wire"
	"lede/store"
)

// TestStoreStages parses a JSON lines file with a bad line and a missing
// file, stores the batch in a real database with Prepared, Ingest and
// Place, and summarises it: every item has its result in its place, the
// failures as errors, and the update its summary. Stored again, every
// item that parsed is a duplicate.
func TestStoreStages(t *testing.T) {
	dir := t.TempDir()
	feed := filepath.Join(dir, "feed.jsonl")
	writeFile(t, feed, `{"id": "w-1", "version": 1, "headline": "Quake hits coast", "body": "A quake struck.\n\nNo damage."}
not json
{"id": "w-1", "version": 2, "headline": "Quake hits coast", "body": "A quake struck.\n\nNo damage.\n\nTwo were hurt."}
`)
	listed := []Input{{Source: feed}, {Source: filepath.Join(dir, "missing.txt"), Err: errors.New("no such file")}}
	batch := Flatten(ParseAll(listed, nil, wire.Options{}))
	db, err := store.Open(filepath.Join(dir, "lede.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var sums Summaries
	store1 := func() ([]store.Result, int) {
		ins, at, results := Prepared(batch)
		res := Ingest(context.Background(), db, ins)
		n := len(sums.Store(db, ins, res))
		Place(results, at, res)
		return results, n
	}
	results, n := store1()
	want := []store.Status{store.StatusNewStory, store.StatusError, store.StatusUpdate, store.StatusError}
	if len(results) != len(want) {
		t.Fatalf("%d results, want %d: %+v", len(results), len(want), results)
	}
	for i, w := range want {
		if results[i].Status != w || results[i].Source != batch[i].Source {
			t.Errorf("result %d: %s %s, want %s %s", i, results[i].Source, results[i].Status, batch[i].Source, w)
		}
	}
	if n != 1 || sums.Held() != 2 {
		t.Errorf("%d summaries, %d parses held; want 1 and 2", n, sums.Held())
	}
	results, _ = store1()
	for i, r := range results {
		if want[i] != store.StatusError && r.Status != store.StatusDuplicate {
			t.Errorf("again, result %d: %s, want duplicate", i, r.Status)
		}
	}
}
