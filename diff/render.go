package diff

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"lede/revision"
)

// TextOptions tune the text and Markdown renderers.
type TextOptions struct {
	// Color uses ANSI colours (red deletions, green insertions); without
	// it, changes carry git's word-diff markers [-old-] and {+new+}, so
	// they stay visible in a pipe.
	Color bool
	// Mark is written before the ESC of each colour code. A caller that
	// escapes every control character of its output but those after a
	// mark of its own (as lede's terminal output does: text from outside
	// must not recolour the terminal) passes that mark; empty for plain
	// ESC.
	Mark string
	// Context is how many unchanged paragraphs to show around each
	// change; negative shows all.
	Context int
	// Stat prints the summary and the note check only.
	Stat bool
}

// painter writes words in colour or with markers.
type painter struct {
	color bool
	mark  string // TextOptions.Mark
}

// sgr wraps s in the colour code: ESC [ code m ... ESC [ 0 m.
func (p painter) sgr(code, s string) string {
	return p.mark + "\x1b[" + code + "m" + s + p.mark + "\x1b[0m"
}

// paint is one way of setting words apart: a colour code on a
// terminal, markers around them elsewhere.
type paint struct{ code, open, close string }

var (
	insPaint   = paint{"32", "{+", "+}"}
	delPaint   = paint{"31;9", "[-", "-]"}
	dimPaint   = paint{"2", "", ""}
	alarmPaint = paint{"1;31", "", ""} // what an editor must not miss: a NOT SEEN verdict
	boldPaint  = paint{"1", "", ""}
)

// paint is s set apart by k.
func (p painter) paint(k paint, s string) string {
	if p.color {
		return p.sgr(k.code, s)
	}
	return k.open + s + k.close
}

// put writes paint(k, s) to w piece by piece.
func (p painter) put(w textWriter, k paint, s string) {
	if p.color {
		w.WriteString(p.mark + "\x1b[" + k.code + "m")
		w.WriteString(s)
		w.WriteString(p.mark + "\x1b[0m")
		return
	}
	w.WriteString(k.open)
	w.WriteString(s)
	w.WriteString(k.close)
}

func (p painter) ins(s string) string   { return p.paint(insPaint, s) }
func (p painter) del(s string) string   { return p.paint(delPaint, s) }
func (p painter) dim(s string) string   { return p.paint(dimPaint, s) }
func (p painter) alarm(s string) string { return p.paint(alarmPaint, s) }
func (p painter) bold(s string) string  { return p.paint(boldPaint, s) }

func (p painter) words(ws []Word) string {
	var b strings.Builder
	for _, w := range ws {
		if w.Abuts && p.color {
			// Colours tell the two apart once a space parts them; the
			// markers of plain text part them already.
			b.WriteString(" ")
		}
		switch {
		case w.Cut && w.Op == OpDelete:
			b.WriteString(p.dim("…"))
		case w.Cut:
			b.WriteString(p.dim("[older page cut off here]") + w.Text)
		case w.Op == OpInsert:
			b.WriteString(p.ins(w.Text))
		case w.Op == OpDelete:
			b.WriteString(p.del(w.Text))
		default:
			b.WriteString(w.Text)
		}
	}
	return b.String()
}

func (p painter) field(f Field) string {
	switch f.Op {
	case OpEqual:
		return f.New
	case OpUnknown:
		return p.dim("(not shown on one of the pages)")
	case OpInsert:
		return p.ins(f.New)
	case OpDelete:
		return p.del(f.Old)
	}
	return p.words(f.Words)
}

