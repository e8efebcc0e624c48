package store

import (
	"fmt"

	"lede/revision"
	"lede/revision/assemble"

	bolt "go.etcd.io/bbolt"
)

// UpdatePair is a revision whose update summary is missing or stale, with
// the revision before it in its story, as raw inputs to parse and diff.
type UpdatePair struct {
	Story       string
	Rev         int
	Arrival     uint64
	PrevArrival uint64
	Prev, Cur   Input // Source and Raw; Rev is left for the caller to parse
	// Stored is the summary held for this update, nil when it is missing
	// or was computed against another predecessor.
	Stored *revision.UpdateSummary
	// PrevWhole and CurWhole say what each side's whole text is made of
	// when it is not its one item as received (assembly.go): diff those.
	PrevWhole, CurWhole *assemble.Stored
}

// ComputedSummary is a summary of the update from PrevArrival to Arrival.
type ComputedSummary struct {
	Arrival     uint64
	PrevArrival uint64
	Summary     revision.UpdateSummary
	// Assembly is how the new side was made whole, nil for one item.
	Assembly *AssemblyFacts
}

// StaleSummaries lists the updates of the given stories whose summary is
// missing or was computed against a revision that is no longer the one
// before it (after a late first version, a merge or a split). Summaries
// are derived data: computing them outside the ingest transaction keeps
// ingest fast, and a crash in between only leaves them to be redone.
func (db *DB) StaleSummaries(stories []string) ([]UpdatePair, error) {
	return db.StaleSummariesHaving(stories, nil)
}

// StaleSummariesHaving is StaleSummaries for a caller that holds some
// revisions parsed already (ingest, the batch it just stored): for an
// arrival have accepts, the pair's Raw is left nil instead of being read
// and inflated.
func (db *DB) StaleSummariesHaving(stories []string, have func(arrival uint64) bool) ([]UpdatePair, error) {
	var out []UpdatePair
	err := db.bolt.View(func(btx *bolt.Tx) error {
		var err error
		out, err = txn{Tx: btx}.stalePairs(stories, have)
		return err
	})
	return out, err
}

