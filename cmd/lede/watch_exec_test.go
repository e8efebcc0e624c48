//go:build linux

package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"lede/intake/watch"
)

// TestWatchExecStop stops a watch (Ctrl-C) while its --exec command
// waits for a child of its own: the watch gives the send its 5s and then
// ends the command's whole process group, so it exits soon after and
// leaves no orphan, rather than waiting out the child's 30s.
func TestWatchExecStop(t *testing.T) {
	t.Parallel()
	dir, db, pidFile := t.TempDir(), filepath.Join(t.TempDir(), "lede.db"), filepath.Join(t.TempDir(), "child.pid")
	w := startWatch(t, db, dir, "--quiet", "--exec", "cat >/dev/null; sleep 30 & echo $! > "+pidFile+"; wait")
	dropFile(t, dir, typhoonFirst, corpusPage(t, typhoonFirst))
	dropFile(t, dir, typhoonLead, corpusPage(t, typhoonLead))
	var pid int
	for deadline := time.Now().Add(15 * time.Second); pid == 0; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the exec sink never ran: %s", w.errText())
		}
		data, _ := os.ReadFile(pidFile)
		pid, _ = strconv.Atoi(strings.TrimSpace(string(data)))
	}
	start := time.Now()
	w.stop(t)
	if took := time.Since(start); took > watch.StopGrace+3*time.Second {
		t.Errorf("watch took %s to stop", took)
	}
	if !strings.Contains(w.errText(), "signal: killed (the watch is stopping)") {
		t.Errorf("stderr:\n%s", w.errText())
	}
	// The child was killed with its group; init may leave it a zombie.
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err == nil && !strings.HasPrefix(strings.TrimSpace(string(stat[strings.LastIndexByte(string(stat), ')')+1:])), "Z") {
		t.Errorf("the command's child %d outlived the watch: %s", pid, stat)
	}
}
