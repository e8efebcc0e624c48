package web

import (
	"encoding/json"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
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
