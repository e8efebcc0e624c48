package store

import (
	"fmt"
	"sort"
	"strings"
)

// resolve finds a story by its id or any prefix of it that names one
// story only, like a git hash.
func (tx txn) resolve(ref string) (uint64, error) {
	if ref == "" {
		return 0, fmt.Errorf("%w: empty story id", ErrBadRef)
	}
	if v := tx.b(bucketIDs).Get([]byte(ref)); v != nil {
		uid, s, err := tx.live(getU64(v))
		if err == nil {
			err = removedStory(s)
		}
		return uid, err
	}
	found := map[uint64]string{}
	var removed error // a removed story the prefix names, if no live one
	c := tx.b(bucketIDs).Cursor()
	for k, v := c.Seek([]byte(ref)); k != nil && strings.HasPrefix(string(k), ref); k, v = c.Next() {
		uid, s, err := tx.live(getU64(v))
		if err != nil {
			return 0, err
		}
		if err := removedStory(s); err != nil {
			removed = err
			continue
		}
		found[uid] = s.ID
		if len(found) > maxAmbiguous {
			break
		}
	}
	switch {
	case len(found) == 0 && removed != nil:
		return 0, removed
	case len(found) == 0:
		return 0, fmt.Errorf("%w: no story matches %q", ErrBadRef, ref)
	case len(found) == 1:
		for uid := range found {
			return uid, nil
		}
	}
	var ids []string
	for _, id := range found {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	n := fmt.Sprint(len(ids))
	if len(ids) > maxAmbiguous {
		n = fmt.Sprintf("over %d", maxAmbiguous)
	}
	if len(ids) > listAmbiguous {
		ids = append(ids[:listAmbiguous], fmt.Sprintf("and %d more", len(ids)-listAmbiguous))
		if n != fmt.Sprint(len(found)) {
			ids[listAmbiguous] = "and more"
		}
	}
	return 0, fmt.Errorf("%w: %q is ambiguous: %s stories match: %s", ErrBadRef, ref, n, strings.Join(ids, ", "))
}

// An ambiguous prefix names the first listAmbiguous stories it matches
// (in id order) and counts the rest, up to maxAmbiguous: a user who
// typed "2" learns how far from one story they are without a screenful
// of ids, and the count stays cheap on a large database.
const (
	listAmbiguous = 10
	maxAmbiguous  = 1000
)
