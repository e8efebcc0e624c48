package main

import (
	"context"
	"encoding/json"
	"fmt"

	"lede/intake"
	"lede/store"
)

// summaryCheck is what check --summaries found: stored update summaries
// that the diff engine no longer agrees with, and the summaries to store
// instead.
type summaryCheck struct {
	updates  int
	problems []string                // updates that cannot be compared again
	wrong    []string                // summaries missing or different ...
	fixes    []store.ComputedSummary // ... and what to store instead
}

// checkSummaries diffs every update of the database again and compares
// the result with the summary ingest stored for it. A summary can be
// missing (a crash between storing a batch and summarising it), stale (a
// story changed under it) or from an older build whose diff counted
// differently.
// total, the number of updates expected, sizes the progress bar shown on
// a terminal.
func (l *lede) checkSummaries(ctx context.Context, total int) (summaryCheck, error) {
	var sc summaryCheck
	bar := l.newProgress("check --summaries", total)
	defer bar.clear()
	err := l.withRead(ctx, func(db *store.DB) error {
		return db.EachUpdate(256, func(pairs []store.UpdatePair) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			defer func() { bar.draw(sc.updates) }()
			sums, failed := intake.ComputeSummaries(pairs, nil)
			byArrival := map[uint64]store.ComputedSummary{}
			for _, s := range sums {
				byArrival[s.Arrival] = s
			}
			for _, p := range pairs {
				sc.updates++
				name := fmt.Sprintf("%s@%d", p.Story, p.Rev)
				now, ok := byArrival[p.Arrival]
				switch {
				case !ok:
					sc.problems = append(sc.problems, fmt.Sprintf("%s: cannot be compared again: %v", name, failed))
					continue
				case p.Stored == nil:
					sc.wrong = append(sc.wrong, fmt.Sprintf("%s: no update summary stored (the diff gives %q)", name, summaryText(now.Summary)))
				case !equalSummaries(*p.Stored, now.Summary):
					sc.wrong = append(sc.wrong, fmt.Sprintf("%s: stored summary %q, the diff now gives %q",
						name, summaryText(*p.Stored), summaryText(now.Summary)))
				default:
					continue
				}
				sc.fixes = append(sc.fixes, now)
			}
			return nil
		})
	})
	return sc, err
}

// equalSummaries compares two summaries as they are stored, so that an
// empty list and a missing one are alike.
func equalSummaries(a, b any) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && string(x) == string(y)
}
