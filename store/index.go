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
	maxPostings = 32 // a (year, day, term) with more postings is too common to tell stories apart
	// maxCandidates is how many stories are compared in full per
	// revision. 12 rather than 8 since schema 5 made ingest faster: on
	// the synthetic corpus at 10^6, precision and recall 0.920 / 0.891
	// instead of 0.904 / 0.856, for 5,757 instead of 6,927 revisions/s.
	maxCandidates = 12
	maxMembers    = 64 // revisions of a story compared
	// keyScore ranks the stories of a revision's own story key above
	// any a sum of shared terms can reach (at most one per term).
	keyScore = 1 << 20
)

// mmdd packs month and day.
func mmdd(d revision.Date) uint16 { return uint16(d.Month*100 + d.Day) }

// decide finds the story a revision belongs to. A dated page is looked up
// in its year; a page without a year first in the newest year the
// database holds (wire copy mostly arrives as it is written) and in the
// other years only when that finds no story, so that its cost does not
// grow with the years a database spans.
func (tx txn) decide(f revision.Features) (revision.Decision, map[string]uint64, error) {
	pass := func(years []int) (revision.Decision, map[string]uint64, error) {
		cands, byName, err := tx.candidates(f, years)
		if err != nil {
			return revision.Decision{}, nil, err
		}
		return revision.Decide(f, cands), byName, nil
	}
	if f.Date.YearKnown() || f.Date.Month == 0 {
		return pass([]int{f.Date.Year})
	}
	all := tx.years()
	if len(all) <= 1 {
		return pass(all)
	}
	newest := all[len(all)-1]
	d, byName, err := pass([]int{newest})
	if err != nil || d.Story != "" {
		return d, byName, err
	}
	return pass(all[:len(all)-1])
}

