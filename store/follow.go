package store

import (
	"fmt"
	"regexp"
	"sort"

	bolt "go.etcd.io/bbolt"
)

// Follows and mutes live in the watch bucket under a one-letter kind:
// "f" | story uid (follow a story), "g" | regexp (follow what matches),
// "m" | story uid (mute a story). Stories are kept by internal number, so
// a follow survives the story's merge into another.
const (
	watchFollow = 'f'
	watchGrep   = 'g'
	watchMute   = 'm'
)

// Watchlist is what lede follow and lede mute stored.
type Watchlist struct {
	Follow []WatchedStory `json:"follow"`
	Grep   []string       `json:"follow_grep"`
	Mute   []WatchedStory `json:"mute"`
}

// WatchedStory is a followed or muted story: UID is what the alert rules
// compare, ID what users see.
type WatchedStory struct {
	UID uint64 `json:"-"`
	ID  string `json:"story"`
}

// SetFollow follows (on) or stops following a story, and returns its id.
func (db *DB) SetFollow(ref string, on bool) (string, error) {
	return db.setWatched(watchFollow, ref, on)
}

// SetMute mutes (on) or unmutes a story, and returns its id.
func (db *DB) SetMute(ref string, on bool) (string, error) {
	return db.setWatched(watchMute, ref, on)
}

func (db *DB) setWatched(kind byte, ref string, on bool) (string, error) {
	var id string
	err := db.bolt.Update(func(btx *bolt.Tx) error {
		tx := txn{Tx: btx}
		uid, err := tx.resolve(ref)
		if err == nil {
			var s storyRecord
			uid, s, err = tx.live(uid)
			id = s.ID
		}
		if err != nil {
			return err
		}
		return setWatchKey(tx, append([]byte{kind}, u64(uid)...), on)
	})
	return id, err
}

// SetFollowGrep follows (on) or stops following the revisions whose
// headline or body a regular expression matches.
func (db *DB) SetFollowGrep(expr string, on bool) error {
	if _, err := regexp.Compile(expr); err != nil {
		return fmt.Errorf("bad regular expression: %w", err)
	}
	return db.bolt.Update(func(btx *bolt.Tx) error {
		return setWatchKey(txn{Tx: btx}, append([]byte{watchGrep}, expr...), on)
	})
}

func setWatchKey(tx txn, k []byte, on bool) error {
	b := tx.b(bucketWatch)
	if !on {
		return b.Delete(k)
	}
	return b.Put(k, nil)
}

// Watchlist returns the follows and mutes, stories by their current id.
func (db *DB) Watchlist() (Watchlist, error) {
	var w Watchlist
	err := db.bolt.View(func(btx *bolt.Tx) error {
		tx := txn{Tx: btx}
		b := tx.b(bucketWatch)
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, _ []byte) error {
			if len(k) < 1 {
				return errCorrupt
			}
			if k[0] == watchGrep {
				w.Grep = append(w.Grep, string(k[1:]))
				return nil
			}
			if len(k) != 9 {
				return errCorrupt
			}
			uid, s, err := tx.live(getU64(k[1:]))
			if err != nil {
				return err
			}
			ws := WatchedStory{UID: uid, ID: s.ID}
			if k[0] == watchFollow {
				w.Follow = append(w.Follow, ws)
			} else {
				w.Mute = append(w.Mute, ws)
			}
			return nil
		})
	})
	for _, l := range [][]WatchedStory{w.Follow, w.Mute} {
		sort.Slice(l, func(i, j int) bool { return l[i].ID < l[j].ID })
	}
	return w, err
}
