package store

import (
	"encoding/binary"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// TestMigrateParts: a take stored by schema 8 (no Items in its record)
// is, once the file is migrated to schema 9, a version in parts that its
// add joins.
func TestMigrateParts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lede.db")
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	docs := harborTakes()
	take := ingestOne(t, db, apInput(t, docs[0]))
	// Make it a schema 8 file: the record as schema 8 wrote it.
	err = db.bolt.Update(func(btx *bolt.Tx) error {
		tx := txn{Tx: btx}
		a, _ := ParseRef(take.Ref)
		key := append([]byte(nil), tx.b(bucketArrivals).Get(u64(a))...)
		var rec RevRecord
		if _, err := tx.getRev(key, &rec); err != nil {
			return err
		}
		rec.Items = nil
		if err := putJSON(tx.b(bucketRevs), key, rec); err != nil {
			return err
		}
		return tx.b(bucketMeta).Put([]byte("schema"), binary.BigEndian.AppendUint32(nil, 8))
	})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if db, err = Open(path, Options{}); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	add := ingestOne(t, db, apInput(t, docs[1]))
	if add.Joined != take.Ref || add.Story != take.Story {
		t.Fatalf("the add after migration: joined %q story %s, want %s of %s", add.Joined, add.Story, take.Ref, take.Story)
	}
	st, _ := db.Story(take.Story)
	if len(st.Versions) != 1 || len(st.Versions[0].Parts) != 2 {
		t.Fatalf("%d versions, parts %v", len(st.Versions), st.Versions[0].Parts)
	}
	checkClean(t, db)
}
