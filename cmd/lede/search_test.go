package main

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// TestStoriesSearch runs lede stories --search with the spellings of
// North Korea: the same stories each time, the same as the web view's
// ?q= finds, more than --grep finds in headlines alone; --grep stays.
func TestStoriesSearch(t *testing.T) {
	db := deskDB(t)
	ids := func(args ...string) []string {
		t.Helper()
		r := runBinary(t, "", nil, append([]string{"--db", db, "stories", "--json"}, args...)...)
		var list []jsonStory
		if r.code != 0 || json.Unmarshal([]byte(r.stdout), &list) != nil {
			t.Fatalf("%v: %d %s%s", args, r.code, r.stdout, r.stderr)
		}
		var out []string
		for _, s := range list {
			out = append(out, s.ID)
		}
		slices.Sort(out)
		return out
	}
	want := ids("--search", "North Korea")
	for _, q := range []string{"N. Korea", "N.K.", "north korean"} {
		if got := ids("--search", q); !slices.Equal(got, want) {
			t.Errorf("--search %q: %d stories, North Korea %d", q, len(got), len(want))
		}
	}
	grep := ids("-i", "--grep", `n\.k\.|north korea|n\. korea`)
	if len(grep) == 0 || len(grep) >= len(want) {
		t.Errorf("--grep on headlines finds %d, --search over the text %d", len(grep), len(want))
	}
	base := serveBinary(t, db)
	status, body := httpGet(t, base+"/api/stories?limit=500&q=N.K.")
	var web []jsonStory
	if status != 200 || json.Unmarshal([]byte(body), &web) != nil {
		t.Fatalf("web search: %d %s", status, body)
	}
	var webIDs []string
	for _, s := range web {
		webIDs = append(webIDs, s.ID)
	}
	slices.Sort(webIDs)
	if !slices.Equal(webIDs, want) {
		t.Errorf("?q=N.K. finds %d stories, --search %d", len(webIDs), len(want))
	}
	if r := runBinary(t, "", nil, "--db", db, "stories", "--search", "..."); r.code != 2 || !strings.Contains(r.stderr, "no words to look for") {
		t.Errorf("--search ...: %d %s", r.code, r.stderr)
	}
}