// WriteText renders a result for a terminal or a pipe. Paragraphs are
// numbered as the agencies count them: "+ 12" inserted as para 12,
// "- 7" deleted (old para 7), "~ 3" changed, "> 5 (was 9)" moved.
func WriteText(w io.Writer, r *Result, opt TextOptions) error {
	p := painter{color: opt.Color, mark: opt.Mark}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s\n%s %s\n", p.dim("---"), r.FromName(), p.dim("+++"), r.ToName())
	if items := r.itemLine(); items != "" {
		fmt.Fprintf(&b, "item      %s\n", items)
	}
	fmt.Fprintf(&b, "headline  %s\n", p.bold(p.field(r.Headline)))
	if r.Byline.Old != "" || r.Byline.New != "" {
		fmt.Fprintf(&b, "byline    %s\n", p.field(r.Byline))
	}
	if r.Dateline.Changed() {
		fmt.Fprintf(&b, "dateline  %s\n", p.field(r.Dateline))
	}
	fmt.Fprintf(&b, "summary   %s\n", r.Summary)
	if len(r.Figures) > 0 {
		fmt.Fprintf(&b, "figures   %s\n", p.bold(revision.FiguresText(r.Figures)))
	}
	writeNoteCheck(&b, r, p)
	if opt.Stat {
		_, err := io.WriteString(w, b.String())
		return err
	}
	b.WriteString("\n")
	// The paragraphs go out as they are rendered: built whole first, the
	// text of two unrelated 1 MB pages (2.6 MB) was copied three times
	// into memory fresh from the system, a quarter of lede diff's time.
	bw, ok := w.(*bufio.Writer)
	if !ok {
		bw = bufio.NewWriter(w)
	}
	bw.WriteString(b.String())
	writeParas(bw, r, p, opt.Context)
	if !ok {
		return bw.Flush()
	}
	return nil
}

// textWriter is what the text renderers write to: a strings.Builder or
// a bufio.Writer.
type textWriter interface {
	io.Writer
	io.StringWriter
}

func writeNoteCheck(b *strings.Builder, r *Result, p painter) {
	if r.Note != "" {
		fmt.Fprintf(b, "note      %s\n", revision.NoteText(r.Agency, r.Note))
	}
	for _, v := range r.NoteCheck {
		mark := fmt.Sprintf("%-8s", map[string]string{Confirmed: "ok", NotSeen: "NOT SEEN", Unverifiable: "?"}[v.Result])
		if v.Result == NotSeen {
			mark = p.alarm(mark)
		}
		fmt.Fprintf(b, "  %s %s %s\n", mark, v.Action, p.dim("("+v.Why+")"))
	}
	if len(r.Unannounced) > 0 {
		fmt.Fprintf(b, "  %-8s %s\n", "unannounced", UnannouncedText(r.Unannounced))
	}
}

// UnannouncedText says in one line what changed that no action of the
// note announced, fields first, then paragraphs by what happened to them
// ("byline added; paras 3-5, 7 added; para 6 changed; old paras 3-4
// removed"). Removed paragraphs are numbered as in the older version,
// the others as in the newer.
func UnannouncedText(us []Unannounced) string {
	var parts []string
	byOp := map[Op][]int{}
	for _, u := range us {
		switch {
		case u.Part != "para":
			parts = append(parts, u.Part+" "+pastTense(u.Op))
		case u.New != nil:
			byOp[u.Op] = append(byOp[u.Op], *u.New)
		case u.Old != nil:
			byOp[u.Op] = append(byOp[u.Op], *u.Old)
		}
	}
	for _, op := range []Op{OpInsert, OpChange, OpMove, OpDelete} {
		if ns := byOp[op]; len(ns) > 0 {
			text := paraRanges(ns) + " " + pastTense(op)
			if op == OpDelete {
				text = "old " + text
			}
			parts = append(parts, text)
		}
	}
	return strings.Join(parts, "; ")
}

// pastTense names what an op did to a paragraph or field.
func pastTense(op Op) string {
	switch op {
	case OpInsert:
		return "added"
	case OpDelete:
		return "removed"
	case OpChange:
		return "changed"
	case OpMove:
		return "moved"
	}
	return string(op)
}

// paraRanges writes paragraph numbers for a reader, runs as ranges:
// "para 6", "paras 3-5, 7".
func paraRanges(ns []int) string {
	if len(slices.Compact(slices.Sorted(slices.Values(ns)))) == 1 {
		return "para " + revision.ParaList(ns)
	}
	return "paras " + revision.ParaList(ns)
}

// visible marks the entries to print: changes, and equal paragraphs
// within context of one.
func visible(ps []Para, context int) []bool {
	show := make([]bool, len(ps))
	for i, p := range ps {
		if p.Op == OpEqual && !p.Cut {
			continue
		}
		for k := max(0, i-context); k <= min(len(ps)-1, i+context); k++ {
			show[k] = true
		}
	}
	if context < 0 {
		for i := range show {
			show[i] = true
		}
	}
	return show
}

