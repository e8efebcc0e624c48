package aptrec

import (
	"strings"

	"lede/revision"
	"lede/revision/apwire"
)

// reader assembles a <DOC>'s heads and text into a revision. TREC tags
// the lines of an AP item as it found them, so one role comes under
// several tags (a byline in <UNK>, a byline's title in <NOTE>, a note in
// the first <TEXT>) and one tag serves several roles (<NOTE> holds a
// title, a digest's subhead, a trailing "MORE" or "End Adv"). The reader
// walks the elements in order: the front (heads, byline, dateline)
// until story text begins, then the body.
type reader struct {
	r        *revision.Revision
	front    bool
	cont     bool // the item continues another (an add, a later take)
	notes    []string
	bylines  []string
	dateline bool
	prev     string // the tag of the element before
}

// readBody fills headline, note, byline, dateline, paragraphs, sign-off
// and furniture from the elements after the header.
func readBody(r *revision.Revision, els []element) {
	rd := &reader{r: r, front: true, cont: r.Part != nil && (r.Part.Kind == "add" || r.Part.N > 1)}
	last := -1
	for i, e := range els {
		if e.Tag == "TEXT" {
			last = i
		}
	}
	for i, e := range els {
		v := decode(e.Text)
		switch e.Tag {
		case "DOCNO", "FILEID", "FIRST", "SECOND":
			continue
		case "TEXT":
			rd.text(v)
		case "HEAD", "UNK", "BYLINE":
			rd.lines(v, e.Tag)
			continue
		case "NOTE":
			rd.note(line(v), i > last)
		case "DATELINE":
			rd.datelineEl(line(v))
		default:
			rd.furniture(line(v))
		}
		rd.prev = e.Tag
	}
	rd.finish()
}

// text reads a <TEXT>. In the front, paragraphs that are an editor's
// note or a "With AM-Slug" line are heads written as text; the first
// other paragraph begins the story.
func (rd *reader) text(v string) {
	for _, p := range paragraphs(v) {
		if rd.front || len(rd.notes) == 0 && rd.r.Note == "" {
			if apwire.IsEds(p) {
				rd.notes = append(rd.notes, p)
				continue
			}
		}
		if rd.front && strings.HasPrefix(p, "With ") && apwire.ClassifyHead(p, false) == apwire.HeadOther {
			rd.furniture(p)
			continue
		}
		rd.front = false
		if apwire.IsEds(p) {
			rd.furniture(p)
			continue
		}
		rd.r.Paragraphs = append(rd.r.Paragraphs, p)
	}
}

// head reads a <HEAD>: the headline, a note, a flag, a tag or packaging
// in the front; in a digest's body a subhead, which is text.
func (rd *reader) head(h string) {
	if h == "" {
		return
	}
	kind := apwire.ClassifyHead(h, rd.cont)
	switch {
	case kind == apwire.HeadNote && (rd.front || len(rd.notes) == 0):
		rd.notes = append(rd.notes, h)
	case kind == apwire.HeadNote:
		rd.furniture(h)
	case kind == apwire.HeadFlag:
		rd.r.Marker.Flags = append(rd.r.Marker.Flags, h)
	case kind == apwire.HeadTag:
		rd.r.Tags = append(rd.r.Tags, h)
	case kind == apwire.HeadOther:
		rd.furniture(h)
	case rd.front && rd.r.Headline == "":
		rd.r.Headline, rd.r.RawHeadline = h, h
	case rd.front:
		rd.furniture(h)
	default:
		rd.r.Paragraphs = append(rd.r.Paragraphs, h)
	}
}

