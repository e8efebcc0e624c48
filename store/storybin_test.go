package store

import (
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"testing"
)

// sameStoryWay fails t unless s reads back from the binary form as it did
// from the JSON lede wrote before schema 15 (both failing counts as the
// same: a tombstone's impossible date made the JSON unreadable).
func sameStoryWay(t *testing.T, what string, s storyRecord) {
	t.Helper()
	raw, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var want, got storyRecord
	werr := decodeStory(raw, &want)
	gerr := decodeStory(encodeStory(s), &got)
	switch {
	case (werr == nil) != (gerr == nil):
		t.Fatalf("%s: JSON read %v, binary read %v\nrecord %#v", what, werr, gerr, s)
	case werr == nil && !reflect.DeepEqual(want, got):
		t.Fatalf("%s: read back differently\nJSON   %#v\nbinary %#v", what, want, got)
	}
}

// TestStoryBinaryAsJSON: a story record in the binary form reads back as
// the same record did as JSON, with every field set (a field the codec
// forgot reads back zero) and at random: invalid UTF-8, nil, empty and
// full lists, tombstones with real, partial and impossible dates.
func TestStoryBinaryAsJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for i := range 20 {
		var s storyRecord
		fill(r, reflect.ValueOf(&s).Elem(), true)
		for j := range s.Removed {
			s.Removed[j].Date.Year, s.Removed[j].Date.Month, s.Removed[j].Date.Day = 2000+i, 1+j, 1+i
		}
		sameStoryWay(t, "full record", s)
		var back storyRecord
		if err := decodeStory(encodeStory(s), &back); err != nil || back.MergedInto == 0 || len(back.Removed) == 0 || back.Removed[0].Date.Day == 0 {
			t.Fatalf("the full record did not read back full: %v %#v", err, back)
		}
	}
	for i := range 20000 {
		var s storyRecord
		fill(r, reflect.ValueOf(&s).Elem(), false)
		sameStoryWay(t, "random record "+string(rune('0'+i%10)), s)
	}
	sameStoryWay(t, "empty record", storyRecord{})
}

// TestStoryBinaryDamaged: a binary story record cut short is an error;
// one with a byte changed is an error or a record, never a panic.
func TestStoryBinaryDamaged(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for range 200 {
		var s storyRecord
		fill(r, reflect.ValueOf(&s).Elem(), r.IntN(2) == 0)
		for j := range s.Removed {
			s.Removed[j].Date.Year, s.Removed[j].Date.Month, s.Removed[j].Date.Day = 2024, 2, 29
		}
		damagedReads(t, r, encodeStory(s), func(b []byte) bool {
			var out storyRecord
			return decodeStory(b, &out) == nil
		})
	}
	var out storyRecord
	if err := decodeStory(append(encodeStory(storyRecord{ID: "x"}), 0), &out); err == nil {
		t.Fatal("a record with a byte after its end read as whole")
	}
}
