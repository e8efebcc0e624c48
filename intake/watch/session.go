package watch

import (
	"context"
	"time"

	"lede/store"
)

// maxHold bounds how long a watch keeps the database open past a cycle
// while alerts are being sent: long enough that the outcome of each send
// is stored before the next (a commit costs well under a millisecond,
// opening the file a few), short enough that other commands get in
// within a moment. A command that knocks gets in at once.
const maxHold = 200 * time.Millisecond

// session returns the database open for writing, opening it (after
// letting knocking readers in) when it is not.
func (w *watchRun) session(ctx context.Context) (*store.DB, error) {
	if w.sess != nil {
		return w.sess, nil
	}
	store.YieldToReaders(ctx, w.cfg.Path)
	db, err := w.cfg.Open(ctx)
	if err != nil {
		return nil, err
	}
	w.sess, w.sessSince = db, time.Now()
	return db, nil
}

// release closes the database unless sends are under way, it has been
// open for less than maxHold and nobody knocks; force closes it anyway.
func (w *watchRun) release(force bool) {
	if w.sess == nil {
		return
	}
	if !force && !w.del.Idle() && time.Since(w.sessSince) < maxHold && !store.Knocked(w.cfg.Path) {
		return
	}
	if err := w.sess.Close(); err != nil {
		w.warnf("closing database %s: %v", w.cfg.Path, err)
	}
	w.sess = nil
}

// holdUntil is when the open database is to be let go at the latest,
// zero when it is closed.
func (w *watchRun) holdUntil() time.Time {
	if w.sess == nil {
		return time.Time{}
	}
	return w.sessSince.Add(maxHold)
}

// await waits for a round of sends to finish and takes its outcomes,
// letting go of the database if it is held past maxHold meanwhile.
func (w *watchRun) await() {
	for w.sess != nil {
		t := time.NewTimer(time.Until(w.holdUntil()))
		select {
		case r := <-w.del.Done():
			t.Stop()
			w.del.Got(r)
			return
		case <-t.C:
			w.release(true)
		}
	}
	w.del.Got(<-w.del.Done())
}
