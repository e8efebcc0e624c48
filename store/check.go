package store

import (
	"bytes"
	"fmt"
	"slices"

	bolt "go.etcd.io/bbolt"
)

// CheckReport is what Check found.
type CheckReport struct {
	Stories   int      // live stories
	Revisions int      // stored revisions
	Problems  []string // empty when the database is sound
	// Unfiled are the arrival numbers of revisions some of whose index
	// terms are not filed (each is also a problem); Refile repairs them.
	Unfiled []uint64
	// BadDates are the arrival numbers of revisions stored with a date
	// that is not a real one (each is also a problem); RepairDates
	// repairs them.
	BadDates []uint64
	// StaleListings are the uids of stories whose listing record does
	// not match their records (each is also a problem);
	// RebuildListings repairs them.
	StaleListings []uint64
}

// maxProblems stops a check of a badly damaged file from listing forever.
const maxProblems = 100

// Check verifies the file (bbolt's own page check) and lede's invariants:
// every revision has its features, raw input, arrival entry and content
// hash; every story's count, latest revision and recent-index entry match
// its revisions; merged stories hold nothing; ids and postings point to
// stories that exist, and every revision's index terms are filed.
func (db *DB) Check() (CheckReport, error) {
	var rep CheckReport
	err := db.bolt.View(func(btx *bolt.Tx) error {
		for err := range btx.Check() {
			rep.add("bbolt: %v", err)
		}
		txn{Tx: btx}.checkInvariants(&rep)
		txn{Tx: btx}.checkPostings(&rep)
		txn{Tx: btx}.checkOutbox(&rep)
		txn{Tx: btx}.checkHeads(&rep)
		txn{Tx: btx}.checkWords(&rep)
		txn{Tx: btx}.checkKeys(&rep)
		txn{Tx: btx}.checkAdvisories(&rep)
		txn{Tx: btx}.checkMarks(&rep)
		txn{Tx: btx}.checkText(&rep)
		txn{Tx: btx}.checkListings(&rep)
		return nil
	})
	return rep, err
}

func (r *CheckReport) add(format string, args ...any) {
	if len(r.Problems) < maxProblems {
		r.Problems = append(r.Problems, fmt.Sprintf(format, args...))
	}
}

func (tx txn) checkInvariants(rep *CheckReport) {
	counts := map[uint64]int{}
	last := map[uint64][]byte{}
	items := 0 // stored items: one a revision, one a part of a version sent in parts
	tx.b(bucketRevs).ForEach(func(k, v []byte) error {
		rep.Revisions++
		if len(k) != 8+orderLen {
			rep.add("revs: key %x has length %d", k, len(k))
			return nil
		}
		uid, arrival := getU64(k), arrivalOf(k)
		counts[uid]++
		last[uid] = append([]byte(nil), k[8:]...)
		if tx.b(bucketFeats).Get(featKey(uid, arrival)) == nil {
			rep.add("revision %d of story %d has no features", arrival, uid)
		}
		if tx.b(bucketRaw).Get(u64(arrival)) == nil {
			rep.add("revision %d has no raw input", arrival)
		}
		if a := tx.b(bucketArrivals).Get(u64(arrival)); !bytes.Equal(a, k) {
			rep.add("revision %d: arrival entry %x does not point to it", arrival, a)
		}
		var rec RevRecord
		err := decodeRev(v, &rec)
		tx.checkDates(rep, k, v, err)
		if err != nil && !IsDateDamage(err) || rec.Arrival != arrival {
			rep.add("revision %d: record unreadable or mislabelled", arrival)
		}
		items += tx.checkParts(rep, rec)
		return nil
	})
	hashes := 0
	tx.b(bucketHashes).ForEach(func(k, v []byte) error {
		hashes++
		if tx.versionKey(getU64(v)) == nil {
			rep.add("content hash %x points to missing revision %d", k, getU64(v))
		}
		return nil
	})
	if hashes != items {
		rep.add("%d content hashes for %d items of %d revisions", hashes, items, rep.Revisions)
	}
	tx.b(bucketStories).ForEach(func(k, v []byte) error {
		uid := getU64(k)
		var s storyRecord
		if err := decodeStory(v, &s); err != nil {
			rep.add("story %d: %v", uid, err)
			return nil
		}
		if s.MergedInto != 0 || removedStory(s) != nil {
			if counts[uid] != 0 {
				rep.add("story %s was merged or removed but still holds %d revisions", s.ID, counts[uid])
			}
			return nil
		}
		if counts[uid] == 0 {
			// Empty stories exist only inside a transaction.
			rep.add("story %s has no revisions", s.ID)
			return nil
		}
		rep.Stories++
		if s.Count != counts[uid] {
			rep.add("story %s says %d revisions, holds %d", s.ID, s.Count, counts[uid])
		}
		if !bytes.Equal(s.Latest, last[uid]) {
			rep.add("story %s: latest revision is stale", s.ID)
		} else if tx.b(bucketRecent).Get(recentKey(s.Latest, uid)) == nil {
			rep.add("story %s is missing from the recent index", s.ID)
		}
		if v := tx.b(bucketIDs).Get([]byte(s.ID)); v == nil || getU64(v) != uid {
			rep.add("story %s: id does not resolve to it", s.ID)
		}
		return nil
	})
	recent := 0
	tx.b(bucketRecent).ForEach(func(k, _ []byte) error { recent++; return nil })
	if recent != rep.Stories {
		rep.add("recent index has %d entries for %d stories", recent, rep.Stories)
	}
	tx.b(bucketTerms).ForEach(func(k, v []byte) error {
		switch {
		case len(k) != 12 || len(v) == 0 || len(v)%8 != 0:
			rep.add("index posting %x: not year | mmdd | story with terms", k)
		case counts[getU64(k[4:])] == 0:
			rep.add("index posting for story %d, which holds no revisions", getU64(k[4:]))
		}
		return nil
	})
}

