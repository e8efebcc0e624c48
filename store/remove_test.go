package store

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"lede/revision"
)

// The exit-poll story of the corpus: a first version, its LEAD and its
// 2nd LD, all on 9 March 2022; and a story of another day.
const (
	pollFirst = "AEN20220309004700315"
	pollLead  = "AEN20220309004751315"
	poll2nd   = "AEN20220309004752315"
	otherPage = "AEN20190602000700325"
)

// indexDump is the content of the indexes a removal must leave as if the
// removed version had never come: postings, headline index, word index.
// Every key of these ends with a story's uid, which it leaves out (in
// hex, 16 digits before the "="), as the word index's epoch (8 digits
// first), so that databases whose stories were numbered differently
// compare.
func indexDump(t *testing.T, db *DB) map[string][]string {
	out := map[string][]string{}
	for name, b := range map[string][]byte{"postings": bucketTerms, "heads": bucketHeads, "hwords": bucketWords} {
		for _, e := range dumpBucket(t, db, b) {
			k, v, _ := strings.Cut(e, "=")
			if name == "hwords" {
				k = k[8:]
			}
			out[name] = append(out[name], k[:len(k)-16]+"="+v)
		}
	}
	return out
}

// TestRemoveVersion removes the middle version of a three-version story
// with an event, a queued alert and a follow: everything that named it
// goes, the indexes are those of a database that never had it, the 2nd
// LD's summary is due against the first version, and the same page can
// be ingested again as a new revision.
func TestRemoveVersion(t *testing.T) {
	pages := pagesByID(t)
	db := openTemp(t)
	if _, err := db.EnableAlerts(); err != nil {
		t.Fatal(err)
	}
	res := ingest(t, db, pages[pollFirst].in, pages[pollLead].in, pages[poll2nd].in, pages[otherPage].in)
	story := res[0].Story
	if res[1].Story != story || res[2].Story != story {
		t.Fatalf("the three versions are not one story: %+v", res)
	}
	if _, err := db.SetFollow(story, true); err != nil {
		t.Fatal(err)
	}
	lead := res[1].Arrival
	sink := Sink{ID: "terminal", Kind: "terminal", Name: "terminal"}
	if err := db.AddAlerts([]uint64{lead}, []NewAlert{{Arrival: lead, ID: "x-2", Story: story, Marker: "LEAD",
		Kinds: []string{"lead"}, Ingested: time.Now(), Body: json.RawMessage(`{}`)}}, []Sink{sink}); err != nil {
		t.Fatal(err)
	}
	when := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	rm, err := db.Remove(story, 2, RemoveOptions{Now: when})
	if err != nil {
		t.Fatal(err)
	}
	want := Tombstone{Rev: 2, Ref: "r" + strconv.FormatUint(lead, 10), Arrival: lead, Source: pages[pollLead].in.Source, Label: "LEAD",
		Headline: pages[pollLead].in.Rev.Headline, Date: revision.Date{Year: 2022, Month: 3, Day: 9}, Removed: "2026-01-02T03:04:05Z"}
	if rm.Story != story || len(rm.Removed) != 1 || rm.Removed[0] != want || rm.Left != 2 || rm.Whole || rm.Alerts != 1 || rm.DryRun {
		t.Fatalf("removal %+v, want %+v and 2 left, 1 alert", rm, want)
	}
	mustCheck(t, db)
	st, err := db.Story(story)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Versions) != 2 || st.Versions[0].Record.Arrival != res[0].Arrival || st.Versions[1].Record.Arrival != res[2].Arrival {
		t.Fatalf("versions after rm: %+v", st.Versions)
	}
	if len(st.Removed) != 1 || st.Removed[0] != want {
		t.Errorf("story's tombstones %+v", st.Removed)
	}
	if due, _, err := db.NextDue(sink.ID, time.Now(), 10); err != nil || len(due) != 0 {
		t.Errorf("queued alerts after rm: %+v, %v", due, err)
	}
	if w, _ := db.Watchlist(); len(w.Follow) != 1 {
		t.Errorf("a follow of a story that lives on went: %+v", w)
	}
	// The 2nd LD's summary was against the LEAD: it is due again, now
	// against the first version.
	stale, err := db.StaleSummaries([]string{story})
	if err != nil || len(stale) != 1 || stale[0].Arrival != res[2].Arrival || stale[0].PrevArrival != res[0].Arrival {
		t.Fatalf("stale summaries %+v, %v; want the 2nd LD against the first version", stale, err)
	}
	if st.Versions[1].Summary != nil {
		t.Errorf("the 2nd LD shows a summary against the removed LEAD: %+v", st.Versions[1].Summary)
	}

	// The indexes are those of a database that never had the LEAD.
	fresh := openTemp(t)
	ingest(t, fresh, pages[pollFirst].in, pages[poll2nd].in, pages[otherPage].in)
	if got, want := indexDump(t, db), indexDump(t, fresh); !mapsEqual(got, want) {
		t.Errorf("indexes after rm differ from a database without the LEAD:\n got %v\nwant %v", got, want)
	}

	// The same page again is new, and lands where it was.
	again := ingest(t, db, pages[pollLead].in)[0]
	if again.Status != StatusUpdate || again.Story != story || again.Rev != 2 || again.Arrival == lead {
		t.Errorf("re-ingest of the removed page: %+v, want an update at @2 with a new arrival", again)
	}
	mustCheck(t, db)
}

