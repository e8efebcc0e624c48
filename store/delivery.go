package store

import (
	"crypto/sha256"
	"encoding/json"
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Sink is a place alerts go. ID is its full configuration (a URL, a
// command) and names it across runs; only a hash of it is stored, since
// notification URLs carry tokens. Name is what lede alerts shows.
type Sink struct {
	ID   string
	Kind string
	Name string
}

// SinkRecord is a sink as stored.
type SinkRecord struct {
	Kind  string `json:"kind"`
	Name  string `json:"name"`
	Added int64  `json:"added"` // unix ms
}

// Delivery states. A pending or retrying alert holds back the alerts
// after it for its sink, so that each sink receives them in order; a
// failed one (refused for good, or given up on) does not.
const (
	StatePending   = "pending"
	StateRetrying  = "retrying"
	StateDelivered = "delivered"
	StateFailed    = "failed"
)

// Delivery is the state of one alert at one sink.
type Delivery struct {
	State     string `json:"state"`
	Attempts  int    `json:"attempts,omitempty"`
	LastError string `json:"last_error,omitempty"`
	NextRetry int64  `json:"next_retry,omitempty"` // unix ms
	Delivered int64  `json:"delivered,omitempty"`  // unix ms
}

func sinkKey(id string) []byte {
	h := sha256.Sum256([]byte(id))
	return h[:8]
}

func deliveryKey(sinkID string, arrival uint64) []byte {
	return append(sinkKey(sinkID), u64(arrival)...)
}

func (tx txn) registerSink(s Sink) error {
	k := sinkKey(s.ID)
	if tx.b(bucketSinks).Get(k) != nil {
		return nil
	}
	return putJSON(tx.b(bucketSinks), k, SinkRecord{Kind: s.Kind, Name: s.Name, Added: time.Now().UnixMilli()})
}

// Due is the next alert a sink should be sent.
type Due struct {
	Arrival  uint64
	ID       string
	Body     json.RawMessage
	Attempts int // failed attempts so far
}

// NextDue returns up to max alerts sink has not received, oldest first,
// stopping before the first that waits for a retry not due at now. When
// that one is the oldest, it returns none and when it is due; when the
// queue is empty, none and the zero time.
func (db *DB) NextDue(sink string, now time.Time, max int) ([]Due, time.Time, error) {
	var dues []Due
	var at time.Time
	err := db.bolt.View(func(btx *bolt.Tx) error {
		tx := txn{Tx: btx}
		q := tx.b(bucketQueue)
		if q == nil {
			return nil
		}
		prefix := sinkKey(sink)
		c := q.Cursor()
		for k, _ := c.Seek(prefix); k != nil && hasPrefix(k, prefix) && len(dues) < max; k, _ = c.Next() {
			var d Delivery
			if _, err := getJSON(tx.b(bucketDeliveries), k, &d); err != nil {
				return err
			}
			if d.NextRetry > now.UnixMilli() {
				if len(dues) == 0 {
					at = time.UnixMilli(d.NextRetry)
				}
				return nil
			}
			var rec alertRecord
			arrival := getU64(k[8:])
			if ok, err := getJSON(tx.b(bucketAlerts), u64(arrival), &rec); err != nil || !ok {
				return orCorrupt(err)
			}
			dues = append(dues, Due{Arrival: arrival, ID: rec.ID, Body: rec.Body, Attempts: d.Attempts})
		}
		return nil
	})
	return dues, at, err
}

func orCorrupt(err error) error {
	if err != nil {
		return err
	}
	return errCorrupt
}

// Outcome is the result of one attempt to send an alert to a sink: Err
// nil for delivered; else Retry is when to try again, or zero to give up
// on it (the sink refused it for good) and go on with the next.
type Outcome struct {
	Sink    string
	Arrival uint64
	At      time.Time
	Err     error
	Retry   time.Time
}

// RecordOutcomes stores the outcomes of a round of sends in one
// transaction.
func (db *DB) RecordOutcomes(outs []Outcome) error {
	if len(outs) == 0 {
		return nil
	}
	return db.bolt.Update(func(btx *bolt.Tx) error {
		tx := txn{Tx: btx}
		for _, o := range outs {
			k := deliveryKey(o.Sink, o.Arrival)
			var d Delivery
			if _, err := getJSON(tx.b(bucketDeliveries), k, &d); err != nil {
				return err
			}
			switch {
			case o.Err == nil:
				d.State, d.Delivered, d.NextRetry = StateDelivered, o.At.UnixMilli(), 0
			case o.Retry.IsZero():
				d.State, d.NextRetry = StateFailed, 0
			default:
				d.State, d.NextRetry = StateRetrying, o.Retry.UnixMilli()
			}
			if o.Err != nil {
				d.Attempts++
				d.LastError = o.Err.Error()
			}
			if err := putJSON(tx.b(bucketDeliveries), k, d); err != nil {
				return err
			}
			if d.State == StateDelivered || d.State == StateFailed {
				if err := tx.b(bucketQueue).Delete(k); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// Retry puts every failed delivery back in its sink's queue and makes
// every waiting retry due now, so the next round of a watcher sends them.
// It returns how many deliveries it touched.
func (db *DB) Retry() (int, error) {
	n := 0
	err := db.bolt.Update(func(btx *bolt.Tx) error {
		tx := txn{Tx: btx}
		var keys [][]byte
		var states []Delivery
		err := tx.b(bucketDeliveries).ForEach(func(k, v []byte) error {
			var d Delivery
			if err := jsonUnmarshal(v, &d); err != nil {
				return err
			}
			if d.State == StateFailed || d.State == StateRetrying {
				keys, states = append(keys, append([]byte(nil), k...)), append(states, d)
			}
			return nil
		})
		if err != nil {
			return err
		}
		for i, k := range keys {
			d := states[i]
			d.State, d.NextRetry = StateRetrying, 0
			if err := putJSON(tx.b(bucketDeliveries), k, d); err != nil {
				return err
			}
			if err := tx.b(bucketQueue).Put(k, nil); err != nil {
				return err
			}
		}
		n = len(keys)
		return nil
	})
	return n, err
}

// AlertInfo is a stored alert with its delivery state at every sink it
// was queued for.
type AlertInfo struct {
	ID    string `json:"id"`
	Story string `json:"story"`
	// Ref names the version the alert is about (alerts are filed by its
	// arrival).
	Ref        string          `json:"ref"`
	Marker     string          `json:"marker"`
	Headline   string          `json:"headline"`
	Kinds      []string        `json:"kinds"`
	Ingested   time.Time       `json:"ingested"`
	Created    time.Time       `json:"created"`
	Deliveries []SinkDelivery  `json:"deliveries"`
	Body       json.RawMessage `json:"alert"`
}

// SinkDelivery is a Delivery with the sink it is for.
type SinkDelivery struct {
	Sink string `json:"sink"`
	Kind string `json:"kind"`
	Delivery
}

// Alerts lists the latest limit alerts (0: all), newest first. A file
// that never had alerts has none, even opened read-only.
func (db *DB) Alerts(limit int) ([]AlertInfo, error) {
	var out []AlertInfo
	err := db.bolt.View(func(btx *bolt.Tx) error {
		tx := txn{Tx: btx}
		if tx.b(bucketAlerts) == nil {
			return nil
		}
		sinks := map[string]SinkRecord{}
		err := tx.b(bucketSinks).ForEach(func(k, v []byte) error {
			var s SinkRecord
			err := jsonUnmarshal(v, &s)
			sinks[string(k)] = s
			return err
		})
		if err != nil {
			return err
		}
		c := tx.b(bucketAlerts).Cursor()
		for k, v := c.Last(); k != nil && (limit == 0 || len(out) < limit); k, v = c.Prev() {
			var rec alertRecord
			if err := jsonUnmarshal(v, &rec); err != nil {
				return err
			}
			a := AlertInfo{ID: rec.ID, Story: rec.Story, Ref: RefOf(getU64(k)), Marker: rec.Marker, Headline: rec.Headline, Kinds: rec.Kinds,
				Ingested: time.UnixMilli(rec.Ingested), Created: time.UnixMilli(rec.Created), Body: rec.Body}
			a.Deliveries, err = tx.deliveries(getU64(k), sinks)
			if err != nil {
				return err
			}
			out = append(out, a)
		}
		return nil
	})
	return out, err
}

// deliveries lists an alert's delivery states, by sink.
func (tx txn) deliveries(arrival uint64, sinks map[string]SinkRecord) ([]SinkDelivery, error) {
	var out []SinkDelivery
	for k := range sinks {
		var d Delivery
		ok, err := getJSON(tx.b(bucketDeliveries), append([]byte(k), u64(arrival)...), &d)
		if err != nil {
			return nil, err
		}
		if ok {
			s := sinks[k]
			out = append(out, SinkDelivery{Sink: s.Name, Kind: s.Kind, Delivery: d})
		}
	}
	sortDeliveries(out)
	return out, nil
}

func sortDeliveries(ds []SinkDelivery) {
	sort.Slice(ds, func(i, j int) bool { return ds[i].Kind+ds[i].Sink < ds[j].Kind+ds[j].Sink })
}
