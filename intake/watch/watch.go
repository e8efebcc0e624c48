// Package watch is lede's folder watcher: it takes the files that settle
// in watched directories through the intake's stages (parse, store,
// summarise), turns the events the store leaves in its outbox into
// alerts and hands them to the deliverer, holding the database for a
// moment per cycle so that other commands get in. lede watch and lede
// serve --watch run it; cmd/lede builds its Config from the flags and
// prints what its Reporter is told.
package watch

import (
	"context"
	"time"

	"lede/alert"
	"lede/intake"
	"lede/revision"
	"lede/store"
)

// Config is one watch: what it watches, the rules it alerts by, how it
// reaches the database and where it reports.
type Config struct {
	// Dirs are the directories watched (and those below them); none
	// with Once only delivers what is due.
	Dirs []string
	// Once takes the files there now, delivers what is due and returns.
	Once bool
	// Rules pick the revisions that raise alerts; the stored follows
	// and mutes are added at each cycle.
	Rules revision.Rules
	// DBID and DBFlag go into each alert: the database's id, which
	// makes alert ids unique, and the --db option of the commands an
	// alert names ("" for the default database).
	DBID, DBFlag string
	// Path is the database file, for the knocks of waiting readers.
	Path string
	// Open opens the database for writing, OpenRead for reading.
	Open, OpenRead func(context.Context) (*store.DB, error)
	// Deliverer sends the alerts to the sinks.
	Deliverer *alert.Deliverer
	// Summaries is the summarise stage, kept from cycle to cycle.
	Summaries *intake.Summaries
	// Report is told what happens.
	Report Reporter
	// Settle is how long a file's size must hold still before it is
	// taken; Incomplete how long a cut-off page waits for its writer;
	// Rescan how often the directories are listed again; KeepAlerts
	// how old a sent alert gets before it is deleted (0: kept).
	Settle, Incomplete, Rescan, KeepAlerts time.Duration
	// Batch is how many files a cycle stores at most.
	Batch int
	// MaxSize refuses larger files.
	MaxSize int64
}

// Reporter is what a watch tells its user. The watch goes on after
// each of these: nothing it reports stops it.
type Reporter interface {
	// Warn is a problem the watch works around, such as a busy
	// database or a sink that failed; msg is lower case, without
	// "warning:".
	Warn(msg string)
	// Taken is the outcome of each item stored, errors included.
	Taken(r store.Result)
	// Pruned says that n sent alerts older than keep were deleted.
	Pruned(n int, keep time.Duration)
}

// Stats is what a watch did, for its closing line and its exit status.
type Stats struct {
	// Tally counts the items taken by outcome.
	Tally map[store.Status]int
	// Alerts is how many alerts were raised; Held how many events
	// could not be turned into alerts yet.
	Alerts, Held int
	// Sent counts the deliveries, Failures the failed attempts.
	Sent, Failures int
}

// Taken is how many items the watch took.
func (s Stats) Taken() int {
	n := 0
	for _, v := range s.Tally {
		n += v
	}
	return n
}

// Failed reports whether something is left undone: an item that failed,
// a failed delivery or an event held back.
func (s Stats) Failed() bool {
	return s.Tally[store.StatusError] > 0 || s.Failures > 0 || s.Held > 0
}

// Run watches until ctx ends (it then lets the sends in flight finish
// for a while and returns context.Canceled) or, with Once, until the
// work there is done. The database must exist, with alerts enabled, and
// the caller must hold the watch lock (see Lock).
func Run(ctx context.Context, cfg Config) (Stats, error) {
	w := &watchRun{cfg: cfg, files: intake.NewTracker(cfg.Dirs, cfg.Settle),
		del: cfg.Deliverer, tally: map[store.Status]int{}}
	err := w.run(ctx)
	return Stats{Tally: w.tally, Alerts: w.alerts, Held: len(w.held), Sent: w.del.Sent, Failures: w.del.Failures}, err
}
