package web

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"lede/diff"
	"lede/revision"
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

// figuresLine is the line of figures that changed, as text output shows
// it ("figures  death toll 18 → 21 (para 2); ..."), "" for none.
func figuresLine(res *diff.Result) string {
	if len(res.Figures) == 0 {
		return ""
	}
	return "figures  " + revision.FiguresText(res.Figures)
}

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

// versionTimes are when a story's versions were sent, in story order
// (store.Version.Sent: the transmission time, else the page's date and
// time of day, else when lede received it), a Yonhap page's time of day
// read as Seoul's, which it is. A page that gives its date but no time
// of day is taken as sent no earlier than the version before it on that
// day (not at midnight, before it), so that the feed's <updated> and its
// order keep story order.
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
	sent := v.Sent()
	if !sent.Known {
		return time.Unix(v.Record.Ingested, 0), false
	}
	t := sent.At
	if v.Record.Transmitted == "" && !sent.Received && strings.EqualFold(v.Record.Agency, "Yonhap") {
		t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, kst)
	}
	return t, !sent.Clock
}
