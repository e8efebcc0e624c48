package store

import (
	"errors"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// TestRemovedRef asks for the ref of a version lede rm removed, alone and
// with its story, and removes it again: each answer is the tombstone (its
// story, place, source and when), not "no version". It still is once the
// removed index has no entry for it, as after a removal by a lede from
// before the index; a ref never given out stays "no version".
func TestRemovedRef(t *testing.T) {
	pages := pagesByID(t)
	db := openTemp(t)
	res := ingest(t, db, pages[pollFirst].in, pages[pollLead].in, pages[poll2nd].in, pages[otherPage].in)
	story, lead := res[0].Story, res[1].Arrival
	when := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	if _, err := db.RemoveArrival(lead, RemoveOptions{Now: when}); err != nil {
		t.Fatal(err)
	}
	want := func(t *testing.T, what string, err error) {
		t.Helper()
		var gone *RemovedVersionError
		if !errors.As(err, &gone) || !errors.Is(err, ErrBadRef) {
			t.Fatalf("%s: %v, want a RemovedVersionError", what, err)
		}
		tb := gone.Tombstone
		if gone.Story != story || tb.Ref != RefOf(lead) || tb.Rev != 2 || tb.Source != pages[pollLead].in.Source ||
			tb.Label != "LEAD" || tb.Removed != "2026-01-02T03:04:05Z" {
			t.Errorf("%s: %+v", what, gone)
		}
	}
	asks := func(t *testing.T) {
		t.Helper()
		_, _, err := db.Locate("", Pick{Arrival: lead})
		want(t, "ref alone", err)
		_, _, err = db.Locate(story, Pick{Arrival: lead})
		want(t, "story@ref", err)
		_, err = db.RemoveArrival(lead, RemoveOptions{})
		want(t, "removed again", err)
	}
	asks(t)
	// A lede from before the index kept the tombstone only in the story.
	if err := db.bolt.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketRemoved).Delete(u64(lead)) }); err != nil {
		t.Fatal(err)
	}
	asks(t)
	_, _, err := db.Locate("", Pick{Arrival: 99})
	var gone *RemovedVersionError
	if !errors.Is(err, ErrBadRef) || errors.As(err, &gone) || err.Error() != ErrBadRef.Error()+": no version r99" {
		t.Errorf("a ref never given out: %v", err)
	}
	mustCheck(t, db)
}
