package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"os"
	"time"

	"github.com/urfave/cli/v2"

	"lede/store"
	"lede/web"
)

// serveCommand is "lede serve": the web view for desks and the JSON API.
func (l *lede) serveCommand() *cli.Command {
	addr := "127.0.0.1:8080"
	var watchDirs []string
	var allowMarks bool
	opt := defaultWatchOptions()
	maxSize := byteSize(opt.maxSize)
	return &cli.Command{
		Name:  "serve",
		Usage: "serve story timelines, diffs, a JSON API and a feed of new leads over HTTP",
		Description: `Serve the database over HTTP for people and tools, read-only unless
--allow-marks:

   /                          stories, newest first (?q=words, ?since=DATE, ?agency=AP,
                              ?status=killed|corrected|usable, ?page=N); KILLED,
                              CORRECTED and WITHHELD badges here and on every page
   /?within=hour|today        the desk: what came in lately, newest first, KILLED, CORRECTED,
                              URGENT and NOT SEEN flagged (&flag=killed|corrected|urgent|notseen);
                              reloads every minute (&refresh=0 stops it, &refresh=N sets it)
   /s/STORY                   the story's timeline; pick two versions to compare (?refresh=N reloads)
   /s/STORY/diff?from=A&to=B  the diff, inline or side by side (&view=side)
   /r/REF                     the version REF names, to read and copy (/r/REF.txt: plain text)
   /s/STORY/latest            the latest version's page: the latest clean copy
   /api/stories               as 'lede stories --json' (?q, ?since, ?agency, ?status, ?page, ?limit)
   /api/stories/STORY         as 'lede history --json'
   /api/stories/STORY/revisions/N      as 'lede show --json'
   /api/revisions/REF                  the same, by ref
   /api/stories/STORY/diff?from=A&to=B as 'lede diff --format json'
   /feed.atom                 new leads (LEAD, 2nd LD, ...), kills and corrections as an Atom feed,
                              newest first (?agency=AP: that agency's)
   /s/STORY/feed.atom         every version of one story as an Atom feed

A version (A, B, N) is its place in story order (2) or its ref (r17). The
pages and the feed link versions by ref, so a link keeps naming the same
version when a late one (a LEAD stored after its 2nd LD) renumbers the
story; feed entry ids are tag:HOST,DATE:lede/DBID/REF URIs (they were
urn:lede:revision:REF before: a reader sees old entries once more).

It binds the loopback interface unless --addr says otherwise. The database
is opened for each request and closed before the answer is sent, so lede
ingest can write while the server runs. Ctrl-C stops it once the requests
under way are answered.

A version over 5,000 paragraphs or 2 MiB is not shown on the diff pages and
the revision API (413, naming the lede diff or lede show command that shows
it by ref, such as "lede diff r16 r17"), and as many diffs as there are CPUs (at least 2) are computed at once;
one more waits up to 2s for its turn, then gets 503 with Retry-After.

The server only reads unless --allow-marks is given: then each version on
a timeline has a "mark as used" button (a form POST, refused from other
sites' pages), which does what lede mark does; the timeline then links
what changed since the story's last mark. Without the flag, marks made
with lede mark are shown but not set from the web: a read-only server
cannot change the database whoever reaches it.

With --watch DIR, the same process also runs lede watch on DIR, so new
pages show up in the view and the feed as they arrive; lede watch's rule,
sink and tuning flags (--on, --grep, --late, --webhook, --notify, --jsonl,
--quiet, --settle...) apply to it, with the same defaults (alerts on new leads, to
the terminal).

Examples:
   lede serve
   lede --db ~/lede.db serve --addr 127.0.0.1:9000
   lede serve --watch ~/wire/incoming
   lede serve --allow-marks
   lede serve --watch ~/wire/incoming --quiet --notify 'ntfy://ntfy.sh/desk'
   curl -s localhost:8080/api/stories?q=coronavirus | jq -r '.[].id'
   curl -s 'localhost:8080/api/stories?status=killed&agency=Reuters' | jq -r '.[].id'`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "addr", Value: addr, Usage: "listen on `HOST:PORT` (another host than loopback exposes the database)", Destination: &addr},
			&cli.GenericFlag{Name: "watch", Usage: "also watch `DIR` and ingest its pages as lede watch does; repeatable", Value: repeated{&watchDirs}},
			&cli.BoolFlag{Name: "allow-marks", Usage: "let the pages mark versions as used (lede mark), the one write the server then makes", Destination: &allowMarks},
		}, watchFlags(&opt, &maxSize)...),
		OnUsageError: onUsageError("serve"),
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("serve", "unexpected argument %q", c.Args().First())
			}
			if len(watchDirs) == 0 {
				for _, f := range watchFlags(&watchOptions{}, new(byteSize)) {
					if name := f.Names()[0]; c.IsSet(name) {
						return usagef("serve", "--%s goes with --watch DIR", name)
					}
				}
			}
			opt.maxSize = int64(maxSize)
			return l.serve(c.Context, addr, watchDirs, allowMarks, opt)
		},
	}
}

