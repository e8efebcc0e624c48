package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"lede/revision"
)

// labelWidth is the column where field values start in the readable view.
const labelWidth = 10

// view writes the readable form of a revision: labelled fields, then the
// numbered paragraphs. Colour and wrapping come from its style.
type view struct {
	w  io.Writer
	st style
}

// writeRevision writes r for a person to read. Paragraph numbers are the
// agencies' (para 1 is the lead) so they can be checked against the note.
func writeRevision(w io.Writer, r *revision.Revision, st style) {
	v := view{w: w, st: st}
	fmt.Fprintf(w, "%s  %s\n", st.bold("==> "+r.Source), st.dim("("+r.Format+")"))
	v.writeItem(r)
	v.field("marker", markerText(r.Marker), st.dim)
	v.field("tags", orNone(strings.Join(r.Tags, ", ")), st.dim)
	v.field("headline", orNone(r.Headline), st.bold)
	v.field("date", dateText(r), nil)
	v.field("note", orNone(r.Note), nil)
	for _, a := range r.Actions {
		v.field("", actionText(a), nil)
	}
	for _, c := range r.NoteClauses {
		v.field("", "- not an action: "+strconv.Quote(c), st.dim)
	}
	if p := r.Pickup; p != nil {
		v.field("pickup", pickupText(*p), nil)
	}
	v.field("byline", orNone(r.Byline), nil)
	v.field("dateline", datelineText(r.Dateline), nil)
	if r.Complete {
		v.field("complete", "yes", nil)
	} else {
		v.field("complete", completeText(r), st.warn)
	}

	fmt.Fprintln(w)
	v.numbered("", r.Paragraphs)
	if len(r.Captions) > 0 {
		fmt.Fprintln(w)
		v.field("captions", strconv.Itoa(len(r.Captions))+" (not counted as paragraphs)", nil)
		v.numbered("c", r.Captions)
	}
	fmt.Fprintln(w)
	v.field("signoff", orNone(r.Signoff), nil)
	v.field("furniture", furnitureText(len(r.Furniture)), st.dim)
	for _, w := range r.Warnings {
		v.field("warning", w, st.warn)
	}
}

// field writes "label     value", wrapping the value under itself.
// paint, if not nil, styles each line of the value.
func (v view) field(label, value string, paint func(string) string) {
	lines := wrap(value, v.st.width-labelWidth)
	for i, line := range lines {
		if paint != nil {
			line = paint(line)
		}
		lab := ""
		if i == 0 {
			lab = label
		}
		fmt.Fprintf(v.w, "%s%s%s\n", v.st.dim(lab), strings.Repeat(" ", labelWidth-len(lab)), line)
	}
}

// numbered writes texts as "  1  text", numbers right-aligned and
// prefixed (captions are "c1", "c2" so they are never taken for paras).
func (v view) numbered(prefix string, texts []string) {
	width := len(prefix) + len(strconv.Itoa(len(texts)))
	width = max(width, 3)
	indent := strings.Repeat(" ", width+2)
	for i, text := range texts {
		num := fmt.Sprintf("%*s", width, prefix+strconv.Itoa(i+1))
		for j, line := range wrap(text, v.st.width-len(indent)) {
			if j == 0 {
				fmt.Fprintf(v.w, "%s  %s\n", v.st.dim(num), line)
			} else {
				fmt.Fprintf(v.w, "%s%s\n", indent, line)
			}
		}
	}
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func markerText(m revision.Marker) string {
	s := "none (first version)"
	if m.Label != "" {
		s = fmt.Sprintf("%s (seq %d)", m.Label, m.Seq)
	}
	if len(m.Flags) > 0 {
		s += ", flags " + strings.Join(m.Flags, ", ")
	}
	return s
}

func dateText(r *revision.Revision) string {
	d := r.Date.String()
	switch {
	case d == "":
		d = "unknown"
	case !r.Date.YearKnown():
		d += " (year unknown)"
	}
	if r.Time != "" {
		d += " " + r.Time
	}
	return d
}

// actionText writes one note action: verb, the part of the story it
// claims to touch, its paragraph references and the object as written.
func actionText(a revision.Action) string {
	parts := []string{fmt.Sprintf("%-8s %-10s", a.Verb, a.Target)}
	if len(a.Paras) > 0 {
		parts = append(parts, "paras "+revision.ParaList(a.Paras))
	}
	if a.From > 0 {
		parts = append(parts, fmt.Sprintf("from para %d", a.From))
	}
	if a.Last > 0 {
		parts = append(parts, fmt.Sprintf("last %d paras", a.Last))
	}
	if a.After > 0 {
		parts = append(parts, fmt.Sprintf("after para %d", a.After))
	}
	if a.Anchor != "" {
		parts = append(parts, "anchor "+strconv.Quote(a.Anchor))
	}
	parts = append(parts, strconv.Quote(a.Object))
	return "- " + strings.Join(parts, " ")
}

// pickupText says where a partial item continues with the version it
// replaces: "para 4 (`The ferry...')", or "none: the item is whole".
func pickupText(p revision.Pickup) string {
	switch {
	case p.None:
		return "none (the item is whole)"
	case p.Anchor != "":
		return fmt.Sprintf("para %d of the previous version, %q...", p.Para, p.Anchor)
	}
	return fmt.Sprintf("para %d of the previous version", p.Para)
}

func datelineText(d revision.Dateline) string {
	// Formats that send the dateline as a field of its own (TREC's
	// <DATELINE>) leave Text empty: the place still makes a dateline.
	if d.Text == "" && d.Place == "" && d.Agency == "" {
		return "none"
	}
	var parts []string
	for _, p := range [][2]string{{"place", d.Place}, {"date", d.Date}, {"agency", d.Agency}} {
		if p[1] != "" {
			parts = append(parts, p[0]+" "+p[1])
		}
	}
	return strings.Join(parts, ", ")
}

func furnitureText(n int) string {
	if n == 1 {
		return "1 line kept apart (page navigation, lists after (END))"
	}
	return strconv.Itoa(n) + " lines kept apart (page navigation, lists after (END))"
}

// completeText says where an incomplete page was cut off.
func completeText(r *revision.Revision) string {
	switch {
	case r.PartialLast():
		return fmt.Sprintf("no, cut off inside para %d before (END)", len(r.Paragraphs))
	case r.Cut == revision.CutSignoff:
		return "no, cut off in the sign-off before (END)"
	case r.Cut == revision.CutEndMark || r.Cut == revision.CutFurniture:
		return "no, cut off at or after (END)"
	}
	return "no, cut off before (END)"
}
