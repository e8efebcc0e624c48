package main

import (
	"fmt"
	"math"
	"strings"
	"time"

	"lede/diff"
	"lede/revision"
	"lede/revision/wire"
	"lede/store"
)

// alertMsg is an alert as every sink receives it (the JSON of --jsonl,
// --exec and --webhook; --notify and the terminal get it as text). It is
// built once, when the rules pick the revision, and stored: a resend is
// byte for byte the first send, and ID lets a receiver drop repeats.
type alertMsg struct {
	ID       string          `json:"id"`
	Kinds    []string        `json:"kinds"`
	Story    string          `json:"story"`
	Rev      int             `json:"rev"`
	Marker   revision.Marker `json:"marker"`
	Headline string          `json:"headline"`
	Date     revision.Date   `json:"date"`
	Time     string          `json:"time,omitempty"`
	Note     string          `json:"note,omitempty"`
	Source   string          `json:"source"`
	Ingested time.Time       `json:"ingested"`
	// Summary, Added, Changed and NoteCheck are what the update changed
	// against the version before it (Rev-1); a first version has no
	// summary and its paragraphs are all added.
	Summary   *revision.UpdateSummary `json:"summary,omitempty"`
	Added     []alertPara             `json:"added"`
	Changed   []alertPara             `json:"changed"`
	NoteCheck []revision.NoteVerdict  `json:"note_check"`
	// Command shows the rest: lede diff STORY@A STORY@B.
	Command string `json:"command"`
}

// alertPara is a paragraph an update added or changed: its number in the
// new version (and, when changed, in the old one) and its text now.
type alertPara struct {
	Para int    `json:"para"`
	Old  int    `json:"old,omitempty"`
	Text string `json:"text"`
}

// draftAlert applies the rules to an event and, when they pick it,
// writes its alert: it parses the revision, diffs it against the one
// before it in its story (only when the rules could still pick it) and
// fills in what changed. It returns nil when the rules pass it over.
// dbFlag is the --db option the alert's command needs ("" for the
// default database).
func draftAlert(e store.Event, rules revision.Rules, dbID, dbFlag string) (*alertMsg, error) {
	name := fmt.Sprintf("%s@%d", e.Story, e.Rev)
	cur, err := wire.Reparse(name, e.Record.Source, e.Raw)
	if err != nil {
		return nil, err
	}
	ev := revision.Event{Story: e.StoryUID, NewStory: e.NewStory, Marker: cur.Marker, PrevSeq: e.PrevSeq,
		Note: cur.Note, Actions: cur.Actions, Text: cur.Headline + "\n" + strings.Join(cur.Paragraphs, "\n"),
		Added: math.MaxInt}
	if _, ok := rules.Match(ev); !ok {
		return nil, nil // not even with every paragraph added
	}
	m := &alertMsg{
		ID: fmt.Sprintf("lede-%s-%d", dbID, e.Arrival), Story: e.Story, Rev: e.Rev, Marker: cur.Marker,
		Headline: cur.Headline, Date: cur.Date, Time: cur.Time, Note: cur.Note, Source: e.Record.Source,
		Ingested: e.Ingested.UTC(), Added: []alertPara{}, Changed: []alertPara{}, NoteCheck: []revision.NoteVerdict{},
		Command: fmt.Sprintf("lede%s show %s", dbFlag, name),
	}
	if e.Prev == nil {
		// A first version: all of it is new.
		for i, p := range cur.Paragraphs {
			m.Added = append(m.Added, alertPara{Para: i + 1, Text: p})
		}
	} else if err := m.fillDiff(e, cur, dbFlag); err != nil {
		return nil, err
	}
	ev.Added = len(m.Added)
	kinds, ok := rules.Match(ev)
	if !ok {
		return nil, nil
	}
	m.Kinds = []string{}
	for _, k := range kinds {
		m.Kinds = append(m.Kinds, string(k))
	}
	if len(kinds) == 0 {
		m.Kinds = []string{string(revision.KindAny)}
	}
	return m, nil
}

// fillDiff compares an update with the revision before it and fills in
// the summary, the added and changed paragraphs and the note check.
func (m *alertMsg) fillDiff(e store.Event, cur *revision.Revision, dbFlag string) error {
	prevName := fmt.Sprintf("%s@%d", e.Story, e.Rev-1)
	old, err := wire.Reparse(prevName, e.Prev.Source, e.PrevRaw)
	if err != nil {
		return err
	}
	r := diff.Compare(old, cur, diff.Options{})
	sum := r.UpdateSummary()
	m.Summary, m.NoteCheck = &sum, append(m.NoteCheck, sum.Verdicts...)
	for _, p := range r.Paragraphs {
		switch {
		case p.Op == diff.OpInsert && p.New != nil:
			m.Added = append(m.Added, alertPara{Para: *p.New, Text: p.Text})
		case p.Op == diff.OpChange && p.New != nil:
			ap := alertPara{Para: *p.New, Text: p.NewSide()}
			if p.Old != nil {
				ap.Old = *p.Old
			}
			m.Changed = append(m.Changed, ap)
		}
	}
	m.Command = fmt.Sprintf("lede%s diff %s %s", dbFlag, prevName, m.Story+"@"+fmt.Sprint(m.Rev))
	return nil
}

// alertMarker is the marker for a line of text: "(LEAD)", "(2nd LD,
// CORRECTED)", "(first)" for a first version.
func alertMarker(m revision.Marker) string {
	if l := markerLabel(m); l != "" {
		return "(" + l + ")"
	}
	return "(first)"
}

// alertTitle is the one-line heading of an alert: "(LEAD) HEADLINE".
func alertTitle(m *alertMsg) string {
	h := m.Headline
	if h == "" {
		h = "(no headline)"
	}
	return alertMarker(m.Marker) + " " + h
}

// alertLines writes an alert as readable lines for the terminal and for
// chat and mail services: a heading, what changed, the note, the added
// and changed paragraphs (at most maxParas, each cut to width runes when
// width > 0) and the command that shows the rest.
func alertLines(m *alertMsg, st style, maxParas, width int) []string {
	head := fmt.Sprintf("%s  %s@%d  %s", strings.Join(m.Kinds, ","), m.Story, m.Rev, st.bold(alertTitle(m)))
	lines := []string{head}
	when := m.Date.String()
	if m.Time != "" {
		when += " " + m.Time
	}
	if m.Summary != nil {
		lines = append(lines, "  "+when+"  "+summaryStyled(*m.Summary, st))
	} else {
		lines = append(lines, fmt.Sprintf("  %s  first version, %d paragraphs", when, len(m.Added)))
	}
	if m.Note != "" {
		lines = append(lines, "  note: "+m.Note)
	}
	shown := 0
	for _, g := range []struct {
		sign  string
		paras []alertPara
	}{{"+", m.Added}, {"~", m.Changed}} {
		for _, p := range g.paras {
			if shown == maxParas {
				lines = append(lines, st.dim(fmt.Sprintf("  … %d more", len(m.Added)+len(m.Changed)-shown)))
				break
			}
			lines = append(lines, fmt.Sprintf("  %s%-3d %s", g.sign, p.Para, cut(p.Text, width-7)))
			shown++
		}
	}
	return append(lines, "  "+st.dim(m.Command))
}

// cut shortens text to n runes with an ellipsis; n <= 0 keeps it whole.
func cut(text string, n int) string {
	r := []rune(text)
	if n <= 0 || len(r) <= n {
		return text
	}
	return string(r[:n-1]) + "…"
}
