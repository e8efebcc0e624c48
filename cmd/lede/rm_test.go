package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"lede/revision"
	"lede/revision/yonhap"
	"lede/store"
)

// The exit-poll story of the corpus: first version, LEAD, 2nd LD.
const (
	pollStory = "220309-exit-polls-project-lee"
	pollLead  = pagesDir + "/AEN20220309004751315.txt"
	poll1st   = pagesDir + "/AEN20220309004700315.txt"
	poll2nd   = pagesDir + "/AEN20220309004752315.txt"
)

// rmJSON is lede rm --json.
type rmJSON struct {
	Story   string `json:"story"`
	Removed []struct {
		Rev      int    `json:"rev"`
		Ref      string `json:"ref"`
		Source   string `json:"source"`
		Label    string `json:"label"`
		Headline string `json:"headline"`
		Removed  string `json:"removed"`
	} `json:"removed"`
	Left   int  `json:"versions_left"`
	Whole  bool `json:"story_removed"`
	DryRun bool `json:"dry_run"`
	Next   *struct {
		Rev     int    `json:"rev"`
		Summary string `json:"summary"`
	} `json:"next"`
}

// historySummaries is the summaries of a story's versions, from the
// built binary's history --json.
func historySummaries(t *testing.T, db, story string) []*revision.UpdateSummary {
	t.Helper()
	r := runBinary(t, "", nil, "--db", db, "history", "--json", story)
	var d struct {
		Versions []struct {
			Summary *revision.UpdateSummary `json:"summary"`
		} `json:"versions"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &d); err != nil || r.code != 0 {
		t.Fatalf("history --json %s: exit %d, %v\n%s", story, r.code, err, r.stderr)
	}
	var out []*revision.UpdateSummary
	for _, v := range d.Versions {
		out = append(out, v.Summary)
	}
	return out
}

func mustBinary(t *testing.T, args ...string) result {
	t.Helper()
	r := runBinary(t, "", nil, args...)
	if r.code != 0 {
		t.Fatalf("lede %s: exit %d\n%s", strings.Join(args, " "), r.code, r.stderr)
	}
	return r
}

// TestRmVersion runs the built binary: a dry run changes nothing; lede
// rm STORY@2 takes the LEAD out of the exit-poll story, the 2nd LD is
// then summarised against the first version exactly as in a database
// that never had the LEAD, history says what was removed, check passes,
// and the same page ingested again is an update at @2.
func TestRmVersion(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "lede.db")
	mustBinary(t, "--db", db, "ingest", pagesDir)

	r := mustBinary(t, "--db", db, "rm", "--dry-run", pollStory+"@2")
	if !strings.HasPrefix(r.stdout, "would remove  "+pollStory+"@2  r") || !strings.Contains(r.stdout, "(LEAD)") {
		t.Errorf("dry run printed:\n%s", r.stdout)
	}
	if got := historySummaries(t, db, pollStory); len(got) != 3 {
		t.Fatalf("a dry run removed something: %d versions", len(got))
	}

	var rm rmJSON
	r = mustBinary(t, "--db", db, "rm", pollStory+"@2", "--json")
	if err := json.Unmarshal([]byte(r.stdout), &rm); err != nil {
		t.Fatalf("rm --json: %v\n%s", err, r.stdout)
	}
	if rm.Story != pollStory || len(rm.Removed) != 1 || rm.Removed[0].Rev != 2 || rm.Removed[0].Label != "LEAD" ||
		rm.Removed[0].Source != pollLead || !strings.HasPrefix(rm.Removed[0].Ref, "r") || rm.Left != 2 || rm.Whole ||
		rm.Next == nil || rm.Next.Rev != 2 || rm.Next.Summary == "" {
		t.Fatalf("rm --json: %+v", rm)
	}

	fresh := filepath.Join(dir, "fresh.db")
	mustBinary(t, "--db", fresh, "ingest", poll1st, poll2nd)
	got, want := historySummaries(t, db, pollStory), historySummaries(t, fresh, pollStory)
	if len(got) != 2 || got[1] == nil || !reflect.DeepEqual(got, want) {
		t.Errorf("summaries after rm %+v, want those of a database without the LEAD %+v", got, want)
	}
	if rm.Next.Summary != summaryText(*want[1]) {
		t.Errorf("rm says @2 now changed %q, want %q", rm.Next.Summary, summaryText(*want[1]))
	}

	r = mustBinary(t, "--db", db, "history", pollStory)
	wantLine := "removed @2 " + rm.Removed[0].Ref + " on "
	if !strings.Contains(r.stdout, wantLine) || !strings.Contains(r.stdout, "("+pollLead+")") || !strings.Contains(r.stdout, "(2 versions)") {
		t.Errorf("history lacks %q and the source:\n%s", wantLine, r.stdout)
	}
	if r := mustBinary(t, "--db", db, "check"); !strings.HasPrefix(r.stdout, "ok: 80 stories, 103 revisions") {
		t.Errorf("check after rm: %s", r.stdout)
	}
	r = mustBinary(t, "--db", db, "ingest", pollLead)
	// Stored again after the 2nd LD, the LEAD comes late: a new ref.
	if !strings.HasPrefix(r.stdout, "update     "+pollStory+"@2 r105  (LEAD)") || !strings.Contains(r.stdout, "late: arrived after @3") {
		t.Errorf("re-ingest of the removed page:\n%s", r.stdout)
	}
	mustBinary(t, "--db", db, "check")
}

// TestRmStory reproduces the defect's database: an older lede stored
// parsed.golden.json as a story. lede rm refuses a prefix for a whole
// story, removes it by its id, and then history says it was removed,
// show fails saying so, the listing and check are as before it came.
func TestRmStory(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lede.db")
	golden := "../../testdata/yonhap/parsed.golden.json"
	junk := storeAsOlderLede(t, db, golden)
	mustBinary(t, "--db", db, "ingest", firstPage, leadPage)

	r := runBinary(t, "", nil, "--db", db, "rm", junk[:3])
	if r.code != 1 || !strings.Contains(r.stderr, "a whole story is removed only by its full id") ||
		!strings.Contains(r.stderr, "hint: lede rm "+junk) {
		t.Errorf("rm by prefix: exit %d\n%s", r.code, r.stderr)
	}
	r = mustBinary(t, "--db", db, "rm", junk)
	if !strings.Contains(r.stdout, "removed  "+junk+"@1  r1  ") || !strings.Contains(r.stdout, "("+golden+")") ||
		!strings.Contains(r.stdout, junk+" has no versions left: story removed") {
		t.Errorf("rm printed:\n%s", r.stdout)
	}
	r = mustBinary(t, "--db", db, "history", junk)
	if !strings.Contains(r.stdout, junk+"  (removed: no versions left)") || !strings.Contains(r.stdout, "removed @1 r1 on ") {
		t.Errorf("history of the removed story:\n%s", r.stdout)
	}
	r = runBinary(t, "", nil, "--db", db, "show", junk)
	if r.code != 1 || !strings.Contains(r.stderr, "lede: error: story "+junk+" was removed on ") ||
		!strings.Contains(r.stderr, "hint: 'lede history "+junk+"' says what was removed") {
		t.Errorf("show of the removed story: exit %d\n%s", r.code, r.stderr)
	}
	list := storiesJSONBinary(t, db)
	if len(list) != 1 || len(list[0].Versions) != 2 || list[0].Versions[0].Source != firstPage {
		t.Errorf("stories after rm: %+v", list)
	}
	if r := mustBinary(t, "--db", db, "check"); !strings.HasPrefix(r.stdout, "ok: 1 story, 2 revisions") {
		t.Errorf("check after rm: %s", r.stdout)
	}
}

func storiesJSONBinary(t *testing.T, db string) []jsonStory {
	t.Helper()
	var list []jsonStory
	if err := json.Unmarshal([]byte(mustBinary(t, "--db", db, "stories", "--json").stdout), &list); err != nil {
		t.Fatal(err)
	}
	return list
}

// storeAsOlderLede stores the file at path the way lede did before it
// recognised pages by their structure (the Yonhap parser took anything)
// and returns its story's id.
func storeAsOlderLede(t *testing.T, db, path string) string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text, err := revision.Clean(raw, 0)
	if err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err := s.Ingest(context.Background(), []store.Input{{Source: path, Raw: raw, Rev: yonhap.Parse(path, text)}})
	if err != nil || res[0].Status != store.StatusNewStory {
		t.Fatalf("storing %s: %+v, %v", path, res, err)
	}
	return res[0].Story
}

// TestRmHelpExamples runs every example of lede rm --help, in order, on
// a database of the bundled corpus: each must work as printed.
func TestRmHelpExamples(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lede.db")
	mustBinary(t, "--db", db, "ingest", pagesDir)
	help := mustBinary(t, "rm", "--help").stdout
	_, examples, ok := strings.Cut(help, "Examples:\n")
	if !ok {
		t.Fatalf("no examples in:\n%s", help)
	}
	n := 0
	for _, line := range strings.Split(examples, "\n") {
		args, ok := strings.CutPrefix(strings.TrimSpace(line), "lede ")
		if !ok {
			if strings.TrimSpace(line) == "" {
				break
			}
			continue
		}
		mustBinary(t, append([]string{"--db", db}, strings.Fields(args)...)...)
		n++
	}
	if n < 3 {
		t.Errorf("ran %d examples", n)
	}
	mustBinary(t, "--db", db, "check")
}

// TestRemovedRefBinary asks the built binary for the ref of a version lede
// rm removed (show, show STORY@REF, diff, rm again): each fails saying it
// was removed, when, from which story, what it was and its source, where
// it said "no version". So does the ref of a version whose whole story
// was removed after.
func TestRemovedRefBinary(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "lede.db")
	mustBinary(t, "--db", db, "ingest", poll1st, pollLead, poll2nd)
	vs := storiesJSONBinary(t, db)[0].Versions
	first, lead := vs[0].Ref, vs[1].Ref
	day := func() string { return time.Now().UTC().Format("2006-01-02") }
	before := day()
	mustBinary(t, "--db", db, "rm", lead)
	today := day()
	if today != before {
		t.Skip("the day changed during the removal")
	}
	ask := func(ref string, rev int, what string, args ...string) {
		t.Helper()
		r := runBinary(t, "", nil, append([]string{"--db", db}, args...)...)
		want := "lede: error: " + ref + " was removed from story " + pollStory + " on " + today
		hint := "hint: 'lede history " + pollStory + "' lists what was removed\n"
		if r.code != 1 || !strings.HasPrefix(r.stderr, want) || !strings.Contains(r.stderr, fmt.Sprintf("; it was @%d  %s", rev, what)) ||
			!strings.Contains(r.stderr, "("+map[int]string{1: poll1st, 2: pollLead}[rev]+")\n") || !strings.HasSuffix(r.stderr, hint) {
			t.Errorf("lede %s: exit %d, stderr:\n%s\nwant %q... @%d %s and the hint", strings.Join(args, " "), r.code, r.stderr, want, rev, what)
		}
	}
	for _, args := range [][]string{{"show", lead}, {"show", pollStory + "@" + lead}, {"diff", lead}, {"rm", lead}} {
		ask(lead, 2, "(LEAD)  ", args...)
	}
	mustBinary(t, "--db", db, "rm", pollStory)
	ask(first, 1, "", "show", first)
	ask(lead, 2, "(LEAD)  ", "show", lead)
}
