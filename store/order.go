package store

import (
	"encoding/binary"
	"time"

	"lede/revision"
)

// orderKey places a revision within its story: date, then the agency's
// version number, then the version marker, then the transmission time,
// then the time of day, then arrival.
//
//	[date u32: yyyymmdd, year 0 when unknown][version u16: agency's number]
//	[seq u16: marker seq+1, URGENT 0][transmitted u32: unix seconds,
//	0xffffffff unknown][minutes u16: time of day, 0xffff unknown][arrival u64]
//
// The agency's number (NewsML-G2 and ninjs version, AP's Ld number) comes
// before the marker because it is the agency's own count, where a marker
// read from a slugline or headline may be missing or a genre tag; pages
// without one (Yonhap's) carry 0 there and are ordered by their marker as
// before. Transmission time comes before the page's time of day because
// it is a full instant, where a time of day is often missing and says
// nothing across midnight. Version comes before both because many items
// show no time, and a refiled version keeps its number while its clock
// moves. A story that continues past midnight is still ordered by dates.
// (Schemas 1-6 kept 16 bytes: date, seq+1, minutes, arrival.)
func orderKey(d revision.Date, version, seq int, urgent bool, transmitted, hhmm string, arrival uint64) []byte {
	k := make([]byte, orderLen)
	binary.BigEndian.PutUint32(k[0:], uint32(d.Year*10000+d.Month*100+d.Day))
	binary.BigEndian.PutUint16(k[4:], uint16(min(max(version, 0), 0xffff)))
	s := uint16(min(max(seq, 0), 0xfffe) + 1)
	if urgent {
		s = 0
	}
	binary.BigEndian.PutUint16(k[6:], s)
	binary.BigEndian.PutUint32(k[8:], instant(transmitted))
	binary.BigEndian.PutUint16(k[12:], minutes(hhmm))
	binary.BigEndian.PutUint64(k[14:], arrival)
	return k
}

// orderLen is the length of an order key; a revs key is 8 bytes longer.
const orderLen = 22

// orderOf is the order key of a revision with features f and record rec
// in a story of year storyYear.
func orderOf(f revision.Features, rec RevRecord, storyYear int, arrival uint64) []byte {
	return orderKey(filedDate(f.Date, storyYear), rec.Version, f.Seq, f.Urgent, rec.Transmitted, rec.Time, arrival)
}

// instant reads an RFC 3339 time as unix seconds, 0xffffffff when it is
// missing or unreadable, so that items without one sort after those with
// one of the same version. Times before 1970 count as 1970.
func instant(rfc3339 string) uint32 {
	if rfc3339 == "" {
		return 0xffffffff
	}
	t, err := time.Parse(time.RFC3339, rfc3339)
	if err != nil {
		return 0xffffffff
	}
	return uint32(min(max(t.Unix(), 0), 0xfffffffe))
}

func minutes(hhmm string) uint16 {
	if len(hhmm) != 5 || hhmm[2] != ':' {
		return 0xffff
	}
	h := int(hhmm[0]-'0')*10 + int(hhmm[1]-'0')
	m := int(hhmm[3]-'0')*10 + int(hhmm[4]-'0')
	if h < 0 || h > 23 || m < 0 || m > 59 {
		return 0xffff
	}
	return uint16(h*60 + m)
}

// seqOf reads the marker's version number from a revs key (an URGENT
// counts as 0).
func seqOf(revKey []byte) int {
	v := int(binary.BigEndian.Uint16(revKey[8+6:]))
	return max(v-1, 0)
}

// versionOf reads the agency's version number from a revs key.
func versionOf(revKey []byte) int { return int(binary.BigEndian.Uint16(revKey[8+4:])) }

// orderFrom6 turns a schema 6 order key (16 bytes: date, seq+1, minutes,
// arrival) into today's, for records that carried no agency version or
// transmission time (lede read no format that gives them).
func orderFrom6(old []byte) []byte {
	k := make([]byte, orderLen)
	copy(k[0:4], old[0:4])
	copy(k[6:8], old[4:6])
	binary.BigEndian.PutUint32(k[8:], 0xffffffff)
	copy(k[12:14], old[6:8])
	copy(k[14:], old[8:16])
	return k
}

// withDate is an order key filed under another date (see liftVersions).
func withDate(order []byte, d uint32) []byte {
	k := append([]byte(nil), order...)
	binary.BigEndian.PutUint32(k, d)
	return k
}

// liftVersions keeps the versions of one story key in the agency's order
// when their dates disagree with their version numbers. Date leads the
// order key, so a version 4 whose item is dated before version 3's (a
// feed that dates items by their first creation, or a clock set wrong)
// would sort before it; the agency's number is the better word, so such a
// version is filed under the latest date of the lower versions of its
// key instead of its own. Its record and features keep the date the item
// gives, and revisions of other keys or none are filed as they are. It
// reports whether it filed any revision anew.
func (tx txn) liftVersions(uid uint64) (bool, error) {
	s, err := tx.story(uid)
	if err != nil {
		return false, err
	}
	type member struct {
		key     []byte
		f       revision.Features
		version int
		date    uint32 // the date the revision's own item gives, filed
	}
	var ms []member
	for _, k := range tx.revKeys(uid) {
		f, err := decodeFeatures(tx.b(bucketFeats).Get(featKey(uid, arrivalOf(k))))
		if err != nil {
			return false, err
		}
		if f.Key != "" {
			ms = append(ms, member{k, f, versionOf(k), dateNum(filedDate(f.Date, s.Year))})
		}
	}
	changed := false
	for _, m := range ms {
		want := m.date
		for _, o := range ms {
			if o.version < m.version && o.date > want && revision.SameKey(m.f, o.f) {
				want = o.date
			}
		}
		if want != getU32(m.key[8:]) {
			if err := tx.refile(m.key, withDate(m.key[8:], want)); err != nil {
				return false, err
			}
			changed = true
		}
	}
	return changed, nil
}

// refile moves the record under revs key key to order key order in the
// same story.
func (tx txn) refile(key, order []byte) error {
	v := append([]byte(nil), tx.b(bucketRevs).Get(key)...)
	if err := tx.delRev(key); err != nil {
		return err
	}
	nk := revKey(getU64(key), order)
	if err := tx.putRevRaw(nk, v); err != nil {
		return err
	}
	return tx.b(bucketArrivals).Put(u64(arrivalOf(key)), nk)
}

func dateNum(d revision.Date) uint32 { return uint32(d.Year*10000 + d.Month*100 + d.Day) }

// effectiveDate is the date shown for a revision: its page's, with its
// story's year when the page shows none and that makes a real date. A
// year-less Feb. 29 in a story of a common year stays "--02-29": lede
// never shows a date that does not exist, nor guesses another year.
func effectiveDate(d revision.Date, storyYear int) revision.Date {
	return d.InYear(storyYear)
}

// filedDate is the date a revision is ordered by in its story: the date
// shown, except that a year-less Feb. 29 of a story of a common year is
// filed on that year's Feb. 28, so that it sorts among its story's days
// (after the Feb. 28 pages of the same version) instead of before them
// all, and its order key still holds a real date.
func filedDate(d revision.Date, storyYear int) revision.Date {
	e := effectiveDate(d, storyYear)
	if e.Year == 0 && e.Month != 0 && storyYear != 0 {
		e.Year, e.Day = storyYear, min(e.Day, revision.DaysIn(e.Month, storyYear))
	}
	return e
}
