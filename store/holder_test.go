//go:build unix

package store

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestLockedHolder finds the database busy (a reader holds it) with a
// holder file left behind: one that names a process that has ended (a
// writer killed with SIGKILL) is not blamed, one that names a live
// process is.
func TestLockedHolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lede.db")
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	dead := exec.Command("/bin/sh", "-c", "kill -KILL $$")
	dead.Run() // killed and reaped: its pid names no process now
	reader, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	for _, tt := range []struct {
		holder, want string
	}{
		{fmt.Sprintf("pid %d, lede ingest, since 10:31:07\n", dead.Process.Pid), "in use by another lede process; waited"},
		{fmt.Sprintf("pid %d, lede watch, since 10:31:07\n", os.Getpid()), fmt.Sprintf("in use by another lede process (pid %d, lede watch, since 10:31:07); waited", os.Getpid())},
		{"", "in use by another lede process; waited"},
	} {
		if err := os.WriteFile(holderFile(path), []byte(tt.holder), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Open(path, Options{Wait: 60 * time.Millisecond})
		var locked *LockedError
		if !errors.As(err, &locked) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("holder %q: %v, want %q", tt.holder, err, tt.want)
		}
	}
}
