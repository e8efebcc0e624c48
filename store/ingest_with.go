package store

import (
	"context"
	"time"
)

// PendingSummaries are the update summaries of a batch stored before,
// to be stored in the transaction of the next batch (IngestWith).
type PendingSummaries struct {
	// Wait returns the summaries once they are computed. IngestWith
	// calls it after storing its inputs, so they may be computed while
	// those are stored.
	Wait func() []ComputedSummary
	// Err says why the summaries were not stored (a record that cannot
	// be read, as SetSummaries would fail); nil when they were. The
	// inputs are stored either way.
	Err error
}

// IngestWith is Ingest, storing pending's summaries in the same
// transaction after the inputs, as SetSummaries right after Ingest
// would. lede ingest stores a batch while the summaries of the one
// before are computed; storing those in their own transaction cost a
// second commit (a freelist and meta write and two file syncs) and a
// second rebuild of the listings of the stories both batches touched,
// for every batch. If the summaries cannot be stored, pending.Err says
// why and the inputs are stored all the same; an error returned means
// that nothing was stored, neither inputs nor summaries. pending may be
// nil.
func (db *DB) IngestWith(ctx context.Context, inputs []Input, pending *PendingSummaries) ([]Result, error) {
	results := make([]Result, len(inputs))
	arrivals := make([]uint64, len(inputs))
	start := time.Now()
	err := db.update(func(tx txn) error {
		if err := db.ingestIn(ctx, tx, inputs, results, arrivals, start); err != nil {
			return err
		}
		if pending == nil {
			return nil
		}
		puts, err := tx.summaryPuts(pending.Wait())
		if err != nil {
			pending.Err = err
			return nil
		}
		pending.Err = nil
		return tx.putSummaries(puts)
	})
	if err != nil {
		return nil, err
	}
	return results, nil
}
