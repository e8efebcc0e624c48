// Package store keeps stories and their revisions in one bbolt file. It is
// the only package that imports bbolt: callers talk in revision types and
// the records declared here, never in bbolt types, and every value is
// copied out of its transaction before it is returned.
package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Options tune Open.
type Options struct {
	// Wait bounds how long Open waits for another process that holds the
	// file; it never waits forever. Zero means a short grace of 50ms.
	Wait time.Duration
	// ReadOnly opens for reading; many readers may share the file, but
	// not with a writer.
	ReadOnly bool
	// Holder describes this process for others who find the file busy,
	// such as "lede ingest". It is written next to the file while open
	// for writing.
	Holder string
	// NoEvents has Ingest leave no alert events, for a backfill of old
	// pages that should raise no alerts.
	NoEvents bool
}

// DB is an open lede database.
type DB struct {
	bolt     *bolt.DB
	path     string
	lock     string // holder file, removed on Close; "" when read-only
	noEvents bool   // Options.NoEvents
}

// LockedError says the file is held by another process.
type LockedError struct {
	Path   string
	Waited time.Duration
	Holder string // what a live holder wrote about itself, if anything
}

func (e *LockedError) Error() string {
	who := "another lede process"
	if e.Holder != "" {
		who += " (" + e.Holder + ")"
	}
	return fmt.Sprintf("database %s is in use by %s; waited %s", e.Path, who, e.Waited.Round(time.Millisecond))
}

// ErrNoDatabase is returned by a read-only Open of a missing file.
var ErrNoDatabase = errors.New("no database")

// Open opens or, unless read-only, creates the database at path, waiting
// at most opt.Wait for another process to let go of it. A file that a
// lede killed while creating it left without lede's buckets is set up as
// new, even by a read-only Open (create.go).
func Open(path string, opt Options) (*DB, error) { return open(path, opt, false) }

// open is Open; created says that a read-only open has just set up a file
// left blank, so it is not tried again.
func open(path string, opt Options, created bool) (*DB, error) {
	wait := opt.Wait
	if wait <= 0 {
		wait = 50 * time.Millisecond
	}
	if opt.ReadOnly {
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%w at %s", ErrNoDatabase, path)
		}
	} else if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	if err := checkShort(path, wait); err != nil {
		return nil, err
	}
	if fi, err := os.Stat(path); opt.ReadOnly && !created && err == nil && fi.Size() == 0 {
		return createThenRead(path, opt) // bbolt cannot create it read-only
	}
	start := time.Now()
	// The freelist is written with every commit (no NoFreelistSync):
	// without it, every read-write open walks the whole file to rebuild
	// it, and the CLI opens the file for every batch.
	bdb, err := bolt.Open(path, 0o600, &bolt.Options{
		Timeout:      wait,
		ReadOnly:     opt.ReadOnly,
		FreelistType: bolt.FreelistMapType,
	})
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, &LockedError{Path: path, Waited: time.Since(start), Holder: holderOf(path)}
	}
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	db := &DB{bolt: bdb, path: path, noEvents: opt.NoEvents}
	if err := db.init(opt.ReadOnly); err != nil {
		bdb.Close()
		if errors.Is(err, errBlank) && !created {
			return createThenRead(path, opt)
		}
		return nil, err
	}
	if !opt.ReadOnly {
		db.lock = holderFile(path)
		desc := fmt.Sprintf("pid %d", os.Getpid())
		if opt.Holder != "" {
			desc += ", " + opt.Holder
		}
		desc += ", since " + time.Now().Format(time.TimeOnly)
		_ = os.WriteFile(db.lock, []byte(desc+"\n"), 0o644)
	}
	return db, nil
}

func holderFile(path string) string { return path + ".holder" }

// Close releases the file.
func (db *DB) Close() error {
	if db.lock != "" {
		os.Remove(db.lock)
	}
	return db.bolt.Close()
}

