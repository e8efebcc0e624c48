package newsml

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"lede/revision"
)

// MaxDepth bounds how deeply elements may nest. Real NewsML-G2 is about a
// dozen levels deep (newsMessage, itemSet, newsItem, contentSet, inlineXML,
// html, body, section, p, span); a document nested hundreds of levels is
// an attack on the parser's stack and memory, not news.
const MaxDepth = 100

// MaxItemSize bounds one item, whatever size limit the caller chose for
// the input: a NewsML-G2 text item is tens of kilobytes, and the tree the
// parser builds costs a few times the item's size in memory.
const MaxItemSize = 64 << 20

// node is one element or one run of text of the parsed document. The
// parser reads the whole item into a small tree because its fields are
// scattered (itemMeta, contentMeta, contentSet) and looked up by name;
// the tree is linear in the input's size.
type node struct {
	// name is the element's name, namespace resolved; Local is "" for
	// a text node.
	name xml.Name
	attr []xml.Attr
	kids []*node
	// text is a text node's characters, entities decoded.
	text string
}

// parseTree reads an XML document into a tree. It refuses what a wire item
// never needs and an attacker would use: a document type declaration that
// defines entities (the "billion laughs" bomb and external entities; Go's
// decoder would not expand them anyway, it would fail on the first
// reference), nesting deeper than MaxDepth, and items over MaxItemSize.
// Errors say what is wrong and on which line, for a person.
func parseTree(data []byte) (*node, error) {
	if err := checkBytes(data); err != nil {
		return nil, err
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.CharsetReader = charsetReader
	// XHTML bodies use HTML's named characters (&nbsp;, &eacute;): a
	// fixed table, which defines no entity of the document's own.
	d.Entity = xml.HTMLEntity
	root := &node{}
	stack := []*node{root}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, xmlError(d, err)
		}
		top := stack[len(stack)-1]
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) > MaxDepth {
				return nil, bad("elements nest deeper than %d levels on line %d", MaxDepth, line(d))
			}
			n := &node{name: t.Name, attr: t.Attr}
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 1 {
				top.kids = append(top.kids, &node{text: string(t)})
			}
		case xml.Directive:
			if err := checkDirective(t); err != nil {
				return nil, err
			}
		}
	}
	for _, k := range root.kids {
		if k.name.Local != "" {
			return k, nil
		}
	}
	return nil, bad("no root element: the input holds no XML element")
}

// checkBytes refuses input the decoder would misread: empty, too large,
// with NUL bytes, or not UTF-8 although it does not declare another
// encoding (Go's decoder would pass invalid bytes through into the text).
func checkBytes(data []byte) error {
	if len(data) > MaxItemSize {
		return bad("item is %s, over the %s a NewsML-G2 item may be", revision.HumanBytes(int64(len(data))), revision.HumanBytes(MaxItemSize))
	}
	if !isUTF8(declaredEncoding(data)) || utf8.Valid(data) && bytes.IndexByte(data, 0) < 0 && len(bytes.TrimSpace(data)) > 0 {
		return nil
	}
	_, cut, err := revision.CleanCut(data, int64(len(data))+1)
	if err != nil {
		return err
	}
	if cut {
		return bad("input is cut off inside its last character, before the document ends")
	}
	return nil
}

// checkDirective refuses a document type declaration that defines
// entities or parameter entities. One that only names an external DTD is
// harmless: Go's decoder never fetches it.
func checkDirective(t xml.Directive) error {
	if bytes.Contains(t, []byte("<!ENTITY")) {
		return bad("document type declaration defines entities; lede does not expand entities " +
			"(an entity-expansion bomb or an external entity) and refuses the document")
	}
	return nil
}

// xmlError turns the decoder's error into one for a person: where the
// document is broken and, for the commonest case, that it was cut off.
func xmlError(d *xml.Decoder, err error) error {
	var syn *xml.SyntaxError
	if errors.As(err, &syn) {
		if strings.Contains(syn.Msg, "unexpected EOF") {
			return bad("XML ends early on line %d (cut off?): %s", syn.Line, syn.Msg)
		}
		return bad("malformed XML on line %d: %s", syn.Line, syn.Msg)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return bad("XML ends early on line %d (cut off?)", line(d))
	}
	return bad("malformed XML on line %d: %v", line(d), err)
}

func line(d *xml.Decoder) int {
	l, _ := d.InputPos()
	return l
}

// bad is an error about the input, which revision callers tell apart
// from I/O failures with errors.Is(err, revision.ErrBadInput).
func bad(format string, args ...any) error {
	return &revision.InputError{Reason: fmt.Sprintf(format, args...)}
}

// child returns n's first child element of that local name, or nil. NewsML
// elements are matched by local name alone: feeds differ in whether, and
// with which prefix, they namespace their elements.
func (n *node) child(local string) *node {
	if n == nil {
		return nil
	}
	for _, k := range n.kids {
		if k.name.Local == local {
			return k
		}
	}
	return nil
}

// children returns n's child elements of that local name.
func (n *node) children(local string) []*node {
	if n == nil {
		return nil
	}
	var out []*node
	for _, k := range n.kids {
		if k.name.Local == local {
			out = append(out, k)
		}
	}
	return out
}

// get returns the value of n's attribute of that local name, or "".
func (n *node) get(local string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// rawText is all the text inside n, in document order, as written.
func (n *node) rawText() string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	n.appendText(&b)
	return b.String()
}

func (n *node) appendText(b *strings.Builder) {
	if n.name.Local == "" {
		b.WriteString(n.text)
		return
	}
	for _, k := range n.kids {
		k.appendText(b)
	}
}

// value is the text inside n with white space collapsed, the form every
// metadata field takes.
func (n *node) value() string { return collapse(n.rawText()) }

// collapse joins runs of white space into one space and trims the ends:
// XML line breaks and indentation are layout, not text.
func collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
