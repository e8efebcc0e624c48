package main

import (
	"bufio"
	"encoding/json"
	"lede/revision/revisiontest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// apDays are the two days of AP copy in the shared corpus, TREC day
// files of 225 <DOC>s between them.
var apDays = []string{"../../../shared/corpus/ap89/raw/ap890101", "../../../shared/corpus/ap89/raw/ap890102"}

// apItems is how many <DOC>s the two AP days hold.
const apItems = 225

// ingestLines runs lede ingest --json and decodes its lines.
func ingestLines(t *testing.T, db string, args ...string) ([]ingestLine, result) {
	t.Helper()
	r := runBinary(t, "", nil, append([]string{"--db", db, "ingest", "--json"}, args...)...)
	var lines []ingestLine
	sc := bufio.NewScanner(strings.NewReader(r.stdout))
	for sc.Scan() {
		var l ingestLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("ingest line %q: %v", sc.Text(), err)
		}
		lines = append(lines, l)
	}
	return lines, r
}

// storedVersions runs lede stories --json and returns the versions
// stored, by source.
func storedVersions(t *testing.T, db string) map[string]string {
	t.Helper()
	r := runBinary(t, "", nil, "--db", db, "stories", "--json")
	var stories []struct {
		ID       string `json:"id"`
		Versions []struct {
			Source string `json:"source"`
			ID     string `json:"id"`
		} `json:"versions"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &stories); err != nil || r.code != 0 {
		t.Fatalf("stories --json: exit %d, %v\n%s", r.code, err, r.stderr)
	}
	out := map[string]string{}
	for _, s := range stories {
		for _, v := range s.Versions {
			if _, dup := out[v.Source]; dup {
				t.Errorf("%s stored twice", v.Source)
			}
			out[v.Source] = v.ID
		}
	}
	return out
}

// TestIngestAPDays ingests the two AP day files: every <DOC> is a line
// of its own named by its DOCNO, stored as a version (or a part joined
// to one) whose own bytes
// show prints and parses alone, and ingesting the days again is a
// duplicate per item.
func TestIngestAPDays(t *testing.T) {
	revisiontest.NeedShared(t)
	db := filepath.Join(t.TempDir(), "lede.db")
	lines, r := ingestLines(t, db, apDays...)
	if r.code != 0 || len(lines) != apItems {
		t.Fatalf("exit %d, %d lines, want 0 and %d\n%s", r.code, len(lines), apItems, r.stderr)
	}
	// The tally counts the advisory and the part apart from stories
	// and updates.
	if !strings.Contains(r.stderr, "2 inputs, 225 items: 221 new stories, 2 updates, 1 advisory, 1 part joined, 0 duplicates, 0 errors in ") {
		t.Errorf("closing line %q does not count inputs and items, advisories and parts", r.stderr)
	}
	seen := map[string]bool{}
	joined := 0 // parts of a version sent in parts, joined to it
	for _, l := range lines {
		if l.Part == "joined" {
			joined++
		}
		file, id, ok := strings.Cut(l.Source, "#")
		if !ok || (file != apDays[0] && file != apDays[1]) || !strings.HasPrefix(id, "AP8901") {
			t.Errorf("line source %q, want DAY#DOCNO", l.Source)
		}
		if l.Status != "new-story" && l.Status != "update" {
			t.Errorf("%s: %s %s", l.Source, l.Status, l.Error)
		}
		seen[l.Source] = true
	}
	if len(seen) != apItems {
		t.Errorf("%d distinct sources, want %d", len(seen), apItems)
	}
	stored := storedVersions(t, db)
	if joined != 1 || len(stored) != apItems-joined {
		// The one version in parts: PM-Reagan in History, 2 Takes and its 1st Add.
		t.Errorf("stories --json holds %d versions with %d parts joined, want %d and 1", len(stored), joined, apItems-1)
	}
	for src, id := range stored {
		if !seen[src] || !strings.HasSuffix(src, "#"+id) {
			t.Errorf("stored version %s (id %q) is not an item ingested", src, id)
		}
	}
	again, r := ingestLines(t, db, apDays...)
	dups := 0
	for _, l := range again {
		if l.Status == "duplicate" {
			dups++
		}
	}
	if r.code != 0 || dups != apItems || len(again) != apItems {
		t.Errorf("again: exit %d, %d duplicates of %d lines, want %d", r.code, dups, len(again), apItems)
	}
	checkShowAPItem(t, db, lines[60])
}

// checkShowAPItem checks that lede show prints one AP item's own bytes,
// a single <DOC>, and parses it again alone.
func checkShowAPItem(t *testing.T, db string, l ingestLine) {
	t.Helper()
	at := l.Story + "@" + strconv.Itoa(l.Rev)
	r := runBinary(t, "", nil, "--db", db, "show", at)
	if r.code != 0 || strings.Count(r.stdout, "<DOC>") != 1 || !strings.HasPrefix(r.stdout, "<DOC>") {
		t.Fatalf("show %s: exit %d, %d <DOC>s, want the item alone:\n%.300s", at, r.code, strings.Count(r.stdout, "<DOC>"), r.stdout)
	}
	_, docno, _ := strings.Cut(l.Source, "#")
	if !strings.Contains(r.stdout, "<DOCNO> "+docno+" </DOCNO>") {
		t.Errorf("show %s prints another item than %s:\n%.200s", at, docno, r.stdout)
	}
	r = runBinary(t, "", nil, "--db", db, "show", "--json", at)
	var rev struct {
		ID       string `json:"id"`
		Agency   string `json:"agency"`
		Headline string `json:"headline"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rev); err != nil || r.code != 0 {
		t.Fatalf("show --json %s: exit %d, %v\n%s", at, r.code, err, r.stderr)
	}
	if rev.ID != docno || rev.Agency != "AP" || rev.Headline != l.Headline {
		t.Errorf("show --json %s: id %q agency %q headline %q, want %q AP %q", at, rev.ID, rev.Agency, rev.Headline, docno, l.Headline)
	}
}

