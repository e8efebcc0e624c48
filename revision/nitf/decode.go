package nitf

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"lede/revision"
)

// Limits on what one document may cost. A NITF story is a few kilobytes
// nested a dozen elements deep; these are far above any real one and
// keep a hostile input's cost proportional to its size.
const (
	// MaxInput is the largest document Parse reads, whatever --max-size
	// allowed upstream.
	MaxInput = 64 << 20
	// MaxDepth is the deepest element nesting Parse accepts.
	MaxDepth = 64
)

// errEntities refuses a DOCTYPE whose internal subset declares entities.
// Go's decoder never expands DTD entities (nor fetches external ones),
// so such a document could not be read as its author meant anyway; the
// declarations are the shape of an entity bomb or an external-entity
// probe, and saying so is clearer than an "invalid entity" further on.
var errEntities = errors.New("DOCTYPE declares entities (<!ENTITY ...>); lede does not expand DTD entities")

// decode reads a NITF document into a tree rooted at <nitf>, with what
// the reading had to warn about (an encoding declared wrongly). It
// refuses what is not one whole, well-formed document: the error names
// the problem and, for XML syntax errors, the line.
func decode(data []byte) (*node, []string, error) {
	if len(data) > MaxInput {
		return nil, nil, bad("document is %s, over the %s a NITF item may be", revision.HumanBytes(int64(len(data))), revision.HumanBytes(MaxInput))
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil, bad("input is empty")
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return nil, nil, bad("input is binary: NUL byte at offset %d", i)
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	// HTML's named entities (&eacute;, &nbsp;) are what NITF's DTD
	// declares for its producers; a fixed table, nothing expands.
	d.Entity = xml.HTMLEntity
	cs := &charsets{utf8: utf8.Valid(data) && !isASCII(data)}
	d.CharsetReader = cs.reader
	root, err := build(d)
	return root, cs.warnings, err
}

// build turns the decoder's tokens into the tree, bounding its depth.
func build(d *xml.Decoder) (*node, error) {
	var root *node
	var stack []*node
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, syntaxError(err, len(stack) > 0)
		}
		switch t := tok.(type) {
		case xml.Directive:
			if err := checkDirective(t); err != nil {
				return nil, err
			}
		case xml.StartElement:
			if root != nil && len(stack) == 0 {
				return nil, bad("element <%s> after the end of </nitf>", t.Name.Local)
			}
			if len(stack) >= MaxDepth {
				return nil, bad("elements nested over %d deep", MaxDepth)
			}
			n := &node{name: t.Name.Local, attr: attrs(t.Attr)}
			if root == nil {
				if n.name != "nitf" {
					return nil, bad("root element is <%s>, not <nitf>", n.name)
				}
				root = n
			} else {
				top := stack[len(stack)-1]
				top.kids = append(top.kids, n)
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				top := stack[len(stack)-1]
				top.kids = append(top.kids, &node{text: string(t)})
			}
		}
	}
	if root == nil {
		return nil, bad("no <nitf> element")
	}
	if len(stack) > 0 {
		return nil, bad("document ends inside <%s>: cut off", stack[len(stack)-1].name)
	}
	return root, nil
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

func attrs(as []xml.Attr) map[string]string {
	if len(as) == 0 {
		return nil
	}
	m := make(map[string]string, len(as))
	for _, a := range as {
		m[a.Name.Local] = a.Value
	}
	return m
}

// checkDirective lets a DOCTYPE naming a DTD through (it is never
// fetched) and refuses one that declares entities.
func checkDirective(t xml.Directive) error {
	s := string(t)
	if strings.HasPrefix(strings.ToUpper(strings.TrimSpace(s)), "DOCTYPE") && strings.Contains(s, "<!ENTITY") {
		return errEntities
	}
	return nil
}

// syntaxError words the decoder's error for a person. Running out of
// input inside an element is a cut-off document, the commonest damage.
func syntaxError(err error, open bool) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		if open && strings.Contains(se.Msg, "unexpected EOF") {
			return bad("document cut off at line %d: %s", se.Line, se.Msg)
		}
		return bad("malformed XML at line %d: %s", se.Line, se.Msg)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return bad("document cut off: %v", err)
	}
	return bad("malformed XML: %v", err)
}

func bad(format string, args ...any) error {
	return &revision.InputError{Reason: "nitf: " + fmt.Sprintf(format, args...)}
}
