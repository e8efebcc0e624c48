//go:build unix

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"lede/store"
)

// TestStaleHolder kills lede ingest with SIGKILL while it holds the
// database, which leaves its holder file behind; when the file is later
// busy with a reader, the next writer's error does not name the dead
// ingest.
func TestStaleHolder(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "lede.db")
	holder := db + ".holder"
	var pid int
	for try := 0; pid == 0; try++ {
		if try == 20 {
			data, _ := os.ReadFile(holder)
			t.Fatalf("never caught lede ingest holding the database: %q", data)
		}
		cmd := exec.Command(binary(t), "--db", db, "ingest", "--batch", "1", pagesDir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Until it has written its holder file (not merely created it).
		mine := "pid " + strconv.Itoa(cmd.Process.Pid) + ","
		for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
			if data, err := os.ReadFile(holder); err == nil && strings.HasPrefix(string(data), mine) {
				break
			}
		}
		cmd.Process.Kill()
		cmd.Wait()
		if data, err := os.ReadFile(holder); err == nil && strings.HasPrefix(string(data), mine) {
			pid = cmd.Process.Pid
		}
	}
	reader, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	r := runBinary(t, "", nil, "--db", db, "--wait", "0s", "ingest", pagesDir)
	if r.code != 1 || !strings.Contains(r.stderr, "is in use by another lede process; waited") || strings.Contains(r.stderr, strconv.Itoa(pid)) {
		t.Errorf("exit %d, stderr %q: want no mention of the dead pid %d", r.code, r.stderr, pid)
	}
}
