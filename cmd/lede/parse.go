package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/urfave/cli/v2"

	"lede/intake"
	"lede/revision"
	"lede/revision/wire"
)

// parseCommand is "lede parse": it shows what lede reads in each page,
// the first thing to check when a page is grouped or diffed wrongly.
func (l *lede) parseCommand() *cli.Command {
	var (
		asJSON    bool
		stdinName string
	)
	maxSize := byteSize(revision.DefaultMaxInput)
	return &cli.Command{
		Name:      "parse",
		Usage:     "show what lede reads in wire pages",
		ArgsUsage: "FILE...",
		Description: `Parse each FILE ("-" reads standard input) and print what lede reads in
it: version marker, headline, editor's note and its actions, byline,
dateline, the numbered paragraphs (para 1 is the lead), captions and
sign-off. Text after (END) is page furniture and only counted.

Dates must exist: a date line, web date stamp or dateline date that is
not a real calendar date (2022-02-30, October 47, Feb. 29 of 2023) is
ignored, the page's other dates are used if it has any, else the date is
unknown; a "warning" line (in --json, "warnings") says what was ignored.

A file that cannot be parsed is reported on stderr and the others are
still printed. Exit status: 0 all parsed, 1 some failed, 2 usage error.
Flags may come before or after the files; global options (--db, --color)
may be given here too.

Examples:
   lede parse page.txt
   lede parse testdata/yonhap/pages/*.txt --json > revisions.json
   lede parse --max-size 64KiB - < page.txt
   lede parse --json page.txt | jq '.[0].paragraphs | length'`,
		Flags: []cli.Flag{
			&cli.BoolFlag{
				Name:        "json",
				Usage:       "print a JSON array with one revision object per parsed file",
				Destination: &asJSON,
			},
			&cli.GenericFlag{
				Name:  "max-size",
				Usage: "refuse files larger than `BYTES` (100, 512KiB, 8MiB, 8M; K/M/G are 1024-based)",
				Value: &maxSize,
			},
			&cli.StringFlag{
				Name:        "name",
				Usage:       "name standard input (-) `NAME`, as a file of that name would be",
				Destination: &stdinName,
			},
		},
		OnUsageError: onUsageError("parse"),
		Action: func(c *cli.Context) error {
			tuneOneShotGC()
			files := c.Args().Slice()
			if stdinName != "" && count(files, "-") == 0 {
				return usagef("parse", "--name names standard input: give - among the files")
			}
			return l.parse(c.Context, files, asJSON, wire.Options{MaxSize: int64(maxSize), Streams: true, StdinName: stdinName})
		},
	}
}

// parse parses files in order. Failures are reported one per line and do
// not stop the batch; the exit status says whether any happened.
func (l *lede) parse(ctx context.Context, files []string, asJSON bool, opt wire.Options) error {
	if len(files) == 0 {
		return usagef("parse", "no files given (use - to read standard input)")
	}
	if count(files, "-") > 1 {
		return usagef("parse", "standard input (-) given more than once")
	}
	out := bufio.NewWriter(l.stdout)
	st := l.style()
	revs := []*revision.Revision{}
	failed, shown := 0, 0
	for _, path := range files {
		// One file at a time, named by the user: a pipe such as <(curl ...)
		// is read as cat would.
		items, err := wire.ParseFileItems(path, l.stdin, opt)
		if ctx.Err() != nil {
			// Interrupted, possibly mid-read: the result is not trusted.
			return ctx.Err()
		}
		if err != nil {
			items = []wire.Item{{Source: path, Err: err}}
		}
		for _, it := range items {
			if it.Err != nil {
				failed++
				fmt.Fprintf(l.stderr, "lede: error: %s\n", fileError(it.Source, it.Err))
				continue
			}
			if asJSON {
				revs = append(revs, it.Rev)
				continue
			}
			if shown > 0 {
				fmt.Fprintln(out)
			}
			shown++
			writeRevision(out, it.Rev, st)
			// Flush per item so stdout and stderr interleave in order.
			if err := out.Flush(); err != nil {
				return fmt.Errorf("writing output: %w", err)
			}
		}
	}
	if asJSON {
		b, err := json.MarshalIndent(revs, "", "  ")
		if err != nil {
			return fmt.Errorf("encoding JSON: %w", err)
		}
		out.Write(append(b, '\n'))
	}
	if err := out.Flush(); err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	if failed > 0 {
		return exitStatus(1)
	}
	return nil
}

// fileError words a failure to read or parse one file as "<file>:
// <reason>", naming standard input in words.
func fileError(path string, err error) string {
	source := path
	var we *wire.Error
	if errors.As(err, &we) {
		source = we.Source
	}
	if source == "-" {
		source = "standard input"
	}
	return source + ": " + intake.Reason(err)
}

func count(list []string, s string) int {
	n := 0
	for _, x := range list {
		if x == s {
			n++
		}
	}
	return n
}
