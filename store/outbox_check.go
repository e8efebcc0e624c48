package store

// checkOutbox verifies the alert outbox: events and alerts belong to
// stored revisions, every queued delivery has its state, alert and sink,
// and every delivery state its alert and sink. A file from before alerts
// has none of it and passes.
func (tx txn) checkOutbox(rep *CheckReport) {
	if tx.b(bucketAlerts) == nil {
		return
	}
	for _, b := range [][]byte{bucketEvents, bucketAlerts} {
		tx.b(b).ForEach(func(k, _ []byte) error {
			if tx.b(bucketArrivals).Get(k) == nil {
				rep.add("%s entry for arrival %d, which is not stored", b, getU64(k))
			}
			return nil
		})
	}
	tx.b(bucketQueue).ForEach(func(k, _ []byte) error {
		var d Delivery
		if ok, err := getJSON(tx.b(bucketDeliveries), k, &d); err != nil || !ok {
			rep.add("queued alert %d for sink %x has no delivery state", getU64(k[8:]), k[:8])
		} else if d.State == StateDelivered || d.State == StateFailed {
			rep.add("alert %d for sink %x is queued but %s", getU64(k[8:]), k[:8], d.State)
		}
		return nil
	})
	tx.b(bucketDeliveries).ForEach(func(k, _ []byte) error {
		if len(k) != 16 {
			rep.add("delivery key %x is not sink | arrival", k)
			return nil
		}
		if tx.b(bucketAlerts).Get(k[8:]) == nil {
			rep.add("delivery of alert %d, which is not stored", getU64(k[8:]))
		}
		if tx.b(bucketSinks).Get(k[:8]) == nil {
			rep.add("delivery to sink %x, which is not registered", k[:8])
		}
		return nil
	})
}
