package nitf

import (
	"strings"

	"lede/revision"
	"lede/revision/apwire"
	"lede/revision/yonhap"
)

// readNote takes the editor's note from docdata's ed-msg@info, as written
// (several ed-msgs one a line). When an item has none, the latest
// revision-history comment is its note: CP writes what an update changed
// there ("ADDS military statement") and leaves ed-msg empty.
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
	if r.Agency == "AP" {
		// AP's note, as AP's other formats read it: without its "Eds:",
		// by the Eds: grammar.
		if apwire.IsEds(r.Note) {
			r.Note = apwire.EdsText(r.Note)
		}
		e := apwire.ParseEds(r.Note)
		r.Actions, r.NoteClauses, r.Pickup = e.Actions, e.Clauses, e.Pickup
	} else {
		r.Actions = noteActions(r.Note)
	}
	for _, a := range r.Actions {
		sig := revision.SignalUpdate
		if a.Verb == "CORRECTS" {
			sig = revision.SignalCorrection
		}
		if !contains(r.Signals, sig) {
			r.Signals = append(r.Signals, sig)
		}
	}
}

// noteVerbs are the verbs an editor's note opens with when it says
// what an update changed ("ADDS military statement", AP's "Eds: Updates
// with comment").
var noteVerbs = map[string]bool{"ADDS": true, "UPDATES": true, "CORRECTS": true, "RECASTS": true,
	"CHANGES": true, "REMOVES": true, "REPLACES": true, "REWRITES": true, "MOVES": true, "FIXES": true,
	"INSERTS": true, "DELETES": true, "TRIMS": true, "CLARIFIES": true, "EXPANDS": true}

// noteActions reads a note that opens with such a verb, after AP's
// "Eds:", with the grammar of Yonhap's (ATTN: ...) notes; any other note
// ("For global distribution", an embargo notice) claims no change.
func noteActions(note string) []revision.Action {
	note = strings.TrimSpace(note)
	if rest, ok := strings.CutPrefix(note, "Eds:"); ok {
		note = strings.TrimSpace(rest)
	}
	word, rest, _ := strings.Cut(note, " ")
	verb := strings.ToUpper(strings.TrimRight(word, ":,."))
	if !noteVerbs[verb] {
		return nil
	}
	return yonhap.ParseNote(verb + " " + rest)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
