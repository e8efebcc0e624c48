package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWatchBadInput: bad files dropped into a watched folder are reported
// by name, the good page beside them is stored, and a second run neither
// loses nor duplicates anything.
func TestWatchBadInput(t *testing.T) {
	dir, db := t.TempDir(), filepath.Join(t.TempDir(), "lede.db")
	good, err := os.ReadFile("../../testdata/yonhap/pages/AEN20190602000700325.txt")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"good.txt":   good,
		"empty.txt":  nil,
		"binary.txt": {0x00, 0x01, 0x02, 0xff, 0x00},
		"latin1.txt": []byte("SEOUL, Jan. 1 (Yonhap) -- caf\xe9\n(END)\n"),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := runIn(t, fakeProc{}, "--db", db, "watch", "--once", "--settle", "0", "--quiet", dir)
	if r.code != 1 {
		t.Fatalf("watch over bad files: exit %d, want 1\n%s", r.code, r.stderr)
	}
	for _, name := range []string{"empty.txt", "binary.txt", "latin1.txt"} {
		if !strings.Contains(r.stderr, name) {
			t.Errorf("stderr does not name %s:\n%s", name, r.stderr)
		}
	}
	if strings.Contains(r.stderr, "good.txt") {
		t.Errorf("the good page is reported as bad:\n%s", r.stderr)
	}
	check := func() {
		t.Helper()
		c := runIn(t, fakeProc{}, "--db", db, "check")
		if c.code != 0 || !strings.Contains(c.stdout, "ok: 1 story, 1 revision") {
			t.Fatalf("check: exit %d\n%s%s", c.code, c.stdout, c.stderr)
		}
	}
	check()
	runIn(t, fakeProc{}, "--db", db, "watch", "--once", "--settle", "0", "--quiet", dir)
	check()
}
