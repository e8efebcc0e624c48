package newsml

import "bytes"

// tag is one element tag found by scanTags: where it starts ('<') and
// ends (after '>'), its local name, and whether it is an end tag or an
// empty-element tag.
type tag struct {
	start, end int
	local      string
	closing    bool
	empty      bool
	// broken reports a tag that another '<' interrupts before its '>';
	// end is then where that '<' starts.
	broken bool
}

// scanTags walks the element tags of an XML text without parsing it,
// stepping over the XML declaration, processing instructions, comments,
// CDATA sections and the document type declaration (whose internal
// subset may hold '<'). It lets the detector and the splitter find
// elements in a document that is too broken, or too big, to decode
// whole. fn returns false to stop. A tag cut off by the end of data is
// passed with end -1, and is the last.
func scanTags(data []byte, fn func(t tag) bool) {
	for i := 0; i < len(data); {
		j := bytes.IndexByte(data[i:], '<')
		if j < 0 {
			return
		}
		i += j
		rest := data[i:]
		if skip, ok := skipMarkup(rest); ok {
			if skip < 0 {
				return
			}
			i += skip
			continue
		}
		t := readTag(data, i)
		if !fn(t) || t.end < 0 {
			return
		}
		i = t.end
	}
}

// skipMarkup reports whether rest opens markup that is not an element tag
// and how long it is (-1: it runs to the end of the data).
func skipMarkup(rest []byte) (int, bool) {
	closer := ""
	switch {
	case bytes.HasPrefix(rest, []byte("<!--")):
		closer = "-->"
	case bytes.HasPrefix(rest, []byte("<![CDATA[")):
		closer = "]]>"
	case bytes.HasPrefix(rest, []byte("<?")):
		closer = "?>"
	case bytes.HasPrefix(rest, []byte("<!")):
		closer = ">"
		if lb, gt := bytes.IndexByte(rest, '['), bytes.IndexByte(rest, '>'); lb >= 0 && (gt < 0 || lb < gt) {
			closer = "]>"
		}
	default:
		return 0, false
	}
	k := bytes.Index(rest[2:], []byte(closer))
	if k < 0 {
		return -1, true
	}
	return 2 + k + len(closer), true
}

// readTag reads the element tag starting at data[i] == '<'.
func readTag(data []byte, i int) tag {
	t := tag{start: i, end: -1}
	k := i + 1
	if k < len(data) && data[k] == '/' {
		t.closing = true
		k++
	}
	n := k
	for n < len(data) && !isSpace(data[n]) && data[n] != '>' && data[n] != '/' {
		n++
	}
	name := data[k:n]
	if c := bytes.LastIndexByte(name, ':'); c >= 0 {
		name = name[c+1:]
	}
	t.local = string(name)
	// Attribute values cannot hold '<' but may hold '>', so step over
	// quoted values to find the tag's end.
	var quote byte
	for ; n < len(data); n++ {
		switch c := data[n]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '<':
			t.end, t.broken = n, true
			return t
		case c == '>':
			t.end = n + 1
			t.empty = data[n-1] == '/'
			return t
		}
	}
	return t
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
