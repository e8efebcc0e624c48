package nitf

import (
	"bytes"
)

// Detect reports whether head, an input's first bytes, opens a NITF
// document: after an XML declaration, comments, processing instructions
// and a DOCTYPE, the first element is <nitf> (with or without a
// namespace prefix). It reads the prolog only, so a NewsML-G2 item that
// carries NITF inside its content is not taken for one.
func Detect(head []byte) bool {
	s := head
	for {
		s = bytes.TrimLeft(s, " \t\r\n")
		switch {
		case bytes.HasPrefix(s, []byte("<?")):
			s = after(s, "?>")
		case bytes.HasPrefix(s, []byte("<!--")):
			s = after(s, "-->")
		case bytes.HasPrefix(s, []byte("<!DOCTYPE")), bytes.HasPrefix(s, []byte("<!doctype")):
			s = afterDoctype(s)
		case bytes.HasPrefix(s, []byte("<")):
			return isNITFTag(s[1:])
		default:
			return false
		}
		if s == nil {
			return false
		}
	}
}

// after returns what follows the first end mark in s, nil when s has none
// (the prolog runs past head).
func after(s []byte, end string) []byte {
	i := bytes.Index(s, []byte(end))
	if i < 0 {
		return nil
	}
	return s[i+len(end):]
}

// afterDoctype skips a DOCTYPE, whose internal subset in [...] may hold
// '>' of its own.
func afterDoctype(s []byte) []byte {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[':
			j := bytes.Index(s[i:], []byte("]"))
			if j < 0 {
				return nil
			}
			i += j
		case '>':
			return s[i+1:]
		}
	}
	return nil
}

// isNITFTag reports whether s (after "<") names the element nitf,
// optionally prefixed ("n:nitf"), followed by the end of the name.
func isNITFTag(s []byte) bool {
	name := s
	for i, c := range s {
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '>' || c == '/' {
			name = s[:i]
			break
		}
		if i == len(s)-1 {
			return false // the tag runs past head
		}
	}
	if i := bytes.IndexByte(name, ':'); i >= 0 {
		name = name[i+1:]
	}
	return string(name) == "nitf"
}
