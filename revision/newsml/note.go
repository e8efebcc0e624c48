package newsml

import (
	"slices"
	"strings"

	"lede/revision"
	"lede/revision/apwire"
)

// skippedNotes are edNote roles that are not a note about the text: dpa's
// notepad (an XHTML rendering of its other notes), sign-off letters,
// contacts and picture credits.
var skippedNotes = []string{"notepad", "closingline", "contacts", "dpacontacts", "picture"}

// noteOf joins the item's editor's notes, one a line, each as written
// (white space collapsed, AP's "Eds:" removed as the contract says):
// public and private notes alike (STT puts what changed in the private
// one), skipping the roles above, and dpa's short correction note when
// its full one is there. Unknown roles are kept: a note nobody reads is
// worse than one too many.
func noteOf(notes []*node) string {
	var lines []string
	full := slices.ContainsFunc(notes, func(n *node) bool { return code(n.get("role")) == "correction" })
	for _, n := range notes {
		role := code(n.get("role"))
		if slices.Contains(skippedNotes, role) || role == "correctionshort" && full {
			continue
		}
		if t := stripEds(n.value()); t != "" && !slices.Contains(lines, t) {
			lines = append(lines, t)
		}
	}
	return strings.Join(lines, "\n")
}

// stripEds removes AP's "Eds:" prefix.
func stripEds(s string) string {
	for _, p := range []string{"Eds:", "EDS:", "Eds.", "Eds "} {
		if strings.HasPrefix(s, p) {
			return strings.TrimSpace(s[len(p):])
		}
	}
	return s
}

// readNoteActions reads the notes, one a line, into actions the way
// AP's Eds: notes are read (apwire.ParseNotes), whoever sent them: STT's
// "complemented throughout", TT's "Ny rubrik" and dpa's "Bildhinweis
// ergänzt" give the actions an English note would. A note that CORRECTS
// signals a correction, one that UPDATES an update.
func readNoteActions(r *revision.Revision, sig *signalSet) {
	e := apwire.ParseNotes(r.Note)
	r.Actions, r.NoteClauses, r.Pickup = e.Actions, e.Clauses, e.Pickup
	for _, a := range r.Actions {
		switch a.Verb {
		case "CORRECTS":
			sig.add(revision.SignalCorrection)
		case "UPDATES":
			sig.add(revision.SignalUpdate)
		}
	}
}

// signalActions adds the claims an item's signals make that its notes do
// not: STT's update:append-major-content (and its other update:append
// kinds) says text was appended, what an AP note's ADDS says; IPTC's
// sig:correction and Reuters' edStat:C say the item corrects the story,
// CORRECTS. Such an action's Text is the signal's qcode, not a clause of
// the note, so the note check weighs what the signal claims.
func signalActions(r *revision.Revision, meta *node) {
	has := func(verb string) bool {
		return slices.ContainsFunc(r.Actions, func(a revision.Action) bool { return a.Verb == verb })
	}
	for _, s := range meta.children("signal") {
		q := s.get("qcode")
		verb := ""
		switch sc, c := scheme(q), code(q); {
		case sc == "update" && strings.HasPrefix(c, "append"):
			verb = "ADDS"
		case c == "correction", sc == "edStat" && c == "C":
			verb = "CORRECTS"
		}
		if verb != "" && !has(verb) {
			r.Actions = append(r.Actions, revision.Action{Verb: verb, Target: revision.TargetBody, Paras: []int{}, Text: q})
		}
	}
}

// correctionWords open a note that says the item corrects an earlier one,
// in the languages of the agencies that send NewsML-G2: STT's public
// note "Korjattu aiempaa uutista: ..." is its only correction mark.
var correctionWords = []string{"correction", "corrected", "corrects", "korjattu", "korjaus", "rättelse", "rättad", "rettelse", "rettet", "berichtigung", "berichtigt"}

// isCorrectionNote reports whether a note (of a role lede reads) opens
// with a word saying the item is a correction.
func isCorrectionNote(notes []*node) bool {
	for _, n := range notes {
		if slices.Contains(skippedNotes, code(n.get("role"))) || strings.HasSuffix(n.get("role"), "correction") {
			continue
		}
		first, _, _ := strings.Cut(stripEds(n.value()), " ")
		if slices.Contains(correctionWords, strings.ToLower(strings.TrimRight(first, ":.,"))) {
			return true
		}
	}
	return false
}

// readAPNote reads what an AP note signals the way AP's other formats do
// (revision/apwire): a correction wherever it says CORRECTS, a kill
// advisory where it kills or withdraws a story, which cancels it.
func readAPNote(r *revision.Revision, sig *signalSet) {
	corr, kill, _ := apwire.NoteSignals(r.Note)
	if corr {
		sig.add(revision.SignalCorrection)
	}
	if kill {
		sig.add(revision.SignalKill)
		sig.add(revision.SignalAdvisory)
		r.Status = revision.StatusCanceled
	}
}