// init creates the buckets of a new file and checks the schema version
// of an existing one.
func (db *DB) init(readOnly bool) error {
	check := func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil && readOnly && countUserBuckets(tx) == 0 {
			return errBlank
		}
		if meta == nil {
			return db.otherData()
		}
		v := meta.Get([]byte("schema"))
		if len(v) != 4 {
			return fmt.Errorf("%s is not a lede database (no schema version)", db.path)
		}
		if got := binary.BigEndian.Uint32(v); got > SchemaVersion {
			return fmt.Errorf("%s was written by a newer lede (schema %d; this lede reads up to %d): upgrade lede", db.path, got, SchemaVersion)
		} else if got < SchemaVersion && readOnly {
			return fmt.Errorf("%s was written by an older lede (schema %d; this lede writes %d): the next lede ingest migrates it (any input will do, even one already stored)", db.path, got, SchemaVersion)
		}
		return nil
	}
	if readOnly {
		return db.bolt.View(check)
	}
	if db.settled(check) {
		return nil
	}
	// A step added to this transaction must be added to settled too,
	// or a file that needs it would never get it.
	return db.bolt.Update(func(tx *bolt.Tx) error {
		// Only a file with no buckets at all is new: one with buckets but
		// no meta is another program's data or a damaged lede file, and
		// must not be taken over.
		fresh := tx.Bucket(bucketMeta) == nil
		if fresh && countUserBuckets(tx) > 0 {
			return db.otherData()
		}
		for _, name := range allBuckets {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		if fresh {
			v := binary.BigEndian.AppendUint32(nil, SchemaVersion)
			if err := tx.Bucket(bucketMeta).Put([]byte("schema"), v); err != nil {
				return err
			}
		}
		if err := check(tx); err != nil {
			return err
		}
		t := tracked(tx)
		rebuilt, err := migrate(t)
		if err != nil {
			return err
		}
		if rebuilt { // every listing record is new: nothing left to rebuild
			clear(t.dirty.stories)
			t.dirty.arrivals = nil
		}
		if err := migrateAdvisories(t); err != nil {
			return err
		}
		if err := ensureIdentity(tx); err != nil {
			return err
		}
		return t.flushListings()
	})
}

// settled reports whether init's write transaction would change nothing
// in the file: every bucket there, the schema current, advisories filed
// apart and the identity given. A write transaction that changes nothing
// still commits (bbolt writes the freelist and the meta page and syncs
// the file twice), and lede ingest opens the file for every batch: on
// 20,000 pages that was 40 commits of nothing. When settled is false,
// or the check fails, init's Update runs and decides as before.
func (db *DB) settled(check func(*bolt.Tx) error) bool {
	ok := false
	db.bolt.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil || check(tx) != nil {
			return nil
		}
		if binary.BigEndian.Uint32(meta.Get([]byte("schema"))) != SchemaVersion ||
			meta.Get(metaAdvisories) == nil || meta.Get(metaDBIDSince) == nil {
			return nil
		}
		for _, name := range allBuckets {
			if tx.Bucket(name) == nil {
				return nil
			}
		}
		ok = true
		return nil
	})
	return ok
}

// otherData refuses a bbolt file with buckets but no lede meta bucket.
func (db *DB) otherData() error {
	return fmt.Errorf("%s holds other data (bbolt buckets, but not lede's meta bucket); refusing to use it as a lede database", db.path)
}

func countUserBuckets(tx *bolt.Tx) int {
	n := 0
	tx.ForEach(func([]byte, *bolt.Bucket) error { n++; return nil })
	return n
}

// getJSON decodes a JSON value; the decoded value owns its memory.
func getJSON(b *bolt.Bucket, key []byte, v any) (bool, error) {
	raw := b.Get(key)
	if raw == nil {
		return false, nil
	}
	if err := decodeRecord(raw, v); err != nil {
		return true, fmt.Errorf("%s %x: %w", "record", key, err)
	}
	return true, nil
}

func putJSON(b *bolt.Bucket, key []byte, v any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put(key, raw)
}

