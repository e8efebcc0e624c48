package store

import (
	"fmt"
	"strconv"

	bolt "go.etcd.io/bbolt"
)

// A version's ref names it for good: "r" and its arrival number, which
// comes from a bbolt sequence, so it is never reused and survives merges,
// splits and migrations, where its place in story order (the "@N" people
// read) moves whenever a late version lands before it. Story ids never
// begin with "r" (they begin with a date or "x"), so a ref alone names a
// version.

// RefOf is the ref of the version that arrived as arrival: "r17".
func RefOf(arrival uint64) string { return "r" + strconv.FormatUint(arrival, 10) }

// ParseRef reads a ref such as "r17"; ok is false when s is not one.
func ParseRef(s string) (arrival uint64, ok bool) {
	if len(s) < 2 || s[0] != 'r' || s[1] < '0' || s[1] > '9' {
		return 0, false
	}
	n, err := strconv.ParseUint(s[1:], 10, 64)
	if err != nil || n == 0 {
		return 0, false
	}
	return n, true
}

// Pick names one version of a story: by Arrival (its ref) when set,
// which names the same version for good, or else by N, its place in
// story order (1-based; 0: the latest), which a late version can change.
type Pick struct {
	N       int
	Arrival uint64
}

// String writes the pick as a user types it after "@": "r17" or "3".
func (p Pick) String() string {
	if p.Arrival != 0 {
		return RefOf(p.Arrival)
	}
	return strconv.Itoa(p.N)
}

// Locate finds the story and the version that story and p name. With a
// ref, story may be "": the version's own story is meant; when story is
// given, the version must be in it (the story a merged id now names
// counts). It is how every command resolves STORY@N, STORY@REF and REF.
func (db *DB) Locate(story string, p Pick) (Story, Version, error) {
	var st Story
	var v Version
	err := db.bolt.View(func(btx *bolt.Tx) (err error) {
		st, v, err = txn{Tx: btx}.locate(story, p)
		return err
	})
	return st, v, err
}

// locate is Locate inside a transaction.
func (tx txn) locate(story string, p Pick) (Story, Version, error) {
	if p.Arrival == 0 {
		uid, err := tx.resolve(story)
		if err != nil {
			return Story{}, Version{}, err
		}
		st, err := tx.loadStory(uid)
		if err != nil {
			return st, Version{}, err
		}
		n := p.N
		if n == 0 {
			n = len(st.Versions)
		}
		if n < 1 || n > len(st.Versions) {
			return st, Version{}, fmt.Errorf("%w: story %s has revisions 1 to %d, not %d", ErrBadRef, st.ID, len(st.Versions), n)
		}
		return st, st.Versions[n-1], nil
	}
	ref := RefOf(p.Arrival)
	// A part of a version sent in parts names the version (parts.go).
	p.Arrival = tx.versionArrival(p.Arrival)
	rk := tx.b(bucketArrivals).Get(u64(p.Arrival))
	if rk == nil {
		return Story{}, Version{}, tx.noVersion(p.Arrival)
	}
	uid, _, err := tx.live(getU64(rk))
	if err != nil {
		return Story{}, Version{}, err
	}
	if story != "" {
		want, err := tx.resolve(story)
		if err != nil {
			return Story{}, Version{}, err
		}
		if want != uid {
			s, err := tx.story(uid)
			if err != nil {
				return Story{}, Version{}, err
			}
			return Story{}, Version{}, fmt.Errorf("%w: %s is not a version of %s: it is in story %s", ErrBadRef, ref, story, s.ID)
		}
	}
	st, err := tx.loadStory(uid)
	if err != nil {
		return st, Version{}, err
	}
	for _, v := range st.Versions {
		if v.Record.Arrival == p.Arrival {
			return st, v, nil
		}
	}
	return st, Version{}, fmt.Errorf("%s: %w (arrival index names a story without it)", ref, errCorrupt)
}
