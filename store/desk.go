package store

import (
	"slices"

	bolt "go.etcd.io/bbolt"
)

// Update is one version in the desk's list of what came in lately, with
// its story as it is now (so its place, @N, and its summary are right).
type Update struct {
	Story   Story
	Version Version
}

// RecentOptions choose the updates Recent lists.
type RecentOptions struct {
	// Since keeps versions ingested at or after this time (unix
	// seconds); zero: any time.
	Since int64
	// Limit is the most updates listed; 0 means 200.
	Limit int
	// Keep, when set, keeps only the updates it accepts (the desk's
	// filters: kills, corrections, urgent items, NOT SEEN verdicts).
	Keep func(Update) bool
	// Warn hears of records the walk could not read (see Problem).
	Warn func(Problem)
}

// maxRecentScan bounds how many versions one Recent call reads, whatever
// its filters: a strict filter over a busy day must not read the file.
const maxRecentScan = 20_000

// Recent lists versions newest arrival first, the desk's view of what
// came in lately. It walks the arrival index backwards, so its cost
// follows the versions in the window, not the size of the file; it stops
// at the first version ingested before Since. Truncated says it stopped
// at maxRecentScan with more to read.
func (db *DB) Recent(opt RecentOptions) (out []Update, truncated bool, err error) {
	limit := opt.Limit
	if limit <= 0 {
		limit = 200
	}
	warn := func(p Problem) {
		if opt.Warn != nil {
			opt.Warn(p)
		}
	}
	err = db.bolt.View(func(btx *bolt.Tx) error {
		tx := txn{Tx: btx}
		stories := map[uint64]Story{}
		c := tx.b(bucketArrivals).Cursor()
		scanned := 0
		for k, rk := c.Last(); k != nil && len(out) < limit; k, rk = c.Prev() {
			if scanned++; scanned > maxRecentScan {
				truncated = true
				return nil
			}
			uid, _, err := tx.live(getU64(rk))
			if err != nil {
				warn(Problem{StoryUID: getU64(rk), Arrival: getU64(k), Err: err})
				continue
			}
			st, ok := stories[uid]
			if !ok {
				if st, err = tx.loadStory(uid); err != nil {
					warn(Problem{StoryUID: uid, Err: err})
					continue
				}
				stories[uid] = st
			}
			i := slices.IndexFunc(st.Versions, func(v Version) bool { return v.Record.Arrival == getU64(k) })
			if i < 0 {
				continue // reported by lede check
			}
			u := Update{Story: st, Version: st.Versions[i]}
			if opt.Since != 0 && u.Version.Record.Ingested < opt.Since {
				return nil
			}
			if opt.Keep == nil || opt.Keep(u) {
				out = append(out, u)
			}
		}
		return nil
	})
	return out, truncated, err
}

// Urgent reports whether the version is an urgent item: a Yonhap
// (URGENT), an AP URGENT or BULLETIN, a FLASH or ALERT.
func (v Version) Urgent() bool {
	return v.Label == "URGENT" || slices.ContainsFunc(v.Marker.Flags, func(f string) bool {
		return slices.Contains([]string{"URGENT", "BULLETIN", "FLASH", "ALERT", "APNewsAlert"}, f)
	})
}

// NotSeen is how many actions of the version's note its update did not
// show (the note check's not-seen verdicts), 0 without a summary.
func (v Version) NotSeen() int {
	if v.Summary == nil {
		return 0
	}
	_, n, _ := v.Summary.VerdictCounts()
	return n
}
