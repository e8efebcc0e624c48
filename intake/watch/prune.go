package watch

import (
	"time"

	"lede/store"
)

// pruneEvery is how often a watch deletes alerts older than
// --keep-alerts, and pruneBatch how many at most at a time.
const (
	pruneEvery = time.Hour
	pruneBatch = 1000
)

// prune deletes, once per pruneEvery, up to pruneBatch alerts older than
// --keep-alerts that every sink is done with.
func (w *watchRun) prune(db *store.DB) {
	now := time.Now()
	if w.cfg.KeepAlerts == 0 || now.Sub(w.pruned) < pruneEvery {
		return
	}
	n, err := db.PruneAlerts(now.Add(-w.cfg.KeepAlerts), pruneBatch)
	if err != nil {
		w.warnf("old alerts not deleted yet: %v", err)
		return
	}
	if n == pruneBatch {
		// More are due: go on at the next cycle.
		w.more = true
	} else {
		w.pruned = now
	}
	if n > 0 {
		w.cfg.Report.Pruned(n, w.cfg.KeepAlerts)
	}
}
