package nitf

import (
	"strings"
	"unicode"

	"lede/revision"
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
	r.Actions = noteActions(r.Note)
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

// noteActions reads a note that opens with an editor's verb in capitals
// ("ADDS military statement", "CORRECTS spelling of name in para 3")
// with the same grammar as Yonhap's (ATTN: ...) notes; any other note
// ("For global distribution", an embargo notice) claims no change.
func noteActions(note string) []revision.Action {
	word, _, _ := strings.Cut(strings.TrimSpace(note), " ")
	if len(word) < 4 || !strings.HasSuffix(word, "S") || strings.IndexFunc(word, func(c rune) bool { return !unicode.IsUpper(c) }) >= 0 {
		return nil
	}
	return yonhap.ParseNote(note)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
