package store

import (
	"bytes"
	"errors"
	"slices"
	"testing"
)

// TestPostingsCodec: posting lists round-trip, cost a byte an entry
// where the gaps are small, and a damaged list is refused rather than
// read as versions it does not name.
func TestPostingsCodec(t *testing.T) {
	every := make([]uint16, textEpochLen)
	for i := range every {
		every[i] = uint16(i)
	}
	for _, tc := range []struct {
		name  string
		offs  []uint16
		bytes int
	}{
		{"one at the start", []uint16{0}, 1},
		{"one at the end", []uint16{textEpochLen - 1}, 2},
		{"sparse", []uint16{3, 200, 201, 511}, 1 + 2 + 1 + 2},
		{"every version of the epoch", every, textEpochLen},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := encodePostings(tc.offs)
			if len(v) != tc.bytes {
				t.Errorf("%d bytes, want %d", len(v), tc.bytes)
			}
			got, err := decodePostings(nil, v)
			if err != nil || !slices.Equal(got, tc.offs) {
				t.Errorf("decoded %v, %v; want %v", got, err, tc.offs)
			}
		})
	}
	for _, tc := range []struct {
		name string
		v    []byte
	}{
		{"empty", nil},
		{"a repeated offset", []byte{5, 0}},
		{"past the epoch", []byte{0x80, 0x04}},
		{"a gap past the epoch", []byte{0xff, 0x03, 1}},
		{"a cut uvarint", []byte{4, 0x80}},
	} {
		if got, err := decodePostings(nil, tc.v); !errors.Is(err, errPostings) {
			t.Errorf("%s: %x decodes as %v, %v", tc.name, tc.v, got, err)
		}
	}
	if v := encodePostings([]uint16{textEpochLen - 1}); !bytes.Equal(v, []byte{0xff, 0x03}) {
		t.Errorf("offset 511 is %x, want ff03", v)
	}
}

// TestPostingsMergeDrop: a later batch's offsets append to a list, an
// earlier one's (the migration's order is the inputs') merge into it,
// and dropping takes one offset out, emptying the list at the last.
func TestPostingsMergeDrop(t *testing.T) {
	v, err := mergePostings(encodePostings([]uint16{1, 7}), []uint16{8, 300})
	if got, _ := decodePostings(nil, v); err != nil || !slices.Equal(got, []uint16{1, 7, 8, 300}) {
		t.Errorf("append: %v, %v", got, err)
	}
	v, err = mergePostings(v, []uint16{0, 7, 9})
	if got, _ := decodePostings(nil, v); err != nil || !slices.Equal(got, []uint16{0, 1, 7, 8, 9, 300}) {
		t.Errorf("merge: %v, %v", got, err)
	}
	if _, err := mergePostings([]byte{1, 0}, []uint16{3}); !errors.Is(err, errPostings) {
		t.Errorf("merge into a damaged list: %v", err)
	}
	v, found, err := dropPosting(v, 8)
	if got, _ := decodePostings(nil, v); err != nil || !found || !slices.Equal(got, []uint16{0, 1, 7, 9, 300}) {
		t.Errorf("drop 8: %v, %v, %v", got, found, err)
	}
	if w, found, err := dropPosting(v, 2); err != nil || found || !bytes.Equal(w, v) {
		t.Errorf("drop 2, not in the list: %x, %v, %v", w, found, err)
	}
	if w, found, err := dropPosting(encodePostings([]uint16{42}), 42); err != nil || !found || w != nil {
		t.Errorf("drop the last offset: %x, %v, %v", w, found, err)
	}
}
