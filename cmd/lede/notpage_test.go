package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestIngestRefusesNotPages runs the built binary on the bundled corpus
// directory as a user would, with its label and golden files beside the
// pages: those are error lines saying what they look like (an older lede
// stored parsed.golden.json as a 2,263-paragraph story), every page is
// stored, and the exit status says some input failed.
func TestIngestRefusesNotPages(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lede.db")
	dir := "../../testdata/yonhap"
	r := runBinary(t, "", nil, "--db", db, "ingest", "--json", dir)
	if r.code != 1 {
		t.Fatalf("exit %d, want 1 (some input failed); stderr:\n%s", r.code, r.stderr)
	}
	want := map[string]string{
		dir + "/groups.jsonl":       "not a wire page: looks like JSON lines",
		dir + "/labels.jsonl":       "not a wire page: looks like JSON lines",
		dir + "/parsed.golden.json": "not a wire page: looks like JSON",
	}
	stored := 0
	for _, line := range strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n") {
		var l struct{ Source, Status, Error string }
		if err := json.Unmarshal([]byte(line), &l); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		switch {
		case want[l.Source] != "":
			if l.Status != "error" || l.Error != want[l.Source] {
				t.Errorf("%s: status %q error %q, want error %q", l.Source, l.Status, l.Error, want[l.Source])
			}
			delete(want, l.Source)
		case l.Status == "new-story" || l.Status == "update":
			if !strings.HasPrefix(l.Source, dir+"/pages/") {
				t.Errorf("%s stored as a story", l.Source)
			}
			stored++
		default:
			t.Errorf("unexpected line %q", line)
		}
	}
	if len(want) > 0 {
		t.Errorf("no error line for %v", want)
	}
	if stored != corpusSize {
		t.Errorf("%d pages stored, want %d", stored, corpusSize)
	}
	got := map[string]int{}
	for src, n := range sources(storiesJSON(t, db)) {
		if !strings.HasPrefix(src, dir+"/pages/") {
			t.Errorf("database holds %s (%d times)", src, n)
		}
		got[src] += n
	}
	if len(got) != corpusSize {
		t.Errorf("database holds %d sources, want %d", len(got), corpusSize)
	}
}
