package main

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
	l      *lede
	opt    watchOptions
	rules  revision.Rules
	dbID   string
	dbFlag string
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

// stopGrace is how long a stopping watch lets sends in flight finish.
const stopGrace = 5 * time.Second

// run is the watch loop: it takes files as they settle and delivers
// alerts, until ctx ends (or, with --once, until the work is done).
func (w *watchRun) run(ctx context.Context) error {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		fmt.Fprintf(w.l.stderr, "lede: warning: no file change events (%v); rescanning every %s\n", err, w.opt.rescan)
	} else {
		defer fsw.Close()
		w.files.Watch(fsw)
	}
	sendCtx, cancelSends := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelSends()
	w.files.Scan(time.Now())
	w.skipTaken(ctx)
	if w.opt.once {
		return w.runOnce(ctx, sendCtx)
	}
	var events chan fsnotify.Event
	var errs chan error
	if fsw != nil {
		events, errs = fsw.Events, fsw.Errors
	}
	w.cycle(ctx, sendCtx, nil) // what earlier runs and lede ingest left
	rescanAt := time.Now().Add(w.opt.rescan)
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
			fmt.Fprintf(w.l.stderr, "lede: warning: file events: %v; rescanning\n", err)
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
			rescanAt, busy = now.Add(w.opt.rescan), true
		}
		if ready := w.files.Ready(now, w.opt.batch); (len(ready) > 0 || busy) && ctx.Err() == nil {
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
	case <-time.After(w.opt.settle):
	}
	for ctx.Err() == nil {
		ready := w.files.Ready(time.Now().Add(w.opt.settle), w.opt.batch)
		w.cycle(ctx, sendCtx, ready)
		if len(ready) < w.opt.batch && !w.more {
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
		fmt.Fprintf(w.l.stderr, "lede: warning: %s is still being written; left for the next run\n", path)
	}
	w.summary()
	if w.tally[store.StatusError] > 0 || w.del.Failures > 0 || len(w.held) > 0 {
		return exitStatus(1)
	}
	return nil
}

// stop lets the sends in flight finish (for a while), stores their
// outcomes and reports.
func (w *watchRun) stop(cancelSends context.CancelFunc) error {
	t := time.AfterFunc(stopGrace, cancelSends)
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
			fmt.Fprintf(w.l.stderr, "lede: warning: delivery states not stored: %v (the alerts will be sent again)\n", err)
		}
	}
	w.release(true)
	w.summary()
	return context.Canceled
}

// summary says on stderr what the run did.
func (w *watchRun) summary() {
	t := w.tally
	fmt.Fprintf(w.l.stderr, "lede: watch: %d pages taken: %d new stories, %d updates, %d duplicates, %d errors; %d alerts raised, %d deliveries, %d failed attempts\n",
		t[store.StatusNewStory]+t[store.StatusUpdate]+t[store.StatusDuplicate]+t[store.StatusError],
		t[store.StatusNewStory], t[store.StatusUpdate], t[store.StatusDuplicate], t[store.StatusError],
		w.alerts, w.del.Sent, w.del.Failures)
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
			fmt.Fprintf(w.l.stderr, "lede: warning: %v; trying again shortly\n", err)
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
		fmt.Fprintf(w.l.stderr, "lede: warning: alerts not raised yet: %v\n", err)
	}
	if err := w.del.Record(db); err != nil {
		fmt.Fprintf(w.l.stderr, "lede: warning: delivery states not stored yet: %v\n", err)
	}
	if err := w.del.Dispatch(sendCtx, db, time.Now()); err != nil {
		fmt.Fprintf(w.l.stderr, "lede: warning: alerts not sent yet: %v\n", err)
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
	for _, items := range intake.ParseAll(inputs, nil, wire.Options{MaxSize: w.opt.maxSize}) {
		file := items[0].File
		if !w.opt.once && slices.ContainsFunc(items, unfinished) {
			if st, err := os.Stat(file); err == nil && now.Sub(st.ModTime()) < w.opt.incomplete {
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
	err := w.l.withRead(ctx, func(db *store.DB) (err error) {
		known, err = db.FileStamps(slices.Collect(maps.Keys(abs)))
		return err
	})
	if err != nil {
		fmt.Fprintf(w.l.stderr, "lede: warning: %v; reading every file again\n", err)
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
		fmt.Fprintf(w.l.stderr, "lede: warning: files taken not noted (a restart reads them again): %v\n", err)
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
		w.l.summaries().Store(db, ins, res)
		intake.Place(results, at, res)
	}
	for _, r := range results {
		w.tally[r.Status]++
		switch {
		case r.Status == store.StatusError:
			fmt.Fprintf(w.l.stderr, "lede: warning: %s: %s\n", r.Source, intake.Reason(r.Err))
		case w.opt.verbose:
			late := ""
			if r.Late > 0 {
				late = "  late: " + revision.LateText(r.Late)
			}
			fmt.Fprintf(w.l.stderr, "lede: %-9s %s@%d %s  %s%s\n", r.Status, r.Story, r.Rev, r.Ref, r.Source, late)
		}
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
					msgs[i], errs[i] = alert.Draft(evs[i], rules, w.dbID, w.dbFlag)
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
			w.held.hold(w.l.stderr, e, errs[i], time.Now())
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
		alerts = append(alerts, store.NewAlert{Arrival: e.Arrival, ID: m.ID, Story: e.Story, Marker: markerLabel(m.Marker),
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
	r := w.rules
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
