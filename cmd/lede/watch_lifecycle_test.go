package main

import (
	"os"
	"path/filepath"
	"reflect"
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
