package main

import (
	"fmt"
	"slices"
	"strings"

	"lede/alert"
	"lede/revision"
)

// alertMarker is the marker for a line of text: "(LEAD)", "(2nd LD,
// CORRECTED)", "(first)" for a first version.
func alertMarker(m revision.Marker) string {
	if l := m.Text(); l != "" {
		return "(" + l + ")"
	}
	return "(first)"
}

// alertTitle is the one-line heading of an alert: "(LEAD) HEADLINE".
func alertTitle(m *alert.Alert) string {
	h := m.Headline
	if h == "" {
		h = "(no headline)"
	}
	return alertMarker(m.Marker) + " " + h
}

// alertLines writes an alert as readable lines for the terminal and for
// chat and mail services: a heading, what changed, the note, the added
// and changed paragraphs (at most maxParas, each cut to width runes when
// width > 0) and the command that shows the rest.
func alertLines(m *alert.Alert, st style, maxParas, width int) []string {
	name := fmt.Sprintf("%s@%d", m.Story, m.Rev)
	if m.Ref != "" { // alerts stored before refs have none
		name += " " + m.Ref
	}
	kinds := strings.Join(m.Kinds, ",")
	if slices.Contains(m.Kinds, string(revision.KindKill)) {
		kinds = st.alarm(kinds)
	}
	head := fmt.Sprintf("%s  %s  %s", kinds, name, st.bold(alertTitle(m)))
	lines := []string{head}
	if who := alertItem(m); who != "" {
		lines = append(lines, "  "+who)
	}
	if m.About != "" {
		lines = append(lines, "  "+st.warn("advisory about "+m.About))
	}
	if m.Late != "" {
		lines = append(lines, "  "+st.warn("late: "+m.Late))
	}
	when := m.Date.String()
	if m.Time != "" {
		when += " " + m.Time
	}
	if m.Gap != "" {
		when += " " + m.Gap
	}
	if m.Summary != nil {
		lines = append(lines, "  "+when+"  "+summaryStyled(*m.Summary, st))
	} else {
		lines = append(lines, fmt.Sprintf("  %s  first version, %d paragraphs", when, len(m.Added)))
	}
	if len(m.Figures) > 0 {
		lines = append(lines, "  figures: "+st.bold(revision.FiguresText(m.Figures)))
	}
	if m.Note != "" {
		lines = append(lines, "  note: "+m.Note)
	}
	return append(append(lines, alertParas(m, maxParas, width)...), "  "+st.dim(m.Command))
}

// alertParas are the added, then the changed paragraphs of an alert, at
// most maxParas of them, and one "… N more" line for the rest.
func alertParas(m *alert.Alert, maxParas, width int) []string {
	var lines []string
	all := len(m.Added) + len(m.Changed)
	for i := range all {
		if i == maxParas {
			return append(lines, fmt.Sprintf("  … %d more", all-i))
		}
		sign, p := "+", alert.Para{}
		if i < len(m.Added) {
			p = m.Added[i]
		} else {
			sign, p = "~", m.Changed[i-len(m.Added)]
		}
		lines = append(lines, fmt.Sprintf("  %s%-3d %s", sign, p.Para, cut(p.Text, width-7)))
	}
	return lines
}

// alertItem names who sent the version, its own id and what it does to
// the story: "AP a0595  status canceled  signals kill", "" for a page
// that says none of it (a Yonhap page without its article id).
func alertItem(m *alert.Alert) string {
	var parts []string
	if who := strings.TrimSpace(m.Agency + " " + m.ItemID); who != "" {
		parts = append(parts, who)
	}
	if m.Status != "" && m.Status != revision.StatusUsable {
		parts = append(parts, "status "+string(m.Status))
	}
	if len(m.Signals) > 0 {
		parts = append(parts, "signals "+strings.Join(m.Signals, ","))
	}
	return strings.Join(parts, "  ")
}

// cut shortens text to n runes with an ellipsis; n <= 0 keeps it whole.
func cut(text string, n int) string {
	r := []rune(text)
	if n <= 0 || len(r) <= n {
		return text
	}
	return string(r[:n-1]) + "…"
}
