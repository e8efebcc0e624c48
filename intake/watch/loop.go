package watch

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/fsnotify/fsnotify"

	"lede/alert"
	"lede/intake"
	"lede/revision"
	"lede/revision/wire"
	"lede/store"
)

// watchRun is one lede watch: its options, the files it follows and the
// deliveries in flight. Only its loop goroutine touches the database,
// and only for a moment per cycle.
type watchRun struct {
	cfg    Config
	files  *intake.Tracker
	del    *alert.Deliverer
	tally  map[store.Status]int
	alerts int
	// more is set when a cycle left events for the next one: a cycle
	// turns at most eventBatch of them into alerts, so that a backlog
	// (a long lede ingest) never holds the database for long.
	more bool
	// sess is the database while it is open, since sessSince; see
	// watch_session.go.
	sess      *store.DB
	sessSince time.Time
	// held are the events whose alert could not be built yet.
	held heldEvents
	// pruned is when old alerts were last deleted (--keep-alerts).
	pruned time.Time
}

// eventBatch is how many events a cycle turns into alerts at most.
const eventBatch = 500

// StopGrace is how long a stopping watch lets sends in flight finish
// before it cancels them.
const StopGrace = 5 * time.Second

// run is the watch loop: it takes files as they settle and delivers
// alerts, until ctx ends (or, with --once, until the work is done).
func (w *watchRun) run(ctx context.Context) error {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		w.warnf("no file change events (%v); rescanning every %s", err, w.cfg.Rescan)
	} else {
		defer fsw.Close()
		w.files.Watch(fsw)
	}
	sendCtx, cancelSends := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelSends()
	w.files.Scan(time.Now())
	w.skipTaken(ctx)
	if w.cfg.Once {
		return w.runOnce(ctx, sendCtx)
	}
	var events chan fsnotify.Event
	var errs chan error
	if fsw != nil {
		events, errs = fsw.Events, fsw.Errors
	}
	w.cycle(ctx, sendCtx, nil) // what earlier runs and lede ingest left
	rescanAt := time.Now().Add(w.cfg.Rescan)
	for ctx.Err() == nil {
		wake := rescanAt
		if w.more {
			wake = time.Now()
		}
		for _, t := range []time.Time{w.files.NextCheck(), w.del.NextWake(), w.holdUntil()} {
			if !t.IsZero() && t.Before(wake) {
				wake = t
			}
		}
		timer := time.NewTimer(time.Until(wake))
		busy := false
		select {
		case <-ctx.Done():
		case ev := <-events:
			w.files.Event(ev, time.Now())
		case err := <-errs:
			// Most likely the event queue overflowed: rescan now.
			w.warnf("file events: %v; rescanning", err)
			rescanAt = time.Now()
		case r := <-w.del.Done():
			w.del.Got(r)
			busy = true
		case <-timer.C:
			busy = w.more || !time.Now().Before(w.del.NextWake()) && !w.del.NextWake().IsZero()
		}
		timer.Stop()
		now := time.Now()
		if !now.Before(rescanAt) {
			// Also picks up events and lede alerts --retry from
			// other processes.
			w.files.Scan(now)
			rescanAt, busy = now.Add(w.cfg.Rescan), true
		}
		if ready := w.files.Ready(now, w.cfg.Batch); (len(ready) > 0 || busy) && ctx.Err() == nil {
			w.cycle(ctx, sendCtx, ready)
		}
		w.release(false)
	}
	return w.stop(cancelSends)
}

// runOnce takes the files that have held still for --settle, delivers
// what is due and returns.
func (w *watchRun) runOnce(ctx, sendCtx context.Context) error {
	select {
	case <-ctx.Done():
	case <-time.After(w.cfg.Settle):
	}
	for ctx.Err() == nil {
		ready := w.files.Ready(time.Now().Add(w.cfg.Settle), w.cfg.Batch)
		w.cycle(ctx, sendCtx, ready)
		if len(ready) < w.cfg.Batch && !w.more {
			break
		}
	}
	for ctx.Err() == nil && !w.del.Idle() {
		w.await()
		w.cycle(ctx, sendCtx, nil)
	}
	w.release(true)
	if ctx.Err() != nil {
		return w.stop(func() {})
	}
	for path := range w.files.Waiting() {
		w.warnf("%s is still being written; left for the next run", path)
	}
	return nil
}

// stop lets the sends in flight finish (for a while), stores their
// outcomes and reports.
func (w *watchRun) stop(cancelSends context.CancelFunc) error {
	t := time.AfterFunc(StopGrace, cancelSends)
	defer t.Stop()
	for !w.del.Idle() {
		w.await()
	}
	if w.del.Pending() {
		db, err := w.session(context.Background())
		if err == nil {
			err = w.del.Record(db)
		}
		if err != nil {
			w.warnf("delivery states not stored: %v (the alerts will be sent again)", err)
		}
	}
	w.release(true)
	return context.Canceled
}

