package store

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"
)

// The marks: versions a desk has used or published, so that "since I
// last looked" is the diff from the story's last mark to its latest
// version. A mark is filed under the version's arrival (its ref), which
// merges, splits and late versions do not change, so it stays on the
// version it was put on; the bucket is created by the first mark, and a
// file without it has no marks.
var bucketMarks = []byte("marks") // arrival u64 -> markRecord (JSON)

// markRecord is a mark as stored.
type markRecord struct {
	At int64 `json:"at"` // unix seconds
}

// Marking is what Mark and Unmark did: the version, in its story as it
// is now, and whether it was marked before.
type Marking struct {
	Story   Story
	Version Version
	// Was says the version was marked before the call.
	Was bool
}

// Mark marks the version story and p name (see Locate) as used, at at.
// Marking a marked version again moves its time to at.
func (db *DB) Mark(story string, p Pick, at time.Time) (Marking, error) {
	return db.setMark(story, p, &markRecord{At: at.Unix()})
}

// Unmark takes the mark off the version story and p name; Was is false
// when it had none (not an error: the version is unmarked either way).
func (db *DB) Unmark(story string, p Pick) (Marking, error) {
	return db.setMark(story, p, nil)
}

// setMark files mark for the version (nil: deletes it) and returns the
// version as it now reads.
func (db *DB) setMark(story string, p Pick, mark *markRecord) (Marking, error) {
	var m Marking
	err := db.update(func(tx txn) error {
		_, v, err := tx.locate(story, p)
		if err != nil {
			return err
		}
		// The story's listing shows the mark.
		if err := tx.touchArrival(v.Record.Arrival); err != nil {
			return err
		}
		key := u64(v.Record.Arrival)
		b := tx.b(bucketMarks)
		m.Was = b != nil && b.Get(key) != nil
		switch {
		case mark != nil:
			if b, err = tx.CreateBucketIfNotExists(bucketMarks); err != nil {
				return err
			}
			val, err := json.Marshal(mark)
			if err != nil {
				return err
			}
			err = b.Put(key, val)
		case m.Was:
			err = b.Delete(key)
		}
		if err != nil {
			return fmt.Errorf("marking %s: %w", v.Ref, err)
		}
		m.Story, m.Version, err = tx.locate("", Pick{Arrival: v.Record.Arrival})
		return err
	})
	return m, err
}

// markOf is when the version that arrived as arrival was marked, 0 for
// not marked (or a record that cannot be read, which lede check reports).
func (tx txn) markOf(arrival uint64) int64 {
	b := tx.b(bucketMarks)
	if b == nil {
		return 0
	}
	v := b.Get(u64(arrival))
	if v == nil {
		return 0
	}
	var m markRecord
	if json.Unmarshal(v, &m) != nil || m.At == 0 {
		return 1 // marked, at a time unknown: still a mark
	}
	return m.At
}

// dropMark deletes the mark of a version lede rm removes.
func (tx txn) dropMark(arrival uint64) error {
	if b := tx.b(bucketMarks); b != nil {
		return b.Delete(u64(arrival))
	}
	return nil
}

// LastMark is the story's latest marked version in story order, and
// false when none is marked.
func (s Story) LastMark() (Version, bool) {
	for i := len(s.Versions) - 1; i >= 0; i-- {
		if s.Versions[i].Marked != 0 {
			return s.Versions[i], true
		}
	}
	return Version{}, false
}

// MarkedAt is when the version was marked, the zero time when it is not.
func (v Version) MarkedAt() time.Time {
	if v.Marked == 0 {
		return time.Time{}
	}
	return time.Unix(v.Marked, 0)
}

// checkMarks reports marks of versions that are not stored (a mark lede
// rm should have taken with its version) and marks that cannot be read.
func (tx txn) checkMarks(rep *CheckReport) {
	b := tx.b(bucketMarks)
	if b == nil {
		return
	}
	b.ForEach(func(k, v []byte) error {
		if len(k) != 8 {
			rep.add("marks: key %x is not an arrival", k)
			return nil
		}
		var m markRecord
		if err := json.Unmarshal(v, &m); err != nil || m.At == 0 {
			rep.add("mark of %s cannot be read: %q", RefOf(getU64(k)), v)
		}
		if tx.b(bucketArrivals).Get(k) == nil {
			rep.add("mark of %s, a version that is not stored", RefOf(getU64(k)))
		}
		return nil
	})
}

// Marks lists the marked versions, most recently marked first, each in
// its story as it is now. A mark of a version that is gone (see
// checkMarks) is left out.
func (db *DB) Marks() ([]Marking, error) {
	var out []Marking
	err := db.bolt.View(func(btx *bolt.Tx) error {
		tx := txn{Tx: btx}
		b := tx.b(bucketMarks)
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, _ []byte) error {
			st, v, err := tx.locate("", Pick{Arrival: getU64(k)})
			if errors.Is(err, ErrBadRef) {
				return nil
			}
			out = append(out, Marking{Story: st, Version: v, Was: true})
			return err
		})
	})
	slices.SortStableFunc(out, func(a, b Marking) int { return cmp.Compare(b.Version.Marked, a.Version.Marked) })
	return out, err
}
