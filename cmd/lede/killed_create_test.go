package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lede/store/storetest"
)

// TestKilledCreationBinary gives the built binary database files as a
// SIGKILL during the very first ingest leaves them (TestKilledIngest met
// one): an empty file, bbolt's header cut after two pages, a bbolt file
// without buckets. Whether the next command only reads (check, stories)
// or ingests, it treats the file as a new, empty database and completes.
// A bbolt file of another program is refused by both, and left alone.
func TestKilledCreationBinary(t *testing.T) {
	t.Parallel()
	page := "../../testdata/seed-AEN20191230000451325.txt"
	blank := func(t *testing.T, path string) {
		if err := storetest.BlankFile(path); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		name string
		make func(*testing.T, string)
	}{
		{"empty file", func(t *testing.T, path string) { writeFile(t, path, "") }},
		{"header cut after two pages", func(t *testing.T, path string) {
			blank(t, path)
			if err := os.Truncate(path, int64(2*os.Getpagesize())); err != nil {
				t.Fatal(err)
			}
		}},
		{"bbolt file without buckets", blank},
	}
	for _, tc := range cases {
		for _, first := range []string{"check", "ingest"} {
			t.Run(tc.name+", then "+first, func(t *testing.T) {
				t.Parallel()
				db := filepath.Join(t.TempDir(), "lede.db")
				tc.make(t, db)
				if first == "check" {
					if c := checkJSON(t, db); c.Revisions != 0 || c.Stories != 0 {
						t.Errorf("check: %+v, want an empty database", c)
					}
					if r := runBinary(t, "", nil, "--db", db, "stories", "--json"); r.code != 0 || strings.TrimSpace(r.stdout) != "[]" {
						t.Errorf("stories: exit %d, %q, stderr %s", r.code, r.stdout, r.stderr)
					}
				}
				r := runBinary(t, "", nil, "--db", db, "ingest", "--json", page)
				if lines := decodeIngestLines(t, r.stdout); r.code != 0 || len(lines) != 1 || lines[0].Status != "new-story" {
					t.Fatalf("ingest: exit %d, %s, stderr %s", r.code, r.stdout, r.stderr)
				}
				if c := checkJSON(t, db); c.Revisions != 1 {
					t.Errorf("check after the ingest: %+v", c)
				}
			})
		}
	}

	t.Run("another program's bbolt file", func(t *testing.T) {
		t.Parallel()
		db := filepath.Join(t.TempDir(), "settings.db")
		if err := storetest.ForeignFile(db, "stories"); err != nil {
			t.Fatal(err)
		}
		before, _ := os.ReadFile(db)
		for _, args := range [][]string{{"check", "--json"}, {"stories"}, {"ingest", page}} {
			r := runBinary(t, "", nil, append([]string{"--db", db}, args...)...)
			if r.code != 1 || !strings.Contains(r.stderr, "lede: error: "+db+" holds other data") {
				t.Errorf("lede %s: exit %d, stderr %s", strings.Join(args, " "), r.code, r.stderr)
			}
			if args[0] == "check" && json.Valid([]byte(r.stdout)) && strings.Contains(r.stdout, `"ok": true`) {
				t.Errorf("check called it sound: %s", r.stdout)
			}
		}
		if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
			t.Errorf("the refused file changed")
		}
	})
}
