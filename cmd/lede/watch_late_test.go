package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"lede/alert"
)

// TestWatchLateLead runs lede watch --once twice on the exit-polls story:
// the first version and the 2nd LD, then the LEAD, which lands between
// them. By default the LEAD raises an alert marked late, compared with
// the first version, and the 2nd LD's alert command still names the 2nd
// LD; with --late skip the LEAD raises none.
func TestWatchLateLead(t *testing.T) {
	for _, tt := range []struct {
		name  string
		flags []string
		late  bool // the LEAD raises an alert
	}{
		{"default", nil, true},
		{"alert", []string{"--late", "alert"}, true},
		{"skip", []string{"--late", "skip"}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir, db := t.TempDir(), filepath.Join(t.TempDir(), "lede.db")
			jsonl := filepath.Join(t.TempDir(), "alerts.jsonl")
			once := func() []alert.Alert {
				t.Helper()
				args := append([]string{"--db", db, "watch", dir, "--once", "--quiet", "--jsonl", jsonl}, tt.flags...)
				if r := runBinary(t, "", nil, args...); r.code != 0 {
					t.Fatalf("watch --once: exit %d: %s", r.code, r.stderr)
				}
				return readAlerts(t, jsonl)
			}
			copyPage(t, exitPolls[0], dir)
			copyPage(t, exitPolls[2], dir)
			got := once()
			if len(got) != 1 || got[0].Marker.Label != "2nd LD" || got[0].Late != "" || got[0].Rev != 2 {
				t.Fatalf("alerts after the first version and the 2nd LD: %+v, want one for the 2nd LD", got)
			}
			ld2 := got[0]
			copyPage(t, exitPolls[1], dir)
			got = once()
			if !tt.late {
				if len(got) != 1 {
					t.Errorf("--late skip: %d alerts, want only the 2nd LD's: %+v", len(got), got[1:])
				}
				return
			}
			if len(got) != 2 {
				t.Fatalf("%d alerts, want the 2nd LD's and the late LEAD's", len(got))
			}
			lead := got[1]
			if lead.Marker.Label != "LEAD" || lead.Rev != 2 || lead.Late != "arrived after @3; versions renumbered" ||
				!reflect.DeepEqual(lead.Kinds, []string{"lead"}) {
				t.Errorf("late LEAD's alert: @%d %q kinds %v late %q", lead.Rev, lead.Marker.Label, lead.Kinds, lead.Late)
			}
			if lead.PrevRef != ld2.PrevRef || !strings.HasSuffix(lead.Command, " diff "+ld2.PrevRef+" "+lead.Ref) {
				t.Errorf("late LEAD compared with %s by %q; want the first version, %s", lead.PrevRef, lead.Command, ld2.PrevRef)
			}
			// The 2nd LD's alert, sent before the LEAD came, still names it.
			args := append(strings.Fields(ld2.Command)[1:], "--json")
			r := runBinary(t, "", nil, args...)
			d := decodeDiff(t, r.stdout)
			if r.code != 0 || d.ToRef != ld2.Ref || !strings.HasSuffix(d.To, "@3") {
				t.Errorf("%s: exit %d, to %s (%s); want the 2nd LD, now @3 (%s)", ld2.Command, r.code, d.To, d.ToRef, ld2.Ref)
			}
		})
	}
}

// copyPage copies a corpus page into dir.
func copyPage(t *testing.T, path, dir string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, filepath.Base(path)), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// readAlerts reads the alerts a --jsonl sink wrote.
func readAlerts(t *testing.T, path string) []alert.Alert {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []alert.Alert
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var a alert.Alert
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatalf("alert %q: %v", line, err)
		}
		out = append(out, a)
	}
	return out
}
