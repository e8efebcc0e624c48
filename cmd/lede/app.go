package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"lede/intake"
)

// env is what lede takes from its process: the standard streams, the
// environment and facts about the terminal. run fills it from the real
// process; tests fill it by hand to pretend stdout is a terminal.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
	// terminal reports whether w is a terminal and, if so, its width in
	// columns (0 when unknown).
	terminal func(w io.Writer) (bool, int)
	// height is a terminal's height in rows, 0 when unknown or not a
	// terminal (nil: unknown), to decide whether output needs a pager.
	height func(w io.Writer) int
	// mark goes right before each control character of lede's own
	// output (colour codes, the progress bar's CR), the only ones the
	// escapers of stdout and stderr let through (see escapeControls).
	mark string
}

// lede is one invocation: its environment and the global options once
// the command line is parsed. Commands are methods so they share both.
type lede struct {
	env
	db    string
	color colorMode
	// wait bounds how long a command waits for a database that another
	// lede process holds (--wait).
	wait time.Duration
	// pager says long output on a terminal goes through $PAGER (unset
	// by --no-pager).
	pager bool
	// sums is the summarise stage of ingest and watch, which keeps the
	// parses of the batch stored before from one batch to the next.
	sums intake.Summaries
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runEnv(ctx, args, env{
		stdin: stdin, stdout: stdout, stderr: stderr,
		getenv: os.Getenv, terminal: fileTerminal, height: fileRows,
	})
}

// runEnv runs one command line and returns the exit status: 0 success,
// 1 failure (some input failed), 2 usage error, 130 interrupted.
func runEnv(ctx context.Context, args []string, e env) int {
	e, flush := escapeControls(e)
	defer flush()
	app := newApp(e)
	args, err := reorderArgs(app, args)
	if err == nil {
		err = app.RunContext(ctx, args)
	}
	return report(e.stderr, err)
}

// newApp builds a fresh cli.App. Flag values live in the app, so every
// run (and every test) needs its own.
func newApp(e env) *cli.App {
	l := &lede{env: e, color: colorAuto, pager: true}
	var noPager bool
	dbDefault := defaultDBPath(e.getenv)
	return &cli.App{
		Name:    "lede",
		Usage:   "track how news-wire stories are revised",
		Version: version(),
		Description: `lede reads the versions of a wire story an agency sends (Yonhap (LEAD) and
(2nd LD) pages with their (ATTN: ...) notes, AP writethrus with Eds: notes,
IPTC 7901, NITF, NewsML-G2, ninjs and its own JSON lines; lede parse shows
what it reads), groups them into stories in a database, shows each story's
versions in order and what every update changed, checked against its
editor's note.

Global options may also be given after the command name.

Examples:
   lede ingest pages/                   store pages, grouped into stories
   lede stories --since 2020-02-01      the stories updated since a day
   lede history 200202-s-korea          one story's versions and notes
   lede show 200202-s-korea@2           the second version as received
   lede diff 200202-s-korea             what the latest update changed
   lede diff old.txt new.txt            compare two pages, no database
   lede parse page.txt                  show what lede reads in a page
   lede ingest - < page.txt             store a page from standard input
   lede --db ~/test.db ingest a.txt     use another database file`,
		Flags: []cli.Flag{
			&cli.StringFlag{
				Name:        "db",
				Usage:       "database file `PATH` (default from $LEDE_DB, else $XDG_DATA_HOME/lede/lede.db)",
				Value:       dbDefault,
				Destination: &l.db,
			},
			&cli.GenericFlag{
				Name:  "color",
				Usage: "colour output: `WHEN` is auto (a terminal and $NO_COLOR unset), always or never",
				Value: &l.color,
			},
			&cli.BoolFlag{
				Name:        "no-pager",
				Usage:       "write long output straight to the terminal, not through $PAGER (less -R when unset)",
				Destination: &noPager,
				Action:      func(*cli.Context, bool) error { l.pager = !noPager; return nil },
			},
			&cli.DurationFlag{
				Name:        "wait",
				Usage:       "wait up to `DURATION` (5s, 1m) for a database another lede process is using",
				Value:       5 * time.Second,
				Destination: &l.wait,
			},
		},
		Commands: []*cli.Command{
			l.ingestCommand(),
			l.storiesCommand(),
			l.historyCommand(),
			l.showCommand(),
			l.diffCommand(),
			l.parseCommand(),
			l.checkCommand(),
			l.mergeCommand(),
			l.splitCommand(),
			l.rmCommand(),
			l.markCommand(),
			l.unmarkCommand(),
			l.watchCommand(),
			l.alertsCommand(),
			l.followCommand(),
			l.muteCommand(),
			l.serveCommand(),
			l.completionCommand(),
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return unknownCommand(c.App, c.Args().First())
			}
			shortHelp(l.stdout, c.App)
			return nil
		},
		OnUsageError:   onUsageError(""),
		ExitErrHandler: func(*cli.Context, error) {},
		Reader:         e.stdin,
		Writer:         e.stdout,
		ErrWriter:      e.stderr,
	}
}

