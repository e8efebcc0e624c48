package nitf

import (
	"strings"

	"lede/revision"
	"lede/revision/apwire"
)

// readNote takes the editor's note from docdata's ed-msg@info, as written
// (several ed-msgs one a line). When an item has none, the latest
// revision-history comment is its note: CP writes what an update changed
// there ("ADDS military statement") and leaves ed-msg empty. Every
// agency's note is read into actions as AP's Eds: notes are
// (apwire.ParseNotes), one ed-msg a note.
func readNote(r *revision.Revision, head, docdata *node) {
	var msgs []string
	for _, m := range docdata.all("ed-msg") {
		if info := m.get("info"); info != "" {
			msgs = append(msgs, info)
		}
	}
	r.Note = strings.Join(msgs, "\n")
	if r.Note == "" {
		if hist := head.all("revision-history"); len(hist) > 0 {
			r.Note = hist[len(hist)-1].get("comment")
		}
	}
	if r.Agency == "AP" && apwire.IsEds(r.Note) {
		r.Note = apwire.EdsText(r.Note) // as AP's other formats give it
	}
	e := apwire.ParseNotes(r.Note)
	r.Actions, r.NoteClauses, r.Pickup = e.Actions, e.Clauses, e.Pickup
	for _, a := range r.Actions {
		if sig := apwire.ActionSignal(a); sig != "" && !contains(r.Signals, sig) {
			r.Signals = append(r.Signals, sig)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