// probes lists the (year, month-day) postings to read for a revision
// dated d in the given years: the day before, the day itself and the day
// after, in each year and among the postings of year-less revisions.
func (tx txn) probes(d revision.Date, years []int) [][2]uint16 {
	if d.Month == 0 {
		return [][2]uint16{{0, 0}}
	}
	years = append([]int{0}, years...)
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
func (tx txn) candidates(f revision.Features, years []int) ([]revision.Candidate, map[string]uint64, error) {
	// A shared term counts 1/n when n stories share it that day: a rare
	// body shingle says more than a common headline word.
	hits := tx.cache.scores()
	for _, uid := range tx.keyStories(f) {
		// A story of the revision's own key is always a candidate:
		// the key decides, whatever the other stories of the day share.
		hits.add(uid, keyScore)
	}
	terms := f.IndexTerms()
	for _, p := range tx.probes(f.Date, years) {
		day := tx.day(p)
		for _, term := range terms {
			found := day[term]
			if len(found) > maxPostings {
				continue // too common that day: it would only add noise
			}
			for _, uid := range found {
				hits.add(uid, 1/float64(len(found)))
			}
		}
	}
	type scored struct {
		uid   uint64
		score float64
	}
	all := make([]scored, 0, hits.len())
	hits.each(func(uid uint64, sc float64) { all = append(all, scored{uid, sc}) })
	better := func(a, b scored) bool { return a.score > b.score || a.score == b.score && a.uid > b.uid }
	if len(all) > maxCandidates {
		// Keep the best maxCandidates without sorting them all.
		top := make([]scored, 0, maxCandidates)
		for _, c := range all {
			if len(top) < maxCandidates {
				top = append(top, c)
				continue
			}
			worst := 0
			for i := range top {
				if better(top[worst], top[i]) {
					worst = i
				}
			}
			if better(c, top[worst]) {
				top[worst] = c
			}
		}
		all = top
	}
	sort.Slice(all, func(i, j int) bool { return better(all[i], all[j]) })
	uids := make([]uint64, len(all))
	for i, c := range all {
		uids[i] = c.uid
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
		cand := revision.Candidate{Story: name, Members: members, MemberIDs: ids, Fits: tx.cache.fits(live, len(members))}
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
	if tx.cache != nil {
		if m, ok := tx.cache.members[uid]; ok {
			return m.feats, m.ids, nil
		}
	}
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
	if tx.cache != nil {
		tx.cache.members[uid] = cachedMembers{out, ids}
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

// putTerms files a revision's postings for story uid: its index terms
// join the story's terms of that day. delTerms takes out those of the
// revision that arrived as arrival, filed as of storyYear, but for the
// terms the story's other revisions filed that day share with it.
func (tx txn) putTerms(f revision.Features, storyYear int, uid uint64) error {
	y, md := indexYear(f.Date, storyYear), mmdd(f.Date)
	if err := tx.addYear(int(y)); err != nil {
		return err
	}
	if err := tx.putKey(f, uid); err != nil {
		return err
	}
	b := tx.b(bucketTerms)
	k := postingKey(y, md, uid)
	have := decodeTerms(b.Get(k))
	day := tx.cache.loaded([2]uint16{y, md})
	n := len(have)
	for _, t := range f.IndexTerms() {
		if _, found := slices.BinarySearch(have[:n], t); found || slices.Contains(have[n:], t) {
			continue // filed already by another version of the story
		}
		have = append(have, t)
		if day != nil {
			day[t] = append(day[t], uid)
		}
	}
	if len(have) == n {
		return nil
	}
	slices.Sort(have)
	return b.Put(k, encodeTerms(have))
}

func (tx txn) delTerms(f revision.Features, arrival uint64, storyYear int, uid uint64) error {
	if err := tx.dropKey(f, arrival, uid); err != nil {
		return err
	}
	y, md := indexYear(f.Date, storyYear), mmdd(f.Date)
	// What the story's other revisions filed that day still need, filed
	// as of the story's year now (setYear changes it before re-filing).
	s, err := tx.story(uid)
	if err != nil {
		return err
	}
	var keep []uint64
	err = tx.eachOther(uid, arrival, func(o revision.Features) bool {
		if indexYear(o.Date, s.Year) == y && mmdd(o.Date) == md {
			keep = append(keep, o.IndexTerms()...)
		}
		return true
	})
	if err != nil {
		return err
	}
	b := tx.b(bucketTerms)
	k := postingKey(y, md, uid)
	have := decodeTerms(b.Get(k))
	day := tx.cache.loaded([2]uint16{y, md})
	for _, t := range f.IndexTerms() {
		if slices.Contains(keep, t) {
			continue
		}
		if i, found := slices.BinarySearch(have, t); found {
			have = slices.Delete(have, i, i+1)
		}
		if day != nil {
			day[t] = slices.DeleteFunc(day[t], func(u uint64) bool { return u == uid })
		}
	}
	if len(have) == 0 {
		return b.Delete(k)
	}
	return b.Put(k, encodeTerms(have))
}

// termCache is what one ingest transaction has read and keeps in step
// with its own writes: the postings of whole days, read in one sequential
// cursor walk each (a day's postings are a few hundred keys, one per
// story, far cheaper to read once than to seek for every term of every
// revision), and the
// decoded features of candidate stories, which recur across a batch.
type termCache struct {
	days    map[[2]uint16]map[uint64][]uint64
	members map[uint64]cachedMembers
	stories map[uint64]storyRecord
	hits    scoreTable                // candidates' scores, reused by each lookup
	fitsOf  map[uint64]*revision.Fits // beside members (ingest_fits.go)
	// agencies are the agency names the transaction stored (agency.go).
	agencies map[string]bool
}

// scores returns an empty table for candidate scores, reusing the last
// one's storage.
func (c *termCache) scores() *scoreTable {
	if c == nil {
		c = &termCache{}
	}
	c.hits.reset()
	return &c.hits
}

type cachedMembers struct {
	feats []revision.Features
	ids   []string
}

func newTermCache() *termCache {
	return &termCache{days: map[[2]uint16]map[uint64][]uint64{}, members: map[uint64]cachedMembers{},
		stories: map[uint64]storyRecord{}}
}

// forget drops a story's cached members after it changed.
func (c *termCache) forget(uid uint64) {
	if c != nil {
		delete(c.members, uid)
		delete(c.fitsOf, uid)
	}
}

// loaded returns a day's postings if the cache holds them, else nil.
func (c *termCache) loaded(day [2]uint16) map[uint64][]uint64 {
	if c == nil {
		return nil
	}
	return c.days[day]
}

// day returns the postings filed under (year, month-day): term -> stories.
func (tx txn) day(p [2]uint16) map[uint64][]uint64 {
	if d := tx.cache.loaded(p); d != nil {
		return d
	}
	d := map[uint64][]uint64{}
	prefix := postingKey(p[0], p[1], 0)[:4]
	c := tx.b(bucketTerms).Cursor()
	for k, v := c.Seek(prefix); k != nil && hasPrefix(k, prefix); k, v = c.Next() {
		uid := getU64(k[4:])
		for i := 0; i+8 <= len(v); i += 8 {
			term := getU64(v[i:])
			d[term] = append(d[term], uid)
		}
	}
	if tx.cache != nil {
		tx.cache.days[p] = d
	}
	return d
}
