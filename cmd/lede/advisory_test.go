package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The advisory fixtures: an AP story (fire-v1, its 1st Ld-Writethru
// fire-v2), an advisory under its slug (fire-photo), AP's kill advisory
// of it (fire-kill), and the real AP890102-0027, an advisory that names
// no story (Japan's markets closed).
const advisoryDir = "testdata/advisory/"

// advisoryStory is a story in stories --json with what advisories add.
type advisoryStory struct {
	ID       string `json:"id"`
	Status   string `json:"status"`
	Versions []struct {
		Ref    string `json:"ref"`
		ID     string `json:"id"`
		Status string `json:"status"`
	} `json:"versions"`
	Advisories []struct {
		Ref       string `json:"ref"`
		ID        string `json:"id"`
		Entry     string `json:"entry"`
		Headline  string `json:"headline"`
		FirstLine string `json:"first_line"`
		Kill      bool   `json:"kill"`
	} `json:"advisories"`
	About *struct {
		Story    string   `json:"story"`
		Headline string   `json:"headline"`
		Refs     []string `json:"refs"`
	} `json:"about"`
}

// advisoryStories lists the stories of db by the item id of their first
// version.
func advisoryStories(t *testing.T, db string) map[string]advisoryStory {
	t.Helper()
	var list []advisoryStory
	if err := json.Unmarshal([]byte(mustLede(t, db, "stories", "--json").stdout), &list); err != nil {
		t.Fatal(err)
	}
	out := map[string]advisoryStory{}
	for _, s := range list {
		out[s.Versions[0].ID] = s
	}
	return out
}

// TestAdvisoriesLinked ingests an advisory before the story it names,
// the story's two versions, its kill advisory and an advisory that names
// no story: each advisory is an entry of its own, the story keeps its
// two versions and lists both advisories under "advisories", the kill
// makes it killed, and each advisory's entry says what it is about.
func TestAdvisoriesLinked(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lede.db")
	var paths []string
	for _, f := range []string{"fire-photo.trec", "fire-v1.trec", "fire-v2.trec", "fire-kill.trec", "ap890102-0027.trec"} {
		paths = append(paths, advisoryDir+f)
	}
	r := mustLede(t, db, append([]string{"ingest", "--json"}, paths...)...)
	var lines []struct{ Source, Story, Status, About string }
	for _, l := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		var line struct{ Source, Story, Status, About string }
		if err := json.Unmarshal([]byte(l), &line); err != nil {
			t.Fatalf("ingest line %q: %v", l, err)
		}
		lines = append(lines, line)
	}
	if len(lines) != 5 || lines[2].Status != "update" || lines[3].Status != "new-story" || lines[3].About != lines[1].Story {
		t.Fatalf("ingest lines %+v: want the writethru an update and the kill an entry about %s", lines, lines[1].Story)
	}
	tally := mustLede(t, filepath.Join(t.TempDir(), "lede.db"), append([]string{"ingest"}, paths...)...).stdout
	if !strings.Contains(tally, "\n5 inputs: 1 new story, 1 update, 3 advisories, 0 duplicates, 0 errors in ") {
		t.Errorf("closing line does not count the three advisories apart from the story:\n%s", tally)
	}
	text := mustLede(t, filepath.Join(t.TempDir(), "lede.db"), "ingest", advisoryDir+"ap890102-0027.trec").stdout
	if !strings.Contains(text, "(Advisory)  (no headline) EDITORS: Banks") || !strings.Contains(text, "advisory about no story stored\n") {
		t.Errorf("ingest of the real advisory:\n%s", text)
	}
	all := advisoryStories(t, db)
	if len(all) != 4 {
		t.Fatalf("%d entries, want the story and three advisories: %+v", len(all), all)
	}
	story := all["AP890103-0001"]
	if len(story.Versions) != 2 || story.Versions[1].ID != "AP890103-0002" || story.Status != "killed" {
		t.Errorf("story: %d versions, status %s; want 2 versions, killed", len(story.Versions), story.Status)
	}
	if len(story.Advisories) != 2 || story.Advisories[0].ID != "AP890103-0003" || story.Advisories[0].Kill ||
		story.Advisories[1].ID != "AP890103-0011" || !story.Advisories[1].Kill ||
		!strings.HasPrefix(story.Advisories[1].FirstLine, "EDITORS: KILL AM-Fire Deaths, a0799.") {
		t.Errorf("story's advisories: %+v", story.Advisories)
	}
	kill := all["AP890103-0011"]
	if kill.About == nil || kill.About.Story != story.ID || kill.About.Headline != "Five Die in Apartment Fire" ||
		len(kill.About.Refs) != 1 || kill.About.Refs[0] != "a0799" || kill.Status != "usable" || kill.Versions[0].Status != "canceled" {
		t.Errorf("kill advisory's entry: %+v", kill)
	}
	if story.Advisories[1].Entry != kill.ID || story.Advisories[1].Ref != kill.Versions[0].Ref {
		t.Errorf("the story names the kill as %+v, its entry is %s %s", story.Advisories[1], kill.ID, kill.Versions[0].Ref)
	}
	japan := all["AP890102-0027"]
	if japan.About != nil || len(japan.Versions) != 1 || japan.Status != "usable" || len(japan.Advisories) != 0 {
		t.Errorf("the real advisory about no story: %+v", japan)
	}

	h := mustLede(t, db, "history", story.ID).stdout
	for _, want := range []string{
		"(2 versions, killed)",
		"advisories (items about this story, not versions of it):",
		kill.Versions[0].Ref + "  1989-01-03 01:40  AP AP890103-0011  kill  EDITORS: KILL AM-Fire Deaths",
	} {
		if !strings.Contains(h, want) {
			t.Errorf("history of the story lacks %q:\n%s", want, h)
		}
	}
	if h := mustLede(t, db, "history", kill.ID).stdout; !strings.Contains(h, "advisory about "+story.ID+"  Five Die in Apartment Fire\n") {
		t.Errorf("history of the kill's entry does not name its story:\n%s", h)
	}
	if h := mustLede(t, db, "stories").stdout; !strings.Contains(h, "[advisory about "+story.ID+"] EDITORS: KILL") ||
		!strings.Contains(h, "[killed] Five Die in Apartment Fire") || !strings.Contains(h, "[advisory] EDITORS: Banks") {
		t.Errorf("stories:\n%s", h)
	}

	raw, err := os.ReadFile(advisoryDir + "fire-kill.trec")
	if err != nil {
		t.Fatal(err)
	}
	s := mustLede(t, db, "show", kill.Versions[0].Ref)
	if !strings.Contains(string(raw), strings.TrimSpace(s.stdout)) || !strings.HasPrefix(s.stdout, "<DOC>") ||
		s.stderr != "lede: "+kill.Versions[0].Ref+" is an advisory about "+story.ID+" (Five Die in Apartment Fire), not a version of it\n" {
		t.Errorf("show of the kill: stdout %q, stderr %q", s.stdout, s.stderr)
	}
	var shown struct {
		About struct{ Story string } `json:"about"`
		ID    string                 `json:"id"`
	}
	if err := json.Unmarshal([]byte(mustLede(t, db, "show", "--json", kill.Versions[0].Ref).stdout), &shown); err != nil ||
		shown.About.Story != story.ID || shown.ID != "AP890103-0011" {
		t.Errorf("show --json of the kill: %+v, %v", shown, err)
	}
	if c := mustLede(t, db, "check"); !strings.Contains(c.stdout, "ok: 4 stories, 5 revisions") {
		t.Errorf("check: %s", c.stdout)
	}
}

