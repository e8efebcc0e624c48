package store

import (
	"bytes"
	"slices"

	"lede/revision"
)

// metaAdvisories is present once the file's advisories are filed as
// entries of their own: a file an older lede wrote holds them as
// versions of the stories they name.
var metaAdvisories = []byte("advisories")

// fileAdvisoriesApart is whether Ingest files advisories as entries of
// their own; only a test, building a file as an older lede wrote it,
// turns it off.
var fileAdvisoriesApart = true

// migrateAdvisories files each advisory an older lede stored as a
// version of a story as an entry of its own, linked to that story
// (advisory.go), once per file, inside the opening transaction. It is
// not a schema version of its own: an older lede still reads and writes
// the file, and what it stores then stays as it stored it.
func migrateAdvisories(tx txn) error {
	meta := tx.b(bucketMeta)
	if meta.Get(metaAdvisories) != nil {
		return nil
	}
	var keys [][]byte
	err := tx.b(bucketRevs).ForEach(func(k, v []byte) error {
		if !bytes.Contains(v, []byte(revision.SignalAdvisory)) {
			return nil // most records, JSON or binary: no need to decode them
		}
		var rec RevRecord
		if decodeRev(v, &rec) == nil && slices.Contains(rec.Signals, revision.SignalAdvisory) && !tx.isAdvisory(arrivalOf(k)) {
			keys = append(keys, append([]byte(nil), k...))
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, k := range keys {
		if err := tx.fileAsAdvisory(k); err != nil {
			return err
		}
	}
	return meta.Put(metaAdvisories, []byte{1})
}

// fileAsAdvisory makes the revision stored under key, an advisory, an
// entry of its own: out of its story's index terms and key, into a story
// of its own unless it is alone in its story already, with the features
// of an advisory, and linked to the story it names.
func (tx txn) fileAsAdvisory(key []byte) error {
	uid, arrival := getU64(key), arrivalOf(key)
	s, err := tx.story(uid)
	if err != nil {
		return err
	}
	f, err := decodeFeatures(tx.b(bucketFeats).Get(featKey(uid, arrival)))
	if err != nil {
		return err
	}
	var rec RevRecord
	if _, err := tx.getRev(key, &rec); err != nil {
		return err
	}
	if err := tx.delTerms(f, arrival, s.Year, uid); err != nil {
		return err
	}
	own := uid
	if len(tx.revKeys(uid)) > 1 {
		if own, err = tx.newEntry(rec, s.Year); err != nil {
			return err
		}
		if _, err := tx.rekey(key, own, s.Year); err != nil {
			return err
		}
		if err := tx.refresh(uid); err != nil {
			return err
		}
	}
	if err := tx.b(bucketFeats).Put(featKey(own, arrival), encodeFeatures(advisoryFeatures(f))); err != nil {
		return err
	}
	if err := tx.refresh(own); err != nil {
		return err
	}
	return tx.linkAdvisory(own, arrival, f, rec.Refs)
}

// newEntry makes the story an advisory moves into, named after its
// headline or its first line as Ingest names one, in the year of the
// story it leaves.
func (tx txn) newEntry(rec RevRecord, year int) (uint64, error) {
	r := &revision.Revision{Headline: rec.Headline, Date: rec.Date}
	if rec.Lead != "" {
		r.Paragraphs = []string{rec.Lead}
	}
	uid, err := tx.newStory(r, 0)
	if err != nil || year == 0 {
		return uid, err
	}
	s, err := tx.story(uid)
	if err != nil {
		return 0, err
	}
	s.Year = year
	return uid, tx.putStory(uid, s)
}
