package store

import (
	"encoding/binary"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// storyIDs lists the ids of a search's stories, in order.
func storyIDs(t *testing.T, db *DB, opt ListOptions) []string {
	t.Helper()
	list, err := db.Stories(opt)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, s := range list {
		ids = append(ids, s.ID)
	}
	return ids
}

// withVersions is the id of the most recent story with at least n
// versions.
func withVersions(t *testing.T, db *DB, n int) string {
	t.Helper()
	for _, s := range mustStories(t, db) {
		if len(s.Versions) >= n {
			return s.ID
		}
	}
	t.Fatalf("no story has %d versions", n)
	return ""
}

// TestHeadlineIndex checks that searches by headline give the same stories
// from the headline index as from the revisions' records, that a schema 3
// file (no index) is indexed at its next write-open, and that check
// catches an index out of step.
func TestHeadlineIndex(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lede.db")
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ingestAll(t, db, corpusInputs(t), 16)
	// A merge and a split move headlines between stories.
	all := storyIDs(t, db, ListOptions{})
	if _, err := db.Merge(all[0], all[1]); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Split(withVersions(t, db, 3), 2); err != nil {
		t.Fatal(err)
	}
	mustCheck(t, db)

	searches := []ListOptions{
		{Grep: regexp.MustCompile(`(?i)coronavirus`)},
		{Grep: regexp.MustCompile(`^N\. Korea`)},
		{Grep: regexp.MustCompile(`no such words anywhere`)},
		{Grep: regexp.MustCompile(`^$`)}, // pages without a headline
		{Headline: func(h string) bool { return len(h) > 80 }},
		{Grep: regexp.MustCompile(`(?i)korea`), Limit: 5, Offset: 3},
	}
	var indexed [][]string
	for _, o := range searches {
		indexed = append(indexed, storyIDs(t, db, o))
	}
	if len(indexed[0]) == 0 || len(indexed[2]) != 0 || len(indexed[5]) != 5 {
		t.Fatalf("searches found %d, %d and %d stories", len(indexed[0]), len(indexed[2]), len(indexed[5]))
	}

	// The same file as lede of schema 3 left it: no index.
	err = db.bolt.Update(func(tx *bolt.Tx) error {
		if err := tx.DeleteBucket(bucketHeads); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put([]byte("schema"), binary.BigEndian.AppendUint32(nil, 3))
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, o := range searches {
		if got := storyIDs(t, db, o); !slices.Equal(got, indexed[i]) {
			t.Errorf("search %d without the index: %v, with it %v", i, got, indexed[i])
		}
	}
	db.Close()
	if _, err := Open(path, Options{ReadOnly: true}); err == nil || !strings.Contains(err.Error(), "older lede (schema 3") {
		t.Fatalf("read-only open of schema 3: %v", err)
	}

	// The next write-open builds the index.
	db, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.bolt.View(func(tx *bolt.Tx) error {
		if !(txn{Tx: tx}).headsIndexed() {
			t.Error("write-open did not build the headline index")
		}
		if v := binary.BigEndian.Uint32(tx.Bucket(bucketMeta).Get([]byte("schema"))); v != SchemaVersion {
			t.Errorf("schema %d after migration, want %d", v, SchemaVersion)
		}
		return nil
	})
	mustCheck(t, db)
	for i, o := range searches {
		if got := storyIDs(t, db, o); !slices.Equal(got, indexed[i]) {
			t.Errorf("search %d after reindexing: %v, want %v", i, got, indexed[i])
		}
	}

	// An entry out of step is a problem check reports.
	db.bolt.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketHeads).Put(u64(1), []byte("not a headline of story 1\n"))
	})
	if rep, err := db.Check(); err != nil || len(rep.Problems) != 1 {
		t.Errorf("check of a damaged index: %v, %v", rep.Problems, err)
	}
}

func mustStories(t *testing.T, db *DB) []Story {
	t.Helper()
	list, err := db.Stories(ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return list
}
