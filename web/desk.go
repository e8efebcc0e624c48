package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"

	"lede/store"
)

// The desk view's refresh: on by default there (a desk watches it), off
// on story pages unless asked for; no page refreshes faster than
// minRefresh, which would hammer the database for nothing.
const (
	deskRefresh = 60
	minRefresh  = 10
	maxRefresh  = 3600
	deskLimit   = 200
)

// deskFlags are the desk's filters, as ?flag= takes them.
var deskFlags = []string{"killed", "corrected", "urgent", "notseen"}

// deskData is the desk view: the versions that came in within a window,
// newest first, flagged.
type deskData struct {
	Within    string // "hour" or "today"
	Since     time.Time
	Flags     []string
	Refresh   int
	Updates   []store.Update
	Truncated bool
	// Self is the page's URL without refresh, for the refresh links.
	Self string
}

// deskPage is GET /?within=hour|today[&flag=killed&flag=...][&refresh=N]:
// what came in during the last hour or since midnight (server time),
// newest first, each version with its flags (KILLED, CORRECTED, URGENT,
// NOT SEEN), refreshed every minute unless &refresh=0. A flag filter
// keeps the versions with any of the flags chosen.
func (s *Server) deskPage(w http.ResponseWriter, r *http.Request) {
	d, opt, err := s.parseDesk(r.URL.Query())
	if err != nil {
		s.failWith(w, r, err)
		return
	}
	err = s.view(r.Context(), func(db *store.DB) (err error) {
		d.Updates, d.Truncated, err = db.Recent(opt)
		return err
	})
	if err != nil {
		s.failWith(w, r, err)
		return
	}
	s.sendPage(w, r, "desk", d)
}

// parseDesk reads the desk's parameters; a malformed one is a 400.
func (s *Server) parseDesk(v url.Values) (deskData, store.RecentOptions, error) {
	d := deskData{Within: v.Get("within"), Flags: v["flag"]}
	now := s.now()
	switch d.Within {
	case "hour":
		d.Since = now.Add(-time.Hour)
	case "today":
		y, m, day := now.Date()
		d.Since = time.Date(y, m, day, 0, 0, 0, 0, now.Location())
	default:
		return d, store.RecentOptions{}, badRequest("within=%q: want hour or today", d.Within)
	}
	for _, f := range d.Flags {
		if !slices.Contains(deskFlags, f) {
			return d, store.RecentOptions{}, badRequest("flag=%q: want killed, corrected, urgent or notseen", f)
		}
	}
	var err error
	if d.Refresh, err = refreshParam(v, deskRefresh); err != nil {
		return d, store.RecentOptions{}, err
	}
	self := url.Values{"within": {d.Within}}
	if len(d.Flags) > 0 {
		self["flag"] = d.Flags
	}
	d.Self = "/?" + self.Encode()
	opt := store.RecentOptions{Since: d.Since.Unix(), Limit: deskLimit, Warn: s.logProblem}
	if len(d.Flags) > 0 {
		opt.Keep = func(u store.Update) bool {
			return slices.ContainsFunc(updateFlags(u.Version), func(f string) bool { return slices.Contains(d.Flags, f) })
		}
	}
	return d, opt, nil
}

// updateFlags are the desk flags of one version.
func updateFlags(v store.Version) []string {
	var out []string
	switch v.Word() {
	case store.StoryKilled:
		out = append(out, "killed")
	case store.StoryCorrected:
		out = append(out, "corrected")
	}
	if v.Urgent() {
		out = append(out, "urgent")
	}
	if v.NotSeen() > 0 {
		out = append(out, "notseen")
	}
	return out
}

// refreshParam reads ?refresh=N, the seconds between the page's
// automatic reloads: def when absent, 0 (or "off") for none, else
// between minRefresh and maxRefresh.
func refreshParam(v url.Values, def int) (int, error) {
	p := v.Get("refresh")
	switch p {
	case "":
		return def, nil
	case "0", "off":
		return 0, nil
	}
	n, err := strconv.Atoi(p)
	if err != nil || n < minRefresh || n > maxRefresh {
		return 0, badRequest("refresh=%q: want 0 (off) or seconds from %d to %d", p, minRefresh, maxRefresh)
	}
	return n, nil
}

// now is the server's clock, which tests set.
func (s *Server) now() time.Time {
	if s.cfg.Now != nil {
		return s.cfg.Now()
	}
	return time.Now()
}
