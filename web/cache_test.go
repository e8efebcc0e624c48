package web

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"lede/diff"
	"lede/store"
)

// TestDiffCacheLRU checks eviction order and that callers get copies.
func TestDiffCacheLRU(t *testing.T) {
	c := newDiffCache(2, 1<<20)
	c.put([2]uint64{1, 2}, &diff.Result{Note: "a"})
	c.put([2]uint64{3, 4}, &diff.Result{Note: "b"})
	if got := c.get([2]uint64{1, 2}); got == nil || got.Note != "a" {
		t.Fatalf("get 1-2: %+v", got)
	}
	c.put([2]uint64{5, 6}, &diff.Result{Note: "c"}) // evicts 3-4, the least recently used
	if c.get([2]uint64{3, 4}) != nil {
		t.Error("3-4 should have been evicted")
	}
	got := c.get([2]uint64{1, 2})
	got.From = "changed by a caller"
	if again := c.get([2]uint64{1, 2}); again.From != "" {
		t.Errorf("a caller's change reached the cache: %q", again.From)
	}
}

// TestDiffCacheBytes checks the memory bound: a comparison too large is
// not kept, and the oldest go when the total passes the bound.
func TestDiffCacheBytes(t *testing.T) {
	big := func(n int) *diff.Result {
		return &diff.Result{Paragraphs: []diff.Para{{Text: strings.Repeat("x", n)}}}
	}
	c := newDiffCache(100, 80_000)
	c.put([2]uint64{1, 2}, big(20_000)) // more than an eighth of the bound
	if c.get([2]uint64{1, 2}) != nil {
		t.Error("a comparison over an eighth of the bound was kept")
	}
	for i := range uint64(10) {
		c.put([2]uint64{i, i + 1}, big(9_000))
	}
	if c.bytes > 80_000 || c.order.Len() != 8 {
		t.Errorf("held %d entries, %d bytes; want 8 entries within 80,000", c.order.Len(), c.bytes)
	}
	if c.get([2]uint64{0, 1}) != nil || c.get([2]uint64{9, 10}) == nil {
		t.Error("the oldest should have gone, the newest stayed")
	}
}

// TestDiffCacheAcrossMerge: a cached comparison answers for the same two
// revisions after a merge renamed their story, under the new names, and
// exactly as a server without the cache answers.
func TestDiffCacheAcrossMerge(t *testing.T) {
	path := buildFixture(t)
	srv := newTestServer(t, path)
	st := storyWith(t, path, "", 3)
	target := fmt.Sprintf("/api/stories/%s/diff?from=1&to=3", st.ID)
	_, first := get(t, srv, "GET", target)
	_, second := get(t, srv, "GET", target)
	if first != second {
		t.Fatal("the cached answer differs from the first")
	}

	db, list := openForWrite(t, path)
	var other store.Story
	for _, s := range list {
		if s.ID != st.ID && len(s.Versions) == 1 && s.Versions[0].Seq == 0 {
			other = s
			break
		}
	}
	merged, err := db.Merge(other.ID, st.ID)
	if err != nil {
		t.Fatal(err)
	}
	after, err := db.Story(merged)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	// The same two revisions, now numbered in the merged story.
	pos := map[uint64]int{}
	for _, v := range after.Versions {
		pos[v.Record.Arrival] = v.Rev
	}
	from, to := pos[st.Versions[0].Record.Arrival], pos[st.Versions[2].Record.Arrival]
	target = fmt.Sprintf("/api/stories/%s/diff?from=%d&to=%d", merged, from, to)
	_, cached := get(t, srv, "GET", target)
	_, fresh := get(t, newTestServer(t, path), "GET", target)
	if cached != fresh {
		t.Errorf("after the merge the cached answer differs from a fresh server's:\n%.600s\n---\n%.600s", cached, fresh)
	}
	var res struct{ Story, From, To string }
	if err := json.Unmarshal([]byte(cached), &res); err != nil {
		t.Fatal(err)
	}
	if res.Story != merged || res.From != fmt.Sprintf("%s@%d", merged, from) || res.To != fmt.Sprintf("%s@%d", merged, to) {
		t.Errorf("after the merge: story %q from %q to %q, want %s@%d and @%d", res.Story, res.From, res.To, merged, from, to)
	}
}

// openForWrite opens the database at path for writing and lists its
// stories; the caller closes it.
func openForWrite(t *testing.T, path string) (*store.DB, []store.Story) {
	t.Helper()
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	list, err := db.Stories(store.ListOptions{})
	if err != nil {
		db.Close()
		t.Fatal(err)
	}
	return db, list
}
