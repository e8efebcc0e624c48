package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// TestStdinName: a page read from standard input takes the name --name
// gives it, as a file saved under that name would: its source, and the
// Yonhap article id read from it.
func TestStdinName(t *testing.T) {
	page, err := os.ReadFile(pagesDir + "/AEN20200202000652320.txt")
	if err != nil {
		t.Fatal(err)
	}
	db := t.TempDir() + "/lede.db"
	r := runBinary(t, string(page), nil, "--db", db, "ingest", "--name", "AEN20200202000652320.txt", "-", "--json")
	var line struct{ Source, Status string }
	if r.code != 0 || json.Unmarshal([]byte(strings.Split(r.stdout, "\n")[0]), &line) != nil || line.Source != "AEN20200202000652320.txt" || line.Status != "new-story" {
		t.Fatalf("ingest --name: exit %d, %s%s", r.code, r.stdout, r.stderr)
	}
	var list []struct {
		Versions []struct{ Source, ID string }
	}
	if err := json.Unmarshal([]byte(mustLede(t, db, "stories", "--json").stdout), &list); err != nil || len(list) != 1 {
		t.Fatalf("stories --json: %v %+v", err, list)
	}
	if v := list[0].Versions[0]; v.Source != "AEN20200202000652320.txt" || v.ID != "AEN20200202000652320" {
		t.Errorf("stored version %+v, want the name and the article id read from it", v)
	}
	var parsed []struct{ Source, ID string }
	r = runBinary(t, string(page), nil, "parse", "--json", "-", "--name", "AEN20200202000652320.txt")
	if json.Unmarshal([]byte(r.stdout), &parsed) != nil || len(parsed) != 1 || parsed[0].ID != "AEN20200202000652320" || parsed[0].Source != "AEN20200202000652320.txt" {
		t.Errorf("parse --name: %s%s", r.stdout, r.stderr)
	}
	if r := runBinary(t, "", nil, "--db", db, "ingest", "--name", "x.txt", pagesDir); r.code != 2 || !strings.Contains(r.stderr, "--name names standard input") {
		t.Errorf("--name without -: exit %d, %s", r.code, r.stderr)
	}
}
