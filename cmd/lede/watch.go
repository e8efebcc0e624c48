package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/urfave/cli/v2"

	"lede/alert"
	"lede/intake/watch"
	"lede/revision"
	"lede/store"
)

// watchOptions are the flags of lede watch.
type watchOptions struct {
	once       bool
	on         string
	noLife     bool
	grep       string
	ignoreCase bool
	minAdded   int
	late       string
	settle     time.Duration
	incomplete time.Duration
	rescan     time.Duration
	backoff    time.Duration
	keepAlerts time.Duration
	batch      int
	maxSize    int64
	verbose    bool
	sinks      sinkOptions
}

// repeated is a flag that may be given many times; unlike urfave/cli's
// string slices it never splits a value at commas (a --exec command may
// hold some).
type repeated struct{ values *[]string }

// Set appends one value.
func (r repeated) Set(s string) error { *r.values = append(*r.values, s); return nil }

// String is the value as --help shows it: none by default.
func (r repeated) String() string { return "" }

// defaultWatchOptions are lede watch's defaults, for every command that
// runs a watcher.
func defaultWatchOptions() watchOptions {
	return watchOptions{on: "lead", late: string(revision.LateAlert), settle: 250 * time.Millisecond, incomplete: 5 * time.Second,
		rescan: 5 * time.Second, backoff: time.Second, keepAlerts: 30 * 24 * time.Hour, batch: 500,
		maxSize: revision.DefaultMaxInput}
}

