package apwire

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParseEds: any note parses without a panic, every action has a verb
// and text, and no word of the note (within maxEds) is lost.
func FuzzParseEds(f *testing.F) {
	for _, s := range []string{
		"LEADS with 14 grafs to UPDATE with flight recorders found; picks up 10th graf pvs, `The...'",
		"inserts new graf after fifth graf previous ``ABC-TV, quoting''",
		"SUBS grafs 8-9, `Members of...trip participants.' with Pikes Peak fireworks and adds graf with quote. Picks up 10th graf pvs, `Music played...'.",
		"New throughout with goal met; no pickup",
		"UPDATES: With comment from defense lawyer.; With AP Photos.",
		"Ny rubrik, delvis omskriven ingress.\nKorjattu aiempaa uutista: x",
		"In 29th graf, CORRECTS `this year' to 1988",
		"``'';;,,..`", "SUBS 24th (", "grafs 3-3000000000000000000000",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, note string) {
		e := ParseNotes(note)
		for _, a := range e.Actions {
			if a.Verb == "" || a.Text == "" || a.Paras == nil || len(a.Paras) > maxSpan {
				t.Fatalf("%q: action %+v", note, a)
			}
		}
		if !utf8.ValidString(note) || len(note) > maxEds || strings.ContainsAny(note, "\n\r\u0085\u2028\u2029") {
			return // cut, cleaned or read line by line: words may differ
		}
		if lost := lostWords(note, e.Actions, e.Clauses); len(lost) > 0 {
			t.Fatalf("%q loses %q (actions %+v, clauses %q)", note, lost, e.Actions, e.Clauses)
		}
	})
}
