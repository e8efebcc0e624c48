package main

import (
	"fmt"
	"io"
	"strings"

	"lede/intake"
	"lede/revision"
	"lede/revision/assemble"
	"lede/store"
)

// summaryText is the one-line form of an update summary for ingest and
// history: "+3 ~2 -1 moved 1, headline changed; note: 2 confirmed, 1 not
// seen; 1 unannounced".
func summaryText(s revision.UpdateSummary) string {
	parts := []string{s.String()}
	if len(s.Verdicts) > 0 {
		parts = append(parts, "note: "+noteTally(s))
	}
	if s.Unannounced > 0 {
		parts = append(parts, fmt.Sprintf("%d unannounced", s.Unannounced))
	}
	return strings.Join(parts, "; ")
}

// noteTally counts the note check's verdicts: "2 confirmed, 1 not seen".
func noteTally(s revision.UpdateSummary) string {
	confirmed, notSeen, unverifiable := s.VerdictCounts()
	var parts []string
	for _, c := range []struct {
		n    int
		what string
	}{{confirmed, "confirmed"}, {notSeen, "not seen"}, {unverifiable, "unverifiable"}} {
		if c.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c.n, c.what))
		}
	}
	return strings.Join(parts, ", ")
}

// missingSummaries lists the updates of s whose stored summary is missing
// or stale (an older database, or a crash between a batch and its
// summaries), with their inputs, so history can compute them without
// writing.
func missingSummaries(db *store.DB, s store.Story) ([]store.UpdatePair, error) {
	var pairs []store.UpdatePair
	type read struct {
		raw   []byte
		whole *assemble.Stored
	}
	reads := map[int]read{}
	get := func(rev int) (read, error) {
		if r, ok := reads[rev]; ok {
			return r, nil
		}
		_, v, b, err := db.Revision(s.ID, rev)
		reads[rev] = read{b, v.Whole}
		return reads[rev], refError(err)
	}
	for i := 1; i < len(s.Versions); i++ {
		prev, cur := s.Versions[i-1], s.Versions[i]
		if cur.Summary != nil {
			continue
		}
		p := store.UpdatePair{Story: s.ID, Rev: cur.Rev, Arrival: cur.Record.Arrival, PrevArrival: prev.Record.Arrival,
			Prev: store.Input{Source: prev.Source}, Cur: store.Input{Source: cur.Source}}
		pr, err := get(prev.Rev)
		if err != nil {
			return nil, err
		}
		cr, err := get(cur.Rev)
		if err != nil {
			return nil, err
		}
		p.Prev.Raw, p.PrevWhole, p.Cur.Raw, p.CurWhole = pr.raw, pr.whole, cr.raw, cr.whole
		pairs = append(pairs, p)
	}
	return pairs, nil
}

// fillSummaries computes the summaries missingSummaries found and sets
// them in s, with where a partial's paragraphs came from; one that cannot
// be computed stays missing, with a warning.
func fillSummaries(s store.Story, pairs []store.UpdatePair, stderr io.Writer) {
	if len(pairs) == 0 {
		return
	}
	sums, err := intake.ComputeSummaries(pairs, nil)
	if err != nil {
		fmt.Fprintf(stderr, "lede: warning: %v\n", err)
	}
	byArrival := map[uint64]store.ComputedSummary{}
	for _, c := range sums {
		byArrival[c.Arrival] = c
	}
	for i := range s.Versions {
		v := &s.Versions[i]
		if c, ok := byArrival[v.Record.Arrival]; ok {
			v.Summary = &c.Summary
			if c.Assembly != nil && v.Partial {
				v.Sources, v.Pickup, v.Unbuilt = c.Assembly.Sources, c.Assembly.Pickup, c.Assembly.Unbuilt
			}
		}
	}
}

// summaryStyled is summaryText for a terminal: note actions not seen in
// the text stand out.
func summaryStyled(s revision.UpdateSummary, st style) string {
	text := summaryText(s)
	if _, notSeen, _ := s.VerdictCounts(); notSeen > 0 {
		return st.warn(text)
	}
	return text
}