// watchCommand is "lede watch": ingest pages as they arrive and alert on
// the ones the rules pick.
func (l *lede) watchCommand() *cli.Command {
	opt := defaultWatchOptions()
	maxSize := byteSize(opt.maxSize)
	return &cli.Command{
		Name:      "watch",
		Usage:     "ingest pages as they arrive in directories and alert on new leads",
		ArgsUsage: "DIR... (none with --once: only deliver)",
		Description: `Watch each DIR (and the directories below it) and ingest every page that
arrives there, as lede ingest would; pages already stored are duplicates.
A file is taken once its size has held still for --settle; names used
while writing before a rename (.name, name.tmp, name.part) are skipped; a
page still cut off before (END) waits up to --incomplete for its writer to
finish. The directories are also rescanned every --rescan, so nothing is
missed after a burst, a restart or on file systems without change events.

An alert is raised for each revision the rules pick. By default that is a
new lead: a version higher than any before it in its story. --on picks
others (new-story, lead, urgent, correction, kill, figures: an update that
changed a figure such as a death toll, any; comma-separated, any of them); --grep (headline or body) and --min-added must hold as well;
lede follow limits alerts to the stories and topics followed, lede mute
silences a story. A kill is an item the agency killed or withdrew
(NewsML-G2 or ninjs canceled, NITF management-status, a kill signal); a
correction is CORRECTED, CORRECTIVE, a note that CORRECTS, or the agency's
correction signal. Whatever --on says, a kill or correction of a story
that already raised an alert (one still stored: see --keep-alerts) raises
one too, --grep and --min-added aside, since whoever was told of the
story must hear it was pulled or put right; --no-lifecycle turns that
off. An advisory (an item about another item) is never a lead or a new
story; its alert names the story it is about ("about"), whose follows,
mutes and alerts count for it, so a kill advisory of a story alerted on
raises a kill alert. An alert gives the agency and item id, status and signals, the
story, marker, headline, date, note, what the update added and changed
(paragraphs with their numbers), the note check and the lede diff command
that shows the rest, by the versions' refs (lede diff r12 r15), which keep naming them whatever arrives later.

A late version is one stored after versions that follow it in story
order: a LEAD that comes after its 2nd LD takes @2 and moves the 2nd LD to
@3. By default (--late alert) the rules judge it as if it had arrived in
story order: the LEAD is still the story's first lead and raises an alert,
marked "late" (its JSON has "late": "arrived after @3; versions
renumbered") and compared with the version before it in story order.
--late skip raises no alert for late versions.

Alerts go to the terminal (unless --quiet or --jsonl -) and to every
--jsonl FILE, --exec CMD (the alert's JSON on its standard input, one
process per alert), --webhook URL (a POST of the JSON) and --notify URL
(chat and mail through shoutrrr: slack://, discord://, telegram://,
teams://, smtp://, ntfy://, generic://...; see https://shoutrrr.nickfedor.com).
Each flag may be repeated.

Delivery is durable: the event behind an alert is stored in the same
transaction as its revision, and every sink gets every alert at least
once and in order. A sink that fails is retried after --backoff, doubling
up to 5m, and holds its later alerts meanwhile; a sink that refuses an
alert for good (HTTP 4xx) is recorded as failed and goes on. After a crash
or a restart, watch resumes where it was; each alert has a stable id
(also sent as the Idempotency-Key header) for receivers to drop repeats.
lede alerts shows the delivery state; lede alerts --retry resends failures.
Alerts every sink is done with are deleted after --keep-alerts (30 days;
0 keeps them); the stories and revisions stay.
Alerts start with the first watch: pages stored before it raise none, and
pages lede ingest stores while no watch runs raise theirs at the next.

The database is held only for a moment per batch, so lede stories,
history, diff and alerts work from another terminal meanwhile. Ctrl-C
stops after the batch under way, with nothing half-stored.

Exit status: --once gives 0 when every page was stored and every alert
sent, 1 otherwise: also while any alert stored before is still waiting to
be sent or failed, which it then counts on stderr ("1 delivery still
waiting to be sent"); without --once, Ctrl-C ends it with 130.

Examples:
   lede watch ~/wire/incoming
   lede watch ~/wire --on lead,urgent --grep '(?i)korea' --min-added 2
   lede watch ~/wire --on kill,correction   # every kill and correction, alerted on before or not
   lede watch ~/wire --late skip    # no alert for a version that comes late
   lede watch ~/wire --webhook https://example.org/hooks/lede --quiet
   lede watch ~/wire --notify 'slack://hook:T00000000-B00000000-XXXXXXXXXXXXXXXXXXXXXXXX@webhook' --notify 'ntfy://ntfy.sh/desk'
   lede watch ~/wire --exec 'jq -r .headline >> ~/leads.txt' --jsonl ~/alerts.jsonl
   lede watch ~/wire --once          # from cron: take what is there, deliver, exit
   lede watch --once --webhook https://example.org/hooks/lede   # only deliver what is due`,
		Flags: append([]cli.Flag{
			&cli.BoolFlag{Name: "once", Usage: "take the files there now, deliver the alerts due, and exit", Destination: &opt.once},
		}, watchFlags(&opt, &maxSize)...),
		OnUsageError: onUsageError("watch"),
		Action: func(c *cli.Context) error {
			opt.maxSize = int64(maxSize)
			return l.watch(c.Context, c.Args().Slice(), opt)
		},
	}
}

