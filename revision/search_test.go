package revision

import (
	"slices"
	"testing"
)

// TestSearchSpellings: the spellings of one actor find one another, in
// a headline or a body, and plain words match at the start of a word.
func TestSearchSpellings(t *testing.T) {
	texts := map[string]string{
		"nk1":   "N. Korea fires ballistic missile into East Sea",
		"nk2":   "N.K. leader inspects missile launch",
		"nk3":   "North Korean troops seen near border",
		"nk4":   "Pyongyang's state media said Sunday the missiles were new.",
		"sk":    "S. Korea, U.S. hold joint drills",
		"us":    "United States envoy arrives in Seoul",
		"other": "Korean Air resumes flights to Europe",
		"none":  "Exit polls project Lee, Yoon in dead heat",
	}
	cases := []struct {
		q    string
		want []string
	}{
		{"N. Korea", []string{"nk1", "nk2", "nk3", "nk4"}},
		{"N.K.", []string{"nk1", "nk2", "nk3", "nk4"}},
		{"North Korea", []string{"nk1", "nk2", "nk3", "nk4"}},
		{"n.korea missile", []string{"nk1", "nk2", "nk4"}},
		{"Pyongyang", []string{"nk1", "nk2", "nk3", "nk4"}},
		{"S. Korea", []string{"sk", "us"}}, // Seoul is South Korea's
		{"U.S.", []string{"sk", "us"}},
		{"korea", []string{"nk1", "nk2", "nk3", "nk4", "sk", "us", "other"}},
		{"missiles", []string{"nk4"}},
		{"MISSILE", []string{"nk1", "nk2", "nk4"}},
		{"exit poll", []string{"none"}},
		{"the", nil}, // stop words are not indexed
		{"...", nil},
	}
	for _, c := range cases {
		q := SearchQuery(c.q)
		var got []string
		for _, id := range []string{"nk1", "nk2", "nk3", "nk4", "sk", "us", "other", "none"} {
			if MatchesQuery(q, SearchWords(texts[id])) {
				got = append(got, id)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q (query %q): %v, want %v", c.q, q, got, c.want)
		}
	}
}
