package store

import (
	"encoding/binary"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"lede/revision"

	bolt "go.etcd.io/bbolt"
)

// TestRefileRepairsLostPostings: a file from before moved revisions left
// their story's postings whole lacks index terms of the revisions that
// stayed; Check names them and Refile files them again.
func TestRefileRepairsLostPostings(t *testing.T) {
	db := openTemp(t)
	first, lead := pageInput(t, "AEN20200202000651320"), pageInput(t, "AEN20200202000652320")
	res := ingest(t, db, first, lead)
	if _, err := db.Split(res[0].Story, 2); err != nil {
		t.Fatal(err)
	}
	mustCheck(t, db) // a split keeps the postings of what stays
	// What the older code left: the terms the LEAD shared with the first
	// version deleted for the first version's story too.
	f := revision.FeaturesOf(lead.Rev)
	err := db.bolt.Update(func(btx *bolt.Tx) error {
		tx := txn{Tx: btx}
		uid := getU64(tx.b(bucketArrivals).Get(u64(res[0].Arrival)))
		s, err := tx.story(uid)
		if err != nil {
			return err
		}
		return tx.delTerms(f, s.Year, uid)
	})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := db.Check()
	if err != nil || len(rep.Unfiled) != 1 || rep.Unfiled[0] != res[0].Arrival || len(rep.Problems) != 1 {
		t.Fatalf("check: unfiled %v, problems %q (%v); want the first version", rep.Unfiled, rep.Problems, err)
	}
	if err := db.Refile(rep.Unfiled); err != nil {
		t.Fatal(err)
	}
	mustCheck(t, db)
}

// TestMigratePostingsSchema4: a schema 4 file (one key per day, story
// and term) opens read-write as schema 5 with the same postings packed
// one key per day and story, the old bucket gone, and groups later pages
// as a file built by this version does.
func TestMigratePostingsSchema4(t *testing.T) {
	pages := corpusInputs(t)
	path := filepath.Join(t.TempDir(), "lede.db")
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ingestAll(t, db, pages[:70], 70)
	want := dumpBucket(t, db, bucketTerms)
	err = db.bolt.Update(func(tx *bolt.Tx) error {
		if err := downgradePostings(tx, 4); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put([]byte("schema"), binary.BigEndian.AppendUint32(nil, 4))
	})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := Open(path, Options{ReadOnly: true}); err == nil || !strings.Contains(err.Error(), "older lede (schema 4") {
		t.Fatalf("read-only open of schema 4: %v", err)
	}
	db, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got := dumpBucket(t, db, bucketTerms); !slices.Equal(got, want) {
		t.Fatalf("postings after migration: %d entries, want %d", len(got), len(want))
	}
	db.bolt.View(func(tx *bolt.Tx) error {
		if tx.Bucket([]byte("terms")) != nil {
			t.Error("the schema 4 bucket is still there")
		}
		return nil
	})
	ingestAll(t, db, pages[70:], 34)
	mustCheck(t, db)
	tp, fp, fn, errs := pairwise(pages, storyOf(t, db))
	if fp > 0 || fn > 0 || tp != 26 {
		t.Errorf("grouping after migration: tp %d fp %d fn %d %v", tp, fp, fn, errs)
	}
}

// dumpBucket lists a bucket's entries as "key=value" in hex.
func dumpBucket(t *testing.T, db *DB, name []byte) []string {
	t.Helper()
	var out []string
	err := db.bolt.View(func(tx *bolt.Tx) error {
		return tx.Bucket(name).ForEach(func(k, v []byte) error {
			out = append(out, fmt.Sprintf("%x=%x", k, v))
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
