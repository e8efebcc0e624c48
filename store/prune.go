package store

import (
	"time"

	bolt "go.etcd.io/bbolt"
)

// PruneAlerts deletes at most max alerts created before before, with
// their delivery states, once no sink still has them queued (every sink
// delivered them or gave up). A watcher calls it now and then so that a
// database that raises alerts for months does not keep every alert's
// text for ever; the revisions themselves are never pruned. It walks
// alerts in arrival order and stops at the first one created since
// before, so each call reads little beyond what it deletes. It returns
// how many alerts it deleted.
func (db *DB) PruneAlerts(before time.Time, max int) (int, error) {
	n := 0
	err := db.bolt.Update(func(btx *bolt.Tx) error {
		tx := txn{Tx: btx}
		if tx.b(bucketAlerts) == nil {
			return nil
		}
		var sinks [][]byte
		err := tx.b(bucketSinks).ForEach(func(k, _ []byte) error {
			sinks = append(sinks, append([]byte(nil), k...))
			return nil
		})
		if err != nil {
			return err
		}
		cut := before.UnixMilli()
		var doomed [][]byte
		c := tx.b(bucketAlerts).Cursor()
		for k, v := c.First(); k != nil && len(doomed) < max; k, v = c.Next() {
			var rec struct {
				Created int64 `json:"created"`
			}
			if err := jsonUnmarshal(v, &rec); err != nil {
				return err
			}
			if rec.Created >= cut {
				break
			}
			if !tx.queuedAnywhere(sinks, k) {
				doomed = append(doomed, append([]byte(nil), k...))
			}
		}
		for _, k := range doomed {
			for _, s := range sinks {
				if err := tx.b(bucketDeliveries).Delete(append(append([]byte(nil), s...), k...)); err != nil {
					return err
				}
			}
			if err := tx.b(bucketAlerts).Delete(k); err != nil {
				return err
			}
		}
		n = len(doomed)
		return nil
	})
	return n, err
}

// queuedAnywhere reports whether some sink still has the alert of
// arrival key k in its queue.
func (tx txn) queuedAnywhere(sinks [][]byte, k []byte) bool {
	for _, s := range sinks {
		if tx.b(bucketQueue).Get(append(append([]byte(nil), s...), k...)) != nil {
			return true
		}
	}
	return false
}
