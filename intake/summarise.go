package intake

import (
	"fmt"
	"maps"
	"runtime"
	"sync"

	"lede/diff"
	"lede/revision"
	"lede/revision/assemble"
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

// summarizePair diffs one update against the revision before it, both
// whole: a version sent in parts joined, a partial rebuilt (what it was
// made of is kept with the summary).
func summarizePair(p store.UpdatePair, parsed map[uint64]*revision.Revision) (store.ComputedSummary, error) {
	old, err := wholeOr(parsed, p.PrevArrival, p.Prev, p.PrevWhole, fmt.Sprintf("%s@%d", p.Story, p.Rev-1))
	if err != nil {
		return store.ComputedSummary{}, err
	}
	cur, err := wholeOr(parsed, p.Arrival, p.Cur, p.CurWhole, fmt.Sprintf("%s@%d", p.Story, p.Rev))
	if err != nil {
		return store.ComputedSummary{}, err
	}
	r := diff.Compare(old.Rev, cur.Rev, diff.Options{})
	cs := store.ComputedSummary{Arrival: p.Arrival, PrevArrival: p.PrevArrival, Summary: r.UpdateSummary()}
	if p.CurWhole != nil && p.CurWhole.Partial {
		cs.Assembly = &store.AssemblyFacts{Sources: cur.Sources, Pickup: cur.Rev.Pickup, Unbuilt: cur.Unbuilt}
	}
	return cs, nil
}

// wholeOr is the whole version: made of what st names when the version is
// not one item, else the revision parsed already under arrival, or in
// parsed again.
func wholeOr(parsed map[uint64]*revision.Revision, arrival uint64, in store.Input, st *assemble.Stored, name string) (*assemble.Whole, error) {
	if st != nil {
		return assemble.Build(name, st, wire.Reparse)
	}
	if r := parsed[arrival]; r != nil {
		return &assemble.Whole{Rev: r}, nil
	}
	return wire.ReparseVersion(name, in.Source, in.Raw, nil)
}

// Summaries is the summarise stage: after each batch it computes and
// stores the update summaries the batch made missing or stale. It keeps
// the parses of the batch before, since a version's predecessor is most
// often in the same or the previous batch, and parsing it again from the
// store is what a summary costs otherwise.
type Summaries struct {
	// Warn is told of failures (nil: nobody is): summaries are derived
	// data, a failure is no error of the ingest, and history computes
	// what is missing.
	Warn func(msg string)
	last map[uint64]*revision.Revision
}

// Held is how many parses the stage keeps for the next batch: at most
// one batch's, so memory holds the batches under way, not the run.
func (s *Summaries) Held() int { return len(s.last) }

// Store computes and stores the summaries the batch made missing or
// stale (its own updates, and the versions after a late first version or
// in merged stories), in one more short transaction, and returns them by
// arrival.
func (s *Summaries) Store(db *store.DB, ins []store.Input, res []store.Result) map[uint64]revision.UpdateSummary {
	job := s.start(db, ins, res, nil)
	job.compute()
	return job.finish(db)
}

// summaryJob is one batch's summaries from finding what is stale to
// storing what was computed. Its three steps are apart so that lede
// ingest can diff one batch's updates (compute, which needs no database)
// while the next batch is stored (see Driver.step).
type summaryJob struct {
	s        *Summaries
	pairs    []store.UpdatePair
	parsed   map[uint64]*revision.Revision
	computed []store.ComputedSummary
	// stored says the summaries were stored with the next batch
	// (ingestWith), so finish only reports them.
	stored bool
}

// wanted asks the transaction of the next batch to list the pairs its
// summaries need (store.StaleWanted), leaving unread the raw inputs of
// the batch before, whose parses the stage holds.
func (s *Summaries) wanted() *store.StaleWanted {
	last := s.last
	return &store.StaleWanted{Parsed: func(a uint64) bool { return last[a] != nil }}
}

// start lists the summaries the batch made missing or stale and keeps
// its parses for the next batch. It returns nil when there is nothing to
// compute. The pairs are those its transaction listed, when it was asked
// to (listed, from wanted); else they are read from db.
func (s *Summaries) start(db *store.DB, ins []store.Input, res []store.Result, listed *store.StaleWanted) *summaryJob {
	var ids []string
	batch := map[uint64]*revision.Revision{}
	for j, r := range res {
		if !r.MakesSummaries() {
			continue
		}
		ids = append(ids, r.Story)
		ids = append(ids, r.Merged...)
		batch[r.Arrival] = ins[j].Rev
	}
	if len(ids) == 0 {
		return nil
	}
	parsed := maps.Clone(s.last)
	if parsed == nil {
		parsed = map[uint64]*revision.Revision{}
	}
	maps.Copy(parsed, batch)
	s.last = batch
	var pairs []store.UpdatePair
	var err error
	switch {
	case listed != nil && listed.Listed:
		pairs = listed.Pairs
	case listed != nil && listed.Err != nil:
		err = listed.Err
	default:
		pairs, err = db.StaleSummariesHaving(ids, func(a uint64) bool { return parsed[a] != nil })
	}
	if err != nil {
		s.warnf("update summaries not computed: %v", err)
		return nil
	}
	return &summaryJob{s: s, pairs: pairs, parsed: parsed}
}

// compute diffs the pairs; it touches no database.
func (j *summaryJob) compute() {
	if j == nil {
		return
	}
	computed, err := ComputeSummaries(j.pairs, j.parsed)
	if err != nil {
		j.s.warnf("an update summary not computed: %v", err)
	}
	j.computed, j.pairs, j.parsed = computed, nil, nil
}

// finish stores what compute found in db, when db is not nil, and
// returns it by arrival.
func (j *summaryJob) finish(db *store.DB) map[uint64]revision.UpdateSummary {
	if j == nil {
		return nil
	}
	if db != nil && !j.stored {
		if err := db.SetSummaries(j.computed); err != nil {
			j.s.warnf("update summaries not stored: %v", err)
		}
	}
	out := make(map[uint64]revision.UpdateSummary, len(j.computed))
	for _, c := range j.computed {
		out[c.Arrival] = c.Summary
	}
	return out
}

// warnf tells Warn of a failure.
func (s *Summaries) warnf(format string, args ...any) {
	if s.Warn != nil {
		s.Warn(fmt.Sprintf(format, args...))
	}
}
