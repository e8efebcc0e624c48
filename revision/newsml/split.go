package newsml

import (
	"bytes"
	"encoding/xml"

	"lede/revision"
)

// itemSpan is where one newsItem lies in a message: from its '<' to
// after its end tag, with the end of its start tag; cut reports an item
// with no end tag.
type itemSpan struct {
	start, tagEnd, end int
	cut                bool
}

// Split cuts a newsMessage of several newsItems into one chunk per item.
// Each chunk is a document of its own: the message's XML declaration,
// then the item with the namespace declarations it inherits from the
// message (its root and itemSet) copied into its start tag, so that the
// bytes the store keeps parse, and are detected, alone. Items are found
// by their tags rather than by decoding the message, so that one broken
// item (a wrong end tag, a bad entity) fails alone and its neighbours are
// parsed; an item without an end tag is a chunk with an error. An input
// of one item, a newsItem or a message of one, is not cut (nil): it
// parses whole.
func Split(data []byte) []revision.Chunk {
	if !isMessage(data) {
		return nil
	}
	spans := itemSpans(data)
	if len(spans) <= 1 {
		return nil
	}
	decl := xmlDecl(data)
	inherited := ancestorNamespaces(data[:spans[0].start])
	out := make([]revision.Chunk, len(spans))
	for i, s := range spans {
		item := data[s.start:s.end]
		if s.cut {
			out[i] = revision.Chunk{Data: item, Err: bad("newsItem %d%s has no end tag: the message is cut off or broken here",
				i+1, guidNote(item))}
			continue
		}
		out[i] = revision.Chunk{Data: standalone(decl, item, s.tagEnd-s.start, inherited)}
	}
	return out
}

// isMessage reports whether data's root element is a newsMessage.
func isMessage(data []byte) bool {
	root := ""
	scanTags(data, func(t tag) bool {
		if !t.closing {
			root = t.local
		}
		return false
	})
	return root == "newsMessage"
}

// itemSpans finds the newsItems of a message by their tags.
func itemSpans(data []byte) []itemSpan {
	var spans []itemSpan
	open := itemSpan{start: -1}
	scanTags(data, func(t tag) bool {
		if t.local != "newsItem" || t.broken {
			return true
		}
		switch {
		case !t.closing && open.start >= 0:
			open.end, open.cut = t.start, true
			spans = append(spans, open)
			open = itemSpan{start: -1}
			fallthrough
		case !t.closing:
			if t.end < 0 {
				spans = append(spans, itemSpan{start: t.start, end: len(data), cut: true})
			} else if t.empty {
				spans = append(spans, itemSpan{start: t.start, tagEnd: t.end, end: t.end})
			} else {
				open = itemSpan{start: t.start, tagEnd: t.end}
			}
		case open.start >= 0 && t.end >= 0:
			open.end = t.end
			spans = append(spans, open)
			open = itemSpan{start: -1}
		}
		return true
	})
	if open.start >= 0 {
		open.end, open.cut = len(data), true
		spans = append(spans, open)
	}
	return spans
}

// xmlDecl returns the input's XML declaration, so a chunk keeps the
// encoding the message declared, or nil.
func xmlDecl(data []byte) []byte {
	d := bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !bytes.HasPrefix(d, []byte("<?xml")) {
		return nil
	}
	if end := bytes.Index(d, []byte("?>")); end >= 0 {
		return d[:end+2]
	}
	return nil
}

// ancestorNamespaces returns the namespace declarations of the elements
// still open at the end of prefix (the message root and its itemSet), the
// ones an item inside them inherits, outermost first.
func ancestorNamespaces(prefix []byte) []xml.Attr {
	d := xml.NewDecoder(bytes.NewReader(prefix))
	d.Strict = false
	d.CharsetReader = charsetReader
	var stack [][]xml.Attr
	for {
		tok, err := d.RawToken()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			var ns []xml.Attr
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" {
					ns = append(ns, a)
				}
			}
			stack = append(stack, ns)
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	var out []xml.Attr
	for _, ns := range stack {
		out = append(out, ns...)
	}
	return out
}

// standalone writes one item as a document: the declaration, then the
// item with the inherited namespace declarations it does not make itself
// inserted after its element name.
func standalone(decl, item []byte, tagLen int, inherited []xml.Attr) []byte {
	own := map[xml.Name]bool{}
	d := xml.NewDecoder(bytes.NewReader(item[:tagLen]))
	d.Strict = false
	if tok, err := d.RawToken(); err == nil {
		if st, ok := tok.(xml.StartElement); ok {
			for _, a := range st.Attr {
				own[a.Name] = true
			}
		}
	}
	var add bytes.Buffer
	seen := map[xml.Name]bool{}
	for i := len(inherited) - 1; i >= 0; i-- { // inner declarations win
		a := inherited[i]
		if own[a.Name] || seen[a.Name] {
			continue
		}
		seen[a.Name] = true
		name := "xmlns"
		if a.Name.Space == "xmlns" {
			name += ":" + a.Name.Local
		}
		add.WriteString(" " + name + `="`)
		xml.EscapeText(&add, []byte(a.Value))
		add.WriteString(`"`)
	}
	nameEnd := 1
	for nameEnd < len(item) && !isSpace(item[nameEnd]) && item[nameEnd] != '>' && item[nameEnd] != '/' {
		nameEnd++
	}
	out := make([]byte, 0, len(decl)+1+len(item)+add.Len())
	if len(decl) > 0 {
		out = append(append(out, decl...), '\n')
	}
	out = append(out, item[:nameEnd]...)
	out = append(out, add.Bytes()...)
	return append(out, item[nameEnd:]...)
}

var guidAttr = revision.LazyRegexp(`\sguid\s*=\s*["']([^"'<>]{1,200})["']`)

// guidNote names an item by its guid in an error, when its start tag
// shows one: " (guid urn:...)".
func guidNote(item []byte) string {
	if g := firstGuid(item); g != "" {
		return " (guid " + g + ")"
	}
	return ""
}
