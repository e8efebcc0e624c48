//go:build unix

package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// TestWatchLockFollowsTheFile runs a watch and then a second one on the
// same database under other names: a symbolic link (to the file, and to
// its directory) and a hard link. Each second watch refuses, so alerts
// are not delivered twice; once the first has stopped, they run.
func TestWatchLockFollowsTheFile(t *testing.T) {
	t.Parallel()
	base := t.TempDir()
	dir, empty := filepath.Join(base, "in"), t.TempDir()
	dbDir := filepath.Join(base, "data")
	for _, d := range []string{dir, dbDir} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(dbDir, "lede.db")
	w := startWatch(t, db, dir, "--quiet")
	link, dirLink, hard := filepath.Join(base, "link.db"), filepath.Join(base, "datalink"), filepath.Join(base, "hard.db")
	if err := os.Symlink(db, link); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(dbDir, dirLink); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(db, hard); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ name, db, want string }{
		{"symlink", link, "another lede watch (pid " + strconv.Itoa(w.cmd.Process.Pid) + ") is watching " + link + " (" + db + ")"},
		{"directory symlink", filepath.Join(dirLink, "lede.db"), "another lede watch (pid " + strconv.Itoa(w.cmd.Process.Pid) + ") is watching"},
		{"hard link", hard, "another lede watch (under another name: a hard link to the same file) is watching " + hard},
	}
	for _, c := range cases {
		if c.name == "hard link" && runtime.GOOS != "linux" {
			continue // only Linux has the lock on the file itself
		}
		r := runBinary(t, "", nil, "--db", c.db, "watch", "--once", "--quiet", empty)
		if r.code != 1 || !strings.Contains(r.stderr, c.want) || !strings.Contains(r.stderr, "hint: one watch per database") {
			t.Errorf("%s: a second watch: exit %d, stderr %q, want %q", c.name, r.code, r.stderr, c.want)
		}
	}
	w.stop(t)
	for _, c := range cases {
		if r := runBinary(t, "", nil, "--db", c.db, "watch", "--once", "--quiet", empty); r.code != 0 {
			t.Errorf("%s: after the first watch stopped: exit %d: %s", c.name, r.code, r.stderr)
		}
	}
}
