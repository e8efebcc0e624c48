package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIngestBadInputInBatch mixes good pages with every kind of bad input
// in one batch: each bad file gets one error line naming it, every good
// one is stored, and a page cut off early is stored as incomplete.
func TestIngestBadInputInBatch(t *testing.T) {
	dir := t.TempDir()
	pages, err := filepath.Glob(pagesDir + "/AEN2019*.txt")
	if err != nil || len(pages) < 10 {
		t.Fatalf("corpus pages: %v %d", err, len(pages))
	}
	for _, p := range pages {
		copyFile(t, p, filepath.Join(dir, filepath.Base(p)))
	}
	lead, err := os.ReadFile(leadPage)
	if err != nil {
		t.Fatal(err)
	}
	bad := map[string]struct {
		data   string
		reason string
	}{
		"binary.txt":   {"\x00\x01\x02 date 2020-01-01 x", "input is binary: NUL byte at offset 0"},
		"latin1.txt":   {" date 2020-01-01 Caf\xe9 au lait\n", "input is not valid UTF-8: bad byte 0xe9 at offset 20"},
		"empty.txt":    {"", "input is empty"},
		"oversize.txt": {" date 2020-01-01 " + strings.Repeat("x", 5000), "over the 4 KiB limit"},
		"notes.txt":    {"shopping list\nmilk\n", "not a wire page: no \" date\" line"},
	}
	for name, b := range bad {
		writeFile(t, filepath.Join(dir, name), b.data)
	}
	cut := filepath.Join(dir, "truncated.txt")
	writeFile(t, cut, string(lead[:300]))
	// Hidden files and directories are not inputs.
	writeFile(t, filepath.Join(dir, ".hidden.txt"), "\x00")
	copyFile(t, firstPage, filepath.Join(dir, ".git", "page.txt"))

	db := filepath.Join(t.TempDir(), "lede.db")
	r := ledeDB(t, db, "ingest", "--max-size", "4KiB", dir)
	if r.code != 1 {
		t.Errorf("exit %d, want 1; stderr:\n%s", r.code, r.stderr)
	}
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	errLines := map[string]string{}
	for _, line := range lines {
		if rest, ok := strings.CutPrefix(line, "error      "); ok {
			src, reason, _ := strings.Cut(rest, ": ")
			if _, seen := errLines[src]; seen {
				t.Errorf("two error lines for %s", src)
			}
			errLines[src] = reason
		}
	}
	if len(errLines) != len(bad) {
		t.Errorf("%d error lines, want %d:\n%s", len(errLines), len(bad), r.stdout)
	}
	for name, b := range bad {
		reason, ok := errLines[filepath.Join(dir, name)]
		if !ok || !strings.Contains(reason, b.reason) {
			t.Errorf("%s: error %q, want %q", name, reason, b.reason)
		}
	}
	want := len(pages) + 1
	if got := lines[len(lines)-1]; !strings.HasPrefix(got, plural(want+len(bad), "input", "inputs")+": ") ||
		!strings.Contains(got, ", 0 duplicates, 5 errors in ") {
		t.Errorf("summary %q", got)
	}

	list := storiesJSON(t, db)
	src := sources(list)
	if len(src) != want {
		t.Errorf("%d inputs stored, want %d good pages and the truncated one", len(src), want)
	}
	for _, p := range append(pages, cut) {
		if n := src[filepath.Join(dir, filepath.Base(p))]; n != 1 {
			t.Errorf("%s stored %d times, want once", p, n)
		}
	}
	var h struct {
		Versions []struct {
			Source   string `json:"source"`
			Complete bool   `json:"complete"`
			Paras    int    `json:"paras"`
		} `json:"versions"`
	}
	id := storyWith(t, list, cut).ID
	if err := json.Unmarshal([]byte(mustLede(t, db, "history", id, "--json").stdout), &h); err != nil {
		t.Fatal(err)
	}
	if len(h.Versions) != 1 || h.Versions[0].Complete || h.Versions[0].Paras != 1 {
		t.Errorf("truncated page stored as %+v, want one incomplete version with its one paragraph", h.Versions)
	}
	mustLede(t, db, "check")
}

func TestIngestListingErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lede.db")
	empty := t.TempDir()
	missing := filepath.Join(empty, "missing.txt")
	r := ledeDB(t, db, "ingest", leadPage, missing, empty)
	if r.code != 1 {
		t.Errorf("exit %d, want 1", r.code)
	}
	if !strings.Contains(r.stdout, "error      "+missing+": no such file or directory\n") {
		t.Errorf("stdout lacks the missing file:\n%s", r.stdout)
	}
	if r.stderr != "lede: warning: "+empty+" holds no files to ingest\n" {
		t.Errorf("stderr %q", r.stderr)
	}
	if !strings.Contains(r.stdout, "2 inputs: 1 new story, 0 updates, 0 duplicates, 1 error in ") {
		t.Errorf("summary missing or wrong:\n%s", r.stdout)
	}
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, to, string(data))
}
