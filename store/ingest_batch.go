package store

import (
	"cmp"
	"context"
	"fmt"
	"time"
)

// Ingest stores a batch of inputs in one write transaction: each input is
// a duplicate (same content already stored), a new story or an update of
// an existing one. Either the whole batch lands or none of it does, so a
// crash mid-way loses at most the batch, and re-running it completes the
// work without duplicates.
func (db *DB) Ingest(ctx context.Context, inputs []Input) ([]Result, error) {
	return db.IngestWith(ctx, inputs, nil, nil)
}

// ingestIn is Ingest's work inside its transaction: results and arrivals
// are filled in by input.
func (db *DB) ingestIn(ctx context.Context, tx txn, inputs []Input, results []Result, arrivals []uint64, start time.Time) error {
	now := start.Unix()
	groups := groupAhead(inputs)
	defer groups() // the grouping reads inputs: done before the caller goes on
	tx.cache = newTermCache()
	appendFill(tx)
	outbox := !db.noEvents && tx.outboxOn()
	var prevs []int
	if outbox {
		prevs = make([]int, len(inputs))
	}
	for i, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if d := in.Rev.Date; !d.Valid() {
			// The parsers give an impossible date as unknown; a
			// record holding one troubles later reads (dates.go).
			return fmt.Errorf("%s: date %04d-%02d-%02d is not a real date", in.Source, d.Year, d.Month, d.Day)
		}
		r, arrival, err := tx.ingestOne(in, now)
		if err != nil {
			return fmt.Errorf("%s: %w", in.Source, err)
		}
		if arrival != 0 {
			r.Arrival, r.Ref = arrival, cmp.Or(r.Joined, RefOf(arrival))
		}
		results[i], arrivals[i] = r, arrival
		if outbox && arrival != 0 && r.Joined == "" {
			// The highest version before it, as it landed: a batch
			// holding a LEAD and its 2nd LD alerts for both.
			if prevs[i], err = tx.prevSeq(arrival); err != nil {
				return err
			}
		}
	}
	if err := tx.putTextBatch(inputs, arrivals, groups()); err != nil {
		return err
	}
	if err := tx.settle(results, arrivals); err != nil {
		return err
	}
	if !outbox {
		return nil
	}
	return tx.putEvents(results, arrivals, prevs, start)
}

// putEvents fills the alert outbox (outbox.go) with a batch's events:
// prevs[i] is the highest version input i's story held before it. A
// revision that ends leading a story of its own had nothing before it
// there.
func (tx txn) putEvents(results []Result, arrivals []uint64, prevs []int, start time.Time) error {
	for i, a := range arrivals {
		if a == 0 || results[i].Joined != "" {
			continue // a part joined to a version alerted on as it came
		}
		isNew := results[i].Status == StatusNewStory
		if isNew {
			prevs[i] = -1
		}
		if err := tx.putEvent(a, isNew, prevs[i], start); err != nil {
			return err
		}
	}
	return nil
}

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
// that nothing was stored, neither inputs nor summaries. With stale, it
// also lists the update pairs the batch made missing or stale (see
// StaleWanted). pending and stale may be nil.
func (db *DB) IngestWith(ctx context.Context, inputs []Input, pending *PendingSummaries, stale *StaleWanted) ([]Result, error) {
	results := make([]Result, len(inputs))
	arrivals := make([]uint64, len(inputs))
	start := time.Now()
	err := db.update(func(tx txn) error {
		if err := db.ingestIn(ctx, tx, inputs, results, arrivals, start); err != nil {
			return err
		}
		if pending != nil {
			if err := tx.storePending(pending); err != nil {
				return err
			}
		}
		if stale == nil {
			return nil
		}
		if err := tx.flushListings(); err != nil {
			return err
		}
		stale.list(tx, results)
		return nil
	})
	if err != nil {
		if stale != nil {
			*stale = StaleWanted{Parsed: stale.Parsed} // listed in a transaction that did not commit
		}
		return nil, err
	}
	return results, nil
}

// storePending stores pending's summaries, or says in pending.Err why
// they cannot be.
func (tx txn) storePending(pending *PendingSummaries) error {
	puts, err := tx.summaryPuts(pending.Wait())
	if err != nil {
		pending.Err = err
		return nil
	}
	pending.Err = nil
	return tx.putSummaries(puts)
}

// StaleWanted asks IngestWith for the update pairs its batch made missing
// or stale: what StaleSummariesHaving would list right after it for the
// stories that got a version (MakesSummaries), with the raw inputs of
// the batch's own versions left unread. They are read from the stories
// loaded to rebuild their listings, in the same transaction: a read
// transaction of their own, decoding every version of each story again,
// was half the time lede ingest's loop spent between transactions.
type StaleWanted struct {
	// Parsed says which revisions besides the batch's own the caller
	// holds parsed, so their raw inputs are not read either; nil: none.
	Parsed func(arrival uint64) bool
	// Pairs are the pairs when Listed; Err says why they could not be
	// listed (the inputs are stored all the same). Neither is set when
	// the batch was not stored.
	Pairs  []UpdatePair
	Listed bool
	Err    error
}

// list lists the pairs of the stories results stored versions in.
func (w *StaleWanted) list(tx txn, results []Result) {
	var ids []string
	batch := map[uint64]bool{}
	for _, r := range results {
		if r.MakesSummaries() {
			ids = append(ids, r.Story)
			ids = append(ids, r.Merged...)
			batch[r.Arrival] = true
		}
	}
	have := func(a uint64) bool { return batch[a] || w.Parsed != nil && w.Parsed(a) }
	w.Pairs, w.Err = tx.stalePairs(ids, have)
	w.Listed = w.Err == nil
}

// MakesSummaries says whether a result stored a version whose story's
// update summaries may now be missing or stale: a new story's or an
// update's.
func (r Result) MakesSummaries() bool {
	return r.Status == StatusNewStory || r.Status == StatusUpdate
}

// appendFill has the buckets an ingest writes in key order split full
// nodes rather than half-full ones (bbolt's default, made for random
// inserts): raw inputs and arrivals are keyed by arrival, so a batch only
// adds to their ends, and every half-full page a split left behind was
// kept in the file. At 10^5 synthetic pages the file of lede ingest is
// 522 MB instead of 600 MB (the store benchmark: 5,032 bytes a revision
// instead of 5,606), and lede ingest of 20,000 pages writes 44,774 pages
// instead of 48,081. A story's versions and features, keyed by story,
// keep the default: updates land among a story's earlier versions and
// would split full nodes in the middle (tried: 4,313 bytes a revision,
// at a speed this machine's noise could not tell from the default's).
func appendFill(tx txn) {
	for _, name := range [][]byte{bucketRaw, bucketArrivals} {
		tx.b(name).FillPercent = appendFillPercent
	}
}

// appendFillPercent is how full appendFill's buckets fill a node before
// they split it; the text index, written in order too, fills to 0.9.
const appendFillPercent = 0.95
