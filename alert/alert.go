// Package alert is lede's alerting: the alert an editor receives for a
// new version the rules pick (what it added, its note check, the command
// that shows the rest), the places alerts go (a JSON lines file, a
// command, a webhook, chat and mail through shoutrrr), and their durable,
// ordered delivery from the store's outbox. It is the only package that
// imports shoutrrr.
package alert

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

// Alert is an alert as every sink receives it (the JSON of --jsonl,
// --exec and --webhook; --notify and the terminal get it as text). It is
// built once, when the rules pick the revision, and stored: a resend is
// byte for byte the first send, and ID lets a receiver drop repeats.
type Alert struct {
	ID    string   `json:"id"`
	Kinds []string `json:"kinds"`
	Story string   `json:"story"`
	Rev   int      `json:"rev"`
	// About, for an advisory, is the story it names (Story being the
	// advisory's own entry): a kill advisory's alert says which story to
	// pull.
	About string `json:"about,omitempty"`
	// Ref names the version for good ("r17"); Rev is its place in story
	// order when the alert was built, which a later late version moves.
	Ref string `json:"ref"`
	// PrevRef is the ref of the version the update is compared with,
	// the one before it in story order ("" for a first version).
	PrevRef string `json:"prev_ref,omitempty"`
	// Late, for a version that landed before versions stored earlier,
	// says so: "arrived after @3; versions renumbered".
	Late   string          `json:"late,omitempty"`
	Marker revision.Marker `json:"marker"`
	// Agency and ItemID name who sent the version and under which id of
	// its own (a guid, DOCNO, uri; "" when the input gives none).
	Agency string `json:"agency,omitempty"`
	ItemID string `json:"item_id,omitempty"`
	// Status and Signals are the item's: a receiver must pull a story
	// whose alert says "canceled" or signals "kill".
	Status   revision.Status `json:"status,omitempty"`
	Signals  []string        `json:"signals,omitempty"`
	Headline string          `json:"headline"`
	Date     revision.Date   `json:"date"`
	Time     string          `json:"time,omitempty"`
	// Gap is how long after the version before it this one went out
	// ("+42 min", store.Gaps), "" for a first version or when the two
	// times cannot be compared.
	Gap      string    `json:"gap,omitempty"`
	Note     string    `json:"note,omitempty"`
	Source   string    `json:"source"`
	Ingested time.Time `json:"ingested"`
	// Summary, Added, Changed and NoteCheck are what the update changed
	// against the version before it (Rev-1); a first version has no
	// summary and its paragraphs are all added.
	Summary   *revision.UpdateSummary `json:"summary,omitempty"`
	Added     []Para                  `json:"added"`
	Changed   []Para                  `json:"changed"`
	NoteCheck []revision.NoteVerdict  `json:"note_check"`
	// Figures are the numbers the update changed ("18" → "21" in para
	// 2), the first thing a desk looks for; [] for a first version.
	Figures []revision.Figure `json:"figures"`
	// Command shows the rest, by refs, so that it keeps naming the same
	// versions: lede diff r12 r15 (lede show r15 for a first version).
	Command string `json:"command"`
}

// Para is a paragraph an update added or changed: its number in the
// new version (and, when changed, in the old one) and its text now.
type Para struct {
	Para int    `json:"para"`
	Old  int    `json:"old,omitempty"`
	Text string `json:"text"`
}

// Draft applies the rules to an event and, when they pick it,
// writes its alert: it parses the revision, diffs it against the one
// before it in its story (only when the rules could still pick it) and
// fills in what changed. It returns nil when the rules pass it over.
// dbFlag is the --db option the alert's command needs ("" for the
// default database).
func Draft(e store.Event, rules revision.Rules, dbID, dbFlag string) (*Alert, error) {
	name := fmt.Sprintf("%s@%d", e.Story, e.Rev)
	w, err := wire.ReparseVersion(name, e.Record.Source, e.Raw, e.Whole)
	if err != nil {
		return nil, err
	}
	cur := w.Rev
	ev := revision.Event{Story: e.StoryUID, NewStory: e.NewStory, Marker: cur.Marker, PrevSeq: e.PrevSeq,
		Note: cur.Note, Actions: cur.Actions, Text: cur.Headline + "\n" + strings.Join(cur.Paragraphs, "\n"),
		Added: math.MaxInt, Figures: math.MaxInt, Late: e.Late, OrderSeq: e.OrderSeq,
		Status: cur.Status, Signals: cur.Signals, Alerted: e.Alerted}
	if _, ok := rules.Match(ev); !ok {
		return nil, nil // not even with every paragraph added
	}
	m := &Alert{
		ID: fmt.Sprintf("lede-%s-%d", dbID, e.Arrival), Story: e.Story, Rev: e.Rev, Ref: store.RefOf(e.Arrival), About: e.About, Marker: cur.Marker,
		Agency: cur.Agency, ItemID: cur.ID, Status: cur.Status, Signals: cur.Signals,
		Headline: cur.Headline, Date: cur.Date, Time: cur.Time, Note: cur.Note, Source: e.Record.Source,
		Ingested: e.Ingested.UTC().Truncate(time.Second), Added: []Para{}, Changed: []Para{}, NoteCheck: []revision.NoteVerdict{}, Figures: []revision.Figure{},
		Command: fmt.Sprintf("lede%s show %s", dbFlag, store.RefOf(e.Arrival)),
	}
	if e.Late > 0 {
		m.Late = revision.LateText(e.Late)
	}
	// The year the story's other versions show, where that makes a real
	// date (a year-less Feb. 29 in a story of 2023 stays --02-29).
	m.Date = m.Date.InYear(e.Year)
	if e.Prev == nil {
		// A first version: all of it is new.
		for i, p := range cur.Paragraphs {
			m.Added = append(m.Added, Para{Para: i + 1, Text: p})
		}
	} else if err := m.fillDiff(e, cur, dbFlag); err != nil {
		return nil, err
	}
	ev.Added, ev.Figures = len(m.Added), len(m.Figures)
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
func (m *Alert) fillDiff(e store.Event, cur *revision.Revision, dbFlag string) error {
	prevName := fmt.Sprintf("%s@%d", e.Story, e.Rev-1)
	ow, err := wire.ReparseVersion(prevName, e.Prev.Source, e.PrevRaw, e.PrevWhole)
	if err != nil {
		return err
	}
	old := ow.Rev
	r := diff.Compare(old, cur, diff.Options{})
	sum := r.UpdateSummary()
	m.Summary, m.NoteCheck = &sum, append(m.NoteCheck, sum.Verdicts...)
	m.Figures = append(m.Figures, r.Figures...)
	for _, p := range r.Paragraphs {
		switch {
		case p.Op == diff.OpInsert && p.New != nil:
			m.Added = append(m.Added, Para{Para: *p.New, Text: p.Text})
		case p.Op == diff.OpChange && p.New != nil:
			ap := Para{Para: *p.New, Text: p.NewSide()}
			if p.Old != nil {
				ap.Old = *p.Old
			}
			m.Changed = append(m.Changed, ap)
		}
	}
	m.PrevRef = store.RefOf(e.Prev.Arrival)
	m.Gap = revision.Gap(e.Prev.Sent(e.Year), e.Record.Sent(e.Year))
	m.Command = fmt.Sprintf("lede%s diff %s %s", dbFlag, m.PrevRef, m.Ref)
	return nil
}
