package store

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"
)

// The migration tests open files that older ledes wrote. Those files are
// kept in testdata not as database files but as text dumps: one JSON
// line per bucket, then one per key and value in it, in bucket order.
// restoreDump writes the same keys and values into a new bbolt file, so
// the migration meets exactly the bytes the older lede stored (bbolt's
// page layout is bbolt's, not lede's, and the migration never reads it).

// dumpLine is one line of a dump: a bucket ("b"), or a key ("k") and its
// value ("v") in the bucket named last, which also keeps the bucket's
// sequence ("seq"). Bytes that are valid UTF-8 and
// printable are written as a string ("s:"), others in base64 ("b:").
type dumpLine struct {
	B string `json:"b,omitempty"`
	// Seq is the bucket's sequence (bbolt's NextSequence counter: lede
	// numbers arrivals and stories by it).
	Seq uint64 `json:"seq,omitempty"`
	K   string `json:"k,omitempty"`
	V   string `json:"v,omitempty"`
}

func dumpBytes(b []byte) string {
	if utf8.Valid(b) && bytes.IndexFunc(b, func(r rune) bool { return r < 0x20 && r != '\n' && r != '\t' }) < 0 {
		return "s:" + string(b)
	}
	return "b:" + base64.StdEncoding.EncodeToString(b)
}

func undumpBytes(s string) ([]byte, error) {
	switch {
	case len(s) >= 2 && s[:2] == "s:":
		return []byte(s[2:]), nil
	case len(s) >= 2 && s[:2] == "b:":
		return base64.StdEncoding.DecodeString(s[2:])
	}
	return nil, fmt.Errorf("dump value %s has no s: or b: prefix", strconv.Quote(s[:min(len(s), 20)]))
}

// writeDump writes the dump of the bbolt file at path to out.
func writeDump(path, out string) error {
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer db.Close()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	err = db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			if err := enc.Encode(dumpLine{B: dumpBytes(name), Seq: b.Sequence()}); err != nil {
				return err
			}
			return b.ForEach(func(k, v []byte) error {
				if v == nil {
					return fmt.Errorf("bucket %q holds a nested bucket, which lede never writes", name)
				}
				return enc.Encode(dumpLine{K: dumpBytes(k), V: dumpBytes(v)})
			})
		})
	})
	if err != nil {
		return err
	}
	return os.WriteFile(out, buf.Bytes(), 0o644)
}

// restoreDump builds the bbolt file at path from the dump in file.
func restoreDump(t *testing.T, file, path string) {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		var b *bolt.Bucket
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 16<<20)
		for n := 1; sc.Scan(); n++ {
			var l dumpLine
			if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
				return fmt.Errorf("%s:%d: %v", file, n, err)
			}
			if l.B != "" {
				name, err := undumpBytes(l.B)
				if err != nil {
					return err
				}
				if b, err = tx.CreateBucket(name); err != nil {
					return err
				}
				if err := b.SetSequence(l.Seq); err != nil {
					return err
				}
				continue
			}
			k, err := undumpBytes(l.K)
			if err != nil {
				return fmt.Errorf("%s:%d: %v", file, n, err)
			}
			v, err := undumpBytes(l.V)
			if err != nil {
				return fmt.Errorf("%s:%d: %v", file, n, err)
			}
			if b == nil {
				return fmt.Errorf("%s:%d: a key before any bucket", file, n)
			}
			if err := b.Put(k, v); err != nil {
				return err
			}
		}
		return sc.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestDumpRoundTrip: a file restored from its dump holds the same
// buckets, keys and values, byte for byte.
func TestDumpRoundTrip(t *testing.T) {
	db := openTemp(t)
	var ins []Input
	for _, l := range corpusInputs(t)[:12] {
		ins = append(ins, l.in)
	}
	if _, err := db.Ingest(t.Context(), ins); err != nil {
		t.Fatal(err)
	}
	path := db.path
	db.Close()
	dump := t.TempDir() + "/dump.jsonl"
	if err := writeDump(path, dump); err != nil {
		t.Fatal(err)
	}
	restored := t.TempDir() + "/restored.db"
	restoreDump(t, dump, restored)
	again := t.TempDir() + "/again.jsonl"
	if err := writeDump(restored, again); err != nil {
		t.Fatal(err)
	}
	a, _ := os.ReadFile(dump)
	b, _ := os.ReadFile(again)
	if !bytes.Equal(a, b) || len(a) == 0 {
		t.Fatalf("the restored file dumps differently (%d and %d bytes)", len(a), len(b))
	}
}

// TestDumpFile writes the dump of a file an older lede wrote, to keep
// it as a migration test's fixture: LEDE_DUMP=FILE.db:testdata/NAME.dump.jsonl.
func TestDumpFile(t *testing.T) {
	from, to, ok := strings.Cut(os.Getenv("LEDE_DUMP"), ":")
	if !ok {
		t.Skip("set LEDE_DUMP=FILE.db:OUT.jsonl to write a fixture's dump")
	}
	if err := writeDump(from, to); err != nil {
		t.Fatal(err)
	}
}
