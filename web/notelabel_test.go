package web

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoteLabels: the story page, the diff page and the feed show each
// agency's note with that agency's label: "Eds:" for AP, "ATTN:" for
// Yonhap, "Editor's note:" for dpa, never another agency's.
func TestNoteLabels(t *testing.T) {
	dir := t.TempDir()
	lines := map[string]string{
		"ap1.jsonl":  `{"id":"ap-ferry","agency":"AP","version":0,"headline":"Ferry sinks off Guatemala","paragraphs":["A ferry sank on Sunday.","Rescuers searched the bay."]}`,
		"ap2.jsonl":  `{"id":"ap-ferry","agency":"AP","version":"1st Ld-Writethru","headline":"Ferry sinks off Guatemala","note":"LEADS with 1 graf to UPDATE toll","paragraphs":["A ferry sank on Sunday, killing 21.","Rescuers searched the bay."]}`,
		"dpa1.jsonl": `{"id":"dpa-strike","agency":"dpa","version":0,"headline":"Train drivers call off strike","paragraphs":["The union called off the strike.","Trains run on Thursday."]}`,
		"dpa2.jsonl": `{"id":"dpa-strike","agency":"dpa","version":"1st Lead","headline":"Train drivers call off strike","note":"Bildhinweis ergänzt","paragraphs":["The union called off the strike.","Trains run on Thursday as planned."]}`,
	}
	var files []string
	for name, l := range lines {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(l+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	path := filepath.Join(dir, "lede.db")
	ingestFiles(t, path, files...)
	srv := newTestServer(t, path)
	for _, c := range []struct{ prefix, want, wrong string }{
		{"x-ferry-sinks", "Eds: LEADS with 1 graf to UPDATE toll", "ATTN"},
		{"x-train-drivers", "Editor&#39;s note: Bildhinweis ergänzt", "ATTN"},
	} {
		s := storyWith(t, path, c.prefix, 2)
		for _, target := range []string{"/s/" + s.ID, "/s/" + s.ID + "/diff"} {
			res, body := get(t, srv, "GET", target)
			if res.StatusCode != 200 {
				t.Fatalf("%s: status %d", target, res.StatusCode)
			}
			if !strings.Contains(body, c.want) || strings.Contains(body, c.wrong+":") {
				t.Errorf("%s: want %q and no %q:\n%.3000s", target, c.want, c.wrong, body)
			}
		}
	}
	_, feed := get(t, srv, "GET", "/feed.atom")
	for _, want := range []string{"Eds: LEADS with 1 graf to UPDATE toll", "Editor&#39;s note: Bildhinweis ergänzt"} {
		if !strings.Contains(feed, want) {
			t.Errorf("feed lacks %q:\n%.3000s", want, feed)
		}
	}
	if strings.Contains(feed, "ATTN:") {
		t.Errorf("feed labels a note ATTN:")
	}
}
