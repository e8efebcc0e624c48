package web

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"lede/store"
)

// TestBidiControls serves a story whose headline holds a right-to-left
// override and an isolate: no page, feed or API answer carries them raw
// (a browser would draw the headline reversed), the pages show them as
// \u202e, and the JSON still decodes to the headline as stored.
func TestBidiControls(t *testing.T) {
	headline := "Typhoon \u202Etsaoc tsew\u202C Bavi \u2067nears\u2069 land"
	path, id := storyDB(t, headline, 12)
	srv := httptest.NewServer(newTestServer(t, path))
	defer srv.Close()
	for _, target := range []string{"/", "/?q=typhoon", "/s/" + id, "/s/" + id + "/diff", "/s/" + id + "/diff?view=side",
		"/feed.atom", "/api/stories", "/api/stories/" + id, "/api/stories/" + id + "/revisions/2", "/api/stories/" + id + "/diff"} {
		code, _, body, err := fetch(srv.URL + target)
		if code != 200 || err != nil {
			t.Fatalf("%s: %d %v", target, code, err)
		}
		if strings.ContainsAny(body, "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069") {
			t.Errorf("%s: a bidirectional control is served raw", target)
		}
		if !strings.Contains(body, `Typhoon \u202etsaoc tsew\u202c Bavi \u2067nears\u2069 land`) {
			t.Errorf("%s: the headline is not shown escaped:\n%.2000s", target, body)
		}
	}
	_, _, body, _ := fetch(srv.URL + "/api/stories")
	var list []store.Story
	if err := json.Unmarshal([]byte(body), &list); err != nil || len(list) != 1 || list[0].Headline != headline {
		t.Errorf("the API gives %+v, want the headline %q (%v)", list, headline, err)
	}
	code, _, body, _ := fetch(srv.URL + "/s/%E2%80%AEnosuch")
	if code != 404 || strings.ContainsRune(body, 0x202E) {
		t.Errorf("error page: %d, raw control in %q", code, body)
	}
}
