package store

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lede/store/storetest"

	bolt "go.etcd.io/bbolt"
)

// blankBolt creates a bbolt file with no buckets, as bbolt leaves it
// before lede's first transaction, and returns its path.
func blankBolt(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "lede.db")
	if err := storetest.BlankFile(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// foreign creates a bbolt file of another program with one bucket.
func foreign(bucket string) func(*testing.T) string {
	return func(t *testing.T) string {
		path := filepath.Join(t.TempDir(), "lede.db")
		if err := storetest.ForeignFile(path, bucket); err != nil {
			t.Fatal(err)
		}
		return path
	}
}

// TestKilledCreation opens files as a SIGKILL during the first ingest
// leaves them (empty, bbolt's header cut at a page boundary, a bbolt file
// without buckets): a read-only open, as lede check or stories does, and
// a write open both set them up as a new, empty database. Files that hold
// something (another program's buckets, even named like lede's; a lede
// file that lost its meta bucket or was cut short; a short file that is
// no bbolt header)
// are refused by both and left byte for byte as they were.
func TestKilledCreation(t *testing.T) {
	page := os.Getpagesize()
	cut := func(pages int) func(*testing.T) string {
		return func(t *testing.T) string {
			path := blankBolt(t)
			if err := os.Truncate(path, int64(pages*page)); err != nil {
				t.Fatal(err)
			}
			return path
		}
	}
	fresh := []struct {
		name string
		make func(*testing.T) string
	}{
		{"empty file", func(t *testing.T) string {
			path := filepath.Join(t.TempDir(), "lede.db")
			writeTestFile(t, path, nil)
			return path
		}},
		{"bbolt without buckets", blankBolt},
		{"header cut after one page", cut(1)},
		{"header cut after two pages", cut(2)},
		{"header cut after three pages", cut(3)},
	}
	for _, tc := range fresh {
		for _, readOnly := range []bool{true, false} {
			t.Run(tc.name+map[bool]string{true: ", read-only", false: ", for writing"}[readOnly], func(t *testing.T) {
				path := tc.make(t)
				db, err := Open(path, Options{ReadOnly: readOnly})
				if err != nil {
					t.Fatalf("open: %v", err)
				}
				rep := mustCheck(t, db)
				db.Close()
				if rep.Stories != 0 || rep.Revisions != 0 {
					t.Errorf("check %+v, want an empty database", rep)
				}
				// It is a lede database now: ingest stores into it.
				w, err := Open(path, Options{})
				if err != nil {
					t.Fatalf("reopen for writing: %v", err)
				}
				defer w.Close()
				p := corpusInputs(t)[0]
				if res := ingest(t, w, p.in)[0]; res.Status != StatusNewStory {
					t.Errorf("ingest: %+v", res)
				}
				mustCheck(t, w)
			})
		}
	}

	refused := []struct {
		name, want string
		make       func(*testing.T) string
	}{
		{"another program's bbolt file", "holds other data", foreign("settings")},
		{"a bbolt bucket named like lede's", "holds other data", foreign("stories")},
		{"lede file without its meta bucket", "holds other data", damaged(func(db *DB, _ string) error {
			return db.bolt.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket(bucketMeta) })
		})},
		{"lede file cut to two pages", "a damaged database", damaged(func(db *DB, path string) error {
			db.Close()
			return os.Truncate(path, int64(2*page))
		})},
		{"short text file", "too short to be a lede database", func(t *testing.T) string {
			path := filepath.Join(t.TempDir(), "lede.db")
			writeTestFile(t, path, []byte("not a database\n"))
			return path
		}},
		{"two pages of zeros", "too short to be a lede database", func(t *testing.T) string {
			path := filepath.Join(t.TempDir(), "lede.db")
			writeTestFile(t, path, make([]byte, 2*page))
			return path
		}},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			path := tc.make(t)
			before, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			for _, readOnly := range []bool{true, false} {
				db, err := Open(path, Options{ReadOnly: readOnly})
				if err == nil {
					db.Close()
					t.Fatalf("read-only %v: opened", readOnly)
				}
				if !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), path) {
					t.Errorf("read-only %v: %v, want %q naming the file", readOnly, err, tc.want)
				}
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
				t.Errorf("the refused file changed: %d bytes before, %d after", len(before), len(after))
			}
		})
	}
}

// damaged makes a lede file of one story and damages it with harm.
func damaged(harm func(db *DB, path string) error) func(*testing.T) string {
	return func(t *testing.T) string {
		path := filepath.Join(t.TempDir(), "lede.db")
		db, err := Open(path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		ingest(t, db, corpusInputs(t)[0].in)
		if err := harm(db, path); err != nil {
			t.Fatal(err)
		}
		return path
	}
}

func writeTestFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}
