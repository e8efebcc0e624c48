package web

import (
	"context"
	"encoding/xml"
	"fmt"
	"net"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"lede/store"
)

// TestFeed parses the feed back as Atom and checks that it lists every
// new lead of the fixture once, and nothing else.
func TestFeed(t *testing.T) {
	path := fixture(t)
	srv := newTestServer(t, path)
	res, body := get(t, srv, "GET", "/feed.atom")
	if res.StatusCode != 200 {
		t.Fatalf("status %d", res.StatusCode)
	}
	var f atomDoc
	if err := xml.Unmarshal([]byte(body), &f); err != nil {
		t.Fatalf("not Atom: %v\n%.2000s", err, body)
	}
	if f.ID == "" || f.Title == "" {
		t.Errorf("feed id %q title %q", f.ID, f.Title)
	}
	if _, err := time.Parse(time.RFC3339, f.Updated); err != nil {
		t.Errorf("feed updated: %v", err)
	}
	// The leads, worked out independently: a version whose sequence is
	// higher than that of every version before it.
	db, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	list, err := db.Stories(store.ListOptions{})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, s := range list {
		best := 0
		for _, v := range s.Versions {
			if v.Seq > best {
				want[v.Ref] = v.Label
				best = v.Seq
			}
		}
	}
	if len(want) < 10 || len(want) > feedEntries {
		t.Fatalf("the fixture has %d leads: the test wants 10 to %d", len(want), feedEntries)
	}
	seen := map[string]bool{}
	var prev time.Time
	for i, e := range f.Entries {
		if !tagRe.MatchString(e.ID) {
			t.Errorf("entry id %q is not tag:example.com,DATE:lede/DBID/REF", e.ID)
		}
		ref := entryRef(e.ID)
		if seen[ref] {
			t.Errorf("%s listed twice", e.ID)
		}
		seen[ref] = true
		up, err := time.Parse(time.RFC3339, e.Updated)
		if i > 0 && err == nil && up.After(prev) {
			t.Errorf("%s (%s) after an entry of %s: not newest first", e.ID, e.Updated, prev)
		}
		prev = up
		if i == 0 && e.Updated != f.Updated {
			t.Errorf("feed updated %s, its newest entry %s", f.Updated, e.Updated)
		}
		label, ok := want[ref]
		if !ok {
			t.Errorf("%s (%s) is not a new lead", e.ID, e.Title)
			continue
		}
		if !strings.HasPrefix(e.Title, "("+label+") ") {
			t.Errorf("%s: title %q lacks its marker %s", e.ID, e.Title, label)
		}
		if _, err := time.Parse(time.RFC3339, e.Updated); err != nil {
			t.Errorf("%s: updated: %v", e.ID, err)
		}
		if !strings.HasPrefix(e.Link.Href, "http://example.com/s/") {
			t.Errorf("%s: link %q", e.ID, e.Link.Href)
		}
		// The link names the lead by its ref, and it resolves.
		target := strings.TrimPrefix(e.Link.Href, "http://example.com")
		if !strings.HasSuffix(target, "&to="+ref) && !strings.HasSuffix(target, "#"+ref) {
			t.Errorf("%s: link %q does not name %s", e.ID, target, ref)
		}
		page, _, _ := strings.Cut(target, "#") // a browser sends no fragment
		if res, page := get(t, srv, "GET", page); res.StatusCode != 200 || !strings.Contains(page, ref) {
			t.Errorf("%s: link %s: status %d", e.ID, target, res.StatusCode)
		}
	}
	for id := range want {
		if !seen[id] {
			t.Errorf("lead %s missing from the feed", id)
		}
	}
	// A repeated lead (the same seq again) is not a new one.
	s := store.Story{Versions: []store.Version{{Rev: 1}, {Rev: 2, Seq: 1}, {Rev: 3, Seq: 1}, {Rev: 4, Seq: 3}, {Rev: 5, Seq: 2}}}
	var revs []int
	for _, l := range leads(s) {
		revs = append(revs, l.ver.Rev)
	}
	if fmt.Sprint(revs) != "[2 4]" {
		t.Errorf("leads of 0,1,1,3,2: revisions %v, want [2 4]", revs)
	}
}