// migrate brings an older file up to SchemaVersion inside the opening
// transaction, so a crash leaves it as it was. It reports whether it
// built every story's listing record (from schemas before 12, which have
// none).
func migrate(t txn) (bool, error) {
	tx := t.Tx
	meta := tx.Bucket(bucketMeta)
	v := binary.BigEndian.Uint32(meta.Get([]byte("schema")))
	if v == SchemaVersion {
		return false, nil
	}
	if v < 5 {
		if err := migratePostings(tx, v); err != nil {
			return false, err
		}
	}
	if v < 3 {
		if err := migrateHashes(tx); err != nil {
			return false, err
		}
	}
	if v < 4 {
		if err := t.indexHeads(); err != nil {
			return false, err
		}
	}
	if v < 7 {
		if err := migrateOrder(t); err != nil {
			return false, err
		}
	}
	if v < 8 {
		if err := t.indexWords(); err != nil {
			return false, err
		}
	}
	if v < 9 {
		if err := migrateParts(t); err != nil {
			return false, err
		}
	}
	if v < 10 {
		if err := migrateIDs(t); err != nil {
			return false, err
		}
	}
	if v < 13 {
		if err := t.indexText(); err != nil {
			return false, err
		}
	}
	if v < 12 {
		// Built last, from the records as the migrations above left them.
		if err := t.rebuildListings(); err != nil {
			return false, err
		}
	}
	// Schema 14 writes revision records in binary (recordbin.go), and
	// schema 15 story records (storybin.go); the JSON records of older
	// schemas are read as they are and take the binary form when next
	// written. Rewriting them all here would hold every record of a large
	// file in one transaction's memory.
	return v < 12, meta.Put([]byte("schema"), binary.BigEndian.AppendUint32(nil, SchemaVersion))
}

// migratePostings packs the candidate index of schemas 1-4 (bucket
// "terms", one key per day, story and term; schema 1: per day, term and
// story) into schema 5's, one key per day and story. It reads the old
// index a day at a time and writes the new one beside it, so a file of a
// million revisions needs the memory of one day's postings, then drops
// the old bucket.
func migratePostings(tx *bolt.Tx, from uint32) error {
	old := tx.Bucket([]byte("terms"))
	if old == nil {
		return nil
	}
	b := tx.Bucket(bucketTerms)
	c := old.Cursor()
	k, _ := c.First()
	for k != nil {
		day := append([]byte(nil), k[:4]...)
		byStory := map[uint64][]uint64{}
		for ; k != nil && hasPrefix(k, day); k, _ = c.Next() {
			if len(k) != 20 {
				return fmt.Errorf("%w: postings key %x", errCorrupt, k)
			}
			uid, term := getU64(k[4:]), getU64(k[12:])
			if from < 2 {
				uid, term = term, uid
			}
			byStory[uid] = append(byStory[uid], term)
		}
		y, md := binary.BigEndian.Uint16(day), binary.BigEndian.Uint16(day[2:])
		for uid, terms := range byStory {
			slices.Sort(terms)
			if err := b.Put(postingKey(y, md, uid), encodeTerms(slices.Compact(terms))); err != nil {
				return err
			}
		}
	}
	return tx.DeleteBucket([]byte("terms"))
}

// migrateHashes refiles schema 2's content hashes (16 bytes of SHA-256)
// under the page's date and the first 12 bytes.
func migrateHashes(btx *bolt.Tx) error {
	tx := txn{Tx: btx}
	type entry struct{ key, arrival []byte }
	var old []entry
	tx.b(bucketHashes).ForEach(func(k, v []byte) error {
		old = append(old, entry{append([]byte(nil), k...), append([]byte(nil), v...)})
		return nil
	})
	if err := btx.DeleteBucket(bucketHashes); err != nil {
		return err
	}
	b, err := btx.CreateBucket(bucketHashes)
	if err != nil {
		return err
	}
	for _, e := range old {
		rk := tx.b(bucketArrivals).Get(e.arrival)
		var rec RevRecord
		if rk == nil {
			return errCorrupt
		}
		if _, err := tx.getRev(rk, &rec); err != nil {
			return err
		}
		if err := b.Put(hashKey(rec.Date, e.key[:12]), e.arrival); err != nil {
			return err
		}
	}
	return nil
}
