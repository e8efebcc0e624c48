package store

// alertedBefore reports whether another version of story uid than
// arrival already raised an alert that is still stored. It is how the
// rules know a story was "already alerted on", so that its kills and
// corrections alert by default: the alert records themselves say so,
// survive restarts and are shared by every watcher of the file. An alert
// pruned after --keep-alerts no longer counts. A story holds a handful
// of versions, so this costs a few lookups per event.
func (tx txn) alertedBefore(uid, arrival uint64) bool {
	alerts := tx.b(bucketAlerts)
	if alerts == nil {
		return false
	}
	for _, k := range tx.revKeys(uid) {
		if a := arrivalOf(k); a != arrival && alerts.Get(u64(a)) != nil {
			return true
		}
	}
	return false
}
