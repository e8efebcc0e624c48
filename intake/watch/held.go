package watch

import (
	"fmt"
	"time"

	"lede/store"
)

// heldRetry is how long an event whose alert could not be built waits
// before the watch tries it again.
const heldRetry = 10 * time.Minute

// heldEvents are the events a watch could not turn into alerts: their
// revision's record cannot be read, or its page no longer parses. They
// stay in the outbox, so nothing is lost (a restarted watch, or this one
// after heldRetry, tries again, for instance after lede check --fix), but
// they are passed over meanwhile, so that they never stop the alerts of
// the others. Each is reported when it is held.
type heldEvents map[uint64]time.Time // arrival -> when to try again

// hold keeps an event back until heldRetry from now and says why.
func (h *heldEvents) hold(rep Reporter, e store.Event, err error, now time.Time) {
	if *h == nil {
		*h = heldEvents{}
	}
	(*h)[e.Arrival] = now.Add(heldRetry)
	name := fmt.Sprintf("revision %d", e.Arrival)
	if e.Story != "" {
		name = fmt.Sprintf("%s@%d (revision %d)", e.Story, e.Rev, e.Arrival)
	}
	if e.Record.Source != "" {
		name += " from " + e.Record.Source
	}
	rep.Warn(fmt.Sprintf("no alert yet for %s: %v; kept, tried again in %s (lede check lists damaged records, --fix repairs dates)",
		name, err, heldRetry))
}

// skip lists the events still held at now, and lets go of the others.
func (h heldEvents) skip(now time.Time) map[uint64]bool {
	out := map[uint64]bool{}
	for a, retry := range h {
		if now.Before(retry) {
			out[a] = true
		} else {
			delete(h, a)
		}
	}
	return out
}
