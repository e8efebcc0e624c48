package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTimelineGaps: history shows each version's time and the gap since
// the one before; the alert for the update carries the same gap.
func TestTimelineGaps(t *testing.T) {
	dir, db := t.TempDir(), filepath.Join(t.TempDir(), "lede.db")
	jsonl := filepath.Join(t.TempDir(), "alerts.jsonl")
	lines := `{"id": "storm-1", "version": 1, "time": "2020-09-05T13:23:00+09:00", "headline": "Storm nears coast", "paragraphs": ["SEOUL -- A storm neared the coast with 18 dead.", "More rain is due."]}
{"id": "storm-1", "version": 2, "time": "2020-09-05T14:05:00+09:00", "headline": "Storm nears coast", "paragraphs": ["SEOUL -- A storm neared the coast with 21 dead.", "More rain is due.", "Ferries stopped."]}
`
	if err := os.WriteFile(filepath.Join(dir, "storm.jsonl"), []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runBinary(t, "", nil, "--db", db, "watch", dir, "--once", "--quiet", "--on", "any", "--jsonl", jsonl); r.code != 0 {
		t.Fatalf("watch --once: exit %d: %s", r.code, r.stderr)
	}
	alerts := readAlerts(t, jsonl)
	if len(alerts) != 2 || alerts[1].Gap != "+42 min" || alerts[0].Gap != "" {
		t.Fatalf("alerts %+v, want the update's gap +42 min", alerts)
	}
	if len(alerts[1].Figures) != 1 || alerts[1].Figures[0].Old != "18 dead" || alerts[1].Figures[0].New != "21 dead" {
		t.Errorf("alert figures %+v", alerts[1].Figures)
	}
	out := mustLede(t, db, "history", alerts[0].Story).stdout
	var at1, at2 string
	for _, line := range strings.Split(out, "\n") {
		switch {
		case strings.HasPrefix(line, "  @1 "):
			at1 = line
		case strings.HasPrefix(line, "  @2 "):
			at2 = line
		}
	}
	if !strings.Contains(at1, "13:23") || !strings.Contains(at2, "14:05  +42 min") {
		t.Errorf("history lines:\n%s\n%s", at1, at2)
	}
	var h struct{ Versions []struct{ Gap string } }
	if err := json.Unmarshal([]byte(mustLede(t, db, "history", alerts[0].Story, "--json").stdout), &h); err != nil ||
		len(h.Versions) != 2 || h.Versions[0].Gap != "" || h.Versions[1].Gap != "+42 min" {
		t.Errorf("history --json gaps: %v %+v", err, h)
	}
}
