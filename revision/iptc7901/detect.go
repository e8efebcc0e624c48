package iptc7901

import (
	"bytes"
)

// Detect reports whether head opens an IPTC 7901 message as dpa sends
// it: SOH first, a header line in 7901's shape (service and serial,
// priority, category, word count), then, before STX, a keyword line
// ending in "/". AP's ANPA-1312 also opens with SOH (after SYN SYN) but
// its header ("z6715\x1f-----") and keyword lines have neither shape, so
// the two formats never both take one input.
func Detect(head []byte) bool {
	if len(head) == 0 || head[0] != soh {
		return false
	}
	rest := head[1:]
	line, rest, _ := bytes.Cut(rest, []byte("\n"))
	if _, ok := parseHeader(string(line)); !ok {
		return false
	}
	if i := bytes.IndexByte(rest, stx); i >= 0 {
		rest = rest[:i]
	}
	for _, l := range bytes.Split(rest, []byte("\n")) {
		if isKeywordLine(string(l)) {
			return true
		}
	}
	return false
}
