package web

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"lede/diff"
	"lede/store"
)

// entryContent is the text of a feed entry: the summary of what the
// version changed, the note check's NOT SEEN actions, the figures that
// changed and the paragraphs it added, so that a reader sees the news
// without opening the diff. A first version (or one too large to compare
// here) gives its summary line alone.
func (s *Server) entryContent(r *http.Request, l lead) string {
	v := l.ver
	var b strings.Builder
	if v.Summary != nil {
		fmt.Fprintf(&b, "%s\n", v.Summary.String())
		for _, nv := range v.Summary.Verdicts {
			if nv.Verdict == "not-seen" {
				fmt.Fprintf(&b, "NOT SEEN: %s\n", nv.Action)
			}
		}
	}
	if l.prev == 0 {
		fmt.Fprintf(&b, "First version: %d paragraphs.\n", v.Record.Paras)
		return b.String()
	}
	res := s.entryDiff(r, l)
	if res == nil {
		return b.String()
	}
	if f := figuresLine(res); f != "" {
		fmt.Fprintf(&b, "%s\n", f)
	}
	var added []string
	for _, p := range res.Paragraphs {
		if p.Op == diff.OpInsert && p.New != nil && !p.Cut {
			added = append(added, fmt.Sprintf("¶%d %s", *p.New, p.Text))
		}
	}
	if len(added) > 0 {
		fmt.Fprintf(&b, "\nAdded:\n%s\n", strings.Join(added, "\n\n"))
	}
	return b.String()
}

// figuresLine is the line of figures that changed
// ("figures  death toll 18 → 21 (para 2); ..."), "" for none.
//
// The figures of a diff (issue 14, item 1) are another change's to add
// to the diff package; until diff.Result lists them this is the place
// that renders them, and it renders none.
func figuresLine(*diff.Result) string { return "" }

// entryDiff compares a lead with the version before it, from the cache
// when it can; nil when it cannot (too large, a record gone meanwhile).
func (s *Server) entryDiff(r *http.Request, l lead) *diff.Result {
	p, err := s.diffPair(r.Context(), l.story.ID, l.story.Versions[l.prev-1].Ref, l.ver.Ref)
	if err != nil || s.checkSize("", p.raws[:]...) != nil {
		return nil
	}
	if res := s.diffs.get(p.key()); res != nil {
		return res
	}
	if p.parse() != nil {
		return nil
	}
	start := time.Now()
	res := diff.Compare(p.from.Revision, p.to.Revision, diff.Options{Budget: s.cfg.DiffBudget})
	if time.Since(start) < s.cfg.DiffBudget {
		s.diffs.put(p.key(), res)
	}
	return res
}

// kst is the time zone of Yonhap's pages, which give Seoul's time of day
// without a zone.
var kst = time.FixedZone("KST", 9*3600)

// versionTimes are when a story's versions were sent, in story order:
// each one's transmission time, else its date and time of day as its
// page gives them (Seoul's for Yonhap, else taken as UTC), else when it
// was ingested. A page that gives its date but no time of day is taken
// as sent no earlier than the version before it on that day (not at
// midnight, before it), so that the feed's <updated> and its order keep
// story order.
//
// Issue 14's item 2 adds a version time (and the gap since the one
// before) to store or revision; once it is on main, this gives way to it.
func versionTimes(s store.Story) []time.Time {
	out := make([]time.Time, len(s.Versions))
	for i, v := range s.Versions {
		t, dateOnly := versionTime(v)
		if dateOnly && i > 0 && out[i-1].After(t) && out[i-1].Sub(t) < 24*time.Hour {
			t = out[i-1]
		}
		out[i] = t
	}
	return out
}

// versionTime is one version's time as versionTimes reads it, and
// whether the page gave its date alone.
func versionTime(v store.Version) (time.Time, bool) {
	rec := v.Record
	if t, err := time.Parse(time.RFC3339, rec.Transmitted); err == nil {
		return t, false
	}
	d := rec.Date
	if d.Year > 0 && d.Month > 0 && d.Day > 0 {
		zone := time.UTC
		if strings.EqualFold(rec.Agency, "Yonhap") {
			zone = kst
		}
		var h, m int
		if _, err := fmt.Sscanf(rec.Time, "%d:%d", &h, &m); err != nil {
			return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, zone), true
		}
		return time.Date(d.Year, time.Month(d.Month), d.Day, h, m, 0, 0, zone), false
	}
	return time.Unix(rec.Ingested, 0), false
}
