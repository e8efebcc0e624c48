package intake

import (
	"context"
	"fmt"
	"time"

	"lede/store"
)

// overlapSummaries says whether Run diffs a batch's updates while the
// next batch is stored (runOverlapped) or after it, before the next one
// (storeAndReport). Only tests turn it off, to compare the two.
var overlapSummaries = true

// inFlight is a batch stored whose summaries are being computed: done
// closes once compute has returned.
type inFlight struct {
	batch   []Input
	results []store.Result
	job     *summaryJob
	done    chan struct{}
}

// runOverlapped is Run's loop with the summarise stage moved off the
// critical path. The write transaction is serial, the diffs of a batch's
// updates are not and need no database, so each step stores the next
// batch while the batch before is diffed on the other cores, then stores
// and reports those summaries, lists the new batch's stale ones and sets
// them computing, and closes the file for readers as before. Batches are
// reported in order, each once its summaries are stored.
func (d *Driver) runOverlapped(ctx context.Context, batches <-chan []Input) error {
	var prev *inFlight
	var fatal error
	for {
		batch, ok, ready := readyBatch(ctx, batches, reportWait)
		if !ready && prev != nil {
			// Nothing to overlap with yet (a slow read, standard input
			// from a quiet pipe): report the batch stored now rather
			// than when the next one is.
			if fatal = d.finishLast(context.WithoutCancel(ctx), prev); fatal != nil {
				return fatal
			}
			prev = nil
		}
		if !ready {
			batch, ok = nextBatch(ctx, batches)
		}
		if !ok {
			break
		}
		store.YieldToReaders(ctx, d.Path)
		if prev, fatal = d.step(ctx, batch, prev); fatal != nil {
			break
		}
	}
	if prev != nil && fatal == nil {
		// The last batch is stored: finish its summaries and report it
		// even when ctx ended, as a begun batch is finished.
		fatal = d.finishLast(context.WithoutCancel(ctx), prev)
	}
	return fatal
}

// reportWait is how long runOverlapped waits for the next batch before
// it reports the batch stored without it: long enough for a parser
// that keeps up, short enough that a user reading from a slow source
// sees each line as its batch is stored.
const reportWait = 100 * time.Millisecond

// readyBatch takes the next parsed batch if it comes within wait; ready
// is false when the parser has none by then.
func readyBatch(ctx context.Context, batches <-chan []Input, wait time.Duration) (batch []Input, ok, ready bool) {
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case batch, ok = <-batches:
		return batch, ok && ctx.Err() == nil, true
	case <-ctx.Done():
		return nil, false, true
	case <-t.C:
		return nil, false, false
	}
}

// step stores batch, finishes prev and starts batch's summaries, with
// the database open once for all three. It returns batch in flight.
func (d *Driver) step(ctx context.Context, batch []Input, prev *inFlight) (*inFlight, error) {
	ins, at, results := Prepared(batch)
	if len(ins) == 0 && (prev == nil || prev.job == nil) {
		if err := d.finish(nil, prev); err != nil {
			return nil, err
		}
		return &inFlight{batch: batch, results: results}, nil
	}
	db, err := d.Open(ctx)
	if err != nil {
		d.finish(nil, prev) // stored already: report it, summaries left for history
		return nil, err
	}
	var res []store.Result
	stale := d.Summaries.wanted()
	if len(ins) > 0 {
		start := time.Now()
		res = ingestWith(context.WithoutCancel(ctx), db, ins, prev, stale)
		d.storing += time.Since(start)
		Place(results, at, res)
	}
	// A batch in flight is held a step longer than before: keep of it
	// only what its summaries and report need, its parses, so the heap
	// stays near the serial loop's under lede ingest's soft limit.
	for i := range batch {
		batch[i].Raw, batch[i].Stored = nil, nil
	}
	err = d.finish(db, prev)
	cur := &inFlight{batch: batch, results: results}
	if err == nil && len(ins) > 0 {
		cur.start(d.Summaries.start(db, ins, res, stale))
	}
	clear(ins) // the store's copies: raw, compressed, features
	if cerr := db.Close(); cerr != nil && err == nil {
		err = fmt.Errorf("closing database %s: %w", d.Path, cerr)
	}
	if err != nil {
		return nil, err
	}
	return cur, nil
}

// ingestWith stores ins as Ingest does, and with them, in the same
// transaction, the summaries of prev once they are computed (see
// store.IngestWith), which finish then reports without storing them
// again; it has the transaction list the pairs of ins's own summaries in
// stale. If that transaction fails, the inputs are stored one by one as
// Ingest does, finish stores the summaries on their own and stale is
// left unset.
func ingestWith(ctx context.Context, db *store.DB, ins []store.Input, prev *inFlight, stale *store.StaleWanted) []store.Result {
	var pending *store.PendingSummaries
	if prev != nil && prev.job != nil {
		pending = &store.PendingSummaries{Wait: func() []store.ComputedSummary {
			<-prev.done
			return prev.job.computed
		}}
	}
	res, err := db.IngestWith(ctx, ins, pending, stale)
	if err != nil {
		return oneByOne(db, ins)
	}
	if pending == nil {
		return res
	}
	prev.job.stored = true
	if pending.Err != nil {
		prev.job.s.warnf("update summaries not stored: %v", pending.Err)
	}
	return res
}

// start sets job computing on its own goroutine.
func (f *inFlight) start(job *summaryJob) {
	f.job, f.done = job, make(chan struct{})
	go func() {
		defer close(f.done)
		job.compute()
	}()
}

// finish waits for f's summaries, stores them in db (nil: not stored,
// history computes them when asked), reports f and lets go of its inputs.
func (d *Driver) finish(db *store.DB, f *inFlight) error {
	if f == nil {
		return nil
	}
	if f.done != nil {
		<-f.done
	}
	sums := f.job.finish(db)
	if err := d.Stored(f.batch, f.results, sums); err != nil {
		return err
	}
	Release(f.batch)
	return nil
}

// finishLast finishes the last batch in flight, opening the database
// again if its summaries need storing.
func (d *Driver) finishLast(ctx context.Context, f *inFlight) error {
	if f.job == nil {
		return d.finish(nil, f)
	}
	db, err := d.Open(ctx)
	if err != nil {
		d.finish(nil, f)
		return err
	}
	err = d.finish(db, f)
	if cerr := db.Close(); cerr != nil && err == nil {
		err = fmt.Errorf("closing database %s: %w", d.Path, cerr)
	}
	return err
}
