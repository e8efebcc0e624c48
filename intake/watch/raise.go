package watch

import (
	"encoding/json"
	"errors"
	"regexp"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"lede/alert"
	"lede/revision"
	"lede/store"
)

// eventBatch is how many events a cycle turns into alerts at most.
const eventBatch = 500

// consume turns up to eventBatch of the events ingest left into alerts,
// by the rules, the follows and the mutes as they are now, and reports
// whether more are left.
func (w *watchRun) consume(db *store.DB) (more bool, err error) {
	rules, err := w.withWatchlist(db)
	if err != nil {
		return false, err
	}
	evs, err := db.EventsExcept(eventBatch, w.held.skip(time.Now()))
	if err != nil || len(evs) == 0 {
		return false, err
	}
	msgs, errs := draftAll(evs, rules, w.cfg.DBID, w.cfg.DBFlag)
	var consumed []uint64
	var alerts []store.NewAlert
	for i, e := range evs {
		if errs[i] != nil {
			// Kept in the outbox, not lost: see held.
			w.held.hold(w.cfg.Report, e, errs[i], time.Now())
			continue
		}
		consumed = append(consumed, e.Arrival)
		if msgs[i] == nil {
			continue
		}
		body, err := json.Marshal(msgs[i])
		if err != nil {
			return false, err
		}
		m := msgs[i]
		alerts = append(alerts, store.NewAlert{Arrival: e.Arrival, ID: m.ID, Story: e.Story, Marker: m.Marker.Text(),
			Headline: m.Headline, Kinds: m.Kinds, Ingested: e.Ingested, Body: body})
	}
	if err := db.AddAlerts(consumed, alerts, w.del.Infos()); err != nil {
		return false, err
	}
	w.alerts += len(alerts)
	return len(evs) == eventBatch, nil
}

// draftAll drafts the alert of each event by rules, on as many
// goroutines as Go may run at once (each draft diffs two versions):
// msgs[i] is the alert of evs[i], nil when the rules pass it over, or
// errs[i] why it could not be built. A kill or correction that lands
// with its story's first alert is drafted as alerted on (alertedInBatch).
func draftAll(evs []store.Event, rules revision.Rules, dbID, dbFlag string) (msgs []*alert.Alert, errs []error) {
	msgs = make([]*alert.Alert, len(evs))
	errs = make([]error, len(evs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(evs)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(evs); i = int(next.Add(1) - 1) {
				if errs[i] = evs[i].Err; errs[i] == nil {
					msgs[i], errs[i] = alert.Draft(evs[i], rules, dbID, dbFlag)
				}
			}
		})
	}
	wg.Wait()
	alertedInBatch(evs, msgs, errs, rules, dbID, dbFlag)
	return msgs, errs
}

// withWatchlist adds the stored follows and mutes to the rules.
func (w *watchRun) withWatchlist(db *store.DB) (revision.Rules, error) {
	r := w.cfg.Rules
	wl, err := db.Watchlist()
	if err != nil {
		return r, err
	}
	for _, s := range wl.Follow {
		r.Follow = append(r.Follow, s.UID)
	}
	for _, s := range wl.Mute {
		r.Mute = append(r.Mute, s.UID)
	}
	for _, g := range wl.Grep {
		re, err := regexp.Compile(g)
		if err != nil {
			return r, errors.New("a followed regular expression no longer compiles: " + g)
		}
		r.FollowGrep = append(r.FollowGrep, re)
	}
	return r, nil
}

// alertedInBatch drafts again, as a story already alerted on, each event
// the rules passed over whose story an earlier event of the same batch
// alerted on: a kill or correction that lands with its story's first
// alert. The store knew of no alert for the story when the events were
// read, since the batch's alerts are stored together at its end. Events
// come in arrival order, so "earlier" is the order they landed in.
func alertedInBatch(evs []store.Event, msgs []*alert.Alert, errs []error, rules revision.Rules, dbID, dbFlag string) {
	alerted := map[uint64]bool{}
	for i := range evs {
		if errs[i] != nil {
			continue
		}
		if msgs[i] == nil && !evs[i].Alerted && alerted[evs[i].StoryUID] {
			e := evs[i]
			e.Alerted = true
			msgs[i], errs[i] = alert.Draft(e, rules, dbID, dbFlag)
		}
		if msgs[i] != nil {
			alerted[evs[i].StoryUID] = true
		}
	}
}
