package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// lifecyclePage reads a hand-made ninjs item of testdata/lifecycle.
func lifecyclePage(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "lifecycle", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestWatchKillOfAlertedStory: with --on new-story --grep 'river town',
// the dam story raises a new-story alert; its correction and its kill
// then raise alerts by default, though --on names neither and neither
// matches the grep. The bridge story never raised an alert, so its kill
// raises none.
func TestWatchKillOfAlertedStory(t *testing.T) {
	dir, _, h, _ := watchWithHook(t, nil, "--on", "new-story", "--grep", "river town")
	steps := []struct {
		file  string
		kinds []string // nil: no alert
	}{
		{"dam-v1.json", []string{"new-story"}},
		{"bridge-v1.json", nil},
		{"dam-v2-corrected.json", []string{"correction"}},
		{"bridge-v2-killed.json", nil},
		{"dam-v3-killed.json", []string{"kill"}},
	}
	want := 0
	for _, s := range steps {
		dropFile(t, dir, s.file, lifecyclePage(t, s.file))
		if s.kinds != nil {
			want++
			h.waitFor(t, want, 10*time.Second)
		} else {
			time.Sleep(900 * time.Millisecond) // room for a wrong alert
		}
		if got := h.alerts(); len(got) != want {
			t.Fatalf("after %s: %d alerts, want %d", s.file, len(got), want)
		}
		if s.kinds == nil {
			continue
		}
		a := h.alerts()[want-1].alert
		if !reflect.DeepEqual(a.Kinds, s.kinds) || a.Agency != "Example News" || a.ItemID != "urn:example:lede:20240305:dam-1" {
			t.Errorf("%s: kinds %v agency %q item %q; want %v", s.file, a.Kinds, a.Agency, a.ItemID, s.kinds)
		}
		if s.file == "dam-v3-killed.json" && (a.Status != "canceled" || !reflect.DeepEqual(a.Signals, []string{"kill"}) || a.Rev != 3) {
			t.Errorf("kill alert: status %q signals %v rev %d", a.Status, a.Signals, a.Rev)
		}
	}
}

// TestWatchKillInOneBatch checks that a kill raises its alert when it
// lands in the same batch as the alert on its story's first version: the
// story has been alerted on by the time the kill is judged, though the
// store held no alert for it when the batch's events were read.
func TestWatchKillInOneBatch(t *testing.T) {
	dir, db := t.TempDir(), filepath.Join(t.TempDir(), "lede.db")
	jsonl := filepath.Join(t.TempDir(), "alerts.jsonl")
	for _, f := range []string{"dam-v1.json", "dam-v3-killed.json", "bridge-v1.json", "bridge-v2-killed.json"} {
		dropFile(t, dir, f, lifecyclePage(t, f))
	}
	r := runBinary(t, "", nil, "--db", db, "watch", "--once", "--settle", "0", "--quiet",
		"--on", "new-story", "--grep", "river town", "--jsonl", jsonl, dir)
	if r.code != 0 {
		t.Fatalf("watch --once: exit %d\n%s", r.code, r.stderr)
	}
	data, err := os.ReadFile(jsonl)
	if err != nil {
		t.Fatal(err)
	}
	var kinds [][]string
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var a struct {
			Kinds  []string `json:"kinds"`
			ItemID string   `json:"item_id"`
		}
		if err := json.Unmarshal([]byte(l), &a); err != nil {
			t.Fatalf("alert line %q: %v", l, err)
		}
		if a.ItemID != "urn:example:lede:20240305:dam-1" {
			t.Errorf("alert for %q: only the dam story was alerted on", a.ItemID)
		}
		kinds = append(kinds, a.Kinds)
	}
	if !reflect.DeepEqual(kinds, [][]string{{"new-story"}, {"kill"}}) {
		t.Errorf("alerts %v, want the new story then its kill", kinds)
	}
}
