package web

import (
	"encoding/json"
	"testing"

	"lede/revision"
	"lede/store"
)

// TestAPIStoriesFromListings: /api/stories, read from the listing
// records, is byte for byte the array the stories read whole from their
// records give (the path it took before), on every page and filter.
func TestAPIStoriesFromListings(t *testing.T) {
	path := buildFixture(t)
	srv := newTestServer(t, path)
	db, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, c := range []struct {
		target string
		opt    store.ListOptions
	}{
		{"/api/stories", store.ListOptions{Limit: defaultPerPage}},
		{"/api/stories?page=2&limit=7", store.ListOptions{Offset: 7, Limit: 7}},
		{"/api/stories?status=usable&limit=3", store.ListOptions{Status: store.StoryUsable, Limit: 3}},
		{"/api/stories?since=2021-01-01", store.ListOptions{Since: revision.Date{Year: 2021, Month: 1, Day: 1}, Limit: defaultPerPage}},
	} {
		res, body := get(t, srv, "GET", c.target)
		old, err := db.Stories(c.opt)
		if err != nil || res.StatusCode != 200 || len(old) == 0 {
			t.Fatalf("%s: %d, %d stories, %v", c.target, res.StatusCode, len(old), err)
		}
		want, _ := json.MarshalIndent(old, "", "  ")
		if body != string(want)+"\n" {
			t.Errorf("%s differs from the stories read from their records:\n%.2000s\nwant\n%.2000s", c.target, body, want)
		}
	}
}
