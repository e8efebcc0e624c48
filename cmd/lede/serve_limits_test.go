package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeTooLarge serves a story of 6,000 paragraphs a version: its
// diff is refused with 413, naming the lede command (with this --db)
// that shows it, and that command works.
func TestServeTooLarge(t *testing.T) {
	t.Parallel()
	dir, db := t.TempDir(), filepath.Join(t.TempDir(), "lede.db")
	for i, marker := range []string{"", "(LEAD) "} {
		var b strings.Builder
		fmt.Fprintf(&b, " date 2020-08-22 %sTyphoon Bavi may make landfall\nSEOUL, Aug. 22 (Yonhap) -- Typhoon Bavi is moving north.\n", marker)
		for p := 2; p <= 6000; p++ {
			fmt.Fprintf(&b, "Paragraph %d says winds of %d meters per second are expected.\n", p, (p+i)%40)
		}
		b.WriteString("ksy@yna.co.kr\n(END)\n")
		writeFile(t, filepath.Join(dir, fmt.Sprintf("AEN2020082200%d000315.txt", i+1)), b.String())
	}
	mustLede(t, db, "ingest", dir)
	var list []jsonStory
	if err := json.Unmarshal([]byte(mustLede(t, db, "stories", "--json").stdout), &list); err != nil || len(list) != 1 {
		t.Fatalf("stories: %v %+v", err, list)
	}
	id := list[0].ID
	base, stop := startServe(t, db)
	defer stop()
	status, body := httpGet(t, base+"/api/stories/"+id+"/diff")
	var e struct{ Error string }
	json.Unmarshal([]byte(body), &e)
	cmd := "lede --db " + db + " diff " + id + "@1 " + id + "@2"
	if status != 413 || e.Error != "too large to show here: "+id+"@1 has 6000 paragraphs (the limit here is 5000); use the CLI: "+cmd {
		t.Fatalf("status %d: %s", status, body)
	}
	if r := mustLede(t, db, "diff", "--stat", id+"@1", id+"@2"); !strings.Contains(r.stdout, "summary") {
		t.Errorf("%s: %s", cmd, r.stdout)
	}
}