// TestHostileTextEscaped checks the server side of safety: markup in a
// story shows as text in every page and feed (the browser test checks
// that nothing runs).
func TestHostileTextEscaped(t *testing.T) {
	path := fixture(t)
	srv := newTestServer(t, path)
	id := storyWith(t, path, "210505", 2).ID
	for _, target := range []string{"/", "/s/" + id, "/s/" + id + "/diff", "/s/" + id + "/diff?view=side", "/feed.atom"} {
		_, body := get(t, srv, "GET", target)
		for _, bad := range []string{"<script>window", "<img src=x", "<b>bold</b>", "<h1>markup", `href="javascript:`} {
			if strings.Contains(body, bad) {
				t.Errorf("%s: unescaped %q", target, bad)
			}
		}
		if !strings.Contains(body, "&lt;script&gt;window.pwned=1&lt;/script&gt;") {
			t.Errorf("%s: the escaped headline is missing\n%.3000s", target, body)
		}
	}
}

// TestServeShutdown runs the real server on a loopback port and stops it
// by cancelling its context, as Ctrl-C does.
func TestServeShutdown(t *testing.T) {
	srv := newTestServer(t, fixture(t))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	res, err := http.Get("http://" + ln.Addr().String() + "/api/stories?limit=1")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Errorf("status %d", res.StatusCode)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(6 * time.Second):
		t.Fatal("Serve did not return after its context ended")
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/"); err == nil {
		t.Error("the server still answers after shutdown")
	}
}

// TestWriterWaiting checks that a request holds back while a writer
// waits for the file, for WriterGrace at most.
func TestWriterWaiting(t *testing.T) {
	path := fixture(t)
	srv, err := New(Config{
		Open: func(context.Context) (*store.DB, error) {
			return store.Open(path, store.Options{ReadOnly: true})
		},
		WriterWaiting: func() bool { return true },
		WriterGrace:   150 * time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	res, _ := get(t, srv, "GET", "/api/stories?limit=1")
	if took := time.Since(start); res.StatusCode != 200 || took < 150*time.Millisecond || took > 2*time.Second {
		t.Errorf("status %d after %s", res.StatusCode, took)
	}
}

// TestFeedIDsSurviveMerge checks that a lead keeps its entry id when a
// user merges its story into another, so a feed reader does not show it
// again under the new story id.
func TestFeedIDsSurviveMerge(t *testing.T) {
	path := buildFixture(t)
	entries := func() map[string]string {
		t.Helper()
		_, body := get(t, newTestServer(t, path), "GET", "/feed.atom")
		return feedLinks(t, body)
	}
	before := entries()
	db, list := openForWrite(t, path)
	// A story with a lead, merged into a one-version story: its leads stay
	// leads, and its id goes away.
	var withLead, single store.Story
	for _, s := range list {
		switch {
		case withLead.ID == "" && len(s.Versions) >= 2 && s.Latest().Seq > 0:
			withLead = s
		case single.ID == "" && len(s.Versions) == 1 && s.Versions[0].Seq == 0:
			single = s
		}
	}
	if withLead.ID == "" || single.ID == "" {
		t.Fatal("the fixture lacks a story with a lead or a one-version story")
	}
	merged, err := db.Merge(single.ID, withLead.ID)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	after := entries()
	moved := 0
	for _, v := range withLead.Versions {
		id := v.Ref
		if _, ok := before[id]; !ok {
			continue
		}
		moved++
		href, ok := after[id]
		if !ok {
			t.Errorf("%s left the feed after the merge", id)
			continue
		}
		if !strings.Contains(href, "/s/"+merged+"/") && !strings.Contains(href, "/s/"+merged+"#") {
			t.Errorf("%s links %s, want the merged story %s", id, href, merged)
		}
	}
	if moved == 0 {
		t.Fatalf("story %s had no lead in the feed", withLead.ID)
	}
	if len(after) != len(before) {
		t.Errorf("feed had %d entries, %d after the merge", len(before), len(after))
	}
}

// feedLinks reads an Atom feed's entries: each id with its link.
func feedLinks(t *testing.T, body string) map[string]string {
	t.Helper()
	var f struct {
		Entries []struct {
			ID   string `xml:"id"`
			Link struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal([]byte(body), &f); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range f.Entries {
		out[entryRef(e.ID)] = e.Link.Href
	}
	return out
}

// tagRe is the form of feed entry ids.
var tagRe = regexp.MustCompile(`^tag:example\.com,\d{4}-\d\d-\d\d:lede/[0-9a-f]{12}/r\d+$`)

// entryRef is the ref a feed entry's id names (its last part).
func entryRef(id string) string { return id[strings.LastIndex(id, "/")+1:] }
