package store

import (
	"context"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// wordEpochs walks the word index and fails unless every key is filed
// under its story's epoch and the epochs never go back: a batch's new
// stories then write into the last epoch's subtree, not all over the
// index. It returns the number of epochs seen.
func wordEpochs(t *testing.T, db *DB) int {
	t.Helper()
	epochs := 0
	last := int64(-1)
	db.bolt.View(func(btx *bolt.Tx) error {
		return btx.Bucket(bucketWords).ForEach(func(k, _ []byte) error {
			e := int64(getU32(k))
			if want := getU64(k[len(k)-8:]) >> wordEpochBits; uint64(e) != want {
				t.Fatalf("word key %x: epoch %d, its story's is %d", k, e, want)
			}
			if e < last {
				t.Fatalf("word key %x: epoch %d after epoch %d", k, e, last)
			}
			if e > last {
				epochs++
			}
			last = e
			return nil
		})
	})
	return epochs
}

// wordKeys lists the word index's keys.
func wordKeys(t *testing.T, db *DB) []string {
	t.Helper()
	var out []string
	db.bolt.View(func(btx *bolt.Tx) error {
		return btx.Bucket(bucketWords).ForEach(func(k, _ []byte) error {
			out = append(out, string(k))
			return nil
		})
	})
	return out
}

// sameSearches fails unless each query finds, through the word index,
// the stories in the order a walk of all stories finds them, whole and
// as a second page of 2.
func sameSearches(t *testing.T, stage string, db *DB, queries []string) {
	t.Helper()
	for _, q := range queries {
		want := storyIDs(t, db, searchOptions(q, false))
		if got := storyIDs(t, db, searchOptions(q, true)); !slices.Equal(got, want) {
			t.Errorf("%s: %q through the word index: %v, want %v", stage, q, got, want)
		}
		paged := searchOptions(q, true)
		paged.Offset, paged.Limit = 1, 2
		if got := storyIDs(t, db, paged); !slices.Equal(got, want[min(1, len(want)):min(3, len(want))]) {
			t.Errorf("%s: %q, second page of 2: %v from %v", stage, q, got, want)
		}
	}
}

// TestWordIndexEpochs ingests 8,000 synthetic pages (over 2,048 stories,
// so two epochs) in batches of 500, as lede ingest does: the word index
// is filed by epoch, searches for words of the first and the last
// stories, and for common words, find what a walk finds, and check
// passes, also after rm, a split and a merge.
func TestWordIndexEpochs(t *testing.T) {
	ins, _ := syntheticInputs(t, 2, 8000)
	db := openTemp(t)
	for i := 0; i < len(ins); i += dirtyBatch {
		if _, err := db.Ingest(context.Background(), ins[i:min(i+dirtyBatch, len(ins))]); err != nil {
			t.Fatal(err)
		}
	}
	all := mustStories(t, db)
	if len(all) <= 1<<wordEpochBits {
		t.Fatalf("%d stories, want more than an epoch's %d", len(all), 1<<wordEpochBits)
	}
	if n := wordEpochs(t, db); n != 2 {
		t.Errorf("the word index spans %d epochs, want 2", n)
	}
	newest, oldest := all[0], all[len(all)-1]
	first := func(s Story) string { return headlineTokens(s.Headline)[0] }
	queries := []string{first(oldest), first(newest), oldest.Headline, newest.Headline,
		first(oldest) + " " + first(newest), "korea", "s", "zzzz", "-"}
	for _, q := range queries[:4] {
		if len(storyIDs(t, db, searchOptions(q, true))) == 0 {
			t.Fatalf("%q finds nothing", q)
		}
	}
	sameSearches(t, "ingested", db, queries)
	mustCheck(t, db)
	// Ingest files only a new headline's words its story lacks; the
	// index must be the one rebuilt from all headlines, key for key.
	filed := wordKeys(t, db)
	if err := db.bolt.Update(func(btx *bolt.Tx) error { return tracked(btx).indexWords() }); err != nil {
		t.Fatal(err)
	}
	if rebuilt := wordKeys(t, db); !slices.Equal(filed, rebuilt) {
		t.Fatalf("ingest filed %d word keys, a rebuild %d", len(filed), len(rebuilt))
	}

	if _, err := db.Remove(oldest.ID, 0, RemoveOptions{}); err != nil {
		t.Fatal(err)
	}
	mustCheck(t, db)
	sameSearches(t, "after rm", db, queries)
	if _, err := db.Split(withVersions(t, db, 3), 2); err != nil {
		t.Fatal(err)
	}
	mustCheck(t, db)
	sameSearches(t, "after a split", db, queries)
	if _, err := db.Merge(newest.ID, all[len(all)-2].ID); err != nil {
		t.Fatal(err)
	}
	mustCheck(t, db)
	sameSearches(t, "after a merge", db, queries)
	wordEpochs(t, db)
}

// TestMigrateWordsSchema7 opens a file that lede of schema 7 wrote
// (testdata/schema7.dump.jsonl, the dump of its bbolt file: the first 30 pages of testdata/yonhap/pages
// in 23 stories, made with "lede ingest" of commit 03dcf6a;
// schema7.stories.json is what its "lede stories --json" printed), whose
// word index is word | 0 | uid. A read-only open refuses it; a
// read-write open rebuilds the index under epochs; check passes, the
// stories list as before and searches find what a walk finds.
func TestMigrateWordsSchema7(t *testing.T) {
	db := openFixture(t, 7)
	defer db.Close()
	if n := wordEpochs(t, db); n != 1 {
		t.Errorf("the word index spans %d epochs, want 1", n)
	}
	queries := []string{"korea", "n.k.", "coronavirus", "s. korea reports", "zzzz"}
	if len(storyIDs(t, db, searchOptions("korea", true))) < 5 {
		t.Error("korea finds fewer than 5 stories after migration")
	}
	sameSearches(t, "migrated", db, queries)

	// check names an entry left in schema 7's layout, or in another epoch.
	const uid = 1 // the first story
	for _, k := range [][]byte{append([]byte("korea\x00"), u64(uid)...), append(wordEpoch(1), wordKey("korea", uid)[4:]...)} {
		err := db.bolt.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketWords).Put(k, nil) })
		if err != nil {
			t.Fatal(err)
		}
		rep, err := db.Check()
		if err != nil || !slices.ContainsFunc(rep.Problems, func(p string) bool { return strings.Contains(p, "is not epoch | word | 0 | story") }) {
			t.Errorf("check of word key %x: %q, %v", k, rep.Problems, err)
		}
		db.bolt.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketWords).Delete(k) })
	}
	mustCheck(t, db)
}
