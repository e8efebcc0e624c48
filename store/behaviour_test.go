package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"lede/revision/wire"

	bolt "go.etcd.io/bbolt"
)

// pagesByID indexes the corpus inputs.
func pagesByID(t *testing.T) map[string]labelled {
	out := map[string]labelled{}
	for _, p := range corpusInputs(t) {
		out[p.id] = p
	}
	return out
}

func ingest(t *testing.T, db *DB, ins ...Input) []Result {
	t.Helper()
	res, err := db.Ingest(context.Background(), ins)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestLeadBeforeFirstVersion(t *testing.T) {
	pages := pagesByID(t)
	first, lead := pages["AEN20200202000651320"], pages["AEN20200202000652320"]
	db := openTemp(t)
	r1 := ingest(t, db, lead.in)[0]
	r2 := ingest(t, db, first.in)[0]
	if r1.Status != StatusNewStory || r2.Status != StatusUpdate || r1.Story != r2.Story {
		t.Fatalf("LEAD then first version: %+v / %+v, want one story", r1, r2)
	}
	if r2.Rev != 1 {
		t.Errorf("first version arriving late is rev %d, want 1", r2.Rev)
	}
	st, err := db.Story(r1.Story)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Versions) != 2 || st.Versions[0].Label != "" || st.Versions[1].Label != "LEAD" {
		t.Errorf("story order: %+v, want first version then LEAD", st.Versions)
	}
	mustCheck(t, db)
}

func TestGroupingIgnoresNames(t *testing.T) {
	pages := corpusInputs(t)
	db := openTemp(t)
	ingestAll(t, db, pages, 25)
	want := grouping(storyOf(t, db))

	renamed := make([]labelled, len(pages))
	names := map[string]string{}
	for i, p := range pages {
		renamed[i] = p
		name := fmt.Sprintf("/tmp/copy/%03d.txt", (i*37)%len(pages))
		names[name] = p.id
		renamed[i].in.Source = name
	}
	db2 := openTemp(t)
	ingestAll(t, db2, renamed, 25)
	got := map[string]string{}
	for name, story := range storyOf(t, db2) {
		got[names["/tmp/copy/"+name+".txt"]] = story
	}
	if g := grouping(got); strings.Join(g, "\n") != strings.Join(want, "\n") {
		t.Errorf("renamed sources group differently:\n%v", diffLists(g, want))
	}
}

func TestSplitAndMergeAreRespected(t *testing.T) {
	pages := pagesByID(t)
	db := openTemp(t)
	res := ingest(t, db, pages["AEN20220309004700315"].in, pages["AEN20220309004751315"].in)
	story := res[0].Story
	if res[1].Story != story {
		t.Fatalf("exit poll first version and LEAD apart: %+v", res)
	}
	newID, err := db.Split(story+"@", 2)
	if err == nil {
		t.Fatalf("split of a bad reference succeeded: %s", newID)
	}
	newID, err = db.Split(story[:8], 2)
	if err != nil {
		t.Fatal(err)
	}
	// The 2nd LD matches both halves; it must join one and not merge them.
	r := ingest(t, db, pages["AEN20220309004752315"].in)[0]
	if r.Status != StatusUpdate || len(r.Merged) != 0 {
		t.Fatalf("2nd LD after split: %+v, want an update without merging", r)
	}
	a, _ := db.Story(story)
	b, _ := db.Story(newID)
	if len(a.Versions)+len(b.Versions) != 3 || len(a.Versions) != 1 {
		t.Fatalf("after split and 2nd LD: %d + %d versions", len(a.Versions), len(b.Versions))
	}
	mustCheck(t, db)
	id, err := db.Merge(story, newID)
	if err != nil || id != story {
		t.Fatalf("merge: %q, %v", id, err)
	}
	a, _ = db.Story(story)
	moved, err := db.Story(newID) // the merged id resolves to the survivor
	if err != nil || len(a.Versions) != 3 || moved.ID != story {
		t.Fatalf("after merge: %d versions, merged id resolves to %q (%v)", len(a.Versions), moved.ID, err)
	}
	if a.Versions[0].Label != "" || a.Versions[1].Label != "LEAD" || a.Versions[2].Label != "2nd LD" {
		t.Errorf("merged story order: %v %v %v", a.Versions[0].Label, a.Versions[1].Label, a.Versions[2].Label)
	}
	mustCheck(t, db)
}

