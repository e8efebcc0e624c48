package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lede/store/storetest"
)

// damagedDB ingests a story of two versions and one other story, then
// gives the second version the impossible date an older lede stored for
// a page dated 2022-02-30. It returns the database and that page's path.
func damagedDB(t *testing.T) (db, bad string) {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for _, id := range []string{"AEN20200202000651320", "AEN20200202000652320", "AEN20190602000700325"} {
		data, err := os.ReadFile(filepath.Join(pagesDir, id+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, id+".txt")
		writeFile(t, p, string(data))
		paths = append(paths, p)
	}
	db = filepath.Join(t.TempDir(), "lede.db")
	if r := runBinary(t, "", nil, append([]string{"--db", db, "ingest"}, paths...)...); r.code != 0 {
		t.Fatalf("ingest: exit %d: %s", r.code, r.stderr)
	}
	if err := storetest.BreakDate(db, paths[1], "2022-02-30"); err != nil {
		t.Fatal(err)
	}
	return db, paths[1]
}

// storiesAndStderr is stories --json with what it says on stderr.
func storiesAndStderr(t *testing.T, db string) ([]jsonStory, result) {
	t.Helper()
	r := runBinary(t, "", nil, "--db", db, "stories", "--json")
	var list []jsonStory
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil || r.code != 0 {
		t.Fatalf("stories --json: exit %d, %v; stderr %s", r.code, err, r.stderr)
	}
	return list, r
}

// TestImpossibleDateEndToEnd: lede stories lists a database holding a
// record with an impossible date, and names the record on stderr; lede
// check reports it, and check --fix repairs it from the stored page, so
// that stories then lists it with its page's date and no warning.
func TestImpossibleDateEndToEnd(t *testing.T) {
	db, bad := damagedDB(t)
	list, r := storiesAndStderr(t, db)
	if len(list) != 2 {
		t.Fatalf("%d stories, want 2", len(list))
	}
	var covid jsonStory
	for _, s := range list {
		if len(s.Versions) == 2 {
			covid = s
		}
	}
	if covid.ID == "" || covid.Versions[1].Source != bad || covid.Versions[1].Date != "" || covid.Versions[1].Label != "LEAD" {
		t.Fatalf("the story with the damaged version: %+v", covid)
	}
	if !strings.Contains(r.stderr, "lede: warning: story "+covid.ID+", revision 2 ("+bad+`): stored date "2022-02-30" is not a real date`) ||
		!strings.Contains(r.stderr, "hint: ") {
		t.Errorf("stories stderr:\n%s", r.stderr)
	}
	if r := runBinary(t, "", nil, "--db", db, "stories"); r.code != 0 || !strings.Contains(r.stdout, covid.ID) {
		t.Errorf("stories: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	r = runBinary(t, "", nil, "--db", db, "check")
	if r.code != 1 || !strings.Contains(r.stdout, "problem: story "+covid.ID) || !strings.Contains(r.stdout, "2022-02-30") {
		t.Fatalf("check: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = runBinary(t, "", nil, "--db", db, "check", "--fix")
	if r.code != 0 || !strings.Contains(r.stdout, "fixed: read the date of 1 revision again") || !strings.Contains(r.stdout, "ok: 2 stories, 3 revisions") {
		t.Fatalf("check --fix: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	checkJSON(t, db)
	list, r = storiesAndStderr(t, db)
	if r.stderr != "" {
		t.Errorf("stories after the fix warns:\n%s", r.stderr)
	}
	for _, s := range list {
		if s.ID == covid.ID && (s.Versions[1].Date != "2020-02-02" || s.Updated != "2020-02-02") {
			t.Errorf("after the fix: %+v", s)
		}
	}
	if r := runBinary(t, "", nil, "--db", db, "history", covid.ID); r.code != 0 || r.stderr != "" {
		t.Errorf("history after the fix: exit %d: %s", r.code, r.stderr)
	}
}

// TestParseImpossibleDate: lede parse reads an impossible date as
// unknown, takes the dateline's instead and says why in "warnings".
func TestParseImpossibleDate(t *testing.T) {
	page := filepath.Join(t.TempDir(), "p.txt")
	writeFile(t, page, " date 2022-02-30 (LEAD) N. Korea fires missile\n(ATTN: ADDS details)\nSEOUL, Feb. 28 (Yonhap) -- North Korea fired a missile.\nIt was the eighth.\n(END)\n")
	r := runBinary(t, "", nil, "parse", "--json", page)
	var revs []struct {
		Date     string   `json:"date"`
		Warnings []string `json:"warnings"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &revs); err != nil || r.code != 0 || len(revs) != 1 {
		t.Fatalf("parse: exit %d, %v: %s", r.code, err, r.stderr)
	}
	if revs[0].Date != "--02-28" || len(revs[0].Warnings) != 1 || !strings.Contains(revs[0].Warnings[0], "2022-02-30 is not a real date") {
		t.Errorf("parse: %+v", revs[0])
	}
	r = runBinary(t, "", nil, "parse", page)
	if !strings.Contains(r.stdout, "warning") || !strings.Contains(r.stdout, "2022-02-30 is not a real date") {
		t.Errorf("parse text output lacks the warning:\n%s", r.stdout)
	}
}
