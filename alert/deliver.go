package alert

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"lede/store"
)

// SendBatch is how many queued alerts one round sends a sink before
// their outcomes are stored: one, so that a crash repeats at most the
// alert in flight to each sink (at least once, never lost); receivers
// drop a repeat by its id.
const SendBatch = 1

// MaxBackoff caps the wait between retries of a sink that is down.
const MaxBackoff = 5 * time.Minute

// Deliverer sends queued alerts to the sinks of a watch: at most one
// round in flight per sink, so each sink receives its alerts in order and
// one that is down holds only its own queue. Rounds run on their own
// goroutines; their outcomes come back on Done for the caller to hand
// to Got and store with Record, so that only the caller's loop touches
// the database.
type Deliverer struct {
	sinks    []Sink
	backoff  time.Duration // the first retry's wait; it doubles
	busy     map[string]bool
	wake     map[string]time.Time // when a held sink's next retry is due
	done     chan Round
	outcomes []store.Outcome // received, not yet stored
	stderr   io.Writer
	// Sent counts the alerts delivered, Failures the failed attempts.
	Sent, Failures int
}

// NewDeliverer makes a deliverer for sinks whose first retry waits
// backoff; it says on stderr what fails.
func NewDeliverer(sinks []Sink, backoff time.Duration, stderr io.Writer) *Deliverer {
	return &Deliverer{sinks: sinks, backoff: backoff, busy: map[string]bool{}, wake: map[string]time.Time{},
		done: make(chan Round, len(sinks)), stderr: stderr}
}

// Infos lists the sinks as the store keeps them.
func (d *Deliverer) Infos() []store.Sink {
	out := make([]store.Sink, len(d.sinks))
	for i, s := range d.sinks {
		out[i] = s.Info()
	}
	return out
}

// Dispatch starts a round for every idle sink that has alerts due. ctx
// bounds the sends.
func (d *Deliverer) Dispatch(ctx context.Context, db *store.DB, now time.Time) error {
	for _, s := range d.sinks {
		id := s.Info().ID
		if d.busy[id] {
			continue
		}
		dues, at, err := db.NextDue(id, now, SendBatch)
		if err != nil {
			return err
		}
		d.wake[id] = at
		if len(dues) == 0 {
			continue
		}
		d.busy[id] = true
		go func() { d.done <- Round{sink: id, outs: d.send(ctx, s, dues)} }()
	}
	return nil
}

// Round is what a round of sends to one sink did.
type Round struct {
	sink string
	outs []store.Outcome
}

// send sends dues in order until one fails, and returns the outcomes of
// those it tried.
func (d *Deliverer) send(ctx context.Context, s Sink, dues []store.Due) []store.Outcome {
	id := s.Info().ID
	var outs []store.Outcome
	for _, due := range dues {
		var m Alert
		err := json.Unmarshal(due.Body, &m)
		if err != nil {
			err = Refused{fmt.Errorf("stored alert unreadable: %w", err)}
		} else {
			sctx, cancel := context.WithTimeout(ctx, SendTimeout)
			err = s.Send(sctx, &m, due.Body)
			cancel()
		}
		o := store.Outcome{Sink: id, Arrival: due.Arrival, At: time.Now(), Err: err}
		if err != nil && !errors.As(err, new(Refused)) {
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
func (d *Deliverer) wait(n int) time.Duration {
	w := d.backoff
	for i := 1; i < n && w < MaxBackoff; i++ {
		w *= 2
	}
	return min(w, MaxBackoff)
}

// Got takes a finished round's outcomes, to be stored by the next cycle,
// and says on stderr what failed.
func (d *Deliverer) Got(r Round) {
	id, outs := r.sink, r.outs
	d.busy[id] = false
	delete(d.wake, id)
	for _, o := range outs {
		if o.Err == nil {
			d.Sent++
			continue
		}
		d.Failures++
		name := id
		for _, s := range d.sinks {
			if s.Info().ID == id {
				name = s.Info().Kind + " " + s.Info().Name
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

// Record stores the outcomes received.
func (d *Deliverer) Record(db *store.DB) error {
	if err := db.RecordOutcomes(d.outcomes); err != nil {
		return err
	}
	d.outcomes = nil
	return nil
}

// NextWake is when the earliest held sink may be retried, zero if none.
func (d *Deliverer) NextWake() time.Time {
	var next time.Time
	for id, at := range d.wake {
		if !at.IsZero() && !d.busy[id] && (next.IsZero() || at.Before(next)) {
			next = at
		}
	}
	return next
}

// Idle reports whether no round is in flight.
func (d *Deliverer) Idle() bool {
	for _, b := range d.busy {
		if b {
			return false
		}
	}
	return true
}

// Done delivers each finished round, for Got.
func (d *Deliverer) Done() <-chan Round { return d.done }

// Pending reports whether outcomes wait to be stored.
func (d *Deliverer) Pending() bool { return len(d.outcomes) > 0 }
