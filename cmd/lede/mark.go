package main

import (
	"bufio"
	"context"
	"fmt"
	"time"

	"github.com/urfave/cli/v2"

	"lede/store"
)

// markCommand is "lede mark": note that a version was used or
// published, so that "lede diff STORY --since-mark" and the web view show
// what changed since.
func (l *lede) markCommand() *cli.Command {
	var remove, asJSON bool
	return &cli.Command{
		Name:      "mark",
		Usage:     "mark a version as used or published, to see later what changed since",
		ArgsUsage: "[STORY[@REV] | REF...]",
		Description: `Mark the version a desk used or published: STORY alone marks its latest
version, STORY@N or a ref (r17) the one named. The mark is kept in the
database on the version itself (its ref), so it stays on the same text
when a late version renumbers the story or stories are merged or split;
lede rm takes it with the version. Marking a marked version again moves
its time. lede unmark (or mark --remove) takes a mark off.

Afterwards "lede diff STORY --since-mark" compares the story's last
marked version with its latest, and the web view's timeline shows the
mark and links the same comparison. With no argument, list the marked
versions, most recently marked first.

Examples:
   lede mark 220309-exit-polls-project-lee@2
   lede mark 220309-exit-polls-project-lee --json
   lede diff 220309-exit-polls-project-lee --since-mark
   lede unmark 220309-exit-polls-project-lee@2
   lede mark`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "remove", Aliases: []string{"r"}, Usage: "take the mark off instead (as lede unmark)", Destination: &remove},
			&cli.BoolFlag{Name: "json", Usage: `print [{"story", "rev", "ref", "marked", "marked_at", "was_marked", ...}]`, Destination: &asJSON},
		},
		OnUsageError: onUsageError("mark"),
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				if remove {
					return usagef("mark", "--remove needs the versions to unmark")
				}
				return l.listMarks(c.Context, asJSON)
			}
			return l.setMarks(c.Context, "mark", c.Args().Slice(), !remove, asJSON)
		},
	}
}

// unmarkCommand is "lede unmark": mark --remove.
func (l *lede) unmarkCommand() *cli.Command {
	var asJSON bool
	return &cli.Command{
		Name:      "unmark",
		Usage:     "take the mark off a version (see lede mark)",
		ArgsUsage: "STORY[@REV] | REF...",
		Description: `Take the mark off versions lede mark marked: STORY alone its latest
version, STORY@N or a ref the one named. A version without a mark stays
unmarked (not an error; the output says it was not marked).

Examples:
   lede unmark 220309-exit-polls-project-lee@2
   lede unmark r2 --json`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "json", Usage: `print [{"story", "rev", "ref", "marked", "was_marked", ...}]`, Destination: &asJSON},
		},
		OnUsageError: onUsageError("unmark"),
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef("unmark", "no version given (see 'lede mark' for the marked ones)")
			}
			return l.setMarks(c.Context, "unmark", c.Args().Slice(), false, asJSON)
		},
	}
}

// markJSON is one version in mark --json and unmark --json.
type markJSON struct {
	Story    string `json:"story"`
	Rev      int    `json:"rev"`
	Ref      string `json:"ref"`
	Label    string `json:"label"`
	Headline string `json:"headline"`
	Marked   bool   `json:"marked"`
	// MarkedAt is when, RFC 3339 in UTC; "" when not marked.
	MarkedAt string `json:"marked_at"`
	// WasMarked says the version was marked before the command.
	WasMarked bool `json:"was_marked"`
	// Latest says the version is its story's latest, so nothing changed
	// since it (yet).
	Latest bool `json:"latest"`
}

func markOf(s store.Story, v store.Version, was bool) markJSON {
	m := markJSON{Story: s.ID, Rev: v.Rev, Ref: v.Ref, Label: v.Label, Headline: v.Headline,
		Marked: v.Marked != 0, WasMarked: was, Latest: v.Rev == len(s.Versions)}
	if m.Marked {
		m.MarkedAt = v.MarkedAt().UTC().Format(time.RFC3339)
	}
	return m
}

