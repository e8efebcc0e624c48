package store

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	"lede/revision"
)

// Removal is for what should never have been stored: a file that was no
// wire page, a page fed to the wrong database. It takes a version out
// with everything that names it (raw input, record, features, content
// hash, index terms, outbox events and alerts), so that the rest reads
// as if it had never come and the same content can be ingested again,
// and leaves a tombstone in its story saying what went and when. The
// stamp lede watch keeps of the file it came from stays: a watch does not
// take the same file again unless it changes (lede ingest does).

// Tombstone records a version that lede rm removed, in its story.
type Tombstone struct {
	Rev      int           `json:"rev"` // its @N when it was removed
	Ref      string        `json:"ref"` // "r" and its arrival number
	Arrival  uint64        `json:"arrival"`
	Source   string        `json:"source"`
	Label    string        `json:"label"`
	Headline string        `json:"headline"`
	Date     revision.Date `json:"date"`
	Removed  string        `json:"removed"` // RFC 3339
}

// Removal is what Remove took out of a story, or would take with DryRun.
type Removal struct {
	Story    string      `json:"story"`
	Removed  []Tombstone `json:"removed"`
	Left     int         `json:"versions_left"`
	Whole    bool        `json:"story_removed"` // the story went with its last version
	Alerts   int         `json:"alerts_removed"`
	Events   int         `json:"events_removed"`
	Watching int         `json:"watch_entries_removed"` // follows and mutes of a removed story
	DryRun   bool        `json:"dry_run"`
}

// RemovedError is the answer for a story that lede rm removed whole: its
// id keeps resolving, to say so rather than "no story".
type RemovedError struct {
	ID      string
	Removed []Tombstone
}

func (e *RemovedError) Error() string {
	when := ""
	if n := len(e.Removed); n > 0 {
		when = " on " + e.Removed[n-1].Removed
	}
	return fmt.Sprintf("story %s was removed%s", e.ID, when)
}

// Unwrap makes a removed story a bad reference for commands that want a
// live one.
func (e *RemovedError) Unwrap() error { return ErrBadRef }

// errDryRun rolls back the transaction of a dry run.
var errDryRun = errors.New("dry run")

// RemoveOptions tune Remove.
type RemoveOptions struct {
	// DryRun reports what would be removed and changes nothing.
	DryRun bool
	// Now stamps the tombstones; zero means the time of the call.
	Now time.Time
}

// Remove removes version rev (1-based, in story order) of the story ref
// names, or the whole story when rev is 0, in one transaction. Removing a
// story's last version removes the story.
func (db *DB) Remove(ref string, rev int, opt RemoveOptions) (Removal, error) {
	return db.remove(opt, func(tx txn) ([]uint64, error) {
		uid, err := tx.resolve(ref)
		if err != nil {
			return nil, err
		}
		keys := tx.revKeys(uid)
		if rev == 0 {
			arrivals := make([]uint64, len(keys))
			for i, k := range keys {
				arrivals[i] = arrivalOf(k)
			}
			return arrivals, nil
		}
		if rev < 1 || rev > len(keys) {
			s, _ := tx.story(uid)
			return nil, fmt.Errorf("%w: story %s has revisions 1 to %d, not %d", ErrBadRef, s.ID, len(keys), rev)
		}
		return []uint64{arrivalOf(keys[rev-1])}, nil
	})
}

// RemoveArrival removes the version that arrived as arrival (its stable
// reference r<arrival>), wherever merges and splits have put it.
func (db *DB) RemoveArrival(arrival uint64, opt RemoveOptions) (Removal, error) {
	return db.remove(opt, func(tx txn) ([]uint64, error) {
		arrival := tx.versionArrival(arrival) // a part names its version
		if tx.b(bucketArrivals).Get(u64(arrival)) == nil {
			return nil, tx.noVersion(arrival)
		}
		return []uint64{arrival}, nil
	})
}

// remove removes the versions pick chooses, all of one story.
func (db *DB) remove(opt RemoveOptions, pick func(txn) ([]uint64, error)) (Removal, error) {
	now := opt.Now
	if now.IsZero() {
		now = time.Now()
	}
	var out Removal
	err := db.update(func(tx txn) error {
		arrivals, err := pick(tx)
		if err != nil {
			return err
		}
		if out, err = tx.removeArrivals(arrivals, now); err != nil {
			return err
		}
		if opt.DryRun {
			return errDryRun
		}
		return nil
	})
	if errors.Is(err, errDryRun) {
		out.DryRun, err = true, nil
	}
	return out, err
}

// removeArrivals takes out versions of one story, then brings the story
// up to date: its count, latest version, headline and their indexes, or
// its end when nothing is left.
func (tx txn) removeArrivals(arrivals []uint64, now time.Time) (Removal, error) {
	var out Removal
	if len(arrivals) == 0 {
		return out, fmt.Errorf("%w: nothing to remove", ErrBadRef)
	}
	rk := tx.b(bucketArrivals).Get(u64(arrivals[0]))
	if rk == nil {
		return out, errCorrupt
	}
	uid := getU64(rk)
	s, err := tx.story(uid)
	if err != nil {
		return out, err
	}
	out.Story = s.ID
	stamp := now.UTC().Format(time.RFC3339)
	pos := map[uint64]int{} // positions before anything goes
	for i, k := range tx.revKeys(uid) {
		pos[arrivalOf(k)] = i + 1
	}
	for _, a := range arrivals {
		t, alerts, events, err := tx.removeOne(uid, a)
		if err != nil {
			return out, fmt.Errorf("removing r%d: %w", a, err)
		}
		t.Rev, t.Removed = pos[a], stamp
		out.Removed = append(out.Removed, t)
		out.Alerts += alerts
		out.Events += events
	}
	if err := tx.refresh(uid); err != nil {
		return out, err
	}
	s, err = tx.story(uid)
	if err != nil {
		return out, err
	}
	s.Removed = append(s.Removed, out.Removed...)
	out.Left = s.Count
	if s.Count == 0 {
		out.Whole = true
		s.Headline = ""
		if out.Watching, err = tx.unwatch(uid); err != nil {
			return out, err
		}
	} else if s.Headline, err = tx.lastHeadline(uid); err != nil {
		return out, err
	}
	return out, tx.putStory(uid, s)
}

// removeOne deletes one version of story uid and what names it, and
// returns its tombstone (without Rev and Removed, which are the caller's
// to fill in) and how many alerts and events went with it. The story's
// own record is the caller's too.
func (tx txn) removeOne(uid, arrival uint64) (Tombstone, int, int, error) {
	var t Tombstone
	key := tx.b(bucketArrivals).Get(u64(arrival))
	if key == nil || getU64(key) != uid {
		return t, 0, 0, fmt.Errorf("%w: r%d is not in the story", ErrBadRef, arrival)
	}
	key = append([]byte(nil), key...)
	var rec RevRecord
	if v := tx.b(bucketRevs).Get(key); v != nil {
		if err := decodeRev(v, &rec); err != nil {
			return t, 0, 0, fmt.Errorf("record %x: %w", key, err)
		}
	}
	t = Tombstone{Ref: RefOf(arrival), Arrival: arrival,
		Source: rec.Source, Label: rec.Marker.Label, Headline: rec.Headline, Date: rec.Date}
	s, err := tx.story(uid)
	if err != nil {
		return t, 0, 0, err
	}
	f, err := decodeFeatures(tx.b(bucketFeats).Get(featKey(uid, arrival)))
	if err != nil {
		return t, 0, 0, err
	}
	if err := tx.delTerms(f, arrival, s.Year, uid); err != nil {
		return t, 0, 0, err
	}
	if err := tx.delHash(arrival, rec.Date); err != nil {
		return t, 0, 0, err
	}
	if err := tx.removeParts(rec); err != nil {
		return t, 0, 0, err
	}
	if raw, err := tx.raw(arrival); err == nil {
		if err := tx.delText(arrival, raw); err != nil {
			return t, 0, 0, err
		}
	}
	if err := tx.delRev(key); err != nil {
		return t, 0, 0, err
	}
	for _, del := range []struct {
		bucket, key []byte
	}{
		{bucketFeats, featKey(uid, arrival)}, {bucketArrivals, u64(arrival)},
		{bucketRaw, u64(arrival)},
	} {
		if err := tx.b(del.bucket).Delete(del.key); err != nil {
			return t, 0, 0, err
		}
	}
	if err := tx.markRemoved(arrival, uid); err != nil {
		return t, 0, 0, err
	}
	if err := tx.unlinkAdvisory(arrival); err != nil {
		return t, 0, 0, err
	}
	if err := tx.dropMark(arrival); err != nil {
		return t, 0, 0, err
	}
	alerts, events, err := tx.dropOutbox(arrival)
	return t, alerts, events, err
}

