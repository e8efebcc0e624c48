package web

import (
	"strings"
	"testing"
)

// TestDiffPagesCutParagraph: the Typhoon Haishen update is cut off inside
// its last paragraph. Both diff views show that paragraph as cut and not
// counted, never as moved, and the side-by-side view gives each side its
// own page's text: the older page's paragraph whole, the newer page's cut.
func TestDiffPagesCutParagraph(t *testing.T) {
	path := fixture(t)
	srv := newTestServer(t, path)
	s := storyWith(t, path, "200905-", 2)
	note := "the newer page is cut off inside this paragraph, para 2 of the older page; not counted as a change"
	for _, view := range []string{"inline", "side"} {
		res, body := get(t, srv, "GET", "/s/"+s.ID+"/diff?from=1&to=2&view="+view)
		if res.StatusCode != 200 {
			t.Fatalf("%s: status %d", view, res.StatusCode)
		}
		if !strings.Contains(body, note) {
			t.Errorf("%s view lacks %q", view, note)
		}
		if strings.Contains(body, "(moved from 2)") {
			t.Errorf("%s view calls the cut paragraph moved", view)
		}
	}
	_, body := get(t, srv, "GET", "/s/"+s.ID+"/diff?from=1&to=2&view=side")
	at := strings.Index(body, note)
	row := body[strings.LastIndex(body[:at], "<tr"):at]
	if !strings.Contains(row, "in the country&#39;s southeast and Jeju Island off the southern coast") {
		t.Errorf("the older side of the cut row lacks its whole paragraph:\n%s", row)
	}
	if strings.Contains(row, "<del>southeast") || strings.Contains(row, "<del>utheast") {
		t.Errorf("the cut row shows the rest the newer page lacks as deleted:\n%s", row)
	}
}