// lines reads a head, <UNK> or <BYLINE> element. TREC kept AP's "^"
// line breaks inside some of them ("Students Demonstrate In Tibet ^By
// JOHN POMFRET", "Eds: LEADS with 4 grafs ... ^By ANN IMSE", "By BRUCE
// HANDLER ^Associated Press Writer"): each line is read for what it is,
// whatever the tag — a note, a byline, the title under a byline, or,
// for a <BYLINE>, a byline line; else a head.
func (rd *reader) lines(v, tag string) {
	parts := strings.Split(v, "^")
	for i, part := range parts {
		l := line(part)
		byLater := i+1 < len(parts) && byRe.MatchString(line(parts[i+1]))
		switch {
		case l == "":
			continue
		case !rd.front:
			if tag == "HEAD" {
				rd.head(l)
			} else {
				rd.r.Paragraphs = append(rd.r.Paragraphs, l)
			}
		case apwire.IsEds(l):
			rd.head(l)
		case byRe.MatchString(l), tag == "BYLINE" && !byLater,
			len(rd.bylines) > 0 && rd.prev == "BYLINE" && apwire.IsTitleLine(l):
			rd.bylines = append(rd.bylines, l)
			rd.prev = "BYLINE"
			continue
		default:
			rd.head(l)
		}
		rd.prev = tag
	}
}

var (
	byRe     = revision.LazyRegexp(`(?i)^by\s`)
	indentRe = revision.LazyRegexp(` {3,}`)
)

// note reads a <NOTE>: the title line of the byline above it, an
// editor's note, the trailer after the text ("MORE", "End Adv for Jan.
// 5"), which is the sign-off, or a digest's subhead.
func (rd *reader) note(l string, trailing bool) {
	switch {
	case l == "":
	case rd.front && rd.prev == "BYLINE" && apwire.IsTitleLine(l):
		rd.bylines = append(rd.bylines, l)
	case apwire.IsEds(l) && len(rd.notes) == 0:
		rd.notes = append(rd.notes, l)
	case apwire.IsEds(l):
		rd.furniture(l)
	case trailing:
		if rd.r.Signoff != "" {
			rd.r.Signoff += " / "
		}
		rd.r.Signoff += l
	case rd.front:
		rd.furniture(l)
	default:
		rd.r.Paragraphs = append(rd.r.Paragraphs, l)
	}
}

// datelineEl reads a <DATELINE>: the story's dateline the first time,
// then the dateline of a digest's next story, which is text.
func (rd *reader) datelineEl(l string) {
	if l == "" {
		return
	}
	if !rd.dateline {
		rd.r.Dateline = apwire.ParseDateline(l)
		rd.dateline = true
		return
	}
	rd.r.Paragraphs = append(rd.r.Paragraphs, l)
}

func (rd *reader) furniture(l string) {
	if l != "" {
		rd.r.Furniture = append(rd.r.Furniture, l)
	}
}

// finish joins the note and the byline and, for an item whose dateline
// has no element of its own, reads it from the lead ("NASHVILLE, Tenn. _").
func (rd *reader) finish() {
	var notes []string
	for _, n := range rd.notes {
		notes = append(notes, apwire.EdsText(n))
	}
	apwire.ApplyNote(rd.r, strings.Join(notes, " "))
	rd.r.Byline, rd.r.Authors = apwire.Byline(rd.bylines)
	apwire.ApplyAdvisory(rd.r)
	if !rd.dateline && len(rd.r.Paragraphs) > 0 {
		if d, ok := apwire.InlineDateline(rd.r.Paragraphs[0]); ok {
			rd.r.Dateline = d
		}
	}
}

// line is an element's text on one line, white space collapsed.
func line(v string) string { return strings.Join(strings.Fields(v), " ") }

// paragraphs cuts a <TEXT> into paragraphs. AP's copy is hard-wrapped:
// a paragraph starts on an indented line (three spaces, or a tab) or
// after a blank line, and its other lines continue it; they are joined
// with one space.
func paragraphs(v string) []string {
	if t := strings.TrimSpace(v); t != "" && !strings.Contains(t, "\n") && strings.Contains(t, "   ") {
		// Some redistributions put a <DOC> on one line: the three-space
		// indents are all that is left of the paragraph breaks.
		return indentRe.Split(t, -1)
	}
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, " "))
			cur = nil
		}
	}
	for _, l := range strings.Split(v, "\n") {
		t := strings.TrimSpace(l)
		switch {
		case t == "":
			flush()
			continue
		case l[0] == ' ' || l[0] == '\t':
			flush()
		}
		cur = append(cur, strings.Join(strings.Fields(t), " "))
	}
	flush()
	return out
}
