package store

import (
	"context"
	"path/filepath"
	"testing"

	"lede/revision"

	bolt "go.etcd.io/bbolt"
)

// TestIngestWith stores a batch together with the summaries of the batch
// before: the summary is on its record and the batch stored, in one
// transaction. When the summaries' record cannot be read, PendingSummaries
// says so and the batch is stored all the same, with no summary.
func TestIngestWith(t *testing.T) {
	ins, _ := syntheticInputs(t, 7, 80)
	db, err := Open(filepath.Join(t.TempDir(), "lede.db"), Options{NoEvents: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	res, err := db.Ingest(context.Background(), ins[:60])
	if err != nil {
		t.Fatal(err)
	}
	var upd Result
	for _, r := range res {
		if r.Status == StatusUpdate && r.Rev >= 2 {
			upd = r
			break
		}
	}
	if upd.Arrival == 0 {
		t.Fatal("no update among the first 60 pages")
	}
	st := mustStory(t, db, upd.Story)
	prev, _ := ParseRef(st.Versions[upd.Rev-2].Ref)
	want := revision.UpdateSummary{Added: 3, Changed: 1}
	pending := &PendingSummaries{Wait: func() []ComputedSummary {
		return []ComputedSummary{{Arrival: upd.Arrival, PrevArrival: prev, Summary: want}}
	}}
	res2, err := db.IngestWith(context.Background(), ins[60:70], pending)
	if err != nil || pending.Err != nil {
		t.Fatalf("IngestWith: %v, summaries: %v", err, pending.Err)
	}
	if got := mustStory(t, db, upd.Story).Versions[upd.Rev-1].Summary; got == nil || got.Added != want.Added || got.Changed != want.Changed {
		t.Errorf("summary stored with the next batch: %+v, want %+v", got, want)
	}
	if res2[0].Arrival == 0 || res2[0].Status == StatusError {
		t.Errorf("the batch stored with the summaries: %+v", res2[0])
	}

	// Damage the record the next summary belongs to.
	err = db.bolt.Update(func(btx *bolt.Tx) error {
		key := append([]byte(nil), btx.Bucket(bucketArrivals).Get(u64(upd.Arrival))...)
		return btx.Bucket(bucketRevs).Put(key, []byte(`{"arrival":`))
	})
	if err != nil {
		t.Fatal(err)
	}
	pending = &PendingSummaries{Wait: func() []ComputedSummary {
		return []ComputedSummary{{Arrival: upd.Arrival, PrevArrival: prev, Summary: want}}
	}}
	res3, err := db.IngestWith(context.Background(), ins[70:], pending)
	if err != nil {
		t.Fatal(err)
	}
	if pending.Err == nil {
		t.Error("a summary of an unreadable record: no error")
	}
	for i, r := range res3 {
		if r.Arrival == 0 || r.Status == StatusError {
			t.Errorf("input %d of the batch with unstorable summaries: %+v", i, r)
		}
	}
}
