package intake

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"lede/revision"
	"lede/revision/wire"
	"lede/store"
)

// TestIngestWithFallsBack: when the transaction that stores a batch with
// the summaries of the batch before fails (here one input's date is not
// a real date), the batch's other inputs are still stored one by one,
// the failing one is an error result, and the summaries of the batch
// before are stored on their own when it is finished. The pairs that
// transaction listed for the batch's own summaries are dropped with it.
func TestIngestWithFallsBack(t *testing.T) {
	paths, err := filepath.Glob("../testdata/yonhap/pages/AEN2020*.txt")
	if err != nil || len(paths) < 12 {
		t.Fatalf("corpus pages: %v %d", err, len(paths))
	}
	parse := func(ps []string) []store.Input {
		batch := make([]Input, len(ps))
		for i, p := range ps {
			batch[i] = Input{Source: p}
		}
		ins, _, _ := Prepared(Flatten(ParseAll(batch, nil, wire.Options{})))
		return ins
	}
	db, err := store.Open(filepath.Join(t.TempDir(), "lede.db"), store.Options{NoEvents: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var warned []string
	sums := &Summaries{Warn: func(msg string) { warned = append(warned, msg) }}
	first := parse(paths[:8])
	res := Ingest(context.Background(), db, first)
	prev := &inFlight{results: res}
	prev.start(sums.start(db, first, res, nil))
	<-prev.done
	if prev.job == nil || len(prev.job.computed) == 0 {
		t.Fatal("the first batch has no summaries to store; pick pages with updates")
	}

	next := parse(paths[8:12])
	bad := next[0]
	rev := *bad.Rev
	rev.Date = revision.Date{Year: 2020, Month: 2, Day: 30}
	bad.Rev, bad.Source = &rev, "bad-date.txt"
	next = append(next, bad)
	stale := sums.wanted()
	got := ingestWith(context.Background(), db, next, prev, stale)
	if prev.job.stored {
		t.Error("the summaries are marked stored although their transaction failed")
	}
	if stale.Listed || stale.Pairs != nil || stale.Err != nil || stale.Parsed == nil {
		t.Errorf("pairs listed in the transaction that failed are kept: %+v", stale)
	}
	for i, r := range got {
		switch {
		case i == len(got)-1:
			if r.Status != store.StatusError || !strings.Contains(r.Err.Error(), "not a real date") {
				t.Errorf("the bad input: %+v", r)
			}
		case r.Status == store.StatusError:
			t.Errorf("input %d of the failed batch not stored: %v", i, r.Err)
		}
	}
	d := &Driver{Stored: func([]Input, []store.Result, map[uint64]revision.UpdateSummary) error { return nil }}
	if err := d.finish(db, prev); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range res {
		ids = append(ids, r.Story)
	}
	pairs, err := db.StaleSummaries(ids)
	if err != nil {
		t.Fatal(err)
	}
	// The second batch may have made some stale again (a late version),
	// but every summary the first batch computed is on its record unless
	// so.
	for _, c := range prev.job.computed {
		for _, p := range pairs {
			if p.Arrival == c.Arrival && p.PrevArrival == c.PrevArrival {
				t.Errorf("summary of r%d (after r%d) not stored", c.Arrival, c.PrevArrival)
			}
		}
	}
	if len(warned) > 0 {
		t.Errorf("warnings: %q", warned)
	}
}
