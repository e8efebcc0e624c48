package store

import (
	"encoding/binary"
	"errors"
	"slices"
)

// A text posting list is the value of a text index key (textKey): the
// arrivals of one epoch that hold the key's word, as offsets within the
// epoch (arrival - epoch start), ascending and distinct, stored as
// uvarint gaps: the first offset, then each offset less the one before.
// A word most versions hold costs a byte a version, a rare one two.

// errPostings says a posting list does not decode as one.
var errPostings = errors.New("not a sorted list of offsets within the epoch")

// textEpochLen is the number of arrivals an epoch holds.
const textEpochLen = 1 << textEpochBits

// encodePostings packs ascending, distinct offsets (each below
// textEpochLen) into a posting list.
func encodePostings(offs []uint16) []byte {
	out := make([]byte, 0, len(offs)+len(offs)/4+1)
	prev := uint16(0)
	for i, o := range offs {
		if i == 0 {
			out = binary.AppendUvarint(out, uint64(o))
		} else {
			out = binary.AppendUvarint(out, uint64(o-prev))
		}
		prev = o
	}
	return out
}

// decodePostings unpacks a posting list, appending its offsets to dst;
// it refuses one whose offsets are not ascending within the epoch, so
// that a damaged value is never read as arrivals it does not name.
func decodePostings(dst []uint16, v []byte) ([]uint16, error) {
	if len(v) == 0 {
		return dst, errPostings // an empty list is deleted, never stored
	}
	at := uint64(0)
	for i := 0; len(v) > 0; i++ {
		gap, n := binary.Uvarint(v)
		if n <= 0 || i > 0 && gap == 0 {
			return dst, errPostings
		}
		if at += gap; at >= textEpochLen {
			return dst, errPostings
		}
		dst = append(dst, uint16(at))
		v = v[n:]
	}
	return dst, nil
}

// mergePostings adds offs (ascending, distinct) to the list old holds:
// the read-modify-write of a batch that meets an epoch already begun,
// where offs, arriving later, mostly come after old's.
func mergePostings(old []byte, offs []uint16) ([]byte, error) {
	had, err := decodePostings(make([]uint16, 0, len(old)+len(offs)), old)
	if err != nil {
		return nil, err
	}
	if len(had) > 0 && len(offs) > 0 && offs[0] <= had[len(had)-1] {
		had = append(had, offs...)
		slices.Sort(had)
		return encodePostings(slices.Compact(had)), nil
	}
	return encodePostings(append(had, offs...)), nil
}

// dropPosting removes offset off from the list old holds: nil when the
// list is left empty (the key is then deleted), and found false when off
// was not in it.
func dropPosting(old []byte, off uint16) (v []byte, found bool, err error) {
	had, err := decodePostings(nil, old)
	if err != nil {
		return nil, false, err
	}
	i, found := slices.BinarySearch(had, off)
	if !found {
		return old, false, nil
	}
	if had = slices.Delete(had, i, i+1); len(had) == 0 {
		return nil, true, nil
	}
	return encodePostings(had), true, nil
}
