package web

import (
	"net/http"
	"net/url"
	"strings"

	"lede/revision"
	"lede/store"
)

// versionData is the reading page of one version: what an editor copies
// from, with its place in the story and its stable ref.
type versionData struct {
	Story   store.Story
	Version store.Version
	Rev     *revision.Revision
	// Latest is the story's latest version, the "latest clean copy";
	// IsLatest says this page shows it.
	Latest   store.Version
	IsLatest bool
	// Prev is the ref of the version before this one, "" for the first:
	// the page links what this version changed.
	Prev string
	// Text is the version as plain text, for the copy box and .txt.
	Text string
	Marks
}

// revPage is GET /r/{ref}: the version a ref names, as a page to read
// and copy from (numbered paragraphs, note, byline, dateline), and GET
// /r/{ref}.txt: the same as plain text. A ref names the version for
// good, so the link stays right after merges, splits and late versions.
func (s *Server) revPage(w http.ResponseWriter, r *http.Request) {
	name, asText := strings.CutSuffix(r.PathValue("ref"), ".txt")
	a, ok := store.ParseRef(name)
	if !ok {
		s.failWith(w, r, badRequest("%q is not a version's ref (such as r12)", name))
		return
	}
	d, err := s.readVersion(r, store.Pick{Arrival: a})
	if err != nil {
		s.failWith(w, r, err)
		return
	}
	if asText {
		send(w, r, typeText, []byte(d.Text))
		return
	}
	s.sendPage(w, r, "version", d)
}

// latestPage is GET /s/{id}/latest: a redirect to the reading page of
// the story's latest version, a link that stays "the latest clean copy"
// as updates land.
func (s *Server) latestPage(w http.ResponseWriter, r *http.Request) {
	var ref string
	err := s.view(r.Context(), func(db *store.DB) error {
		_, v, err := db.Locate(r.PathValue("id"), store.Pick{})
		ref = v.Ref
		return err
	})
	if err != nil {
		s.failWith(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	http.Redirect(w, r, "/r/"+url.PathEscape(ref), http.StatusFound)
}

// readVersion reads and parses the version p names, with its story.
func (s *Server) readVersion(r *http.Request, p store.Pick) (versionData, error) {
	var raw rawRevision
	var d versionData
	err := s.view(r.Context(), func(db *store.DB) (err error) {
		d.Story, raw.version, raw.raw, err = db.RevisionAt("", p)
		if err != nil {
			return err
		}
		raw.story = d.Story.ID
		return nil
	})
	rev, err := s.showable(raw, err)
	if err != nil {
		return d, err
	}
	d.Version, d.Rev = raw.version, rev.Revision
	d.Latest = d.Story.Latest()
	d.IsLatest = d.Latest.Ref == d.Version.Ref
	if n := d.Version.Rev; n > 1 {
		d.Prev = d.Story.Versions[n-2].Ref
	}
	d.Text = plainText(rev.Revision)
	d.Marks = s.marksOf(d.Story)
	return d, nil
}

// plainText is a version as an editor pastes it: the headline without
// marker or tags, the byline, then each paragraph (the dateline opening
// the first) with a blank line between, and the sign-off.
func plainText(rev *revision.Revision) string {
	var b strings.Builder
	line := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			b.WriteString(s)
			b.WriteString("\n\n")
		}
	}
	line(rev.Headline)
	line(rev.Byline)
	for _, p := range rev.Paragraphs {
		line(p)
	}
	line(rev.Signoff)
	return strings.TrimSuffix(b.String(), "\n")
}
