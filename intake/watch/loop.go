package watch

import (
	"context"
	"fmt"
	"time"

	"github.com/fsnotify/fsnotify"

	"lede/alert"
	"lede/intake"
	"lede/store"
)

// watchRun is one lede watch: its Config, the files it follows and the
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
	// session.go.
	sess      *store.DB
	sessSince time.Time
	// held are the events whose alert could not be built yet.
	held heldEvents
	// pruned is when old alerts were last deleted (--keep-alerts).
	pruned time.Time
}

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

// warnf reports a problem the watch works around.
func (w *watchRun) warnf(format string, args ...any) {
	w.cfg.Report.Warn(fmt.Sprintf(format, args...))
}