func TestStoryIDsAndPrefixes(t *testing.T) {
	pages := corpusInputs(t)
	db := openTemp(t)
	res := ingestAll(t, db, pages, 104)
	seen := map[string]bool{}
	for _, r := range res {
		if r.Status == StatusNewStory {
			if seen[r.Story] {
				t.Errorf("story id %s given twice", r.Story)
			}
			seen[r.Story] = true
		}
	}
	// Ids start with the date of the first revision, the month's name
	// and day for a page that shows no year.
	for _, id := range []string{"jun02-kim-jong-un-appears", "191230-nk-holds-2nd-session", "feb01-s-korea-reports-12th"} {
		if !seen[id] {
			t.Errorf("ids: want %s among %v", id, keys(seen))
		}
	}
	if _, err := db.Story("jun02-kim"); err != nil {
		t.Errorf("unique prefix: %v", err)
	}
	_, err := db.Story("2002")
	if err == nil || !errors.Is(err, ErrBadRef) || !strings.Contains(err.Error(), "ambiguous") {
		t.Errorf("ambiguous prefix: %v", err)
	}
	if _, err := db.Story("zzz"); err == nil || !strings.Contains(err.Error(), "no story matches") {
		t.Errorf("unknown prefix: %v", err)
	}
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestRawKeptByteForByte(t *testing.T) {
	data, err := os.ReadFile("../testdata/seed-AEN20191230000451325.txt")
	if err != nil {
		t.Fatal(err)
	}
	crlf := bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))
	crlf = append([]byte("\xef\xbb\xbf"), crlf...)
	r, err := wire.Parse("seed-crlf.txt", crlf, wire.Options{})
	if err != nil {
		t.Fatal(err)
	}
	db := openTemp(t)
	res := ingest(t, db, Input{Source: "seed-crlf.txt", Raw: crlf, Rev: r})[0]
	_, _, raw, err := db.Revision(res.Story, 1)
	if err != nil || !bytes.Equal(raw, crlf) {
		t.Fatalf("raw differs (%d vs %d bytes): %v", len(raw), len(crlf), err)
	}
	// The same page with LF line ends and no BOM is the same content.
	r2, _ := wire.Parse("seed.txt", data, wire.Options{})
	if d := ingest(t, db, Input{Source: "seed.txt", Raw: data, Rev: r2})[0]; d.Status != StatusDuplicate || d.Story != res.Story {
		t.Errorf("LF copy: %+v, want a duplicate of %s", d, res.Story)
	}
}

func TestOpenWhileHeld(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lede.db")
	db, err := Open(path, Options{Holder: "lede ingest"})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	start := time.Now()
	_, err = Open(path, Options{ReadOnly: true, Wait: 300 * time.Millisecond})
	var le *LockedError
	if !errors.As(err, &le) {
		t.Fatalf("second open: %v, want LockedError", err)
	}
	if waited := time.Since(start); waited > 5*time.Second {
		t.Errorf("waited %s for a 300ms wait", waited)
	}
	if !strings.Contains(le.Error(), fmt.Sprintf("pid %d", os.Getpid())) || !strings.Contains(le.Error(), "lede ingest") {
		t.Errorf("error does not name the holder: %v", le)
	}
	if _, err := Open(filepath.Join(t.TempDir(), "none.db"), Options{ReadOnly: true}); !errors.Is(err, ErrNoDatabase) {
		t.Errorf("read-only open of a missing file: %v", err)
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lede.db")
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	db.bolt.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put([]byte("schema"), binary.BigEndian.AppendUint32(nil, SchemaVersion+1))
	})
	db.Close()
	if _, err := Open(path, Options{}); err == nil || !strings.Contains(err.Error(), "newer lede") {
		t.Errorf("open of a newer schema: %v", err)
	}
	other := filepath.Join(t.TempDir(), "other.db")
	bdb, _ := bolt.Open(other, 0o600, nil)
	bdb.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("x")); return err })
	bdb.Close()
	if _, err := Open(other, Options{}); err == nil || !strings.Contains(err.Error(), "other data") {
		t.Errorf("open of a foreign bbolt file: %v", err)
	}
}

