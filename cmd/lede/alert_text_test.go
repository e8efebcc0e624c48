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

// TestAlertLinesFiguresAndMore: an alert shows the figures the update
// changed on a line of their own, and one "… N more" line for the
// paragraphs past the limit, however they split between added and
// changed.
func TestAlertLinesFiguresAndMore(t *testing.T) {
	m := &alert.Alert{Kinds: []string{"figures"}, Story: "200301-s", Rev: 2, Headline: "H", Command: "lede diff r1 r2",
		Figures: []revision.Figure{{Para: 1, Old: "18", New: "21", Label: "death toll"}},
		Added:   []alert.Para{{Para: 3, Text: "a"}, {Para: 4, Text: "b"}},
		Changed: []alert.Para{{Para: 1, Text: "c"}, {Para: 2, Text: "d"}, {Para: 5, Text: "e"}}}
	text := strings.Join(alertLines(m, style{}, 1, 0), "\n")
	if !strings.Contains(text, "\n  figures: death toll 18 → 21 (para 1)\n") {
		t.Errorf("no figures line:\n%s", text)
	}
	if n := strings.Count(text, "more"); n != 1 || !strings.Contains(text, "  … 4 more") {
		t.Errorf("want one \"… 4 more\" line, got %d:\n%s", n, text)
	}
}
