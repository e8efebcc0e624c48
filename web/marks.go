package web

import (
	"net/http"
	"net/url"
	"regexp"

	"lede/store"
)

// Marks is what a story page says about the story's marks (lede mark):
// the last marked version and whether anything came in since, and
// whether this server lets the page mark versions.
type Marks struct {
	// Last is the story's last marked version; HasMark says there is one.
	Last    store.Version
	HasMark bool
	// SinceURL is the diff of the last mark against the latest version,
	// "" when the mark is on the latest.
	SinceURL string
	// CanMark says the server takes marks (lede serve --allow-marks).
	CanMark bool
}

// marksOf is the Marks of story st.
func (s *Server) marksOf(st store.Story) Marks {
	m := Marks{CanMark: s.cfg.Write != nil}
	m.Last, m.HasMark = st.LastMark()
	if m.HasMark && m.Last.Ref != st.Latest().Ref {
		m.SinceURL = diffURL(st.ID, m.Last.Ref, st.Latest().Ref)
	}
	return m
}

// crossOrigin rejects a mark posted from another site's page: a form
// there could otherwise mark versions in a desk's database behind its
// back (CSRF). It checks Sec-Fetch-Site, or the Origin against the Host.
var crossOrigin = http.NewCrossOriginProtection()

// markPost is POST /s/{id}/mark with ref=REF (mark it as used) or
// unmark=REF (take the mark off), as the timeline's buttons send it; it
// answers 303 to the timeline at that version. Served only when the
// server was given a way to write (lede serve --allow-marks): the server
// is otherwise read-only.
func (s *Server) markPost(w http.ResponseWriter, r *http.Request) {
	if err := crossOrigin.Check(r); err != nil {
		s.fail(w, r, http.StatusForbidden, "a mark must come from this server's own pages (cross-origin request refused)")
		return
	}
	if err := r.ParseForm(); err != nil {
		s.failWith(w, r, badRequest("reading the form: %v", err))
		return
	}
	on := true
	ref := r.PostForm.Get("ref")
	if ref == "" {
		ref, on = r.PostForm.Get("unmark"), false
	}
	a, ok := store.ParseRef(ref)
	if !ok {
		s.failWith(w, r, badRequest("ref=%q: want the ref of the version to mark, such as r12", ref))
		return
	}
	var m store.Marking
	err := s.cfg.Write(r.Context(), func(db *store.DB) (err error) {
		if on {
			m, err = db.Mark(r.PathValue("id"), store.Pick{Arrival: a}, s.now())
		} else {
			m, err = db.Unmark(r.PathValue("id"), store.Pick{Arrival: a})
		}
		return storeError(err)
	})
	if err != nil {
		s.failWith(w, r, err)
		return
	}
	http.Redirect(w, r, "/s/"+url.PathEscape(m.Story.ID)+"#"+m.Version.Ref, http.StatusSeeOther)
}

// markRequest reports whether r is a mark posted to a server that takes
// them: the one request that is not a GET or HEAD.
func (s *Server) markRequest(r *http.Request) bool {
	return s.cfg.Write != nil && r.Method == http.MethodPost && markPath.MatchString(r.URL.Path)
}

// marksHint completes the refusal of a POST to a mark route on a
// read-only server.
func (s *Server) marksHint(r *http.Request) string {
	if r.Method == http.MethodPost && markPath.MatchString(r.URL.Path) {
		return " (start it with --allow-marks to mark versions from the web, or use lede mark)"
	}
	return ""
}

// markPath is the path of the mark form.
var markPath = regexp.MustCompile(`^/s/[^/]+/mark$`)
