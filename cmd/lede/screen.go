package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"

	"lede/revision"
)

// screen is where a command's readable output goes when stdout is a
// terminal: the whole output is kept, its lines fitted to the
// terminal's width (fitText), and, when it is longer than the terminal,
// shown through $PAGER (less -R by default, so colours show) unless
// --no-pager. In a pipe or a file the output goes straight through,
// unwrapped and unpaged, so scripts read lines whole.
type screen struct {
	l    *lede
	buf  bytes.Buffer
	esc  *revision.ControlEscaper // escapes what is written, into buf
	raw  io.Writer                // stdout below lede's escaper
	tty  bool
	cols int
}

// openScreen starts a command's readable output; close writes it.
func (l *lede) openScreen() *screen {
	s := &screen{l: l, raw: l.stdout}
	s.tty, s.cols = l.terminal(l.stdout)
	if !s.tty {
		return s
	}
	// Escape now, as stdout would, so that widths are counted on what
	// the terminal will show; then write below stdout's escaper.
	s.esc = &revision.ControlEscaper{W: &s.buf, Mark: l.mark}
	if c, ok := l.stdout.(*revision.ControlEscaper); ok {
		c.Flush()
		s.raw = c.W
	}
	return s
}

// Write takes output; in a pipe it is written at once.
func (s *screen) Write(p []byte) (int, error) {
	if !s.tty {
		return s.l.stdout.Write(p)
	}
	return s.esc.Write(p)
}

// close writes what the command wrote, fitted and paged as it must be.
func (s *screen) close() error {
	if !s.tty {
		return nil
	}
	s.esc.Flush()
	text := fitText(s.buf.String(), s.cols)
	if rows := s.l.rows(); s.l.pager && rows > 0 && strings.Count(text, "\n") >= rows {
		if s.page(text) {
			return nil
		}
	}
	_, err := io.WriteString(s.raw, text)
	return err
}

// page shows text through the pager; false when none could be started,
// so that the caller writes it instead.
func (s *screen) page(text string) bool {
	pager := s.l.getenv("LEDE_PAGER")
	if pager == "" {
		pager = s.l.getenv("PAGER")
	}
	if pager == "" {
		pager = "less -R"
	}
	if pager == "cat" {
		return false
	}
	cmd := exec.Command("/bin/sh", "-c", pager)
	cmd.Stdin = strings.NewReader(text)
	cmd.Stdout, cmd.Stderr = s.raw, s.l.stderr
	env := os.Environ()
	if s.l.getenv("LESS") == "" {
		// As git does: quit at the end of a short text, keep colours,
		// leave the text on the screen.
		env = append(env, "LESS=FRX")
	}
	cmd.Env = env
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) && exit.ExitCode() == 127 {
		return false // no such pager: the shell found nothing to run
	}
	return err == nil || cmd.ProcessState != nil
}

// writeFitted writes text to w, a terminal width columns wide (0: not a
// terminal), with its lines fitted as a screen fits them, for output
// that streams rather than ends (the alerts lede watch prints). The
// text is escaped first, as w's escaper would, so widths count what
// shows; it is then written below the escaper.
func writeFitted(w io.Writer, mark string, width int, text string) error {
	c, ok := w.(*revision.ControlEscaper)
	if width <= 0 || !ok {
		_, err := io.WriteString(w, text)
		return err
	}
	var buf bytes.Buffer
	esc := &revision.ControlEscaper{W: &buf, Mark: mark}
	io.WriteString(esc, text)
	esc.Flush()
	c.Flush()
	_, err := io.WriteString(c.W, fitText(buf.String(), width))
	return err
}

// closeScreen flushes w into scr and closes scr: the end of a command
// that writes its readable output through a buffered screen.
func closeScreen(w *bufio.Writer, scr *screen) error {
	if err := flushed(w); err != nil {
		return err
	}
	if err := scr.close(); err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	return nil
}

// rows is the terminal's height, 0 when unknown.
func (l *lede) rows() int {
	if l.height == nil {
		return 0
	}
	return l.height(l.stdout)
}
