package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"

	"lede/store"
)

var (
	fixtureOnce sync.Once
	fixturePath string
	fixtureDir  string
)

// fixture is the database of buildFixture, built once for the package's
// tests (it takes about a second).
func fixture(t *testing.T) string {
	fixtureOnce.Do(func() {
		dir, err := os.MkdirTemp("", "lede-web-")
		if err != nil {
			t.Fatal(err)
		}
		fixtureDir = dir
		fixturePath = buildFixture(&tempT{T: t, dir: dir})
	})
	if fixturePath == "" {
		t.Fatal("no fixture database")
	}
	return fixturePath
}

// tempT gives buildFixture a directory that outlives the test that
// happens to build the fixture first.
type tempT struct {
	*testing.T
	dir string
}

func (t *tempT) TempDir() string { return t.dir }

func TestMain(m *testing.M) {
	code := m.Run()
	if fixtureDir != "" {
		os.RemoveAll(fixtureDir)
	}
	os.Exit(code)
}

// get sends one request to srv and returns the response with its body.
func get(t *testing.T, srv http.Handler, method, target string, header ...string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	res := rec.Result()
	body, _ := io.ReadAll(res.Body)
	return res, string(body)
}

// storyWith finds a story of the fixture with at least n versions whose
// id starts with prefix.
func storyWith(t *testing.T, path, prefix string, n int) store.Story {
	t.Helper()
	db, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	list, err := db.Stories(store.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range list {
		if strings.HasPrefix(s.ID, prefix) && len(s.Versions) >= n {
			return s
		}
	}
	t.Fatalf("no story %s* with %d versions", prefix, n)
	return store.Story{}
}

func TestRoutes(t *testing.T) {
	path := fixture(t)
	srv := newTestServer(t, path)
	polls := storyWith(t, path, "220309-exit-polls", 3)
	exit := polls.ID
	// ref is the ref of version n of the exit polls; side how a diff
	// names the version.
	ref := func(n int) string { return polls.Versions[n-1].Ref }
	side := func(n int) string { return fmt.Sprintf("%s@%d (%s)", exit, n, ref(n)) }
	single := storyWith(t, path, "230913-north-korean-leader-kim", 1)
	if len(single.Versions) != 1 {
		t.Fatalf("%s has %d versions", single.ID, len(single.Versions))
	}
	cases := []struct {
		name, method, target string
		status               int
		ctype                string
		want, notWant        []string
	}{
		{"list", "GET", "/", 200, typeHTML, []string{`<ol class="stories">`, `href="/s/`, `rel="next"`}, nil},
		{"list page 2", "GET", "/?page=2", 200, typeHTML, []string{`rel="prev"`, "page 2"}, nil},
		{"list search", "GET", "/?q=exit+POLLS", 200, typeHTML, []string{exit}, []string{"200202-"}},
		{"list search no match", "GET", "/?q=zzzqqq", 200, typeHTML, []string{"No stories with “zzzqqq”"}, nil},
		{"list since", "GET", "/?since=2022-03-01", 200, typeHTML, []string{exit}, []string{"200202-"}},
		{"list bad since", "GET", "/?since=yesterday", 400, typeHTML, []string{"since=&#34;yesterday&#34;"}, nil},
		{"list bad page", "GET", "/?page=0", 400, typeHTML, []string{"page number"}, nil},
		{"story", "GET", "/s/" + exit, 200, typeHTML, []string{"@3", "2nd LD", "ATTN: ADDS more info in paras 4-5, 7-11, photos",
			`class="badge add"`, `class="verdict confirmed"`, `name="from" value="` + ref(2) + `" data-n="2" checked`, `name="to" value="` + ref(3) + `" data-n="3" checked`,
			`id="` + ref(3) + `"`, `href="/s/` + exit + `/diff?from=` + ref(2) + `&amp;to=` + ref(3) + `">what it changed`}, nil},
		{"story by prefix", "GET", "/s/220309-exit", 200, typeHTML, []string{exit}, nil},
		{"story unknown", "GET", "/s/nosuchstory", 404, typeHTML, []string{"no story matches"}, nil},
		{"diff default", "GET", "/s/" + exit + "/diff", 200, typeHTML, []string{side(2) + " → " + side(3), "<ins>", `class="insert"`,
			"Not announced by the note: byline added</p>",
			`<a rel="prev" href="/s/` + exit + `/diff?from=` + ref(1) + `&amp;to=` + ref(2) + `">`}, []string{`rel="next"`}},
		{"diff first update", "GET", "/s/" + exit + "/diff?to=2&view=side", 200, typeHTML,
			[]string{`<a rel="next" href="/s/` + exit + `/diff?from=` + ref(2) + `&amp;to=` + ref(3) + `&amp;view=side">`}, []string{`rel="prev"`}},
		{"diff pair", "GET", "/s/" + exit + "/diff?from=1&to=3", 200, typeHTML, []string{side(1) + " → " + side(3), "<strong>inline</strong>",
			`href="/s/` + exit + `/diff?from=` + ref(1) + `&amp;to=` + ref(3) + `&amp;view=side"`}, nil},
		{"diff by refs", "GET", "/s/" + exit + "/diff?from=" + ref(1) + "&to=" + ref(3), 200, typeHTML, []string{side(1) + " → " + side(3)}, nil},
		{"diff to a ref", "GET", "/s/" + exit + "/diff?to=" + ref(2), 200, typeHTML, []string{side(1) + " → " + side(2)}, nil},
		{"diff ref of another story", "GET", "/s/" + exit + "/diff?from=" + single.Versions[0].Ref + "&to=3", 404, typeHTML,
			[]string{single.Versions[0].Ref + " is not a version of " + exit}, nil},
		{"diff no such ref", "GET", "/s/" + exit + "/diff?from=r99999&to=3", 404, typeHTML, []string{"no version r99999"}, nil},
		{"version by ref", "GET", "/r/" + ref(2), 200, typeHTML, []string{`<span class="rev">@2 of 3</span>`, "ref <code>" + ref(2) + "</code>",
			`<li id="p1" value="1">`, `<span class="dateline">`, `<textarea id="copytext" class="copytext" readonly`, `href="/r/` + ref(2) + `.txt"`,
			`class="latest-copy" href="/s/` + exit + `/latest"`, `href="/s/` + exit + `/diff?from=` + ref(1) + `&amp;to=` + ref(2) + `">what it changed`}, []string{"This is the latest version."}},
		{"latest version", "GET", "/r/" + ref(3), 200, typeHTML, []string{"This is the latest version.", "ATTN: ADDS more info in paras 4-5, 7-11, photos", `class="verdict confirmed"`}, []string{`class="latest-copy"`}},
		{"version text", "GET", "/r/" + ref(2) + ".txt", 200, typeText, nil, []string{"<", "(LEAD)", "(END)"}},
		{"latest clean copy", "GET", "/s/" + exit + "/latest", 302, "", []string{`href="/r/` + ref(3) + `"`}, nil},
		{"latest of no story", "GET", "/s/nosuchstory/latest", 404, typeHTML, nil, nil},
		{"version text bad ref", "GET", "/r/x.txt", 400, typeHTML, nil, nil},
		{"version by no such ref", "GET", "/r/r99999", 404, typeHTML, []string{"no version r99999"}, nil},
		{"version by bad ref", "GET", "/r/2", 400, typeHTML, []string{"not a version&#39;s ref"}, nil},
		{"diff reversed", "GET", "/s/" + exit + "/diff?from=3&to=1", 200, typeHTML, []string{"<del>"}, nil},
		{"diff side", "GET", "/s/" + exit + "/diff?from=1&to=3&view=side", 200, typeHTML, []string{`<table class="side">`, "<strong>side by side</strong>"}, nil},
		{"diff bad view", "GET", "/s/" + exit + "/diff?view=wide", 400, typeHTML, []string{"want inline or side"}, nil},
		{"diff bad from", "GET", "/s/" + exit + "/diff?from=x&to=2", 400, typeHTML, []string{"version number"}, nil},
		{"diff zero to", "GET", "/s/" + exit + "/diff?to=0", 400, typeHTML, nil, nil},
		{"diff before the first", "GET", "/s/" + exit + "/diff?to=1", 400, typeHTML, []string{"nothing before it"}, nil},
		{"diff same", "GET", "/s/" + exit + "/diff?from=2&to=2", 400, typeHTML, []string{"two different versions"}, nil},
		{"diff out of range", "GET", "/s/" + exit + "/diff?from=1&to=9", 404, typeHTML, []string{"revisions 1 to 3, not 9"}, nil},
		{"diff one version", "GET", "/s/" + single.ID + "/diff", 400, typeHTML, []string{"one version"}, nil},
		{"diff unknown", "GET", "/s/nosuchstory/diff?from=1&to=2", 404, typeHTML, nil, nil},
		{"api stories", "GET", "/api/stories?limit=2", 200, typeJSON, []string{`"versions": [`}, nil},
		{"api stories bad limit", "GET", "/api/stories?limit=501", 400, typeJSON, []string{`"status": 400`}, nil},
		{"api stories bad since", "GET", "/api/stories?since=2020-13-01", 400, typeJSON, nil, nil},
		{"api story", "GET", "/api/stories/" + exit, 200, typeJSON, []string{`"why":`, `"summary":`}, nil},
		{"api story unknown", "GET", "/api/stories/nosuchstory", 404, typeJSON, []string{`"error": "not found: no story matches \"nosuchstory\""`}, nil},
		{"api revision", "GET", "/api/stories/" + exit + "/revisions/2", 200, typeJSON, []string{`"rev": 2`, `"ref": "` + ref(2) + `"`, `"paragraphs": [`}, nil},
		{"api revision by ref", "GET", "/api/stories/" + exit + "/revisions/" + ref(2), 200, typeJSON, []string{`"rev": 2`, `"ref": "` + ref(2) + `"`}, nil},
		{"api ref alone", "GET", "/api/revisions/" + ref(2), 200, typeJSON, []string{`"story": "` + exit + `"`, `"rev": 2`, `"ref": "` + ref(2) + `"`}, nil},
		{"api ref unknown", "GET", "/api/revisions/r99999", 404, typeJSON, []string{"no version r99999"}, nil},
		{"api story refs", "GET", "/api/stories/" + exit, 200, typeJSON, []string{`"ref": "` + ref(1) + `"`, `"ref": "` + ref(3) + `"`}, nil},
		{"api revision zero", "GET", "/api/stories/" + exit + "/revisions/0", 400, typeJSON, nil, nil},
		{"api revision word", "GET", "/api/stories/" + exit + "/revisions/latest", 400, typeJSON, nil, nil},
		{"api revision missing", "GET", "/api/stories/" + exit + "/revisions/4", 404, typeJSON, []string{"revisions 1 to 3, not 4"}, nil},
		{"api diff", "GET", "/api/stories/" + exit + "/diff?from=1&to=3", 200, typeJSON, []string{`"from": "` + exit + `@1"`, `"from_ref": "` + ref(1) + `"`, `"to_ref": "` + ref(3) + `"`, `"note_check": [`}, nil},
		{"api diff bad", "GET", "/api/stories/" + exit + "/diff?from=-1", 400, typeJSON, nil, nil},
		{"feed", "GET", "/feed.atom", 200, typeAtom, []string{`<feed xmlns="http://www.w3.org/2005/Atom">`}, nil},
		{"static css", "GET", "/static/style.css", 200, "text/css; charset=utf-8", []string{"ins{"}, nil},
		{"static js", "GET", "/static/lede.js", 200, "text/javascript; charset=utf-8", []string{"use strict"}, nil},
		{"static missing", "GET", "/static/nope.js", 404, "", nil, nil},
		{"unknown path", "GET", "/wp-admin", 404, typeHTML, []string{"no such page"}, nil},
		{"post", "POST", "/", 405, "", nil, nil},
		{"put api", "PUT", "/api/stories", 405, typeJSON, []string{`"status": 405`, "only reads"}, nil},
		{"delete story", "DELETE", "/api/stories/" + exit, 405, typeJSON, []string{`"status": 405`}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, body := get(t, srv, c.method, c.target)
			if res.StatusCode != c.status {
				t.Fatalf("status %d, want %d\n%s", res.StatusCode, c.status, body)
			}
			if c.ctype != "" && res.Header.Get("Content-Type") != c.ctype {
				t.Errorf("Content-Type %q, want %q", res.Header.Get("Content-Type"), c.ctype)
			}
			if c.status == 405 && res.Header.Get("Allow") != "GET, HEAD" {
				t.Errorf("Allow %q", res.Header.Get("Allow"))
			}
			checkSecurityHeaders(t, res)
			for _, w := range c.want {
				if !strings.Contains(body, w) {
					t.Errorf("body lacks %q\n%.3000s", w, body)
				}
			}
			for _, w := range c.notWant {
				if strings.Contains(body, w) {
					t.Errorf("body has %q", w)
				}
			}
		})
	}
}

