package store

import (
	"errors"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// TestMarks marks versions of a story, reads the marks back with the
// story, moves the story's last mark, survives a merge (the
// mark stays on its version), unmarks, and lets lede rm take a version's
// mark with it; lede check finds nothing amiss at each step, and a mark
// of a version that is gone is reported.
func TestMarks(t *testing.T) {
	pages := pagesByID(t)
	db := openTemp(t)
	res := ingest(t, db, pages[pollFirst].in, pages[pollLead].in, pages[poll2nd].in, pages[otherPage].in)
	story := res[0].Story
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	if _, ok := mustStory(t, db, story).LastMark(); ok {
		t.Fatal("a fresh story has a mark")
	}
	m, err := db.Mark(story, Pick{N: 1}, at)
	if err != nil || m.Was || m.Version.Rev != 1 || m.Version.MarkedAt() != at.Local() {
		t.Fatalf("mark @1: %+v %v", m.Version, err)
	}
	if _, err := db.Mark(story, Pick{Arrival: res[1].Arrival}, at.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	last, ok := mustStory(t, db, story).LastMark()
	if !ok || last.Record.Arrival != res[1].Arrival || last.Marked != at.Add(time.Minute).Unix() {
		t.Errorf("last mark %+v %v, want the LEAD's", last.Ref, ok)
	}
	mustCheck(t, db)

	// Marking again moves the time; unmarking says whether it was marked.
	if m, err := db.Mark(story, Pick{N: 1}, at.Add(time.Hour)); err != nil || !m.Was || m.Version.Marked != at.Add(time.Hour).Unix() {
		t.Errorf("mark @1 again: %+v %v", m, err)
	}
	if m, err := db.Unmark(story, Pick{Arrival: res[1].Arrival}); err != nil || !m.Was || m.Version.Marked != 0 {
		t.Errorf("unmark the LEAD: %+v %v", m, err)
	}
	if m, err := db.Unmark(story, Pick{Arrival: res[1].Arrival}); err != nil || m.Was {
		t.Errorf("unmark the LEAD again: %+v %v", m, err)
	}
	if last, _ := mustStory(t, db, story).LastMark(); last.Rev != 1 {
		t.Errorf("after unmarking the LEAD the last mark is @%d, want @1", last.Rev)
	}

	// A merge and a split move versions between stories; marks follow.
	into, err := db.Merge(res[3].Story, story)
	if err != nil {
		t.Fatal(err)
	}
	if _, v, err := db.Locate("", Pick{Arrival: res[0].Arrival}); err != nil || v.Marked == 0 {
		t.Errorf("after the merge into %s the first version's mark is %d (%v)", into, v.Marked, err)
	}
	mustCheck(t, db)

	// lede rm takes the mark with the version.
	if _, err := db.RemoveArrival(res[0].Arrival, RemoveOptions{}); err != nil {
		t.Fatal(err)
	}
	mustCheck(t, db)
	if _, err := db.Mark("", Pick{Arrival: res[0].Arrival}, at); !errors.Is(err, ErrBadRef) {
		t.Errorf("marking a removed version: %v", err)
	}
	// A mark left behind by a lede that did not know of marks is found.
	if err := db.bolt.Update(func(btx *bolt.Tx) error {
		b, err := btx.CreateBucketIfNotExists(bucketMarks)
		if err != nil {
			return err
		}
		return b.Put(u64(res[0].Arrival), []byte(`{"at":1}`))
	}); err != nil {
		t.Fatal(err)
	}
	if rep, _ := db.Check(); len(rep.Problems) != 1 {
		t.Errorf("check of an orphan mark: %v", rep.Problems)
	}
}

func mustStory(t *testing.T, db *DB, id string) Story {
	t.Helper()
	s, err := db.Story(id)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
