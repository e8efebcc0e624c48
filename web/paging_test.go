package web

import (
	"encoding/json"
	"strconv"
	"testing"

	"lede/store"
)

// TestPageBounds asks for pages no list has: a number that would
// overflow the offset is a 400 (it used to wrap round to page 1), a page
// past the end is a 404 as the README says, the last page is a 200.
func TestPageBounds(t *testing.T) {
	srv := newTestServer(t, fixture(t))
	_, body := get(t, srv, "GET", "/api/stories?limit=500")
	var all []store.Story
	if err := json.Unmarshal([]byte(body), &all); err != nil || len(all) < 20 {
		t.Fatalf("%d stories: %v", len(all), err)
	}
	last := strconv.Itoa((len(all) + 9) / 10)
	past := strconv.Itoa((len(all)+9)/10 + 1)
	for _, tt := range []struct {
		target string
		status int
	}{
		{"/api/stories?page=9223372036854775807", 400},
		{"/?page=9223372036854775807", 400},
		{"/api/stories?page=9223372036854775808", 400},
		{"/api/stories?page=1000000001", 400},
		{"/api/stories?limit=500&page=1000000000", 404},
		{"/api/stories?limit=10&page=" + last, 200},
		{"/api/stories?limit=10&page=" + past, 404},
		{"/?limit=10&page=" + past, 404},
		{"/?q=zzzqqq", 200}, // page 1 of nothing is an empty list
		{"/api/stories?q=zzzqqq&page=2", 404},
	} {
		res, body := get(t, srv, "GET", tt.target)
		if res.StatusCode != tt.status {
			t.Errorf("%s: %d, want %d\n%.300s", tt.target, res.StatusCode, tt.status, body)
		}
	}
	_, body = get(t, srv, "GET", "/api/stories?limit=10&page="+past)
	var e apiError
	if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error != "no page "+past+": the list ends before it" {
		t.Errorf("past the end: %s", body)
	}
}