// setMarks marks (on) or unmarks each version args name, in one write.
func (l *lede) setMarks(ctx context.Context, cmd string, args []string, on, asJSON bool) error {
	var refs []storyRef
	for _, a := range args {
		ref, err := parseRef(cmd, a, false)
		if err != nil {
			return err
		}
		refs = append(refs, ref)
	}
	var done []markJSON
	err := l.withWrite(ctx, cmd, func(db *store.DB) error {
		now := time.Now()
		for _, ref := range refs {
			var m store.Marking
			var err error
			if on {
				m, err = db.Mark(ref.story, ref.pick(), now)
			} else {
				m, err = db.Unmark(ref.story, ref.pick())
			}
			if err != nil {
				return refError(err)
			}
			done = append(done, markOf(m.Story, m.Version, m.Was))
		}
		return nil
	})
	if err != nil {
		return err
	}
	if asJSON {
		return l.writeJSON(done)
	}
	out := bufio.NewWriter(l.stdout)
	for _, m := range done {
		what := "marked"
		switch {
		case !on && m.WasMarked:
			what = "unmarked"
		case !on:
			what = "not marked"
		case m.WasMarked:
			what = "marked again"
		}
		fmt.Fprintf(out, "%-12s %s@%d %s  %s  %s\n", what, m.Story, m.Rev, m.Ref, orDash(m.Label), m.Headline)
		if on && !m.Latest {
			fmt.Fprintf(out, "             later versions came in: lede diff %s --since-mark\n", m.Story)
		}
	}
	return flushed(out)
}

// listMarks prints the marked versions, most recently marked first.
func (l *lede) listMarks(ctx context.Context, asJSON bool) error {
	var list []markJSON
	err := l.withRead(ctx, func(db *store.DB) error {
		marks, err := db.Marks()
		for _, m := range marks {
			list = append(list, markOf(m.Story, m.Version, true))
		}
		return err
	})
	if err != nil {
		return err
	}
	if asJSON {
		if list == nil {
			list = []markJSON{}
		}
		return l.writeJSON(list)
	}
	out := bufio.NewWriter(l.stdout)
	if len(list) == 0 {
		fmt.Fprintln(out, "no version is marked: lede mark STORY[@REV] marks one")
	}
	for _, m := range list {
		since := "latest"
		if !m.Latest {
			since = "changed since"
		}
		fmt.Fprintf(out, "%s  %s@%d %s  %s  %-13s  %s\n", m.MarkedAt, m.Story, m.Rev, m.Ref, orDash(m.Label), since, m.Headline)
	}
	return flushed(out)
}

// diffSinceMark is diff --since-mark STORY: the story's last marked
// version against its latest. When the mark is on the latest, nothing
// changed since: it says so on stderr and returns no comparison.
func (l *lede) diffSinceMark(ctx context.Context, args []string, opt diffOptions) (comparison, error) {
	if opt.all {
		return comparison{}, usagef("diff", "--since-mark and --all: pick one")
	}
	if len(args) != 1 {
		return comparison{}, usagef("diff", "--since-mark takes one story, got %d arguments", len(args))
	}
	ref, err := parseRef("diff", args[0], false)
	if err != nil {
		return comparison{}, err
	}
	if ref.story == "" || ref.hasVersion() {
		return comparison{}, usagef("diff", "--since-mark compares the story's marked version with its latest: give the story without @%s", ref.pick())
	}
	var old, new loaded
	err = l.withRead(ctx, func(db *store.DB) error {
		s, err := db.Story(ref.story)
		if err != nil {
			return refError(err)
		}
		mark, ok := s.LastMark()
		if !ok {
			return &cliError{code: 1, msg: fmt.Sprintf("story %s has no marked version", s.ID),
				hint: fmt.Sprintf("mark the version you used: lede mark %s@N (lede history %s lists them)", s.ID, s.ID)}
		}
		if old, err = loadStored(db, storyRef{story: s.ID, arrival: mark.Record.Arrival}); err != nil {
			return err
		}
		new, err = loadStored(db, storyRef{story: s.ID})
		return err
	})
	if err != nil {
		return comparison{}, err
	}
	if old.ref == new.ref {
		fmt.Fprintf(l.stderr, "lede: nothing new since the mark: %s (%s), marked %s, is the latest version\n",
			old.name, old.ref, old.version.MarkedAt().Format("2006-01-02 15:04"))
		return comparison{}, nil
	}
	return compare(old, new), nil
}