// cycle is one short spell with the database: store the pages given,
// turn new events into alerts, store the outcomes of finished sends and
// start the sends that are due. When the database is busy, the pages
// wait for the next cycle. The database stays open for release to
// close.
func (w *watchRun) cycle(ctx, sendCtx context.Context, paths []string) {
	inputs := w.parse(paths)
	db, err := w.session(ctx)
	if err != nil {
		if ctx.Err() == nil {
			w.warnf("%v; trying again shortly", err)
		}
		for _, in := range inputs {
			w.files.Later(in.File, time.Now())
		}
		return
	}
	if len(inputs) > 0 {
		w.store(db, inputs)
		w.stamp(db, inputs)
	}
	if w.more, err = w.consume(db); err != nil {
		w.warnf("alerts not raised yet: %v", err)
	}
	if err := w.del.Record(db); err != nil {
		w.warnf("delivery states not stored yet: %v", err)
	}
	if err := w.del.Dispatch(sendCtx, db, time.Now()); err != nil {
		w.warnf("alerts not sent yet: %v", err)
	}
	w.prune(db)
}

// parse reads and parses the files given. A page that is cut off or does
// not parse while its file is younger than --incomplete is left for
// later: its writer may not be done (not with --once, which takes what
// is there).
func (w *watchRun) parse(paths []string) []intake.Input {
	inputs := make([]intake.Input, len(paths))
	for i, p := range paths {
		inputs[i] = intake.Input{Source: p}
	}
	var out []intake.Input
	now := time.Now()
	for _, items := range intake.ParseAll(inputs, nil, wire.Options{MaxSize: w.cfg.MaxSize}) {
		file := items[0].File
		if !w.cfg.Once && slices.ContainsFunc(items, unfinished) {
			if st, err := os.Stat(file); err == nil && now.Sub(st.ModTime()) < w.cfg.Incomplete {
				w.files.Later(file, now)
				continue
			}
		}
		out = append(out, items...)
	}
	return out
}

// unfinished reports whether an item failed or is cut off: in a young
// file its writer may not be done (a JSON lines file still growing, a
// TREC day file cut mid-<DOC>), so the whole file waits.
func unfinished(in intake.Input) bool { return in.Err != nil || !in.Rev.Complete }

// skipTaken marks as taken the files an earlier watch took that have
// not changed since, so a restart does not read them all again.
func (w *watchRun) skipTaken(ctx context.Context) {
	abs := map[string]string{}
	for path := range w.files.Waiting() {
		if a, err := filepath.Abs(path); err == nil {
			abs[a] = path
		}
	}
	var known map[string]store.FileStamp
	db, err := w.cfg.OpenRead(ctx)
	if err == nil {
		known, err = db.FileStamps(slices.Collect(maps.Keys(abs)))
		db.Close()
	}
	if err != nil {
		w.warnf("%v; reading every file again", err)
		return
	}
	for a, s := range known {
		path := abs[a]
		if size, mod, ok := w.files.Stamp(path); ok && size == s.Size && mod.UnixNano() == s.Mod {
			w.files.Taken(path)
		}
	}
}

// stamp notes the version of each file taken, for skipTaken.
func (w *watchRun) stamp(db *store.DB, inputs []intake.Input) {
	stamps := map[string]store.FileStamp{}
	for _, in := range inputs {
		size, mod, ok := w.files.Stamp(in.File)
		if a, err := filepath.Abs(in.File); err == nil && ok {
			stamps[a] = store.FileStamp{Size: size, Mod: mod.UnixNano()}
		}
	}
	if err := db.SetFileStamps(stamps); err != nil {
		w.warnf("files taken not noted (a restart reads them again): %v", err)
	}
}

// store ingests parsed inputs like lede ingest and reports failures.
func (w *watchRun) store(db *store.DB, inputs []intake.Input) {
	for _, in := range inputs {
		w.files.Taken(in.File)
	}
	ins, at, results := intake.Prepared(inputs)
	if len(ins) > 0 {
		res := intake.Ingest(context.Background(), db, ins)
		w.cfg.Summaries.Store(db, ins, res)
		intake.Place(results, at, res)
	}
	for _, r := range results {
		w.tally[r.Status]++
		w.cfg.Report.Taken(r)
	}
}

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
	msgs := make([]*alert.Alert, len(evs))
	errs := make([]error, len(evs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(evs)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(evs); i = int(next.Add(1) - 1) {
				if errs[i] = evs[i].Err; errs[i] == nil {
					msgs[i], errs[i] = alert.Draft(evs[i], rules, w.cfg.DBID, w.cfg.DBFlag)
				}
			}
		})
	}
	wg.Wait()
	w.alertedInBatch(evs, msgs, errs, rules)
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

// warnf reports a problem the watch works around.
func (w *watchRun) warnf(format string, args ...any) {
	w.cfg.Report.Warn(fmt.Sprintf(format, args...))
}
