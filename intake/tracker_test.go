package intake

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestIsTempName(t *testing.T) {
	for name, want := range map[string]bool{
		"AEN20200202000652320.txt": false, "page": false, "a.b.txt": false,
		".AEN1.txt.tmp": true, ".hidden": true, "page.tmp": true, "page.TMP": true, "page.part": true,
		"page.partial": true, "page.crdownload": true, "page.txt~": true, "page.swp": true,
	} {
		if got := isTempName(name); got != want {
			t.Errorf("isTempName(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestTrackerSettles follows a file through the tracker: not ready until
// it has held still for the settle time, ready once, again after it
// changes; temp names are never ready.
func TestTrackerSettles(t *testing.T) {
	dir := t.TempDir()
	tr := NewTracker([]string{dir}, 100*time.Millisecond)
	page := filepath.Join(dir, "a.txt")
	writeFile(t, page, "first")
	writeFile(t, filepath.Join(dir, "b.txt.part"), "partial")
	writeFile(t, filepath.Join(dir, "sub", "c.txt"), "nested")
	now := time.Now()
	tr.Scan(now)
	if got := tr.Ready(now, 10); len(got) != 0 {
		t.Errorf("ready at once: %v", got)
	}
	got := tr.Ready(now.Add(150*time.Millisecond), 10)
	if strings.Join(got, ",") != page+","+filepath.Join(dir, "sub", "c.txt") {
		t.Fatalf("ready after settling: %v", got)
	}
	for _, p := range got {
		tr.Taken(p)
	}
	if got := tr.Ready(now.Add(time.Second), 10); len(got) != 0 {
		t.Errorf("ready again unchanged: %v", got)
	}
	later := now.Add(2 * time.Second)
	if err := os.WriteFile(page, []byte("first, then more"), 0o644); err != nil {
		t.Fatal(err)
	}
	tr.touch(page, later)
	if got := tr.Ready(later.Add(150*time.Millisecond), 10); len(got) != 1 || got[0] != page {
		t.Errorf("after a change: %v", got)
	}
}
