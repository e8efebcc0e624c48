package store

import (
	"encoding/binary"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"lede/revision"
	"lede/revision/revisiontest"
	"lede/revision/wire"

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
		k := postingKey(indexYear(f.Date, s.Year), mmdd(f.Date), uid)
		left := slices.DeleteFunc(decodeTerms(tx.b(bucketTerms).Get(k)), func(t uint64) bool {
			return slices.Contains(f.IndexTerms(), t)
		})
		return tx.b(bucketTerms).Put(k, encodeTerms(left))
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

// TestPostingsExact: after ingesting synthetic pages (a third without a
// year, so stories get their year late and re-file; displacements move
// revisions out), every index entry holds exactly the terms of its
// story's revisions filed that day, nothing left over from a move.
func TestPostingsExact(t *testing.T) {
	db := openTemp(t)
	var batch []Input
	err := revisiontest.Generate(revisiontest.Config{Seed: 3, Revisions: 3000}, func(p revisiontest.Page) error {
		text := append([]byte(nil), p.Text...)
		r, err := wire.Parse(p.Name, text, wire.Options{})
		if err != nil {
			return err
		}
		batch = append(batch, Input{Source: p.Name, Raw: text, Rev: r})
		if len(batch) == 250 {
			ingest(t, db, batch...)
			batch = batch[:0]
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	ingest(t, db, batch...)
	mustCheck(t, db)
	postingsExact(t, db)
}

// postingsExact fails t unless every index entry holds exactly the terms
// of its story's revisions filed that day.
func postingsExact(t *testing.T, db *DB) {
	t.Helper()
	want := map[string][]uint64{}
	got := map[string][]uint64{}
	db.bolt.View(func(btx *bolt.Tx) error {
		tx := txn{Tx: btx}
		tx.b(bucketFeats).ForEach(func(k, v []byte) error {
			uid := getU64(k)
			s, err := tx.story(uid)
			if err != nil {
				t.Fatal(err)
			}
			f, err := decodeFeatures(v)
			if err != nil {
				t.Fatal(err)
			}
			key := string(postingKey(indexYear(f.Date, s.Year), mmdd(f.Date), uid))
			want[key] = append(want[key], f.IndexTerms()...)
			return nil
		})
		return tx.b(bucketTerms).ForEach(func(k, v []byte) error {
			got[string(k)] = decodeTerms(v)
			return nil
		})
	})
	if len(got) != len(want) {
		t.Errorf("%d index entries, the revisions need %d", len(got), len(want))
	}
	for k, ts := range want {
		slices.Sort(ts)
		if ts = slices.Compact(ts); !slices.Equal(got[k], ts) {
			t.Errorf("entry %x: %d terms, its revisions have %d", k, len(got[k]), len(ts))
		}
	}
}
