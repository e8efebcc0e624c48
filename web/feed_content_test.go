package web

import (
	"encoding/xml"
	"strings"
	"testing"
	"time"

	"lede/diff"
	"lede/revision"
	"lede/revision/wire"
	"lede/store"
)

// atomDoc is what the tests read of a feed.
type atomDoc struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Content struct {
			Type string `xml:"type,attr"`
			Text string `xml:",chardata"`
		} `xml:"content"`
	} `xml:"entry"`
}

func readFeed(t *testing.T, srv *Server, target string) atomDoc {
	t.Helper()
	res, body := get(t, srv, "GET", target)
	var f atomDoc
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != typeAtom {
		t.Fatalf("%s: %d %s\n%.500s", target, res.StatusCode, res.Header.Get("Content-Type"), body)
	}
	if err := xml.Unmarshal([]byte(body), &f); err != nil {
		t.Fatalf("%s is not Atom: %v", target, err)
	}
	return f
}

// TestFeedContent reads the per-story feed of the exit polls story as
// XML: every version newest first, each <updated> its version's time
// (the page's date and time, Seoul's), each update's <content> its
// summary and the paragraphs it added (worked out here with the diff
// package), a first version's its length; the per-agency feed keeps that
// agency's leads only.
func TestFeedContent(t *testing.T) {
	path := fixture(t)
	srv := newTestServer(t, path)
	polls := storyWith(t, path, "220309-exit-polls", 3)
	f := readFeed(t, srv, "/s/"+polls.ID+"/feed.atom")
	if len(f.Entries) != 3 || !strings.HasSuffix(f.ID, "/story/"+polls.ID) || !strings.Contains(f.Title, polls.Headline) {
		t.Fatalf("story feed: id %s, title %q, %d entries", f.ID, f.Title, len(f.Entries))
	}
	db, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	parse := func(v store.Version) *diff.Result {
		t.Helper()
		_, vs, raws, err := db.Revisions(polls.ID, store.Pick{N: v.Rev - 1}, store.Pick{N: v.Rev})
		if err != nil {
			t.Fatal(err)
		}
		old, _ := wire.Reparse("old", vs[0].Source, raws[0])
		cur, _ := wire.Reparse("new", vs[1].Source, raws[1])
		return diff.Compare(old, cur, diff.Options{})
	}
	// The versions' times: the page's date and time of day in Seoul; a
	// page with its date alone no earlier than the version before it.
	kst := time.FixedZone("KST", 9*3600)
	var times []string
	var last time.Time
	for _, v := range polls.Versions {
		at := time.Date(v.Date.Year, time.Month(v.Date.Month), v.Date.Day, 0, 0, 0, 0, kst)
		if tod, err := time.Parse("15:04", v.Record.Time); err == nil {
			at = at.Add(time.Duration(tod.Hour())*time.Hour + time.Duration(tod.Minute())*time.Minute)
		} else if last.After(at) {
			at = last
		}
		last = at
		times = append(times, at.UTC().Format(time.RFC3339))
	}
	if polls.Versions[0].Record.Time == "" || polls.Versions[2].Record.Time != "" {
		t.Fatalf("the test wants a first version with a time of day and a 2nd LD without: %q %q", polls.Versions[0].Record.Time, polls.Versions[2].Record.Time)
	}
	for i, e := range f.Entries {
		v := polls.Versions[len(polls.Versions)-1-i] // newest first
		if entryRef(e.ID) != v.Ref {
			t.Errorf("entry %d is %s, want %s", i, e.ID, v.Ref)
			continue
		}
		if want := times[v.Rev-1]; e.Updated != want {
			t.Errorf("%s: updated %s, want %s (%s %s)", v.Ref, e.Updated, want, v.Date, v.Record.Time)
		}
		if e.Content.Type != "text" {
			t.Errorf("%s: content type %q", v.Ref, e.Content.Type)
		}
		if v.Rev == 1 {
			if !strings.Contains(e.Content.Text, "First version: ") {
				t.Errorf("first version's content %q", e.Content.Text)
			}
			continue
		}
		if !strings.Contains(e.Content.Text, v.Summary.String()) {
			t.Errorf("%s: content lacks the summary %q:\n%s", v.Ref, v.Summary.String(), e.Content.Text)
		}
		res := parse(v)
		if len(res.Figures) > 0 && !strings.Contains(e.Content.Text, "figures  "+revision.FiguresText(res.Figures)) {
			t.Errorf("%s: content lacks the figures %s:\n%s", v.Ref, revision.FiguresText(res.Figures), e.Content.Text)
		}
		added := 0
		for _, p := range res.Paragraphs {
			if p.Op == diff.OpInsert {
				added++
				if !strings.Contains(e.Content.Text, p.Text) {
					t.Errorf("%s: content lacks added para %d %q", v.Ref, *p.New, p.Text)
				}
			}
		}
		if added == 0 {
			t.Errorf("%s added nothing: the test tests nothing", v.Ref)
		}
	}
	if f.Updated != f.Entries[0].Updated {
		t.Errorf("feed updated %s, newest entry %s", f.Updated, f.Entries[0].Updated)
	}

	all := readFeed(t, srv, "/feed.atom")
	yonhap := readFeed(t, srv, "/feed.atom?agency=yonhap")
	if len(yonhap.Entries) != len(all.Entries) || yonhap.ID == all.ID || !strings.HasSuffix(yonhap.Title, "from yonhap") {
		t.Errorf("Yonhap's feed: %d entries of %d, id %s", len(yonhap.Entries), len(all.Entries), yonhap.ID)
	}
	if ap := readFeed(t, srv, "/feed.atom?agency=AP"); len(ap.Entries) != 0 {
		t.Errorf("AP's feed of Yonhap pages: %d entries", len(ap.Entries))
	}
	if res, _ := get(t, srv, "GET", "/s/nosuchstory/feed.atom"); res.StatusCode != 404 {
		t.Errorf("feed of no story: %d", res.StatusCode)
	}
}
