package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeTooLarge serves a story of 6,000 paragraphs a version whose
// LEAD came before its first version, so that each version's ref (the
// order of arrival) differs from its place in the story: the diff is
// refused with 413, naming the versions and the lede command (with this
// --db) that shows them by ref, and that command compares @1 with @2.
func TestServeTooLarge(t *testing.T) {
	t.Parallel()
	dir, db := t.TempDir(), filepath.Join(t.TempDir(), "lede.db")
	var files []string
	for i, marker := range []string{"", "(LEAD) "} {
		var b strings.Builder
		fmt.Fprintf(&b, " date 2020-08-22 %sTyphoon Bavi may make landfall\nSEOUL, Aug. 22 (Yonhap) -- Typhoon Bavi is moving north.\n", marker)
		for p := 2; p <= 6000; p++ {
			fmt.Fprintf(&b, "Paragraph %d says winds of %d meters per second are expected.\n", p, (p+i)%40)
		}
		b.WriteString("ksy@yna.co.kr\n(END)\n")
		files = append(files, filepath.Join(dir, fmt.Sprintf("AEN2020082200%d000315.txt", i+1)))
		writeFile(t, files[i], b.String())
	}
	mustLede(t, db, "ingest", files[1]) // the LEAD: r1
	mustLede(t, db, "ingest", files[0]) // the first version, late: r2, @1
	var list []jsonStory
	if err := json.Unmarshal([]byte(mustLede(t, db, "stories", "--json").stdout), &list); err != nil || len(list) != 1 {
		t.Fatalf("stories: %v %+v", err, list)
	}
	id, vs := list[0].ID, list[0].Versions
	if len(vs) != 2 || vs[0].Ref != "r2" || vs[1].Ref != "r1" {
		t.Fatalf("versions %+v: want @1 r2, @2 r1", vs)
	}
	base, stop := startServe(t, db)
	defer stop()
	status, body := httpGet(t, base+"/api/stories/"+id+"/diff")
	var e struct{ Error string }
	json.Unmarshal([]byte(body), &e)
	cmd := "lede --db " + db + " diff r2 r1"
	if status != 413 || e.Error != "too large to show here: r2 ("+id+"@1) has 6000 paragraphs (the limit here is 5000); use the CLI: "+cmd {
		t.Fatalf("status %d: %s", status, body)
	}
	status, body = httpGet(t, base+"/api/revisions/r1")
	json.Unmarshal([]byte(body), &e)
	if want := "too large to show here: r1 (" + id + "@2) has 6000 paragraphs (the limit here is 5000); use the CLI: lede --db " + db + " show r1"; status != 413 || e.Error != want {
		t.Errorf("status %d: %s\nwant %s", status, body, want)
	}
	var res struct{ From, To string }
	r := mustLede(t, db, "diff", "--format", "json", "r2", "r1")
	if err := json.Unmarshal([]byte(r.stdout), &res); err != nil || res.From != id+"@1" || res.To != id+"@2" {
		t.Errorf("%s: %v %+v", cmd, err, res)
	}
}
