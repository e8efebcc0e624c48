package watch

import (
	"lede/alert"
	"lede/revision"
	"lede/store"
)

// alertedInBatch drafts again, as a story already alerted on, each event
// the rules passed over whose story an earlier event of the same batch
// alerted on: a kill or correction that lands with its story's first
// alert. The store knew of no alert for the story when the events were
// read, since the batch's alerts are stored together at its end. Events
// come in arrival order, so "earlier" is the order they landed in.
func (w *watchRun) alertedInBatch(evs []store.Event, msgs []*alert.Alert, errs []error, rules revision.Rules) {
	alerted := map[uint64]bool{}
	for i := range evs {
		if errs[i] != nil {
			continue
		}
		if msgs[i] == nil && !evs[i].Alerted && alerted[evs[i].StoryUID] {
			e := evs[i]
			e.Alerted = true
			msgs[i], errs[i] = alert.Draft(e, rules, w.cfg.DBID, w.cfg.DBFlag)
		}
		if msgs[i] != nil {
			alerted[evs[i].StoryUID] = true
		}
	}
}
