package store

import bolt "go.etcd.io/bbolt"

// Undelivered counts the deliveries not done: waiting (pending, or
// retrying after a failed attempt) and failed for good. lede watch
// --once reports them and exits non-zero while any is left, so that a
// cron job notices alerts that never reached their sink.
func (db *DB) Undelivered() (waiting, failed int, err error) {
	err = db.bolt.View(func(btx *bolt.Tx) error {
		b := txn{Tx: btx}.b(bucketDeliveries)
		if b == nil {
			return nil
		}
		return b.ForEach(func(_, v []byte) error {
			var d Delivery
			if err := jsonUnmarshal(v, &d); err != nil {
				return err
			}
			switch d.State {
			case StatePending, StateRetrying:
				waiting++
			case StateFailed:
				failed++
			}
			return nil
		})
	})
	return waiting, failed, err
}
