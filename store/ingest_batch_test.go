package store

import (
	"context"
	"path/filepath"
	"reflect"
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
	res2, err := db.IngestWith(context.Background(), ins[60:70], pending, nil)
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
	res3, err := db.IngestWith(context.Background(), ins[70:], pending, nil)
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

// TestStaleWantedAsRead: the update pairs IngestWith lists in its own
// transaction are those StaleSummariesHaving lists right after it, batch
// after batch, with summaries stored for some of them in between (as
// lede ingest stores each batch's with the next), so that both the
// stories loaded for their listings and the ones read record by record
// are compared.
func TestStaleWantedAsRead(t *testing.T) {
	ins, _ := syntheticInputs(t, 7, 600)
	db, err := Open(filepath.Join(t.TempDir(), "lede.db"), Options{NoEvents: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var last map[uint64]bool // the batch before's arrivals, "parsed"
	var pending *PendingSummaries
	listed, skipped := 0, 0
	for at := 0; at < len(ins); at += 100 {
		prevBatch := last
		stale := &StaleWanted{Parsed: func(a uint64) bool { return prevBatch[a] }}
		res, err := db.IngestWith(context.Background(), ins[at:at+100], pending, stale)
		if err != nil || stale.Err != nil || !stale.Listed {
			t.Fatalf("batch at %d: %v, listing: %v (listed %v)", at, err, stale.Err, stale.Listed)
		}
		var ids []string
		last = map[uint64]bool{}
		for _, r := range res {
			if r.MakesSummaries() {
				ids = append(ids, r.Story)
				ids = append(ids, r.Merged...)
				last[r.Arrival] = true
			}
		}
		want, err := db.StaleSummariesHaving(ids, func(a uint64) bool { return last[a] || prevBatch[a] })
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(stale.Pairs, want) {
			t.Fatalf("batch at %d: listed %d pairs in the transaction, %d read after it", at, len(stale.Pairs), len(want))
		}
		listed += len(want)
		// Summaries for every other pair, stored with the next batch.
		var sums []ComputedSummary
		for i, p := range want {
			if i%2 == 0 {
				sums = append(sums, ComputedSummary{Arrival: p.Arrival, PrevArrival: p.PrevArrival, Summary: revision.UpdateSummary{Added: 1}})
			} else if p.Stored == nil {
				skipped++
			}
		}
		pending = &PendingSummaries{Wait: func() []ComputedSummary { return sums }}
	}
	if listed < 300 || skipped == 0 {
		t.Errorf("%d pairs listed, %d left without a summary: too few to compare", listed, skipped)
	}
}
