package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWatchPrunesOldAlerts: a watch deletes the alerts its sinks are
// done with once they are older than --keep-alerts, and keeps the stories
// and revisions; by default (30 days) it keeps them.
func TestWatchPrunesOldAlerts(t *testing.T) {
	dir, db := t.TempDir(), filepath.Join(t.TempDir(), "lede.db")
	jsonl := filepath.Join(t.TempDir(), "alerts.jsonl")
	for _, p := range []string{firstPage, leadPage} {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(p)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	watch := func(extra ...string) result {
		t.Helper()
		args := append([]string{"--db", db, "watch", "--once", "--settle", "0", "--quiet", "--on", "any", "--jsonl", jsonl, "-v"}, extra...)
		r := runIn(t, fakeProc{}, append(args, dir)...)
		if r.code != 0 {
			t.Fatalf("watch %v: exit %d\n%s", extra, r.code, r.stderr)
		}
		return r
	}
	alerts := func() int {
		t.Helper()
		r := runIn(t, fakeProc{}, "--db", db, "alerts", "--json")
		var list []json.RawMessage
		if err := json.Unmarshal([]byte(r.stdout), &list); err != nil {
			t.Fatalf("alerts --json: %v\n%s", err, r.stdout)
		}
		return len(list)
	}
	watch()
	if n := alerts(); n != 2 {
		t.Fatalf("%d alerts after the first watch, want 2", n)
	}
	if r := watch(); strings.Contains(r.stderr, "deleted") || alerts() != 2 {
		t.Fatalf("default --keep-alerts deleted alerts:\n%s", r.stderr)
	}
	r := watch("--keep-alerts", "1ns")
	if !strings.Contains(r.stderr, "lede: deleted 2 alerts older than 1ns") {
		t.Errorf("stderr does not report the deletion:\n%s", r.stderr)
	}
	if n := alerts(); n != 0 {
		t.Errorf("%d alerts left, want 0", n)
	}
	c := runIn(t, fakeProc{}, "--db", db, "check")
	if c.code != 0 || !strings.Contains(c.stdout, "ok: 1 story, 2 revisions") {
		t.Errorf("check: exit %d\n%s%s", c.code, c.stdout, c.stderr)
	}
	if u := runIn(t, fakeProc{}, "--db", db, "watch", "--once", "--keep-alerts", "-1s", dir); u.code != 2 {
		t.Errorf("negative --keep-alerts: exit %d, want 2", u.code)
	}
}