func checkSecurityHeaders(t *testing.T, res *http.Response) {
	t.Helper()
	csp := res.Header.Get("Content-Security-Policy")
	for _, w := range []string{"default-src 'none'", "script-src 'self'", "frame-ancestors 'none'"} {
		if !strings.Contains(csp, w) {
			t.Errorf("CSP %q lacks %q", csp, w)
		}
	}
	if strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP allows inline code: %q", csp)
	}
	for h, want := range map[string]string{"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer"} {
		if got := res.Header.Get(h); got != want {
			t.Errorf("%s: %q, want %q", h, got, want)
		}
	}
}

func TestETag(t *testing.T) {
	srv := newTestServer(t, fixture(t))
	for _, target := range []string{"/", "/s/220309", "/s/220309/diff?from=1&to=3", "/api/stories", "/api/stories/220309",
		"/api/stories/220309/revisions/1", "/api/stories/220309/diff", "/feed.atom", "/static/style.css"} {
		res, body := get(t, srv, "GET", target)
		tag := res.Header.Get("ETag")
		if res.StatusCode != 200 || !strings.HasPrefix(tag, `"`) {
			t.Fatalf("%s: status %d, ETag %q", target, res.StatusCode, tag)
		}
		_, again := get(t, srv, "GET", target)
		if again != body {
			t.Errorf("%s: two responses differ", target)
		}
		for _, inm := range []string{tag, "W/" + tag, `"other", ` + tag, "*"} {
			res, body := get(t, srv, "GET", target, "If-None-Match", inm)
			if res.StatusCode != http.StatusNotModified || body != "" {
				t.Errorf("%s with If-None-Match %s: status %d, %d bytes", target, inm, res.StatusCode, len(body))
			}
			if res.Header.Get("ETag") != tag {
				t.Errorf("%s: 304 without its ETag", target)
			}
		}
		if res, _ := get(t, srv, "GET", target, "If-None-Match", `"stale"`); res.StatusCode != 200 {
			t.Errorf("%s with a stale tag: status %d", target, res.StatusCode)
		}
	}
	a, _ := get(t, srv, "GET", "/api/stories/220309/revisions/1")
	b, _ := get(t, srv, "GET", "/api/stories/220309/revisions/2")
	if a.Header.Get("ETag") == b.Header.Get("ETag") {
		t.Error("two different revisions share an ETag")
	}
}

