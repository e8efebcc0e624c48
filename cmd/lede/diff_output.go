package main

import (
	"bufio"
	"fmt"
	"strings"

	"lede/diff"
)

// writeDiffs prints the comparisons in the format asked for: one result,
// or with --all every update under a header naming its version.
func (l *lede) writeDiffs(cs []comparison, opt diffOptions) error {
	switch opt.format {
	case formatJSON:
		out := make([]diff.JSONResult, len(cs))
		for i, c := range cs {
			r := c.result
			if opt.stat {
				short := *r
				short.Paragraphs = []diff.Para{}
				r = &short
			}
			out[i] = r.JSON()
		}
		if !opt.all {
			return l.writeJSON(out[0])
		}
		return l.writeJSON(out)
	case formatHTML:
		sections := make([]diff.Section, len(cs))
		for i, c := range cs {
			sections[i].Result = c.result
			if opt.all {
				sections[i].Heading = strings.Trim(sectionHeader(c, formatMarkdown, style{}), "# \n")
			}
		}
		w := bufio.NewWriter(l.stdout)
		if err := diff.WriteHTMLPage(w, sections); err != nil {
			return fmt.Errorf("writing output: %w", err)
		}
		return flushed(w)
	}
	st := l.style()
	topt := diff.TextOptions{Color: st.color && opt.format == formatText, Mark: st.mark, Context: opt.context, Stat: opt.stat}
	write := diff.WriteText
	if opt.format == formatMarkdown {
		write = diff.WriteMarkdown
	}
	scr := l.openScreen()
	w := bufio.NewWriter(scr)
	for i, c := range cs {
		if opt.all {
			if i > 0 {
				w.WriteString("\n")
			}
			w.WriteString(sectionHeader(c, opt.format, st))
		}
		if err := write(w, c.result, topt); err != nil {
			return fmt.Errorf("writing output: %w", err)
		}
	}
	return closeScreen(w, scr)
}

// sectionHeader introduces one update in diff --all:
// "== rev 3 (2nd LD) 2022-03-09 20:24 ==".
func sectionHeader(c comparison, format string, st style) string {
	v := c.to
	text := fmt.Sprintf("rev %d", v.Rev)
	if m := v.Marker.Text(); m != "" {
		text += " (" + m + ")"
	}
	text += " " + whenText(v.Date, v.Record.Time)
	if format == formatMarkdown {
		return "# " + text + "\n\n"
	}
	return st.bold("== "+text+" ==") + "\n"
}
