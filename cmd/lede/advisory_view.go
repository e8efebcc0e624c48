package main

import (
	"bufio"
	"fmt"
	"strings"

	"lede/store"
)

// writeAbout says, under the heading of an advisory's own entry, which
// story the advisory is about: "advisory about STORY  HEADLINE", or that
// it names none stored.
func writeAbout(w *bufio.Writer, s store.Story, st style) {
	if !s.IsAdvisory() {
		return
	}
	if s.Headline == "" && s.Lead() != "" {
		fmt.Fprintln(w, s.Lead())
	}
	if s.About == nil {
		fmt.Fprintln(w, st.dim("advisory about no story stored: an item of its own"))
		return
	}
	fmt.Fprintln(w, st.warn("advisory about "+s.About.Story)+"  "+headlineText(s.About.Headline, nil, st))
}

// advisoryHeadline is what lists show of an advisory's own entry:
// "[advisory about STORY] " and its headline or, as advisories seldom
// have one, how its text begins.
func advisoryHeadline(s store.Story) string {
	mark := "[advisory]"
	if s.About != nil {
		mark = "[advisory about " + s.About.Story + "]"
	}
	text := s.Headline
	if text == "" {
		text = cut(s.Lead(), 60)
	}
	return strings.TrimSpace(mark + " " + text)
}

// writeAdvisories lists the advisories about a story, after its
// versions: each by ref, date, agency and item id, whether it kills the
// story, and its headline or how it begins.
func writeAdvisories(w *bufio.Writer, s store.Story, st style) {
	if len(s.Advisories) == 0 {
		return
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, st.dim("  advisories (items about this story, not versions of it):"))
	for _, a := range s.Advisories {
		parts := []string{a.Ref, whenText(a.Date, a.Record.Time)}
		if who := strings.TrimSpace(a.Agency + " " + a.ID); who != "" {
			parts = append(parts, who)
		}
		line := "  " + strings.Join(parts, "  ") + "  "
		if a.Kill {
			line += st.warn("kill") + "  "
		}
		text := a.Headline
		if text == "" {
			text = a.FirstLine
		}
		fmt.Fprintln(w, line+cut(text, 100)+"  "+st.dim("("+a.Entry+")"))
	}
}
