package ninjs

import (
	"strings"

	"lede/revision"
	"lede/revision/apwire"
)

// noteVerbs are the verbs another agency's English note opens with that
// say plainly what the version does; only a note opening with one of
// these gives an action, and the note is always kept raw.
var noteVerbs = map[string]bool{
	"UPDATES": true, "CORRECTS": true, "ADDS": true, "RECASTS": true, "CHANGES": true,
	"REPLACES": true, "REMOVES": true, "CLARIFIES": true, "SUBS": true, "LEADS": true,
	"WITHDRAWS": true, "ELIMINATES": true, "KILLS": true,
}

// readNote fills the note, its actions and the signals it gives. An AP
// item's "Eds:" note is read by revision/apwire as AP's other formats
// read it, the AP Media API's "UPDATES: ..." too; another agency's
// note gives an action only when it opens with a plain verb.
func readNote(r *revision.Revision, ednote string) {
	if !isAP(r.Agency) {
		r.Note = noteText(ednote)
		r.Actions = noteActions(r.Note)
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

// noteActions maps a note that opens with a plain verb ("UPDATES: With
// comment from defense lawyer.; With AP Photos.") to one action: the
// verb and its object up to the first ";" or sentence end.
func noteActions(note string) []revision.Action {
	word, rest, _ := strings.Cut(note, " ")
	verb := strings.TrimRight(word, ":.,")
	if !noteVerbs[verb] {
		return nil
	}
	obj := strings.TrimSpace(strings.TrimLeft(rest, ": "))
	if i := strings.IndexByte(obj, ';'); i >= 0 {
		obj = obj[:i]
	}
	obj = strings.TrimSpace(obj)
	return []revision.Action{{Verb: verb, Object: obj, Target: revision.TargetOf(obj)}}
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
