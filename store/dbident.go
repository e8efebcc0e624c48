package store

import (
	"crypto/rand"
	"encoding/hex"
	"time"

	bolt "go.etcd.io/bbolt"
)

// A database's identity: its random id (metaID, which alert ids carry
// too) and the day it was given one, kept in the meta bucket. The feed's
// entry ids (tag: URIs) carry them, so that the entries of two databases
// never share an id even where their refs do (each database counts r1,
// r2, ... from one).
var metaDBIDSince = []byte("id_since")

// Identity is a database's id and the day (YYYY-MM-DD, UTC) it got it.
type Identity struct {
	ID, Since string
}

// ensureIdentity gives the file an identity when it has none: a new
// file, or one lede wrote before identities (schema 10 and older).
func ensureIdentity(tx *bolt.Tx) error {
	meta := tx.Bucket(bucketMeta)
	if meta.Get(metaDBIDSince) != nil {
		return nil
	}
	since := []byte(time.Now().UTC().Format(time.DateOnly))
	if meta.Get(metaID) != nil {
		return meta.Put(metaDBIDSince, since) // given by EnableAlerts
	}
	id := make([]byte, 6)
	if _, err := rand.Read(id); err != nil {
		return err
	}
	if err := meta.Put(metaID, []byte(hex.EncodeToString(id))); err != nil {
		return err
	}
	return meta.Put(metaDBIDSince, since)
}

// Identity returns the database's identity; zero for a file no lede of
// schema 11 has written yet (which a read-only open refuses anyway).
func (db *DB) Identity() (Identity, error) {
	var out Identity
	err := db.bolt.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		out = Identity{ID: string(meta.Get(metaID)), Since: string(meta.Get(metaDBIDSince))}
		return nil
	})
	return out, err
}
