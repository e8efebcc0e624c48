package anpa

import (
	"bytes"
	"fmt"
	"strings"

	"lede/revision"
)

// ANPA-1312's control characters, as AP sends them.
const (
	syn = 0x16 // synchronous idle, before the start of a message
	soh = 0x01 // start of header
	stx = 0x02 // start of text
	etx = 0x03 // end of text: the transmission stamp follows
	eot = 0x04 // end of transmission
	us  = 0x1f // unit separator, after the selector code
)

// startRe is the start of an AP ANPA message: SYN SYN SOH, then the
// service letter and four-digit sequence number ("z6715"), US, and the
// selector codes. dpa's IPTC 7901 also opens with SOH, but without the
// SYNs and the unit separator.
var startRe = revision.LazyRegexp(`^\x16+\x01([A-Za-z]\d{4})\x1f([^\r\n]*)`)

// frame is one message cut at its control characters.
type frame struct {
	Seq     string // the message number, "z6715"
	Keyline string // the second header line, controls turned to spaces
	Text    string // between STX and ETX
	Trailer string // after ETX: the transmission stamp
}

// maxMessage bounds one message: an AP story is some kilobytes.
const maxMessage = 1 << 20

// cutFrame cuts a message's text (cleaned, CR as LF) into its parts. A
// message without STX, or cut off before its ETX, is an error.
func cutFrame(text string) (frame, error) {
	var f frame
	m := startRe.FindStringSubmatch(text)
	if m == nil {
		return f, &revision.InputError{Reason: "not an AP ANPA-1312 message: no SYN SYN SOH header"}
	}
	f.Seq = m[1]
	rest := text[len(m[0]):]
	s := strings.IndexByte(rest, stx)
	if s < 0 {
		return f, &revision.InputError{Reason: fmt.Sprintf("message %s has no STX: its text is missing", f.Seq)}
	}
	f.Keyline = strings.TrimSpace(controlsToSpace(rest[:s]))
	rest = rest[s+1:]
	e := strings.IndexByte(rest, etx)
	if e < 0 {
		return f, &revision.InputError{Reason: fmt.Sprintf("message %s is cut off: no ETX after its text", f.Seq)}
	}
	f.Text, f.Trailer = rest[:e], rest[e+1:]
	if i := strings.IndexByte(f.Trailer, eot); i >= 0 {
		f.Trailer = f.Trailer[:i]
	}
	return f, nil
}

// controlsToSpace turns every control character but the line feed and
// the tab into a space: ANPA's format codes (DC1..DC4, the quad and
// tab-line codes) are never text.
func controlsToSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f {
			return ' '
		}
		return r
	}, s)
}

// split cuts a stream of several messages into one chunk each, named
// by its message number. An input with no message start is one chunk,
// for the parser to say what is wrong with it.
func split(data []byte) []revision.Chunk {
	starts := messageStarts(data)
	if len(starts) == 0 {
		return []revision.Chunk{{Data: data}}
	}
	var out []revision.Chunk
	if pre := bytes.TrimSpace(data[:starts[0]]); len(pre) > 0 {
		out = append(out, revision.Chunk{Data: data[:starts[0]], Err: &revision.InputError{
			Reason: "bytes before the first message's SYN SYN SOH"}})
	}
	for i, s := range starts {
		end := len(data)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		c := revision.Chunk{Data: data[s:end]}
		if m := startRe.FindSubmatch(c.Data); m != nil {
			c.Name = string(m[1])
		}
		out = append(out, c)
	}
	return out
}

// messageStarts finds where each message begins: a SYN run followed by
// SOH and a message number.
func messageStarts(data []byte) []int {
	var out []int
	for i := 0; i < len(data); {
		j := bytes.IndexByte(data[i:], syn)
		if j < 0 {
			break
		}
		j += i
		if startRe.Match(data[j:min(len(data), j+64)]) {
			out = append(out, j)
			k := j
			for k < len(data) && data[k] == syn {
				k++
			}
			i = k
			continue
		}
		i = j + 1
	}
	return out
}
