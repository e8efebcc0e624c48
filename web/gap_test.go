package web

import (
	"encoding/json"
	"html"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lede/revision/revisiontest"
)

// TestTimelineGaps: the story page shows, beside each version's time, how
// long after the version before it went out, as history does.
func TestTimelineGaps(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "lede.db")
	docs := []revisiontest.APDoc{
		{DocNo: "AP890105-0401", Time: "1100", Keyword: "AM-Harbor-Fire", Head: "Fire Sweeps Harbor",
			Dateline: "PORTLAND, Maine (AP)", Paras: []string{"A fire swept the harbor.", "It burned for hours."}},
		{DocNo: "AP890105-0402", Time: "1142", Keyword: "AM-Harbor-Fire", Version: "1st Ld-Writethru", Head: "Fire Sweeps Harbor; Two Hurt",
			Dateline: "PORTLAND, Maine (AP)", Paras: []string{"A fire swept the harbor, hurting two.", "It burned for hours."}},
	}
	var files []string
	for _, d := range docs {
		f := filepath.Join(dir, d.DocNo+".txt")
		if err := os.WriteFile(f, []byte(d.Text()), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	ingestFiles(t, path, files...)
	srv := newTestServer(t, path)
	_, body := get(t, srv, http.MethodGet, "/api/stories")
	var stories []struct{ ID string }
	if err := json.Unmarshal([]byte(body), &stories); err != nil || len(stories) != 1 {
		t.Fatalf("stories: %v\n%s", err, body)
	}
	resp, page := get(t, srv, http.MethodGet, "/s/"+stories[0].ID)
	if resp.StatusCode != 200 {
		t.Fatalf("story page: %d", resp.StatusCode)
	}
	page = html.UnescapeString(page)
	if n := strings.Count(page, `class="gap"`); n != 1 || !strings.Contains(page, `title="after the version before">+42 min</span>`) {
		t.Errorf("the timeline shows %d gaps, want one of +42 min:\n%s", n, page)
	}
}
