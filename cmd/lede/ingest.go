package main

import (
	"context"
	"fmt"
	"time"

	"github.com/urfave/cli/v2"

	"lede/intake"
	"lede/revision"
	"lede/revision/wire"
	"lede/store"
)

// ingestOptions are the flags of lede ingest.
type ingestOptions struct {
	json     bool
	maxSize  int64
	batch    int
	noAlerts bool
	name     string // what standard input is named (--name)
}

// ingestCommand is "lede ingest": it stores pages and groups them into
// stories, the way everything else gets its data.
func (l *lede) ingestCommand() *cli.Command {
	opt := ingestOptions{batch: 500}
	maxSize := byteSize(revision.DefaultMaxInput)
	return &cli.Command{
		Name:      "ingest",
		Usage:     "store wire pages, grouped into stories",
		ArgsUsage: "PATH...",
		Description: `Read each PATH — a page, a directory (every file below it, in name order,
hidden files and directories skipped) or "-" for standard input — and store
it: as the first version of a new story, as an update of a story already
stored, or not at all when the same content is stored already (a duplicate).
Ingesting the same tree twice changes nothing.

An input can hold many items: a TREC day file of AP copy, a NewsML-G2
newsMessage, a JSON lines file (one item a line). Each item is a version
of its own, named SOURCE#ID by its own id (AP's DOCNO) or SOURCE#N (N
from 1); the store keeps each item's own bytes, so show and diff read it
alone, and a duplicate is a duplicate item. A bad item is an error line
and its neighbours are stored. An advisory (an item about another item,
such as an AP kill advisory) is never a version of the story it names:
it is a new entry of its own, linked to that story, and its line ends
"advisory about STORY" ("about" in JSON).

One line per item, in the order given, as each batch is stored:
   new-story  STORY@REV REF  (MARKER)  HEADLINE  (SOURCE)
   update     STORY@REV REF  (MARKER)  HEADLINE  (SOURCE)  CHANGES  [late: ...]
   duplicate  STORY@REV REF  SOURCE
   error      SOURCE: REASON
then a summary line. REV is the version's place in story order; REF (r17)
names it for good, for show, diff, split and links (with --json, "ref").
A version that lands before versions stored earlier (a LEAD after its 2nd
LD) moves them up one place: its line ends "late: arrived after @3;
versions renumbered" ("late" in JSON), and their refs still name them. CHANGES is what an update changed against the version
before it, as history shows it: "+5 ~2 -0, byline changed; note: 1
confirmed, 1 unverifiable; 1 unannounced" (paragraphs added, changed,
removed; the note check); lede diff shows the details. An input that cannot be read or parsed (binary, not
UTF-8, empty, over --max-size) is an error line and the rest is stored; so
is a FIFO, device or socket ("not a regular file (a FIFO)"), which is
never opened, so nothing waits for a writer. A
page cut off before (END), or inside its last character, is stored and
marked incomplete.

Items are stored in batches of --batch items, one transaction each (a
file of many items spans batches): a crash loses at most
the batch under way, and running the same command again completes the job.
Each batch is followed by a short transaction storing the summaries of the
updates it made; history computes any that a crash left missing.
The database is closed between batches so that other lede commands can
read it while a long ingest runs. On a terminal, a progress bar shows on
stderr for runs of more than 200 inputs; it counts inputs (files), as
the closing line does ("2 inputs, 225 items: ..."). Ctrl-C or SIGTERM stops after the
batch being stored, without waiting for a read still under way (a slow
file, standard input that does not end). Memory holds the batches under
way, not the run: inputs are listed as they are taken.

Once lede watch has run, every page stored raises its alerts (if the
rules pick it) at the next watch; --no-alerts stores a backfill of old
pages without.

Standard input is stored under the name "-" ("-#1" for the first item of
many); --name NAME names it as a file saved under NAME would be, so that
its source reads right in history and lede reads the Yonhap article id
from a name such as AEN20200202000652320.txt.

Exit status: 0 everything stored or duplicate, 1 some input failed, 2
usage error, 130 interrupted.

Examples:
   lede ingest testdata/yonhap/pages
   lede ingest ap890101 feed.jsonl newsMessage.xml
   lede ingest page.txt --json | jq -r 'select(.status == "error") | .error'
   lede --db ~/try.db ingest --batch 100 ~/wire/2020/
   lede ingest - < page.txt
   lede ingest --name AEN20200202000652320.txt - < page.txt`,
		Flags: []cli.Flag{
			&cli.BoolFlag{
				Name:        "json",
				Usage:       "print one JSON object per item and line (JSON lines); the closing tally goes to stderr",
				Destination: &opt.json,
			},
			&cli.GenericFlag{
				Name:  "max-size",
				Usage: "refuse files larger than `BYTES` (100, 512KiB, 8MiB, 8M; K/M/G are 1024-based)",
				Value: &maxSize,
			},
			&cli.IntFlag{
				Name:        "batch",
				Usage:       "store `N` items per transaction (a page is one item, a TREC day file hundreds)",
				Value:       opt.batch,
				Destination: &opt.batch,
			},
			&cli.StringFlag{
				Name:        "name",
				Usage:       "name standard input (-) `NAME`, as a file of that name would be",
				Destination: &opt.name,
			},
			&cli.BoolFlag{
				Name:        "no-alerts",
				Usage:       "raise no lede watch alerts for these inputs (a backfill of old pages)",
				Destination: &opt.noAlerts,
			},
		},
		OnUsageError: onUsageError("ingest"),
		Action: func(c *cli.Context) error {
			opt.maxSize = int64(maxSize)
			limitIngestMemory(opt.batch)
			return l.ingest(c.Context, c.Args().Slice(), opt)
		},
	}
}

