package web

import (
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
)

// TestLinksSurviveLateVersion serves, over HTTP on the loopback, the
// exit-polls story stored out of order: the first version and the 2nd
// LD, then the LEAD, which lands between them. The feed names versions by
// ref, its links compare the versions they named before the LEAD came,
// and /r/REF finds a version on its story's timeline.
func TestLinksSurviveLateVersion(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lede.db")
	put := func(names ...string) {
		t.Helper()
		for i, n := range names {
			names[i] = "../testdata/yonhap/pages/" + n + ".txt"
		}
		ingestFiles(t, path, names...)
	}
	ts := httptest.NewServer(newTestServer(t, path))
	defer ts.Close()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	fetch := func(target string) (*http.Response, string) {
		t.Helper()
		target, _, _ = strings.Cut(target, "#") // no client sends the fragment
		if !strings.HasPrefix(target, "http://") {
			target = ts.URL + target // feed links are absolute already
		}
		res, err := client.Get(target)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, err := io.ReadAll(res.Body)
		if err != nil {
			t.Fatal(err)
		}
		return res, string(b)
	}
	feed := func() map[string]string { // entry id -> link
		t.Helper()
		_, body := fetch("/feed.atom")
		return feedLinks(t, body)
	}

	put("AEN20220309004700315", "AEN20220309004752315") // r1, r2
	before := feed()
	link, ok := before["r2"]
	if !ok || !strings.HasSuffix(link, "/diff?from=r1&to=r2") {
		t.Fatalf("feed before the LEAD: %v, want the 2nd LD as r2, linked to the diff of r1 and r2", before)
	}
	if res, body := fetch(link); res.StatusCode != 200 || !strings.Contains(body, "@1 (r1) → 220309-exit-polls-project-lee@2 (r2)") {
		t.Fatalf("%s: %d\n%.2000s", link, res.StatusCode, body)
	}

	put("AEN20220309004751315") // the LEAD, r3, lands as @2
	after := feed()
	if _, ok := after["r2"]; !ok || len(after) != 2 {
		t.Errorf("feed after the LEAD: %v, want the 2nd LD still as r2 and the LEAD", after)
	}
	if l := after["r3"]; !strings.HasSuffix(l, "/diff?from=r1&to=r3") {
		t.Errorf("late LEAD's feed link %q, want the diff of r1 and r3", l)
	}
	// The link taken before still compares the first version and the
	// 2nd LD, now @3.
	if res, body := fetch(link); res.StatusCode != 200 || !strings.Contains(body, "@1 (r1) → 220309-exit-polls-project-lee@3 (r2)") {
		t.Errorf("%s after the LEAD: %d\n%.2000s", link, res.StatusCode, body)
	}
	// The version's reading page names it by its ref and its new place.
	if res, body := fetch("/r/r2"); res.StatusCode != http.StatusOK || !strings.Contains(body, `<span class="rev">@3 of 3</span>`) {
		t.Errorf("/r/r2: %d\n%.1500s", res.StatusCode, body)
	}
	_, page := fetch("/s/220309-exit-polls-project-lee")
	for _, want := range []string{`id="r2"`, `<span class="rev">@3</span> <a class="ref" href="/r/r2"`,
		`href="/s/220309-exit-polls-project-lee/diff?from=r3&amp;to=r2">what it changed`} {
		if !strings.Contains(page, want) {
			t.Errorf("timeline lacks %s", want)
		}
	}
}
