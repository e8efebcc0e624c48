package apwire

import (
	"testing"

	"lede/revision"
)

func TestEds(t *testing.T) {
	tests := []struct {
		in   string
		eds  bool
		text string
	}{
		{"Eds: LEADS with 1 graf to UPDATE casualty toll.", true, "LEADS with 1 graf to UPDATE casualty toll."},
		{"EDS: SUBS 7th graf", true, "SUBS 7th graf"},
		{"Eds:Subs 8th graf", true, "Subs 8th graf"},
		{"(Eds: Minor edits. With AP Photos.)", true, "Minor edits. With AP Photos."},
		{"EDITOR'S NOTE _ This story contains", true, "This story contains"},
		{"EDITORS: Banks are closed in Japan Monday.", false, ""},
		{"Eddie Murphy Sued", false, ""},
	}
	for _, tt := range tests {
		if got := IsEds(tt.in); got != tt.eds {
			t.Errorf("IsEds(%q) = %v", tt.in, got)
		}
		if tt.eds && EdsText(tt.in) != tt.text {
			t.Errorf("EdsText(%q) = %q, want %q", tt.in, EdsText(tt.in), tt.text)
		}
	}
}

func TestNoteSignals(t *testing.T) {
	tests := []struct {
		note            string
		corr, kill, upd bool
	}{
		{"SUBS to CORRECT spelling of Sasser", true, false, false},
		{"UPDATES throughout to CORRECT cause of return", true, false, true},
		{"LEADS with 11 grafs to UPDATE with 3 killed", false, false, true},
		{"KILL AM-Fire Deaths, a0799. The story is erroneous.", false, true, false},
		{"AM-Flight 103, a0521, is WITHDRAWN.", false, true, false},
		{"Also in Monday AMs report.", false, false, false},
	}
	for _, tt := range tests {
		c, k, u := NoteSignals(tt.note)
		if c != tt.corr || k != tt.kill || u != tt.upd {
			t.Errorf("%q: correction %v kill %v update %v", tt.note, c, k, u)
		}
	}
}

func TestNoteActions(t *testing.T) {
	got := NoteActions("LEADS with 1 graf to UPDATE casualty toll. Pick up 2nd pvs, `The ferry...'")
	want := []revision.Action{
		{Verb: "LEADS", Object: "with 1 graf", Target: revision.TargetLead},
		{Verb: "UPDATES", Object: "casualty toll", Target: revision.TargetBody},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		if got[i].Verb != want[i].Verb || got[i].Object != want[i].Object || got[i].Target != want[i].Target {
			t.Errorf("action %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	if a := NoteActions("New material and editing throughout, UPDATING with police saying"); len(a) != 1 || a[0].Verb != "UPDATES" {
		t.Errorf("got %+v", a)
	}
	if a := NoteActions("Also in Monday AMs report."); len(a) != 0 {
		t.Errorf("actions from a note without a verb: %+v", a)
	}
}
