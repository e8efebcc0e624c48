package ninjs

import (
	"html"
	"strings"
)

// htmlText is what a body's HTML holds for a reader: paragraphs (the text
// of <p>, <blockquote>, <li>, <pre> elements, in order), captions
// (<figcaption>), and the rest that is text but not story text (headings,
// a table's cells, loose text beside the paragraphs such as TT's
// vignette and byline blocks), kept as furniture so nothing is silently
// dropped. Script and style contents and the document head are dropped.
type htmlText struct {
	paras, captions, furniture []string
	// loose marks the furniture entries that are text outside any
	// element of their own, the paragraphs of a body without <p>.
	loose []bool
}

// maxDepth bounds the open elements tracked, so that a hostile body of
// nested tags costs time linear in its size; deeper elements are read as
// text of the element at the limit.
const maxDepth = 256

// blockTags are the elements whose start or end ends a run of text.
var blockTags = map[string]bool{
	"p": true, "blockquote": true, "li": true, "pre": true, "dd": true, "dt": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"div": true, "section": true, "article": true, "body": true, "html": true, "head": true,
	"title": true, "figure": true, "figcaption": true, "block": true, "ul": true, "ol": true,
	"dl": true, "table": true, "tr": true, "td": true, "th": true, "thead": true, "tbody": true,
	"header": true, "footer": true, "aside": true, "nav": true, "main": true, "hr": true,
	"br": true, "caption": true,
}

// paraTags hold paragraphs of story text.
var paraTags = map[string]bool{"p": true, "blockquote": true, "li": true, "pre": true, "dd": true, "dt": true}

// voidTags never have an end tag.
var voidTags = map[string]bool{"br": true, "hr": true, "img": true, "meta": true, "link": true, "input": true,
	"source": true, "wbr": true, "col": true, "area": true, "base": true, "embed": true, "param": true, "track": true}

// htmlParagraphs reads an HTML (or XHTML, or NITF-like <block>) body. It
// is a small tokenizer rather than an HTML parser: wire bodies are
// simple, well-formed markup, and what it must get right is where
// paragraphs start and end, entities and the text between tags.
func htmlParagraphs(src string) htmlText {
	var t htmlText
	var stack []string
	var text strings.Builder
	flush := func() {
		s := collapse(html.UnescapeString(text.String()))
		text.Reset()
		if s != "" {
			t.place(stack, s)
		}
	}
	for i := 0; i < len(src); {
		lt := strings.IndexByte(src[i:], '<')
		if lt < 0 {
			text.WriteString(src[i:])
			break
		}
		text.WriteString(src[i : i+lt])
		i += lt
		tag, end, ok := readTag(src, i)
		if !ok {
			// A "<" that opens no tag is text ("a < b").
			text.WriteByte('<')
			i++
			continue
		}
		i = end
		switch {
		case tag.name == "script" || tag.name == "style":
			if !tag.closing && !tag.selfClosing {
				i = skipRaw(src, i, tag.name)
			}
			continue
		case !blockTags[tag.name]:
			continue // inline markup: its text runs on
		case tag.name == "br" && inPara(stack):
			text.WriteByte(' ') // a line break inside a paragraph
			continue
		}
		flush()
		switch {
		case tag.closing:
			stack = closeTag(stack, tag.name)
		case tag.selfClosing || voidTags[tag.name]:
		default:
			if tag.name == "p" || tag.name == "li" {
				stack = closeTag(stack, tag.name) // <p> ends an open <p>
			}
			if len(stack) < maxDepth {
				stack = append(stack, tag.name)
			}
		}
	}
	flush()
	if len(t.paras) == 0 {
		t.looseParagraphs()
	}
	return t
}

// looseParagraphs makes the loose text of a body with no paragraph
// elements its paragraphs: its runs of text, cut at block tags and <br>.
func (t *htmlText) looseParagraphs() {
	var rest []string
	for i, s := range t.furniture {
		if t.loose[i] {
			t.paras = append(t.paras, s)
		} else {
			rest = append(rest, s)
		}
	}
	t.furniture, t.loose = rest, nil
}