// delHash deletes the content hash of the version that arrived as
// arrival, so that the same content is new again. The hash is found from
// the raw input as ingest computed it; a file whose hash was filed
// otherwise (by an older lede) is searched for it.
func (tx txn) delHash(arrival uint64, d revision.Date) error {
	raw, err := tx.raw(arrival)
	if err != nil {
		return err
	}
	b := tx.b(bucketHashes)
	if k := contentKey(raw, d); bytes.Equal(b.Get(k), u64(arrival)) {
		return b.Delete(k)
	}
	var found []byte
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if bytes.Equal(v, u64(arrival)) {
			found = append([]byte(nil), k...)
			break
		}
	}
	if found == nil {
		return nil // no hash to forget; lede check reports the count
	}
	return b.Delete(found)
}

// dropOutbox deletes the alert event of a version, its alert and the
// alert's queue entries and delivery states at every sink.
func (tx txn) dropOutbox(arrival uint64) (alerts, events int, err error) {
	if tx.b(bucketEvents) == nil {
		return 0, 0, nil
	}
	k := u64(arrival)
	if tx.b(bucketEvents).Get(k) != nil {
		events = 1
		if err := tx.b(bucketEvents).Delete(k); err != nil {
			return 0, 0, err
		}
	}
	if tx.b(bucketAlerts).Get(k) == nil {
		return 0, events, nil
	}
	var sinks [][]byte
	tx.b(bucketSinks).ForEach(func(s, _ []byte) error {
		sinks = append(sinks, append([]byte(nil), s...))
		return nil
	})
	for _, s := range sinks {
		dk := append(append([]byte(nil), s...), k...)
		if err := tx.b(bucketQueue).Delete(dk); err != nil {
			return 0, 0, err
		}
		if err := tx.b(bucketDeliveries).Delete(dk); err != nil {
			return 0, 0, err
		}
	}
	return 1, events, tx.b(bucketAlerts).Delete(k)
}

// unwatch deletes the follows and mutes of story uid, those made under
// the id of a story since merged into it included, and returns how many.
func (tx txn) unwatch(uid uint64) (int, error) {
	b := tx.b(bucketWatch)
	if b == nil {
		return 0, nil
	}
	var doomed [][]byte
	err := b.ForEach(func(k, _ []byte) error {
		if len(k) != 9 || k[0] == watchGrep {
			return nil
		}
		if live, _, err := tx.live(getU64(k[1:])); err == nil && live == uid {
			doomed = append(doomed, append([]byte(nil), k...))
		}
		return nil
	})
	for _, k := range doomed {
		if err == nil {
			err = b.Delete(k)
		}
	}
	return len(doomed), err
}

// lastHeadline is the headline of the last version of story uid that has
// one, as ingest keeps it: a version without a headline leaves the
// story's as it was.
func (tx txn) lastHeadline(uid uint64) (string, error) {
	keys := tx.revKeys(uid)
	for i := len(keys) - 1; i >= 0; i-- {
		h, err := recordHeadline(tx.b(bucketRevs).Get(keys[i]))
		if err != nil || h != "" {
			return h, err
		}
	}
	return "", nil
}

// removedStory returns the error for a story lede rm removed whole, nil
// for any other.
func removedStory(s storyRecord) error {
	if s.MergedInto != 0 || s.Count > 0 || len(s.Removed) == 0 {
		return nil
	}
	return &RemovedError{ID: s.ID, Removed: append([]Tombstone(nil), s.Removed...)}
}
