package revision

import (
	"bytes"
	"fmt"
	"io"
	"sync"
)

// IsBidiControl reports whether r is one of the Unicode controls that
// reorder the text around them: the embeddings and overrides U+202A to
// U+202E and the isolates U+2066 to U+2069. Shown raw, one in a headline
// makes a terminal or a browser draw the rest of the line, and what
// follows it, in another order than it was written ("Trojan Source").
func IsBidiControl(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069
}

// EscapeBidi writes every bidirectional control in b as the escape
// \u202e, which shows what is there instead of acting on the text. In
// JSON the escape decodes to the same character, so output escaped this
// way stays faithful; elsewhere it is a visible marker. b is returned
// as it is when it holds none.
func EscapeBidi(b []byte) []byte {
	i := nextBidi(b)
	if i < 0 {
		return b
	}
	out := make([]byte, 0, len(b)+16)
	for ; i >= 0; i = nextBidi(b) {
		r := rune(b[i]&0x0F)<<12 | rune(b[i+1]&0x3F)<<6 | rune(b[i+2]&0x3F)
		out = append(out, b[:i]...)
		out = fmt.Appendf(out, `\u%04x`, r)
		b = b[i+3:]
	}
	return append(out, b...)
}

// nextBidi is the offset of the first bidirectional control in b, or -1.
// Each is three bytes in UTF-8: E2 80 AA-AE or E2 81 A6-A9.
func nextBidi(b []byte) int {
	off := 0
	for {
		i := bytes.IndexByte(b[off:], 0xE2)
		if i < 0 {
			return -1
		}
		i += off
		if i+2 < len(b) && (b[i+1] == 0x80 && b[i+2] >= 0xAA && b[i+2] <= 0xAE ||
			b[i+1] == 0x81 && b[i+2] >= 0xA6 && b[i+2] <= 0xA9) {
			return i
		}
		off = i + 1
	}
}

// BidiEscaper is a writer that passes everything to W with its
// bidirectional controls escaped (see EscapeBidi), for output that a
// terminal shows. A character split between two writes is held back
// until the next one or Flush. It is safe for concurrent use.
type BidiEscaper struct {
	W    io.Writer
	mu   sync.Mutex
	held []byte
}

// Write escapes p (with whatever was held back before it) and writes it.
func (e *BidiEscaper) Write(p []byte) (int, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	data := p
	if len(e.held) > 0 {
		data = append(e.held, p...)
		e.held = nil
	}
	// Hold back a trailing E2 or E2 80/E2 81: the start of a control
	// whose last bytes the next write brings.
	keep := 0
	switch n := len(data); {
	case n >= 1 && data[n-1] == 0xE2:
		keep = 1
	case n >= 2 && data[n-2] == 0xE2 && (data[n-1] == 0x80 || data[n-1] == 0x81):
		keep = 2
	}
	if keep > 0 {
		e.held = append([]byte(nil), data[len(data)-keep:]...)
		data = data[:len(data)-keep]
	}
	if _, err := e.W.Write(EscapeBidi(data)); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes what was held back.
func (e *BidiEscaper) Flush() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if len(e.held) == 0 {
		return nil
	}
	_, err := e.W.Write(e.held)
	e.held = nil
	return err
}
