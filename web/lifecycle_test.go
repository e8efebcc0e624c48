package web

import (
	"encoding/json"
	"encoding/xml"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// lifecycleFixture stores one story of each lifecycle: a ninjs story
// corrected then withdrawn (dam), a Reuters correction, an STT item
// under embargo and a Yonhap page, each file one item.
func lifecycleFixture(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "lede.db")
	files := []string{
		"../cmd/lede/testdata/lifecycle/dam-v1.json",
		"../cmd/lede/testdata/lifecycle/dam-v2-corrected.json",
		"../cmd/lede/testdata/lifecycle/dam-v3-killed.json",
		"../revision/newsml/testdata/reuters_corrected.xml",
		"../revision/newsml/testdata/withheld_embargoed.xml",
		"../testdata/yonhap/pages/AEN20200202000651320.txt",
	}
	for _, f := range files {
		ingestFiles(t, path, f) // one batch each, in story order
	}
	return path
}

// TestStatusBadges: the list, the story page and the diff page say in a
// badge that a story was killed, corrected or a version withheld, and
// name each version's agency and item id.
func TestStatusBadges(t *testing.T) {
	srv := newTestServer(t, lifecycleFixture(t))
	badge := func(word string) string {
		return `class="badge status ` + strings.ToLower(word) + `">` + word + `</span>`
	}
	_, list := get(t, srv, "GET", "/")
	for _, want := range []string{
		badge("KILLED") + ` <a class="headline" href="/s/240305-`,
		badge("CORRECTED") + ` <a class="headline"`,
		`<span class="item">Example News urn:example:lede:20240305:dam-1</span>`,
		`<span class="item">Reuters tag_reuters.com_2024_newsml_FIX00010</span>`,
	} {
		if !strings.Contains(list, want) {
			t.Errorf("list lacks %q:\n%.4000s", want, list)
		}
	}
	if n := strings.Count(list, `class="badge status`); n != 2 {
		t.Errorf("%d status badges in the list, want 2 (killed dam, corrected Reuters)", n)
	}
	dam := regexp.MustCompile(`href="/s/(240305-dam[^"]*)"`).FindStringSubmatch(list)
	if dam == nil {
		t.Fatalf("no dam story in the list")
	}
	_, story := get(t, srv, "GET", "/s/"+dam[1])
	for _, want := range []string{
		"<h1>" + `<span ` + badge("KILLED"),
		`<div class="vheadline"><span ` + badge("CORRECTED") + ` Dam breaks`,
		`<div class="vheadline"><span ` + badge("KILLED") + ` WITHDRAWN: Dam story`,
		`<div class="item">Example News urn:example:lede:20240305:dam-1</div>`,
	} {
		if !strings.Contains(story, want) {
			t.Errorf("story page lacks %q:\n%.5000s", want, story)
		}
	}
	_, d := get(t, srv, "GET", "/s/"+dam[1]+"/diff")
	for _, want := range []string{`story KILLED</span>`, `@3: <span ` + badge("KILLED"), `@3 Example News urn:example:lede:20240305:dam-1`} {
		if !strings.Contains(d, want) {
			t.Errorf("diff page lacks %q:\n%.3000s", want, d)
		}
	}
	_, stt := get(t, srv, "GET", "/?agency=STT")
	s := regexp.MustCompile(`href="/s/([^"]+)"`).FindStringSubmatch(stt)
	if s == nil {
		t.Fatalf("no STT story")
	}
	if _, page := get(t, srv, "GET", "/s/"+s[1]); !strings.Contains(page, badge("WITHHELD")) {
		t.Errorf("embargoed version without a WITHHELD badge:\n%.3000s", page)
	}
}

// TestListFilters: /?agency= and /?status= keep the stories asked for,
// in the page and in the API, and page links keep the filters.
func TestListFilters(t *testing.T) {
	srv := newTestServer(t, lifecycleFixture(t))
	agencies := func(target string) []string {
		t.Helper()
		res, body := get(t, srv, "GET", target)
		if res.StatusCode != 200 {
			t.Fatalf("%s: status %d: %s", target, res.StatusCode, body)
		}
		var list []struct {
			Status   string
			Versions []struct{ Agency string }
		}
		if err := json.Unmarshal([]byte(body), &list); err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, s := range list {
			out = append(out, s.Versions[0].Agency+":"+s.Status)
		}
		return out
	}
	for target, want := range map[string]string{
		"/api/stories":                          "STT:usable Reuters:corrected Example News:killed Yonhap:usable",
		"/api/stories?status=killed":            "Example News:killed",
		"/api/stories?status=Corrected":         "Reuters:corrected",
		"/api/stories?agency=reuters":           "Reuters:corrected",
		"/api/stories?agency=AP":                "",
		"/api/stories?agency=STT&status=usable": "STT:usable",
	} {
		if got := strings.Join(agencies(target), " "); got != want {
			t.Errorf("%s: %q, want %q", target, got, want)
		}
	}
	if res, body := get(t, srv, "GET", "/?status=dead"); res.StatusCode != 400 || !strings.Contains(body, "want killed, corrected or usable") {
		t.Errorf("bad status: %d %.300s", res.StatusCode, body)
	}
	_, page := get(t, srv, "GET", "/?status=killed")
	if strings.Count(page, `<a class="headline"`) != 1 || !strings.Contains(page, `<option value="killed" selected>`) {
		t.Errorf("/?status=killed:\n%.3000s", page)
	}
	_, none := get(t, srv, "GET", "/?agency=AP")
	if !strings.Contains(none, "No stories from AP.") || !strings.Contains(none, `name="agency" type="text" size="8" value="AP"`) {
		t.Errorf("/?agency=AP:\n%.3000s", none)
	}
	p := storyPage{Query: listQuery{Agency: "AP", Status: "killed", Limit: defaultPerPage}}
	if u, _ := url.Parse(p.pageURL("/", 2)); u.Query().Get("agency") != "AP" || u.Query().Get("status") != "killed" {
		t.Errorf("page link drops the filters: %s", u)
	}
}

// TestFeedLifecycle: the feed has an entry for a kill and one for a
// correction, whatever their markers, saying so in title and content.
func TestFeedLifecycle(t *testing.T) {
	srv := newTestServer(t, lifecycleFixture(t))
	_, body := get(t, srv, "GET", "/feed.atom")
	var f struct {
		Entries []struct {
			Title   string `xml:"title"`
			Summary string `xml:"summary"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal([]byte(body), &f); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range f.Entries {
		got[e.Title] = e.Summary
	}
	kill := got["KILLED: WITHDRAWN: Dam story"]
	if !strings.HasPrefix(kill, "KILLED: the agency killed or withdrew this story; do not use it.\n") ||
		!strings.Contains(kill, "Example News urn:example:lede:20240305:dam-1") {
		t.Errorf("kill entry: %q (entries %v)", kill, got)
	}
	if c, ok := got["CORRECTED: Dam breaks above river town"]; !ok || !strings.HasPrefix(c, "CORRECTED: this version corrects the story.\n") {
		t.Errorf("dam correction entry: %q, %v", c, ok)
	}
	if _, ok := got["CORRECTED: (UPDATE 2) Fed holds rates steady, signals cuts later this year"]; !ok {
		t.Errorf("no Reuters correction entry: %v", got)
	}
	if len(got) != 3 {
		t.Errorf("%d entries, want the 3 kills and corrections (no leads here): %v", len(got), got)
	}
}
