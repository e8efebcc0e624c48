package main

import (
	"bufio"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"golang.org/x/term"

	"lede/revision"
)

// colorMode is the value of --color.
type colorMode string

// The --color values.
const (
	colorAuto   colorMode = "auto"
	colorAlways colorMode = "always"
	colorNever  colorMode = "never"
)

// Set accepts auto, always or never, so a typo is a usage error.
func (m *colorMode) Set(s string) error {
	switch v := colorMode(s); v {
	case colorAuto, colorAlways, colorNever:
		*m = v
		return nil
	}
	return fmt.Errorf("want auto, always or never")
}

// String is the value as --help shows it.
func (m *colorMode) String() string {
	if m == nil || *m == "" {
		return string(colorAuto)
	}
	return string(*m)
}

// fileTerminal reports whether w is a terminal and its width. Only an
// *os.File can be one.
func fileTerminal(w io.Writer) (bool, int) {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return false, 0
	}
	width, _, err := term.GetSize(int(f.Fd()))
	if err != nil {
		return true, 0
	}
	return true, width
}

// fileRows is the height of the terminal w is, 0 when it is none.
func fileRows(w io.Writer) int {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return 0
	}
	_, rows, err := term.GetSize(int(f.Fd()))
	if err != nil {
		return 0
	}
	return rows
}

// style is how human-readable output looks: whether it is coloured and
// the width to wrap at (0: do not wrap, as when stdout is a pipe).
type style struct {
	color bool
	width int
	mark  string // env.mark, written before the ESC of a colour code
}

// style decides colour and wrapping for stdout. --color always wins over
// NO_COLOR, as the NO_COLOR convention allows; auto colours only a
// terminal, and only when NO_COLOR is unset or empty and TERM is not
// "dumb" (a terminal that cannot show colour codes).
func (l *lede) style() style {
	tty, width := l.terminal(l.stdout)
	s := style{mark: l.mark}
	switch l.color {
	case colorAlways:
		s.color = true
	case colorAuto:
		s.color = tty && l.getenv("NO_COLOR") == "" && l.getenv("TERM") != "dumb"
	}
	if tty {
		s.width = width
	}
	return s
}

func (s style) sgr(code, text string) string {
	if !s.color || text == "" {
		return text
	}
	return s.esc() + "[" + code + "m" + text + s.esc() + "[0m"
}

// esc is the ESC that opens a colour code, after the mark that lets it
// through the output's escaper.
func (s style) esc() string { return s.mark + "\x1b" }

func (s style) bold(text string) string { return s.sgr("1", text) }
func (s style) dim(text string) string  { return s.sgr("2", text) }
func (s style) warn(text string) string { return s.sgr("33", text) }

// alarm is for what an editor must not miss: a kill, a NOT SEEN verdict.
func (s style) alarm(text string) string { return s.sgr("1;31", text) }

// wrap breaks text into lines of at most width runes at spaces; a word
// longer than width gets a line of its own. width <= 0 keeps one line.
func wrap(text string, width int) []string {
	if width <= 0 || utf8.RuneCountInString(text) <= width {
		return []string{text}
	}
	var lines []string
	var line strings.Builder
	n := 0
	for _, word := range strings.Fields(text) {
		wn := utf8.RuneCountInString(word)
		if n > 0 && n+1+wn > width {
			lines = append(lines, line.String())
			line.Reset()
			n = 0
		}
		if n > 0 {
			line.WriteByte(' ')
			n++
		}
		line.WriteString(word)
		n += wn
	}
	return append(lines, line.String())
}

// writeJSON prints v as indented JSON, the form of every --json output
// that is one value (ingest --json prints JSON lines instead).
func (l *lede) writeJSON(v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return fmt.Errorf("encoding JSON: %w", err)
	}
	if _, err := l.stdout.Write(append(b, '\n')); err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	return nil
}

// flushed flushes buffered output and words a failure.
func flushed(w *bufio.Writer) error {
	if err := w.Flush(); err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	return nil
}

// escapeControls makes e write its output through
// revision.ControlEscaper: a headline, note, page or file name with a
// control character would otherwise act on the terminal (ESC recolours,
// retitles or clears it; BS and CR overprint; a bidirectional override
// reorders the line). Such characters show as escapes (\u001b, \u202e),
// and --json output decodes to the same strings. lede's own colour codes
// and progress bar pass: they are written after e.mark, a random string
// that only this process knows, so that no text from outside can pass
// for them. The terminal is still recognised through the wrapper. flush
// writes what the escapers hold back.
func escapeControls(e env) (env, func()) {
	e.mark = newMark()
	out := &revision.ControlEscaper{W: e.stdout, Mark: e.mark}
	errs := &revision.ControlEscaper{W: e.stderr, Mark: e.mark}
	terminal := e.terminal
	e.stdout, e.stderr = out, errs
	e.terminal = func(w io.Writer) (bool, int) {
		if c, ok := w.(*revision.ControlEscaper); ok {
			w = c.W
		}
		return terminal(w)
	}
	if height := e.height; height != nil {
		e.height = func(w io.Writer) int {
			if c, ok := w.(*revision.ControlEscaper); ok {
				w = c.W
			}
			return height(w)
		}
	}
	return e, func() { out.Flush(); errs.Flush() }
}

// newMark is a mark for escapeControls: "~" and 20 random letters and
// digits, printable, so that the escaper takes it for text until a control
// follows it.
func newMark() string {
	const digits = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	b := make([]byte, 21)
	rand.Read(b)
	b[0] = '~'
	for i := 1; i < len(b); i++ {
		b[i] = digits[int(b[i])%len(digits)]
	}
	return string(b)
}

// dataOut is stdout for output that is data to keep byte for byte (the
// page lede show prints as received): its control characters are
// escaped only where a terminal shows them.
func (l *lede) dataOut() io.Writer {
	if c, ok := l.stdout.(*revision.ControlEscaper); ok {
		if tty, _ := l.terminal(c); !tty {
			c.Flush()
			return c.W
		}
	}
	return l.stdout
}
