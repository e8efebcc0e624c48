package nitf

import (
	"strings"

	"lede/revision"
)

// bodyParts is body.content sorted into what the agencies count as
// paragraphs and what travels with them but is not story text.
type bodyParts struct {
	paras     []string
	captions  []string
	furniture []string
}

// readBody walks body.content in document order. Paragraphs are its <p>s
// and list items at any depth of <block>/<bq>; media captions are
// captions; crossheads (<hl2>), tables, notes and embed code are
// furniture, kept but never paragraphs, so they do not shift the
// agencies' paragraph numbers.
func readBody(content *node) bodyParts {
	var b bodyParts
	if content != nil {
		b.walk(content)
	}
	return b
}

func (b *bodyParts) walk(n *node) {
	for _, k := range n.kids {
		switch k.name {
		case "":
			b.para(collapse(k.text))
		case "p", "li", "dt", "dd", "pre":
			b.para(textOf(k))
		case "block", "bq", "ul", "ol", "dl", "body.content":
			b.walk(k)
		case "media":
			b.caption(textOf(k.child("media-caption")))
		case "hl1", "hl2", "table", "nitf-table", "note", "fn", "credit":
			b.furnish(textOf(k))
		default:
			b.para(textOf(k))
		}
	}
}

// NTB sends a picture as a paragraph "BILDE: <a>caption</a>" and its
// credit as "Foto: NTNU"; both are captions. A graphic it could not send
// is a paragraph "[ GRAFIKK/VIDEO MANGLER ]" (graphic/video missing).
const (
	photoCaption = "BILDE:"
	photoCredit  = "Foto:"
)

// isPlaceholder reports a bracketed note in capitals standing where
// something was left out ("[ GRAFIKK/VIDEO MANGLER ]").
func isPlaceholder(t string) bool {
	return strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]") && isCapitals(strings.Trim(t, "[] "))
}

func (b *bodyParts) para(t string) {
	switch {
	case t == "":
	case revision.NotProseLine(t):
		// Embed code sent as text (&lt;div class=...&gt;&lt;script&gt;).
		b.furnish(t)
	case isPlaceholder(t):
		b.furnish(t)
	case strings.HasPrefix(t, photoCaption):
		b.caption(strings.TrimSpace(strings.TrimPrefix(t, photoCaption)))
	case strings.HasPrefix(t, photoCredit):
		b.caption(t)
	default:
		b.paras = append(b.paras, t)
	}
}

func (b *bodyParts) caption(t string) {
	if t != "" {
		b.captions = append(b.captions, t)
	}
}

func (b *bodyParts) furnish(t string) {
	if t != "" {
		b.furniture = append(b.furniture, t)
	}
}