// The help of a bool flag says "(default: false)" after its usage, noise
// for a flag that is off until given.
func init() {
	stringer := cli.FlagStringer
	cli.FlagStringer = func(f cli.Flag) string { return strings.TrimSuffix(stringer(f), " (default: false)") }
}

// version is the module version the binary was built from, if known.
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

// defaultDBPath is where the database lives unless --db says otherwise:
// $LEDE_DB, else $XDG_DATA_HOME/lede/lede.db, else
// ~/.local/share/lede/lede.db. It is "" when no home is known.
func defaultDBPath(getenv func(string) string) string {
	if p := getenv("LEDE_DB"); p != "" {
		return p
	}
	// The XDG spec says relative values are invalid and must be ignored.
	if d := getenv("XDG_DATA_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "lede", "lede.db")
	}
	home := getenv("HOME")
	if home == "" {
		home, _ = os.UserHomeDir()
	}
	if home == "" {
		return ""
	}
	return filepath.Join(home, ".local", "share", "lede", "lede.db")
}

// cliError ends a run with an exit status, after printing msg (unless
// empty) and hint (unless empty) on stderr.
type cliError struct {
	code int
	msg  string
	hint string
	// fixFirst says running the command again cannot help until the
	// user changes something (a database path under a file), so no
	// message advises it.
	fixFirst bool
}

// mustFixFirst reports whether err is a cliError that running again
// cannot cure.
func mustFixFirst(err error) bool {
	var ce *cliError
	return errors.As(err, &ce) && ce.fixFirst
}

func (e *cliError) Error() string { return e.msg }

// usagef reports a mistake in how cmd ("" for lede itself) was called.
func usagef(cmd, format string, args ...any) error {
	help := "lede --help"
	if cmd != "" {
		help = "lede " + cmd + " --help"
	}
	return &cliError{code: 2, msg: fmt.Sprintf(format, args...), hint: "see '" + help + "'"}
}

// exitStatus ends a run with code once the command has printed its own
// messages, such as when some files of a batch failed.
func exitStatus(code int) error { return &cliError{code: code} }

// onUsageError turns urfave/cli's flag errors into lede's usage errors.
func onUsageError(cmd string) cli.OnUsageErrorFunc {
	return func(_ *cli.Context, err error, _ bool) error {
		return usagef(cmd, "%s", flagErrorText(err))
	}
}

// flagErrorText rewrites the standard flag package's messages, which
// name flags with one dash, into the form users type.
func flagErrorText(err error) string {
	msg := err.Error()
	// urfave/cli's words for a flag given as both its names ("-f json
	// --format markdown").
	if pair, ok := strings.CutPrefix(msg, "Cannot use two forms of the same flag: "); ok {
		names := strings.Fields(pair)
		for i, n := range names {
			names[i] = dashes(n)
		}
		return strings.Join(names, " and ") + " are one flag: give it once"
	}
	msg = strings.Replace(msg, ": parse error", ": not a whole number", 1)
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		return "unknown flag " + dashes(name)
	}
	for _, p := range []string{"for flag -", "needs an argument: -"} {
		if before, name, ok := strings.Cut(msg, p); ok {
			return before + p[:len(p)-1] + dashes(name)
		}
	}
	return msg
}

// dashes writes a flag name (possibly followed by ": reason") with two
// dashes when it is long, one when it is a single letter.
func dashes(s string) string {
	name, _, _ := strings.Cut(s, ":")
	if len(name) > 1 {
		return "--" + s
	}
	return "-" + s
}

// report prints err the lede way and returns the exit status for it.
func report(stderr io.Writer, err error) int {
	if err == nil {
		return 0
	}
	var ce *cliError
	var exit cli.ExitCoder
	switch {
	case errors.As(err, &ce):
		if ce.msg != "" {
			fmt.Fprintf(stderr, "lede: error: %s\n", ce.msg)
		}
		if ce.hint != "" {
			fmt.Fprintf(stderr, "hint: %s\n", ce.hint)
		}
		return ce.code
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "lede: interrupted")
		return 130
	case errors.As(err, &exit):
		// urfave/cli's own exits, such as "No help topic for 'x'".
		fmt.Fprintf(stderr, "lede: error: %s\nhint: see 'lede --help'\n", lowerFirst(err.Error()))
		return 2
	}
	fmt.Fprintf(stderr, "lede: error: %s\n", err)
	return 1
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
