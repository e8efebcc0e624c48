package store

import (
	"context"
	"path/filepath"
	"testing"

	"lede/revision"

	bolt "go.etcd.io/bbolt"
)

// The hand-made items of the advisory tests: an AP story of one key in
// two versions, and advisories about it.
const fireKey = "AM-FireDeaths@19890102"

var (
	fire1 = item{agency: "AP", key: fireKey, id: "AP890102-0101", headline: "Fire Kills Four in Apartment", date: jan2,
		paras: quake, transmitted: "1989-01-02T01:00:00-05:00"}
	fire2 = item{agency: "AP", key: fireKey, id: "AP890102-0102", version: 1, headline: "Fire Kills Five in Apartment",
		date: jan2, paras: quake, transmitted: "1989-01-02T02:00:00-05:00"}
	// fireAdvisory is an AP advisory under the story's slug: an item
	// about it, which names it by its slug within the cycle.
	fireAdvisory = item{agency: "AP", key: fireKey, id: "AP890102-0103", date: jan2,
		paras:   []string{"EDITORS: A photo of the fire will be sent. The AP"},
		signals: []string{revision.SignalAdvisory}, transmitted: "1989-01-02T02:30:00-05:00"}
	// fireKill is AP's kill advisory of the story, sent after its
	// versions.
	fireKill = item{agency: "AP", key: fireKey, id: "AP890102-0104", date: jan2, status: revision.StatusCanceled,
		paras:   []string{"EDITORS: KILL AM-Fire Deaths, a0799. It is erroneous. A sub will be sent."},
		signals: []string{revision.SignalAdvisory, revision.SignalKill}, transmitted: "1989-01-02T03:00:00-05:00"}
)

// checkClean fails the test when lede check finds a problem.
func checkClean(t *testing.T, db *DB) {
	t.Helper()
	rep, err := db.Check()
	if err != nil || len(rep.Problems) > 0 {
		t.Errorf("check: %v %q", err, rep.Problems)
	}
}

// TestAdvisoryIsNoVersion: an advisory under a story's key is an entry of
// its own, not a version: the story keeps its two versions, numbered as
// before, and lists the advisory (ref, item id, its entry, first line);
// the advisory's entry names the story it is about.
func TestAdvisoryIsNoVersion(t *testing.T) {
	db := openTemp(t)
	res := store1(t, db, fire1, fire2, fireAdvisory)
	adv := res[2]
	if adv.Status != StatusNewStory || !adv.Advisory || res[1].Advisory || adv.Story == res[0].Story || adv.About != res[0].Story {
		t.Fatalf("advisory: %+v, want an entry of its own about %s", adv, res[0].Story)
	}
	s, err := db.Story(res[0].Story)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Versions) != 2 || s.Versions[1].Ref != res[1].Ref || s.Latest().ID != "AP890102-0102" {
		t.Errorf("story versions %+v, want the two versions only", s.Versions)
	}
	if len(s.Advisories) != 1 {
		t.Fatalf("story advisories %+v, want one", s.Advisories)
	}
	a := s.Advisories[0]
	if a.Ref != adv.Ref || a.ID != "AP890102-0103" || a.Entry != adv.Story || a.FirstLine != fireAdvisory.paras[0] || a.Kill {
		t.Errorf("advisory listed as %+v", a)
	}
	if s.Status != StoryUsable {
		t.Errorf("story status %s after an advisory that kills nothing", s.Status)
	}
	if d := s.Detail(); len(d.Advisories) != 1 || d.Advisories[0].Ref != adv.Ref {
		t.Errorf("the detailed story (history --json) lists advisories %+v", d.Advisories)
	}
	own, err := db.Story(adv.Story)
	if err != nil {
		t.Fatal(err)
	}
	if !own.IsAdvisory() || s.IsAdvisory() || own.About == nil || own.About.Story != s.ID || own.About.Headline != s.Headline || len(own.Advisories) != 0 {
		t.Errorf("the advisory's own entry: about %+v, advisories %+v", own.About, own.Advisories)
	}
	if d := own.Detail(); d.About == nil || d.About.Story != s.ID {
		t.Errorf("the advisory's detailed entry is about %+v", d.About)
	}
	checkClean(t, db)
}

