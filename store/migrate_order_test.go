package store

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"lede/revision/wire"
)

// listed is what a story listing shows, to compare the stories of a
// migrated file with what the lede that wrote it listed.
type listed struct {
	ID       string
	Headline string
	Versions []struct {
		Ref, Source, Label, Headline string
		Seq                          int
	}
}

// TestMigrateOrderSchema6 opens a file that lede of schema 6 wrote
// (testdata/schema6.dump.jsonl, the dump of its bbolt file: ten Yonhap pages in five stories, made with
// "lede ingest" of commit ba1fbc9; schema6.stories.json is what its
// "lede stories --json" printed). A read-only open refuses it; a
// read-write open migrates it to schema 7's order keys; the check finds
// nothing wrong, every story lists its versions as before, the pages are
// still duplicates and new pages still group.
func TestMigrateOrderSchema6(t *testing.T) {
	db := openFixture(t, 6)
	defer db.Close()
	page := func(id string) Input {
		p := filepath.Join(corpus, "pages", id+".txt")
		r, raw, err := wire.ParseFile(p, nil, wire.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return Input{Source: filepath.Base(p), Raw: raw, Rev: r}
	}
	res, err := db.Ingest(context.Background(), []Input{page("AEN20200201001252320"), page("AEN20200202000651320")})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		if r.Status != StatusDuplicate {
			t.Errorf("%s after migration: %s, want a duplicate", r.Source, r.Status)
		}
	}
	// A new story and its LEAD group as they would in a new file.
	res, err = db.Ingest(context.Background(), []Input{page("AEN20200206001400320"), page("AEN20200206001455320")})
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Status != StatusNewStory || res[1].Status != StatusUpdate || res[1].Story != res[0].Story || res[1].Rev != 2 {
		t.Errorf("a story and its LEAD after migration: %+v", res)
	}
	mustCheck(t, db)
}

// openFixture opens a file restored from testdata/schemaN.dump.jsonl, a file lede of
// schema N wrote: a read-only open must refuse it, a read-write open
// migrates it, and the migrated file must pass check and list its
// stories as that lede listed them (testdata/schemaN.stories.json).
func openFixture(t *testing.T, schema int) *DB {
	t.Helper()
	path := filepath.Join(t.TempDir(), "lede.db")
	restoreDump(t, fmt.Sprintf("testdata/schema%d.dump.jsonl", schema), path)
	if _, err := Open(path, Options{ReadOnly: true}); err == nil || !strings.Contains(err.Error(), fmt.Sprintf("older lede (schema %d", schema)) {
		t.Fatalf("read-only open of schema %d: %v", schema, err)
	}
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	mustCheck(t, db)
	var want []listed
	raw, err := os.ReadFile(fmt.Sprintf("testdata/schema%d.stories.json", schema))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	// Schema 9 renamed the stories of year-less pages ("xx0201-" is
	// "feb01-"); the old id still names the story.
	for i, w := range want {
		if m := regexp.MustCompile(`^xx(\d\d)(\d\d)-`).FindStringSubmatch(w.ID); m != nil {
			month, _ := strconv.Atoi(m[1])
			renamed := []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}[month-1] + m[2] + w.ID[6:]
			if s, err := db.Story(w.ID); err != nil || s.ID != renamed {
				t.Errorf("old id %s after migration: %v %q, want %s", w.ID, err, s.ID, renamed)
			}
			want[i].ID = renamed
		}
	}
	var got []listed
	js, _ := json.Marshal(mustStories(t, db))
	if err := json.Unmarshal(js, &got); err != nil {
		t.Fatal(err)
	}
	if g, w := mustJSON(t, got), mustJSON(t, want); g != w {
		t.Errorf("stories after migration:\n%s\nwant\n%s", g, w)
	}
	return db
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
