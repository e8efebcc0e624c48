package newsml

import (
	"html"
	"strings"

	"lede/revision"
)

// body is what the text of an item holds: its paragraphs and what is
// not a paragraph (captions, fact boxes, tables, a teaser), and the
// byline, dateline and sign-off some renditions put in the text.
type body struct {
	paras     []string
	heads     []bool // heads[i]: paras[i] is a heading (crosshead, subtitle)
	captions  []string
	furniture []string
	// byline, email, place, headline and signoff are what the text
	// says of them (XHTML p.byline, TT's BYLINE and DAT, NITF's
	// body.head and tagline); dateline is dpa's span.dateline.
	byline, email, place, headline, signoff, dateline string
	// unescaped reports text that was escaped twice (STT's "&amp;#39;")
	// and was decoded again.
	unescaped bool
	// firstRaw is the first block's text as written.
	firstRaw string
}

// kind says where a block of text goes.
type kind int

const (
	kindPara kind = iota
	kindHead
	kindAside // furniture: a teaser, a fact box
)

// blockKinds are the elements whose text is one block: XHTML's and
// NITF's paragraphs and headings, and TT's (P, CITAT quote paragraphs,
// MELLIS crossheads), compared in lower case.
var blockKinds = map[string]kind{
	"p": kindPara, "li": kindPara, "pre": kindPara, "dt": kindPara, "dd": kindPara, "citat": kindPara,
	"h1": kindHead, "h2": kindHead, "h3": kindHead, "h4": kindHead, "h5": kindHead, "h6": kindHead,
	"hl2": kindHead, "mellis": kindHead,
}

// skipped are elements whose text is not story text: the XHTML head,
// its title, scripts and styles.
var skipped = map[string]bool{"head": true, "title": true, "script": true, "style": true, "meta": true}

// readBody reads the item's text from its contentSet: the first
// inlineXML that holds text (XHTML, NITF or TT's own XML), else a
// text/plain inlineData, paragraphs separated by blank lines.
func readBody(cs *node) *body {
	b := &body{}
	for _, x := range cs.children("inlineXML") {
		if strings.TrimSpace(x.rawText()) == "" {
			continue
		}
		w := &walker{b: b, kind: kindPara}
		w.walk(x)
		w.flush()
		if w.blocks == 1 && len(b.paras) == 1 {
			// A story sent as one block whose paragraphs are
			// separated by blank lines.
			if ps := blankLineParas(b, b.firstRaw); len(ps) > 1 {
				b.paras, b.heads = ps, make([]bool, len(ps))
			}
		}
		if len(b.paras) > 0 {
			return b
		}
	}
	for _, x := range cs.children("inlineData") {
		if ct := x.get("contenttype"); ct != "" && !strings.HasPrefix(ct, "text/plain") {
			continue
		}
		b.paras = blankLineParas(b, x.rawText())
		b.heads = make([]bool, len(b.paras))
		if len(b.paras) > 0 {
			return b
		}
	}
	return b
}

// blankLine separates paragraphs of plain text.
var blankLine = revision.LazyRegexp(`\r?\n[ \t]*\r?\n`)

