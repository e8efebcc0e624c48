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

// noteVerbs are the verbs an English note opens a claim with; AP's full
// Eds: grammar is another issue's, so only a claim that opens with one
// of these is read, and what follows it is its object as written.
var noteVerbs = []string{"ADDS", "UPDATES", "CORRECTS", "RECASTS", "CHANGES", "REPLACES", "REMOVES", "DELETES", "INSERTS", "REWRITES", "CLARIFIES"}

// actionsOf reads the simple claims of a note: each sentence (or part
// between semicolons) that opens with a verb above. A note that CORRECTS
// signals a correction, one that UPDATES an update.
func actionsOf(note string, sig *signalSet) []revision.Action {
	var out []revision.Action
	for line := range strings.SplitSeq(note, "\n") {
		for _, part := range strings.FieldsFunc(line, func(r rune) bool { return r == ';' }) {
			for _, s := range strings.Split(part, ". ") {
				if a, ok := claim(s); ok {
					out = append(out, a)
					switch a.Verb {
					case "CORRECTS":
						sig.add(revision.SignalCorrection)
					case "UPDATES":
						sig.add(revision.SignalUpdate)
					}
				}
			}
		}
	}
	return out
}

// claim reads "Adds full-year results" as {ADDS, "full-year results"}.
func claim(s string) (revision.Action, bool) {
	s = strings.TrimSpace(s)
	verb, object, _ := strings.Cut(s, " ")
	verb = strings.ToUpper(strings.TrimRight(verb, ":.,"))
	if !slices.Contains(noteVerbs, verb) {
		return revision.Action{}, false
	}
	object = strings.TrimRight(strings.TrimSpace(object), ".")
	return revision.Action{Verb: verb, Object: object, Target: revision.TargetOf(object)}, true
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

// readAPNote reads an AP note the way AP's other formats do
// (revision/apwire): its actions and pick-up by AP's Eds: grammar, an
// update where it UPDATES, a correction wherever it says CORRECTS, a kill
// advisory where it kills or withdraws a story, which cancels it.
func readAPNote(r *revision.Revision, sig *signalSet) {
	e := apwire.ParseEds(r.Note)
	r.Actions, r.NoteClauses, r.Pickup = e.Actions, e.Clauses, e.Pickup
	corr, kill, upd := apwire.NoteSignals(r.Note)
	for _, a := range e.Actions {
		corr = corr || a.Verb == "CORRECTS"
		upd = upd || a.Verb == "UPDATES"
	}
	if upd {
		sig.add(revision.SignalUpdate)
	}
	if corr {
		sig.add(revision.SignalCorrection)
	}
	if kill {
		sig.add(revision.SignalKill)
		sig.add(revision.SignalAdvisory)
		r.Status = revision.StatusCanceled
	}
}
