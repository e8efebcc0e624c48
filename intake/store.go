package intake

import (
	"context"
	"errors"
	"strings"

	"lede/revision"
	"lede/store"
)

// Store is the store stage of every way in: it stores the items of a
// parsed batch that parsed in one transaction (see Ingest), summarises
// the updates with sums, and returns one result per item, failures
// included, with the summaries by arrival. db may be nil when no item
// parsed. Once begun, the batch is stored whole even if ctx ends.
func Store(ctx context.Context, db *store.DB, sums *Summaries, batch []Input) ([]store.Result, map[uint64]revision.UpdateSummary) {
	ins, at, results := Prepared(batch)
	if len(ins) == 0 {
		return results, nil
	}
	res := Ingest(context.WithoutCancel(ctx), db, ins)
	computed := sums.Store(db, ins, res)
	Place(results, at, res)
	return results, computed
}

// Prepared splits a parsed batch into the store's inputs, for the items
// that parsed, and one result per item with the failures filled in: at[j]
// is the item ins[j] came from, so Place can put the store's results
// beside them.
func Prepared(batch []Input) (ins []store.Input, at []int, results []store.Result) {
	results = make([]store.Result, len(batch))
	for i, in := range batch {
		if in.Err != nil {
			results[i] = store.Result{Source: in.Source, Status: store.StatusError, Err: in.Err}
			continue
		}
		ins, at = append(ins, *in.Stored), append(at, i)
	}
	return ins, at, results
}

// Place puts the store's results for ins (see Prepared) in their items'
// places.
func Place(results []store.Result, at []int, res []store.Result) {
	for j, r := range res {
		results[at[j]] = r
	}
}

// Ingest stores ins in one transaction and, when that fails as a whole
// (maybe for one input), one by one so only the inputs that fail are
// lost: each is an error result.
func Ingest(ctx context.Context, db *store.DB, ins []store.Input) []store.Result {
	res, err := db.Ingest(ctx, ins)
	if err == nil {
		return res
	}
	return oneByOne(db, ins)
}

// oneByOne stores each of ins in a transaction of its own, for a batch
// whose transaction failed: only the inputs that fail are lost, each an
// error result.
func oneByOne(db *store.DB, ins []store.Input) []store.Result {
	out := make([]store.Result, len(ins))
	for i, in := range ins {
		res, err := db.Ingest(context.Background(), []store.Input{in})
		if err != nil {
			// The store prefixes the source, which the line shows anyway.
			msg := strings.TrimPrefix(err.Error(), in.Source+": ")
			out[i] = store.Result{Source: in.Source, Status: store.StatusError, Err: errors.New(msg)}
			continue
		}
		out[i] = res[0]
	}
	return out
}
