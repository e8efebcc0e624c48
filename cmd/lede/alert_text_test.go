package main

import (
	"strings"
	"testing"

	"lede/alert"
	"lede/revision"
)

// TestAlertLinesItem: an alert's text names the agency and item id and,
// for a kill, its status and signals, on the line under its heading; a
// page that gives none of them adds no line.
func TestAlertLinesItem(t *testing.T) {
	kill := &alert.Alert{Kinds: []string{"kill"}, Story: "240305-dam", Rev: 3, Ref: "r3", Headline: "WITHDRAWN: Dam story",
		Agency: "Example News", ItemID: "urn:x:dam-1", Status: revision.StatusCanceled, Signals: []string{"kill"}, Command: "lede show r3"}
	lines := alertLines(kill, style{}, 5, 0)
	if len(lines) < 2 || lines[1] != "  Example News urn:x:dam-1  status canceled  signals kill" {
		t.Errorf("kill alert lines: %q", lines)
	}
	plain := &alert.Alert{Kinds: []string{"lead"}, Story: "200202-s", Rev: 2, Headline: "H", Status: revision.StatusUsable, Command: "lede diff r1 r2"}
	if lines := alertLines(plain, style{}, 5, 0); strings.Contains(strings.Join(lines, "\n"), "status") || len(lines) != 3 {
		t.Errorf("alert without item fields: %q", lines)
	}
}
