package store

import (
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"

	"lede/revision/assemble"

	bolt "go.etcd.io/bbolt"
)

// The alert outbox. Once alerts are enabled (the first lede watch), every
// revision Ingest stores leaves an event in the same write transaction:
// the facts the alert rules need that only that transaction knows (did the
// revision open a story, the highest version its story held before it),
// unless the DB was opened with NoEvents. Rules that need the update's
// diff cannot run inside the transaction without holding the file for the
// whole comparison, so a watcher turns events into alerts afterwards
// (Events, AddAlerts), from the revisions as stored: a crash in between
// loses nothing, the event is still there.
var (
	bucketEvents     = []byte("events")     // arrival u64 -> event (binary)
	bucketAlerts     = []byte("alerts")     // arrival u64 -> alertRecord (JSON)
	bucketSinks      = []byte("sinks")      // sink key (8 bytes) -> SinkRecord (JSON)
	bucketQueue      = []byte("queue")      // sink key | arrival u64 -> nil, while not delivered
	bucketDeliveries = []byte("deliveries") // sink key | arrival u64 -> Delivery (JSON)
	bucketWatch      = []byte("watch")      // follows and mutes, see follow.go
	alertBuckets     = [][]byte{bucketEvents, bucketAlerts, bucketSinks, bucketQueue, bucketDeliveries, bucketWatch, bucketFiles}
)

var (
	metaOutbox = []byte("outbox") // present once alerts are enabled
	metaID     = []byte("id")     // random database id, names alerts
)

// EnableAlerts makes every later Ingest record events for alerts, and
// returns the database's id, which alert ids carry so that a receiver fed
// by two databases can tell their alerts apart. Revisions stored before
// never raise alerts: a watcher starts from now, not from the archive.
func (db *DB) EnableAlerts() (string, error) {
	var id string
	err := db.bolt.Update(func(btx *bolt.Tx) error {
		meta := btx.Bucket(bucketMeta)
		if v := meta.Get(metaID); v != nil {
			id = string(v)
		} else {
			b := make([]byte, 6)
			if _, err := rand.Read(b); err != nil {
				return err
			}
			id = hex.EncodeToString(b)
			if err := meta.Put(metaID, []byte(id)); err != nil {
				return err
			}
		}
		return meta.Put(metaOutbox, []byte{1})
	})
	return id, err
}

// outboxOn reports whether Ingest records events.
func (tx txn) outboxOn() bool { return tx.b(bucketMeta).Get(metaOutbox) != nil }

// putEvent records the event of a revision just stored: whether it
// leads a story of its own (as the batch ended) and prev, the highest
// version its story held before it came.
func (tx txn) putEvent(arrival uint64, newStory bool, prev int, now time.Time) error {
	v := make([]byte, 11)
	if newStory {
		v[0] = 1
	}
	binary.BigEndian.PutUint16(v[1:], uint16(prev+1))
	binary.BigEndian.PutUint64(v[3:], uint64(now.UnixMilli()))
	return tx.b(bucketEvents).Put(u64(arrival), v)
}

// prevSeq is the highest version in the story of the revision that
// arrived as arrival, other than its own; -1 when it is alone.
func (tx txn) prevSeq(arrival uint64) (int, error) {
	rk := tx.b(bucketArrivals).Get(u64(arrival))
	if rk == nil {
		return 0, errCorrupt
	}
	prev := -1
	for _, k := range tx.revKeys(getU64(rk)) {
		if arrivalOf(k) != arrival {
			prev = max(prev, seqOf(k))
		}
	}
	return prev, nil
}

// Event is a revision stored since alerts were enabled and not yet looked
// at by the alert rules, with what a watcher needs to decide and describe
// the alert: the revision and its predecessor in story order, raw.
type Event struct {
	Arrival  uint64
	NewStory bool
	PrevSeq  int       // highest version before it in its story, -1 for none
	Ingested time.Time // when the transaction that stored it began
	StoryUID uint64    // the story's internal number (follows and mutes use it)
	Story    string    // the story's id
	Year     int       // the story's year, for pages that show none (0: unknown)
	Rev      int       // position in the story, 1-based
	// Late and OrderSeq are revision.Event's: the place the revision
	// came late after (0: it arrived in story order) and the highest
	// version before it in story order (-1: none).
	Late     int
	OrderSeq int
	// Alerted says another version of the story already raised an
	// alert (one still stored; see alertedBefore).
	Alerted bool
	// About, for an advisory, is the id of the story it names ("" when
	// none is stored). StoryUID and Alerted are then that story's, so
	// that its follows, mutes and alerts count for its advisories.
	About  string
	Record RevRecord
	Raw    []byte
	// Prev is the revision before it in story order, nil for the first.
	Prev    *RevRecord
	PrevRaw []byte
	// Whole and PrevWhole say what each version's whole text is made of
	// when it is not its one item as received (assembly.go); nil else.
	Whole, PrevWhole *assemble.Stored
	// Err says why the event's revision cannot be read; the fields
	// above are then what could be. Such an event is returned, not
	// allowed to stop the others. (An unreadable predecessor's record
	// is no such fault: alerts compare the pages.)
	Err error
}

// Events returns up to max events, oldest first.
func (db *DB) Events(max int) ([]Event, error) { return db.EventsExcept(max, nil) }

