package main

import (
	"bufio"
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"lede/intake"
	"lede/store"
)

// rmCommand is "lede rm": the fix when something was stored that should
// never have been, such as a file that was no wire page.
func (l *lede) rmCommand() *cli.Command {
	var asJSON, dryRun bool
	return &cli.Command{
		Name:      "rm",
		Usage:     "remove a story or one version of it",
		ArgsUsage: "STORY[@REV] | REF",
		Description: `Remove version REV of STORY, or with STORY alone the whole story, when it
should never have been stored (a file that was no wire page, a page fed to
the wrong database). Everything that names it goes with it: its stored
page, record and content hash (so the same page can be ingested again
later, as a new version), its index entries, its alert event and alerts
queued for it; the story's count, latest version and headline follow. The
version after it is compared with the one now before it, and its summary
stored anew. Removing a story's last version removes the story, with
its follows and mutes. lede history STORY lists what was removed and
when, and for a removed story says so.

A whole story is removed only by its full id (a prefix might name
another story than meant); a version may be named as everywhere else:
STORY@N, or by its ref, STORY@r81 or r81 alone, which keeps naming it
when a late version renumbers the story.
Nothing is asked: rm prints what it removed. --dry-run prints what it
would remove and changes nothing.

Examples:
   lede rm 220309-exit-polls-project-lee@2 --dry-run
   lede rm 220309-exit-polls-project-lee@2
   lede rm r82
   lede rm 230531-following-first-summary-major --json
   lede history 220309-exit-polls-project-lee`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "json", Usage: `print {"story", "removed", "versions_left", "story_removed", ...}`, Destination: &asJSON},
			&cli.BoolFlag{Name: "dry-run", Aliases: []string{"n"}, Usage: "print what would be removed and change nothing", Destination: &dryRun},
		},
		OnUsageError: onUsageError("rm"),
		Action: func(c *cli.Context) error {
			ref, err := oneRef("rm", c.Args().Slice(), false)
			if err != nil {
				return err
			}
			return l.rm(c.Context, ref, asJSON, dryRun)
		},
	}
}

// rmResult is rm --json: the removal, and the summary of the version
// that now follows the removed one's predecessor, when there is one.
type rmResult struct {
	store.Removal
	Next *rmNext `json:"next,omitempty"`
}

// rmNext is the version that took a removed version's place.
type rmNext struct {
	Rev     int    `json:"rev"`
	Summary string `json:"summary"`
}

func (l *lede) rm(ctx context.Context, ref storyRef, asJSON, dryRun bool) error {
	var res rmResult
	err := l.withWrite(ctx, "rm", func(db *store.DB) (err error) {
		opt := store.RemoveOptions{DryRun: dryRun}
		var s store.Story
		if ref.hasVersion() {
			// One version, by its ref wherever the user's @N or ref
			// puts it: resolved once, so nothing between can shift it.
			var v store.Version
			if s, v, err = locate(db, ref); err != nil {
				return err
			}
			res.Removal, err = db.RemoveArrival(v.Record.Arrival, opt)
		} else {
			if s, err = db.Story(ref.story); err != nil {
				return refError(err)
			}
			if s.ID != ref.story {
				return &cliError{code: 1, msg: fmt.Sprintf("%q is a prefix of %s: a whole story is removed only by its full id", ref.story, s.ID),
					hint: "lede rm " + s.ID}
			}
			res.Removal, err = db.Remove(s.ID, 0, opt)
		}
		if err != nil {
			return refError(err)
		}
		if dryRun || res.Whole {
			return nil
		}
		res.Next = l.resummarise(db, s.ID, res.Removed[0].Rev)
		return nil
	})
	if err != nil {
		return err
	}
	if asJSON {
		return l.writeJSON(res)
	}
	out := bufio.NewWriter(l.stdout)
	writeRemoval(out, res)
	return flushed(out)
}

// resummarise computes the summaries a removal left stale (the version
// after the removed one, now against another predecessor), stores them
// and returns the one now at rev. Summaries are derived data: a failure
// is a warning, and history computes what is missing.
func (l *lede) resummarise(db *store.DB, story string, rev int) *rmNext {
	pairs, err := db.StaleSummaries([]string{story})
	if err == nil {
		var sums []store.ComputedSummary
		sums, err = intake.ComputeSummaries(pairs, nil)
		if serr := db.SetSummaries(sums); err == nil {
			err = serr
		}
	}
	if err != nil {
		fmt.Fprintf(l.stderr, "lede: warning: update summaries not stored: %v\n", err)
	}
	s, err := db.Story(story)
	if err != nil || rev > len(s.Versions) || s.Versions[rev-1].Summary == nil {
		return nil
	}
	return &rmNext{Rev: rev, Summary: summaryText(*s.Versions[rev-1].Summary)}
}

// writeRemoval prints one line per removed version, then what became of
// the story.
func writeRemoval(w *bufio.Writer, res rmResult) {
	verb := "removed"
	if res.DryRun {
		verb = "would remove"
	}
	for _, t := range res.Removed {
		fmt.Fprintf(w, "%s  %s@%d  %s  %s\n", verb, res.Story, t.Rev, t.Ref, tombstoneText(t))
	}
	var also []string
	for _, n := range []struct {
		n         int
		one, many string
	}{{res.Alerts, "alert", "alerts"}, {res.Events, "alert event", "alert events"},
		{res.Watching, "follow or mute", "follows and mutes"}} {
		if n.n > 0 {
			also = append(also, plural(n.n, n.one, n.many))
		}
	}
	if len(also) > 0 {
		fmt.Fprintf(w, "%s with it: %s\n", verb, strings.Join(also, ", "))
	}
	switch {
	case res.Whole && res.DryRun:
		fmt.Fprintf(w, "%s would have no versions left: the story would be removed\n", res.Story)
	case res.Whole:
		fmt.Fprintf(w, "%s has no versions left: story removed ('lede history %s' says so)\n", res.Story, res.Story)
	case res.Next != nil:
		fmt.Fprintf(w, "%s keeps %s; @%d now follows @%d: %s\n", res.Story, plural(res.Left, "version", "versions"),
			res.Next.Rev, res.Next.Rev-1, res.Next.Summary)
	default:
		fmt.Fprintf(w, "%s keeps %s\n", res.Story, plural(res.Left, "version", "versions"))
	}
}

// removedWhen writes when a version was removed: "2026-12-04 19:13 UTC".
func removedWhen(t store.Tombstone) string {
	at, err := time.Parse(time.RFC3339, t.Removed)
	if err != nil {
		return t.Removed
	}
	return at.UTC().Format("2006-01-02 15:04 MST")
}

// tombstoneText describes a removed version: "(LEAD)  HEADLINE  (SOURCE)".
func tombstoneText(t store.Tombstone) string {
	var parts []string
	if t.Label != "" {
		parts = append(parts, "("+t.Label+")")
	}
	h := t.Headline
	if h == "" {
		h = "(no headline)"
	}
	return strings.Join(append(parts, h, "("+t.Source+")"), "  ")
}