// ingest stores the inputs named by paths batch by batch, through the
// intake's driver, and reports each batch as it is stored.
func (l *lede) ingest(ctx context.Context, paths []string, opt ingestOptions) error {
	switch {
	case len(paths) == 0:
		return usagef("ingest", "no paths given (use - to read standard input)")
	case count(paths, "-") > 1:
		return usagef("ingest", "standard input (-) given more than once")
	case opt.name != "" && count(paths, "-") == 0:
		return usagef("ingest", "--name names standard input: give - among the paths")
	case opt.batch < 1:
		return usagef("ingest", "--batch must be at least 1")
	}
	total, empty := intake.Count(paths)
	for _, dir := range empty {
		fmt.Fprintf(l.stderr, "lede: warning: %s holds no files to ingest\n", dir)
	}
	rep := l.newIngestReport(opt.json, total)
	err := l.ingestDriver(opt, rep).Run(ctx, intake.Each(paths))
	rep.finish()
	// A database that cannot be created would fail again: the error
	// says what to fix instead.
	if left := total - rep.done; left > 0 && err != nil && !mustFixFirst(err) {
		fmt.Fprintf(l.stderr, "lede: stopped with %d of %d inputs not stored; run the same command again to finish\n",
			left, total)
	}
	switch {
	case err != nil:
		return err
	case rep.tally[store.StatusError] > 0:
		return exitStatus(1)
	}
	return nil
}

// ingestDriver is the intake driver for lede ingest with these options,
// reporting to rep.
func (l *lede) ingestDriver(opt ingestOptions, rep *ingestReport) *intake.Driver {
	return &intake.Driver{
		Open: func(ctx context.Context) (*store.DB, error) {
			return l.openDB(ctx, store.Options{Holder: "lede ingest", NoEvents: opt.noAlerts})
		},
		Path:      l.db,
		Batch:     opt.batch,
		Stdin:     l.stdin,
		Wire:      wire.Options{MaxSize: opt.maxSize, StdinName: opt.name},
		Summaries: l.summaries(),
		Stored:    rep.add,
	}
}

// summaries is the summarise stage, warning on stderr.
func (l *lede) summaries() *intake.Summaries {
	l.sums.Warn = func(msg string) { fmt.Fprintf(l.stderr, "lede: warning: %s\n", msg) }
	return &l.sums
}

// elapsedText writes a duration for a summary line: "1.23s".
func elapsedText(d time.Duration) string {
	return fmt.Sprintf("%.2fs", d.Seconds())
}