func (l *lede) serve(ctx context.Context, addr string, watchDirs []string, allowMarks bool, opt watchOptions) error {
	for _, d := range watchDirs {
		if st, err := os.Stat(d); err != nil || !st.IsDir() {
			return &cliError{code: 2, msg: fmt.Sprintf("--watch %s: not a directory", d)}
		}
	}
	// Fail now, not on the first request, when there is no database; a
	// watcher creates it.
	if len(watchDirs) == 0 {
		if err := l.withRead(ctx, func(*store.DB) error { return nil }); err != nil {
			return err
		}
	}
	logger := log.New(l.stderr, "lede: serve: ", log.LstdFlags)
	var write func(context.Context, func(*store.DB) error) error
	if allowMarks {
		write = func(ctx context.Context, fn func(*store.DB) error) error {
			return l.withWrite(ctx, "serve (a mark)", fn)
		}
	}
	srv, err := web.New(web.Config{
		Write: write,
		Open:  l.openRead,
		// A waiting command knocks again every 250ms; an older knock
		// was left by one that gave up or died, and must not hold back
		// every request of the server.
		WriterWaiting: func() bool { return store.KnockedWithin(l.db, time.Second) },
		FillSummaries: func(db *store.DB, s store.Story) error {
			pairs, err := missingSummaries(db, s)
			fillSummaries(s, pairs, l.stderr)
			return err
		},
		CLI: "lede" + l.dbFlag(),
		Log: logger,
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return &cliError{code: 1, msg: fmt.Sprintf("cannot listen on %s: %v", addr, err),
			hint: "pick another port with --addr 127.0.0.1:PORT"}
	}
	if host, _, _ := net.SplitHostPort(ln.Addr().String()); !net.ParseIP(host).IsLoopback() {
		fmt.Fprintf(l.stderr, "lede: warning: %s is reachable from other machines; everything in %s can be read\n", ln.Addr(), l.db)
	}
	serveCtx, stopServing := context.WithCancel(ctx)
	defer stopServing()
	watchCtx, stopWatching := context.WithCancel(ctx)
	defer stopWatching()
	watched := make(chan error, 1)
	if len(watchDirs) > 0 {
		go func() {
			// The watcher ends when the server does, or on an error
			// that stops the server too.
			watched <- l.watch(watchCtx, watchDirs, opt)
			stopServing()
		}()
	} else {
		watched <- nil
	}
	fmt.Fprintf(l.stderr, "lede: serving %s on http://%s/ (Ctrl-C to stop)\n", l.db, ln.Addr())
	err = srv.Serve(serveCtx, ln)
	stopWatching()
	if werr := <-watched; werr != nil && !errors.Is(werr, context.Canceled) {
		return werr
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(l.stderr, "lede: stopped")
	return nil
}
