package main

import (
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"

	"lede/diff"
	"lede/revision"
	"lede/revision/wire"
	"lede/store"
)

// computeSummaries diffs each pair, on as many goroutines as Go may run
// at once, and returns the summaries of the pairs that could be diffed
// with the first failure (an input that no longer parses). parsed holds
// revisions already parsed, by arrival; the others are parsed from raw.
func computeSummaries(pairs []store.UpdatePair, parsed map[uint64]*revision.Revision) ([]store.ComputedSummary, error) {
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

// summaryText is the one-line form of an update summary for ingest and
// history: "+3 ~2 -1 moved 1, headline changed; note: 2 confirmed, 1 not
// seen; 1 unannounced".
func summaryText(s revision.UpdateSummary) string {
	parts := []string{s.String()}
	if len(s.Verdicts) > 0 {
		parts = append(parts, "note: "+noteTally(s))
	}
	if s.Unannounced > 0 {
		parts = append(parts, fmt.Sprintf("%d unannounced", s.Unannounced))
	}
	return strings.Join(parts, "; ")
}

// noteTally counts the note check's verdicts: "2 confirmed, 1 not seen".
func noteTally(s revision.UpdateSummary) string {
	confirmed, notSeen, unverifiable := s.VerdictCounts()
	var parts []string
	for _, c := range []struct {
		n    int
		what string
	}{{confirmed, "confirmed"}, {notSeen, "not seen"}, {unverifiable, "unverifiable"}} {
		if c.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c.n, c.what))
		}
	}
	return strings.Join(parts, ", ")
}

// missingSummaries lists the updates of s whose stored summary is missing
// or stale (an older database, or a crash between a batch and its
// summaries), with their inputs, so history can compute them without
// writing.
func missingSummaries(db *store.DB, s store.Story) ([]store.UpdatePair, error) {
	var pairs []store.UpdatePair
	raws := map[int][]byte{}
	raw := func(rev int) ([]byte, error) {
		if b, ok := raws[rev]; ok {
			return b, nil
		}
		_, _, b, err := db.Revision(s.ID, rev)
		raws[rev] = b
		return b, refError(err)
	}
	for i := 1; i < len(s.Versions); i++ {
		prev, cur := s.Versions[i-1], s.Versions[i]
		if cur.Summary != nil {
			continue
		}
		p := store.UpdatePair{Story: s.ID, Rev: cur.Rev, Arrival: cur.Record.Arrival, PrevArrival: prev.Record.Arrival,
			Prev: store.Input{Source: prev.Source}, Cur: store.Input{Source: cur.Source}}
		var err error
		if p.Prev.Raw, err = raw(prev.Rev); err != nil {
			return nil, err
		}
		if p.Cur.Raw, err = raw(cur.Rev); err != nil {
			return nil, err
		}
		pairs = append(pairs, p)
	}
	return pairs, nil
}

// fillSummaries computes the summaries missingSummaries found and sets
// them in s; one that cannot be computed stays missing, with a warning.
func fillSummaries(s store.Story, pairs []store.UpdatePair, stderr io.Writer) {
	if len(pairs) == 0 {
		return
	}
	sums, err := computeSummaries(pairs, nil)
	if err != nil {
		fmt.Fprintf(stderr, "lede: warning: %v\n", err)
	}
	byArrival := map[uint64]revision.UpdateSummary{}
	for _, c := range sums {
		byArrival[c.Arrival] = c.Summary
	}
	for i := range s.Versions {
		if sum, ok := byArrival[s.Versions[i].Record.Arrival]; ok {
			s.Versions[i].Summary = &sum
		}
	}
}

// summaryStyled is summaryText for a terminal: note actions not seen in
// the text stand out.
func summaryStyled(s revision.UpdateSummary, st style) string {
	text := summaryText(s)
	if _, notSeen, _ := s.VerdictCounts(); notSeen > 0 {
		return st.warn(text)
	}
	return text
}
