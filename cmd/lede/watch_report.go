package main

import (
	"fmt"
	"io"
	"time"

	"lede/intake"
	"lede/intake/watch"
	"lede/revision"
	"lede/store"
)

// watchReport prints what a watch tells on stderr: warnings, and with
// --verbose a line for every page taken and every deletion of old
// alerts.
type watchReport struct {
	stderr  io.Writer
	verbose bool
}

// Warn prints a problem the watch works around.
func (r watchReport) Warn(msg string) {
	fmt.Fprintf(r.stderr, "lede: warning: %s\n", msg)
}

// Taken prints an item that failed, and with --verbose the others.
func (r watchReport) Taken(res store.Result) {
	switch {
	case res.Status == store.StatusError:
		r.Warn(fmt.Sprintf("%s: %s", res.Source, intake.Reason(res.Err)))
	case r.verbose:
		late := ""
		if res.Late > 0 {
			late = "  late: " + revision.LateText(res.Late)
		}
		fmt.Fprintf(r.stderr, "lede: %-9s %s@%d %s  %s%s\n", res.Status, res.Story, res.Rev, res.Ref, res.Source, late)
	}
}

// Pruned prints, with --verbose, how many old alerts were deleted.
func (r watchReport) Pruned(n int, keep time.Duration) {
	if r.verbose {
		fmt.Fprintf(r.stderr, "lede: deleted %d alerts older than %s\n", n, keep)
	}
}

// watchSummary says on stderr what the run did.
func watchSummary(stderr io.Writer, s watch.Stats) {
	t := s.Tally
	fmt.Fprintf(stderr, "lede: watch: %s taken: %s, %s, %s, %s; %s raised, %s, %s\n",
		plural(s.Taken(), "page", "pages"),
		plural(t[store.StatusNewStory], "new story", "new stories"), plural(t[store.StatusUpdate], "update", "updates"),
		plural(t[store.StatusDuplicate], "duplicate", "duplicates"), plural(t[store.StatusError], "error", "errors"),
		plural(s.Alerts, "alert", "alerts"), plural(s.Sent, "delivery", "deliveries"),
		plural(s.Failures, "failed attempt", "failed attempts"))
}