// blankLineParas cuts plain text into paragraphs at blank lines; the
// lines of one paragraph (hard-wrapped text) are joined.
func blankLineParas(b *body, text string) []string {
	var out []string
	for _, p := range blankLine.Split(text, -1) {
		if t := b.clean(p); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// walker walks inline XML, gathering text into the current block and
// sending each finished block where its kind says.
type walker struct {
	b    *body
	cur  strings.Builder
	kind kind
	// raw is the text of the current block as written, line breaks kept,
	// for a story sent as one block (see readBody).
	raw    strings.Builder
	blocks int
	br     bool // the last thing in the block was a <br>
	texts  int  // TT TEXT elements seen: the first is the story, later ones fact boxes
}

func (w *walker) walk(n *node) {
	if n.name.Local == "" {
		w.cur.WriteString(n.text)
		w.raw.WriteString(n.text)
		w.br = w.br && strings.TrimSpace(n.text) == ""
		return
	}
	local := strings.ToLower(n.name.Local)
	if skipped[local] || w.special(n, local) {
		return
	}
	k, isBlock := blockKinds[local]
	if strings.Contains(n.get("class"), "teaser") {
		k, isBlock = kindAside, true
	}
	if !isBlock {
		w.children(n)
		return
	}
	w.flush()
	outer := w.kind
	if outer != kindAside {
		w.kind = k
	}
	w.children(n)
	w.flush()
	w.kind = outer
}

func (w *walker) children(n *node) {
	for _, k := range n.kids {
		w.walk(k)
	}
}

// special handles the elements that are not plain text, and reports
// whether it did.
func (w *walker) special(n *node, local string) bool {
	b := w.b
	switch {
	case local == "header" || local == "body.head":
		// XHTML's header and NITF's body.head repeat the metadata
		// (slugline, time, genre, headline, byline).
		b.headline = firstNonEmpty(b.headline, find(n, "h1").value(), find(n, "hl1").value())
		b.byline = firstNonEmpty(b.byline, findClass(n, "byline").value(), find(n, "byline").value())
	case local == "byline":
		b.byline = firstNonEmpty(b.byline, n.value())
		b.email = firstNonEmpty(b.email, collapse(n.get("EPOST")))
	case strings.Contains(n.get("class"), "byline"):
		b.byline = firstNonEmpty(b.byline, n.value())
	case local == "dat":
		b.place = firstNonEmpty(b.place, n.child("ORT").value())
	case local == "rubrik":
		// TT's RUBRIK is the headline again in the story, a fact box's
		// title in a later TEXT.
		if w.texts > 1 {
			w.b.furniture = append(w.b.furniture, w.b.clean(n.rawText()))
		}
	case local == "tagline":
		b.signoff = firstNonEmpty(b.signoff, n.value())
	case local == "bild" || local == "media" || local == "figure":
		w.captions(n)
	case local == "table":
		w.flush()
		w.table(n)
	case local == "br":
		// One line break is a space; two in a row end a paragraph, as
		// feeds that send a story as one <p> write it.
		if w.br {
			w.flush()
		} else {
			w.cur.WriteByte(' ')
		}
		w.br = true
	case local == "span" && n.get("class") == "dateline":
		b.dateline = n.value()
		return false
	case local == "text":
		if w.texts++; w.texts > 1 {
			w.flush()
			outer := w.kind
			w.kind = kindAside
			w.children(n)
			w.flush()
			w.kind = outer
			return true
		}
		return false
	default:
		return false
	}
	return true
}

// captions keeps the caption text of a picture: TT's BILDTEXT, NITF's
// media-caption, XHTML's figcaption.
func (w *walker) captions(n *node) {
	for _, k := range n.kids {
		switch strings.ToLower(k.name.Local) {
		case "bildtext", "media-caption", "figcaption", "caption":
			if t := w.b.clean(k.rawText()); t != "" {
				w.b.captions = append(w.b.captions, t)
			}
		case "":
		default:
			w.captions(k)
		}
	}
}

// table keeps a table as text rows, cells separated by " | ", in the
// furniture: results and listings are not paragraphs agencies count.
func (w *walker) table(n *node) {
	for _, k := range n.kids {
		switch strings.ToLower(k.name.Local) {
		case "tr":
			var cells []string
			for _, c := range k.kids {
				if c.name.Local != "" {
					cells = append(cells, w.b.clean(c.rawText()))
				}
			}
			if row := strings.Trim(strings.Join(cells, " | "), " |"); row != "" {
				w.b.furniture = append(w.b.furniture, row)
			}
		case "":
		default:
			w.table(k)
		}
	}
}

// flush ends the current block.
func (w *walker) flush() {
	t := w.b.clean(w.cur.String())
	w.cur.Reset()
	w.br = false
	if t == "" {
		return
	}
	w.blocks++
	if w.blocks == 1 {
		w.b.firstRaw = w.raw.String()
	}
	w.raw.Reset()
	if w.kind == kindAside {
		w.b.furniture = append(w.b.furniture, t)
		return
	}
	w.b.paras = append(w.b.paras, t)
	w.b.heads = append(w.b.heads, w.kind == kindHead)
}

// doubleEscaped is an entity reference left in text after XML decoding:
// the feed escaped it twice ("o&amp;#39;clock").
var doubleEscaped = revision.LazyRegexp(`&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|quot|amp|apos|lt|gt|nbsp);`)

// clean collapses white space and decodes entity references escaped
// twice, which no text means literally.
func (b *body) clean(s string) string {
	s = collapse(s)
	if strings.IndexByte(s, '&') >= 0 && doubleEscaped.MatchString(s) {
		s = doubleEscaped.ReplaceAllStringFunc(s, html.UnescapeString)
		b.unescaped = true
	}
	return s
}

// find returns the first element below n of that local name.
func find(n *node, local string) *node {
	for _, k := range n.kids {
		if k.name.Local == local {
			return k
		}
		if f := find(k, local); f != nil {
			return f
		}
	}
	return nil
}

// findClass returns the first element below n whose class names cls.
func findClass(n *node, cls string) *node {
	for _, k := range n.kids {
		if strings.Contains(k.get("class"), cls) {
			return k
		}
		if f := findClass(k, cls); f != nil {
			return f
		}
	}
	return nil
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