func TestHead(t *testing.T) {
	srv := httptest.NewServer(newTestServer(t, fixture(t)))
	defer srv.Close()
	res, err := http.Head(srv.URL + "/s/220309")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || len(body) != 0 || res.Header.Get("ETag") == "" {
		t.Errorf("HEAD: status %d, %d bytes, ETag %q", res.StatusCode, len(body), res.Header.Get("ETag"))
	}
}

func TestBodyTooLarge(t *testing.T) {
	srv := newTestServer(t, fixture(t))
	req := httptest.NewRequest("GET", "/", strings.NewReader(strings.Repeat("x", maxBody+1)))
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	if rec.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("status %d, want 413", rec.Code)
	}
	checkSecurityHeaders(t, rec.Result())
}

func TestPaging(t *testing.T) {
	srv := newTestServer(t, fixture(t))
	seen := map[string]bool{}
	total := 0
	target := "/api/stories?limit=30"
	for page := 1; target != ""; page++ {
		res, body := get(t, srv, "GET", target)
		var list []store.Story
		if err := json.Unmarshal([]byte(body), &list); err != nil || res.StatusCode != 200 {
			t.Fatalf("%s: %d %v", target, res.StatusCode, err)
		}
		for _, s := range list {
			if seen[s.ID] {
				t.Errorf("page %d repeats %s", page, s.ID)
			}
			seen[s.ID] = true
		}
		total += len(list)
		target = ""
		if link := res.Header.Get("Link"); strings.Contains(link, `rel="next"`) {
			target = strings.TrimPrefix(strings.SplitN(link, ">", 2)[0], "<")
		}
		if page > 1 && !strings.Contains(res.Header.Get("Link"), `rel="prev"`) {
			t.Errorf("page %d has no prev link", page)
		}
	}
	_, body := get(t, srv, "GET", "/api/stories?limit=500")
	var all []store.Story
	if err := json.Unmarshal([]byte(body), &all); err != nil {
		t.Fatal(err)
	}
	if total != len(all) || total < 80 {
		t.Errorf("paged through %d stories, %d in one page", total, len(all))
	}
}

func TestDatabaseUnavailable(t *testing.T) {
	srv, err := New(Config{Open: func(context.Context) (*store.DB, error) {
		return nil, errors.New("database x is in use by another lede process")
	}})
	if err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{"/", "/api/stories"} {
		res, body := get(t, srv, "GET", target)
		if res.StatusCode != http.StatusServiceUnavailable || res.Header.Get("Retry-After") == "" ||
			!strings.Contains(body, "in use by another lede process") {
			t.Errorf("%s: status %d, Retry-After %q\n%s", target, res.StatusCode, res.Header.Get("Retry-After"), body)
		}
	}
}

// TestNoHeadlineExcerpt: the story list shows how a story without a
// headline begins, escaped like all text.
func TestNoHeadlineExcerpt(t *testing.T) {
	_, body := get(t, newTestServer(t, fixture(t)), "GET", "/")
	if !strings.Contains(body, `(no headline) <span class="excerpt">North Korean leader Kim Jong-un and Russian President`) {
		t.Errorf("the list shows no excerpt for a story without a headline:\n%.3000s", body)
	}
}
