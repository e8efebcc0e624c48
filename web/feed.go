package web

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"lede/revision"
	"lede/store"
)

// Feed bounds: the leads of the most recently updated stories.
const (
	feedStories = 200
	feedEntries = 50
)

// A lead is a version whose marker sequence is higher than that of
// every version before it in its story: (LEAD) after a first version,
// (2nd LD) after (LEAD), and so on. A repeated or corrected version of
// an earlier lead is not a new one. Kills and corrections are entries
// too, whatever their marker: a reader who took the story must hear of
// them. An advisory is never a lead.
type lead struct {
	story store.Story
	ver   store.Version
	prev  int // the version before it, 0 for none
}

// leads lists a story's new leads in story order.
func leads(s store.Story) []lead {
	var out []lead
	top := 0
	for i, v := range s.Versions {
		advisory := slices.Contains(v.Record.Signals, revision.SignalAdvisory)
		switch {
		case v.Word() != store.StoryUsable:
			out = append(out, lead{story: s, ver: v, prev: i})
		case v.Seq > top && !advisory:
			out = append(out, lead{story: s, ver: v, prev: i})
		}
		if !advisory {
			top = max(top, v.Seq)
		}
	}
	return out
}

// atomFeed and atomEntry are the Atom (RFC 4287) elements lede writes.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Author  atomPerson  `xml:"author"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	ID      string     `xml:"id"`
	Title   string     `xml:"title"`
	Updated string     `xml:"updated"`
	Links   []atomLink `xml:"link"`
	Summary string     `xml:"summary"`
}

// feed is GET /feed.atom: the newest leads first, each linked to the
// diff of what it changed.
func (s *Server) feed(w http.ResponseWriter, r *http.Request) {
	var all []lead
	err := s.view(r.Context(), func(db *store.DB) error {
		list, err := db.Stories(store.ListOptions{Limit: feedStories, Warn: s.logProblem})
		for _, st := range list {
			all = append(all, leads(st)...)
		}
		return err
	})
	if err != nil {
		s.failWith(w, r, err)
		return
	}
	slices.SortStableFunc(all, func(a, b lead) int {
		return cmp.Or(-cmp.Compare(a.ver.Record.Ingested, b.ver.Record.Ingested),
			-cmp.Compare(a.story.Updated.String(), b.story.Updated.String()))
	})
	all = all[:min(len(all), feedEntries)]
	base := "http://" + r.Host
	f := atomFeed{
		ID: "urn:lede:feed:leads", Title: "lede: new leads, kills and corrections", Author: atomPerson{Name: "lede"},
		Updated: rfc3339(0),
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: base + "/feed.atom"},
			{Rel: "alternate", Type: "text/html", Href: base + "/"}},
	}
	for i, l := range all {
		if i == 0 {
			f.Updated = rfc3339(l.ver.Record.Ingested)
		}
		f.Entries = append(f.Entries, l.entry(base))
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		s.failWith(w, r, err)
		return
	}
	buf.WriteByte('\n')
	send(w, r, typeAtom, buf.Bytes())
}

// entry is the lead as an Atom entry. Its id and link name versions by
// their refs, which stay the same when a late version renumbers the
// story.
func (l lead) entry(base string) atomEntry {
	v := l.ver
	id := url.PathEscape(l.story.ID)
	title := cmp.Or(v.Headline, l.story.Headline, "(no headline)")
	if v.Label != "" {
		title = "(" + v.Label + ") " + title
	}
	word := v.Word()
	if word != store.StoryUsable {
		title = strings.ToUpper(string(word)) + ": " + title
	}
	href := fmt.Sprintf("%s/s/%s#%s", base, id, v.Ref)
	if l.prev > 0 {
		href = base + diffURL(l.story.ID, l.story.Versions[l.prev-1].Ref, v.Ref)
	}
	var sum []string
	switch word {
	case store.StoryKilled:
		sum = append(sum, "KILLED: the agency killed or withdrew this story; do not use it.")
	case store.StoryCorrected:
		sum = append(sum, "CORRECTED: this version corrects the story.")
	}
	sum = append(sum, fmt.Sprintf("%s@%d (%s), %s", l.story.ID, v.Rev, v.Ref, when(v)))
	if who := strings.TrimSpace(v.Record.Agency + " " + v.Record.ID); who != "" {
		sum = append(sum, who)
	}
	if v.Record.Note != "" {
		sum = append(sum, revision.NoteLabel(v.Record.Agency)+" "+v.Record.Note)
	}
	if v.Summary != nil {
		sum = append(sum, v.Summary.String())
	}
	return atomEntry{
		// The ref names the revision for good: story ids change when a
		// user merges or splits stories, and places when a late version
		// lands, and a feed reader would show the lead again.
		ID: "urn:lede:revision:" + v.Ref,
		// XML has no room for C0 controls (the encoder writes U+FFFD for
		// them): they are escaped first, as every page shows them.
		Title:   string(revision.EscapeControls([]byte(title))),
		Updated: rfc3339(v.Record.Ingested),
		Links:   []atomLink{{Rel: "alternate", Type: "text/html", Href: href}},
		Summary: string(revision.EscapeControls([]byte(strings.Join(sum, "\n")))),
	}
}

func rfc3339(unix int64) string { return time.Unix(unix, 0).UTC().Format(time.RFC3339) }

// when is a version's date with its time of day when the page shows one.
func when(v store.Version) string {
	s := v.Date.String()
	if s == "" {
		s = "date unknown"
	}
	if v.Record.Time != "" {
		s += " " + v.Record.Time
	}
	return s
}
