package web

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"fmt"
	"net"
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
	prev  int       // the version before it, 0 for none
	at    time.Time // when it was sent (versionTimes)
}

// leads lists a story's new leads in story order.
func leads(s store.Story) []lead {
	var out []lead
	top := 0
	times := versionTimes(s)
	for i, v := range s.Versions {
		advisory := slices.Contains(v.Record.Signals, revision.SignalAdvisory)
		switch {
		case v.Word() != store.StoryUsable:
			out = append(out, lead{story: s, ver: v, prev: i, at: times[i]})
		case v.Seq > top && !advisory:
			out = append(out, lead{story: s, ver: v, prev: i, at: times[i]})
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
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Summary string      `xml:"summary"`
	Content atomContent `xml:"content"`
}

// atomContent is an entry's text: what the version changed, in full.
type atomContent struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

// feedKind is one of the feeds: the new leads of every story (or of one
// agency's), or every version of one story.
type feedKind struct {
	id, title, self, alternate string
	story                      string // "" for the feed of leads
	agency                     string // "" for every agency
}

// feed is GET /feed.atom[?agency=NAME]: the newest leads, kills and
// corrections first (of that agency's versions only), each linked to the
// diff of what it changed.
func (s *Server) feed(w http.ResponseWriter, r *http.Request) {
	k := feedKind{id: "leads", title: "lede: new leads, kills and corrections", self: "/feed.atom", alternate: "/"}
	if a := strings.TrimSpace(r.URL.Query().Get("agency")); a != "" {
		k.agency, k.id = a, "leads/"+url.PathEscape(strings.ToLower(a))
		k.title += " from " + a
		k.self += "?agency=" + url.QueryEscape(a)
	}
	s.serveFeed(w, r, k)
}

// storyFeed is GET /s/{id}/feed.atom: every version of one story, newest
// first, for a desk that follows it.
func (s *Server) storyFeed(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	s.serveFeed(w, r, feedKind{story: id, alternate: "/s/" + url.PathEscape(id), self: "/s/" + url.PathEscape(id) + "/feed.atom"})
}

// serveFeed writes the feed k names.
func (s *Server) serveFeed(w http.ResponseWriter, r *http.Request, k feedKind) {
	var all []lead
	var ident store.Identity
	err := s.view(r.Context(), func(db *store.DB) (err error) {
		if ident, err = db.Identity(); err != nil {
			return err
		}
		if k.story != "" {
			st, err := db.Story(k.story)
			if err != nil {
				return err
			}
			times := versionTimes(st)
			for i, v := range st.Versions {
				all = append(all, lead{story: st, ver: v, prev: i, at: times[i]})
			}
			k.id, k.title = "story/"+st.ID, "lede: "+cmp.Or(st.Headline, st.ID)
			return nil
		}
		list, err := db.Stories(store.ListOptions{Limit: feedStories, Agency: k.agency, Warn: s.logProblem})
		for _, st := range list {
			for _, l := range leads(st) {
				if k.agency == "" || strings.EqualFold(l.ver.Record.Agency, k.agency) {
					all = append(all, l)
				}
			}
		}
		return err
	})
	if err != nil {
		s.failWith(w, r, err)
		return
	}
	slices.SortStableFunc(all, func(a, b lead) int {
		return cmp.Or(-a.at.Compare(b.at), -cmp.Compare(a.ver.Rev, b.ver.Rev),
			-cmp.Compare(a.ver.Record.Ingested, b.ver.Record.Ingested),
			-cmp.Compare(a.ver.Record.Arrival, b.ver.Record.Arrival))
	})
	all = all[:min(len(all), feedEntries)]
	base := "http://" + r.Host
	tags := tagger(r.Host, ident)
	f := atomFeed{
		ID: tags(k.id), Title: k.title, Author: atomPerson{Name: "lede"}, Updated: rfc3339(0),
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: base + k.self},
			{Rel: "alternate", Type: "text/html", Href: base + k.alternate}},
	}
	for i, l := range all {
		if i == 0 {
			f.Updated = l.at.UTC().Format(time.RFC3339)
		}
		e := l.entry(base, tags)
		e.Content = atomContent{Type: "text", Text: clean(s.entryContent(r, l) + "\nRead it: " + base + "/r/" + l.ver.Ref + "\n")}
		f.Entries = append(f.Entries, e)
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

// tagger makes the feed's ids: tag: URIs (RFC 4151) under the server's
// host name and the day the database got its id, then the database's id
// and what is named (a version's ref, "leads", "story/ID"). Refs repeat
// from one database to the next (each counts r1, r2, ...); the id does
// not, so no two databases' entries share an id.
func tagger(host string, ident store.Identity) func(string) string {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = cmp.Or(strings.Trim(host, "[]"), "localhost")
	since := cmp.Or(ident.Since, "2026-01-01")
	return func(name string) string {
		return "tag:" + host + "," + since + ":lede/" + cmp.Or(ident.ID, "db") + "/" + name
	}
}

// entry is the lead as an Atom entry. Its id and link name versions by
// their refs, which stay the same when a late version renumbers the
// story.
func (l lead) entry(base string, tags func(string) string) atomEntry {
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
		ID:      tags(v.Ref),
		Title:   clean(title),
		Updated: l.at.UTC().Format(time.RFC3339),
		Links:   []atomLink{{Rel: "alternate", Type: "text/html", Href: href}},
		Summary: clean(strings.Join(sum, "\n")),
	}
}

// clean escapes the C0 controls XML has no room for (the encoder would
// write U+FFFD for them), as every page shows them.
func clean(s string) string { return string(revision.EscapeControls([]byte(s))) }

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
