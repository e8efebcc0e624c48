package main

import (
	"bufio"
	"context"
	"fmt"

	"github.com/urfave/cli/v2"

	"lede/store"
)

// checkCommand is "lede check": is the database sound, after a crash or
// before trusting it with more.
func (l *lede) checkCommand() *cli.Command {
	var asJSON bool
	return &cli.Command{
		Name:  "check",
		Usage: "verify the database",
		Description: `Verify the database: bbolt's own check of the file's pages, then lede's
invariants (every version has its raw input, features and content hash;
every story's count, latest version and index entries match its versions;
merged stories are empty). Prints "ok: N stories, M revisions", or one line
per problem found.

Exit status: 0 sound, 1 problems found (or no database).

Examples:
   lede check
   lede --db backup.db check --json | jq .problems`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "json", Usage: `print {"ok", "stories", "revisions", "problems"}`, Destination: &asJSON},
		},
		OnUsageError: onUsageError("check"),
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("check", "unexpected argument %q", c.Args().First())
			}
			return l.check(c.Context, asJSON)
		},
	}
}

// checkResult is check --json.
type checkResult struct {
	OK        bool     `json:"ok"`
	Stories   int      `json:"stories"`
	Revisions int      `json:"revisions"`
	Problems  []string `json:"problems"`
}

func (l *lede) check(ctx context.Context, asJSON bool) error {
	var rep store.CheckReport
	err := l.withRead(ctx, func(db *store.DB) (err error) {
		rep, err = db.Check()
		return err
	})
	if err != nil {
		return err
	}
	res := checkResult{OK: len(rep.Problems) == 0, Stories: rep.Stories, Revisions: rep.Revisions,
		Problems: nonNil(rep.Problems)}
	if asJSON {
		if err := l.writeJSON(res); err != nil {
			return err
		}
	} else {
		out := bufio.NewWriter(l.stdout)
		for _, p := range res.Problems {
			fmt.Fprintln(out, "problem: "+p)
		}
		if res.OK {
			fmt.Fprintf(out, "ok: %s, %s\n", plural(res.Stories, "story", "stories"), plural(res.Revisions, "revision", "revisions"))
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
