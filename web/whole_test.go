package web

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lede/revision/revisiontest"
)

// TestWholeVersionInParts: the web view shows the real AP89 "2 Takes"
// and its "1st Add" as one version, and the revision API serves it
// whole, with its parts and which paragraphs came from which.
func TestWholeVersionInParts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lede.db")
	ingestFiles(t, path, "../testdata/ap/reagan-1st-add.txt", "../testdata/ap/reagan-2takes.txt")
	srv := newTestServer(t, path)
	resp, body := get(t, srv, http.MethodGet, "/api/stories")
	var stories []struct {
		ID       string `json:"id"`
		Versions []struct {
			Ref string `json:"ref"`
		} `json:"versions"`
	}
	if err := json.Unmarshal([]byte(body), &stories); err != nil || resp.StatusCode != 200 || len(stories) != 1 || len(stories[0].Versions) != 1 {
		t.Fatalf("stories: %d %v\n%s", resp.StatusCode, err, body)
	}
	ref := stories[0].Versions[0].Ref
	_, page := get(t, srv, http.MethodGet, "/s/"+stories[0].ID)
	if !strings.Contains(page, "2 parts joined: ") || strings.Contains(page, "of one version") {
		t.Errorf("story page does not show one version of two parts:\n%s", page)
	}
	_, body = get(t, srv, http.MethodGet, "/api/revisions/"+ref)
	var rev struct {
		Paragraphs []string `json:"paragraphs"`
		Parts      []string `json:"parts"`
		Sources    []struct {
			Paras [2]int `json:"paras"`
			From  string `json:"from"`
		} `json:"sources"`
	}
	if err := json.Unmarshal([]byte(body), &rev); err != nil || len(rev.Paragraphs) != 39 || len(rev.Parts) != 2 ||
		len(rev.Sources) != 2 || rev.Sources[1].Paras != [2]int{26, 39} || rev.Sources[1].From != ref {
		t.Fatalf("revision API: %v, %d paragraphs, parts %v, sources %+v", err, len(rev.Paragraphs), rev.Parts, rev.Sources)
	}
}

// TestDiffOfWholeVersionsNotCached: a version made whole of several items
// changes when a part arrives late, so its comparison is made again: the
// diff of a take and the version after it shows the add once it joins.
func TestDiffOfWholeVersionsNotCached(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "lede.db")
	docs := []revisiontest.APDoc{
		{DocNo: "AP890105-0301", Time: "1100", Keyword: "AM-Harbor-Fire", Version: "2 Takes", Head: "Fire Sweeps Harbor",
			Dateline: "PORTLAND, Maine (AP)", Paras: []string{"A fire swept the harbor.", "It burned for hours."}},
		{DocNo: "AP890105-0303", Time: "1300", Keyword: "AM-Harbor-Fire", Version: "1st Ld-Writethru", Head: "Fire Sweeps Harbor; Two Hurt",
			Dateline: "PORTLAND, Maine (AP)", Paras: []string{"A fire swept the harbor, hurting two.", "It burned for hours."}},
		{DocNo: "AP890105-0302", Time: "1101", Keyword: "AM-Harbor-Fire", Version: "1st Add", Paras: []string{"Nobody was hurt."}},
	}
	var files []string
	for _, d := range docs {
		f := filepath.Join(dir, d.DocNo+".txt")
		if err := os.WriteFile(f, []byte(d.Text()), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	ingestFiles(t, path, files[:2]...)
	srv := newTestServer(t, path)
	_, body := get(t, srv, http.MethodGet, "/api/stories")
	var stories []struct{ ID string }
	if err := json.Unmarshal([]byte(body), &stories); err != nil || len(stories) != 1 {
		t.Fatalf("stories: %v\n%s", err, body)
	}
	oldParas := func() int {
		_, body := get(t, srv, http.MethodGet, "/api/stories/"+stories[0].ID+"/diff?from=1&to=2")
		var d struct {
			Paragraphs []struct {
				Old *int `json:"old"`
			} `json:"paragraphs"`
		}
		if err := json.Unmarshal([]byte(body), &d); err != nil {
			t.Fatalf("diff: %v\n%s", err, body)
		}
		n := 0
		for _, p := range d.Paragraphs {
			if p.Old != nil {
				n++
			}
		}
		return n
	}
	if n := oldParas(); n != 2 {
		t.Fatalf("before the add: the take has %d paragraphs in the diff, want 2", n)
	}
	ingestFiles(t, path, files[2])
	if n := oldParas(); n != 3 {
		t.Fatalf("after the add: the version has %d paragraphs in the diff, want 3 (a stale comparison?)", n)
	}
}
