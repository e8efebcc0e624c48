package main

import (
	"bufio"
	"context"
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"lede/store"
)

// followCommand is "lede follow": limit alerts to some stories and
// topics.
func (l *lede) followCommand() *cli.Command {
	var grep []string
	var remove, asJSON bool
	return &cli.Command{
		Name:      "follow",
		Usage:     "alert only on the stories and topics followed",
		ArgsUsage: "[STORY...]",
		Description: `Follow stories (by id or unambiguous prefix) or topics (--grep, a Go regular
expression matched against each new version's headline and body). While
anything is followed, lede watch alerts only on followed stories and on
versions a followed expression matches; with nothing followed it alerts
on every story. Mutes (lede mute) win over follows. Follows are stored in
the database, so every watch, now or later, uses them; a followed story
stays followed when it is merged into another.

With no STORY and no --grep, list what is followed and muted.

Examples:
   lede follow 200202-s-korea-reports-3
   lede follow --grep '(?i)missile|nuclear'
   lede follow --remove 200202-s
   lede follow --json`,
		Flags: []cli.Flag{
			&cli.GenericFlag{Name: "grep", Usage: "follow versions whose headline or body matches `REGEX`; repeatable", Value: repeated{&grep}},
			&cli.BoolFlag{Name: "remove", Aliases: []string{"r"}, Usage: "stop following instead", Destination: &remove},
			&cli.BoolFlag{Name: "json", Usage: "print the list of follows and mutes as JSON (after any change)", Destination: &asJSON},
		},
		OnUsageError: onUsageError("follow"),
		Action: func(c *cli.Context) error {
			stories := c.Args().Slice()
			if len(stories) == 0 && len(grep) == 0 {
				return l.listWatchlist(c.Context, asJSON)
			}
			out := l.changeReport(asJSON)
			err := l.withWrite(c.Context, "follow", func(db *store.DB) error {
				for _, ref := range stories {
					id, err := db.SetFollow(ref, !remove)
					if err != nil {
						return refError(err)
					}
					fmt.Fprintf(out, "%s %s\n", verb(remove, "following", "no longer following"), id)
				}
				for _, g := range grep {
					if err := db.SetFollowGrep(g, !remove); err != nil {
						return usagef("follow", "--grep %s: %v", g, err)
					}
					fmt.Fprintf(out, "%s /%s/\n", verb(remove, "following", "no longer following"), g)
				}
				return nil
			})
			if err != nil || !asJSON {
				return err
			}
			return l.listWatchlist(c.Context, true)
		},
	}
}

// muteCommand is "lede mute": never alert on some stories.
func (l *lede) muteCommand() *cli.Command {
	var remove, asJSON bool
	return &cli.Command{
		Name:      "mute",
		Usage:     "never alert on a story",
		ArgsUsage: "[STORY...]",
		Description: `Mute stories (by id or unambiguous prefix): lede watch raises no alert for
them, whatever the rules and follows say. Stored in the database. With no
STORY, list what is followed and muted.

Examples:
   lede mute 230913-north-korean-leader-kim
   lede mute --remove 230913-n`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "remove", Aliases: []string{"r"}, Usage: "unmute instead", Destination: &remove},
			&cli.BoolFlag{Name: "json", Usage: "print the list of follows and mutes as JSON (after any change)", Destination: &asJSON},
		},
		OnUsageError: onUsageError("mute"),
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return l.listWatchlist(c.Context, asJSON)
			}
			out := l.changeReport(asJSON)
			err := l.withWrite(c.Context, "mute", func(db *store.DB) error {
				for _, ref := range c.Args().Slice() {
					id, err := db.SetMute(ref, !remove)
					if err != nil {
						return refError(err)
					}
					fmt.Fprintf(out, "%s %s\n", verb(remove, "muted", "unmuted"), id)
				}
				return nil
			})
			if err != nil || !asJSON {
				return err
			}
			return l.listWatchlist(c.Context, true)
		},
	}
}

// changeReport is where follow and mute report each change: stdout, or
// nowhere with --json, which prints the whole list afterwards instead.
func (l *lede) changeReport(asJSON bool) io.Writer {
	if asJSON {
		return io.Discard
	}
	return l.stdout
}

func verb(remove bool, on, off string) string {
	if remove {
		return off
	}
	return on
}

// listWatchlist prints the follows and mutes.
func (l *lede) listWatchlist(ctx context.Context, asJSON bool) error {
	var wl store.Watchlist
	err := l.withRead(ctx, func(db *store.DB) error {
		var err error
		wl, err = db.Watchlist()
		return err
	})
	if err != nil {
		return err
	}
	if asJSON {
		for _, p := range []*[]store.WatchedStory{&wl.Follow, &wl.Mute} {
			if *p == nil {
				*p = []store.WatchedStory{}
			}
		}
		if wl.Grep == nil {
			wl.Grep = []string{}
		}
		return l.writeJSON(wl)
	}
	out := bufio.NewWriter(l.stdout)
	if len(wl.Follow)+len(wl.Grep)+len(wl.Mute) == 0 {
		fmt.Fprintln(out, "nothing followed or muted: lede watch alerts on every story")
	}
	for _, s := range wl.Follow {
		fmt.Fprintf(out, "follow  %s\n", s.ID)
	}
	for _, g := range wl.Grep {
		fmt.Fprintf(out, "follow  /%s/\n", g)
	}
	for _, s := range wl.Mute {
		fmt.Fprintf(out, "mute    %s\n", s.ID)
	}
	return flushed(out)
}
