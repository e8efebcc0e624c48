// Package storetest makes database files for the tests of the packages
// above the store (the CLI, the web view, the watcher): files in states
// that only an older lede could leave, which today's store never writes,
// so that those tests can show that lede reads past them. It knows the
// store's layout and nothing else does.
package storetest

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"regexp"
	"time"

	bolt "go.etcd.io/bbolt"
)

var dateField = regexp.MustCompile(`"date":"[^"]*"`)

// BreakDate gives the revision ingested from source, in the closed
// database file at path, the date date (such as "2022-02-30") in its
// record and its grouping features, the way lede stored a page's date
// before it checked that the date exists.
func BreakDate(path, source, date string) error {
	var y, m, d int
	if _, err := fmt.Sscanf(date, "%04d-%02d-%02d", &y, &m, &d); err != nil {
		return fmt.Errorf("date %q: want YYYY-MM-DD", date)
	}
	return update(path, source, func(tx *bolt.Tx, k, v []byte) error {
		var nv []byte
		if _, at, ok := binaryHead(v); ok {
			// Year, month and day follow the source as varints.
			rest := v[at:]
			for range 3 {
				_, n := binary.Varint(rest)
				if n <= 0 {
					return fmt.Errorf("revision from %s has no date", source)
				}
				rest = rest[n:]
			}
			nv = append([]byte(nil), v[:at]...)
			for _, x := range []int{y, m, d} {
				nv = binary.AppendVarint(nv, int64(x))
			}
			nv = append(nv, rest...)
		} else if at := dateField.FindIndex(v); at != nil {
			nv = append(append(append([]byte(nil), v[:at[0]]...), `"date":"`+date+`"`...), v[at[1]:]...)
		} else {
			return fmt.Errorf("revision from %s has no date", source)
		}
		if err := tx.Bucket(bucketRevs).Put(k, nv); err != nil {
			return err
		}
		// uid | arrival, as the revs key begins and ends.
		fk := append(append([]byte(nil), k[:8]...), k[len(k)-8:]...)
		feats := tx.Bucket([]byte("feats"))
		f := append([]byte(nil), feats.Get(fk)...)
		if len(f) < 5 {
			return fmt.Errorf("revision from %s has no features", source)
		}
		binary.BigEndian.PutUint16(f[1:], uint16(y))
		f[3], f[4] = byte(m), byte(d)
		return feats.Put(fk, f)
	})
}

// BreakRecord cuts the record of the revision ingested from source, in
// the closed database file at path, to its first half: a record no
// reader takes, as a damaged file or a bug could leave it.
func BreakRecord(path, source string) error {
	return update(path, source, func(tx *bolt.Tx, k, v []byte) error {
		return tx.Bucket(bucketRevs).Put(k, append([]byte(nil), v[:len(v)/2]...))
	})
}

var bucketRevs = []byte("revs")

// binaryHead reads the head of a revision record in the store's binary
// form (schema 14: a format byte 0x01, the arrival as a uvarint, the
// source as a uvarint length and its bytes, then the date): the source and
// where the date begins. ok is false for a JSON record.
func binaryHead(v []byte) (source string, dateAt int, ok bool) {
	if len(v) == 0 || v[0] != 0x01 {
		return "", 0, false
	}
	_, n := binary.Uvarint(v[1:])
	if n <= 0 {
		return "", 0, false
	}
	at := 1 + n
	l, n := binary.Uvarint(v[at:])
	if n <= 0 || l > uint64(len(v)-at-n) {
		return "", 0, false
	}
	at += n
	return string(v[at : at+int(l)]), at + int(l), true
}

// update runs fn in a write transaction of the file at path on the key
// and record (copies) of the revision ingested from source.
func update(path, source string, fn func(tx *bolt.Tx, k, v []byte) error) error {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: 5 * time.Second})
	if err != nil {
		return err
	}
	defer db.Close()
	return db.Update(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketRevs).Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			var rec struct {
				Source string `json:"source"`
			}
			if src, _, ok := binaryHead(v); ok {
				rec.Source = src
			} else if json.Unmarshal(v, &rec) != nil {
				continue
			}
			if rec.Source != source {
				continue
			}
			// The story's listing record (schema 12) was built from the
			// record as it was; an older lede damaged records before there
			// were any, and lede lists such a story from its records.
			if l := tx.Bucket([]byte("listings")); l != nil {
				if err := l.Delete(k[:8]); err != nil {
					return err
				}
			}
			return fn(tx, append([]byte(nil), k...), append([]byte(nil), v...))
		}
		return fmt.Errorf("no revision from %s", source)
	})
}

// BlankFile creates at path a bbolt file with no buckets: what a lede
// killed while it created a database leaves when bbolt has written its
// header and lede's first transaction has not committed.
func BlankFile(path string) error {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return err
	}
	return db.Close()
}

// ForeignFile creates at path a bbolt file of another program: a bucket
// named bucket (it may be one of lede's names) holding a key.
func ForeignFile(path, bucket string) error {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return err
	}
	err = db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket([]byte(bucket))
		if err != nil {
			return err
		}
		return b.Put([]byte("setting"), []byte("somebody's data"))
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
}
