package yonhap

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

func TestArticleID(t *testing.T) {
	tests := []struct {
		name, in, id, key string
	}{
		{"desktop URL", "https://en.yna.co.kr/view/AEN20200201001252320", "AEN20200201001252320", "AEN202002010012320"},
		{"URL with section", "https://en.yna.co.kr/view/AEN20190630007200315?section=nk/nk", "AEN20190630007200315", "AEN201906300072315"},
		{"mobile URL", "https://m-en.yna.co.kr/view/AEN20190602000700325", "AEN20190602000700325", "AEN201906020007325"},
		{"old site URL", "http://english.yonhapnews.co.kr/news/2012/01/01/0200000000AEN20120101000300315.html", "AEN20120101000300315", "AEN201201010003315"},
		{"bare id", "AEN20200201001252320", "AEN20200201001252320", "AEN202002010012320"},
		{"file name", "pages/AEN20200201001252320.txt", "AEN20200201001252320", "AEN202002010012320"},
		{"trailing slash", "https://en.yna.co.kr/view/AEN20200201001252320/", "AEN20200201001252320", "AEN202002010012320"},
		{"name mentioning an id", "notes-on-AEN20200201001252320.txt", "", ""},
		{"too short", "AEN2020020100125232", "", ""},
		{"too long", "AEN202002010012523201", "", ""},
		{"month 13", "AEN20201301001252320", "", ""},
		{"letters", "AEN2020020100125232x", "", ""},
		{"id in the query only", "https://en.yna.co.kr/search?q=AEN20200201001252320", "", ""},
		{"empty", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id, key, ok := ArticleID(tt.in)
			if ok != (tt.id != "") || id != tt.id || key != tt.key {
				t.Fatalf("ArticleID(%q) = %q, %q, %v; want %q, %q", tt.in, id, key, ok, tt.id, tt.key)
			}
		})
	}
}

// TestArticleIDCorpus checks the key against the labelled stories: every
// page's url gives its id, all versions of a story share one key, no two
// stories share one, and the version digits rise along every story.
func TestArticleIDCorpus(t *testing.T) {
	keyOf := map[string]string{}
	version := map[string]int{}
	for _, l := range readJSONL[struct{ ID, URL string }](t, "labels.jsonl") {
		id, key, ok := ArticleID(l.URL)
		if !ok || id != l.ID {
			t.Fatalf("%s: ArticleID(url %q) = %q, %v", l.ID, l.URL, id, ok)
		}
		v, ok := ArticleVersion(id)
		if !ok {
			t.Fatalf("%s: no version digits", id)
		}
		keyOf[id], version[id] = key, v
	}
	storyOf := map[string]string{}
	for _, g := range readJSONL[struct {
		Group   string
		Members []string
	}](t, "groups.jsonl") {
		key := keyOf[g.Members[0]]
		if other, ok := storyOf[key]; ok {
			t.Errorf("stories %s and %s share the key %s", other, g.Group, key)
		}
		storyOf[key] = g.Group
		for i, m := range g.Members {
			if keyOf[m] != key {
				t.Errorf("%s: %s has key %s, %s has %s", g.Group, m, keyOf[m], g.Members[0], key)
			}
			if i > 0 && version[m] <= version[g.Members[i-1]] {
				t.Errorf("%s: version digits of %s do not rise after %s", g.Group, m, g.Members[i-1])
			}
		}
	}
	if len(storyOf) != 80 {
		t.Errorf("%d stories, want the corpus's 80", len(storyOf))
	}
}

// readJSONL reads one of the corpus's JSON lines files.
func readJSONL[T any](t *testing.T, name string) []T {
	t.Helper()
	f, err := os.Open(filepath.Join(corpusDir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []T
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out = append(out, v)
	}
	return out
}