// stalePairs lists the updates of stories whose summary is missing or
// stale, each story once. A story whose listing this transaction rebuilt
// is read from the versions loaded for that (dirtySet.loaded).
func (tx txn) stalePairs(stories []string, have func(arrival uint64) bool) ([]UpdatePair, error) {
	var out []UpdatePair
	done := map[uint64]bool{}
	for _, ref := range stories {
		uid, err := tx.resolve(ref)
		if err != nil {
			return nil, err
		}
		if done[uid] {
			continue
		}
		done[uid] = true
		if st := tx.dirty.loadedStory(uid); st != nil {
			out, err = tx.pairsOf(st.ID, loadedVersions(st), false, have, out)
		} else {
			out, err = tx.updatePairs(uid, false, have, out)
		}
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// EachUpdate calls fn with every update of every story (each revision
// but a story's first, with the one before it and the summary stored for
// it), a batch of about n at a time, in one read transaction: lede check
// --summaries diffs them all again to verify what is stored. fn must not
// keep the slice, which the next batch reuses.
func (db *DB) EachUpdate(n int, fn func([]UpdatePair) error) error {
	return db.bolt.View(func(btx *bolt.Tx) error {
		tx := txn{Tx: btx}
		var batch []UpdatePair
		c := tx.b(bucketRecent).Cursor()
		for k, _ := c.Last(); k != nil; k, _ = c.Prev() {
			var err error
			if batch, err = tx.updatePairs(getU64(k[12:]), true, nil, batch); err != nil {
				return err
			}
			if len(batch) >= n {
				if err := fn(batch); err != nil {
					return err
				}
				batch = batch[:0]
			}
		}
		if len(batch) == 0 {
			return nil
		}
		return fn(batch)
	})
}

// updatePairs appends story uid's updates to out: all of them, or only
// those whose summary is missing or stale. The raw input of an arrival
// have accepts is not read.
func (tx txn) updatePairs(uid uint64, all bool, have func(uint64) bool, out []UpdatePair) ([]UpdatePair, error) {
	s, err := tx.story(uid)
	if err != nil {
		return out, err
	}
	keys := tx.revKeys(uid)
	var vs []Version // the story's versions, read once a side needs them
	src := versionSource{
		n:       len(keys),
		arrival: func(i int) uint64 { return arrivalOf(keys[i]) },
		rec: func(i int) (RevRecord, error) {
			var rec RevRecord
			_, err := tx.getRev(keys[i], &rec)
			return rec, err
		},
		versions: func() ([]Version, error) {
			if vs == nil {
				st, err := tx.loadStory(uid)
				if err != nil {
					return nil, err
				}
				vs = st.Versions
			}
			return vs, nil
		},
	}
	return tx.pairsOf(s.ID, src, all, have, out)
}

// versionSource is how pairsOf reads a story's versions, in story order:
// record by record from the file, or from a story loaded already.
type versionSource struct {
	n        int
	arrival  func(i int) uint64
	rec      func(i int) (RevRecord, error)
	versions func() ([]Version, error) // all of them, for a version assembled from others
}

// loadedVersions reads the versions of st, loaded without problems.
func loadedVersions(st *Story) versionSource {
	return versionSource{
		n:        len(st.Versions),
		arrival:  func(i int) uint64 { return st.Versions[i].Record.Arrival },
		rec:      func(i int) (RevRecord, error) { return st.Versions[i].Record, nil },
		versions: func() ([]Version, error) { return st.Versions, nil },
	}
}

// pairsOf appends the updates of the story named story that src reads,
// as updatePairs does.
func (tx txn) pairsOf(story string, src versionSource, all bool, have func(uint64) bool, out []UpdatePair) ([]UpdatePair, error) {
	whole := func(i int, rec RevRecord) (*assemble.Stored, error) {
		if !assembled(rec) {
			return nil, nil
		}
		vs, err := src.versions()
		if err != nil {
			return nil, err
		}
		return tx.wholeOf(vs, i)
	}
	for i := 1; i < src.n; i++ {
		rec, err := src.rec(i)
		if err != nil {
			return out, err
		}
		prev := src.arrival(i - 1)
		if !all && rec.Summary != nil && rec.SummaryPrev == prev {
			continue
		}
		prevRec, err := src.rec(i - 1)
		if err != nil {
			return out, err
		}
		p := UpdatePair{Story: story, Rev: i + 1, Arrival: rec.Arrival, PrevArrival: prev,
			Prev: Input{Source: prevRec.Source}, Cur: Input{Source: rec.Source}}
		if rec.Summary != nil && rec.SummaryPrev == prev {
			p.Stored = rec.Summary
		}
		if p.PrevWhole, err = whole(i-1, prevRec); err != nil {
			return out, err
		}
		if p.CurWhole, err = whole(i, rec); err != nil {
			return out, err
		}
		if have == nil || !have(prev) {
			if p.Prev.Raw, err = tx.raw(prev); err != nil {
				return out, err
			}
		}
		if have == nil || !have(rec.Arrival) {
			if p.Cur.Raw, err = tx.raw(rec.Arrival); err != nil {
				return out, err
			}
		}
		out = append(out, p)
	}
	return out, nil
}

// raw returns a revision's input as received.
func (tx txn) raw(arrival uint64) ([]byte, error) {
	z := tx.b(bucketRaw).Get(u64(arrival))
	if z == nil {
		return nil, fmt.Errorf("revision %d: %w (no raw input)", arrival, errCorrupt)
	}
	return inflate(z)
}

// SetSummaries stores computed summaries in one transaction. A summary
// whose revision has since moved behind another predecessor is dropped;
// StaleSummaries will list it again.
func (db *DB) SetSummaries(sums []ComputedSummary) error {
	if len(sums) == 0 {
		return nil
	}
	return db.update(func(tx txn) error {
		puts, err := tx.summaryPuts(sums)
		if err != nil {
			return err
		}
		return tx.putSummaries(puts)
	})
}

// summaryPut is a record with its summary set, to be put under key.
type summaryPut struct {
	key []byte
	rec RevRecord
}

// summaryPuts reads the records the summaries belong to and sets them,
// changing nothing in the file: a record that cannot be read fails all
// of them before any is stored (IngestWith relies on it).
func (tx txn) summaryPuts(sums []ComputedSummary) ([]summaryPut, error) {
	var out []summaryPut
	for _, cs := range sums {
		key := tx.b(bucketArrivals).Get(u64(cs.Arrival))
		if key == nil {
			continue // removed since (lede rm)
		}
		key = append([]byte(nil), key...)
		if prev := tx.predecessor(key); prev != cs.PrevArrival {
			continue
		}
		var rec RevRecord
		if _, err := tx.getRev(key, &rec); err != nil {
			return nil, err
		}
		s := cs.Summary
		rec.Summary, rec.SummaryPrev, rec.Assembly = &s, cs.PrevArrival, cs.Assembly
		out = append(out, summaryPut{key, rec})
	}
	return out, nil
}

// putSummaries stores what summaryPuts set.
func (tx txn) putSummaries(puts []summaryPut) error {
	for _, p := range puts {
		if err := tx.putRev(p.key, p.rec); err != nil {
			return err
		}
	}
	return nil
}

// predecessor is the arrival of the revision before key in its story, 0
// for the first.
func (tx txn) predecessor(key []byte) uint64 {
	c := tx.b(bucketRevs).Cursor()
	k, _ := c.Seek(key)
	if k == nil {
		return 0
	}
	k, _ = c.Prev()
	if k == nil || getU64(k) != getU64(key) {
		return 0
	}
	return arrivalOf(k)
}
