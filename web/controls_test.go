package web

import (
	"encoding/json"
	"encoding/xml"
	"net/http/httptest"
	"strings"
	"testing"

	"lede/revision"
	"lede/store"
)

// TestControlCharacters serves stories whose headlines hold characters
// that act on what shows them: a right-to-left override and an isolate
// (a browser would draw the headline reversed); a terminal retitle (OSC
// 0 and BEL), hidden text (SGR 8) and a C1 CSI (not allowed in HTML or
// XML: the feed would not parse). No page, feed or API answer carries
// them raw, the pages show them escaped, the feed parses, and the JSON
// still decodes to the headline as stored.
func TestControlCharacters(t *testing.T) {
	for _, tc := range []struct{ name, headline, escaped string }{
		{"bidirectional", "Typhoon \u202Etsaoc tsew\u202C Bavi \u2067nears\u2069 land",
			`Typhoon \u202etsaoc tsew\u202c Bavi \u2067nears\u2069 land`},
		{"terminal escapes", "Typhoon \x1b]0;pwned\x07Bavi \x1b[8mhidden\x1b[0m nears\u009b2J land",
			`Typhoon \u001b]0;pwned\u0007Bavi \u001b[8mhidden\u001b[0m nears\u009b2J land`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path, id := storyDB(t, tc.headline, 12)
			srv := httptest.NewServer(newTestServer(t, path))
			defer srv.Close()
			for _, target := range []string{"/", "/?q=typhoon", "/s/" + id, "/s/" + id + "/diff", "/s/" + id + "/diff?view=side",
				"/feed.atom", "/api/stories", "/api/stories/" + id, "/api/stories/" + id + "/revisions/2", "/api/stories/" + id + "/diff"} {
				code, _, body, err := fetch(srv.URL + target)
				if code != 200 || err != nil {
					t.Fatalf("%s: %d %v", target, code, err)
				}
				if i := strings.IndexFunc(body, revision.IsDisplayControl); i >= 0 {
					t.Errorf("%s: a control character is served raw: %q", target, body[max(0, i-40):min(len(body), i+40)])
				}
				if !strings.Contains(body, tc.escaped) {
					t.Errorf("%s: the headline is not shown escaped:\n%.2000s", target, body)
				}
			}
			_, _, feed, _ := fetch(srv.URL + "/feed.atom")
			var atom struct {
				Entries []struct{ Title string } `xml:"entry"`
			}
			if err := xml.Unmarshal([]byte(feed), &atom); err != nil || len(atom.Entries) == 0 {
				t.Errorf("the feed does not parse: %v", err)
			}
			_, _, body, _ := fetch(srv.URL + "/api/stories")
			var list []store.Story
			if err := json.Unmarshal([]byte(body), &list); err != nil || len(list) != 1 || list[0].Headline != tc.headline {
				t.Errorf("the API gives %+v, want the headline %q (%v)", list, tc.headline, err)
			}
		})
	}
	srv := httptest.NewServer(newTestServer(t, storyDBPath(t)))
	defer srv.Close()
	code, _, body, _ := fetch(srv.URL + "/s/%E2%80%AEnosuch%1B%5B2J")
	if code != 404 || strings.IndexFunc(body, revision.IsDisplayControl) >= 0 {
		t.Errorf("error page: %d, raw control in %q", code, body)
	}
}

// storyDBPath is a database of one story, for requests about others.
func storyDBPath(t *testing.T) string {
	path, _ := storyDB(t, "Typhoon Bavi nears land", 3)
	return path
}