// TestRemoveStory removes a whole story: its id then says it was
// removed, prefixes find only live stories, follows and mutes of it go,
// its pages can come again as a new story, and check passes throughout.
// Removing a story's only version removes the story too.
func TestRemoveStory(t *testing.T) {
	pages := pagesByID(t)
	db := openTemp(t)
	res := ingest(t, db, pages[pollFirst].in, pages[pollLead].in, pages[otherPage].in)
	story, other := res[0].Story, res[2].Story
	if _, err := db.SetFollow(story, true); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SetMute(story, true); err != nil {
		t.Fatal(err)
	}
	rm, err := db.Remove(story, 0, RemoveOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !rm.Whole || rm.Left != 0 || len(rm.Removed) != 2 || rm.Removed[0].Rev != 1 || rm.Removed[1].Rev != 2 ||
		rm.Removed[1].Label != "LEAD" || rm.Watching != 2 {
		t.Fatalf("removal %+v", rm)
	}
	mustCheck(t, db)
	_, err = db.Story(story)
	var gone *RemovedError
	if !errors.As(err, &gone) || gone.ID != story || len(gone.Removed) != 2 || !errors.Is(err, ErrBadRef) ||
		!strings.Contains(err.Error(), "story "+story+" was removed on ") {
		t.Fatalf("Story(%s) after rm: %v", story, err)
	}
	if _, err := db.Story(story[:4]); !errors.As(err, &gone) {
		t.Errorf("a prefix of only the removed story: %v, want it removed", err)
	}
	list, err := db.Stories(ListOptions{})
	if err != nil || len(list) != 1 || list[0].ID != other {
		t.Fatalf("stories after rm: %v, %v", list, err)
	}
	if w, _ := db.Watchlist(); len(w.Follow)+len(w.Mute) != 0 {
		t.Errorf("watchlist after rm: %+v", w)
	}
	if _, err := db.Remove(story, 0, RemoveOptions{}); !errors.As(err, &gone) {
		t.Errorf("removing it again: %v", err)
	}
	fresh := openTemp(t)
	ingest(t, fresh, pages[otherPage].in)
	if got, want := indexDump(t, db), indexDump(t, fresh); !mapsEqual(got, want) {
		t.Errorf("indexes after rm differ from a database without the story:\n got %v\nwant %v", got, want)
	}

	// The pages come back as a new story.
	back := ingest(t, db, pages[pollFirst].in, pages[pollLead].in)
	if back[0].Status != StatusNewStory || back[1].Status != StatusUpdate || back[0].Story == story {
		t.Errorf("re-ingest: %+v", back)
	}
	mustCheck(t, db)
	// The only version of a story: removing it removes the story.
	rm, err = db.Remove(other, 1, RemoveOptions{})
	if err != nil || !rm.Whole || rm.Left != 0 {
		t.Fatalf("removing the only version: %+v, %v", rm, err)
	}
	mustCheck(t, db)
	if _, err := db.Story(other); !errors.As(err, &gone) {
		t.Errorf("story of the only version: %v", err)
	}
}

// TestRemoveDryRunAndArrival: a dry run reports the removal and changes
// nothing; RemoveArrival (the stable r<arrival> reference) removes the
// same version wherever it stands, and refuses one that is not stored.
func TestRemoveDryRunAndArrival(t *testing.T) {
	pages := pagesByID(t)
	db := openTemp(t)
	res := ingest(t, db, pages[pollFirst].in, pages[pollLead].in, pages[poll2nd].in)
	before := dumpAll(t, db)
	rm, err := db.Remove(res[0].Story, 3, RemoveOptions{DryRun: true})
	if err != nil || !rm.DryRun || len(rm.Removed) != 1 || rm.Removed[0].Arrival != res[2].Arrival || rm.Left != 2 {
		t.Fatalf("dry run: %+v, %v", rm, err)
	}
	if after := dumpAll(t, db); !mapsEqual(before, after) {
		t.Fatal("a dry run changed the database")
	}
	if _, err := db.Remove(res[0].Story, 4, RemoveOptions{}); !errors.Is(err, ErrBadRef) {
		t.Errorf("@4 of three: %v", err)
	}
	rm, err = db.RemoveArrival(res[1].Arrival, RemoveOptions{})
	if err != nil || len(rm.Removed) != 1 || rm.Removed[0].Rev != 2 || rm.Removed[0].Label != "LEAD" {
		t.Fatalf("RemoveArrival: %+v, %v", rm, err)
	}
	if _, err := db.RemoveArrival(res[1].Arrival, RemoveOptions{}); !errors.Is(err, ErrBadRef) {
		t.Errorf("removing r%d twice: %v", res[1].Arrival, err)
	}
	mustCheck(t, db)
}

// dumpAll dumps every bucket.
func dumpAll(t *testing.T, db *DB) map[string][]string {
	out := map[string][]string{}
	for _, b := range allBuckets {
		out[string(b)] = dumpBucket(t, db, b)
	}
	return out
}

func mapsEqual(a, b map[string][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !slices.Equal(v, b[k]) {
			return false
		}
	}
	return true
}

// TestRemoveSynthetic removes versions and whole stories at random from
// a synthetic corpus shaped like real updates (year-less pages, late
// versions, displacements): check passes after every removal, the index
// holds exactly the terms of the versions left, and ingesting the whole
// corpus again stores exactly what was removed, as new versions.
func TestRemoveSynthetic(t *testing.T) {
	db := openTemp(t)
	all, _ := syntheticInputs(t, 5, 1200)
	for i := 0; i < len(all); i += 300 {
		ingest(t, db, all[i:min(i+300, len(all))]...)
	}
	rng := rand.New(rand.NewPCG(5, 11))
	removed := map[string]bool{}
	for op := range 80 {
		list, err := db.Stories(ListOptions{})
		if err != nil {
			t.Fatal(err)
		}
		s := list[rng.IntN(len(list))]
		rev := 0 // every tenth operation removes a whole story
		if op%10 != 0 {
			rev = 1 + rng.IntN(len(s.Versions))
		}
		rm, err := db.Remove(s.ID, rev, RemoveOptions{})
		if err != nil {
			t.Fatalf("rm %s@%d: %v", s.ID, rev, err)
		}
		for _, t := range rm.Removed {
			removed[t.Source] = true
		}
		if rep, err := db.Check(); err != nil || len(rep.Problems) > 0 {
			t.Fatalf("after rm %s@%d: %v %v", s.ID, rev, err, rep.Problems)
		}
	}
	postingsExact(t, db)
	res := ingest(t, db, all...)
	back := 0
	for i, r := range res {
		switch {
		case removed[all[i].Source] && r.Status == StatusDuplicate:
			t.Errorf("%s was removed, yet is a duplicate", all[i].Source)
		case !removed[all[i].Source] && r.Status != StatusDuplicate:
			t.Errorf("%s was kept, yet is %s", all[i].Source, r.Status)
		case removed[all[i].Source]:
			back++
		}
	}
	if back != len(removed) || back < 80 {
		t.Errorf("%d removed pages came back, %d were removed", back, len(removed))
	}
	mustCheck(t, db)
	postingsExact(t, db)
}