func TestCheckFindsDamage(t *testing.T) {
	pages := corpusInputs(t)
	db := openTemp(t)
	ingestAll(t, db, pages[:10], 10)
	mustCheck(t, db)
	db.bolt.Update(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketFeats).Cursor()
		k, _ := c.First()
		return tx.Bucket(bucketFeats).Delete(k)
	})
	rep, err := db.Check()
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Problems) != 1 || !strings.Contains(rep.Problems[0], "has no features") {
		t.Errorf("problems = %v, want one missing-features problem", rep.Problems)
	}
}

// TestRecaptureJoinsItsStory stores the full seed page after its capture
// cut off at 2,000 characters: the same (LEAD) twice is one story.
func TestRecaptureJoinsItsStory(t *testing.T) {
	pages := pagesByID(t)
	db := openTemp(t)
	cut := ingest(t, db, pages["AEN20191230000451325"].in)[0]
	data, err := os.ReadFile("../testdata/seed-AEN20191230000451325.txt")
	if err != nil {
		t.Fatal(err)
	}
	r, err := wire.Parse("seed.txt", data, wire.Options{})
	if err != nil {
		t.Fatal(err)
	}
	full := ingest(t, db, Input{Source: "seed.txt", Raw: data, Rev: r})[0]
	if full.Status != StatusUpdate || full.Story != cut.Story {
		t.Fatalf("full capture of the same LEAD: %+v, want an update of %s", full, cut.Story)
	}
	// A different LEAD of a different story still stays apart.
	other := ingest(t, db, pages["AEN20210821000251325"].in)[0]
	if other.Story == cut.Story {
		t.Fatalf("unrelated LEAD joined: %+v", other)
	}
	mustCheck(t, db)
}

// TestMigrateSchema1 turns a database into the schema 1 layout (postings
// as year | day | term | story), reopens it and checks that it was
// migrated in place: check passes and grouping still finds stories.
func TestMigrateSchema1(t *testing.T) {
	pages := corpusInputs(t)
	path := filepath.Join(t.TempDir(), "lede.db")
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ingestAll(t, db, pages[:60], 60)
	err = db.bolt.Update(func(tx *bolt.Tx) error {
		if err := downgradePostings(tx, 1); err != nil {
			return err
		}
		// Schema 1 and 2 keyed content hashes by 16 bytes of SHA-256.
		var hashes [][2][]byte
		tx.Bucket(bucketHashes).ForEach(func(k, v []byte) error {
			hashes = append(hashes, [2][]byte{append([]byte(nil), k...), append([]byte(nil), v...)})
			return nil
		})
		tx.DeleteBucket(bucketHashes)
		hb, _ := tx.CreateBucket(bucketHashes)
		for _, h := range hashes {
			if err := hb.Put(append(append([]byte(nil), h[0][4:]...), 0, 0, 0, 0), h[1]); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketMeta).Put([]byte("schema"), binary.BigEndian.AppendUint32(nil, 1))
	})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := Open(path, Options{ReadOnly: true}); err == nil || !strings.Contains(err.Error(), "older lede (schema 1") {
		t.Fatalf("read-only open of schema 1: %v", err)
	}
	db, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	mustCheck(t, db)
	// Content hashes still find duplicates after the migration.
	for _, r := range ingestAll(t, db, pages[:60], 60) {
		if r.Status != StatusDuplicate {
			t.Fatalf("re-ingest after migration: %+v, want a duplicate", r)
		}
	}
	ingestAll(t, db, pages[60:], 44)
	mustCheck(t, db)
	tp, fp, fn, errs := pairwise(pages, storyOf(t, db))
	if fp > 0 || fn > 0 {
		t.Errorf("grouping after migration: tp %d fp %d fn %d %v", tp, fp, fn, errs)
	}
}

// downgradePostings rewrites the candidate index as schema v (1-4) kept
// it: bucket "terms", one key per day, story and term (schema 1: day,
// term, story), and no schema 5 bucket.
func downgradePostings(tx *bolt.Tx, v int) error {
	old, err := tx.CreateBucket([]byte("terms"))
	if err != nil {
		return err
	}
	err = tx.Bucket(bucketTerms).ForEach(func(k, val []byte) error {
		uid := getU64(k[4:])
		for _, term := range decodeTerms(val) {
			a, b := uid, term
			if v < 2 {
				a, b = term, uid
			}
			if err := old.Put(append(append(append([]byte(nil), k[:4]...), u64(a)...), u64(b)...), nil); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return tx.DeleteBucket(bucketTerms)
}