// TestKillAdvisoryKills: a kill advisory sent after a story's versions
// makes the story killed, without becoming its version; a version sent
// after the kill (the sub it promised) is the story's latest word again.
func TestKillAdvisoryKills(t *testing.T) {
	db := openTemp(t)
	res := store1(t, db, fire1, fire2, fireKill)
	s, err := db.Story(res[0].Story)
	if err != nil {
		t.Fatal(err)
	}
	if s.Status != StoryKilled || len(s.Versions) != 2 || len(s.Advisories) != 1 || !s.Advisories[0].Kill {
		t.Fatalf("after the kill: status %s, %d versions, advisories %+v; want killed, 2, the kill", s.Status, len(s.Versions), s.Advisories)
	}
	if entry, _ := db.Story(res[2].Story); entry.Status != StoryUsable || entry.Latest().Status != revision.StatusCanceled {
		t.Errorf("the kill's own entry: status %s, item %s; want usable, canceled", entry.Status, entry.Latest().Status)
	}
	killed, err := db.Stories(ListOptions{Status: StoryKilled})
	if err != nil {
		t.Fatal(err)
	}
	if len(killed) != 1 || killed[0].ID != s.ID {
		t.Errorf("stories --status killed: %d stories, want %s only", len(killed), s.ID)
	}
	sub := fire2
	sub.id, sub.version, sub.transmitted = "AP890102-0105", 2, "1989-01-02T04:00:00-05:00"
	sub.paras = append(append([]string{}, quake...), "Officials corrected the toll.")
	store1(t, db, sub)
	if s, _ = db.Story(res[0].Story); s.Status != StoryUsable || len(s.Versions) != 3 {
		t.Errorf("after the sub: status %s with %d versions, want usable with 3", s.Status, len(s.Versions))
	}
	checkClean(t, db)
}

// TestAdvisoryBeforeItsStory: an advisory stored before any version of
// the story it names waits, and is linked when the story arrives.
func TestAdvisoryBeforeItsStory(t *testing.T) {
	db := openTemp(t)
	adv := store1(t, db, fireKill)[0]
	if adv.Status != StatusNewStory || adv.About != "" {
		t.Fatalf("advisory alone: %+v, want an entry about nothing stored", adv)
	}
	story := store1(t, db, fire1)[0]
	if story.Status != StatusNewStory || story.Story == adv.Story {
		t.Fatalf("story: %+v, want a story of its own, not the advisory's entry", story)
	}
	s, err := db.Story(story.Story)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Advisories) != 1 || s.Advisories[0].Ref != adv.Ref || s.Status != StoryKilled {
		t.Errorf("story: advisories %+v, status %s; want the kill, killed", s.Advisories, s.Status)
	}
	if own, _ := db.Story(adv.Story); own.About == nil || own.About.Story != story.Story {
		t.Errorf("advisory entry about %+v, want %s", own.About, story.Story)
	}
	checkClean(t, db)
}

// TestAdvisoryByRef: an advisory of another key that names the story's
// key among its refs (a NewsML-G2 link, a ninjs evolvedfrom) is linked to
// it.
func TestAdvisoryByRef(t *testing.T) {
	db := openTemp(t)
	story := item{agency: "Reuters", key: "tag:reuters.com,2024:newsml_L1N1", id: "tag:reuters.com,2024:newsml_L1N1:3",
		headline: "Dam breaks in the north", date: jan2, paras: ferry}
	adv := item{agency: "Reuters", key: "tag:reuters.com,2024:newsml_ADV9", id: "tag:reuters.com,2024:newsml_ADV9:1",
		headline: "ADVISORY-Dam story", date: jan2, paras: []string{"Editors: the dam story will be updated."},
		signals: []string{revision.SignalAdvisory}}
	in := adv.input()
	in.Rev.Refs = []string{story.key}
	r0 := store1(t, db, story)[0]
	res, err := db.Ingest(context.Background(), []Input{in})
	if err != nil {
		t.Fatal(err)
	}
	if res[0].About != r0.Story {
		t.Errorf("advisory about %q, want %s by its ref", res[0].About, r0.Story)
	}
	checkClean(t, db)
}

// TestAdvisoryNamesNone: an advisory that names no stored story (AP's
// "Japan markets closed") is an entry about nothing, and nothing groups
// into it: the same advisory of the next day is another entry, and a
// story with the text of either starts a story of its own.
func TestAdvisoryNamesNone(t *testing.T) {
	db := openTemp(t)
	closed := []string{"EDITORS: Banks, government offices, markets and many businesses are closed in Japan Monday for the new year holiday."}
	a1 := item{agency: "AP", key: "BC-JapanMarkets@19890102", id: "AP890102-0027", date: jan2, paras: closed,
		signals: []string{revision.SignalAdvisory}}
	a2 := a1
	a2.id, a2.key, a2.date = "AP890103-0010", "BC-JapanMarkets@19890103", revision.Date{Year: 1989, Month: 1, Day: 3}
	story := item{agency: "Kyodo", id: "k-1", headline: "Japan closed for new year", date: jan2, paras: closed}
	res := store1(t, db, a1, a2, story)
	if res[0].About != "" || res[1].About != "" || res[0].Story == res[1].Story {
		t.Errorf("advisories %+v and %+v: want two entries about nothing", res[0], res[1])
	}
	if res[2].Status != StatusNewStory || res[2].Story == res[0].Story || res[2].Story == res[1].Story {
		t.Errorf("story %+v joined an advisory's entry", res[2])
	}
	checkClean(t, db)
}

