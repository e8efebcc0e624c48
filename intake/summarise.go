package intake

import (
	"fmt"
	"runtime"
	"sync"

	"lede/diff"
	"lede/revision"
	"lede/revision/wire"
	"lede/store"
)

// ComputeSummaries diffs each pair, on as many goroutines as Go may run
// at once, and returns the summaries of the pairs that could be diffed
// with the first failure (an input that no longer parses). parsed holds
// revisions already parsed, by arrival; the others are parsed from raw.
func ComputeSummaries(pairs []store.UpdatePair, parsed map[uint64]*revision.Revision) ([]store.ComputedSummary, error) {
	sums := make([]store.ComputedSummary, len(pairs))
	errs := make([]error, len(pairs))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(pairs)) {
		wg.Go(func() {
			for i := range jobs {
				sums[i], errs[i] = summarizePair(pairs[i], parsed)
			}
		})
	}
	for i := range pairs {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	out := sums[:0]
	var first error
	for i, s := range sums {
		if errs[i] != nil {
			if first == nil {
				first = errs[i]
			}
			continue
		}
		out = append(out, s)
	}
	return out, first
}

// summarizePair diffs one update against the revision before it.
func summarizePair(p store.UpdatePair, parsed map[uint64]*revision.Revision) (store.ComputedSummary, error) {
	old, err := parsedOr(parsed, p.PrevArrival, p.Prev, fmt.Sprintf("%s@%d", p.Story, p.Rev-1))
	if err != nil {
		return store.ComputedSummary{}, err
	}
	cur, err := parsedOr(parsed, p.Arrival, p.Cur, fmt.Sprintf("%s@%d", p.Story, p.Rev))
	if err != nil {
		return store.ComputedSummary{}, err
	}
	r := diff.Compare(old, cur, diff.Options{})
	return store.ComputedSummary{Arrival: p.Arrival, PrevArrival: p.PrevArrival, Summary: r.UpdateSummary()}, nil
}

// parsedOr is the revision parsed already under arrival, or in parsed
// again.
func parsedOr(parsed map[uint64]*revision.Revision, arrival uint64, in store.Input, name string) (*revision.Revision, error) {
	if r := parsed[arrival]; r != nil {
		return r, nil
	}
	return wire.Reparse(name, in.Source, in.Raw)
}
