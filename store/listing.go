package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// Listing records. A story listing (lede stories, the web's list and
// /api/stories) shows every version of every story it lists; built from
// the revision records it decoded them all, 84% of its time, and held
// them all at once. So each live story keeps a listing record: exactly
// what a listing prints of it, the Story as JSON, with the few fields of
// its versions' records the text and HTML lists show besides. A listing
// reads those records only (listing_query.go).
//
// The records are derived, never written by hand: every write
// transaction runs through db.update, the helpers that write a story's
// records (putStory, putRev, delRev, the advisory links) mark the story
// dirty, and db.update rebuilds the listing records of the dirty stories
// before it commits. A helper called outside db.update fails, so a new
// writer cannot leave a listing stale. A story one of whose records
// cannot be read has no listing record: listings read it from its
// records, and say what is damaged, as before.
var bucketListings = []byte("listings") // story uid u64 -> listing record

func init() { allBuckets = append(allBuckets, bucketListings) }

// listingFormat opens every listing record, so a later layout can be
// told apart.
const listingFormat = 1

// errUntracked is a write of a story's records outside db.update, whose
// listing record would go stale.
var errUntracked = errors.New("store: story records written outside db.update (its listing record would go stale)")

// dirtySet is what a write transaction changed that listing records
// show: stories whose records it wrote, and versions filed by arrival
// whose story lists them (an advisory's link, a mark).
type dirtySet struct {
	stories  map[uint64]bool
	arrivals []uint64
	// loaded are the stories whose listings were rebuilt, as loaded for
	// that and read without problems: the summaries' stale pairs are read
	// from them (stalePairs) rather than decoded again.
	loaded map[uint64]*Story
}

// loadedStory is story uid as its listing was rebuilt in this
// transaction, nil if it was not (or the transaction tracks nothing).
func (d *dirtySet) loadedStory(uid uint64) *Story {
	if d == nil {
		return nil
	}
	return d.loaded[uid]
}

// update runs fn in a write transaction and, before it commits, rebuilds
// the listing records of the stories fn changed.
func (db *DB) update(fn func(tx txn) error) error {
	return db.bolt.Update(func(btx *bolt.Tx) error {
		tx := tracked(btx)
		if err := fn(tx); err != nil {
			return err
		}
		return tx.flushListings()
	})
}

// tracked is a write transaction that marks the stories it changes.
func tracked(btx *bolt.Tx) txn {
	return txn{Tx: btx, dirty: &dirtySet{stories: map[uint64]bool{}, loaded: map[uint64]*Story{}}}
}

// touch marks story uid's listing record for rebuilding.
func (tx txn) touch(uid uint64) error {
	if tx.dirty == nil {
		return errUntracked
	}
	tx.dirty.stories[uid] = true
	return nil
}

// touchArrival marks the story holding the version that arrived as
// arrival (found at flush: an advisory's entry, a marked version's story).
func (tx txn) touchArrival(arrival uint64) error {
	if tx.dirty == nil {
		return errUntracked
	}
	tx.dirty.arrivals = append(tx.dirty.arrivals, arrival)
	return nil
}

// putRev stores a revision record under key (story uid | order), in the
// binary form (recordbin.go).
func (tx txn) putRev(key []byte, rec RevRecord) error {
	return tx.putRevRaw(key, encodeRev(rec))
}

// putRevRaw stores an encoded revision record under key.
func (tx txn) putRevRaw(key, raw []byte) error {
	if err := tx.touch(getU64(key)); err != nil {
		return err
	}
	return tx.b(bucketRevs).Put(key, raw)
}

// delRev deletes the revision record under key.
func (tx txn) delRev(key []byte) error {
	if err := tx.touch(getU64(key)); err != nil {
		return err
	}
	return tx.b(bucketRevs).Delete(key)
}

// putLink and delLink file and unfile the advisory that arrived as
// arrival under the story target it is about.
func (tx txn) putLink(target, arrival uint64) error {
	if err := tx.touch(target); err != nil {
		return err
	}
	return tx.b(bucketAdvisories).Put(append(u64(target), u64(arrival)...), nil)
}

func (tx txn) delLink(target, arrival uint64) error {
	if err := tx.touch(target); err != nil {
		return err
	}
	return tx.b(bucketAdvisories).Delete(append(u64(target), u64(arrival)...))
}

// flushListings rebuilds the listing records of the dirty stories, and
// of the stories whose listing shows one of them: the entries of the
// advisories about a dirty story (they show its headline), the story a
// dirty advisory's entry is about (it lists the advisory).
func (tx txn) flushListings() error {
	d := tx.dirty
	for _, a := range d.arrivals {
		if rk := tx.b(bucketArrivals).Get(u64(a)); len(rk) >= 8 {
			d.stories[getU64(rk)] = true
		}
	}
	done := map[uint64]bool{}
	for len(d.stories) > 0 {
		var next []uint64
		for uid := range d.stories {
			next = append(next, uid)
		}
		clear(d.stories)
		for _, uid := range next {
			if done[uid] {
				continue
			}
			done[uid] = true
			deps, st, err := tx.buildListing(uid)
			if err != nil {
				return err
			}
			if st != nil {
				d.loaded[uid] = st
			}
			for _, dep := range deps {
				if !done[dep] {
					d.stories[dep] = true
				}
			}
		}
	}
	d.arrivals = nil
	return nil
}

