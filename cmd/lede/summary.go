package main

import (
	"fmt"
	"io"
	"strings"

	"lede/intake"
	"lede/revision"
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
	raws := map[int][]byte{}
	raw := func(rev int) ([]byte, error) {
		if b, ok := raws[rev]; ok {
			return b, nil
		}
		_, _, b, err := db.Revision(s.ID, rev)
		raws[rev] = b
		return b, refError(err)
	}
	for i := 1; i < len(s.Versions); i++ {
		prev, cur := s.Versions[i-1], s.Versions[i]
		if cur.Summary != nil {
			continue
		}
		p := store.UpdatePair{Story: s.ID, Rev: cur.Rev, Arrival: cur.Record.Arrival, PrevArrival: prev.Record.Arrival,
			Prev: store.Input{Source: prev.Source}, Cur: store.Input{Source: cur.Source}}
		var err error
		if p.Prev.Raw, err = raw(prev.Rev); err != nil {
			return nil, err
		}
		if p.Cur.Raw, err = raw(cur.Rev); err != nil {
			return nil, err
		}
		pairs = append(pairs, p)
	}
	return pairs, nil
}

// fillSummaries computes the summaries missingSummaries found and sets
// them in s; one that cannot be computed stays missing, with a warning.
func fillSummaries(s store.Story, pairs []store.UpdatePair, stderr io.Writer) {
	if len(pairs) == 0 {
		return
	}
	sums, err := intake.ComputeSummaries(pairs, nil)
	if err != nil {
		fmt.Fprintf(stderr, "lede: warning: %v\n", err)
	}
	byArrival := map[uint64]revision.UpdateSummary{}
	for _, c := range sums {
		byArrival[c.Arrival] = c.Summary
	}
	for i := range s.Versions {
		if sum, ok := byArrival[s.Versions[i].Record.Arrival]; ok {
			s.Versions[i].Summary = &sum
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
