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
var bucketHeads = []byte("heads") // story uid u64 -> headlines, each ended by "\n"

// headsIndexed reports whether searches may use the headline index. Every
// file open at schema 4 has it, complete; only a file without the bucket
// (which no lede writes) is searched through the revisions' records.
func (tx txn) headsIndexed() bool { return tx.b(bucketHeads) != nil }

// indexHeads fills the headline index of a file written before schema 4;
// the migration to schema 4 does it, in the opening transaction.
func (tx txn) indexHeads() error {
	c := tx.b(bucketStories).Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		if err := tx.refreshHeads(getU64(k)); err != nil {
			return err
		}
	}
	return nil
}

// addHead files one more version's headline for story uid, unless the
// story has it already.
func (tx txn) addHead(uid uint64, headline string) error {
	b := tx.b(bucketHeads)
	old := b.Get(u64(uid))
	if eachHead(old, func(h []byte) bool { return string(h) == headline }) {
		return nil
	}
	v := make([]byte, 0, len(old)+len(headline)+1)
	v = append(append(append(v, old...), headline...), '\n')
	if err := tx.putNewWords(uid, headline, old); err != nil {
		return err
	}
	return b.Put(u64(uid), v)
}

// refreshHeads rebuilds story uid's entry from its revisions, after they
// changed (merge, split, a displaced version); a story left without
// revisions loses its entry. An entry that comes out as it was is left
// alone with its words: most refreshes (a version filed under its key, a
// year found for the story) change no headline, and taking every word
// out and putting it back was 15,000 of the 44,000 deletes and 16,000
// of the 450,000 puts an ingest of 20,000 synthetic pages made.
func (tx txn) refreshHeads(uid uint64) error {
	v, err := tx.headsOf(uid)
	if err != nil {
		return err
	}
	old := tx.b(bucketHeads).Get(u64(uid))
	if bytes.Equal(old, v) && (old == nil) == (v == nil) {
		return nil
	}
	// The words index follows: out with the old headlines' words, in
	// with the new ones' (some are both).
	if err := tx.delWords(uid, old); err != nil {
		return err
	}
	if v == nil {
		return tx.b(bucketHeads).Delete(u64(uid))
	}
	if err := tx.putWords(uid, v); err != nil {
		return err
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
	return eachHead(tx.b(bucketHeads).Get(u64(uid)), func(h []byte) bool { return match(string(h)) })
}

// eachHead calls fn with the headlines of an entry in turn until it
// returns true, and reports whether one did.
func eachHead(v []byte, fn func([]byte) bool) bool {
	for len(v) > 0 {
		i := bytes.IndexByte(v, '\n')
		if i < 0 {
			return false // not written by addHead or refreshHeads
		}
		if fn(v[:i]) {
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
