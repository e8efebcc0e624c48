package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestHugePages ingests the two shapes of a huge page a hostile or broken
// feed sends: one line of 1.5 MB, and 100,000 paragraphs. Both are stored
// whole, as the pages they are, and the commands that read a story then
// answer with every paragraph; check finds the file sound.
func TestHugePages(t *testing.T) {
	dir, db := t.TempDir(), filepath.Join(t.TempDir(), "lede.db")
	line := " date 2020-01-01 One long line\nSEOUL, Jan. 1 (Yonhap) -- " + strings.Repeat("word ", 300000) + "\n(END)\n"
	var many strings.Builder
	many.WriteString(" date 2020-01-02 Many paragraphs\nSEOUL, Jan. 2 (Yonhap) -- The lead.\n")
	for i := 2; i <= 100000; i++ {
		fmt.Fprintf(&many, "Paragraph %d of the story.\n", i)
	}
	many.WriteString("(END)\n")
	writeFile(t, filepath.Join(dir, "line.txt"), line)
	writeFile(t, filepath.Join(dir, "many.txt"), many.String())

	r := runBinary(t, "", nil, "--db", db, "ingest", "--json", dir)
	if r.code != 0 {
		t.Fatalf("ingest: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, l := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		var res struct{ Source, Status, Story string }
		if err := json.Unmarshal([]byte(l), &res); err != nil || res.Status != "new-story" {
			t.Fatalf("ingest line %q (%v), want a new story", l, err)
		}
	}
	for story, paras := range map[string]int{"200101": 1, "200102": 100000} {
		r := runBinary(t, "", nil, "--db", db, "show", "--json", story)
		var rev struct{ Paragraphs []string }
		if err := json.Unmarshal([]byte(r.stdout), &rev); err != nil || r.code != 0 {
			t.Fatalf("show %s: exit %d, %v\n%.300s", story, r.code, err, r.stderr)
		}
		if len(rev.Paragraphs) != paras {
			t.Errorf("show %s: %d paragraphs, want %d", story, len(rev.Paragraphs), paras)
		}
	}
	if r := runBinary(t, "", nil, "--db", db, "check"); r.code != 0 || !strings.Contains(r.stdout, "2 revisions") {
		t.Errorf("check: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}
