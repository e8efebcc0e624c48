package store

import "bytes"

// checkListings compares every story's listing record with the one its
// records give now (listing.go): a live story without damaged records
// has one, byte for byte as buildListing would write it; any other story
// has none. A file lede wrote keeps them so; one an older lede, a bug or
// a damaged disk left otherwise is reported, and RebuildListings
// repairs it.
func (tx txn) checkListings(rep *CheckReport) {
	b := tx.b(bucketListings)
	if b == nil {
		rep.add("no listing records (bucket %q missing)", bucketListings)
		return
	}
	seen := map[uint64]bool{}
	tx.b(bucketStories).ForEach(func(k, _ []byte) error {
		uid := getU64(k)
		seen[uid] = true
		want, err := tx.wantListing(uid)
		if err != nil {
			rep.add("listing record of story #%d: %v", uid, err)
			return nil
		}
		got := b.Get(k)
		if bytes.Equal(got, want) {
			return nil
		}
		s, _ := tx.story(uid)
		switch {
		case got == nil:
			rep.add("story %s has no listing record (lede check --fix builds it)", s.ID)
		case want == nil:
			rep.add("story %s has a listing record, but lists from its records (lede check --fix drops it)", s.ID)
		default:
			rep.add("listing record of story %s does not match its records (lede check --fix rebuilds it)", s.ID)
		}
		rep.StaleListings = append(rep.StaleListings, uid)
		return nil
	})
	b.ForEach(func(k, _ []byte) error {
		if uid := getU64(k); !seen[uid] {
			rep.add("listing record of story #%d, which does not exist (lede check --fix drops it)", uid)
			rep.StaleListings = append(rep.StaleListings, uid)
		}
		return nil
	})
}

// wantListing is the listing record story uid's records give, nil for a
// story that has none (see buildListing).
func (tx txn) wantListing(uid uint64) ([]byte, error) {
	s, err := tx.story(uid)
	if err != nil || !listable(s) {
		return nil, nil
	}
	st, err := tx.loadStory(uid)
	if err != nil || len(st.Problems) > 0 || len(st.Versions) == 0 {
		return nil, nil
	}
	return encodeListing(st, agenciesOf(st))
}

// RebuildListings builds the listing records of stories uids (Check's
// StaleListings) anew from their records, in one transaction.
func (db *DB) RebuildListings(uids []uint64) error {
	return db.update(func(tx txn) error {
		for _, uid := range uids {
			if err := tx.touch(uid); err != nil {
				return err
			}
		}
		return nil
	})
}
