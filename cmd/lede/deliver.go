package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"lede/store"
)

// sendBatch is how many queued alerts one round sends a sink before
// their outcomes are stored. A crash can make those already sent go out
// again (at least once, never lost); receivers drop repeats by id.
const sendBatch = 50

// maxBackoff caps the wait between retries of a sink that is down.
const maxBackoff = 5 * time.Minute

// deliverer sends queued alerts to the sinks of a watch: at most one
// round in flight per sink, so each sink receives its alerts in order and
// one that is down holds only its own queue. Rounds run on their own
// goroutines; their outcomes come back on done for the watch loop to
// store, since only it touches the database.
type deliverer struct {
	sinks    []sink
	backoff  time.Duration // the first retry's wait; it doubles
	busy     map[string]bool
	wake     map[string]time.Time // when a held sink's next retry is due
	done     chan round
	outcomes []store.Outcome // received, not yet stored
	stderr   io.Writer
	sent     int // alerts delivered by this process
	failures int // failed attempts in this process
}

func newDeliverer(sinks []sink, backoff time.Duration, stderr io.Writer) *deliverer {
	return &deliverer{sinks: sinks, backoff: backoff, busy: map[string]bool{}, wake: map[string]time.Time{},
		done: make(chan round, len(sinks)), stderr: stderr}
}

// infos lists the sinks as the store keeps them.
func (d *deliverer) infos() []store.Sink {
	out := make([]store.Sink, len(d.sinks))
	for i, s := range d.sinks {
		out[i] = s.info()
	}
	return out
}

// dispatch starts a round for every idle sink that has alerts due. ctx
// bounds the sends.
func (d *deliverer) dispatch(ctx context.Context, db *store.DB, now time.Time) error {
	for _, s := range d.sinks {
		id := s.info().ID
		if d.busy[id] {
			continue
		}
		dues, at, err := db.NextDue(id, now, sendBatch)
		if err != nil {
			return err
		}
		d.wake[id] = at
		if len(dues) == 0 {
			continue
		}
		d.busy[id] = true
		go func() { d.done <- round{sink: id, outs: d.send(ctx, s, dues)} }()
	}
	return nil
}

// round is what a round of sends to one sink did.
type round struct {
	sink string
	outs []store.Outcome
}

// send sends dues in order until one fails, and returns the outcomes of
// those it tried.
func (d *deliverer) send(ctx context.Context, s sink, dues []store.Due) []store.Outcome {
	id := s.info().ID
	var outs []store.Outcome
	for _, due := range dues {
		var m alertMsg
		err := json.Unmarshal(due.Body, &m)
		if err != nil {
			err = refused{fmt.Errorf("stored alert unreadable: %w", err)}
		} else {
			sctx, cancel := context.WithTimeout(ctx, sendTimeout)
			err = s.send(sctx, &m, due.Body)
			cancel()
		}
		o := store.Outcome{Sink: id, Arrival: due.Arrival, At: time.Now(), Err: err}
		if err != nil && !errors.As(err, new(refused)) {
			o.Retry = o.At.Add(d.wait(due.Attempts + 1))
		}
		outs = append(outs, o)
		if err != nil || ctx.Err() != nil {
			break
		}
	}
	return outs
}

// wait is the backoff before retry n (1-based): backoff, doubling, at
// most maxBackoff.
func (d *deliverer) wait(n int) time.Duration {
	w := d.backoff
	for i := 1; i < n && w < maxBackoff; i++ {
		w *= 2
	}
	return min(w, maxBackoff)
}

// got takes a finished round's outcomes, to be stored by the next cycle,
// and says on stderr what failed.
func (d *deliverer) got(r round) {
	id, outs := r.sink, r.outs
	d.busy[id] = false
	delete(d.wake, id)
	for _, o := range outs {
		if o.Err == nil {
			d.sent++
			continue
		}
		d.failures++
		name := id
		for _, s := range d.sinks {
			if s.info().ID == id {
				name = s.info().Kind + " " + s.info().Name
			}
		}
		if o.Retry.IsZero() {
			fmt.Fprintf(d.stderr, "lede: warning: %s refused an alert for good: %v\n", name, o.Err)
		} else {
			fmt.Fprintf(d.stderr, "lede: warning: %s: %v; retrying in %s\n", name, o.Err, o.Retry.Sub(o.At).Round(time.Millisecond))
		}
	}
	d.outcomes = append(d.outcomes, outs...)
}

// record stores the outcomes received.
func (d *deliverer) record(db *store.DB) error {
	if err := db.RecordOutcomes(d.outcomes); err != nil {
		return err
	}
	d.outcomes = nil
	return nil
}

// nextWake is when the earliest held sink may be retried, zero if none.
func (d *deliverer) nextWake() time.Time {
	var next time.Time
	for id, at := range d.wake {
		if !at.IsZero() && !d.busy[id] && (next.IsZero() || at.Before(next)) {
			next = at
		}
	}
	return next
}

// idle reports whether no round is in flight.
func (d *deliverer) idle() bool {
	for _, b := range d.busy {
		if b {
			return false
		}
	}
	return true
}
