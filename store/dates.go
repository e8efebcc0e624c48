package store

import (
	"encoding/binary"
	"errors"
	"fmt"

	"lede/revision"
)

// Dates that are not real calendar dates. lede before it checked dates
// stored pages dated 2022-02-30 (or October 47) as they said, and filed a
// year-less Feb. 29 of a story of 2023 under 2023-02-29; every read of
// such a record then failed. Reads now get past them (decodeRev), Check
// lists them and RepairDates reads their date again from the page.

// checkDates adds a problem, and lists the revision in rep.BadDates,
// when the revision stored under k (record v, decoded with recErr) holds
// a date that is not real in its record, its features or its place in
// its story. Check calls it for every revision as it walks them.
func (tx txn) checkDates(rep *CheckReport, k, v []byte, recErr error) {
	uid, arrival := getU64(k), arrivalOf(k)
	why := ""
	var de *DateError
	if errors.As(recErr, &de) {
		why = de.Error()
	} else if f := featuresDate(tx.b(bucketFeats).Get(featKey(uid, arrival))); !f.Valid() {
		why = fmt.Sprintf("features dated %04d-%02d-%02d, not a real date", f.Year, f.Month, f.Day)
	} else if d := orderDate(k[8:]); !d.Valid() {
		why = fmt.Sprintf("filed in its story under %04d-%02d-%02d, not a real date", d.Year, d.Month, d.Day)
	}
	if why == "" {
		return
	}
	s, _ := tx.story(uid)
	rep.BadDates = append(rep.BadDates, arrival)
	rep.add("%v", Problem{StoryUID: uid, Story: s.ID, Arrival: arrival, Source: recordSource(v),
		Err: fmt.Errorf("%s (lede check --fix reads the date again from the page)", why)})
}

// featuresDate reads the date at the head of encoded features without
// decoding the rest (zero when there are none: reported elsewhere).
func featuresDate(b []byte) revision.Date {
	if len(b) < 5 {
		return revision.Date{}
	}
	return revision.Date{Year: int(binary.BigEndian.Uint16(b[1:])), Month: int(b[3]), Day: int(b[4])}
}

// RepairDates gives each revision of arrivals (Check's BadDates) the
// date its stored page gives now, read by reread (the parser, which the
// store does not know; an impossible date it must give as unknown), and
// files it again consistently: record, features, order within its story,
// content hash, index postings, the story's latest version and recent
// entry. All in one transaction.
func (db *DB) RepairDates(arrivals []uint64, reread func(source string, raw []byte) revision.Date) error {
	return db.update(func(tx txn) error {
		for _, a := range arrivals {
			if err := tx.repairDate(a, reread); err != nil {
				return fmt.Errorf("revision %d: %w", a, err)
			}
		}
		return nil
	})
}

func (tx txn) repairDate(arrival uint64, reread func(string, []byte) revision.Date) error {
	rk := tx.b(bucketArrivals).Get(u64(arrival))
	if rk == nil {
		return fmt.Errorf("%w: no revision %d", ErrBadRef, arrival)
	}
	rk = append([]byte(nil), rk...)
	uid := getU64(rk)
	s, err := tx.story(uid)
	if err != nil {
		return err
	}
	var rec RevRecord
	if v := tx.b(bucketRevs).Get(rk); v == nil {
		return errCorrupt
	} else if err := decodeRev(v, &rec); err != nil && !IsDateDamage(err) {
		return err
	}
	raw, err := tx.raw(arrival)
	if err != nil {
		return err
	}
	f, err := decodeFeatures(tx.b(bucketFeats).Get(featKey(uid, arrival)))
	if err != nil {
		return err
	}
	d := reread(rec.Source, raw)
	if !d.Valid() {
		d = revision.Date{}
	}
	if err := tx.delTerms(f, arrival, s.Year, uid); err != nil {
		return err
	}
	// The content hash is filed under the page's date: move it.
	old, nu := contentKey(raw, f.Date), contentKey(raw, d)
	if v := tx.b(bucketHashes).Get(old); v != nil && getU64(v) == arrival {
		if err := tx.b(bucketHashes).Delete(old); err != nil {
			return err
		}
	}
	if tx.b(bucketHashes).Get(nu) == nil {
		if err := tx.b(bucketHashes).Put(nu, u64(arrival)); err != nil {
			return err
		}
	}
	f.Date, rec.Date = d, d
	if err := tx.delRev(rk); err != nil {
		return err
	}
	nk := revKey(uid, orderOf(f, rec, s.Year, arrival))
	if err := tx.putRev(nk, rec); err != nil {
		return err
	}
	if err := tx.b(bucketFeats).Put(featKey(uid, arrival), encodeFeatures(f)); err != nil {
		return err
	}
	if err := tx.b(bucketArrivals).Put(u64(arrival), nk); err != nil {
		return err
	}
	if err := tx.putTerms(f, s.Year, uid); err != nil {
		return err
	}
	if s.Year == 0 && d.YearKnown() {
		return tx.setYear(uid, d.Year)
	}
	return tx.refresh(uid)
}