func writeParas(b textWriter, r *Result, p painter, context int) {
	show := visible(r.Paragraphs, context)
	hidden := 0
	for i, e := range r.Paragraphs {
		if !show[i] {
			hidden++
			continue
		}
		if hidden > 0 {
			fmt.Fprintf(b, "%s\n", p.dim("   ... "+unchanged(hidden)))
			hidden = 0
		}
		writeParaLine(b, e, p)
	}
	if hidden > 0 {
		fmt.Fprintf(b, "%s\n", p.dim("   ... "+unchanged(hidden)))
	}
}

// unchanged counts the paragraphs left out: "1 unchanged paragraph",
// "3 unchanged paragraphs".
func unchanged(n int) string {
	if n == 1 {
		return "1 unchanged paragraph"
	}
	return fmt.Sprintf("%d unchanged paragraphs", n)
}

// writeParaLine writes one paragraph's line. It writes the pieces
// rather than formatting a string and copying it: on long pages the
// copies were most of what rendering allocated.
func writeParaLine(w textWriter, e Para, p painter) {
	switch {
	case e.Cut && e.Op == OpDelete:
		w.WriteString("? ")
		pad3(w, "("+strconv.Itoa(*e.Old)+")")
		w.WriteString("  ")
		p.put(w, dimPaint, "["+CutNote(e)+"] "+e.Text)
		w.WriteString("\n")
		return
	case e.Cut:
		w.WriteString("? ")
		pad3(w, strconv.Itoa(*e.New))
		w.WriteString("  " + p.words(e.Words) + " ")
		p.put(w, dimPaint, "("+CutNote(e)+")")
		w.WriteString("\n")
		return
	}
	switch e.Op {
	case OpEqual:
		wholeLine(w, p, "  ", strconv.Itoa(*e.New), dimPaint, e.Text)
		return
	case OpInsert:
		wholeLine(w, p, "+ ", strconv.Itoa(*e.New), insPaint, e.Text)
		return
	case OpDelete:
		wholeLine(w, p, "- ", "("+strconv.Itoa(*e.Old)+")", delPaint, e.Text)
		return
	}
	text := e.Text
	if e.Words != nil {
		text = p.words(e.Words)
	}
	tag := ""
	switch {
	case e.Split:
		tag = fmt.Sprintf(" (split from %d)", *e.Old)
	case e.Merge:
		tag = fmt.Sprintf(" (merged from %d)", *e.Old)
	case e.Op == OpMove:
		tag = fmt.Sprintf(" (moved from %d)", *e.Old)
	}
	mark := "~ "
	if e.Op == OpMove {
		mark = "> "
	}
	w.WriteString(mark)
	pad3(w, strconv.Itoa(*e.New))
	w.WriteString("  " + text)
	p.put(w, dimPaint, tag)
	w.WriteString("\n")
}

// wholeLine writes the line of a paragraph shown whole: its mark, its
// number and its text set apart by k.
func wholeLine(w textWriter, p painter, mark, n string, k paint, text string) {
	w.WriteString(mark)
	pad3(w, n)
	w.WriteString("  ")
	p.put(w, k, text)
	w.WriteString("\n")
}

// pad3 writes s right-aligned in three columns, as fmt's %3s does.
func pad3(w textWriter, s string) {
	if n := utf8.RuneCountInString(s); n < 3 {
		w.WriteString("   "[:3-n])
	}
	w.WriteString(s)
}

// itemLine names both sides by agency and item id ("AP AP890103-0009 →
// AP AP890103-0011"), or "" when neither side has one or both names
// already show their ids (files saved under the item's id).
func (r *Result) itemLine() string {
	if r.FromItem == "" && r.ToItem == "" ||
		named(r.From, r.FromItem) && named(r.To, r.ToItem) {
		return ""
	}
	return cmp.Or(r.FromItem, "–") + " → " + cmp.Or(r.ToItem, "–")
}

// named reports whether a side's name already carries its item's id.
func named(name, item string) bool {
	_, id, _ := strings.Cut(item, " ")
	return item == "" || strings.Contains(name, cmp.Or(id, item))
}