// TestKillAdvisoryAlert: a watch that alerted on a story raises the kill
// alert of the story's kill advisory, which names the story it is about,
// though the rules (--on new-story) do not ask for kills.
func TestKillAdvisoryAlert(t *testing.T) {
	dir, db := t.TempDir(), filepath.Join(t.TempDir(), "lede.db")
	jsonl := filepath.Join(t.TempDir(), "alerts.jsonl")
	watch := func() {
		t.Helper()
		r := runIn(t, fakeProc{}, "--db", db, "watch", "--once", "--settle", "0", "--quiet", "--on", "new-story", "--jsonl", jsonl, dir)
		if r.code != 0 {
			t.Fatalf("watch: exit %d\n%s", r.code, r.stderr)
		}
	}
	copyFile(t, advisoryDir+"fire-v1.trec", filepath.Join(dir, "fire-v1.trec"))
	watch()
	copyFile(t, advisoryDir+"fire-kill.trec", filepath.Join(dir, "fire-kill.trec"))
	watch()
	data, err := os.ReadFile(jsonl)
	if err != nil {
		t.Fatal(err)
	}
	type alertLine struct {
		Kinds  []string `json:"kinds"`
		Story  string   `json:"story"`
		About  string   `json:"about"`
		ItemID string   `json:"item_id"`
	}
	var alerts []alertLine
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var a alertLine
		if err := json.Unmarshal([]byte(l), &a); err != nil {
			t.Fatal(err)
		}
		alerts = append(alerts, a)
	}
	if len(alerts) != 2 || alerts[0].Kinds[0] != "new-story" {
		t.Fatalf("alerts %+v, want the new story and its kill", alerts)
	}
	if k := alerts[1]; len(k.Kinds) != 1 || k.Kinds[0] != "kill" || k.About != alerts[0].Story || k.ItemID != "AP890103-0011" || k.Story == k.About {
		t.Errorf("kill alert %+v, want kind kill about %s", k, alerts[0].Story)
	}
}

// TestNinjsAdvisoryByRef: a ninjs advisory (editorialtypes Advisory) of
// a uri of its own that names the story's uri as evolvedfrom is linked
// to that story, and is not a version of it.
func TestNinjsAdvisoryByRef(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lede.db")
	mustLede(t, db, "ingest", advisoryDir+"quake-1.json", advisoryDir+"quake-advisory.json")
	all := advisoryStories(t, db)
	story, adv := all["urn:example:lede:20240305:quake-1"], all["urn:example:lede:20240305:quake-advisory-1"]
	if len(all) != 2 || len(story.Versions) != 1 || len(story.Advisories) != 1 || story.Advisories[0].ID != adv.Versions[0].ID {
		t.Fatalf("story %+v, entries %d; want one version and the advisory", story, len(all))
	}
	if adv.About == nil || adv.About.Story != story.ID || story.Advisories[0].Headline != "Editors: quake story to be updated" {
		t.Errorf("advisory %+v", adv)
	}
}
