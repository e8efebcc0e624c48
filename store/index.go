package store

import (
	"encoding/binary"
	"slices"
	"sort"
	"strconv"
	"time"

	"lede/revision"
)

// Candidate lookup bounds. Their product bounds the work per revision,
// whatever the size of the database: postings are read per (date, term),
// so only the stories of the same few days are ever touched.
const (
	maxPostings   = 256 // postings read per (year, day, term)
	maxCandidates = 12  // stories compared in full per revision
	maxMembers    = 64  // revisions of a story compared
)

// mmdd packs month and day.
func mmdd(d revision.Date) uint16 { return uint16(d.Month*100 + d.Day) }

// probes lists the (year, month-day) postings to read for a revision
// dated d: the day before, the day itself and the day after. A date
// without a year is probed in every year the database holds, plus the
// postings of other year-less revisions; a dated one also looks at those.
func (tx txn) probes(d revision.Date, storyYear int) [][2]uint16 {
	if d.Month == 0 {
		return [][2]uint16{{0, 0}}
	}
	years := []int{0}
	switch {
	case d.YearKnown():
		years = append(years, d.Year)
	case storyYear != 0:
		years = append(years, storyYear)
	default:
		years = append(years, tx.years()...)
	}
	var out [][2]uint16
	seen := map[[2]uint16]bool{}
	for _, y := range years {
		ref := y
		if ref == 0 {
			ref = 2000 // a leap year, so 29 February has neighbours
		}
		base := time.Date(ref, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
		for _, off := range []int{-1, 0, 1} {
			t := base.AddDate(0, 0, off)
			py := uint16(t.Year())
			if y == 0 {
				py = 0
			}
			p := [2]uint16{py, uint16(int(t.Month())*100 + t.Day())}
			if !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	return out
}

// years lists the known years that have postings.
func (tx txn) years() []int {
	v := tx.b(bucketMeta).Get([]byte("years"))
	out := make([]int, 0, len(v)/2)
	for i := 0; i+1 < len(v); i += 2 {
		out = append(out, int(binary.BigEndian.Uint16(v[i:])))
	}
	return out
}

func (tx txn) addYear(y int) error {
	if y == 0 || slices.Contains(tx.years(), y) {
		return nil
	}
	ys := append(tx.years(), y)
	slices.Sort(ys)
	var v []byte
	for _, y := range ys {
		v = binary.BigEndian.AppendUint16(v, uint16(y))
	}
	return tx.b(bucketMeta).Put([]byte("years"), v)
}

// candidates finds the stories a revision may belong to and loads their
// members' features for revision.Decide. Stories are ranked by how many
// of the revision's index terms they share near its date.
func (tx txn) candidates(f revision.Features) ([]revision.Candidate, map[string]uint64, error) {
	hits := map[uint64]int{}
	terms := f.IndexTerms()
	c := tx.b(bucketTerms).Cursor()
	for _, p := range tx.probes(f.Date, 0) {
		for _, term := range terms {
			prefix := termKey(p[0], p[1], term, 0)[:12]
			n := 0
			for k, _ := c.Seek(prefix); k != nil && hasPrefix(k, prefix) && n < maxPostings; k, _ = c.Next() {
				hits[getU64(k[12:])]++
				n++
			}
		}
	}
	uids := make([]uint64, 0, len(hits))
	for uid := range hits {
		uids = append(uids, uid)
	}
	sort.Slice(uids, func(i, j int) bool {
		if hits[uids[i]] != hits[uids[j]] {
			return hits[uids[i]] > hits[uids[j]]
		}
		return uids[i] > uids[j]
	})
	if len(uids) > maxCandidates {
		uids = uids[:maxCandidates]
	}
	var out []revision.Candidate
	byName := map[string]uint64{}
	for _, uid := range uids {
		live, s, err := tx.live(uid)
		if err != nil {
			return nil, nil, err
		}
		name := strconv.FormatUint(live, 10)
		if _, dup := byName[name]; dup {
			continue
		}
		members, ids, err := tx.members(live)
		if err != nil {
			return nil, nil, err
		}
		cand := revision.Candidate{Story: name, Members: members, MemberIDs: ids}
		for _, a := range s.Apart {
			cand.Apart = append(cand.Apart, strconv.FormatUint(a, 10))
		}
		byName[name] = live
		out = append(out, cand)
	}
	return out, byName, nil
}

// members decodes the features of a story's revisions and names each by
// its arrival number.
func (tx txn) members(uid uint64) ([]revision.Features, []string, error) {
	var out []revision.Features
	var ids []string
	prefix := u64(uid)
	c := tx.b(bucketFeats).Cursor()
	for k, v := c.Seek(prefix); k != nil && hasPrefix(k, prefix) && len(out) < maxMembers; k, v = c.Next() {
		f, err := decodeFeatures(v)
		if err != nil {
			return nil, nil, err
		}
		out = append(out, f)
		ids = append(ids, strconv.FormatUint(getU64(k[8:]), 10))
	}
	return out, ids, nil
}

// indexYear is the year a revision's postings are filed under: its own,
// else its story's, else 0.
func indexYear(d revision.Date, storyYear int) uint16 {
	if d.YearKnown() {
		return uint16(d.Year)
	}
	if d.Month == 0 {
		return 0
	}
	return uint16(storyYear)
}

// putTerms files a revision's postings for story uid; delTerms removes them.
func (tx txn) putTerms(f revision.Features, storyYear int, uid uint64) error {
	y, md := indexYear(f.Date, storyYear), mmdd(f.Date)
	if err := tx.addYear(int(y)); err != nil {
		return err
	}
	b := tx.b(bucketTerms)
	for _, t := range f.IndexTerms() {
		if err := b.Put(termKey(y, md, t, uid), nil); err != nil {
			return err
		}
	}
	return nil
}

func (tx txn) delTerms(f revision.Features, storyYear int, uid uint64) error {
	y, md := indexYear(f.Date, storyYear), mmdd(f.Date)
	b := tx.b(bucketTerms)
	for _, t := range f.IndexTerms() {
		if err := b.Delete(termKey(y, md, t, uid)); err != nil {
			return err
		}
	}
	return nil
}
