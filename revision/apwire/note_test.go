package apwire

import "testing"

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
