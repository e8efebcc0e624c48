package store

import (
	"fmt"
)

// migrateOrder re-files a schema 6 file's revisions under schema 7's
// order keys (orderFrom6): the revs keys, the arrival entries that point
// to them and each story's latest order key. The order within every
// story stays as it was, since the records of those files carry no
// agency version or transmission time. The story key index starts empty:
// schema 6 stored no story keys (revision.FeaturesOf set none), so there
// is nothing to file. It works a story at a time, so a file of a million
// revisions needs the memory of one story's keys and of the story list.
func migrateOrder(tx txn) error {
	var uids []uint64
	tx.b(bucketStories).ForEach(func(k, _ []byte) error {
		uids = append(uids, getU64(k))
		return nil
	})
	for _, uid := range uids {
		for _, k := range tx.revKeys(uid) {
			if len(k) == 8+orderLen {
				continue // filed by schema 7 already
			}
			if len(k) != 24 {
				return fmt.Errorf("%w: revs key %x of schema 6 has length %d", errCorrupt, k, len(k))
			}
			if err := tx.refile(k, orderFrom6(k[8:])); err != nil {
				return err
			}
		}
		s, err := tx.story(uid)
		if err != nil {
			return err
		}
		if len(s.Latest) == 16 {
			s.Latest = orderFrom6(s.Latest)
			if err := tx.putStory(uid, s); err != nil {
				return err
			}
		}
	}
	return nil
}