// watchFlags are the rule, sink and tuning flags of lede watch, which
// lede serve --watch takes too. They fill opt, and maxSize for --max-size.
func watchFlags(opt *watchOptions, maxSize *byteSize) []cli.Flag {
	so := &opt.sinks
	return []cli.Flag{
		&cli.StringFlag{Name: "on", Usage: "alert on `KINDS`: new-story, lead, urgent, correction, kill, figures, any (comma-separated)", Value: opt.on, Destination: &opt.on},
		&cli.BoolFlag{Name: "no-lifecycle", Usage: "no kill or correction alert for a story already alerted on, unless --on names it", Destination: &opt.noLife},
		&cli.StringFlag{Name: "grep", Usage: "alert only when headline or body matches `REGEX`", Destination: &opt.grep},
		&cli.BoolFlag{Name: "ignore-case", Aliases: []string{"i"}, Usage: "match --grep regardless of case", Destination: &opt.ignoreCase},
		&cli.IntFlag{Name: "min-added", Usage: "alert only when the update added at least `N` paragraphs", Destination: &opt.minAdded},
		&cli.StringFlag{Name: "late", Usage: "a version stored after later ones (a LEAD after its 2nd LD): `alert` as if it came in order, marked late, or skip", Value: opt.late, Destination: &opt.late},
		&cli.GenericFlag{Name: "jsonl", Usage: "append each alert's JSON to `FILE` (- for stdout); repeatable", Value: repeated{&so.jsonl}},
		&cli.GenericFlag{Name: "exec", Usage: "run `CMD` per alert with its JSON on stdin; repeatable", Value: repeated{&so.execs}},
		&cli.GenericFlag{Name: "webhook", Usage: "POST each alert's JSON to `URL`; repeatable", Value: repeated{&so.webhook}},
		&cli.GenericFlag{Name: "notify", Usage: "send each alert to a shoutrrr `URL` (Slack, Discord, Telegram, Teams, SMTP...); repeatable", Value: repeated{&so.notify}},
		&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "no alert lines on the terminal", Destination: &so.quiet},
		&cli.BoolFlag{Name: "verbose", Aliases: []string{"v"}, Usage: "print a line on stderr for every page taken", Destination: &opt.verbose},
		&cli.DurationFlag{Name: "settle", Usage: "take a file once it has not changed for `DURATION`", Value: opt.settle, Destination: &opt.settle},
		&cli.DurationFlag{Name: "incomplete", Usage: "wait up to `DURATION` for a cut-off page's writer to finish", Value: opt.incomplete, Destination: &opt.incomplete},
		&cli.DurationFlag{Name: "rescan", Usage: "rescan the directories every `DURATION`", Value: opt.rescan, Destination: &opt.rescan},
		&cli.DurationFlag{Name: "backoff", Usage: "first retry of a failed sink after `DURATION`, doubling up to 5m", Value: opt.backoff, Destination: &opt.backoff},
		&cli.DurationFlag{Name: "keep-alerts", Usage: "delete sent alerts older than `DURATION` (0: keep all)", Value: opt.keepAlerts, Destination: &opt.keepAlerts},
		&cli.IntFlag{Name: "batch", Usage: "store at most `N` pages per transaction", Value: opt.batch, Destination: &opt.batch},
		&cli.GenericFlag{Name: "max-size", Usage: "refuse files larger than `BYTES`", Value: maxSize},
	}
}

// watchRules reads the rule flags.
func watchRules(opt watchOptions) (revision.Rules, error) {
	var r revision.Rules
	kinds, err := revision.ParseAlertKinds(opt.on)
	if err != nil {
		return r, usagef("watch", "--on: %v", err)
	}
	r.Kinds, r.MinAdded, r.NoLifecycle = kinds, opt.minAdded, opt.noLife
	if r.Late, err = revision.ParseLatePolicy(opt.late); err != nil {
		return r, usagef("watch", "--late: %v", err)
	}
	if opt.minAdded < 0 {
		return r, usagef("watch", "--min-added must not be negative")
	}
	if opt.grep != "" {
		expr := opt.grep
		if opt.ignoreCase {
			expr = "(?i)" + expr
		}
		if r.Grep, err = regexp.Compile(expr); err != nil {
			return r, usagef("watch", "--grep: %v", err)
		}
	}
	return r, nil
}