// TestIngestJSONLinesBadLine ingests a JSON lines file whose second
// line is not JSON: that line is an error naming it, its neighbours are
// stored, and the exit status says something failed.
func TestIngestJSONLinesBadLine(t *testing.T) {
	dir := t.TempDir()
	feed := filepath.Join(dir, "feed.jsonl")
	writeFile(t, feed, `{"id": "w-1", "version": 1, "headline": "Quake hits coast", "body": "A quake struck.\n\nNo damage."}
{"id": "w-1", "version": 2, "headline": "Quake toll
{"id": "w-2", "version": 1, "headline": "Floods close roads", "body": "Floods closed roads."}
`)
	db := filepath.Join(dir, "lede.db")
	lines, r := ingestLines(t, db, feed)
	if r.code != 1 || len(lines) != 3 {
		t.Fatalf("exit %d, %d lines, want 1 and 3:\n%s%s", r.code, len(lines), r.stdout, r.stderr)
	}
	want := []struct{ source, status string }{{feed + "#1", "new-story"}, {feed + "#2", "error"}, {feed + "#3", "new-story"}}
	for i, w := range want {
		if lines[i].Source != w.source || string(lines[i].Status) != w.status {
			t.Errorf("line %d: %s %s, want %s %s", i+1, lines[i].Source, lines[i].Status, w.source, w.status)
		}
	}
	if !strings.Contains(lines[1].Error, "line 2") {
		t.Errorf("error %q does not name its line", lines[1].Error)
	}
	stored := storedVersions(t, db)
	if len(stored) != 2 || stored[feed+"#1"] != "w-1" || stored[feed+"#3"] != "w-2" {
		t.Errorf("stored %v, want #1 (w-1) and #3 (w-2)", stored)
	}
}

// TestIngestNewsMessage ingests NewsML-G2 newsMessages of three items:
// whole, each item is a version; with its second item malformed, that
// item is an error line and the other two are stored.
func TestIngestNewsMessage(t *testing.T) {
	data, err := os.ReadFile("../../revision/newsml/testdata/message_one_bad.xml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	bad, good := filepath.Join(dir, "bad.xml"), filepath.Join(dir, "good.xml")
	writeFile(t, bad, string(data))
	writeFile(t, good, strings.Replace(string(data), "</headlin>", "</headline>", 1))

	lines, r := ingestLines(t, filepath.Join(dir, "good.db"), good)
	if r.code != 0 || len(lines) != 3 {
		t.Fatalf("whole message: exit %d, %d lines, want 0 and 3:\n%s%s", r.code, len(lines), r.stdout, r.stderr)
	}
	for i, l := range lines {
		if l.Source != good+"#"+strconv.Itoa(i+1) || l.Status == "error" || l.Status == "duplicate" {
			t.Errorf("whole message, item %d: %s %s %s", i+1, l.Source, l.Status, l.Error)
		}
	}
	if got := storedVersions(t, filepath.Join(dir, "good.db")); len(got) != 3 {
		t.Errorf("whole message: %d versions stored, want 3", len(got))
	}

	db := filepath.Join(dir, "bad.db")
	lines, r = ingestLines(t, db, bad)
	if r.code != 1 || len(lines) != 3 {
		t.Fatalf("one bad item: exit %d, %d lines, want 1 and 3:\n%s%s", r.code, len(lines), r.stdout, r.stderr)
	}
	if lines[1].Status != "error" || !strings.Contains(lines[1].Error, "FIX00002") {
		t.Errorf("item 2: %s %q, want an error naming its guid", lines[1].Status, lines[1].Error)
	}
	stored := storedVersions(t, db)
	if len(stored) != 2 || stored[bad+"#1"] == "" || stored[bad+"#3"] == "" {
		t.Errorf("one bad item: stored %v, want items 1 and 3", stored)
	}
}

// TestWatchDayFile watches a folder holding an AP day file: watch takes
// every item of it as ingest does, and a second pass over the folder
// stores nothing again.
func TestWatchDayFile(t *testing.T) {
	revisiontest.NeedShared(t)
	dir, db := t.TempDir(), filepath.Join(t.TempDir(), "lede.db")
	data, err := os.ReadFile(apDays[0])
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "ap890101"), string(data))
	want := strings.Count(string(data), "<DOC>")
	r := runBinary(t, "", nil, "--db", db, "watch", "--once", "--settle", "0", "--quiet", dir)
	if r.code != 0 {
		t.Fatalf("watch: exit %d\n%s", r.code, r.stderr)
	}
	stored := storedVersions(t, db)
	if len(stored) != want || want < 50 {
		t.Errorf("watch stored %d versions of a day file of %d items", len(stored), want)
	}
	lines, _ := ingestLines(t, db, filepath.Join(dir, "ap890101"))
	for _, l := range lines {
		if l.Status != "duplicate" {
			t.Errorf("after watch, ingest of %s: %s", l.Source, l.Status)
		}
	}
}