// TestRemoveAdvisory: lede rm of an advisory takes it off the story it
// was about, and check stays clean; removing the story leaves the
// advisory's entry about nothing.
func TestRemoveAdvisory(t *testing.T) {
	db := openTemp(t)
	res := store1(t, db, fire1, fireAdvisory, fireKill)
	if _, err := db.RemoveArrival(res[1].Arrival, RemoveOptions{}); err != nil {
		t.Fatal(err)
	}
	s, err := db.Story(res[0].Story)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Advisories) != 1 || s.Advisories[0].Ref != res[2].Ref {
		t.Errorf("after rm of the advisory: %+v, want the kill only", s.Advisories)
	}
	checkClean(t, db)
	if _, err := db.Remove(res[0].Story, 0, RemoveOptions{}); err != nil {
		t.Fatal(err)
	}
	if own, err := db.Story(res[2].Story); err != nil || own.About != nil {
		t.Errorf("kill advisory after its story was removed: about %+v, %v", own.About, err)
	}
	checkClean(t, db)
}

// TestAdvisoryEvent: the outbox event of an advisory names the story it
// is about, with that story's number and whether it was alerted on, so
// that a kill advisory of a story alerted on raises its kill alert.
func TestAdvisoryEvent(t *testing.T) {
	db := openTemp(t)
	if _, err := db.EnableAlerts(); err != nil {
		t.Fatal(err)
	}
	res := store1(t, db, fire1, fireKill)
	evs, err := db.Events(10)
	if err != nil || len(evs) != 2 {
		t.Fatalf("events %+v, %v", evs, err)
	}
	if evs[1].About != res[0].Story || evs[1].StoryUID != evs[0].StoryUID || evs[1].Story != res[1].Story || evs[1].Alerted {
		t.Errorf("kill event: about %q, story uid %d (story's %d), story %q, alerted %v",
			evs[1].About, evs[1].StoryUID, evs[0].StoryUID, evs[1].Story, evs[1].Alerted)
	}
	if err := db.AddAlerts([]uint64{evs[0].Arrival}, []NewAlert{{Arrival: evs[0].Arrival, ID: "a1", Story: res[0].Story}}, nil); err != nil {
		t.Fatal(err)
	}
	if evs, err = db.Events(10); err != nil || len(evs) != 1 || !evs[0].Alerted {
		t.Errorf("after the story's alert, the kill event: %+v, %v; want alerted", evs, err)
	}
}

// TestMigrateAdvisories opens, as this lede, a file in which an older
// lede filed a kill advisory as a version of the story it names and an
// advisory that names no story as a story of its own: the kill becomes
// an entry of its own linked to the story, which keeps its two versions
// and is killed; the other advisory stays an entry, filed under no
// index term; check is clean.
func TestMigrateAdvisories(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lede.db")
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	fileAdvisoriesApart = false
	closed := item{agency: "AP", key: "BC-JapanMarkets@19890102", id: "AP890102-0027", date: jan2,
		paras: []string{"EDITORS: Banks are closed in Japan Monday."}, signals: []string{revision.SignalAdvisory}}
	res := store1(t, db, fire1, fire2, fireKill, closed)
	fileAdvisoriesApart = true
	if res[2].Story != res[0].Story {
		t.Fatalf("the older lede's kill: %+v, want a version of %s", res[2], res[0].Story)
	}
	err = db.bolt.Update(func(btx *bolt.Tx) error { return btx.Bucket(bucketMeta).Delete(metaAdvisories) })
	if err != nil || db.Close() != nil {
		t.Fatal(err)
	}
	if db, err = Open(path, Options{}); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s, err := db.Story(res[0].Story)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Versions) != 2 || s.Status != StoryKilled || len(s.Advisories) != 1 || s.Advisories[0].Ref != res[2].Ref {
		t.Fatalf("story after the migration: %d versions, status %s, advisories %+v", len(s.Versions), s.Status, s.Advisories)
	}
	entry, err := db.Story(s.Advisories[0].Entry)
	if err != nil || !entry.IsAdvisory() || entry.About == nil || entry.About.Story != s.ID || entry.Latest().Ref != res[2].Ref {
		t.Errorf("the kill's entry: %+v, %v", entry, err)
	}
	if lone, err := db.Story(res[3].Story); err != nil || !lone.IsAdvisory() || lone.About != nil {
		t.Errorf("the advisory about no story: %+v, %v", lone, err)
	}
	checkClean(t, db)
	// Nothing groups into the entries now: the story's next version joins the story.
	sub := fire2
	sub.id, sub.version, sub.transmitted = "AP890102-0105", 2, "1989-01-02T04:00:00-05:00"
	if r := store1(t, db, sub)[0]; r.Story != s.ID || r.Status != StatusUpdate {
		t.Errorf("the next version: %+v, want an update of %s", r, s.ID)
	}
	checkClean(t, db)
}