// EventsExcept is Events passing over the events of the arrivals held:
// those a watcher could not turn into alerts yet and keeps for a later
// try, so that however many there are they never crowd out the rest.
func (db *DB) EventsExcept(max int, held map[uint64]bool) ([]Event, error) {
	var out []Event
	err := db.bolt.View(func(btx *bolt.Tx) error {
		tx := txn{Tx: btx}
		b := tx.b(bucketEvents)
		if b == nil {
			return nil
		}
		c := b.Cursor()
		for k, v := c.First(); k != nil && len(out) < max; k, v = c.Next() {
			if held[getU64(k)] {
				continue
			}
			e, err := tx.event(getU64(k), v)
			if err != nil {
				e.Arrival, e.Err = getU64(k), err
				if e.Record.Source == "" {
					if rk := tx.b(bucketArrivals).Get(k); rk != nil {
						e.Record.Source = recordSource(tx.b(bucketRevs).Get(rk))
					}
				}
			}
			out = append(out, e)
		}
		return nil
	})
	return out, err
}

// event loads the revision behind an event record.
func (tx txn) event(arrival uint64, v []byte) (Event, error) {
	if len(v) != 11 {
		return Event{}, fmt.Errorf("event %d: %w", arrival, errCorrupt)
	}
	e := Event{Arrival: arrival, NewStory: v[0] == 1, PrevSeq: int(binary.BigEndian.Uint16(v[1:])) - 1,
		Ingested: time.UnixMilli(int64(binary.BigEndian.Uint64(v[3:])))}
	rk := tx.b(bucketArrivals).Get(u64(arrival))
	if rk == nil {
		return e, errCorrupt
	}
	rk = append([]byte(nil), rk...)
	e.StoryUID = getU64(rk)
	s, err := tx.story(e.StoryUID)
	if err != nil {
		return e, err
	}
	e.Story, e.Year = s.ID, s.Year
	e.Rev, e.Late, e.OrderSeq = tx.placeOf(e.StoryUID, arrival)
	e.Alerted = tx.alertedBefore(e.StoryUID, arrival)
	if err := tx.eventAbout(&e); err != nil {
		return e, err
	}
	if err := decodeRev(tx.b(bucketRevs).Get(rk), &e.Record); err != nil && !IsDateDamage(err) {
		return e, err
	}
	if e.Raw, err = tx.raw(arrival); err != nil {
		return e, err
	}
	if p := tx.predecessor(rk); p != 0 {
		var prev RevRecord
		pk := tx.b(bucketArrivals).Get(u64(p))
		if pk == nil {
			return e, errCorrupt
		}
		if _, err := tx.getRev(pk, &prev); err != nil {
			// The alert compares the pages, not the records: what an
			// unreadable predecessor's record still tells is enough.
			prev = RevRecord{Arrival: p, Source: recordSource(tx.b(bucketRevs).Get(pk))}
		}
		e.Prev = &prev
		if e.PrevRaw, err = tx.raw(p); err != nil {
			return e, err
		}
	}
	return e, tx.eventWholes(&e)
}

// eventWholes says what the event's version and the one before it are
// made of, where either is not one item as received (assembly.go), so
// the alert describes the whole versions.
func (tx txn) eventWholes(e *Event) error {
	if e.Rev == 0 || !assembled(e.Record) && (e.Prev == nil || !assembled(*e.Prev)) {
		return nil
	}
	st, err := tx.loadStory(e.StoryUID)
	if err != nil || e.Rev > len(st.Versions) {
		return err
	}
	if e.Whole, err = tx.wholeOf(st.Versions, e.Rev-1); err != nil || e.Rev < 2 {
		return err
	}
	e.PrevWhole, err = tx.wholeOf(st.Versions, e.Rev-2)
	return err
}

// NewAlert is an alert a watcher decided to raise for an event: Body is
// the alert as every sink receives it (JSON), the rest is what lede
// alerts lists.
type NewAlert struct {
	Arrival  uint64
	ID       string
	Story    string
	Marker   string
	Headline string
	Kinds    []string
	Ingested time.Time
	Body     json.RawMessage
}

type alertRecord struct {
	ID       string          `json:"id"`
	Story    string          `json:"story"`
	Marker   string          `json:"marker"`
	Headline string          `json:"headline"`
	Kinds    []string        `json:"kinds"`
	Ingested int64           `json:"ingested"` // unix ms
	Created  int64           `json:"created"`  // unix ms
	Body     json.RawMessage `json:"body"`
}

// AddAlerts consumes the events of consumed (those that raised no alert
// as well as those that did) and stores alerts, each queued for every
// sink in sinks, all in one transaction: an event is either still there
// or has become its alerts and their queue entries.
func (db *DB) AddAlerts(consumed []uint64, alerts []NewAlert, sinks []Sink) error {
	return db.bolt.Update(func(btx *bolt.Tx) error {
		tx := txn{Tx: btx}
		for _, a := range consumed {
			if err := tx.b(bucketEvents).Delete(u64(a)); err != nil {
				return err
			}
		}
		for _, s := range sinks {
			if err := tx.registerSink(s); err != nil {
				return err
			}
		}
		now := time.Now().UnixMilli()
		for _, a := range alerts {
			rec := alertRecord{ID: a.ID, Story: a.Story, Marker: a.Marker, Headline: a.Headline, Kinds: a.Kinds,
				Ingested: a.Ingested.UnixMilli(), Created: now, Body: a.Body}
			if err := putJSON(tx.b(bucketAlerts), u64(a.Arrival), rec); err != nil {
				return err
			}
			for _, s := range sinks {
				k := deliveryKey(s.ID, a.Arrival)
				if err := tx.b(bucketQueue).Put(k, nil); err != nil {
					return err
				}
				if err := putJSON(tx.b(bucketDeliveries), k, Delivery{State: StatePending}); err != nil {
					return err
				}
			}
		}
		return nil
	})
}
