package store

import (
	"bytes"
	"encoding/json"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// Agencies: a database holding one agency's copy lists its stories as
// before, one holding several names each story's agency. The meta bucket
// keeps the agencies stored so far, so that a listing knows which without
// reading every record.
var metaAgencies = []byte("agencies") // JSON list of names, as first stored

// addAgency records that a revision of agency name is stored. Names that
// differ only in case are one agency.
//
// An ingest's transaction remembers the names it has seen in its cache,
// since decoding the list again for every revision was 2% of it: only
// addAgency writes the list, and only to add, so a name seen once is in
// the list until the transaction ends.
func (tx txn) addAgency(name string) error {
	if name == "" || tx.cache.sawAgency(name) {
		return nil
	}
	list := tx.agencies()
	for _, a := range list {
		if strings.EqualFold(a, name) {
			return nil
		}
	}
	raw, err := json.Marshal(append(list, name))
	if err != nil {
		return err
	}
	return tx.b(bucketMeta).Put(metaAgencies, raw)
}

// sawAgency reports whether the transaction stored a revision of agency
// name before, and remembers that it has now.
func (c *termCache) sawAgency(name string) bool {
	if c == nil {
		return false
	}
	if c.agencies[name] {
		return true
	}
	if c.agencies == nil {
		c.agencies = map[string]bool{}
	}
	c.agencies[name] = true
	return false
}

func (tx txn) agencies() []string {
	var list []string
	if v := tx.b(bucketMeta).Get(metaAgencies); v != nil {
		if err := json.Unmarshal(v, &list); err != nil {
			return nil // rebuilt as revisions arrive; only a listing's column depends on it
		}
	}
	return list
}

// Agencies lists the agencies whose copy the database has stored, in the
// order they first arrived (revisions stored before lede kept the agency
// name none).
func (db *DB) Agencies() ([]string, error) {
	var out []string
	err := db.bolt.View(func(btx *bolt.Tx) error {
		out = txn{Tx: btx}.agencies()
		return nil
	})
	return out, err
}

var agencyKey = []byte(`"agency":"`)

// anyAgency reports whether a revision of story uid was sent by agency
// name (case ignored). It reads each JSON record's agency only: no record
// holds another "agency" field (recordString).
func (tx txn) anyAgency(uid uint64, name string) bool {
	c := tx.b(bucketRevs).Cursor()
	prefix := u64(uid)
	for k, v := c.Seek(prefix); k != nil && hasPrefix(k, prefix); k, v = c.Next() {
		if len(v) > 0 && v[0] == revBinary {
			if rec, err := binaryRecord(v); err == nil && strings.EqualFold(rec.Agency, name) {
				return true
			}
			continue
		}
		if !bytes.Contains(v, agencyKey) {
			continue
		}
		if a, err := recordString(v, agencyKey); err == nil && strings.EqualFold(a, name) {
			return true
		}
	}
	return false
}
