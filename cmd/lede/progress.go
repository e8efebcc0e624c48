package main

import (
	"fmt"
	"io"
	"time"
)

// progressMin is the number of items from which a command shows
// progress: shorter runs end before a bar would tell anything.
const progressMin = 200

// progress is a one-line progress bar on stderr, such as
// "ingest  1234/5000  24%  812/s". It is drawn only on a terminal, so
// pipes, logs and tests never see it; lines printed while it shows must
// be framed by clear and draw.
type progress struct {
	w     io.Writer // nil: no bar
	mark  string    // env.mark: lets the bar's CR and ESC through stderr's escaper
	label string    // what is being done: "ingest"
	total int
	start time.Time
	shown bool
}

// newProgress returns a bar on w for total items of the work label
// names, or one that draws nothing when w is no terminal or the run is
// short.
func (l *lede) newProgress(label string, total int) *progress {
	p := &progress{label: label, total: total, start: time.Now(), mark: l.mark}
	if tty, _ := l.terminal(l.stderr); tty && total > progressMin {
		p.w = l.stderr
	}
	return p
}

// draw shows that done inputs are handled.
func (p *progress) draw(done int) {
	if p.w == nil {
		return
	}
	fmt.Fprintf(p.w, "%s\r%s%s\x1b[K", p.mark, progressText(p.label, done, p.total, time.Since(p.start)), p.mark)
	p.shown = true
}

// clear removes the bar, leaving the cursor at the start of its line.
func (p *progress) clear() {
	if p.w == nil || !p.shown {
		return
	}
	fmt.Fprint(p.w, p.mark+"\r"+p.mark+"\x1b[K")
	p.shown = false
}

// progressText is the bar's text.
func progressText(label string, done, total int, elapsed time.Duration) string {
	pct := 0
	if total > 0 {
		pct = done * 100 / total
	}
	return fmt.Sprintf("%s  %d/%d  %d%%  %s/s", label, done, total, pct, rate(done, elapsed))
}

// rate is count per second, rounded for reading.
func rate(count int, elapsed time.Duration) string {
	s := elapsed.Seconds()
	if s <= 0 {
		return "-"
	}
	return fmt.Sprintf("%.0f", float64(count)/s)
}