// watch checks the command line, enables alerts in the database and runs
// the watch loop.
func (l *lede) watch(ctx context.Context, dirs []string, opt watchOptions) error {
	if len(dirs) == 0 && !opt.once {
		return usagef("watch", "no directory given (only --once may go without, to deliver what is due)")
	}
	if opt.batch < 1 || opt.settle < 0 || opt.rescan <= 0 || opt.backoff <= 0 || opt.keepAlerts < 0 {
		return usagef("watch", "--batch, --rescan and --backoff must be positive, --settle and --keep-alerts not negative")
	}
	for _, d := range dirs {
		if st, err := os.Stat(d); err != nil {
			return &cliError{code: 2, msg: fmt.Sprintf("cannot watch %s: %s", d, pathProblem(d, err)), hint: "lede watch takes directories that exist"}
		} else if !st.IsDir() {
			return &cliError{code: 2, msg: fmt.Sprintf("%s is a file, not a directory", d), hint: "lede watch takes directories; lede ingest takes files"}
		}
	}
	rules, err := watchRules(opt)
	if err != nil {
		return err
	}
	var stdoutMu sync.Mutex
	sinks, err := l.sinks(opt.sinks, &stdoutMu)
	if err != nil {
		return err
	}
	var dbID string
	err = l.withWrite(ctx, "watch", func(db *store.DB) error {
		dbID, err = db.EnableAlerts()
		return err
	})
	if err != nil {
		return err
	}
	// After the database exists, for the lock is on the file itself.
	unlock, err := watch.Lock(l.db)
	if err != nil {
		return lockError(err)
	}
	defer unlock()
	del := alert.NewDeliverer(sinks, opt.backoff, l.stderr)
	var names []string
	for _, s := range sinks {
		names = append(names, s.Info().Kind+" "+s.Info().Name)
	}
	if len(names) == 0 {
		names = []string{"nowhere (--quiet and no other sink): alerts are only stored"}
	}
	watching := "watching " + strings.Join(dirs, ", ")
	if len(dirs) == 0 { // --once without a directory: events already stored
		watching = "no directory to watch, raising and delivering the alerts due"
	}
	fmt.Fprintf(l.stderr, "lede: %s for %s; alerts to %s\n", watching, describeRules(rules), strings.Join(names, ", "))
	stats, err := watch.Run(ctx, watch.Config{
		Dirs: dirs, Once: opt.once, Rules: rules, DBID: dbID, DBFlag: l.dbFlag(),
		Path: l.db,
		Open: func(ctx context.Context) (*store.DB, error) {
			return l.openWrite(ctx, "watch")
		},
		OpenRead:  l.openRead,
		Deliverer: del,
		Summaries: l.summaries(),
		Report:    watchReport{stderr: l.stderr, verbose: opt.verbose},
		Settle:    opt.settle, Incomplete: opt.incomplete, Rescan: opt.rescan, KeepAlerts: opt.keepAlerts,
		Batch: opt.batch, MaxSize: opt.maxSize,
	})
	watchSummary(l.stderr, stats)
	if err == nil && opt.once {
		if left, cerr := l.undelivered(ctx); cerr != nil {
			return cerr
		} else if left {
			return exitStatus(1)
		}
	}
	if err == nil && stats.Failed() {
		return exitStatus(1)
	}
	return err
}

// undelivered says on stderr how many alerts are still waiting to be
// sent or failed for good once a watch --once is done, and reports
// whether there are any: cron must hear of alerts that did not go out.
func (l *lede) undelivered(ctx context.Context) (bool, error) {
	var waiting, failed int
	err := l.withRead(ctx, func(db *store.DB) (err error) {
		waiting, failed, err = db.Undelivered()
		return err
	})
	if err != nil || waiting+failed == 0 {
		return false, err
	}
	var parts []string
	if waiting > 0 {
		parts = append(parts, plural(waiting, "delivery", "deliveries")+" still waiting to be sent")
	}
	if failed > 0 {
		parts = append(parts, plural(failed, "delivery", "deliveries")+" failed (lede alerts --retry sends again)")
	}
	fmt.Fprintf(l.stderr, "lede: watch --once: %s; see 'lede alerts'\n", strings.Join(parts, ", "))
	return true, nil
}

// lockError is the error of a watch that cannot take the watch lock.
func lockError(err error) error {
	var busy *watch.BusyError
	if errors.As(err, &busy) {
		return &cliError{code: 1, msg: busy.Error(),
			hint: "one watch per database delivers its alerts; stop the other first"}
	}
	return err
}

// describeRules says in words what the rules alert on.
func describeRules(r revision.Rules) string {
	var kinds []string
	for _, k := range r.Kinds {
		kinds = append(kinds, string(k))
	}
	s := strings.Join(kinds, " or ")
	if r.Grep != nil {
		s += " matching " + r.Grep.String()
	}
	if r.MinAdded > 0 {
		s += fmt.Sprintf(" adding %d+ paragraphs", r.MinAdded)
	}
	if r.Late == revision.LateSkip {
		return s + ", late versions skipped"
	}
	return s + ", late versions marked late"
}

// dbFlag is the --db option a command printed for the user needs: none
// for the default database.
func (l *lede) dbFlag() string {
	if l.db == defaultDBPath(l.getenv) {
		return ""
	}
	return " --db " + shellQuote(l.db)
}

// shellQuote quotes s for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./:@+=,") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
