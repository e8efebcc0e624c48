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
