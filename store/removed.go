package store

import (
	"bytes"
	"errors"
	"fmt"
)

// A ref names its version for good, so a ref of a version lede rm took
// out must not read as a typo ("no version r81"): it answers with the
// tombstone, which says when it went, from which story and what it was.
// Tombstones live in their story's record; the removed index (arrival ->
// the story's uid, written by rm) finds that record in one read. Versions
// removed by a lede from before the index are found by walking the
// story records, which only a ref that was once given out costs.

// RemovedVersionError is the answer for a ref (r81, STORY@r81) of a
// version that lede rm removed.
type RemovedVersionError struct {
	Story     string // the id of the story it was removed from
	Tombstone Tombstone
}

func (e *RemovedVersionError) Error() string {
	t := e.Tombstone
	return fmt.Sprintf("version %s was removed from story %s on %s (it was @%d, from %s)", t.Ref, e.Story, t.Removed, t.Rev, t.Source)
}

// Unwrap makes a removed version a bad reference, as a missing one is.
func (e *RemovedVersionError) Unwrap() error { return ErrBadRef }

// markRemoved files arrival, just removed from story uid, in the removed
// index.
func (tx txn) markRemoved(arrival, uid uint64) error {
	return tx.b(bucketRemoved).Put(u64(arrival), u64(uid))
}

// noVersion is the error for a ref to arrival that names no stored
// version: a RemovedVersionError when lede rm removed it, else "no
// version".
func (tx txn) noVersion(arrival uint64) error {
	st, t, found, err := tx.tombstone(arrival)
	if err != nil {
		return err
	}
	if found {
		return &RemovedVersionError{Story: st, Tombstone: t}
	}
	return fmt.Errorf("%w: no version %s", ErrBadRef, RefOf(arrival))
}

// tombstone finds the tombstone of arrival and the id of its story.
func (tx txn) tombstone(arrival uint64) (string, Tombstone, bool, error) {
	if b := tx.b(bucketRemoved); b != nil { // absent from a file no lede of today has written
		if v := b.Get(u64(arrival)); len(v) == 8 {
			s, err := tx.story(getU64(v))
			if err != nil {
				return "", Tombstone{}, false, err
			}
			if t, ok := findTombstone(s.Removed, arrival); ok {
				return s.ID, t, true, nil
			}
		}
	}
	if arrival > tx.b(bucketArrivals).Sequence() {
		return "", Tombstone{}, false, nil // never given out
	}
	var id string
	var found Tombstone
	err := tx.b(bucketStories).ForEach(func(_, v []byte) error {
		var s storyRecord
		binary := len(v) > 0 && v[0] == storyBinary // no cheaper test than reading it
		if !binary && !bytes.Contains(v, []byte(`"removed"`)) || decodeStory(v, &s) != nil {
			return nil // a damaged record is check's to report, not this lookup's
		}
		if t, ok := findTombstone(s.Removed, arrival); ok {
			id, found = s.ID, t
			return errFound
		}
		return nil
	})
	if errors.Is(err, errFound) {
		return id, found, true, nil
	}
	return "", Tombstone{}, false, err
}

// errFound stops a walk that found what it looked for.
var errFound = errors.New("found")

// findTombstone finds arrival's tombstone among removed.
func findTombstone(removed []Tombstone, arrival uint64) (Tombstone, bool) {
	for _, t := range removed {
		if t.Arrival == arrival {
			return t, true
		}
	}
	return Tombstone{}, false
}
