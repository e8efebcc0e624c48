package main

import (
	"bufio"
	"context"
	"fmt"

	"github.com/urfave/cli/v2"

	"lede/revision"
	"lede/revision/wire"
	"lede/store"
)

// checkCommand is "lede check": is the database sound, after a crash or
// before trusting it with more.
func (l *lede) checkCommand() *cli.Command {
	var asJSON, summaries, fix bool
	return &cli.Command{
		Name:  "check",
		Usage: "verify the database",
		Description: `Verify the database: bbolt's own check of the file's pages, then lede's
invariants (every version has its raw input, features and content hash;
every story's count, latest version, index entries and listing record
match its versions; merged and removed stories are empty). Prints "ok: N stories, M revisions", or one line
per problem found.

--summaries also diffs every update again and compares the result with the
summary stored at ingest (+added ~changed -removed, note check): a summary
can be missing after a crash, or counted by an older lede. That reads every
stored page, a few minutes for a million revisions, during which writers
wait.

--fix repairs what can be rebuilt from what is stored: index entries a
version lacks (an older lede lost some when a split or a displaced version
moved out of a story, leaving the rest harder to find); dates that do not
exist (2022-02-30, or a year-less Feb. 29 filed under 2023-02-29, as an
older lede stored them), read again from the stored page, where an
impossible date counts as unknown, and the version filed anew in its
story; listing records (what lede stories reads) that do not match their
stories' records, rebuilt from them; and with --summaries the summaries
the diff gives now.

Exit status: 0 sound (or everything found fixed), 1 problems found (or no
database).

Examples:
   lede check
   lede check --summaries
   lede check --fix
   lede check --summaries --fix
   lede --db backup.db check --json | jq .problems`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "json", Usage: `print {"ok", "stories", "revisions", "problems"}`, Destination: &asJSON},
			&cli.BoolFlag{Name: "summaries", Usage: "also diff every update again and compare it with its stored summary", Destination: &summaries},
			&cli.BoolFlag{Name: "fix", Usage: "repair missing index entries, impossible dates and stale listing records (and with --summaries, summaries)", Destination: &fix},
		},
		OnUsageError: onUsageError("check"),
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("check", "unexpected argument %q", c.Args().First())
			}
			return l.check(c.Context, asJSON, summaries, fix)
		},
	}
}

// checkResult is check --json.
type checkResult struct {
	OK        bool     `json:"ok"`
	Stories   int      `json:"stories"`
	Revisions int      `json:"revisions"`
	Problems  []string `json:"problems"`
	// With --summaries: the updates diffed again, and with --fix the
	// summaries stored anew (their problems are then not counted).
	Updates int      `json:"updates_checked,omitempty"`
	Fixed   []string `json:"fixed,omitempty"`
}

// rereadDate is the date today's parser reads in a stored page, unknown
// when the page no longer parses: what check --fix gives a revision an
// older lede stored with an impossible date.
func rereadDate(source string, raw []byte) revision.Date {
	r, err := wire.Reparse(source, source, raw)
	if err != nil {
		return revision.Date{}
	}
	return r.Date
}

func (l *lede) check(ctx context.Context, asJSON, summaries, fix bool) error {
	var rep store.CheckReport
	err := l.withRead(ctx, func(db *store.DB) (err error) {
		rep, err = db.Check()
		return err
	})
	if err != nil {
		return err
	}
	res := checkResult{Stories: rep.Stories, Revisions: rep.Revisions, Problems: nonNil(rep.Problems)}
	if fix && (len(rep.Unfiled) > 0 || len(rep.BadDates) > 0 || len(rep.StaleListings) > 0) {
		unfiled, dated, stale := rep.Unfiled, rep.BadDates, rep.StaleListings
		err := l.withWrite(ctx, "check --fix", func(db *store.DB) error {
			if err := db.RepairDates(dated, rereadDate); err != nil {
				return err
			}
			if err := db.RebuildListings(stale); err != nil {
				return err
			}
			return db.Refile(unfiled)
		})
		if err != nil {
			return err
		}
		// Check again: what is left is what --fix cannot repair.
		if err := l.withRead(ctx, func(db *store.DB) (err error) { rep, err = db.Check(); return err }); err != nil {
			return err
		}
		if len(dated) > 0 {
			res.Fixed = append(res.Fixed, fmt.Sprintf("read the date of %s again from the stored page and filed it anew", plural(len(dated), "revision", "revisions")))
		}
		if len(stale) > 0 {
			res.Fixed = append(res.Fixed, fmt.Sprintf("rebuilt the listing records of %s from their records", plural(len(stale), "story", "stories")))
		}
		if len(unfiled) > 0 {
			res.Fixed = append(res.Fixed, fmt.Sprintf("filed the index terms of %s again", plural(len(unfiled), "revision", "revisions")))
		}
		res.Problems = nonNil(rep.Problems)
	}
	if summaries && len(rep.Problems) == 0 {
		// Every revision but the first of its story is an update.
		sc, err := l.checkSummaries(ctx, rep.Revisions-rep.Stories)
		if err != nil {
			return err
		}
		res.Updates = sc.updates
		res.Problems = append(res.Problems, sc.problems...)
		if fix && len(sc.fixes) > 0 {
			if err := l.withWrite(ctx, "check --fix", func(db *store.DB) error { return db.SetSummaries(sc.fixes) }); err != nil {
				return err
			}
			res.Fixed = sc.wrong
		} else {
			res.Problems = append(res.Problems, sc.wrong...)
		}
	}
	res.OK = len(res.Problems) == 0
	if asJSON {
		if err := l.writeJSON(res); err != nil {
			return err
		}
	} else {
		out := bufio.NewWriter(l.stdout)
		for _, p := range res.Fixed {
			fmt.Fprintln(out, "fixed: "+p)
		}
		for _, p := range res.Problems {
			fmt.Fprintln(out, "problem: "+p)
		}
		if res.OK {
			fmt.Fprintf(out, "ok: %s, %s", plural(res.Stories, "story", "stories"), plural(res.Revisions, "revision", "revisions"))
			if summaries {
				fmt.Fprintf(out, ", %s diffed again", plural(res.Updates, "update", "updates"))
			}
			fmt.Fprintln(out)
		}
		if err := flushed(out); err != nil {
			return err
		}
	}
	if !res.OK {
		return &cliError{code: 1, msg: fmt.Sprintf("%s: %s found", l.db, plural(len(res.Problems), "problem", "problems"))}
	}
	return nil
}
