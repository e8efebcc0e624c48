package store

import (
	"slices"

	"lede/revision"
)

// The story key index files every story under the keys its revisions
// carry (revision.Features.KeyTerm: agency and key), so that a revision
// with a key finds the story of that key whatever their dates. The
// candidate index (postings) looks only at the days around a revision's
// date, which is right for content grouping, but one key's versions can
// be sent days apart (a NewsML-G2 guid updated for a week), and an
// agency's key must join them all.
//
//	keys: key term u64 | story uid u64 -> nil
var bucketKeys = []byte("keys")

// maxKeyStories bounds the stories read for one key: one key is normally
// one story; more are stories a user split or a bad feed reusing its keys.
const maxKeyStories = 8

func keyIndexKey(term, uid uint64) []byte { return append(u64(term), u64(uid)...) }

// putKey files story uid under the key of a revision it now holds.
func (tx txn) putKey(f revision.Features, uid uint64) error {
	if f.Key == "" {
		return nil
	}
	return tx.b(bucketKeys).Put(keyIndexKey(f.KeyTerm(), uid), nil)
}

// dropKey takes story uid out from under the key of the revision that
// arrived as arrival and is leaving it, unless another of its revisions
// carries the same key.
func (tx txn) dropKey(f revision.Features, arrival, uid uint64) error {
	if f.Key == "" {
		return nil
	}
	kept := false
	err := tx.eachOther(uid, arrival, func(o revision.Features) bool {
		kept = revision.SameKey(f, o)
		return !kept
	})
	if err != nil || kept {
		return err
	}
	return tx.b(bucketKeys).Delete(keyIndexKey(f.KeyTerm(), uid))
}

// eachOther calls fn with the features of each revision of story uid but
// the one that arrived as arrival, until fn returns false.
func (tx txn) eachOther(uid, arrival uint64, fn func(revision.Features) bool) error {
	prefix := u64(uid)
	c := tx.b(bucketFeats).Cursor()
	for k, v := c.Seek(prefix); k != nil && hasPrefix(k, prefix); k, v = c.Next() {
		if getU64(k[8:]) == arrival {
			continue
		}
		o, err := decodeFeatures(v)
		if err != nil {
			return err
		}
		if !fn(o) {
			return nil
		}
	}
	return nil
}

// keyStories lists the stories filed under the key of f (none when f has
// no key), at most maxKeyStories.
func (tx txn) keyStories(f revision.Features) []uint64 {
	if f.Key == "" {
		return nil
	}
	var out []uint64
	prefix := u64(f.KeyTerm())
	c := tx.b(bucketKeys).Cursor()
	for k, _ := c.Seek(prefix); k != nil && hasPrefix(k, prefix) && len(out) < maxKeyStories; k, _ = c.Next() {
		out = append(out, getU64(k[8:]))
	}
	return out
}

// checkKeys reports key index entries that name a story holding no
// revision with that key, and revisions with a key whose story is not
// filed under it.
func (tx txn) checkKeys(rep *CheckReport) {
	held := map[string]bool{}
	tx.b(bucketFeats).ForEach(func(k, v []byte) error {
		f, err := decodeFeatures(v)
		if err != nil || f.Key == "" {
			return nil
		}
		ik := keyIndexKey(f.KeyTerm(), getU64(k))
		held[string(ik)] = true
		if tx.b(bucketKeys).Get(ik) == nil {
			// Refile (lede check --fix) files it, as it does postings.
			rep.add("revision %d has story key %q, and its story is not filed under it", getU64(k[8:]), f.Key)
			if !slices.Contains(rep.Unfiled, getU64(k[8:])) {
				rep.Unfiled = append(rep.Unfiled, getU64(k[8:]))
			}
		}
		return nil
	})
	tx.b(bucketKeys).ForEach(func(k, _ []byte) error {
		if !held[string(k)] {
			rep.add("story key index names story %d, which holds no revision with that key", getU64(k[8:]))
		}
		return nil
	})
}
