package store

import (
	"bytes"
	"slices"
	"strings"
)

// The headline index: for every live story, the distinct headlines of its
// versions, each ended by a newline, under the story's uid. Searching
// stories by headline (lede stories --grep, lede serve's ?q=) reads this
// small value per story instead of every revision's record: the records
// are about a kilobyte each, and a search that matched few stories read
// them all.
var (
	bucketHeads = []byte("heads") // story uid u64 -> headlines, each ended by "\n"
	metaHeads   = []byte("heads") // present once every story is in bucketHeads
)

// headsIndexed reports whether searches may use the headline index: a file
// written by an older lede and opened read-only has none.
func (tx txn) headsIndexed() bool {
	meta := tx.b(bucketMeta)
	return meta != nil && meta.Get(metaHeads) != nil && tx.b(bucketHeads) != nil
}

// indexHeads fills the headline index of a file written before it existed;
// a write-open does it once, in the opening transaction.
func (tx txn) indexHeads() error {
	if tx.headsIndexed() {
		return nil
	}
	c := tx.b(bucketStories).Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		if err := tx.refreshHeads(getU64(k)); err != nil {
			return err
		}
	}
	return tx.b(bucketMeta).Put(metaHeads, []byte{1})
}

// addHead files one more version's headline for story uid, unless the
// story has it already.
func (tx txn) addHead(uid uint64, headline string) error {
	b := tx.b(bucketHeads)
	old := b.Get(u64(uid))
	if slices.Contains(splitHeads(old), headline) {
		return nil
	}
	v := make([]byte, 0, len(old)+len(headline)+1)
	v = append(append(append(v, old...), headline...), '\n')
	return b.Put(u64(uid), v)
}

// refreshHeads rebuilds story uid's entry from its revisions, after they
// changed (merge, split, a displaced version); a story left without
// revisions loses its entry.
func (tx txn) refreshHeads(uid uint64) error {
	v, err := tx.headsOf(uid)
	if err != nil {
		return err
	}
	if v == nil {
		return tx.b(bucketHeads).Delete(u64(uid))
	}
	return tx.b(bucketHeads).Put(u64(uid), v)
}

// headsOf is what story uid's entry should hold, nil for no revisions.
func (tx txn) headsOf(uid uint64) ([]byte, error) {
	var heads []string
	c := tx.b(bucketRevs).Cursor()
	prefix := u64(uid)
	for k, v := c.Seek(prefix); k != nil && hasPrefix(k, prefix); k, v = c.Next() {
		h, err := recordHeadline(v)
		if err != nil {
			return nil, err
		}
		if !slices.Contains(heads, h) {
			heads = append(heads, h)
		}
	}
	if heads == nil {
		return nil, nil
	}
	var out []byte
	for _, h := range heads {
		out = append(append(out, h...), '\n')
	}
	return out, nil
}

// splitHeads lists the headlines of an entry (copies).
func splitHeads(v []byte) []string {
	if len(v) == 0 {
		return nil
	}
	return strings.Split(string(v[:len(v)-1]), "\n")
}

// anyHead reports whether match accepts one of story uid's headlines,
// read from the index.
func (tx txn) anyHead(uid uint64, match func(string) bool) bool {
	v := tx.b(bucketHeads).Get(u64(uid))
	for len(v) > 0 {
		i := bytes.IndexByte(v, '\n')
		if i < 0 {
			return false // not written by addHead or refreshHeads
		}
		if match(string(v[:i])) {
			return true
		}
		v = v[i+1:]
	}
	return false
}

// checkHeads reports headline index entries that differ from the stories'
// revisions.
func (tx txn) checkHeads(rep *CheckReport) {
	if !tx.headsIndexed() {
		return
	}
	tx.b(bucketStories).ForEach(func(k, _ []byte) error {
		want, err := tx.headsOf(getU64(k))
		if err != nil {
			rep.add("story %d: %v", getU64(k), err)
			return nil
		}
		if got := tx.b(bucketHeads).Get(k); !sameHeads(got, want) {
			rep.add("story %d: headline index holds %q, its versions %q", getU64(k), splitHeads(got), splitHeads(want))
		}
		return nil
	})
}

// sameHeads compares two entries as sets: addHead appends in arrival
// order, refreshHeads lists in story order.
func sameHeads(a, b []byte) bool {
	x, y := splitHeads(a), splitHeads(b)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(x, y)
}
