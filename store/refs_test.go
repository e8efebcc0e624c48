package store

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// The exit-polls story of 9 March 2022: a first version, its LEAD and
// its 2nd LD.
const (
	pollsFirst = "AEN20220309004700315"
	pollsLead  = "AEN20220309004751315"
	pollsLD2   = "AEN20220309004752315"
)

func TestParseRef(t *testing.T) {
	for s, want := range map[string]uint64{"r1": 1, "r17": 17, "r18446744073709551615": 1<<64 - 1} {
		if got, ok := ParseRef(s); !ok || got != want {
			t.Errorf("ParseRef(%q) = %d, %v; want %d", s, got, ok, want)
		}
		if RefOf(want) != s {
			t.Errorf("RefOf(%d) = %q, want %q", want, RefOf(want), s)
		}
	}
	for _, s := range []string{"", "r", "r0", "r-1", "r+1", "rx", "17", "R17", "r1a", "r18446744073709551616", "220309-exit"} {
		if got, ok := ParseRef(s); ok {
			t.Errorf("ParseRef(%q) = %d, want not a ref", s, got)
		}
	}
}

// TestRefsSurviveLateVersion: a LEAD stored after its 2nd LD takes @2
// and pushes the 2nd LD to @3, but every ref names what it named, the
// result says the LEAD came late, and the @N ordinals follow story order.
func TestRefsSurviveLateVersion(t *testing.T) {
	pages := pagesByID(t)
	db := openTemp(t)
	first := ingest(t, db, pages[pollsFirst].in)[0]
	ld2 := ingest(t, db, pages[pollsLD2].in)[0]
	if ld2.Rev != 2 || ld2.Late != 0 || ld2.Story != first.Story {
		t.Fatalf("2nd LD: %+v, want @2 of %s, not late", ld2, first.Story)
	}
	lead := ingest(t, db, pages[pollsLead].in)[0]
	if lead.Rev != 2 || lead.Late != 3 {
		t.Errorf("late LEAD: rev %d, late %d; want @2, arrived after @3", lead.Rev, lead.Late)
	}
	st, err := db.Story(first.Story)
	if err != nil {
		t.Fatal(err)
	}
	var refs []string
	for _, v := range st.Versions {
		refs = append(refs, v.Ref)
	}
	want := []string{RefOf(first.Arrival), RefOf(lead.Arrival), RefOf(ld2.Arrival)}
	if strings.Join(refs, " ") != strings.Join(want, " ") {
		t.Errorf("refs in story order %v, want %v", refs, want)
	}
	for _, story := range []string{"", first.Story, first.Story[:8]} {
		s, v, raw, err := db.RevisionAt(story, Pick{Arrival: ld2.Arrival})
		if err != nil {
			t.Fatalf("%q@%s: %v", story, RefOf(ld2.Arrival), err)
		}
		if s.ID != first.Story || v.Rev != 3 || v.Label != "2nd LD" || !bytes.Equal(raw, pages[pollsLD2].in.Raw) {
			t.Errorf("%q@%s names %s@%d %q, want the 2nd LD, now @3", story, RefOf(ld2.Arrival), s.ID, v.Rev, v.Label)
		}
	}
	if _, v, err := db.Locate(first.Story, Pick{N: 2}); err != nil || v.Label != "LEAD" {
		t.Errorf("@2 is %q (%v), want the LEAD: ordinals follow story order", v.Label, err)
	}
	if _, _, err := db.Locate("", Pick{Arrival: 99}); !errors.Is(err, ErrBadRef) || !strings.Contains(err.Error(), "no version r99") {
		t.Errorf("r99: %v, want no such version", err)
	}
	mustCheck(t, db)
}

// TestRefsSurviveSplitAndMerge: a version split off into a story of its
// own keeps its ref, which the old story no longer holds; merged back,
// the split story's id with the ref names it again.
func TestRefsSurviveSplitAndMerge(t *testing.T) {
	pages := pagesByID(t)
	db := openTemp(t)
	res := ingest(t, db, pages[pollsFirst].in, pages[pollsLead].in, pages[pollsLD2].in)
	story, ld2 := res[0].Story, res[2].Arrival
	for i, r := range res {
		if r.Late != 0 {
			t.Errorf("input %d in story order is late after @%d", i, r.Late)
		}
	}
	spun, err := db.Split(story, 2)
	if err != nil {
		t.Fatal(err)
	}
	s, v, err := db.Locate("", Pick{Arrival: ld2})
	if err != nil || s.ID != spun || v.Rev != 2 || v.Label != "2nd LD" {
		t.Fatalf("after split, %s is %s@%d %q (%v); want %s@2, the 2nd LD", RefOf(ld2), s.ID, v.Rev, v.Label, err, spun)
	}
	_, _, err = db.Locate(story, Pick{Arrival: ld2})
	if !errors.Is(err, ErrBadRef) || !strings.Contains(err.Error(), "it is in story "+spun) {
		t.Errorf("%s@%s after the split: %v, want an error naming %s", story, RefOf(ld2), err, spun)
	}
	if _, err := db.Merge(story, spun); err != nil {
		t.Fatal(err)
	}
	s, v, err = db.Locate(spun, Pick{Arrival: ld2})
	if err != nil || s.ID != story || v.Rev != 3 || v.Label != "2nd LD" {
		t.Errorf("after merge, %s@%s is %s@%d %q (%v); want %s@3, the 2nd LD", spun, RefOf(ld2), s.ID, v.Rev, v.Label, err, story)
	}
	mustCheck(t, db)
}

// TestLateInOneBatch: a batch that holds a 2nd LD before its LEAD stores
// the LEAD late, after the 2nd LD.
func TestLateInOneBatch(t *testing.T) {
	pages := pagesByID(t)
	db := openTemp(t)
	res := ingest(t, db, pages[pollsFirst].in, pages[pollsLD2].in, pages[pollsLead].in)
	if res[2].Rev != 2 || res[2].Late != 3 || res[1].Rev != 3 || res[1].Late != 0 {
		t.Errorf("LEAD @%d late %d, 2nd LD @%d late %d; want @2 late after @3, @3 not late",
			res[2].Rev, res[2].Late, res[1].Rev, res[1].Late)
	}
}
