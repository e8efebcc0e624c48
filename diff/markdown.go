package diff

import (
	"fmt"
	"io"
	"strings"

	"lede/revision"
)

// WriteMarkdown renders a result as Markdown: deletions struck through,
// insertions in bold, one list item per paragraph.
func WriteMarkdown(w io.Writer, r *Result, opt TextOptions) error {
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n", mdWords(r.Headline.Words, r.Headline.New))
	fmt.Fprintf(&b, "`%s` → `%s`  \n**%s**\n\n", mdCode(r.FromName()), mdCode(r.ToName()), md(r.Summary.String()))
	if r.Byline.Old != "" || r.Byline.New != "" {
		fmt.Fprintf(&b, "Byline: %s\n\n", mdField(r.Byline))
	}
	if r.Dateline.Changed() {
		fmt.Fprintf(&b, "Dateline: %s\n\n", mdField(r.Dateline))
	}
	if len(r.Figures) > 0 {
		fmt.Fprintf(&b, "Figures: **%s**\n\n", md(revision.FiguresText(r.Figures)))
	}
	if r.Note != "" {
		fmt.Fprintf(&b, "*%s*\n\n", md(revision.NoteText(r.Agency, r.Note)))
	}
	for _, v := range r.NoteCheck {
		fmt.Fprintf(&b, "- %s — **%s** (%s)\n", md(v.Action), v.Result, md(v.Why))
	}
	if len(r.Unannounced) > 0 {
		fmt.Fprintf(&b, "- not announced by the note: %s\n", md(UnannouncedText(r.Unannounced)))
	}
	if len(r.NoteCheck)+len(r.Unannounced) > 0 {
		b.WriteString("\n")
	}
	if !opt.Stat {
		show := visible(r.Paragraphs, opt.Context)
		for i, e := range r.Paragraphs {
			if !show[i] {
				continue
			}
			b.WriteString(mdPara(e))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdPara writes one entry as a Markdown paragraph of its own, numbered
// as the agency numbers it. An ordered list would not do: CommonMark
// renumbers its items from the first, so "5. 6. 9." would show as "5. 6.
// 7."; an escaped "5\." is kept as written.
func mdPara(e Para) string {
	if e.Cut && e.Op != OpDelete {
		return fmt.Sprintf("%d\\. %s *(%s)*\n\n", *e.New, mdWords(e.Words, e.Text), md(CutNote(e)))
	}
	if e.Cut {
		return fmt.Sprintf("(%d) %s *(%s)*\n\n", *e.Old, md(e.Text), md(CutNote(e)))
	}
	switch e.Op {
	case OpEqual:
		return fmt.Sprintf("%d\\. %s\n\n", *e.New, md(e.Text))
	case OpInsert:
		return fmt.Sprintf("%d\\. **%s** *(added)*\n\n", *e.New, md(e.Text))
	case OpDelete:
		return fmt.Sprintf("(%d) ~~%s~~ *(deleted)*\n\n", *e.Old, md(e.Text))
	}
	note := "changed"
	switch {
	case e.Split:
		note = fmt.Sprintf("split from %d", *e.Old)
	case e.Merge:
		note = fmt.Sprintf("merged from %d", *e.Old)
	case e.Op == OpMove:
		note = fmt.Sprintf("moved from %d", *e.Old)
	}
	return fmt.Sprintf("%d\\. %s *(%s)*\n\n", *e.New, mdWords(e.Words, e.Text), note)
}

func mdWords(ws []Word, plain string) string {
	if ws == nil {
		return md(plain)
	}
	var b strings.Builder
	for _, w := range ws {
		t := md(w.Text)
		lead, core, trail := splitSpace(t)
		if w.Abuts {
			b.WriteString(" ")
		}
		switch {
		case w.Cut && w.Op == OpDelete:
			b.WriteString("…")
		case w.Cut:
			b.WriteString("*[older page cut off here]*" + t)
		case core == "":
			b.WriteString(t)
		case w.Op == OpInsert:
			b.WriteString(lead + "**" + core + "**" + trail)
		case w.Op == OpDelete:
			b.WriteString(lead + "~~" + core + "~~" + trail)
		default:
			b.WriteString(t)
		}
	}
	return b.String()
}

// mdField is a one-line field in Markdown, its change marked as the
// text renderer marks it.
func mdField(f Field) string {
	switch f.Op {
	case OpEqual:
		return md(f.New)
	case OpUnknown:
		return "*(not shown on one of the pages)*"
	case OpInsert:
		return "**" + md(f.New) + "** *(added)*"
	case OpDelete:
		return "~~" + md(f.Old) + "~~ *(removed)*"
	}
	return mdWords(f.Words, f.New)
}

// splitSpace separates leading and trailing spaces, which Markdown
// emphasis must not enclose.
func splitSpace(s string) (string, string, string) {
	core := strings.TrimSpace(s)
	if core == "" {
		return s, "", ""
	}
	i := strings.Index(s, core)
	return s[:i], core, s[i+len(core):]
}

var mdEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`,
	"<", "&lt;", ">", "&gt;", "#", `\#`, "~", `\~`, "|", `\|`)

func md(s string) string     { return mdEscaper.Replace(s) }
func mdCode(s string) string { return strings.ReplaceAll(s, "`", "'") }
