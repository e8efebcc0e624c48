package store

import (
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// TestOpenSettledCommitsNothing: opening a file that is up to date for
// writing commits no transaction (lede ingest opens it for every batch),
// while a file that lacks something init writes, here the identity's
// date, is still brought up to date by the open.
func TestOpenSettledCommitsNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lede.db")
	txid := func() int {
		t.Helper()
		b, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		var id int
		b.View(func(tx *bolt.Tx) error { id = tx.ID(); return nil })
		return id
	}
	reopen := func() {
		t.Helper()
		db, err := Open(path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	}
	reopen()
	created := txid()
	reopen()
	reopen()
	if got := txid(); got != created {
		t.Errorf("two opens of a settled file moved the transaction id from %d to %d", created, got)
	}
	b, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	b.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Delete(metaDBIDSince) })
	b.Close()
	reopen()
	db, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if id, err := db.Identity(); err != nil || id.Since == "" || id.ID == "" {
		t.Errorf("identity after an open of a file without its date: %+v, %v", id, err)
	}
}
