package nitf

import (
	"strings"
)

// node is one element of a NITF document, or one run of its text. The
// parser reads the whole document into these before it looks at any
// field, because NITF's fields come from all over the tree (the story key
// in head/docdata, the note beside it, the dateline in body.head) and a
// document is a few kilobytes: a tree is the simplest honest reading.
type node struct {
	// name is the element's local name ("hl1"); "" for a text run.
	name string
	attr map[string]string
	kids []*node
	// text is a text run's characters, entities already decoded.
	text string
}

// child returns the first child element of that name, or nil.
func (n *node) child(name string) *node {
	if n == nil {
		return nil
	}
	for _, k := range n.kids {
		if k.name == name {
			return k
		}
	}
	return nil
}

// path follows child elements by name: path("head", "docdata").
func (n *node) path(names ...string) *node {
	for _, name := range names {
		n = n.child(name)
	}
	return n
}

// all returns every child element of that name, in document order.
func (n *node) all(name string) []*node {
	if n == nil {
		return nil
	}
	var out []*node
	for _, k := range n.kids {
		if k.name == name {
			out = append(out, k)
		}
	}
	return out
}

// get returns an attribute's value, white space trimmed; "" for a nil
// node or a missing attribute.
func (n *node) get(attr string) string {
	if n == nil {
		return ""
	}
	return strings.TrimSpace(n.attr[attr])
}

// textOf is the element's text with white space collapsed, as a reader
// sees it: markup inside (<a>, <em>, <br/>, <person>) adds no characters
// of its own, and a <br/> is a space, never two words run together.
func textOf(n *node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	appendText(&b, n, nil)
	return collapse(b.String())
}

// textWithout is textOf leaving out the child elements named in skip
// (a byline's <byttl>, the job title after the name).
func textWithout(n *node, skip ...string) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	appendText(&b, n, skip)
	return collapse(b.String())
}

func appendText(b *strings.Builder, n *node, skip []string) {
	if n.name == "" {
		b.WriteString(n.text)
		return
	}
	for _, s := range skip {
		if n.name == s {
			return
		}
	}
	if n.name == "br" {
		b.WriteByte(' ')
	}
	for _, k := range n.kids {
		appendText(b, k, skip)
	}
}

// collapse trims s and turns every run of white space (line breaks,
// tabs, no-break spaces) into one space.
func collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
