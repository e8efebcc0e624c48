package web

import (
	"encoding/json"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"lede/revision"
)

// TestSearchSpellings asks the list and the API for North Korea as the
// stories write it: every spelling finds the same stories, among them
// stories whose headlines use none of them (found in the text), and the
// page lists what the API does.
func TestSearchSpellings(t *testing.T) {
	srv := newTestServer(t, fixture(t))
	ids := func(q string) []string {
		t.Helper()
		res, body := get(t, srv, "GET", "/api/stories?limit=500&q="+url.QueryEscape(q))
		var list []struct {
			ID       string
			Headline string
			Versions []struct{ Headline string }
		}
		if res.StatusCode != 200 || json.Unmarshal([]byte(body), &list) != nil {
			t.Fatalf("%q: %d %s", q, res.StatusCode, body)
		}
		var out []string
		bodyOnly := 0
		for _, s := range list {
			out = append(out, s.ID)
			inHead := false
			for _, v := range s.Versions {
				inHead = inHead || revision.MatchesQuery(revision.SearchQuery("North Korea"), revision.SearchWords(v.Headline))
			}
			if !inHead {
				bodyOnly++
			}
		}
		if q == "North Korea" && bodyOnly == 0 {
			t.Errorf("no story found by its text alone")
		}
		slices.Sort(out)
		return out
	}
	want := ids("North Korea")
	if len(want) < 5 {
		t.Fatalf("North Korea finds %d stories", len(want))
	}
	for _, q := range []string{"N. Korea", "N.K.", "north korean", "Pyongyang's"} {
		if got := ids(q); !slices.Equal(got, want) {
			t.Errorf("%q finds %d stories, North Korea %d", q, len(got), len(want))
		}
	}
	_, page := get(t, srv, "GET", "/?limit=500&q=N.K.")
	links := regexp.MustCompile(`<a class="headline" href="/s/([^"]+)">`).FindAllStringSubmatch(page, -1)
	if n := min(len(want), defaultPerPage); len(links) != n {
		t.Errorf("the page lists %d stories for N.K., want %d", len(links), n)
	}
	if !strings.Contains(page, `value="N.K."`) {
		t.Error("the search box lost the query")
	}
}
