package store

import (
	"encoding/binary"

	bolt "go.etcd.io/bbolt"
)

// bucketFiles remembers the files lede watch has taken, so that a
// restarted watch does not read a directory full of pages again only to
// find them duplicates: absolute path -> size u64 | modification time
// (unix ns) u64. It is a cache: a file missing from it is read again and
// found a duplicate, nothing worse.
var bucketFiles = []byte("files")

// FileStamp is a version of a file: its size and modification time.
type FileStamp struct {
	Size int64
	Mod  int64 // unix nanoseconds
}

// FileStamps returns the stamps stored for the paths that have one.
func (db *DB) FileStamps(paths []string) (map[string]FileStamp, error) {
	out := map[string]FileStamp{}
	err := db.bolt.View(func(btx *bolt.Tx) error {
		b := btx.Bucket(bucketFiles)
		if b == nil {
			return nil
		}
		for _, p := range paths {
			if v := b.Get([]byte(p)); len(v) == 16 {
				out[p] = FileStamp{Size: int64(binary.BigEndian.Uint64(v)), Mod: int64(binary.BigEndian.Uint64(v[8:]))}
			}
		}
		return nil
	})
	return out, err
}

// SetFileStamps stores stamps, in one transaction.
func (db *DB) SetFileStamps(stamps map[string]FileStamp) error {
	if len(stamps) == 0 {
		return nil
	}
	return db.bolt.Update(func(btx *bolt.Tx) error {
		b := btx.Bucket(bucketFiles)
		for p, s := range stamps {
			v := binary.BigEndian.AppendUint64(nil, uint64(s.Size))
			if err := b.Put([]byte(p), binary.BigEndian.AppendUint64(v, uint64(s.Mod))); err != nil {
				return err
			}
		}
		return nil
	})
}