// furnish adds one run of text that is not story text.
func (t *htmlText) furnish(s string, loose bool) {
	t.furniture = append(t.furniture, s)
	t.loose = append(t.loose, loose)
}

// place files a run of text by the elements it sits in.
func (t *htmlText) place(stack []string, s string) {
	kind := ""
	for i := len(stack) - 1; i >= 0; i-- {
		switch e := stack[i]; {
		case e == "head" || e == "title":
			return
		case e == "figcaption" || e == "caption":
			t.captions = append(t.captions, s)
			return
		case e == "figure" || e == "table":
			t.furnish(s, false)
			return
		case kind == "" && (paraTags[e] || len(e) == 2 && e[0] == 'h' && e[1] >= '1' && e[1] <= '6'):
			kind = e
		}
	}
	switch {
	case paraTags[kind]:
		t.paras = append(t.paras, s)
	case kind != "":
		t.furnish(s, false) // a heading
	default:
		t.furnish(s, true)
	}
}

// inPara reports whether a paragraph element is open.
func inPara(stack []string) bool {
	for _, e := range stack {
		if paraTags[e] {
			return true
		}
	}
	return false
}

// closeTag pops the stack down to and including the innermost open
// element named name; an end tag with no open element is ignored.
func closeTag(stack []string, name string) []string {
	for i := len(stack) - 1; i >= 0; i-- {
		if stack[i] == name {
			return stack[:i]
		}
	}
	return stack
}

type htmlTag struct {
	name                 string
	closing, selfClosing bool
}

// readTag reads the tag, comment, doctype or processing instruction
// starting at src[i] == '<' and returns the index after it. ok is false
// when the "<" starts no markup.
func readTag(src string, i int) (htmlTag, int, bool) {
	rest := src[i+1:]
	switch {
	case strings.HasPrefix(rest, "!--"):
		if j := strings.Index(rest[3:], "-->"); j >= 0 {
			return htmlTag{}, i + 1 + 3 + j + 3, true
		}
		return htmlTag{}, len(src), true
	case strings.HasPrefix(rest, "!") || strings.HasPrefix(rest, "?"):
		if j := strings.IndexByte(rest, '>'); j >= 0 {
			return htmlTag{}, i + 1 + j + 1, true
		}
		return htmlTag{}, len(src), true
	}
	var tag htmlTag
	if strings.HasPrefix(rest, "/") {
		tag.closing, rest = true, rest[1:]
	}
	n := 0
	for n < len(rest) && isNameByte(rest[n]) {
		n++
	}
	if n == 0 || !isLetter(rest[0]) {
		return htmlTag{}, 0, false
	}
	tag.name = strings.ToLower(rest[:n])
	j := tagEnd(rest, n)
	if j < 0 {
		return tag, len(src), true
	}
	tag.selfClosing = j > 0 && rest[j-1] == '/'
	return tag, len(src) - len(rest) + j + 1, true
}

// tagEnd finds the ">" closing a tag's attributes, skipping quoted
// attribute values (which may hold ">"); -1 when the tag never closes.
func tagEnd(s string, i int) int {
	var quote byte
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i
		}
	}
	return -1
}

// skipRaw skips a script or style element's contents up to its end tag.
func skipRaw(src string, i int, name string) int {
	lower := "</" + name
	for j := i; j < len(src); {
		k := strings.IndexByte(src[j:], '<')
		if k < 0 {
			break
		}
		j += k
		if len(src)-j >= len(lower) && strings.EqualFold(src[j:j+len(lower)], lower) {
			if e := strings.IndexByte(src[j:], '>'); e >= 0 {
				return j + e + 1
			}
			break
		}
		j++
	}
	return len(src)
}

func isLetter(c byte) bool   { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isNameByte(c byte) bool { return isLetter(c) || '0' <= c && c <= '9' || c == '-' || c == ':' }

// collapse turns every run of white space into one space and trims the
// ends: markup's line breaks and indentation are not text.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }
