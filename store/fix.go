package store

import (
	"errors"
	"fmt"
	"slices"

	"lede/revision"
)

// rekey re-files the revision stored under key (record, features and
// arrival entry) under story to, ordered as of year toYear, and returns
// its features. Postings are the caller's business.
func (tx txn) rekey(key []byte, to uint64, toYear int) (revision.Features, error) {
	from, arrival := getU64(key), arrivalOf(key)
	tx.cache.forget(from)
	tx.cache.forget(to)
	f, err := decodeFeatures(tx.b(bucketFeats).Get(featKey(from, arrival)))
	if err != nil {
		return f, err
	}
	// The record moves as stored, byte for byte: a date damaged by an
	// older lede stays for Check to find and --fix to repair.
	var rec RevRecord
	if _, err := tx.getRev(key, &rec); err != nil {
		return f, err
	}
	v := append([]byte(nil), tx.b(bucketRevs).Get(key)...)
	if err := tx.delRev(key); err != nil {
		return f, err
	}
	if err := tx.b(bucketFeats).Delete(featKey(from, arrival)); err != nil {
		return f, err
	}
	nk := revKey(to, orderOf(f, rec, toYear, arrival))
	if err := tx.putRevRaw(nk, v); err != nil {
		return f, err
	}
	if err := tx.b(bucketFeats).Put(featKey(to, arrival), encodeFeatures(f)); err != nil {
		return f, err
	}
	return f, tx.b(bucketArrivals).Put(u64(arrival), nk)
}

// moveRev moves a revision to another story with its postings.
func (tx txn) moveRev(key []byte, to uint64, toYear int) error {
	from := getU64(key)
	fs, err := tx.story(from)
	if err != nil {
		return err
	}
	f, err := decodeFeatures(tx.b(bucketFeats).Get(featKey(from, arrivalOf(key))))
	if err != nil {
		return err
	}
	if err := tx.delTerms(f, arrivalOf(key), fs.Year, from); err != nil {
		return err
	}
	if _, err := tx.rekey(key, to, toYear); err != nil {
		return err
	}
	return tx.putTerms(f, toYear, to)
}

// setYear records the first known year of a story and re-files its
// year-less revisions under it, so that they sort and are found with it.
func (tx txn) setYear(uid uint64, year int) error {
	s, err := tx.story(uid)
	if err != nil {
		return err
	}
	old := s.Year
	s.Year = year
	if err := tx.putStory(uid, s); err != nil {
		return err
	}
	for _, k := range tx.revKeys(uid) {
		if orderDate(k[8:]).Year != old {
			continue
		}
		f, err := tx.rekey(k, uid, year)
		if err != nil {
			return err
		}
		if err := tx.delTerms(f, arrivalOf(k), old, uid); err != nil {
			return err
		}
		if err := tx.putTerms(f, year, uid); err != nil {
			return err
		}
	}
	return tx.refresh(uid)
}

// merge moves every revision of story from into story into. The id of
// from keeps resolving, to into.
func (tx txn) merge(into, from uint64) error {
	if into == from {
		return nil
	}
	is, err := tx.story(into)
	if err != nil {
		return err
	}
	fs, err := tx.story(from)
	if err != nil {
		return err
	}
	year := is.Year
	if year == 0 && fs.Year != 0 {
		if err := tx.setYear(into, fs.Year); err != nil {
			return err
		}
		year = fs.Year
	}
	for _, k := range tx.revKeys(from) {
		if err := tx.moveRev(k, into, year); err != nil {
			return err
		}
	}
	if err := tx.moveAdvisories(into, from); err != nil {
		return err
	}
	if fs.Latest != nil {
		if err := tx.b(bucketRecent).Delete(recentKey(fs.Latest, from)); err != nil {
			return err
		}
	}
	if err := tx.refreshHeads(from); err != nil {
		return err
	}
	is, err = tx.story(into)
	if err != nil {
		return err
	}
	for _, a := range fs.Apart {
		if a != into && !slices.Contains(is.Apart, a) {
			is.Apart = append(is.Apart, a)
		}
	}
	is.Apart = slices.DeleteFunc(is.Apart, func(a uint64) bool { return a == from })
	if err := tx.putStory(into, is); err != nil {
		return err
	}
	fs.MergedInto, fs.Count, fs.Latest, fs.Apart = into, 0, nil, nil
	if err := tx.putStory(from, fs); err != nil {
		return err
	}
	if err := tx.b(bucketIDs).Put([]byte(fs.ID), u64(into)); err != nil {
		return err
	}
	return tx.refresh(into)
}

// Merge makes one story of two that grouping kept apart: every revision
// of from joins into, and from's id resolves to into from now on.
func (db *DB) Merge(into, from string) (string, error) {
	var id string
	err := db.update(func(tx txn) error {
		a, err := tx.resolve(into)
		if err != nil {
			return err
		}
		b, err := tx.resolve(from)
		if err != nil {
			return err
		}
		if a == b {
			return fmt.Errorf("%s and %s are the same story", into, from)
		}
		if err := tx.merge(a, b); err != nil {
			return err
		}
		s, err := tx.story(a)
		id = s.ID
		return err
	})
	return id, err
}

// Split moves revision rev and every later one of a story into a new
// story, and records that the two must stay apart: grouping never merges
// them again, and later revisions join whichever they match.
func (db *DB) Split(ref string, rev int) (string, error) {
	var id string
	err := db.update(func(tx txn) error {
		uid, err := tx.resolve(ref)
		if err != nil {
			return err
		}
		keys := tx.revKeys(uid)
		if rev < 2 || rev > len(keys) {
			return fmt.Errorf("%w: split needs a revision from 2 to %d (revision 1 stays, so something remains)", ErrBadRef, len(keys))
		}
		var rec RevRecord
		if _, err := tx.getRev(keys[rev-1], &rec); err != nil {
			return err
		}
		old, err := tx.story(uid)
		if err != nil {
			return err
		}
		nu, err := tx.spinOff(rec, old.Year)
		if err != nil {
			return err
		}
		if err := tx.b(bucketRecent).Delete(recentKey(old.Latest, uid)); err != nil {
			return err
		}
		for _, k := range keys[rev-1:] {
			if err := tx.moveRev(k, nu, old.Year); err != nil {
				return err
			}
		}
		old, _ = tx.story(uid)
		old.Latest = nil
		old.Apart = append(old.Apart, nu)
		if err := tx.putStory(uid, old); err != nil {
			return err
		}
		ns, _ := tx.story(nu)
		ns.Apart = append(ns.Apart, uid)
		if err := tx.putStory(nu, ns); err != nil {
			return err
		}
		if err := tx.refresh(uid); err != nil {
			return err
		}
		if err := tx.refresh(nu); err != nil {
			return err
		}
		id = ns.ID
		return nil
	})
	return id, err
}

// spinOff creates an empty story for a revision that leaves its story
// (split off, or displaced), named after it and in its old story's year.
func (tx txn) spinOff(rec RevRecord, year int) (uint64, error) {
	nu, err := tx.newStory(&revision.Revision{Headline: rec.Headline, Date: rec.Date}, 0)
	if err != nil || year == 0 {
		return nu, err
	}
	ns, err := tx.story(nu)
	if err != nil {
		return 0, err
	}
	ns.Year = year
	return nu, tx.putStory(nu, ns)
}

// ErrBadRef is wrapped by errors about story references a user typed.
var ErrBadRef = errors.New("bad story reference")
