package revision

import (
	"fmt"
	"strings"
)

// UpdateSummary is what an update changed against the revision before it
// in its story: the counts of paragraphs added, removed, changed and moved,
// which one-line fields changed, and the note check. It is computed once
// when a revision is stored, so a story's history needs no diffing.
type UpdateSummary struct {
	Added    int  `json:"added"`
	Removed  int  `json:"removed"`
	Changed  int  `json:"changed"`
	Moved    int  `json:"moved"`
	Headline bool `json:"headline_changed"`
	Byline   bool `json:"byline_changed"`
	Dateline bool `json:"dateline_changed"`
	// Verdicts are the note check, one per action of the note.
	Verdicts []NoteVerdict `json:"note_check,omitempty"`
	// Unannounced counts the changes no action of the note covers.
	Unannounced int `json:"unannounced,omitempty"`
	// Figures are the numbers the update changed (see Figure).
	Figures []Figure `json:"figures,omitempty"`
}

// NoteVerdict is the note check of one action: "confirmed", "not-seen"
// or "unverifiable".
type NoteVerdict struct {
	Action  string `json:"action"`
	Verdict string `json:"verdict"`
	Paras   []int  `json:"paras,omitempty"`
}

// String is the one-line form: "+3 ~2 -1 moved 1, headline changed".
func (s UpdateSummary) String() string {
	parts := []string{fmt.Sprintf("+%d ~%d -%d", s.Added, s.Changed, s.Removed)}
	if s.Moved > 0 {
		parts[0] += fmt.Sprintf(" moved %d", s.Moved)
	}
	for _, f := range []struct {
		on   bool
		name string
	}{{s.Headline, "headline"}, {s.Byline, "byline"}, {s.Dateline, "dateline"}} {
		if f.on {
			parts = append(parts, f.name+" changed")
		}
	}
	return strings.Join(parts, ", ")
}

// VerdictCounts tallies the note check: confirmed, not seen, unverifiable.
func (s UpdateSummary) VerdictCounts() (confirmed, notSeen, unverifiable int) {
	for _, v := range s.Verdicts {
		switch v.Verdict {
		case "confirmed":
			confirmed++
		case "not-seen":
			notSeen++
		default:
			unverifiable++
		}
	}
	return
}

// Figure is a number that changed inside a changed paragraph, with its
// unit or word where it has one: a death toll "18" → "21", a time "3
// a.m." → "9 p.m.", a score "13-10" → "13-6". It is what a desk looks
// for first in an update, so the summary keeps it for history and alerts.
type Figure struct {
	Para int    `json:"para"` // the new paragraph number
	Old  string `json:"old"`
	New  string `json:"new"`
	// Context is the new text around the figure ("the death toll rose
	// to 21 on Sunday"), Label the few words before it that say what it
	// counts ("death toll"), "" when the clause starts with it.
	Context string `json:"context"`
	Label   string `json:"label"`
}

// String is the figure as a line of figures shows it: "death toll 18 →
// 21 (para 2)".
func (f Figure) String() string {
	s := f.Old + " → " + f.New + " (para " + fmt.Sprint(f.Para) + ")"
	if f.Label != "" {
		s = f.Label + " " + s
	}
	return s
}

// FiguresText joins figures into the one line text output shows:
// "death toll 18 → 21 (para 2); 13-10 → 13-6 (para 3)".
func FiguresText(fs []Figure) string {
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = f.String()
	}
	return strings.Join(parts, "; ")
}
