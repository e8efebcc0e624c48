package store

import (
	"encoding/binary"
	"fmt"
	"maps"
	"math"
	"slices"

	bolt "go.etcd.io/bbolt"
)

// indexText builds the text index of a file written before schema 13
// from every stored input, in place of schemas 11-12's, which filed a key
// per version and word (bucketTextKeys); a file before schema 11 had
// none. It reads the inputs an epoch at a time, so the migration needs
// the memory of one epoch's words.
func (tx txn) indexText() error {
	for _, name := range [][]byte{bucketTextKeys, bucketText} {
		if tx.Bucket(name) != nil {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
		}
	}
	if _, err := tx.CreateBucket(bucketText); err != nil {
		return err
	}
	var arrivals []uint64
	var words []string
	flush := func() error {
		err := tx.putText(arrivals, words)
		arrivals, words = arrivals[:0], words[:0]
		return err
	}
	c := tx.b(bucketRaw).Cursor()
	for k, z := c.First(); k != nil; k, z = c.Next() {
		a := getU64(k)
		if len(arrivals) > 0 && a>>textEpochBits != arrivals[0]>>textEpochBits {
			if err := flush(); err != nil {
				return err
			}
		}
		raw, err := inflate(z)
		if err != nil {
			continue // lede check reports the input
		}
		arrivals, words = append(arrivals, a), append(words, textWords(raw))
	}
	return flush()
}

// textKeyEpoch is the epoch of a text key of at least five bytes.
func textKeyEpoch(k []byte) uint64 { return uint64(binary.BigEndian.Uint32(k)) }

// checkText reports versions whose words are not all filed, and words
// filed for versions that are not stored or whose input lacks them. It
// walks the stored inputs and the index side by side an epoch at a
// time, computing what each epoch's lists should be from its inputs.
func (tx txn) checkText(rep *CheckReport) {
	b := tx.b(bucketText)
	if b == nil {
		return
	}
	raws := tx.b(bucketRaw).Cursor()
	rk, rz := raws.First()
	c := b.Cursor()
	k, v := c.First()
	for k != nil || rk != nil {
		if k != nil && len(k) < 5 {
			rep.add("text index key %x is not epoch | word", k)
			k, v = c.Next()
			continue
		}
		e := uint64(math.MaxUint64)
		if rk != nil {
			e = getU64(rk) >> textEpochBits
		}
		if k != nil {
			e = min(e, textKeyEpoch(k))
		}
		want := textPostings{}
		for ; rk != nil && getU64(rk)>>textEpochBits == e; rk, rz = raws.Next() {
			if raw, err := inflate(rz); err == nil { // else reported with the raw input
				want.add(getU64(rk), slices.Values(rawWords(raw)))
			}
		}
		k, v = tx.checkTextEpoch(rep, c, k, v, e, want[e])
	}
}

// checkTextEpoch compares the lists of epoch e, from k on, with want,
// and returns the cursor's place after them.
func (tx txn) checkTextEpoch(rep *CheckReport, c *bolt.Cursor, k, v []byte, e uint64, want map[string][]uint16) ([]byte, []byte) {
	missing, extra := map[uint64]textMismatch{}, map[uint64]textMismatch{}
	var got []uint16
	for ; k != nil; k, v = c.Next() {
		if len(k) < 5 {
			rep.add("text index key %x is not epoch | word", k)
			continue
		}
		if textKeyEpoch(k) != e {
			break
		}
		w := string(k[4:])
		var err error
		if got, err = decodePostings(got[:0], v); err != nil {
			rep.add("text index list of %q in epoch %d: %v", w, e, err)
			continue
		}
		exp := want[w]
		delete(want, w)
		for _, o := range got {
			if _, ok := slices.BinarySearch(exp, o); !ok {
				extra[e<<textEpochBits|uint64(o)] = extra[e<<textEpochBits|uint64(o)].add(w)
			}
		}
		for _, o := range exp {
			if _, ok := slices.BinarySearch(got, o); !ok {
				missing[e<<textEpochBits|uint64(o)] = missing[e<<textEpochBits|uint64(o)].add(w)
			}
		}
	}
	for w, offs := range want {
		for _, o := range offs {
			missing[e<<textEpochBits|uint64(o)] = missing[e<<textEpochBits|uint64(o)].add(w)
		}
	}
	for _, a := range slices.Sorted(maps.Keys(missing)) {
		rep.add("%s: word %q is not in the text index%s", RefOf(a), missing[a].first, missing[a].more())
	}
	for _, a := range slices.Sorted(maps.Keys(extra)) {
		if tx.b(bucketRaw).Get(u64(a)) == nil {
			rep.add("the text index files %d words for %s, which is not stored", extra[a].n, RefOf(a))
		} else {
			rep.add("the text index files word %q for %s, whose input does not hold it%s", extra[a].first, RefOf(a), extra[a].more())
		}
	}
	return k, v
}

// textMismatch counts the words a check found wrong for one version.
type textMismatch struct {
	first string
	n     int
}

func (m textMismatch) add(w string) textMismatch {
	if m.n == 0 || w < m.first {
		m.first = w
	}
	m.n++
	return m
}

func (m textMismatch) more() string {
	if m.n <= 1 {
		return ""
	}
	return fmt.Sprintf(" (and %d more)", m.n-1)
}
