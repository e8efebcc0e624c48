package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"lede/store"
)

// post sends a form to srv as a browser on origin would (origin "" sends
// no Origin header), with sec as its Sec-Fetch-Site ("" for none).
func post(t *testing.T, srv http.Handler, target, origin, sec string, form url.Values) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest("POST", target, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	if sec != "" {
		req.Header.Set("Sec-Fetch-Site", sec)
	}
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	return rec.Result(), rec.Body.String()
}

// TestMarkButton marks and unmarks versions through the timeline's form
// on a server that takes marks, refuses marks from other sites' pages,
// and checks what the story and version pages then show; a read-only
// server refuses the form and offers no buttons.
func TestMarkButton(t *testing.T) {
	path := deskFixture(t)
	open := func(context.Context) (*store.DB, error) {
		return store.Open(path, store.Options{ReadOnly: true, Wait: 2 * time.Second})
	}
	now := time.Date(2026, 3, 1, 10, 30, 0, 0, time.Local)
	srv, err := New(Config{Open: open, Now: func() time.Time { return now },
		Write: func(ctx context.Context, fn func(*store.DB) error) error {
			db, err := store.Open(path, store.Options{Wait: 2 * time.Second})
			if err != nil {
				return err
			}
			defer db.Close()
			return fn(db)
		}})
	if err != nil {
		t.Fatal(err)
	}
	readOnly, err := New(Config{Open: open})
	if err != nil {
		t.Fatal(err)
	}
	quake := locateIn(t, path, "260301-strong-quake")
	id := quake.ID
	r1, r2 := quake.Versions[0].Ref, quake.Versions[1].Ref
	mark := "/s/" + id + "/mark"
	marked := func() string {
		s := locateIn(t, path, id)
		if m, ok := s.LastMark(); ok {
			return m.Ref
		}
		return ""
	}

	// The buttons, on the server that takes marks only.
	_, page := get(t, srv, "GET", "/s/"+id)
	for _, want := range []string{`<form id="markform" method="post" action="` + mark + `">`,
		`<button class="mark" form="markform" name="ref" value="` + r1 + `">mark @1 as used</button>`} {
		if !strings.Contains(page, want) {
			t.Errorf("the timeline lacks %s", want)
		}
	}
	if _, page := get(t, readOnly, "GET", "/s/"+id); strings.Contains(page, "markform") {
		t.Error("a read-only server shows mark buttons")
	}
	if res, body := post(t, readOnly, mark, "http://example.com", "same-origin", url.Values{"ref": {r1}}); res.StatusCode != 405 ||
		!strings.Contains(body, "--allow-marks") {
		t.Errorf("read-only server: %d\n%s", res.StatusCode, body)
	}

	// Another site's page cannot mark.
	for _, c := range []struct{ origin, sec string }{{"http://evil.example", ""}, {"", "cross-site"}, {"http://evil.example", "same-site"}} {
		if res, _ := post(t, srv, mark, c.origin, c.sec, url.Values{"ref": {r1}}); res.StatusCode != 403 {
			t.Errorf("origin %q, Sec-Fetch-Site %q: %d, want 403", c.origin, c.sec, res.StatusCode)
		}
	}
	if m := marked(); m != "" {
		t.Fatalf("a cross-origin post marked %s", m)
	}

	// The same origin marks @1: back to the timeline, which shows it and
	// links what changed since.
	res, _ := post(t, srv, mark, "http://example.com", "same-origin", url.Values{"ref": {r1}})
	if loc := res.Header.Get("Location"); res.StatusCode != http.StatusSeeOther || loc != "/s/"+id+"#"+r1 {
		t.Fatalf("mark: %d to %q", res.StatusCode, loc)
	}
	if m := marked(); m != r1 {
		t.Fatalf("marked %q, want %s", m, r1)
	}
	_, page = get(t, srv, "GET", "/s/"+id)
	for _, want := range []string{`<span class="badge markedb"`, "2026-03-01 10:30", `<button class="unmark" form="markform" name="unmark" value="` + r1 + `">`,
		`Since your mark on @1 <code>` + r1 + `</code>`, `<a class="since-mark" href="/s/` + id + `/diff?from=` + r1 + `&amp;to=` + r2 + `">`} {
		if !strings.Contains(page, want) {
			t.Errorf("after the mark the timeline lacks %s", want)
		}
	}
	if _, vpage := get(t, readOnly, "GET", "/r/"+r1); !strings.Contains(vpage, `<span class="badge markedb">MARKED</span>`) || strings.Contains(vpage, "markform") {
		t.Errorf("the read-only version page of the mark:\n%.2000s", vpage)
	}
	// Marking the latest: nothing new since.
	post(t, srv, mark, "", "", url.Values{"ref": {r2}}) // a non-browser client sends neither header
	if _, page := get(t, srv, "GET", "/r/"+r1); !strings.Contains(page, "Nothing new since your mark on @2") {
		t.Errorf("after marking the latest:\n%.2000s", page)
	}
	// Unmark both.
	for _, r := range []string{r2, r1} {
		if res, _ := post(t, srv, mark, "http://example.com", "", url.Values{"unmark": {r}}); res.StatusCode != http.StatusSeeOther {
			t.Errorf("unmark %s: %d", r, res.StatusCode)
		}
	}
	if m := marked(); m != "" {
		t.Errorf("after unmarking, %s is marked", m)
	}
	other := locateIn(t, path, "260301-heavy-rain")
	for _, c := range []struct {
		target string
		form   url.Values
		status int
		want   string
	}{
		{mark, url.Values{"ref": {"x"}}, 400, "want the ref of the version to mark"},
		{mark, url.Values{}, 400, "want the ref"},
		{"/s/nosuchstory/mark", url.Values{"ref": {r1}}, 404, "no story matches"},
		{mark, url.Values{"ref": {other.Versions[0].Ref}}, 404, "is not a version of"},
		{mark, url.Values{"ref": {"r999"}}, 404, "no version r999"},
	} {
		res, body := post(t, srv, c.target, "http://example.com", "same-origin", c.form)
		if res.StatusCode != c.status || !strings.Contains(body, c.want) {
			t.Errorf("%s %v: %d, want %d and %q\n%.1500s", c.target, c.form, res.StatusCode, c.status, c.want, body)
		}
	}
}

// locateIn reads the story id (or prefix) names in the database at path.
func locateIn(t *testing.T, path, id string) store.Story {
	t.Helper()
	db, err := store.Open(path, store.Options{ReadOnly: true, Wait: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s, _, err := db.Locate(id, store.Pick{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}
