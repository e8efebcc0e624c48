package revision

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"sync"
	"unicode/utf8"
)

// Story text comes from outside: a page, a JSON line, a file name. Some
// characters in it act on whatever shows it instead of showing: the C0
// controls (ESC opens sequences that recolour, retitle or clear a
// terminal, BEL rings it, BS and a lone CR let later text overprint
// earlier text), DEL, the C1 controls (U+009B is a one-character CSI),
// and the bidirectional embeddings, overrides and isolates, which make a
// terminal or a browser draw the rest of the line in another order than
// it was written ("Trojan Source"). Every output that a person reads
// writes them as escapes instead (\u001b, \u202e; \x9b for a byte that is
// no UTF-8), which show what is there. In JSON such an escape decodes to
// the same character, so JSON escaped this way stays faithful. Tab, LF and
// CR before LF show as the layout they are.

// IsBidiControl reports whether r is one of the Unicode controls that
// reorder the text around them: the embeddings and overrides U+202A to
// U+202E and the isolates U+2066 to U+2069.
func IsBidiControl(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069
}

// IsDisplayControl reports whether r acts on a display rather than
// showing: a C0 control other than tab and LF (CR is judged with what
// follows it), DEL, a C1 control or a bidirectional control.
func IsDisplayControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' || r >= 0x7F && r <= 0x9F || IsBidiControl(r)
}

// EscapeControls writes every display control in b as an escape (see
// above). b is returned as it is when it holds none.
func EscapeControls(b []byte) []byte {
	out, _ := escapeControls(nil, b, nil, false)
	if out == nil {
		return b
	}
	return out
}

// escapeControls appends b to out with its display controls escaped,
// except a control that follows mark (when mark is not empty), which is
// the caller's own and is appended raw, without the mark. With more, b
// is not the end of the text: a tail that the next bytes decide (a CR, an
// incomplete character, the start of mark) is not appended, and its
// length is returned. out stays nil while nothing needed escaping.
func escapeControls(out, b, mark []byte, more bool) ([]byte, int) {
	keep := 0
	if more {
		keep = undecided(b, mark)
		b = b[:len(b)-keep]
	}
	start := 0
	emit := func(i int, esc []byte) {
		if out == nil {
			out = make([]byte, 0, len(b)+16)
		}
		out = append(append(out, b[start:i]...), esc...)
	}
	for i := 0; i < len(b); {
		if n := printableRun(b[i:]); n > 0 {
			i += n
			continue
		}
		c := b[i]
		if c == '\t' || c == '\n' || c == '\r' && i+1 < len(b) && b[i+1] == '\n' {
			i++
			continue
		}
		if c < 0x80 {
			if n := len(mark); n > 0 && i-n >= start && bytes.Equal(b[i-n:i], mark) {
				if out == nil {
					out = make([]byte, 0, len(b)+16)
				}
				out = append(append(out, b[start:i-n]...), c)
			} else {
				emit(i, fmt.Appendf(nil, `\u%04x`, c))
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && size == 1 && c <= 0x9F:
			emit(i, fmt.Appendf(nil, `\x%02x`, c))
		case size > 1 && IsDisplayControl(r):
			emit(i, fmt.Appendf(nil, `\u%04x`, r))
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	if out != nil {
		out = append(out, b[start:]...)
	}
	return out, keep
}

// printableRun is the length of the run of printable ASCII (0x20 to
// 0x7E) that b opens, read eight bytes at a time: every output a person
// reads passes through escapeControls, and a byte at a time it was a
// fourteenth of lede diff's time on a long text. In each byte of w, w-0x20
// sets the high bit below 0x20 (or borrows from a byte above only when
// one below is already out), w+1 sets it from 0x7F and w has it from 0x80.
func printableRun(b []byte) int {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		w := binary.LittleEndian.Uint64(b[i:])
		if ((w-0x2020202020202020)|(w+0x0101010101010101)|w)&0x8080808080808080 != 0 {
			break
		}
	}
	for i < len(b) && b[i] >= 0x20 && b[i] < 0x7F {
		i++
	}
	return i
}

// undecided is the length of the tail of b that the bytes after it
// decide: a CR (is LF next?), an incomplete UTF-8 character, or a prefix
// of mark (is a control next?).
func undecided(b, mark []byte) int {
	n := len(b)
	keep := 0
	if n > 0 && b[n-1] == '\r' && (len(mark) == 0 || !bytes.HasSuffix(b[:n-1], mark)) {
		keep = 1 // a CR of the program's own passes as it is
	}
	for k := 1; k <= 3 && k <= n; k++ {
		if c := b[n-k]; c >= 0xC0 {
			if !utf8.FullRune(b[n-k:]) {
				keep = max(keep, k)
			}
			break
		} else if c < 0x80 {
			break
		}
	}
	for k := min(len(mark), n); k > keep; k-- {
		if bytes.HasSuffix(b, mark[:k]) {
			return k
		}
	}
	return keep
}

// ControlEscaper is a writer that passes everything to W with its
// display controls escaped (see EscapeControls), for output that a person
// reads. The controls of the program's own output (colour codes, a
// progress bar's CR) pass when written right after Mark, which it alone
// knows, so that no text from outside can pass as its own. A character
// or mark split between two writes is held back until the next one or
// Flush. It is safe for concurrent use.
type ControlEscaper struct {
	W    io.Writer
	Mark string
	mu   sync.Mutex
	held []byte
}

// Write escapes p (with whatever was held back before it) and writes it.
func (e *ControlEscaper) Write(p []byte) (int, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	data := p
	if len(e.held) > 0 {
		data = append(e.held, p...)
		e.held = nil
	}
	out, keep := escapeControls(nil, data, []byte(e.Mark), true)
	if out == nil {
		out = data[:len(data)-keep]
	}
	if keep > 0 {
		e.held = append([]byte(nil), data[len(data)-keep:]...)
	}
	if _, err := e.W.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes what was held back, escaped as the end of the text.
func (e *ControlEscaper) Flush() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if len(e.held) == 0 {
		return nil
	}
	out, _ := escapeControls(nil, e.held, []byte(e.Mark), false)
	if out == nil {
		out = e.held
	}
	e.held = nil
	_, err := e.W.Write(out)
	return err
}
