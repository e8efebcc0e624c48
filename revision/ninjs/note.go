package ninjs

import (
	"strings"

	"lede/revision"
	"lede/revision/apwire"
)

// readNote fills the note, its actions and the signals it gives. An AP
// item's "Eds:" note is read by revision/apwire as AP's other formats
// read it, the AP Media API's "UPDATES: ..." too; another agency's note
// ("Noe utvidet.") by the same grammar, one line a note.
func readNote(r *revision.Revision, ednote string) {
	if !isAP(r.Agency) {
		r.Note = noteText(ednote)
		e := apwire.ParseNotes(r.Note)
		r.Actions, r.NoteClauses = e.Actions, e.Clauses
		return
	}
	r.Note = apwire.EdsText(ednote)
	e := apwire.ParseEds(r.Note)
	r.Actions, r.NoteClauses, r.Pickup = e.Actions, e.Clauses, e.Pickup
	correction, kill, update := apwire.NoteSignals(r.Note)
	for _, s := range []struct {
		on  bool
		sig string
	}{{correction, revision.SignalCorrection}, {kill, revision.SignalKill}, {update, revision.SignalUpdate}} {
		if s.on {
			r.Signals = append(r.Signals, s.sig)
		}
	}
}

// noteText is the editor's note without AP's "Eds:" label (and the
// parentheses some notes come in).
func noteText(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	if rest, ok := cutFold(s, "Eds:"); ok {
		s = strings.TrimSpace(rest)
	}
	return s
}

// editorialSignals maps AP's editorialtypes to signals: "Lead" is a later
// version, "Correction"/"Clarification" a correction, "Kill",
// "Withdrawal" and "Elimination" take the story back, "Advisory" is an
// item about other items.
func editorialSignals(types []string) []string {
	var out []string
	for _, t := range types {
		switch strings.ToLower(strings.TrimSpace(t)) {
		case "lead", "writethru":
			out = append(out, revision.SignalUpdate)
		case "correction", "clarification":
			out = append(out, revision.SignalCorrection)
		case "kill", "withdrawal", "elimination":
			out = append(out, revision.SignalKill)
		case "advisory":
			out = append(out, revision.SignalAdvisory)
		}
	}
	return out
}

// cutFold is strings.CutPrefix without regard to ASCII case.
func cutFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}