// buildListing writes story uid's listing record from its records, or
// deletes it for a story that is not live, is empty or has a record that
// cannot be read. It returns the stories whose listings show this one,
// and the story as loaded for its record (nil when it has none).
func (tx txn) buildListing(uid uint64) (deps []uint64, loaded *Story, err error) {
	b := tx.b(bucketListings)
	s, err := tx.story(uid)
	if err != nil || !listable(s) {
		return tx.dependents(uid, nil), nil, b.Delete(u64(uid))
	}
	st, err := tx.loadStory(uid)
	if err != nil || len(st.Problems) > 0 || len(st.Versions) == 0 {
		return tx.dependents(uid, nil), nil, b.Delete(u64(uid))
	}
	v, err := encodeListing(st, agenciesOf(st))
	if err != nil {
		return nil, nil, err
	}
	return tx.dependents(uid, &st), &st, b.Put(u64(uid), v)
}

// listable reports whether a story is listed: live, not removed, and
// holding a version.
func listable(s storyRecord) bool {
	return s.MergedInto == 0 && removedStory(s) == nil && s.Latest != nil
}

// dependents are the stories whose listing shows something of story uid
// (st, nil when it lists nothing): the entries of the advisories about
// it, and for an advisory's entry the story it is about.
func (tx txn) dependents(uid uint64, st *Story) []uint64 {
	var out []uint64
	if b := tx.b(bucketAdvisories); b != nil {
		prefix := u64(uid)
		c := b.Cursor()
		for k, _ := c.Seek(prefix); k != nil && hasPrefix(k, prefix); k, _ = c.Next() {
			if rk := tx.b(bucketArrivals).Get(k[8:16]); len(rk) >= 8 {
				out = append(out, getU64(rk))
			}
		}
	}
	if st != nil && st.IsAdvisory() {
		if t, _, err := tx.target(st.Versions[0].Record.Arrival); err == nil && t != 0 {
			out = append(out, t)
		}
	}
	return out
}

// agenciesOf lists the agencies a story's versions name, for the
// --agency filter: what anyAgency reads from their records, which are
// all readable in a story that has a listing record.
func agenciesOf(st Story) []string {
	var out []string
	for _, v := range st.Versions {
		if v.Agency != "" && !containsFold(out, v.Agency) {
			out = append(out, v.Agency)
		}
	}
	return out
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// rebuildListings builds every story's listing record anew: the
// migration to schema 12, and check --fix.
func (tx txn) rebuildListings() error {
	if err := tx.DeleteBucket(bucketListings); err != nil && !errors.Is(err, bolt.ErrBucketNotFound) {
		return err
	}
	if _, err := tx.CreateBucket(bucketListings); err != nil {
		return err
	}
	var uids []uint64
	err := tx.b(bucketStories).ForEach(func(k, _ []byte) error {
		uids = append(uids, getU64(k))
		return nil
	})
	if err != nil {
		return err
	}
	for _, uid := range uids {
		if _, _, err := tx.buildListing(uid); err != nil {
			return err
		}
	}
	return nil
}

// listingExtra is what a listing record keeps of each version besides
// what the JSON prints: what the text and HTML lists show (the time of
// day, the lead of a story without a headline, the marker's flags) and
// what tells an advisory.
type listingExtra struct {
	Time    string   `json:"t,omitempty"`
	Lead    string   `json:"l,omitempty"`
	Signals []string `json:"s,omitempty"`
	Flags   []string `json:"f,omitempty"`
	// Transmitted and Ingested give Version.Sent.
	Transmitted string `json:"x,omitempty"`
	Ingested    int64  `json:"i,omitempty"`
}

// encodeListing is a listing record: format, story status, the agencies
// its records name, the story as listings print it (JSON) and the extras
// of its versions (JSON).
func encodeListing(st Story, agencies []string) ([]byte, error) {
	js, err := json.Marshal(st)
	if err != nil {
		return nil, err
	}
	extras := make([]listingExtra, len(st.Versions))
	for i, v := range st.Versions {
		r := v.Record
		extras[i] = listingExtra{Time: r.Time, Lead: r.Lead, Signals: r.Signals, Flags: v.Marker.Flags,
			Transmitted: r.Transmitted, Ingested: r.Ingested}
	}
	ex, err := json.Marshal(extras)
	if err != nil {
		return nil, err
	}
	b := make([]byte, 0, len(js)+len(ex)+32)
	b = append(b, listingFormat)
	b = appendString(b, string(st.Status))
	b = binary.AppendUvarint(b, uint64(len(agencies)))
	for _, a := range agencies {
		b = appendString(b, a)
	}
	b = appendString(b, string(js))
	return appendString(b, string(ex)), nil
}
