package alert

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"
	"unicode/utf8"

	"lede/store"
)

// Exec runs a shell command per alert with the alert's JSON on its
// standard input and LEDE_ALERT_ID, LEDE_STORY in its environment; a
// non-zero exit is a failure worth a retry.
//
// The command runs in a process group of its own, and the whole group
// is killed when the attempt's time is up or the watch shuts down: a
// command that starts children of its own (`cat >/dev/null; sleep 30`)
// would otherwise outlive its limit, hold the watch's shutdown and leave
// orphans behind.
type Exec struct{ Command string }

// Info names the sink by its command.
func (s *Exec) Info() store.Sink {
	return store.Sink{ID: "exec:" + s.Command, Kind: "exec", Name: s.Command}
}

// execWaitDelay is how long Send waits, once the group is killed, for
// the command's output pipes to close: a process that left the group
// (setsid) may hold them open for as long as it lives.
const execWaitDelay = time.Second

// stderrTail is how much of the command's standard error Send keeps for
// its error message: the end, where a failing command says why. A
// command that writes without end costs no more memory than this.
const stderrTail = 8 << 10

// Send runs the command once, for at most SendTimeout or until ctx ends.
func (s *Exec) Send(ctx context.Context, a *Alert, body []byte) error {
	ctx, cancel := context.WithTimeout(ctx, SendTimeout)
	defer cancel()
	c := exec.CommandContext(ctx, "/bin/sh", "-c", s.Command)
	c.Stdin = bytes.NewReader(body)
	c.Env = append(os.Environ(), "LEDE_ALERT_ID="+a.ID, "LEDE_STORY="+a.Story)
	stderr := &tailWriter{max: stderrTail}
	c.Stderr = stderr
	ownGroup(c)
	c.WaitDelay = execWaitDelay
	err := c.Run()
	if err == nil || errors.Is(err, exec.ErrWaitDelay) && ctx.Err() == nil {
		// ErrWaitDelay alone: the command succeeded and left a child
		// of its own running with its stderr (a job it started in the
		// background); that is the command's business.
		return nil
	}
	switch ctx.Err() {
	case context.DeadlineExceeded:
		err = fmt.Errorf("%w (ran past its time limit)", err)
	case context.Canceled:
		err = fmt.Errorf("%w (the watch is stopping)", err)
	}
	if msg := lastLines(stderr.String(), 200); msg != "" {
		return fmt.Errorf("%w: %s", err, msg)
	}
	return err
}

// tailWriter keeps the last max bytes written to it and counts the rest.
type tailWriter struct {
	max     int
	buf     []byte
	dropped int64
}

// Write keeps the end of p and of what came before it, up to max bytes.
func (t *tailWriter) Write(p []byte) (int, error) {
	n := len(p)
	if len(p) >= t.max {
		t.dropped += int64(len(t.buf) + len(p) - t.max)
		t.buf = append(t.buf[:0], p[len(p)-t.max:]...)
		return n, nil
	}
	if over := len(t.buf) + len(p) - t.max; over > 0 {
		t.dropped += int64(over)
		t.buf = append(t.buf[:0], t.buf[over:]...)
	}
	t.buf = append(t.buf, p...)
	return n, nil
}

// String is the text kept, starting at a whole character, with an
// ellipsis where earlier text was dropped.
func (t *tailWriter) String() string {
	b := t.buf
	if t.dropped > 0 {
		for len(b) > 0 && !utf8.RuneStart(b[0]) {
			b = b[1:]
		}
		return "…" + string(b)
	}
	return string(b)
}

// lastLines is the end of text, at most n runes of it, trimmed.
func lastLines(text string, n int) string {
	text = strings.TrimSpace(text)
	r := []rune(text)
	if len(r) <= n {
		return text
	}
	return "…" + string(r[len(r)-n+1:])
}
