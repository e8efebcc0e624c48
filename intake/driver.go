package intake

import (
	"context"
	"fmt"
	"io"
	"iter"
	"time"

	"lede/revision"
	"lede/revision/wire"
	"lede/store"
)

// Driver runs the stages over a listing of inputs, a batch at a time:
// parse the next batch while the last is stored, store it in one
// transaction, summarise its updates (while the next batch is stored,
// see runOverlapped), hand it to Stored and let go of it. It is lede ingest's loop; it reports through Stored, never by
// printing, so that the caller decides what a user sees.
type Driver struct {
	// Open opens the database for writing. The driver opens it for each
	// batch and closes it after, so readers get their turn between
	// batches.
	Open func(ctx context.Context) (*store.DB, error)
	// Path is the database file, whose knocking readers the driver lets
	// in before each batch (see store.YieldToReaders).
	Path string
	// Batch is how many items a transaction stores at most.
	Batch int
	// Stdin is what an input named "-" reads.
	Stdin io.Reader
	// Wire are the options of every parse.
	Wire wire.Options
	// Summaries is the summarise stage, kept from batch to batch.
	Summaries *Summaries
	// Stored is handed each batch once it is stored: results[i] is the
	// outcome of batch[i], parse failures included, and sums the update
	// summaries computed, by arrival. An error stops the run.
	Stored func(batch []Input, results []store.Result, sums map[uint64]revision.UpdateSummary) error

	// storing is the time spent in the write transactions so far, the
	// serial part of the loop (BenchmarkDriver reports it).
	storing time.Duration
}

// Run stores the inputs batch by batch until they are all stored, ctx
// ends or a batch cannot be stored or reported. It returns ctx's error
// when ctx ended, else the error that stopped it. A batch once begun is
// finished even if ctx ends: stopping is between batches.
func (d *Driver) Run(ctx context.Context, inputs iter.Seq[Input]) error {
	pctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := ParseBatches(pctx, inputs, d.Batch, d.Stdin, d.Wire)
	var fatal error
	if overlapSummaries {
		fatal = d.runOverlapped(ctx, batches)
	} else {
		fatal = d.runSerial(ctx, batches)
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return fatal
}

// runSerial is Run's loop with each batch summarised and reported before
// the next is stored.
func (d *Driver) runSerial(ctx context.Context, batches <-chan []Input) (fatal error) {
	for {
		batch, ok := nextBatch(ctx, batches)
		if !ok {
			break
		}
		store.YieldToReaders(ctx, d.Path)
		if fatal = d.storeAndReport(ctx, batch); fatal != nil {
			break
		}
	}
	return fatal
}

// nextBatch waits for the next parsed batch. It gives up as soon as ctx
// ends, even while a read is slow (a file on a stalled network mount,
// standard input from a quiet pipe): Ctrl-C stops an ingest between
// batches, never waiting for a read that may not end.
func nextBatch(ctx context.Context, batches <-chan []Input) ([]Input, bool) {
	select {
	case batch, ok := <-batches:
		return batch, ok && ctx.Err() == nil
	case <-ctx.Done():
		return nil, false
	}
}

// storeAndReport stores one parsed batch, reports it and lets go of its
// inputs' payloads, so memory holds the batches under way, not the run.
func (d *Driver) storeAndReport(ctx context.Context, batch []Input) error {
	results, sums, err := d.storeBatch(ctx, batch)
	if err != nil {
		return err
	}
	if err := d.Stored(batch, results, sums); err != nil {
		return err
	}
	Release(batch)
	return nil
}

// storeBatch opens the database, stores the batch with Store and closes
// it again. A batch of failures only needs no database.
func (d *Driver) storeBatch(ctx context.Context, batch []Input) ([]store.Result, map[uint64]revision.UpdateSummary, error) {
	if !anyParsed(batch) {
		results, _ := Store(ctx, nil, d.Summaries, batch)
		return results, nil, nil
	}
	db, err := d.Open(ctx)
	if err != nil {
		return nil, nil, err
	}
	results, sums := Store(ctx, db, d.Summaries, batch)
	if err := db.Close(); err != nil {
		return nil, nil, fmt.Errorf("closing database %s: %w", d.Path, err)
	}
	return results, sums, nil
}

// anyParsed reports whether some input of batch parsed, so that there is
// something to store.
func anyParsed(batch []Input) bool {
	for _, in := range batch {
		if in.Err == nil {
			return true
		}
	}
	return false
}