// checkPostings verifies that every revision can be found: each of its
// index terms is filed for its story under the day (and the year, its own
// or its story's) the revision is filed under.
func (tx txn) checkPostings(rep *CheckReport) {
	years := map[uint64]int{}
	tx.b(bucketStories).ForEach(func(k, v []byte) error {
		var s storyRecord
		if decodeStory(v, &s) == nil {
			years[getU64(k)] = s.Year
		}
		return nil
	})
	terms := tx.b(bucketTerms)
	tx.b(bucketFeats).ForEach(func(k, v []byte) error {
		if len(k) != 16 {
			return nil // reported with the revisions
		}
		uid, arrival := getU64(k), getU64(k[8:])
		f, err := decodeFeatures(v)
		if err != nil {
			rep.add("revision %d: features unreadable: %v", arrival, err)
			return nil
		}
		have := decodeTerms(terms.Get(postingKey(indexYear(f.Date, years[uid]), mmdd(f.Date), uid)))
		missing := 0
		for _, t := range f.IndexTerms() {
			if _, found := slices.BinarySearch(have, t); !found {
				missing++
			}
		}
		if missing > 0 {
			rep.Unfiled = append(rep.Unfiled, arrival)
			rep.add("revision %d of story %d: %d index terms not filed, so it cannot be found", arrival, uid, missing)
		}
		return nil
	})
}

// Refile files again the index terms of the revisions that arrived as
// arrivals (Check's Unfiled), in one transaction. Files written before
// lede re-filed the terms a moved revision shared with those that stayed
// (a split, or a revision displaced from its story) lack some.
func (db *DB) Refile(arrivals []uint64) error {
	return db.update(func(tx txn) error {
		for _, a := range arrivals {
			rk := tx.b(bucketArrivals).Get(u64(a))
			if rk == nil {
				return fmt.Errorf("%w: no revision %d", ErrBadRef, a)
			}
			uid := getU64(rk)
			s, err := tx.story(uid)
			if err != nil {
				return err
			}
			f, err := decodeFeatures(tx.b(bucketFeats).Get(featKey(uid, a)))
			if err != nil {
				return err
			}
			if err := tx.putTerms(f, s.Year, uid); err != nil {
				return err
			}
		}
		return nil
	})
}
