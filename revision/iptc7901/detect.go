package iptc7901

import (
	"bytes"

	"lede/revision"
)

// Detect reports whether head opens an IPTC 7901 message as dpa sends
// it: SOH first, a header line in 7901's shape (service and serial,
// priority, category, word count), then, before STX, a keyword line
// ending in "/". AP's ANPA-1312 also opens with SOH (after SYN SYN) but
// its header ("z6715\x1f-----") and keyword lines have neither shape, so
// the two formats never both take one input.
func Detect(head []byte) bool { return frameError(head) == nil }

// frameError says why data does not open like a 7901 message, nil when
// it does. Parse asks it too, of the same first bytes the registry shows
// Detect, so that whatever parses is detected again when the store reads
// the item back.
func frameError(data []byte) error {
	if len(data) > revision.DetectBytes {
		data = data[:revision.DetectBytes]
	}
	if len(data) == 0 || data[0] != soh {
		return bad("message does not open with SOH and a header line")
	}
	line, rest, _ := bytes.Cut(data[1:], []byte("\n"))
	if _, ok := parseHeader(string(line)); !ok {
		return bad("header line %q is not service+serial, priority, category and word count", clean(string(line)))
	}
	if i := bytes.IndexByte(rest, stx); i >= 0 {
		rest = rest[:i]
	}
	for _, l := range bytes.Split(rest, []byte("\n")) {
		if isKeywordLine(string(l)) {
			return nil
		}
	}
	return bad("no keyword line ending in \"/\" before STX")
}
